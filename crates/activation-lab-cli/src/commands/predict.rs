//! `activation-lab predict`: classify the rows of a CSV file with a saved model.

use activation_lab::Dataset;
use activation_lab::data::{csv_column_names, features_from_csv_path};
use activation_lab::prelude::{Array2, Axis};

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
    let loaded = Model::load(&args.model)?;
    let model = loaded.model;
    let classifier = model.classifier();
    let d = classifier.n_features();
    let names = csv_column_names(&args.data).map_err(|e| CliError::in_file(&args.data, e))?;
    let columns = names.len();
    // with the model's feature names, the one other column is the label
    let label = args.label.clone().or_else(|| match &loaded.feature_names {
        Some(trained) if columns == d + 1 => {
            let extra: Vec<&String> = names.iter().filter(|n| !trained.contains(n)).collect();
            (extra.len() == 1).then(|| extra[0].clone())
        }
        _ => None,
    });

    let labelled = if columns == d + 1 {
        // 0/1 labels, or the class names given or saved with the model
        let read = |positive: Option<&str>| {
            Dataset::from_csv_path_with_classes(&args.data, label.as_deref(), positive)
                .map_err(|e| CliError::in_file(&args.data, e))
        };
        let saved = loaded.class_names.as_ref().map(|c| c[1].as_str());
        Some(match (args.positive.as_deref(), saved) {
            (Some(p), _) => read(Some(p))?,
            (None, Some(p)) => read(None).or_else(|first| read(Some(p)).map_err(|_| first))?,
            (None, None) => read(None)?,
        })
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
    let table;
    let (found, x): (Vec<String>, &Array2<f64>) = match &labelled {
        Some(data) => (data.feature_names().to_vec(), data.features()),
        None => {
            table = features_from_csv_path(&args.data)
                .map_err(|e| CliError::in_file(&args.data, e))?
                .1;
            (names.clone(), &table)
        }
    };
    // the columns must be the ones the model was trained on: by name, in
    // any order (a spreadsheet may have moved them)
    let reordered;
    let (x, labelled) = match &loaded.feature_names {
        Some(trained) if *trained != found => {
            let order = column_order(trained, &found).ok_or_else(|| {
                CliError::Usage(format!(
                    "{} has the feature columns ({}), but the model in {} was trained on ({}): \
                     expected the same names, in any order",
                    args.data.display(),
                    found.join(", "),
                    args.model.display(),
                    trained.join(", ")
                ))
            })?;
            if !args.quiet {
                eprintln!(
                    "note: columns taken in the model's order ({}), not the file's ({})",
                    trained.join(", "),
                    found.join(", ")
                );
            }
            reordered = x.select(Axis(1), &order);
            let data = match labelled {
                Some(d) => Some(Dataset::new(reordered.clone(), d.labels().clone())?),
                None => None,
            };
            (&reordered, data)
        }
        _ => (x, labelled.clone()),
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

/// For each of the model's feature names, its column in the file; `None`
/// unless the file has exactly the same names.
fn column_order(trained: &[String], found: &[String]) -> Option<Vec<usize>> {
    if trained.len() != found.len() {
        return None;
    }
    trained
        .iter()
        .map(|name| found.iter().position(|f| f == name))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn columns_are_matched_by_name() {
        assert_eq!(
            column_order(&names(&["a", "b"]), &names(&["b", "a"])),
            Some(vec![1, 0])
        );
        assert_eq!(column_order(&names(&["a", "b"]), &names(&["a", "c"])), None);
        assert_eq!(column_order(&names(&["a", "b"]), &names(&["a"])), None);
    }
}
