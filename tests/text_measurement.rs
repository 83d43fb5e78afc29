//! Text is measured with the same fonts and shaping the renderer uses
//! (SPEC §4): for hundreds of varied strings, the width our shaper gives
//! equals the width of usvg's bounding box for the SVG our painter writes,
//! within 0.5 px.

use journeymap::layout::{Document, Frame, Item, Page, Size2, TextLine, Transform};
use journeymap::output;
use journeymap::paint::{self, SvgOptions};
use journeymap::text::{Fonts, Shaper, Style};
use journeymap::theme::Role;
use journeymap::theme::Theme;

const SAMPLES: &[&str] = &[
    "Awareness",
    "Colleague recommendation",
    "Moments of truth never let the company down.",
    "Café crème, naïve façade, Ångström, Øresund, Smørrebrød",
    "Straße, Größe, Fußgängerübergänge, Äpfel und Öl",
    "Donaudampfschifffahrtsgesellschaftskapitänswitwe",
    "Rechtsschutzversicherungsgesellschaften",
    "Kraftfahrzeughaftpflichtversicherung",
    "Γνωριμία με την υπηρεσία",
    "Ελληνικά: Ξανά πελάτης, Εξατομικευμένη προσφορά",
    "Λοπαδοτεμαχοσελαχογαλεοκρανιολειψανοδριμυποτριμματοσιλφιο",
    "Знакомство с сервисом",
    "Превысокомногорассмотрительствующий",
    "Электронная почта · Отдел по работе с клиентами",
    "0123456789",
    "1,234.56 € — 78 % of 2,310 (n = 14)",
    "Q3 2026: +12.5 pp, −3 ‰, ±0.1",
    "“Quotes” ‘single’ «guillemets» „low“",
    "Punctuation: ; ! ? … · • – — / \\ | @ # & * ( ) [ ] { }",
    "office affluent ffi ffl fl fi",
    "AVAVAV To Ty Yo Wa LT",
    "https://example.com/a/very/long/path?query=string&utm_source=poster",
    "e-mail: support@nordic-air.example",
    "Door-to-door time comparison on the fare page",
    "Will a delay on the way home be compensated?",
    "Board by row from the back and enforce one bag in the cabin",
    "Zürich, Malmö, København, Kraków, Łódź, Brno, Škoda",
    "Ærø, Ísland, Þórshöfn, Eðvarð",
    "ĀĒĪŌŪ āēīōū ǅ ǈ ǋ",
    "Việt Nam: Tiếng Việt có dấu",
    "İstanbul, Şişli, Ğ ğ ı",
    "Română: ș ț Ș Ț",
    "With Traveller, Colleague, Gate agent, Cabin crew",
    "STAGE 12",
    "— not answered",
    "3 of 5",
    "Made with journeymap",
    "Sources: 14 customer interviews, October 2026; NPS Q3 2026",
    "a",
    "Wi-Fi",
    "Ιστοσελίδα · Τμήμα εξυπηρέτησης πελατών",
    "Kundenbindungsabteilungsleitung",
    "DRAFT",
    "Not yet validated by the team",
];

fn line(shaper: &Shaper<'_>, text: &str, style: Style, size: f64, x: f64, baseline: f64) -> TextLine {
    let shaped = shaper.shape(text, style, size, &mut Vec::new());
    let (ascent, descent) = shaper.extents(style, size);
    TextLine { x, baseline, size, style, role: Role::Ink, width: shaped.width, runs: shaped.runs, ascent, descent }
}

/// A document holding exactly one text line.
fn poster_with(line: TextLine) -> Document {
    let size = Size2 { width: 4000.0, height: 200.0 };
    let frame = Frame { size, items: vec![Item::Text(line)] };
    Document {
        pages: vec![Page { size, transform: Transform::IDENTITY, frame, name: String::new(), print: None }],
        title: "t".into(),
        description: "d".into(),
        anchors: vec![],
        left_out: vec![],
        priorities_cap: None,
        arrangement: Default::default(),
        forced_breaks: 0,
        meta: Default::default(),
        notes: Vec::new(),
        sheets: Vec::new(),
        labels: Default::default(),
    }
}

fn text_bbox(node: &usvg::Node) -> Option<usvg::Rect> {
    match node {
        usvg::Node::Text(t) => Some(t.bounding_box()),
        usvg::Node::Group(g) => g.children().iter().find_map(text_bbox),
        _ => None,
    }
}

#[test]
fn measured_widths_equal_usvg_text_boxes() {
    let fonts = Fonts::embedded();
    let shaper = Shaper::new(&fonts);
    let theme = Theme::classic();
    let mut checked = 0;
    let mut worst: f64 = 0.0;
    let mut failures = Vec::new();
    for (i, text) in SAMPLES.iter().enumerate() {
        for style in [Style::Regular, Style::Bold, Style::Italic] {
            for size in [9.0, 13.0, 16.5, 24.0, 52.0] {
                let x = 10.0 + (i % 7) as f64 * 3.25;
                let l = line(&shaper, text, style, size, x, 100.0);
                let width = l.width;
                let svg = paint::svg(&poster_with(l), &theme, &fonts, SvgOptions::default());
                let tree = output::tree(&svg, &fonts).expect("our SVG parses");
                let Some(bbox) = tree.root().children().iter().find_map(text_bbox) else {
                    failures.push(format!("{text:?}: usvg produced no text"));
                    continue;
                };
                let dw = (f64::from(bbox.width()) - width).abs();
                let dx = (f64::from(bbox.left()) - x).abs();
                worst = worst.max(dw).max(dx);
                if dw > 0.5 || dx > 0.5 {
                    failures.push(format!(
                        "{text:?} {style:?} {size}px: ours {width:.3} at {x}, usvg {:.3} at {:.3}",
                        bbox.width(),
                        bbox.left()
                    ));
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= 200, "only {checked} strings checked");
    assert!(
        failures.is_empty(),
        "{} of {checked} differ (worst {worst:.3} px):\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!("{checked} strings, worst difference {worst:.4} px");
}
