//! Starting from given weights, plain full-batch gradient descent (no L2,
//! no shuffling, no standardisation) must reproduce what an independent
//! implementation computes: a hand-computed trace for logistic regression,
//! and a plain-loop implementation of the 2-h-1 sigmoid MLP.

use activation_lab::prelude::*;

#[test]
fn logistic_regression_matches_a_hand_computed_trace() {
    // x = ±1 with labels 1/0, from w = b = 0 with η = 1:
    // epoch 1: z = 0, ∂w = ((0.5 − 1)·1 + (0.5 − 0)·(−1))/2 = −0.5, ∂b = 0 → w = 0.5
    // epoch 2: z = ±0.5, ∂w = −(1 − σ(0.5)) → w = 0.5 + (1 − σ(0.5))
    // the history records the loss after each epoch: ln(1 + e^−w)
    let data = Dataset::new(array![[1.0], [-1.0]], array![1, 0]).unwrap();
    let init = LogisticModel::from_weights(array![0.0], 0.0).unwrap();
    let model = LogisticRegression::new()
        .learning_rate(1.0)
        .epochs(2)
        .standardize(false)
        .shuffle(false)
        .fit_from(&init, &data)
        .unwrap();
    let loss = &model.history().train_loss;
    let w2 = 0.5 + (1.0 - 1.0 / (1.0 + (-0.5f64).exp()));
    assert!(
        (loss[0] - (1.0 + (-0.5f64).exp()).ln()).abs() < 1e-15,
        "{loss:?}"
    );
    assert!(
        (loss[1] - (1.0 + (-w2).exp()).ln()).abs() < 1e-15,
        "{loss:?}"
    );
    // epoch 2: ∂w = −(1 − σ(0.5)) → w = 0.5 + (1 − σ(0.5))
    assert!((model.weights()[0] - w2).abs() < 1e-15);
    assert!(model.bias().abs() < 1e-15, "by symmetry the bias stays 0");
}

/// A plain-loop reference: full-batch gradient descent on a 2-h-1 sigmoid
/// MLP with mean binary cross-entropy. Returns the loss before each update
/// and the final weights.
#[allow(clippy::type_complexity, clippy::too_many_arguments)]
fn reference_mlp(
    x: &[[f64; 2]],
    y: &[f64],
    mut w1: Vec<[f64; 2]>, // per hidden unit: (w from x1, w from x2)
    mut b1: Vec<f64>,
    mut w2: Vec<f64>,
    mut b2: f64,
    lr: f64,
    epochs: usize,
) -> (Vec<f64>, Vec<[f64; 2]>, Vec<f64>, Vec<f64>, f64) {
    let sig = |z: f64| 1.0 / (1.0 + (-z).exp());
    let (n, h) = (x.len(), w2.len());
    let mut losses = Vec::new();
    for _ in 0..epochs {
        let mut gw1 = vec![[0.0; 2]; h];
        let mut gb1 = vec![0.0; h];
        let mut gw2 = vec![0.0; h];
        let mut gb2 = 0.0;
        let mut loss = 0.0;
        for (xi, &yi) in x.iter().zip(y) {
            let a: Vec<f64> = (0..h)
                .map(|k| sig(b1[k] + xi[0] * w1[k][0] + xi[1] * w1[k][1]))
                .collect();
            let p = sig(b2 + (0..h).map(|k| a[k] * w2[k]).sum::<f64>());
            loss += -(yi * p.ln() + (1.0 - yi) * (1.0 - p).ln());
            let delta = (p - yi) / n as f64;
            gb2 += delta;
            for k in 0..h {
                gw2[k] += delta * a[k];
                let dk = delta * w2[k] * a[k] * (1.0 - a[k]);
                gb1[k] += dk;
                gw1[k][0] += dk * xi[0];
                gw1[k][1] += dk * xi[1];
            }
        }
        losses.push(loss / n as f64);
        for k in 0..h {
            w1[k][0] -= lr * gw1[k][0];
            w1[k][1] -= lr * gw1[k][1];
            b1[k] -= lr * gb1[k];
            w2[k] -= lr * gw2[k];
        }
        b2 -= lr * gb2;
    }
    (losses, w1, b1, w2, b2)
}

/// Random starting weights for a 2-h-1 sigmoid MLP, both as plain vectors
/// (for the reference) and as a model.
#[allow(clippy::type_complexity)]
fn random_start(h: usize, seed: u64, b2: f64) -> (Vec<[f64; 2]>, Vec<f64>, Vec<f64>, MlpModel) {
    let mut rng = seeded(seed);
    let w1: Vec<[f64; 2]> = (0..h)
        .map(|_| [rng.random_range(-1.0..1.0), rng.random_range(-1.0..1.0)])
        .collect();
    let b1: Vec<f64> = (0..h).map(|_| rng.random_range(-0.5..0.5)).collect();
    let w2: Vec<f64> = (0..h).map(|_| rng.random_range(-1.0..1.0)).collect();
    let init = MlpModel::from_weights(
        Array2::from_shape_fn((2, h), |(i, k)| w1[k][i]),
        Array1::from(b1.clone()),
        Array1::from(w2.clone()),
        b2,
        Activation::Sigmoid,
    )
    .unwrap();
    (w1, b1, w2, init)
}

