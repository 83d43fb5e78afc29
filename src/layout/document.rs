//! The laid-out document: pages, each a frame placed on a page size.
//!
//! A poster is one page whose frame is the poster at the theme's natural
//! sizes, scaled onto the paper. Slide decks, print tiles and bleed are
//! more pages, or other transforms, over the same frames.

use super::frame::{Frame, Group, Item, Tag, Transform};
use super::geom::{Rect, Size2};
use crate::units::Length;

/// A laid-out document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The pages, in order; a poster has one.
    pub pages: Vec<Page>,
    /// The title, for the SVG `<title>` and PDF metadata.
    pub title: String,
    /// A one-paragraph summary for the SVG `<desc>` and accessibility.
    pub description: String,
    /// Places other regions and tools refer to (cards), in the first page's
    /// frame coordinates.
    pub anchors: Vec<Anchor>,
    /// Panels the page had no room for: a small page keeps the story and
    /// leaves out the question rows, then the legend.
    pub left_out: Vec<crate::model::Panel>,
    /// How many priorities a small page lists, when fewer than the map asks.
    pub priorities_cap: Option<usize>,
    /// Which layout the page got, and whether it fell back to it.
    pub arrangement: Arrangement,
    /// Words broken between letters because the language's hyphenation
    /// patterns offer no break that fits (the last resort).
    pub forced_breaks: usize,
    /// What a PDF's document information says.
    pub meta: Meta,
    /// What each page shows, in words, page by page: a deck's slides
    /// carry it as speaker notes and as their picture's alt text. Empty
    /// for a poster, whose description says it.
    pub notes: Vec<String>,
    /// The pages after the first that are sheets of their own (the wall
    /// layout's card and question sheets): an SVG or PNG writes each to
    /// a file of its own beside the first; a PDF holds them all.
    pub sheets: Vec<usize>,
    /// The labels the document speaks (its language and the map's
    /// overrides): print furniture added later (tiles, their assembly
    /// page) says its words in them too.
    pub labels: crate::labels::Labels,
}

/// Which layout a page gets (SPEC §4.1): the whole poster, or the one-page
/// summary made for handouts and slides.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Arrangement {
    /// The whole poster of §4.
    #[default]
    Full,
    /// The poster for reading from two metres (SPEC §4.1): its cards at
    /// `card_title_pt` or more, the question rows on sheets of their own.
    Wall {
        /// The least the card titles print at.
        card_title_pt: f64,
        /// Whether the cards did not fit the first sheet at that size,
        /// so that it holds the story and the cards go on sheets after it.
        cards_apart: bool,
        /// How many sheets at the end hold in full the cards that the
        /// sheets before fold (SPEC §4.1): none when nothing folds.
        unfolded: usize,
    },
    /// Title, headline, stage band, curve, stage health, the top
    /// priorities and the legend; `fell_back` when the full poster was
    /// asked for by default but would have broken the 6 pt floor.
    Summary {
        /// Whether it stands in for a full poster that did not fit.
        fell_back: bool,
        /// Whether the title block's details and the sources line gave
        /// way (the last resort on a small page).
        brief: bool,
        /// The floor its body text keeps.
        floor: crate::layout::TypeFloor,
    },
}

/// The document's metadata, for PDF document information.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    /// The subtitle, as the subject.
    pub subject: Option<String>,
    /// The organisation and the team.
    pub authors: Vec<String>,
    /// The stage names and what the document is.
    pub keywords: Vec<String>,
    /// The map's date.
    pub date: Option<crate::model::Date>,
    /// The BCP 47 language of the text.
    pub lang: String,
}

impl Document {
    /// The same document with other pages (its tiles, its bled page, one
    /// of its slides), without copying the pages it had.
    pub fn with_pages(&self, pages: Vec<Page>) -> Document {
        Document {
            pages,
            title: self.title.clone(),
            description: self.description.clone(),
            anchors: self.anchors.clone(),
            left_out: self.left_out.clone(),
            priorities_cap: self.priorities_cap,
            arrangement: self.arrangement,
            forced_breaks: self.forced_breaks,
            meta: self.meta.clone(),
            notes: Vec::new(),
            sheets: Vec::new(),
            labels: self.labels.clone(),
        }
    }

