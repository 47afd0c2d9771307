//! Hidden activations as types, so the kernels have no per-unit `match`.

use super::exp::sigmoid_lane;
use crate::activation::Activation;

/// A hidden activation φ and its derivative, for the kernels.
pub(crate) trait Hidden: Copy + Send + Sync {
    /// φ(z).
    fn value(self, z: f64) -> f64;
    /// φ'(z), given z and a = φ(z).
    fn derivative(self, z: f64, a: f64) -> f64;
    /// Whether [`derivative`](Hidden::derivative) reads z (otherwise only a).
    const NEEDS_Z: bool;
}

/// The logistic sigmoid: φ' = a(1 − a).
#[derive(Clone, Copy)]
pub(crate) struct Sigmoid;

impl Hidden for Sigmoid {
    #[inline(always)]
    fn value(self, z: f64) -> f64 {
        sigmoid_lane(z)
    }
    #[inline(always)]
    fn derivative(self, _z: f64, a: f64) -> f64 {
        a * (1.0 - a)
    }
    const NEEDS_Z: bool = false;
}

/// Any activation of the catalogue, through [`Activation::value`] and
/// [`Activation::derivative_given_output`]; with a constant `Activation`
/// the compiler removes the `match`.
#[derive(Clone, Copy)]
pub(crate) struct Catalogue(pub Activation);

impl Hidden for Catalogue {
    #[inline(always)]
    fn value(self, z: f64) -> f64 {
        self.0.value(z)
    }
    #[inline(always)]
    fn derivative(self, z: f64, a: f64) -> f64 {
        self.0.derivative_given_output(z, a)
    }
    const NEEDS_Z: bool = true;
}

/// Calls `$body` with `$h` bound to a [`Hidden`] specialised for
/// `$activation`: the sigmoid's fast path, the common activations as
/// constants, the rest through the catalogue's `match`.
macro_rules! with_hidden {
    ($activation:expr, $h:ident => $body:expr) => {{
        use $crate::activation::Activation as A;
        use $crate::models::kernels::{Catalogue, Sigmoid};
        match $activation {
            A::Sigmoid => {
                let $h = Sigmoid;
                $body
            }
            A::Identity => {
                let $h = Catalogue(A::Identity);
                $body
            }
            A::Tanh => {
                let $h = Catalogue(A::Tanh);
                $body
            }
            A::Relu => {
                let $h = Catalogue(A::Relu);
                $body
            }
            other => {
                let $h = Catalogue(other);
                $body
            }
        }
    }};
}
pub(crate) use with_hidden;
