//! The toy datasets: blobs, moons, circles, XOR and spirals, seeded,
//! shuffled and balanced, and the checks and steps they share.

use ndarray::{Array1, Array2};
use rand::Rng;
use rand::seq::SliceRandom;

use super::dataset::Dataset;
use crate::error::{Error, Result};
use crate::rng::{seeded, standard_normal};

/// The largest noise a generator adds: far beyond any useful level, and
/// small enough that every drawn point is finite.
const MAX_NOISE: f64 = 1e6;

/// Checks the arguments every generator shares.
fn check_size_and_noise(n_samples: usize, noise: f64) -> Result<()> {
    // features, labels and the generator's own rows: about 40 bytes a sample
    crate::limits::check_count(
        "n_samples",
        n_samples,
        crate::limits::MAX_SAMPLES,
        "samples",
        40,
    )?;
    if n_samples < 2 {
        return Err(Error::param(
            "n_samples",
            n_samples,
            "at least 2 (one row per class)",
        ));
    }
    if !(noise.is_finite() && noise >= 0.0) {
        return Err(Error::param("noise", noise, "a finite number >= 0"));
    }
    if noise > MAX_NOISE {
        return Err(Error::param(
            "noise",
            noise,
            &format!(
                "a standard deviation from 0 to {MAX_NOISE:e} (the data lies within about ±2; 0.1 to 0.5 is typical)"
            ),
        ));
    }
    Ok(())
}

/// `num` evenly spaced numbers from `start`, like NumPy's `linspace`:
/// `start + i · step`, with `step = (stop − start) / (num − 1)` and the last
/// one exactly `stop` when `endpoint`, else `step = (stop − start) / num`.
fn linspace(start: f64, stop: f64, num: usize, endpoint: bool) -> Vec<f64> {
    let divisions = if endpoint { num.saturating_sub(1) } else { num };
    if divisions == 0 {
        return vec![start; num];
    }
    let step = (stop - start) / divisions as f64;
    let mut values: Vec<f64> = (0..num).map(|i| start + i as f64 * step).collect();
    if endpoint && let Some(last) = values.last_mut() {
        *last = stop;
    }
    values
}

/// Shuffles the clean points, adds `N(0, noise²)` to each coordinate and
/// builds the named dataset.
fn finish(
    mut rows: Vec<([f64; 2], u8)>,
    noise: f64,
    rng: &mut impl Rng,
    name: &str,
    class_names: [&str; 2],
) -> Result<Dataset> {
    rows.shuffle(rng);
    let n = rows.len();
    let mut values = Vec::with_capacity(2 * n);
    let mut labels = Vec::with_capacity(n);
    for ([x1, x2], y) in rows {
        values.push(x1 + noise * standard_normal(rng));
        values.push(x2 + noise * standard_normal(rng));
        labels.push(y);
    }
    let features = Array2::from_shape_vec((n, 2), values)
        .map_err(|_| Error::shape("feature values", n.saturating_mul(2), 2 * n))?;
    Ok(Dataset::new(features, Array1::from(labels))?
        .with_name(name)
        .with_class_names(class_names))
}

/// Two Gaussian blobs, the linearly separable case.
///
/// ```text
/// class 0 ~ N((−1.5, −1.5), noise² I)     n / 2 rows       "lower-left blob"
/// class 1 ~ N(( 1.5,  1.5), noise² I)     n − n / 2 rows   "upper-right blob"
/// ```
///
/// The centres are `3√2 ≈ 4.24` apart, so with the default noise 0.6 the
/// classes overlap in about 1 row in 5000, and at noise 1.0 in about 1 in 60.
/// Rows are shuffled; the same seed gives the same data.
///
/// # Errors
///
/// [`Error::InvalidParameter`] for `n_samples < 2` or a `noise` that is
/// negative or not finite; [`Error::NonFinite`] if the noise is so large
/// that a coordinate overflows.
///
/// # Example
///
/// ```
/// # fn main() -> activation_lab::Result<()> {
/// let data = activation_lab::data::blobs(100, 0.6, 1)?;
/// assert_eq!(data.class_counts(), [50, 50]);
/// # Ok(())
/// # }
/// ```
pub fn blobs(n_samples: usize, noise: f64, seed: u64) -> Result<Dataset> {
    check_size_and_noise(n_samples, noise)?;
    let mut rng = seeded(seed);
    let n_0 = n_samples / 2;
    let rows = (0..n_samples)
        .map(|i| {
            if i < n_0 {
                ([-1.5, -1.5], 0)
            } else {
                ([1.5, 1.5], 1)
            }
        })
        .collect();
    finish(
        rows,
        noise,
        &mut rng,
        "blobs",
        ["lower-left blob", "upper-right blob"],
    )
}

