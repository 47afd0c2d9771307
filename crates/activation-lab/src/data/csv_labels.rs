//! The label column of a CSV file: 0 and 1, or two class names (or two
//! other values) with the one that is class 1 named by `positive`.

use super::csv_messages::{csv_error, quoted};
use super::dataset::Dataset;
use crate::error::Result;

/// The label column of a CSV file, read one cell at a time.
///
/// Without `positive` a label must be a number equal to 0 or 1. With it,
/// the rows labelled `positive` are class 1 and the rows with the column's
/// other value class 0.
pub(super) struct LabelColumn<'a> {
    /// The label that is class 1, when the labels are not 0 and 1.
    positive: Option<&'a str>,
    /// Whether the caller chose the column (see [`label_hint`]).
    named: bool,
    /// With `positive`: the label column's other value (class 0).
    negative: Option<String>,
    /// The labels read so far, each 0 or 1.
    labels: Vec<u8>,
}

impl<'a> LabelColumn<'a> {
    /// Reads labels 0 and 1 (`positive = None`) or two values of which
    /// `positive` is class 1; `named`: the caller chose the column.
    pub(super) fn new(positive: Option<&'a str>, named: bool) -> Self {
        LabelColumn {
            positive,
            named,
            negative: None,
            labels: Vec::new(),
        }
    }

    /// Reads the label cell of the row on `line`, in the named column.
    ///
    /// # Errors
    ///
    /// [`Error::Csv`](crate::error::Error::Csv) for a label that is not 0
    /// or 1, or with `positive`, a third value.
    pub(super) fn push(&mut self, cell: &str, line: u64, column: Option<&str>) -> Result<()> {
        if let Some(p) = self.positive {
            if cell == p {
                self.labels.push(1u8);
            } else {
                match &self.negative {
                    Some(other) if other != cell && !self.labels.contains(&1) => {
                        return Err(csv_error(
                            line,
                            column,
                            &format!(
                                "positive = {} names no label seen so far, and this column \
                                 holds {} and {}: expected one of them",
                                quoted(p),
                                quoted(other),
                                quoted(cell)
                            ),
                        ));
                    }
                    Some(other) if other != cell => {
                        return Err(csv_error(
                            line,
                            column,
                            &format!(
                                "label {} is a third class (the others are {} and {}): \
                                 expected two classes",
                                quoted(cell),
                                quoted(other),
                                quoted(p)
                            ),
                        ));
                    }
                    Some(_) => {}
                    None => self.negative = Some(cell.to_string()),
                }
                self.labels.push(0u8);
            }
            return Ok(());
        }
        match cell.parse::<f64>() {
            Ok(0.0) => self.labels.push(0u8),
            Ok(1.0) => self.labels.push(1u8),
            _ => {
                return Err(csv_error(
                    line,
                    column,
                    &format!(
                        "label {} is not a class: expected 0 or 1{}",
                        quoted(cell),
                        label_hint(cell, self.named)
                    ),
                ));
            }
        }
        Ok(())
    }

    /// The number of labels read.
    pub(super) fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether no label has been read.
    pub(super) fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// The labels read so far, taken out (the class names stay).
    pub(super) fn take_labels(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.labels)
    }

    /// Names the classes of `data`, the dataset read with these labels:
    /// with `positive`, `[the other value, positive]`; without, unchanged.
    ///
    /// # Errors
    ///
    /// [`Error::Csv`](crate::error::Error::Csv) on the header's line when no
    /// row has the label `positive`.
    pub(super) fn name_classes(
        self,
        data: Dataset,
        header_line: u64,
        header_label: &str,
    ) -> Result<Dataset> {
        match self.positive {
            None => Ok(data),
            Some(p) if !data.labels().iter().any(|&y| y == 1) => Err(csv_error(
                header_line,
                Some(header_label),
                &format!(
                    "no row has the label {}: the labels are {}; expected the name of one of them",
                    quoted(p),
                    self.negative.as_deref().map_or("none".to_string(), quoted)
                ),
            )),
            Some(p) => {
                let other = self.negative.unwrap_or_else(|| format!("not {p}"));
                Ok(data.with_class_names([other.as_str(), p]))
            }
        }
    }
}

