//! What a render has to tell its user besides the map's diagnostics: how
//! large the type printed, which colours fail contrast, what was left out.
//!
//! Notes are values, not text, so that each front end words them its own
//! way (the command line prints them; a preview could badge them) and a
//! test can check them without reading messages.

use crate::contrast::{self, Pairing};
use crate::layout::Document;
use crate::model::{Orientation, Panel, Paper, Size};
use crate::paint;
use crate::text::Fonts;
use crate::theme::{Color, Theme};

/// Something worth knowing about a render that is neither an error nor a
/// problem in the map.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Note {
    /// The page and the printed size of the type, so the user can judge
    /// legibility before printing (6 pt is the floor; ~12 pt reads at arm's
    /// length).
    PageType(PageType),
    /// A pair of colours, as drawn, below WCAG AA.
    Contrast(ContrastFailure),
    /// Words broken between letters because the hyphenation patterns had
    /// no break that fitted.
    ForcedBreaks {
        /// How many words.
        words: usize,
    },
    /// Panels the page had no room for at the type floor.
    LeftOut(LeftOut),
    /// An automatic size is no paper size: the closest one, and the type
    /// sizes if the poster were scaled onto it.
    ClosestPaper(ClosestPaper),
    /// A font the SVG cannot carry (a collection, or too large to embed
    /// whole, and not cut down): viewers of the SVG need it installed.
    FontNotEmbedded {
        /// The face's family name.
        family: String,
    },
    /// The slides of a deck.
    Deck(DeckSummary),
    /// The wall layout's sheets and the floor its card titles keep.
    Wall(WallSheets),
    /// Crowded stages fold the cards that matter least into short
    /// entries, so the rest print readably (SPEC §4.1).
    Folded {
        /// How many cards are folded.
        cards: usize,
        /// How many stages fold.
        stages: usize,
        /// How many sheets of their own (files beside the first, on a
        /// wall) have the folded cards in full; none when only the PDF's
        /// last page has them.
        sheets: usize,
    },
    /// The workshop canvas: its page and each stage's sticky-note slots.
    Canvas(CanvasSummary),
    /// The touchpoints as cut-out cards.
    Cards(CardsSummary),
    /// The full poster does not fit the page at 6 pt: this is the summary.
    Summary {
        /// The page asked for, as the map or `--size` wrote it.
        size: String,
    },
}

/// The first page's size and its type at print size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageType {
    /// The page width in millimetres.
    pub width_mm: f64,
    /// The page height in millimetres.
    pub height_mm: f64,
    /// Body text, in points.
    pub body_pt: f64,
    /// Card titles, in points.
    pub card_title_pt: f64,
    /// The smallest text on the page, in points.
    pub smallest_pt: f64,
    /// Whether the page was sized in pixels (a screen), so the sizes read
    /// best in px.
    pub in_pixels: bool,
}

/// A contrast failure of a theme, with the colours it uses.
#[derive(Debug, Clone, PartialEq)]
pub struct ContrastFailure {
    /// The theme's file, or the name of a built-in theme.
    pub theme: String,
    /// The first line met with this pair of roles.
    pub example: Pairing,
    /// The text's colour.
    pub ink: Color,
    /// The colour beneath it.
    pub ground: Color,
    /// How many lines share the pair (at least one).
    pub lines: usize,
}

impl ContrastFailure {
    /// The failure in words, e.g. "theme 'brand.toml': ink text (#777777)
    /// on surface (#FFFFFF) has a contrast of 4.5:1, below WCAG AA 4.5:1 —
    /// e.g. "Checkout" in #card-2-1".
    pub fn message(&self) -> String {
        let p = &self.example;
        let within = p.within.as_deref().map_or(String::new(), |id| format!(" in #{id}"));
        let others = if self.lines > 1 { format!(" (and {} more lines)", self.lines - 1) } else { String::new() };
        format!(
            "theme '{}': {} text ({}) on {} ({}) has a contrast of {:.1}:1, below WCAG AA {:.1}:1 — e.g. \"{}\"{within}{others}",
            self.theme,
            p.ink.key(),
            self.ink,
            p.ground.key(),
            self.ground,
            p.ratio,
            p.needed,
            p.text.chars().take(40).collect::<String>(),
        )
    }
}

