//! What the hidden units of a two-input network do: their strength, the
//! order in which they build the output, partial sums of the first k units,
//! and the directions of their straight lines.

use ndarray::Array1;

use crate::data::Dataset;
use crate::error::{Error, Result};
use crate::models::{Classifier, MlpModel};

/// The `k` hidden units with the largest |output weight|, strongest first
/// (ties by index).
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let model = MlpModel::from_weights(
///     array![[1.0, 0.0, 2.0]], array![0.0, 0.0, 0.0], array![0.5, -3.0, 1.0], 0.0,
///     Activation::Sigmoid,
/// )?;
/// assert_eq!(strongest_hidden_units(&model, 2), vec![1, 2]);
/// # Ok(())
/// # }
/// ```
pub fn strongest_hidden_units(model: &MlpModel, k: usize) -> Vec<usize> {
    let w = model.output_weights();
    let mut idx: Vec<usize> = (0..w.len()).collect();
    idx.sort_by(|&a, &b| w[b].abs().total_cmp(&w[a].abs()).then(a.cmp(&b)));
    idx.truncate(k);
    idx
}

/// The largest number of units [`unit_order`] chooses greedily; the rest
/// follow by |output weight|.
const GREEDY_UNITS: usize = 20;

/// Hidden units in the order in which they best build the network's output
/// on `data`: start from the output with every unit held at its mean
/// activation (a constant), then repeatedly let the one unit vary that
/// lowers the cross-entropy on `data` most. The first 20 are chosen that
/// way, the others follow by |output weight|. [`partial_sum`] of the
/// first k units is the network's best approximation with k of its units.
///
/// # Errors
/// The errors of [`MlpModel::hidden_activations`] on `data`.
pub fn unit_order(model: &MlpModel, data: &Dataset) -> Result<Vec<usize>> {
    let a = model.hidden_activations(data.features())?;
    let w = model.output_weights();
    let h = model.hidden_units();
    let n = data.n_samples().max(1) as f64;
    let means: Vec<f64> = a.columns().into_iter().map(|c| c.sum() / n).collect();
    // every unit at its mean: z = b₂ + Σ w_j·m_j
    let base = model.output_bias() + (0..h).map(|j| w[j] * means[j]).sum::<f64>();
    let mut z = vec![base; data.n_samples()];
    let y = data.labels();
    // cross-entropy of the output with unit j let vary as well
    let loss_with = |z: &[f64], j: usize| -> f64 {
        z.iter()
            .zip(a.column(j))
            .zip(y)
            .map(|((&zi, &aj), &yi)| {
                let zj = zi + w[j] * (aj - means[j]);
                crate::activation::softplus(if yi == 1 { -zj } else { zj })
            })
            .sum()
    };
    let mut order = Vec::with_capacity(h);
    let mut used = vec![false; h];
    for _ in 0..GREEDY_UNITS.min(h) {
        let best = (0..h)
            .filter(|&j| !used[j])
            .map(|j| (j, loss_with(&z, j)))
            .min_by(|p, q| p.1.total_cmp(&q.1).then(p.0.cmp(&q.0)));
        let Some((j, _)) = best else { break };
        used[j] = true;
        order.push(j);
        for (zi, &aj) in z.iter_mut().zip(a.column(j)) {
            *zi += w[j] * (aj - means[j]);
        }
    }
    order.extend(
        strongest_hidden_units(model, h)
            .into_iter()
            .filter(|&j| !used[j]),
    );
    Ok(order)
}

/// The network built from its first `k` units of [`unit_order`]: the other
/// units are held at their mean activation on `data`, which moves into the
/// output bias. `k` at least the width gives the network itself.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let data = moons(200, 0.2, 3)?;
/// let model = Mlp::new().hidden_units(12).epochs(60).fit(&data)?;
/// let all = partial_sum(&model, &data, 12)?;
/// assert_eq!(all.accuracy(&data)?, model.accuracy(&data)?);
/// let one = partial_sum(&model, &data, 1)?;
/// assert_eq!(one.output_weights().iter().filter(|w| **w != 0.0).count(), 1);
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// The errors of [`MlpModel::hidden_activations`] on `data`.
pub fn partial_sum(model: &MlpModel, data: &Dataset, k: usize) -> Result<MlpModel> {
    let h = model.hidden_units();
    if k >= h {
        return Ok(model.clone());
    }
    let order = unit_order(model, data)?;
    keep_hidden_units(model, data, &order[..k])
}

/// `model` with only the hidden units `kept`: every other unit is replaced
/// by its mean output on `data`, folded into the output bias (so that
/// leaving a unit out removes its shape, not its average push). This is the
/// sum the hidden-units widget computes in the browser.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let data = moons(200, 0.2, 1)?;
/// let model = Mlp::new().hidden_units(10).epochs(20).fit(&data)?;
/// let top3 = keep_hidden_units(&model, &data, &strongest_hidden_units(&model, 3))?;
/// assert_eq!(top3.output_weights().iter().filter(|w| **w != 0.0).count(), 3);
/// assert!(keep_hidden_units(&model, &data, &[10]).is_err());
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] for a unit index out of range, the errors of
/// [`MlpModel::hidden_activations`] on `data`.
pub fn keep_hidden_units(model: &MlpModel, data: &Dataset, kept: &[usize]) -> Result<MlpModel> {
    let h = model.hidden_units();
    if let Some((i, &u)) = kept.iter().enumerate().find(|(_, u)| **u >= h) {
        return Err(Error::param(
            &format!("kept[{i}]"),
            u,
            &format!("a hidden unit from 0 to {}", h - 1),
        ));
    }
    let a = model.hidden_activations(data.features())?;
    let n = data.n_samples().max(1) as f64;
    let w = model.output_weights();
    let mut keep = vec![false; h];
    for &u in kept {
        keep[u] = true;
    }
    let mut w_out = Array1::<f64>::zeros(h);
    let mut b_out = model.output_bias();
    for j in 0..h {
        if keep[j] {
            w_out[j] = w[j];
        } else {
            b_out += w[j] * (a.column(j).sum() / n);
        }
    }
    MlpModel::from_weights(
        model.hidden_weights().clone(),
        model.hidden_bias().clone(),
        w_out,
        b_out,
        model.activation(),
    )
}

