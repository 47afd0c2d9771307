//! Feature columns picked by name.

use ndarray::Axis;

use super::dataset::Dataset;
use crate::error::{Error, Result};

impl Dataset {
    /// The dataset with only the feature columns `names`, in that order
    /// (the labels, class names and name stay): two columns of a wider
    /// file, say, to draw them in the plane.
    ///
    /// # Errors
    ///
    /// [`Error::Empty`] for no names, [`Error::InvalidParameter`] for a
    /// name given twice or one that is not a feature column (the message
    /// lists the columns there are).
    ///
    /// # Example
    ///
    /// ```
    /// # fn main() -> activation_lab::Result<()> {
    /// use activation_lab::Dataset;
    /// use ndarray::array;
    ///
    /// let data = Dataset::new(array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], array![0, 1])?
    ///     .with_feature_names(vec!["a".into(), "b".into(), "c".into()])?;
    /// let two = data.select_features(&["c", "a"])?;
    /// assert_eq!(two.features(), array![[3.0, 1.0], [6.0, 4.0]]);
    /// assert_eq!(two.feature_names(), ["c", "a"]);
    /// assert_eq!(
    ///     data.select_features(&["d"]).unwrap_err().to_string(),
    ///     "invalid feature = d: expected one of the feature columns a, b, c"
    /// );
    /// # Ok(())
    /// # }
    /// ```
    pub fn select_features(&self, names: &[&str]) -> Result<Dataset> {
        if names.is_empty() {
            return Err(Error::empty("the list of feature columns", "name"));
        }
        let mut columns = Vec::with_capacity(names.len());
        for (i, name) in names.iter().enumerate() {
            if names[..i].contains(name) {
                return Err(Error::param("feature", name, "each feature column once"));
            }
            match self.feature_names.iter().position(|f| f == name) {
                Some(j) => columns.push(j),
                None => {
                    return Err(Error::param(
                        "feature",
                        name,
                        &format!(
                            "one of the feature columns {}",
                            self.feature_names.join(", ")
                        ),
                    ));
                }
            }
        }
        Ok(Dataset {
            features: self.features.select(Axis(1), &columns),
            labels: self.labels.clone(),
            feature_names: names.iter().map(|n| n.to_string()).collect(),
            class_names: self.class_names.clone(),
            name: self.name.clone(),
        })
    }
}
