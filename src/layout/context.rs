//! What every region is laid out from: the journey, the theme, the shaper
//! and the column grid, with the text helpers all regions share.

use super::frame::{Item, TextLine};
use super::geom::Point;
use crate::model::{Journey, Text};
use crate::priorities::Priority;
use crate::text::{ShapedLine, Shaper, Style, wrap_in};
use crate::theme::{Role, Theme};

/// The shared input of the region modules.
pub(crate) struct Context<'a> {
    pub(crate) journey: &'a Journey,
    pub(crate) theme: &'a Theme,
    pub(crate) shaper: &'a Shaper<'a>,
    /// The actions: every assessed touchpoint, in SPEC §3 order.
    pub(crate) priorities: &'a [Priority<'a>],
    /// Each stage's health, in spine order.
    pub(crate) health: &'a [crate::health::StageHealth],
    /// The weakest and strongest stages, if named.
    pub(crate) extremes: crate::health::Extremes,
    /// How many of them the poster ranks (the priorities panel's length,
    /// 0 when the panel is not shown).
    pub(crate) ranked: usize,
    /// The owner whose touchpoints stay at full strength; the rest are
    /// muted.
    pub(crate) highlight: Option<&'a str>,
    /// Extra height for each stretchable row, so a fixed page is filled.
    pub(crate) stretch: f64,
    /// Panels left out to fit a small page.
    pub(crate) left_out: &'a [crate::model::Panel],
    /// The poster's own words, in the map's language.
    pub(crate) labels: &'a crate::labels::Labels,
    /// Stages before the journey's first (see `Stacker::first_stage`).
    pub(crate) first_stage: usize,
    /// Whether details give way to the story (see `Stacker::brief`).
    pub(crate) brief: bool,
    /// Whether stage names shrink to body size before one breaks (see
    /// `Stacker::names_to_body`).
    pub(crate) names_to_body: bool,
    /// Stages with more cards than this fold those that matter least
    /// (see `Stacker::fold`).
    pub(crate) fold: Option<usize>,
    /// Words broken between letters so far (the last resort).
    pub(crate) forced: std::cell::Cell<usize>,
    /// Whether a stage name had a word broken to fit its column.
    pub(crate) names_broken: std::cell::Cell<bool>,
    /// The changes to mark, on a diff poster; `None` on any other.
    pub(crate) diff: Option<&'a crate::diff::Overlay>,
    /// Whether the page washes the weakest stage's column from its header
    /// to the health strip (a stacked page does), so the curve leaves out
    /// its own wash.
    pub(crate) column_band: bool,
    pub(crate) grid: Grid,
}

/// The column grid for one view width, in content coordinates: `x = 0` is
/// the content's left edge (the page margin), so every region's frame uses
/// the same x positions and one region's anchors are valid in another.
pub(crate) struct Grid {
    /// Whether the columns are at least half their natural width: below
    /// that, badges, meters and stage labels no longer fit, and a fixed
    /// page must be refused rather than overflowed.
    pub(crate) fits: bool,
    /// The content's width: the view less two margins.
    pub(crate) content: f64,
    /// The left label column.
    pub(crate) label: Span1,
    /// One column per stage.
    pub(crate) columns: Vec<Span1>,
}

/// A horizontal extent.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Span1 {
    pub(crate) x: f64,
    pub(crate) width: f64,
}

impl Span1 {
    pub(crate) fn right(self) -> f64 {
        self.x + self.width
    }
}

impl Grid {
    /// The grid for a view `width` px wide, whose columns may narrow to
    /// `least` of their natural width (see `Stacker::least_column`).
    pub(crate) fn new(journey: &Journey, theme: &Theme, width: f64, least: f64) -> Grid {
        let s = &theme.space;
        let n = journey.stages.len().max(1);
        let content = width - 2.0 * s.margin;
        // Columns fill the width, but not beyond 1.5× their natural size:
        // lines longer than ~70 characters are hard to read, so a short
        // spine on a wide page keeps readable columns and leaves space.
        let available = (content - s.label_width - n as f64 * s.gutter) / n as f64;
        let least = s.column_width * least;
        let fits = available >= least;
        let column = available.clamp(least, s.column_max.max(least));
        let columns = (0..n)
            .map(|i| Span1 { x: s.label_width + s.gutter + i as f64 * (column + s.gutter), width: column })
            .collect();
        // Columns at their widest leave width over: the content keeps to
        // what the columns use and the stacker centres it on the page.
        let used = s.label_width + n as f64 * (column + s.gutter);
        Grid { fits, content: content.min(used).max(0.0), label: Span1 { x: 0.0, width: s.label_width }, columns }
    }

    /// The view width at the theme's natural column width.
    pub(crate) fn natural_width(journey: &Journey, theme: &Theme) -> f64 {
        let s = &theme.space;
        let n = journey.stages.len().max(1) as f64;
        let content = s.label_width + n * (s.column_width + s.gutter);
        // A one- or two-stage map is laid out at least three columns wide,
        // so its columns reach their widest; the page then keeps to what
        // the content uses (see the stacker).
        (content + 2.0 * s.margin).max(s.column_width * 3.0 + s.label_width + 2.0 * s.margin)
    }
}

/// What [`Context::list`] runs a list's items together with.
pub(crate) const LIST_SEPARATOR: char = '·';

/// A font choice: style, size in px and leading (line height ÷ size).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Font {
    pub(crate) style: Style,
    pub(crate) size: f64,
    pub(crate) leading: f64,
}

impl Font {
    pub(crate) fn line_height(self) -> f64 {
        self.size * self.leading
    }
}

/// Where a piece of content goes: its left edge, the top of its first
/// line box, and the width it may fill, in view px.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Slot {
    pub(crate) x: f64,
    pub(crate) top: f64,
    pub(crate) width: f64,
}

