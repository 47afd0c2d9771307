//! Helpers for the notebooks: exercise self-checks, the placeholder of an
//! unanswered exercise, rich HTML and Markdown output for the evcxr kernel,
//! and version info.
//!
//! # Exercises and their self-checks
//!
//! An exercise stores its answer in a named variable, and the self-check
//! below it compares that answer with what the check computes itself. Every
//! check prints one line, `PASS <name>`, `FAIL <name>` or
//! `not answered yet: <name>`; a failure also says what it got, what it
//! expected, and gives a hint.
//!
//! In the student edition of a notebook the answer is [`unanswered()`]: it
//! compiles wherever an answer goes, and a check given it prints
//! `not answered yet` and the hint instead of `FAIL`. The student types over
//! `unanswered()` with their own expression:
//!
//! ```
//! use activation_lab::prelude::*;
//! # fn main() -> activation_lab::Result<()> {
//! let w = array![0.5, 1.5];
//! let expected = net_input(&array![1.0, 2.0], &w, 0.25)?;
//! let hint = "z = b + x₁w₁ + x₂w₂ with w = (0.5, 1.5) and b = 0.25";
//!
//! let my_z = unanswered(); // prints "not answered yet: net input" and the hint
//! assert!(!check_relative("net input", my_z, expected, 1e-3, hint));
//!
//! let my_z = 0.25 + 1.0 * 0.5 + 2.0 * 0.5; // prints FAIL, got, expected and the hint
//! assert!(!check_relative("net input", my_z, expected, 1e-3, hint));
//!
//! let my_z = 3.75; // prints "PASS net input: …"
//! assert!(check_relative("net input", my_z, expected, 1e-3, hint));
//! # Ok(())
//! # }
//! ```
//!
//! The checks, by kind of answer:
//!
//! | answer | check |
//! |---|---|
//! | a value that must be exactly right (a count, a class, `true`/`false`) | [`check_eq`] |
//! | a number, rounded by hand | [`check_relative`] (relative tolerance) |
//! | a number near zero, or computed to machine precision | [`check_close`] (absolute tolerance) |
//! | an estimate, an accuracy to reach | [`check_between`] |
//! | a list whose order does not matter | [`check_set`] |
//! | anything else: a condition on the answer | [`check_that`] |
//! | a statement (no student answer) | [`check`] |
//!
//! An answer that must be processed before it is checked (a model whose
//! accuracy is checked, say) goes through [`Answer::try_map`] or
//! [`Answer::map`], which keep an unanswered exercise unanswered.

use std::fmt;

use crate::data::Dataset;
use crate::error::{Error, Result};

/// Indentation of the hint line under a check's result line.
const HINT_INDENT: &str = "      ";

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

/// The one line every check prints, with the hint under a failure.
enum Outcome {
    Pass(String),
    Fail { detail: String, hint: String },
    Unanswered { hint: String },
}

/// Prints the outcome of the check `name` and returns whether it passed.
fn report(name: &str, outcome: Outcome) -> bool {
    let (text, passed) = match outcome {
        Outcome::Pass(detail) if detail.is_empty() => (format!("PASS {name}"), true),
        Outcome::Pass(detail) => (format!("PASS {name}: {detail}"), true),
        Outcome::Fail { detail, hint } => (
            format!("FAIL {name}: {detail}\n{HINT_INDENT}hint: {hint}"),
            false,
        ),
        Outcome::Unanswered { hint } => (
            format!("not answered yet: {name}\n{HINT_INDENT}hint: {hint}"),
            false,
        ),
    };
    println!("{text}");
    #[cfg(test)]
    tests::PRINTED.with(|printed| printed.borrow_mut().push(text));
    passed
}

