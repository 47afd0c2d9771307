//! Parts of a [`Dataset`]: rows picked by index, and the stratified,
//! seeded train/test split.

use ndarray::Axis;
use rand::seq::SliceRandom;

use super::dataset::Dataset;
use crate::error::{Error, Result};
use crate::rng::seeded;

impl Dataset {
    /// The rows at the given indices, in that order (repeats allowed), with
    /// the same names.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] (`"row index"`) for an index `≥ n`.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Dataset;
    /// use ndarray::array;
    ///
    /// let data = Dataset::new(array![[0.0], [1.0], [2.0]], array![0, 1, 0])?;
    /// let picked = data.select(&[2, 0])?;
    /// assert_eq!(picked.features(), array![[2.0], [0.0]]);
    /// assert!(data.select(&[3]).is_err());
    /// # Ok(())
    /// # }
    /// ```
    pub fn select(&self, rows: &[usize]) -> Result<Dataset> {
        let n = self.n_samples();
        if let Some(&bad) = rows.iter().find(|&&i| i >= n) {
            return Err(Error::param(
                "row index",
                bad,
                &format!("an index below {n} (the number of rows)"),
            ));
        }
        Ok(Dataset {
            features: self.features.select(Axis(0), rows),
            labels: self.labels.select(Axis(0), rows),
            feature_names: self.feature_names.clone(),
            class_names: self.class_names.clone(),
            name: self.name.clone(),
        })
    }

    /// Splits into `(train, test)`, stratified by class and seeded.
    ///
    /// For each class `c` with `n_c` rows, the test set receives
    ///
    /// ```text
    /// n_test_c = round(test_fraction · n_c)     (halves round away from zero)
    /// ```
    ///
    /// rows and the training set the rest, so both keep the class balance.
    /// The steps, all with one ChaCha8 generator seeded by `seed`: shuffle
    /// the row indices of class 0, then those of class 1; the first
    /// `n_test_c` of each go to the test set; finally shuffle the training
    /// order, then the test order. Both parts keep the names.
    ///
    /// `test_fraction = 0` returns the data unchanged (same row order) and
    /// an empty test set.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] (`"test_fraction"`) if `test_fraction` is
    /// not in `[0, 1)`, or if rounding would move every row of a class to the
    /// test set, leaving the training set without that class.
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// let data = activation_lab::data::moons(100, 0.2, 1)?;
    /// let (train, test) = data.split(0.3, 42)?;
    /// assert_eq!(train.class_counts(), [35, 35]);
    /// assert_eq!(test.class_counts(), [15, 15]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn split(&self, test_fraction: f64, seed: u64) -> Result<(Dataset, Dataset)> {
        if !(0.0..1.0).contains(&test_fraction) {
            return Err(Error::param(
                "test_fraction",
                test_fraction,
                "a fraction in [0, 1), e.g. 0.25",
            ));
        }
        if test_fraction == 0.0 {
            return Ok((self.clone(), self.select(&[])?));
        }
        let mut rng = seeded(seed);
        let mut train = Vec::with_capacity(self.n_samples());
        let mut test = Vec::new();
        for class in 0..=1u8 {
            let mut rows: Vec<usize> = (0..self.n_samples())
                .filter(|&i| self.labels[i] == class)
                .collect();
            rows.shuffle(&mut rng);
            let n_c = rows.len();
            // a float-to-int `as` saturates, so this cannot overflow
            let n_test = ((test_fraction * n_c as f64).round() as usize).min(n_c);
            if n_c > 0 && n_test == n_c {
                return Err(Error::param(
                    "test_fraction",
                    test_fraction,
                    &format!(
                        "a smaller fraction: class {class} has {n_c} {} and \
                         round({test_fraction} × {n_c}) = {n_test} would leave none for training",
                        plural(n_c, "row", "rows")
                    ),
                ));
            }
            test.extend_from_slice(&rows[..n_test]);
            train.extend_from_slice(&rows[n_test..]);
        }
        train.shuffle(&mut rng);
        test.shuffle(&mut rng);
        Ok((self.select(&train)?, self.select(&test)?))
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::generators::moons;
    use crate::data::test_support::{message, small};
    use ndarray::{Array1, Array2, array};

