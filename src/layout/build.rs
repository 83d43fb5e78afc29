//! Building the regions of one poster at one view width.

use std::collections::HashSet;

use super::geom::{Point, Rect, Size2};
use super::poster::{Block, BlockKind, Item, Paint, PipShape, Poster, Region, RegionKind, Stroke, TextLine};
use crate::model::{Journey, Lane, Mark, Panel, Question, Span, Stage, Status, Text, Touchpoint};
use crate::parse::{Code, Diagnostic};
use crate::priorities::Class;
use crate::text::{ShapedLine, Shaper, Style, wrap};
use crate::theme::Theme;

/// A font choice: style, size in px and leading (line height ÷ size).
#[derive(Debug, Clone, Copy)]
struct Font {
    style: Style,
    size: f64,
    leading: f64,
}

impl Font {
    fn line_height(self) -> f64 {
        self.size * self.leading
    }
}

/// Where a piece of text came from, for warnings about it.
#[derive(Debug, Clone)]
struct Field {
    key: String,
    span: Span,
}

impl Field {
    fn new(key: impl Into<String>, span: &Span) -> Field {
        Field { key: key.into(), span: span.clone() }
    }
}

/// A short question under each row label, in the seed's sense.
fn row_question(q: Question) -> &'static str {
    match q {
        Question::Doing => "What are customers doing?",
        Question::Motivation => "What moves them to the next stage?",
        Question::Concerns => "What worries or stops them?",
        Question::Alleviation => "What would ease those concerns?",
        Question::Effort => "How hard is it to move on? 1–5",
    }
}

/// Where a piece of content goes: its left edge, the top of its first
/// line box, and the width it may fill, in view px.
#[derive(Debug, Clone, Copy)]
struct Slot {
    x: f64,
    top: f64,
    width: f64,
}

impl Slot {
    fn new(x: f64, top: f64, width: f64) -> Slot {
        Slot { x, top, width }
    }
}

/// What a row label says: ids for the SVG, a title, and the question.
struct RowHead<'q> {
    id: &'q str,
    key: String,
    title: &'q str,
    question: Option<&'q str>,
    /// Where the title comes from, for warnings (empty for our own words).
    field: Field,
}

/// A row of the question grid.
enum Row<'j> {
    Question(Question),
    Lane(usize, &'j Lane),
}

impl Row<'_> {
    fn key(&self) -> String {
        match self {
            Row::Question(q) => q.key().to_owned(),
            Row::Lane(_, lane) => lane.key.clone(),
        }
    }

    /// Where the row's title comes from: a lane's declaration, or nowhere
    /// for the built-in questions.
    fn field(&self) -> Field {
        match self {
            Row::Question(_) => Field::new("", &(0..0)),
            Row::Lane(_, lane) => Field::new("title", &lane.span),
        }
    }

    fn id(&self) -> String {
        match self {
            Row::Question(q) => q.key().to_owned(),
            Row::Lane(i, _) => format!("lane-{}", i + 1),
        }
    }
}

/// A poster laid out at one view width, before scaling to a page.
pub(super) struct Laid {
    pub(super) regions: Vec<Region>,
    pub(super) width: f64,
    pub(super) height: f64,
    /// Whether the content fits the view's width (see `Grid::fits`).
    pub(super) fits_width: bool,
    warnings: Vec<Diagnostic>,
}

impl Laid {
    /// The poster at `scale` page px per view px; `page` is the fixed page,
    /// or `None` for a page the size of the content.
    /// The poster on a `page` (CSS px) at `scale` page px per view px,
    /// with the journey's title, description and stage names.
    pub(super) fn into_poster(self, builder: &Builder<'_>, scale: f64, page: Size2) -> Poster {
        let journey = builder.journey;
        Poster {
            page,
            view: Size2 { width: page.width / scale, height: page.height / scale },
            scale,
            title: journey.title.clone(),
            description: builder.description(),
            stages: journey.stages.iter().map(|s| s.name.clone()).collect(),
            regions: self.regions,
            warnings: self.warnings,
        }
    }
}

/// Lays out regions for one journey with one theme.
pub(super) struct Builder<'a> {
    journey: &'a Journey,
    theme: &'a Theme,
    shaper: &'a Shaper<'a>,
    panels: &'a HashSet<Panel>,
}

/// Collects the characters no font can draw, per field, in the order met.
#[derive(Default)]
struct Sink {
    missing: Vec<(Field, Vec<char>)>,
}

impl Sink {
    /// Notes characters of `field` that no face covers. Fixed strings of
    /// our own have an empty key and are never reported.
    fn missing(&mut self, missing: &[char], field: &Field) {
        if missing.is_empty() || field.key.is_empty() {
            return;
        }
        let at = match self.missing.iter().position(|(f, _)| f.key == field.key && f.span == field.span) {
            Some(i) => i,
            None => {
                self.missing.push((field.clone(), Vec::new()));
                self.missing.len() - 1
            }
        };
        for &c in missing {
            if !self.missing[at].1.contains(&c) {
                self.missing[at].1.push(c);
            }
        }
    }

    /// One warning per field, naming every character it cannot show.
    fn into_warnings(self) -> Vec<Diagnostic> {
        self.missing
            .into_iter()
            .map(|(field, chars)| {
                let names: Vec<String> = chars.iter().map(|&c| format!("'{c}' (U+{:04X})", c as u32)).collect();
                let plural = if chars.len() == 1 { "" } else { "s" };
                Diagnostic::new(
                    Code::MissingGlyph,
                    field.span,
                    field.key.clone(),
                    format!("no loaded font can draw the character{plural} {} in '{}'", names.join(", "), field.key),
                )
                .with_hint(
                    "add a font that covers it with --font FILE (for example Noto Sans CJK for Chinese, Japanese or Korean)",
                )
            })
            .collect()
    }
}

