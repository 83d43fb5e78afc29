//! Shared checks for the poster guarantees (SPEC §4), used by several test
//! files. Each returns the list of violations, empty when all is well, so
//! a failure names every problem at once.
#![allow(dead_code)] // Each test file uses a different part.

pub(crate) mod bands;
pub(crate) mod tools;

use journeymap::layout::{Document, Group, Item, Rect, Transform};
use journeymap::model::Journey;
use journeymap::parse::{Options, parse_str};

/// Parses a map that must be free of errors.
pub(crate) fn journey(name: &str, text: &str) -> Journey {
    let parsed = parse_str(name, text, &Options::default());
    let errors: Vec<_> = parsed.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{name}: {errors:#?}");
    parsed.journey.expect("no errors, so a journey")
}

/// Every geometric guarantee, on the first page of a document: every box
/// (a tagged group with an id) lies inside its parent box and inside the
/// canvas; boxes that share a parent do not overlap each other; marks that
/// belong to a parent rather than a box (rules, chevrons) overlap no box;
/// inside a box, no two of its texts and symbols overlap; ids are unique.
pub(crate) fn violations(document: &Document) -> Vec<String> {
    let page = document.page();
    let mut v = Vec::new();
    check_children(&page.frame.items, Transform::IDENTITY, page.view(), "the canvas", &mut v);
    let mut ids: Vec<&str> = document.boxes().iter().filter_map(|b| b.tag.id.as_deref()).collect();
    ids.sort_unstable();
    for pair in ids.windows(2) {
        if pair[0] == pair[1] {
            v.push(format!("id {} is used twice", pair[0]));
        }
    }
    v
}

/// What an item is, for messages.
fn describe(item: &Item) -> String {
    match item {
        Item::Text(t) => format!("text {:?}", t.text()),
        Item::Group(Group { tag: Some(tag), .. }) => match &tag.id {
            Some(id) => format!("#{id}"),
            None => format!(".{}", tag.class),
        },
        other => format!("{other:?}").chars().take(48).collect(),
    }
}

/// The box of an item in frame coordinates: a box group's rect, or any
/// other item's painted bounds.
fn abs_bounds(item: &Item, at: Transform) -> Rect {
    match item {
        Item::Group(g) if is_box(g) => at.then(g.transform).apply_rect(g.box_rect().unwrap_or_default()),
        other => at.apply_rect(other.bounds()),
    }
}

fn is_box(group: &Group) -> bool {
    group.tag.as_ref().is_some_and(|t| t.id.is_some()) && group.box_rect().is_some()
}

fn is_backdrop(item: &Item) -> bool {
    matches!(item, Item::Group(Group { tag: Some(t), .. }) if t.has_class("backdrop"))
}

fn is_point(group: &Group) -> bool {
    group.tag.as_ref().is_some_and(|t| t.has_class("point"))
}

fn check_children(items: &[Item], at: Transform, container: Rect, owner: &str, v: &mut Vec<String>) {
    // Inside a box its first child is the bounding rect itself.
    let owned_by_box = owner != "the canvas";
    let drawn: Vec<(usize, &Item, Rect)> = items
        .iter()
        .enumerate()
        .skip(usize::from(owned_by_box))
        .map(|(i, item)| (i, item, abs_bounds(item, at)))
        .collect();
    for (_, item, bounds) in &drawn {
        if !container.contains(bounds) {
            v.push(format!("{} {bounds:?} is not inside {owner} {container:?}", describe(item)));
        }
    }
    // A backdrop (the weakest stage's wash) lies under the boxes it spans
    // by design; it still has to stay inside its container.
    let drawn: Vec<_> = drawn.into_iter().filter(|(_, item, _)| !is_backdrop(item)).collect();
    // A mark is text or a symbol (a tagged group); lines and curves may
    // cross marks (a rule under a point of the curve) but never a box.
    let is_mark = |i: &Item| matches!(i, Item::Text(_) | Item::Group(Group { tag: Some(_), .. }));
    for (n, (_, a, ra)) in drawn.iter().enumerate() {
        for (_, b, rb) in &drawn[n + 1..] {
            // A curve's stage point is a box (it carries its data) but
            // drawn as a mark: lines may cross it, marks and boxes not.
            let boxes = [a, b].iter().filter(|i| matches!(i, Item::Group(g) if is_box(g) && !is_point(g))).count();
            // Two boxes, a box and anything beside it, or two marks of a box.
            let checked = boxes > 0 || (owned_by_box && is_mark(a) && is_mark(b));
            if checked && ra.overlaps(rb) {
                v.push(format!("{} {ra:?} overlaps {} {rb:?} in {owner}", describe(a), describe(b)));
            }
        }
    }
    for (_, item, bounds) in drawn {
        if let Item::Group(g) = item
            && is_box(g)
        {
            check_children(&g.items, at.then(g.transform), bounds, &describe(item), v);
        }
    }
}

/// The text of the box with `id`, white space and break hyphens removed.
fn box_text(document: &Document, id: &str) -> String {
    document.find(id).map(|b| squash(&b.text())).unwrap_or_default()
}

/// Text without white space and break hyphens (wrapping changes both).
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<String>().replace(journeymap::text::BREAK_HYPHEN, "")
}

