//! Slide decks (`render --deck`): the poster's story as 16:9 pages of
//! 1920 × 1080 px for a presentation, from the same regions as the poster.
//!
//! - An **overview**: title, spine, emotion curve and stage health. A map
//!   too wide for one slide at the text floor is shown in parts, each
//!   numbering its stages as the whole map does.
//! - One slide per **stage**: its answers to the questions on the left, its
//!   cards in full on the right. A stage with more than a slide holds goes
//!   on over more slides ("… (continued)"), answers first, then cards,
//!   in reading order.
//! - The **priorities**, with the weakest and strongest stages named.
//!
//! Every slide is laid out at the largest scale (up to the poster's
//! [`MAX_SCALE`](super::MAX_SCALE)) at which it fits, and never with text
//! under [`MIN_SLIDE_TEXT_PX`] on the 1920 × 1080 page: a slide is read
//! from across a room.

use super::context::{Context, Font, Lines, Slot};
use super::document::Arrangement;
use super::document::{Document, Page};
use super::frame::{BoxStyle, Frame, Group, Item, Structure, Tag, Transform};
use super::geom::{EPSILON, Point, Rect, Size2};
use super::regions::{cards, priorities, questions};
use super::stack::Stacker;
use super::{
    LayoutError, MAX_SCALE, Options, description, fits_at, grow, largest_fitting, meta, resolve_highlight, stacker,
};
use crate::model::{Journey, Panel};
use crate::text::{Shaper, Style};
use crate::theme::{Role, Theme};

/// A slide in CSS px: 1920 × 1080, 16:9.
pub const SLIDE: Size2 = Size2 { width: 1920.0, height: 1080.0 };

/// The smallest text on a slide, in px of the 1920 × 1080 page.
pub const MIN_SLIDE_TEXT_PX: f64 = 18.0;

/// Lays out a journey as a slide deck: an overview, one slide (or more)
/// per stage, and the priorities. `options.highlight` mutes other owners'
/// cards as on a poster; the page size and orientation are the slide's.
///
/// # Errors
/// [`LayoutError::UnknownOwner`] for an owner to highlight who owns
/// nothing; [`LayoutError::SlideTooSmall`] when one card, answer or stage column
/// cannot fit a slide with its text at [`MIN_SLIDE_TEXT_PX`].
pub fn deck(journey: &Journey, theme: &Theme, shaper: &Shaper<'_>, options: &Options) -> Result<Document, LayoutError> {
    let highlight = resolve_highlight(journey, options)?;
    let min_scale = MIN_SLIDE_TEXT_PX / theme.type_scale.smallest();
    let builder = stacker(journey, theme, shaper, highlight.as_deref());
    let mut slides = overview(journey, &builder, min_scale)?;
    for stage in 0..journey.stages.len() {
        slides.extend(stage_slides(&builder, stage, min_scale)?);
    }
    if let Some((slide, shown)) = priorities_slide(&builder, min_scale) {
        let scale = slide.scale;
        slides.push(slide);
        slides.extend(action_slides(&builder, shown, scale, min_scale)?);
    }
    let total = slides.len();
    let pages = slides.into_iter().enumerate().map(|(i, slide)| slide.into_page(&builder, i + 1, total)).collect();
    Ok(Document {
        pages,
        title: journey.title.clone(),
        description: description(journey, &builder.labels, &builder.priorities),
        anchors: Vec::new(),
        left_out: Vec::new(),
        priorities_cap: None,
        arrangement: Arrangement::Full,
        forced_breaks: 0,
        meta: meta(journey),
    })
}

/// A slide before its page furniture: its name, scale and content.
struct Slide {
    name: String,
    scale: f64,
    frame: Frame,
}

impl Slide {
    /// The slide as a page, with its number and the map's title at the
    /// foot.
    fn into_page(mut self, builder: &Stacker<'_>, number: usize, total: usize) -> Page {
        let view = Size2 { width: SLIDE.width / self.scale, height: SLIDE.height / self.scale };
        let cx = builder.context(view.width, 0.0);
        let s = &cx.theme.space;
        let font = cx.caption(Style::Regular);
        let count = format!(" · {number} / {total}");
        let room = view.width - 2.0 * s.margin - cx.width(&count, font);
        let title = cx.shaper.ellipsize(&cx.journey.title, font.style, font.size, room.max(0.0));
        let text = format!("{title}{count}");
        let width = cx.width(&text, font);
        let line_box = cx.line_box(font);
        let at = Point::new(view.width - s.margin - width.min(view.width - 2.0 * s.margin), view.height - s.margin);
        let (line, _) = cx.line_at(&text, font, Role::Muted, Point::new(at.x, at.y - line_box));
        self.frame.push(Item::Text(line));
        self.frame.size = view;
        Page { size: SLIDE, transform: Transform::scale(self.scale), frame: self.frame, name: self.name, print: None }
    }
}

