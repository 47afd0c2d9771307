//! The trainable form of the MLP: its parameters as contiguous arrays,
//! trained by the fused kernels, with large batches split into blocks of
//! rows computed in parallel.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, ArrayViewMut1, ArrayViewMut2, s};
use rand::Rng;
use rayon::prelude::*;

use super::model::MlpModel;
use crate::activation::Activation;
use crate::error::Result;
use crate::models::checks::row_major;
use crate::models::fit::Trainable;
use crate::models::history::History;
use crate::models::kernels::{self, Grads, Params, RowBuffers};
use crate::models::train::{GroupVisitor, Network, sum_of_squares};

/// Rows per parallel task when evaluating many inputs (decision surfaces).
const PARALLEL_BLOCK: usize = 2048;

/// The trainable form: parameters as contiguous arrays.
#[derive(Clone)]
pub(super) struct Dense {
    w1: Array2<f64>,
    b1: Array1<f64>,
    w2: Array1<f64>,
    b2: f64,
    activation: Activation,
}

pub(super) struct DenseWorkspace {
    d_w1: Array2<f64>,
    d_b1: Array1<f64>,
    d_w2: Array1<f64>,
    d_b2: [f64; 1],
    rows: RowBuffers,
    /// Per-block partial gradients for large batches (see [`BLOCK_ROWS`]).
    blocks: Vec<BlockWork>,
}

impl DenseWorkspace {
    /// The gradient the last [`Network::forward_backward`] left.
    #[cfg(test)]
    pub(super) fn gradients(&self) -> super::model::MlpGradients {
        super::model::MlpGradients {
            hidden_weights: self.d_w1.clone(),
            hidden_bias: self.d_b1.clone(),
            output_weights: self.d_w2.clone(),
            output_bias: self.d_b2[0],
        }
    }
}

/// Batches of at least this many rows are split into blocks whose partial
/// gradients are computed in parallel (see [`block_count`]).
const PARALLEL_MIN_ROWS: usize = 512;

/// Rows per block, at most (about).
const BLOCK_ROWS: usize = 512;

/// The number of equal blocks a batch of `m` rows is split into: at least
/// two once the batch is large enough. The blocks depend only on the batch
/// size, never on the number of threads, and their partial sums are added
/// in block order, so the result is the same on every machine and every run.
fn block_count(m: usize) -> usize {
    if m < PARALLEL_MIN_ROWS {
        1
    } else {
        m.div_ceil(BLOCK_ROWS).max(2)
    }
}

/// Checks that training `h` hidden units on `d` features with batches of
/// `rows` rows fits the memory budget: the parameters with their gradients
/// and two optimiser moments, and one partial gradient per block of a
/// large batch. `batch_name`/`batch_value` name the setting that chose the
/// batch.
pub(crate) fn check_training_memory(
    d: usize,
    h: usize,
    rows: usize,
    batch_name: &str,
    batch_value: String,
    fix: &str,
) -> Result<()> {
    let (d, h) = (d as u128, h as u128);
    let params = d * h + 2 * h + 1;
    let model = params * 8 * 4;
    crate::limits::check_memory(
        "hidden_units",
        h,
        model,
        &format!(
            "the weights of {h} hidden units on {d} features, with their gradients and optimiser state,"
        ),
        "use fewer hidden units or fewer feature columns",
    )?;
    let blocks = if rows >= PARALLEL_MIN_ROWS {
        block_count(rows) as u128
    } else {
        0
    };
    crate::limits::check_memory(
        batch_name,
        batch_value,
        model + blocks * (d * h + 4 * h) * 8,
        &format!("batches of {rows} rows ({blocks} partial gradients of {h} hidden units)"),
        fix,
    )
}

/// One block's partial loss, count and gradient.
struct BlockWork {
    d_w1: Vec<f64>,
    d_b1: Vec<f64>,
    d_w2: Vec<f64>,
    d_b2: f64,
    loss: f64,
    correct: usize,
    rows: RowBuffers,
}

impl BlockWork {
    fn new(d: usize, h: usize) -> Self {
        BlockWork {
            d_w1: vec![0.0; d * h],
            d_b1: vec![0.0; h],
            d_w2: vec![0.0; h],
            d_b2: 0.0,
            loss: 0.0,
            correct: 0,
            rows: RowBuffers::new(h),
        }
    }
}