/// What a label that is not 0 or 1 suggests: class names (name the
/// positive one), classes numbered otherwise, or a measurement (so the
/// label column is another one). `named`: the caller chose the column.
fn label_hint(cell: &str, named: bool) -> String {
    let positive = format!(
        "name the one that is class 1: positive = {} (--positive {cell} in the command-line tool)",
        quoted(cell)
    );
    match cell.parse::<f64>() {
        Err(_) => format!(", or two class names: {positive}"),
        Ok(v) if v.fract() == 0.0 => format!("; for classes numbered otherwise, {positive}"),
        Ok(_) if named => String::new(),
        Ok(_) => "; this looks like a measurement: if the labels are in another column, name it \
                  (label, or --label in the command-line tool)"
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::data::dataset::Dataset;
    use crate::data::test_support::{message, read};
    use crate::error::Error;
    use ndarray::array;

    #[test]
    fn class_names_in_the_label_column_are_read_with_the_positive_one_named() {
        let text = "species;petal_length\nversicolor;4,7\nvirginica;6\n";
        let data = Dataset::from_csv_reader_with_classes(
            text.as_bytes(),
            Some("species"),
            Some("virginica"),
        )
        .unwrap();
        assert_eq!(data.labels().to_vec(), vec![0, 1]);
        assert_eq!(
            data.class_names(),
            &["versicolor".to_string(), "virginica".to_string()]
        );
        assert_eq!(data.features(), array![[4.7], [6.0]]);
        // labels 1 and 2
        let data =
            Dataset::from_csv_reader_with_classes("x,y\n0.5,1\n2,2\n".as_bytes(), None, Some("2"))
                .unwrap();
        assert_eq!(data.labels().to_vec(), vec![0, 1]);
        let err = Dataset::from_csv_reader_with_classes(
            "x,y\n1,a\n2,b\n3,c\n".as_bytes(),
            None,
            Some("a"),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "CSV line 4, column y: label \"c\" is a third class (the others are \"b\" and \"a\"): expected two classes"
        );
        let err =
            Dataset::from_csv_reader_with_classes("x,y\n1,a\n2,b\n".as_bytes(), None, Some("z"))
                .unwrap_err();
        assert!(
            err.to_string().contains("positive = \"z\" names no label"),
            "{err}"
        );
        let err =
            Dataset::from_csv_reader_with_classes("x,y\n1,a\n2,a\n".as_bytes(), None, Some("z"))
                .unwrap_err();
        assert!(
            err.to_string().contains("no row has the label \"z\""),
            "{err}"
        );
        // without it, class names are explained
        let err = Dataset::from_csv_reader("x,species\n1,setosa\n".as_bytes(), None).unwrap_err();
        assert!(
            err.to_string().ends_with(
                "expected 0 or 1, or two class names: name the one that is class 1: positive = \"setosa\" \
                 (--positive setosa in the command-line tool)"
            ),
            "{err}"
        );
        let err = Dataset::from_csv_reader("x,y,z\n1,0,1.4\n".as_bytes(), None).unwrap_err();
        assert!(
            err.to_string().contains("this looks like a measurement"),
            "{err}"
        );
        let err = Dataset::from_csv_reader(",x,y\n0,1,0\n".as_bytes(), None).unwrap_err();
        assert!(err.to_string().contains("saved index"), "{err}");
    }

    #[test]
    fn csv_accepts_0_1_and_their_decimal_forms_as_labels() {
        let data = read("x1,y\n1,0\n2,1\n3,0.0\n4,1.0\n").unwrap();
        assert_eq!(data.labels(), array![0, 1, 0, 1]);
    }

    #[test]
    fn csv_rejects_labels_other_than_0_and_1() {
        assert_eq!(
            message(read("x1,y\n1,0\n2,2\n")),
            "CSV line 3, column y: label \"2\" is not a class: expected 0 or 1; for classes numbered otherwise, \
             name the one that is class 1: positive = \"2\" (--positive 2 in the command-line tool)"
        );
        for bad in ["yes", "0.5", "-1", "", "nan"] {
            let err = read(&format!("x1,y\n1,{bad}\n"));
            assert!(matches!(err, Err(Error::Csv { line: 2, .. })), "{bad}");
        }
    }
}
