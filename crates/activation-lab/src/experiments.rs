//! Experiments repeated over several seeds, so that a notebook reports a
//! mean and a spread instead of one lucky split.
//!
//! ```
//! use activation_lab::prelude::*;
//! # fn main() -> activation_lab::Result<()> {
//! let study = l2_study(|s| moons(80, 0.3, s), 0.5, &Mlp::new().hidden_units(20).epochs(30), 0.01, &[1, 2])?;
//! assert_eq!(study.runs.len(), 2);
//! println!("{study}");
//! # Ok(())
//! # }
//! ```

use std::fmt;

use crate::claims::boundary_bend;
use crate::data::Dataset;
use crate::error::{Error, Result};
use crate::models::{Classifier, Mlp};

/// How one trained network did: accuracies and how much its boundary bends.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunResult {
    /// Accuracy on the training split.
    pub train_accuracy: f64,
    /// Accuracy on the test split.
    pub test_accuracy: f64,
    /// The boundary's bend ([`boundary_bend`]'s `max_deviation`).
    pub bend: f64,
    /// How many grid edges the boundary crosses ([`boundary_bend`]'s
    /// `crossings`): proportional to its length, so a wiggly boundary
    /// scores higher than a smooth one.
    pub length: usize,
}

impl RunResult {
    /// Training minus test accuracy: how much the network overfits.
    pub fn gap(&self) -> f64 {
        self.train_accuracy - self.test_accuracy
    }

    /// True when the boundary is curved ([`crate::claims::CURVED_MIN_BEND`]).
    pub fn is_curved(&self) -> bool {
        self.bend >= crate::claims::CURVED_MIN_BEND
    }
}

/// One seed of an [`L2Study`]: the same data, split and initial weights
/// trained without and with the penalty.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct L2Run {
    /// The seed of the data, the split and the initial weights.
    pub seed: u64,
    /// Trained with `l2 = 0`.
    pub without: RunResult,
    /// Trained with the study's `l2`.
    pub with: RunResult,
}

/// Overfitting without L2 and with it, over several seeds.
#[derive(Debug, Clone, PartialEq)]
pub struct L2Study {
    /// The penalty compared with none.
    pub l2: f64,
    /// One entry per seed, in the order given.
    pub runs: Vec<L2Run>,
}

/// Mean and sample standard deviation (0 for one value).
fn mean_sd(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let v: Vec<f64> = values.collect();
    let n = v.len().max(1) as f64;
    let mean = v.iter().sum::<f64>() / n;
    let var = if v.len() > 1 {
        v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)
    } else {
        0.0
    };
    (mean, var.sqrt())
}

impl L2Study {
    /// Mean and standard deviation of the train–test gap without L2.
    pub fn gap_without(&self) -> (f64, f64) {
        mean_sd(self.runs.iter().map(|r| r.without.gap()))
    }

    /// Mean and standard deviation of the train–test gap with L2.
    pub fn gap_with(&self) -> (f64, f64) {
        mean_sd(self.runs.iter().map(|r| r.with.gap()))
    }

    /// Mean and standard deviation of the test accuracy without L2.
    pub fn test_without(&self) -> (f64, f64) {
        mean_sd(self.runs.iter().map(|r| r.without.test_accuracy))
    }

    /// Mean and standard deviation of the test accuracy with L2.
    pub fn test_with(&self) -> (f64, f64) {
        mean_sd(self.runs.iter().map(|r| r.with.test_accuracy))
    }

    /// Mean boundary length ([`RunResult::length`]) without and with L2.
    pub fn mean_length(&self) -> (f64, f64) {
        (
            mean_sd(self.runs.iter().map(|r| r.without.length as f64)).0,
            mean_sd(self.runs.iter().map(|r| r.with.length as f64)).0,
        )
    }

    /// True when every network trained with L2 still has a curved boundary.
    pub fn all_curved_with(&self) -> bool {
        self.runs.iter().all(|r| r.with.is_curved())
    }
}

impl fmt::Display for L2Study {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "seed | no L2: train  test   gap  bend length | L2 = {}: train  test   gap  bend length",
            self.l2
        )?;
        for r in &self.runs {
            let row = |x: &RunResult| {
                format!(
                    "{:.3} {:.3} {:>5.3} {:.3} {:>6}",
                    x.train_accuracy,
                    x.test_accuracy,
                    x.gap(),
                    x.bend,
                    x.length
                )
            };
            writeln!(
                f,
                "{:>4} |        {} |          {}",
                r.seed,
                row(&r.without),
                row(&r.with)
            )?;
        }
        let (gw, sw) = self.gap_without();
        let (gl, sl) = self.gap_with();
        let (tw, tsw) = self.test_without();
        let (tl, tsl) = self.test_with();
        writeln!(
            f,
            "mean ± sd over {} seeds: gap {gw:.3} ± {sw:.3} without L2, {gl:.3} ± {sl:.3} with L2; \
             test accuracy {tw:.3} ± {tsw:.3} without, {tl:.3} ± {tsl:.3} with",
            self.runs.len()
        )
    }
}

/// Trains `settings` with `l2 = 0` and with `l2` on `data(seed)` split with
/// `test_fraction`, for every seed (the seed also sets the split and the
/// initial weights), and records accuracies and boundary bends.
///
/// # Errors
/// [`Error::Empty`] for no seeds, [`Error::InvalidParameter`] for a
/// negative or non-finite `l2`, and the errors of `data`, the split and
/// training.
pub fn l2_study(
    data: impl Fn(u64) -> Result<Dataset>,
    test_fraction: f64,
    settings: &Mlp,
    l2: f64,
    seeds: &[u64],
) -> Result<L2Study> {
    if seeds.is_empty() {
        return Err(Error::empty("the list of seeds", "seed"));
    }
    if !(l2.is_finite() && l2 >= 0.0) {
        return Err(Error::param("l2", l2, "a finite number ≥ 0, e.g. 0.003"));
    }
    let run = |s: &Mlp, train: &Dataset, test: &Dataset| -> Result<RunResult> {
        let m = s.fit(train)?;
        let bend = boundary_bend(&m, train)?;
        Ok(RunResult {
            train_accuracy: m.accuracy(train)?,
            test_accuracy: m.accuracy(test)?,
            bend: bend.max_deviation,
            length: bend.crossings,
        })
    };
    let mut runs = Vec::with_capacity(seeds.len());
    for &seed in seeds {
        let d = data(seed)?;
        let (train, test) = d.split(test_fraction, seed)?;
        let base = settings.clone().seed(seed);
        runs.push(L2Run {
            seed,
            without: run(&base.clone().l2(0.0), &train, &test)?,
            with: run(&base.l2(l2), &train, &test)?,
        });
    }
    Ok(L2Study { l2, runs })
}
