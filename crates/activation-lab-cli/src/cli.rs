//! The command line: subcommands, options, their help and examples.

use std::path::PathBuf;

use activation_lab::plot::SERIES_SEED;
use activation_lab::{Activation, DatasetKind, FigureSize, ImageFormat, Mlp, Optimizer, Training};

use crate::explore_args::{ExploreArgs, OwnData};
use crate::image_style::ImageStyle;
use clap::{Args, Parser, Subcommand, ValueEnum};

/// Why neural networks need activation functions: make the series'
/// datasets, fit logistic regression or an MLP to your own CSV, predict with
/// a saved model, and draw the figures.
#[derive(Debug, Parser)]
#[command(name = "activation-lab", version, propagate_version = true)]
#[command(after_help = "\
Examples:
  activation-lab data moons --samples 400 --out moons.csv
  activation-lab fit --data moons.csv --test-fraction 0.2 --save-model mlp.json
  activation-lab predict --model mlp.json --data moons.csv --proba
  activation-lab figures --out figures --size slide --format svg,png
  activation-lab explore logistic --out logistic.html

Run `activation-lab <COMMAND> --help` for each command's options.")]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write one of the series' toy datasets as CSV (header x1,x2,y).
    Data(DataArgs),
    /// Train logistic regression or an MLP on a CSV file and report accuracy and loss.
    Fit(FitArgs),
    /// Classify the rows of a CSV file with a saved model.
    Predict(PredictArgs),
    /// Export every figure of the series as SVG and/or PNG, with an index.
    Figures(FiguresArgs),
    /// Write an interactive figure (sliders, buttons) as a standalone HTML page.
    Explore(ExploreArgs),
}

/// Options of `activation-lab data`.
#[derive(Debug, Args)]
#[command(after_help = data_after_help())]
pub struct DataArgs {
    /// Which dataset: blobs, moons, circles, xor or spirals.
    #[arg(value_name = "DATASET", value_parser = parse_dataset)]
    pub dataset: DatasetKind,

    /// Number of rows (at least 2).
    #[arg(
        long,
        value_name = "N",
        default_value_t = 200,
        allow_hyphen_values = true
    )]
    pub samples: usize,

    /// Standard deviation of the Gaussian noise added to each coordinate
    /// [default: the dataset's own, see below].
    #[arg(long, value_name = "F", allow_hyphen_values = true)]
    pub noise: Option<f64>,

    /// Seed of the random numbers.
    #[arg(
        long,
        value_name = "S",
        default_value_t = 0,
        allow_hyphen_values = true
    )]
    pub seed: u64,

    /// Write the CSV to this file instead of stdout.
    #[arg(long, value_name = "FILE.csv")]
    pub out: Option<PathBuf>,
}

/// Which model to train.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModelKind {
    /// Logistic regression: a straight decision boundary.
    Logistic,
    /// One hidden layer of units with an activation function, then a sigmoid output unit.
    Mlp,
}

impl ModelKind {
    /// The name used on the command line and in JSON.
    pub fn key(self) -> &'static str {
        match self {
            ModelKind::Logistic => "logistic",
            ModelKind::Mlp => "mlp",
        }
    }
}

/// Options of `activation-lab fit`.
#[derive(Debug, Args)]
#[command(after_help = fit_after_help())]
pub struct FitArgs {
    /// CSV file with a header, numeric feature columns and a 0/1 label column
    /// (separated by commas, semicolons or tabs; decimal commas are read with semicolons or tabs).
    #[arg(long, value_name = "FILE.csv")]
    pub data: PathBuf,

    /// Name of the label column [default: the last column].
    #[arg(long, value_name = "COLUMN")]
    pub label: Option<String>,

    /// The label that is class 1, for a label column of two class names
    /// (versicolor, virginica) or two other values (1, 2); the other value
    /// is class 0. The names are saved with the model.
    #[arg(long, value_name = "NAME")]
    pub positive: Option<String>,

    /// Model to train [default: mlp, or the kind of the --init weights].
    #[arg(long, value_enum, ignore_case = true)]
    pub model: Option<ModelKind>,

