//! The priorities: every action in priority order, each with its stage,
//! touchpoint, owner and what to do, in rows across the slide, over as few
//! slides as hold them at the floor and then at the largest size that
//! needs no more; the entries shared evenly between the slides and the
//! rows spread over each, so the last slide is not a near-empty one.

use super::{Canvas, Slide, fitted, paginate, too_small};
use crate::layout::LayoutError;
use crate::layout::context::Slot;
use crate::layout::frame::{Frame, Group, Item, Structure, Tag, Transform};
use crate::layout::geom::{Rect, column_width};
use crate::layout::regions::headline::and_list;
use crate::layout::regions::priorities;
use crate::layout::stack::Stacker;
use crate::text::Style;
use crate::theme::Role;

/// The priorities' slides; none when the map has no actions or hides the
/// priorities.
pub(super) fn slides(builder: &Stacker<'_>, min_scale: f64) -> Result<Vec<Slide>, LayoutError> {
    let cx = builder.context(super::SLIDE.width, 0.0);
    if !priorities::has_data(&cx) || cx.ranked == 0 {
        return Ok(Vec::new());
    }
    let title = builder.labels.get("priorities").to_owned();
    let all = cx.priorities.len();
    let fewest =
        at(builder, min_scale, &title, all).ok_or_else(|| too_small("an action in the list of priorities"))?.len();
    let (scale, mut slides) = fitted(min_scale, |scale| at(builder, scale, &title, all).filter(|s| s.len() <= fewest))
        .ok_or_else(|| too_small("an action in the list of priorities"))?;
    // The first slide, under its introduction, may hold a single row of
    // the top actions: set larger to fill it rather than leave the lower
    // half of every box bare.
    let first = slides.first().map_or(0, |s| s.entries);
    let alone = |scale: f64| at(builder, scale, &title, first).filter(|s| s.len() == 1);
    if first < all
        && let Some((_, mut alone)) = fitted(scale, alone)
    {
        slides[0] = alone.remove(0);
    }
    Ok(slides.into_iter().map(|s| s.slide).collect())
}

/// A priorities slide and how many actions it lists.
struct Listed {
    slide: Slide,
    entries: usize,
}

