//! The scalar functions behind the activations: the sigmoid and its
//! relatives, the step functions, the normal distribution used by GELU, and
//! the other activations' formulas.

use super::kind::{ELU_ALPHA, LEAKY_RELU_SLOPE};

/// The logistic sigmoid, stable for every `z`.
///
/// ```text
/// σ(z) = 1 / (1 + e^(−z))      computed as
///        1 / (1 + e^(−z))      for z ≥ 0
///        e^z / (1 + e^z)       for z < 0   (e^(−z) would overflow)
/// ```
///
/// For `|z| > 37` the result rounds to exactly 1 (or underflows towards 0).
///
/// ```
/// use activation_lab::activation::sigmoid;
/// assert_eq!(sigmoid(0.0), 0.5);
/// assert!((sigmoid(2.0) + sigmoid(-2.0) - 1.0).abs() < 1e-15);
/// assert_eq!(sigmoid(-1e4), 0.0);
/// assert_eq!(sigmoid(1e4), 1.0);
/// ```
pub fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
    }
}

/// The derivative of the logistic sigmoid, stable for every `z`.
///
/// ```text
/// σ'(z) = σ(z)(1 − σ(z)) = 1 / (4 cosh²(z/2))      max 0.25 at z = 0
/// ```
///
/// The cosh form has no cancellation and, as `cosh ≥ 1`, never rounds
/// above 0.25.
///
/// ```
/// use activation_lab::activation::sigmoid_derivative;
/// assert_eq!(sigmoid_derivative(0.0), 0.25);
/// assert_eq!(sigmoid_derivative(3.0), sigmoid_derivative(-3.0));
/// assert_eq!(sigmoid_derivative(1e300), 0.0);
/// ```
pub fn sigmoid_derivative(z: f64) -> f64 {
    let c = (0.5 * z).cosh();
    0.25 / (c * c)
}

/// Softplus, stable for every `z`.
///
/// ```text
/// softplus(z) = ln(1 + e^z) = max(z, 0) + ln(1 + e^(−|z|))
/// ```
///
/// ```
/// use activation_lab::activation::softplus;
/// assert_eq!(softplus(0.0), std::f64::consts::LN_2);
/// assert_eq!(softplus(1e4), 1e4);
/// assert!(softplus(-50.0) > 0.0);
/// ```
pub fn softplus(z: f64) -> f64 {
    z.max(0.0) + (-z.abs()).exp().ln_1p()
}

/// The logarithm of the sigmoid, stable for every `z` (the building block of
/// a stable cross-entropy).
///
/// ```text
/// ln σ(z) = −softplus(−z) = −ln(1 + e^(−z))
/// ```
///
/// ```
/// use activation_lab::activation::log_sigmoid;
/// assert_eq!(log_sigmoid(0.0), -std::f64::consts::LN_2);
/// assert_eq!(log_sigmoid(-1e4), -1e4);
/// assert!(log_sigmoid(50.0) <= 0.0);
/// ```
pub fn log_sigmoid(z: f64) -> f64 {
    -softplus(-z)
}

/// The unit step (Heaviside) of the article's table: one half at 0.
///
/// ```text
///            ⎧ 0    z < 0
/// step(z) =  ⎨ 0.5  z = 0
///            ⎩ 1    z > 0
/// ```
///
/// ```
/// use activation_lab::activation::unit_step;
/// assert_eq!(unit_step(-3.0), 0.0);
/// assert_eq!(unit_step(0.0), 0.5);
/// assert_eq!(unit_step(1e-300), 1.0);
/// ```
pub fn unit_step(z: f64) -> f64 {
    if z > 0.0 {
        1.0
    } else if z < 0.0 {
        0.0
    } else if z == 0.0 {
        0.5
    } else {
        z
    }
}

/// The classifier's rule: class 1 when `z ≥ 0`, so 1 at `z = 0` (unlike
/// [`unit_step`], which gives 0.5 there).
///
/// ```text
///                 ⎧ 1  z ≥ 0
/// threshold(z) =  ⎨
///                 ⎩ 0  z < 0
/// ```
///
/// ```
/// use activation_lab::activation::threshold;
/// assert_eq!(threshold(0.0), 1.0);
/// assert_eq!(threshold(-1e-300), 0.0);
/// ```
pub fn threshold(z: f64) -> f64 {
    if z.is_nan() {
        z
    } else {
        f64::from(predicted_class(z))
    }
}

