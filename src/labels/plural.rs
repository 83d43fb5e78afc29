//! Counted words in the language's plural forms: "1 touchpoint",
//! "9 touchpoints", "2 punkty styku", "5 punktów styku".
//!
//! A counted label holds its forms joined by `|`, in the order of the
//! language's plural categories (CLDR cardinal rules for whole numbers):
//! one|other for English, German, Dutch, Swedish, Spanish and French (where
//! 0 takes the singular too), one|few|many for Polish.

use super::{Labels, Lang};

impl Lang {
    /// How many plural forms a counted label holds in this language.
    pub fn plural_forms(self) -> usize {
        match self {
            Lang::Pl => 3,
            Lang::En | Lang::De | Lang::Fr | Lang::Es | Lang::Nl | Lang::Sv => 2,
        }
    }

    /// Which of the language's plural forms `n` takes, from 0.
    pub fn plural_form(self, n: usize) -> usize {
        match self {
            Lang::En | Lang::De | Lang::Es | Lang::Nl | Lang::Sv => usize::from(n != 1),
            Lang::Fr => usize::from(n > 1),
            // 1 → one; 2–4, 22–24, 102–104… but not 12–14 → few; else many.
            Lang::Pl if n == 1 => 0,
            Lang::Pl if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) => 1,
            Lang::Pl => 2,
        }
    }
}

impl Labels {
    /// The counted label `key` for `n`: the form the language uses for the
    /// number, with `{n}` filled. An override with fewer forms than the
    /// language has uses its last form for the rest.
    pub fn count(&self, key: &str, n: usize) -> String {
        let number = n.to_string();
        let forms: Vec<&str> = self.get(key).split('|').collect();
        let form = forms.get(self.lang().plural_form(n)).or(forms.last()).copied().unwrap_or("");
        super::fill_in(form, &[("n", &number)])
    }
}

/// The keys of the counted labels.
pub const COUNTED: &[&str] = &["legend_touchpoints", "legend_stages"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_has_one_few_and_many() {
        let pl = Labels::new(Lang::Pl, vec![]);
        let counted = |n| pl.count("legend_touchpoints", n);
        assert_eq!(counted(1), "1 punkt styku");
        for n in [2, 3, 4, 22, 23, 24, 102, 1004] {
            assert_eq!(counted(n), format!("{n} punkty styku"), "{n}");
        }
        for n in [0, 5, 11, 12, 13, 14, 21, 25, 111, 112, 1000] {
            assert_eq!(counted(n), format!("{n} punktów styku"), "{n}");
        }
    }

    #[test]
    fn one_and_other_and_french_zero() {
        let en = Labels::new(Lang::En, vec![]);
        assert_eq!(en.count("legend_touchpoints", 1), "1 touchpoint");
        assert_eq!(en.count("legend_touchpoints", 0), "0 touchpoints");
        assert_eq!(en.count("legend_stages", 12), "12 stages");
        let fr = Labels::new(Lang::Fr, vec![]);
        assert_eq!(fr.count("legend_stages", 0), "0 étape");
        assert_eq!(fr.count("legend_stages", 2), "2 étapes");
        // An override with one form serves every number.
        let custom = Labels::new(Lang::Pl, vec![("legend_stages".into(), "etapy: {n}".into())]);
        assert_eq!(custom.count("legend_stages", 5), "etapy: 5");
    }

    #[test]
    fn every_counted_label_has_the_languages_forms_each_with_its_number() {
        for lang in Lang::ALL {
            let labels = Labels::new(lang, vec![]);
            for key in COUNTED {
                let forms: Vec<&str> = labels.get(key).split('|').collect();
                assert_eq!(forms.len(), lang.plural_forms(), "{lang:?} {key}: {forms:?}");
                assert!(forms.iter().all(|f| f.contains("{n}")), "{lang:?} {key}: {forms:?}");
            }
        }
    }
}
