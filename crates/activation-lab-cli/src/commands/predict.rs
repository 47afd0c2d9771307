//! `activation-lab predict`: classify the rows of a CSV file with a saved model.

use activation_lab::Dataset;
use activation_lab::data::features_from_csv_path;
use activation_lab::prelude::Array2;

use crate::cli::PredictArgs;
use crate::error::{CliError, Result};
use crate::model_file::Model;
use crate::output::with_output;

/// Loads the model and the rows, and writes one prediction per row to stdout.
///
/// A CSV with exactly the model's number of feature columns is read as
/// features only; one with one more column (or with `--label`) is read as
/// labelled data, whose label column is checked, left out of the inputs,
/// and used to report the accuracy on stderr.
///
/// # Errors
/// Unreadable or malformed files, and a column count that fits neither form.
pub fn run(args: &PredictArgs) -> Result<()> {
    let model = Model::load(&args.model)?.model;
    let classifier = model.classifier();
    let d = classifier.n_features();
    let (names, table) =
        features_from_csv_path(&args.data).map_err(|e| CliError::in_file(&args.data, e))?;
    let columns = names.len();

    let labelled = if columns == d + 1 {
        Some(
            Dataset::from_csv_path(&args.data, args.label.as_deref())
                .map_err(|e| CliError::in_file(&args.data, e))?,
        )
    } else if columns == d {
        if let Some(label) = &args.label {
            return Err(CliError::Usage(format!(
                "--label {label}: {} has {columns} columns, all of which the model takes as features",
                args.data.display()
            )));
        }
        None
    } else {
        return Err(CliError::Usage(format!(
            "{} has {columns} columns ({}): the model in {} expects {d} feature {}, \
             optionally followed by a 0/1 label column",
            args.data.display(),
            names.join(", "),
            args.model.display(),
            if d == 1 { "column" } else { "columns" }
        )));
    };
    let x: &Array2<f64> = match &labelled {
        Some(data) => data.features(),
        None => &table,
    };

    let text = if args.proba {
        let p = classifier.predict_proba(x)?;
        let mut text = String::from("probability\n");
        for v in &p {
            text.push_str(&format!("{v}\n"));
        }
        text
    } else {
        let y = classifier.predict(x)?;
        let mut text = String::from("prediction\n");
        for v in &y {
            text.push_str(&format!("{v}\n"));
        }
        text
    };
    with_output(None, |w| w.write_all(text.as_bytes()))?;

    if let Some(data) = &labelled
        && !args.quiet
    {
        eprintln!(
            "accuracy {:.4} on {} labelled rows ({})",
            classifier.accuracy(data)?,
            data.n_samples(),
            model.describe()
        );
    }
    Ok(())
}
