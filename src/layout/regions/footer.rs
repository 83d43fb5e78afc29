//! The footer: a hairline, the sources, DRAFT again on drafts, and the
//! credit.

use super::Region;
use crate::layout::context::{Context, Font, Slot};
use crate::layout::frame::Item;
use crate::layout::geom::Point;
use crate::layout::symbols;
use crate::model::Status;
use crate::text::Style;
use crate::theme::Role;

/// Lays out the footer.
pub(crate) fn layout(cx: &Context<'_>) -> Region {
    let s = &cx.theme.space;
    let content = cx.grid.content;
    let font = cx.caption(Style::Regular);
    let credit = cx.labels.get("credit");
    let credit_w = cx.width(credit, font);
    let text_w = (content - credit_w - s.unit * 4.0).max(s.unit * 4.0);
    let sources = if cx.journey.sources.is_empty() {
        cx.labels.get("no_sources").to_owned()
    } else {
        cx.labels.fill("sources", &[("sources", &cx.journey.sources.join("; "))])
    };
    let mut items = vec![symbols::rule(
        Point::new(0.0, s.hairline / 2.0),
        Point::new(content, s.hairline / 2.0),
        Role::Rule,
        s.hairline,
    )];
    // A draft says so again at its foot, so a photo or print of part of the
    // poster still carries the mark.
    let mut y = s.unit;
    if cx.journey.status == Status::Draft {
        let bold = Font { style: Style::Bold, ..font };
        let lines = cx.lines(cx.labels.get("draft_footer"), bold, Role::Accent, Slot::new(0.0, y, text_w));
        items.extend(lines.items);
        y += lines.height;
    }
    let lines = cx.lines(&sources, font, Role::Muted, Slot::new(0.0, y, text_w));
    items.extend(lines.items);
    y += lines.height;
    let (credit_line, _) = cx.line_at(credit, font, Role::Muted, Point::new(content - credit_w, s.unit));
    items.push(Item::Text(credit_line));
    // The region is the footer's box: its text lies in the region's rect.
    Region::new(cx, "footer", y, items)
}
