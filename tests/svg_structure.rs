//! The SVG structure of SPEC §4, read back with an XML parser (usvg's own
//! `roxmltree`, re-exported as `usvg::roxmltree`) for every sample and valid
//! test map, at auto size and on A2: `role="img"` with `<title>` then
//! `<desc>`; one `g.stage`, `g.cell` and `g.touchpoint` per stage, cell and
//! card, each with a unique `id` and its bounding `<rect>` first, its text
//! inside that rect; cards carry `data-stage`, `data-priority` and their note
//! as `<title>`; nothing outside the document is referenced; numbers have at
//! most two decimals; user text with markup characters and control
//! characters comes back escaped and the document stays well-formed.

mod common;

use std::collections::HashMap;

use journeymap::layout::{self, Document as Poster, Options};
use journeymap::model::{Journey, Mark, Panel, Paper, Size};
use journeymap::paint::{self, SvgOptions};
use journeymap::priorities::Class;
use journeymap::text::Fonts;
use journeymap::theme::Theme;
use usvg::roxmltree::{Document, Node};

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// The values `data-priority` may take (SPEC §3).
const PRIORITIES: [&str; 6] = ["fix", "improve", "protect", "monetise", "maintain", "unassessed"];

/// Attributes that hold numbers (or lists of them): at most two decimals.
const NUMERIC: [&str; 17] = [
    "x",
    "y",
    "width",
    "height",
    "rx",
    "ry",
    "cx",
    "cy",
    "r",
    "x1",
    "y1",
    "x2",
    "y2",
    "stroke-width",
    "font-size",
    "viewBox",
    "d",
];

/// Tolerance for comparing coordinates that were each rounded to 0.01.
const ROUNDING: f64 = 0.011;

/// Lays out and paints `journey`; `None` when a fixed page is too small.
fn render(journey: &Journey, size: Option<Size>, fonts: &Fonts) -> (Poster, String) {
    let theme = Theme::classic();
    let poster = layout::layout(journey, &theme, fonts, &Options { size, orientation: None, ..Default::default() })
        .unwrap_or_else(|e| panic!("{size:?}: {e}"));
    let svg = paint::svg(&poster, &theme, fonts, SvgOptions::default());
    (poster, svg)
}

/// What the painter makes of user text: tabs and line breaks become spaces,
/// other control characters and U+FFFE/U+FFFF are dropped.
fn as_painted(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => None,
            c => Some(c),
        })
        .collect()
}

fn has_class(node: Node<'_, '_>, class: &str) -> bool {
    node.attribute("class").is_some_and(|c| c.split_whitespace().any(|t| t == class))
}

fn number(node: Node<'_, '_>, attribute: &str) -> Option<f64> {
    node.attribute(attribute)?.parse().ok()
}

/// Whether `token` is a number as the painter writes them: an optional
/// minus, digits, and at most two decimals (no exponent, no `-0`).
fn is_short_number(token: &str) -> bool {
    let digits = token.strip_prefix('-').unwrap_or(token);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let ok = !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.len() <= 2
        && frac.bytes().all(|b| b.is_ascii_digit())
        && (frac.is_empty() || !frac.ends_with('0'));
    ok && token != "-0"
}

/// The numeric tokens of an attribute value (path commands and separators
/// stripped).
fn numbers(value: &str) -> impl Iterator<Item = &str> {
    value
        .split(|c: char| c.is_ascii_whitespace() || c == ',' || "MLAZHVCQSTmlazhvcqst".contains(c))
        .filter(|t| !t.is_empty())
}

/// A group's bounding rect: x, y, width, height.
type Bounds = (f64, f64, f64, f64);