/// Column positions for one view width.
struct Grid {
    /// Whether the columns are at least half their natural width: below
    /// that, badges, meters and stage labels no longer fit, and a fixed
    /// page must be refused rather than overflowed.
    fits: bool,
    margin: f64,
    content: f64,
    label: Rect1,
    columns: Vec<Rect1>,
}

/// A horizontal extent.
#[derive(Clone, Copy)]
struct Rect1 {
    x: f64,
    width: f64,
}

impl<'a> Builder<'a> {
    pub(super) fn new(
        journey: &'a Journey,
        theme: &'a Theme,
        shaper: &'a Shaper<'a>,
        panels: &'a HashSet<Panel>,
    ) -> Self {
        Builder { journey, theme, shaper, panels }
    }

    fn body(&self) -> Font {
        Font { style: Style::Regular, size: self.theme.type_scale.body, leading: self.theme.type_scale.line_height }
    }

    fn caption(&self, style: Style) -> Font {
        Font { style, size: self.theme.type_scale.caption, leading: self.theme.type_scale.line_height }
    }

    /// The view width at the theme's natural column width.
    pub(super) fn natural_width(&self) -> f64 {
        let s = &self.theme.space;
        let n = self.journey.stages.len().max(1) as f64;
        let content = s.label_width + n * (s.column_width + s.gutter);
        // A one- or two-stage map still gets a page wide enough for its
        // title block and legend.
        (content + 2.0 * s.margin).max(s.column_width * 3.0 + s.label_width + 2.0 * s.margin)
    }

    fn grid(&self, width: f64) -> Grid {
        let s = &self.theme.space;
        let n = self.journey.stages.len().max(1);
        let content = width - 2.0 * s.margin;
        // Columns fill the width, but not beyond 1.5× their natural size:
        // lines longer than ~70 characters are hard to read, so a short
        // spine on a wide page keeps readable columns and leaves space.
        let available = (content - s.label_width - n as f64 * s.gutter) / n as f64;
        let fits = available >= s.column_width / 2.0;
        let column = available.clamp(s.column_width / 2.0, s.column_width * 1.5);
        let columns = (0..n)
            .map(|i| Rect1 { x: s.margin + s.label_width + s.gutter + i as f64 * (column + s.gutter), width: column })
            .collect();
        Grid { fits, margin: s.margin, content, label: Rect1 { x: s.margin, width: s.label_width }, columns }
    }

    /// Lays out every region for a view `width` px wide. With `page_height`
    /// the footer sits at the page's foot.
    pub(super) fn build(&self, width: f64, page_height: Option<f64>) -> Laid {
        let s = &self.theme.space;
        let grid = self.grid(width);
        let mut sink = Sink::default();
        let mut regions = Vec::new();
        let mut y = s.margin;
        let section = s.unit * 4.0;

        let title = self.title_block(&grid, y, &mut sink);
        y = title.rect.bottom() + section;
        regions.push(title);

        let spine = self.spine(&grid, y, &mut sink);
        y = spine.rect.bottom() + s.gutter;
        regions.push(spine);

        if self.panels.contains(&Panel::Questions) {
            let questions = self.questions(&grid, y, &mut sink);
            y = questions.rect.bottom() + s.gutter;
            regions.push(questions);
        }
        if self.panels.contains(&Panel::Touchpoints) {
            let touchpoints = self.touchpoints(&grid, y, &mut sink);
            y = touchpoints.rect.bottom() + s.gutter;
            regions.push(touchpoints);
        }
        y += section - s.gutter;
        if self.panels.contains(&Panel::Legend) {
            let legend = self.legend(&grid, y, &mut sink);
            y = legend.rect.bottom() + section;
            regions.push(legend);
        }
        let mut footer = self.footer(&grid, y, &mut sink);
        let natural_bottom = footer.rect.bottom() + s.margin;
        if let Some(page) = page_height {
            let shift = page - natural_bottom;
            if shift > 0.0 {
                translate_region(&mut footer, shift);
            }
        }
        regions.push(footer);

        Laid { regions, width, height: natural_bottom, fits_width: grid.fits, warnings: sink.into_warnings() }
    }

    fn description(&self) -> String {
        let j = self.journey;
        let stages: Vec<&str> = j.stages.iter().map(|s| s.name.as_str()).collect();
        let touchpoints = j.touchpoints().count();
        let moments = j.touchpoints().filter(|(_, t)| t.moment_of_truth).count();
        let mut d = "Customer journey map".to_owned();
        if let Some(p) = &j.persona {
            d += &format!(" for {p}");
        }
        d += &format!(
            ": {} stages ({}), {touchpoints} touchpoints, {moments} moments of truth.",
            stages.len(),
            stages.join(", ")
        );
        if j.status == Status::Draft {
            d += " Draft, not yet validated.";
        }
        d
    }

    // Text helpers ------------------------------------------------------

    /// Wraps `text` into `width` starting with its first line box at `top`;
    /// returns the lines and the height they take.
    fn lines(
        &self,
        sink: &mut Sink,
        text: &str,
        font: Font,
        paint: Paint,
        slot: Slot,
        field: &Field,
    ) -> (Vec<Item>, f64) {
        let Slot { x, top, width } = slot;

        let wrapped = wrap(self.shaper, text, font.style, font.size, width);
        sink.missing(&wrapped.missing, field);
        let mut y = top;
        let mut items = Vec::new();
        for line in wrapped.lines {
            let (line, lh) = self.place(line, font, paint, Point::new(x, y));
            items.push(Item::Text(line));
            y += lh;
        }
        (items, y - top)
    }

    /// Reports the characters of one field that no face can draw, for text
    /// shown joined with other fields (where the joined line cannot say
    /// which field a character came from).
    fn check_glyphs(&self, sink: &mut Sink, text: &str, font: Font, field: &Field) {
        let mut missing = Vec::new();
        self.shaper.shape(text, font.style, font.size, &mut missing);
        sink.missing(&missing, field);
    }

