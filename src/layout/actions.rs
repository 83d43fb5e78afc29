//! The full list of actions (SPEC §4, Priorities): when the poster's
//! priorities panel shows fewer actions than the map has, pages after the
//! poster list every one of them in priority order. A PDF carries them;
//! SVG and PNG show the poster alone.
//!
//! Each page is the poster's size and scale, so the list prints on the
//! same paper at the same type size. Entries are the panel's own, flowing
//! down columns and on to further pages: one pass over the list, each
//! entry laid out once. An entry taller than a whole column makes its
//! page taller rather than being cut.

use super::context::{Context, Font, Slot};
use super::document::Page;
use super::frame::{BoxStyle, Frame, Group, Item, Structure, Tag, Transform};
use super::geom::{Rect, Size2};
use super::regions::priorities;
use super::stack::Stacker;
use crate::text::Style;
use crate::theme::Role;

/// The pages that list every action after `poster` (the poster's own
/// page); none when its panel shows them all, or is not shown.
pub(crate) fn list_pages(builder: &Stacker<'_>, poster: &Page) -> Vec<Page> {
    let shown = builder.context(poster.size.width / poster.transform.scale, 0.0).ranked;
    list_pages_after(builder, poster, shown, 0.0)
}

/// The pages that list every action when `shown` of them were listed
/// before, each the size and scale of `like`, keeping `reserve` px free
/// at the foot (a slide's number line); none when `shown` is all or
/// none.
pub(crate) fn list_pages_after(builder: &Stacker<'_>, like: &Page, shown: usize, reserve: f64) -> Vec<Page> {
    let scale = like.transform.scale;
    let view = Size2 { width: like.size.width / scale, height: like.size.height / scale };
    let cx = builder.context(view.width, 0.0);
    let total = cx.priorities.len();
    if shown == 0 || shown >= total {
        return Vec::new();
    }
    let s = &cx.theme.space;
    let content = (view.width - 2.0 * s.margin).max(0.0);
    let title = cx.labels.fill("actions_all", &[("n", &total.to_string())]);
    let first = header(&cx, &title, Some(shown), content);
    let later = header(&cx, &cx.labels.fill("continued", &[("stage", &title)]), None, content);
    let columns = ((content + s.gutter) / (s.priority_entry.min(content) + s.gutter)).floor().max(1.0) as usize;
    let column_w = super::geom::column_width(content, s.gutter, columns);
    let bottom = view.height - s.margin - reserve;

    let mut sheets: Vec<Sheet> = vec![Sheet::new(&first, s.margin)];
    let (mut column, mut y) = (0, sheets[0].top);
    for p in cx.priorities {
        let (items, height) = priorities::entry(&cx, p, Slot::new(0.0, 0.0, column_w));
        let sheet_top = sheets.last().map_or(s.margin, |sheet| sheet.top);
        if y > sheet_top && y + height > bottom {
            column += 1;
            if column == columns {
                column = 0;
                sheets.push(Sheet::new(&later, s.margin));
            }
            y = sheets.last().map_or(s.margin, |sheet| sheet.top);
        }
        let x = s.margin + column as f64 * (column_w + s.gutter);
        let id = format!("action-{}", p.rank);
        let mut entry = priorities::entry_box(&cx, p, id, Rect::new(0.0, 0.0, column_w, height), items);
        entry.transform = Transform::translate(x, y);
        if let Some(sheet) = sheets.last_mut() {
            sheet.entries.push(Item::Group(entry));
            sheet.bottom = sheet.bottom.max(y + height);
        }
        y += height + s.card_gap;
    }
    let count = sheets.len();
    sheets.into_iter().enumerate().map(|(i, sheet)| sheet.into_page(&cx, like, reserve, i + 1, count)).collect()
}

/// A list page's heading: its text and laid-out lines, and the intro on
/// the first page only.
struct Header {
    title: String,
    items: Vec<Item>,
    height: f64,
}

