//! The settings of logistic regression and its `fit`.

use super::model::LogisticModel;
use super::unit::LinearUnit;
use crate::data::Dataset;
use crate::error::Result;
use crate::models::fit::{self, FitOptions, check_recording};
use crate::models::settings::{Training, training_setters};

/// Settings for training logistic regression; [`fit`](Self::fit) checks them
/// before any work and returns a [`LogisticModel`].
///
/// Defaults ([`Training::LOGISTIC`]): `learning_rate` 0.1, `epochs` 200,
/// full-batch (`batch_size` 0) gradient descent, no L2, `seed` 0, shuffled
/// minibatches, inputs standardised during training (the fitted weights
/// act on raw inputs).
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let data = blobs(200, 0.6, 1)?;
/// let model = LogisticRegression::new().learning_rate(0.5).epochs(100).fit(&data)?;
/// assert!(model.accuracy(&data)? > 0.95);
/// assert_eq!(model.history().epochs(), 100);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LogisticRegression {
    training: Training,
}

impl Default for LogisticRegression {
    fn default() -> Self {
        LogisticRegression {
            training: Training::LOGISTIC,
        }
    }
}

impl LogisticRegression {
    /// The default settings.
    pub fn new() -> Self {
        Self::default()
    }

    training_setters!();

    /// Checks every setting against its valid range.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`](crate::Error::InvalidParameter) naming the first bad setting.
    pub fn validate(&self) -> Result<()> {
        self.training.validate()
    }

    /// Trains from zero weights on `train`.
    ///
    /// # Errors
    /// A bad setting ([`Error::InvalidParameter`](crate::Error::InvalidParameter)), empty or one-class
    /// training data ([`Error::Empty`](crate::Error::Empty), [`Error::SingleClass`](crate::Error::SingleClass)), or a
    /// learning rate so large that training diverges ([`Error::Diverged`](crate::Error::Diverged)).
    pub fn fit(&self, train: &Dataset) -> Result<LogisticModel> {
        self.fit_with(train, FitOptions::default())
    }

    /// Trains on `train` and records the loss and accuracy on `validation`
    /// after every epoch.
    ///
    /// # Errors
    /// As [`fit`](Self::fit), plus [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) when the two
    /// datasets have different numbers of features.
    pub fn fit_validated(&self, train: &Dataset, validation: &Dataset) -> Result<LogisticModel> {
        self.fit_with(
            train,
            FitOptions {
                validation: Some(validation),
                ..FitOptions::default()
            },
        )
    }

    /// Continues training from `init`'s weights.
    ///
    /// # Errors
    /// As [`fit`](Self::fit), plus [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) when `init`
    /// has a different number of weights than `train` has features.
    pub fn fit_from(&self, init: &LogisticModel, train: &Dataset) -> Result<LogisticModel> {
        self.fit_with(
            train,
            FitOptions {
                init: Some(init),
                ..FitOptions::default()
            },
        )
    }

    /// Trains and returns the model together with snapshots taken every
    /// `every` epochs (epoch 0 and the last epoch included).
    ///
    /// # Errors
    /// As [`fit`](Self::fit), plus [`Error::InvalidParameter`](crate::Error::InvalidParameter) when `every`
    /// is 0 or the snapshots would not fit in memory.
    pub fn fit_recording(
        &self,
        train: &Dataset,
        every: usize,
    ) -> Result<(LogisticModel, Vec<(usize, LogisticModel)>)> {
        self.validate()?;
        let d = train.n_features() as u128;
        let what = format!("{} epochs of {d} weights", self.training.epochs);
        check_recording(every, self.training.epochs, (d + 1) * 8 + 256, &what)?;
        fit::fit_recording(every, |options| self.fit_with(train, options))
    }

