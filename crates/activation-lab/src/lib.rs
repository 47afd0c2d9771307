//! # Activation Lab
//!
//! Why do neural networks need activation functions? This crate holds the
//! pieces the notebook series is built from: the net input, a catalogue of
//! activation functions, seeded datasets, logistic regression and a
//! one-hidden-layer perceptron with 200 sigmoid units.
//!
//! **Start with notebook 01** (`notebooks/01-net-input.ipynb`); each notebook
//! needs a single `:dep` on this crate and `use activation_lab::prelude::*;`.
//!
//! ```
//! use activation_lab::prelude::*;
//!
//! # fn main() -> activation_lab::Result<()> {
//! let data = moons(1000, 0.2, 7)?;                    // not linearly separable
//! let linear = LogisticRegression::new().fit(&data)?;  // a straight boundary
//! let mlp = Mlp::new().hidden_units(200).fit(&data)?;  // 200 sigmoid units
//! let acc_linear = linear.accuracy(&data)?;
//! let acc_mlp = mlp.accuracy(&data)?;
//! assert!(acc_linear < 0.9 && acc_mlp > 0.95);
//! # Ok(())
//! # }
//! ```
//!
//! Everything that a user can get wrong returns a [`Result`] whose
//! [`Error`] says what was wrong and what was expected; no public function
//! panics on user input.
#![deny(missing_docs)]

/// The crate's version, as in its `Cargo.toml`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub mod activation;
pub mod cell_value;
pub mod claims;
pub mod data;
pub mod error;
pub mod experiments;
pub mod explore;
pub mod figure;
mod files;
pub mod limits;
pub mod metrics;
pub mod models;
pub mod net_input;
pub mod notebook;
pub mod plot;
pub mod prelude;
pub mod rng;

pub use activation::{Activation, ActivationInfo};
pub use data::{Dataset, DatasetKind, Standardizer};
pub use error::{Error, Result};
pub use explore::{Widget, WidgetKind};
pub use figure::{Collision, Figure, FigureSize, ImageFormat, ImageOptions, Palette, SvgText};
pub use metrics::ConfusionMatrix;
pub use models::{
    Classifier, FitOptions, History, LogisticModel, LogisticRegression, Mlp, MlpModel, Optimizer,
    Training,
};
pub use plot::{
    Animation, DecisionSurface, ExportedFigure, Series, SeriesFigure, export_all, export_series,
    export_series_with, series_figures,
};
