//! What every layout of one poster starts from: the map, the theme, the
//! shaper, the owner to highlight and the scale of the 6 pt floor. Worked
//! out once by `layout_with` and shared by the layouts that try several
//! arrangements (folding, the wall's sheets).

use super::stack::Stacker;
use crate::model::Journey;
use crate::text::Shaper;
use crate::theme::Theme;

/// The inputs of one poster's layout.
#[derive(Clone, Copy)]
pub(crate) struct PosterInputs<'a> {
    /// The map.
    pub(crate) journey: &'a Journey,
    /// The theme.
    pub(crate) theme: &'a Theme,
    /// The shaper, with its cache, for every trial layout.
    pub(crate) shaper: &'a Shaper<'a>,
    /// The owner to highlight, as the map spells it.
    pub(crate) highlight: Option<&'a str>,
    /// The scale at which this theme's smallest text prints at 6 pt.
    pub(crate) min_scale: f64,
}

impl<'a> PosterInputs<'a> {
    /// A fresh stacker for the whole map.
    pub(crate) fn stacker(&self) -> Stacker<'a> {
        super::stacker(self.journey, self.theme, self.shaper, self.highlight)
    }
}