impl Slot {
    pub(crate) fn new(x: f64, top: f64, width: f64) -> Slot {
        Slot { x, top, width }
    }
}

/// Lines of text and the height they take.
pub(crate) struct Lines {
    pub(crate) items: Vec<Item>,
    pub(crate) height: f64,
}

impl Context<'_> {
    /// The rank of a touchpoint when the priorities panel lists it.
    pub(crate) fn rank_of(&self, stage: usize, index: usize) -> Option<usize> {
        self.priorities.iter().take(self.ranked).find(|p| p.id.stage == stage && p.id.index == index).map(|p| p.rank)
    }

    /// The question rows' text: a step under the body, never under the
    /// caption, so the rows read as detail after the cards and the curve.
    pub(crate) fn quiet(&self) -> Font {
        let t = &self.theme.type_scale;
        Font { style: Style::Regular, size: (t.body * 0.875).max(t.caption), leading: t.line_height }
    }

    pub(crate) fn caption(&self, style: Style) -> Font {
        Font { style, size: self.theme.type_scale.caption, leading: self.theme.type_scale.line_height }
    }

    /// Wraps `text` into the slot's width, its first line box at the
    /// slot's top.
    pub(crate) fn lines(&self, text: &str, font: Font, role: Role, slot: Slot) -> Lines {
        self.wrapped(text, font, role, slot, false)
    }

    /// [`Context::lines`] for a list run together with " · " ("2 pains ·
    /// 1 strength"): a line the list breaks after ends without its
    /// separator, which says nothing at a line's end.
    pub(crate) fn list(&self, items: &[String], font: Font, role: Role, slot: Slot) -> Lines {
        self.wrapped(&items.join(&format!(" {LIST_SEPARATOR} ")), font, role, slot, true)
    }

    fn wrapped(&self, text: &str, font: Font, role: Role, slot: Slot, list: bool) -> Lines {
        let wrapped = wrap_in(self.shaper, text, font.style, font.size, slot.width, Some(self.labels.lang()));
        self.forced.set(self.forced.get() + wrapped.forced);
        let mut y = slot.top;
        let mut items = Vec::with_capacity(wrapped.lines.len());
        for line in wrapped.lines {
            let text = line.text();
            let line = match text.strip_suffix(LIST_SEPARATOR) {
                Some(kept) if list => self.shaper.shape(kept.trim_end(), font.style, font.size, &mut Vec::new()),
                _ => line,
            };
            let (line, lh) = self.place(line, font, role, Point::new(slot.x, y));
            items.push(Item::Text(line));
            y += lh;
        }
        Lines { items, height: y - slot.top }
    }

    /// One line that is not wrapped, its line box's top left at `at`;
    /// for short labels the caller has measured. Returns the line and the
    /// line box's height.
    pub(crate) fn line_at(&self, text: &str, font: Font, role: Role, at: Point) -> (TextLine, f64) {
        let shaped = self.shaper.shape(text, font.style, font.size, &mut Vec::new());
        self.place(shaped, font, role, at)
    }

    /// The advance width of `text` in `font`.
    pub(crate) fn width(&self, text: &str, font: Font) -> f64 {
        self.shaper.width(text, font.style, font.size)
    }

    /// The height of one line box in `font`: the font's leading, but never
    /// less than ascender plus descender, so a line's ink never leaves its
    /// box however tight a theme sets its headings.
    pub(crate) fn line_box(&self, font: Font) -> f64 {
        let (ascent, descent) = self.shaper.extents(font.style, font.size);
        font.line_height().max(ascent + descent)
    }

    /// Puts a shaped line in a line box whose top left is `at`, its ink
    /// centred in the box; returns the line and the box's height.
    fn place(&self, shaped: ShapedLine, font: Font, role: Role, at: Point) -> (TextLine, f64) {
        let (ascent, descent) = self.shaper.extents(font.style, font.size);
        let lh = self.line_box(font);
        let line = TextLine {
            x: at.x,
            baseline: at.y + (lh - (ascent + descent)) / 2.0 + ascent,
            size: font.size,
            style: font.style,
            role,
            width: shaped.width,
            runs: shaped.runs,
            ascent,
            descent,
        };
        (line, lh)
    }

    /// A paragraph or a bullet list in the slot, in muted ink: answers to
    /// the questions are the poster's detail, and read after the story
    /// (title, headline, cards, curve, priorities) set in full ink.
    pub(crate) fn text(&self, text: &Text, font: Font, slot: Slot) -> Lines {
        match text {
            Text::Paragraph(p) => self.lines(p, font, Role::Muted, slot),
            Text::Bullets(items) => {
                let bullet = "•";
                let indent = self.width(bullet, font) + self.theme.space.unit;
                let gap = self.theme.space.unit / 2.0;
                let mut out = Vec::new();
                let mut y = slot.top;
                for (i, item) in items.iter().filter(|t| !t.trim().is_empty()).enumerate() {
                    if i > 0 {
                        y += gap;
                    }
                    let (mark, _) = self.line_at(bullet, font, Role::Muted, Point::new(slot.x, y));
                    out.push(Item::Text(mark));
                    let lines = self.lines(item, font, Role::Muted, Slot::new(slot.x + indent, y, slot.width - indent));
                    out.extend(lines.items);
                    y += lines.height;
                }
                Lines { items: out, height: y - slot.top }
            }
        }
    }

    /// The quiet "not answered" placeholder that shows a workshop its gaps.
    pub(crate) fn unanswered(&self, slot: Slot) -> Lines {
        self.lines(self.labels.get("not_answered"), self.caption(Style::Italic), Role::Muted, slot)
    }
}
