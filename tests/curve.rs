//! The emotion curve by stage (SPEC §4): a point per scored stage at its
//! mean, a dot per scored touchpoint in its stage's column, a monotone
//! line that never overshoots its neighbours, dashed only across stages
//! without scores, and the low point named where it is not the weakest
//! stage — checked on every sample and valid map at several sizes.

mod common;

use journeymap::health;
use journeymap::layout::{self, Boxed, Document, Geometry, Item, Options, Point, Segment};
use journeymap::model::{Journey, Orientation, Paper, Size};
use journeymap::text::Fonts;
use journeymap::theme::Theme;

const SIZES: [(Size, Option<Orientation>); 3] =
    [(Size::Auto, None), (Size::Paper(Paper::A2), None), (Size::Paper(Paper::Slide), None)];

fn lay(journey: &Journey, size: Size, orientation: Option<Orientation>) -> Option<Document> {
    let options = Options { size: Some(size), orientation, ..Default::default() };
    layout::layout(journey, &Theme::classic(), &Fonts::embedded(), &options).ok()
}

fn with_class<'a>(boxes: &'a [Boxed<'a>], class: &str) -> Vec<&'a Boxed<'a>> {
    boxes.iter().filter(|b| b.tag.has_class(class)).collect()
}

/// The stage a group's `data-card` ("card-3-2") names, 1-based.
fn card_stage(b: &Boxed<'_>) -> Option<usize> {
    b.tag.get("card")?.strip_prefix("card-")?.split_once('-')?.0.parse().ok()
}

/// The line's pieces in frame coordinates, left to right: where each
/// starts, its two controls, where it ends, and whether it is dashed.
fn pieces(band: &Boxed<'_>) -> Vec<(Point, Point, Point, Point, bool)> {
    let t = band.transform;
    let mut out = Vec::new();
    for item in &band.group.items {
        let Item::Shape(shape) = item else { continue };
        let Geometry::Path(segments) = &shape.geometry else { continue };
        let dashed = shape.stroke.is_some_and(|s| s.dash.is_some());
        let mut from = Point::new(0.0, 0.0);
        for s in segments {
            match *s {
                Segment::Move(p) => from = p,
                Segment::Cubic(a, b, c) => {
                    out.push((t.apply(from), t.apply(a), t.apply(b), t.apply(c), dashed));
                    from = c;
                }
                _ => {}
            }
        }
    }
    out.sort_by(|p, q| p.0.x.total_cmp(&q.0.x));
    out
}

/// Everything wrong with a poster's curve.
fn curve_violations(journey: &Journey, doc: &Document) -> Vec<String> {
    let mut v = Vec::new();
    let boxes = doc.boxes();
    let Some(band) = doc.find("curve-band") else { return v };
    let spine = with_class(&boxes, "stage");
    let column = |stage: usize| spine.iter().find(|s| s.tag.get("stage-number") == Some(&stage.to_string()));
    let in_column = |stage: usize, x: f64| column(stage).is_some_and(|c| x >= c.bounds.x && x <= c.bounds.right());

    let dots = with_class(&boxes, "dot");
    let scored = journey.touchpoints().filter(|(_, t)| t.score.is_some()).count();
    if dots.len() != scored {
        v.push(format!("{} dots for {scored} scored touchpoints", dots.len()));
    }
    for d in &dots {
        let stage = card_stage(d).unwrap_or(0);
        if !band.bounds.contains(&d.bounds) || !in_column(stage, d.bounds.center().x) {
            v.push(format!("dot {:?} outside the band or stage {stage}'s column", d.tag.get("card")));
        }
    }
    let moments = journey.touchpoints().filter(|(_, t)| t.score.is_some() && t.moment_of_truth).count();
    if dots.iter().filter(|d| d.tag.has_class("moment-of-truth")).count() != moments {
        v.push("the moments of truth are not all marked".into());
    }

    let health = health::stage_health(journey);
    let points = with_class(&boxes, "point");
    let expected: Vec<usize> = health.iter().filter(|h| h.mean_score.is_some()).map(|h| h.stage + 1).collect();
    let found: Vec<usize> = points
        .iter()
        .filter_map(|p| p.tag.get("stage-number").or(p.tag.id.as_deref()?.strip_prefix("curve-"))?.parse().ok())
        .collect();
    if found != expected {
        v.push(format!("stage points {found:?}, scored stages {expected:?}"));
    }
    for (p, &stage) in points.iter().zip(&found) {
        let mean = health[stage - 1].mean_score.unwrap_or(0.0);
        if p.tag.get("mean") != Some(format!("{mean:.2}").as_str()) || p.tag.get("stage").is_none() {
            v.push(format!("stage {stage}: data-mean {:?}, mean {mean:.2}", p.tag.get("mean")));
        }
        if !in_column(stage, p.bounds.center().x) || !band.bounds.contains(&p.bounds) {
            v.push(format!("stage {stage}'s point is not in its column inside the band"));
        }
        for q in &points {
            let (a, b) = (p.tag.get("mean").unwrap_or("0"), q.tag.get("mean").unwrap_or("0"));
            if a.parse::<f64>().unwrap_or(0.0) > b.parse::<f64>().unwrap_or(0.0)
                && p.bounds.center().y >= q.bounds.center().y
            {
                v.push(format!("a mean of {a} sits no higher than {b}"));
            }
        }
    }

    // The line: each piece joins two neighbouring stage points, never
    // leaves the range of its ends, and is dashed exactly when a stage
    // without scores lies between them.
    let centres: Vec<Point> = points.iter().map(|p| p.bounds.center()).collect();
    let line = pieces(&band);
    if line.len() != centres.len().saturating_sub(1) {
        v.push(format!("{} pieces of line for {} stage points", line.len(), centres.len()));
    }
    for (k, (from, a, b, to, dashed)) in line.iter().enumerate() {
        let (Some(p), Some(q)) = (centres.get(k), centres.get(k + 1)) else { break };
        let near = |u: &Point, w: &Point| (u.x - w.x).abs() < 0.01 && (u.y - w.y).abs() < 0.01;
        if !near(from, p) || !near(to, q) {
            v.push(format!("piece {k} does not join stage points {k} and {}", k + 1));
        }
        let (lo, hi) = (p.y.min(q.y) - 1e-6, p.y.max(q.y) + 1e-6);
        if [a, b].iter().any(|c| c.y < lo || c.y > hi) {
            v.push(format!("piece {k} overshoots its neighbours"));
        }
        let gap = found[k + 1] > found[k] + 1;
        if *dashed != gap {
            v.push(format!("piece {k} dashed: {dashed}, a stage without scores between: {gap}"));
        }
    }

    // The low point is named where the weakest stage is another.
    let weakest = health::extremes(&health).weakest.map(|p| p.stage);
    let lowest = health.iter().filter_map(|h| h.mean_score).fold(f64::INFINITY, f64::min);
    let weakest_is_low = weakest.is_some_and(|w| health[w].mean_score.is_some_and(|m| m <= lowest));
    let low = doc.find("curve-low");
    let labelled = low.is_some();
    if labelled != (weakest.is_some() && !weakest_is_low && !points.is_empty()) {
        v.push(format!("low point labelled: {labelled}; weakest {weakest:?} at the low point: {weakest_is_low}"));
    }
    // The label gives the low stage's mean, one decimal, so the reader
    // sees how it differs from the weakest stage's in the headline.
    if let Some(label) = low {
        let text: String = label.text().split_whitespace().collect();
        let shown = [".", ","].map(|point| format!("{lowest:.1}").replace('.', point));
        if !shown.iter().any(|m| text.contains(&format!("({m})"))) {
            v.push(format!("low point label {:?} lacks the mean {lowest:.1}", label.text()));
        }
    }
    v
}