/// Two interleaving half circles, the geometry of scikit-learn's
/// `make_moons`.
///
/// ```text
/// class 0 (upper moon), n / 2 rows:       (cos t, sin t)              t = linspace(0, π)
/// class 1 (lower moon), n − n / 2 rows:   (1 − cos t, 1 − sin t − ½)  t = linspace(0, π)
/// then N(0, noise²) added to every coordinate
/// ```
///
/// Rows are shuffled; the same seed gives the same data (scikit-learn's
/// random stream is not reproduced, only its geometry).
///
/// # Errors
///
/// [`Error::InvalidParameter`] for `n_samples < 2` or a `noise` that is
/// negative or not finite; [`Error::NonFinite`] if the noise is so large
/// that a coordinate overflows.
///
/// # Example
///
/// ```
/// # fn main() -> activation_lab::Result<()> {
/// let data = activation_lab::data::moons(200, 0.0, 7)?;
/// // without noise, every class-0 point lies on the unit circle
/// for (x, &y) in data.features().rows().into_iter().zip(data.labels()) {
///     if y == 0 {
///         assert!((x[0].hypot(x[1]) - 1.0).abs() < 1e-12);
///     }
/// }
/// # Ok(())
/// # }
/// ```
pub fn moons(n_samples: usize, noise: f64, seed: u64) -> Result<Dataset> {
    check_size_and_noise(n_samples, noise)?;
    let mut rng = seeded(seed);
    let n_out = n_samples / 2;
    let n_in = n_samples - n_out;
    let outer = linspace(0.0, std::f64::consts::PI, n_out, true)
        .into_iter()
        .map(|t| ([t.cos(), t.sin()], 0));
    let inner = linspace(0.0, std::f64::consts::PI, n_in, true)
        .into_iter()
        .map(|t| ([1.0 - t.cos(), 1.0 - t.sin() - 0.5], 1));
    finish(
        outer.chain(inner).collect(),
        noise,
        &mut rng,
        "moons",
        ["upper moon", "lower moon"],
    )
}

/// A small circle inside a large one, the geometry of scikit-learn's
/// `make_circles`, with the inner circle's radius [`CIRCLES_FACTOR`]
/// (0.4) times the outer one's; [`circles_with_factor`] sets another.
///
/// ```
/// # fn main() -> activation_lab::Result<()> {
/// use activation_lab::data::{circles, circles_with_factor};
/// assert_eq!(circles(100, 0.1, 7)?, circles_with_factor(100, 0.1, 7, 0.4)?);
/// # Ok(())
/// # }
/// ```
///
/// # Errors
///
/// As [`circles_with_factor`].
pub fn circles(n_samples: usize, noise: f64, seed: u64) -> Result<Dataset> {
    circles_with_factor(n_samples, noise, seed, CIRCLES_FACTOR)
}

/// The inner circle's radius relative to the outer one in [`circles`].
pub const CIRCLES_FACTOR: f64 = 0.4;

/// [`circles`] with the inner circle's radius `factor` times the outer
/// one's.
///
/// ```text
/// class 0 (outer circle), n / 2 rows:       (cos t, sin t)                    t = linspace(0, 2π, endpoint = false)
/// class 1 (inner circle), n − n / 2 rows:   (factor · cos t, factor · sin t)  t = linspace(0, 2π, endpoint = false)
/// then N(0, noise²) added to every coordinate
/// ```
///
/// # Errors
///
/// [`Error::InvalidParameter`] for `n_samples < 2`, a `noise` that is
/// negative or not finite, or a `factor` outside `(0, 1)`;
/// [`Error::NonFinite`] if the noise is so large that a coordinate overflows.
///
/// # Example
///
/// ```
/// # fn main() -> activation_lab::Result<()> {
/// let data = activation_lab::data::circles(100, 0.0, 1)?;
/// for (x, &y) in data.features().rows().into_iter().zip(data.labels()) {
///     let radius = if y == 0 { 1.0 } else { 0.4 };
///     assert!((x[0].hypot(x[1]) - radius).abs() < 1e-12);
/// }
/// # Ok(())
/// # }
/// ```
pub fn circles_with_factor(
    n_samples: usize,
    noise: f64,
    seed: u64,
    factor: f64,
) -> Result<Dataset> {
    check_size_and_noise(n_samples, noise)?;
    if !(factor > 0.0 && factor < 1.0) {
        return Err(Error::param(
            "factor",
            factor,
            "a number in (0, 1), e.g. 0.4",
        ));
    }
    let mut rng = seeded(seed);
    let n_out = n_samples / 2;
    let n_in = n_samples - n_out;
    let tau = std::f64::consts::TAU;
    let outer = linspace(0.0, tau, n_out, false)
        .into_iter()
        .map(|t| ([t.cos(), t.sin()], 0));
    let inner = linspace(0.0, tau, n_in, false)
        .into_iter()
        .map(|t| ([factor * t.cos(), factor * t.sin()], 1));
    finish(
        outer.chain(inner).collect(),
        noise,
        &mut rng,
        "circles",
        ["outer circle", "inner circle"],
    )
}

