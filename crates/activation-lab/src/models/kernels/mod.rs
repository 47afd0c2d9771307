//! The MLP's inner loops, one input row at a time, with the hidden layer
//! kept in small buffers that stay in the L1 cache:
//!
//! ```text
//! z_hidden = x_i·W1 + b1        [d] · [d, h] → [h]
//! a_hidden = φ(z_hidden)        elementwise
//! z_out    = a_hidden·w2 + b2   [h] · [h] → scalar
//! ```
//!
//! and, for training, the backward pass of the same row accumulated into
//! the gradient. Every loop runs over the hidden units, so the compiler
//! vectorises it; the activation is a type parameter, so there is no
//! per-unit `match`. Sums over hidden units use eight fixed lanes, so the
//! results are the same bit for bit whatever the vector width: the same
//! code is compiled for AVX-512, AVX2 and baseline x86-64 and chosen at
//! run time.
//!
//! The sigmoid uses [`exp_non_positive`], a branch-free exponential
//! within about one unit in the last place of `f64::exp`.

mod dispatch;
mod exp;
mod hidden;
mod rows;

pub(crate) use dispatch::{decision, forward_backward};
pub(crate) use hidden::{Catalogue, Sigmoid, with_hidden};
pub(crate) use rows::{Grads, Params, RowBuffers};