/// The class rule of both models, as a label: 1 when the net input
/// `z ≥ 0` (that is, σ(z) ≥ 0.5), else 0. Every prediction, accuracy and
/// boundary in the crate uses it; [`threshold`] is the same rule as a
/// function to plot.
///
/// ```
/// use activation_lab::activation::predicted_class;
/// assert_eq!((predicted_class(0.0), predicted_class(-1e-300)), (1, 0));
/// ```
#[inline]
pub fn predicted_class(z: f64) -> u8 {
    u8::from(z >= 0.0)
}

/// The standard normal cumulative distribution function Φ, used by GELU.
///
/// ```text
/// Φ(z) = ½ (1 + erf(z / √2))
///      = ½ + φ(z)·(z + z³/3 + z⁵/(3·5) + z⁷/(3·5·7) + …)     |z| < 2    (Marsaglia, 2004)
/// 1 − Φ(t) = φ(t) / (t + 1/(t + 2/(t + 3/(t + …))))          t ≥ 2      (Mills ratio, continued fraction)
/// ```
///
/// No `erf` approximation is involved: both forms are summed to full double
/// precision, and the lower tail is computed directly, not as `1 − …`.
/// Against 50-digit references (mpmath, grids of step 0.001 to 0.01 over
/// `[−40, 40]`) the relative error is below 3e-14 wherever Φ(z) is a normal
/// f64 (`z > −37.5`): largest just above `z = −2`, where `½ + φ(z)·sum`
/// cancels, and below 3e-15 in the tails. Below `z = −37.5` the result is
/// subnormal (absolute error below 1e-320); it is exactly 0 below
/// `z = −40` and 1 above `z = 40`.
///
/// ```
/// use activation_lab::activation::normal_cdf;
/// assert_eq!(normal_cdf(0.0), 0.5);
/// assert!((normal_cdf(1.0) - 0.841_344_746_068_542_9).abs() < 1e-15);
/// assert!((normal_cdf(-10.0) / 7.619_853_024_160_526e-24 - 1.0).abs() < 1e-13);
/// ```
pub fn normal_cdf(z: f64) -> f64 {
    const SERIES_LIMIT: f64 = 2.0;
    if z.is_nan() {
        return z;
    }
    if z < -40.0 {
        return 0.0;
    }
    if z > 40.0 {
        return 1.0;
    }
    if z.abs() < SERIES_LIMIT {
        // Marsaglia: all terms of the sum share the sign of z, no cancellation inside it
        let z2 = z * z;
        let mut term = z;
        let mut sum = z;
        let mut k = 1.0;
        for _ in 0..200 {
            k += 2.0;
            term *= z2 / k;
            let next = sum + term;
            if next == sum {
                break;
            }
            sum = next;
        }
        0.5 + normal_pdf(z) * sum
    } else {
        let t = z.abs();
        let upper_tail = normal_pdf(t) / mills_continued_fraction(t);
        if z < 0.0 {
            upper_tail
        } else {
            1.0 - upper_tail
        }
    }
}

/// `t + 1/(t + 2/(t + 3/(t + …)))` by the modified Lentz algorithm; `t ≥ 2`
/// (about 100 steps at `t = 2`, 12 at `t = 10`).
fn mills_continued_fraction(t: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let mut f = t;
    let mut c = t;
    let mut d = 0.0;
    for n in 1..=500 {
        let a = f64::from(n);
        d = t + a * d;
        if d == 0.0 {
            d = TINY;
        }
        c = t + a / c;
        if c == 0.0 {
            c = TINY;
        }
        d = 1.0 / d;
        let delta = c * d;
        f *= delta;
        if (delta - 1.0).abs() <= f64::EPSILON / 2.0 {
            break;
        }
    }
    f
}

/// The standard normal density φ, accurate in the tails.
///
/// ```text
/// φ(z) = e^(−z²/2) / √(2π)
/// ```
///
/// `z²` is split as `h² + (z − h)(z + h)` with `h` the leading 26 bits of
/// `z`, so `h²` is exact and the rounding of `z²` does not grow into a
/// relative error of `z²·ε` in the tails.
///
/// ```
/// use activation_lab::activation::normal_pdf;
/// assert!((normal_pdf(0.0) - 0.398_942_280_401_432_7).abs() < 1e-16);
/// assert_eq!(normal_pdf(1e300), 0.0);
/// ```
pub fn normal_pdf(z: f64) -> f64 {
    const FRAC_1_SQRT_2PI: f64 = 0.398_942_280_401_432_7;
    let z = z.abs();
    if z > 40.0 {
        // e^(−800) is below the smallest subnormal
        return 0.0;
    }
    let high = f64::from_bits(z.to_bits() & 0xFFFF_FFFF_F800_0000);
    let low = z - high;
    FRAC_1_SQRT_2PI * (-0.5 * high * high).exp() * (-0.5 * low * (z + high)).exp()
}

