//! The map's language and its words: `lang`, `currency` and `[labels]`.

use super::suggest::did_you_mean;
use super::walk::{Entry, Walker};
use crate::diag::{Code, Diagnostic};
use crate::model::Journey;

/// The note for a map without `lang` whose text reads as a built-in
/// language other than English (SPEC §2.1): the poster now speaks it, and
/// the author should know why and how to choose. English needs no note:
/// the poster is as it always was.
pub(super) fn detected(journey: &Journey) -> Option<Diagnostic> {
    let lang = crate::labels::detect(journey).filter(|l| *l != crate::labels::Lang::En)?;
    let (name, code) = (lang.name(), lang.code());
    Some(
        Diagnostic::new(
            Code::DetectedLang,
            0..0,
            "lang",
            format!("the map reads as {name} ({code}); its labels, dates and hyphenation follow"),
        )
        .with_hint(format!(
            "write `lang = \"{code}\"` at the top of the map to fix it, or `lang = \"en\"` to keep English"
        )),
    )
}

impl Walker<'_> {
    /// `lang`: a BCP 47 tag. One without built-in labels is a warning; the
    /// poster then speaks English.
    pub(super) fn lang(&mut self, e: &Entry<'_, '_>) -> Option<String> {
        let tag = self.string(e)?;
        if crate::labels::Lang::from_tag(&tag).is_none() {
            let known: Vec<&str> = crate::labels::Lang::ALL.iter().map(|l| l.code()).collect();
            self.push(
                Diagnostic::new(
                    Code::UnknownLang,
                    e.span(),
                    "lang",
                    format!(
                        "there are no built-in labels for the language '{tag}'; the poster's own words stay English"
                    ),
                )
                .with_hint(format!("built-in languages: {}; or translate the labels under [labels]", known.join(", "))),
            );
        }
        Some(tag)
    }

    /// `currency`: an ISO 4217 code or a short sign for the would-pay badge.
    pub(super) fn currency(&mut self, e: &Entry<'_, '_>) -> Option<String> {
        let value = self.string(e)?;
        let value = value.trim().to_owned();
        if crate::labels::currency_sign(&value).is_none() {
            self.push(
                Diagnostic::new(Code::BadValue, e.span(), "currency", format!("'{value}' is not a currency the badge can show"))
                    .with_hint("give an ISO code such as EUR, USD, GBP, SEK or PLN, or a sign of at most 3 characters such as \"€\""),
            );
            return None;
        }
        Some(value)
    }

    /// `[labels]`: the poster's own words, overridden by key.
    pub(super) fn labels(&mut self, e: &Entry<'_, '_>) -> Vec<(String, String)> {
        let Some(table) = self.table(e) else { return Vec::new() };
        let mut labels = Vec::new();
        for (key, value) in table.iter() {
            let key_text = key.get_ref().as_ref();
            let entry = Entry { key: key_text, key_span: key.span(), value };
            if !crate::labels::keys().any(|k| k == key_text) {
                let hint = did_you_mean(key_text, crate::labels::keys())
                    .unwrap_or_else(|| "the keys are listed in the README under [labels]".to_owned());
                self.push(
                    Diagnostic::new(Code::UnknownKey, key.span(), key_text, format!("unknown label '{key_text}'"))
                        .with_hint(hint),
                );
                continue;
            }
            if let Some(text) = self.string(&entry) {
                if key_text == "months" && text.split('|').count() != 12 {
                    self.push(
                        Diagnostic::new(
                            Code::BadValue,
                            entry.span(),
                            "months",
                            format!("'months' needs twelve names, not {}", text.split('|').count()),
                        )
                        .with_hint("write the twelve month names joined by |, e.g. \"Jan|Feb|Mar|…|Dec\""),
                    );
                    continue;
                }
                labels.push((key_text.to_owned(), text));
            }
        }
        labels
    }
}