/// The contrast failures of a laid-out poster, each as a warning at the
/// map's `theme` key (at the start of the file when the map names none).
pub(crate) fn contrast_warnings(
    document: &Document,
    theme: &Theme,
    at: crate::model::Span,
) -> Vec<crate::diag::Diagnostic> {
    contrast::failures(document, theme)
        .into_iter()
        .map(|(example, lines)| {
            let (ink, ground) = (theme.colors.get(example.ink), theme.colors.get(example.ground));
            let failure = ContrastFailure { theme: theme.label().to_owned(), example, ink, ground, lines };
            crate::diag::Diagnostic::new(crate::diag::Code::LowContrast, at.clone(), "theme", failure.message())
                .with_hint(
                    "darken the text colour or lighten the one beneath it in the theme file until it reaches the ratio",
                )
        })
        .collect()
}

/// What a fixed page could not hold.
#[derive(Debug, Clone, PartialEq)]
pub struct LeftOut {
    /// The panels left out.
    pub panels: Vec<Panel>,
    /// The number of priorities kept, when the rest were left out.
    pub priorities_cap: Option<usize>,
    /// Whether the title block's details (persona, team) and the sources
    /// line were left out too.
    pub details: bool,
    /// The floor the page kept instead.
    pub floor: crate::layout::TypeFloor,
}

/// The standard paper closest to an automatic page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClosestPaper {
    /// The paper.
    pub paper: Paper,
    /// Its orientation.
    pub orientation: Orientation,
    /// Body text scaled onto it, in points.
    pub body_pt: f64,
    /// Card titles scaled onto it, in points.
    pub card_title_pt: f64,
}

/// The wall layout (SPEC §4.1): the floor its card titles keep, and the
/// sheets after the first.
#[derive(Debug, Clone, PartialEq)]
pub struct WallSheets {
    /// The least the card titles print at: 18 pt, or 24 pt from A1 up.
    pub card_floor_pt: f64,
    /// Whether the cards went on sheets of their own, the first sheet
    /// holding the story.
    pub cards_apart: bool,
    /// The sheets after the first, in order.
    pub sheets: Vec<SheetType>,
}

/// One sheet of a wall poster after the first, and its type at print
/// size.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetType {
    /// What it holds, as its title says.
    pub name: String,
    /// Card titles, in points, when the sheet holds cards.
    pub card_title_pt: Option<f64>,
    /// Body text (the answers of the question rows), in points.
    pub body_pt: f64,
    /// The smallest text on the sheet, in points.
    pub smallest_pt: f64,
}

/// A deck's slides.
#[derive(Debug, Clone, PartialEq)]
pub struct DeckSummary {
    /// Each slide's name ("Overview", a stage, "Priorities"), in order.
    pub slides: Vec<String>,
    /// The smallest text on any slide, in px of a 1920×1080 slide.
    pub smallest_px: f64,
}

/// A workshop canvas's page and slots.
#[derive(Debug, Clone, PartialEq)]
pub struct CanvasSummary {
    /// The page in words: "A1 landscape", "1700×841 mm".
    pub page: String,
    /// The page width in millimetres.
    pub width_mm: f64,
    /// The page height in millimetres.
    pub height_mm: f64,
    /// Each stage's slots, in spine order.
    pub stages: Vec<crate::layout::StageSlots>,
}

/// The cut-out cards.
#[derive(Debug, Clone, PartialEq)]
pub struct CardsSummary {
    /// How many cards (the map's touchpoints).
    pub cards: usize,
    /// How many a sheet holds.
    pub per_sheet: usize,
    /// How many sheets.
    pub sheets: usize,
    /// The sheet in words: "A4 portrait".
    pub paper: String,
}

/// What any laid-out page may need said: colours below WCAG AA and
/// words broken between letters.
pub(crate) fn quality_notes(document: &Document, theme: &Theme) -> Vec<Note> {
    let mut notes = Vec::new();
    for (example, lines) in contrast::failures(document, theme) {
        let (ink, ground) = (theme.colors.get(example.ink), theme.colors.get(example.ground));
        notes.push(Note::Contrast(ContrastFailure { theme: theme.label().to_owned(), example, ink, ground, lines }));
    }
    if document.forced_breaks > 0 {
        notes.push(Note::ForcedBreaks { words: document.forced_breaks });
    }
    notes
}

