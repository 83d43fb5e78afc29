//! The words for what a render did: its notes and the files it wrote.

use journeymap::output;
use journeymap::paint::MAX_EMBEDDED_FONT_BYTES;
use journeymap::render::{
    CanvasSummary, ClosestPaper, ContrastFailure, LeftOut, Medium, Note, OutputFormat, PageType, Rendered, Sheet,
    Target, WallSheets,
};

/// A note as the terminal shows it; `None` for a kind of note this build
/// does not know.
pub(crate) fn note(note: &Note) -> Option<String> {
    Some(match note {
        Note::PageType(page) => page_type(page),
        Note::Contrast(failure) => contrast(failure),
        Note::ForcedBreaks { words } => format!(
            "note: {words} word{} broken between letters, where the language's hyphenation patterns have no break \
             that fits (set `lang` to the map's language, or give the poster more room)",
            if *words == 1 { " was" } else { "s were" }
        ),
        Note::LeftOut(left_out) => left_out_text(left_out),
        Note::Summary { size } => format!(
            "note: the full poster does not fit {size} with its text at 6 pt or more, so this is the one-page \
             summary (title, headline, stages, curve, health, top priorities); --layout full asks for the full \
             poster, --size auto or a larger --size shows it"
        ),
        Note::ClosestPaper(closest) => closest_paper(closest),
        Note::FontNotEmbedded { family } => format!(
            "note: the font '{family}' is not embedded in the SVG (it cannot be cut down to the characters \
             used, and it is a font collection or over {} MiB); viewers of the SVG need it installed",
            MAX_EMBEDDED_FONT_BYTES / 1024 / 1024
        ),
        Note::Wall(wall) => wall_text(wall),
        Note::Folded { cards, stages, sheets } => folded_text(*cards, *stages, *sheets),
        Note::Canvas(canvas) => return Some(canvas_lines(canvas)),
        Note::Cards(cards) => format!(
            "cards: {} touchpoint{} on {} sheet{} of {}, up to {} to a sheet; cut along the crop marks",
            cards.cards,
            if cards.cards == 1 { "" } else { "s" },
            cards.sheets,
            if cards.sheets == 1 { "" } else { "s" },
            cards.paper,
            cards.per_sheet
        ),
        Note::Deck(deck) => format!(
            "deck: {} slides of 1920×1080 px ({}); smallest text {:.0} px",
            deck.slides.len(),
            deck.slides.join(", "),
            deck.smallest_px
        ),
        _ => return None,
    })
}

/// What was folded and where it is whole.
fn folded_text(cards: usize, stages: usize, sheets: usize) -> String {
    let whole = match sheets {
        0 => "the PDF's last page has every card in full, and --size auto shows them all".to_owned(),
        1 => "the last sheet (the PDF's last page) has them in full".to_owned(),
        n => format!("the last {n} sheets (the PDF's last pages) have them in full"),
    };
    format!(
        "note: the cards print too small to read from a distance with every one whole, so {stages} crowded \
         stage{} keep their pains, moments of truth and ranked cards whole and fold {cards} other{} into \
         short entries; {whole}",
        if stages == 1 { "" } else { "s" },
        if cards == 1 { "" } else { "s" }
    )
}

/// The wall layout's floor and each sheet after the first, e.g. "wall:
/// card titles 18 pt or more; sheet 2, … : smallest text 9.1 pt".
fn wall_text(wall: &WallSheets) -> String {
    let mut text = format!("wall: card titles {:.0} pt or more", wall.card_floor_pt);
    if wall.cards_apart {
        text += "; the cards do not fit beside the story at that size, so sheet 1 holds the story and the cards follow";
    }
    for (i, sheet) in wall.sheets.iter().enumerate() {
        let card = if sheet.name.is_empty() { String::new() } else { format!(" ({})", sheet.name) };
        let size = match sheet.card_title_pt {
            Some(pt) => format!("card titles {pt:.1} pt"),
            None => format!("body text {:.1} pt", sheet.body_pt),
        };
        text += &format!("\n  sheet {}{card}: {size}, smallest text {:.1} pt", i + 2, sheet.smallest_pt);
    }
    text
}

/// How many sticky-note slots each stage got, then a warning for each
/// stage with more touchpoints than slots.
fn canvas_lines(canvas: &CanvasSummary) -> String {
    let n = canvas.stages.len();
    // A page given in millimetres says its size already.
    let size = if canvas.page.ends_with(" mm") {
        String::new()
    } else {
        format!(" ({:.0}×{:.0} mm)", canvas.width_mm, canvas.height_mm)
    };
    let mut text = format!("canvas {}{size}, {n} stage{}: ", canvas.page, if n == 1 { "" } else { "s" });
    if let Some(first) = canvas.stages.first() {
        text += &format!(
            "{} sticky-note slot{} of {:.0} mm per stage ({} across, {} down)",
            first.slots(),
            if first.slots() == 1 { "" } else { "s" },
            journeymap::layout::SLOT_MM,
            first.across,
            first.down
        );
    }
    for stage in canvas.stages.iter().filter(|s| s.left_over() > 0) {
        let name = if stage.stage.is_empty() { String::new() } else { format!(" '{}'", stage.stage) };
        text += &format!(
            "\nwarning: stage {}{name} has {} touchpoints and {} slots: {} printed, and its last slot lists the other {} by name; \
             print them all as cards with --cards, or give the canvas more room with a larger --size",
            stage.number,
            stage.touchpoints,
            stage.slots(),
            stage.printed,
            stage.left_over()
        );
    }
    text
}

