//! The options of `activation-lab explore`, and the `--data` options it
//! shares with `figures`.

use std::path::PathBuf;

use activation_lab::WidgetKind;
use clap::Args;

use crate::cli::parse_class_name;

/// A lecturer's CSV instead of the built-in data (`figures`, `explore`).
#[derive(Debug, Args)]
pub struct OwnData {
    /// Use this CSV (header row, numeric feature columns, a label column)
    /// instead of the built-in data.
    #[arg(long, value_name = "FILE.csv")]
    pub data: Option<PathBuf>,

    /// With --data: the label column [default: the last column].
    #[arg(long, value_name = "COLUMN", requires = "data")]
    pub label: Option<String>,

    /// With --data: the label that is class 1, for labels that are class
    /// names or numbers other than 0/1 (the other value is class 0).
    #[arg(long, value_name = "NAME", requires = "data")]
    pub positive: Option<String>,

    /// With --data: the two feature columns to draw, when the file has more.
    #[arg(long, value_name = "A,B", value_delimiter = ',', requires = "data")]
    pub features: Option<Vec<String>>,

    /// With --data: the two classes' names in the legends, class 0 first.
    #[arg(long, value_name = "NAME0,NAME1", value_delimiter = ',', requires = "data", value_parser = parse_class_name)]
    pub class_names: Option<Vec<String>>,
}

/// Options of `activation-lab explore`.
#[derive(Debug, Args)]
#[command(after_help = explore_after_help())]
pub struct ExploreArgs {
    /// Which widget: net-input, sigmoid, logistic, training, hidden-units or
    /// activations.
    #[arg(value_name = "KIND", value_parser = parse_widget)]
    pub kind: WidgetKind,

    /// The page to write (one self-contained .html file).
    #[arg(long, value_name = "FILE.html")]
    pub out: PathBuf,

    #[command(flatten)]
    pub own: OwnData,

    /// A saved model (`fit --save-model`): its weights for net-input, the
    /// trained weights of logistic, the network of hidden-units.
    #[arg(long, value_name = "FILE.json")]
    pub model: Option<PathBuf>,

    /// The seed of the built-in data, the split and every model trained.
    #[arg(long, value_name = "S", allow_hyphen_values = true, default_value_t = EXPLORE_SEED)]
    pub seed: u64,

    /// training: record the decision surface every this many epochs.
    #[arg(long, value_name = "K", default_value_t = 5)]
    pub every: usize,

    /// Print nothing.
    #[arg(long, short)]
    pub quiet: bool,
}

/// The seed of `explore`'s built-in data and models (the notebooks').
pub const EXPLORE_SEED: u64 = 42;

fn explore_after_help() -> String {
    "\
Writes one interactive figure as a standalone HTML page: no network, no
files beside it; open it in any browser, from disk. The controls are
sliders and buttons (keyboard-operable); the numbers shown are computed as
the crate computes them.

Kinds and their data (without --data, the notebooks' built-in data, seed 42):
  net-input     sliders w1, w2, b over the plane; z at a clicked point
                (--model: start from a logistic model's weights)
  sigmoid       a point moving on the sigmoid and its derivative
  logistic      w1, w2, b by hand over data (default: 300 blobs) with live
                accuracy and log-loss; a button shows the trained weights
                (--model: those weights instead of training here)
  training      the 200-unit MLP's training, every --every epochs
                (default: 1000 moons, 30 % held out for testing)
  hidden-units  keep the k strongest hidden units of a trained MLP
                (--model: your MLP instead of training here)
  activations   identity, sigmoid, tanh, ReLU x 1, 2, 4, 200 units, trained
                here (default: 300 moons)

Examples:
  activation-lab explore logistic --out logistic.html
  activation-lab explore training --every 5 --out training.html
  activation-lab explore hidden-units --data iris.csv --label species \\
      --positive virginica --features petal_length,petal_width --out units.html
  activation-lab explore hidden-units --model mlp.json --data moons.csv --out units.html"
        .to_string()
}

fn parse_widget(s: &str) -> Result<WidgetKind, String> {
    WidgetKind::from_name(s).map_err(|e| e.to_string())
}
