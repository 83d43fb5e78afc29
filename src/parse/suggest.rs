//! "Did you mean …?" for close misspellings of keys, marks, themes and sizes.

/// The candidate closest to `word`, if it is close enough to be a
/// misspelling rather than a different word: at most one edit for short
/// words, two for words of eight letters or more, ignoring case, `_` and `-`.
pub(crate) fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let norm = |s: &str| s.to_lowercase().replace(['_', '-', ' '], "");
    let w = norm(word);
    if w.is_empty() {
        return None;
    }
    let budget = if w.chars().count() >= 8 { 2 } else { 1 };
    candidates
        .into_iter()
        .filter(|c| c.len() > 2 || c.eq_ignore_ascii_case(word))
        .map(|c| (strsim::damerau_levenshtein(&w, &norm(c)), c))
        .filter(|&(d, c)| d <= budget && c != word)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// A hint sentence for [`closest`], or `None`.
pub(crate) fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    closest(word, candidates).map(|c| format!("did you mean `{c}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_misspellings_only() {
        let keys = ["motivation", "concerns", "doing", "title", "subtitle"];
        assert_eq!(closest("motivaton", keys), Some("motivation"));
        assert_eq!(closest("titel", keys), Some("title"));
        assert_eq!(closest("Concerns", keys), Some("concerns"));
        assert_eq!(closest("thinking", keys), None);
        assert_eq!(closest("would_pay", ["would-pay", "pain"]), Some("would-pay"));
        assert_eq!(closest("A9", ["A0", "A1"]), None, "two-letter names are too short to guess");
        assert_eq!(closest("a2", ["A2"]), Some("A2"));
    }
}