/// The text checks for one `g.stage`, `g.cell` or `g.touchpoint`: every
/// `<text>` starts inside the rect, every `<tspan>` starts inside it, and
/// the line's baseline leaves room for its ascender and descender.
fn text_violations(group: Node<'_, '_>, id: &str, (x, y, w, h): Bounds) -> Vec<String> {
    let mut v = Vec::new();
    for text in group.descendants().filter(|n| n.has_tag_name("text")) {
        let (Some(tx), Some(ty), Some(size)) = (number(text, "x"), number(text, "y"), number(text, "font-size")) else {
            v.push(format!("{id}: a <text> without x, y or font-size"));
            continue;
        };
        let words: String = text.descendants().filter_map(|n| n.is_text().then(|| n.text()).flatten()).collect();
        if tx < x - ROUNDING || tx > x + w + ROUNDING {
            v.push(format!("{id}: text {words:?} starts at x={tx}, outside {x}..{}", x + w));
        }
        // Inter's ascender is about 0.97 em and its descender 0.24 em; the
        // cap height (0.73 em) and the descender must stay inside.
        if ty - 0.7 * size < y - ROUNDING || ty + 0.2 * size > y + h + ROUNDING {
            v.push(format!("{id}: text {words:?} at baseline {ty} (size {size}) leaves {y}..{}", y + h));
        }
        // A tspan gives its start, or (with embedded fonts) each
        // character's place: all inside the rect, left to right.
        for span in text.children().filter(|n| n.has_tag_name("tspan")) {
            let places: Vec<Option<f64>> =
                span.attribute("x").unwrap_or("").split(' ').map(|t| t.parse().ok()).collect();
            for (i, place) in places.iter().enumerate() {
                match place {
                    Some(sx) if *sx >= x - ROUNDING && *sx <= x + w + ROUNDING => {}
                    other => v.push(format!("{id}: tspan of {words:?} at x={other:?} outside {x}..{}", x + w)),
                }
                if i > 0 && place < &places[i - 1] {
                    v.push(format!("{id}: tspan of {words:?} goes back at character {i}: {places:?}"));
                }
            }
        }
    }
    v
}

