//! Reading a [`Dataset`] from CSV, from a file or any reader: the label
//! column chosen by name or the last one, every other column a feature.

use std::io::Read;
use std::path::Path;

use ndarray::{Array1, Array2};

use super::csv_labels::LabelColumn;
use super::csv_messages::{csv_error, separator_hint};
use super::csv_rows::{CsvRows, parse_feature_cell, read_input};
use super::dataset::Dataset;
use crate::error::{Error, Result};
use crate::files::read as read_file;

impl Dataset {
    /// Reads a CSV file; see [`Dataset::from_csv_reader`] for the format.
    /// The dataset is named after the file stem (`moons.csv` → `"moons"`).
    ///
    /// # Errors
    ///
    /// [`Error::Io`] if the file cannot be read; otherwise as
    /// [`Dataset::from_csv_reader`].
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// let path = std::env::temp_dir().join("activation_lab_doc_xor.csv");
    /// let data = activation_lab::data::xor(20, 0.1, 3)?;
    /// data.to_csv_path(&path)?;
    /// let back = activation_lab::Dataset::from_csv_path(&path, None)?;
    /// assert_eq!(back.name(), "activation_lab_doc_xor");
    /// assert_eq!(back.features(), data.features());
    /// # std::fs::remove_file(&path).ok();
    /// # Ok(())
    /// # }
    /// ```
    pub fn from_csv_path(path: impl AsRef<Path>, label: Option<&str>) -> Result<Self> {
        Dataset::from_csv_path_with_classes(path, label, None)
    }

    /// [`Dataset::from_csv_path`] for a label column that holds two class
    /// names instead of 0 and 1: `positive` names class 1, the other name
    /// is class 0, and both become the dataset's class names (see
    /// [`Dataset::from_csv_reader_with_classes`]). `positive = None` reads
    /// 0/1 labels.
    ///
    /// # Errors
    /// As [`Dataset::from_csv_reader_with_classes`], plus [`Error::Io`].
    pub fn from_csv_path_with_classes(
        path: impl AsRef<Path>,
        label: Option<&str>,
        positive: Option<&str>,
    ) -> Result<Self> {
        let path = path.as_ref();
        let bytes = read_file(path)?;
        let name = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_else(|| "data".to_string());
        Ok(Dataset::from_csv_bytes(&bytes, label, positive)?.with_name(name))
    }

