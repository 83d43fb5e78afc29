//! The story panels (SPEC §3–§4): the emotion curve, stage health, the
//! priorities panel and rank chips, the legend from the data, panels with
//! data only, department copies and pages that fill — checked on every
//! sample and valid map at several sizes.

mod common;

use journeymap::health;
use journeymap::layout::{self, Boxed, Document, Geometry, Item, LayoutError, Options, Shape};
use journeymap::model::{Journey, Mark, Orientation, Panel, Paper, Size};
use journeymap::priorities;
use journeymap::render::Renderer;
use journeymap::text::{Fonts, Shaper};
use journeymap::theme::{Role, Theme};

fn lay(journey: &Journey, size: Option<Size>, orientation: Option<Orientation>) -> Result<Document, LayoutError> {
    layout::layout(journey, &Theme::classic(), &Fonts::embedded(), &Options { size, orientation, ..Default::default() })
}

fn sample(path: &str) -> Journey {
    common::journey(path, &std::fs::read_to_string(path).expect("a readable map"))
}

/// The sizes every map is laid out at: auto, A2, A4 portrait and Slide.
const SIZES: [(Size, Option<Orientation>, &str); 4] = [
    (Size::Auto, None, "auto"),
    (Size::Paper(Paper::A2), None, "A2"),
    (Size::Paper(Paper::A4), Some(Orientation::Portrait), "A4 portrait"),
    (Size::Paper(Paper::Slide), None, "Slide"),
];

/// The maps and sizes that are refused as too small; every other pair must
/// lay out. A change to either list is a change in what fits, for a person
/// to look at.
const REFUSED: &[(&str, &str)] = &[
    ("tests/maps/valid/german-energy.toml", "Slide"),
    ("tests/maps/valid/long-words.toml", "Slide"),
    ("tests/maps/valid/twelve-stages.toml", "A4 portrait"),
    ("tests/maps/valid/twelve-stages.toml", "Slide"),
];

/// Every map at every size of [`SIZES`] but the refused ones, which must
/// be refused honestly (`common::check_refusal`): any other refusal, or a
/// refused pair that now fits, fails every test built on this.
fn posters() -> Vec<(String, Journey, Document)> {
    let mut out = Vec::new();
    let mut refused = Vec::new();
    let maps = common::valid_maps();
    for (name, text) in &maps {
        let journey = common::journey(name, text);
        for (size, orientation, label) in SIZES {
            match lay(&journey, Some(size), orientation) {
                Ok(doc) => out.push((format!("{name} {label}"), journey.clone(), doc)),
                Err(e) => {
                    let wrong = common::check_refusal(&journey, size, orientation, &e);
                    assert!(wrong.is_none(), "{name} {label}: {e}: {}", wrong.unwrap_or_default());
                    refused.push((name.as_str(), label));
                }
            }
        }
    }
    assert_eq!(refused, REFUSED, "the pairs refused as too small");
    assert_eq!(out.len(), maps.len() * SIZES.len() - REFUSED.len());
    out
}

fn with_class<'a>(boxes: &'a [Boxed<'a>], class: &str) -> Vec<&'a Boxed<'a>> {
    boxes.iter().filter(|b| b.tag.has_class(class)).collect()
}

#[test]
fn rank_chips_follow_the_priorities_order() {
    for (name, journey, doc) in posters() {
        // Only the assessed touchpoints are actions.
        let list = priorities::actions(&journey);
        let boxes = doc.boxes();
        let entries = with_class(&boxes, "priority");
        let shown = doc.priorities_cap.unwrap_or(journey.poster.priorities).min(list.len());
        // Listed when the map asks for any and has any; never left out.
        let has_data = journey.poster.priorities > 0 && !list.is_empty();
        assert_eq!(doc.find("priorities").is_some(), has_data, "{name}: the priorities panel");
        if !has_data {
            assert!(entries.is_empty(), "{name}");
            continue;
        }
        assert_eq!(entries.len(), shown, "{name}: entries");
        for p in list.iter().take(shown) {
            let card = format!("card-{}-{}", p.id.stage + 1, p.id.index + 1);
            let entry = doc.find(&format!("priority-{}", p.rank)).unwrap_or_else(|| panic!("{name}: #{}", p.rank));
            assert_eq!(entry.tag.get("card"), Some(card.as_str()), "{name}: entry #{}", p.rank);
            assert_eq!(entry.tag.get("class"), Some(p.class.as_str()), "{name}");
            assert!(entry.text().contains(&format!("#{}", p.rank)), "{name}: {}", entry.text());
            if !common::has_cards(&doc) {
                continue;
            }
            let card_box = doc.find(&card).unwrap_or_else(|| panic!("{name}: no {card}"));
            assert_eq!(card_box.tag.get("rank"), Some(p.rank.to_string().as_str()), "{name}: {card}");
            assert!(card_box.text().contains(&format!("#{}", p.rank)), "{name}: {card} shows no rank chip");
        }
        let ranked = with_class(&boxes, "touchpoint").into_iter().filter(|b| b.tag.get("rank").is_some()).count();
        assert!(ranked <= shown, "{name}: {ranked} cards ranked, {shown} listed");
    }
}

