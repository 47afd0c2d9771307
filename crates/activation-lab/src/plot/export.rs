//! Exporting every figure of the series, with an index, for slides.

use std::path::{Path, PathBuf};

use crate::notebook::html_escape;

use super::animation::training_animation;
use super::cheat_sheet::cheat_sheet;
use super::decision_surface::DecisionSurface;
use super::grids::{ModelGrid, fit_activations_by_widths, fit_models_by_datasets};
use super::hidden_unit_gallery::hidden_unit_gallery;
use super::hidden_units::distinct_hidden_units;
use super::net_input_map::net_input_map;
use super::scatter::scatter;
use super::schematic::{logistic_regression_schematic, mlp_schematic};
use super::sigmoid_curve::{SigmoidPanels, sigmoid_curve, step_and_threshold};
use super::training_curves::training_curves;
use crate::activation::Activation;
use crate::data::{Dataset, blobs, circles, moons, xor};
use crate::error::{Error, Result};
use crate::figure::{Figure, FigureSize, ImageFormat};
use crate::files::write as write_file;
use crate::models::{FitOptions, LogisticModel, LogisticRegression, Mlp, MlpModel};

/// One exported figure: its stable name, title, what it shows, and the
/// files written for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedFigure {
    /// The stable file stem, e.g. `"06b-decision-surface-mlp-moons"`.
    pub name: String,
    /// The figure's title.
    pub title: String,
    /// One sentence on what the figure shows.
    pub description: String,
    /// The files written, in the order of the formats asked for (the
    /// animation is always a single `.gif`).
    pub files: Vec<PathBuf>,
}

/// The seed of every dataset, split and model of the exported set.
pub const SERIES_SEED: u64 = 7;

/// Epochs of the MLP of figures 06b, 09, 10 and 12 (the animation plays
/// this very run, recorded every [`Series::FRAME_EVERY`] epochs).
const SERIES_EPOCHS: usize = 150;

/// Epochs of the MLPs in the comparison grids (11a, 11b): enough for the
/// 200-unit sigmoid networks to bend on 140 training points.
const GRID_EPOCHS: usize = 300;

/// The noise of the series' half-moons: the tips overlap a little, no
/// straight line separates them (about 87 % at best), a curve does.
const MOONS_NOISE: f64 = 0.1;

/// The data and the trained models behind every data-driven figure that
/// [`export_all`] writes, so that what a figure claims can be asserted on
/// exactly what it shows (the crate's `claims` tests do).
#[derive(Debug, Clone)]
pub struct Series {
    /// Half-moons, 1000 points, noise 0.1 ("upper moon" is class 0).
    pub data: Dataset,
    /// The 75 % of `data` the models are trained on.
    pub train: Dataset,
    /// The 25 % held out (hollow points in the figures).
    pub test: Dataset,
    /// Logistic regression on `train` (06a).
    pub logistic: LogisticModel,
    /// The 200-unit sigmoid MLP on `train` (06b, 09, 10; the animation's
    /// last frame).
    pub mlp: MlpModel,
    /// The same training run, every few epochs: `(epoch, model)` (12).
    pub frames: Vec<(usize, MlpModel)>,
    /// The hidden units the gallery draws (10).
    pub gallery_units: Vec<usize>,
    /// Models × datasets (11a).
    pub models_by_datasets: ModelGrid,
    /// Activations × widths on moons (11b).
    pub activations_by_widths: ModelGrid,
}

impl Series {
    /// The animation records a frame every this many epochs.
    pub const FRAME_EVERY: usize = 5;

    /// Makes the data and trains every model of the exported figures
    /// (a few seconds in a release build).
    ///
    /// # Errors
    /// Only the errors of training, which the fixed settings never hit.
    pub fn fit() -> Result<Self> {
        Self::fit_seeded(SERIES_SEED)
    }

