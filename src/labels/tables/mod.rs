//! The built-in labels, one table per language in its own file, every key
//! in each (a unit test holds them to the English table's keys and
//! placeholders).

mod de;
mod en;
mod es;
mod fr;
mod nl;
mod pl;
mod sv;

pub(super) use de::DE;
pub(super) use en::EN;
pub(super) use es::ES;
pub(super) use fr::FR;
pub(super) use nl::NL;
pub(super) use pl::PL;
pub(super) use sv::SV;
