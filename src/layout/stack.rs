//! Laying out every region at one view width and stacking them: title,
//! spine, the panels in the order `[poster] panels` lists them, footer.

use super::context::{Context, Grid};
use super::document::Anchor;
use super::frame::{BoxStyle, Frame, Group, Item, Transform};
use super::geom::{Rect, Size2};
use super::regions::{self, PanelRegion, Region};
use crate::model::{Journey, Panel};
use crate::priorities::Priority;
use crate::text::Shaper;
use crate::theme::Theme;

/// A poster laid out at one view width, before it is put on a page.
pub(crate) struct Laid {
    /// Every region, placed.
    pub(crate) frame: Frame,
    /// The regions' anchors, in the frame's coordinates.
    pub(crate) anchors: Vec<Anchor>,
    /// The height the content needs, margins included.
    pub(crate) height: f64,
    /// Whether the content fits the view's width (see `Grid::fits`).
    pub(crate) fits_width: bool,
    /// How much shorter the grid is than the sidebar beside it: height
    /// the grid's rows may take without making the poster taller.
    pub(crate) slack: f64,
    /// Words broken between letters, the language's patterns having no
    /// break that fits.
    pub(crate) forced: usize,
    /// The width a fixed page leaves beside content whose columns are at
    /// their widest (which is then centred).
    pub(crate) spare_width: f64,
    /// Whether a stage name had a word broken to fit its column.
    pub(crate) names_broken: bool,
}

/// What the stacker needs besides the view size; fixed for all the
/// fitting passes of one layout.
pub(crate) struct Stacker<'a> {
    pub(crate) journey: &'a Journey,
    pub(crate) theme: &'a Theme,
    pub(crate) shaper: &'a Shaper<'a>,
    /// The actions: every assessed touchpoint, in SPEC §3 order.
    pub(crate) priorities: Vec<Priority<'a>>,
    /// Each stage's health, worked out once for every fitting pass.
    pub(crate) health: Vec<crate::health::StageHealth>,
    /// The weakest and strongest stages, from `health`.
    pub(crate) extremes: crate::health::Extremes,
    /// The owner to highlight, if any.
    pub(crate) highlight: Option<&'a str>,
    /// Panels left out to fit a small page.
    pub(crate) left_out: Vec<Panel>,
    /// The most priorities a small page lists.
    pub(crate) priorities_cap: Option<usize>,
    /// The poster's own words.
    pub(crate) labels: crate::labels::Labels,
    /// The number of stages before the journey's first: a deck's overview
    /// in parts numbers its stages as the whole map does.
    pub(crate) first_stage: usize,
    /// Whether the footer (sources, credit) is drawn: a deck's slides
    /// have a foot of their own.
    pub(crate) footer: bool,
    /// Whether the title block keeps only title, headline and subtitle,
    /// and the priorities their heading without its explanation: the
    /// summary's last resort on a small page.
    pub(crate) brief: bool,
    /// How narrow a stage column may get, as a share of its natural
    /// width: half where it holds cards with badges and meters, 27 %
    /// in the summary, whose columns hold a name, a point and a count.
    pub(crate) least_column: f64,
    /// Stages with more cards than this keep their pains, moments of
    /// truth and ranked cards in full and fold the rest into compact
    /// entries under a count (SPEC §4.1): a crowded map on a fixed page.
    pub(crate) fold: Option<usize>,
    /// How many ranks the cards show when the priorities panel is on
    /// another sheet (the wall's card sheets): its entries are then only
    /// the ranked cards of this sheet's stages.
    pub(crate) chips: Option<usize>,
    /// Whether a layout that breaks a word of a stage name counts as not
    /// fitting: the summary grows its type only as far as the names stay
    /// whole.
    pub(crate) whole_names: bool,
    /// Whether stage names may shrink all the way to body size to stay
    /// whole, not just one notch: the summary's columns hold a name, a
    /// point and a count, with no card titles for the names to outrank.
    pub(crate) names_to_body: bool,
    /// The panels that can be drawn, in the default order: the layout's
    /// own ([`regions::PANELS`]); a test adds a toy panel here.
    pub(crate) regions: &'a [&'a PanelRegion],
    /// The changes to mark, on a diff poster.
    pub(crate) diff: Option<&'a crate::diff::Overlay>,
}

