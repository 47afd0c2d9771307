//! Helpers shared by the unit tests of the data module.

use std::fmt;

use ndarray::array;

use super::dataset::Dataset;
use crate::error::Result;

/// Four rows of two features, classes 0, 1, 0, 1.
pub(super) fn small() -> Dataset {
    Dataset::new(
        array![[0.0, 1.0], [2.0, 3.0], [4.0, 5.0], [6.0, 7.0]],
        array![0, 1, 0, 1],
    )
    .unwrap()
}

/// Reads CSV text with the label in the last column.
pub(super) fn read(text: &str) -> Result<Dataset> {
    Dataset::from_csv_reader(text.as_bytes(), None)
}

/// The message of an error result.
pub(super) fn message(result: Result<impl fmt::Debug>) -> String {
    result.unwrap_err().to_string()
}
