//! [`Renderer::render`]: a request in, its outputs and notes out. Each
//! format is made once from one layout, formats side by side and
//! department copies on every core (rayon).

use rayon::prelude::*;

use super::notes::{self, Note};
use super::request::{
    Destination, Furniture, Job, Medium, Output, OwnerCopies, Produced, Rendered, Request, Sheet, Target, file_stems,
    page_options,
};
use super::{OutputFormat, RenderError, Renderer, RequestError};
use crate::layout::{self, Document};
use crate::model::Journey;
use crate::output::Resolution;
use crate::theme::Theme;

/// What a medium made: its outputs, notes and sheet.
pub(super) struct Made {
    pub(super) outputs: Vec<Produced>,
    pub(super) notes: Vec<Note>,
    pub(super) sheet: Sheet,
}

/// Refuses a PNG over the pixel limit before the layout, from a lower
/// bound of the page (a 10,000-stage map's PNG is refused at once, not
/// after seconds of layout). Only a resolution in dpi or as a scale can
/// be judged so; a width in pixels is checked after the layout.
fn refuse_oversized(journey: &Journey, theme: &Theme, job: &Job, page: &layout::Options) -> Result<(), RenderError> {
    let lower = layout::page_lower_bound(journey, theme, page);
    if lower.width <= 0.0 || lower.height <= 0.0 {
        return Ok(());
    }
    for output in &job.outputs {
        if let OutputFormat::Png { resolution: resolution @ (Resolution::Dpi(_) | Resolution::Scale(_)), .. } =
            output.format
            && let Err(crate::output::PngError::TooLarge { width, height, megapixels }) =
                crate::output::pixel_size(lower.width, lower.height, resolution)
        {
            return Err(crate::output::PngError::AtLeastTooLarge { width, height, megapixels }.into());
        }
    }
    Ok(())
}

impl Renderer {
    /// Makes everything `request` asks for, writing nothing: checks the
    /// map (theme, font coverage), lays it out once, and exports each
    /// output, plus a copy per owner when asked.
    ///
    /// # Errors
    /// [`RenderError::Map`] with the checked map when it has errors (its
    /// diagnostics say what they are); [`RenderError::Request`] for an
    /// impossible job; a layout, print, PNG or PDF error otherwise.
    pub fn render(&self, request: &Request) -> Result<Rendered, RenderError> {
        let job = &request.job;
        job.check()?;
        // A renderer kept for hours (watch, serve) sees every edit's new
        // text: past the bound it starts again from the plans alone.
        self.cache.trim(super::MAX_CACHED_TEXTS);
        let mut map = request.map.clone();
        let theme = self.check_with(&mut map, job.theme.as_ref());
        let made = match (&map.journey, theme) {
            (Some(journey), Some(theme)) if !map.has_errors() => {
                let page = page_options(job, &self.page);
                let job = &job.settled(page.size.unwrap_or(journey.poster.size));
                match job.medium {
                    Medium::Poster => self.poster(journey, &theme, job, &page)?,
                    Medium::Deck => self.slides(journey, &theme, job, &page)?,
                    Medium::Canvas { lang } => self.canvas(journey, &theme, job, lang)?,
                    Medium::Cards { lang } => self.cards(journey, &theme, job, lang)?,
                }
            }
            _ => return Err(RenderError::Map(Box::new(map))),
        };
        Ok(Rendered { map, outputs: made.outputs, notes: made.notes, sheet: made.sheet })
    }

    /// A poster: its notes, its outputs and the department copies.
    fn poster(&self, journey: &Journey, theme: &Theme, job: &Job, page: &layout::Options) -> Result<Made, RenderError> {
        refuse_oversized(journey, theme, job, page)?;
        let document = layout::layout_with(journey, theme, &self.shaper(), page)?;
        let size = page.size.unwrap_or(journey.poster.size);
        let notes = notes::poster_notes(&document, theme, &self.fonts, size, job.svg_embeds());
        // Print furniture goes on last: the notes are about the poster,
        // not the sheets it is printed on.
        let document = self.furnish(document, job.furniture, job.fit_tiles)?;
        let mut outputs = self.export_all(&document, theme, &job.outputs)?;
        outputs.extend(self.sheet_files(&document, theme, &job.outputs)?);
        if let Some(copies) = &job.per_owner {
            outputs.extend(self.owner_copies(journey, theme, page, job.furniture, copies)?);
        }
        Ok(Made { outputs, notes, sheet: Sheet::of(&document) })
    }

    /// Bleed and crop marks, or tiles, as asked.
    pub(super) fn furnish(
        &self,
        document: Document,
        furniture: Option<Furniture>,
        fit: bool,
    ) -> Result<Document, RenderError> {
        Ok(match furniture {
            Some(Furniture::Bleed { mm }) => layout::with_bleed(&document, mm)?,
            Some(Furniture::Tiles { paper }) if fit => self.fitted_tiles(&document, paper)?,
            Some(Furniture::Tiles { paper }) => self.tiles(&document, paper)?,
            None => document,
        })
    }