    /// A single line that is not wrapped, right-aligned to `right` or left
    /// at `x`; used for short labels the caller has measured.
    fn line_at(
        &self,
        sink: &mut Sink,
        text: &str,
        font: Font,
        paint: Paint,
        at: Point,
        field: &Field,
    ) -> (TextLine, f64) {
        let mut missing = Vec::new();
        let shaped = self.shaper.shape(text, font.style, font.size, &mut missing);
        sink.missing(&missing, field);
        self.place(shaped, font, paint, at)
    }

    /// Puts a shaped line in a line box whose top left is `at`, its ink
    /// centred in the box; returns the line and the box's height.
    fn place(&self, shaped: ShapedLine, font: Font, paint: Paint, at: Point) -> (TextLine, f64) {
        let (ascent, descent) = self.shaper.extents(font.style, font.size);
        let lh = line_box(font, ascent, descent);
        let line = TextLine {
            x: at.x,
            baseline: at.y + (lh - (ascent + descent)) / 2.0 + ascent,
            size: font.size,
            style: font.style,
            paint,
            width: shaped.width,
            runs: shaped.runs,
            ascent,
            descent,
        };
        (line, lh)
    }

    /// A paragraph or bullet list inside `width`; returns items and height.
    fn text(&self, sink: &mut Sink, text: &Text, font: Font, slot: Slot, field: &Field) -> (Vec<Item>, f64) {
        let Slot { x, top, width } = slot;

        match text {
            Text::Paragraph(p) => self.lines(sink, p, font, Paint::Ink, slot, field),
            Text::Bullets(items) => {
                let bullet = "•";
                let indent = self.shaper.width(bullet, font.style, font.size) + self.theme.space.unit;
                let gap = self.theme.space.unit / 2.0;
                let mut out = Vec::new();
                let mut y = top;
                for (i, item) in items.iter().filter(|t| !t.trim().is_empty()).enumerate() {
                    if i > 0 {
                        y += gap;
                    }
                    let (mark, _) = self.line_at(sink, bullet, font, Paint::Muted, Point::new(x, y), field);
                    out.push(Item::Text(mark));
                    let (lines, h) =
                        self.lines(sink, item, font, Paint::Ink, Slot::new(x + indent, y, width - indent), field);
                    out.extend(lines);
                    y += h;
                }
                (out, y - top)
            }
        }
    }

    /// The quiet "not answered" placeholder that shows a workshop its gaps.
    fn unanswered(&self, sink: &mut Sink, slot: Slot) -> (Vec<Item>, f64) {
        self.lines(sink, "— not answered", self.caption(Style::Italic), Paint::Muted, slot, &Field::new("", &(0..0)))
    }

    // Regions -----------------------------------------------------------

    fn title_block(&self, grid: &Grid, top: f64, sink: &mut Sink) -> Region {
        let t = &self.theme.type_scale;
        let s = &self.theme.space;
        let j = self.journey;
        let mut blocks = Vec::new();
        let x = grid.margin;

        // The status chip sits at the top right and the title wraps beside
        // it; on a page too narrow for both, the chip goes above the title.
        let mut title_width = grid.content;
        let mut top = top;
        {
            let mut chip = self.status_chip(grid, top, sink);
            let beside = grid.content - chip.rect.width - s.gutter * 2.0;
            if beside >= grid.content / 2.0 {
                title_width = beside;
            } else {
                let dx = grid.margin - chip.rect.x;
                chip.rect.x = grid.margin;
                chip.items = std::mem::take(&mut chip.items).into_iter().map(|i| shift_item(i, dx, 0.0)).collect();
                top = chip.rect.bottom() + s.unit * 2.0;
            }
            blocks.push(chip);
        }

        let mut items = Vec::new();
        let title_font = Font { style: Style::Bold, size: t.title, leading: t.heading_line_height };
        let (lines, h) = self.lines(
            sink,
            &j.title,
            title_font,
            Paint::Ink,
            Slot::new(x, top, title_width),
            &Field::new("title", &j.spans.get("title")),
        );
        items.extend(lines);
        let mut y = top + h;
        let rule_y = y + s.unit;
        items.push(Item::Rule {
            from: Point::new(x, rule_y),
            to: Point::new(x + (s.unit * 12.0).min(title_width), rule_y),
            paint: Paint::Accent,
            width: s.unit / 2.0,
        });
        y = rule_y + s.unit * 1.5;
        if let Some(sub) = &j.subtitle {
            let font = Font { style: Style::Regular, size: t.subtitle, leading: t.heading_line_height + 0.1 };
            let (lines, h) = self.lines(
                sink,
                sub,
                font,
                Paint::Ink,
                Slot::new(x, y, title_width),
                &Field::new("subtitle", &j.spans.get("subtitle")),
            );
            items.extend(lines);
            y += h + s.unit / 2.0;
        }
        if let Some(persona) = &j.persona {
            let font = Font { style: Style::Regular, size: t.meta, leading: t.line_height };
            let (lines, h) = self.lines(
                sink,
                &format!("Persona: {persona}"),
                font,
                Paint::Ink,
                Slot::new(x, y, title_width),
                &Field::new("persona", &j.spans.get("persona")),
            );
            items.extend(lines);
            y += h;
        }
        let meta = self.meta_line();
        if !meta.is_empty() {
            let font = Font { style: Style::Regular, size: t.meta, leading: t.line_height };
            // The line joins several fields; check each on its own so a
            // warning names the field that holds the character.
            for (key, text) in self.meta_fields() {
                self.check_glyphs(sink, &text, font, &Field::new(key, &j.spans.get(key)));
            }
            let (lines, h) =
                self.lines(sink, &meta, font, Paint::Muted, Slot::new(x, y, title_width), &Field::new("", &(0..0)));
            items.extend(lines);
            y += h;
        }
        let rect = Rect::new(x, top, title_width, y - top);
        blocks.insert(
            0,
            Block { id: "title".into(), kind: BlockKind::Title, rect, fill: None, stroke: None, radius: 0.0, items },
        );
        let region_top = blocks.iter().map(|b| b.rect.y).fold(top, f64::min);
        let bottom = blocks.iter().map(|b| b.rect.bottom()).fold(top, f64::max);
        Region {
            kind: RegionKind::TitleBlock,
            rect: Rect::new(x, region_top, grid.content, bottom - region_top),
            blocks,
            decorations: vec![],
        }
    }