/// A note about the map on one line: what it says, then what to do, e.g.
/// "note: the map reads as German (de); … Write `lang = "de"` …".
pub(crate) fn map_note(note: &journeymap::diag::Diagnostic) -> String {
    let mut line = format!("note: {}.", note.message);
    if let Some(hint) = note.hint() {
        let mut chars = hint.chars();
        let first = chars.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
        line += &format!(" {first}{}.", chars.as_str());
    }
    line
}

/// What the fit did to the type, so the user can judge legibility before
/// printing.
fn page_type(page: &PageType) -> String {
    if page.in_pixels {
        // A screen's page reads in its own unit.
        let px = |pt: f64| pt * 96.0 / 72.0;
        let mm_px = |mm: f64| mm * 96.0 / 25.4;
        return format!(
            "page {:.0}×{:.0} px: body text {:.1} px, card titles {:.1} px, smallest {:.1} px",
            mm_px(page.width_mm),
            mm_px(page.height_mm),
            px(page.body_pt),
            px(page.card_title_pt),
            px(page.smallest_pt)
        );
    }
    format!(
        "page {:.0}×{:.0} mm: body text {:.1} pt, card titles {:.1} pt, smallest {:.1} pt",
        page.width_mm, page.height_mm, page.body_pt, page.card_title_pt, page.smallest_pt
    )
}

/// A pair below WCAG AA, and where.
fn contrast(failure: &ContrastFailure) -> String {
    format!("warning: {}", failure.message())
}

fn left_out_text(left_out: &LeftOut) -> String {
    let mut names: Vec<String> = left_out
        .panels
        .iter()
        .map(|p| journeymap::layout::panel(p.as_str()).map_or(p.as_str(), |r| r.called))
        .map(str::to_owned)
        .collect();
    if let Some(cap) = left_out.priorities_cap {
        names.push(format!("all but the top {cap} priorities"));
    }
    if left_out.details {
        names.push("the persona, team and sources lines".to_owned());
    }
    format!(
        "note: the page has no room for {} with {}, so they are left out; \
         a larger --size, or --size auto, shows everything",
        names.join(" and "),
        left_out.floor.describe().replacen(" for ", " or more for ", 1)
    )
}

fn closest_paper(closest: &ClosestPaper) -> String {
    format!(
        "closest standard size: {} {}; scaled to fit it, body text would print at {:.1} pt and card titles at {:.1} pt",
        closest.paper.as_str(),
        closest.orientation.as_str(),
        closest.body_pt,
        closest.card_title_pt
    )
}

/// A line per output written to disk, in the order asked, then the
/// department copies.
pub(crate) fn wrote(medium: Medium, outputs: &[journeymap::render::Output], rendered: &Rendered) -> Vec<String> {
    let sheet = &rendered.sheet;
    let mut lines: Vec<String> = outputs
        .iter()
        .filter_map(|output| match (&output.target, medium) {
            (Target::Folder(dir), _) => Some(format!("wrote {} slides to {}", sheet.pages, dir.display())),
            (Target::File(path), Medium::Deck) if output.format == OutputFormat::Pptx => Some(format!(
                "wrote {} ({} slides of 16:9, each titled, with alt text and speaker notes)",
                path.display(),
                sheet.pages
            )),
            (Target::File(path), Medium::Deck) => {
                Some(format!("wrote {} ({} pages of 1440×810 pt, a bookmark each)", path.display(), sheet.pages))
            }
            (Target::File(path), _) => {
                // The format as made: a PNG's resolution is settled by the page.
                let made = rendered.outputs.iter().find(|p| {
                    p.owner.is_none() && matches!(&p.destination, journeymap::render::Destination::File(d) if d == path)
                });
                let format = made.map_or(&output.format, |p| &p.format);
                Some(format!("wrote {} ({})", path.display(), detail(sheet, format)))
            }
            _ => None,
        })
        .collect();
    // Then the wall layout's further sheets, and the department copies.
    let asked = |path: &std::path::PathBuf| outputs.iter().any(|o| o.target == Target::File(path.clone()));
    for produced in &rendered.outputs {
        if let journeymap::render::Destination::File(path) = &produced.destination
            && (produced.owner.is_some() || !asked(path))
        {
            lines.push(format!("wrote {}", path.display()));
        }
    }
    lines
}

/// What a poster file holds: its page, pixels or pages.
fn detail(sheet: &Sheet, format: &OutputFormat) -> String {
    let (w, h) = sheet.size_mm();
    match format {
        OutputFormat::Svg(_) => format!("{:.0}×{:.0} px page", sheet.width_px, sheet.height_px),
        OutputFormat::Png { resolution, .. } => {
            match output::pixel_size(sheet.width_px, sheet.height_px, *resolution) {
                Ok((w, h)) => format!("{w}×{h} px"),
                Err(e) => e.to_string(),
            }
        }
        OutputFormat::Pptx => format!("{} slides", sheet.pages),
        OutputFormat::Pdf if sheet.pages > 1 && sheet.same_size => format!("{} pages of {w:.0}×{h:.0} mm", sheet.pages),
        OutputFormat::Pdf if sheet.pages > 1 => format!("{} pages, the first {w:.0}×{h:.0} mm", sheet.pages),
        OutputFormat::Pdf => match sheet.bleed_mm {
            Some(bleed) => format!("one page, {w:.0}×{h:.0} mm with {bleed:.0} mm bleed and crop marks"),
            None => format!("one page, {w:.0}×{h:.0} mm"),
        },
    }
}
