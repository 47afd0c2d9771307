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
mod explore_args;
mod image_style;
mod model_file;
mod output;
mod own_data;
mod progress;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::error::CliError;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_error(&e),
    };
    let result = match cli.command {
        Command::Data(args) => commands::data::run(&args),
        Command::Fit(args) => commands::fit::run(&args),
        Command::Predict(args) => commands::predict::run(&args),
        Command::Figures(args) => commands::figures::run(&args),
        Command::Explore(args) => commands::explore::run(&args),
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

/// Help and version go to stdout as clap writes them; a usage error is one
/// line on stderr, like every other error of the tool, with clap's tip (if
/// any) and a pointer to `--help`, and exit code 2.
fn clap_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    eprintln!("{}", one_line(&e.render().to_string()));
    ExitCode::from(2)
}

/// clap's message in one line: its first paragraph (the error, with any
/// indented list joined on), its tips, and "see --help".
fn one_line(text: &str) -> String {
    let mut paragraphs = text.split("\n\n");
    let first: Vec<&str> = paragraphs
        .next()
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut line = first.join(" ");
    for p in paragraphs {
        for l in p.lines().map(str::trim) {
            if let Some(tip) = l.strip_prefix("tip:") {
                line.push_str(&format!("; tip:{tip}"));
            }
        }
    }
    if !line.starts_with("error:") {
        line = format!("error: {line}");
    }
    line.push_str(" (see --help)");
    line
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn clap_errors_become_one_line() {
        let text = "error: the following required arguments were not provided:\n  --data <FILE.csv>\n\n\
                    Usage: activation-lab fit [OPTIONS] --data <FILE.csv>\n\nFor more information, try '--help'.\n";
        assert_eq!(
            one_line(text),
            "error: the following required arguments were not provided: --data <FILE.csv> (see --help)"
        );
        let text = "error: unexpected argument '--epoch' found\n\n  tip: a similar argument exists: '--epochs'\n\n\
                    Usage: activation-lab fit [OPTIONS] --data <FILE.csv>\n";
        assert_eq!(
            one_line(text),
            "error: unexpected argument '--epoch' found; tip: a similar argument exists: '--epochs' (see --help)"
        );
    }
}
