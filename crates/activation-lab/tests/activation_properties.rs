//! Properties of the activation functions that must hold for every finite input.

use activation_lab::Activation;
use activation_lab::activation::{log_sigmoid, normal_cdf, sigmoid, sigmoid_derivative, softplus};
use proptest::prelude::*;

/// Any finite f64, from subnormals to ±f64::MAX.
fn finite() -> impl Strategy<Value = f64> {
    prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO
}

/// Where the interesting shapes are.
fn moderate() -> impl Strategy<Value = f64> {
    -50.0..50.0_f64
}

fn activation() -> impl Strategy<Value = Activation> {
    prop::sample::select(Activation::ALL.to_vec())
}

proptest! {
    #[test]
    fn sigmoid_is_finite_and_in_the_closed_unit_interval(z in finite()) {
        let s = sigmoid(z);
        prop_assert!(s.is_finite());
        prop_assert!((0.0..=1.0).contains(&s), "σ({z}) = {s}");
    }

    #[test]
    fn sigmoid_is_strictly_inside_the_unit_interval_for_moderate_z(z in -30.0..30.0_f64) {
        // beyond |z| ≈ 37 σ rounds to exactly 0 or 1 in f64
        let s = sigmoid(z);
        prop_assert!(s > 0.0 && s < 1.0, "σ({z}) = {s}");
    }

    #[test]
    fn sigmoid_is_point_symmetric(z in finite()) {
        prop_assert!((sigmoid(-z) - (1.0 - sigmoid(z))).abs() <= 1e-15, "z = {z}");
    }

    #[test]
    fn sigmoid_slope_is_at_most_a_quarter(z in finite()) {
        let d = sigmoid_derivative(z);
        prop_assert!(d.is_finite() && (0.0..=0.25).contains(&d), "σ'({z}) = {d}");
    }

    #[test]
    fn tanh_is_odd(z in finite()) {
        let tanh = Activation::Tanh;
        prop_assert_eq!(tanh.value(-z), -tanh.value(z));
        prop_assert_eq!(tanh.derivative(-z), tanh.derivative(z));
    }

    #[test]
    fn tanh_slope_is_at_most_one(z in finite()) {
        let d = Activation::Tanh.derivative(z);
        prop_assert!((0.0..=1.0).contains(&d), "tanh'({z}) = {d}");
    }

    #[test]
    fn every_activation_is_finite_for_finite_input(a in activation(), z in finite()) {
        let v = a.value(z);
        let d = a.derivative(z);
        prop_assert!(v.is_finite(), "{a}({z}) = {v}");
        prop_assert!(d.is_finite(), "{a}'({z}) = {d}");
        prop_assert!(a.derivative_given_output(z, v).is_finite(), "{a} at {z}");
    }

    #[test]
    fn every_activation_stays_in_its_range(a in activation(), z in finite()) {
        let (low, high) = a.info().range;
        let v = a.value(z);
        prop_assert!(low <= v && v <= high, "{a}({z}) = {v}");
    }

    #[test]
    fn derivative_given_output_agrees_with_derivative(a in activation(), z in moderate()) {
        let d = a.derivative(z);
        let d_given = a.derivative_given_output(z, a.value(z));
        prop_assert!((d - d_given).abs() <= 4.0 * f64::EPSILON * d.abs().max(1.0));
    }

    #[test]
    fn softplus_is_above_relu(z in finite()) {
        let sp = softplus(z);
        prop_assert!(sp.is_finite());
        prop_assert!(sp >= z.max(0.0), "softplus({z}) = {sp}");
    }

    #[test]
    fn log_sigmoid_is_finite_and_not_positive(z in finite()) {
        let ls = log_sigmoid(z);
        prop_assert!(ls.is_finite() && ls <= 0.0, "ln σ({z}) = {ls}");
    }

    #[test]
    fn log_sigmoid_is_the_log_of_sigmoid(z in -30.0..0.0_f64) {
        let expected = sigmoid(z).ln();
        prop_assert!((log_sigmoid(z) - expected).abs() <= 1e-14 * expected.abs().max(1.0));
    }

    #[test]
    fn normal_cdf_is_a_probability(z in finite()) {
        let p = normal_cdf(z);
        prop_assert!((0.0..=1.0).contains(&p), "Φ({z}) = {p}");
    }

    #[test]
    fn monotone_activations_do_not_decrease(a in activation(), z in moderate(), dz in 0.0..1.0_f64) {
        // GELU and SiLU dip below 0 before rising; all others never decrease
        prop_assume!(!matches!(a, Activation::Gelu | Activation::Silu));
        prop_assert!(a.value(z) <= a.value(z + dz), "{a} at {z}, {}", z + dz);
    }

    #[test]
    fn apply_agrees_with_value(a in activation(), zs in prop::collection::vec(finite(), 0..20)) {
        let z = ndarray::Array1::from(zs);
        let applied = a.apply(&z);
        for (v, &x) in applied.iter().zip(z.iter()) {
            prop_assert_eq!(v.to_bits(), a.value(x).to_bits());
        }
    }
}
