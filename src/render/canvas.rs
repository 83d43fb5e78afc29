//! The workshop canvas and its cards as media of a render: laid out by
//! [`layout::canvas`] and [`layout::cards`], exported like a poster.

use super::make::Made;
use super::notes::{self, CanvasSummary, CardsSummary, Note};
use super::request::{Job, Sheet};
use super::{RenderError, Renderer};
use crate::labels::Lang;
use crate::layout::{self, CanvasOptions};
use crate::model::Journey;
use crate::theme::Theme;

impl Renderer {
    /// The canvas options of a job over the renderer's page: a canvas
    /// has a page of its own, so the map's poster size does not apply.
    fn canvas_options(&self, job: &Job, lang: Option<Lang>) -> CanvasOptions {
        CanvasOptions {
            size: job.size.or(self.page.size),
            orientation: job.orientation.or(self.page.orientation),
            lang,
        }
    }

    /// A canvas: how many slots each stage got, contrast notes, outputs.
    pub(super) fn canvas(
        &self,
        journey: &Journey,
        theme: &Theme,
        job: &Job,
        lang: Option<Lang>,
    ) -> Result<Made, RenderError> {
        let laid = layout::canvas(journey, theme, &self.shaper(), &self.canvas_options(job, lang))?;
        let (width_mm, height_mm) = laid.document.page().size_mm();
        let mut notes = vec![Note::Canvas(CanvasSummary { page: laid.page, width_mm, height_mm, stages: laid.stages })];
        notes.extend(notes::quality_notes(&laid.document, theme));
        let document = self.furnish(laid.document, job.furniture, false)?;
        let outputs = self.export_all(&document, theme, &job.outputs)?;
        Ok(Made { outputs, notes, sheet: Sheet::of(&document) })
    }

    /// The map's touchpoints as cut-out cards.
    pub(super) fn cards(
        &self,
        journey: &Journey,
        theme: &Theme,
        job: &Job,
        lang: Option<Lang>,
    ) -> Result<Made, RenderError> {
        let laid = layout::cards(journey, theme, &self.shaper(), &self.canvas_options(job, lang))?;
        let mut notes = vec![Note::Cards(CardsSummary {
            cards: laid.cards,
            per_sheet: laid.per_sheet,
            sheets: laid.document.pages.len(),
            paper: laid.paper,
        })];
        notes.extend(notes::quality_notes(&laid.document, theme));
        let outputs = self.export_all(&laid.document, theme, &job.outputs)?;
        Ok(Made { outputs, notes, sheet: Sheet::of(&laid.document) })
    }
}