    #[arg(long, value_name = "N", allow_hyphen_values = true, help = format!(
        "Number of hidden units, MLP only [default: {}]",
        Mlp::DEFAULT_HIDDEN_UNITS
    ))]
    pub hidden_units: Option<usize>,

    #[arg(long, value_name = "NAME", value_parser = parse_activation, help = format!(
        "Activation function of the hidden units, MLP only: {} [default: {}]",
        trainable_activations(),
        Mlp::DEFAULT_ACTIVATION
    ))]
    pub activation: Option<Activation>,

    #[arg(long, value_name = "NAME", value_parser = parse_optimizer, help = per_model_default(
        "Update rule: gd, momentum or adam",
        |t| t.optimizer.to_string(),
    ))]
    pub optimizer: Option<Optimizer>,

    #[arg(long, value_name = "N", allow_hyphen_values = true, help = per_model_default(
        "Passes over the training rows",
        |t| t.epochs.to_string(),
    ))]
    pub epochs: Option<i64>,

    #[arg(long, value_name = "F", allow_hyphen_values = true, help = per_model_default(
        "Step size, a number > 0",
        |t| t.learning_rate.to_string(),
    ))]
    pub learning_rate: Option<f64>,

    #[arg(long, value_name = "N", allow_hyphen_values = true, help = per_model_default(
        "Rows per gradient step; 0 = the full batch",
        |t| t.batch_size.to_string(),
    ))]
    pub batch_size: Option<usize>,

    #[arg(long, value_name = "F", allow_hyphen_values = true, help = per_model_default(
        "L2 penalty strength, ≥ 0",
        |t| t.l2.to_string(),
    ))]
    pub l2: Option<f64>,

    /// Seed of the initial weights, the minibatch order and the test split.
    #[arg(
        long,
        value_name = "S",
        default_value_t = 0,
        allow_hyphen_values = true
    )]
    pub seed: u64,

    /// Standardise the inputs while training (the default).
    #[arg(long, overrides_with = "no_standardize")]
    pub standardize: bool,

    /// Train on the raw inputs.
    #[arg(long, overrides_with = "standardize")]
    pub no_standardize: bool,

    /// Keep the rows in file order instead of reshuffling the minibatches each epoch.
    #[arg(long)]
    pub no_shuffle: bool,

    /// Share of the rows held out for testing, in [0, 1); 0 trains on every row.
    #[arg(
        long,
        value_name = "F",
        default_value_t = 0.0,
        allow_hyphen_values = true
    )]
    pub test_fraction: f64,

    /// Start from these weights (JSON, as written by --save-model) instead of random ones.
    #[arg(long, value_name = "WEIGHTS.json")]
    pub init: Option<PathBuf>,

    /// Save the fitted weights as JSON (for `predict` and `--init`).
    #[arg(long, value_name = "WEIGHTS.json")]
    pub save_model: Option<PathBuf>,

    /// Draw the decision surface over the data (2 feature columns only) as
    /// SVG, PNG or PDF, by the file name's extension.
    #[arg(long, value_name = "OUT.svg|png|pdf")]
    pub plot: Option<PathBuf>,

    /// Draw the loss and accuracy curves per epoch as SVG, PNG or PDF.
    #[arg(long, value_name = "OUT.svg|png|pdf")]
    pub curves: Option<PathBuf>,

    /// Size of the --plot and --curves figures: notebook, slide or WIDTHxHEIGHT.
    #[arg(long, value_name = "SIZE", default_value = "notebook", value_parser = parse_size, allow_hyphen_values = true)]
    pub plot_size: FigureSize,

    /// The two classes' names in the --plot legend, class 0 first
    /// (--class-names benign,malignant) [default: the labels' names, or class 0 and class 1].
    #[arg(long, value_name = "NAME0,NAME1", value_delimiter = ',', value_parser = parse_class_name)]
    pub class_names: Option<Vec<String>>,

    /// The title of the --plot figure [default: the model and the data].
    #[arg(long, value_name = "TEXT", requires = "plot")]
    pub title: Option<String>,

    #[command(flatten)]
    pub style: ImageStyle,

    /// Print one JSON object instead of the summary.
    #[arg(long)]
    pub json: bool,

    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Options of `activation-lab predict`.
#[derive(Debug, Args)]
#[command(after_help = "\
The model file is the JSON that `fit --save-model` writes (logistic regression
or MLP, told apart by its keys; the whole `fit --json` output works too).

The CSV has a header row and either exactly the model's feature columns, or
those plus one 0/1 label column (the last one, or the one named by --label).
With a label column the accuracy is reported on stderr. Feature columns are
taken in file order, as when the model was fitted.

The output is CSV on stdout, one row per input row: a column `prediction`
(0 or 1), or `probability` (P(y = 1)) with --proba.

Examples:
  activation-lab predict --model mlp.json --data new_points.csv > predictions.csv
  activation-lab predict --model mlp.json --data moons.csv --proba")]
pub struct PredictArgs {
    /// Weights JSON written by `fit --save-model`.
    #[arg(long, value_name = "WEIGHTS.json")]
    pub model: PathBuf,

    /// CSV of the rows to classify, with or without a label column.
    #[arg(long, value_name = "FILE.csv")]
    pub data: PathBuf,

