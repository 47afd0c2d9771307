//! Activation functions: the non-linearity that makes a network more than
//! linear regression.
//!
//! A neuron first computes its net input `z = b + x·w`, a linear function of
//! the inputs; the activation `φ(z)` then bends it. Without that bend, any
//! stack of layers collapses to one linear map and the decision boundary
//! stays a straight line (a hyperplane); with a non-linear `φ` such as the
//! logistic sigmoid, a hidden layer can combine the weighted inputs
//! non-linearly and draw curved boundaries (half-moons, circles, XOR).
//!
//! This module holds the 7 functions of the article's cheat sheet, the
//! classifier's threshold rule, and 5 modern additions. [`catalogue`] is the
//! single source for the cheat-sheet tables ([`cheat_sheet_markdown`],
//! [`cheat_sheet_html`]) and figures.
//!
//! ```
//! use activation_lab::activation::{sigmoid, Activation};
//! assert_eq!(sigmoid(0.0), 0.5);
//! let relu: Activation = "relu".parse()?;
//! assert_eq!(relu.value(-2.0), 0.0);
//! assert_eq!(relu.derivative(3.0), 1.0);
//! # Ok::<(), activation_lab::Error>(())
//! ```
//!
//! Every function returns a finite number for every finite input, and NaN
//! for NaN (a diverged training run stays visible).

mod catalogue;
mod functions;
mod kind;
mod names;
mod tables;
#[cfg(test)]
mod test_support;

pub use catalogue::{ActivationInfo, catalogue};
pub use functions::{
    log_sigmoid, normal_cdf, normal_pdf, predicted_class, sigmoid, sigmoid_derivative, softplus,
    threshold, unit_step,
};
pub use kind::{Activation, ELU_ALPHA, LEAKY_RELU_SLOPE};
pub use tables::{cheat_sheet_html, cheat_sheet_markdown};
