//! The training loop shared by both models: epochs, seeded minibatches,
//! the optimiser step, the history and the observer.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2};
use rand::seq::SliceRandom;

use super::history::History;
use super::optimizer::SlotState;
use super::settings::Training;
use crate::activation::predicted_class;
use crate::error::{Error, Result};
use crate::metrics::cross_entropy_from_logit;
use crate::rng::ChaCha8Rng;

/// Receives `(group index, parameters, gradient)` for one parameter group.
pub(crate) type GroupVisitor<'a> = dyn FnMut(usize, &mut [f64], &[f64]) + 'a;

/// A model that the loop can train: a forward/backward pass that fills a
/// workspace with gradients, and parameter groups to update from them.
pub(crate) trait Network {
    /// Buffers for one batch (activations and gradients).
    type Workspace;

    /// Buffers for batches of up to `max_batch` rows.
    fn workspace(&self, max_batch: usize) -> Self::Workspace;

    /// Forward and backward pass on one batch. Returns the batch's mean
    /// cross-entropy, its L2 penalty `l2/(2m)·Σw²` and the number of rows
    /// classified correctly; leaves the gradient of their sum in `ws`.
    fn forward_backward(
        &self,
        x: ArrayView2<'_, f64>,
        y: ArrayView1<'_, f64>,
        l2: f64,
        ws: &mut Self::Workspace,
    ) -> (f64, f64, usize);

    /// Lengths of the parameter groups, in a fixed order.
    fn group_lens(&self) -> Vec<usize>;

    /// Calls `f(group, parameters, gradient)` for each group, in order.
    fn for_each_group(&mut self, ws: &Self::Workspace, f: &mut GroupVisitor<'_>);

    /// The output net input z for each row (for validation metrics).
    fn decision(&self, x: ArrayView2<'_, f64>) -> Array1<f64>;
}

/// Mean cross-entropy and accuracy of raw net inputs `z` against labels.
pub(crate) fn loss_and_accuracy(z: &Array1<f64>, y: &Array1<u8>) -> (f64, f64) {
    let n = z.len().max(1) as f64;
    let mut loss = 0.0;
    let mut correct = 0usize;
    for (&zi, &yi) in z.iter().zip(y) {
        loss += cross_entropy_from_logit(zi, yi == 1);
        correct += usize::from(predicted_class(zi) == yi);
    }
    (loss / n, correct as f64 / n)
}

/// Runs `settings.epochs` epochs of (minibatch) training on `net`
/// (`settings` already validated by the caller).
///
/// `observe(epoch, net)` is called after every epoch (epoch ≥ 1); the caller
/// decides which epochs to record.
pub(crate) fn train<N: Network>(
    net: &mut N,
    x: &Array2<f64>,
    y: &Array1<u8>,
    validation: Option<(&Array2<f64>, &Array1<u8>)>,
    settings: &Training,
    rng: &mut ChaCha8Rng,
    observe: &mut dyn FnMut(usize, &N),
) -> Result<History> {
    let n = x.nrows();
    let batch = if settings.batch_size == 0 || settings.batch_size >= n {
        n
    } else {
        settings.batch_size
    };
    let full_batch = batch == n;
    let y_f64 = y.mapv(f64::from);
    let mut order: Vec<usize> = (0..n).collect();
    let mut ws = net.workspace(batch);
    let mut x_batch = Array2::<f64>::zeros((if full_batch { 0 } else { batch }, x.ncols()));
    let mut y_batch = Array1::<f64>::zeros(if full_batch { 0 } else { batch });
    let rule = settings.rule();
    let mut state: Vec<SlotState> = net
        .group_lens()
        .into_iter()
        .map(|len| SlotState::new(len, &rule))
        .collect();
    let mut history = History::default();
    let mut step: u64 = 0;

    // Each epoch's training loss and accuracy are measured on the whole
    // training set at the weights it ended with. With full batches that is
    // what the next epoch's forward pass computes anyway, so it is taken
    // from there (and only the last epoch needs a pass of its own).
    let record_train = |history: &mut History, epoch: usize, loss: f64, accuracy: f64| {
        if !loss.is_finite() {
            return Err(Error::Diverged {
                epoch,
                loss,
                learning_rate: settings.learning_rate,
                l2: settings.l2,
            });
        }
        history.train_loss.push(loss);
        history.train_accuracy.push(accuracy);
        Ok(())
    };
    for epoch in 1..=settings.epochs {
        if settings.shuffle && !full_batch {
            order.shuffle(rng);
        }
        let mut loss_sum = 0.0;
        for chunk in order.chunks(batch) {
            let m = chunk.len();
            // gather the batch ([m, d]); a full batch is used in place
            let (loss, penalty, right) = if full_batch {
                net.forward_backward(x.view(), y_f64.view(), settings.l2, &mut ws)
            } else {
                for (row, &i) in chunk.iter().enumerate() {
                    x_batch.row_mut(row).assign(&x.row(i));
                    y_batch[row] = y_f64[i];
                }
                let xb = x_batch.slice(ndarray::s![..m, ..]);
                let yb = y_batch.slice(ndarray::s![..m]);
                net.forward_backward(xb, yb, settings.l2, &mut ws)
            };
            if step == 0 && !(loss + penalty).is_finite() {
                // not a learning rate: the starting weights already overflow
                let largest = x.iter().fold(0.0f64, |m, v| m.max(v.abs()));
                return Err(Error::too_large(
                    "the training data",
                    format!("features up to ±{}", crate::error::short(largest)),
                    "features on which the loss is finite at the starting weights: standardise \
                     them (standardize(true), the default) or rescale them",
                ));
            }
            if full_batch && epoch > 1 {
                // the weights of the end of the previous epoch, on all rows
                record_train(&mut history, epoch - 1, loss, right as f64 / n as f64)?;
            }
            loss_sum += (loss + penalty) * m as f64;
            // update
            step += 1;
            net.for_each_group(&ws, &mut |g, p, grad| {
                rule.step(p, grad, &mut state[g], step)
            });
        }
        let batch_loss = loss_sum / n as f64;
        if !batch_loss.is_finite() {
            return Err(Error::Diverged {
                epoch,
                loss: batch_loss,
                learning_rate: settings.learning_rate,
                l2: settings.l2,
            });
        }
        if !full_batch || epoch == settings.epochs {
            let (loss, accuracy) = loss_and_accuracy(&net.decision(x.view()), y);
            record_train(&mut history, epoch, loss, accuracy)?;
        }
        if let Some((xv, yv)) = validation
            && xv.nrows() > 0
        {
            let (l, a) = loss_and_accuracy(&net.decision(xv.view()), yv);
            history.validation_loss.push(l);
            history.validation_accuracy.push(a);
        }
        observe(epoch, net);
    }
    Ok(history)
}

/// Sum of squares of the rows of a weight matrix or vector (for L2).
pub(crate) fn sum_of_squares<'a>(values: impl IntoIterator<Item = &'a f64>) -> f64 {
    values.into_iter().map(|w| w * w).sum()
}
