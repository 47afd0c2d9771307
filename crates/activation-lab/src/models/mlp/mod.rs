//! The multilayer perceptron of the article: one hidden layer of (by
//! default) 200 logistic sigmoid units and one sigmoid output unit,
//! followed by the unit step.
//!
//! ```text
//! z_hidden = x·W1 + b1          [n, d] · [d, h] → [n, h]
//! a_hidden = φ(z_hidden)        φ = sigmoid by default
//! z_out    = a_hidden·w2 + b2   [n, h] · [h] → [n]
//! a_out    = σ(z_out) = P(y = 1 | x),   ŷ = 1 if z_out ≥ 0
//! ```
//!
//! With φ = identity the two layers collapse into one linear map,
//! `w2ᵀ(W1ᵀx + b1) + b2 = wᵀx + b`, and the boundary is a straight line
//! again: the activation function is what bends it.
//!
//! [`forward`](maths) and [`backward`](maths) in `maths.rs` are these
//! equations as code, the way a teacher writes them on the board; training
//! runs the same maths in fused, vectorised kernels (`dense.rs`, tested to
//! agree with `maths.rs` to 1e-12).

mod dense;
mod json;
mod maths;
mod model;
mod settings;

pub use model::{MlpGradients, MlpModel};
pub use settings::Mlp;
