//! `activation-lab figures`, and the figures of `fit --plot` and `fit --curves`.

use std::path::Path;

use activation_lab::plot::training_curves;
use activation_lab::{
    Dataset, DecisionSurface, FigureSize, ImageFormat, ImageOptions, Series, export_series_with,
};

use crate::cli::FiguresArgs;
use crate::error::{CliError, Result};
use crate::model_file::Model;

/// Writes every figure of the series into `--out` and lists the files;
/// with `--data`, the data-driven figures show that file.
///
/// # Errors
/// An empty format list, a bad size, a folder or file that cannot be
/// written, and with `--data` the errors of reading it and of training.
pub fn run(args: &FiguresArgs) -> Result<()> {
    let options = args.style.options()?;
    let mut formats: Vec<ImageFormat> = Vec::new();
    for format in &args.format {
        if !formats.contains(format) {
            formats.push(*format);
        }
    }
    let written = match &args.own.data {
        None => {
            // the folder and the settings before the models are trained
            check_before_training(args, &formats, &options)?;
            export_series_with(&args.out, &formats, args.size, &options, &Series::fit()?)?
        }
        Some(path) => {
            let data = crate::own_data::read(&args.own, path)?;
            if !args.quiet {
                eprintln!(
                    "training the series' models on {} ({} rows; class 0 = {}, class 1 = {}) ...",
                    path.display(),
                    data.n_samples(),
                    data.class_names()[0],
                    data.class_names()[1]
                );
            }
            check_before_training(args, &formats, &options)?;
            let series =
                Series::fit_on(&data, args.seed).map_err(|e| CliError::in_file(path, e))?;
            export_series_with(&args.out, &formats, args.size, &options, &series)?
        }
    };
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
            "wrote {} figures ({}) at size {}, {} theme, to {}, with index.html and index.md",
            written.len(),
            formats
                .iter()
                .map(|f| f.extension())
                .collect::<Vec<_>>()
                .join(", "),
            args.size,
            options.palette,
            args.out.display()
        );
    }
    Ok(())
}

/// What can fail without training fails first: no formats, a bad size, a
/// PNG scale too large for the size, an `--out` that cannot be created.
fn check_before_training(
    args: &FiguresArgs,
    formats: &[ImageFormat],
    options: &ImageOptions,
) -> Result<()> {
    if formats.is_empty() {
        return Err(CliError::Usage(
            "--format: expected at least one of svg, png, pdf".into(),
        ));
    }
    args.size.validate()?;
    if formats.contains(&ImageFormat::Png) {
        args.style.check_png_size(args.size, options)?;
    }
    std::fs::create_dir_all(&args.out)
        .map_err(|source| CliError::Lib(activation_lab::Error::io("create", &args.out, source)))?;
    Ok(())
}

/// Draws `model`'s decision surface over the training rows (filled) and
/// the test rows (hollow, when there are any), as SVG, PNG or PDF by the
/// path's extension, drawn as `options` say.
///
/// # Errors
/// Data or a model without exactly two features, and files that cannot be
/// written.
pub fn decision_surface(
    model: &Model,
    train: &Dataset,
    test: Option<&Dataset>,
    size: FigureSize,
    title: Option<&str>,
    options: &ImageOptions,
    path: &Path,
) -> Result<()> {
    let mut surface = DecisionSurface::new(model.classifier(), train).size(size);
    if let Some(title) = title {
        surface = surface.title(title);
    }
    if let Some(test) = test {
        surface = surface.test(test);
    }
    let format = ImageFormat::from_path(path)?;
    surface
        .build()?
        .save_with(path, format, options)
        .map_err(CliError::from)
}

/// Draws the loss and accuracy per epoch of `model`'s training.
///
/// # Errors
/// A history without epochs, and files that cannot be written.
pub fn curves(model: &Model, size: FigureSize, options: &ImageOptions, path: &Path) -> Result<()> {
    let format = ImageFormat::from_path(path)?;
    training_curves(model.history())?
        .with_size(size)
        .save_with(path, format, options)
        .map_err(CliError::from)
}