/// The height a slide keeps free at its foot for the number line.
fn foot(cx: &Context<'_>) -> f64 {
    cx.line_box(cx.caption(Style::Regular)) + cx.theme.space.section
}

/// The overview: title, spine, curve and health, fitted to the slide; in
/// parts of fewer stages when the whole spine does not fit.
fn overview(journey: &Journey, builder: &Stacker<'_>, min_scale: f64) -> Result<Vec<Slide>, LayoutError> {
    // The map without its stages, each part takes its own.
    let mut story = Journey { stages: Vec::new(), ..journey.clone() };
    story.poster.panels = Some(vec![Panel::CURVE, Panel::HEALTH]);
    // A slide at 18 px has no room for the headline over the spine, curve
    // and health; the curve and the strip tell it.
    story.headline = Some(String::new());
    let n = journey.stages.len().max(1);
    let name = builder.labels.get("overview").to_owned();
    let foot = foot(&builder.context(SLIDE.width, 0.0));
    // Each distinct part size once, largest first. A size is fitted only
    // when every part fits at the floor; the floor's layouts are kept for
    // the fit.
    let mut sizes: Vec<usize> = (1..=n).map(|parts| n.div_ceil(parts)).collect();
    sizes.dedup();
    for per in sizes {
        let parts: Vec<(usize, usize, Journey)> = (0..n)
            .step_by(per)
            .map(|start| {
                let end = (start + per).min(journey.stages.len());
                let stages = journey.stages.get(start..end).map(<[_]>::to_vec).unwrap_or_default();
                (start, end, Journey { stages, ..story.clone() })
            })
            .collect();
        let stackers: Vec<Stacker<'_>> =
            parts.iter().map(|(start, end, part)| part_stacker(builder, *start, *end, part)).collect();
        let floors: Option<Vec<_>> =
            stackers.iter().map(|stacker| fits_at(stacker, SLIDE, foot, false, min_scale)).collect();
        let Some(floors) = floors else { continue };
        return Ok(parts
            .iter()
            .zip(&stackers)
            .zip(floors)
            .map(|(((start, end, _), stacker), floor)| {
                let (scale, laid) = grow(stacker, SLIDE, foot, false, min_scale, floor);
                let name = if per >= n { name.clone() } else { format!("{name} ({}–{})", start + 1, end) };
                Slide { name, scale, frame: laid.frame }
            })
            .collect());
    }
    Err(too_small("the overview of one stage"))
}

/// The stacker for the stages `start..end` of the map, as `part`: the
/// whole map's health and extremes, its numbering kept, no footer.
fn part_stacker<'p>(builder: &Stacker<'p>, start: usize, end: usize, part: &'p Journey) -> Stacker<'p> {
    let extremes = builder.extremes.within(start..end);
    Stacker {
        journey: part,
        theme: builder.theme,
        shaper: builder.shaper,
        priorities: crate::priorities::actions(part),
        health: builder.health.get(start..end).map(<[_]>::to_vec).unwrap_or_default(),
        extremes,
        highlight: builder.highlight,
        left_out: Vec::new(),
        priorities_cap: None,
        labels: builder.labels.clone(),
        first_stage: start,
        regions: &super::regions::PANELS,
        footer: false,
        brief: false,
        least_column: 0.5,
    }
}

fn too_small(what: &str) -> LayoutError {
    LayoutError::SlideTooSmall { what: what.to_owned() }
}

/// A laid-out block of a slide (a card, an answer, a heading) with its top
/// left at the origin.
struct Block {
    /// The box's tag; `None` when the block is one box already (a card).
    tag: Option<Tag>,
    items: Vec<Item>,
    width: f64,
    height: f64,
}