// the other activations, private: `Activation::value` is their public face

pub(super) fn sign(z: f64) -> f64 {
    // f64::signum gives ±1 at ±0; the table's sign gives 0
    if z > 0.0 {
        1.0
    } else if z < 0.0 {
        -1.0
    } else if z == 0.0 {
        0.0
    } else {
        z
    }
}

pub(super) fn piecewise_linear(z: f64) -> f64 {
    if z <= -0.5 {
        0.0
    } else if z >= 0.5 {
        1.0
    } else {
        z + 0.5
    }
}

pub(super) fn relu(z: f64) -> f64 {
    // written out rather than z.max(0.0), which turns NaN into 0
    if z > 0.0 || z.is_nan() { z } else { 0.0 }
}

pub(super) fn leaky_relu(z: f64) -> f64 {
    if z > 0.0 { z } else { LEAKY_RELU_SLOPE * z }
}

pub(super) fn elu(z: f64) -> f64 {
    if z > 0.0 { z } else { ELU_ALPHA * z.exp_m1() }
}

/// `z·Φ(z)`; its limit 0 at −∞ (where the product would be `−∞·0`).
pub(super) fn gelu(z: f64) -> f64 {
    if z == f64::NEG_INFINITY {
        return 0.0;
    }
    z * normal_cdf(z)
}

