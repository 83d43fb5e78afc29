//! One slide's parts: the slide (its picture across the whole slide, with
//! alt text, and its title as a title placeholder over the place the
//! picture leaves free), its notes page and their relationships.

use super::parts::TREE_OPEN;
use super::{PptxSlide, PptxTitle, SLIDE_HEIGHT_EMU, SLIDE_WIDTH_EMU, escape};

const DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const NS: &str = r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#;
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A fraction of a side in EMU, rounded to the unit.
fn emu(fraction: f64, side: i64) -> i64 {
    (fraction * side as f64).round() as i64
}

/// The slide: the picture, then the title over it.
pub(super) fn slide(s: &PptxSlide, lang: &str) -> String {
    let picture = format!(
        r#"<p:pic><p:nvPicPr><p:cNvPr id="2" name="Slide picture" descr="{}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{SLIDE_WIDTH_EMU}" cy="{SLIDE_HEIGHT_EMU}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>"#,
        escape(&s.notes)
    );
    let title = s.title.as_ref().map(|t| title(t, lang)).unwrap_or_default();
    format!(
        r#"{DECL}<p:sld {NS}><p:cSld>{TREE_OPEN}{picture}{title}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"#
    )
}

/// The title placeholder where the layout set the title, in its size,
/// weight, colour and face, without insets so its text sits where the
/// picture's would have.
fn title(t: &PptxTitle, lang: &str) -> String {
    let [x, y, w, h] = t.rect;
    let (x, y) = (emu(x, SLIDE_WIDTH_EMU), emu(y, SLIDE_HEIGHT_EMU));
    let (w, h) = (emu(w, SLIDE_WIDTH_EMU), emu(h, SLIDE_HEIGHT_EMU));
    // Hundredths of a point, as DrawingML counts type.
    let size = (t.size_pt * 100.0).round() as i64;
    format!(
        r#"<p:sp><p:nvSpPr><p:cNvPr id="3" name="Title 1"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t"><a:normAutofit/></a:bodyPr><a:lstStyle/><a:p><a:pPr algn="l"/><a:r><a:rPr lang="{}" sz="{size}" b="1" dirty="0"><a:solidFill><a:srgbClr val="{}"/></a:solidFill><a:latin typeface="{}"/></a:rPr><a:t>{}</a:t></a:r></a:p></p:txBody></p:sp>"#,
        escape(lang),
        escape(&t.colour),
        escape(&t.font),
        escape(&t.text)
    )
}

/// The slide's relationships: its layout, its picture, its notes.
pub(super) fn slide_rels(k: usize) -> String {
    format!(
        r#"{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/slideLayout" Target="../slideLayouts/slideLayout1.xml"/><Relationship Id="rId2" Type="{REL}/image" Target="../media/image{k}.png"/><Relationship Id="rId3" Type="{REL}/notesSlide" Target="../notesSlides/notesSlide{k}.xml"/></Relationships>"#
    )
}

/// The notes page: the slide's image and the speaker notes.
pub(super) fn notes(s: &PptxSlide, lang: &str) -> String {
    format!(
        r#"{DECL}<p:notes {NS}><p:cSld>{TREE_OPEN}<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp><p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="{}" dirty="0"/><a:t>{}</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"#,
        escape(lang),
        escape(&s.notes)
    )
}

/// The notes page's relationships: its master and its slide.
pub(super) fn notes_rels(k: usize) -> String {
    format!(
        r#"{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/notesMaster" Target="../notesMasters/notesMaster1.xml"/><Relationship Id="rId2" Type="{REL}/slide" Target="../slides/slide{k}.xml"/></Relationships>"#
    )
}
