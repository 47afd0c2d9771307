//! The plotted region: the data's bounding box with padding, always finite
//! and ordered.

use crate::data::Dataset;

/// The data's bounding box, padded by `padding` × its span on each side.
pub(crate) fn padded_ranges(sets: &[&Dataset], padding: f64) -> ((f64, f64), (f64, f64)) {
    let mut r = [(f64::INFINITY, f64::NEG_INFINITY); 2];
    for d in sets {
        for row in d.features().rows() {
            // data of one column spans x1 only
            for c in 0..row.len().min(2) {
                r[c].0 = r[c].0.min(row[c]);
                r[c].1 = r[c].1.max(row[c]);
            }
        }
    }
    (pad_range(r[0], padding), pad_range(r[1], padding))
}

/// `(lo, hi)` widened by `padding` × its span on each side, always finite
/// with `lo < hi`: no data gives (−1, 1); one value a span of 1, or (when
/// that is less than a billionth of its size) of a millionth of its size;
/// data near ±`f64::MAX` is padded in halves and kept within ±`f64::MAX`.
pub(crate) fn pad_range((lo, hi): (f64, f64), padding: f64) -> (f64, f64) {
    if lo > hi || !lo.is_finite() || !hi.is_finite() {
        return (-1.0, 1.0);
    }
    let magnitude = lo.abs().max(hi.abs());
    let span = if hi - lo > 1e-12 { hi - lo } else { 1.0 };
    let padded = (lo - padding * span, hi + padding * span);
    // the fallback only where the plain padding is not drawable (as
    // `check_range` says): not finite, or narrower than a billionth of its size
    let relative_min = magnitude * 1e-6;
    if padded.0.is_finite() && padded.1.is_finite() && padded.1 - padded.0 > magnitude * 1e-9 {
        return padded;
    }
    // in halves, so that neither the span nor the padding overflows
    let mid = lo / 2.0 + hi / 2.0;
    let half = (hi / 2.0 - lo / 2.0).max(relative_min / 2.0) * (1.0 + 2.0 * padding);
    let (a, b) = ((mid - half).max(-f64::MAX), (mid + half).min(f64::MAX));
    if a < b { (a, b) } else { (a - 1.0, b + 1.0) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plot::scatter::scatter;

    #[test]
    fn data_near_f64_max_gets_a_finite_range_and_figures_refuse_it_by_name() {
        let m = f64::MAX;
        // padded in halves: finite and ordered (it was (−∞, ∞), and
        // plotters' tick loop never ended)
        let (lo, hi) = pad_range((-m, m), 0.08);
        assert!(lo.is_finite() && hi.is_finite() && lo < hi);
        // values closer than a millionth of their size still span a range
        let (lo, hi) = pad_range((1e16, 1e16 + 2.0), 0.08);
        assert!(hi - lo >= 1e10);
        // ordinary data keeps its exact padding (figures stay byte-identical)
        assert_eq!(pad_range((0.0, 1.0), 0.1), (-0.1, 1.1));
        let data = crate::Dataset::new(
            ndarray::array![[1e308, 0.0], [-1e308, 1.0]],
            ndarray::array![0, 1],
        )
        .unwrap();
        let err = scatter(&data).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the data's x1 = 1e308 is too large: expected values within ±1e100 to draw on a \
             figure's axes: rescale the data, for example standardise it"
        );
    }
}