/// The heading (a level-1 heading in the PDF's structure) and, with
/// `shown`, the line saying this is the full list, `width` wide.
fn header(cx: &Context<'_>, title: &str, shown: Option<usize>, width: f64) -> Header {
    let s = &cx.theme.space;
    let t = &cx.theme.type_scale;
    let font = Font { style: Style::Bold, size: t.stage, leading: t.heading_line_height };
    let heading = cx.lines(title, font, Role::Ink, Slot::new(0.0, 0.0, width));
    let tag = Tag::new("actions-heading", "actions-heading").structure(Structure::Heading(1));
    let rect = Rect::new(0.0, 0.0, width, heading.height);
    let mut items = vec![Item::Group(Group::boxed(tag, rect, BoxStyle::default(), heading.items))];
    let mut height = heading.height;
    if let Some(shown) = shown {
        let text = cx.labels.fill("actions_all_intro", &[("shown", &shown.to_string())]);
        let top = height + s.unit / 4.0;
        let intro = cx.lines(&text, cx.caption(Style::Italic), Role::Muted, Slot::new(0.0, top, width));
        let rect = Rect::new(0.0, top, width, intro.height);
        items.push(Item::Group(Group::boxed(
            Tag::new("actions-intro", "actions-intro"),
            rect,
            BoxStyle::default(),
            intro.items,
        )));
        height = top + intro.height;
    }
    Header { title: title.to_owned(), items, height }
}

/// One list page as it fills: its header, its entries, and how far down
/// they reach.
struct Sheet {
    title: String,
    header: Vec<Item>,
    header_height: f64,
    /// Where the entries start.
    top: f64,
    entries: Vec<Item>,
    bottom: f64,
}

impl Sheet {
    fn new(header: &Header, margin: f64) -> Sheet {
        let top = margin + header.height + margin / 2.0;
        Sheet {
            title: header.title.clone(),
            header: header.items.clone(),
            header_height: header.height,
            top,
            entries: Vec::new(),
            bottom: top,
        }
    }

