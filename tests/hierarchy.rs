//! Hierarchy (SPEC §4, DESIGN "The story comes first"): seen from across a
//! room, the eye finds the headline before the question rows, and the
//! actions the headline names before the rest of the list. Measured as a
//! reader's eye meets it: on the rendered pixels, small and in grey, each
//! region's weight is how far its pixels stand from the page, on average.

mod common;

use journeymap::layout::{self, Boxed, Document, Item, Options, Rect};
use journeymap::model::{Journey, Paper, Size};
use journeymap::output::{self, Resolution};
use journeymap::paint::{self, SvgOptions};
use journeymap::text::Fonts;
use journeymap::theme::{BUILTIN_NAMES, Role, Theme};

/// The rendering scale: a poster a few hundred pixels wide, where a line of
/// text is a grey bar and only weight (size, boldness, ink) tells parts apart.
const SQUINT: f64 = 0.3;

/// How much heavier the headline is than the average question cell, at
/// least: bold, larger and in full ink against quiet, muted answers (the
/// samples measure 5 to 7.5 in the four themes).
const HEADLINE_OVER_ROWS: f64 = 3.0;

/// How much heavier the leading actions are than the rest of the list, on
/// the entries' own fill (the samples measure 1.27 to 1.53).
const LEAD_OVER_REST: f64 = 1.2;

const SAMPLES: [&str; 3] = ["samples/airline.toml", "samples/clinic-visit.toml", "samples/saas-onboarding.toml"];

fn sample(path: &str) -> Journey {
    common::journey(path, &std::fs::read_to_string(path).expect("a readable sample"))
}

fn poster(journey: &Journey, theme: &Theme) -> Document {
    let options = Options { size: Some(Size::Paper(Paper::A2)), ..Default::default() };
    layout::layout(journey, theme, &Fonts::embedded(), &options).expect("the samples fit A2")
}

/// A poster rendered small, in grey: one luminance (0–1) per pixel.
struct Squint {
    width: usize,
    luma: Vec<f64>,
    /// The page colour's luminance.
    ground: f64,
    /// From frame coordinates to pixels.
    scale: f64,
    tx: f64,
    ty: f64,
}

impl Squint {
    fn new(doc: &Document, theme: &Theme) -> Squint {
        let fonts = Fonts::embedded();
        let svg = paint::svg(doc, theme, &fonts, SvgOptions { embed_fonts: false, ..SvgOptions::default() });
        let png = output::png(&svg, &fonts, Resolution::Scale(SQUINT)).expect("png");
        let pixmap = tiny_skia::Pixmap::decode_png(&png).expect("our PNG decodes");
        let bg = theme.colors.background;
        let ground = luma(bg.r, bg.g, bg.b);
        let luma = pixmap.data().chunks(4).map(|p| luma(p[0], p[1], p[2])).collect();
        let t = doc.page().transform;
        Squint {
            width: pixmap.width() as usize,
            luma,
            ground,
            scale: t.scale * SQUINT,
            tx: t.tx * SQUINT,
            ty: t.ty * SQUINT,
        }
    }

    /// The mean distance from `ground`'s luminance over `rect` (frame
    /// coordinates): 0 where nothing is drawn on it, larger the more ink
    /// and the darker (or, on a dark page, the lighter).
    fn weight_on(&self, rect: Rect, ground: f64) -> f64 {
        let height = self.luma.len() / self.width;
        let x0 = ((rect.x * self.scale + self.tx).max(0.0) as usize).min(self.width);
        let y0 = ((rect.y * self.scale + self.ty).max(0.0) as usize).min(height);
        let x1 = ((rect.right() * self.scale + self.tx).max(0.0) as usize).min(self.width);
        let y1 = ((rect.bottom() * self.scale + self.ty).max(0.0) as usize).min(height);
        let mut sum = 0.0;
        let mut n = 0usize;
        for y in y0..y1 {
            for x in x0..x1 {
                sum += (self.luma[y * self.width + x] - ground).abs();
                n += 1;
            }
        }
        if n == 0 { 0.0 } else { sum / n as f64 }
    }

    /// [`Squint::weight_on`] the page.
    fn weight(&self, rect: Rect) -> f64 {
        self.weight_on(rect, self.ground)
    }

