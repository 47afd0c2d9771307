//! `activation-lab fit`: train on a CSV file, report, save and draw.

use std::path::Path;
use std::time::Instant;

use activation_lab::limits::MAX_EPOCHS;
use activation_lab::{
    Activation, Dataset, FitOptions, History, ImageFormat, LogisticModel, LogisticRegression, Mlp,
    MlpModel, Optimizer, Training,
};
use serde::Serialize;
use serde_json::Value;

use crate::cli::{FitArgs, ModelKind};
use crate::error::{CliError, Result};
use crate::model_file::{LoadedModel, Model, with_activation};
use crate::output::with_output;
use crate::progress::Progress;

/// Every setting of the run, as reported by `--json`.
#[derive(Debug, Clone, Serialize)]
struct Settings {
    model: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    hidden_units: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    activation: Option<Activation>,
    optimizer: Optimizer,
    learning_rate: f64,
    epochs: usize,
    batch_size: usize,
    l2: f64,
    seed: u64,
    standardize: bool,
    shuffle: bool,
    test_fraction: f64,
    init: Option<String>,
}

impl Settings {
    /// The library's training settings with these values.
    fn training(&self, defaults: Training) -> Training {
        Training {
            optimizer: self.optimizer,
            learning_rate: self.learning_rate,
            epochs: self.epochs,
            batch_size: self.batch_size,
            l2: self.l2,
            seed: self.seed,
            standardize: self.standardize,
            shuffle: self.shuffle,
            ..defaults
        }
    }
}

/// The configured trainer, already validated.
enum Trainer {
    Logistic(LogisticRegression),
    Mlp(Mlp),
}

/// Accuracy and loss of the fitted model on one part of the data.
#[derive(Debug, Clone, Copy, Serialize)]
struct Metrics {
    rows: usize,
    accuracy: f64,
    /// Mean cross-entropy at the final weights (no L2 penalty).
    loss: f64,
}

/// What was read.
#[derive(Debug, Clone, Serialize)]
struct DataSummary {
    path: String,
    rows: usize,
    features: Vec<String>,
    label: Option<String>,
    class_counts: [usize; 2],
    /// With `--positive`: the labels that are class 0 and class 1.
    class_names: Option<[String; 2]>,
}

/// Where results were written.
#[derive(Debug, Clone, Serialize)]
struct Outputs {
    model: Option<String>,
    plot: Option<String>,
    curves: Option<String>,
}

/// The one JSON object of `fit --json`.
#[derive(Debug, Serialize)]
struct Report<'a> {
    data: DataSummary,
    settings: Settings,
    train: Metrics,
    test: Option<Metrics>,
    history: HistoryReport<'a>,
    weights: Value,
    training_seconds: f64,
    outputs: Outputs,
}

/// The loss and accuracy per epoch; the rows held out with
/// `--test-fraction` are the library's validation data.
#[derive(Debug, Serialize)]
struct HistoryReport<'a> {
    train_loss: &'a [f64],
    train_accuracy: &'a [f64],
    test_loss: &'a [f64],
    test_accuracy: &'a [f64],
}

impl<'a> HistoryReport<'a> {
    fn of(history: &'a History) -> Self {
        HistoryReport {
            train_loss: &history.train_loss,
            train_accuracy: &history.train_accuracy,
            test_loss: &history.validation_loss,
            test_accuracy: &history.validation_accuracy,
        }
    }
}