/// `z·σ(z)`; its limit 0 at −∞ (where the product would be `−∞·0`).
pub(super) fn silu(z: f64) -> f64 {
    if z == f64::NEG_INFINITY {
        return 0.0;
    }
    z * sigmoid(z)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::kind::Activation;
    use crate::activation::test_support::{grid_away_from_kinks, rel_err};

    #[test]
    fn sigmoid_is_stable_at_large_magnitudes() {
        assert_eq!(sigmoid(0.0), 0.5);
        assert_eq!(sigmoid(1e4), 1.0);
        assert_eq!(sigmoid(-1e4), 0.0);
        assert_eq!(sigmoid(1e300), 1.0);
        assert_eq!(sigmoid(-1e300), 0.0);
        assert_eq!(sigmoid(f64::MAX), 1.0);
        assert_eq!(sigmoid(f64::MIN), 0.0);
        assert_eq!(sigmoid(f64::MIN_POSITIVE), 0.5);
        // still positive deep in the tail (subnormal), not rounded to 0 early
        assert!(sigmoid(-745.0) > 0.0);
        assert!(sigmoid(-40.0) > 0.0);
    }

    #[test]
    fn sigmoid_matches_reference_values() {
        // references from mpmath (50 digits), rounded to f64
        let cases = [
            (-745.0, 5e-324),
            (-40.0, 4.248_354_255_291_589e-18),
            (-30.0, 9.357_622_968_839_299e-14),
            (-5.0, 0.006_692_850_924_284_855_6),
            (-1.0, 0.268_941_421_369_995_1),
            (0.5, 0.622_459_331_201_854_6),
            (1.0, 0.731_058_578_630_004_9),
            (5.0, 0.993_307_149_075_715),
            (30.0, 0.999_999_999_999_906_4),
        ];
        for (z, expected) in cases {
            let got = sigmoid(z);
            if expected < 1e-300 {
                assert!((got - expected).abs() <= 5e-324, "σ({z}) = {got}");
            } else {
                assert!(rel_err(got, expected, 0.0) < 1e-14, "σ({z}) = {got}");
            }
        }
    }

    #[test]
    fn sigmoid_derivative_peaks_at_a_quarter() {
        assert_eq!(sigmoid_derivative(0.0), 0.25);
        for z in grid_away_from_kinks() {
            let d = sigmoid_derivative(z);
            assert!(d > 0.0 && d < 0.25, "σ'({z}) = {d}");
            assert_eq!(d, sigmoid_derivative(-z));
        }
        // relative accuracy where σ(1 − σ) would cancel: σ'(30) = e^(−30)/(1 + e^(−30))²
        let expected = 9.357_622_968_838_423e-14;
        assert!(rel_err(sigmoid_derivative(30.0), expected, 0.0) < 1e-14);
    }

    #[test]
    fn softplus_and_log_sigmoid_are_stable() {
        assert_eq!(softplus(0.0), std::f64::consts::LN_2);
        assert_eq!(softplus(1e300), 1e300);
        assert_eq!(softplus(f64::MAX), f64::MAX);
        assert_eq!(softplus(-1e300), 0.0);
        assert!(softplus(-700.0) > 0.0);
        // ln(1 + e^(−40)) = e^(−40) to 17 digits
        assert!(rel_err(softplus(-40.0), 4.248_354_255_291_589e-18, 0.0) < 1e-14);
        assert_eq!(log_sigmoid(-1e300), -1e300);
        assert_eq!(log_sigmoid(f64::MIN), f64::MIN);
        assert_eq!(log_sigmoid(1e300), 0.0);
        assert!(rel_err(log_sigmoid(40.0), -4.248_354_255_291_589e-18, 0.0) < 1e-14);
        for z in grid_away_from_kinks() {
            // ln σ(z) is accurate where σ(z) < ½; ln(1 + e^(−z)) elsewhere
            let reference = if z < 0.0 {
                sigmoid(z).ln()
            } else {
                -(-z).exp().ln_1p()
            };
            assert!(rel_err(log_sigmoid(z), reference, 0.0) < 1e-14, "z = {z}");
        }
    }

    #[test]
    fn unit_step_is_half_at_zero_but_threshold_is_one() {
        assert_eq!(unit_step(0.0), 0.5);
        assert_eq!(unit_step(-0.0), 0.5);
        assert_eq!(threshold(0.0), 1.0);
        assert_eq!(threshold(-0.0), 1.0);
        for z in [-2.0, -f64::MIN_POSITIVE] {
            assert_eq!(unit_step(z), 0.0);
            assert_eq!(threshold(z), 0.0);
        }
        for z in [f64::MIN_POSITIVE, 2.0] {
            assert_eq!(unit_step(z), 1.0);
            assert_eq!(threshold(z), 1.0);
        }
        assert_eq!(Activation::UnitStep.value(0.0), 0.5);
        assert_eq!(Activation::Threshold.value(0.0), 1.0);
    }

    #[test]
    fn normal_cdf_matches_reference_values() {
        // references from mpmath (50 digits), rounded to f64
        let cases = [
            (-30.0, 4.906_713_927_148_187e-198),
            (-20.0, 2.753_624_118_606_233_7e-89),
            (-10.0, 7.619_853_024_160_526e-24),
            (-8.0, 6.220_960_574_271_784e-16),
            (-5.0, 2.866_515_718_791_939e-7),
            (-3.5, 2.326_290_790_355_250_4e-4),
            (-3.0, 1.349_898_031_630_094_5e-3),
            (-2.9, 1.865_813_300_384_038e-3),
            (-2.0, 0.022_750_131_948_179_21),
            (-1.0, 0.158_655_253_931_457_05),
            (-0.5, 0.308_537_538_725_986_9),
            (-1e-8, 0.499_999_996_010_577_2),
            (0.0, 0.5),
            (0.3, 0.617_911_422_188_952_6),
            (1.0, 0.841_344_746_068_542_9),
            (2.5, 0.993_790_334_674_224),
            (3.0, 0.998_650_101_968_369_9),
            (3.5, 0.999_767_370_920_964_5),
            (5.0, 0.999_999_713_348_428_1),
            (8.0, 0.999_999_999_999_999_4),
        ];
        for (z, expected) in cases {
            let got = normal_cdf(z);
            assert!(
                rel_err(got, expected, 0.0) < 5e-14,
                "Φ({z}) = {got:e}, expected {expected:e}, rel err {:e}",
                rel_err(got, expected, 0.0)
            );
        }
        // subnormal: only absolute accuracy is possible
        assert!((normal_cdf(-38.0) - 2.885_428_35e-316).abs() < 1e-320);
        assert_eq!(normal_cdf(-1e300), 0.0);
        assert_eq!(normal_cdf(1e300), 1.0);
    }

    #[test]
    fn normal_cdf_is_continuous_where_the_method_changes() {
        for edge in [-2.0_f64, 2.0] {
            let below = normal_cdf(edge.next_down());
            let at = normal_cdf(edge);
            assert!(
                rel_err(below, at, 0.0) < 1e-14,
                "at {edge}: {below} vs {at}"
            );
        }
    }

    #[test]
    fn normal_cdf_is_symmetric_and_monotone() {
        let zs: Vec<f64> = (0..=1000).map(|i| f64::from(i) * 0.01).collect();
        for &z in &zs {
            assert!(
                (normal_cdf(z) + normal_cdf(-z) - 1.0).abs() <= f64::EPSILON,
                "z = {z}"
            );
        }
        for pair in zs.windows(2) {
            assert!(normal_cdf(pair[0]) <= normal_cdf(pair[1]), "at {}", pair[0]);
            assert!(
                normal_cdf(-pair[1]) <= normal_cdf(-pair[0]),
                "at {}",
                -pair[1]
            );
        }
    }
}
