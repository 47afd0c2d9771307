//! Measurements behind the series' claims, so that what a figure or a
//! "What to notice" says can be asserted on the very data and model it
//! shows: is a decision boundary a straight line or a curve, do two models
//! compute the same net input, do two layers of identity units collapse to
//! one line, what the classes' centroids are.
//!
//! ```
//! use activation_lab::prelude::*;
//! # fn main() -> activation_lab::Result<()> {
//! let data = moons(200, 0.2, 1)?;
//! let line = LogisticRegression::new().fit(&data)?;
//! let bend = boundary_bend(&line, &data)?;
//! assert!(bend.crossings > 0 && !bend.is_curved());
//! # Ok(())
//! # }
//! ```

use ndarray::{Array1, Array2};

use crate::activation::predicted_class;
use crate::data::Dataset;
use crate::error::{Error, Result};
use crate::models::{Classifier, LogisticModel, MlpModel};

/// Grid points per side on which [`boundary_bend`] looks for the boundary.
const BEND_GRID: usize = 161;

/// Halvings of each grid edge that crosses the boundary: the point is then
/// known to 2⁻⁴⁰ of a grid step.
const BISECTIONS: usize = 40;

/// The smallest bend (as a fraction of the plot's diagonal) that counts as
/// a curved boundary: 2 %, about 20 px on a 1000 px wide figure. A straight
/// line measures about 1e-15; a visibly curved one 0.05 and more.
pub const CURVED_MIN_BEND: f64 = 0.02;

/// How far a model's decision boundary (the line z = 0, that is
/// p = 0.5) is from a straight line, within a plotted region.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoundaryBend {
    /// Points found on the boundary (where z changes sign along a grid
    /// line); 0 when the boundary does not cross the region.
    pub crossings: usize,
    /// The largest distance of a boundary point from the straight line
    /// that fits them best (total least squares), as a fraction of the
    /// region's diagonal.
    pub max_deviation: f64,
}

impl BoundaryBend {
    /// True when the boundary crosses the region and bends by at least
    /// [`CURVED_MIN_BEND`] of its diagonal.
    pub fn is_curved(&self) -> bool {
        self.crossings > 0 && self.max_deviation >= CURVED_MIN_BEND
    }
}

/// The plotted region of a figure of `data`: its bounding box padded by
/// 10 % of its span on each side (as every decision surface of the crate
/// draws it).
pub fn plotted_region(data: &Dataset) -> ((f64, f64), (f64, f64)) {
    crate::plot::padded_ranges(&[data], 0.1)
}