impl Block {
    /// The block as a box with its top left at (`x`, `y`), so the geometry
    /// every poster is held to (inside the page, no overlaps) holds on
    /// slides too.
    fn at(self, x: f64, y: f64) -> Item {
        let at = Transform::translate(x, y);
        let bounds = Rect::new(0.0, 0.0, self.width, self.height);
        match (self.tag, self.items) {
            (None, mut items) if items.len() == 1 => {
                if let Some(Item::Group(group)) = items.first_mut() {
                    group.transform = at.then(group.transform);
                }
                items.remove(0)
            }
            (tag, items) => {
                let tag = tag.unwrap_or_else(|| Tag::class("block"));
                let mut group = Group::boxed(tag, bounds, BoxStyle::default(), items);
                group.transform = at;
                Item::Group(group)
            }
        }
    }
}

/// A stage's slides: at the largest scale at which answers and cards fit
/// one slide side by side, or else at the floor, flowed over as many
/// slides as they need.
fn stage_slides(builder: &Stacker<'_>, stage: usize, min_scale: f64) -> Result<Vec<Slide>, LayoutError> {
    let name = builder.journey.stages[stage].name.clone();
    let one = |scale: f64| one_slide(builder, stage, scale);
    if let Some(frame) = one(min_scale) {
        let (scale, frame) = largest_fitting(&one, min_scale, MAX_SCALE.max(min_scale), frame);
        return Ok(vec![Slide { name, scale, frame }]);
    }
    flowed(builder, stage, min_scale).map(|frames| {
        let continued = builder.labels.fill("continued", &[("stage", &name)]);
        frames
            .into_iter()
            .enumerate()
            .map(|(i, frame)| Slide {
                name: if i == 0 { name.clone() } else { continued.clone() },
                scale: min_scale,
                frame,
            })
            .collect()
    })
}

/// The view a slide has at `scale`, and the context for it.
fn view<'c>(builder: &'c Stacker<'_>, scale: f64) -> (Size2, Context<'c>) {
    let view = Size2 { width: SLIDE.width / scale, height: SLIDE.height / scale };
    let mut cx = builder.context(view.width, 0.0);
    cx.grid.content = view.width - 2.0 * cx.theme.space.margin;
    (view, cx)
}

/// A stage slide's heading: "Stage 3 of 7" over the stage's name.
fn heading(cx: &Context<'_>, stage: usize, title: &str, width: f64) -> Block {
    let t = &cx.theme.type_scale;
    let total = cx.journey.stages.len().to_string();
    let number = cx.labels.fill("stage_of", &[("n", &(stage + 1).to_string()), ("total", &total)]);
    let small = cx.lines(
        &number,
        Font { style: Style::Bold, size: t.label, leading: t.line_height },
        Role::Muted,
        Slot::new(0.0, 0.0, width),
    );
    let font = Font { style: Style::Bold, size: t.title, leading: t.heading_line_height };
    let big = cx.lines(title, font, Role::Ink, Slot::new(0.0, small.height, width));
    let mut items = small.items;
    items.extend(big.items);
    let tag = Tag::new("slide-heading", "slide-heading")
        .data("stage", &cx.journey.stages[stage].name)
        .structure(Structure::Heading(1));
    Block { tag: Some(tag), items, width, height: small.height + big.height }
}

/// The cards of a stage, each `width` wide.
fn card_blocks(cx: &Context<'_>, stage: usize, width: f64) -> Vec<Block> {
    let hidden = cards::customer_actors(cx);
    let Some(st) = cx.journey.stages.get(stage) else { return Vec::new() };
    st.touchpoints
        .iter()
        .enumerate()
        .map(|(index, t)| {
            let (card, rect) = cards::card(cx, stage, index, t, Slot::new(0.0, 0.0, width), &hidden);
            Block { tag: None, items: vec![card], width, height: rect.height }
        })
        .collect()
}

fn answer_blocks(cx: &Context<'_>, stage: usize, width: f64) -> Vec<Block> {
    questions::answers(cx, stage, width)
        .into_iter()
        .enumerate()
        .map(|(k, Lines { items, height })| {
            let tag = Tag::new(format!("answer-{}-{}", stage + 1, k + 1), "answer");
            Block { tag: Some(tag), items, width, height }
        })
        .collect()
}

/// How many columns of at least a stage column's width fit in `width`,
/// at most `most`.
fn columns(cx: &Context<'_>, width: f64, most: usize) -> usize {
    let s = &cx.theme.space;
    (((width + s.gutter) / (s.column_width + s.gutter)).floor() as usize).clamp(1, most.max(1))
}