#[test]
fn stage_health_counts_and_names_the_weakest_and_strongest() {
    for (name, journey, doc) in posters() {
        let stages = health::stage_health(&journey);
        // The strip is there when a stage has something that works or
        // hurts and the page kept it (a small page may leave it out, and
        // says so).
        let has_data = stages.iter().any(|h| h.works() + h.hurts() > 0);
        let kept = !doc.left_out.contains(&Panel::HEALTH);
        assert_eq!(doc.find("health").is_some(), has_data && kept, "{name}: the health strip");
        if !(has_data && kept) {
            continue;
        }
        for h in &stages {
            let cell = doc.find(&format!("health-{}", h.stage + 1)).unwrap_or_else(|| panic!("{name}: cell"));
            assert_eq!(cell.tag.get("health"), Some(h.health().to_string().as_str()), "{name}");
            assert_eq!(cell.tag.get("pains"), Some(h.pains.to_string().as_str()), "{name}");
            // A count list broken over lines leaves no "·" at a line's end.
            assert_eq!(dangling(cell.group), None, "{name}: health-{}", h.stage + 1);
            let blocks = |class: &str| {
                cell.group
                    .items
                    .iter()
                    .filter(|i| matches!(i, Item::Group(g) if g.tag.as_ref().is_some_and(|t| t.class == class)))
                    .count()
            };
            // Every part is drawn, an essential pain twice as it counts
            // twice: the blocks add up to the health.
            assert_eq!((blocks("block hurts"), blocks("block works")), (h.hurts(), h.works()), "{name}");
        }
        let extremes = health::extremes(&stages);
        let cell = |i: usize| doc.find(&format!("health-{}", i + 1)).expect("cell");
        for h in &stages {
            let standing = extremes.standing(h.stage);
            for word in ["weakest", "strongest"] {
                let marked = cell(h.stage).tag.get(word) == Some("true");
                assert_eq!(marked, standing.is_some_and(|s| s.as_str() == word), "{name}: stage {}", h.stage);
            }
        }
        let labels = labels_of(&journey);
        let verdict = doc.find("health-verdict").map(|b| b.text()).unwrap_or_default();
        let squash = |t: &str| t.split_whitespace().collect::<String>().replace(journeymap::text::BREAK_HYPHEN, "");
        match extremes.weakest {
            Some(weak) => {
                assert!(stages[weak.stage].health() < 0, "{name}");
                assert!(cell(weak.stage).text().contains(labels.get("weakest_stage")), "{name}");
                let head = doc.find(&format!("stage-{}", weak.stage + 1)).expect("a header");
                let header = head.text();
                // The word, or in a column too narrow for it the badge.
                let chip = common::symbols(head.group).iter().any(|c| c == "standing weakest");
                assert!(header.contains(labels.get("weakest_tab")) || chip, "{name}: {header}");
                // A tie that decided it is stated under the strip.
                let runner_up = weak.tie.map(|t| journey.stages[t.runner_up].name.as_str());
                assert!(runner_up.is_none_or(|r| squash(&verdict).contains(&squash(r))), "{name}: {verdict}");
                // The panel lists actions; the strip and the headline name
                // the stage, in plain words.
                if let Some(p) = doc.find("priorities") {
                    assert!(!p.text().contains(labels.get("weakest_stage")), "{name}: {}", p.text());
                }
                if let Some(headline) = doc.find("headline") {
                    let stage = &journey.stages[weak.stage].name;
                    assert!(squash(&headline.text()).contains(&squash(stage)), "{name}: {}", headline.text());
                }
            }
            None => assert!(squash(&verdict).contains(&squash(labels.get("no_weakest"))), "{name}: {verdict}"),
        }
        match extremes.strongest {
            Some(strong) => assert!(stages[strong.stage].health() > 0, "{name}"),
            None => assert!(squash(&verdict).contains(&squash(labels.get("no_strongest"))), "{name}: {verdict}"),
        }
    }
}

