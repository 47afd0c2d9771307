//! The [`Activation`] enum: which function `φ`, its value `φ(z)` and its
//! derivative `φ'(z)`, on numbers and on arrays.

use ndarray::{Array, ArrayBase, Data, DataMut, Dimension};

use super::catalogue::{ActivationInfo, CATALOGUE};
use super::functions::{
    elu, gelu, leaky_relu, normal_cdf, normal_pdf, piecewise_linear, relu, sigmoid,
    sigmoid_derivative, sign, silu, softplus, threshold, unit_step,
};

/// Slope `α` of [`Activation::LeakyRelu`] for `z < 0`.
pub const LEAKY_RELU_SLOPE: f64 = 0.01;

/// Scale `α` of [`Activation::Elu`]: the negative saturation level is `−α`.
pub const ELU_ALPHA: f64 = 1.0;

/// One activation function `φ`, applied to a net input `z`.
///
/// The first rows follow the article's cheat sheet; [`Activation::Threshold`]
/// (the classifier's rule) and the modern functions from
/// [`Activation::LeakyRelu`] on are additions. Serialised and displayed as
/// its [`key`](Activation::key), e.g. `"leaky_relu"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Activation {
    /// Linear (identity): `φ(z) = z`.
    Identity,
    /// Unit step (Heaviside) as in the article's table: 0, 0.5 at `z = 0`, 1.
    UnitStep,
    /// The classifier's rule: 1 if `z ≥ 0`, else 0.
    Threshold,
    /// Sign (signum): −1, 0 at `z = 0`, 1.
    Sign,
    /// Piece-wise linear ramp from 0 at `z = −½` to 1 at `z = ½`.
    PiecewiseLinear,
    /// Logistic sigmoid `σ(z) = 1 / (1 + e^(−z))`.
    Sigmoid,
    /// Hyperbolic tangent.
    Tanh,
    /// Rectified linear unit `max(0, z)`.
    Relu,
    /// Leaky ReLU with slope [`LEAKY_RELU_SLOPE`] for `z < 0`.
    LeakyRelu,
    /// Exponential linear unit with `α =` [`ELU_ALPHA`].
    Elu,
    /// Softplus `ln(1 + e^z)`, a smooth ReLU.
    Softplus,
    /// Gaussian error linear unit `z·Φ(z)`: the exact form, not the tanh
    /// approximation; Φ is [`normal_cdf`] (relative error below 3e-14).
    Gelu,
    /// Sigmoid linear unit (swish) `z·σ(z)`.
    Silu,
}

impl Activation {
    /// Every activation: the article's table, the threshold rule next to the
    /// unit step, then the modern additions.
    pub const ALL: [Activation; 13] = [
        Activation::Identity,
        Activation::UnitStep,
        Activation::Threshold,
        Activation::Sign,
        Activation::PiecewiseLinear,
        Activation::Sigmoid,
        Activation::Tanh,
        Activation::Relu,
        Activation::LeakyRelu,
        Activation::Elu,
        Activation::Softplus,
        Activation::Gelu,
        Activation::Silu,
    ];

    /// The activation's value `φ(z)`.
    ///
    /// Finite for every finite `z`; NaN for NaN. The formulas are in
    /// [`info`](Activation::info) and on each variant.
    ///
    /// ```
    /// use activation_lab::Activation;
    /// assert_eq!(Activation::UnitStep.value(0.0), 0.5);
    /// assert_eq!(Activation::Threshold.value(0.0), 1.0);
    /// assert_eq!(Activation::Tanh.value(0.0), 0.0);
    /// ```
    pub fn value(self, z: f64) -> f64 {
        match self {
            Activation::Identity => z,
            Activation::UnitStep => unit_step(z),
            Activation::Threshold => threshold(z),
            Activation::Sign => sign(z),
            Activation::PiecewiseLinear => piecewise_linear(z),
            Activation::Sigmoid => sigmoid(z),
            Activation::Tanh => z.tanh(),
            Activation::Relu => relu(z),
            Activation::LeakyRelu => leaky_relu(z),
            Activation::Elu => elu(z),
            Activation::Softplus => softplus(z),
            Activation::Gelu => gelu(z),
            Activation::Silu => silu(z),
        }
    }