/// The XOR problem: points uniform in the square `[−1, 1]²`, labelled by
/// whether the two coordinates have opposite signs.
///
/// ```text
/// y = (x1 > 0) XOR (x2 > 0)
/// ```
///
/// Class 0 (`n / 2` rows, "same signs") fills the first and third
/// quadrants, class 1 (`n − n / 2` rows, "opposite signs") the second and
/// fourth: each row picks one of its class's two quadrants with a fair coin
/// and is uniform inside it. Then `N(0, noise²)` is added to the features;
/// the labels keep the clean quadrant, so with noise some points cross an
/// axis. Noise 0 gives perfectly clean data.
///
/// # Errors
///
/// [`Error::InvalidParameter`] for `n_samples < 2` or a `noise` that is
/// negative or not finite; [`Error::NonFinite`] if the noise is so large
/// that a coordinate overflows.
///
/// # Example
///
/// ```
/// # fn main() -> activation_lab::Result<()> {
/// let data = activation_lab::data::xor(100, 0.0, 1)?;
/// for (x, &y) in data.features().rows().into_iter().zip(data.labels()) {
///     assert_eq!((x[0] > 0.0) ^ (x[1] > 0.0), y == 1);
/// }
/// # Ok(())
/// # }
/// ```
pub fn xor(n_samples: usize, noise: f64, seed: u64) -> Result<Dataset> {
    check_size_and_noise(n_samples, noise)?;
    let mut rng = seeded(seed);
    let n_0 = n_samples / 2;
    let rows = (0..n_samples)
        .map(|i| {
            let y = u8::from(i >= n_0);
            let sign = if rng.random::<bool>() { 1.0 } else { -1.0 };
            // magnitudes in (0, 1], so no point sits on an axis
            let m1 = 1.0 - rng.random::<f64>();
            let m2 = 1.0 - rng.random::<f64>();
            let x1 = sign * m1;
            let x2 = if y == 0 { sign * m2 } else { -sign * m2 };
            ([x1, x2], y)
        })
        .collect();
    finish(
        rows,
        noise,
        &mut rng,
        "xor",
        ["same signs", "opposite signs"],
    )
}