    /// The first page (a document always has one).
    pub fn page(&self) -> &Page {
        // `layout` always makes a page; an empty document has none only if
        // built by hand, and then an empty page stands in.
        self.pages.first().unwrap_or(&EMPTY_PAGE)
    }

    /// Every tagged group of the first page with its bounds in frame
    /// coordinates, in painting order.
    pub fn boxes(&self) -> Vec<Boxed<'_>> {
        self.page().boxes()
    }

    /// The box with `id`, if any.
    pub fn find(&self, id: &str) -> Option<Boxed<'_>> {
        self.boxes().into_iter().find(|b| b.tag.id.as_deref() == Some(id))
    }

    /// The printed size, in points, of text set at `px` frame px on the
    /// first page.
    pub fn print_pt(&self, px: f64) -> f64 {
        Length::px(px * self.page().transform.scale).to_pt()
    }
}

static EMPTY_PAGE: Page = Page {
    size: Size2 { width: 0.0, height: 0.0 },
    transform: Transform::IDENTITY,
    frame: EMPTY_FRAME,
    name: String::new(),
    print: None,
};
const EMPTY_FRAME: Frame = Frame { size: Size2 { width: 0.0, height: 0.0 }, items: Vec::new() };

/// One page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The page size in CSS px: the SVG's `width`/`height`, the PNG's and
    /// PDF's size.
    pub size: Size2,
    /// From the frame's coordinates to the page's.
    pub transform: Transform,
    /// What the page shows.
    pub frame: Frame,
    /// What the page is, for a PDF's outline: the map's title on a poster,
    /// "Overview" or a stage's name in a deck.
    pub name: String,
    /// The trim and bleed boxes of a page printed with bleed.
    pub print: Option<PrintBoxes>,
}

/// Where a print shop cuts a page printed with bleed, in page px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PrintBoxes {
    /// The poster's own edges: where the sheet is cut.
    pub trim: Rect,
    /// How far the background runs past the trim.
    pub bleed: Rect,
}

impl Page {
    /// The page's width and height.
    pub fn size_mm(&self) -> (f64, f64) {
        (Length::px(self.size.width).to_mm(), Length::px(self.size.height).to_mm())
    }

    /// The part of the frame the page shows, in frame coordinates (the
    /// SVG `viewBox`).
    pub fn view(&self) -> Rect {
        let t = self.transform;
        Rect::new(-t.tx / t.scale, -t.ty / t.scale, self.size.width / t.scale, self.size.height / t.scale)
    }

    /// Every tagged group with its bounds in frame coordinates.
    pub fn boxes(&self) -> Vec<Boxed<'_>> {
        let mut out = Vec::new();
        self.frame.walk(&mut |at, item| {
            if let Item::Group(group @ Group { tag: Some(tag), .. }) = item {
                let inner = at.then(group.transform);
                let bounds =
                    group.box_rect().map_or_else(|| inner.apply_rect(group.content_bounds()), |r| inner.apply_rect(r));
                out.push(Boxed { tag, group, transform: inner, bounds });
            }
        });
        out
    }
}

/// A tagged group found in a frame.
#[derive(Debug, Clone, Copy)]
pub struct Boxed<'a> {
    /// Its tag.
    pub tag: &'a Tag,
    /// The group.
    pub group: &'a Group,
    /// From the group's coordinates to the frame's.
    pub transform: Transform,
    /// Its box (the first child's rectangle) or, for an anonymous group,
    /// its content's bounds, in frame coordinates.
    pub bounds: Rect,
}

impl Boxed<'_> {
    /// The text of the group, its lines joined by spaces.
    pub fn text(&self) -> String {
        self.group.lines().iter().map(|l| l.text()).collect::<Vec<_>>().join(" ")
    }
}

/// A place in the layout other regions or tools refer to.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    /// The id of the group.
    pub id: String,
    /// What it is.
    pub kind: AnchorKind,
    /// Its box, in frame coordinates.
    pub rect: Rect,
}

/// What an [`Anchor`] marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnchorKind {
    /// A touchpoint card.
    Card {
        /// The stage's index.
        stage: usize,
        /// The touchpoint's position in its stage.
        index: usize,
    },
}