impl Stacker<'_> {
    /// The declaration of `panel`, if it is one the stacker can draw.
    fn region(&self, panel: Panel) -> Option<&PanelRegion> {
        self.regions.iter().copied().find(|p| p.panel == panel)
    }

    /// Whether a panel stands in the sidebar when there is one.
    fn is_side(&self, panel: Panel) -> bool {
        self.region(panel).is_some_and(|p| p.side)
    }

    /// Whether a panel has anything to show.
    fn has_data(&self, cx: &Context<'_>, panel: Panel) -> bool {
        self.region(panel).is_some_and(|p| (p.has_data)(cx))
    }

    /// The context for a view `width` px wide.
    pub(crate) fn context(&self, width: f64, stretch: f64) -> Context<'_> {
        let mut cx = Context {
            journey: self.journey,
            theme: self.theme,
            shaper: self.shaper,
            priorities: &self.priorities,
            health: &self.health,
            extremes: self.extremes,
            ranked: 0,
            highlight: self.highlight,
            stretch,
            left_out: &self.left_out,
            labels: &self.labels,
            first_stage: self.first_stage,
            brief: self.brief,
            names_to_body: self.names_to_body || self.brief,
            fold: self.fold,
            forced: std::cell::Cell::new(0),
            names_broken: std::cell::Cell::new(false),
            diff: self.diff,
            column_band: false,
            grid: Grid::new(self.journey, self.theme, width, self.least_column),
        };
        // Whether the priorities panel is shown (not the whole panel list:
        // this runs for every context of every fitting pass).
        let listed = self.journey.poster.panels.as_deref().is_none_or(|p| p.contains(&Panel::PRIORITIES));
        if listed && !self.left_out.contains(&Panel::PRIORITIES) && regions::priorities::has_data(&cx) {
            let listed = self.journey.poster.priorities.min(self.priorities_cap.unwrap_or(usize::MAX));
            cx.ranked = listed.min(self.priorities.len());
        }
        if let Some(chips) = self.chips {
            cx.ranked = chips.min(self.priorities.len());
        }
        cx
    }

    /// The panels to show, in order: the map's list, or every panel, in
    /// either case only those with something to show.
    fn panels(&self, cx: &Context<'_>) -> Vec<Panel> {
        let listed =
            self.journey.poster.panels.clone().unwrap_or_else(|| self.regions.iter().map(|p| p.panel).collect());
        listed.into_iter().filter(|p| !self.left_out.contains(p) && self.has_data(cx, *p)).collect()
    }

    /// How many rows share spare height on a fixed page.
    pub(crate) fn stretchable(&self) -> usize {
        let cx = self.context(Grid::natural_width(self.journey, self.theme), 0.0);
        self.panels(&cx).iter().filter_map(|p| self.region(*p)).map(|p| (p.shares)(self.journey)).sum()
    }

    /// Whether the priorities and legend can stand in a sidebar beside
    /// the grid: both sorts of panel are shown, and the map lists the
    /// sidebar's panels after the grid's (so the reading order holds).
    pub(crate) fn can_use_sidebar(&self) -> bool {
        let cx = self.context(Grid::natural_width(self.journey, self.theme), 0.0);
        let panels = self.panels(&cx);
        let first_side = panels.iter().position(|p| self.is_side(*p));
        let last_main = panels.iter().rposition(|p| !self.is_side(*p));
        matches!((first_side, last_main), (Some(f), Some(l)) if f > l)
    }

    /// Lays out every region for a view `width` px wide and stacks them.
    /// With `page_height`, the footer sits at the page's foot; each
    /// stretchable row grows by `stretch` px. With `sidebar`, the
    /// priorities and legend stand in a column at the right of the grid
    /// (see [`Stacker::can_use_sidebar`]).
    pub(crate) fn build(&self, width: f64, page_height: Option<f64>, stretch: f64, sidebar: bool) -> Laid {
        let s = &self.theme.space;
        // A brief page keeps its sections closer: the page is a screen.
        let section = if self.brief { s.section / 2.0 } else { s.section };
        let full = self.context(width, stretch);
        let panels = self.panels(&full);
        let mut side_w = s.sidebar;
        let sidebar = sidebar && page_height.is_some() && panels.iter().any(|p| self.is_side(*p));
        let mut main =
            if sidebar { self.context(width - side_w - section, stretch) } else { self.context(width, stretch) };
        main.column_band = true;
        if sidebar {
            // Columns at their widest leave width over: the sidebar takes
            // it, up to twice its own width, rather than the page's sides.
            let spare = width - 2.0 * s.margin - main.grid.content - section - side_w;
            side_w += spare.clamp(0.0, s.sidebar);
        }
        let mut side = self.context(side_w + 2.0 * s.margin, stretch);
        side.grid.content = side_w;

        // The content's width: the grid's, and the sidebar's beside it;
        // the title and footer span it all.
        let content_w =
            if sidebar { main.grid.content + section + side_w } else { main.grid.content.max(full.grid.content) };
        let mut full = full;
        full.grid.content = content_w;
        let left = match page_height {
            None => s.margin,
            // Content narrower than a fixed page is centred.
            Some(_) => s.margin + (width - 2.0 * s.margin - content_w).max(0.0) / 2.0,
        };

        let title = regions::title::layout(&full);
        let mut main_column = vec![regions::spine::layout(&main)];
        let mut side_column = Vec::new();
        for panel in panels.iter().filter_map(|p| self.region(*p)) {
            let cx = if sidebar && panel.side { &side } else { &main };
            let region = (panel.layout)(cx);
            if sidebar && panel.side { side_column.push(region) } else { main_column.push(region) }
        }
        let footer = regions::footer::layout(&full);

        let mut top = s.margin + title.frame.size.height + section;
        let mut placed = vec![(left, s.margin, title)];
        // A diff poster says what changed right under the title, across
        // the whole width, before the journey it marks.
        if self.diff.is_some() {
            let changes = regions::changes::layout(&full);
            let height = changes.frame.size.height;
            placed.push((left, top, changes));
            top += height + section;
        }
        let main_bottom = stack_column(&mut placed, main_column, left, top, s.gutter, section);
        let side_x = left + content_w - side_w;
        let side_bottom = stack_column(&mut placed, side_column, side_x, top, s.gutter, section);
        // The last section keeps the stack off the footer; without one
        // the stack ends at its last region.
        let y = main_bottom.max(side_bottom) + if self.footer { section } else { 0.0 };
        let footer_h = if self.footer { footer.frame.size.height } else { 0.0 };
        let natural = y + footer_h + s.margin;
        let footer_y = match page_height {
            Some(page) if page > natural => y + page - natural,
            _ => y,
        };
        if self.footer {
            placed.push((left, footer_y, footer));
        }

        // A page grown to fit is as wide as its content.
        let width = match page_height {
            None => content_w + 2.0 * s.margin,
            Some(_) => width,
        };
        let mut frame = Frame::new(Size2 { width, height: natural.max(page_height.unwrap_or(0.0)) });
        // Behind everything, so every region drawn over it stays legible.
        frame.items.extend(weakest_band(&main, &placed, left));
        let mut anchors = Vec::new();
        for (x, y, region) in placed {
            let at = Transform::translate(x, y);
            anchors.extend(region.anchors.iter().map(|a| Anchor { rect: at.apply_rect(a.rect), ..a.clone() }));
            frame.push(place(region, at));
        }
        let slack = if sidebar { (side_bottom - main_bottom).max(0.0) } else { 0.0 };
        let forced = full.forced.get() + main.forced.get() + side.forced.get();
        // Beside a sidebar the stage columns keep half their natural width
        // even where they may narrow further (the summary): names broken
        // in two to make room for the priorities would read worse than the
        // stacked page.
        let narrowed = sidebar && main.grid.columns.first().is_some_and(|c| c.width < s.column_width / 2.0);
        let spare_width = (width - 2.0 * s.margin - content_w).max(0.0);
        let names_broken = full.names_broken.get() || main.names_broken.get() || side.names_broken.get();
        let fits_width = main.grid.fits && !narrowed;
        Laid { frame, anchors, height: natural, fits_width, slack, forced, spare_width, names_broken }
    }
}

