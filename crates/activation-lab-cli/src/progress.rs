//! The training progress bar: on stderr, only when stderr is a terminal,
//! only once training looks like it will take more than about a second,
//! and never with `--quiet`.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Training that is expected to finish sooner than this shows no bar.
const SHOW_AFTER: Duration = Duration::from_secs(1);

/// A progress bar over epochs that stays hidden until it is worth showing.
pub struct Progress {
    bar: ProgressBar,
    enabled: bool,
    shown: bool,
    start: Instant,
    epochs: usize,
}

impl Progress {
    /// A bar over `epochs` epochs; `quiet` (or a stderr that is not a
    /// terminal) keeps it hidden for good.
    pub fn new(epochs: usize, quiet: bool) -> Self {
        let enabled = !quiet && std::io::stderr().is_terminal();
        let bar = ProgressBar::with_draw_target(Some(epochs as u64), ProgressDrawTarget::hidden());
        let style = ProgressStyle::with_template(
            "training [{bar:30.cyan/blue}] epoch {pos}/{len}, {elapsed} elapsed, ~{eta} left",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
        bar.set_style(style);
        Progress {
            bar,
            enabled,
            shown: false,
            start: Instant::now(),
            epochs,
        }
    }

    /// How often (in epochs) the trainer should report: about 200 updates
    /// over the whole run.
    pub fn every(&self) -> usize {
        (self.epochs / 200).max(1)
    }

    /// Records that `epoch` epochs are done; shows the bar once the whole
    /// run is expected to take more than [`SHOW_AFTER`].
    pub fn update(&mut self, epoch: usize) {
        if !self.enabled {
            return;
        }
        if !self.shown && epoch > 0 {
            let elapsed = self.start.elapsed();
            let expected = elapsed.mul_f64(self.epochs as f64 / epoch as f64);
            if expected > SHOW_AFTER {
                self.bar.set_draw_target(ProgressDrawTarget::stderr());
                self.shown = true;
            }
        }
        self.bar.set_position(epoch as u64);
    }

    /// Removes the bar from the terminal.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