/// Places blocks in rows of `per_row` across `width` from `top`; returns
/// the items and the bottom.
fn rows(blocks: Vec<Block>, x: f64, top: f64, width: f64, per_row: usize, gap: f64) -> (Vec<Item>, f64) {
    let per_row = per_row.max(1);
    let column = (width - (per_row - 1) as f64 * gap) / per_row as f64;
    let mut items = Vec::new();
    let mut y = top;
    let mut row_height: f64 = 0.0;
    for (i, block) in blocks.into_iter().enumerate() {
        if i > 0 && i % per_row == 0 {
            y += row_height + gap;
            row_height = 0.0;
        }
        row_height = row_height.max(block.height);
        items.push(block.at(x + (i % per_row) as f64 * (column + gap), y));
    }
    let bottom = if items.is_empty() { top } else { y + row_height };
    (items, bottom)
}

/// A stage on one slide at `scale`: heading; answers on the left, cards
/// in rows on the right (or across the slide when one side is empty).
fn one_slide(builder: &Stacker<'_>, stage: usize, scale: f64) -> Option<Frame> {
    let (view, cx) = view(builder, scale);
    let s = &cx.theme.space;
    let content = cx.grid.content;
    let name = &cx.journey.stages[stage].name;
    let head = heading(&cx, stage, name, content);
    let top = s.margin + head.height + s.section;
    let bottom = view.height - s.margin - foot(&cx);
    let mut frame = Frame::new(view);
    frame.push(head.at(s.margin, s.margin));

    let has_cards = !cx.journey.stages[stage].touchpoints.is_empty();
    let has_answers = questions::answers_any(&cx, stage);
    let (answers_w, cards_x) = match (has_answers, has_cards) {
        (true, true) => {
            let w = (content - s.section) * 0.4;
            (w, s.margin + w + s.section)
        }
        (true, false) => (content, s.margin),
        _ => (0.0, s.margin),
    };
    let mut y = top;
    for block in answer_blocks(&cx, stage, answers_w) {
        let h = block.height;
        frame.push(block.at(s.margin, y));
        y += h + s.row_gap;
    }
    if y - s.row_gap > bottom + EPSILON && has_answers {
        return None;
    }
    let cards_w = content - (cards_x - s.margin);
    let per_row = columns(&cx, cards_w, 3);
    let width = (cards_w - (per_row - 1) as f64 * s.gutter) / per_row as f64;
    let (items, end) = rows(card_blocks(&cx, stage, width), cards_x, top, cards_w, per_row, s.gutter);
    frame.items.extend(items);
    (end <= bottom + EPSILON && cx.forced.get() == 0).then_some(frame)
}

