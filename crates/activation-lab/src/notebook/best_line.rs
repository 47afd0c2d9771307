//! The best accuracy a straight line reaches: the reference for the
//! "how well can the best line do?" exercises.

use crate::data::Dataset;
use crate::error::{Error, Result};

/// The best training accuracy any straight line reaches on two-feature
/// data, over `directions` evenly spaced orientations of the line (each
/// with every offset and both ways round): the reference for "how well can
/// the best line do?" exercises.
///
/// For each direction `u = (cos θ, sin θ)`, `θ = π·k / directions`, the rows
/// are sorted by `x·u`, and every threshold between two distinct
/// projections is tried (`O(directions · n log n)`). With enough directions
/// (a few hundred) this is the best line's accuracy to within a point or
/// two, and never more than it.
///
/// # Errors
/// [`Error::ShapeMismatch`] unless the data has 2 feature columns,
/// [`Error::Empty`] when it has no rows, [`Error::InvalidParameter`] when
/// `directions` is 0.
///
/// ```
/// use activation_lab::prelude::*;
/// use activation_lab::notebook::best_line_accuracy;
/// # fn main() -> activation_lab::Result<()> {
/// // XOR: the best line gets about 70 % right, the data's majority 50 %
/// let best = best_line_accuracy(&xor(400, 0.0, 1)?, 360)?;
/// assert!((0.6..0.8).contains(&best), "{best}");
/// # Ok(())
/// # }
/// ```
pub fn best_line_accuracy(data: &Dataset, directions: usize) -> Result<f64> {
    const MAX_DIRECTIONS: usize = 100_000;
    if data.n_features() != 2 {
        return Err(Error::ShapeMismatch {
            what: "feature columns".into(),
            expected: 2,
            found: data.n_features(),
        });
    }
    if data.is_empty() {
        return Err(Error::Empty {
            what: "the data".into(),
            unit: "row".into(),
        });
    }
    if !(1..=MAX_DIRECTIONS).contains(&directions) {
        return Err(Error::param(
            "directions",
            directions,
            &format!("a whole number from 1 to {MAX_DIRECTIONS}, e.g. 360"),
        ));
    }
    let x = data.features();
    let labels = data.labels();
    let n = labels.len();
    let ones_total = labels.iter().filter(|&&y| y == 1).count();
    let mut best = ones_total.max(n - ones_total);
    let mut projected: Vec<(f64, u8)> = Vec::with_capacity(n);
    for k in 0..directions {
        let theta = std::f64::consts::PI * k as f64 / directions as f64;
        let (sin, cos) = theta.sin_cos();
        projected.clear();
        projected.extend(
            x.rows()
                .into_iter()
                .zip(labels.iter())
                .map(|(row, &y)| (row[0] * cos + row[1] * sin, y)),
        );
        projected.sort_by(|a, b| a.0.total_cmp(&b.0));
        // class 1 above the threshold: correct = zeros below + ones above
        let mut zeros_below = 0;
        let mut ones_below = 0;
        for i in 0..n {
            if projected[i].1 == 1 {
                ones_below += 1;
            } else {
                zeros_below += 1;
            }
            let is_cut = i + 1 == n || projected[i + 1].0 > projected[i].0;
            if is_cut {
                let above = zeros_below + (ones_total - ones_below);
                best = best.max(above).max(n - above);
            }
        }
    }
    Ok(best as f64 / n as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{blobs, circles, xor};
    use ndarray::array;

    #[test]
    fn best_line_separates_separable_data_and_not_circles() {
        // two points per class, separable by the line x1 = 0
        let data = Dataset::new(
            array![[-1.0, 0.0], [-2.0, 1.0], [1.0, 0.0], [2.0, -1.0]],
            array![0, 0, 1, 1],
        )
        .unwrap();
        assert_eq!(best_line_accuracy(&data, 4).unwrap(), 1.0);
        // the same, with the classes the other way round
        let flipped = Dataset::new(data.features().clone(), array![1, 1, 0, 0]).unwrap();
        assert_eq!(best_line_accuracy(&flipped, 4).unwrap(), 1.0);
        // a disc inside a ring: a line keeps the disc on one side and cuts
        // off a cap of the ring, about 0.5 + 0.5 · acos(0.4) / π ≈ 0.68
        let rings = circles(600, 0.1, 42).unwrap();
        let best = best_line_accuracy(&rings, 360).unwrap();
        assert!((0.62..0.75).contains(&best), "{best}");
    }

    /// The best line by brute force: a line through two rows `i`, `j` can
    /// be nudged to put each of them on either side, so the optimum is the
    /// best over all pairs (and both orientations) of the rows classified
    /// right off the line, plus 2; or the majority class.
    fn brute_force_best_line(data: &Dataset) -> f64 {
        let (x, y) = (data.features(), data.labels());
        let n = y.len();
        let ones = y.iter().filter(|&&v| v == 1).count();
        let mut best = ones.max(n - ones);
        for i in 0..n {
            for j in i + 1..n {
                let normal = [x[[i, 1]] - x[[j, 1]], x[[j, 0]] - x[[i, 0]]];
                let offset = normal[0] * x[[i, 0]] + normal[1] * x[[i, 1]];
                let (mut above, mut below) = (0, 0);
                for k in (0..n).filter(|&k| k != i && k != j) {
                    let side = normal[0] * x[[k, 0]] + normal[1] * x[[k, 1]] - offset;
                    above += usize::from((side > 0.0) == (y[k] == 1));
                    below += usize::from((side < 0.0) == (y[k] == 1));
                }
                best = best.max(above.max(below) + 2);
            }
        }
        best as f64 / n as f64
    }

    #[test]
    fn best_line_matches_a_brute_force_search() {
        for (data, directions) in [
            (xor(40, 0.1, 3).unwrap(), 3600),
            (circles(40, 0.1, 4).unwrap(), 3600),
            (blobs(40, 1.5, 5).unwrap(), 3600),
        ] {
            let brute = brute_force_best_line(&data);
            let sweep = best_line_accuracy(&data, directions).unwrap();
            // the sweep tries fewer lines, so it never beats the optimum, and
            // with 3600 directions it finds it on 40 rows in general position
            assert_eq!(sweep, brute, "{}", data.name());
            let coarse = best_line_accuracy(&data, 3).unwrap();
            assert!(coarse <= brute, "{}", data.name());
        }
    }

    #[test]
    fn best_line_never_beats_a_perfect_score_or_falls_below_the_majority() {
        let data =
            Dataset::new(array![[0.0, 0.0], [0.0, 0.0], [0.0, 0.0]], array![0, 1, 1]).unwrap();
        // identical points: no line separates them; the majority is 2 of 3
        assert_eq!(best_line_accuracy(&data, 8).unwrap(), 2.0 / 3.0);
    }

    #[test]
    fn best_line_rejects_bad_input() {
        let three = Dataset::new(array![[0.0, 0.0, 0.0]], array![1]).unwrap();
        assert!(matches!(
            best_line_accuracy(&three, 10),
            Err(Error::ShapeMismatch {
                expected: 2,
                found: 3,
                ..
            })
        ));
        let data = blobs(20, 0.5, 1).unwrap();
        assert!(matches!(
            best_line_accuracy(&data, 0),
            Err(Error::InvalidParameter { .. })
        ));
        let empty = data.select(&[]).unwrap();
        assert!(matches!(
            best_line_accuracy(&empty, 10),
            Err(Error::Empty { .. })
        ));
    }
}