/// The notes about a laid-out poster (before any print furniture: they are
/// about the poster, not the sheets it is printed on). `size` is the
/// page asked for (automatic, paper, or in pixels); `svg_embeds` whether an
/// SVG output carries its fonts.
pub(crate) fn poster_notes(
    document: &Document,
    theme: &Theme,
    fonts: &Fonts,
    size: Size,
    svg_embeds: bool,
) -> Vec<Note> {
    let t = &theme.type_scale;
    let auto = size == Size::Auto;
    let (width_mm, height_mm) = document.page().size_mm();
    let in_pixels = size.in_pixels();
    let mut notes = vec![Note::PageType(PageType {
        width_mm,
        height_mm,
        in_pixels,
        body_pt: document.print_pt(t.body),
        card_title_pt: document.print_pt(t.card_title),
        smallest_pt: document.print_pt(t.smallest()),
    })];
    notes.extend(quality_notes(document, theme));
    if let crate::layout::Arrangement::Summary { fell_back: true, .. } = document.arrangement {
        let (w, h) = document.page().size_mm();
        notes.push(Note::Summary { size: format!("{w:.0}×{h:.0} mm") });
    }
    let brief = matches!(document.arrangement, crate::layout::Arrangement::Summary { brief: true, .. });
    if !document.left_out.is_empty() || document.priorities_cap.is_some() || brief {
        let (details, floor) = match document.arrangement {
            crate::layout::Arrangement::Summary { brief, floor, .. } => (brief, floor),
            crate::layout::Arrangement::Full | crate::layout::Arrangement::Wall { .. } => {
                (false, crate::layout::TypeFloor::Smallest)
            }
        };
        notes.push(Note::LeftOut(LeftOut {
            panels: document.left_out.clone(),
            priorities_cap: document.priorities_cap,
            details,
            floor,
        }));
    }
    notes.extend(folded_note(document));
    if let crate::layout::Arrangement::Wall { card_title_pt, cards_apart, .. } = document.arrangement {
        let pt = |page: &crate::layout::Page, px: f64| crate::units::Length::px(px * page.transform.scale).to_pt();
        let sheets = document.sheets.iter().filter_map(|&i| document.pages.get(i));
        notes.push(Note::Wall(WallSheets {
            card_floor_pt: card_title_pt,
            cards_apart,
            sheets: sheets
                .map(|p| SheetType {
                    name: p.name.clone(),
                    card_title_pt: holds_cards(p).then(|| pt(p, t.card_title)),
                    body_pt: pt(p, t.body),
                    smallest_pt: pt(p, t.smallest()),
                })
                .collect(),
        }));
    }
    if auto {
        let page = document.page();
        let (paper, orientation, fit) = Paper::closest(page.size.width, page.size.height);
        notes.push(Note::ClosestPaper(ClosestPaper {
            paper,
            orientation,
            body_pt: document.print_pt(t.body) * fit,
            card_title_pt: document.print_pt(t.card_title) * fit,
        }));
    }
    if svg_embeds {
        for id in paint::faces(document.page()) {
            let Some(face) = fonts.face(id) else { continue };
            if !paint::travels(document.page(), fonts, id) {
                notes.push(Note::FontNotEmbedded { family: face.family.clone() });
            }
        }
    }
    notes
}

/// What a document folds, on whichever of its pages (a wall's card
/// sheets may each fold some).
fn folded_note(document: &Document) -> Option<Note> {
    let mut stages: Vec<String> = Vec::new();
    let mut cards = 0;
    for page in &document.pages {
        for b in page.boxes().iter().filter(|b| b.tag.class == "touchpoint folded") {
            cards += 1;
            stages.extend(b.tag.data.iter().find(|(k, _)| k == "stage-number").map(|(_, v)| v.clone()));
        }
    }
    stages.sort_unstable();
    stages.dedup();
    let sheets = match document.arrangement {
        crate::layout::Arrangement::Wall { unfolded, .. } => unfolded,
        _ => 0,
    };
    (cards > 0).then_some(Note::Folded { cards, stages: stages.len(), sheets })
}

/// Whether a page shows touchpoint cards.
fn holds_cards(page: &crate::layout::Page) -> bool {
    page.boxes().iter().any(|b| b.tag.class == "touchpoint")
}

/// The note about a deck: its slides and its smallest text.
pub(crate) fn deck_note(deck: &Document, theme: &Theme) -> Note {
    let smallest = deck.pages.iter().map(|p| p.transform.scale).fold(f64::INFINITY, f64::min);
    Note::Deck(DeckSummary {
        slides: deck.pages.iter().map(|p| p.name.clone()).collect(),
        smallest_px: theme.type_scale.smallest() * smallest,
    })
}
