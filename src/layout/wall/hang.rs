//! The wall's hung sheets (SPEC §4.1): every stage's cards, or its
//! answers to the question rows, hung down columns in stage order, each
//! stage under its own header, and a stage longer than a column running on
//! into the next column, or onto the next sheet, under its header again.
//!
//! Cut into runs of whole stages, a sheet ends where its longest stage
//! ends: a map whose cards fall unevenly between the stages (one stage of
//! ten cards beside five of none) leaves most of a sheet bare, and a stage
//! longer than a sheet cannot hang at all. Hung in columns, the cards fill
//! every column, whatever the stages hold: the type is set as large as
//! still hangs them on the fewest sheets, the last sheet's columns are
//! evened out, and what room a column leaves at its foot is shared among
//! its gaps.

use std::ops::Range;

use super::{Part, Wall, part_journey, part_stacker};
use crate::layout::context::{Context, Lines, Slot, Span1};
use crate::layout::document::Page;
use crate::layout::frame::{BoxStyle, Frame, Group, Item, Structure, Tag, Transform};
use crate::layout::geom::{self, Rect, Size2};
use crate::layout::regions::{boxed, cards, questions, spine, title};
use crate::layout::stack::{Stacker, place};
use crate::layout::{LayoutError, largest_fitting};
use crate::model::Journey;
use crate::units::Length;

/// One stage laid out at a column's width, its pieces at the origin.
struct Block {
    /// The stage's header, as on the spine.
    header: Piece,
    /// Its cards (or the cell that says it has none), or its answers.
    pieces: Vec<Piece>,
    /// Between two pieces.
    gap: f64,
    /// What holds a run of its pieces in the document's structure: the
    /// cards are a list.
    wrap: Option<Tag>,
}

/// Something hung in a column: an item drawn at the origin, and its height.
#[derive(Clone)]
struct Piece {
    item: Item,
    height: f64,
}

/// Where a piece hangs.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Spot {
    /// The column, counted across every sheet.
    column: usize,
    /// Its top, from the top of the columns.
    y: f64,
    /// The stage, numbered from the map's first.
    stage: usize,
    /// The card, or `None` for the stage's header.
    card: Option<usize>,
    /// Whether this is the header again, over a stage run on from the
    /// column before.
    again: bool,
}

/// The columns of a sheet at one scale.
#[derive(Debug, Clone, Copy)]
struct Columns {
    scale: f64,
    /// The sheet at this scale.
    view: Size2,
    /// How many columns a sheet holds, and how wide each is.
    count: usize,
    width: f64,
    /// How tall a column is.
    height: f64,
    /// The height the title takes above the columns.
    title: f64,
}

/// Cards hung in columns, from the stage `first` on.
struct Hanging {
    columns: Columns,
    first: usize,
    /// The stages from `first` on, laid out at the columns' width.
    blocks: Vec<Block>,
    spots: Vec<Spot>,
}

impl Hanging {
    /// How many sheets the cards take.
    fn sheets(&self) -> usize {
        let used = self.spots.last().map_or(1, |s| s.column + 1);
        used.div_ceil(self.columns.count)
    }
}

/// What every trial hanging of one map shares.
struct Hanger<'a> {
    wall: &'a Wall<'a>,
    /// A stacker for each stage alone: its header and cards keep the
    /// whole map's numbers, ranks and weakest and strongest stage.
    stages: Vec<Stacker<'a>>,
    /// Stackers for the title's longest forms.
    titles: Vec<Stacker<'a>>,
    /// The actors no card names (the customer's).
    hidden: Vec<String>,
    page: Size2,
    /// What hangs: the cards, or the answers to the question rows.
    kind: Part,
}

