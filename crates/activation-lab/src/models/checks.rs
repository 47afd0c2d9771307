//! Checks of the inputs a model is given.

use ndarray::{Array, Array2, Dimension};

use crate::data::Dataset;
use crate::error::{Error, Result};
use crate::net_input::check_finite_2d;

/// [`Error::TooLarge`] for a loss or gradient that overflows on finite
/// data: names the data by its largest feature.
pub(crate) fn loss_overflow(data: &Dataset, loss: f64) -> Error {
    let largest = data.features().iter().fold(0.0f64, |m, v| m.max(v.abs()));
    Error::too_large(
        "the data",
        format!("features up to ±{}", crate::error::short(largest)),
        format!(
            "data on which the loss and its gradient stay finite at these weights (the loss is {}): \
             rescale the features, for example standardise them",
            crate::error::short(loss)
        ),
    )
}

/// Checks that `x` has `n_features` columns and only finite values.
pub(crate) fn check_input(x: &Array2<f64>, n_features: usize) -> Result<()> {
    if x.ncols() != n_features {
        return Err(Error::shape("feature columns", n_features, x.ncols()));
    }
    check_finite_2d("x (the features)", x)
}

/// Checks a validation set against the training set's feature count.
pub(crate) fn check_validation(validation: Option<&Dataset>, n_features: usize) -> Result<()> {
    if let Some(v) = validation
        && v.n_features() != n_features
    {
        return Err(Error::shape(
            "feature columns in the validation data",
            n_features,
            v.n_features(),
        ));
    }
    Ok(())
}

/// `a` in row-major order (a copy only if it is not already): how every
/// weight array of the models is kept, because the training kernels read
/// them as flat slices.
pub(crate) fn row_major<D: Dimension>(a: Array<f64, D>) -> Array<f64, D> {
    if a.is_standard_layout() {
        a
    } else {
        a.as_standard_layout().into_owned()
    }
}