impl Dense {
    /// Glorot-uniform initialisation as in scikit-learn: weights and biases
    /// from U(−r, r) with r = √(k / (fan_in + fan_out)), k = 2 for sigmoid
    /// units and 6 otherwise. Drawn in the order W1 (row-major), b1, w2, b2.
    pub(super) fn glorot(d: usize, h: usize, activation: Activation, rng: &mut impl Rng) -> Dense {
        let k = if activation == Activation::Sigmoid {
            2.0
        } else {
            6.0
        };
        let r_hidden = (k / (d + h) as f64).sqrt();
        let r_out = (k / (h + 1) as f64).sqrt();
        let mut uniform = |r: f64| rng.random_range(-r..r);
        let w1 = Array2::from_shape_simple_fn((d, h), || uniform(r_hidden));
        let b1 = Array1::from_shape_simple_fn(h, || uniform(r_hidden));
        let w2 = Array1::from_shape_simple_fn(h, || uniform(r_out));
        let b2 = uniform(r_out);
        Dense {
            w1,
            b1,
            w2,
            b2,
            activation,
        }
    }

    pub(super) fn from_model(m: &MlpModel) -> Dense {
        Dense {
            w1: row_major(m.hidden_weights.clone()),
            b1: m.hidden_bias.clone(),
            w2: m.output_weights.clone(),
            b2: m.output_bias,
            activation: m.activation,
        }
    }

    /// The parameters as contiguous slices for the kernels.
    fn params(&self) -> Params<'_> {
        Params {
            w1: self.w1.as_slice().expect("W1 is kept in standard layout"),
            b1: self.b1.as_slice().expect("b1 is contiguous"),
            w2: self.w2.as_slice().expect("w2 is contiguous"),
            b2: self.b2,
        }
    }
}

impl Network for Dense {
    type Workspace = DenseWorkspace;

    fn workspace(&self, max_batch: usize) -> DenseWorkspace {
        let (d, h) = self.w1.dim();
        let blocks = if max_batch >= PARALLEL_MIN_ROWS {
            block_count(max_batch)
        } else {
            0
        };
        DenseWorkspace {
            d_w1: Array2::zeros((d, h)),
            d_b1: Array1::zeros(h),
            d_w2: Array1::zeros(h),
            d_b2: [0.0],
            rows: RowBuffers::new(h),
            blocks: (0..blocks).map(|_| BlockWork::new(d, h)).collect(),
        }
    }

    fn forward_backward(
        &self,
        x: ArrayView2<'_, f64>,
        y: ArrayView1<'_, f64>,
        l2: f64,
        ws: &mut DenseWorkspace,
    ) -> (f64, f64, usize) {
        let m = x.nrows();
        let inv_m = 1.0 / m as f64;
        ws.d_w1.fill(0.0);
        ws.d_b1.fill(0.0);
        ws.d_w2.fill(0.0);
        let mut d_b2 = 0.0;
        let params = self.params();
        let n_blocks = block_count(m);
        let (loss_sum, correct) = if n_blocks > 1 && ws.blocks.len() >= n_blocks {
            // blocks of rows in parallel, each into its own partial gradient
            let activation = self.activation;
            ws.blocks[..n_blocks]
                .par_iter_mut()
                .enumerate()
                .for_each(|(b, work)| {
                    let rows = b * m / n_blocks..(b + 1) * m / n_blocks;
                    let (xb, yb) = (x.slice(s![rows.clone(), ..]), y.slice(s![rows]));
                    work.d_w1.fill(0.0);
                    work.d_b1.fill(0.0);
                    work.d_w2.fill(0.0);
                    work.d_b2 = 0.0;
                    let mut grads = Grads {
                        w1: &mut work.d_w1,
                        b1: &mut work.d_b1,
                        w2: &mut work.d_w2,
                        b2: &mut work.d_b2,
                    };
                    let (loss, correct) = kernels::with_hidden!(activation, act => {
                        kernels::forward_backward(act, params, xb, yb, inv_m, &mut grads, &mut work.rows)
                    });
                    work.loss = loss;
                    work.correct = correct;
                });
            // add the blocks up in block order
            let (mut loss_sum, mut correct) = (0.0, 0);
            let d_w1 = ws.d_w1.as_slice_mut().expect("contiguous");
            let d_b1 = ws.d_b1.as_slice_mut().expect("contiguous");
            let d_w2 = ws.d_w2.as_slice_mut().expect("contiguous");
            for work in &ws.blocks[..n_blocks] {
                loss_sum += work.loss;
                correct += work.correct;
                d_b2 += work.d_b2;
                for (g, &p) in d_w1.iter_mut().zip(&work.d_w1) {
                    *g += p;
                }
                for (g, &p) in d_b1.iter_mut().zip(&work.d_b1) {
                    *g += p;
                }
                for (g, &p) in d_w2.iter_mut().zip(&work.d_w2) {
                    *g += p;
                }
            }
            (loss_sum, correct)
        } else {
            let mut grads = Grads {
                w1: ws.d_w1.as_slice_mut().expect("contiguous"),
                b1: ws.d_b1.as_slice_mut().expect("contiguous"),
                w2: ws.d_w2.as_slice_mut().expect("contiguous"),
                b2: &mut d_b2,
            };
            // forward and backward, row by row: d_z_out = (σ(z_out) − y)/m
            kernels::with_hidden!(self.activation, act => {
                kernels::forward_backward(act, params, x, y, inv_m, &mut grads, &mut ws.rows)
            })
        };
        ws.d_b2 = [d_b2];
        let penalty = 0.5 * l2 * inv_m * (sum_of_squares(&self.w1) + sum_of_squares(&self.w2));
        // L2: ∂/∂w of l2/(2m)·Σw² = (l2/m)·w
        let decay = l2 * inv_m;
        ws.d_w1.scaled_add(decay, &self.w1);
        ws.d_w2.scaled_add(decay, &self.w2);
        (loss_sum * inv_m, penalty, correct)
    }

