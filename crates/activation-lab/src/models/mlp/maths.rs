//! The MLP's maths as a teacher writes it on the board: a forward pass
//! that keeps every intermediate array, and a backward pass that applies
//! the chain rule to them, one line per equation.
//!
//! For n rows of d features and h hidden units (2-200-1 in the series):
//!
//! ```text
//! forward                                      backward (mean cross-entropy, L2 on weights)
//! z_hidden = X·W1 + b1        [n, h]           ∂z_out    = (a_out − y)/n               [n]
//! a_hidden = φ(z_hidden)      [n, h]           ∂w2       = a_hiddenᵀ·∂z_out + λ/n·w2   [h]
//! z_out    = a_hidden·w2 + b2 [n]              ∂b2       = Σ ∂z_out
//! a_out    = σ(z_out)         [n]              ∂a_hidden = ∂z_out ⊗ w2                [n, h]
//!                                              ∂z_hidden = ∂a_hidden ∘ φ'(z_hidden)    [n, h]
//!                                              ∂W1       = Xᵀ·∂z_hidden + λ/n·W1       [d, h]
//!                                              ∂b1       = Σ_rows ∂z_hidden            [h]
//! ```
//!
//! Training runs the same equations in fused kernels (one row at a time,
//! vectorised, in parallel blocks); the tests below show that both give the
//! same loss and gradient to 1e-12 for every trainable activation.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis};

use super::model::{MlpGradients, MlpModel};
use crate::activation::sigmoid;
use crate::metrics::cross_entropy_from_logit;
use crate::models::checks::row_major;

/// Everything the forward pass computes, kept for the backward pass.
#[derive(Debug, Clone)]
pub(crate) struct Forward {
    /// The hidden units' net inputs, `[n, h]`.
    pub z_hidden: Array2<f64>,
    /// The hidden units' outputs φ(z_hidden), `[n, h]`.
    pub a_hidden: Array2<f64>,
    /// The output unit's net input, `[n]`.
    pub z_out: Array1<f64>,
    /// P(y = 1 | x) = σ(z_out), `[n]`.
    pub a_out: Array1<f64>,
}

/// The hidden units' net inputs `z_hidden = X·W1 + b1`, `[n, h]`.
pub(crate) fn hidden_net_input(model: &MlpModel, x: ArrayView2<'_, f64>) -> Array2<f64> {
    x.dot(&model.hidden_weights) + &model.hidden_bias // [n, d]·[d, h] + [h] → [n, h]
}

/// The forward pass of `model` on the rows of `x` (`[n, d]`).
pub(crate) fn forward(model: &MlpModel, x: ArrayView2<'_, f64>) -> Forward {
    let phi = model.activation;
    let z_hidden = hidden_net_input(model, x); //                          [n, h]
    let a_hidden = z_hidden.mapv(|z| phi.value(z)); //                     φ elementwise
    let z_out = a_hidden.dot(&model.output_weights) + model.output_bias; // [n, h]·[h] + b2
    let a_out = z_out.mapv(sigmoid); //                                    σ elementwise
    Forward {
        z_hidden,
        a_hidden,
        z_out,
        a_out,
    }
}

/// The loss (mean cross-entropy + `l2/(2n)·(ΣW1² + Σw2²)`) of `model` on
/// `x` with labels `y` (0.0 or 1.0), and its gradient, from the forward
/// pass `f` of the same rows.
pub(crate) fn backward(
    model: &MlpModel,
    x: ArrayView2<'_, f64>,
    y: ArrayView1<'_, f64>,
    l2: f64,
    f: &Forward,
) -> (f64, MlpGradients) {
    let n = x.nrows() as f64;
    let (w1, w2) = (&model.hidden_weights, &model.output_weights);

    // the loss: cross-entropy from z_out (stable), and the L2 penalty
    let cross_entropy: f64 = f
        .z_out
        .iter()
        .zip(y)
        .map(|(&z, &label)| cross_entropy_from_logit(z, label == 1.0))
        .sum::<f64>()
        / n;
    let penalty = l2 / (2.0 * n) * (w1.mapv(|w| w * w).sum() + w2.mapv(|w| w * w).sum());

    // output unit: σ and cross-entropy together give ∂loss/∂z_out = (a_out − y)/n
    let d_z_out = (&f.a_out - &y) / n; //                                     [n]
    let d_w2 = f.a_hidden.t().dot(&d_z_out) + &(w2 * (l2 / n)); //            [h, n]·[n] → [h]
    let d_b2 = d_z_out.sum();

    // hidden layer: back through w2, then through φ
    let d_a_hidden = outer(&d_z_out, w2); //                                  [n] ⊗ [h] → [n, h]
    let d_z_hidden = d_a_hidden * f.z_hidden.mapv(|z| model.activation.derivative(z)); // [n, h]
    let d_w1 = x.t().dot(&d_z_hidden) + &(w1 * (l2 / n)); //                  [d, n]·[n, h] → [d, h]
    let d_b1 = d_z_hidden.sum_axis(Axis(0)); //                               [h]

    let gradients = MlpGradients {
        hidden_weights: row_major(d_w1), // laid out as the weights
        hidden_bias: d_b1,
        output_weights: d_w2,
        output_bias: d_b2,
    };
    (cross_entropy + penalty, gradients)
}