/// `x` in the shortest form that reads back as the same `f64`, in
/// scientific notation when it is very small or very large.
fn num(x: f64) -> String {
    if x != 0.0 && x.is_finite() && !(1e-4..1e15).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

/// A difference or tolerance in two significant digits: `0.13`, `20`,
/// `0.0033`, `1.5e-16`.
fn short(x: f64) -> String {
    if !x.is_finite() || x == 0.0 {
        return format!("{x}");
    }
    let magnitude = x.abs().log10().floor();
    if !(-3.0..4.0).contains(&magnitude) {
        return format!("{x:.1e}");
    }
    let decimals = (1.0 - magnitude).max(0.0) as usize;
    let text = format!("{x:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// A fraction as a percentage in two significant digits: `0.13 %`.
fn percent(fraction: f64) -> String {
    format!("{} %", short(100.0 * fraction))
}

/// The hint for a number that differs from the expected one by `got - expected`.
fn number_hint(got: f64, expected: f64) -> String {
    if got.is_nan() {
        "your value is NaN (not a number): look for 0/0, ∞ − ∞ or the logarithm of a negative number"
            .to_string()
    } else if got > expected {
        format!(
            "your value is {} too large: compare your formula with the text above",
            short(got - expected)
        )
    } else {
        format!(
            "your value is {} too small: compare your formula with the text above",
            short(expected - got)
        )
    }
}

/// Prints `PASS name` when `ok` holds, else `FAIL name` with a hint, and
/// returns whether it passed; an unanswered `ok` prints `not answered yet`.
///
/// For statements that need no answer from the student, such as the claims
/// the notebooks make about their figures. An exercise's check should say
/// more than "the condition is false": use [`check_eq`] or [`check_that`],
/// which print the student's answer and a specific hint.
///
/// ```text
/// FAIL two is odd: got false, expected true
///       hint: the statement checked here does not hold: run the cells above again …
/// ```
///
/// ```
/// use activation_lab::notebook::check;
/// assert!(check("σ(0) is one half", activation_lab::activation::sigmoid(0.0) == 0.5));
/// assert!(!check("two is odd", 2 % 2 == 1));
/// ```
pub fn check(name: &str, ok: impl Into<Answer<bool>>) -> bool {
    let hint = "the statement checked here does not hold: run the cells above again, from the \
                top, and compare your changes with the text";
    let outcome = match ok.into() {
        Answer::Unanswered => Outcome::Unanswered {
            hint: "replace unanswered() with true or false".to_string(),
        },
        Answer::Given(true) => Outcome::Pass(String::new()),
        Answer::Given(false) => Outcome::Fail {
            detail: "got false, expected true".to_string(),
            hint: hint.to_string(),
        },
    };
    report(name, outcome)
}

/// Passes when `|got − expected| ≤ tolerance` (an absolute tolerance; NaN
/// never passes), printing the difference, or on failure what it got, what
/// it expected and by how much it is off.
///
/// For numbers computed to machine precision or expected near zero; for a
/// number the student rounds by hand use [`check_relative`].
///
/// ```text
/// PASS σ(2): |got − expected| = 0.0e0 ≤ 1.0e-12
/// FAIL one third: got 0.3, expected 0.3333333333333333 (|difference| = 3.3e-2 > 1.0e-4)
///       hint: your value is 0.033 too small: compare your formula with the text above
/// ```
///
/// ```
/// use activation_lab::notebook::check_close;
/// assert!(check_close("one third", 1.0 / 3.0, 0.3333, 1e-4));
/// assert!(!check_close("one third", 0.3, 1.0 / 3.0, 1e-4));
/// assert!(!check_close("not a number", f64::NAN, 0.0, 1.0));
/// ```
pub fn check_close(name: &str, got: impl Into<Answer<f64>>, expected: f64, tolerance: f64) -> bool {
    let outcome = match got.into() {
        Answer::Unanswered => Outcome::Unanswered {
            hint: "replace unanswered() with your number".to_string(),
        },
        Answer::Given(got) => {
            let diff = (got - expected).abs();
            if diff <= tolerance || got == expected {
                Outcome::Pass(format!("|got − expected| = {diff:.1e} ≤ {tolerance:.1e}"))
            } else {
                Outcome::Fail {
                    detail: format!(
                        "got {}, expected {} (|difference| = {diff:.1e} > {tolerance:.1e})",
                        num(got),
                        num(expected)
                    ),
                    hint: number_hint(got, expected),
                }
            }
        }
    };
    report(name, outcome)
}

/// Passes when the answer equals `expected` exactly: for counts, classes,
/// `true`/`false` answers and other values that are either right or wrong.
///
/// ```text
/// FAIL classes of z = (−2, 0, 3): got [0.0, 0.0, 1.0], expected [0.0, 1.0, 1.0]
///       hint: the threshold rule puts z = 0 in class 1
/// ```
///
/// ```
/// use activation_lab::prelude::*;
/// let hint = "the threshold rule puts z = 0 in class 1";
/// assert!(check_eq("classes", [0.0, 1.0, 1.0], [0.0, 1.0, 1.0], hint));
/// assert!(!check_eq("classes", [0.0, 0.0, 1.0], [0.0, 1.0, 1.0], hint));
/// assert!(!check_eq("collapses", unanswered(), false, "try it"));
/// ```
pub fn check_eq<T: PartialEq + fmt::Debug>(
    name: &str,
    got: impl Into<Answer<T>>,
    expected: T,
    hint: &str,
) -> bool {
    let outcome = match got.into() {
        Answer::Unanswered => Outcome::Unanswered {
            hint: hint.to_string(),
        },
        Answer::Given(got) if got == expected => Outcome::Pass(format!("got {got:?}")),
        Answer::Given(got) => Outcome::Fail {
            detail: format!("got {got:?}, expected {expected:?}"),
            hint: hint.to_string(),
        },
    };
    report(name, outcome)
}

/// Passes when the answer is within `relative` of `expected`, relative to
/// `|expected|`: `|got − expected| ≤ relative·|expected|`. For numbers
/// the student rounds by hand: `relative = 1e-3` accepts any answer with
/// four significant digits (ln 9 = 2.197…: 2.197 passes, 2.2 does not).
///
/// An expected value of 0 accepts only 0; use [`check_close`] near zero.
/// NaN never passes.
///
/// ```text
/// FAIL σ(z) = 0.9: got 2.2, expected 2.1972245773362196 (off by 0.13 %, allowed 0.1 %)
///       hint: invert the formula: z = ln(p / (1 − p))
/// ```
///
/// ```
/// use activation_lab::prelude::*;
/// let z_90 = (0.9f64 / 0.1).ln();
/// let hint = "invert the formula: z = ln(p / (1 − p))";
/// assert!(check_relative("σ(z) = 0.9", 2.197, z_90, 1e-3, hint));
/// assert!(!check_relative("σ(z) = 0.9", 2.2, z_90, 1e-3, hint));
/// assert!(!check_relative("σ(z) = 0.9", f64::NAN, z_90, 1e-3, hint));
/// ```
pub fn check_relative(
    name: &str,
    got: impl Into<Answer<f64>>,
    expected: f64,
    relative: f64,
    hint: &str,
) -> bool {
    let outcome = match got.into() {
        Answer::Unanswered => Outcome::Unanswered {
            hint: hint.to_string(),
        },
        Answer::Given(got) => {
            let diff = (got - expected).abs();
            let allowed = relative * expected.abs();
            if got == expected || diff <= allowed {
                Outcome::Pass(format!(
                    "got {} (expected {} ± {})",
                    num(got),
                    num(expected),
                    percent(relative)
                ))
            } else {
                let off = if expected == 0.0 || diff.is_nan() {
                    format!("|difference| = {diff:.1e}")
                } else {
                    format!("off by {}", percent(diff / expected.abs()))
                };
                Outcome::Fail {
                    detail: format!(
                        "got {}, expected {} ({off}, allowed {})",
                        num(got),
                        num(expected),
                        percent(relative)
                    ),
                    hint: hint.to_string(),
                }
            }
        }
    };
    report(name, outcome)
}

/// Passes when `low ≤ answer ≤ high`: for estimates checked against a band,
/// and for accuracies or losses the answer must reach. NaN never passes.
///
/// ```text
/// FAIL best straight line on circles: got 0.5, expected between 0.64 and 0.72
///       hint: a line can keep the inner disc on one side and cut off a cap of the ring
/// ```
///
/// ```
/// use activation_lab::prelude::*;
/// let hint = "more hidden units";
/// assert!(check_between("accuracy", 0.98, 0.97, 1.0, hint));
/// assert!(!check_between("accuracy", 0.5, 0.97, 1.0, hint));
/// assert!(!check_between("accuracy", f64::NAN, 0.97, 1.0, hint));
/// ```
pub fn check_between(
    name: &str,
    got: impl Into<Answer<f64>>,
    low: f64,
    high: f64,
    hint: &str,
) -> bool {
    let outcome = match got.into() {
        Answer::Unanswered => Outcome::Unanswered {
            hint: hint.to_string(),
        },
        Answer::Given(got) if (low..=high).contains(&got) => Outcome::Pass(format!(
            "got {} (expected {} to {})",
            num(got),
            num(low),
            num(high)
        )),
        Answer::Given(got) => Outcome::Fail {
            detail: format!(
                "got {}, expected between {} and {}",
                num(got),
                num(low),
                num(high)
            ),
            hint: hint.to_string(),
        },
    };
    report(name, outcome)
}

/// Passes when the answer holds exactly the items of `expected`, in any
/// order (repeats do not count); on failure it names the missing items and
/// those that do not belong.
///
/// ```text
/// FAIL bounded activations: got ["sigmoid", "tanh", "relu"], expected 3 items (missing: ["sign"]; should not be there: ["relu"])
///       hint: bounded means neither end of the range is ∞
/// ```
///
/// ```
/// use activation_lab::prelude::*;
/// let hint = "read the range column";
/// assert!(check_set("bounded", ["tanh", "sigmoid"], ["sigmoid", "tanh"], hint));
/// assert!(!check_set("bounded", vec!["tanh"], ["sigmoid", "tanh"], hint));
/// assert!(!check_set("bounded", ["tanh", "sigmoid", "relu"], ["sigmoid", "tanh"], hint));
/// ```
pub fn check_set<T: PartialEq + fmt::Debug>(
    name: &str,
    got: impl Into<Answer<Vec<T>>>,
    expected: impl IntoIterator<Item = T>,
    hint: &str,
) -> bool {
    let expected: Vec<T> = expected.into_iter().collect();
    let outcome = match got.into() {
        Answer::Unanswered => Outcome::Unanswered {
            hint: hint.to_string(),
        },
        Answer::Given(got) => {
            let missing: Vec<&T> = unique(&expected)
                .into_iter()
                .filter(|e| !got.contains(e))
                .collect();
            let extra: Vec<&T> = unique(&got)
                .into_iter()
                .filter(|g| !expected.contains(g))
                .collect();
            if missing.is_empty() && extra.is_empty() {
                Outcome::Pass(format!("got {got:?}"))
            } else {
                let n = unique(&expected).len();
                Outcome::Fail {
                    detail: format!(
                        "got {got:?}, expected {n} {} (missing: {missing:?}; should not be there: {extra:?})",
                        if n == 1 { "item" } else { "items" }
                    ),
                    hint: hint.to_string(),
                }
            }
        }
    };
    report(name, outcome)
}

/// The items of `items`, first occurrences only.
fn unique<T: PartialEq>(items: &[T]) -> Vec<&T> {
    let mut seen: Vec<&T> = Vec::new();
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen
}

/// Passes when `test` holds for the answer; prints the answer, and on
/// failure `expected` (what `test` asks for, in words) and the hint. For
/// answers with more than one right value.
///
/// Name the answer's type in the closure (`|&[w1, w2]: &[f64; 2]| …`), so
/// that the placeholder compiles too.
///
/// ```text
/// FAIL z = 0 is a vertical line: got [1.0, 1.0], expected w₁ ≠ 0 and w₂ = 0
///       hint: a vertical line is x₁ = constant: z must not change with x₂
/// ```
///
/// ```
/// use activation_lab::prelude::*;
/// let vertical = |&[w1, w2]: &[f64; 2]| w1 != 0.0 && w2 == 0.0;
/// let hint = "z must not change with x₂";
/// assert!(check_that("vertical", [2.0, 0.0], vertical, "w₁ ≠ 0 and w₂ = 0", hint));
/// assert!(!check_that("vertical", [1.0, 1.0], vertical, "w₁ ≠ 0 and w₂ = 0", hint));
/// assert!(!check_that("vertical", unanswered(), vertical, "w₁ ≠ 0 and w₂ = 0", hint));
/// ```
pub fn check_that<T: fmt::Debug>(
    name: &str,
    got: impl Into<Answer<T>>,
    test: impl FnOnce(&T) -> bool,
    expected: &str,
    hint: &str,
) -> bool {
    let outcome = match got.into() {
        Answer::Unanswered => Outcome::Unanswered {
            hint: hint.to_string(),
        },
        Answer::Given(got) => {
            if test(&got) {
                Outcome::Pass(format!("got {got:?}"))
            } else {
                Outcome::Fail {
                    detail: format!("got {got:?}, expected {expected}"),
                    hint: hint.to_string(),
                }
            }
        }
    };
    report(name, outcome)
}

/// The best training accuracy any straight line reaches on two-feature
/// data, over `directions` evenly spaced orientations of the line (each
/// with every offset and both ways round): the reference for "how well can
/// the best line do?" exercises.
///
/// For each direction `u = (cos θ, sin θ)`, `θ = π·k / directions`, the rows
/// are sorted by `x·u`, and every threshold between two distinct
/// projections is tried (`O(directions · n log n)`). With enough directions
/// (a few hundred) this is the best line's accuracy to within a point or
/// two, and never more than it.
///
/// # Errors
/// [`Error::ShapeMismatch`] unless the data has 2 feature columns,
/// [`Error::Empty`] when it has no rows, [`Error::InvalidParameter`] when
/// `directions` is 0.
///
/// ```
/// use activation_lab::prelude::*;
/// use activation_lab::notebook::best_line_accuracy;
/// # fn main() -> activation_lab::Result<()> {
/// // XOR: the best line gets about 70 % right, the data's majority 50 %
/// let best = best_line_accuracy(&xor(400, 0.0, 1)?, 360)?;
/// assert!((0.6..0.8).contains(&best), "{best}");
/// # Ok(())
/// # }
/// ```
pub fn best_line_accuracy(data: &Dataset, directions: usize) -> Result<f64> {
    const MAX_DIRECTIONS: usize = 100_000;
    if data.n_features() != 2 {
        return Err(Error::ShapeMismatch {
            what: "feature columns".into(),
            expected: 2,
            found: data.n_features(),
        });
    }
    if data.is_empty() {
        return Err(Error::Empty {
            what: "the data".into(),
            unit: "row".into(),
        });
    }
    if !(1..=MAX_DIRECTIONS).contains(&directions) {
        return Err(Error::param(
            "directions",
            directions,
            &format!("a whole number from 1 to {MAX_DIRECTIONS}, e.g. 360"),
        ));
    }
    let x = data.features();
    let labels = data.labels();
    let n = labels.len();
    let ones_total = labels.iter().filter(|&&y| y == 1).count();
    let mut best = ones_total.max(n - ones_total);
    let mut projected: Vec<(f64, u8)> = Vec::with_capacity(n);
    for k in 0..directions {
        let theta = std::f64::consts::PI * k as f64 / directions as f64;
        let (sin, cos) = theta.sin_cos();
        projected.clear();
        projected.extend(
            x.rows()
                .into_iter()
                .zip(labels.iter())
                .map(|(row, &y)| (row[0] * cos + row[1] * sin, y)),
        );
        projected.sort_by(|a, b| a.0.total_cmp(&b.0));
        // class 1 above the threshold: correct = zeros below + ones above
        let mut zeros_below = 0;
        let mut ones_below = 0;
        for i in 0..n {
            if projected[i].1 == 1 {
                ones_below += 1;
            } else {
                zeros_below += 1;
            }
            let is_cut = i + 1 == n || projected[i + 1].0 > projected[i].0;
            if is_cut {
                let above = zeros_below + (ones_total - ones_below);
                best = best.max(above).max(n - above);
            }
        }
    }
    Ok(best as f64 / n as f64)
}

/// HTML shown as rich output when it is the last value of a notebook cell.
///
/// ```
/// use activation_lab::prelude::*;
/// let table = Html(cheat_sheet_html());
/// assert!(table.to_string().contains("<table"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Html(pub String);

impl Html {
    /// Sends the HTML to the evcxr kernel as `text/html`.
    pub fn evcxr_display(&self) {
        println!(
            "EVCXR_BEGIN_CONTENT text/html\n{}\nEVCXR_END_CONTENT",
            self.0
        );
    }
}

impl fmt::Display for Html {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Markdown shown as rich output when it is the last value of a notebook
/// cell (rendered by Jupyter, including `$…$` maths).
///
/// ```
/// use activation_lab::prelude::*;
/// let table = Markdown(cheat_sheet_markdown());
/// assert!(table.to_string().starts_with('|'));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Markdown(pub String);

impl Markdown {
    /// Sends the Markdown to the evcxr kernel as `text/markdown`.
    pub fn evcxr_display(&self) {
        println!(
            "EVCXR_BEGIN_CONTENT text/markdown\n{}\nEVCXR_END_CONTENT",
            self.0
        );
    }
}

impl fmt::Display for Markdown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The version line of the `rustc` on the `PATH` (the compiler the
/// notebook kernel uses), or a sentence saying it could not be run.
pub fn rustc_version() -> String {
    match std::process::Command::new("rustc")
        .arg("--version")
        .output()
    {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).trim().to_string(),
        Ok(out) => format!(
            "rustc --version failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ),
        Err(e) => format!("rustc could not be run: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{blobs, circles, xor};
    use ndarray::array;
    use std::cell::RefCell;

    thread_local! {
        /// What the checks of this test thread printed, one entry per check.
        pub(super) static PRINTED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    }

    /// Runs `f` and returns its result with what it printed.
    fn printed<R>(f: impl FnOnce() -> R) -> (R, String) {
        PRINTED.with(|p| p.borrow_mut().clear());
        let r = f();
        (r, PRINTED.with(|p| p.borrow().join("\n")))
    }

    #[test]
    fn a_failure_prints_got_expected_and_the_hint() {
        let (ok, text) = printed(|| check_relative("z", 2.2, 9f64.ln(), 1e-3, "invert σ"));
        assert!(!ok);
        assert_eq!(
            text,
            "FAIL z: got 2.2, expected 2.1972245773362196 (off by 0.13 %, allowed 0.1 %)\n      hint: invert σ"
        );
        let (_, text) = printed(|| check_eq("classes", [0.0, 0.5], [0.0, 1.0], "threshold"));
        assert_eq!(
            text,
            "FAIL classes: got [0.0, 0.5], expected [0.0, 1.0]\n      hint: threshold"
        );
        let (_, text) = printed(|| check_between("estimate", 0.5, 0.62, 0.72, "a cap"));
        assert_eq!(
            text,
            "FAIL estimate: got 0.5, expected between 0.62 and 0.72\n      hint: a cap"
        );
        let (_, text) = printed(|| check_set("keys", ["tanh", "relu"], ["tanh", "sign"], "ranges"));
        assert_eq!(
            text,
            "FAIL keys: got [\"tanh\", \"relu\"], expected 2 items (missing: [\"sign\"]; \
             should not be there: [\"relu\"])\n      hint: ranges"
        );
        let (_, text) = printed(|| {
            check_that(
                "w",
                [1.0, 1.0],
                |&[_, w2]: &[f64; 2]| w2 == 0.0,
                "w₂ = 0",
                "x₂",
            )
        });
        assert_eq!(
            text,
            "FAIL w: got [1.0, 1.0], expected w₂ = 0\n      hint: x₂"
        );
    }

    #[test]
    fn the_generic_checks_print_a_hint_of_their_own() {
        let (_, text) = printed(|| check_close("third", 0.3, 1.0 / 3.0, 1e-4));
        assert!(
            text.starts_with("FAIL third: got 0.3, expected 0.3333333333333333"),
            "{text}"
        );
        assert!(
            text.contains("hint: your value is 0.033 too small"),
            "{text}"
        );
        let (_, text) = printed(|| check_close("nan", f64::NAN, 0.0, 1.0));
        assert!(text.contains("hint: your value is NaN"), "{text}");
        let (_, text) = printed(|| check("odd", false));
        assert!(
            text.starts_with("FAIL odd: got false, expected true\n      hint: "),
            "{text}"
        );
    }

    #[test]
    fn an_unanswered_exercise_prints_not_answered_yet_and_the_hint() {
        let (ok, text) =
            printed(|| check_relative("net input", unanswered(), 3.75, 1e-3, "z = b + x·w"));
        assert!(!ok);
        assert_eq!(text, "not answered yet: net input\n      hint: z = b + x·w");
        let (_, text) = printed(|| check_close("gap", unanswered(), 0.0, 1e-15));
        assert!(
            text.starts_with("not answered yet: gap\n      hint: "),
            "{text}"
        );
    }

    #[test]
    fn short_numbers_keep_two_significant_digits() {
        assert_eq!(short(0.1263149289521131), "0.13");
        assert_eq!(short(0.1), "0.1");
        assert_eq!(short(20.0), "20");
        assert_eq!(short(1234.5), "1234");
        assert_eq!(short(-0.0333), "-0.033");
        assert_eq!(short(1.5959e-16), "1.6e-16");
        assert_eq!(short(0.0), "0");
        assert_eq!(short(f64::INFINITY), "inf");
        assert_eq!(percent(1e-3), "0.1 %");
    }

    #[test]
    fn numbers_print_in_full_or_in_scientific_notation() {
        assert_eq!(num(0.617018835739275), "0.617018835739275");
        assert_eq!(num(1.5959455978986625e-16), "1.5959455978986625e-16");
        assert_eq!(num(-2.5e20), "-2.5e20");
        assert_eq!(num(0.0), "0");
        assert_eq!(num(f64::NAN), "NaN");
    }

    #[test]
    fn a_pass_prints_one_line() {
        let (ok, text) = printed(|| check_relative("z", 2.197, 9f64.ln(), 1e-3, "h"));
        assert!(ok);
        assert_eq!(
            text,
            "PASS z: got 2.197 (expected 2.1972245773362196 ± 0.1 %)"
        );
        let (_, text) = printed(|| check("statement", true));
        assert_eq!(text, "PASS statement");
    }

    #[test]
    fn check_close_passes_within_tolerance_only() {
        assert!(check_close("exact", 1.0, 1.0, 0.0));
        assert!(check_close("near", 1.0, 1.0 + 1e-13, 1e-12));
        assert!(!check_close("far", 1.0, 1.1, 1e-3));
        assert!(!check_close("nan", f64::NAN, f64::NAN, 1.0));
        assert!(check_close("infinite", f64::INFINITY, f64::INFINITY, 0.0));
    }

    #[test]
    fn check_returns_its_condition() {
        assert!(check("true", true));
        assert!(!check("false", false));
        assert!(!check("unanswered", unanswered()));
    }

    #[test]
    fn unanswered_never_passes_any_check() {
        assert!(!check_close("close", unanswered(), 0.0, f64::INFINITY));
        assert!(!check_relative(
            "relative",
            unanswered(),
            1.0,
            f64::INFINITY,
            "h"
        ));
        assert!(!check_between(
            "between",
            unanswered(),
            f64::NEG_INFINITY,
            f64::INFINITY,
            "h"
        ));
        assert!(!check_eq::<usize>("eq", unanswered(), 0, "h"));
        assert!(!check_set::<&str>("set", unanswered(), [], "h"));
        assert!(!check_that(
            "that",
            unanswered(),
            |_: &u8| true,
            "anything",
            "h"
        ));
    }

    #[test]
    fn relative_tolerance_accepts_hand_rounded_answers() {
        let z_90 = 9f64.ln(); // 2.1972245773…
        assert!(check_relative("4 digits", 2.197, z_90, 1e-3, "h"));
        assert!(check_relative("5 digits", 2.1972, z_90, 1e-3, "h"));
        assert!(!check_relative("2 digits", 2.2, z_90, 1e-3, "h"));
        assert!(!check_relative("sign", -2.197, z_90, 1e-3, "h"));
        assert!(check_relative(
            "negative expected",
            -0.2500,
            -0.25,
            1e-3,
            "h"
        ));
        assert!(check_relative(
            "zero expected, zero given",
            0.0,
            0.0,
            1e-3,
            "h"
        ));
        assert!(!check_relative("zero expected", 1e-9, 0.0, 1e-3, "h"));
        assert!(!check_relative("nan", f64::NAN, 1.0, 1.0, "h"));
    }

    #[test]
    fn integer_answers_count_as_numbers() {
        assert!(check_relative("integer", 4, 4.0, 1e-3, "h"));
        assert!(check_between("integer", 1, 0.0, 1.0, "h"));
    }

    #[test]
    fn between_is_inclusive_and_rejects_nan() {
        assert!(check_between("low end", 0.9, 0.9, 1.0, "h"));
        assert!(check_between("high end", 1.0, 0.9, 1.0, "h"));
        assert!(!check_between("below", 0.0, 0.6, 0.7, "h"));
        assert!(!check_between(
            "nan",
            f64::NAN,
            f64::NEG_INFINITY,
            f64::INFINITY,
            "h"
        ));
    }

    #[test]
    fn check_set_ignores_order_and_repeats_but_not_missing_or_extra_items() {
        let expected = ["sigmoid", "tanh", "step"];
        assert!(check_set(
            "order",
            ["step", "tanh", "sigmoid"],
            expected,
            "h"
        ));
        assert!(check_set(
            "repeats",
            ["step", "tanh", "sigmoid", "tanh"],
            expected,
            "h"
        ));
        assert!(!check_set("missing", ["step", "tanh"], expected, "h"));
        assert!(!check_set(
            "extra",
            ["step", "tanh", "sigmoid", "relu"],
            expected,
            "h"
        ));
        assert!(!check_set("empty", Vec::<&str>::new(), expected, "h"));
        assert!(check_set("both empty", Vec::<&str>::new(), [], "h"));
    }

    #[test]
    fn check_eq_compares_exactly() {
        assert!(check_eq("count", 1usize, 1, "h"));
        assert!(!check_eq("count", 2usize, 1, "h"));
        assert!(check_eq("bool", false, false, "h"));
        assert!(!check_eq("classes", [0.0, 0.5, 1.0], [0.0, 1.0, 1.0], "h"));
    }

    #[test]
    fn try_map_keeps_unanswered_and_passes_errors_on() {
        let data = blobs(60, 0.5, 3).unwrap();
        let unanswered_model: Answer<crate::LogisticModel> = unanswered();
        let acc = unanswered_model
            .try_map(|m| crate::Classifier::accuracy(&m, &data))
            .unwrap();
        assert_eq!(acc, Answer::Unanswered);
        let wrong_shape = crate::LogisticModel::from_weights(array![1.0, 1.0, 1.0], 0.0).unwrap();
        let result = Answer::from(wrong_shape).try_map(|m| crate::Classifier::accuracy(&m, &data));
        assert!(matches!(result, Err(Error::ShapeMismatch { .. })));
    }

    #[test]
    fn best_line_separates_separable_data_and_not_circles() {
        // two points per class, separable by the line x1 = 0
        let data = Dataset::new(
            array![[-1.0, 0.0], [-2.0, 1.0], [1.0, 0.0], [2.0, -1.0]],
            array![0, 0, 1, 1],
        )
        .unwrap();
        assert_eq!(best_line_accuracy(&data, 4).unwrap(), 1.0);
        // the same, with the classes the other way round
        let flipped = Dataset::new(data.features().clone(), array![1, 1, 0, 0]).unwrap();
        assert_eq!(best_line_accuracy(&flipped, 4).unwrap(), 1.0);
        // a disc inside a ring: a line keeps the disc on one side and cuts
        // off a cap of the ring, about 0.5 + 0.5 · acos(0.4) / π ≈ 0.68
        let rings = circles(600, 0.1, 0.4, 42).unwrap();
        let best = best_line_accuracy(&rings, 360).unwrap();
        assert!((0.62..0.75).contains(&best), "{best}");
    }

    /// The best line by brute force: a line through two rows `i`, `j` can
    /// be nudged to put each of them on either side, so the optimum is the
    /// best over all pairs (and both orientations) of the rows classified
    /// right off the line, plus 2; or the majority class.
    fn brute_force_best_line(data: &Dataset) -> f64 {
        let (x, y) = (data.features(), data.labels());
        let n = y.len();
        let ones = y.iter().filter(|&&v| v == 1).count();
        let mut best = ones.max(n - ones);
        for i in 0..n {
            for j in i + 1..n {
                let normal = [x[[i, 1]] - x[[j, 1]], x[[j, 0]] - x[[i, 0]]];
                let offset = normal[0] * x[[i, 0]] + normal[1] * x[[i, 1]];
                let (mut above, mut below) = (0, 0);
                for k in (0..n).filter(|&k| k != i && k != j) {
                    let side = normal[0] * x[[k, 0]] + normal[1] * x[[k, 1]] - offset;
                    above += usize::from((side > 0.0) == (y[k] == 1));
                    below += usize::from((side < 0.0) == (y[k] == 1));
                }
                best = best.max(above.max(below) + 2);
            }
        }
        best as f64 / n as f64
    }

    #[test]
    fn best_line_matches_a_brute_force_search() {
        for (data, directions) in [
            (xor(40, 0.1, 3).unwrap(), 3600),
            (circles(40, 0.1, 0.4, 4).unwrap(), 3600),
            (blobs(40, 1.5, 5).unwrap(), 3600),
        ] {
            let brute = brute_force_best_line(&data);
            let sweep = best_line_accuracy(&data, directions).unwrap();
            // the sweep tries fewer lines, so it never beats the optimum, and
            // with 3600 directions it finds it on 40 rows in general position
            assert_eq!(sweep, brute, "{}", data.name());
            let coarse = best_line_accuracy(&data, 3).unwrap();
            assert!(coarse <= brute, "{}", data.name());
        }
    }

    #[test]
    fn best_line_never_beats_a_perfect_score_or_falls_below_the_majority() {
        let data =
            Dataset::new(array![[0.0, 0.0], [0.0, 0.0], [0.0, 0.0]], array![0, 1, 1]).unwrap();
        // identical points: no line separates them; the majority is 2 of 3
        assert_eq!(best_line_accuracy(&data, 8).unwrap(), 2.0 / 3.0);
    }

    #[test]
    fn best_line_rejects_bad_input() {
        let three = Dataset::new(array![[0.0, 0.0, 0.0]], array![1]).unwrap();
        assert!(matches!(
            best_line_accuracy(&three, 10),
            Err(Error::ShapeMismatch {
                expected: 2,
                found: 3,
                ..
            })
        ));
        let data = blobs(20, 0.5, 1).unwrap();
        assert!(matches!(
            best_line_accuracy(&data, 0),
            Err(Error::InvalidParameter { .. })
        ));
        let empty = data.select(&[]).unwrap();
        assert!(matches!(
            best_line_accuracy(&empty, 10),
            Err(Error::Empty { .. })
        ));
    }

    #[test]
    fn rustc_version_names_the_compiler() {
        let v = rustc_version();
        assert!(v.starts_with("rustc"), "{v}");
    }
}