/// The first `take` actions on slides at `scale`.
fn at(builder: &Stacker<'_>, scale: f64, title: &str, take: usize) -> Option<Vec<Listed>> {
    let first = Canvas::new(builder, scale, title);
    let cx = &first.cx;
    let s = &cx.theme.space;
    let continued = cx.labels.fill("continued", &[("stage", title)]);
    let later = Canvas::new(builder, scale, &continued);
    let content = first.content();
    let intro = cx.lines(
        cx.labels.get("priorities_intro"),
        cx.caption(Style::Italic),
        Role::Muted,
        Slot::new(0.0, 0.0, content),
    );
    let intro_h = intro.height + s.unit * 1.5;
    // Entries a little narrower than on a poster: a slide's lines are
    // short anyway, and three across keep the list to fewer slides.
    let narrowest = (s.priority_entry * 0.75).min(content);
    let per_row = ((content + s.gutter) / (narrowest + s.gutter)).floor().clamp(1.0, 3.0) as usize;
    let width = column_width(content, s.gutter, per_row);
    let entries: Vec<(&crate::priorities::Priority<'_>, Vec<Item>, f64)> = cx
        .priorities
        .iter()
        .take(take)
        .map(|p| {
            let (items, h) = priorities::entry(cx, p, Slot::new(0.0, 0.0, width));
            (p, items, h)
        })
        .collect();
    let rows: Vec<&[(&crate::priorities::Priority<'_>, Vec<Item>, f64)]> = entries.chunks(per_row).collect();
    let heights: Vec<f64> = rows.iter().map(|r| r.iter().map(|e| e.2).fold(0.0, f64::max)).collect();
    let rooms = [first.room() - intro_h, later.room()];
    if !first.clean() || !later.clean() || heights.iter().any(|h| *h > rooms[0].min(rooms[1])) {
        return None;
    }
    let pages = paginate(&heights, rooms, s.gutter).len();
    // The entries shared evenly between those slides (the first ones take
    // one more), so the last is not a near-empty one; the greedy rows when
    // an even share would not fit.
    let even: Vec<Vec<Row<'_, '_>>> = share(&entries, pages, per_row);
    let rows_of =
        |slide: &[Row<'_, '_>]| slide.iter().map(|r| r.iter().map(|e| e.2).fold(0.0, f64::max)).collect::<Vec<f64>>();
    let fits_all = even.iter().enumerate().all(|(i, slide)| {
        let h = rows_of(slide);
        h.iter().sum::<f64>() + s.gutter * h.len().saturating_sub(1) as f64
            <= rooms[usize::from(i > 0)] + crate::layout::EPSILON
    });
    let counts: Vec<usize> =
        if fits_all { even.iter().map(Vec::len).collect() } else { paginate(&heights, rooms, s.gutter) };
    let (rows, heights): (Vec<Row<'_, '_>>, Vec<f64>) = if fits_all {
        let rows: Vec<Row<'_, '_>> = even.into_iter().flatten().collect();
        let heights = rows.iter().map(|r| r.iter().map(|e| e.2).fold(0.0, f64::max)).collect();
        (rows, heights)
    } else {
        (rows, heights)
    };
    let total = cx.priorities.len().to_string();
    let mut slides = Vec::new();
    let mut next = 0;
    for (i, count) in counts.into_iter().enumerate() {
        let mut canvas = Canvas::new(builder, scale, if i == 0 { title } else { &continued });
        let mut top = canvas.top;
        if i == 0 {
            let intro = canvas.cx.lines(
                cx.labels.get("priorities_intro"),
                cx.caption(Style::Italic),
                Role::Muted,
                Slot::new(0.0, 0.0, content),
            );
            let block = super::Block {
                tag: Some(Tag::new("priorities-intro", "priorities-intro")),
                items: intro.items,
                width: content,
                height: intro.height,
            };
            canvas.frame.push(block.at(s.margin, top));
            top += intro_h;
        }
        let taken = &rows[next..next + count];
        let taken_h = &heights[next..next + count];
        next += count;
        let used: f64 = taken_h.iter().sum::<f64>() + s.gutter * (count.saturating_sub(1)) as f64;
        // Entries grow by up to half their height, then what is left
        // goes evenly above, between and below the rows: a short slide is
        // spread over its band, not a bare band under its rows (nor
        // boxes blown up around a few words).
        let spare = (canvas.bottom - top - used).max(0.0);
        let grow = (spare / count.max(1) as f64).min(taken_h.iter().fold(f64::INFINITY, |a, b| a.min(*b)) / 2.0);
        let extra = (spare - grow * count as f64) / (count + 1) as f64;
        let mut list = Vec::new();
        let mut said = Vec::new();
        let mut y = top + extra;
        for (row, &h) in taken.iter().zip(taken_h) {
            // A short row shares the width out, as on the poster, rather
            // than leave a hole beside its entries; wider, they are no
            // taller.
            let short = row.len() < per_row;
            let width = if short { column_width(content, s.gutter, row.len()) } else { width };
            for (k, (p, items, _)) in row.iter().enumerate() {
                let x = s.margin + k as f64 * (width + s.gutter);
                let items = if short { priorities::entry(cx, p, Slot::new(0.0, 0.0, width)).0 } else { items.clone() };
                let mut entry = priorities::entry_box(
                    cx,
                    p,
                    format!("action-{}", p.rank),
                    Rect::new(0.0, 0.0, width, h + grow),
                    items,
                );
                entry.transform = Transform::translate(x, y);
                list.push(Item::Group(entry));
                said.push(said_entry(cx, p));
            }
            y += h + grow + s.gutter + extra;
        }
        let from = row_rank(taken.first());
        let to = taken.last().and_then(|r| r.last()).map_or(0, |e| e.0.rank);
        push_list(&mut canvas.frame, list);
        let notes = cx.labels.fill(
            "deck_notes_actions",
            &[("from", &from.to_string()), ("to", &to.to_string()), ("total", &total), ("list", &and_list(cx, &said))],
        );
        let name = if i == 0 { title.to_owned() } else { continued.clone() };
        let entries = taken.iter().map(|r| r.len()).sum();
        slides.push(Listed { slide: Slide { name, scale, frame: canvas.frame, notes }, entries });
    }
    Some(slides)
}

/// An entry laid out: its action, its items and its height.
type Entry<'e, 'p> = (&'e crate::priorities::Priority<'p>, Vec<Item>, f64);
/// A row of entries.
type Row<'r, 'p> = &'r [Entry<'r, 'p>];

/// `entries` over `pages` slides as evenly as they go, in rows of
/// `per_row`.
fn share<'r, 'p>(entries: &'r [Entry<'r, 'p>], pages: usize, per_row: usize) -> Vec<Vec<Row<'r, 'p>>> {
    let pages = pages.max(1);
    let (base, more) = (entries.len() / pages, entries.len() % pages);
    let mut out = Vec::new();
    let mut start = 0;
    for page in 0..pages {
        let n = base + usize::from(page < more);
        out.push(entries[start..start + n].chunks(per_row).collect());
        start += n;
    }
    out
}

fn row_rank(row: Option<&&[(&crate::priorities::Priority<'_>, Vec<Item>, f64)]>) -> usize {
    row.and_then(|r| r.first()).map_or(0, |e| e.0.rank)
}

/// The entries as one list in the PDF's structure.
fn push_list(frame: &mut Frame, entries: Vec<Item>) {
    let mut list = Group::new(Some(Tag::new("actions", "actions").structure(Structure::List)), entries);
    list.opacity = 1.0;
    frame.push(Item::Group(list));
}

/// "1. Arrival › Baggage reclaim, Owner: Ground operations: Deliver
/// gate-checked bags to the aircraft door".
fn said_entry(cx: &crate::layout::context::Context<'_>, p: &crate::priorities::Priority<'_>) -> String {
    let mut text = format!("{}. {} › {}", p.rank, p.stage, p.touchpoint.name);
    if let Some(owner) = &p.touchpoint.owner {
        text = format!("{text}, {}", cx.labels.fill("owner", &[("owner", owner)]));
    }
    let action = p
        .touchpoint
        .action
        .clone()
        .unwrap_or_else(|| cx.labels.get("no_action").trim_start_matches(['—', ' ']).to_owned());
    format!("{text}: {action}")
}
