//! Reading CSV without a label column: a file's column names alone, and
//! the features of the inputs to classify with a saved model.

use std::io::Read;
use std::path::Path;

use ndarray::Array2;

use super::csv_rows::{CsvRows, parse_feature_cell, read_input};
use crate::error::{Error, Result};
use crate::files::read as read_file;

/// The column names of a CSV file's header (checked as every reader checks
/// it: a name for every column, none repeated), without reading its rows:
/// to decide how to read a file whose label column may hold class names.
///
/// ```
/// # fn main() -> activation_lab::Result<()> {
/// let path = std::env::temp_dir().join("activation_lab_doc_header.csv");
/// std::fs::write(&path, "species;x1\nsetosa;1,5\n").unwrap();
/// assert_eq!(activation_lab::data::csv_column_names(&path)?, ["species", "x1"]);
/// # std::fs::remove_file(&path).ok();
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::Io`] if the file cannot be read, [`Error::Csv`] for a missing or
/// malformed header.
pub fn csv_column_names(path: impl AsRef<Path>) -> Result<Vec<String>> {
    let bytes = read_file(path.as_ref())?;
    Ok(CsvRows::open(&bytes)?.1)
}

/// Reads a CSV file of features only: a header row, then one row of
/// numbers per sample, with no label column (the inputs to classify with a
/// saved model). Returns the column names and the `[n, d]` matrix.
///
/// The format and checks are those of
/// [`Dataset::from_csv_reader`](super::dataset::Dataset::from_csv_reader)
/// without the label column: at least one column, every cell a finite number.
///
/// # Errors
///
/// [`Error::Io`] if the file cannot be read; otherwise as
/// [`features_from_csv_reader`].
///
/// # Example
///
/// ```
/// # fn main() -> activation_lab::Result<()> {
/// let path = std::env::temp_dir().join("activation_lab_doc_inputs.csv");
/// std::fs::write(&path, "x1,x2\n0.5,1\n-2,3\n").unwrap();
/// let (names, x) = activation_lab::data::features_from_csv_path(&path)?;
/// assert_eq!(names, ["x1", "x2"]);
/// assert_eq!(x, ndarray::array![[0.5, 1.0], [-2.0, 3.0]]);
/// # std::fs::remove_file(&path).ok();
/// # Ok(())
/// # }
/// ```
pub fn features_from_csv_path(path: impl AsRef<Path>) -> Result<(Vec<String>, Array2<f64>)> {
    let bytes = read_file(path.as_ref())?;
    features_from_csv_bytes(&bytes)
}

/// Reads CSV text of features only (see [`features_from_csv_path`]).
///
/// # Errors
///
/// [`Error::Csv`] with the 1-based line number and, where it applies, the
/// column name, when the input has no header, an empty or repeated column
/// name, a row with more or fewer fields than the header, or a cell that
/// is empty, not a number or not finite; [`Error::Empty`] if there is a
/// header but no data row.
///
/// # Example
///
/// ```
/// use activation_lab::data::features_from_csv_reader;
///
/// let err = features_from_csv_reader("a,b\n1,2\n3,nan\n".as_bytes()).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "CSV line 3, column b: \"nan\" is not finite: expected a finite number"
/// );
/// ```
pub fn features_from_csv_reader(reader: impl Read) -> Result<(Vec<String>, Array2<f64>)> {
    let bytes = read_input(reader)?;
    features_from_csv_bytes(&bytes)
}

fn features_from_csv_bytes(bytes: &[u8]) -> Result<(Vec<String>, Array2<f64>)> {
    let (_, header, mut rows) = CsvRows::open(bytes)?;
    let delimiter = rows.delimiter();
    let d = header.len();
    let mut values = Vec::new();
    let mut n = 0usize;
    while let Some((line, record)) = rows.next_row()? {
        for (j, cell) in record.iter().enumerate() {
            values.push(parse_feature_cell(
                cell,
                line,
                Some(header[j].as_str()),
                delimiter,
            )?);
        }
        n += 1;
    }
    if n == 0 {
        return Err(Error::empty("the CSV data", "data row"));
    }
    let found = values.len();
    let x = Array2::from_shape_vec((n, d), values)
        .map_err(|_| Error::shape("feature values", n.saturating_mul(d), found))?;
    Ok((header, x))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::test_support::message;
    use ndarray::array;

    #[test]
    fn features_csv_reads_unlabelled_rows() {
        let (names, x) = features_from_csv_reader("a, b\n\n1, 2\n-3, 4.5\n".as_bytes()).unwrap();
        assert_eq!(names, ["a", "b"]);
        assert_eq!(x, array![[1.0, 2.0], [-3.0, 4.5]]);
        let (names, x) = features_from_csv_reader("only\n7\n".as_bytes()).unwrap();
        assert_eq!((names.len(), x.dim()), (1, (1, 1)));
    }

    #[test]
    fn features_csv_rejects_bad_tables_with_line_and_column() {
        let read = |t: &str| message(features_from_csv_reader(t.as_bytes()));
        assert_eq!(read(""), "CSV line 1: no header row");
        assert_eq!(
            read("a,b\n"),
            "the CSV data is empty: expected at least one data row"
        );
        assert_eq!(
            read("a,b\n1,2\n3\n"),
            "CSV line 3: expected 2 fields (as in the header), found 1"
        );
        assert_eq!(
            read("a,b\n1,x\n"),
            "CSV line 2, column b: \"x\" is not a number"
        );
        assert_eq!(
            read("a,a\n1,2\n"),
            "CSV line 1, column a: repeated column name: expected unique names"
        );
        assert_eq!(
            read("a,b\n1,\n"),
            "CSV line 2, column b: empty cell: expected a number"
        );
    }
}