#[test]
fn the_legend_shows_only_what_the_poster_uses_with_counts() {
    for (name, journey, doc) in posters() {
        // A poster whose cards carry a mark explains it, unless the page
        // left the legend out (and says so).
        let marked = journey.touchpoints().any(|(_, t)| !t.marks.is_empty());
        let kept = !doc.left_out.contains(&Panel::LEGEND);
        let legend = doc.find("legend");
        assert!(legend.is_some() || !marked || !kept, "{name}: marks but no legend");
        assert!(legend.is_none() || kept, "{name}: a legend although left out");
        let Some(legend) = legend else { continue };
        let boxes = doc.boxes();
        let items: Vec<_> =
            with_class(&boxes, "legend-item").into_iter().filter(|b| legend.bounds.contains(&b.bounds)).collect();
        let labels = labels_of(&journey);
        for mark in Mark::ALL {
            let count = journey.touchpoints().filter(|(_, t)| t.has(mark)).count();
            let word = labels.get(legend_key(mark));
            let shown = items.iter().find(|b| b.text().contains(word));
            match shown {
                Some(b) => assert_eq!(b.tag.get("count"), Some(count.to_string().as_str()), "{name}: {mark:?}"),
                None => assert_eq!(count, 0, "{name}: {mark:?} is used but not explained"),
            }
        }
        assert!(items.iter().all(|b| b.tag.get("count") != Some("0")), "{name}: an unused symbol is listed");
        // Each count says what it counts, in the language's plural form.
        let squash = |t: &str| t.split_whitespace().collect::<String>().replace(journeymap::text::BREAK_HYPHEN, "");
        for item in &items {
            let n: usize = item.tag.get("count").and_then(|c| c.parse().ok()).expect("a count");
            let key = if item.tag.get("symbol") == Some("effort") { "legend_stages" } else { "legend_touchpoints" };
            let counted = labels.plural(key, n);
            assert!(squash(&item.text()).ends_with(&squash(&counted)), "{name}: {:?} lacks {counted:?}", item.text());
            assert_eq!(dangling(item.group), None, "{name}: a separator ends a line with nothing after it");
        }
    }
}

