//! A lecturer's CSV as the figures and widgets draw it.

use std::path::Path;

use activation_lab::Dataset;

use crate::error::{CliError, Result};
use crate::explore_args::OwnData;

/// The `--data` file with two feature columns (the `--features`, or the
/// file's only two), labels read as `fit` reads them, classes named by
/// `--class-names` if given.
///
/// # Errors
/// The errors of reading the file, an unknown feature, a file with other
/// than two features and no `--features`.
pub fn read(own: &OwnData, path: &Path) -> Result<Dataset> {
    let legend_names = crate::cli::class_names(&own.class_names)?;
    let data =
        Dataset::from_csv_path_with_classes(path, own.label.as_deref(), own.positive.as_deref())
            .map_err(|e| CliError::in_file(path, e))?;
    let data = match &own.features {
        Some(names) => {
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            if names.len() != 2 {
                return Err(CliError::Usage(format!(
                    "--features {}: expected two feature columns (the figures show a plane), e.g. --features {}",
                    names.join(","),
                    data.feature_names()
                        .iter()
                        .take(2)
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(",")
                )));
            }
            data.select_features(&names)
                .map_err(|e| CliError::in_file(path, e))?
        }
        None => data,
    };
    let data = match &legend_names {
        Some([a, b]) => data.with_class_names([a, b]),
        None => data,
    };
    if data.n_features() != 2 {
        return Err(CliError::Usage(format!(
            "{} has {} feature columns ({}): choose the two to draw with --features A,B",
            path.display(),
            data.n_features(),
            data.feature_names().join(", ")
        )));
    }
    Ok(data)
}