/// Stacks `regions` top down from `top` at `x`: bands of the column grid
/// a gutter apart, other regions a section apart. Returns the bottom.
fn stack_column(
    placed: &mut Vec<(f64, f64, Region)>,
    regions: Vec<Region>,
    x: f64,
    top: f64,
    gutter: f64,
    section: f64,
) -> f64 {
    let mut y = top;
    let mut previous: Option<bool> = None;
    for region in regions {
        if let Some(on_grid) = previous {
            y += if on_grid && region.on_grid { gutter } else { section };
        }
        previous = Some(region.on_grid);
        let height = region.frame.size.height;
        placed.push((x, y, region));
        y += height;
    }
    if previous.is_some() { y } else { top - section }
}

/// The regions that stand on the stage columns, whose span the weakest
/// stage's band covers.
const ON_COLUMNS: [&str; 5] = ["spine", "questions", "touchpoints", "curve", "health"];

/// A wash down the weakest stage's column, from under its header to the
/// foot of the last region on the columns: the spine's tab, the question
/// rows, the cards, the curve and the health strip then mark one stage as
/// one band, which still reads when the poster is seen from across a room.
/// A backdrop: drawn under the regions, it is neither a box nor a mark.
fn weakest_band(cx: &Context<'_>, placed: &[(f64, f64, Region)], left: f64) -> Option<Item> {
    let weakest = cx.extremes.weakest_stage()?;
    let column = cx.grid.columns.get(weakest)?;
    // The health strip ends the band at the foot of the stage's own box,
    // not under the rule sentence beneath the strip.
    let health_box = format!("health-{}", weakest + 1);
    let spans: Vec<(&str, f64, f64)> = placed
        .iter()
        .filter_map(|(_, y, r)| {
            let id = r.tag.id.as_deref().filter(|id| ON_COLUMNS.contains(id))?;
            let foot = if id == "health" { box_bottom(r, &health_box) } else { None };
            Some((id, *y, *y + foot.unwrap_or(r.frame.size.height)))
        })
        .collect();
    let top = match spans.iter().find(|(id, ..)| *id == "spine") {
        Some(&(_, _, bottom)) => bottom,
        None => spans.iter().map(|s| s.1).reduce(f64::min)?,
    };
    let bottom = spans.iter().map(|s| s.2).reduce(f64::max)?;
    let rect = Rect::new(left + column.x, top, column.width, bottom - top);
    if rect.height <= 0.0 {
        return None;
    }
    let mut band = super::symbols::weakest_wash(rect, 0.0, cx.theme);
    band.tag = Some(super::frame::Tag::class("backdrop weakest-band"));
    Some(Item::Group(band))
}

/// The bottom of the box `id` inside `region`, in the region's coordinates.
fn box_bottom(region: &Region, id: &str) -> Option<f64> {
    let mut bottom = None;
    region.frame.walk(&mut |at, item| {
        if let Item::Group(g) = item
            && g.tag.as_ref().and_then(|t| t.id.as_deref()) == Some(id)
        {
            bottom = g.box_rect().map(|r| at.then(g.transform).apply_rect(r).bottom());
        }
    });
    bottom
}

/// A region as a box at `at`: its first child the rect that bounds it.
pub(crate) fn place(region: Region, at: Transform) -> Item {
    let Region { tag, frame, .. } = region;
    let bounds = Rect::new(0.0, 0.0, frame.size.width, frame.size.height);
    let mut group = Group::boxed(tag, bounds, BoxStyle::default(), frame.items);
    group.transform = at;
    Item::Group(group)
}
