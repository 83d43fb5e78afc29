//! Slide decks (`render --deck`): the poster's story as 16:9 pages of
//! 1920 × 1080 px for a presentation to people who were not in the
//! workshop, from the same regions as the poster.
//!
//! 1. **The story**: the map's title, the headline and the whole emotion
//!    curve, every stage on one slide.
//! 2. **The marks**: what each badge, the star and the score colours
//!    mean, in words.
//! 3. One slide per **stage**, titled with what it found ("Booking hurts
//!    most: 2 pains, feeling 2.8 of 5"), the weakest and the strongest
//!    named as such: its answers to the questions and its cards in full.
//!    A stage with more than a slide holds goes on over more slides.
//! 4. The **priorities**, every action with its owner and what to do, over
//!    as many slides as they need.
//!
//! Every slide is laid out at the largest scale (up to [`MAX_SLIDE_SCALE`])
//! at which it fits, never with text
//! under [`MIN_SLIDE_TEXT_PX`] on the 1920 × 1080 page (a slide is read
//! from across a room), and what is left over is shared out so that no
//! slide is more than a quarter empty. Each slide's title is one tagged
//! group, so a PPTX can leave it out of the picture and set it as text
//! ([`untitled`], [`slide_title`]); [`Document::notes`] says in words
//! what each slide shows.

mod actions;
mod findings;
mod marks;
mod overview;
mod stage;

use super::context::{Context, Font, Slot};
use super::document::{Document, Page};
use super::frame::{BoxStyle, Frame, Group, Item, Structure, Tag, Transform};
use super::geom::{EPSILON, Point, Rect, Size2};
use super::stack::Stacker;
use super::{LayoutError, Options, description, largest_fitting, meta, resolve_highlight, stacker};
use crate::model::Journey;
use crate::text::{Shaper, Style};
use crate::theme::{Role, Theme};

/// A slide in CSS px: 1920 × 1080, 16:9.
pub const SLIDE: Size2 = Size2 { width: 1920.0, height: 1080.0 };

/// The smallest text on a slide, in px of the 1920 × 1080 page: about
/// 18 pt, what a projected slide needs to be read from the back of a
/// meeting room.
pub const MIN_SLIDE_TEXT_PX: f64 = 24.0;

/// A slide title's size, in px of the 1920 × 1080 page: the same on every
/// slide whatever the slide's scale, so the titles read as a series,
/// except on a slide enlarged so far that its kicker would outgrow it.
pub const SLIDE_TITLE_PX: f64 = 60.0;

/// The most a slide enlarges the theme's sizes: more than a poster
/// (a stage with one card is a statement slide, read from the back of
/// the room), short of a card filling the slide.
pub const MAX_SLIDE_SCALE: f64 = 5.0;

/// The id of a slide's title group.
const TITLE_ID: &str = "slide-title";

/// Lays out a journey as a slide deck (see the module docs).
/// `options.highlight` mutes other owners' cards as on a poster; the page
/// size and orientation are the slide's.
///
/// # Errors
/// [`LayoutError::UnknownOwner`] for an owner to highlight who owns
/// nothing; [`LayoutError::SlideTooSmall`] when one card, answer or action,
/// or the curve of every stage, cannot fit a slide with its text at
/// [`MIN_SLIDE_TEXT_PX`].
pub fn deck(journey: &Journey, theme: &Theme, shaper: &Shaper<'_>, options: &Options) -> Result<Document, LayoutError> {
    let highlight = resolve_highlight(journey, options)?;
    let min_scale = MIN_SLIDE_TEXT_PX / theme.type_scale.smallest();
    // A slide's margins are narrower than a poster's: a projected slide
    // has no edge to keep clear of a frame or a pin.
    let mut theme = theme.clone();
    theme.space.margin = theme.space.margin.min(theme.space.unit * 4.0);
    let builder = stacker(journey, &theme, shaper, highlight.as_deref());
    let mut slides = vec![overview::slide(&builder, min_scale)?];
    slides.extend(marks::slide(&builder, min_scale));
    for stage in 0..journey.stages.len() {
        // A stage with nothing recorded has nothing to show but its name,
        // which the first slide's curve carries: no blank slide for it.
        if stage::has_content(&builder, stage) {
            slides.extend(stage::slides(&builder, stage, min_scale)?);
        }
    }
    slides.extend(actions::slides(&builder, min_scale)?);
    let total = slides.len();
    let notes = slides.iter().map(|s| s.notes.clone()).collect();
    let pages = slides.into_iter().enumerate().map(|(i, slide)| slide.into_page(&builder, i + 1, total)).collect();
    Ok(Document {
        pages,
        title: journey.title.clone(),
        description: description(journey, &builder.labels, &builder.priorities),
        anchors: Vec::new(),
        left_out: Vec::new(),
        priorities_cap: None,
        arrangement: super::Arrangement::Full,
        forced_breaks: 0,
        meta: meta(journey),
        notes,
        sheets: Vec::new(),
        labels: builder.labels.clone(),
    })
}

