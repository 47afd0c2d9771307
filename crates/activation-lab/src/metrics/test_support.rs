//! A helper shared by the metrics' unit tests.

use std::fmt;

use crate::error::Result;

/// The message of the error `result` holds.
pub(super) fn message(result: Result<impl fmt::Debug>) -> String {
    result.unwrap_err().to_string()
}
