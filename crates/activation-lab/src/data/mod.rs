//! Datasets: a validated table of 2-class data, toy generators, CSV input and
//! output, a train/test split and a standardiser.
//!
//! A [`Dataset`] holds `n` rows of `d` finite features (`[n, d]`) and one
//! label per row, 0 or 1. It is checked once, when it is built, so every
//! model and figure downstream can trust it.
//!
//! # Which data?
//!
//! The article's own datasets are not published. Raschka's related material
//! uses half-moons (scikit-learn's `make_moons`), XOR and concentric circles
//! for the non-linear case, and two blobs (or an Iris subset) for the linear
//! case. The generators here follow those conventions:
//!
//! | generator | linearly separable? | default noise |
//! |---|---|---|
//! | [`blobs`] | yes (almost, at the default noise) | 0.6 |
//! | [`moons`] | no | 0.2 |
//! | [`circles`] | no | 0.1 |
//! | [`xor`] | no | 0.0 |
//! | [`spirals`] | no (an extension, harder) | 0.05 |
//!
//! Every generator takes a seed: the same seed gives the same rows, on every
//! platform. Rows are shuffled and the classes are balanced (`n / 2` rows of
//! class 0, the rest class 1).
//!
//! ```
//! # fn main() -> activation_lab::Result<()> {
//! use activation_lab::data::{moons, Standardizer};
//!
//! let data = moons(200, 0.2, 42)?;
//! let (train, test) = data.split(0.25, 7)?;
//! let scaler = Standardizer::fit_dataset(&train)?;
//! let train = scaler.transform_dataset(&train)?;
//! assert_eq!((train.n_samples(), test.n_samples()), (150, 50));
//! assert_eq!(train.class_counts(), [75, 75]);
//! # Ok(())
//! # }
//! ```

mod classes;
mod columns;
mod csv_features;
mod csv_labels;
mod csv_messages;
mod csv_read;
mod csv_rows;
mod csv_write;
mod dataset;
mod generators;
mod kind;
mod split;
mod standardize;
#[cfg(test)]
mod test_support;

pub use csv_features::{csv_column_names, features_from_csv_path, features_from_csv_reader};
pub use dataset::Dataset;
pub use generators::{CIRCLES_FACTOR, blobs, circles, circles_with_factor, moons, spirals, xor};
pub use kind::DatasetKind;
pub use standardize::Standardizer;