    /// Name of the label column, if it is not the last one.
    #[arg(long, value_name = "COLUMN")]
    pub label: Option<String>,

    /// The label that is class 1, for a label column of class names
    /// [default: the class names saved with the model].
    #[arg(long, value_name = "NAME")]
    pub positive: Option<String>,

    /// Print P(y = 1) instead of the 0/1 label.
    #[arg(long)]
    pub proba: bool,

    /// Do not report the accuracy on stderr.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Options of `activation-lab figures`.
#[derive(Debug, Args)]
#[command(after_help = "\
Writes every figure of the series (net input, sigmoid, step, schematics,
decision surfaces, hidden units, curves, grids, the cheat sheet) plus the
training animation as a GIF, and index.html / index.md that show them all.
File names are stable (01-net-input.svg, ...) and the same command writes the
same bytes on every machine (PNGs embed their font).

Sizes: notebook (each figure's own, mostly 800x500), slide (1920x1080, large
type), or WIDTHxHEIGHT in pixels.

With --data the data-driven figures (05 scatter, 06 decision surfaces, 09
curves, 10 hidden units, 11a models x datasets beside moons, circles and XOR,
11b activations x widths, 12 animation) are drawn on your CSV instead of the
half-moons, with the same index; the files that show the data are named
after it (05-scatter-iris.svg). The CSV is read as `fit` reads it: the label
column is the last one or --label COLUMN, class names need --positive NAME
(the class-1 label), and a file with more than two feature columns needs
--features A,B. What the titles say (a curved boundary, whether a straight
line separates the data) is measured on the models trained here.

Examples:
  activation-lab figures
  activation-lab figures --out slides --size slide --format svg,png,pdf
  activation-lab figures --out dark-slides --size slide --theme dark --format pdf,png --dpi 192
  activation-lab figures --out small --size 640x400 --format png
  activation-lab figures --data iris.csv --label species --positive virginica \\
      --features petal_length,petal_width --out iris-slides --size slide")]
pub struct FiguresArgs {
    /// Folder to write the figures into (created if missing).
    #[arg(long, value_name = "DIR", default_value = "figures")]
    pub out: PathBuf,

    /// Figure size: notebook, slide or WIDTHxHEIGHT.
    #[arg(long, value_name = "SIZE", default_value = "notebook", value_parser = parse_size, allow_hyphen_values = true)]
    pub size: FigureSize,

    /// Image formats, comma-separated: svg, png, pdf.
    #[arg(long, value_name = "LIST", default_value = "svg", value_delimiter = ',', value_parser = parse_format)]
    pub format: Vec<ImageFormat>,

    #[command(flatten)]
    pub style: ImageStyle,

    /// Print nothing: neither the list of files nor the summary line.
    #[arg(long, short)]
    pub quiet: bool,

    #[command(flatten)]
    pub own: OwnData,

