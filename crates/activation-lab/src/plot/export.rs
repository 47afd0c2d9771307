//! Exporting every figure of the series, with an index, for slides.

use std::path::{Path, PathBuf};

use crate::notebook::html_escape;

use super::animation::training_animation;
use super::cheat_sheet::cheat_sheet;
use super::decision_surface::DecisionSurface;
use super::hidden_unit_gallery::{hidden_unit_gallery, hidden_unit_gallery_titled};
use super::net_input_map::net_input_map;
use super::scatter::scatter;
use super::schematic::{logistic_regression_schematic, mlp_schematic};
use super::series::{SERIES_EPOCHS, Series};
use super::sigmoid_curve::{SigmoidPanels, sigmoid_curve, step_and_threshold};
use super::training_curves::training_curves;
use crate::error::{Error, Result};
use crate::figure::{Figure, FigureSize, ImageFormat, ImageOptions, Palette};
use crate::files::write as write_file;

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
    check_export(formats, size)?;
    // the folder first: a bad `dir` fails before the models are trained
    create_folder(dir)?;
    export_series(dir, formats, size, &Series::fit()?)
}

/// As [`export_all`], with the data-driven figures drawn from `series`
/// ([`Series::fit_on`] puts a lecturer's own data there). The figures
/// that show the data are named after it: `05-scatter-iris.svg`,
/// `06b-decision-surface-mlp-iris.svg` for data named "iris".
///
/// # Errors
/// As [`export_all`].
pub fn export_series(
    dir: &Path,
    formats: &[ImageFormat],
    size: FigureSize,
    series: &Series,
) -> Result<Vec<ExportedFigure>> {
    export_series_with(dir, formats, size, &ImageOptions::default(), series)
}

/// As [`export_series`], every file drawn as `options` say: the dark
/// palette for dark slides, outlined SVG text, a PNG scale (the animation
/// follows the palette; it stays at scale 1).
///
/// ```no_run
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let dark = ImageOptions { palette: Palette::Dark, ..ImageOptions::default() };
/// export_series_with(
///     std::path::Path::new("dark-slides"),
///     &ImageFormat::ALL,
///     FigureSize::Slide,
///     &dark,
///     &Series::fit()?,
/// )?;
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// As [`export_all`], plus [`Error::InvalidParameter`] for a PNG scale
/// that makes a side larger than [`MAX_PIXELS`](crate::figure::MAX_PIXELS).
pub fn export_series_with(
    dir: &Path,
    formats: &[ImageFormat],
    size: FigureSize,
    options: &ImageOptions,
    series: &Series,
) -> Result<Vec<ExportedFigure>> {
    check_export(formats, size)?;
    let mut formats = formats.to_vec();
    formats.sort();
    formats.dedup();
    create_folder(dir)?;

    let figures = series_figures(series, size)?;
    let mut written = Vec::with_capacity(figures.len() + 1);
    for SeriesFigure {
        name,
        description,
        figure,
    } in figures
    {
        let mut files = Vec::with_capacity(formats.len());
        for &format in &formats {
            let path = dir.join(format!("{name}.{}", format.extension()));
            figure.save_with(&path, format, options)?;
            files.push(path);
        }
        written.push(ExportedFigure {
            name: name.to_string(),
            title: figure.title().to_string(),
            description,
            files,
        });
    }
    let anim = training_animation(&series.frames, &series.train)?
        .with_size(size)
        .with_palette(options.palette);
    let path = dir.join("12-training-animation.gif");
    anim.save_gif(&path)?;
    written.push(ExportedFigure {
        name: "12-training-animation".into(),
        title: anim.title().to_string(),
        description: format!(
            "The decision surface of figure 06b's MLP every {} epochs while it trains, \
             from its random start to {} of epoch {SERIES_EPOCHS}.",
            Series::FRAME_EVERY,
            if series.mlp_is_curved {
                "the curved boundary"
            } else {
                "the boundary"
            }
        ),
        files: vec![path],
    });

    write_file(
        &dir.join("index.html"),
        index_html(&written, size, options).as_bytes(),
    )?;
    write_file(&dir.join("index.md"), index_md(&written, size).as_bytes())?;
    Ok(written)
}

/// One static figure of the series: its stable name, what it shows, and
/// the figure itself.
#[derive(Debug, Clone)]
pub struct SeriesFigure {
    /// The stable file stem, e.g. `"02-sigmoid"`.
    pub name: String,
    /// One sentence on what the figure shows.
    pub description: String,
    /// The figure, at the size asked for.
    pub figure: Figure,
}