    #[test]
    fn select_keeps_names_and_rejects_out_of_range_rows() {
        let data = small().with_name("mine");
        let picked = data.select(&[3, 3, 0]).unwrap();
        assert_eq!(
            picked.features(),
            array![[6.0, 7.0], [6.0, 7.0], [0.0, 1.0]]
        );
        assert_eq!(picked.labels(), array![1, 1, 0]);
        assert_eq!(picked.name(), "mine");
        assert_eq!(
            message(data.select(&[0, 4])),
            "invalid row index = 4: expected an index below 4 (the number of rows)"
        );
    }

    #[test]
    fn split_is_stratified_and_seeded() {
        let data = moons(101, 0.2, 3).unwrap(); // 50 of class 0, 51 of class 1
        let (train, test) = data.split(0.25, 9).unwrap();
        // round(0.25 · 50) = 13 (12.5 rounds away from zero), round(0.25 · 51) = 13
        assert_eq!(test.class_counts(), [13, 13]);
        assert_eq!(train.class_counts(), [37, 38]);
        let (train_again, test_again) = data.split(0.25, 9).unwrap();
        assert_eq!(train, train_again);
        assert_eq!(test, test_again);
        let (train_other, _) = data.split(0.25, 10).unwrap();
        assert_ne!(train, train_other);
    }

    #[test]
    fn split_partitions_the_rows() {
        let data = Dataset::new(
            Array2::from_shape_fn((30, 1), |(i, _)| i as f64),
            Array1::from_shape_fn(30, |i| u8::from(i.is_multiple_of(3))),
        )
        .unwrap();
        let (train, test) = data.split(0.4, 1).unwrap();
        let mut seen: Vec<f64> = train
            .features()
            .iter()
            .chain(test.features().iter())
            .copied()
            .collect();
        seen.sort_by(f64::total_cmp);
        assert_eq!(seen, (0..30).map(|i| i as f64).collect::<Vec<_>>());
        // labels travel with their rows
        for data in [&train, &test] {
            for (x, &y) in data.features().iter().zip(data.labels()) {
                assert_eq!(y, u8::from((*x as usize).is_multiple_of(3)));
            }
        }
    }

    #[test]
    fn split_with_zero_fraction_returns_all_and_empty() {
        let data = small();
        let (train, test) = data.split(0.0, 1).unwrap();
        assert_eq!(train, data);
        assert!(test.is_empty());
        assert_eq!(test.n_features(), 2);
    }

    #[test]
    fn split_rejects_fraction_outside_0_1() {
        for bad in [1.0, -0.1, f64::NAN, f64::INFINITY] {
            assert!(matches!(
                small().split(bad, 1),
                Err(Error::InvalidParameter { .. })
            ));
        }
        assert_eq!(
            message(small().split(1.0, 1)),
            "invalid test_fraction = 1: expected a fraction in [0, 1), e.g. 0.25"
        );
    }

    #[test]
    fn split_rejects_a_fraction_that_empties_a_class_in_train() {
        let data = Dataset::new(array![[0.0], [1.0], [2.0], [3.0]], array![0, 0, 0, 1]).unwrap();
        assert_eq!(
            message(data.split(0.5, 1)),
            "invalid test_fraction = 0.5: expected a smaller fraction: class 1 has 1 row and \
             round(0.5 × 1) = 1 would leave none for training"
        );
        assert!(data.split(0.4, 1).is_ok());
    }

    #[test]
    fn split_of_empty_data_gives_two_empty_parts() {
        let empty = small().select(&[]).unwrap();
        let (train, test) = empty.split(0.5, 1).unwrap();
        assert!(train.is_empty() && test.is_empty());
    }
}