/// Trains as the options say and reports.
///
/// # Errors
/// Bad settings, unreadable or malformed data or `--init` files, options
/// that do not fit the data, divergence, and files that cannot be written.
pub fn run(args: &FitArgs) -> Result<()> {
    // settings first: a typo in a hyperparameter costs no reading or training
    let init = match &args.init {
        Some(path) => Some(Model::load(path)?),
        None => None,
    };
    let kind = model_kind(args, init.as_ref())?;
    let (settings, trainer) = configure(args, kind, init.as_ref())?;
    let image_options = args.style.options()?;
    for (flag, path) in [("--plot", &args.plot), ("--curves", &args.curves)] {
        if let Some(path) = path {
            check_image_path(flag, path)?;
            if ImageFormat::from_path(path)? == ImageFormat::Png {
                args.style.check_png_size(args.plot_size, &image_options)?;
            }
        }
    }
    // every output can be written: a long run must not end in "cannot write"
    for (flag, path) in [
        ("--save-model", &args.save_model),
        ("--plot", &args.plot),
        ("--curves", &args.curves),
    ] {
        if let Some(path) = path {
            check_output_path(flag, path)?;
        }
    }

    let legend_names = crate::cli::class_names(&args.class_names)?;

    // data
    let data = Dataset::from_csv_path_with_classes(
        &args.data,
        args.label.as_deref(),
        args.positive.as_deref(),
    )
    .map_err(|e| CliError::in_file(&args.data, e))?;
    if args.plot.is_some() && data.n_features() != 2 {
        return Err(CliError::Usage(format!(
            "--plot draws a decision surface over 2 feature columns, but {} has {} ({}): \
             leave out --plot or keep two feature columns",
            args.data.display(),
            data.n_features(),
            data.feature_names().join(", ")
        )));
    }
    if let (Some(loaded), Some(path)) = (&init, &args.init) {
        check_init_features(&loaded.model, path, &data, &args.data)?;
    }
    let (train, test) = data.split(args.test_fraction, args.seed)?;
    let validation = (!test.is_empty()).then_some(&test);

    // train
    let mut progress = Progress::new(settings.epochs, args.quiet);
    let start = Instant::now();
    let model = match trainer {
        Trainer::Logistic(trainer) => {
            let init = match init.as_ref().map(|l| &l.model) {
                Some(Model::Logistic(m)) => Some(m),
                _ => None,
            };
            let every = progress.every();
            let mut observer = |epoch: usize, _: &LogisticModel| progress.update(epoch);
            let options = FitOptions {
                validation,
                init,
                observe_every: every,
                observer: Some(&mut observer),
            };
            Model::Logistic(trainer.fit_with(&train, options)?)
        }
        Trainer::Mlp(trainer) => {
            let init: Option<MlpModel> = match init.as_ref().map(|l| &l.model) {
                Some(Model::Mlp(m)) => Some(with_activation(m, settings_activation(&settings))?),
                _ => None,
            };
            let every = progress.every();
            let mut observer = |epoch: usize, _: &MlpModel| progress.update(epoch);
            let options = FitOptions {
                validation,
                init: init.as_ref(),
                observe_every: every,
                observer: Some(&mut observer),
            };
            Model::Mlp(trainer.fit_with(&train, options)?)
        }
    };
    let training_seconds = start.elapsed().as_secs_f64();
    progress.finish();

    // evaluate
    let classifier = model.classifier();
    let metrics = |part: &Dataset| -> Result<Metrics> {
        Ok(Metrics {
            rows: part.n_samples(),
            accuracy: classifier.accuracy(part)?,
            loss: classifier.log_loss(part)?,
        })
    };
    let train_metrics = metrics(&train)?;
    let test_metrics = match validation {
        Some(test) => Some(metrics(test)?),
        None => None,
    };

    // save and draw
    if let Some(path) = &args.save_model {
        let json = model.to_json_with_names(
            data.feature_names(),
            args.positive.as_ref().map(|_| data.class_names()),
        );
        with_output(Some(path), |w| writeln!(w, "{json}"))?;
    }
    if let Some(path) = &args.plot {
        // the legend's names are for the figure only: a saved model keeps the labels
        let named = |d: &Dataset| match &legend_names {
            Some([a, b]) => d.clone().with_class_names([a, b]),
            None => d.clone(),
        };
        let test = validation.map(named);
        crate::commands::figures::decision_surface(
            &model,
            &named(&train),
            test.as_ref(),
            args.plot_size,
            args.title.as_deref(),
            &image_options,
            path,
        )?;
    }
    if let Some(path) = &args.curves {
        crate::commands::figures::curves(&model, args.plot_size, &image_options, path)?;
    }

    let report = Report {
        data: DataSummary {
            path: args.data.display().to_string(),
            rows: data.n_samples(),
            features: data.feature_names().to_vec(),
            label: args.label.clone(),
            class_counts: data.class_counts(),
            class_names: args.positive.as_ref().map(|_| data.class_names().clone()),
        },
        settings,
        train: train_metrics,
        test: test_metrics,
        history: HistoryReport::of(model.history()),
        weights: serde_json::from_str(&model.to_json_with_names(
            data.feature_names(),
            args.positive.as_ref().map(|_| data.class_names()),
        ))
        .unwrap_or(Value::Null),
        training_seconds,
        outputs: Outputs {
            model: args.save_model.as_ref().map(|p| p.display().to_string()),
            plot: args.plot.as_ref().map(|p| p.display().to_string()),
            curves: args.curves.as_ref().map(|p| p.display().to_string()),
        },
    };
    if args.json {
        let text = serde_json::to_string(&report)
            .map_err(|e| CliError::Usage(format!("cannot format the report as JSON: {e}")))?;
        with_output(None, |w| writeln!(w, "{text}"))
    } else {
        let summary = summary(&report, &model);
        with_output(None, |w| w.write_all(summary.as_bytes()))
    }
}