    /// The user's text in the meta line, by key.
    fn meta_fields(&self) -> Vec<(&'static str, String)> {
        let j = self.journey;
        let mut fields = Vec::new();
        fields.extend(j.organisation.clone().map(|o| ("organisation", o)));
        fields.extend(j.team.iter().map(|t| ("team", t.clone())));
        fields.extend(j.version.clone().map(|v| ("version", v)));
        fields
    }

    /// "Organisation · Team: a, b · 2026-11-22 · Version 1.2".
    fn meta_line(&self) -> String {
        let j = self.journey;
        let mut parts: Vec<String> = Vec::new();
        if let Some(o) = &j.organisation {
            parts.push(o.clone());
        }
        if !j.team.is_empty() {
            parts.push(format!("Team: {}", j.team.join(", ")));
        }
        // A validated map shows its version and date in the status chip.
        if j.status == Status::Draft {
            if let Some(d) = j.date {
                parts.push(d.to_string());
            }
            if let Some(v) = &j.version {
                parts.push(format!("Version {v}"));
            }
        }
        parts.join("  ·  ")
    }

    /// The status chip: DRAFT in the accent colour on drafts, a quiet
    /// "Validated" with the version and date otherwise, always in the same
    /// place.
    fn status_chip(&self, grid: &Grid, top: f64, sink: &mut Sink) -> Block {
        let s = &self.theme.space;
        let t = &self.theme.type_scale;
        let j = self.journey;
        let draft = j.status == Status::Draft;
        let big = Font { style: Style::Bold, size: t.subtitle, leading: t.heading_line_height };
        let small = self.caption(Style::Regular);
        let pad = s.card_padding;
        let (head, note, paint, stroke) = if draft {
            ("DRAFT".to_owned(), "Not yet validated by the team".to_owned(), Paint::Accent, Paint::Accent)
        } else {
            let mut details: Vec<String> = Vec::new();
            details.extend(j.version.as_ref().map(|v| format!("Version {v}")));
            details.extend(j.date.map(|d| d.to_string()));
            let note = if details.is_empty() { "by the team".to_owned() } else { details.join(" · ") };
            ("Validated".to_owned(), note, Paint::Ink, Paint::Rule)
        };
        let field = Field::new("version", &j.spans.get("version"));
        let (head, h1) = self.line_at(sink, &head, big, paint, Point::new(0.0, top + pad), &Field::new("", &(0..0)));
        let (note, h2) = self.line_at(
            sink,
            &note,
            small,
            if draft { paint } else { Paint::Muted },
            Point::new(0.0, top + pad + h1),
            &field,
        );
        let width = head.width.max(note.width) + 2.0 * pad;
        let x = grid.margin + grid.content - width;
        let mut items = Vec::new();
        for mut line in [head, note] {
            line.x = x + pad;
            items.push(Item::Text(line));
        }
        Block {
            id: "status".into(),
            kind: BlockKind::Status { draft },
            rect: Rect::new(x, top, width, h1 + h2 + 2.0 * pad),
            fill: Some(Paint::Surface),
            stroke: Some(Stroke::solid(stroke, s.hairline * if draft { 2.0 } else { 1.0 })),
            radius: s.radius,
            items,
        }
    }

    fn spine(&self, grid: &Grid, top: f64, sink: &mut Sink) -> Region {
        let s = &self.theme.space;
        let t = &self.theme.type_scale;
        let pad = s.cell_padding;
        let number_font = Font { style: Style::Regular, size: t.stage_number, leading: t.line_height };
        let name_font = Font { style: Style::Bold, size: self.stage_name_size(grid), leading: t.heading_line_height };
        // Lay out each header's content, then give all one height.
        let mut contents = Vec::new();
        for (i, (stage, col)) in self.journey.stages.iter().zip(&grid.columns).enumerate() {
            let field = Field::new("name", &stage.spans.get_or("name", &stage.span));
            let (number, nh) = self.line_at(
                sink,
                &format!("STAGE {}", i + 1),
                number_font,
                Paint::SpineInk,
                Point::new(col.x + pad, top + pad),
                &field,
            );
            let (mut items, h) = self.lines(
                sink,
                &stage.name,
                name_font,
                Paint::SpineInk,
                Slot::new(col.x + pad, top + pad + nh, col.width - 2.0 * pad),
                &field,
            );
            items.insert(0, Item::Text(number));
            contents.push((items, nh + h));
        }
        let height = contents.iter().map(|(_, h)| *h).fold(0.0, f64::max) + 2.0 * pad;
        let mut blocks = Vec::new();
        let mut decorations = Vec::new();
        for (i, ((items, _), col)) in contents.into_iter().zip(&grid.columns).enumerate() {
            blocks.push(Block {
                id: format!("stage-{}", i + 1),
                kind: BlockKind::Stage { stage: i },
                rect: Rect::new(col.x, top, col.width, height),
                fill: Some(Paint::Spine),
                stroke: None,
                radius: s.radius,
                items,
            });
            if i + 1 < self.journey.stages.len() {
                // An arrow in the gutter says "and then".
                let w = s.gutter * 0.75;
                let h = w * 1.6;
                let x = col.x + col.width + (s.gutter - w) / 2.0;
                decorations
                    .push(Item::Chevron { rect: Rect::new(x, top + (height - h) / 2.0, w, h), paint: Paint::Spine });
            }
        }
        let x0 = grid.label.x;
        Region { kind: RegionKind::Spine, rect: Rect::new(x0, top, grid.content, height), blocks, decorations }
    }

