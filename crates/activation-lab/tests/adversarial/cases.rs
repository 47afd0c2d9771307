//! What a case is, what it must do, and how its outcome is judged.

use activation_lab::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// What a case's call must do.
pub enum Expect {
    /// Bad input: an `Err` whose message contains every one of these words
    /// (the argument's name, and what is accepted).
    Error(Vec<String>),
    /// Extreme but valid input: `Ok`, with every number finite.
    Finite,
    /// At the edge: either `Ok` with finite numbers, or an `Err` whose
    /// message contains these words.
    Either(Vec<String>),
}

/// The numbers a call returned, to be checked for NaN and infinity.
#[derive(Default)]
pub struct Values(pub Vec<f64>);

/// One row of the table.
pub struct Case {
    /// The function family: "datasets", "csv", "figures", …
    pub family: &'static str,
    /// A readable name, unique in the table.
    pub name: String,
    /// What the call must do.
    pub expect: Expect,
    run: Box<dyn Fn() -> Result<Values>>,
}

/// The judgement of one case: `ok`, or what went wrong; and the error
/// message the call returned, if any.
pub struct Verdict(pub Result<(), String>, pub Option<String>);

impl Verdict {
    /// The verdict as one line of the child's report.
    pub fn line(&self) -> String {
        match &self.0 {
            Ok(()) => "ok".into(),
            Err(e) => e.replace(['\n', '\t'], " "),
        }
    }

    /// The call's error message on one line, or an empty string.
    pub fn message(&self) -> String {
        self.1.as_deref().unwrap_or("").replace(['\n', '\t'], " ")
    }
}

/// The message's words, as the expectation lists them.
pub fn words(w: &[&str]) -> Vec<String> {
    w.iter().map(|s| s.to_string()).collect()
}

fn push<T: Into<Values>>(
    out: &mut Vec<Case>,
    family: &'static str,
    name: impl Into<String>,
    expect: Expect,
    run: impl Fn() -> Result<T> + 'static,
) {
    out.push(Case {
        family,
        name: name.into(),
        expect,
        run: Box::new(move || run().map(Into::into)),
    });
}

/// Adds a case that must fail with a message containing `must_name`.
pub fn bad<T: Into<Values>>(
    out: &mut Vec<Case>,
    family: &'static str,
    name: impl Into<String>,
    must_name: &[&str],
    run: impl Fn() -> Result<T> + 'static,
) {
    push(out, family, name, Expect::Error(words(must_name)), run);
}

/// Adds a case that must succeed with finite numbers.
pub fn finite<T: Into<Values>>(
    out: &mut Vec<Case>,
    family: &'static str,
    name: impl Into<String>,
    run: impl Fn() -> Result<T> + 'static,
) {
    push(out, family, name, Expect::Finite, run);
}

/// Adds a case that may succeed (finite) or fail naming `must_name`.
pub fn either<T: Into<Values>>(
    out: &mut Vec<Case>,
    family: &'static str,
    name: impl Into<String>,
    must_name: &[&str],
    run: impl Fn() -> Result<T> + 'static,
) {
    push(out, family, name, Expect::Either(words(must_name)), run);
}

impl Case {
    /// A case whose input is bad must answer quickly.
    pub fn is_bad_input(&self) -> bool {
        matches!(self.expect, Expect::Error(_))
    }

    /// Runs the call, catching a panic, and judges what came back.
    pub fn evaluate(&self) -> Verdict {
        let outcome = match catch_unwind(AssertUnwindSafe(|| (self.run)())) {
            Ok(outcome) => outcome,
            Err(payload) => {
                let msg = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                return Verdict(Err(format!("panicked: {msg}")), None);
            }
        };
        let message = outcome.as_ref().err().map(ToString::to_string);
        Verdict(judge(&self.expect, outcome), message)
    }
}