    /// With --data: the seed of the split and of every model.
    #[arg(long, value_name = "S", requires = "data", allow_hyphen_values = true, default_value_t = SERIES_SEED)]
    pub seed: u64,
}

fn parse_dataset(s: &str) -> Result<DatasetKind, String> {
    s.parse().map_err(|e: activation_lab::Error| e.to_string())
}

fn parse_activation(s: &str) -> Result<Activation, String> {
    s.parse().map_err(|e: activation_lab::Error| e.to_string())
}

fn parse_size(s: &str) -> Result<FigureSize, String> {
    s.parse().map_err(|e: activation_lab::Error| e.to_string())
}

fn parse_format(s: &str) -> Result<ImageFormat, String> {
    s.parse().map_err(|e: activation_lab::Error| e.to_string())
}

fn parse_optimizer(s: &str) -> Result<Optimizer, String> {
    s.parse().map_err(|e: activation_lab::Error| e.to_string())
}

/// `what [default: M for mlp, L for logistic]`, from the library's defaults.
fn per_model_default(what: &str, value: impl Fn(&Training) -> String) -> String {
    format!(
        "{what} [default: {} for mlp, {} for logistic]",
        value(&Training::MLP),
        value(&Training::LOGISTIC)
    )
}

/// The activations an MLP can be trained with, by name.
fn trainable_activations() -> String {
    Activation::ALL
        .into_iter()
        .filter(|a| a.is_trainable())
        .map(|a| a.key())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The epilogue of `fit --help`, with the library's defaults.
fn fit_after_help() -> String {
    let batch = |t: &Training| match t.batch_size {
        0 => "full batch".to_string(),
        n => format!("batch size {n}"),
    };
    let (mlp, logistic) = (Training::MLP, Training::LOGISTIC);
    format!(
        "\
Defaults (the library's, as in the notebooks):
  mlp       {} {} hidden units, {}, learning rate {}, {} epochs,
            {}, l2 {}
  logistic  {}, learning rate {}, {} epochs, {}, l2 {}

The CSV has a header row, numeric feature columns and a label column of 0/1
(the last column unless --label names another). Inputs are standardised
while training and the scaling is folded into the saved weights, so a saved
model acts on raw inputs. With --test-fraction F a stratified, seeded share
F of the rows is held out for testing; 0 (the default) trains on every row.

--init starts from weights in the JSON shape that --save-model writes:
  mlp       {{\"hidden_weights\": [[..n_hidden..] x n_features], \"hidden_bias\": [..],
             \"output_weights\": [..], \"output_bias\": b, \"activation\": \"sigmoid\"}}
  logistic  {{\"weights\": [..n_features..], \"bias\": b}}
With --optimizer gd --batch-size 0 --no-standardize --no-shuffle --l2 0 the
run is plain full-batch gradient descent from those weights, step for step.

--json prints one JSON object: data, settings, train/test accuracy and loss,
history (loss and accuracy per epoch), weights and training_seconds.

Examples:
  activation-lab fit --data moons.csv
  activation-lab fit --data moons.csv --test-fraction 0.2 --plot moons.svg --curves curves.svg
  activation-lab fit --data moons.csv --plot slide.png --plot-size slide
  activation-lab fit --data iris.csv --label species --model logistic --save-model iris.json
  activation-lab fit --data xor.csv --activation identity --json
  activation-lab fit --data moons.csv --init start.json --optimizer gd --batch-size 0 \\
      --no-standardize --no-shuffle --l2 0 --epochs 100 --learning-rate 0.5 --json",
        Mlp::DEFAULT_HIDDEN_UNITS,
        Mlp::DEFAULT_ACTIVATION,
        mlp.optimizer,
        mlp.learning_rate,
        mlp.epochs,
        batch(&mlp),
        mlp.l2,
        logistic.optimizer,
        logistic.learning_rate,
        logistic.epochs,
        batch(&logistic),
        logistic.l2,
    )
}

/// The epilogue of `data --help`, with each dataset's default noise from
/// the library.
fn data_after_help() -> String {
    let about = |kind: DatasetKind| match kind {
        DatasetKind::Blobs => "two Gaussian blobs, (almost) linearly separable",
        DatasetKind::Moons => "two interleaving half-moons",
        DatasetKind::Circles => "a small circle inside a larger one",
        DatasetKind::Xor => "four quadrants, opposite corners share a class",
        DatasetKind::Spirals => "two interleaved spirals (harder)",
    };
    let rows: Vec<String> = DatasetKind::ALL
        .into_iter()
        .map(|kind| {
            format!(
                "  {:<8} {:<50} default noise {:?}",
                kind.key(),
                about(kind),
                kind.default_noise()
            )
        })
        .collect();
    format!(
        "\
Datasets:
{}

Every row is x1,x2,y with y = 0 or 1; the classes are balanced and the rows
shuffled. The same seed gives the same rows on every machine.

Examples:
  activation-lab data moons > moons.csv
  activation-lab data xor --samples 1000 --noise 0.1 --seed 7 --out xor.csv",
        rows.join("\n")
    )
}

/// A class name for a legend: not empty.
pub(crate) fn parse_class_name(s: &str) -> Result<String, String> {
    let name = s.trim();
    if name.is_empty() {
        Err(
            "a class name cannot be empty: give two names, class 0 first, e.g. benign,malignant"
                .into(),
        )
    } else {
        Ok(name.to_string())
    }
}

/// The two names of `--class-names`, checked: exactly two, different.
pub fn class_names(
    names: &Option<Vec<String>>,
) -> Result<Option<[String; 2]>, crate::error::CliError> {
    match names.as_deref() {
        None => Ok(None),
        Some([a, b]) if a != b => Ok(Some([a.clone(), b.clone()])),
        Some(other) => Err(crate::error::CliError::Usage(format!(
            "--class-names {}: expected two different names, class 0 first, e.g. --class-names benign,malignant",
            other.join(",")
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn standardize_flags_override_each_other() {
        let cli = Cli::parse_from([
            "activation-lab",
            "fit",
            "--data",
            "a.csv",
            "--no-standardize",
        ]);
        let Command::Fit(args) = cli.command else {
            panic!("expected fit");
        };
        assert!(args.no_standardize && !args.standardize);
        let cli = Cli::parse_from([
            "activation-lab",
            "fit",
            "--data",
            "a.csv",
            "--no-standardize",
            "--standardize",
        ]);
        let Command::Fit(args) = cli.command else {
            panic!("expected fit");
        };
        assert!(!args.no_standardize && args.standardize);
    }
}