/// The model kind: `--model`, else the kind of the `--init` weights, else
/// an MLP.
fn model_kind(args: &FitArgs, init: Option<&LoadedModel>) -> Result<ModelKind> {
    match (args.model, init, &args.init) {
        (Some(asked), Some(loaded), Some(path)) if asked != loaded.model.kind() => {
            Err(CliError::Usage(format!(
                "--model {} does not match --init {}, which holds {} weights",
                asked.key(),
                path.display(),
                loaded.model.kind().key()
            )))
        }
        (Some(asked), _, _) => Ok(asked),
        (None, Some(loaded), _) => Ok(loaded.model.kind()),
        (None, None, _) => Ok(ModelKind::Mlp),
    }
}

/// Builds and validates the trainer from the options, filling in the
/// library's defaults.
fn configure(
    args: &FitArgs,
    kind: ModelKind,
    init: Option<&LoadedModel>,
) -> Result<(Settings, Trainer)> {
    let defaults = match kind {
        ModelKind::Mlp => Training::MLP,
        ModelKind::Logistic => Training::LOGISTIC,
    };
    let epochs = match args.epochs {
        None => defaults.epochs,
        Some(e) => usize::try_from(e).map_err(|_| activation_lab::Error::InvalidParameter {
            name: "epochs".to_string(),
            value: e.to_string(),
            expected: format!("a whole number from 1 to {MAX_EPOCHS}"),
        })?,
    };
    if !(args.test_fraction.is_finite() && (0.0..1.0).contains(&args.test_fraction)) {
        return Err(activation_lab::Error::InvalidParameter {
            name: "test_fraction".to_string(),
            value: args.test_fraction.to_string(),
            expected: "a fraction in [0, 1), e.g. 0.25 (0 trains on every row)".to_string(),
        }
        .into());
    }
    let init_path = args.init.as_ref().map(|p| p.display().to_string());
    let mut settings = Settings {
        model: kind.key(),
        hidden_units: None,
        activation: None,
        optimizer: args.optimizer.unwrap_or(defaults.optimizer),
        learning_rate: args.learning_rate.unwrap_or(defaults.learning_rate),
        epochs,
        batch_size: args.batch_size.unwrap_or(defaults.batch_size),
        l2: args.l2.unwrap_or(defaults.l2),
        seed: args.seed,
        standardize: !args.no_standardize,
        shuffle: !args.no_shuffle,
        test_fraction: args.test_fraction,
        init: init_path.clone(),
    };
    let trainer = match kind {
        ModelKind::Logistic => {
            for (flag, given) in [
                ("--hidden-units", args.hidden_units.is_some()),
                ("--activation", args.activation.is_some()),
            ] {
                if given {
                    return Err(CliError::Usage(format!(
                        "{flag} applies to --model mlp only: logistic regression has no hidden layer"
                    )));
                }
            }
            let trainer = LogisticRegression::new().with_training(settings.training(defaults));
            trainer.validate()?;
            Trainer::Logistic(trainer)
        }
        ModelKind::Mlp => {
            let (hidden_units, activation) = match init.map(|l| (&l.model, l.names_activation)) {
                Some((Model::Mlp(m), names_activation)) => {
                    let path = init_path.as_deref().unwrap_or("the --init file");
                    if let Some(asked) = args.hidden_units
                        && asked != m.hidden_units()
                    {
                        return Err(CliError::Usage(format!(
                            "--hidden-units {asked} does not match --init {path}, which has {} hidden units",
                            m.hidden_units()
                        )));
                    }
                    let activation = match (args.activation, names_activation) {
                        (Some(asked), true) if asked != m.activation() => {
                            return Err(CliError::Usage(format!(
                                "--activation {asked} does not match --init {path}, whose activation is {}",
                                m.activation()
                            )));
                        }
                        (Some(asked), _) => asked,
                        (None, _) => m.activation(),
                    };
                    (m.hidden_units(), activation)
                }
                _ => (
                    args.hidden_units.unwrap_or(Mlp::DEFAULT_HIDDEN_UNITS),
                    args.activation.unwrap_or(Mlp::DEFAULT_ACTIVATION),
                ),
            };
            settings.hidden_units = Some(hidden_units);
            settings.activation = Some(activation);
            let trainer = Mlp::new()
                .hidden_units(hidden_units)
                .activation(activation)
                .with_training(settings.training(defaults));
            trainer.validate()?;
            Trainer::Mlp(trainer)
        }
    };
    Ok((settings, trainer))
}