/// Every static figure of the series (all but the animation), drawn from
/// `series` at `size`, in the order and with the names [`export_series`]
/// writes them.
///
/// # Errors
/// The errors of drawing.
pub fn series_figures(series: &Series, size: FigureSize) -> Result<Vec<SeriesFigure>> {
    let Series {
        data,
        train,
        test,
        logistic,
        mlp,
        ..
    } = series;
    let name = data.name();
    let slug = file_slug(name);
    let bends = if series.mlp_is_curved {
        "a curved boundary"
    } else {
        "an almost straight boundary"
    };
    let gallery = if series.mlp_is_curved {
        hidden_unit_gallery(mlp, train, &series.gallery_units)?
    } else {
        hidden_unit_gallery_titled(
            mlp,
            train,
            &series.gallery_units,
            "200 sigmoid units: straight lines whose sum is the boundary".to_string(),
        )?
    };
    let names = [
        format!("05-scatter-{slug}"),
        format!("06a-decision-surface-logistic-{slug}"),
        format!("06b-decision-surface-mlp-{slug}"),
    ];
    let figures: Vec<(&str, String, Figure)> = vec![
        (
            "01-net-input",
            "The net input z = b + w·x over the plane; z = 0 is a straight line.".to_string(),
            net_input_map([1.5, -1.0], 0.5, (-3.0, 3.0), (-3.0, 3.0))?,
        ),
        (
            "02-sigmoid",
            "The logistic sigmoid and its derivative (at most 0.25).".to_string(),
            sigmoid_curve(SigmoidPanels::WithDerivative)?,
        ),
        (
            "03-step-and-threshold",
            "The unit step and the threshold rule agree everywhere but at z = 0 (0.5 against 1); σ(z) ≥ 0.5 gives the threshold rule's classes.".to_string(),
            step_and_threshold()?,
        ),
        (
            "04-logistic-regression-schematic",
            "Logistic regression: inputs and the bias unit, weights, net input z, sigmoid, threshold on z, label.".to_string(),
            logistic_regression_schematic()?,
        ),
        (&names[0], series.data_description.clone(), scatter(data)?),
        (
            &names[1],
            format!("Logistic regression on {name}: a straight boundary."),
            DecisionSurface::new(logistic, train)
                .test(test)
                .title(&format!("Logistic regression on {name}: a straight boundary"))
                .size(size)
                .build()?,
        ),
        (
            &names[2],
            format!("An MLP with 200 sigmoid hidden units on {name}: {bends}."),
            DecisionSurface::new(mlp, train)
                .test(test)
                .title(&format!("MLP, 200 sigmoid hidden units, on {name}: {bends}"))
                .size(size)
                .build()?,
        ),
        (
            "07-mlp-schematic",
            "The feed-forward network: inputs x₁, x₂ and a bias unit, 200 hidden sigmoid units, 1 sigmoid output with its own bias, threshold.".to_string(),
            mlp_schematic(200)?,
        ),
        (
            "08-cheat-sheet",
            "Activation functions with formulas, graphs, derivatives and typical use.".to_string(),
            cheat_sheet()?,
        ),
        (
            "09-training-curves",
            "Loss and accuracy per epoch of the MLP, training and test data.".to_string(),
            training_curves(mlp.history())?,
        ),
        (
            "10-hidden-units",
            format!(
                "{} with distinct directions, and the network's output built from its first 1, 2, 5, 20 and all 200 units.",
                count_of(series.gallery_units.len(), "hidden unit", "hidden units")
            ),
            gallery,
        ),
        (
            "11a-models-by-datasets",
            "Logistic regression and the MLP on four datasets.".to_string(),
            series.models_by_datasets.figure()?,
        ),
        (
            "11b-activations-by-widths",
            "Hidden activations × widths: identity units stay linear at any width.".to_string(),
            series.activations_by_widths.figure()?,
        ),
    ];

    Ok(figures
        .into_iter()
        .map(|(name, description, figure)| SeriesFigure {
            name: name.to_string(),
            description,
            figure: figure.with_size(size),
        })
        .collect())
}

/// Creates `dir` and its parents if missing.
fn create_folder(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| Error::io("create", dir, source))
}

/// Checks the formats and the size before anything is trained or written.
fn check_export(formats: &[ImageFormat], size: FigureSize) -> Result<()> {
    if formats.is_empty() {
        return Err(Error::empty(
            "the list of image formats",
            "format (svg, png or pdf)",
        ));
    }
    size.validate()
}

/// "Five hidden units", "One hidden unit": a count in words up to ten.
fn count_of(n: usize, one: &str, many: &str) -> String {
    const WORDS: [&str; 11] = [
        "No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
    ];
    let count = WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| w.to_string());
    format!("{count} {}", if n == 1 { one } else { many })
}

/// A dataset's name as part of a file name: lower case letters, digits
/// and single dashes ("My Iris (2 classes)" → "my-iris-2-classes").
fn file_slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "data".to_string()
    } else {
        slug.to_string()
    }
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn index_html(figures: &[ExportedFigure], size: FigureSize, options: &ImageOptions) -> String {
    let page = match options.palette {
        Palette::Light => "",
        Palette::Dark => {
            "body { background: #171717; color: #ddd; }\n a { color: #8cf; }\n code { color: #bbb; }\n img { border-color: #444; }\n"
        }
    };
    let mut s = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <title>Activation Lab: figures</title>\n<style>\n\
         body { font-family: 'DejaVu Sans', Verdana, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; }\n\
         figure { margin: 0 0 3em 0; }\n img { max-width: 100%; border: 1px solid #ddd; }\n\
         figcaption { margin-top: 0.5em; }\n code { color: #555; }\n",
    );
    s.push_str(page);
    s.push_str("</style>\n</head>\n<body>\n");
    s.push_str(&format!(
        "<h1>Activation Lab: the figures of the series</h1>\n<p>Size: {}, {} theme. Every figure as SVG, PNG and/or PDF, \
         drawn with the embedded DejaVu Sans font.</p>\n",
        html_escape(&size.key()),
        options.palette
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
