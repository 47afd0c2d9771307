//! Writing a [`Dataset`] as CSV, to a writer, a file or a string, in the
//! format the readers read back bit for bit.

use std::io::Write;
use std::path::Path;

use super::dataset::Dataset;
use crate::error::{Error, Result};

impl Dataset {
    /// Writes the data as CSV: a header of the feature names then the label
    /// column, one row per sample.
    ///
    /// The label column is named `y` (or, if a feature is already called
    /// `y`, the first free name of `label`, `class`, `target`, `y_`, `y__`, …).
    /// Numbers use Rust's shortest round-trip formatting (`{}`), so reading
    /// the file back gives bit-identical features.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] (action `"write"`, path `"the CSV output"`) if the
    /// writer fails.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Dataset;
    /// use ndarray::array;
    ///
    /// let data = Dataset::new(array![[0.1, -2.0]], array![1])?;
    /// let mut out = Vec::new();
    /// data.to_csv_writer(&mut out)?;
    /// assert_eq!(String::from_utf8_lossy(&out), "x1,x2,y\n0.1,-2,1\n");
    /// # Ok(())
    /// # }
    /// ```
    pub fn to_csv_writer(&self, w: impl Write) -> Result<()> {
        self.write_csv(w).map_err(|e| Error::Io {
            action: "write",
            path: "the CSV output".to_string(),
            source: e.into(),
        })
    }

    /// Writes the data to a CSV file, in the format of [`Dataset::to_csv_writer`].
    ///
    /// # Errors
    ///
    /// [`Error::Io`] (action `"write"`) if the file cannot be written.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// let path = std::env::temp_dir().join("activation_lab_doc_moons.csv");
    /// activation_lab::data::moons(10, 0.1, 1)?.to_csv_path(&path)?;
    /// assert!(std::fs::read_to_string(&path).unwrap().starts_with("x1,x2,y\n"));
    /// # std::fs::remove_file(&path).ok();
    /// # Ok(())
    /// # }
    /// ```
    pub fn to_csv_path(&self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        crate::files::write(path, self.to_csv_string())
    }

    /// The data as CSV text, in the format of [`Dataset::to_csv_writer`].
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Dataset;
    /// use ndarray::array;
    ///
    /// let data = Dataset::new(array![[1.5], [-0.0]], array![0, 1])?;
    /// assert_eq!(data.to_csv_string(), "x1,y\n1.5,0\n-0,1\n");
    /// # Ok(())
    /// # }
    /// ```
    pub fn to_csv_string(&self) -> String {
        let mut buffer = Vec::new();
        // writing to a Vec cannot fail
        let _ = self.write_csv(&mut buffer);
        String::from_utf8_lossy(&buffer).into_owned()
    }

    fn write_csv(&self, w: impl Write) -> std::result::Result<(), csv::Error> {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(w);
        let mut header = self.feature_names.clone();
        header.push(self.label_column_name());
        writer.write_record(&header)?;
        let mut row = Vec::with_capacity(self.n_features() + 1);
        for (x, y) in self.features.rows().into_iter().zip(&self.labels) {
            row.clear();
            row.extend(x.iter().map(|v| v.to_string()));
            row.push(y.to_string());
            writer.write_record(&row)?;
        }
        writer.flush()?;
        Ok(())
    }

    fn label_column_name(&self) -> String {
        let taken = |name: &str| self.feature_names.iter().any(|f| f == name);
        for candidate in ["y", "label", "class", "target"] {
            if !taken(candidate) {
                return candidate.to_string();
            }
        }
        let mut name = "y_".to_string();
        while taken(&name) {
            name.push('_');
        }
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::generators::{blobs, moons};
    use crate::data::test_support::{message, read, small};
    use ndarray::array;

    #[test]
    fn csv_round_trip_is_bit_identical() {
        let tricky = array![
            [0.1, -0.0],
            [1e-300, 1.7976931348623157e308],
            [std::f64::consts::PI, -5e-324],
            [123_456_789.123_456_79, 2.0 / 3.0]
        ];
        let data = Dataset::new(tricky, array![0, 1, 1, 0]).unwrap();
        let back = read(&data.to_csv_string()).unwrap();
        assert_eq!(back, data);
        for (a, b) in back.features().iter().zip(data.features()) {
            assert_eq!(a.to_bits(), b.to_bits());
        }
        let moons = moons(50, 0.3, 5).unwrap();
        let back = read(&moons.to_csv_string()).unwrap();
        assert_eq!(back.features(), moons.features());
        assert_eq!(back.labels(), moons.labels());
    }

    #[test]
    fn csv_output_quotes_names_and_avoids_a_clash_with_y() {
        let data = small()
            .with_feature_names(vec!["y".into(), "a,b".into()])
            .unwrap();
        let text = data.to_csv_string();
        assert!(text.starts_with("y,\"a,b\",label\n"), "{text}");
        let back = read(&text).unwrap();
        assert_eq!(back.feature_names(), ["y", "a,b"]);
        assert_eq!(back.features(), data.features());
    }

    #[test]
    fn csv_writer_errors_become_io_errors() {
        struct Broken;
        impl Write for Broken {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk full"))
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        assert_eq!(
            message(small().to_csv_writer(Broken)),
            "cannot write the CSV output: disk full"
        );
    }

    #[test]
    fn csv_path_round_trip_names_the_data_after_the_file() {
        let path = std::env::temp_dir().join(format!(
            "activation_lab_test_{}_blobs.csv",
            std::process::id()
        ));
        let data = blobs(20, 0.5, 1).unwrap();
        data.to_csv_path(&path).unwrap();
        let back = Dataset::from_csv_path(&path, Some("y")).unwrap();
        std::fs::remove_file(&path).ok();
        assert_eq!(back.features(), data.features());
        assert!(back.name().ends_with("_blobs"));
    }
}
