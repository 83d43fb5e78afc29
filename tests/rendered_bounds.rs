//! The guarantee as a renderer sees it: for every group of the painted SVG
//! that has an `id`, the bounding box usvg computes for each of its texts
//! lies inside the group's first `<rect>` — on every sample and valid map,
//! at auto size and on fixed pages.

mod common;

use journeymap::layout::{self, Options};
use journeymap::model::{Orientation, Paper, Size};
use journeymap::text::Fonts;
use journeymap::theme::Theme;

#[test]
fn every_text_lies_inside_its_group_as_usvg_measures_it() {
    let fonts = Fonts::embedded();
    let theme = Theme::classic();
    let mut violations = Vec::new();
    let mut groups = 0;
    for (name, text) in common::valid_maps() {
        let journey = common::journey(&name, &text);
        for (size, orientation) in [
            (None, None),
            (Some(Size::Paper(Paper::A2)), None),
            (Some(Size::Paper(Paper::A1)), Some(Orientation::Portrait)),
            (Some(Size::Paper(Paper::Slide)), None),
        ] {
            let poster =
                match layout::layout(&journey, &theme, &fonts, &Options { size, orientation, ..Default::default() }) {
                    Ok(poster) => poster,
                    // A refusal must be honest and name a size that fits.
                    Err(e) => {
                        let asked = size.unwrap_or(journey.poster.size);
                        violations.extend(common::check_refusal(&journey, asked, orientation, &e));
                        continue;
                    }
                };
            groups += poster.boxes().len();
            for v in common::rendered_violations(&poster, &theme, &fonts) {
                violations.push(format!("{name} {size:?} {orientation:?}: {v}"));
            }
        }
    }
    assert!(groups > 1000, "only {groups} groups checked");
    assert!(violations.is_empty(), "{} violations:\n{}", violations.len(), violations.join("\n"));
}