/// The sheets on `page` that hang the cards (or the answers) of `kind`,
/// at `floor` scale or more: the type as large as still hangs every one
/// on the fewest sheets, up to `most`.
///
/// # Errors
/// [`LayoutError::TooSmall`] when one card (or answer) with its stage's
/// header does not fit a column of the sheet at the floor.
pub(super) fn sheets(
    wall: &Wall<'_>,
    page: Size2,
    floor: f64,
    most: f64,
    kind: Part,
) -> Result<Vec<Page>, LayoutError> {
    let n = wall.inputs.journey.stages.len();
    let parts: Vec<Journey> = (0..n).map(|i| part_journey(wall, &(i..i + 1), kind)).collect();
    // The title reserves the room of its longest form: the whole map's,
    // or with the widest stage numbers a sheet can name (a run of
    // stages, or one stage alone).
    let ranges = [0..n, n.saturating_sub(2)..n, n.saturating_sub(1)..n];
    let titles: Vec<Journey> = ranges.iter().map(|r| part_journey(wall, r, kind)).collect();
    let hanger = Hanger {
        wall,
        stages: parts.iter().enumerate().map(|(i, part)| part_stacker(wall, part, &(i..i + 1))).collect(),
        titles: titles.iter().zip(&ranges).map(|(t, r)| part_stacker(wall, t, r)).collect(),
        hidden: cards::customer_actors(&wall.inputs.stacker().context(page.width, 0.0)),
        page,
        kind,
    };
    // On one sheet the title names no stages and keeps only its own
    // room; on more, the room of its longest form.
    let mut hanger = hanger;
    let longest = hanger.titles.split_off(1);
    let one = hanger.hang(hanger.columns_at(floor, None), 0, 0);
    if one.as_ref().is_none_or(|h| h.sheets() > 1) {
        hanger.titles.extend(longest);
    }
    let hang = |scale: f64| hanger.hang(hanger.columns_at(scale, None), 0, 0);
    let Some(at_floor) = hang(floor) else { return Err(too_small(wall, floor)) };
    let fewest = at_floor.sheets();
    let fits = |scale: f64| hang(scale).filter(|h| h.sheets() <= fewest);
    let (_, hanging) = largest_fitting(&fits, floor, most.max(floor), at_floor);
    let last = hanging.sheets() - 1;
    Ok(match hanger.last_sheet(&hanging, last) {
        Some(rest) => {
            let mut pages = hanger.draw(&hanging, 0..last);
            pages.extend(hanger.draw(&rest, 0..1));
            pages
        }
        None => hanger.draw(&hanging, 0..last + 1),
    })
}

