//! PDF output (SPEC §5), read back with poppler's `pdfinfo` and
//! `pdftotext` (Debian's poppler-utils, which `.ci/run` installs; without
//! it these tests say so and skip, see `common/tools.rs`): the poster
//! a vector page of exactly its size (then the list of every action when
//! its panel shows only the first), the map's metadata, subset
//! fonts with Unicode maps so every card name comes out as text, and the
//! same bytes on every run.

mod common;

use common::tools::{self, PDFFONTS, PDFINFO, PDFTOHTML, PDFTOTEXT};
use journeymap::layout::{self, Options};
use journeymap::model::{Orientation, Paper, Size};
use journeymap::render::{OutputFormat, Renderer};
use journeymap::text::Fonts;
use journeymap::theme::Theme;

fn field<'a>(info: &'a str, name: &str) -> &'a str {
    info.lines().find_map(|l| l.strip_prefix(&format!("{name}:"))).map_or("", str::trim)
}

fn pdf_of(path: &str, size: Option<Size>, orientation: Option<Orientation>) -> (journeymap::model::Journey, Vec<u8>) {
    let journey = common::journey(path, &std::fs::read_to_string(path).expect("map"));
    let theme = Theme::classic();
    let renderer = Renderer::new(Fonts::embedded()).with_page(Options { size, orientation, ..Default::default() });
    let doc = renderer.layout(&journey, &theme).expect("layout");
    let pdf = renderer.export(&doc, &theme, &OutputFormat::Pdf).expect("pdf");
    (journey, pdf)
}

#[test]
fn the_poster_is_page_one_of_exactly_its_size_with_the_maps_metadata() {
    if !tools::have(&[&PDFINFO, &PDFTOHTML, &PDFFONTS]) {
        return;
    }
    let (_, pdf) = pdf_of("samples/airline.toml", Some(Size::Paper(Paper::A2)), None);
    assert!(pdf.starts_with(b"%PDF-"));
    let info = tools::poppler("pdfinfo", &pdf, &[]);
    // The poster, then its 22 actions on a page of their own.
    assert_eq!(field(&info, "Pages"), "2");
    // A2 landscape: 594 × 420 mm = 1683.78 × 1190.55 pt.
    assert!(field(&info, "Page size").starts_with("1683.78 x 1190.55 pts"), "{info}");
    assert_eq!(field(&info, "Title"), "Flying Nordic Air");
    assert_eq!(field(&info, "Subject"), "Business trips between Copenhagen and Stockholm");
    assert!(field(&info, "Author").starts_with("Nordic Air, Customer experience"), "{info}");
    assert!(field(&info, "Keywords").contains("Awareness") && field(&info, "Keywords").contains("Return"), "{info}");
    assert!(field(&info, "Creator").starts_with("journeymap "), "{info}");
    // Tagged with the poster's structure: the title a heading, each stage
    // a heading below it, the cards, priorities and legend lists, the
    // curve and health strip figures; a bookmark a page. The
    // list page's heading is a second H1, its actions a fourth list.
    assert_eq!(field(&info, "Tagged"), "yes", "{info}");
    let structure = tools::poppler("pdfinfo", &pdf, &["-struct"]);
    let count = |tag: &str| structure.lines().filter(|l| l.split_whitespace().next() == Some(tag)).count();
    assert_eq!((count("H1"), count("H2")), (2, 7), "{structure}");
    assert_eq!((count("L"), count("Figure")), (4, 2), "{structure}");
    assert!(count("LI") >= 22 + 8 + 22, "every card, shown priority and listed action is a list item: {structure}");
    let outer = structure.lines().skip_while(|l| !l.contains("Part")).find(|l| l.trim_start().starts_with("H"));
    assert_eq!(outer.map(str::trim), Some("H1 (block)"), "the title comes first: {structure}");
    let xml = tools::poppler("pdftohtml", &pdf, &["-xml", "-stdout", "-i", "-q"]);
    assert!(xml.contains("<item page=\"1\">Flying Nordic Air</item>"), "{xml}");
    assert!(field(&info, "CreationDate").contains("2026"), "{info}");
    let fonts = tools::poppler("pdffonts", &pdf, &[]);
    let inter: Vec<&str> = fonts.lines().filter(|l| l.contains("Inter")).collect();
    assert_eq!(inter.len(), 3, "{fonts}");
    // Embedded, subset, with a Unicode map.
    assert!(inter.iter().all(|l| l.split_whitespace().rev().skip(2).take(3).all(|c| c == "yes")), "{fonts}");
}

#[test]
fn every_card_name_comes_out_as_text_where_its_card_is() {
    if !tools::have(&[&PDFTOTEXT]) {
        return;
    }
    let squash = |t: &str| t.split_whitespace().collect::<String>().replace([journeymap::text::BREAK_HYPHEN, '-'], "");
    for (path, size, orientation) in [
        ("samples/airline.toml", None, None),
        ("samples/saas-onboarding.toml", Some(Size::Paper(Paper::A3)), Some(Orientation::Portrait)),
        ("tests/maps/valid/german-energy.toml", None, None),
    ] {
        let journey = common::journey(path, &std::fs::read_to_string(path).expect("map"));
        let renderer = Renderer::new(Fonts::embedded()).with_page(Options { size, orientation, ..Default::default() });
        let doc = renderer.layout(&journey, &Theme::classic()).expect("layout");
        let pdf = renderer.export(&doc, &Theme::classic(), &OutputFormat::Pdf).expect("pdf");
        let whole = squash(&tools::poppler("pdftotext", &pdf, &[]));
        assert!(whole.contains(&squash(&journey.title)), "{path}");
        // Page px to pt: the page's scale, then 72/96.
        let k = doc.page().transform.scale * 0.75;
        for anchor in &doc.anchors {
            let journeymap::layout::AnchorKind::Card { stage, index } = anchor.kind;
            let name = &journey.stages[stage].touchpoints[index].name;
            let r = anchor.rect;
            let crop = [r.x * k, r.y * k, r.width * k, r.height * k].map(|v| format!("{}", v.round() as i64));
            let text = tools::poppler(
                "pdftotext",
                &pdf,
                &["-r", "72", "-x", &crop[0], "-y", &crop[1], "-W", &crop[2], "-H", &crop[3]],
            );
            assert!(squash(&text).contains(&squash(name)), "{path}: {name:?} is not the text of its card: {text:?}");
        }
        assert_eq!(doc.anchors.len(), journey.touchpoints().count(), "{path}");
    }
}

#[test]
fn the_language_is_set_and_the_bytes_repeat() {
    let (_, pdf) = pdf_of("tests/maps/valid/german-energy.toml", None, None);
    assert!(pdf.windows(9).any(|w| w == b"/Lang(de)"), "the catalog names the language");
    let (_, again) = pdf_of("tests/maps/valid/german-energy.toml", None, None);
    assert!(pdf == again, "the same map gives the same PDF bytes");
    // A fresh layout in another Fonts instance changes nothing either.
    let journey = common::journey("g", &std::fs::read_to_string("tests/maps/valid/german-energy.toml").expect("map"));
    let doc = layout::layout(&journey, &Theme::classic(), &Fonts::embedded(), &Options::default()).expect("layout");
    let third = Renderer::new(Fonts::embedded()).export(&doc, &Theme::classic(), &OutputFormat::Pdf).expect("pdf");
    assert!(pdf == third);
}