    fn group_lens(&self) -> Vec<usize> {
        vec![self.w1.len(), self.b1.len(), self.w2.len(), 1]
    }

    fn for_each_group(&mut self, ws: &DenseWorkspace, f: &mut GroupVisitor<'_>) {
        if let (Some(p), Some(g)) = (self.w1.as_slice_mut(), ws.d_w1.as_slice()) {
            f(0, p, g);
        }
        if let (Some(p), Some(g)) = (self.b1.as_slice_mut(), ws.d_b1.as_slice()) {
            f(1, p, g);
        }
        if let (Some(p), Some(g)) = (self.w2.as_slice_mut(), ws.d_w2.as_slice()) {
            f(2, p, g);
        }
        f(3, std::slice::from_mut(&mut self.b2), &ws.d_b2);
    }

    fn decision(&self, x: ArrayView2<'_, f64>) -> Array1<f64> {
        // Rows are independent: blocks of rows run in parallel, each
        // with buffers of 2·h numbers, so memory stays small however large
        // the grid is, and every row's result is the same as in one thread.
        let m = x.nrows();
        let mut out = vec![0.0; m];
        let params = self.params();
        kernels::with_hidden!(self.activation, act => {
            if m <= PARALLEL_BLOCK {
                kernels::decision(act, params, x, &mut out);
            } else {
                out.par_chunks_mut(PARALLEL_BLOCK)
                    .enumerate()
                    .for_each(|(i, block)| {
                        let start = i * PARALLEL_BLOCK;
                        let rows = x.slice(ndarray::s![start..start + block.len(), ..]);
                        kernels::decision(act, params, rows, block);
                    });
            }
        });
        Array1::from(out)
    }
}

impl Trainable for Dense {
    type Model = MlpModel;
    const INIT_FEATURES: &'static str = "feature rows in the starting model's hidden_weights";

    fn model_features(model: &MlpModel) -> usize {
        model.hidden_weights.nrows()
    }

    fn from_model(model: &MlpModel) -> Self {
        Dense::from_model(model)
    }

    fn into_model(self, history: History) -> MlpModel {
        MlpModel {
            hidden_weights: self.w1,
            hidden_bias: self.b1,
            output_weights: self.w2,
            output_bias: self.b2,
            activation: self.activation,
            history,
        }
    }

    fn first_layer(&mut self) -> (ArrayViewMut2<'_, f64>, ArrayViewMut1<'_, f64>) {
        (self.w1.view_mut(), self.b1.view_mut())
    }
}