/// A slide's title as the layout set it, for a format that sets the title
/// as text of its own (PPTX).
#[derive(Debug, Clone, PartialEq)]
pub struct SlideTitle {
    /// Its words, its lines joined by spaces.
    pub text: String,
    /// Its box on the page, in px of the 1920 × 1080 slide.
    pub rect: Rect,
    /// Its type size, in px of the slide.
    pub size_px: f64,
}

/// The title of a deck's slide, if the page is one.
pub fn slide_title(page: &Page) -> Option<SlideTitle> {
    let title = page.boxes().into_iter().find(|b| b.tag.id.as_deref() == Some(TITLE_ID))?;
    let size = title.group.lines().first().map_or(0.0, |l| l.size * title.transform.scale);
    Some(SlideTitle {
        text: title.text(),
        rect: page.transform.apply_rect(title.bounds),
        size_px: size * page.transform.scale,
    })
}

/// The slide without its title, its place left free: the picture a PPTX
/// shows under the title it sets as text, so the title shows once.
pub fn untitled(page: &Page) -> Page {
    let mut page = page.clone();
    page.frame.items.retain(
        |item| !matches!(item, Item::Group(g) if g.tag.as_ref().and_then(|t| t.id.as_deref()) == Some(TITLE_ID)),
    );
    page
}

/// A slide before its page furniture: its title, scale, content and what
/// it shows in words.
pub(super) struct Slide {
    name: String,
    scale: f64,
    frame: Frame,
    notes: String,
}

impl Slide {
    /// The slide as a page, with its number at the foot (and the map's
    /// title, except on the first slide, which is titled with it).
    fn into_page(mut self, builder: &Stacker<'_>, number: usize, total: usize) -> Page {
        let view = Size2 { width: SLIDE.width / self.scale, height: SLIDE.height / self.scale };
        let cx = builder.context(view.width, 0.0);
        let s = &cx.theme.space;
        let font = cx.caption(Style::Regular);
        let count = format!("{number} / {total}");
        let text = if number == 1 {
            count
        } else {
            let room = view.width - 2.0 * s.margin - cx.width(&format!(" · {count}"), font);
            let title = cx.shaper.ellipsize(&cx.journey.title, font.style, font.size, room.max(0.0));
            format!("{title} · {count}")
        };
        let width = cx.width(&text, font).min(view.width - 2.0 * s.margin);
        let line_box = cx.line_box(font);
        let at = Point::new(view.width - s.margin - width, view.height - s.margin - line_box);
        let (line, _) = cx.line_at(&text, font, Role::Muted, at);
        self.frame.push(Item::Text(line));
        self.frame.size = view;
        Page { size: SLIDE, transform: Transform::scale(self.scale), frame: self.frame, name: self.name, print: None }
    }
}

/// A slide being laid out at one scale: its context, its view, the title
/// placed, and the band between the title and the foot that the content
/// may fill.
pub(super) struct Canvas<'c> {
    pub(super) cx: Context<'c>,
    pub(super) frame: Frame,
    /// The content band's top and bottom, in view px.
    pub(super) top: f64,
    pub(super) bottom: f64,
}

impl<'c> Canvas<'c> {
    /// A slide at `scale` titled `title`.
    pub(super) fn new(builder: &'c Stacker<'_>, scale: f64, title: &str) -> Canvas<'c> {
        let view = Size2 { width: SLIDE.width / scale, height: SLIDE.height / scale };
        let mut cx = builder.context(view.width, 0.0);
        cx.grid.content = view.width - 2.0 * cx.theme.space.margin;
        let s = &cx.theme.space;
        let (margin, section) = (s.margin, s.section);
        // The title stays a step above the slide's own headings: on a
        // slide enlarged to fill, a title smaller than its stage's kicker
        // would read as the least of its lines, and leave its row bare.
        let size = (SLIDE_TITLE_PX / scale).max(cx.theme.type_scale.label * 1.25);
        let mut font = Font { style: Style::Bold, size, leading: cx.theme.type_scale.heading_line_height };
        // A finding a little too long for one line is set smaller rather
        // than wrapped, down to three quarters of the size.
        let width = cx.width(title, font);
        if width > cx.grid.content {
            font.size = (font.size * cx.grid.content / width * 0.99).max(font.size * 0.75);
        }
        let lines = cx.lines(title, font, Role::Ink, Slot::new(0.0, 0.0, cx.grid.content));
        let tag = Tag::new(TITLE_ID, TITLE_ID).structure(Structure::Heading(1));
        let block = Block { tag: Some(tag), items: lines.items, width: cx.grid.content, height: lines.height };
        let mut frame = Frame::new(view);
        frame.push(block.at(margin, margin));
        let top = margin + lines.height + section * 0.75;
        let bottom = view.height - margin - foot(&cx);
        Canvas { cx, frame, top, bottom }
    }

    /// The content's width.
    pub(super) fn content(&self) -> f64 {
        self.cx.grid.content
    }

    /// The height the content band holds.
    pub(super) fn room(&self) -> f64 {
        self.bottom - self.top
    }

    /// Whether the title fits and no word had to be broken between
    /// letters.
    pub(super) fn clean(&self) -> bool {
        self.top < self.bottom && self.cx.forced.get() == 0
    }
}

