//! `activation-lab`: the series' datasets, models and figures from the
//! command line, for lecturers who do not want to write Rust.
//!
//! ```text
//! activation-lab data moons --samples 400 --out moons.csv
//! activation-lab fit --data moons.csv --test-fraction 0.2 --save-model mlp.json --plot moons.svg
//! activation-lab predict --model mlp.json --data new.csv --proba
//! activation-lab figures --out slides --size slide --format svg,png
//! ```
//!
//! Every subcommand has `--help` with examples. Errors are one line on
//! stderr, `error: …`, with a non-zero exit code.

mod cli;
mod commands;
mod error;
mod model_file;
mod output;
mod progress;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::error::CliError;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Data(args) => commands::data::run(&args),
        Command::Fit(args) => commands::fit::run(&args),
        Command::Predict(args) => commands::predict::run(&args),
        Command::Figures(args) => commands::figures::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // a reader such as `head` closed the pipe: nothing left to report
        Err(CliError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