/// A stage too big for one slide, at the floor: the answers across the
/// slide in two columns, then the cards in rows, each slide filled before
/// the next begins.
fn flowed(builder: &Stacker<'_>, stage: usize, scale: f64) -> Result<Vec<Frame>, LayoutError> {
    let (view, cx) = view(builder, scale);
    let s = &cx.theme.space;
    let content = cx.grid.content;
    let stage_name = &cx.journey.stages[stage].name;
    let continued = cx.labels.fill("continued", &[("stage", stage_name)]);
    let bottom = view.height - s.margin - foot(&cx);
    let half = (content - s.gutter) / 2.0;
    let per_row = columns(&cx, content, 3);
    let card_w = (content - (per_row - 1) as f64 * s.gutter) / per_row as f64;
    // Answers two to a row, then cards `per_row` to a row: each a row of
    // blocks that must stay together.
    let mut answer_rows: Vec<Vec<Block>> = Vec::new();
    for block in answer_blocks(&cx, stage, half) {
        match answer_rows.last_mut() {
            Some(row) if row.len() < 2 => row.push(block),
            _ => answer_rows.push(vec![block]),
        }
    }
    let mut card_rows: Vec<Vec<Block>> = Vec::new();
    for block in card_blocks(&cx, stage, card_w) {
        match card_rows.last_mut() {
            Some(row) if row.len() < per_row => row.push(block),
            _ => card_rows.push(vec![block]),
        }
    }
    let gaps = [(s.row_gap, s.gutter)].repeat(answer_rows.len());
    let card_gaps = [(s.gutter, s.gutter)].repeat(card_rows.len());
    let mut frames = Vec::new();
    let mut frame: Option<(Frame, f64)> = None;
    for (row, (gap, column_gap)) in answer_rows.into_iter().zip(gaps).chain(card_rows.into_iter().zip(card_gaps)) {
        let height = row.iter().map(|b| b.height).fold(0.0, f64::max);
        let fits = |y: f64| y + height <= bottom + EPSILON;
        let (mut current, y) = match frame.take() {
            Some((f, y)) if fits(y) => (f, y),
            previous => {
                frames.extend(previous.map(|(f, _)| f));
                let title = if frames.is_empty() { stage_name.as_str() } else { continued.as_str() };
                let head = heading(&cx, stage, title, content);
                let head_height = head.height;
                let top = s.margin + head_height + s.section;
                let mut f = Frame::new(view);
                f.push(head.at(s.margin, s.margin));
                if s.margin + head_height > bottom + EPSILON {
                    return Err(too_small(&format!("the name of the stage '{stage_name}'")));
                }
                if !fits(top) {
                    return Err(too_small(&format!("a card or answer of the stage '{stage_name}'")));
                }
                (f, top)
            }
        };
        let mut x = s.margin;
        for block in row {
            let w = block.width;
            current.push(block.at(x, y));
            x += w + column_gap;
        }
        frame = Some((current, y + height + gap));
    }
    frames.extend(frame.map(|(f, _)| f));
    if frames.is_empty() {
        // Nothing but the heading, which did not fit one slide: a stage
        // never goes missing from its deck.
        let head = heading(&cx, stage, stage_name, content);
        if s.margin + head.height > bottom + EPSILON || cx.forced.get() > 0 {
            return Err(too_small(&format!("the name of the stage '{stage_name}'")));
        }
        let mut f = Frame::new(view);
        f.push(head.at(s.margin, s.margin));
        frames.push(f);
    }
    Ok(frames)
}

/// The priorities slide, when the map has priorities to list: the panel
/// across the slide at the largest scale it fits, listing fewer (and
/// saying how many more) when even the floor is too small for all.
fn priorities_slide(builder: &Stacker<'_>, min_scale: f64) -> Option<(Slide, usize)> {
    let (_, cx) = view(builder, min_scale);
    if !priorities::has_data(&cx) || cx.ranked == 0 {
        return None;
    }
    let name = builder.labels.get("priorities").to_owned();
    let at = |scale: f64, listed: usize| {
        let (view, mut cx) = view(builder, scale);
        cx.ranked = listed;
        let s = &cx.theme.space;
        let region = priorities::layout(&cx);
        let bottom = view.height - s.margin - foot(&cx);
        (s.margin + region.frame.size.height <= bottom + EPSILON && cx.forced.get() == 0).then(|| {
            let mut frame = Frame::new(view);
            let (width, height) = (region.frame.size.width, region.frame.size.height);
            let block = Block { tag: Some(region.tag), items: region.frame.items, width, height };
            frame.push(block.at(s.margin, s.margin));
            frame
        })
    };
    for listed in (1..=cx.ranked).rev() {
        let fits = |scale: f64| at(scale, listed);
        if let Some(frame) = fits(min_scale) {
            let (scale, frame) = largest_fitting(&fits, min_scale, MAX_SCALE.max(min_scale), frame);
            return Some((Slide { name, scale, frame }, listed));
        }
    }
    None
}

/// The slides after the priorities that list every action, when the
/// priorities slide shows only the first `shown`: at that slide's
/// `scale`, or at the floor when an action is too long for a slide there.
fn action_slides(builder: &Stacker<'_>, shown: usize, scale: f64, min_scale: f64) -> Result<Vec<Slide>, LayoutError> {
    for scale in [scale, min_scale] {
        let like = Page {
            size: SLIDE,
            transform: Transform::scale(scale),
            frame: Frame::new(SLIDE),
            name: String::new(),
            print: None,
        };
        let reserve = foot(&builder.context(SLIDE.width / scale, 0.0));
        let pages = super::actions::list_pages_after(builder, &like, shown, reserve);
        // A list page grows for an action taller than a slide; a slide
        // cannot.
        if pages.iter().all(|p| p.size.height <= SLIDE.height + EPSILON) {
            return Ok(pages.into_iter().map(|p| Slide { name: p.name, scale, frame: p.frame }).collect());
        }
    }
    Err(too_small("an agreed action in the list of all actions"))
}
