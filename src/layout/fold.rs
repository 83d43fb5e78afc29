//! Folding a crowded map (SPEC §4.1): on a fixed page where the full
//! poster's card titles would print too small to read at a poster's
//! distance, or would not fit at all, stages with many cards keep their
//! pains, moments of truth and ranked cards whole and fold the rest into
//! compact entries under a count (`regions::folded`). The PDF then adds
//! the unfolded poster as a last page at the same type size, as tall as it
//! needs, so nothing is lost.

use super::document::{Document, Page};
use super::frame::Transform;
use super::geom::Size2;
use super::inputs::PosterInputs;
use super::stack::Stacker;
use super::{assemble, fit};
use crate::units::Length;

/// A stage with more cards than this folds the ones that matter least.
pub const FOLD_OVER: usize = 6;

/// Card titles under this size on a fixed page are too small to read at
/// a poster's distance: a crowded map folds instead, where that prints
/// them larger.
pub const READABLE_CARD_PT: f64 = 12.0;

/// The poster folded on `page`, when it is crowded and the full poster
/// fits only at `unfolded` (a scale whose card titles are under
/// [`READABLE_CARD_PT`]) or not at all (`None`), and folding prints
/// clearly larger: with the unfolded poster as its last page.
pub(crate) fn folded(inputs: &PosterInputs<'_>, page: Size2, unfolded: Option<f64>) -> Option<Document> {
    let PosterInputs { journey, theme, min_scale, .. } = *inputs;
    if !crowded(journey) {
        return None;
    }
    let card_pt = |scale: f64| Length::px(theme.type_scale.card_title * scale).to_pt();
    if unfolded.is_some_and(|scale| card_pt(scale) >= READABLE_CARD_PT) {
        return None;
    }
    let mut builder = inputs.stacker();
    builder.fold = Some(FOLD_OVER);
    let (scale, laid) = fit(&builder, page, min_scale).ok()?;
    // Folding hides detail: only worth it where the cards print clearly
    // larger for it.
    if unfolded.is_some_and(|u| scale < u * 1.1) {
        return None;
    }
    let mut document = assemble(&builder, laid, scale, page, Vec::new(), None);
    let name = builder.labels.fill("unfolded", &[("title", &journey.title)]);
    document.pages.push(unfolded_page(&inputs.stacker(), page.width, scale, name));
    Some(document)
}

/// Whether the map has a stage that folds.
pub(crate) fn crowded(journey: &crate::model::Journey) -> bool {
    journey.stages.iter().any(|s| s.touchpoints.len() > FOLD_OVER)
}

/// What `whole` (a stacker that folds nothing) shows, `width` px wide at
/// `scale` (the folded page's type size) and as tall as it needs: the
/// page that has in full what a folded page folds.
pub(crate) fn unfolded_page(whole: &Stacker<'_>, width: f64, scale: f64, name: String) -> Page {
    let laid = whole.build(width / scale, None, 0.0, false);
    Page {
        size: Size2 { width: laid.frame.size.width * scale, height: laid.height * scale },
        transform: Transform::scale(scale),
        frame: laid.frame,
        name,
        print: None,
    }
}