    /// Reads CSV text: a header row, then one row per sample.
    ///
    /// ```text
    /// x1,x2,y
    /// 0.25,-1.5,0
    /// 1.0,0.75,1
    /// ```
    ///
    /// The label column is the one named `label`, or the last column when
    /// `label` is `None`; every other column is a numeric feature, named by
    /// the header. Whitespace around cells is trimmed and blank lines are
    /// skipped. A label cell must be a number equal to 0 or 1 (`0`, `1`,
    /// `0.0`, `1.0`, …). The name is `"data"`.
    ///
    /// The separator is the header's: a comma when the header has one, else
    /// a semicolon, else a tab, as spreadsheets export CSV in languages that
    /// write decimals with a comma; in a file separated by semicolons or tabs
    /// a decimal comma is read as a point (`1,5` is 1.5). A byte-order mark
    /// before the header is skipped.
    ///
    /// # Errors
    ///
    /// [`Error::Csv`] with the 1-based line number (the header is line 1)
    /// and, where it applies, the column name, when:
    /// - the input is empty or blank (`"no header row"`, line 1);
    /// - the header has fewer than 2 columns, an empty or a repeated name;
    /// - a row has more or fewer fields than the header;
    /// - a feature cell is empty, not a number, or not finite (`NaN`, `inf`,
    ///   `1e999`);
    /// - a label cell is not 0 or 1;
    /// - the text is not UTF-8.
    ///
    /// [`Error::UnknownName`] (kind `"column"`) if `label` names no column;
    /// [`Error::Empty`] if there is a header but no data row.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Dataset;
    ///
    /// let text = "y, a, b\n1, 0.5, 2\n0, -1, 3\n";
    /// let data = Dataset::from_csv_reader(text.as_bytes(), Some("y"))?;
    /// assert_eq!(data.feature_names(), ["a", "b"]);
    /// assert_eq!(data.labels().to_vec(), vec![1, 0]);
    ///
    /// let err = Dataset::from_csv_reader("x1,x2,y\n1,abc,0\n".as_bytes(), None).unwrap_err();
    /// assert_eq!(err.to_string(), "CSV line 2, column x2: \"abc\" is not a number");
    ///
    /// // from a spreadsheet set to a language with decimal commas
    /// let data = Dataset::from_csv_reader("x1;x2;y\n1,5;2;0\n-0,25;4;1\n".as_bytes(), None)?;
    /// assert_eq!(data.features(), ndarray::array![[1.5, 2.0], [-0.25, 4.0]]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn from_csv_reader(reader: impl Read, label: Option<&str>) -> Result<Self> {
        Dataset::from_csv_reader_with_classes(reader, label, None)
    }

    /// [`Dataset::from_csv_reader`] for a label column that holds two class
    /// names (`versicolor`, `virginica`) or two other values (`1`, `2`)
    /// instead of 0 and 1: the rows labelled `positive` are class 1, the
    /// rows with the column's other value class 0, and the dataset's class
    /// names are `[other, positive]`. `positive = None` reads 0/1 labels, as
    /// [`Dataset::from_csv_reader`] does.
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Dataset;
    ///
    /// let text = "species,petal_length,petal_width\n\
    ///             versicolor,4.7,1.4\nvirginica,6.0,2.5\nversicolor,4.5,1.5\n";
    /// let data = Dataset::from_csv_reader_with_classes(text.as_bytes(), Some("species"), Some("virginica"))?;
    /// assert_eq!(data.labels().to_vec(), vec![0, 1, 0]);
    /// assert_eq!(data.class_names(), &["versicolor".to_string(), "virginica".to_string()]);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    /// As [`Dataset::from_csv_reader`], and [`Error::Csv`] when the label
    /// column holds more than two values, or `positive` is not one of them.
    pub fn from_csv_reader_with_classes(
        reader: impl Read,
        label: Option<&str>,
        positive: Option<&str>,
    ) -> Result<Self> {
        let bytes = read_input(reader)?;
        Dataset::from_csv_bytes(&bytes, label, positive)
    }

    /// [`Dataset::from_csv_reader`] on text already in memory, read by the
    /// crate's one row reader, [`CsvRows`].
    fn from_csv_bytes(bytes: &[u8], label: Option<&str>, positive: Option<&str>) -> Result<Self> {
        let (header_line, header, mut rows) = CsvRows::open(bytes)?;
        let delimiter = rows.delimiter();
        let n_columns = header.len();
        if n_columns < 2 {
            return Err(csv_error(
                header_line,
                None,
                &format!(
                    "found {n_columns} column: expected at least one feature column and a label column{}",
                    separator_hint(&header[0])
                ),
            ));
        }
        let label_column = match label {
            None => n_columns - 1,
            Some(wanted) => header
                .iter()
                .position(|name| name == wanted)
                .ok_or_else(|| Error::UnknownName {
                    kind: "column".to_string(),
                    name: wanted.to_string(),
                    expected: header.join(", "),
                })?,
        };

        // rows
        let mut values = Vec::new();
        let mut labels = LabelColumn::new(positive, label.is_some());
        while let Some((line, record)) = rows.next_row()? {
            for (j, cell) in record.iter().enumerate() {
                let column = Some(header[j].as_str());
                if j == label_column {
                    labels.push(cell, line, column)?;
                } else {
                    values.push(parse_feature_cell(cell, line, column, delimiter)?);
                }
            }
        }
        if labels.is_empty() {
            return Err(Error::empty("the CSV data", "data row"));
        }

        let n = labels.len();
        let d = n_columns - 1;
        let found = values.len();
        let features = Array2::from_shape_vec((n, d), values)
            .map_err(|_| Error::shape("feature values", n.saturating_mul(d), found))?;
        let header_label = header[label_column].clone();
        let feature_names = header
            .into_iter()
            .enumerate()
            .filter(|&(j, _)| j != label_column)
            .map(|(_, name)| name)
            .collect();
        let data = Dataset::new(features, Array1::from(labels.take_labels()))?
            .with_feature_names(feature_names)?;
        labels.name_classes(data, header_line, &header_label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::test_support::{message, read};
    use ndarray::array;

    #[test]
    fn csv_reads_header_features_and_last_column_label() {
        let data = read("a,b,y\n1,2,0\n3,4,1\n").unwrap();
        assert_eq!(data.feature_names(), ["a", "b"]);
        assert_eq!(data.features(), array![[1.0, 2.0], [3.0, 4.0]]);
        assert_eq!(data.labels(), array![0, 1]);
        assert_eq!(data.name(), "data");
    }

    #[test]
    fn csv_uses_named_label_column() {
        let data =
            Dataset::from_csv_reader("label,a\n1,2.5\n0,-3\n".as_bytes(), Some("label")).unwrap();
        assert_eq!(data.feature_names(), ["a"]);
        assert_eq!(data.features(), array![[2.5], [-3.0]]);
        assert_eq!(data.labels(), array![1, 0]);
    }

    #[test]
    fn csv_unknown_label_column_lists_the_header() {
        let err = Dataset::from_csv_reader("a,b,y\n1,2,0\n".as_bytes(), Some("class"));
        assert_eq!(
            message(err),
            "unknown column \"class\": expected one of a, b, y"
        );
    }

    #[test]
    fn csv_reader_errors_become_csv_errors() {
        struct Failing;
        impl Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("cable unplugged"))
            }
        }
        assert_eq!(
            message(Dataset::from_csv_reader(Failing, None)),
            "CSV line 1: cannot read the input: cable unplugged"
        );
    }

    #[test]
    fn csv_with_header_only_is_empty() {
        assert_eq!(
            message(read("x1,y\n\n")),
            "the CSV data is empty: expected at least one data row"
        );
    }

    #[test]
    fn csv_needs_a_feature_and_a_label_column() {
        assert_eq!(
            message(read("y\n1\n")),
            "CSV line 1: found 1 column: expected at least one feature column and a label column"
        );
    }

    #[test]
    fn csv_missing_file_is_an_io_error() {
        let err = Dataset::from_csv_path("/no/such/dir/data.csv", None).unwrap_err();
        assert!(matches!(err, Error::Io { action: "read", .. }));
        assert!(
            err.to_string()
                .starts_with("cannot read /no/such/dir/data.csv: ")
        );
    }
}
