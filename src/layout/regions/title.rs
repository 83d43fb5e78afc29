//! The title block: title, subtitle, persona, the map's details, and the
//! status chip (DRAFT, or Validated with version and date).

use super::{Region, boxed};
use crate::layout::context::{Context, Font, Slot};
use crate::layout::frame::{BoxStyle, Group, Item, Stroke, Structure, Tag};
use crate::layout::geom::{Point, Rect};
use crate::layout::symbols;
use crate::model::Status;
use crate::text::Style;
use crate::theme::Role;

/// Lays out the title block.
pub(crate) fn layout(cx: &Context<'_>) -> Region {
    let t = &cx.theme.type_scale;
    let s = &cx.theme.space;
    let j = cx.journey;
    let content = cx.grid.content;

    // The status chip sits at the top right and the title wraps beside it;
    // on a page too narrow for both, the chip goes above the title.
    let chip = Chip::of(cx);
    let beside = content - chip.width - s.gutter * 2.0;
    let (chip_x, title_width, top) = if beside >= content / 2.0 {
        (content - chip.width, beside, 0.0)
    } else {
        (0.0, content, chip.height + s.unit * 2.0)
    };
    let chip = chip.draw(cx, chip_x);

    let mut items = Vec::new();
    let title_size = if cx.brief { t.title * 0.8 } else { t.title };
    let title_font = Font { style: Style::Bold, size: title_size, leading: t.heading_line_height };
    let title = cx.lines(&j.title, title_font, Role::Ink, Slot::new(0.0, top, title_width));
    items.push(Item::Group(Group::new(Some(Tag::default().structure(Structure::Heading(1))), title.items)));
    let rule_y = top + title.height + s.unit;
    items.push(symbols::rule(
        Point::new(0.0, rule_y),
        Point::new((s.unit * 12.0).min(title_width), rule_y),
        Role::Accent,
        s.unit / 2.0,
    ));
    let mut y = rule_y + s.unit * 1.5;
    // What the poster found comes right after the title, before the
    // details of whose journey it is.
    // Below the status chip, a brief page's headline takes the full width.
    let headline_width = if cx.brief && y >= chip_bottom(&chip) { content } else { title_width };
    if let Some((item, height)) = super::headline::layout_at(cx, y, headline_width) {
        items.push(item);
        y += height + s.unit * 1.5;
    }
    if let Some(sub) = j.subtitle.as_ref().filter(|_| !cx.brief) {
        let font = Font { style: Style::Regular, size: t.subtitle, leading: t.heading_line_height + 0.1 };
        let lines = cx.lines(sub, font, Role::Ink, Slot::new(0.0, y, title_width));
        items.extend(lines.items);
        y += lines.height + s.unit / 2.0;
    }
    let meta_font = Font { style: Style::Regular, size: t.meta, leading: t.line_height };
    if let Some(persona) = j.persona.as_ref().filter(|_| !cx.brief) {
        let text = cx.labels.fill("persona", &[("persona", persona)]);
        let lines = cx.lines(&text, meta_font, Role::Ink, Slot::new(0.0, y, title_width));
        items.extend(lines.items);
        y += lines.height;
    }
    if let Some(owner) = cx.highlight {
        let font = Font { style: Style::Bold, size: t.subtitle, leading: t.heading_line_height + 0.1 };
        let text = cx.labels.fill("department", &[("owner", owner)]);
        let lines = cx.lines(&text, font, Role::Ink, Slot::new(0.0, y, title_width));
        items.extend(lines.items);
        y += lines.height;
    }
    let meta = if cx.brief { String::new() } else { meta_line(cx) };
    if !meta.is_empty() {
        let lines = cx.lines(&meta, meta_font, Role::Muted, Slot::new(0.0, y, title_width));
        items.extend(lines.items);
        y += lines.height;
    }
    let height = y.max(chip_bottom(&chip));
    // A headline under the chip spans the block, so the chip stands inside
    // the title's box (beside the title's lines, above the headline).
    if headline_width > title_width {
        items.push(chip);
        let block =
            boxed(Tag::new("title", "title"), Rect::new(0.0, top, content, y - top), BoxStyle::default(), items);
        return Region::new(cx, "title-block", height, vec![block]);
    }
    let block =
        boxed(Tag::new("title", "title"), Rect::new(0.0, top, title_width, y - top), BoxStyle::default(), items);
    Region::new(cx, "title-block", height, vec![block, chip])
}