fn judge(expect: &Expect, outcome: Result<Values>) -> Result<(), String> {
    match (expect, outcome) {
        (Expect::Error(_), Ok(v)) => Err(format!(
            "returned Ok ({} numbers) on bad input: expected an error",
            v.0.len()
        )),
        (Expect::Finite, Err(e)) => Err(format!("returned an error on valid input: {e}")),
        (Expect::Finite | Expect::Either(_), Ok(v)) => finite_values(&v),
        (Expect::Error(w) | Expect::Either(w), Err(e)) => good_message(&e.to_string(), w),
    }
}

fn finite_values(v: &Values) -> Result<(), String> {
    match v.0.iter().position(|x| !x.is_finite()) {
        None => Ok(()),
        Some(i) => Err(format!(
            "returned a non-finite number ({}) at position {i} of {}",
            v.0[i],
            v.0.len()
        )),
    }
}

/// A good message names what it must, and writes its numbers short.
fn good_message(msg: &str, must_name: &[String]) -> Result<(), String> {
    if msg.trim().is_empty() {
        return Err("the error message is empty".into());
    }
    for w in must_name {
        if !msg.contains(w.as_str()) {
            return Err(format!("the message does not mention \"{w}\": {msg}"));
        }
    }
    let mut run = 0;
    for c in msg.chars() {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        if run > 17 {
            return Err(format!(
                "the message writes a number with more than 17 digits: {msg}"
            ));
        }
    }
    Ok(())
}

// What each kind of result contributes to the finiteness check.

impl From<()> for Values {
    fn from(_: ()) -> Self {
        Values::default()
    }
}

impl From<f64> for Values {
    fn from(v: f64) -> Self {
        Values(vec![v])
    }
}

impl From<usize> for Values {
    fn from(_: usize) -> Self {
        Values::default()
    }
}

impl From<bool> for Values {
    fn from(_: bool) -> Self {
        Values::default()
    }
}

impl From<Vec<f64>> for Values {
    fn from(v: Vec<f64>) -> Self {
        Values(v)
    }
}

impl From<Array1<f64>> for Values {
    fn from(v: Array1<f64>) -> Self {
        Values(v.to_vec())
    }
}

impl From<Array2<f64>> for Values {
    fn from(v: Array2<f64>) -> Self {
        Values(v.iter().copied().collect())
    }
}

impl From<Array1<u8>> for Values {
    fn from(_: Array1<u8>) -> Self {
        Values::default()
    }
}

impl From<Dataset> for Values {
    fn from(d: Dataset) -> Self {
        d.features().clone().into()
    }
}

impl From<(Dataset, Dataset)> for Values {
    fn from((a, b): (Dataset, Dataset)) -> Self {
        let mut v = Values::from(a);
        v.0.extend(Values::from(b).0);
        v
    }
}

impl From<MlpModel> for Values {
    fn from(m: MlpModel) -> Self {
        let mut v: Vec<f64> = m.hidden_weights().iter().copied().collect();
        v.extend(m.hidden_bias().iter());
        v.extend(m.output_weights().iter());
        v.push(m.output_bias());
        v.extend(m.history().train_loss.iter());
        Values(v)
    }
}

impl From<LogisticModel> for Values {
    fn from(m: LogisticModel) -> Self {
        let mut v = m.weights().to_vec();
        v.push(m.bias());
        v.extend(m.history().train_loss.iter());
        Values(v)
    }
}

impl From<Standardizer> for Values {
    fn from(s: Standardizer) -> Self {
        let mut v = s.mean().to_vec();
        v.extend(s.scale().iter());
        Values(v)
    }
}

/// A figure counts as returned when it renders.
impl From<Figure> for Values {
    fn from(f: Figure) -> Self {
        match f.to_svg() {
            Ok(svg) => Values(if svg.contains("NaN") {
                vec![f64::NAN]
            } else {
                vec![]
            }),
            Err(_) => Values(vec![f64::NAN]),
        }
    }
}