    /// As [`fit`](Self::fit), with another seed for every dataset, split
    /// and model (to check that a claim does not hang on one lucky seed).
    ///
    /// # Errors
    /// Only the errors of training.
    pub fn fit_seeded(seed: u64) -> Result<Self> {
        let data = moons(1000, MOONS_NOISE, seed)?;
        let (train, test) = data.split(0.25, seed)?;
        let logistic = LogisticRegression::new().seed(seed).fit(&train)?;
        let settings = Mlp::new()
            .hidden_units(200)
            .learning_rate(0.03)
            .epochs(SERIES_EPOCHS)
            .seed(seed);
        let mut frames = Vec::new();
        let mut record = |epoch: usize, model: &MlpModel| frames.push((epoch, model.clone()));
        let mlp = settings.fit_with(
            &train,
            FitOptions {
                validation: Some(&test),
                observe_every: Self::FRAME_EVERY,
                observer: Some(&mut record),
                ..FitOptions::default()
            },
        )?;
        let gallery_units = distinct_hidden_units(&mlp, &train, 5)?;
        let grid_sets = [
            blobs(300, 0.6, seed)?,
            moons(300, MOONS_NOISE, seed)?,
            circles(300, 0.1, seed)?,
            xor(300, 0.0, seed)?,
        ];
        let models_by_datasets = fit_models_by_datasets(&grid_sets, GRID_EPOCHS, seed)?;
        let activations_by_widths = fit_activations_by_widths(
            &moons(300, MOONS_NOISE, seed)?,
            &[
                Activation::Identity,
                Activation::Sigmoid,
                Activation::Tanh,
                Activation::Relu,
            ],
            &[1, 2, 4, 200],
            GRID_EPOCHS,
            seed,
        )?;
        Ok(Series {
            data,
            train,
            test,
            logistic,
            mlp,
            frames,
            gallery_units,
            models_by_datasets,
            activations_by_widths,
        })
    }
}

