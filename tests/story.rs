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
    ("samples/airline.toml", "A4 portrait"),
    ("samples/clinic-visit.toml", "A4 portrait"),
    ("tests/maps/valid/twelve-stages.toml", "A4 portrait"),
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

/// Curve points: one per scored touchpoint, inside the band, centred in
/// their card's stage column, larger for moments of truth; the line is
/// broken where a touchpoint has no score.
fn curve_violations(journey: &Journey, doc: &Document) -> Vec<String> {
    let mut v = Vec::new();
    let boxes = doc.boxes();
    let scored: Vec<_> = journey.touchpoints().filter(|(_, t)| t.score.is_some()).collect();
    let Some(band) = doc.find("curve-band") else {
        if !scored.is_empty() && !doc.left_out.contains(&journeymap::model::Panel::CURVE) {
            v.push("scores but no curve".into());
        }
        return v;
    };
    let points = with_class(&boxes, "point");
    if points.len() != scored.len() {
        v.push(format!("{} points for {} scored touchpoints", points.len(), scored.len()));
    }
    let spine: Vec<_> = with_class(&boxes, "stage");
    for p in &points {
        let card = p.tag.get("card").unwrap_or_default();
        let Some((stage, index)) = card.strip_prefix("card-").and_then(|c| c.split_once('-')) else {
            v.push(format!("point without a card: {:?}", p.tag));
            continue;
        };
        let (stage, index): (usize, usize) = (stage.parse().unwrap_or(0), index.parse().unwrap_or(0));
        if !band.bounds.contains(&p.bounds) {
            v.push(format!("{card}: point {:?} outside the band {:?}", p.bounds, band.bounds));
        }
        let column = spine.iter().find(|s| s.tag.get("stage-number") == Some(&stage.to_string()));
        let c = p.bounds.center();
        if column.is_none_or(|col| c.x < col.bounds.x || c.x > col.bounds.right()) {
            v.push(format!("{card}: point at x {} is not in stage {stage}'s column", c.x));
        }
        let t = &journey.stages[stage - 1].touchpoints[index - 1];
        if p.tag.get("score") != t.score.map(|s| s.get().to_string()).as_deref() {
            v.push(format!("{card}: point score {:?} is not {:?}", p.tag.get("score"), t.score));
        }
        // Score 5 at the top of the plot, 1 at the bottom: y falls as the
        // score rises.
        for q in &points {
            let (a, b) = (p.tag.get("score").unwrap_or("0"), q.tag.get("score").unwrap_or("0"));
            if a > b && p.bounds.center().y >= q.bounds.center().y {
                v.push(format!("{card} scores {a} but sits no higher than a {b}"));
            }
        }
    }
    let mut moments = points.iter().filter(|p| p.tag.has_class("moment-of-truth"));
    let plain = points.iter().find(|p| !p.tag.has_class("moment-of-truth"));
    if let (Some(m), Some(p)) = (moments.next(), plain)
        && m.bounds.width <= p.bounds.width
    {
        v.push("a moment of truth's point is no larger than others".into());
    }
    // One line per run of scored touchpoints; a missing score or a stage
    // without touchpoints breaks it.
    let mut runs = 0;
    let mut run = 0;
    for stage in &journey.stages {
        if stage.touchpoints.is_empty() {
            runs += usize::from(run > 1);
            run = 0;
        }
        for t in &stage.touchpoints {
            if t.score.is_some() {
                run += 1;
            } else {
                runs += usize::from(run > 1);
                run = 0;
            }
        }
    }
    runs += usize::from(run > 1);
    let lines = curve_lines(&band);
    if lines != runs {
        v.push(format!("{lines} curve lines for {runs} runs of scores"));
    }
    v
}

/// How many curve lines (paths) a curve band draws.
fn curve_lines(band: &Boxed<'_>) -> usize {
    band.group.items.iter().filter(|i| matches!(i, Item::Shape(s) if matches!(s.geometry, Geometry::Path(_)))).count()
}

