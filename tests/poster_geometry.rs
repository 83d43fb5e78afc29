//! The layout guarantees (SPEC §4) on every sample and valid test map, at
//! auto size and on fixed pages: text inside its box, no overlaps, all on
//! the canvas, nothing lost.

mod common;

use journeymap::layout::{self, LayoutError, Options};
use journeymap::model::{Orientation, Paper, Size};
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
    let mut rendered = 0;
    for (name, text) in common::valid_maps() {
        let journey = common::journey(&name, &text);
        for size in sizes {
            for orientation in [None, Some(Orientation::Portrait)] {
                let options = Options { size, orientation };
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
                            if (poster.page.width - expected.0).abs() > 1e-6
                                || (poster.page.height - expected.1).abs() > 1e-6
                            {
                                failures.push(format!("{name} {size:?}: page {:?} is not {expected:?}", poster.page));
                            }
                        }
                    }
                    Err(LayoutError::TooSmall { .. }) if size.is_some_and(|s| s != Size::Auto) => {}
                    Err(e) => failures.push(format!("{name} {size:?}: {e}")),
                }
            }
        }
    }
    assert!(rendered >= 40, "only {rendered} layouts succeeded");
    assert!(failures.is_empty(), "{} violations:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn a_page_too_small_fails_and_names_a_size_that_fits() {
    let text = std::fs::read_to_string("samples/airline.toml").expect("sample");
    let journey = common::journey("airline", &text);
    let options = Options { size: Some(Size::Paper(Paper::A6)), orientation: None };
    let err = layout::layout(&journey, &Theme::classic(), &Fonts::embedded(), &options).expect_err("A6 is too small");
    let message = err.to_string();
    assert!(message.contains("below the 6 pt minimum"), "{message}");
    let suggested = message.split("--size ").nth(1).and_then(|s| s.split_whitespace().next()).unwrap_or("");
    let paper: Size = suggested.parse().unwrap_or(Size::Auto);
    // The size it names must really fit.
    let fits = layout::layout(
        &journey,
        &Theme::classic(),
        &Fonts::embedded(),
        &Options { size: Some(paper), orientation: None },
    );
    assert!(fits.is_ok(), "{message} — but {suggested} fails too");
}

#[test]
fn rows_share_one_height_across_stages() {
    let text = std::fs::read_to_string("samples/airline.toml").expect("sample");
    let journey = common::journey("airline", &text);
    let poster = layout::layout(&journey, &Theme::classic(), &Fonts::embedded(), &Options::default()).expect("layout");
    for row in ["doing", "motivation", "concerns", "alleviation", "effort", "thinking"] {
        let cells: Vec<_> = poster
            .blocks()
            .filter(|b| matches!(&b.kind, journeymap::layout::BlockKind::Cell { row: r, .. } if r == row))
            .collect();
        assert_eq!(cells.len(), journey.stages.len(), "{row}");
        assert!(cells.windows(2).all(|w| w[0].rect.y == w[1].rect.y && w[0].rect.height == w[1].rect.height), "{row}");
    }
}

#[test]
fn characters_no_font_can_draw_are_named_with_their_field() {
    let map = "title = \"東京 Tokyo journey\"\nsubtitle = \"Plain Latin\"\n\n[[stage]]\nname = \"Awareness\"\n  [[stage.touchpoint]]\n  name = \"駅の広告 Station ad\"\n  marks = [\"essential\"]\n  channel = \"Web\"\n  owner = \"広報\"\n\n[[stage]]\nname = \"Booking\"\ndoing = \"Books on 楽天\"\n";
    let journey = common::journey("cjk.toml", map);
    let poster = layout::layout(&journey, &Theme::classic(), &Fonts::embedded(), &Options::default()).expect("layout");
    let source = journeymap::parse::Source::new("cjk.toml", map);
    let found: Vec<(String, usize, String)> = poster
        .warnings
        .iter()
        .filter(|w| w.code == journeymap::parse::Code::MissingGlyph)
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
    let poster =
        layout::layout(&common::journey("airline", &latin), &Theme::classic(), &Fonts::embedded(), &Options::default())
            .expect("layout");
    assert!(poster.warnings.is_empty(), "{:#?}", poster.warnings);
}

#[test]
fn stage_names_shrink_together_rather_than_break_a_word() {
    let starter = journeymap::starter::starter_map(journeymap::starter::DEFAULT_STAGES, None);
    let journey = common::journey("starter", &starter);
    let options = Options { size: Some(Size::Paper(Paper::A3)), orientation: None };
    let poster = layout::layout(&journey, &Theme::classic(), &Fonts::embedded(), &options).expect("A3 fits");
    let headers: Vec<_> = poster.blocks().filter(|b| b.id.starts_with("stage-")).collect();
    assert_eq!(headers.len(), 6);
    for h in &headers {
        let names: Vec<String> = h.lines().skip(1).map(|l| l.text()).collect();
        assert_eq!(names.len(), 1, "{}: {names:?} should be one line", h.id);
        assert!(!names[0].contains(journeymap::text::BREAK_HYPHEN), "{names:?}");
    }
    let sizes: Vec<f64> = headers.iter().filter_map(|h| h.lines().nth(1).map(|l| l.size)).collect();
    assert!(sizes.windows(2).all(|w| w[0] == w[1]), "one size for every stage name: {sizes:?}");
}

#[test]
fn auto_size_never_prints_text_under_six_points() {
    let text = std::fs::read_to_string("samples/airline.toml").expect("sample");
    let journey = common::journey("airline", &text);
    let mut theme = Theme::classic();
    theme.type_scale.caption = 6.0; // 4.5 pt at the natural size
    let auto = Options { size: Some(Size::Auto), orientation: None };
    let poster = layout::layout(&journey, &theme, &Fonts::embedded(), &auto).expect("auto fits");
    assert!(common::smallest_text(&poster) >= layout::MIN_TEXT_PX - 1e-9, "{}", common::smallest_text(&poster));
    assert!((poster.page.width - poster.view.width * poster.scale).abs() < 1e-6);
    assert!(common::violations(&poster).is_empty());
}