fn posters() -> Vec<(String, Journey, Document)> {
    let mut out = Vec::new();
    for (name, text) in common::valid_maps() {
        let journey = common::journey(&name, &text);
        for (size, orientation) in SIZES {
            if let Some(doc) = lay(&journey, size, orientation) {
                out.push((format!("{name} {size:?}"), journey.clone(), doc));
            }
        }
    }
    assert!(out.len() > 20, "every map lays out at most sizes");
    out
}

#[test]
fn the_curve_runs_through_the_stage_means_without_overshoot() {
    let mut failures = Vec::new();
    for (name, journey, doc) in posters() {
        failures.extend(curve_violations(&journey, &doc).into_iter().map(|v| format!("{name}: {v}")));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn airline() -> (Journey, Document) {
    let text = std::fs::read_to_string("samples/airline.toml").expect("sample");
    let journey = common::journey("airline", &text);
    let doc = lay(&journey, Size::Auto, None).expect("layout");
    (journey, doc)
}

#[test]
fn the_check_catches_a_dot_moved_out_of_its_column() {
    let (journey, mut doc) = airline();
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
fn the_check_catches_an_overshooting_line() {
    let (journey, mut doc) = airline();
    let band = common::group_mut(&mut doc.pages[0].frame.items, "curve-band").expect("a band");
    let mut bent = false;
    for item in &mut band.items {
        if let Item::Shape(shape) = item
            && let Geometry::Path(segments) = &mut shape.geometry
            && let Some(Segment::Cubic(a, _, _)) = segments.get_mut(1)
        {
            a.y -= 200.0;
            bent = true;
        }
    }
    assert!(bent, "the airline's curve has a solid piece");
    assert!(curve_violations(&journey, &doc).iter().any(|v| v.contains("overshoots")));
}

#[test]
fn a_stage_without_scores_is_bridged_with_a_dashed_piece() {
    let text = std::fs::read_to_string("samples/airline.toml").expect("sample");
    // Take every score of the third stage away.
    let third = text.match_indices("[[stage]]").nth(2).map(|(i, _)| i).expect("stages");
    let fourth = text.match_indices("[[stage]]").nth(3).map(|(i, _)| i).expect("stages");
    let middle: String =
        text[third..fourth].lines().filter(|l| !l.trim_start().starts_with("score")).collect::<Vec<_>>().join("\n");
    let gap = format!("{}{middle}\n{}", &text[..third], &text[fourth..]);
    let journey = common::journey("gap", &gap);
    let doc = lay(&journey, Size::Auto, None).expect("layout");
    assert!(curve_violations(&journey, &doc).is_empty(), "{:?}", curve_violations(&journey, &doc));
    let band = doc.find("curve-band").expect("a band");
    let dashed: Vec<_> = pieces(&band).into_iter().filter(|p| p.4).collect();
    assert_eq!(dashed.len(), 1, "one dashed piece, from stage 2 to stage 4");
    assert!(doc.find("curve-3").is_none(), "no made-up point for stage 3");
}