    /// Every output of a document (folders aside): each format made once,
    /// the formats side by side (a PNG's bands share the cores).
    pub(super) fn export_all(
        &self,
        document: &Document,
        theme: &Theme,
        outputs: &[Output],
    ) -> Result<Vec<Produced>, RenderError> {
        let mut formats: Vec<OutputFormat> = Vec::new();
        for output in outputs.iter().filter(|o| !matches!(o.target, Target::Folder(_))) {
            if !formats.contains(&output.format) {
                formats.push(output.format);
            }
        }
        let made: Vec<Vec<u8>> =
            formats.par_iter().map(|format| self.export(document, theme, format)).collect::<Result<_, _>>()?;
        let bytes_of = |format: &OutputFormat| {
            formats.iter().position(|f| f == format).map(|i| made[i].clone()).unwrap_or_default()
        };
        Ok(outputs
            .iter()
            .filter_map(|output| {
                let destination = match &output.target {
                    Target::File(path) => Destination::File(path.clone()),
                    Target::Stdout => Destination::Stdout,
                    Target::Memory => Destination::Memory,
                    Target::Folder(_) => return None,
                };
                Some(Produced { destination, format: output.format, bytes: bytes_of(&output.format), owner: None })
            })
            .collect())
    }

    /// The wall layout's sheets after the first, for each SVG or PNG file
    /// asked for: `wall-2.png`, `wall-3.png`, … beside `wall.png` (a PDF
    /// holds them as its pages).
    ///
    /// # Errors
    /// [`RequestError::SheetsToStdout`] when an SVG or PNG of several
    /// sheets is to go to standard output.
    fn sheet_files(
        &self,
        document: &Document,
        theme: &Theme,
        outputs: &[Output],
    ) -> Result<Vec<Produced>, RenderError> {
        if document.sheets.is_empty() {
            return Ok(Vec::new());
        }
        let mut files = Vec::new();
        for output in outputs.iter().filter(|o| matches!(o.format, OutputFormat::Svg(_) | OutputFormat::Png { .. })) {
            let path = match &output.target {
                Target::File(path) => path,
                Target::Stdout => return Err(RequestError::SheetsToStdout(document.sheets.len() + 1).into()),
                // A preview shows the first sheet.
                Target::Memory | Target::Folder(_) => continue,
            };
            let made = document
                .sheets
                .par_iter()
                .map(|&i| self.export_page(document, i, theme, &output.format))
                .collect::<Result<Vec<_>, _>>()?;
            for (n, bytes) in made.into_iter().enumerate() {
                let destination = Destination::File(numbered(path, n + 2));
                files.push(Produced { destination, format: output.format, bytes, owner: None });
            }
        }
        Ok(files)
    }

    /// One department's copy per owner, laid out and exported on every
    /// core.
    fn owner_copies(
        &self,
        journey: &Journey,
        theme: &Theme,
        page: &layout::Options,
        furniture: Option<Furniture>,
        copies: &OwnerCopies,
    ) -> Result<Vec<Produced>, RenderError> {
        let owners = layout::owners(journey);
        if owners.is_empty() {
            return Err(RenderError::NoOwners);
        }
        let stems = file_stems(&owners);
        let made: Vec<Vec<Produced>> = owners
            .par_iter()
            .zip(stems.par_iter())
            .map(|(owner, stem)| {
                let page = layout::Options { highlight: Some(owner.clone()), ..page.clone() };
                let document = layout::layout_with(journey, theme, &self.shaper(), &page)?;
                let document = self.furnish(document, furniture, false)?;
                let outputs: Vec<Output> = copies
                    .formats
                    .iter()
                    .map(|format| {
                        let file = copies.folder.join(format!("{stem}.{}", format.extension()));
                        Output::new(Target::File(file), *format)
                    })
                    .collect();
                let mut made = self.export_all(&document, theme, &outputs)?;
                for produced in &mut made {
                    produced.owner = Some(owner.clone());
                }
                Ok(made)
            })
            .collect::<Result<_, RenderError>>()?;
        Ok(made.into_iter().flatten().collect())
    }

    /// A deck: one PDF (a bookmark a slide) per file, and numbered slides
    /// per folder, each made once.
    fn slides(&self, journey: &Journey, theme: &Theme, job: &Job, page: &layout::Options) -> Result<Made, RenderError> {
        let deck = layout::deck(journey, theme, &self.shaper(), page)?;
        let mut outputs = self.export_all(&deck, theme, &job.outputs)?;
        let digits = deck.pages.len().to_string().len().max(2);
        let mut formats: Vec<OutputFormat> = Vec::new();
        let mut slides: Vec<Vec<Vec<u8>>> = Vec::new();
        for output in &job.outputs {
            let Target::Folder(folder) = &output.target else { continue };
            let at = match formats.iter().position(|f| *f == output.format) {
                Some(at) => at,
                None => {
                    let made = (0..deck.pages.len())
                        .into_par_iter()
                        .map(|i| self.export_page(&deck, i, theme, &output.format))
                        .collect::<Result<Vec<_>, _>>()?;
                    formats.push(output.format);
                    slides.push(made);
                    slides.len() - 1
                }
            };
            for (i, bytes) in slides[at].iter().enumerate() {
                let file = folder.join(format!("slide-{:0digits$}.{}", i + 1, output.format.extension()));
                let destination = Destination::File(file);
                outputs.push(Produced { destination, format: output.format, bytes: bytes.clone(), owner: None });
            }
        }
        Ok(Made { outputs, notes: vec![notes::deck_note(&deck, theme)], sheet: Sheet::of(&deck) })
    }
}

/// `wall.png` as sheet `n`: `wall-n.png`, beside it.
fn numbered(path: &std::path::Path, n: usize) -> std::path::PathBuf {
    let stem = path.file_stem().map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let name = match path.extension() {
        Some(ext) => format!("{stem}-{n}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{n}"),
    };
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheets_are_numbered_beside_the_first() {
        assert_eq!(numbered(std::path::Path::new("out/wall.png"), 2), std::path::Path::new("out/wall-2.png"));
        assert_eq!(numbered(std::path::Path::new("wall.poster.svg"), 3), std::path::Path::new("wall.poster-3.svg"));
    }
}
