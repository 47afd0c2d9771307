//! Backpropagation against central differences (f64, relative error
//! < 1e-6) for every parameter group, biases included, with and without L2,
//! for every trainable hidden activation.
//!
//! The five-point central difference (truncation error O(h⁴)) with
//! h = 1e-4 keeps both truncation and rounding far below the tolerance.

use activation_lab::prelude::*;

const H: f64 = 1e-4;

/// Five-point central difference of `f` at 0.
fn derivative(f: impl Fn(f64) -> f64) -> f64 {
    (-f(2.0 * H) + 8.0 * f(H) - 8.0 * f(-H) + f(-2.0 * H)) / (12.0 * H)
}

/// Largest relative error between analytic and numerical derivatives.
fn max_relative_error(analytic: &[f64], numeric: &[f64]) -> f64 {
    analytic
        .iter()
        .zip(numeric)
        .map(|(a, n)| (a - n).abs() / (a.abs() + n.abs()).max(1e-7))
        .fold(0.0, f64::max)
}

fn small_data() -> Dataset {
    let x = array![
        [0.3, -1.2],
        [1.5, 0.4],
        [-0.7, 0.9],
        [0.1, 0.2],
        [-1.3, -0.6],
        [0.8, 1.1],
        [2.0, -0.3]
    ];
    Dataset::new(x, array![0, 1, 1, 0, 0, 1, 0]).unwrap()
}

/// Random-looking but fixed weights, away from ReLU's kink on this data.
fn mlp(activation: Activation) -> MlpModel {
    let mut rng = seeded(11);
    let (d, h) = (2, 5);
    let w1 = Array2::from_shape_simple_fn((d, h), || rng.random_range(-1.0..1.0));
    let b1 = Array1::from_shape_simple_fn(h, || rng.random_range(-0.5..0.5));
    let w2 = Array1::from_shape_simple_fn(h, || rng.random_range(-1.0..1.0));
    MlpModel::from_weights(w1, b1, w2, 0.2, activation).unwrap()
}

fn mlp_loss(m: &MlpModel, data: &Dataset, l2: f64) -> f64 {
    m.loss_and_gradient(data, l2).unwrap().0
}

fn rebuild(m: &MlpModel, w1: Array2<f64>, b1: Array1<f64>, w2: Array1<f64>, b2: f64) -> MlpModel {
    MlpModel::from_weights(w1, b1, w2, b2, m.activation()).unwrap()
}

fn check_mlp(activation: Activation, l2: f64) {
    let data = small_data();
    let m = mlp(activation);
    let (_, g) = m.loss_and_gradient(&data, l2).unwrap();
    let (w1, b1, w2, b2) = (
        m.hidden_weights().clone(),
        m.hidden_bias().clone(),
        m.output_weights().clone(),
        m.output_bias(),
    );
    let loss = |m: MlpModel| mlp_loss(&m, &data, l2);

    // hidden weights
    let mut numeric = Vec::new();
    for idx in 0..w1.len() {
        let (i, j) = (idx / w1.ncols(), idx % w1.ncols());
        numeric.push(derivative(|delta| {
            let mut p = w1.clone();
            p[[i, j]] += delta;
            loss(rebuild(&m, p, b1.clone(), w2.clone(), b2))
        }));
    }
    let err = max_relative_error(g.hidden_weights.as_slice().unwrap(), &numeric);
    assert!(
        err < 1e-6,
        "{activation} l2={l2}: hidden_weights relative error {err:e}"
    );

    // hidden bias
    let mut numeric = Vec::new();
    for j in 0..b1.len() {
        numeric.push(derivative(|delta| {
            let mut p = b1.clone();
            p[j] += delta;
            loss(rebuild(&m, w1.clone(), p, w2.clone(), b2))
        }));
    }
    let err = max_relative_error(g.hidden_bias.as_slice().unwrap(), &numeric);
    assert!(
        err < 1e-6,
        "{activation} l2={l2}: hidden_bias relative error {err:e}"
    );

    // output weights
    let mut numeric = Vec::new();
    for j in 0..w2.len() {
        numeric.push(derivative(|delta| {
            let mut p = w2.clone();
            p[j] += delta;
            loss(rebuild(&m, w1.clone(), b1.clone(), p, b2))
        }));
    }
    let err = max_relative_error(g.output_weights.as_slice().unwrap(), &numeric);
    assert!(
        err < 1e-6,
        "{activation} l2={l2}: output_weights relative error {err:e}"
    );

    // output bias
    let numeric =
        derivative(|delta| loss(rebuild(&m, w1.clone(), b1.clone(), w2.clone(), b2 + delta)));
    let err = max_relative_error(&[g.output_bias], &[numeric]);
    assert!(
        err < 1e-6,
        "{activation} l2={l2}: output_bias relative error {err:e}"
    );
}

#[test]
fn mlp_gradients_match_central_differences_for_every_trainable_activation() {
    let mut checked = 0;
    for activation in Activation::ALL {
        if !activation.is_trainable() || activation == Activation::PiecewiseLinear {
            continue;
        }
        for l2 in [0.0, 0.7] {
            check_mlp(activation, l2);
        }
        checked += 1;
    }
    assert!(checked >= 9, "only {checked} activations were checked");
}

#[test]
fn piecewise_linear_gradients_match_away_from_its_corners() {
    // With these weights no hidden net input lies within 2h of ±½.
    check_mlp(Activation::PiecewiseLinear, 0.0);
    check_mlp(Activation::PiecewiseLinear, 0.7);
}

#[test]
fn logistic_gradients_match_central_differences() {
    let data = small_data();
    for l2 in [0.0, 0.7] {
        let (w, b) = (array![0.4, -0.9], 0.3);
        let m = LogisticModel::from_weights(w.clone(), b).unwrap();
        let (_, g) = m.loss_and_gradient(&data, l2).unwrap();
        let loss = |w: Array1<f64>, b: f64| {
            LogisticModel::from_weights(w, b)
                .unwrap()
                .loss_and_gradient(&data, l2)
                .unwrap()
                .0
        };
        let numeric: Vec<f64> = (0..2)
            .map(|j| {
                derivative(|delta| {
                    let mut p = w.clone();
                    p[j] += delta;
                    loss(p, b)
                })
            })
            .collect();
        let err = max_relative_error(g.weights.as_slice().unwrap(), &numeric);
        assert!(err < 1e-6, "l2={l2}: weights relative error {err:e}");
        let nb = derivative(|delta| loss(w.clone(), b + delta));
        let err = max_relative_error(&[g.bias], &[nb]);
        assert!(err < 1e-6, "l2={l2}: bias relative error {err:e}");
    }
}

#[test]
fn l2_penalises_weights_but_not_biases() {
    let data = small_data();
    let m = mlp(Activation::Sigmoid);
    let (l0, g0) = m.loss_and_gradient(&data, 0.0).unwrap();
    let (l1, g1) = m.loss_and_gradient(&data, 1.0).unwrap();
    let n = data.n_samples() as f64;
    let sum_w2: f64 = m
        .hidden_weights()
        .iter()
        .chain(m.output_weights())
        .map(|w| w * w)
        .sum();
    assert!((l1 - l0 - sum_w2 / (2.0 * n)).abs() < 1e-12);
    assert_eq!(g0.hidden_bias, g1.hidden_bias);
    assert_eq!(g0.output_bias, g1.output_bias);
    let expected = &g0.output_weights + &(m.output_weights() / n);
    assert!(
        (&g1.output_weights - &expected)
            .iter()
            .all(|d| d.abs() < 1e-12)
    );
}
