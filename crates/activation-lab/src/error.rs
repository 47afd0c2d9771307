//! The crate's one error type.
//!
//! Every message says what was wrong and what was expected, so a student who
//! mistypes a shape or a hyperparameter learns how to fix it.

use std::fmt;

/// Everything that can go wrong in Activation Lab.
///
/// Variants carry the numbers involved, and their `Display` text says what
/// was found and what was expected:
///
/// ```
/// use activation_lab::Error;
/// let e = Error::ShapeMismatch {
///     what: "feature columns".into(),
///     expected: 2,
///     found: 3,
/// };
/// assert_eq!(e.to_string(), "expected 2 feature columns, found 3");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A count (columns, rows, weights, units) differs from the one required.
    #[error("expected {expected} {what}, found {found}")]
    ShapeMismatch {
        /// What was counted, in plural: "feature columns", "labels", …
        what: String,
        /// The count required.
        expected: usize,
        /// The count found.
        found: usize,
    },

    /// Data with no rows (or no columns) where some are required.
    #[error("{what} is empty: expected at least one {unit}")]
    Empty {
        /// What was empty: "the training data", "the CSV file", …
        what: String,
        /// The unit that was missing: "row", "feature column", …
        unit: String,
    },

    /// A NaN or infinite number where finite numbers are required.
    #[error(
        "{what} has a non-finite value ({value}) at row {row}, column {column}: expected finite numbers"
    )]
    NonFinite {
        /// Where it was found: "features", "weights", …
        what: String,
        /// Zero-based row.
        row: usize,
        /// Zero-based column.
        column: usize,
        /// The offending value.
        value: f64,
    },

    /// A class label other than 0 or 1.
    #[error("label {value} at row {row} is not a class: expected 0 or 1")]
    InvalidLabel {
        /// Zero-based row.
        row: usize,
        /// The offending label, as found.
        value: String,
    },

    /// Training data that holds only one class.
    #[error("{what} holds only class {class}: expected both classes 0 and 1")]
    SingleClass {
        /// Which data: "the training data", …
        what: String,
        /// The one class present.
        class: u8,
    },

    /// A hyperparameter or option outside its valid range.
    #[error("invalid {name} = {value}: expected {expected}")]
    InvalidParameter {
        /// The parameter's name, as spelled in the API: "learning_rate", …
        name: String,
        /// The value given, formatted.
        value: String,
        /// What is allowed: "a finite number > 0", …
        expected: String,
    },

    /// A name (activation, dataset, optimiser, column) that is not known.
    #[error("unknown {kind} \"{name}\": expected one of {expected}")]
    UnknownName {
        /// What kind of name: "activation", "dataset", "column", …
        kind: String,
        /// The name given.
        name: String,
        /// The accepted names, comma-separated.
        expected: String,
    },

    /// Malformed CSV input, located by line (1-based, header = line 1) and column.
    #[error("CSV line {line}{}: {message}", column_suffix(column))]
    Csv {
        /// 1-based line number.
        line: u64,
        /// Column name or number, when known.
        column: Option<String>,
        /// What was wrong and what was expected.
        message: String,
    },

    /// Malformed or mismatched model JSON.
    #[error("model JSON: {0}")]
    Json(String),

    /// Reading or writing a file failed.
    #[error("cannot {action} {path}: {source}")]
    Io {
        /// "read" or "write".
        action: &'static str,
        /// The path involved.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },

    /// Training produced non-finite numbers (usually a learning rate that is too large).
    #[error(
        "training diverged at epoch {epoch} (the loss became {loss}): expected a smaller learning_rate than {learning_rate}"
    )]
    Diverged {
        /// 1-based epoch at which the loss stopped being finite.
        epoch: usize,
        /// The loss value seen (NaN or infinite).
        loss: f64,
        /// The learning rate in use.
        learning_rate: f64,
    },

    /// Drawing or encoding a figure failed.
    #[error("figure: {0}")]
    Figure(String),
}

fn column_suffix(column: &Option<String>) -> String {
    match column {
        Some(c) => format!(", column {c}"),
        None => String::new(),
    }
}

/// The crate's `Result`, with [`Error`] as the default error type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Shorthand for [`Error::InvalidParameter`].
    pub(crate) fn param(name: &str, value: impl fmt::Display, expected: &str) -> Self {
        Error::InvalidParameter {
            name: name.to_string(),
            value: value.to_string(),
            expected: expected.to_string(),
        }
    }

    /// Shorthand for [`Error::ShapeMismatch`].
    pub(crate) fn shape(what: &str, expected: usize, found: usize) -> Self {
        Error::ShapeMismatch {
            what: what.to_string(),
            expected,
            found,
        }
    }

    /// Shorthand for [`Error::Empty`].
    pub(crate) fn empty(what: &str, unit: &str) -> Self {
        Error::Empty {
            what: what.to_string(),
            unit: unit.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_mismatch_says_expected_and_found() {
        let e = Error::shape("feature columns", 2, 3);
        assert_eq!(e.to_string(), "expected 2 feature columns, found 3");
    }

    #[test]
    fn csv_error_names_line_and_column() {
        let e = Error::Csv {
            line: 4,
            column: Some("x2".into()),
            message: "\"abc\" is not a number".into(),
        };
        assert_eq!(
            e.to_string(),
            "CSV line 4, column x2: \"abc\" is not a number"
        );
        let e = Error::Csv {
            line: 1,
            column: None,
            message: "no header".into(),
        };
        assert_eq!(e.to_string(), "CSV line 1: no header");
    }

    #[test]
    fn invalid_parameter_says_what_is_allowed() {
        let e = Error::param("learning_rate", -0.1, "a finite number > 0");
        assert_eq!(
            e.to_string(),
            "invalid learning_rate = -0.1: expected a finite number > 0"
        );
    }

    #[test]
    fn empty_and_single_class_messages() {
        assert_eq!(
            Error::empty("the training data", "row").to_string(),
            "the training data is empty: expected at least one row"
        );
        let e = Error::SingleClass {
            what: "the training data".into(),
            class: 1,
        };
        assert_eq!(
            e.to_string(),
            "the training data holds only class 1: expected both classes 0 and 1"
        );
    }

    #[test]
    fn non_finite_and_label_messages() {
        let e = Error::NonFinite {
            what: "features".into(),
            row: 2,
            column: 0,
            value: f64::NAN,
        };
        assert_eq!(
            e.to_string(),
            "features has a non-finite value (NaN) at row 2, column 0: expected finite numbers"
        );
        let e = Error::InvalidLabel {
            row: 5,
            value: "2".into(),
        };
        assert_eq!(
            e.to_string(),
            "label 2 at row 5 is not a class: expected 0 or 1"
        );
    }
}