/// Nothing lost: every touchpoint name (on a layout that has cards), stage
/// name and the title appear in their boxes' text.
pub(crate) fn missing_text(document: &Document, journey: &Journey) -> Vec<String> {
    let mut v = Vec::new();
    if !box_text(document, "title").contains(&squash(&journey.title)) {
        v.push("the title is not shown whole".to_owned());
    }
    for (i, stage) in journey.stages.iter().enumerate() {
        if !box_text(document, &format!("stage-{}", i + 1)).contains(&squash(&stage.name)) {
            v.push(format!("stage {:?} is not shown whole", stage.name));
        }
        // The summary shows no cards (SPEC §4.1): its story is the curve,
        // the health and the priorities, checked on their own.
        for (j, t) in stage.touchpoints.iter().enumerate().filter(|_| has_cards(document)) {
            if !box_text(document, &format!("card-{}-{}", i + 1, j + 1)).contains(&squash(&t.name)) {
                v.push(format!("touchpoint {:?} is not shown whole", t.name));
            }
        }
    }
    v
}

/// The class names of the anonymous groups inside a group.
/// Whether the layout draws cards: the summary (SPEC §4.1) does not.
pub(crate) fn has_cards(document: &Document) -> bool {
    !matches!(document.arrangement, journeymap::layout::Arrangement::Summary { .. })
}

/// The classes of the unnamed groups inside `group`.
pub(crate) fn symbols(group: &Group) -> Vec<String> {
    let mut found = Vec::new();
    let frame = journeymap::layout::Frame { size: Default::default(), items: group.items.clone() };
    frame.walk(&mut |_, item| {
        if let Item::Group(Group { tag: Some(tag), .. }) = item
            && tag.id.is_none()
        {
            found.push(tag.class.clone());
        }
    });
    found
}

/// Nothing lost from the cards: each card has one badge per mark, a score
/// meter when it has a score, and a star when it is a moment of truth.
pub(crate) fn missing_marks(document: &Document, journey: &Journey) -> Vec<String> {
    let mut v = Vec::new();
    if !has_cards(document) {
        return v;
    }
    for (i, stage) in journey.stages.iter().enumerate() {
        for (j, t) in stage.touchpoints.iter().enumerate() {
            let id = format!("card-{}-{}", i + 1, j + 1);
            let Some(card) = document.find(&id) else {
                v.push(format!("{id} is missing"));
                continue;
            };
            let symbols = symbols(card.group);
            let mut badges: Vec<&str> = symbols.iter().filter_map(|c| c.strip_prefix("badge ")).collect();
            badges.sort_unstable();
            let mut marks: Vec<&str> = t.marks.iter().map(|m| m.as_str()).collect();
            marks.sort_unstable();
            if badges != marks {
                v.push(format!("{id}: badges {badges:?} for marks {marks:?}"));
            }
            let pips = symbols.iter().any(|c| c == "meter score");
            if pips != t.score.is_some() {
                v.push(format!("{id}: score {:?} but pips drawn: {pips}", t.score));
            }
            let star = symbols.iter().any(|c| c == "star");
            if star != t.moment_of_truth {
                v.push(format!("{id}: moment of truth {} but star drawn: {star}", t.moment_of_truth));
            }
        }
    }
    v
}