impl Hanger<'_> {
    /// The columns at `scale`: about the poster's natural width, filling
    /// the sheet's; or `count` of them, no wider than a column may be.
    fn columns_at(&self, scale: f64, count: Option<usize>) -> Columns {
        let s = &self.wall.inputs.theme.space;
        let view = Size2 { width: self.page.width / scale, height: self.page.height / scale };
        let content = view.width - 2.0 * s.margin;
        let natural = ((content + s.gutter) / (s.column_width + s.gutter)).round().max(1.0) as usize;
        let asked = count;
        let mut count = count.unwrap_or(natural);
        let mut width = geom::column_width(content, s.gutter, count);
        if width > s.column_max && count == natural && asked.is_none() {
            count += 1;
            width = geom::column_width(content, s.gutter, count);
        }
        let title = self.titles.iter().map(|b| title_at(b, view.width).frame.size.height).fold(0.0, f64::max);
        let height = view.height - 2.0 * s.margin - title - s.section;
        Columns { scale, view, count, width: width.min(s.column_max), height, title }
    }

    /// The cards from stage `first`'s card `skip` on, hung in `columns`;
    /// `None` when a card with its header does not fit a column.
    fn hang(&self, columns: Columns, first: usize, skip: usize) -> Option<Hanging> {
        let builders = self.stages.get(first..).unwrap_or_default();
        let blocks: Vec<Block> =
            builders.iter().map(|b| block(b, &self.hidden, columns.view.width, columns.width, self.kind)).collect();
        let spots = plan(&blocks, first, skip, columns.height, &self.wall.inputs.theme.space)?;
        Some(Hanging { columns, first, blocks, spots })
    }

    /// Sheet `last` of `hanging` hung again on its own: in just the
    /// columns it uses, made wider, and evened out across them. The last
    /// sheet holds what is left over: an empty column, or one long column
    /// beside a short one, would leave a band of it bare. `None` where the
    /// wider columns do not take it.
    fn last_sheet(&self, hanging: &Hanging, last: usize) -> Option<Hanging> {
        let start = last * hanging.columns.count;
        let on_sheet = || hanging.spots.iter().filter(|s| s.column >= start);
        // Where the sheet begins: a stage's header, or a stage run on
        // from the sheet before at its card `skip`.
        let (stage, skip) = on_sheet().find_map(|s| s.card.map(|card| (s.stage, card)))?;
        let used = hanging.spots.last()?.column + 1 - start;
        let columns = self.columns_at(hanging.columns.scale, Some(used));
        let mut rest = self.hang(columns, stage, skip)?;
        if rest.sheets() != 1 {
            return None;
        }
        // The shortest columns that still take it: bisected, as the
        // pieces come in steps.
        let space = &self.wall.inputs.theme.space;
        let (mut low, mut high) = (0.0, columns.height);
        for _ in 0..12 {
            let mid = (low + high) / 2.0;
            match plan(&rest.blocks, stage, skip, mid, space)
                .filter(|spots| spots.last().is_some_and(|s| s.column < used))
            {
                Some(_) => high = mid,
                None => low = mid,
            }
        }
        rest.spots = plan(&rest.blocks, stage, skip, high, space)?;
        Some(rest)
    }

    /// The sheets `sheets` of `hanging`, each titled with the stages it
    /// shows; columns narrower than the sheet allows stand in its middle.
    fn draw(&self, hanging: &Hanging, sheets: Range<usize>) -> Vec<Page> {
        let s = &self.wall.inputs.theme.space;
        let Columns { scale, view, count, width, title, .. } = hanging.columns;
        let top = s.margin + title + s.section;
        let used = count as f64 * (width + s.gutter) - s.gutter;
        let left = s.margin + (view.width - 2.0 * s.margin - used).max(0.0) / 2.0;
        let mut pages = Vec::new();
        for sheet in sheets {
            let columns = sheet * count..(sheet + 1) * count;
            let on_sheet: Vec<Spot> = hanging.spots.iter().filter(|s| columns.contains(&s.column)).copied().collect();
            let justified = justified(hanging, on_sheet, s.section);
            let spots: Vec<&Spot> = justified.iter().collect();
            let (Some(first), Some(last)) = (spots.first(), spots.last()) else { continue };
            let stages = first.stage..last.stage + 1;
            let part = part_journey(self.wall, &stages, self.kind);
            let builder = part_stacker(self.wall, &part, &stages);
            let mut frame = Frame::new(view);
            frame.push(place(title_at(&builder, view.width), Transform::translate(s.margin, s.margin)));
            for run in spots.chunk_by(|a, b| a.stage == b.stage && a.column == b.column) {
                let x = left + (run[0].column - columns.start) as f64 * (width + s.gutter);
                frame.push(hung(hanging, run, x, top));
            }
            let name = part.title;
            pages.push(Page { size: self.page, transform: Transform::scale(scale), frame, name, print: None });
        }
        pages
    }
}