fn chip_bottom(chip: &Item) -> f64 {
    chip.bounds().bottom()
}

/// "Organisation · Team: a, b · 2026-11-22 · Version 1.2".
fn meta_line(cx: &Context<'_>) -> String {
    let j = cx.journey;
    let mut parts: Vec<String> = Vec::new();
    if let Some(o) = &j.organisation {
        parts.push(o.clone());
    }
    if !j.team.is_empty() {
        parts.push(cx.labels.fill("team", &[("team", &j.team.join(", "))]));
    }
    // A validated map shows its version and date in the status chip.
    if j.status == Status::Draft {
        if let Some(d) = j.date {
            parts.push(cx.labels.date(d));
        }
        if let Some(v) = &j.version {
            parts.push(cx.labels.fill("version", &[("version", v)]));
        }
    }
    parts.join("  ·  ")
}

/// The status chip, measured before it is placed: DRAFT in the accent
/// colour on drafts, a quiet "Validated" with the version and date
/// otherwise, always in the same place.
struct Chip {
    draft: bool,
    head: String,
    note: String,
    big: Font,
    small: Font,
    width: f64,
    height: f64,
}

impl Chip {
    fn of(cx: &Context<'_>) -> Chip {
        let s = &cx.theme.space;
        let t = &cx.theme.type_scale;
        let j = cx.journey;
        let draft = j.status == Status::Draft;
        let big = Font { style: Style::Bold, size: t.subtitle, leading: t.heading_line_height };
        let small = cx.caption(Style::Regular);
        let l = cx.labels;
        let (head, note) = if draft {
            (l.get("draft").to_owned(), l.get("draft_note").to_owned())
        } else {
            let mut details: Vec<String> = Vec::new();
            details.extend(j.version.as_ref().map(|v| l.fill("version", &[("version", v)])));
            details.extend(j.date.map(|d| l.date(d)));
            let note = if details.is_empty() { l.get("validated_note").to_owned() } else { details.join(" · ") };
            (l.get("validated").to_owned(), note)
        };
        let pad = s.card_padding;
        let width = cx.width(&head, big).max(cx.width(&note, small)) + 2.0 * pad;
        let height = cx.line_box(big) + cx.line_box(small) + 2.0 * pad;
        Chip { draft, head, note, big, small, width, height }
    }

    fn draw(self, cx: &Context<'_>, x: f64) -> Item {
        let s = &cx.theme.space;
        let pad = s.card_padding;
        let (role, stroke) = if self.draft { (Role::Accent, Role::Accent) } else { (Role::Ink, Role::Rule) };
        let (head, h1) = cx.line_at(&self.head, self.big, role, Point::new(x + pad, pad));
        let note_role = if self.draft { role } else { Role::Muted };
        let (note, _) = cx.line_at(&self.note, self.small, note_role, Point::new(x + pad, pad + h1));
        let style = BoxStyle {
            fill: Some(Role::Surface),
            stroke: Some(Stroke::solid(stroke, s.hairline * if self.draft { 2.0 } else { 1.0 })),
            radius: s.radius,
        };
        let class = if self.draft { "status draft" } else { "status validated" };
        boxed(
            Tag::new("status", class),
            Rect::new(x, 0.0, self.width, self.height),
            style,
            vec![Item::Text(head), Item::Text(note)],
        )
    }
}