/// Every rule of SPEC §4's SVG structure, as a list of violations.
fn violations(journey: &Journey, poster: &Poster, svg: &str) -> Vec<String> {
    let doc = match Document::parse(svg) {
        Ok(doc) => doc,
        Err(e) => return vec![format!("not well-formed XML: {e}")],
    };
    let mut v = Vec::new();
    let root = doc.root_element();

    // The root: role, size, and <title> then <desc>, both non-empty.
    if !root.has_tag_name((SVG_NS, "svg")) {
        v.push(format!("the root is {:?}, not an SVG <svg>", root.tag_name()));
    }
    if root.attribute("role") != Some("img") {
        v.push(format!("root role is {:?}, not img", root.attribute("role")));
    }
    for (attr, want) in [("width", poster.page().size.width), ("height", poster.page().size.height)] {
        if number(root, attr).is_none_or(|got| (got - want).abs() > 0.006) {
            v.push(format!("root {attr} is {:?}, the page is {want}", root.attribute(attr)));
        }
    }
    let firsts: Vec<Node<'_, '_>> = root.children().filter(Node::is_element).take(2).collect();
    let names: Vec<&str> = firsts.iter().map(|n| n.tag_name().name()).collect();
    if names != ["title", "desc"] {
        v.push(format!("the root's first children are {names:?}, not title then desc"));
    }
    for n in &firsts {
        if n.text().is_none_or(|t| t.trim().is_empty()) {
            v.push(format!("<{}> is empty", n.tag_name().name()));
        }
    }
    if firsts.first().and_then(|n| n.text()) != Some(as_painted(&journey.title).as_str()) {
        v.push(format!("<title> is {:?}, not the map's title", firsts.first().and_then(|n| n.text())));
    }

    // Ids are unique across the document.
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for n in doc.descendants().filter(Node::is_element) {
        if let Some(id) = n.attribute("id") {
            *ids.entry(id).or_default() += 1;
        }
    }
    for (id, count) in &ids {
        if *count > 1 {
            v.push(format!("id {id:?} is used {count} times"));
        }
    }

    // Stage headers, question cells and cards.
    let (mut stages, mut cells, mut cards, mut regions) = (0, 0, 0, Vec::new());
    for g in doc.descendants().filter(|n| n.has_tag_name("g")) {
        let kind = ["stage", "cell", "touchpoint", "region"].into_iter().find(|k| has_class(g, k));
        let Some(kind) = kind else { continue };
        match kind {
            "stage" => stages += 1,
            "cell" => cells += 1,
            "region" => regions.push(g.attribute("id").unwrap_or_default()),
            _ => cards += 1,
        }
        let Some(id) = g.attribute("id").filter(|id| !id.is_empty()) else {
            v.push(format!("a g.{kind} has no id"));
            continue;
        };
        let first = g.first_element_child();
        let bounds = first
            .filter(|n| n.has_tag_name("rect"))
            .and_then(|r| Some((number(r, "x")?, number(r, "y")?, number(r, "width")?, number(r, "height")?)));
        let Some(bounds) = bounds else {
            v.push(format!(
                "{id}: the first element is {:?}, not a <rect> with x, y, width, height",
                first.map(|n| n.tag_name().name())
            ));
            continue;
        };
        v.extend(text_violations(g, id, bounds));
        if kind == "touchpoint" {
            v.extend(card_violations(journey, g, id));
        }
    }

    // Counts: one header per stage, one cell per stage and question row
    // (five questions and the custom lanes), one "no touchpoints" cell per
    // stage without touchpoints, one card per touchpoint.
    let shown = |p: Panel| journey.poster.panels.as_ref().is_none_or(|list| list.contains(&p));
    let n = journey.stages.len();
    let rows = 5 + journey.lanes.len();
    let empty = journey.stages.iter().filter(|s| s.touchpoints.is_empty()).count();
    let answered = !journey.lanes.is_empty()
        || journey.stages.iter().any(|s| {
            s.doing.is_some()
                || s.motivation.is_some()
                || s.concerns.is_some()
                || s.alleviation.is_some()
                || s.effort.is_some()
                || s.effort_note.is_some()
        });
    let want_cells = if shown(Panel::QUESTIONS) && answered { n * rows } else { 0 }
        + if shown(Panel::TOUCHPOINTS) && journey.touchpoints().next().is_some() { empty } else { 0 };
    let want_cards = if shown(Panel::TOUCHPOINTS) { journey.touchpoints().count() } else { 0 };
    for (what, got, want) in
        [("g.stage", stages, n), ("g.cell", cells, want_cells), ("g.touchpoint", cards, want_cards)]
    {
        if got != want {
            v.push(format!("{got} {what}, expected {want}"));
        }
    }

    // Regions in the order they stand on the page: title, spine, the
    // panels as the map lists them, footer.
    let mut want_regions = vec!["title-block", "spine"];
    let panels = journey.poster.panels.clone().unwrap_or_else(|| layout::PANELS.map(|p| p.panel).to_vec());
    let tps = || journey.touchpoints().map(|(_, t)| t);
    for panel in panels {
        // A panel without data is left out.
        let (name, has_data) = match panel {
            Panel::QUESTIONS => ("questions", answered),
            Panel::TOUCHPOINTS => ("touchpoints", tps().next().is_some()),
            Panel::CURVE => ("curve", tps().any(|t| t.score.is_some())),
            Panel::HEALTH => ("health", tps().any(|t| t.has(Mark::Strength) || t.has(Mark::Pain))),
            // Only a marked touchpoint is an action.
            Panel::PRIORITIES => ("priorities", journey.poster.priorities > 0 && tps().any(|t| !t.marks.is_empty())),
            Panel::LEGEND => (
                "legend",
                tps().any(|t| !t.marks.is_empty() || t.moment_of_truth || t.score.is_some())
                    || journey.stages.iter().any(|s| s.effort.is_some()),
            ),
            other => panic!("a panel this test does not know: {}", other.as_str()),
        };
        if has_data {
            want_regions.push(name);
        }
    }
    want_regions.push("footer");
    if regions != want_regions {
        v.push(format!("regions {regions:?}, expected {want_regions:?}"));
    }

    v.extend(reference_violations(&doc, svg));
    v.extend(number_violations(&doc));
    v
}