/// `spots` (one sheet's) spread down their columns: the room a column
/// leaves at its foot, where the next piece did not fit or the columns
/// were evened out, shared among its gaps (not a header's over its first
/// card), each growing by `most` at most: the columns end level with
/// the sheet's foot, or as near it as that allows.
fn justified(hanging: &Hanging, mut spots: Vec<Spot>, most: f64) -> Vec<Spot> {
    let height = |spot: &Spot| {
        let block = &hanging.blocks[spot.stage - hanging.first];
        spot.card.and_then(|k| block.pieces.get(k)).map_or(block.header.height, |p| p.height)
    };
    for column in spots.chunk_by_mut(|a, b| a.column == b.column) {
        let Some(last) = column.last() else { continue };
        let room = hanging.columns.height - (last.y + height(last));
        // A header stays with the card under it.
        let opens = |pair: &[Spot]| pair[0].card.is_some() || pair[0].stage != pair[1].stage;
        let gaps = column.windows(2).filter(|pair| opens(pair)).count();
        if gaps == 0 || room <= 0.0 {
            continue;
        }
        let grow = (room / gaps as f64).min(most);
        let mut shift = 0.0;
        for i in 1..column.len() {
            if opens(&column[i - 1..=i]) {
                shift += grow;
            }
            column[i].y += shift;
        }
    }
    spots
}

/// The stage of `builder` (a one-stage part) laid out `width` wide:
/// its header, then its cards or its answers.
fn block(builder: &Stacker<'_>, hidden: &[String], view: f64, width: f64, kind: Part) -> Block {
    let mut cx: Context<'_> = builder.context(view, 0.0);
    cx.grid.columns = vec![Span1 { x: 0.0, width }];
    cx.grid.content = width;
    let header = header(&cx);
    let slot = Slot::new(0.0, 0.0, width);
    let s = &cx.theme.space;
    let stage = &cx.journey.stages[0];
    if kind == Part::Questions {
        let number = (cx.first_stage + 1).to_string();
        let mut pieces: Vec<Piece> = questions::answered_rows(&cx, 0, width)
            .into_iter()
            .map(|answer| {
                let tag = Tag::new(format!("cell-{number}-{}", answer.id), "cell")
                    .data("stage", &stage.name)
                    .data("stage-number", &number)
                    .data("row", answer.key);
                let Lines { items, height } = answer.lines;
                let style = BoxStyle { radius: s.radius, ..BoxStyle::default() };
                Piece { item: boxed(tag, Rect::new(0.0, 0.0, width, height), style, items), height }
            })
            .collect();
        if pieces.is_empty() {
            let lines = cx.unanswered(slot);
            pieces.push(Piece { item: Item::Group(Group::new(None, lines.items)), height: lines.height });
        }
        let wrap = Some(Tag::class("questions"));
        return Block { header, pieces, gap: s.row_gap, wrap };
    }
    if stage.touchpoints.is_empty() {
        let (item, rect) = cards::no_touchpoints(&cx, 0, slot);
        return Block { header, pieces: vec![Piece { item, height: rect.height }], gap: s.card_gap, wrap: None };
    }
    let pieces = (stage.touchpoints.iter().enumerate())
        .map(|(index, t)| {
            let (item, rect) = cards::card(&cx, 0, index, t, slot, hidden);
            Piece { item, height: rect.height }
        })
        .collect();
    let wrap = Some(Tag::class("touchpoints").structure(Structure::List));
    Block { header, pieces, gap: s.card_gap, wrap }
}

/// A stage's header as on the spine, numbered as on the whole map.
fn header(cx: &Context<'_>) -> Piece {
    let header = spine::layout(cx);
    let height = header.frame.size.height;
    let number = (cx.first_stage + 1).to_string();
    let mut items = header.frame.items;
    for item in &mut items {
        if let Item::Group(Group { tag: Some(tag), .. }) = item
            && tag.class == "stage"
        {
            tag.id = Some(format!("stage-{number}"));
            tag.data.retain(|(key, _)| key != "stage-number");
            tag.data.push(("stage-number".to_owned(), number.clone()));
        }
    }
    Piece { height, item: Item::Group(Group::new(None, items)) }
}

