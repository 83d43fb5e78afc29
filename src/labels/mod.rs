//! The poster's own words in the map's language (SPEC §2.1): row labels
//! and questions, panel titles, the legend, DRAFT and Validated, "not
//! answered", dates. `lang` picks a built-in table, or without it the
//! language the map's text is clearly written in (see [`Lang::of`]);
//! `[labels]` overrides any entry by its key, in any language.
//!
//! Templates hold `{name}` placeholders, filled by [`Labels::fill`].

/// A language the poster speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// German.
    De,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Dutch.
    Nl,
    /// Polish.
    Pl,
    /// Swedish.
    Sv,
}

impl Lang {
    /// Every built-in language.
    pub const ALL: [Lang; 7] = [Lang::En, Lang::De, Lang::Fr, Lang::Es, Lang::Nl, Lang::Pl, Lang::Sv];

    /// The BCP 47 primary subtag, e.g. `de`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Nl => "nl",
            Lang::Pl => "pl",
            Lang::Sv => "sv",
        }
    }

    /// The language of a BCP 47 tag (`de`, `de-AT`, `en_GB`), if built in.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    fn table(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => EN,
            Lang::De => DE,
            Lang::Fr => FR,
            Lang::Es => ES,
            Lang::Nl => NL,
            Lang::Pl => PL,
            Lang::Sv => SV,
        }
    }
}

/// The labels of one poster: a language's table with the map's overrides.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Labels {
    lang: Lang,
    overrides: Vec<(String, String)>,
}

impl Labels {
    /// The labels of `lang` with `overrides` (key, text) on top.
    pub fn new(lang: Lang, overrides: Vec<(String, String)>) -> Labels {
        Labels { lang, overrides }
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The label for `key`: the map's override, the language's text, or
    /// the English text (every key is in English).
    pub fn get(&self, key: &str) -> &str {
        if let Some((_, v)) = self.overrides.iter().find(|(k, _)| k == key) {
            return v;
        }
        let find =
            |table: &'static [(&'static str, &'static str)]| table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
        find(self.lang.table()).or_else(|| find(EN)).unwrap_or("")
    }

    /// The label for `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        fill_in(self.get(key), values)
    }

    /// A date in the language's style, e.g. "22 November 2026",
    /// "22. November 2026", "22 listopada 2026".
    pub fn date(&self, date: crate::model::Date) -> String {
        let months: Vec<&str> = self.get("months").split('|').collect();
        let month = months.get(usize::from(date.month).saturating_sub(1)).copied().unwrap_or("");
        self.fill("date", &[("day", &date.day.to_string()), ("month", month), ("year", &date.year.to_string())])
    }
}

/// `template` with each `{name}` replaced by its value. One pass: a value
/// that itself holds "{n}" (a stage called "Tier {n}") is copied, never
/// filled again.
pub(super) fn fill_in(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').map(|close| (&after[..close], &after[close + 1..])) {
            Some((name, tail)) if values.iter().any(|(n, _)| *n == name) => {
                out.push_str(values.iter().find(|(n, _)| *n == name).map_or("", |(_, v)| v));
                rest = tail;
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The sign the would-pay badge shows for a `currency` value: an ISO 4217
/// code's sign (`EUR` → `€`, `SEK` → `kr`), or the value itself when it is
/// a short sign of at most 3 characters. `None` for anything longer.
pub fn currency_sign(currency: &str) -> Option<String> {
    let sign = match currency.to_ascii_uppercase().as_str() {
        "EUR" => "€",
        "USD" | "CAD" | "AUD" | "NZD" | "MXN" => "$",
        "GBP" => "£",
        "JPY" | "CNY" => "¥",
        "INR" => "₹",
        "KRW" => "₩",
        "CHF" => "Fr",
        "SEK" | "NOK" | "DKK" | "ISK" => "kr",
        "PLN" => "zł",
        "CZK" => "Kč",
        "BRL" => "R$",
        _ if !currency.is_empty() && currency.chars().count() <= 3 && !currency.chars().any(char::is_whitespace) => {
            currency
        }
        _ => return None,
    };
    Some(sign.to_owned())
}

mod detect;
mod plural;
mod tables;

pub use detect::{MIN_LETTERS, SAMPLE_CHARS, detect, detect_text};
pub use plural::COUNTED;
use tables::{DE, EN, ES, FR, NL, PL, SV};

/// Every label key, in the English table's order.
pub fn keys() -> impl Iterator<Item = &'static str> {
    EN.iter().map(|(k, _)| *k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_in_every_language_and_no_other() {
        let english: Vec<&str> = keys().collect();
        for lang in Lang::ALL {
            let keys: Vec<&str> = lang.table().iter().map(|(k, _)| *k).collect();
            assert_eq!(keys, english, "{lang:?}");
            for (k, v) in lang.table() {
                assert!(!v.trim().is_empty(), "{lang:?} {k}");
            }
            assert_eq!(Labels::new(lang, vec![]).get("months").split('|').count(), 12, "{lang:?}");
        }
    }

    #[test]
    fn placeholders_survive_translation() {
        for (key, text) in EN {
            let holes: Vec<&str> = text.match_indices('{').map(|(i, _)| &text[i..]).collect();
            for lang in Lang::ALL {
                let other = Labels::new(lang, vec![]).get(key).to_owned();
                for hole in &holes {
                    let name = &hole[..hole.find('}').map_or(0, |i| i + 1)];
                    assert!(other.contains(name), "{lang:?} {key} lacks {name}: {other}");
                }
            }
        }
    }

    #[test]
    fn placeholders_are_filled_once() {
        let labels = Labels::new(Lang::En, vec![]);
        let text = labels.fill("tie_weakest_order", &[("stage", "Tier {n}"), ("other", "B"), ("n", "−2")]);
        assert_eq!(
            text,
            "Tier {n} and B tie at −2 with the same feeling; the earlier stage, Tier {n}, is named weakest."
        );
        assert_eq!(labels.fill("effort_level", &[]), "{n} of 5", "a missing value leaves its placeholder");
    }

    #[test]
    fn overrides_win_and_tags_pick_languages() {
        let labels = Labels::new(Lang::De, vec![("stage".into(), "Abschnitt".into())]);
        assert_eq!(labels.get("stage"), "Abschnitt");
        assert_eq!(labels.get("touchpoints"), "Kontaktpunkte");
        assert_eq!(Lang::from_tag("de-AT"), Some(Lang::De));
        assert_eq!(Lang::from_tag("pl_PL"), Some(Lang::Pl));
        assert_eq!(Lang::from_tag("ja"), None);
        let date = crate::model::Date { year: 2026, month: 11, day: 22 };
        assert_eq!(Labels::new(Lang::Pl, vec![]).date(date), "22 listopada 2026");
        assert_eq!(Labels::new(Lang::De, vec![]).date(date), "22. November 2026");
        assert_eq!(Labels::new(Lang::Es, vec![]).date(date), "22 de noviembre de 2026");
    }
}
