//! Input checks shared by the figures: finite numbers, drawable ranges,
//! data and models over the plane (x1, x2), the padding around the data.

use crate::data::Dataset;
use crate::error::{Error, Result, short};
use crate::models::Classifier;

/// Checks that a value is finite, naming it in the error.
pub(crate) fn check_finite(name: &str, v: f64) -> Result<()> {
    if v.is_finite() {
        Ok(())
    } else {
        Err(Error::param(name, v, "a finite number"))
    }
}

/// Checks that a range set by the caller can be drawn: finite `lo < hi`
/// within ±[`MAX_AXIS`](crate::limits::MAX_AXIS), and wide enough for its
/// ticks to step (at least 1e-100, and a billionth of its size).
pub(crate) fn check_range(name: &str, (lo, hi): (f64, f64)) -> Result<()> {
    let max = crate::limits::MAX_AXIS;
    let span = hi - lo;
    let drawable = lo.is_finite()
        && hi.is_finite()
        && lo < hi
        && lo.abs().max(hi.abs()) <= max
        && span >= 1e-100
        && span >= lo.abs().max(hi.abs()) * 1e-9;
    if drawable {
        Ok(())
    } else {
        Err(Error::param(
            name,
            format!("({}, {})", short(lo), short(hi)),
            &format!(
                "(low, high) with finite low < high within ±{max:e}, high − low at least 1e-100 \
                 and at least a billionth of their size"
            ),
        ))
    }
}

/// Checks that `data` has rows and exactly two features.
pub(crate) fn check_plane_data(data: &Dataset, what: &str) -> Result<()> {
    if data.is_empty() {
        return Err(Error::empty(what, "row"));
    }
    if data.n_features() != 2 {
        return Err(Error::shape(
            &format!("feature columns in {what} (figures show the plane x1, x2)"),
            2,
            data.n_features(),
        ));
    }
    check_drawable(data, what)
}

/// Checks that every value of `data` lies within a figure's reach,
/// ±[`MAX_AXIS`](crate::limits::MAX_AXIS), naming the data and its column.
pub(crate) fn check_drawable(data: &Dataset, what: &str) -> Result<()> {
    let max = crate::limits::MAX_AXIS;
    for (c, column) in data.features().columns().into_iter().enumerate() {
        if let Some(v) = column.iter().copied().find(|v| v.abs() > max) {
            return Err(Error::too_large(
                &format!("{what}'s {}", data.feature_names()[c]),
                short(v),
                format!(
                    "values within ±{max:e} to draw on a figure's axes: rescale the data, for example standardise it"
                ),
            ));
        }
    }
    Ok(())
}

/// Checks that a model reads the two plotted features.
pub(crate) fn check_model(model: &dyn Classifier) -> Result<()> {
    if model.n_features() != 2 {
        return Err(Error::shape(
            "model input features (figures show the plane x1, x2)",
            2,
            model.n_features(),
        ));
    }
    Ok(())
}

pub(super) fn check_padding(padding: f64) -> Result<()> {
    if padding.is_finite() && (0.0..=5.0).contains(&padding) {
        Ok(())
    } else {
        Err(Error::param(
            "padding",
            padding,
            "a fraction of the data's span from 0 to 5",
        ))
    }
}