/// Plain full-batch gradient descent: no L2, no shuffling, no standardisation.
fn plain_gradient_descent(learning_rate: f64, epochs: usize) -> Mlp {
    Mlp::new()
        .optimizer(Optimizer::GradientDescent)
        .learning_rate(learning_rate)
        .epochs(epochs)
        .batch_size(0)
        .l2(0.0)
        .shuffle(false)
        .standardize(false)
}

#[test]
fn mlp_full_batch_gradient_descent_matches_a_plain_loop_implementation() {
    let data = moons(60, 0.2, 5).unwrap();
    let h = 7;
    let b2 = 0.1;
    let (w1, b1, w2, init) = random_start(h, 99, b2);
    let (lr, epochs) = (0.8, 25);
    let model = plain_gradient_descent(lr, epochs)
        .fit_from(&init, &data)
        .unwrap();

    let x: Vec<[f64; 2]> = data
        .features()
        .rows()
        .into_iter()
        .map(|r| [r[0], r[1]])
        .collect();
    let y: Vec<f64> = data.labels().iter().map(|&l| f64::from(l)).collect();
    let (losses, rw1, rb1, rw2, rb2) =
        reference_mlp(&x, &y, w1.clone(), b1.clone(), w2.clone(), b2, lr, epochs);
    // the history holds the loss after each epoch: the reference's loss
    // before the next update
    let (after, ..) = reference_mlp(&x, &y, w1, b1, w2, b2, lr, epochs + 1);

    let close = |a: f64, b: f64| (a - b).abs() <= 1e-12 * (1.0 + a.abs().max(b.abs()));
    assert_eq!(model.history().train_loss.len(), epochs);
    for (e, (a, b)) in model
        .history()
        .train_loss
        .iter()
        .zip(&after[1..])
        .enumerate()
    {
        assert!(close(*a, *b), "epoch {e}: loss {a} vs reference {b}");
    }
    assert!(
        losses[epochs - 1] < losses[0],
        "the reference itself must learn"
    );
    for k in 0..h {
        assert!(close(model.hidden_weights()[[0, k]], rw1[k][0]));
        assert!(close(model.hidden_weights()[[1, k]], rw1[k][1]));
        assert!(close(model.hidden_bias()[k], rb1[k]));
        assert!(close(model.output_weights()[k], rw2[k]));
    }
    assert!(close(model.output_bias(), rb2));
}

#[test]
fn large_full_batches_split_into_blocks_still_match_the_plain_loop() {
    // 1000 rows: the gradient is summed in parallel blocks (added up in
    // block order); the result must match the reference to rounding and be
    // the same on every run.
    let data = moons(1000, 0.2, 8).unwrap();
    let h = 5;
    let (w1, b1, w2, init) = random_start(h, 3, -0.2);
    let (lr, epochs) = (0.5, 6);
    let fit = || {
        plain_gradient_descent(lr, epochs)
            .fit_from(&init, &data)
            .unwrap()
    };
    let (a, b) = (fit(), fit());
    assert_eq!(
        a.to_json(),
        b.to_json(),
        "parallel blocks must be deterministic"
    );
    let x: Vec<[f64; 2]> = data
        .features()
        .rows()
        .into_iter()
        .map(|r| [r[0], r[1]])
        .collect();
    let y: Vec<f64> = data.labels().iter().map(|&l| f64::from(l)).collect();
    let (_, rw1, _, rw2, rb2) =
        reference_mlp(&x, &y, w1.clone(), b1.clone(), w2.clone(), -0.2, lr, epochs);
    let (after, ..) = reference_mlp(&x, &y, w1, b1, w2, -0.2, lr, epochs + 1);
    let close = |p: f64, q: f64| (p - q).abs() <= 1e-12 * (1.0 + p.abs().max(q.abs()));
    for (e, (p, q)) in a.history().train_loss.iter().zip(&after[1..]).enumerate() {
        assert!(close(*p, *q), "epoch {e}: loss {p} vs reference {q}");
    }
    for k in 0..h {
        assert!(close(a.hidden_weights()[[0, k]], rw1[k][0]));
        assert!(close(a.output_weights()[k], rw2[k]));
    }
    assert!(close(a.output_bias(), rb2));
}