    /// One size for every stage name: the theme's, or smaller so that no
    /// word of any name has to break (a designer sets a long "Consideration"
    /// one notch down rather than splitting it), but never below body text.
    /// Widths scale linearly with size, so the size is exact.
    fn stage_name_size(&self, grid: &Grid) -> f64 {
        let t = &self.theme.type_scale;
        let available = grid.columns.first().map_or(0.0, |c| c.width) - 2.0 * self.theme.space.cell_padding;
        let widest = self
            .journey
            .stages
            .iter()
            .flat_map(|stage| stage.name.split_whitespace())
            .map(|word| self.shaper.width(word, Style::Bold, t.stage))
            .fold(0.0, f64::max);
        if widest <= available || widest <= 0.0 {
            return t.stage;
        }
        (t.stage * available / widest).max(t.body.min(t.stage))
    }

    fn rows(&self) -> Vec<Row<'a>> {
        Question::ALL
            .into_iter()
            .map(Row::Question)
            .chain(self.journey.lanes.iter().enumerate().map(|(i, l)| Row::Lane(i, l)))
            .collect()
    }

    fn row_label(&self, sink: &mut Sink, head: RowHead<'_>, grid: &Grid, top: f64) -> (Block, f64) {
        let RowHead { id, key, title, question, field } = head;

        let s = &self.theme.space;
        let t = &self.theme.type_scale;
        let pad = s.cell_padding;
        let x = grid.label.x + pad;
        let width = grid.label.width - 2.0 * pad;
        let label_font = Font { style: Style::Bold, size: t.label, leading: t.line_height };
        let (mut items, mut h) =
            self.lines(sink, title, label_font, Paint::Ink, Slot::new(x, top + pad, width), &field);
        if let Some(q) = question {
            let (more, qh) = self.lines(
                sink,
                q,
                self.caption(Style::Italic),
                Paint::Muted,
                Slot::new(x, top + pad + h + s.unit / 4.0, width),
                &field,
            );
            items.extend(more);
            h += qh + s.unit / 4.0;
        }
        let block = Block {
            id: format!("label-{id}"),
            kind: BlockKind::RowLabel { row: key },
            rect: Rect::new(grid.label.x, top, grid.label.width, h + 2.0 * pad),
            fill: Some(Paint::LabelBand),
            stroke: None,
            radius: s.radius,
            items,
        };
        (block, h + 2.0 * pad)
    }

    fn questions(&self, grid: &Grid, top: f64, sink: &mut Sink) -> Region {
        let s = &self.theme.space;
        let pad = s.cell_padding;
        let mut blocks = Vec::new();
        let mut decorations = Vec::new();
        let mut y = top;
        for row in self.rows() {
            let (title, question) = match &row {
                Row::Question(q) => (q.label().to_owned(), Some(row_question(*q))),
                Row::Lane(_, lane) => (lane.title.clone(), None),
            };
            let (mut label, label_h) = self.row_label(
                sink,
                RowHead { id: &row.id(), key: row.key(), title: &title, question, field: row.field() },
                grid,
                y,
            );
            let mut cells = Vec::new();
            for (i, (stage, col)) in self.journey.stages.iter().zip(&grid.columns).enumerate() {
                let (items, h) =
                    self.cell_content(sink, stage, &row, Slot::new(col.x + pad, y + pad, col.width - 2.0 * pad));
                cells.push((i, items, h + 2.0 * pad, self.is_answered(stage, &row)));
            }
            let height = cells.iter().map(|c| c.2).fold(label_h, f64::max);
            label.rect.height = height;
            blocks.push(label);
            for ((i, items, _, answered), col) in cells.into_iter().zip(&grid.columns) {
                // Answers sit on the paper so the white cards below stand
                // out; a gap is a dashed slot the workshop still has to fill.
                let stroke =
                    (!answered).then_some(Stroke { paint: Paint::Rule, width: s.hairline, dash: Some(s.unit / 2.0) });
                blocks.push(Block {
                    id: format!("cell-{}-{}", i + 1, row.id()),
                    kind: BlockKind::Cell { stage: i, row: row.key() },
                    rect: Rect::new(col.x, y, col.width, height),
                    fill: None,
                    stroke,
                    radius: s.radius,
                    items,
                });
            }
            y += height + s.row_gap;
            // A hairline between rows, in the middle of the gap, keeps the
            // rows apart now that answers have no boxes.
            let rule_y = y - s.row_gap / 2.0;
            decorations.push(Item::Rule {
                from: Point::new(grid.columns.first().map_or(grid.margin, |c| c.x), rule_y),
                to: Point::new(grid.columns.last().map_or(grid.margin, |c| c.x + c.width), rule_y),
                paint: Paint::Rule,
                width: s.hairline,
            });
        }
        decorations.pop();
        let height = (y - s.row_gap - top).max(0.0);
        Region {
            kind: RegionKind::Questions,
            rect: Rect::new(grid.label.x, top, grid.content, height),
            blocks,
            decorations,
        }
    }

    /// Whether a stage answers a row (for effort: a level or a note).
    fn is_answered(&self, stage: &Stage, row: &Row<'_>) -> bool {
        match row {
            Row::Question(Question::Effort) => stage.effort.is_some() || stage.effort_note.is_some(),
            Row::Question(q) => stage.is_answered(*q),
            Row::Lane(i, _) => stage.lane(*i).is_some_and(|t| !t.is_blank()),
        }
    }

    fn cell_content(&self, sink: &mut Sink, stage: &Stage, row: &Row<'_>, slot: Slot) -> (Vec<Item>, f64) {
        let body = self.body();
        match row {
            Row::Question(Question::Effort) => self.effort(sink, stage, slot),
            Row::Question(q) => match stage.answer(*q).filter(|t| !t.is_blank()) {
                Some(text) => {
                    self.text(sink, text, body, slot, &Field::new(q.key(), &stage.spans.get_or(q.key(), &stage.span)))
                }
                None => self.unanswered(sink, slot),
            },
            Row::Lane(i, lane) => match stage.lane(*i).filter(|t| !t.is_blank()) {
                Some(text) => self.text(
                    sink,
                    text,
                    body,
                    slot,
                    &Field::new(lane.key.clone(), &stage.spans.get_or(&lane.key, &stage.span)),
                ),
                None => self.unanswered(sink, slot),
            },
        }
    }

    /// The effort meter (five pips, `level` filled) with its note below.
    fn effort(&self, sink: &mut Sink, stage: &Stage, slot: Slot) -> (Vec<Item>, f64) {
        let Slot { x, top, width } = slot;

        let s = &self.theme.space;
        let Some(effort) = stage.effort else {
            let (mut items, mut h) = self.unanswered(sink, Slot::new(x, top, width));
            if let Some(note) = &stage.effort_note {
                let (more, nh) = self.lines(
                    sink,
                    note,
                    self.body(),
                    Paint::Ink,
                    Slot::new(x, top + h, width),
                    &Field::new("effort_note", &stage.spans.get_or("effort_note", &stage.span)),
                );
                items.extend(more);
                h += nh;
            }
            return (items, h);
        };
        let font = self.caption(Style::Bold);
        // Five pips and four gaps of 0.35 pip; shrink them in narrow columns.
        let pip = (s.badge * 0.7).min(width / (5.0 + 4.0 * 0.35));
        let gap = pip * 0.35;
        let row_h = font.line_height().max(pip);
        let pips: Vec<Rect> =
            (0..5).map(|i| Rect::new(x + i as f64 * (pip + gap), top + (row_h - pip) / 2.0, pip, pip)).collect();
        let after = x + 5.0 * pip + 4.0 * gap + s.unit;
        let mut items = vec![Item::Pips { pips, shape: PipShape::Block, level: effort.get(), paint: Paint::Spine }];
        let label = format!("{} of 5", effort.get());
        if after + self.shaper.width(&label, font.style, font.size) <= x + width {
            let (line, _) = self.line_at(
                sink,
                &label,
                font,
                Paint::Muted,
                Point::new(after, top + (row_h - font.line_height()) / 2.0),
                &Field::new("effort", &stage.spans.get_or("effort", &stage.span)),
            );
            items.push(Item::Text(line));
        }
        let mut h = row_h;
        if let Some(note) = &stage.effort_note {
            let (more, nh) = self.lines(
                sink,
                note,
                self.body(),
                Paint::Ink,
                Slot::new(x, top + h + s.unit / 2.0, width),
                &Field::new("effort_note", &stage.spans.get_or("effort_note", &stage.span)),
            );
            items.extend(more);
            h += nh + s.unit / 2.0;
        }
        (items, h)
    }

    fn touchpoints(&self, grid: &Grid, top: f64, sink: &mut Sink) -> Region {
        let s = &self.theme.space;
        let (mut label, label_h) = self.row_label(
            sink,
            RowHead {
                id: "touchpoints",
                key: "touchpoints".into(),
                title: "Touchpoints",
                question: Some("Every interaction, marked by the team"),
                field: Field::new("", &(0..0)),
            },
            grid,
            top,
        );
        let mut blocks = Vec::new();
        let mut bottom = top + label_h;
        for (i, (stage, col)) in self.journey.stages.iter().zip(&grid.columns).enumerate() {
            let mut y = top;
            if stage.touchpoints.is_empty() {
                let pad = s.cell_padding;
                let font = self.caption(Style::Italic);
                let (items, h) = self.lines(
                    sink,
                    "— no touchpoints listed",
                    font,
                    Paint::Muted,
                    Slot::new(col.x + pad, y + pad, col.width - 2.0 * pad),
                    &Field::new("", &(0..0)),
                );
                blocks.push(Block {
                    id: format!("cell-{}-touchpoints", i + 1),
                    kind: BlockKind::Cell { stage: i, row: "touchpoints".into() },
                    rect: Rect::new(col.x, y, col.width, h + 2.0 * pad),
                    fill: None,
                    stroke: Some(Stroke { paint: Paint::Rule, width: s.hairline, dash: Some(s.unit / 2.0) }),
                    radius: s.radius,
                    items,
                });
                y += h + 2.0 * pad + s.card_gap;
            }
            for (index, t) in stage.touchpoints.iter().enumerate() {
                let card = self.card(sink, i, index, t, Slot::new(col.x, y, col.width));
                y = card.rect.bottom() + s.card_gap;
                blocks.push(card);
            }
            bottom = bottom.max(y - s.card_gap);
        }
        label.rect.height = bottom - top;
        blocks.insert(0, label);
        Region {
            kind: RegionKind::Touchpoints,
            rect: Rect::new(grid.label.x, top, grid.content, bottom - top),
            blocks,
            decorations: vec![],
        }
    }

    /// A touchpoint card: badges and score on top, then the name, then
    /// channel · owner and the actors.
    fn card(&self, sink: &mut Sink, stage: usize, index: usize, t: &Touchpoint, slot: Slot) -> Block {
        let Slot { x, top, width } = slot;

        let s = &self.theme.space;
        let ts = &self.theme.type_scale;
        let pad = s.card_padding;
        let inner_x = x + pad;
        let inner_w = width - 2.0 * pad;
        let mut items = Vec::new();
        let mut y = top + pad;

        // Top row: the star and the score at the right, badges from the
        // left. Badges that do not fit wrap onto further rows, and a score
        // that does not fit gets a row of its own: a mark is never left out.
        let badge = s.badge;
        let mut right = inner_x + inner_w;
        if t.moment_of_truth && inner_w >= badge {
            right -= badge;
            items.push(Item::Star { rect: Rect::new(right, y, badge, badge) });
            right -= s.unit;
        }
        let pip = badge * 0.55;
        let pip_gap = pip * 0.4;
        let pips_width = 5.0 * pip + 4.0 * pip_gap;
        let score_pips = |x0: f64, row: f64, level: u8| Item::Pips {
            pips: (0..5)
                .map(|i| Rect::new(x0 + i as f64 * (pip + pip_gap), row + (badge - pip) / 2.0, pip, pip))
                .collect(),
            shape: PipShape::Dot,
            level,
            paint: Paint::Ink,
        };
        let mut score_left = t.score;
        if let Some(score) = t.score {
            if right - pips_width >= inner_x + badge {
                items.push(score_pips(right - pips_width, y, score.get()));
                right -= pips_width + s.unit;
                score_left = None;
            }
        }
        // Badges in legend order, whatever order the file lists them in, so
        // the same mark sits in the same place on every card.
        let mut marks = t.marks.clone();
        marks.sort();
        let (mut bx, mut row_y, mut limit) = (inner_x, y, right);
        for mark in marks {
            if bx > inner_x && bx + badge > limit {
                (bx, row_y, limit) = (inner_x, row_y + badge + s.unit / 2.0, inner_x + inner_w);
            }
            items.push(Item::Badge { mark, rect: Rect::new(bx, row_y, badge, badge) });
            bx += badge + s.unit * 0.75;
        }
        if let Some(score) = score_left {
            row_y += badge + s.unit / 2.0;
            items.push(score_pips(inner_x, row_y, score.get()));
        }
        if t.marks.is_empty() {
            let font = self.caption(Style::Italic);
            let label = "not assessed";
            if inner_x + self.shaper.width(label, font.style, font.size) <= right {
                let (line, _) = self.line_at(
                    sink,
                    label,
                    font,
                    Paint::Muted,
                    Point::new(inner_x, y + (badge - font.line_height()) / 2.0),
                    &Field::new("marks", &t.spans.get_or("marks", &t.span)),
                );
                items.push(Item::Text(line));
            }
        }
        if !items.is_empty() {
            y = row_y + badge + s.unit;
        }

        let name_font = Font { style: Style::Bold, size: ts.card_title, leading: ts.heading_line_height };
        let (lines, h) = self.lines(
            sink,
            &t.name,
            name_font,
            Paint::Ink,
            Slot::new(inner_x, y, inner_w),
            &Field::new("name", &t.spans.get_or("name", &t.span)),
        );
        items.extend(lines);
        y += h;

        let meta: Vec<&str> = [t.channel.as_deref(), t.owner.as_deref()].into_iter().flatten().collect();
        if !meta.is_empty() {
            let font = self.caption(Style::Regular);
            for (key, value) in [("channel", &t.channel), ("owner", &t.owner)] {
                if let Some(value) = value {
                    self.check_glyphs(sink, value, font, &Field::new(key, &t.spans.get_or(key, &t.span)));
                }
            }
            let (lines, h) = self.lines(
                sink,
                &meta.join(" · "),
                font,
                Paint::Muted,
                Slot::new(inner_x, y + s.unit / 4.0, inner_w),
                &Field::new("", &(0..0)),
            );
            items.extend(lines);
            y += h + s.unit / 4.0;
        }
        if !t.actors.is_empty() {
            let text = format!("With {}", t.actors.join(", "));
            let (lines, h) = self.lines(
                sink,
                &text,
                self.caption(Style::Italic),
                Paint::Muted,
                Slot::new(inner_x, y, inner_w),
                &Field::new("actors", &t.spans.get_or("actors", &t.span)),
            );
            items.extend(lines);
            y += h;
        }
        let stroke = if t.moment_of_truth {
            Stroke::solid(Paint::MomentOfTruth, s.mot_outline)
        } else {
            Stroke::solid(Paint::Rule, s.hairline)
        };
        Block {
            id: format!("card-{}-{}", stage + 1, index + 1),
            kind: BlockKind::Card {
                stage,
                index,
                class: Class::of(t),
                moment_of_truth: t.moment_of_truth,
                note: t.note.clone(),
            },
            rect: Rect::new(x, top, width, y + pad - top),
            fill: Some(Paint::Surface),
            stroke: Some(stroke),
            radius: s.radius,
            items,
        }
    }

    fn legend(&self, grid: &Grid, top: f64, sink: &mut Sink) -> Region {
        let s = &self.theme.space;
        let font = self.caption(Style::Regular);
        let badge = s.badge;
        let field = Field::new("", &(0..0));
        // Each entry: a symbol and its words.
        let mut entries: Vec<(Item, &str)> = Mark::ALL
            .into_iter()
            .map(|m| (Item::Badge { mark: m, rect: Rect::new(0.0, 0.0, badge, badge) }, legend_text(m)))
            .collect();
        entries.push((
            Item::Star { rect: Rect::new(0.0, 0.0, badge, badge) },
            "Moment of truth: matters most to the customer",
        ));
        let pip = badge * 0.55;
        let dots = (0..5).map(|i| Rect::new(i as f64 * pip * 1.4, (badge - pip) / 2.0, pip, pip)).collect();
        entries.push((
            Item::Pips { pips: dots, shape: PipShape::Dot, level: 4, paint: Paint::Ink },
            "Customer feeling, 1 (very negative) to 5 (very positive)",
        ));
        let block = badge * 0.7;
        let blocks = (0..5).map(|i| Rect::new(i as f64 * block * 1.35, (badge - block) / 2.0, block, block)).collect();
        entries.push((
            Item::Pips { pips: blocks, shape: PipShape::Block, level: 2, paint: Paint::Spine },
            "Effort to move on, 1 (none) to 5 (very high)",
        ));

        let mut blocks = Vec::new();
        let (mut x, mut y) = (grid.margin, top);
        let mut row_bottom = top;
        let row_h = badge.max(font.line_height());
        for (i, (symbol, words)) in entries.into_iter().enumerate() {
            let sym = symbol.bounds();
            let text_w = self.shaper.width(words, font.style, font.size).min(grid.content - sym.width - s.unit);
            let width = sym.width + s.unit + text_w;
            if x > grid.margin && x + width > grid.margin + grid.content {
                x = grid.margin;
                y = row_bottom + s.unit;
            }
            let symbol = shift_item(symbol, x, y + (row_h - badge) / 2.0);
            let offset = ((row_h - font.line_height()) / 2.0).max(0.0);
            let (lines, h) = self.lines(
                sink,
                words,
                font,
                Paint::Ink,
                Slot::new(x + sym.width + s.unit, y + offset, text_w),
                &field,
            );
            let mut items = vec![symbol];
            items.extend(lines);
            let height = row_h.max(offset + h);
            row_bottom = row_bottom.max(y + height);
            blocks.push(Block {
                id: format!("legend-{}", i + 1),
                kind: BlockKind::LegendItem,
                rect: Rect::new(x, y, width, height),
                fill: None,
                stroke: None,
                radius: 0.0,
                items,
            });
            x += width + s.unit * 4.0;
        }
        let bottom = blocks.iter().map(|b| b.rect.bottom()).fold(top, f64::max);
        Region {
            kind: RegionKind::Legend,
            rect: Rect::new(grid.margin, top, grid.content, bottom - top),
            blocks,
            decorations: vec![],
        }
    }

    fn footer(&self, grid: &Grid, top: f64, sink: &mut Sink) -> Region {
        let s = &self.theme.space;
        let font = self.caption(Style::Regular);
        let credit = "Made with journeymap";
        let credit_w = self.shaper.width(credit, font.style, font.size);
        let text_w = (grid.content - credit_w - s.unit * 4.0).max(s.unit * 4.0);
        let sources = if self.journey.sources.is_empty() {
            "Sources: none recorded".to_owned()
        } else {
            format!("Sources: {}", self.journey.sources.join("; "))
        };
        // A draft says so again at its foot, so a photo or print of part of
        // the poster still carries the mark.
        let mut y = top + s.unit;
        let mut items = Vec::new();
        if self.journey.status == Status::Draft {
            let bold = Font { style: Style::Bold, ..font };
            let (lines, h) = self.lines(
                sink,
                "DRAFT — not yet validated by the team",
                bold,
                Paint::Accent,
                Slot::new(grid.margin, y, text_w),
                &Field::new("", &(0..0)),
            );
            items.extend(lines);
            y += h;
        }
        let (lines, h) = self.lines(
            sink,
            &sources,
            font,
            Paint::Muted,
            Slot::new(grid.margin, y, text_w),
            &Field::new("sources", &self.journey.spans.get("sources")),
        );
        items.extend(lines);
        let h = y + h - (top + s.unit);
        let (credit_line, _) = self.line_at(
            sink,
            credit,
            font,
            Paint::Muted,
            Point::new(grid.margin + grid.content - credit_w, top + s.unit),
            &Field::new("", &(0..0)),
        );
        items.push(Item::Text(credit_line));
        items.insert(
            0,
            Item::Rule {
                from: Point::new(grid.margin, top + s.hairline / 2.0),
                to: Point::new(grid.margin + grid.content, top + s.hairline / 2.0),
                paint: Paint::Rule,
                width: s.hairline,
            },
        );
        let rect = Rect::new(grid.margin, top, grid.content, h + s.unit);
        let block =
            Block { id: "footer".into(), kind: BlockKind::Footer, rect, fill: None, stroke: None, radius: 0.0, items };
        Region { kind: RegionKind::Footer, rect, blocks: vec![block], decorations: vec![] }
    }
}

