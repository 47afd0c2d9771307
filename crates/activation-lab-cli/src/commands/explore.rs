//! `activation-lab explore`: one interactive figure as a standalone page.

use activation_lab::{
    Classifier, Dataset, LogisticModel, LogisticRegression, Mlp, MlpModel, Widget, WidgetKind,
    data::{blobs, moons},
    explore::{
        explore_activations, explore_hidden_units, explore_logistic, explore_net_input,
        explore_sigmoid, explore_training,
    },
};

use crate::error::{CliError, Result};
use crate::explore_args::ExploreArgs;
use crate::model_file::Model;

/// Builds the widget `KIND` (on `--data` or the notebooks' data, with
/// `--model` where it takes one) and writes it to `--out`.
///
/// # Errors
/// A `--model` the widget cannot use, the errors of reading the data, of
/// training, and of writing the page.
pub fn run(args: &ExploreArgs) -> Result<()> {
    if args.model.is_some()
        && matches!(
            args.kind,
            WidgetKind::Sigmoid | WidgetKind::Training | WidgetKind::Activations
        )
    {
        return Err(CliError::Usage(format!(
            "--model: the {} widget takes no model (it trains its own or has none); \
             --model goes with net-input, logistic or hidden-units",
            args.kind
        )));
    }
    if args.own.data.is_some() && matches!(args.kind, WidgetKind::NetInput | WidgetKind::Sigmoid) {
        return Err(CliError::Usage(format!(
            "--data: the {} widget shows no data; --data goes with logistic, training, \
             hidden-units or activations",
            args.kind
        )));
    }
    check_out(args)?;
    let widget = build(args)?;
    widget.save(&args.out)?;
    if !args.quiet {
        eprintln!(
            "wrote the {} widget ({} KB) to {}: open it in a browser",
            args.kind,
            widget.to_html().len().div_ceil(1024),
            args.out.display()
        );
    }
    Ok(())
}

/// The folder of `--out` exists, before anything is trained.
fn check_out(args: &ExploreArgs) -> Result<()> {
    if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        return Err(CliError::Usage(format!(
            "--out {}: the folder {} does not exist",
            args.out.display(),
            dir.display()
        )));
    }
    Ok(())
}

fn build(args: &ExploreArgs) -> Result<Widget> {
    let seed = args.seed;
    let model = match &args.model {
        Some(path) => Some((path, Model::load(path)?.model)),
        None => None,
    };
    let data = |default: &dyn Fn() -> activation_lab::Result<Dataset>| -> Result<Dataset> {
        match &args.own.data {
            Some(path) => crate::own_data::read(&args.own, path),
            None => Ok(default()?),
        }
    };
    Ok(match args.kind {
        WidgetKind::NetInput => {
            let (w, b) = match &model {
                Some((path, m)) => {
                    let m = logistic(path, m)?;
                    if m.weights().len() != 2 {
                        return Err(CliError::Usage(format!(
                            "--model {}: the net-input widget needs 2 weights, the model has {}",
                            path.display(),
                            m.weights().len()
                        )));
                    }
                    ([m.weights()[0], m.weights()[1]], m.bias())
                }
                None => ([0.5, 1.5], 0.25),
            };
            explore_net_input(w, b, (-3.0, 3.0), (-3.0, 3.0))?
        }
        WidgetKind::Sigmoid => explore_sigmoid(1.0)?,
        WidgetKind::Logistic => {
            let data = data(&|| blobs(300, 0.7, seed))?;
            let trained = match &model {
                Some((path, m)) => logistic(path, m)?,
                None => LogisticRegression::new().seed(seed).fit(&data)?,
            };
            explore_logistic(&data, &trained)?
        }
        WidgetKind::Training => {
            let (train, test) = data(&|| moons(1000, 0.2, seed))?.split(0.3, seed)?;
            let settings = Mlp::new().hidden_units(200).seed(seed);
            explore_training(&settings, &train, &test, args.every)?
        }
        WidgetKind::HiddenUnits => {
            let (train, test) = data(&|| moons(1000, 0.2, seed))?.split(0.3, seed)?;
            let mlp = match &model {
                Some((path, m)) => mlp(path, m)?,
                None => Mlp::new().hidden_units(200).seed(seed).fit(&train)?,
            };
            if mlp.n_features() != train.n_features() {
                return Err(CliError::Usage(format!(
                    "--model: the model takes {} inputs, the data has {} feature columns",
                    mlp.n_features(),
                    train.n_features()
                )));
            }
            explore_hidden_units(&mlp, &train, &test)?
        }
        WidgetKind::Activations => explore_activations(&data(&|| moons(300, 0.1, seed))?, seed)?,
    })
}

fn logistic(path: &std::path::Path, m: &Model) -> Result<LogisticModel> {
    match m {
        Model::Logistic(m) => Ok(m.clone()),
        Model::Mlp(_) => Err(CliError::Usage(format!(
            "--model {}: this widget needs logistic regression ({{\"weights\", \"bias\"}}), the file holds an MLP",
            path.display()
        ))),
    }
}

fn mlp(path: &std::path::Path, m: &Model) -> Result<MlpModel> {
    match m {
        Model::Mlp(m) => Ok(m.clone()),
        Model::Logistic(_) => Err(CliError::Usage(format!(
            "--model {}: the hidden-units widget needs an MLP ({{\"hidden_weights\", ...}}), the file holds logistic regression",
            path.display()
        ))),
    }
}