/// Two interleaved Archimedean spirals of one and a half turns each; class 1
/// is class 0 rotated by π (a harder extension beyond the article).
///
/// ```text
/// θ = linspace(0, 3π)          (one and a half turns)
/// r = 0.1 + 0.9 · θ / (3π)     (from 0.1 to 1)
/// class 0, n / 2 rows:         ( r cos θ,  r sin θ)
/// class 1, n − n / 2 rows:     (−r cos θ, −r sin θ)
/// then N(0, noise²) added to every coordinate
/// ```
///
/// Neighbouring arms of the two classes are 0.3 apart, so noise above
/// about 0.1 starts to blur them (default 0.05).
///
/// # Errors
///
/// [`Error::InvalidParameter`] for `n_samples < 2` or a `noise` that is
/// negative or not finite; [`Error::NonFinite`] if the noise is so large
/// that a coordinate overflows.
///
/// # Example
///
/// ```
/// # fn main() -> activation_lab::Result<()> {
/// let data = activation_lab::data::spirals(100, 0.0, 1)?;
/// let max_radius = data
///     .features()
///     .rows()
///     .into_iter()
///     .map(|x| x[0].hypot(x[1]))
///     .fold(0.0, f64::max);
/// assert!((max_radius - 1.0).abs() < 1e-12);
/// # Ok(())
/// # }
/// ```
pub fn spirals(n_samples: usize, noise: f64, seed: u64) -> Result<Dataset> {
    check_size_and_noise(n_samples, noise)?;
    let mut rng = seeded(seed);
    let n_0 = n_samples / 2;
    let n_1 = n_samples - n_0;
    let turns = 3.0 * std::f64::consts::PI;
    let arm = |theta: f64| {
        let r = 0.1 + 0.9 * theta / turns;
        [r * theta.cos(), r * theta.sin()]
    };
    let class_0 = linspace(0.0, turns, n_0, true)
        .into_iter()
        .map(|theta| (arm(theta), 0));
    let class_1 = linspace(0.0, turns, n_1, true).into_iter().map(|theta| {
        let [x1, x2] = arm(theta);
        ([-x1, -x2], 1)
    });
    finish(
        class_0.chain(class_1).collect(),
        noise,
        &mut rng,
        "spirals",
        ["spiral A", "spiral B"],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::kind::DatasetKind;
    use crate::data::test_support::message;

    #[test]
    fn same_seed_gives_identical_moons() {
        assert_eq!(moons(100, 0.2, 7).unwrap(), moons(100, 0.2, 7).unwrap());
        assert_ne!(moons(100, 0.2, 7).unwrap(), moons(100, 0.2, 8).unwrap());
    }

    #[test]
    fn every_generator_is_deterministic_balanced_and_named() {
        for kind in DatasetKind::ALL {
            let a = kind.generate(101, kind.default_noise(), 3).unwrap();
            let b = kind.generate(101, kind.default_noise(), 3).unwrap();
            assert_eq!(a, b, "{kind}");
            assert_eq!(a.class_counts(), [50, 51], "{kind}");
            assert_eq!(a.n_features(), 2);
            assert_eq!(a.name(), kind.key());
            assert_ne!(a.class_names()[0], "class 0");
        }
    }

    #[test]
    fn generators_shuffle_the_rows() {
        for kind in DatasetKind::ALL {
            let data = kind.generate(100, 0.0, 1).unwrap();
            let first_half_ones = data.labels().iter().take(50).filter(|&&y| y == 1).count();
            assert!(
                (10..=40).contains(&first_half_ones),
                "{kind}: {first_half_ones}"
            );
        }
    }

    #[test]
    fn moons_match_sklearn_geometry_without_noise() {
        let data = moons(200, 0.0, 1).unwrap();
        let mut outer_x = Vec::new();
        for (x, &y) in data.features().rows().into_iter().zip(data.labels()) {
            if y == 0 {
                // upper half of the unit circle
                assert!((x[0].hypot(x[1]) - 1.0).abs() < 1e-12);
                assert!(x[1] >= 0.0);
                outer_x.push(x[0]);
            } else {
                // the circle of radius 1 centred on (1, 0.5), lower half
                assert!(((x[0] - 1.0).hypot(x[1] - 0.5) - 1.0).abs() < 1e-12);
                assert!(x[1] <= 0.5 + 1e-12);
            }
        }
        // t = linspace(0, π) includes both ends
        outer_x.sort_by(f64::total_cmp);
        assert_eq!(outer_x[0], -1.0);
        assert_eq!(outer_x[99], 1.0);
    }

    #[test]
    fn circles_match_sklearn_geometry_without_noise() {
        let data = circles_with_factor(8, 0.0, 1, 0.5).unwrap();
        let mut angles_outer = Vec::new();
        for (x, &y) in data.features().rows().into_iter().zip(data.labels()) {
            let r = x[0].hypot(x[1]);
            if y == 0 {
                assert!((r - 1.0).abs() < 1e-12);
                angles_outer.push(x[1].atan2(x[0]).rem_euclid(std::f64::consts::TAU));
            } else {
                assert!((r - 0.5).abs() < 1e-12);
            }
        }
        // endpoint = false: 0, π/2, π, 3π/2
        angles_outer.sort_by(f64::total_cmp);
        for (k, a) in angles_outer.iter().enumerate() {
            let expected = k as f64 * std::f64::consts::FRAC_PI_2;
            assert!((a - expected).abs() < 1e-12 || (a - std::f64::consts::TAU).abs() < 1e-12);
        }
    }

    #[test]
    fn circles_reject_factor_outside_0_1() {
        for bad in [0.0, 1.0, -0.5, f64::NAN] {
            assert!(circles_with_factor(10, 0.1, 1, bad).is_err());
        }
        assert_eq!(
            message(circles_with_factor(10, 0.1, 1, 1.5)),
            "invalid factor = 1.5: expected a number in (0, 1), e.g. 0.4"
        );
    }

    #[test]
    fn xor_labels_follow_the_clean_quadrant() {
        let clean = xor(400, 0.0, 5).unwrap();
        for (x, &y) in clean.features().rows().into_iter().zip(clean.labels()) {
            assert_eq!((x[0] > 0.0) ^ (x[1] > 0.0), y == 1);
            assert!(x[0].abs() <= 1.0 && x[1].abs() <= 1.0);
        }
        let noisy = xor(400, 0.5, 5).unwrap();
        let crossed = noisy
            .features()
            .rows()
            .into_iter()
            .zip(noisy.labels())
            .filter(|(x, y)| ((x[0] > 0.0) ^ (x[1] > 0.0)) != (**y == 1))
            .count();
        assert!(crossed > 0, "noise should push some points across an axis");
    }

    #[test]
    fn xor_fills_all_four_quadrants() {
        let data = xor(400, 0.0, 2).unwrap();
        let mut quadrants = [0; 4];
        for x in data.features().rows() {
            quadrants[usize::from(x[0] > 0.0) * 2 + usize::from(x[1] > 0.0)] += 1;
        }
        assert!(quadrants.iter().all(|&q| q > 60), "{quadrants:?}");
    }

    #[test]
    fn spirals_are_rotated_copies_without_noise() {
        let data = spirals(200, 0.0, 1).unwrap();
        let rows: Vec<([f64; 2], u8)> = data
            .features()
            .rows()
            .into_iter()
            .zip(data.labels())
            .map(|(x, &y)| ([x[0], x[1]], y))
            .collect();
        for &([a, b], y) in rows.iter().filter(|(_, y)| *y == 0) {
            let mirrored = rows
                .iter()
                .any(|&([c, d], z)| z == 1 - y && (a + c).abs() < 1e-12 && (b + d).abs() < 1e-12);
            assert!(mirrored);
            let r = a.hypot(b);
            assert!((0.1 - 1e-12..=1.0 + 1e-12).contains(&r));
        }
    }

    #[test]
    fn noise_has_the_requested_standard_deviation() {
        let noisy = blobs(4000, 0.6, 1).unwrap();
        // class 0 sits around (−1.5, −1.5): residuals are pure noise
        let residuals: Vec<f64> = noisy
            .features()
            .rows()
            .into_iter()
            .zip(noisy.labels())
            .map(|(x, &y)| x[0] - if y == 0 { -1.5 } else { 1.5 })
            .collect();
        let n = residuals.len() as f64;
        let mean = residuals.iter().sum::<f64>() / n;
        let std = (residuals.iter().map(|r| (r - mean).powi(2)).sum::<f64>() / n).sqrt();
        assert!(mean.abs() < 0.05, "{mean}");
        assert!((std - 0.6).abs() < 0.03, "{std}");
    }

    #[test]
    fn generators_reject_fewer_than_two_samples() {
        for kind in DatasetKind::ALL {
            assert_eq!(
                message(kind.generate(1, 0.1, 1)),
                "invalid n_samples = 1: expected at least 2 (one row per class)"
            );
        }
        assert_eq!(moons(2, 0.0, 1).unwrap().class_counts(), [1, 1]);
    }

    #[test]
    fn generators_reject_negative_or_non_finite_noise() {
        for kind in DatasetKind::ALL {
            for bad in [-0.1, f64::NAN, f64::INFINITY] {
                assert!(
                    matches!(
                        kind.generate(10, bad, 1),
                        Err(Error::InvalidParameter { .. })
                    ),
                    "{kind} {bad}"
                );
            }
        }
        assert_eq!(
            message(moons(10, -1.0, 1)),
            "invalid noise = -1: expected a finite number >= 0"
        );
    }

    #[test]
    fn generator_with_overflowing_noise_errors_without_panic() {
        let err = moons(100, f64::MAX, 1).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid noise = 1.7976931348623157e308: expected a standard deviation from 0 to 1e6 \
             (the data lies within about ±2; 0.1 to 0.5 is typical)"
        );
    }

    #[test]
    fn linspace_matches_numpy() {
        assert_eq!(linspace(0.0, 1.0, 5, true), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
        assert_eq!(linspace(0.0, 1.0, 4, false), vec![0.0, 0.25, 0.5, 0.75]);
        assert_eq!(linspace(2.0, 3.0, 1, true), vec![2.0]);
        assert_eq!(linspace(2.0, 3.0, 0, true), Vec::<f64>::new());
    }
}