/// Writes every figure of the series into `dir` (created if missing) in
/// each of `formats`, at `size`, plus the training animation as a GIF and
/// an `index.html` and `index.md` that show them all. File names are stable
/// and descriptive (`01-net-input.svg`, …); the same call writes the same
/// bytes.
///
/// The figures are drawn from [`Series::fit`]: the series' datasets with
/// fixed seeds (half-moons, 1000 points, noise 0.1; blobs, circles and XOR
/// for the comparison) and training runs short enough that the whole set
/// is written in a few seconds. The crate's claim tests assert what each
/// figure says on the same [`Series`].
///
/// ```no_run
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let written = export_all(
///     std::path::Path::new("figures"),
///     &[ImageFormat::Svg, ImageFormat::Png],
///     FigureSize::Slide,
/// )?;
/// assert_eq!(written.len(), 14);
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::Empty`] for no formats, [`Error::InvalidParameter`] for a bad
/// size, [`Error::Io`] when `dir` or a file cannot be written, and the
/// errors of drawing.
pub fn export_all(
    dir: &Path,
    formats: &[ImageFormat],
    size: FigureSize,
) -> Result<Vec<ExportedFigure>> {
    if formats.is_empty() {
        return Err(Error::empty(
            "the list of image formats",
            "format (svg or png)",
        ));
    }
    size.validate()?;
    let mut formats = formats.to_vec();
    formats.sort();
    formats.dedup();
    std::fs::create_dir_all(dir).map_err(|source| Error::io("create", dir, source))?;

    let series = Series::fit()?;
    let Series {
        data,
        train,
        test,
        logistic,
        mlp,
        frames,
        ..
    } = &series;
    let figures: Vec<(&str, &str, Figure)> = vec![
        (
            "01-net-input",
            "The net input z = b + w·x over the plane; z = 0 is a straight line.",
            net_input_map([1.5, -1.0], 0.5, (-3.0, 3.0), (-3.0, 3.0))?,
        ),
        (
            "02-sigmoid",
            "The logistic sigmoid and its derivative (at most 0.25).",
            sigmoid_curve(SigmoidPanels::WithDerivative)?,
        ),
        (
            "03-step-and-threshold",
            "The unit step and the threshold rule agree everywhere but at z = 0 (0.5 against 1); σ(z) ≥ 0.5 gives the threshold rule's classes.",
            step_and_threshold()?,
        ),
        (
            "04-logistic-regression-schematic",
            "Logistic regression: inputs and the bias unit, weights, net input z, sigmoid, threshold on z, label.",
            logistic_regression_schematic()?,
        ),
        (
            "05-scatter-moons",
            "The half-moons data: not linearly separable.",
            scatter(data)?,
        ),
        (
            "06a-decision-surface-logistic-moons",
            "Logistic regression on moons: a straight boundary.",
            DecisionSurface::new(logistic, train)
                .test(test)
                .title("Logistic regression on moons: a straight boundary")
                .size(size)
                .build()?,
        ),
        (
            "06b-decision-surface-mlp-moons",
            "An MLP with 200 sigmoid hidden units on moons: a curved boundary.",
            DecisionSurface::new(mlp, train)
                .test(test)
                .title("MLP, 200 sigmoid hidden units, on moons: a curved boundary")
                .size(size)
                .build()?,
        ),
        (
            "07-mlp-schematic",
            "The feed-forward network: inputs x₁, x₂ and a bias unit, 200 hidden sigmoid units, 1 sigmoid output with its own bias, threshold.",
            mlp_schematic(200)?,
        ),
        (
            "08-cheat-sheet",
            "Activation functions with formulas, graphs, derivatives and typical use.",
            cheat_sheet()?,
        ),
        (
            "09-training-curves",
            "Loss and accuracy per epoch of the MLP, training and test data.",
            training_curves(mlp.history())?,
        ),
        (
            "10-hidden-units",
            "Five hidden units with distinct directions, and the network's output built from its first 1, 2, 5, 20 and all 200 units.",
            hidden_unit_gallery(mlp, train, &series.gallery_units)?,
        ),
        (
            "11a-models-by-datasets",
            "Logistic regression and the MLP on four datasets.",
            series.models_by_datasets.figure()?,
        ),
        (
            "11b-activations-by-widths",
            "Hidden activations × widths: identity units stay linear at any width.",
            series.activations_by_widths.figure()?,
        ),
    ];

    let mut written = Vec::with_capacity(figures.len() + 1);
    for (name, description, figure) in figures {
        let figure = figure.with_size(size);
        let mut files = Vec::with_capacity(formats.len());
        for &format in &formats {
            let path = dir.join(format!("{name}.{}", format.extension()));
            figure.save_as(&path, format)?;
            files.push(path);
        }
        written.push(ExportedFigure {
            name: name.to_string(),
            title: figure.title().to_string(),
            description: description.to_string(),
            files,
        });
    }
    let anim = training_animation(frames, train)?.with_size(animation_size(size));
    let path = dir.join("12-training-animation.gif");
    anim.save_gif(&path)?;
    written.push(ExportedFigure {
        name: "12-training-animation".into(),
        title: anim.title().to_string(),
        description: format!(
            "The decision surface of figure 06b's MLP every {} epochs while it trains, \
             from its random start to the curved boundary of epoch {SERIES_EPOCHS}.",
            Series::FRAME_EVERY
        ),
        files: vec![path],
    });

    write_file(
        &dir.join("index.html"),
        index_html(&written, size).as_bytes(),
    )?;
    write_file(&dir.join("index.md"), index_md(&written, size).as_bytes())?;
    Ok(written)
}

/// GIF frames are quantised to 256 colours and are costly at full HD: the
/// animation is drawn at most 1280×720 (the slide preset scales it down).
fn animation_size(size: FigureSize) -> FigureSize {
    match size {
        FigureSize::Slide => FigureSize::Pixels {
            width: 1280,
            height: 720,
        },
        other => other,
    }
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn index_html(figures: &[ExportedFigure], size: FigureSize) -> String {
    let mut s = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <title>Activation Lab: figures</title>\n<style>\n\
         body { font-family: 'DejaVu Sans', Verdana, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; }\n\
         figure { margin: 0 0 3em 0; }\n img { max-width: 100%; border: 1px solid #ddd; }\n\
         figcaption { margin-top: 0.5em; }\n code { color: #555; }\n</style>\n</head>\n<body>\n",
    );
    s.push_str(&format!(
        "<h1>Activation Lab: the figures of the series</h1>\n<p>Size: {}. Every figure: SVG and/or PNG, \
         drawn with the embedded DejaVu Sans font.</p>\n",
        html_escape(&size.key())
    ));
    for f in figures {
        let first = f.files.first().map(|p| file_name(p)).unwrap_or_default();
        let links: Vec<String> = f
            .files
            .iter()
            .map(|p| {
                let n = html_escape(&file_name(p));
                format!("<a href=\"{n}\"><code>{n}</code></a>")
            })
            .collect();
        s.push_str(&format!(
            "<figure id=\"{id}\">\n<h2>{title}</h2>\n<img src=\"{src}\" alt=\"{title}\"/>\n\
             <figcaption>{desc} Files: {links}</figcaption>\n</figure>\n",
            id = html_escape(&f.name),
            title = html_escape(&f.title),
            src = html_escape(&first),
            desc = html_escape(&f.description),
            links = links.join(", "),
        ));
    }
    s.push_str("</body>\n</html>\n");
    s
}

fn index_md(figures: &[ExportedFigure], size: FigureSize) -> String {
    let mut s = format!(
        "# Activation Lab: the figures of the series\n\nSize: {}.\n\n",
        size.key()
    );
    for f in figures {
        let first = f.files.first().map(|p| file_name(p)).unwrap_or_default();
        let links: Vec<String> = f
            .files
            .iter()
            .map(|p| format!("[`{0}`]({0})", file_name(p)))
            .collect();
        s.push_str(&format!(
            "## {}\n\n![{}]({})\n\n{} Files: {}.\n\n",
            f.title,
            f.title.replace(['[', ']'], ""),
            first,
            f.description,
            links.join(", ")
        ));
    }
    s
}
