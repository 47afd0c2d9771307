//! Logistic regression: net input → sigmoid → unit step.
//!
//! ```text
//! z = b + x·w,    P(y = 1 | x) = σ(z),    ŷ = 1 if z ≥ 0 else 0
//! ```
//!
//! Its weights combine the inputs linearly, so its decision boundary
//! (z = 0) is a straight line: it is a generalised linear model.

mod model;
mod settings;
mod unit;

pub use model::{LogisticGradients, LogisticModel};
pub use settings::LogisticRegression;