/// The legend draws each symbol as a card shows it: a moment of truth as
/// the card's heavy frame with the star in it, the feeling as the score
/// ramp's five colours in order; a card with both a strength and a pain
/// is explained when the map has one, and only then.
#[test]
fn the_legend_draws_symbols_as_cards_show_them() {
    let path = "tests/maps/valid/polish-insurance.toml";
    let text = std::fs::read_to_string(path).expect("the map");
    let theme = Theme::classic();
    let doc = lay(&sample(path), None, None).expect("layout");
    let boxes = doc.boxes();
    let entry = |symbol: &str| {
        let found = with_class(&boxes, "legend-item").into_iter().find(|b| b.tag.get("symbol") == Some(symbol));
        found.unwrap_or_else(|| panic!("no {symbol} entry"))
    };
    let frame = shapes(&entry("moment-of-truth").group.items);
    let outline = |s: &&Shape| {
        matches!(s.geometry, Geometry::Rect { .. })
            && s.stroke.is_some_and(|k| k.role == Role::MomentOfTruth && k.width == theme.space.mot_outline)
    };
    assert!(frame.iter().any(outline), "no heavy frame: {frame:?}");
    let star = |s: &&Shape| matches!(s.geometry, Geometry::Polygon(_)) && s.fill == Some(Role::MomentOfTruth);
    assert!(frame.iter().any(star), "no star: {frame:?}");
    let dots =
        shapes(&entry("score").group.items).into_iter().filter(|s| matches!(s.geometry, Geometry::Circle { .. }));
    let ramp: Vec<Option<Role>> = dots.map(|s| s.fill).collect();
    assert_eq!(ramp, (1..=5).map(|n| Some(Role::Score(n))).collect::<Vec<_>>(), "the ramp, 1 to 5");
    let both = entry("strength-and-pain");
    assert_eq!(both.tag.get("count"), Some("1"));
    assert!(both.text().ends_with("1 punkt styku"), "{}", both.text());
    let fills: Vec<Role> = shapes(&both.group.items).iter().filter_map(|s| s.fill).collect();
    assert!(fills.contains(&Role::Strength) && fills.contains(&Role::Pain), "{fills:?}");
    // Without such a card, no such line.
    let apart = text.replace(r#"["strength", "pain", "would-pay"]"#, r#"["would-pay"]"#);
    assert_ne!(apart, text);
    let doc = lay(&common::journey("apart", &apart), None, None).expect("layout");
    let boxes = doc.boxes();
    assert!(!boxes.iter().any(|b| b.tag.get("symbol") == Some("strength-and-pain")));
}

/// Every shape in `items`, nested groups included, in drawing order.
fn shapes(items: &[Item]) -> Vec<&Shape> {
    items
        .iter()
        .flat_map(|i| match i {
            Item::Shape(s) => vec![s],
            Item::Group(g) => shapes(&g.items),
            _ => vec![],
        })
        .collect()
}

/// A line of `group` that ends on a separator with no text after it on
/// the same baseline: a legend's "·" left behind when its count moved to
/// a line of its own.
fn dangling(group: &journeymap::layout::Group) -> Option<String> {
    let lines = group.lines();
    let ends = |l: &&journeymap::layout::TextLine| l.text().trim_end().ends_with('·');
    let alone = |l: &&journeymap::layout::TextLine| {
        !lines.iter().any(|o| (o.baseline - l.baseline).abs() < 0.5 && o.x > l.x + l.width - 0.5)
    };
    lines.iter().find(|l| ends(l) && alone(l)).map(|l| l.text())
}

#[test]
fn the_dangling_check_sees_a_separator_left_at_a_line_end() {
    let (_, _, doc) = posters().into_iter().find(|(_, _, d)| d.find("legend").is_some()).expect("a legend");
    let boxes = doc.boxes();
    let item = with_class(&boxes, "legend-item").into_iter().next().expect("an entry");
    assert_eq!(dangling(item.group), None);
    // The entry as it was drawn before: its words ending on " ·" and its
    // count on the line below.
    fn undo(items: &mut [Item]) {
        for child in items {
            match child {
                Item::Group(g) => undo(&mut g.items),
                Item::Text(line) => {
                    if let Some(count) = line.text().strip_prefix("· ").map(str::to_owned) {
                        line.runs.truncate(1);
                        line.runs[0].text = count;
                        line.baseline += 40.0;
                    } else if let Some(run) = line.runs.last_mut() {
                        run.text.push_str(" ·");
                    }
                }
                _ => {}
            }
        }
    }
    let mut group = item.group.clone();
    undo(&mut group.items);
    assert!(dangling(&group).is_some(), "{:?}", group.lines().iter().map(|l| l.text()).collect::<Vec<_>>());
}

fn legend_key(mark: Mark) -> &'static str {
    match mark {
        Mark::Essential => "legend_essential",
        Mark::Strength => "legend_strength",
        Mark::Pain => "legend_pain",
        Mark::WouldPay => "legend_would_pay",
    }
}

/// The labels a map's poster speaks.
fn labels_of(journey: &Journey) -> journeymap::labels::Labels {
    let lang = journey.lang.as_deref().and_then(journeymap::labels::Lang::from_tag).unwrap_or_default();
    journeymap::labels::Labels::new(lang, journey.labels.clone())
}

#[test]
fn panels_without_data_are_left_out() {
    let journey = sample("tests/maps/valid/no-marks.toml");
    let doc = lay(&journey, None, None).expect("layout");
    assert!(doc.find("health").is_none(), "no strengths or pains, no health strip");
    let scored = journey.touchpoints().any(|(_, t)| t.score.is_some());
    assert_eq!(doc.find("curve").is_some(), scored);
    let minimal = sample("tests/maps/valid/minimal.toml");
    let doc = lay(&minimal, None, None).expect("layout");
    for panel in ["touchpoints", "curve", "health", "priorities"] {
        assert!(doc.find(panel).is_none(), "minimal.toml has no data for {panel}");
    }
}