/// Hidden units whose straight lines z_k = 0 point in clearly different
/// directions, taken in [`unit_order`]: each next unit whose line is at
/// least 15° from every line already chosen. Units that are constant on
/// `data` (a "dead" ReLU unit, say) are skipped. Fewer than `k` come back
/// when the network has fewer distinct directions. A gallery of these shows
/// several directions instead of nearly parallel lines.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// // units 0 and 1 have the same line; unit 2 is at 90°; unit 3 is dead on the data
/// let model = MlpModel::from_weights(
///     array![[1.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0]],
///     array![0.0, 0.1, 0.0, -5.0],
///     array![3.0, 2.0, 1.0, 9.0],
///     0.0,
///     Activation::Relu,
/// )?;
/// let data = Dataset::new(array![[0.0, 0.0], [1.0, 1.0], [-1.0, 2.0]], array![0, 1, 1])?;
/// let units = distinct_hidden_units(&model, &data, 2)?;
/// assert!(units.contains(&2) && !units.contains(&3));
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::ShapeMismatch`] unless the model has two inputs, and the errors
/// of [`MlpModel::hidden_activations`] on `data`.
pub fn distinct_hidden_units(model: &MlpModel, data: &Dataset, k: usize) -> Result<Vec<usize>> {
    check_two_inputs(model)?;
    let a = model.hidden_activations(data.features())?;
    let live: Vec<bool> = a
        .columns()
        .into_iter()
        .map(|col| {
            let (lo, hi) = col
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), &v| {
                    (l.min(v), h.max(v))
                });
            hi - lo > 1e-9
        })
        .collect();
    let order: Vec<usize> = unit_order(model, data)?
        .into_iter()
        .filter(|&u| live[u])
        .collect();
    let mut chosen: Vec<usize> = Vec::with_capacity(k.min(model.hidden_units()));
    for &u in &order {
        if chosen.len() == k {
            break;
        }
        let mut far = true;
        for &c in &chosen {
            far &= line_angle_between(model, u, c)? >= MIN_LINE_ANGLE_DEG;
        }
        if far {
            chosen.push(u);
        }
    }
    Ok(chosen)
}

/// The smallest angle between two units' lines that counts as a distinct
/// direction in [`distinct_hidden_units`].
pub const MIN_LINE_ANGLE_DEG: f64 = 15.0;

/// The angle in degrees (0 to 90) between the straight lines z = 0 of two
/// hidden units `u` and `v` of a two-input model, in the input plane.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let model = MlpModel::from_weights(
///     array![[1.0, 0.0], [0.0, 1.0]], array![0.0, 0.0], array![1.0, 1.0], 0.0,
///     Activation::Sigmoid,
/// )?;
/// assert_eq!(line_angle_between(&model, 0, 1)?, 90.0);
/// assert!(line_angle_between(&model, 0, 2).is_err());
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::ShapeMismatch`] unless the model has two inputs,
/// [`Error::InvalidParameter`] for a unit index out of range.
pub fn line_angle_between(model: &MlpModel, u: usize, v: usize) -> Result<f64> {
    check_two_inputs(model)?;
    let h = model.hidden_units();
    for (name, unit) in [("u", u), ("v", v)] {
        if unit >= h {
            return Err(Error::param(
                name,
                unit,
                &format!("a hidden unit index from 0 to {}", h - 1),
            ));
        }
    }
    let w = model.hidden_weights();
    let dir = |j: usize| w[[1, j]].atan2(w[[0, j]]).to_degrees().rem_euclid(180.0);
    let d = (dir(u) - dir(v)).abs();
    Ok(d.min(180.0 - d))
}

/// Lines in the input plane need a model with two inputs.
fn check_two_inputs(model: &MlpModel) -> Result<()> {
    if model.n_features() == 2 {
        Ok(())
    } else {
        Err(Error::shape("model inputs", 2, model.n_features()))
    }
}

/// The numbers of units the gallery sums: 1, 2, 5, 20 and all of them
/// (those below the width).
pub fn partial_sum_sizes(hidden_units: usize) -> Vec<usize> {
    let mut ks: Vec<usize> = [1, 2, 5, 20]
        .into_iter()
        .filter(|&k| k < hidden_units)
        .collect();
    ks.push(hidden_units);
    ks
}

/// Accuracy on `data` of each [`partial_sum`] of [`partial_sum_sizes`]:
/// the numbers the gallery's bottom row shows, `(k, accuracy)`.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let data = moons(200, 0.2, 3)?;
/// let model = Mlp::new().hidden_units(30).epochs(60).fit(&data)?;
/// let sums = partial_sum_accuracies(&model, &data)?;
/// assert_eq!(sums.iter().map(|s| s.0).collect::<Vec<_>>(), vec![1, 2, 5, 20, 30]);
/// assert_eq!(sums.last().unwrap().1, model.accuracy(&data)?);
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// The errors of [`Classifier::accuracy`].
pub fn partial_sum_accuracies(model: &MlpModel, data: &Dataset) -> Result<Vec<(usize, f64)>> {
    partial_sum_sizes(model.hidden_units())
        .into_iter()
        .map(|k| Ok((k, partial_sum(model, data, k)?.accuracy(data)?)))
        .collect()
}