    /// The derivative `φ'(z)`.
    ///
    /// Where `φ` has a kink or a jump the derivative is undefined; the value
    /// returned there is stated in
    /// [`ActivationInfo::kink_convention`] (ReLU: 0 at `z = 0`, as in
    /// PyTorch and scikit-learn). Finite for every finite `z`; NaN for NaN.
    ///
    /// ```
    /// use activation_lab::Activation;
    /// assert_eq!(Activation::Sigmoid.derivative(0.0), 0.25);
    /// assert_eq!(Activation::Relu.derivative(0.0), 0.0);
    /// assert_eq!(Activation::UnitStep.derivative(1.0), 0.0);
    /// ```
    pub fn derivative(self, z: f64) -> f64 {
        if z.is_nan() {
            return z;
        }
        match self {
            Activation::Identity => 1.0,
            Activation::UnitStep | Activation::Threshold | Activation::Sign => 0.0,
            Activation::PiecewiseLinear => {
                if z > -0.5 && z < 0.5 {
                    1.0
                } else {
                    0.0
                }
            }
            Activation::Sigmoid => sigmoid_derivative(z),
            Activation::Tanh => {
                // sech²(z) = 1/cosh²(z): no cancellation, never above 1; cosh overflow gives 0
                let c = z.cosh();
                1.0 / (c * c)
            }
            Activation::Relu => {
                if z > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Activation::LeakyRelu => {
                if z > 0.0 {
                    1.0
                } else {
                    LEAKY_RELU_SLOPE
                }
            }
            Activation::Elu => {
                if z > 0.0 {
                    1.0
                } else {
                    ELU_ALPHA * z.exp()
                }
            }
            Activation::Softplus => sigmoid(z),
            // at ±∞ the products are ∞·0; their limits are 1 and 0
            Activation::Gelu | Activation::Silu if z.is_infinite() => {
                if z > 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Activation::Gelu => normal_cdf(z) + z * normal_pdf(z),
            Activation::Silu => {
                // 1 − σ(z) = σ(−z), without cancellation for large z
                sigmoid(z) * (1.0 + z * sigmoid(-z))
            }
        }
    }

    /// The derivative `φ'(z)` given both `z` and the output `a = φ(z)`, as
    /// in backpropagation where `a` is already stored.
    ///
    /// ```text
    /// sigmoid: σ'(z) = a(1 − a)
    /// tanh:    tanh'(z) = 1 − a²
    /// ELU:     φ'(z) = a + α   for z ≤ 0
    /// others:  derivative(z)
    /// ```
    ///
    /// Agrees with [`derivative`](Activation::derivative) to within a few
    /// units of 1e-16 in absolute terms. Where `φ'` is tiny the relative
    /// agreement is lost, because `a` rounds to the saturation level (at
    /// `z = 40`, `σ(z)` is exactly 1 in f64, so `a(1 − a)` is 0 while
    /// `σ'(40) ≈ 4e-18`).
    ///
    /// ```
    /// use activation_lab::Activation;
    /// let s = Activation::Sigmoid;
    /// let z = 0.7;
    /// let a = s.value(z);
    /// assert!((s.derivative_given_output(z, a) - s.derivative(z)).abs() < 1e-16);
    /// ```
    pub fn derivative_given_output(self, z: f64, a: f64) -> f64 {
        match self {
            Activation::Sigmoid => a * (1.0 - a),
            Activation::Tanh => 1.0 - a * a,
            Activation::Elu if z <= 0.0 => a + ELU_ALPHA,
            _ => self.derivative(z),
        }
    }

    /// `φ` applied to every element; the same bits as [`value`](Activation::value)
    /// element by element.
    ///
    /// ```
    /// use activation_lab::Activation;
    /// use ndarray::array;
    /// let z = array![[-1.0, 0.0], [2.0, 3.0]];
    /// assert_eq!(Activation::Relu.apply(&z), array![[0.0, 0.0], [2.0, 3.0]]);
    /// ```
    pub fn apply<S, D>(self, z: &ArrayBase<S, D>) -> Array<f64, D>
    where
        S: Data<Elem = f64>,
        D: Dimension,
    {
        z.mapv(|v| self.value(v))
    }

    /// `φ` applied to every element, in place.
    ///
    /// ```
    /// use activation_lab::Activation;
    /// use ndarray::array;
    /// let mut z = array![-1.0, 0.0, 1.0];
    /// Activation::Sign.apply_inplace(&mut z);
    /// assert_eq!(z, array![-1.0, 0.0, 1.0]);
    /// Activation::Threshold.apply_inplace(&mut z);
    /// assert_eq!(z, array![0.0, 1.0, 1.0]);
    /// ```
    pub fn apply_inplace<S, D>(self, z: &mut ArrayBase<S, D>)
    where
        S: DataMut<Elem = f64>,
        D: Dimension,
    {
        z.mapv_inplace(|v| self.value(v));
    }

    /// `φ'` applied to every element; the same bits as
    /// [`derivative`](Activation::derivative) element by element.
    ///
    /// ```
    /// use activation_lab::Activation;
    /// use ndarray::array;
    /// let z = array![-1.0, 0.0, 1.0];
    /// assert_eq!(Activation::Relu.derivative_array(&z), array![0.0, 0.0, 1.0]);
    /// ```
    pub fn derivative_array<S, D>(self, z: &ArrayBase<S, D>) -> Array<f64, D>
    where
        S: Data<Elem = f64>,
        D: Dimension,
    {
        z.mapv(|v| self.derivative(v))
    }

    /// The activation's row of the cheat sheet: name, formulas, range,
    /// typical use, kink convention.
    ///
    /// ```
    /// use activation_lab::Activation;
    /// let info = Activation::Sigmoid.info();
    /// assert_eq!(info.name, "Logistic (sigmoid)");
    /// assert_eq!(info.range, (0.0, 1.0));
    /// ```
    pub fn info(self) -> &'static ActivationInfo {
        // CATALOGUE is in declaration order (checked by a test)
        &CATALOGUE[self as usize]
    }

    /// Whether gradient-based training makes sense: false for the unit
    /// step, the threshold rule and the sign function, whose derivative is
    /// 0 almost everywhere.
    ///
    /// ```
    /// use activation_lab::Activation;
    /// assert!(Activation::Sigmoid.is_trainable());
    /// assert!(!Activation::UnitStep.is_trainable());
    /// ```
    pub fn is_trainable(self) -> bool {
        !matches!(
            self,
            Activation::UnitStep | Activation::Threshold | Activation::Sign
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::functions::log_sigmoid;
    use crate::activation::test_support::{EXTREMES, grid_away_from_kinks, rel_err};
    use ndarray::{Array2, array, s};

    #[test]
    fn gelu_and_silu_reach_their_limits_at_infinity() {
        for a in [Activation::Gelu, Activation::Silu] {
            assert_eq!(a.value(f64::NEG_INFINITY), 0.0, "{a:?}");
            assert_eq!(a.value(f64::INFINITY), f64::INFINITY, "{a:?}");
            assert_eq!(a.derivative(f64::NEG_INFINITY), 0.0, "{a:?}");
            assert_eq!(a.derivative(f64::INFINITY), 1.0, "{a:?}");
        }
    }

    #[test]
    fn sign_is_zero_at_zero_unlike_f64_signum() {
        let sign = Activation::Sign;
        assert_eq!(sign.value(0.0), 0.0);
        assert_eq!(sign.value(-0.0), 0.0);
        assert_eq!(0.0_f64.signum(), 1.0);
        assert_eq!(sign.value(-3.0), -1.0);
        assert_eq!(sign.value(f64::MIN_POSITIVE), 1.0);
    }

    #[test]
    fn piecewise_linear_follows_the_table() {
        let pl = Activation::PiecewiseLinear;
        let cases = [
            (-1.0, 0.0),
            (-0.5, 0.0),
            (-0.25, 0.25),
            (0.0, 0.5),
            (0.25, 0.75),
            (0.5, 1.0),
            (3.0, 1.0),
        ];
        for (z, expected) in cases {
            assert_eq!(pl.value(z), expected, "z = {z}");
        }
        // derivative: 1 strictly inside, 0 outside and at the corners
        assert_eq!(pl.derivative(0.0), 1.0);
        assert_eq!(pl.derivative(0.499), 1.0);
        assert_eq!(pl.derivative(-0.5), 0.0);
        assert_eq!(pl.derivative(0.5), 0.0);
        assert_eq!(pl.derivative(-0.7), 0.0);
    }

    #[test]
    fn elu_is_continuous_and_differentiable_at_zero() {
        let elu = Activation::Elu;
        let h = 1e-9;
        assert_eq!(elu.value(0.0), 0.0);
        assert!((elu.value(-h) + h).abs() < 1e-17);
        assert!(((elu.value(h) - elu.value(-h)) / (2.0 * h) - 1.0).abs() < 1e-6);
        assert_eq!(elu.value(-1e300), -ELU_ALPHA);
        assert_eq!(elu.derivative(-1e300), 0.0);
    }

    #[test]
    fn gelu_matches_reference_values() {
        let gelu = Activation::Gelu;
        // (z, GELU(z), GELU'(z)), references from mpmath (50 digits), rounded to f64
        let cases = [
            (
                -30.0,
                -1.472_014_178_144_456e-196,
                -4.416_031_690_708_495e-195,
            ),
            (
                -10.0,
                -7.619_853_024_160_526e-23,
                -7.618_400_096_464_814e-22,
            ),
            (
                -3.0,
                -0.004_049_694_094_890_283_6,
                -0.011_945_647_204_183_927,
            ),
            (-1.0, -0.158_655_253_931_457_05, -0.083_315_470_587_686_3),
            (-0.5, -0.154_268_769_362_993_45, 0.132_504_875_343_837_16),
            (0.5, 0.345_731_230_637_006_55, 0.867_495_124_656_162_8),
            (1.0, 0.841_344_746_068_542_9, 1.083_315_470_587_686_3),
            (3.0, 2.995_950_305_905_11, 1.011_945_647_204_184),
            (10.0, 10.0, 1.0),
        ];
        for (z, value, derivative) in cases {
            assert!(rel_err(gelu.value(z), value, 0.0) < 1e-13, "GELU({z})");
            assert!(
                rel_err(gelu.derivative(z), derivative, 0.0) < 1e-13,
                "GELU'({z})"
            );
        }
        // minimum ≈ −0.16997 at z ≈ −0.75179, inside the catalogue's range
        let min = gelu.value(-0.751_791_524_693_564_5);
        assert!((min + 0.169_971_207_479_903_66).abs() < 1e-15);
        assert!(min >= gelu.info().range.0);
    }

    #[test]
    fn derivatives_match_central_differences_away_from_kinks() {
        // five-point central difference, h = 1e-3: truncation ~h⁴, rounding ~ε/h
        let h = 1e-3;
        for a in Activation::ALL {
            for z in grid_away_from_kinks() {
                let f = |x: f64| a.value(x);
                let numeric = (f(z - 2.0 * h) - 8.0 * f(z - h) + 8.0 * f(z + h) - f(z + 2.0 * h))
                    / (12.0 * h);
                let analytic = a.derivative(z);
                let err = rel_err(numeric, analytic, 1e-6);
                assert!(
                    err < 1e-6,
                    "{a}'({z}): analytic {analytic:e}, numeric {numeric:e}, rel err {err:e}"
                );
            }
        }
    }

    #[test]
    fn derivative_given_output_matches_derivative() {
        let mut zs = grid_away_from_kinks();
        zs.extend(EXTREMES);
        zs.extend([-0.5, 0.5, 40.0, -40.0]);
        for a in Activation::ALL {
            for &z in &zs {
                let d = a.derivative(z);
                let d_given = a.derivative_given_output(z, a.value(z));
                assert!(
                    (d - d_given).abs() <= 4.0 * f64::EPSILON * d.abs().max(1.0),
                    "{a} at {z}: {d:e} vs {d_given:e}"
                );
            }
        }
    }

    #[test]
    fn every_activation_is_finite_for_extreme_inputs() {
        for a in Activation::ALL {
            for z in EXTREMES {
                let v = a.value(z);
                let d = a.derivative(z);
                assert!(v.is_finite(), "{a}({z}) = {v}");
                assert!(d.is_finite(), "{a}'({z}) = {d}");
                assert!(a.derivative_given_output(z, v).is_finite(), "{a} at {z}");
            }
        }
        for z in EXTREMES {
            for f in [
                sigmoid,
                sigmoid_derivative,
                softplus,
                log_sigmoid,
                normal_cdf,
                normal_pdf,
            ] {
                assert!(f(z).is_finite(), "at {z}");
            }
        }
    }

    #[test]
    fn nan_propagates_through_value_and_derivative() {
        for a in Activation::ALL {
            assert!(a.value(f64::NAN).is_nan(), "{a}");
            assert!(a.derivative(f64::NAN).is_nan(), "{a}'");
        }
        for f in [
            sigmoid,
            softplus,
            log_sigmoid,
            unit_step,
            threshold,
            normal_cdf,
        ] {
            assert!(f(f64::NAN).is_nan());
        }
    }

    #[test]
    fn apply_matches_value_elementwise() {
        let z = Array2::from_shape_fn((7, 5), |(i, j)| {
            let k = i * 5 + j;
            if k < EXTREMES.len() {
                EXTREMES[k]
            } else {
                (k as f64 - 20.0) * 0.37
            }
        });
        let strided = z.slice(s![..;2, ..;-1]);
        for a in Activation::ALL {
            for input in [z.view(), strided, z.t()] {
                let applied = a.apply(&input);
                let derived = a.derivative_array(&input);
                let mut in_place = input.to_owned();
                a.apply_inplace(&mut in_place);
                assert_eq!(applied.shape(), input.shape());
                for (idx, &v) in input.indexed_iter() {
                    assert_eq!(applied[idx].to_bits(), a.value(v).to_bits(), "{a}");
                    assert_eq!(in_place[idx].to_bits(), a.value(v).to_bits(), "{a}");
                    assert_eq!(derived[idx].to_bits(), a.derivative(v).to_bits(), "{a}'");
                }
            }
        }
        assert_eq!(Activation::Relu.apply(&array![-1.0, 2.0]), array![0.0, 2.0]);
    }

    #[test]
    fn is_trainable_only_excludes_the_step_functions() {
        let untrainable: Vec<Activation> = Activation::ALL
            .into_iter()
            .filter(|a| !a.is_trainable())
            .collect();
        assert_eq!(
            untrainable,
            [
                Activation::UnitStep,
                Activation::Threshold,
                Activation::Sign
            ]
        );
    }
}