/// A card's data attributes and hover note against the journey.
fn card_violations(journey: &Journey, g: Node<'_, '_>, id: &str) -> Vec<String> {
    let mut v = Vec::new();
    let stage = g.attribute("data-stage");
    if stage.is_none_or(|s| !journey.stages.iter().any(|st| as_painted(&st.name) == s)) {
        v.push(format!("{id}: data-stage {stage:?} names no stage"));
    }
    let priority = g.attribute("data-priority");
    if priority.is_none_or(|p| !PRIORITIES.contains(&p)) {
        v.push(format!("{id}: data-priority {priority:?} is not one of {PRIORITIES:?}"));
    }
    // Card ids are card-<stage>-<index>, both 1-based: check against the map.
    let place = id.strip_prefix("card-").and_then(|rest| {
        let (s, i) = rest.split_once('-')?;
        Some((s.parse::<usize>().ok()?.checked_sub(1)?, i.parse::<usize>().ok()?.checked_sub(1)?))
    });
    let Some(t) = place.and_then(|(s, i)| journey.stages.get(s).and_then(|st| st.touchpoints.get(i))) else {
        v.push(format!("{id}: not a card-<stage>-<index> id of this map"));
        return v;
    };
    let (s, _) = place.unwrap_or_default();
    if stage != Some(as_painted(&journey.stages[s].name).as_str()) {
        v.push(format!("{id}: data-stage {stage:?} is not {:?}", journey.stages[s].name));
    }
    if priority != Some(Class::of(t).as_str()) {
        v.push(format!("{id}: data-priority {priority:?} is not {}", Class::of(t).as_str()));
    }
    let titles: Vec<Option<&str>> = g.children().filter(|n| n.has_tag_name("title")).map(|n| n.text()).collect();
    match &t.note {
        Some(note) => {
            let want = as_painted(note);
            if titles != [Some(want.as_str())] {
                v.push(format!("{id}: <title> children {titles:?}, expected the note {want:?}"));
            }
        }
        None if !titles.is_empty() => v.push(format!("{id}: a <title> {titles:?} but the touchpoint has no note")),
        None => {}
    }
    v
}

/// Nothing outside the document: no scripts, links, external images or
/// `url(…)` references; only the SVG and XML namespaces.
fn reference_violations(doc: &Document<'_>, svg: &str) -> Vec<String> {
    let mut v = Vec::new();
    if svg.contains("<script") {
        v.push("the text contains <script".to_owned());
    }
    if svg.matches("http").count() != svg.matches("\"http://www.w3.org/2000/svg\"").count() + text_http(doc) {
        v.push("\"http\" appears outside the xmlns attribute and the text".to_owned());
    }
    for ns in doc.root_element().namespaces() {
        if ns.uri() != SVG_NS && ns.uri() != XML_NS {
            v.push(format!("namespace {:?} = {:?} is declared", ns.name(), ns.uri()));
        }
    }
    for n in doc.descendants().filter(Node::is_element) {
        let tag = n.tag_name().name();
        if ["script", "foreignObject", "image", "use", "a", "iframe"].contains(&tag) {
            v.push(format!("a <{tag}> element"));
        }
        // The one <style> allowed holds the embedded fonts: nothing but
        // @font-face rules whose only url() is a data: URL.
        if tag == "style" {
            let css = n.text().unwrap_or_default();
            let rules: Vec<&str> = css.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            let font_face = |r: &&str| {
                r.starts_with("@font-face {")
                    && r.matches("url(").count() == 1
                    && r.contains("src: url(data:font/ttf;base64,")
                    && !r.contains("http")
            };
            if rules.is_empty() || !rules.iter().all(font_face) {
                v.push("a <style> holds more than @font-face rules with data: URLs".to_owned());
            }
        }
        for a in n.attributes() {
            let (name, value) = (a.name(), a.value().to_ascii_lowercase());
            if name == "href" || name.starts_with("on") || name == "style" {
                v.push(format!("<{tag}> has a {name} attribute"));
            }
            // data-* attributes hold user text (stage names), which may
            // mention anything; every other attribute is ours.
            let ours = !name.starts_with("data-");
            if ours && ["url(", "http", "javascript:", "file:"].iter().any(|s| value.contains(s)) {
                v.push(format!("<{tag} {name}={value:?}> refers outside the document"));
            }
        }
    }
    v
}

/// How often "http" occurs in the document's text and data attributes
/// (user text such as a URL in a note or source).
fn text_http(doc: &Document<'_>) -> usize {
    doc.descendants()
        .map(|n| {
            let text = if n.is_text() { n.text().map_or(0, |t| t.matches("http").count()) } else { 0 };
            let data: usize = n
                .attributes()
                .filter(|a| a.name().starts_with("data-"))
                .map(|a| a.value().matches("http").count())
                .sum();
            text + data
        })
        .sum()
}

