//! The two models of the series: logistic regression (a straight decision
//! boundary) and a one-hidden-layer perceptron (a curved one).
//!
//! Both follow the same pattern: settings (checked before any work) →
//! `fit` → a fitted model. Both minimise scikit-learn's loss, so results can
//! be compared with `LogisticRegression`/`MLPClassifier` and NumPy code:
//!
//! ```text
//! loss = −(1/n) Σ_i [ y_i ln σ(z_i) + (1 − y_i) ln(1 − σ(z_i)) ]  +  l2/(2n) · Σ w²
//! ```
//!
//! where the penalty sums the weights only (biases are not penalised).

mod checks;
mod classifier;
mod fit;
mod history;
mod json;
mod kernels;
mod logistic;
mod mlp;
mod optimizer;
mod settings;
mod train;

pub use classifier::Classifier;
pub use fit::FitOptions;
pub use history::History;
pub use logistic::{LogisticGradients, LogisticModel, LogisticRegression};
pub use mlp::{Mlp, MlpGradients, MlpModel};
pub use optimizer::Optimizer;
pub use settings::Training;