/// The height of one line box: the font's leading, but never less than
/// its ascender plus descender, so a line's ink never leaves its box
/// however tight a theme sets its headings.
fn line_box(font: Font, ascent: f64, descent: f64) -> f64 {
    font.line_height().max(ascent + descent)
}

fn legend_text(mark: Mark) -> &'static str {
    match mark {
        Mark::Essential => "Essential to the customer",
        Mark::Strength => "Strength: performed really well",
        Mark::Pain => "Pain point for the customer",
        Mark::WouldPay => "Customers would pay for it",
    }
}

/// Moves an item laid out at the origin to `(dx, dy)`.
fn shift_item(item: Item, dx: f64, dy: f64) -> Item {
    let mv = |r: Rect| Rect::new(r.x + dx, r.y + dy, r.width, r.height);
    match item {
        Item::Badge { mark, rect } => Item::Badge { mark, rect: mv(rect) },
        Item::Star { rect } => Item::Star { rect: mv(rect) },
        Item::Pips { pips, shape, level, paint } => {
            Item::Pips { pips: pips.into_iter().map(mv).collect(), shape, level, paint }
        }
        Item::Chevron { rect, paint } => Item::Chevron { rect: mv(rect), paint },
        Item::Rule { from, to, paint, width } => Item::Rule {
            from: Point::new(from.x + dx, from.y + dy),
            to: Point::new(to.x + dx, to.y + dy),
            paint,
            width,
        },
        Item::Text(mut t) => {
            t.x += dx;
            t.baseline += dy;
            Item::Text(t)
        }
    }
}

fn translate_region(region: &mut Region, dy: f64) {
    region.rect.y += dy;
    for block in &mut region.blocks {
        block.rect.y += dy;
        block.items = std::mem::take(&mut block.items).into_iter().map(|i| shift_item(i, 0.0, dy)).collect();
    }
    region.decorations = std::mem::take(&mut region.decorations).into_iter().map(|i| shift_item(i, 0.0, dy)).collect();
}