/// The height a slide keeps free at its foot for the number line.
fn foot(cx: &Context<'_>) -> f64 {
    cx.line_box(cx.caption(Style::Regular)) + cx.theme.space.section / 2.0
}

/// The largest scale in `min_scale..=MAX_SLIDE_SCALE` at which `at` lays a slide
/// out, and what it laid out; `None` when even `min_scale` fails.
pub(super) fn fitted<T>(min_scale: f64, at: impl Fn(f64) -> Option<T>) -> Option<(f64, T)> {
    let floor = at(min_scale)?;
    Some(largest_fitting(&at, min_scale, MAX_SLIDE_SCALE.max(min_scale), floor))
}

pub(super) fn too_small(what: &str) -> LayoutError {
    LayoutError::SlideTooSmall { what: what.to_owned() }
}

/// A laid-out block of a slide (a card, an answer, a heading) with its top
/// left at the origin.
pub(super) struct Block {
    /// The box's tag; `None` when the block is one box already (a card).
    pub(super) tag: Option<Tag>,
    pub(super) items: Vec<Item>,
    pub(super) width: f64,
    pub(super) height: f64,
}

impl Block {
    /// The block as a box with its top left at (`x`, `y`), so the geometry
    /// every poster is held to (inside the page, no overlaps) holds on
    /// slides too.
    pub(super) fn at(self, x: f64, y: f64) -> Item {
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

/// Stacks `blocks` down from `top` at `x`, `gap` apart, sharing `spare`
/// height out between them (after the last too, when there is one block),
/// so a short column spreads over its band rather than leaving its foot
/// empty. Returns the items and the bottom.
pub(super) fn column(blocks: Vec<Block>, x: f64, top: f64, gap: f64, spare: f64) -> (Vec<Item>, f64) {
    let n = blocks.len();
    let extra = if n > 1 { spare.max(0.0) / (n - 1) as f64 } else { 0.0 };
    let mut y = if n == 1 { top + spare.max(0.0) / 2.0 } else { top };
    let mut items = Vec::with_capacity(n);
    for (i, block) in blocks.into_iter().enumerate() {
        let h = block.height;
        items.push(block.at(x, y));
        y += h;
        if i + 1 < n {
            y += gap + extra;
        }
    }
    (items, y)
}

/// The height of `blocks` stacked `gap` apart.
pub(super) fn stacked(blocks: &[Block], gap: f64) -> f64 {
    blocks.iter().map(|b| b.height).sum::<f64>() + gap * blocks.len().saturating_sub(1) as f64
}

/// Whether `height` fits the band, with the layout's tolerance.
pub(super) fn fits(height: f64, room: f64) -> bool {
    height <= room + EPSILON
}

/// How many of the blocks `heights` (stacked `gap` apart) go on each
/// slide: as few slides as hold them, in order, the blocks then shared
/// evenly between the slides so the last is not nearly empty. `rooms`
/// are the heights of the first slide's band and of the later ones'.
pub(super) fn paginate(heights: &[f64], rooms: [f64; 2], gap: f64) -> Vec<usize> {
    let greedy = pages(heights, rooms, gap, f64::INFINITY);
    let total = heights.iter().sum::<f64>() + gap * heights.len().saturating_sub(1) as f64;
    let even = pages(heights, rooms, gap, total / greedy.len().max(1) as f64);
    if even.len() <= greedy.len() { even } else { greedy }
}

/// [`paginate`]'s pass: a slide closes when the next block does not fit
/// or once it holds `target` px.
fn pages(heights: &[f64], rooms: [f64; 2], gap: f64, target: f64) -> Vec<usize> {
    let mut counts: Vec<usize> = Vec::new();
    let (mut used, mut count) = (0.0, 0);
    for &h in heights {
        let room = rooms[usize::from(!counts.is_empty())];
        let next = if count == 0 { h } else { used + gap + h };
        if count > 0 && (next > room + EPSILON || used + gap + h / 2.0 > target + EPSILON) {
            counts.push(count);
            (used, count) = (h, 1);
        } else {
            (used, count) = (next, count + 1);
        }
    }
    if count > 0 {
        counts.push(count);
    }
    counts
}