/// How much `model`'s decision boundary bends inside the region a decision
/// surface of `data` shows ([`plotted_region`]).
///
/// The boundary is located where z changes sign between neighbours of a
/// 161 × 161 grid (each point refined by bisection on the model), a straight
/// line is fitted to those points by total least squares, and the largest
/// distance from it is reported relative to the region's diagonal. For a
/// straight boundary that is rounding error (about 1e-12 or less); see
/// [`BoundaryBend::is_curved`].
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let data = circles(300, 0.05, 2)?;
/// let mlp = Mlp::new().hidden_units(16).epochs(150).fit(&data)?;
/// assert!(boundary_bend(&mlp, &data)?.is_curved());
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::Empty`] for data without rows, [`Error::ShapeMismatch`] unless
/// data and model have two features, and the errors of the model's
/// `decision_function`.
pub fn boundary_bend(model: &dyn Classifier, data: &Dataset) -> Result<BoundaryBend> {
    if data.n_samples() == 0 {
        return Err(Error::empty("the data", "row"));
    }
    if data.n_features() != 2 {
        return Err(Error::shape(
            "feature columns of the data",
            2,
            data.n_features(),
        ));
    }
    if model.n_features() != 2 {
        return Err(Error::shape("model inputs", 2, model.n_features()));
    }
    crate::plot::check_drawable(data, "the data")?;
    let ((x0, x1), (y0, y1)) = plotted_region(data);
    let n = BEND_GRID;
    let xs: Vec<f64> = (0..n)
        .map(|i| x0 + (x1 - x0) * i as f64 / (n - 1) as f64)
        .collect();
    let ys: Vec<f64> = (0..n)
        .map(|j| y0 + (y1 - y0) * j as f64 / (n - 1) as f64)
        .collect();
    let mut grid = Array2::<f64>::zeros((n * n, 2));
    for j in 0..n {
        for i in 0..n {
            grid[[j * n + i, 0]] = xs[i];
            grid[[j * n + i, 1]] = ys[j];
        }
    }
    let z = model.decision_function(&grid)?;
    let at = |i: usize, j: usize| z[j * n + i];
    // grid edges along which z changes sign: (a, b) with z(a) < 0 ≤ z(b)
    let mut edges: Vec<((f64, f64), (f64, f64))> = Vec::new();
    let mut cross = |(xa, ya, za): (f64, f64, f64), (xb, yb, zb): (f64, f64, f64)| {
        if predicted_class(za) != predicted_class(zb) && za.is_finite() && zb.is_finite() {
            let (neg, pos) = if za < 0.0 {
                ((xa, ya), (xb, yb))
            } else {
                ((xb, yb), (xa, ya))
            };
            edges.push((neg, pos));
        }
    };
    for j in 0..n {
        for i in 0..n {
            if i + 1 < n {
                cross((xs[i], ys[j], at(i, j)), (xs[i + 1], ys[j], at(i + 1, j)));
            }
            if j + 1 < n {
                cross((xs[i], ys[j], at(i, j)), (xs[i], ys[j + 1], at(i, j + 1)));
            }
        }
    }
    // the boundary point on each edge, by bisection on the model itself
    // (all edges at once), so a straight boundary measures as straight
    for _ in 0..BISECTIONS {
        let mut mid = Array2::<f64>::zeros((edges.len(), 2));
        for (k, (a, b)) in edges.iter().enumerate() {
            mid[[k, 0]] = 0.5 * (a.0 + b.0);
            mid[[k, 1]] = 0.5 * (a.1 + b.1);
        }
        let zm = model.decision_function(&mid)?;
        for (k, e) in edges.iter_mut().enumerate() {
            let m = (mid[[k, 0]], mid[[k, 1]]);
            if predicted_class(zm[k]) == 1 {
                e.1 = m;
            } else {
                e.0 = m;
            }
        }
    }
    let pts: Vec<(f64, f64)> = edges
        .iter()
        .map(|(a, b)| (0.5 * (a.0 + b.0), 0.5 * (a.1 + b.1)))
        .collect();
    let diagonal = (x1 - x0).hypot(y1 - y0);
    Ok(BoundaryBend {
        crossings: pts.len(),
        max_deviation: line_fit_deviation(&pts) / diagonal,
    })
}

/// The largest distance of `pts` from their total-least-squares line.
fn line_fit_deviation(pts: &[(f64, f64)]) -> f64 {
    if pts.len() < 3 {
        return 0.0;
    }
    let m = pts.len() as f64;
    let (cx, cy) = pts
        .iter()
        .fold((0.0, 0.0), |(a, b), &(x, y)| (a + x / m, b + y / m));
    let (mut sxx, mut sxy, mut syy) = (0.0, 0.0, 0.0);
    for &(x, y) in pts {
        let (dx, dy) = (x - cx, y - cy);
        sxx += dx * dx;
        sxy += dx * dy;
        syy += dy * dy;
    }
    // direction of the largest spread: the principal axis of [[sxx, sxy], [sxy, syy]]
    let angle = 0.5 * (2.0 * sxy).atan2(sxx - syy);
    let (ux, uy) = (angle.cos(), angle.sin());
    pts.iter()
        .map(|&(x, y)| ((x - cx) * uy - (y - cy) * ux).abs())
        .fold(0.0, f64::max)
}

/// The largest |z_a − z_b| between two models' net inputs on the rows of
/// `x`: 0 when they compute the same function there.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let a = LogisticModel::from_weights(array![1.0, 2.0], 0.5)?;
/// let b = LogisticModel::from_weights(array![1.0, 2.0], 0.25)?;
/// assert_eq!(max_net_input_gap(&a, &b, &array![[0.0, 0.0], [1.0, 1.0]])?, 0.25);
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// The errors of either model's `decision_function` on `x`.
pub fn max_net_input_gap(a: &dyn Classifier, b: &dyn Classifier, x: &Array2<f64>) -> Result<f64> {
    let (za, zb) = (a.decision_function(x)?, b.decision_function(x)?);
    let gaps: Array1<f64> = za.iter().zip(&zb).map(|(p, q)| (p - q).abs()).collect();
    // two net inputs of opposite sign near ±f64::MAX are further apart than f64 reaches
    crate::net_input::check_no_overflow("x", x, &gaps, "gap between the two models' net inputs")?;
    Ok(gaps.fold(0.0, |m, g| m.max(*g)))
}

/// The one linear model that the two layers of `model` collapse to when
/// the hidden activation is the identity:
///
/// ```text
/// (x·W₁ + b₁)·w₂ + b₂ = x·(W₁w₂) + (b₁·w₂ + b₂)
/// ```
///
/// For any other activation the result is still that linear model, but it
/// no longer computes what the network does; [`max_net_input_gap`] shows by
/// how much.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let data = xor(200, 0.0, 3)?;
/// let net = Mlp::new().activation(Activation::Identity).hidden_units(20).epochs(20).fit(&data)?;
/// let line = collapsed_line(&net)?;
/// assert!(max_net_input_gap(&net, &line, data.features())? < 1e-9);
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::NonFinite`] if the product overflows.
pub fn collapsed_line(model: &MlpModel) -> Result<LogisticModel> {
    let w: Array1<f64> = model.hidden_weights().dot(model.output_weights());
    let b = model.hidden_bias().dot(model.output_weights()) + model.output_bias();
    LogisticModel::from_weights(w, b)
}

/// The mean of each class's points, `[class 0, class 1]`, each `[x1, x2, …]`,
/// to check that a legend's class names match the data ("the upper moon
/// has the larger mean x2"). Each mean is `Σ x / n` term by term, so data
/// anywhere in f64 has a finite mean.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let data = moons(200, 0.1, 0)?;
/// let [c0, c1] = class_means(&data)?;
/// assert_eq!(data.class_names()[0], "upper moon");
/// assert!(c0[1] > c1[1]);
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::Empty`] for data without rows, [`Error::SingleClass`] when a
/// class has no points (it has no mean).
pub fn class_means(data: &Dataset) -> Result<[Vec<f64>; 2]> {
    data.check_trainable("the data")?;
    let counts = data.class_counts();
    let d = data.n_features();
    let mut sums = [vec![0.0; d], vec![0.0; d]];
    let mut scaled = [vec![0.0; d], vec![0.0; d]];
    let mut ranges = [
        vec![(f64::INFINITY, f64::NEG_INFINITY); d],
        vec![(f64::INFINITY, f64::NEG_INFINITY); d],
    ];
    for (row, &y) in data.features().rows().into_iter().zip(data.labels()) {
        let c = usize::from(y == 1);
        for (j, v) in row.iter().enumerate() {
            sums[c][j] += v;
            scaled[c][j] += v / counts[c] as f64;
            ranges[c][j] = (ranges[c][j].0.min(*v), ranges[c][j].1.max(*v));
        }
    }
    // Σx/n, or where Σx overflows Σ(x/n) kept within the class's own range
    // (rounding can carry Σ(x/n) of three f64::MAX past f64::MAX)
    let mut means = sums;
    for c in 0..2 {
        for j in 0..d {
            let mean = means[c][j] / counts[c] as f64;
            means[c][j] = if mean.is_finite() {
                mean
            } else {
                scaled[c][j].clamp(ranges[c][j].0, ranges[c][j].1)
            };
        }
    }
    Ok(means)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    #[test]
    fn a_linear_model_has_no_bend_and_a_circle_has_a_large_one() {
        let data = circles_with_factor(200, 0.0, 1, 0.5).unwrap();
        let line = LogisticModel::from_weights(array![1.0, 0.3], 0.1).unwrap();
        let bend = boundary_bend(&line, &data).unwrap();
        assert!(bend.crossings > 100, "{bend:?}");
        assert!(bend.max_deviation < 1e-12, "{bend:?}");
        // z = 0.75² − |x|²: the circle of radius 0.75
        let ring = MlpModel::from_weights(
            array![[1.0, -1.0, 0.0, 0.0], [0.0, 0.0, 1.0, -1.0]],
            array![0.0, 0.0, 0.0, 0.0],
            array![-1.0, -1.0, -1.0, -1.0],
            0.5625,
            Activation::Relu,
        )
        .unwrap();
        let bend = boundary_bend(&ring, &data).unwrap();
        assert!(bend.is_curved(), "{bend:?}");
    }

    #[test]
    fn one_nonlinear_unit_still_measures_as_a_straight_line() {
        // σ(w₂·tanh(z₁) + b₂) = ½ where z₁ takes one value: a line
        let data = moons(200, 0.1, 3).unwrap();
        let one = MlpModel::from_weights(
            array![[2.0], [-3.0]],
            array![0.4],
            array![1.5],
            -0.3,
            Activation::Tanh,
        )
        .unwrap();
        let bend = boundary_bend(&one, &data).unwrap();
        assert!(
            bend.crossings > 100 && bend.max_deviation < 1e-9,
            "{bend:?}"
        );
    }

    #[test]
    fn a_boundary_outside_the_region_is_not_curved() {
        let data = blobs(50, 0.3, 1).unwrap();
        let far = LogisticModel::from_weights(array![1.0, 0.0], -1e6).unwrap();
        let bend = boundary_bend(&far, &data).unwrap();
        assert_eq!(bend.crossings, 0);
        assert!(!bend.is_curved());
    }

    #[test]
    fn a_class_without_points_has_no_mean() {
        let data = Dataset::new(array![[1.0, 2.0], [3.0, 4.0]], array![1, 1]).unwrap();
        let err = class_means(&data).unwrap_err();
        assert!(matches!(err, Error::SingleClass { class: 1, .. }), "{err}");
        let m = f64::MAX;
        let data = Dataset::new(array![[m, 0.0], [m, 1.0], [0.0, 0.0]], array![0, 0, 1]).unwrap();
        assert_eq!(class_means(&data).unwrap()[0], vec![m, 0.5]);
        // Σ(x/3) of three MAX rounds past MAX; the mean is MAX
        let data = Dataset::new(
            array![[m, 0.0], [m, 1.0], [m, 2.0], [0.0, 0.0]],
            array![0, 0, 0, 1],
        )
        .unwrap();
        assert_eq!(class_means(&data).unwrap()[0], vec![m, 1.0]);
    }
}
