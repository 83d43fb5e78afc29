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
//!
//! ```
//! let map = r#"
//! title = "Flying Nordic Air"
//! [[stage]]
//! name = "Awareness"
//!   [[stage.touchpoint]]
//!   name = "Colleague recommendation"
//!   marks = ["essential", "pain"]
//!   action = "Referral bonus"
//! "#;
//! let parsed = journeymap::parse::parse_str("map.toml", map, &Default::default());
//! let journey = parsed.journey.expect("no errors");
//! let list = journeymap::priorities::prioritise(&journey);
//! assert_eq!(list[0].class, journeymap::priorities::Class::Fix);
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