/// The smallest text on the first page at print size, in px.
pub(crate) fn smallest_text(document: &Document) -> f64 {
    let page = document.page();
    let mut smallest = f64::INFINITY;
    page.frame.walk(&mut |at, item| {
        if let Item::Text(t) = item {
            smallest = smallest.min(t.size * at.scale * page.transform.scale);
        }
    });
    smallest
}

/// The group with `id` anywhere in `items`, to break a document on purpose.
pub(crate) fn group_mut<'a>(items: &'a mut [Item], id: &str) -> Option<&'a mut Group> {
    for item in items {
        if let Item::Group(g) = item {
            if g.tag.as_ref().and_then(|t| t.id.as_deref()) == Some(id) {
                return Some(g);
            }
            if let Some(found) = group_mut(&mut g.items, id) {
                return Some(found);
            }
        }
    }
    None
}

/// Checks a too-small refusal: the content must really not fit at 6 pt,
/// and the refusal must name another paper that really fits. Returns what is wrong, if anything.
pub(crate) fn check_refusal(
    journey: &Journey,
    asked: journeymap::model::Size,
    orientation: Option<journeymap::model::Orientation>,
    e: &journeymap::layout::LayoutError,
) -> Option<String> {
    use journeymap::layout::{self, Options};
    use journeymap::model::{Paper, Size};
    use journeymap::text::Fonts;
    use journeymap::theme::Theme;
    // The refusal says the text would fall under 6 pt: then the poster at
    // auto size, set at that floor, must not fit the page either. A screen
    // keeps its own floor (a fortieth of a 16:9 width), not print's 6 pt.
    let theme = Theme::classic();
    if let (false, Ok(auto), Some((w, h))) = (
        asked.in_pixels(),
        layout::layout(
            journey,
            &theme,
            &Fonts::embedded(),
            &Options { size: Some(Size::Auto), orientation, ..Default::default() },
        ),
        asked.page_px(orientation),
    ) {
        let floor = layout::MIN_TEXT_PX / theme.type_scale.smallest();
        let natural = auto.page().frame.size;
        if natural.width * floor <= w && natural.height * floor <= h {
            return Some(format!("refused, yet the auto layout fits {asked} at 6 pt"));
        }
    }
    let message = e.to_string();
    // A screen the summary cannot hold at 24 px points to the deck, which
    // gives each stage a slide.
    let screen = asked.in_pixels();
    if screen {
        return (!message.contains("a deck (--deck)")).then(|| format!("a screen not pointed to the deck: {message}"));
    }
    let Some(named) = message.split("--size ").nth(1).and_then(|s| s.split([' ', ',']).next()) else {
        return Some(format!("names no size: {message}"));
    };
    let Ok(paper @ Size::Paper(_)) = named.parse::<Size>() else {
        // "auto" is an honest last resort only when no paper fits at all.
        let a0 = Options { size: Some(Size::Paper(Paper::A0)), orientation, ..Default::default() };
        return layout::layout(journey, &Theme::classic(), &Fonts::embedded(), &a0)
            .is_ok()
            .then(|| format!("suggests {named} although A0 fits: {message}"));
    };
    if paper == asked {
        return Some(format!("suggests the very size it refuses: {message}"));
    }
    let fits = layout::layout(
        journey,
        &Theme::classic(),
        &Fonts::embedded(),
        &Options { size: Some(paper), orientation, ..Default::default() },
    );
    fits.is_err().then(|| format!("suggests {named}, which does not fit either"))
}

/// Every map that must be valid: the samples and `tests/maps/valid`, as
/// (path, text), in a stable order.
pub(crate) fn valid_maps() -> Vec<(String, String)> {
    let mut maps = Vec::new();
    for dir in ["samples", "tests/maps/valid"] {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("map folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        for p in paths {
            maps.push((p.display().to_string(), std::fs::read_to_string(&p).expect("readable map")));
        }
    }
    maps
}

