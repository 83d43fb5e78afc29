//! Lays out the airline sample at A2 many times, for profiling.
fn main() {
    let text = std::fs::read_to_string("samples/airline.toml").expect("sample");
    let journey = journeymap::parse::parse_str("a", &text, &Default::default()).journey.expect("valid");
    let fonts = journeymap::text::Fonts::embedded();
    let theme = journeymap::theme::Theme::classic();
    let options = journeymap::layout::Options {
        size: Some(journeymap::model::Size::Paper(journeymap::model::Paper::A2)),
        ..Default::default()
    };
    for _ in 0..10 {
        let p = journeymap::layout::layout(&journey, &theme, &fonts, &options);
        std::hint::black_box(p).ok();
    }
}
