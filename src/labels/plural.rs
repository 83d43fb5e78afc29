//! Counted words ("1 pain", "3 pains", "5 problemów"): a label whose text
//! holds its plural forms joined by `|`, picked by the language's rule.
//!
//! One key per counted word, with every form in one text, keeps the
//! tables' keys the same in every language (Polish has three forms where
//! English has two) and lets a map override them in `[labels]` alike.

use super::{Labels, Lang};

/// The labels that count something, each holding its language's forms.
pub const COUNTED: &[&str] = &[
    "pains",
    "strengths",
    "felt_badly",
    "felt_well",
    "headline_fix",
    "headline_act",
    "more",
    "legend_touchpoints",
    "legend_stages",
    "canvas_more",
    "changes_stages_added",
    "changes_stages_renamed",
    "changes_added",
    "changes_removed",
    "changes_score",
    "changes_marks",
    "changes_moved",
    "changes_renamed",
    "changes_rank",
    "changes_text",
    "changes_health",
    "changes_edits",
    "folded",
    "tiles_heading",
    "tiles_rows",
    "tiles_columns",
];

/// The form of a count: which of a label's `|`-joined forms it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// The first form: "1 pain".
    One,
    /// Polish 2–4 (not 12–14): "2 problemy".
    Few,
    /// Every other count: "5 pains", Polish "5 problemów".
    Many,
}

impl Lang {
    /// How many plural forms the language's counted labels hold.
    pub fn plural_forms(self) -> usize {
        match self {
            Lang::Pl => 3,
            _ => 2,
        }
    }

    /// The CLDR cardinal rule of the language, for whole numbers.
    pub(crate) fn form(self, n: usize) -> Form {
        match self {
            // French counts 0 and 1 as one.
            Lang::Fr if n <= 1 => Form::One,
            Lang::Pl if n == 1 => Form::One,
            Lang::Pl if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) => Form::Few,
            _ if n == 1 => Form::One,
            _ => Form::Many,
        }
    }
}

impl Labels {
    /// The counted label `key` for `n`, its `{n}` filled: the form the
    /// language's rule picks, or the last form when an override holds
    /// fewer.
    pub fn plural(&self, key: &str, n: usize) -> String {
        self.plural_fill(key, n, &[])
    }

    /// The counted label `key` for `n` with `{n}` and its other
    /// placeholders filled from `values` ("Fix these first: {list}."), in
    /// one pass.
    pub fn plural_fill(&self, key: &str, n: usize, values: &[(&str, &str)]) -> String {
        let forms: Vec<&str> = self.get(key).split('|').collect();
        let index = match (self.lang.form(n), forms.len()) {
            (Form::One, _) => 0,
            (Form::Few, 3..) => 1,
            (Form::Many, 3..) => 2,
            _ => 1,
        };
        let form = forms.get(index).or(forms.last()).copied().unwrap_or("");
        let number = n.to_string();
        let all: Vec<(&str, &str)> = std::iter::once(("n", number.as_str())).chain(values.iter().copied()).collect();
        super::fill_in(form, &all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_counts_one_few_and_many() {
        let pl = Labels::new(Lang::Pl, vec![("pains".into(), "{n} problem|{n} problemy|{n} problemów".into())]);
        let said: Vec<String> = [1, 2, 4, 5, 12, 14, 22, 25, 102].iter().map(|&n| pl.plural("pains", n)).collect();
        assert_eq!(
            said,
            [
                "1 problem",
                "2 problemy",
                "4 problemy",
                "5 problemów",
                "12 problemów",
                "14 problemów",
                "22 problemy",
                "25 problemów",
                "102 problemy"
            ]
        );
    }

    #[test]
    fn the_tables_count_more_actions_in_each_language() {
        let pl = Labels::new(Lang::Pl, Vec::new());
        assert_eq!(pl.plural("more", 1), "+ 1 kolejne działanie");
        assert_eq!(pl.plural("more", 3), "+ 3 kolejne działania");
        assert_eq!(pl.plural("more", 12), "+ 12 kolejnych działań");
        let en = Labels::new(Lang::En, Vec::new());
        assert_eq!(en.plural("more", 1), "+ 1 more action");
        assert_eq!(en.plural("more", 14), "+ 14 more actions");
    }

    #[test]
    fn english_and_french_differ_at_zero() {
        let en = Labels::new(Lang::En, vec![("pains".into(), "{n} pain|{n} pains".into())]);
        assert_eq!(en.plural("pains", 0), "0 pains");
        assert_eq!(en.plural("pains", 1), "1 pain");
        let fr = Labels::new(Lang::Fr, vec![("pains".into(), "{n} irritant|{n} irritants".into())]);
        assert_eq!(fr.plural("pains", 0), "0 irritant");
        assert_eq!(fr.plural("pains", 2), "2 irritants");
    }

    #[test]
    fn an_override_with_one_form_is_used_for_every_count() {
        let en = Labels::new(Lang::En, vec![("pains".into(), "{n} × pain".into())]);
        assert_eq!(en.plural("pains", 3), "3 × pain");
    }

    #[test]
    fn every_counted_label_has_its_languages_forms() {
        for lang in Lang::ALL {
            let labels = Labels::new(lang, Vec::new());
            for key in COUNTED {
                let forms = labels.get(key).split('|').count();
                assert_eq!(forms, lang.plural_forms(), "{key} in {}", lang.code());
            }
        }
    }
}