#[test]
fn a_fixed_page_is_filled_top_to_bottom() {
    let mut report = Vec::new();
    for (name, _, doc) in posters().into_iter().filter(|(n, _, _)| !n.ends_with(" auto")) {
        let page = doc.page();
        let view = page.view();
        // A brief summary has no footer: its stack ends with its last region.
        let footer = doc.find("footer").map_or_else(
            || {
                let regions = doc.boxes().into_iter().filter(|b| b.tag.has_class("region"));
                regions.map(|b| b.bounds).max_by(|a, b| a.bottom().total_cmp(&b.bottom())).expect("a region")
            },
            |b| b.bounds,
        );
        let title = doc.find("title-block").expect("a title").bounds;
        // The share of the page between the top margin and the footer's
        // foot that the stack does not reach.
        let blank = 1.0 - (footer.bottom() - title.y) / (view.height - 2.0 * title.y);
        report.push(format!("{name}: {:.1}% blank", blank * 100.0));
        assert!(blank < 0.01, "{name}: {:.1}% of the page left blank", blank * 100.0);
        // And the stack has no gap over a fifth of the page between regions,
        // when it has rows that can take the height (a bare spine cannot).
        let regions: Vec<_> = doc.boxes().into_iter().filter(|b| b.tag.has_class("region")).collect();
        if doc.find("questions").is_none() && doc.find("curve").is_none() {
            continue;
        }
        let covered: f64 = regions.iter().map(|r| r.bounds.height).sum();
        let share = covered / (footer.bottom() - title.y);
        report.push(format!("{name}: regions cover {:.1}% of the stack", share * 100.0));
        assert!(share > 0.85, "{name}: the regions cover only {:.1}% of the page's height", share * 100.0);
    }
    println!("{}", report.join("\n"));
}

#[test]
fn a_department_copy_mutes_the_other_owners() {
    let journey = sample("samples/airline.toml");
    let theme = Theme::classic();
    let renderer = Renderer::new(Fonts::embedded());
    let doc = renderer.layout_highlighting(&journey, &theme, "digital").expect("Digital owns cards");
    assert!(common::violations(&doc).is_empty());
    let mut muted = 0;
    for (id, t) in journey.touchpoints() {
        let card = doc.find(&format!("card-{}-{}", id.stage + 1, id.index + 1)).expect("card");
        let theirs = t.owner.as_deref() == Some("Digital");
        assert_eq!(card.group.opacity < 1.0, !theirs, "{}", t.name);
        muted += usize::from(!theirs);
    }
    assert!(muted > 0);
    assert!(doc.find("title").is_some_and(|b| b.text().contains("Department view: Digital")));
    let err = renderer.layout_highlighting(&journey, &theme, "Nobody").expect_err("no such owner");
    assert!(err.to_string().contains("Ground operations") && err.to_string().contains("Digital"), "{err}");
}

#[test]
fn cards_leave_out_the_customer_and_keep_every_label() {
    for (name, journey, doc) in posters().into_iter().filter(|(_, _, d)| common::has_cards(d)) {
        for (id, t) in journey.touchpoints() {
            let card = doc
                .find(&format!("card-{}-{}", id.stage + 1, id.index + 1))
                .unwrap_or_else(|| panic!("{name}: no card for {}", t.name));
            let text = card.text();
            if t.marks.is_empty() {
                assert!(text.contains("not assessed"), "{name}: {} lost its 'not assessed'", t.name);
            }
            // Badges on one row: their centres within a tenth of a badge
            // (a triangle's ink sits a little higher than a disc's).
            let centres: Vec<f64> = doc
                .boxes()
                .iter()
                .filter(|b| b.tag.class.starts_with("badge ") && card.bounds.contains(&b.bounds))
                .map(|b| b.bounds.center().y)
                .collect();
            let spread = centres.iter().fold(f64::NEG_INFINITY, |a, b| a.max(*b))
                - centres.iter().fold(f64::INFINITY, |a, b| a.min(*b));
            assert!(centres.len() < 2 || spread < 2.0, "{name}: {}'s badges sit on more than one row", t.name);
            if journey.persona.as_deref().is_some_and(|p| p.contains("traveller")) {
                assert!(!text.contains("Traveller"), "{name}: {} repeats the persona: {text}", t.name);
            }
        }
    }
}

