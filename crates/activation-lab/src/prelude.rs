//! Everything a notebook needs, in one `use`:
//!
//! ```
//! use activation_lab::prelude::*;
//! let z = array![-2.0, 0.0, 2.0];
//! let a = Activation::Sigmoid.apply(&z);
//! assert_eq!(a[1], 0.5);
//! ```
//!
//! Besides the crate's own types and functions it re-exports the `ndarray`,
//! `rand`, `rand_chacha`, `plotters` and `serde_json` crates (and ndarray's
//! `array!`, `s!`, `Array1`, `Array2`, and `json!` for a widget's parameters),
//! so a notebook needs a single `:dep` and its versions always match the
//! crate's.

pub use crate::activation::{
    Activation, ActivationInfo, catalogue, cheat_sheet_html, cheat_sheet_markdown, log_sigmoid,
    sigmoid, sigmoid_derivative, softplus, threshold, unit_step,
};
pub use crate::cell_value::{CellValue, cell_output};
pub use crate::claims::{
    BoundaryBend, CURVED_MIN_BEND, boundary_bend, class_means, collapsed_line, max_net_input_gap,
    plotted_region,
};
pub use crate::data::{
    Dataset, DatasetKind, Standardizer, blobs, circles, circles_with_factor, moons, spirals, xor,
};
pub use crate::error::{Error, Result};
pub use crate::experiments::{L2Run, L2Study, RunResult, l2_study};
pub use crate::explore::{
    ACTIVATION_WIDTHS, EXPLORE_ACTIVATIONS, MAX_WIDGET_ROWS, MAX_WIDGET_UNITS, Widget, WidgetKind,
    explore_activations, explore_activations_grid, explore_hidden_units, explore_logistic,
    explore_net_input, explore_sigmoid, explore_training,
};
pub use crate::figure::{
    Collision, Figure, FigureSize, ImageFormat, ImageOptions, Palette, SvgText,
};
pub use crate::metrics::{ConfusionMatrix, accuracy, log_loss, log_loss_from_logits};
pub use crate::models::{
    Classifier, FitOptions, History, LogisticGradients, LogisticModel, LogisticRegression, Mlp,
    MlpGradients, MlpModel, Optimizer, Training,
};
pub use crate::net_input::{net_input, net_input_batch};
pub use crate::notebook::{
    Answer, Html, Markdown, best_line_accuracy, check, check_between, check_close, check_eq,
    check_relative, check_set, check_that, unanswered,
};
pub use crate::plot::{
    Animation, DecisionSurface, ExportedFigure, GridCell, GridModel, MIN_LINE_ANGLE_DEG, ModelGrid,
    Series, SeriesFigure, SigmoidPanels, activations_by_widths, cheat_sheet, decision_surface,
    distinct_hidden_units, export_all, export_series, export_series_with,
    fit_activations_by_widths, fit_models_by_datasets, hidden_unit_gallery, keep_hidden_units,
    line_angle_between, logistic_regression_schematic, mlp_schematic, models_by_datasets,
    net_input_map, partial_sum, partial_sum_accuracies, partial_sum_sizes, scatter, series_figures,
    sigmoid_curve, step_and_threshold, strongest_hidden_units, training_animation, training_curves,
    unit_order,
};
pub use crate::rng::{ChaCha8Rng, seeded};

pub use ndarray::{self, Array1, Array2, Axis, array, s};
pub use plotters;
pub use rand::{self, Rng, SeedableRng};
pub use rand_chacha;
pub use serde_json::{self, json};
