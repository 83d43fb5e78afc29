//! The words on tiled sheets and on their assembly page, in the
//! document's language: which sheet this is, of how many, on what paper,
//! and how the sheets go together. A tiled poster is often hung where the
//! poster's readers are; its sheets should speak as the poster does.

use super::geom::Size2;
use crate::labels::Labels;
use crate::model::Paper;
use crate::text::{Shaper, Style, wrap_in};

/// The words of one grid of sheets: `rows` × `columns` of one paper in one
/// orientation.
pub(crate) struct SheetWords<'a> {
    labels: &'a Labels,
    rows: usize,
    columns: usize,
    /// The paper and its orientation, e.g. "A4 portrait", "A4 quer".
    sheet: String,
}

impl<'a> SheetWords<'a> {
    /// The words for a grid of `rows` × `columns` sheets of `paper`, each
    /// `size` px (wider than tall is landscape).
    pub(crate) fn new(labels: &'a Labels, paper: Paper, size: Size2, rows: usize, columns: usize) -> SheetWords<'a> {
        let name = match paper {
            Paper::Letter => labels.get("paper_letter"),
            Paper::Legal => labels.get("paper_legal"),
            Paper::Tabloid => labels.get("paper_tabloid"),
            Paper::Slide => labels.get("paper_slide"),
            // A-series names are the same in every language.
            other => other.as_str(),
        };
        let key = if size.width > size.height { "tiles_landscape" } else { "tiles_portrait" };
        let sheet = labels.fill(key, &[("paper", name)]);
        SheetWords { labels, rows, columns, sheet }
    }

    /// Sheet `row`, `column` (from 1), as its label and the assembly page
    /// name it: "row 2, column 3".
    pub(crate) fn cell(&self, row: usize, column: usize) -> String {
        self.labels.fill("tiles_cell", &[("row", &row.to_string()), ("column", &column.to_string())])
    }

    /// Sheet `row`, `column` as its page's name (a PDF bookmark): the
    /// label with a capital, "Row 2, column 3".
    pub(crate) fn page_name(&self, row: usize, column: usize) -> String {
        let cell = self.cell(row, column);
        let mut chars = cell.chars();
        chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
    }

    /// The line along a sheet's top edge: "{title} · row 1, column 3 of
    /// 2 × 4 · A4 portrait".
    pub(crate) fn caption(&self, title: &str, row: usize, column: usize) -> String {
        let (rows, columns) = (self.rows.to_string(), self.columns.to_string());
        let cell = self.cell(row, column);
        self.labels.fill(
            "tiles_caption",
            &[("title", title), ("cell", &cell), ("rows", &rows), ("columns", &columns), ("sheet", &self.sheet)],
        )
    }

    /// The assembly page's first line: "{title} · how the 4 sheets go
    /// together".
    pub(crate) fn heading(&self, title: &str) -> String {
        self.labels.plural_fill("tiles_heading", self.rows * self.columns, &[("title", title)])
    }

    /// What the grid is: "2 rows × 2 columns of A4 landscape, each
    /// labelled as below."
    pub(crate) fn grid(&self) -> String {
        let (rows, columns) = self.counts();
        self.labels.fill("tiles_grid", &[("rows", &rows), ("columns", &columns), ("sheet", &self.sheet)])
    }

    /// What to do with the sheets, with the overlap of `overlap_mm`.
    pub(crate) fn cut(&self, overlap_mm: f64) -> String {
        self.labels.fill("tiles_cut", &[("mm", &format!("{overlap_mm:.0}"))])
    }

    /// The assembly figure's alt text.
    pub(crate) fn alt(&self) -> String {
        let (rows, columns) = self.counts();
        self.labels.fill("tiles_alt", &[("rows", &rows), ("columns", &columns)])
    }

    /// The assembly page's name.
    pub(crate) fn page(&self) -> String {
        self.labels.get("tiles_page").to_owned()
    }

    /// "2 rows" and "3 columns", each in the form its count takes.
    fn counts(&self) -> (String, String) {
        (self.labels.plural("tiles_rows", self.rows), self.labels.plural("tiles_columns", self.columns))
    }

    /// The lines of `text` no wider than `width` px at `size`, broken
    /// where the language allows.
    pub(crate) fn wrap(&self, shaper: &Shaper<'_>, text: &str, size: f64, width: f64) -> Vec<String> {
        let wrapped = wrap_in(shaper, text, Style::Regular, size, width, Some(self.labels.lang()));
        wrapped.lines.iter().map(|l| l.text()).collect()
    }
}

/// `title` cut with "…" so that `line(title)` fits `width` px at `size`,
/// leaving the rest of the line whole; `None` when the rest alone leaves
/// no room for a few letters of it.
pub(crate) fn fit_title(
    shaper: &Shaper<'_>,
    title: &str,
    line: impl Fn(&str) -> String,
    size: f64,
    width: f64,
) -> Option<String> {
    if shaper.width(&line(title), Style::Regular, size) <= width {
        return Some(title.to_owned());
    }
    let rest = shaper.width(&line(""), Style::Regular, size);
    let least = shaper.width("Ab…", Style::Regular, size);
    (width - rest >= least).then(|| shaper.ellipsize(title, Style::Regular, size, width - rest))
}

/// `line(title)` on one line of `width` px at `size`: the title gives way
/// first (see [`fit_title`]); only when that is not enough is the whole
/// line cut, the last resort.
pub(crate) fn with_title(
    shaper: &Shaper<'_>,
    title: &str,
    line: impl Fn(&str) -> String,
    size: f64,
    width: f64,
) -> String {
    let fitted = fit_title(shaper, title, &line, size, width).map(|t| line(&t));
    match fitted {
        Some(text) if shaper.width(&text, Style::Regular, size) <= width => text,
        _ => shaper.ellipsize(&line(title), Style::Regular, size, width),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::Lang;

    fn words(lang: Lang, paper: Paper, rows: usize, columns: usize) -> SheetWords<'static> {
        let labels: &'static Labels = Box::leak(Box::new(Labels::new(lang, Vec::new())));
        SheetWords::new(labels, paper, Size2 { width: 297.0, height: 210.0 }, rows, columns)
    }

    #[test]
    fn german_sheets_say_rows_columns_and_paper_in_german() {
        let de = words(Lang::De, Paper::A4, 2, 3);
        assert_eq!(de.caption("Strom", 1, 2), "Strom · Reihe 1, Spalte 2 von 2 × 3 · A4 quer");
        assert_eq!(de.heading("Strom"), "Strom · so werden die 6 Blätter zusammengesetzt");
        assert_eq!(de.grid(), "2 Reihen × 3 Spalten, Format A4 quer, jedes Blatt wie unten beschriftet.");
        assert_eq!(de.page_name(2, 1), "Reihe 2, Spalte 1");
        assert_eq!(
            words(Lang::De, Paper::Letter, 1, 1).grid(),
            "1 Reihe × 1 Spalte, Format US-Letter quer, jedes Blatt wie unten beschriftet."
        );
    }

    #[test]
    fn counts_take_each_languages_plural_forms() {
        assert_eq!(
            words(Lang::Pl, Paper::A3, 2, 5).grid(),
            "2 wiersze × 5 kolumn, format A3 poziomo, każdy arkusz oznaczony jak poniżej."
        );
        assert_eq!(words(Lang::Pl, Paper::A3, 2, 2).heading("T"), "T · jak złożyć 4 arkusze");
        assert_eq!(words(Lang::Pl, Paper::A3, 3, 4).heading("T"), "T · jak złożyć 12 arkuszy");
        assert_eq!(
            words(Lang::Fr, Paper::A4, 1, 2).grid(),
            "1 ligne × 2 colonnes en A4 paysage, chaque feuille repérée comme ci-dessous."
        );
        assert_eq!(words(Lang::En, Paper::A4, 1, 1).page_name(1, 1), "Row 1, column 1");
    }

    #[test]
    fn a_title_gives_way_before_the_rest_of_the_line() {
        let fonts = crate::text::Fonts::embedded();
        let shaper = Shaper::new(&fonts);
        let de = words(Lang::De, Paper::A4, 2, 3);
        let line = |t: &str| de.caption(t, 2, 3);
        let title = "Eine sehr lange Überschrift ".repeat(20);
        let width = 500.0;
        let fitted = with_title(&shaper, &title, line, 12.0, width);
        assert!(shaper.width(&fitted, Style::Regular, 12.0) <= width, "{fitted}");
        assert!(fitted.ends_with("… · Reihe 2, Spalte 3 von 2 × 3 · A4 quer"), "{fitted}");
        // Too narrow for the rest: the whole line is cut.
        let cut = with_title(&shaper, &title, line, 12.0, 60.0);
        assert!(shaper.width(&cut, Style::Regular, 12.0) <= 60.0 && cut.ends_with('…'), "{cut}");
    }
}