#[test]
fn curve_points_lie_in_the_band_at_their_cards_column() {
    let mut failures = Vec::new();
    for (name, journey, doc) in posters() {
        failures.extend(curve_violations(&journey, &doc).into_iter().map(|v| format!("{name}: {v}")));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_curve_check_catches_a_point_moved_out_of_its_column() {
    let journey = sample("samples/airline.toml");
    let mut doc = lay(&journey, None, None).expect("layout");
    assert!(curve_violations(&journey, &doc).is_empty());
    let band = common::group_mut(&mut doc.pages[0].frame.items, "curve-band").expect("a band");
    for item in &mut band.items {
        if let Item::Group(g) = item
            && g.tag.as_ref().is_some_and(|t| t.get("card") == Some("card-1-1"))
        {
            g.transform = layout::Transform::translate(900.0, 0.0);
        }
    }
    assert!(curve_violations(&journey, &doc).iter().any(|v| v.contains("card-1-1")));
}

#[test]
fn a_missing_score_breaks_the_curve() {
    let text = std::fs::read_to_string("samples/airline.toml").expect("sample");
    // The sample scores every card; take the fifth score away.
    let at = text.match_indices("score = ").nth(4).map(|(i, _)| i).expect("five scores");
    let gap = format!("{}{}", &text[..at], &text[at + "score = 4".len()..]);
    let journey = common::journey("gap", &gap);
    let doc = lay(&journey, None, None).expect("layout");
    assert!(curve_violations(&journey, &doc).is_empty(), "{:?}", curve_violations(&journey, &doc));
    let band = doc.find("curve-band").expect("a band");
    let lines = curve_lines(&band);
    assert_eq!(lines, 2, "one line before the gap, one after");
}

#[test]
fn rank_chips_follow_the_priorities_order() {
    for (name, journey, doc) in posters() {
        let list = priorities::prioritise(&journey);
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
        // The strip is there when a stage has a strength or a pain and the
        // page kept it (a small page may leave it out, and says so).
        let has_data = stages.iter().any(|h| h.strengths + h.pains > 0);
        let kept = !doc.left_out.contains(&Panel::HEALTH);
        assert_eq!(doc.find("health").is_some(), has_data && kept, "{name}: the health strip");
        if !(has_data && kept) {
            continue;
        }
        for h in &stages {
            let cell = doc.find(&format!("health-{}", h.stage + 1)).unwrap_or_else(|| panic!("{name}: cell"));
            assert_eq!(cell.tag.get("balance"), Some(h.balance().to_string().as_str()), "{name}");
            assert_eq!(cell.tag.get("pains"), Some(h.pains.to_string().as_str()), "{name}");
            let blocks = |class: &str| {
                cell.group
                    .items
                    .iter()
                    .filter(|i| matches!(i, Item::Group(g) if g.tag.as_ref().is_some_and(|t| t.class == class)))
                    .count()
            };
            // An essential pain is drawn twice, as it counts twice.
            assert_eq!(
                (blocks("block pain"), blocks("block strength")),
                (h.pains + h.essential_pains, h.strengths),
                "{name}"
            );
        }
        let extremes = health::extremes(&stages);
        let cell = |i: usize| doc.find(&format!("health-{}", i + 1)).expect("cell");
        for h in &stages {
            assert_eq!(cell(h.stage).tag.get("standing"), extremes.standing(h.stage), "{name}");
        }
        let labels = labels_of(&journey);
        if let Some(weak) = extremes.weakest {
            assert!(stages[weak].balance() < 0, "{name}");
            assert!(cell(weak).text().contains(labels.get("weakest_stage")), "{name}");
            let header = doc.find(&format!("stage-{}", weak + 1)).map(|h| h.text()).unwrap_or_default();
            assert!(header.contains(labels.get("weakest_tab")), "{name}: {header}");
            if let Some(p) = doc.find("priorities") {
                let balance = stages[weak].balance();
                let n = if balance < 0 { format!("\u{2212}{}", -balance) } else { balance.to_string() };
                let named = labels.fill("weakest_named", &[("stage", &journey.stages[weak].name), ("n", &n)]);
                let squash =
                    |t: &str| t.split_whitespace().collect::<String>().replace(journeymap::text::BREAK_HYPHEN, "");
                assert!(squash(&p.text()).contains(&squash(&named)), "{name}: {named} not in {}", p.text());
            }
        }
        if let Some(strong) = extremes.strongest {
            assert!(stages[strong].balance() > 0, "{name}");
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
            let counted = labels.count(key, n);
            assert!(squash(&item.text()).ends_with(&squash(&counted)), "{name}: {:?} lacks {counted:?}", item.text());
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
        let footer = doc.find("footer").expect("a footer").bounds;
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
    for (name, journey, doc) in posters() {
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