    /// The general form of [`fit`](Self::fit): validation data, starting
    /// weights and an observer ([`FitOptions`]).
    ///
    /// # Errors
    /// As [`fit_validated`](Self::fit_validated) and [`fit_from`](Self::fit_from).
    pub fn fit_with(
        &self,
        train: &Dataset,
        options: FitOptions<'_, LogisticModel>,
    ) -> Result<LogisticModel> {
        self.validate()?;
        fit::fit(
            &self.training,
            train,
            options,
            |_, _| Ok(()),
            |d, _| LinearUnit::zeros(d),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{blobs, moons};
    use crate::error::Error;
    use crate::models::classifier::Classifier;
    use ndarray::{Array1, Array2, array};

    fn tiny() -> Dataset {
        Dataset::new(
            array![[0.0, 1.0], [1.0, 0.0], [2.0, 2.0], [-1.0, -2.0]],
            array![1, 0, 1, 0],
        )
        .unwrap()
    }

    #[test]
    fn rejects_a_non_positive_learning_rate() {
        for lr in [0.0, -0.1, f64::NAN, f64::INFINITY] {
            let err = LogisticRegression::new()
                .learning_rate(lr)
                .fit(&tiny())
                .unwrap_err();
            assert!(
                err.to_string().starts_with("invalid learning_rate"),
                "{err}"
            );
        }
    }

    #[test]
    fn rejects_zero_epochs() {
        let err = LogisticRegression::new()
            .epochs(0)
            .fit(&tiny())
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid epochs = 0: expected a whole number from 1 to 10000000"
        );
    }

    #[test]
    fn rejects_negative_l2() {
        let err = LogisticRegression::new().l2(-1.0).fit(&tiny()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid l2 = -1: expected a finite number ≥ 0"
        );
    }

    #[test]
    fn rejects_empty_and_single_class_training_data() {
        let empty = Dataset::new(Array2::zeros((0, 2)), Array1::zeros(0)).unwrap();
        assert!(matches!(
            LogisticRegression::new().fit(&empty),
            Err(Error::Empty { .. })
        ));
        let one = Dataset::new(array![[0.0, 1.0], [1.0, 0.0]], array![1, 1]).unwrap();
        assert!(matches!(
            LogisticRegression::new().fit(&one),
            Err(Error::SingleClass { .. })
        ));
    }

    #[test]
    fn rejects_a_starting_model_of_the_wrong_size() {
        let init = LogisticModel::from_weights(array![1.0, 2.0, 3.0], 0.0).unwrap();
        let err = LogisticRegression::new()
            .fit_from(&init, &tiny())
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "expected 2 weights in the starting model, found 3"
        );
    }

    #[test]
    fn learns_separable_blobs() {
        let data = blobs(200, 0.6, 3).unwrap();
        let model = LogisticRegression::new().fit(&data).unwrap();
        assert!(model.accuracy(&data).unwrap() > 0.97);
        let h = model.history();
        assert!(h.train_loss[h.epochs() - 1] < h.train_loss[0]);
    }

    #[test]
    fn standardising_does_not_change_what_is_learned_much() {
        let data = blobs(200, 0.6, 3).unwrap();
        let a = LogisticRegression::new().fit(&data).unwrap();
        let b = LogisticRegression::new()
            .standardize(false)
            .fit(&data)
            .unwrap();
        let pa = a.predict(data.features()).unwrap();
        let pb = b.predict(data.features()).unwrap();
        let agree = pa.iter().zip(&pb).filter(|(a, b)| a == b).count();
        assert!(agree as f64 / 200.0 > 0.97);
    }

    #[test]
    fn validation_history_has_one_entry_per_epoch() {
        let data = moons(200, 0.2, 1).unwrap();
        let (train, test) = data.split(0.25, 1).unwrap();
        let model = LogisticRegression::new()
            .epochs(7)
            .fit_validated(&train, &test)
            .unwrap();
        assert_eq!(model.history().validation_loss.len(), 7);
        assert_eq!(model.history().validation_accuracy.len(), 7);
    }

    #[test]
    fn a_huge_learning_rate_is_reported_not_hidden() {
        // Non-standardised inputs far from zero and an enormous step: the
        // weights overflow; the loss must surface as an error, not NaN.
        let data = Dataset::new(array![[1e300, 1.0], [-1e300, 0.0]], array![1, 0]).unwrap();
        let err = LogisticRegression::new()
            .standardize(false)
            .learning_rate(1e300)
            .epochs(50)
            .fit(&data)
            .unwrap_err();
        assert!(matches!(err, Error::Diverged { .. }), "{err}");
    }
}