fn settings_activation(settings: &Settings) -> Activation {
    settings.activation.unwrap_or(Mlp::DEFAULT_ACTIVATION)
}

/// Checks that a figure path ends in `.svg` or `.png`.
fn check_image_path(flag: &str, path: &Path) -> Result<()> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("svg" | "png" | "pdf") => Ok(()),
        _ => Err(CliError::Usage(format!(
            "{flag} {}: expected a file name ending in .svg, .png or .pdf",
            path.display()
        ))),
    }
}

/// Checks, before any work, that `path` can be written: its folder exists
/// and it is not itself a folder.
fn check_output_path(flag: &str, path: &Path) -> Result<()> {
    if path.is_dir() {
        return Err(CliError::Usage(format!(
            "{flag} {}: is a folder: expected a file name",
            path.display()
        )));
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(CliError::Usage(format!(
            "{flag} {}: the folder {} does not exist: create it first, or write somewhere else",
            path.display(),
            folder.display()
        )));
    }
    let read_only = std::fs::metadata(folder)
        .map(|m| m.permissions().readonly())
        .unwrap_or(false);
    if read_only {
        return Err(CliError::Usage(format!(
            "{flag} {}: the folder {} is read-only: write somewhere else",
            path.display(),
            folder.display()
        )));
    }
    Ok(())
}

/// Checks that the `--init` weights take as many inputs as the data has
/// feature columns.
fn check_init_features(model: &Model, init: &Path, data: &Dataset, data_path: &Path) -> Result<()> {
    let expected = data.n_features();
    let found = model.classifier().n_features();
    if expected == found {
        return Ok(());
    }
    let what = match model {
        Model::Logistic(_) => "weights",
        Model::Mlp(_) => "rows in hidden_weights",
    };
    Err(CliError::in_file(
        init,
        activation_lab::Error::ShapeMismatch {
            what: format!("{what} (one per feature column of {})", data_path.display()),
            expected,
            found,
        },
    ))
}

/// The human-readable summary printed without `--json`.
fn summary(report: &Report<'_>, model: &Model) -> String {
    let s = &report.settings;
    let d = &report.data;
    let mut out = String::new();
    let batch = if s.batch_size == 0 {
        "full batch".to_string()
    } else {
        format!("batch size {}", s.batch_size)
    };
    out.push_str(&format!(
        "model   {} ({}, learning rate {}, {} epochs, {batch}, l2 {}{})\n",
        model.describe(),
        s.optimizer,
        s.learning_rate,
        s.epochs,
        s.l2,
        if s.standardize { "" } else { ", raw inputs" },
    ));
    let class = |c: usize| match &d.class_names {
        Some(names) => format!("class {c} = {}", names[c]),
        None => format!("class {c}"),
    };
    out.push_str(&format!(
        "data    {}: {} rows ({} of {}, {} of {}), features {}\n",
        d.path,
        d.rows,
        d.class_counts[0],
        class(0),
        d.class_counts[1],
        class(1),
        d.features.join(", ")
    ));
    let line = |name: &str, m: &Metrics| {
        format!(
            "{name:<8}accuracy {:.4}, loss {:.4} on {} rows\n",
            m.accuracy, m.loss, m.rows
        )
    };
    out.push_str(&line("train", &report.train));
    match &report.test {
        Some(m) => out.push_str(&line("test", m)),
        None => out.push_str("test    none held out (--test-fraction 0)\n"),
    }
    out.push_str(&format!("time    {:.2} s\n", report.training_seconds));
    for (what, path) in [
        ("model", &report.outputs.model),
        ("plot", &report.outputs.plot),
        ("curves", &report.outputs.curves),
    ] {
        if let Some(path) = path {
            out.push_str(&format!("wrote   {what} to {path}\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_svg_and_png_figure_paths_are_accepted() {
        assert!(check_image_path("--plot", Path::new("a.svg")).is_ok());
        assert!(check_image_path("--plot", Path::new("dir/a.PNG")).is_ok());
        assert!(check_image_path("--plot", Path::new("a.pdf")).is_ok());
        let err = check_image_path("--plot", Path::new("a.jpg")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "--plot a.jpg: expected a file name ending in .svg, .png or .pdf"
        );
        assert!(check_image_path("--curves", Path::new("curves")).is_err());
    }
}
