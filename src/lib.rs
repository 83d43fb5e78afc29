//! journeymap turns a customer journey map written in TOML into a poster —
//! a columnar spine of stages, question rows and touchpoint cards with
//! colour-and-shape badges — and into the prioritised list of actions.
//!
//! The crate is a pipeline; each stage has one module and hands one type to
//! the next:
//!
//! ```text
//! bytes ──parse──▶ Journey + Diagnostics ──layout──▶ Document ─┬─paint──▶ SVG ──output──▶ PNG
//!                        └──priorities──▶ Vec<Priority>         └─output──▶ PDF
//! ```
//!
//! Text is shaped once, in layout: every text item of a [`layout::Frame`]
//! carries its positioned glyphs, and the backends only draw them.
//!
//! - [`diag`]: diagnostics, located in one of several files, used by
//!   every stage.
//! - [`parse`]: TOML → [`model::Journey`], with every problem located
//!   (file, line, column, key, hint) in one run.
//! - [`priorities`]: the classes and order of SPEC §3.
//! - [`text`]: the embedded fonts, shaping and line breaking.
//! - [`layout`]: journey + [`theme::Theme`] + page → [`layout::Document`]:
//!   pages of frames of primitives, one module per poster region.
//! - [`paint`]: document → SVG. [`output`]: the PNG (resvg fills the
//!   glyphs' outlines), the PDF (krilla, drawn from the frames, tagged),
//!   and atomic files.
//! - [`render`]: the [`render::Renderer`] that holds fonts and caches,
//!   and the [`render::Request`] it renders — map, theme, page, poster or
//!   deck, print furniture, department copies, outputs — into bytes with
//!   destinations and typed [`render::Note`]s: the one entry point the
//!   command line uses (`render`, `watch` and `serve` alike).
//!
//! ```
//! use journeymap::parse;
//! use journeymap::priorities::{self, Class};
//! use journeymap::render::{OutputFormat, Renderer};
//! use journeymap::text::Fonts;
//!
//! let map = r#"
//! title = "Flying Nordic Air"
//! [[stage]]
//! name = "Awareness"
//!   [[stage.touchpoint]]
//!   name = "Colleague recommendation"
//!   marks = ["essential", "pain"]
//!   action = "Referral bonus"
//! "#;
//! let mut parsed = parse::parse_str("map.toml", map, &parse::Options::default());
//! let renderer = Renderer::new(Fonts::embedded());
//! let theme = renderer.check(&mut parsed).expect("the built-in theme");
//! let journey = parsed.journey.as_ref().expect("no errors");
//! assert_eq!(priorities::prioritise(journey)[0].class, Class::Fix);
//!
//! let document = renderer.layout(journey, &theme).expect("auto always fits");
//! let svg = renderer.export(&document, &theme, &OutputFormat::svg()).expect("SVG");
//! let png = renderer.export(&document, &theme, &OutputFormat::png_width(400)).expect("small enough");
//! assert!(String::from_utf8_lossy(&svg).contains("class=\"touchpoint\"") && png.starts_with(b"\x89PNG"));
//! ```
//!
//! Limits: map files up to 8 MiB ([`parse::MAX_SOURCE_BYTES`]), values
//! nested up to 64 deep ([`parse::MAX_NESTING`]).

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod contrast;
pub mod diag;
pub mod diff;
pub mod health;
pub mod interchange;
pub mod labels;
pub mod layout;
pub mod model;
pub mod output;
pub mod paint;
pub mod parse;
pub mod priorities;
pub mod render;
pub mod schema;
pub mod starter;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod units;

// The types of these crates appear in our signatures (`output::tree`
// returns a `usvg::Tree`, `Fonts::database` a fontdb); re-exported so users
// get the exact versions we were built with.
pub use resvg;
pub use usvg;
