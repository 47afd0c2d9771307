//! `activation-lab data`: one of the series' toy datasets as CSV.

use crate::cli::DataArgs;
use crate::error::Result;
use crate::output::with_output;

/// Generates the dataset and writes it to `--out` or stdout.
///
/// # Errors
/// A bad sample count or noise level (the library's message), or a file
/// that cannot be written.
pub fn run(args: &DataArgs) -> Result<()> {
    let noise = args.noise.unwrap_or(args.dataset.default_noise());
    let data = args.dataset.generate(args.samples, noise, args.seed)?;
    let text = data.to_csv_string();
    with_output(args.out.as_deref(), |w| w.write_all(text.as_bytes()))?;
    if let Some(path) = &args.out {
        eprintln!(
            "wrote {} rows of {} (noise {noise}, seed {}) to {}",
            data.n_samples(),
            args.dataset,
            args.seed,
            path.display()
        );
    }
    Ok(())
}