    /// The mean weight of `boxes` on `ground`, each box counting once.
    fn mean_on(&self, boxes: &[&Boxed<'_>], ground: f64) -> f64 {
        boxes.iter().map(|b| self.weight_on(b.bounds, ground)).sum::<f64>() / boxes.len().max(1) as f64
    }
}

fn luma(r: u8, g: u8, b: u8) -> f64 {
    (0.2126 * f64::from(r) + 0.7152 * f64::from(g) + 0.0722 * f64::from(b)) / 255.0
}

/// The question cells (the samples answer every question).
fn cells<'a>(boxes: &'a [Boxed<'a>]) -> Vec<&'a Boxed<'a>> {
    boxes.iter().filter(|b| b.tag.has_class("cell")).collect()
}

fn entries<'a>(boxes: &'a [Boxed<'a>], lead: bool) -> Vec<&'a Boxed<'a>> {
    boxes
        .iter()
        .filter(|b| b.tag.has_class("priority"))
        .filter(|b| {
            let rank: usize = b.tag.get("rank").and_then(|v| v.parse().ok()).unwrap_or(0);
            (rank <= 3) == lead
        })
        .collect()
}

/// What is wrong with the poster's hierarchy, if anything.
fn hierarchy_faults(doc: &Document, theme: &Theme) -> Vec<String> {
    let squint = Squint::new(doc, theme);
    let boxes = doc.boxes();
    let mut faults = Vec::new();
    let cells = cells(&boxes);
    let headline = boxes.iter().find(|b| b.tag.id.as_deref() == Some("headline"));
    if let (Some(headline), false) = (headline, cells.is_empty()) {
        let (h, rows) = (squint.weight(headline.bounds), squint.mean_on(&cells, squint.ground));
        if h < HEADLINE_OVER_ROWS * rows {
            faults.push(format!("the headline ({h:.4}) is not {HEADLINE_OVER_ROWS}× the question rows ({rows:.4})"));
        }
    }
    let (lead, rest) = (entries(&boxes, true), entries(&boxes, false));
    if !lead.is_empty() && !rest.is_empty() {
        // Entries are boxes of one fill: what sets one apart is its ink.
        let surface = theme.colors.surface;
        let card = luma(surface.r, surface.g, surface.b);
        let (l, r) = (squint.mean_on(&lead, card), squint.mean_on(&rest, card));
        if l < LEAD_OVER_REST * r {
            faults.push(format!("the leading actions ({l:.4}) are not {LEAD_OVER_REST}× the rest ({r:.4})"));
        }
    }
    faults
}

#[test]
fn from_across_a_room_the_headline_and_the_first_actions_lead() {
    let mut faults = Vec::new();
    for name in BUILTIN_NAMES {
        let theme = Theme::named(name).expect("a built-in theme");
        for path in SAMPLES {
            let doc = poster(&sample(path), &theme);
            assert!(doc.find("headline").is_some(), "{path}: the sample has a headline");
            faults.extend(hierarchy_faults(&doc, &theme).into_iter().map(|f| format!("{path} in {name}: {f}")));
        }
    }
    assert!(faults.is_empty(), "{faults:#?}");
}

/// Sets every line of text in the groups `pick` chooses in `role`.
fn recolour(items: &mut [Item], pick: &dyn Fn(&journeymap::layout::Group) -> bool, role: Role, inside: bool) {
    for item in items {
        match item {
            Item::Group(g) => {
                let hit = inside || pick(g);
                recolour(&mut g.items, pick, role, hit);
            }
            Item::Text(t) if inside => t.role = role,
            _ => {}
        }
    }
}

#[test]
fn the_check_catches_a_muted_headline_over_rows_in_full_ink() {
    let theme = Theme::named("print").expect("the print theme");
    let mut doc = poster(&sample("samples/airline.toml"), &theme);
    assert!(hierarchy_faults(&doc, &theme).is_empty(), "the sample passes as it is");
    let page = doc.pages.first_mut().expect("a page");
    let is =
        |class: &'static str| move |g: &journeymap::layout::Group| g.tag.as_ref().is_some_and(|t| t.has_class(class));
    recolour(&mut page.frame.items, &is("headline"), Role::Rule, false);
    recolour(&mut page.frame.items, &is("cell"), Role::Ink, false);
    let faults = hierarchy_faults(&doc, &theme);
    assert!(faults.iter().any(|f| f.starts_with("the headline")), "{faults:?}");
}

#[test]
fn the_check_catches_leading_actions_set_quieter_than_the_rest() {
    let theme = Theme::named("classic").expect("the classic theme");
    let mut doc = poster(&sample("samples/airline.toml"), &theme);
    let page = doc.pages.first_mut().expect("a page");
    let lead = |g: &journeymap::layout::Group| {
        g.tag
            .as_ref()
            .is_some_and(|t| t.has_class("priority") && t.get("rank").is_some_and(|r| r.len() == 1 && r <= "3"))
    };
    recolour(&mut page.frame.items, &lead, Role::Rule, false);
    let faults = hierarchy_faults(&doc, &theme);
    assert!(faults.iter().any(|f| f.starts_with("the leading actions")), "{faults:?}");
}