/// Runs the journeymap binary in `dir` with `args`, feeding `stdin` (or
/// nothing), without colour.
pub(crate) fn run_in(dir: &std::path::Path, args: &[&str], stdin: Option<&[u8]>) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the journeymap binary starts");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("a stdin pipe");
        // The binary may stop reading early (an over-long input): a broken
        // pipe here is its business, judged by its exit status.
        let _ = pipe.write_all(input);
    }
    child.wait_with_output().expect("the journeymap binary runs")
}

/// The exit status of a finished run.
pub(crate) fn code(output: &std::process::Output) -> i32 {
    output.status.code().expect("an exit status, not a signal")
}

/// A run's standard output as text.
pub(crate) fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A run's standard error as text.
pub(crate) fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The guarantee as the renderer sees it: paints the poster, parses it with
/// usvg and checks that every text of every group with an id lies inside
/// the group's first rect, by usvg's own bounding boxes.
pub(crate) fn rendered_violations(
    document: &Document,
    theme: &journeymap::theme::Theme,
    fonts: &journeymap::text::Fonts,
) -> Vec<String> {
    use journeymap::paint::{self, SvgOptions};
    let svg = paint::svg(document, theme, fonts, SvgOptions { embed_fonts: false, ..SvgOptions::default() });
    let tree = journeymap::output::tree(&svg, fonts).expect("our SVG parses");
    let mut violations = Vec::new();
    check_group(tree.root(), document.page().transform.scale as f32, &mut violations);
    violations
}

/// The SVG writes view coordinates to 0.01 px (a text's position may move
/// by half of that); usvg reports page coordinates, `scale` times larger.
fn usvg_contains(outer: usvg::Rect, inner: usvg::Rect, scale: f32) -> bool {
    let slack = 0.006 * scale;
    inner.left() >= outer.left() - slack
        && inner.top() >= outer.top() - slack
        && inner.right() <= outer.right() + slack
        && inner.bottom() <= outer.bottom() + slack
}

fn usvg_texts(node: &usvg::Node, out: &mut Vec<usvg::Rect>) {
    match node {
        usvg::Node::Text(t) => out.push(t.abs_bounding_box()),
        usvg::Node::Group(g) => g.children().iter().for_each(|c| usvg_texts(c, out)),
        _ => {}
    }
}

/// Checks every group with an id; returns the violations.
fn check_group(group: &usvg::Group, scale: f32, violations: &mut Vec<String>) {
    if !group.id().is_empty() {
        let bounds = group.children().iter().find_map(|c| match c {
            usvg::Node::Path(p) => Some(p.abs_bounding_box()),
            _ => None,
        });
        let mut found = Vec::new();
        group.children().iter().for_each(|c| usvg_texts(c, &mut found));
        match bounds {
            Some(rect) => {
                for t in found.iter().filter(|t| !usvg_contains(rect, **t, scale)) {
                    violations.push(format!("#{}: text {t:?} outside {rect:?}", group.id()));
                }
            }
            None if !found.is_empty() => violations.push(format!("#{}: text but no bounding rect", group.id())),
            None => {}
        }
    }
    for child in group.children() {
        if let usvg::Node::Group(g) = child {
            check_group(g, scale, violations);
        }
    }
}

/// Runs a poppler tool (Debian's poppler-utils) and gives what it printed.
/// The test asks [`tools::have`] first, so a missing tool skips it (or
/// fails it in CI) with the package to install.
pub(crate) fn poppler(tool: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed to read PDFs back: install poppler-utils ({e})"));
    assert!(out.status.success(), "{tool} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The journey without what a CSV does not carry: where things were in
/// the source, the poster settings and the label overrides.
pub(crate) fn content(mut j: Journey) -> Journey {
    j.spans = journeymap::model::FieldSpans::default();
    j.poster = journeymap::model::PosterSettings::default();
    j.labels.clear();
    for lane in &mut j.lanes {
        lane.span = 0..0;
    }
    for stage in &mut j.stages {
        stage.span = 0..0;
        stage.spans = journeymap::model::FieldSpans::default();
        for t in &mut stage.touchpoints {
            t.span = 0..0;
            t.spans = journeymap::model::FieldSpans::default();
        }
    }
    j
}
