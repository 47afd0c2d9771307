//! An exercise's answer, given or not yet: [`Answer`] and the placeholder
//! [`unanswered()`].

use crate::error::Result;

/// An exercise's answer: given by the student, or not yet.
///
/// Checks take `impl Into<Answer<T>>`, so a plain value (`3.75`, `true`,
/// `vec!["tanh"]`) is a given answer and [`unanswered()`] is the
/// placeholder. An integer literal is accepted where a number (`f64`) is
/// expected, and an array where a list (`Vec`) is expected.
///
/// ```
/// use activation_lab::notebook::{Answer, unanswered};
/// assert_eq!(Answer::from(2.5), Answer::Given(2.5));
/// assert_eq!(Answer::<f64>::from(3), Answer::Given(3.0));
/// assert_eq!(Answer::from(["tanh", "sigmoid"]), Answer::Given(vec!["tanh", "sigmoid"]));
/// assert_eq!(unanswered::<bool>(), Answer::Unanswered);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer<T> {
    /// The placeholder of the student edition: no answer yet.
    Unanswered,
    /// The student's answer.
    Given(T),
}

/// The placeholder for an exercise's answer: replace `unanswered()` with
/// your own expression. Checks given it print `not answered yet: <name>`
/// and their hint, and return `false`.
///
/// ```
/// use activation_lab::prelude::*;
/// let my_classes = unanswered();
/// assert!(!check_eq("classes", my_classes, [0.0, 1.0, 1.0], "threshold(z) for each z"));
/// ```
pub fn unanswered<T>() -> Answer<T> {
    Answer::Unanswered
}

impl<T> Answer<T> {
    /// True when the student has given an answer.
    ///
    /// ```
    /// use activation_lab::notebook::{Answer, unanswered};
    /// assert!(Answer::from(0.5).is_given());
    /// assert!(!unanswered::<f64>().is_given());
    /// ```
    pub fn is_given(&self) -> bool {
        matches!(self, Answer::Given(_))
    }

    /// The answer, if one was given.
    ///
    /// ```
    /// use activation_lab::notebook::{Answer, unanswered};
    /// assert_eq!(Answer::from(0.5).given(), Some(0.5));
    /// assert_eq!(unanswered::<f64>().given(), None);
    /// ```
    pub fn given(self) -> Option<T> {
        match self {
            Answer::Given(value) => Some(value),
            Answer::Unanswered => None,
        }
    }

    /// A given answer by reference, to process it more than once.
    ///
    /// ```
    /// use activation_lab::notebook::Answer;
    /// let answer = Answer::from(vec![1.0, 2.0]);
    /// assert_eq!(answer.as_ref().map(|v: &Vec<f64>| v.len()), Answer::Given(2));
    /// assert_eq!(answer.map(|v: Vec<f64>| v[0]), Answer::Given(1.0));
    /// ```
    pub fn as_ref(&self) -> Answer<&T> {
        match self {
            Answer::Given(value) => Answer::Given(value),
            Answer::Unanswered => Answer::Unanswered,
        }
    }

    /// Applies `f` to a given answer; an unanswered one stays unanswered.
    ///
    /// ```
    /// use activation_lab::notebook::{Answer, unanswered};
    /// let vertical = |[w1, w2]: [f64; 2]| w1 != 0.0 && w2 == 0.0;
    /// assert_eq!(Answer::from([1.0, 0.0]).map(vertical), Answer::Given(true));
    /// assert_eq!(unanswered().map(vertical), Answer::Unanswered);
    /// ```
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Answer<U> {
        match self {
            Answer::Given(value) => Answer::Given(f(value)),
            Answer::Unanswered => Answer::Unanswered,
        }
    }

    /// Applies a fallible `f` to a given answer (an unanswered one stays
    /// unanswered): for answers that must be processed before they are
    /// checked, such as a model whose accuracy is checked. Name the
    /// answer's type in the closure, so that the placeholder compiles too.
    ///
    /// # Errors
    /// Whatever `f` returns.
    ///
    /// ```
    /// use activation_lab::prelude::*;
    /// # fn main() -> activation_lab::Result<()> {
    /// let data = blobs(100, 0.5, 1)?;
    /// let my_model = LogisticModel::from_weights(array![1.0, 1.0], 0.0)?;
    /// let my_accuracy = Answer::from(my_model).try_map(|m: LogisticModel| m.accuracy(&data))?;
    /// assert!(my_accuracy.is_given());
    ///
    /// let my_model = unanswered();
    /// let my_accuracy = Answer::from(my_model).try_map(|m: LogisticModel| m.accuracy(&data))?;
    /// assert_eq!(my_accuracy, Answer::Unanswered);
    /// # Ok(())
    /// # }
    /// ```
    pub fn try_map<U>(self, f: impl FnOnce(T) -> Result<U>) -> Result<Answer<U>> {
        match self {
            Answer::Given(value) => Ok(Answer::Given(f(value)?)),
            Answer::Unanswered => Ok(Answer::Unanswered),
        }
    }
}

impl<T> From<T> for Answer<T> {
    fn from(value: T) -> Self {
        Answer::Given(value)
    }
}

/// An integer typed where a number is expected (`let my_z = 3;`).
impl From<i32> for Answer<f64> {
    fn from(value: i32) -> Self {
        Answer::Given(f64::from(value))
    }
}

/// An array typed where a list is expected (`let bounded = ["tanh"];`).
impl<T, const N: usize> From<[T; N]> for Answer<Vec<T>> {
    fn from(values: [T; N]) -> Self {
        Answer::Given(Vec::from(values))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::blobs;
    use crate::error::Error;
    use ndarray::array;

    #[test]
    fn try_map_keeps_unanswered_and_passes_errors_on() {
        let data = blobs(60, 0.5, 3).unwrap();
        let unanswered_model: Answer<crate::models::LogisticModel> = unanswered();
        let acc = unanswered_model
            .try_map(|m| crate::models::Classifier::accuracy(&m, &data))
            .unwrap();
        assert_eq!(acc, Answer::Unanswered);
        let wrong_shape =
            crate::models::LogisticModel::from_weights(array![1.0, 1.0, 1.0], 0.0).unwrap();
        let result =
            Answer::from(wrong_shape).try_map(|m| crate::models::Classifier::accuracy(&m, &data));
        assert!(matches!(result, Err(Error::ShapeMismatch { .. })));
    }
}
