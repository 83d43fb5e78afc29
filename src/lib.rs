//! journeymap turns a customer journey map written in TOML into a poster —
//! a columnar spine of stages, question rows and touchpoint cards with
//! colour-and-shape badges — and into the prioritised list of actions.
//!
//! The crate is a pipeline; each stage has one module and hands one type to
//! the next:
//!
//! ```text
//! bytes ──parse──▶ Journey + Diagnostics ──layout──▶ Poster ──paint──▶ SVG ──output──▶ PNG
//!                        └──priorities──▶ Vec<Priority>
//! ```
//!
//! - [`parse`]: TOML → [`model::Journey`], with every problem located
//!   (file, line, column, key, hint) in one run.
//! - [`priorities`]: the classes and order of SPEC §3.
//! - [`text`]: the embedded fonts, shaping and line breaking.
//! - [`layout`]: journey + [`theme::Theme`] + page → [`layout::Poster`], pure
//!   geometry.
//! - [`paint`]: poster → SVG. [`output`]: SVG → PNG, and atomic files.
//!
//! ```
//! use journeymap::{layout, output, paint, parse, priorities, text::Fonts, theme::Theme};
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
//! let parsed = parse::parse_str("map.toml", map, &parse::Options::default());
//! let journey = parsed.journey.expect("no errors");
//! assert_eq!(priorities::prioritise(&journey)[0].class, priorities::Class::Fix);
//!
//! let fonts = Fonts::embedded();
//! let theme = Theme::classic();
//! let poster = layout::layout(&journey, &theme, &fonts, &layout::Options::default()).expect("auto always fits");
//! let svg = paint::svg(&poster, &theme, &fonts, paint::SvgOptions::default());
//! let png = output::png(&svg, &fonts, output::Resolution::Width(400)).expect("small enough");
//! assert!(svg.contains("class=\"touchpoint\"") && png.starts_with(b"\x89PNG"));
//! ```
//!
//! Limits: map files up to 8 MiB ([`parse::MAX_SOURCE_BYTES`]), values
//! nested up to 64 deep ([`parse::MAX_NESTING`]).

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod layout;
pub mod model;
pub mod output;
pub mod paint;
pub mod parse;
pub mod priorities;
pub mod starter;
pub mod text;
pub mod theme;

// The types of these crates appear in our signatures (`output::tree`
// returns a `usvg::Tree`, `Fonts::database` a fontdb); re-exported so users
// get the exact versions we were built with.
pub use resvg;
pub use usvg;