#[test]
fn every_label_of_our_own_is_drawn_by_the_fonts() {
    let fonts = Fonts::embedded();
    let shaper = Shaper::new(&fonts);
    for (name, _, doc) in posters() {
        for b in doc.boxes() {
            for line in b.group.lines() {
                let missing = shaper.uncovered(&line.text());
                assert!(missing.is_empty(), "{name}: {:?} in {:?} has no glyph", missing, line.text());
            }
        }
    }
}

#[test]
fn the_description_speaks_the_maps_language() {
    let journey = sample("tests/maps/valid/german-energy.toml");
    let doc = lay(&journey, None, None).expect("layout");
    assert!(doc.description.starts_with("Customer Journey Map für Haushaltskundin"), "{}", doc.description);
    assert!(doc.description.contains("3 Phasen") && doc.description.ends_with("Entwurf, noch nicht bestätigt."));
    assert!(doc.description.contains("Wichtigste Prioritäten: 1. Vertragsabschluss › Wechselbestätigungsschreiben"));
    let airline = lay(&sample("samples/airline.toml"), None, None).expect("layout");
    assert!(
        airline.description.contains("Top priorities: 1. Arrival › Baggage reclaim: Deliver gate-checked bags"),
        "{}",
        airline.description
    );
}

/// The washes in the pain colour inside `items` that no tag names: the
/// curve's own mark of the weakest stage, on a slide that shows the curve
/// alone.
fn untagged_washes(items: &[Item]) -> usize {
    items
        .iter()
        .map(|item| match item {
            Item::Group(g) if g.tag.is_none() && g.opacity < 1.0 => {
                g.items.iter().filter(|i| matches!(i, Item::Shape(s) if s.fill == Some(Role::Pain))).count()
            }
            Item::Group(g) => untagged_washes(&g.items),
            _ => 0,
        })
        .sum()
}

/// DESIGN: the weakest stage is marked in the spine, the curve and the
/// health strip alike, so three places tell one thing. On a poster they
/// are one band: a wash down the stage's column from under its header to
/// the foot of the last region on the columns (of its own box, for the
/// health strip), behind every region, and the curve draws no second wash
/// of its own.
#[test]
fn the_weakest_stage_is_one_band_from_its_header_to_the_foot_of_the_columns() {
    let mut banded = 0;
    for (name, journey, doc) in posters() {
        let bands = doc.boxes().into_iter().filter(|b| b.tag.has_class("weakest-band")).collect::<Vec<_>>();
        let weakest = health::extremes(&health::stage_health(&journey)).weakest;
        let Some(weak) = weakest.filter(|_| doc.find("spine").is_some()) else {
            assert!(bands.is_empty(), "{name}: a band with no weakest stage");
            continue;
        };
        let [band] = bands.as_slice() else { panic!("{name}: {} bands", bands.len()) };
        let header = doc.find(&format!("stage-{}", weak.stage + 1)).expect("a header").bounds;
        let spine = doc.find("spine").expect("a spine").bounds;
        // The health strip counts to the foot of the stage's own box.
        let health_box = doc.find(&format!("health-{}", weak.stage + 1));
        let foot = ["questions", "touchpoints", "curve", "health"]
            .iter()
            .filter_map(|id| doc.find(id))
            .map(|b| match (b.tag.id.as_deref(), health_box) {
                (Some("health"), Some(own)) => own.bounds.bottom(),
                _ => b.bounds.bottom(),
            })
            .fold(f64::MIN, f64::max);
        let r = band.bounds;
        let close = |a: f64, b: f64| (a - b).abs() < 0.01;
        assert!(close(r.x, header.x) && close(r.width, header.width), "{name}: {r:?} under {header:?}");
        assert!(close(r.y, spine.bottom()) && close(r.bottom(), foot), "{name}: {r:?} from {spine:?} to {foot}");
        // Drawn first, so every region lies over it.
        let first = doc.page().frame.items.first();
        assert!(matches!(first, Some(Item::Group(g)) if g.tag.as_ref().is_some_and(|t| t.has_class("weakest-band"))));
        if let Some(curve) = doc.find("curve") {
            assert_eq!(untagged_washes(&curve.group.items), 0, "{name}: the curve washes the stage again");
        }
        banded += 1;
    }
    assert!(banded > 20, "only {banded} posters name a weakest stage");
}
