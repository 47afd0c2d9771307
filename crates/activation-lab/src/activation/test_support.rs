//! Inputs and a relative error shared by the activations' unit tests.

const KINKS: [f64; 3] = [-0.5, 0.0, 0.5];

pub(super) const EXTREMES: [f64; 12] = [
    0.0,
    -0.0,
    1e4,
    -1e4,
    1e300,
    -1e300,
    f64::MAX,
    f64::MIN,
    f64::MIN_POSITIVE,
    -f64::MIN_POSITIVE,
    745.2,
    -745.2,
];

pub(super) fn rel_err(a: f64, b: f64, floor: f64) -> f64 {
    let scale = a.abs().max(b.abs()).max(floor);
    (a - b).abs() / scale
}

/// z = −8, …, 8 in irregular steps, never within 0.01 of a kink.
pub(super) fn grid_away_from_kinks() -> Vec<f64> {
    (0..=1600)
        .map(|i| -8.0 + 0.01 * f64::from(i) + 0.003_7)
        .filter(|z| KINKS.iter().all(|k| (z - k).abs() > 0.01))
        .collect()
}