/// Where every piece hangs in columns `height` tall, from the stage
/// `first` (of `blocks`, the first) and its card `skip` on: stage after
/// stage, a stage's header kept with its first card, a stage that runs on
/// into the next column under its header again. `None` when a card and
/// its header do not fit one column.
fn plan(blocks: &[Block], first: usize, skip: usize, height: f64, s: &crate::theme::Spacing) -> Option<Vec<Spot>> {
    let fits = |bottom: f64| bottom <= height + crate::layout::EPSILON;
    // Stages stand further apart than cards, so each reads as a group.
    let between = s.section / 2.0;
    let (mut column, mut y) = (0, 0.0);
    let mut spots: Vec<Spot> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let stage = first + i;
        let head = block.header.height + s.gutter;
        let from = if i == 0 { skip } else { 0 };
        for (k, card) in block.pieces.iter().enumerate().skip(from) {
            if !fits(head + card.height) {
                return None;
            }
            let header = if spots.is_empty() {
                Some(0.0)
            } else if k == from {
                // A new stage: its header with its first card, or both
                // at the top of the next column.
                let below = y + between;
                let top = if fits(below + head + card.height) { below } else { 0.0 };
                column += usize::from(top == 0.0);
                Some(top)
            } else if fits(y + block.gap + card.height) {
                y += block.gap;
                None
            } else {
                column += 1;
                Some(0.0)
            };
            if let Some(top) = header {
                spots.push(Spot { column, y: top, stage, card: None, again: k > 0 });
                y = top + head;
            }
            spots.push(Spot { column, y, stage, card: Some(k), again: false });
            y += card.height;
        }
    }
    Some(spots)
}

/// The title of a sheet `view` wide, across the sheet.
fn title_at(builder: &Stacker<'_>, view: f64) -> crate::layout::regions::Region {
    let mut cx = builder.context(view, 0.0);
    cx.grid.content = view - 2.0 * builder.theme.space.margin;
    title::layout(&cx)
}

/// One run of a stage's pieces, its column's left at `x` and the
/// columns' top at `top`: the header, then the cards as a list.
fn hung(hanging: &Hanging, run: &[&Spot], x: f64, top: f64) -> Item {
    let block = &hanging.blocks[run[0].stage - hanging.first];
    let at = |piece: &Piece, y: f64| {
        let mut group = Group::new(None, vec![piece.item.clone()]);
        group.transform = Transform::translate(x, top + y);
        Item::Group(group)
    };
    let mut items = Vec::new();
    let mut list = Vec::new();
    for spot in run {
        match spot.card {
            // The header again over a stage run on from the column
            // before: a reader finds the stage there too, but it is one
            // heading in the document's structure.
            None if spot.again => items.push(at(&continued(&block.header), spot.y)),
            None => items.push(at(&block.header, spot.y)),
            Some(k) => list.extend(block.pieces.get(k).map(|p| at(p, spot.y))),
        }
    }
    match &block.wrap {
        Some(tag) => items.push(Item::Group(Group::new(Some(tag.clone()), list))),
        None => items.extend(list),
    }
    Item::Group(Group::new(None, items))
}

/// A header without its id and heading: the same stage's, again.
fn continued(header: &Piece) -> Piece {
    let mut piece = header.clone();
    if let Item::Group(group) = &mut piece.item {
        for item in &mut group.items {
            if let Item::Group(Group { tag: Some(tag), .. }) = item {
                // Not a second `g.stage`: every stage has one, with its id.
                tag.class = "stage-again".to_owned();
                tag.id = None;
                tag.structure = None;
            }
        }
    }
    piece
}

/// The refusal when a card and its stage's header do not fit a column of
/// the sheet with the card titles at the wall's floor.
fn too_small(wall: &Wall<'_>, floor: f64) -> LayoutError {
    let t = &wall.inputs.theme.type_scale;
    LayoutError::TooSmall {
        size: wall.size.to_string(),
        detail: "a card with its stage's header does not fit one column of the sheet".to_owned(),
        floor: format!("{} pt for card titles", Length::px(t.card_title * floor).to_pt().round()),
        suggestion: "try a larger --size, or --size auto, which grows the sheets to fit".to_owned(),
    }
}