/// `u ⊗ v`: the `[len u, len v]` matrix of products `u_i·v_j`.
fn outer(u: &Array1<f64>, v: &Array1<f64>) -> Array2<f64> {
    let column = u.view().insert_axis(Axis(1)); // [n, 1]
    let row = v.view().insert_axis(Axis(0)); //    [1, h]
    column.dot(&row)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::Activation;
    use crate::models::mlp::dense::Dense;
    use crate::models::train::Network;

    /// A model with weights that reach every part of each activation:
    /// negative and positive net inputs, small and large.
    fn model(d: usize, h: usize, activation: Activation) -> MlpModel {
        let wave = |k: usize, f: f64| ((k as f64) * f + 0.3).sin();
        MlpModel::from_weights(
            Array2::from_shape_fn((d, h), |(i, j)| 1.5 * wave(i * h + j, 0.7)),
            Array1::from_shape_fn(h, |j| wave(j, 1.3)),
            Array1::from_shape_fn(h, |j| 2.0 * wave(j, 2.1)),
            0.25,
            activation,
        )
        .unwrap()
    }

    fn data(n: usize, d: usize) -> (Array2<f64>, Array1<f64>) {
        let x = Array2::from_shape_fn((n, d), |(i, j)| 2.5 * ((i * d + j) as f64 * 0.37).sin());
        let y = Array1::from_shape_fn(n, |i| f64::from(u8::from(i % 3 != 1)));
        (x, y)
    }

    fn assert_close(what: &str, fast: &[f64], readable: &[f64]) {
        assert_eq!(fast.len(), readable.len(), "{what}");
        for (k, (&a, &b)) in fast.iter().zip(readable).enumerate() {
            assert!(
                (a - b).abs() <= 1e-12 * (1.0 + b.abs()),
                "{what}[{k}]: fused kernel {a:e}, readable maths {b:e}"
            );
        }
    }

    /// The fused, vectorised kernels (row by row, and in parallel blocks for
    /// 600 rows) compute the same loss, gradient and output as the readable
    /// forward and backward passes, for every trainable activation.
    #[test]
    fn fused_kernels_agree_with_the_readable_maths_to_1e_12() {
        for activation in Activation::ALL.into_iter().filter(|a| a.is_trainable()) {
            for (n, d, h) in [(37, 2, 200), (600, 2, 21), (50, 3, 9)] {
                let m = model(d, h, activation);
                let (x, y) = data(n, d);
                let l2 = 0.3;
                let f = forward(&m, x.view());
                let (loss, g) = backward(&m, x.view(), y.view(), l2, &f);

                let net = Dense::from_model(&m);
                let mut ws = net.workspace(n);
                let (ce, penalty, _) = net.forward_backward(x.view(), y.view(), l2, &mut ws);
                let what = format!("{activation}, {n} rows, {d}-{h}-1");
                assert_close(&format!("loss ({what})"), &[ce + penalty], &[loss]);
                let fast = ws.gradients();
                assert_close(
                    &format!("∂W1 ({what})"),
                    &fast.hidden_weights.iter().copied().collect::<Vec<_>>(),
                    &g.hidden_weights.iter().copied().collect::<Vec<_>>(),
                );
                assert_close(
                    &format!("∂b1 ({what})"),
                    &fast.hidden_bias.to_vec(),
                    &g.hidden_bias.to_vec(),
                );
                assert_close(
                    &format!("∂w2 ({what})"),
                    &fast.output_weights.to_vec(),
                    &g.output_weights.to_vec(),
                );
                assert_close(
                    &format!("∂b2 ({what})"),
                    &[fast.output_bias],
                    &[g.output_bias],
                );
                assert_close(
                    &format!("z_out ({what})"),
                    &net.decision(x.view()).to_vec(),
                    &f.z_out.to_vec(),
                );
            }
        }
    }

    #[test]
    fn the_backward_pass_matches_finite_differences() {
        let m = model(2, 5, Activation::Tanh);
        let (x, y) = data(40, 2);
        let loss_at = |m: &MlpModel| backward(m, x.view(), y.view(), 0.1, &forward(m, x.view())).0;
        let (_, g) = backward(&m, x.view(), y.view(), 0.1, &forward(&m, x.view()));
        let h = 1e-6;
        for (i, j) in [(0, 0), (1, 3)] {
            let (mut up, mut down) = (m.clone(), m.clone());
            up.hidden_weights[[i, j]] += h;
            down.hidden_weights[[i, j]] -= h;
            let numeric = (loss_at(&up) - loss_at(&down)) / (2.0 * h);
            assert!(
                (numeric - g.hidden_weights[[i, j]]).abs() < 1e-7,
                "∂W1[{i},{j}]"
            );
        }
        let (mut up, mut down) = (m.clone(), m.clone());
        up.output_bias += h;
        down.output_bias -= h;
        let numeric = (loss_at(&up) - loss_at(&down)) / (2.0 * h);
        assert!((numeric - g.output_bias).abs() < 1e-7, "∂b2");
    }
}
