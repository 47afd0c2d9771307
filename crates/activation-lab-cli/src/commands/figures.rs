//! `activation-lab figures`, and the figures of `fit --plot` and `fit --curves`.

use std::path::Path;

use activation_lab::plot::training_curves;
use activation_lab::{Dataset, DecisionSurface, FigureSize, ImageFormat, export_all};

use crate::cli::FiguresArgs;
use crate::error::{CliError, Result};
use crate::model_file::Model;

/// Writes every figure of the series into `--out` and lists the files.
///
/// # Errors
/// An empty format list, a bad size, or a folder or file that cannot be
/// written.
pub fn run(args: &FiguresArgs) -> Result<()> {
    let mut formats: Vec<ImageFormat> = Vec::new();
    for format in &args.format {
        if !formats.contains(format) {
            formats.push(*format);
        }
    }
    let written = export_all(&args.out, &formats, args.size)?;
    let mut listing = String::new();
    for figure in &written {
        let files: Vec<String> = figure
            .files
            .iter()
            .map(|f| f.display().to_string())
            .collect();
        listing.push_str(&format!("{:<40} {}\n", figure.name, files.join(", ")));
    }
    if !args.quiet {
        crate::output::with_output(None, |w| w.write_all(listing.as_bytes()))?;
        eprintln!(
            "wrote {} figures ({}) at size {} to {}, with index.html and index.md",
            written.len(),
            formats
                .iter()
                .map(|f| f.extension())
                .collect::<Vec<_>>()
                .join(", "),
            args.size,
            args.out.display()
        );
    }
    Ok(())
}

/// Draws `model`'s decision surface over the training rows (filled) and
/// the test rows (hollow, when there are any), as SVG or PNG by the
/// path's extension.
///
/// # Errors
/// Data or a model without exactly two features, and files that cannot be
/// written.
pub fn decision_surface(
    model: &Model,
    train: &Dataset,
    test: Option<&Dataset>,
    size: FigureSize,
    path: &Path,
) -> Result<()> {
    let mut surface = DecisionSurface::new(model.classifier(), train).size(size);
    if let Some(test) = test {
        surface = surface.test(test);
    }
    surface.build()?.save(path).map_err(CliError::from)
}

/// Draws the loss and accuracy per epoch of `model`'s training.
///
/// # Errors
/// A history without epochs, and files that cannot be written.
pub fn curves(model: &Model, size: FigureSize, path: &Path) -> Result<()> {
    training_curves(model.history())?
        .with_size(size)
        .save(path)
        .map_err(CliError::from)
}