    /// The page: the poster's size and scale, taller only when an entry
    /// needs it; the entries one list in the PDF's structure. Its name (the
    /// PDF outline's entry) is the heading, numbered when there are more.
    fn into_page(self, cx: &Context<'_>, poster: &Page, reserve: f64, number: usize, count: usize) -> Page {
        let s = &cx.theme.space;
        let scale = poster.transform.scale;
        let view = Size2 { width: poster.size.width / scale, height: poster.size.height / scale };
        let height = view.height.max(self.bottom + s.margin + reserve);
        // The poster's own size unless an entry needs more: the same
        // paper, to the last bit.
        let size = if height > view.height { Size2 { height: height * scale, ..poster.size } } else { poster.size };
        let mut frame = Frame::new(Size2 { width: view.width, height });
        let header_rect = Rect::new(0.0, 0.0, view.width - 2.0 * s.margin, self.header_height);
        let mut header =
            Group::boxed(Tag::new("actions-header", "actions-header"), header_rect, BoxStyle::default(), self.header);
        header.transform = Transform::translate(s.margin, s.margin);
        frame.push(Item::Group(header));
        let list_rect = Rect::new(s.margin, self.top, view.width - 2.0 * s.margin, self.bottom - self.top);
        let tag = Tag::new("actions", "actions").structure(Structure::List);
        frame.push(Item::Group(Group::boxed(tag, list_rect, BoxStyle::default(), self.entries)));
        let name = if count > 1 { format!("{} · {number} / {count}", self.title) } else { self.title };
        Page { size, transform: Transform::scale(scale), frame, name, print: None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Fonts, Shaper};
    use crate::theme::Theme;

    /// A map of `n` actions, ten to a stage.
    fn journey(n: usize) -> crate::model::Journey {
        let mut map = String::from("title = \"Long\"\n");
        for i in 0..n {
            if i % 10 == 0 {
                map += &format!("[[stage]]\nname = \"S{i}\"\n");
            }
            map += &format!(
                "  [[stage.touchpoint]]\n  name = \"T{i}\"\n  marks = [\"essential\"]\n  action = \"Act {i}\"\n"
            );
        }
        crate::parse::parse_str("m.toml", &map, &Default::default()).journey.expect("valid")
    }

    /// An A4 poster page at `scale`, its frame left empty: the list pages
    /// only read its size and scale.
    fn a4(scale: f64) -> Page {
        let size = Size2 { width: 793.7, height: 1122.5 };
        let view = Size2 { width: size.width / scale, height: size.height / scale };
        Page { size, transform: Transform::scale(scale), frame: Frame::new(view), name: String::new(), print: None }
    }

    fn ranks(page: &Page) -> Vec<usize> {
        page.boxes().iter().filter(|b| b.tag.class == "priority").filter_map(|b| b.tag.data[0].1.parse().ok()).collect()
    }

    #[test]
    fn five_hundred_actions_flow_over_full_pages_in_order() {
        let (fonts, theme) = (Fonts::embedded(), Theme::classic());
        let shaper = Shaper::new(&fonts);
        let journey = journey(500);
        let builder = super::super::stacker(&journey, &theme, &shaper, None);
        let pages = list_pages(&builder, &a4(1.0));
        assert!(pages.len() > 10, "{} pages", pages.len());
        let all: Vec<usize> = pages.iter().flat_map(ranks).collect();
        assert_eq!(all, (1..=500).collect::<Vec<_>>());
        // Every page but the last is full: its next entry would not have fitted.
        let per_page: Vec<usize> = pages.iter().map(|p| ranks(p).len()).collect();
        let most = per_page.iter().copied().max().unwrap_or(0);
        assert!(per_page[..per_page.len() - 1].iter().all(|n| n + 2 >= most), "{per_page:?}");
        assert!(pages.iter().all(|p| p.size == a4(1.0).size), "the poster's paper");
        assert_eq!(
            pages[1].name,
            "All actions, in priority order (500) (continued) · 2 / 31".replace("31", &pages.len().to_string())
        );
    }

    #[test]
    fn no_list_when_the_panel_shows_every_action_or_is_hidden() {
        let (fonts, theme) = (Fonts::embedded(), Theme::classic());
        let shaper = Shaper::new(&fonts);
        let few = journey(8);
        assert!(list_pages(&super::super::stacker(&few, &theme, &shaper, None), &a4(1.0)).is_empty());
        let mut hidden = journey(20);
        hidden.poster.priorities = 0;
        assert!(list_pages(&super::super::stacker(&hidden, &theme, &shaper, None), &a4(1.0)).is_empty());
        let nine = journey(9);
        assert!(!list_pages(&super::super::stacker(&nine, &theme, &shaper, None), &a4(1.0)).is_empty());
    }

    #[test]
    fn an_entry_taller_than_the_page_makes_its_page_taller() {
        let (fonts, theme) = (Fonts::embedded(), Theme::classic());
        let shaper = Shaper::new(&fonts);
        let mut journey = journey(9);
        let long = "A very long action that goes on and on. ".repeat(60);
        journey.stages[0].touchpoints[8].action = Some(long);
        let builder = super::super::stacker(&journey, &theme, &shaper, None);
        // A page short enough that the long action cannot fit a column.
        let mut short = a4(1.0);
        short.size.height = 400.0;
        let pages = list_pages(&builder, &short);
        assert!(pages.iter().any(|p| p.size.height > 400.0), "grown to fit");
        for page in &pages {
            let bottom = page.boxes().iter().map(|b| b.bounds.bottom()).fold(0.0, f64::max);
            assert!(bottom <= page.view().height, "{bottom} > {}", page.view().height);
        }
    }
}
