//! The first slide: the map's title, the headline (what the map found and
//! what to do first) and the whole emotion curve, every stage on one
//! slide with its name under its column and the weakest and strongest
//! named. The curve takes the height left over, so the slide is full.

use super::{Block, Canvas, Slide, fits, fitted, too_small};
use crate::health::Standing;
use crate::layout::LayoutError;
use crate::layout::context::{Font, Grid, Slot, Span1};
use crate::layout::frame::{Frame, Structure, Tag};
use crate::layout::regions::{curve, headline};
use crate::layout::stack::Stacker;
use crate::text::Style;
use crate::theme::Role;

/// The first slide.
pub(super) fn slide(builder: &Stacker<'_>, min_scale: f64) -> Result<Slide, LayoutError> {
    let (scale, (_, spare, _)) = fitted(min_scale, |scale| at(builder, scale, 0.0))
        .ok_or_else(|| too_small("the emotion curve of every stage"))?;
    // The curve's band grows by twice the stretch: it takes what is left.
    let (frame, _, notes) = at(builder, scale, spare / 2.0)
        .or_else(|| at(builder, scale, 0.0))
        .ok_or_else(|| too_small("the emotion curve of every stage"))?;
    Ok(Slide { name: builder.journey.title.clone(), scale, frame, notes })
}

/// The slide at `scale` with the curve's band `stretch` px taller at top
/// and bottom; the height left over and what the slide shows in words.
fn at(builder: &Stacker<'_>, scale: f64, stretch: f64) -> Option<(Frame, f64, String)> {
    let mut canvas = Canvas::new(builder, scale, &builder.journey.title);
    canvas.cx.stretch = stretch;
    let content = canvas.content();
    let s = &canvas.cx.theme.space;
    let (margin, section) = (s.margin, s.section);
    let mut y = canvas.top;
    let sentence = headline::sentence(&canvas.cx);
    if let Some(text) = &sentence {
        // A step under the slide's title, whatever the slide's scale.
        let mut font = headline::font(&canvas.cx);
        font.size = font.size.min(super::SLIDE_TITLE_PX * 0.75 / scale);
        let lines = canvas.cx.lines(text, font, Role::Ink, Slot::new(0.0, 0.0, content));
        let height = lines.height;
        let block = Block { tag: Some(Tag::new("headline", "headline")), items: lines.items, width: content, height };
        canvas.frame.push(block.at(margin, y));
        y += height + section;
    }
    canvas.cx.grid = grid(&canvas.cx, content);
    let region = curve::layout(&canvas.cx);
    let alt = match &region.tag.structure {
        Some(Structure::Figure(alt)) => alt.clone(),
        _ => String::new(),
    };
    let height = region.frame.size.height;
    canvas.frame.push(Block { tag: Some(region.tag), items: region.frame.items, width: content, height }.at(margin, y));
    y += height + s.unit;
    let names = names(&canvas);
    let names_h = names.height;
    canvas.frame.push(names.at(margin, y));
    y += names_h;
    let spare = canvas.bottom - y;
    if !fits(y, canvas.bottom) || !canvas.clean() || canvas.cx.grid.columns.iter().any(|c| c.width <= 0.0) {
        return None;
    }
    let n = builder.journey.stages.len().to_string();
    let mut notes = canvas.cx.labels.fill("deck_notes_overview", &[("n", &n), ("curve", &alt)]);
    if let Some(text) = sentence {
        notes = format!("{} {text} {notes}", builder.journey.title);
    }
    Some((canvas.frame, spare, notes))
}

/// The curve's grid on a slide: a narrow label column (the scale's
/// numbers and the row's name), then every stage, a unit apart.
fn grid(cx: &crate::layout::context::Context<'_>, content: f64) -> Grid {
    let s = &cx.theme.space;
    let n = cx.journey.stages.len().max(1);
    let label = (content * 0.16).min(s.label_width);
    let gap = s.unit;
    let column = (content - label - n as f64 * gap) / n as f64;
    let columns = (0..n).map(|i| Span1 { x: label + gap + i as f64 * (column + gap), width: column }).collect();
    Grid { fits: column > 0.0, content, label: Span1 { x: 0.0, width: label }, columns }
}

/// Each stage's name under its column, with "Weakest stage" or
/// "Strongest stage" under the one so named.
fn names(canvas: &Canvas<'_>) -> Block {
    let cx = &canvas.cx;
    let t = &cx.theme.type_scale;
    let font = Font { style: Style::Bold, size: t.label, leading: t.line_height };
    let mut items = Vec::new();
    let mut height: f64 = 0.0;
    for (i, (stage, col)) in cx.journey.stages.iter().zip(&cx.grid.columns).enumerate() {
        let mut lines = cx.lines(&stage.name, font, Role::Ink, Slot::new(0.0, 0.0, col.width));
        let standing = cx.extremes.standing(i).map(|st| match st {
            Standing::Weakest => "weakest_stage",
            Standing::Strongest => "strongest_stage",
        });
        if let Some(key) = standing {
            let more = cx.lines(
                cx.labels.get(key),
                cx.caption(Style::Italic),
                Role::Ink,
                Slot::new(0.0, lines.height, col.width),
            );
            lines.items.extend(more.items);
            lines.height += more.height;
        }
        height = height.max(lines.height);
        let tag = Tag::new(format!("stage-name-{}", i + 1), "stage-name").data("stage", &stage.name);
        let block = Block { tag: Some(tag), items: lines.items, width: col.width, height: lines.height };
        items.push(block.at(col.x, 0.0));
    }
    Block { tag: Some(Tag::new("stage-names", "stage-names")), items, width: canvas.content(), height }
}
