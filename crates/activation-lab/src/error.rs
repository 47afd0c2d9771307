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
        "{what} has a non-finite value ({}) at row {row}, column {column}: expected finite numbers",
        short(*value)
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
        "training diverged at epoch {epoch} (the loss became {loss}): expected a smaller learning_rate than {}{}",
        short(*learning_rate),
        l2_hint(*learning_rate, *l2)
    )]
    Diverged {
        /// 1-based epoch at which the loss stopped being finite.
        epoch: usize,
        /// The loss value seen (NaN or infinite).
        loss: f64,
        /// The learning rate in use.
        learning_rate: f64,
        /// The L2 strength in use (named in the message when the L2 step
        /// alone overshoots: `learning_rate × l2 ≥ 1`).
        l2: f64,
    },

    /// A size, or a number, too large to work with: an allocation that
    /// would not fit in memory, or inputs whose net input overflows `f64`.
    #[error("{name} = {value} is too large: expected {expected}")]
    TooLarge {
        /// The argument, as spelled in the API: "n_samples", "x", …
        name: String,
        /// The value given, written short (`1e9`, `row 0 = (1e308, 2)`).
        value: String,
        /// The limit, and roughly what the value would need.
        expected: String,
    },

    /// Drawing or encoding a figure failed.
    #[error("figure: {0}")]
    Figure(String),
}

fn l2_hint(learning_rate: f64, l2: f64) -> String {
    if learning_rate * l2 >= 1.0 {
        format!(
            " or a smaller l2 than {} (learning_rate × l2 = {}: the L2 step alone overshoots unless it is below 1)",
            short(l2),
            short(learning_rate * l2)
        )
    } else {
        String::new()
    }
}

/// A number written short for a message: plain when it reads well
/// (`0.03`, `-2`, `12345`), in exponent form when it would be long
/// (`1e300`, `-1e-300`, `1.7976931348623157e308`).
///
/// ```
/// use activation_lab::error::short;
/// assert_eq!(short(0.03), "0.03");
/// assert_eq!(short(1e300), "1e300");
/// assert_eq!(short(-1e-300), "-1e-300");
/// assert_eq!(short(1e9), "1e9");
/// assert_eq!(short(1234567.0), "1234567");
/// assert_eq!(short(f64::NAN), "NaN");
/// ```
pub fn short(x: f64) -> String {
    let a = x.abs();
    if !x.is_finite() || a == 0.0 || (1e-4..1e7).contains(&a) {
        format!("{x}")
    } else {
        format!("{x:e}")
    }
}

/// A count written short: plain below 10⁷, else in exponent form with
/// three significant digits (`1e9`, `1.84e19` for `usize::MAX`).
///
/// ```
/// use activation_lab::error::short_count;
/// assert_eq!(short_count(200u32), "200");
/// assert_eq!(short_count(1_000_000_000u64), "1e9");
/// assert_eq!(short_count(10_000_001u64), "10000001");
/// assert_eq!(short_count(usize::MAX as u128), "1.84e19");
/// ```
pub fn short_count(n: impl Into<u128>) -> String {
    let n: u128 = n.into();
    if n < 10_000_000 {
        return n.to_string();
    }
    let s = format!("{:.2e}", n as f64);
    // "1.00e9" → "1e9", "1.80e19" → "1.8e19"
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
    let rounded = format!("{mantissa}e{exp}");
    // up to 12 digits, a count the short form would round is written out
    // (10000001 is not "1e7")
    let exact = rounded
        .parse::<f64>()
        .is_ok_and(|v| v == n as f64 && n < (1 << 53));
    if exact || n >= 1_000_000_000_000 {
        rounded
    } else {
        n.to_string()
    }
}

/// Rewrites a plain number that would print long (`1e300` printed with
/// 300 zeros, `usize::MAX`) in short form; any other text is kept.
fn short_value(value: String) -> String {
    let long = value.chars().filter(char::is_ascii_digit).count() > 12;
    if !long {
        return value;
    }
    if let Ok(n) = value.parse::<u128>() {
        return short_count(n);
    }
    match value.parse::<f64>() {
        Ok(x) => short(x),
        Err(_) => value,
    }
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
    /// [`Error::Io`]: `action` ("read", "write", "create") failed on `path`.
    ///
    /// ```
    /// use activation_lab::Error;
    /// let e = std::fs::read("no/such/file.csv").map_err(|s| Error::io("read", "no/such/file.csv", s));
    /// assert!(e.unwrap_err().to_string().starts_with("cannot read no/such/file.csv"));
    /// ```
    pub fn io(
        action: &'static str,
        path: impl AsRef<std::path::Path>,
        source: std::io::Error,
    ) -> Self {
        Error::Io {
            action,
            path: path.as_ref().display().to_string(),
            source,
        }
    }

    /// Shorthand for [`Error::InvalidParameter`].
    pub(crate) fn param(name: &str, value: impl fmt::Display, expected: &str) -> Self {
        Error::InvalidParameter {
            name: name.to_string(),
            value: short_value(value.to_string()),
            expected: expected.to_string(),
        }
    }

    /// Shorthand for [`Error::TooLarge`].
    pub(crate) fn too_large(
        name: &str,
        value: impl fmt::Display,
        expected: impl fmt::Display,
    ) -> Self {
        Error::TooLarge {
            name: name.to_string(),
            value: short_value(value.to_string()),
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
    fn long_numbers_are_written_short() {
        let e = Error::param("noise", -1e-300, "a finite number >= 0");
        assert_eq!(
            e.to_string(),
            "invalid noise = -1e-300: expected a finite number >= 0"
        );
        let e = Error::param("epochs", usize::MAX, "a whole number from 1 to 10000000");
        assert_eq!(
            e.to_string(),
            "invalid epochs = 1.84e19: expected a whole number from 1 to 10000000"
        );
        let e = Error::Diverged {
            epoch: 1,
            loss: f64::INFINITY,
            learning_rate: 1e308,
            l2: 0.0,
        };
        assert_eq!(
            e.to_string(),
            "training diverged at epoch 1 (the loss became inf): expected a smaller learning_rate than 1e308"
        );
        let e = Error::Diverged {
            epoch: 1,
            loss: f64::INFINITY,
            learning_rate: 0.03,
            l2: 1e300,
        };
        assert!(e.to_string().contains("or a smaller l2 than 1e300"), "{e}");
    }

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
