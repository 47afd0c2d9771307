//! The figures of the series, one function per picture.
//!
//! Every function returns a [`Figure`](crate::Figure) (shown inline in a
//! notebook, saved as SVG or PNG) and checks its input first: empty data, a
//! model expecting another number of features, a bad size or a NaN give an
//! [`Error`](crate::Error), never a panic.
//!
//! | # | figure | function |
//! |---|---|---|
//! | 1 | net input z over (x1, x2) | [`net_input_map`] |
//! | 2 | sigmoid and its derivative | [`sigmoid_curve`] |
//! | 3 | unit step, threshold rule, sigmoid + threshold | [`step_and_threshold`] |
//! | 4 | logistic-regression schematic | [`logistic_regression_schematic`] |
//! | 5 | scatter of a dataset | [`scatter`] |
//! | 6 | decision surface of any [`Classifier`](crate::Classifier) | [`decision_surface`], [`DecisionSurface`] |
//! | 7 | feed-forward network schematic | [`mlp_schematic`] |
//! | 8 | activation cheat sheet | [`cheat_sheet`] |
//! | 9 | loss and accuracy per epoch | [`training_curves`] |
//! | 10 | per-hidden-unit gallery | [`hidden_unit_gallery`] |
//! | 11 | comparison grids | [`models_by_datasets`], [`activations_by_widths`] |
//! | 12 | training animation (GIF) | [`training_animation`] |
//!
//! [`export_all`] writes the whole set for slides, with an index.
//!
//! Colours follow the Okabe-Ito palette (safe for colour-blind readers);
//! class 0 is blue circles, class 1 vermillion triangles.

mod animation;
mod cheat_sheet;
pub(crate) mod checks;
pub(crate) mod contour;
mod decision_surface;
mod export;
mod function_chart;
mod grids;
mod hidden_unit_gallery;
mod hidden_units;
mod layout;
mod legend;
mod marker;
mod net_input_map;
mod panel;
pub(crate) mod ranges;
mod scatter;
mod schematic;
mod series;
mod sigmoid_curve;
pub(crate) mod style;
pub(crate) mod text;
pub(crate) mod theme;
mod training_curves;

pub use animation::{Animation, training_animation};
pub use cheat_sheet::cheat_sheet;
pub use decision_surface::{DecisionSurface, decision_surface};
pub use export::{
    ExportedFigure, SeriesFigure, export_all, export_series, export_series_with, series_figures,
};
pub use grids::{
    GridCell, GridModel, ModelGrid, activations_by_widths, fit_activations_by_widths,
    fit_models_by_datasets, models_by_datasets,
};
pub use hidden_unit_gallery::hidden_unit_gallery;
pub use hidden_units::{
    MIN_LINE_ANGLE_DEG, distinct_hidden_units, keep_hidden_units, line_angle_between, partial_sum,
    partial_sum_accuracies, partial_sum_sizes, strongest_hidden_units, unit_order,
};
pub use net_input_map::net_input_map;
pub use scatter::scatter;
pub use schematic::{logistic_regression_schematic, mlp_schematic};
pub use series::{SERIES_SEED, Series};
pub use sigmoid_curve::{SigmoidPanels, sigmoid_curve, step_and_threshold};
pub use training_curves::training_curves;

pub(crate) use checks::check_drawable;
pub(crate) use ranges::padded_ranges;