/// Every number in a geometric attribute has at most two decimals.
fn number_violations(doc: &Document<'_>) -> Vec<String> {
    let mut v = Vec::new();
    for n in doc.descendants().filter(Node::is_element) {
        for a in n.attributes().filter(|a| NUMERIC.contains(&a.name())) {
            let bad: Vec<&str> = numbers(a.value()).filter(|t| !is_short_number(t)).collect();
            if !bad.is_empty() {
                v.push(format!("<{} {}=…> has numbers {bad:?}", n.tag_name().name(), a.name()));
            }
        }
    }
    v
}

#[test]
fn every_map_has_the_documented_structure_at_auto_size_and_on_a2() {
    let fonts = Fonts::embedded();
    let mut failures = Vec::new();
    let mut checked = 0;
    for (name, text) in common::valid_maps() {
        let journey = common::journey(&name, &text);
        for size in [None, Some(Size::Paper(Paper::A2))] {
            let (poster, svg) = render(&journey, size, &fonts);
            checked += 1;
            for problem in violations(&journey, &poster, &svg) {
                failures.push(format!("{name} {size:?}: {problem}"));
            }
        }
    }
    assert_eq!(checked, common::valid_maps().len() * 2);
    assert!(failures.is_empty(), "{} violations:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_checks_catch_a_broken_document() {
    // The checker itself must fail on what it is meant to catch.
    let text = std::fs::read_to_string("samples/airline.toml").expect("sample");
    let journey = common::journey("airline", &text);
    let fonts = Fonts::embedded();
    let (poster, svg) = render(&journey, None, &fonts);
    assert!(violations(&journey, &poster, &svg).is_empty());

    let broken = [
        ("role", svg.replacen("role=\"img\"", "role=\"image\"", 1)),
        ("first child", svg.replacen("<desc", "<g/><desc", 1)),
        ("id", svg.replacen("id=\"stage-2\"", "id=\"stage-1\"", 1)),
        ("rect", svg.replacen("<g class=\"cell\" id=\"cell-1-doing\" data-stage=\"Awareness\" data-stage-number=\"1\" data-row=\"doing\">\n<rect", "<g class=\"cell\" id=\"cell-1-doing\" data-stage=\"Awareness\" data-stage-number=\"1\" data-row=\"doing\">\n<circle r=\"1\"/><rect", 1)),
        ("priority", svg.replacen("data-priority=\"fix\"", "data-priority=\"urgent\"", 1)),
        ("decimals", svg.replacen("<rect x=\"", "<rect x=\"0.125", 1)),
        ("http", svg.replacen("fill=\"none\"", "fill=\"url(http://x/#a)\"", 1)),
        ("href", svg.replacen("<rect ", "<rect href=\"#a\" ", 1)),
        ("text outside", move_first_text_after(&svg, "id=\"card-1-1\"")),
        ("note", svg.replacen("<title>Most trips", "<title>Least trips", 1)),
        ("count", svg.replacen("class=\"touchpoint\"", "class=\"card\"", 1)),
        ("region order", svg.replacen("id=\"legend\"", "id=\"legends\"", 1)),
        ("region bounds", move_first_text_after(&svg, "id=\"footer\"")),
        ("well-formed", svg.replacen("</title>", "", 1)),
    ];
    for (what, bad) in broken {
        assert_ne!(bad, svg, "{what}: the mutation did not apply");
        assert!(!violations(&journey, &poster, &bad).is_empty(), "{what}: the broken SVG passes");
    }
}

/// `svg` with the baseline of the first `<text>` after `marker` moved far
/// below its group.
fn move_first_text_after(svg: &str, marker: &str) -> String {
    let start = svg.find(marker).and_then(|m| svg[m..].find("<text x=\"").map(|t| m + t)).unwrap_or(0);
    let y = start + svg[start..].find(" y=\"").unwrap_or(0) + 4;
    let end = y + svg[y..].find('"').unwrap_or(0);
    format!("{}99999{}", &svg[..y], &svg[end..])
}

/// A map whose every kind of user text holds markup characters, quotes and
/// control characters (`\u0001`, `\u0007`, a tab and U+FFFF).
const HOSTILE: &str = r#"
title = "A <b> & \"c\" 'd'"
subtitle = "</svg><script>alert(1)</script>"
persona = "Ann & Bob <ops>"
sources = ["<a href=\"http://evil.example/\">x</a>", "url(javascript:alert(1))"]

[[lane]]
key = "thinking"
title = "Thinks <\"this\"> & 'that'"

[[stage]]
name = "Awareness & <Consideration> \"quoted\" 'single'"
doing = "Uses <script>alert(1)</script> & url(http://evil.example) \"quoted\" 'single'"
concerns = ["<![CDATA[ x ]]>", "<!-- comment -->", "&amp; already escaped"]
thinking = "A\u0001B\u0007C\u0008D"

  [[stage.touchpoint]]
  name = "Tab\there & 'apostrophe' <b>"
  channel = "\"web\" <app>"
  marks = ["essential", "pain"]
  note = "Ring \u0001 the bell & <wait> \"now\"\u0007 \uFFFF end"
  action = "Fix it"

[[stage]]
name = "Return"
"#;

#[test]
fn user_text_with_markup_and_control_characters_round_trips_escaped() {
    let journey = common::journey("hostile.toml", HOSTILE);
    let fonts = Fonts::embedded();
    let (poster, svg) = render(&journey, None, &fonts);
    let problems = violations(&journey, &poster, &svg);
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    // Escaped in the bytes, intact once parsed.
    assert!(svg.contains("<title id=\"poster-title\">A &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;</title>"), "{svg}");
    for raw in ["<b>", "<script", "<wait>", "<!--", "<![CDATA[", "\u{1}", "\u{7}", "\u{8}", "\u{FFFF}"] {
        assert!(!svg.contains(raw), "{raw:?} reached the SVG unescaped");
    }
    let doc = Document::parse(&svg).expect("well-formed");
    let card = doc.descendants().find(|n| n.attribute("id") == Some("card-1-1")).expect("the card");
    let note = card.children().find(|n| n.has_tag_name("title")).and_then(|n| n.text());
    assert_eq!(note, Some("Ring  the bell & <wait> \"now\"  end"));
    assert_eq!(card.attribute("data-stage"), Some("Awareness & <Consideration> \"quoted\" 'single'"));

    // All the words are there once the markup is read back.
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    let shown: String = doc.descendants().filter(|n| n.has_tag_name("tspan")).filter_map(|n| n.text()).collect();
    let shown = squash(&shown);
    for expected in [
        "Uses <script>alert(1)</script> & url(http://evil.example) \"quoted\" 'single'",
        "Tab here & 'apostrophe' <b>",
        "<![CDATA[ x ]]>",
        "&amp; already escaped",
        "ABCD",
        "Thinks <\"this\"> & 'that'",
        "</svg><script>alert(1)</script>",
    ] {
        assert!(shown.contains(&squash(expected)), "{expected:?} is not in the poster's text");
    }

    // usvg, which the PNG is made from, reads it too.
    let tree = journeymap::output::tree(&svg, &fonts);
    assert!(tree.is_ok(), "{:?}", tree.err());
}

#[test]
fn transparent_svg_has_the_same_structure_without_the_background() {
    let text = std::fs::read_to_string("samples/clinic-visit.toml").expect("sample");
    let journey = common::journey("clinic", &text);
    let fonts = Fonts::embedded();
    let theme = Theme::classic();
    let poster = layout::layout(&journey, &theme, &fonts, &Options::default()).expect("layout");
    let opaque = paint::svg(&poster, &theme, &fonts, SvgOptions { transparent: false, ..SvgOptions::default() });
    let clear = paint::svg(&poster, &theme, &fonts, SvgOptions { transparent: true, ..SvgOptions::default() });
    assert!(violations(&journey, &poster, &clear).is_empty());
    assert!(opaque.contains("class=\"background\""));
    assert!(!clear.contains("class=\"background\""));
    // Only the background rect differs.
    let without: String =
        opaque.lines().filter(|l| !l.contains("class=\"background\"")).map(|l| format!("{l}\n")).collect();
    assert_eq!(without, clear);
}
