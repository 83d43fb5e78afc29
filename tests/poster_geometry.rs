//! The layout guarantees (SPEC §4) on every sample and valid test map, at
//! auto size and on fixed pages: text inside its box, no overlaps, all on
//! the canvas, nothing lost.

mod common;

use journeymap::layout::{self, Item, LayoutError, Options, Transform};
use journeymap::model::{Orientation, Paper, Size};
use journeymap::render::Renderer;
use journeymap::text::Fonts;
use journeymap::theme::Theme;

#[test]
fn every_map_keeps_the_guarantees_at_every_size() {
    let fonts = Fonts::embedded();
    let theme = Theme::classic();
    let sizes = [
        None,
        Some(Size::Auto),
        Some(Size::Paper(Paper::A0)),
        Some(Size::Paper(Paper::A2)),
        Some(Size::Paper(Paper::A4)),
        Some(Size::Paper(Paper::Slide)),
        Some(Size::Paper(Paper::Letter)),
    ];
    let mut failures = Vec::new();
    let (mut rendered, mut refused) = (0, 0);
    for (name, text) in common::valid_maps() {
        let journey = common::journey(&name, &text);
        for size in sizes {
            for orientation in [None, Some(Orientation::Portrait)] {
                let options = Options { size, orientation, ..Default::default() };
                match layout::layout(&journey, &theme, &fonts, &options) {
                    Ok(poster) => {
                        rendered += 1;
                        for v in common::violations(&poster)
                            .into_iter()
                            .chain(common::missing_text(&poster, &journey))
                            .chain(common::missing_marks(&poster, &journey))
                        {
                            failures.push(format!("{name} {size:?} {orientation:?}: {v}"));
                        }
                        if common::smallest_text(&poster) < layout::MIN_TEXT_PX - 1e-9 {
                            failures.push(format!("{name} {size:?}: text below the print floor"));
                        }
                        if let Some(Size::Paper(p)) = size {
                            let expected = Size::Paper(p).page_px(orientation).unwrap_or_default();
                            let page = poster.page().size;
                            if (page.width - expected.0).abs() > 1e-6 || (page.height - expected.1).abs() > 1e-6 {
                                failures.push(format!("{name} {size:?}: page {page:?} is not {expected:?}"));
                            }
                        }
                    }
                    // A refusal is right only on a small fixed page, and
                    // only when it names a larger page that really fits.
                    Err(e) => match size {
                        Some(asked @ Size::Paper(p)) if p != Paper::A0 => {
                            refused += 1;
                            if let Some(v) = common::check_refusal(&journey, asked, orientation, &e) {
                                failures.push(format!("{name} {size:?} {orientation:?}: {v}"));
                            }
                        }
                        _ => failures.push(format!("{name} {size:?} {orientation:?}: {e}")),
                    },
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} violations:\n{}", failures.len(), failures.join("\n"));
    assert!(rendered > 0 && rendered + refused == common::valid_maps().len() * sizes.len() * 2);
}

#[test]
fn a_page_too_small_fails_and_names_a_size_that_fits() {
    let text = std::fs::read_to_string("samples/airline.toml").expect("sample");
    let journey = common::journey("airline", &text);
    let options = Options { size: Some(Size::Paper(Paper::A6)), orientation: None, ..Default::default() };
    let err = layout::layout(&journey, &Theme::classic(), &Fonts::embedded(), &options).expect_err("A6 is too small");
    assert!(err.to_string().contains("below the 6 pt for its smallest text"), "{err}");
    assert_eq!(common::check_refusal(&journey, Size::Paper(Paper::A6), None, &err), None);
    // The check itself can fail: a refusal naming a page that does not fit.
    let wrong = LayoutError::TooSmall {
        size: "A6".into(),
        detail: String::new(),
        floor: String::new(),
        suggestion: "try --size A6".into(),
    };
    assert!(common::check_refusal(&journey, Size::Paper(Paper::A6), None, &wrong).is_some());
    let none = LayoutError::TooSmall {
        size: "A6".into(),
        detail: String::new(),
        floor: String::new(),
        suggestion: "try --size auto".into(),
    };
    assert!(
        common::check_refusal(&journey, Size::Paper(Paper::A6), None, &none).is_some(),
        "A0 fits, so auto is no answer"
    );
}

#[test]
fn the_checker_catches_broken_posters() {
    let text = std::fs::read_to_string("samples/airline.toml").expect("sample");
    let journey = common::journey("airline", &text);
    let good = layout::layout(&journey, &Theme::classic(), &Fonts::embedded(), &Options::default()).expect("layout");
    assert!(common::violations(&good).is_empty());
    assert!(common::missing_text(&good, &journey).is_empty());
    assert!(common::missing_marks(&good, &journey).is_empty());

    let broken = |edit: &dyn Fn(&mut journeymap::layout::Group)| {
        let mut doc = good.clone();
        let page = &mut doc.pages[0];
        let group = common::group_mut(&mut page.frame.items, "card-1-1").expect("card-1-1");
        edit(group);
        doc
    };
    // Overlap: the first card moved onto the second.
    let overlap = broken(&|g| g.transform = Transform::translate(0.0, 40.0));
    assert!(common::violations(&overlap).iter().any(|v| v.contains("overlaps")), "{:?}", common::violations(&overlap));
    // Overflow: a line of text far wider than its card.
    let overflow = broken(&|g| {
        if let Some(Item::Text(t)) = g.items.iter_mut().find(|i| matches!(i, Item::Text(_))) {
            t.width *= 10.0;
        }
    });
    assert!(common::violations(&overflow).iter().any(|v| v.contains("is not inside #card-1-1")));
    // Off the canvas: the card pushed far to the left.
    let off = broken(&|g| g.transform = Transform::translate(-10_000.0, 0.0));
    assert!(common::violations(&off).iter().any(|v| v.contains("#card-1-1")));
    // Lost text: the card's name removed.
    let lost = broken(&|g| g.items.retain(|i| !matches!(i, Item::Text(_))));
    assert!(!common::missing_text(&lost, &journey).is_empty());
    // A lost mark: the card's badges removed.
    let unmarked = broken(&|g| g.items.retain(|i| !matches!(i, Item::Group(_))));
    assert!(!common::missing_marks(&unmarked, &journey).is_empty());
    // A duplicate id.
    let twice = broken(&|g| {
        if let Some(tag) = &mut g.tag {
            tag.id = Some("card-1-2".into());
        }
    });
    assert!(common::violations(&twice).iter().any(|v| v.contains("used twice")));
}

#[test]
fn rows_share_one_height_across_stages() {
    let text = std::fs::read_to_string("samples/airline.toml").expect("sample");
    let journey = common::journey("airline", &text);
    let poster = layout::layout(&journey, &Theme::classic(), &Fonts::embedded(), &Options::default()).expect("layout");
    for row in ["doing", "motivation", "concerns", "alleviation", "effort", "thinking"] {
        let boxes = poster.boxes();
        let cells: Vec<_> = boxes.iter().filter(|b| b.tag.has_class("cell") && b.tag.get("row") == Some(row)).collect();
        assert_eq!(cells.len(), journey.stages.len(), "{row}");
        assert!(
            cells.windows(2).all(|w| w[0].bounds.y == w[1].bounds.y && w[0].bounds.height == w[1].bounds.height),
            "{row}"
        );
    }
}

#[test]
fn panels_stack_in_the_order_the_map_lists_them() {
    let text = std::fs::read_to_string("samples/airline.toml").expect("sample");
    let order = |panels: &str| {
        assert!(
            text.contains("[poster]") && !text.contains("panels"),
            "the sample has a [poster] table without panels"
        );
        let map = text.replacen("[poster]", &format!("[poster]\npanels = {panels}"), 1);
        let journey = common::journey("airline", &map);
        let poster =
            layout::layout(&journey, &Theme::classic(), &Fonts::embedded(), &Options::default()).expect("layout");
        assert!(common::violations(&poster).is_empty());
        let regions: Vec<(String, f64)> = poster
            .boxes()
            .iter()
            .filter(|b| b.tag.has_class("region"))
            .map(|b| (b.tag.id.clone().unwrap_or_default(), b.bounds.y))
            .collect();
        assert!(regions.windows(2).all(|w| w[0].1 < w[1].1), "painted top to bottom: {regions:?}");
        regions.into_iter().map(|(id, _)| id).collect::<Vec<_>>()
    };
    let forward = order(r#"["questions", "touchpoints", "legend"]"#);
    let backward = order(r#"["legend", "touchpoints", "questions"]"#);
    assert_eq!(forward, ["title-block", "spine", "questions", "touchpoints", "legend", "footer"]);
    assert_eq!(backward, ["title-block", "spine", "legend", "touchpoints", "questions", "footer"]);
}

#[test]
fn characters_no_font_can_draw_are_named_with_their_field() {
    let map = "title = \"東京 Tokyo journey\"\nsubtitle = \"Plain Latin\"\n\n[[stage]]\nname = \"Awareness\"\n  [[stage.touchpoint]]\n  name = \"駅の広告 Station ad\"\n  marks = [\"essential\"]\n  channel = \"Web\"\n  owner = \"広報\"\n\n[[stage]]\nname = \"Booking\"\ndoing = \"Books on 楽天\"\n";
    let journey = common::journey("cjk.toml", map);
    let warnings = Renderer::new(Fonts::embedded()).coverage(&journey);
    let source = journeymap::diag::Source::new("cjk.toml", map);
    let found: Vec<(String, usize, String)> = warnings
        .iter()
        .filter(|w| w.code == journeymap::diag::Code::MissingGlyph)
        .map(|w| (w.key.clone(), source.locate(w.span.start).line, w.message.clone()))
        .collect();
    let at: Vec<(&str, usize)> = found.iter().map(|(k, line, _)| (k.as_str(), *line)).collect();
    // One warning per field, at the line of that field's value.
    for want in [("title", 1), ("name", 7), ("owner", 10), ("doing", 14)] {
        assert!(at.contains(&want), "no warning for {want:?} in {found:#?}");
    }
    assert_eq!(found.len(), 4, "{found:#?}");
    let title = &found.iter().find(|f| f.0 == "title").expect("title warning").2;
    assert!(title.contains("U+6771") && title.contains("U+4EAC"), "{title}");

    let latin = std::fs::read_to_string("samples/airline.toml").expect("sample");
    let warnings = Renderer::new(Fonts::embedded()).coverage(&common::journey("airline", &latin));
    assert!(warnings.is_empty(), "{warnings:#?}");
}

#[test]
fn stage_names_share_one_size_and_break_only_where_their_language_allows() {
    let starter = journeymap::starter::starter_map(journeymap::starter::DEFAULT_STAGES, None);
    for (map, lang) in
        [(starter.clone(), journeymap::labels::Lang::En), (german_stages(&starter), journeymap::labels::Lang::De)]
    {
        let journey = common::journey("starter", &map);
        let options = Options { size: Some(Size::Paper(Paper::A3)), orientation: None, ..Default::default() };
        let poster = layout::layout(&journey, &Theme::classic(), &Fonts::embedded(), &options).expect("A3 fits");
        let boxes = poster.boxes();
        let headers: Vec<_> = boxes.iter().filter(|b| b.tag.has_class("stage")).collect();
        assert_eq!(headers.len(), 6);
        let mut sizes = Vec::new();
        for (h, stage) in headers.iter().zip(&journey.stages) {
            let lines: Vec<String> = h.group.lines().iter().skip(1).map(|l| l.text()).collect();
            sizes.extend(h.group.lines().get(1).map(|l| l.size));
            // Every break in a name is one its language's patterns allow.
            let mut at = 0;
            for line in &lines[..lines.len() - 1] {
                let Some(piece) = line.strip_suffix(journeymap::text::BREAK_HYPHEN) else { continue };
                at += piece.len();
                let word = stage.name.split_whitespace().find(|w| w.contains(piece)).unwrap_or_default();
                let offset = word.find(piece).unwrap_or(0) + piece.len();
                assert!(
                    journeymap::text::hyphenate::breaks(word, lang).contains(&offset),
                    "{lang:?}: {lines:?} breaks {word} where its patterns do not"
                );
            }
            let _ = at;
        }
        assert!(sizes.windows(2).all(|w| w[0] == w[1]), "one size for every stage name: {sizes:?}");
        // At least a notch below the theme's size at most.
        assert!(sizes[0] >= Theme::classic().type_scale.stage * 0.8 - 1e-9, "{lang:?}: {sizes:?}");
        assert_eq!(poster.forced_breaks, 0, "{lang:?}");
    }
}

/// The starter map with long German stage names.
fn german_stages(starter: &str) -> String {
    let names = [
        ("Awareness", "Aufmerksamkeitsgewinnung"),
        ("Consideration", "Entscheidungsfindung"),
        ("Purchase", "Vertragsabschluss"),
        ("Use", "Inbetriebnahme"),
        ("Support", "Kundenbetreuung"),
        ("Return", "Wiedergewinnung"),
    ];
    let mut map = format!("lang = \"de\"\n{starter}");
    for (en, de) in names {
        map = map.replacen(&format!("name = \"{en}\""), &format!("name = \"{de}\""), 1);
    }
    map
}

#[test]
fn auto_size_never_prints_text_under_six_points() {
    let text = std::fs::read_to_string("samples/airline.toml").expect("sample");
    let journey = common::journey("airline", &text);
    let mut theme = Theme::classic();
    theme.type_scale.caption = 6.0; // 4.5 pt at the natural size
    let auto = Options { size: Some(Size::Auto), orientation: None, ..Default::default() };
    let poster = layout::layout(&journey, &theme, &Fonts::embedded(), &auto).expect("auto fits");
    assert!(common::smallest_text(&poster) >= layout::MIN_TEXT_PX - 1e-9, "{}", common::smallest_text(&poster));
    let page = poster.page();
    assert!((page.size.width - page.frame.size.width * page.transform.scale).abs() < 1e-6);
    assert!(common::violations(&poster).is_empty());
}
