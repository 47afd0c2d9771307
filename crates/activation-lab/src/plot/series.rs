//! The data and the trained models behind the series' data-driven figures:
//! on the built-in half-moons, or on a lecturer's own dataset.

use super::checks::check_plane_data;
use super::grids::{ModelGrid, fit_activations_by_widths, fit_models_by_datasets};
use super::hidden_units::distinct_hidden_units;
use crate::activation::Activation;
use crate::claims::boundary_bend;
use crate::data::{Dataset, blobs, circles, moons, xor};
use crate::error::{Error, Result};
use crate::limits::MAX_SERIES_ROWS;
use crate::models::{FitOptions, LogisticModel, LogisticRegression, Mlp, MlpModel};
use crate::notebook::best_line_accuracy;

/// The seed of every dataset, split and model of the exported set.
pub const SERIES_SEED: u64 = 7;

/// Epochs of the MLP of figures 06b, 09, 10 and 12 (the animation plays
/// this very run, recorded every [`Series::FRAME_EVERY`] epochs).
pub(crate) const SERIES_EPOCHS: usize = 150;

/// Epochs of the MLPs in the comparison grids (11a, 11b): enough for the
/// 200-unit sigmoid networks to bend on 140 training points.
const GRID_EPOCHS: usize = 300;

/// The noise of the series' half-moons: the tips overlap a little, no
/// straight line separates them (about 87 % at best), a curve does.
const MOONS_NOISE: f64 = 0.1;

/// Directions [`best_line_accuracy`] tries when a description says whether
/// a straight line separates a lecturer's data.
const LINE_DIRECTIONS: usize = 360;

/// The data and the trained models behind every data-driven figure that
/// [`export_all`](super::export::export_all) writes, so that what a figure
/// claims can be asserted on exactly what it shows (the crate's `claims`
/// tests do).
#[derive(Debug, Clone)]
pub struct Series {
    /// The data of figures 05, 06, 09, 10 and 12: half-moons, 1000 points,
    /// noise 0.1 ("upper moon" is class 0), or the lecturer's own
    /// ([`Series::fit_on`]).
    pub data: Dataset,
    /// The 75 % of `data` the models are trained on.
    pub train: Dataset,
    /// The 25 % held out (hollow points in the figures).
    pub test: Dataset,
    /// What figure 05 says about `data`: whether a straight line separates
    /// it.
    pub data_description: String,
    /// Logistic regression on `train` (06a).
    pub logistic: LogisticModel,
    /// The 200-unit sigmoid MLP on `train` (06b, 09, 10; the animation's
    /// last frame).
    pub mlp: MlpModel,
    /// Whether the MLP's boundary on `train` is curved (what 06b's title
    /// and 12's description say).
    pub mlp_is_curved: bool,
    /// The same training run, every few epochs: `(epoch, model)` (12).
    pub frames: Vec<(usize, MlpModel)>,
    /// The hidden units the gallery draws (10).
    pub gallery_units: Vec<usize>,
    /// Models × datasets (11a).
    pub models_by_datasets: ModelGrid,
    /// Activations × widths on `data`'s kind of data (11b).
    pub activations_by_widths: ModelGrid,
}

/// The models of figures 06, 09, 10 and 12, trained on one split.
struct Models {
    logistic: LogisticModel,
    mlp: MlpModel,
    frames: Vec<(usize, MlpModel)>,
    gallery_units: Vec<usize>,
    mlp_is_curved: bool,
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
        let grid_sets = [
            blobs(300, 0.6, seed)?,
            moons(300, MOONS_NOISE, seed)?,
            circles(300, 0.1, seed)?,
            xor(300, 0.0, seed)?,
        ];
        let widths_data = moons(300, MOONS_NOISE, seed)?;
        let description = "The half-moons data: not linearly separable.".to_string();
        Self::assemble(data, description, &grid_sets, &widths_data, seed)
    }

    /// The series on a lecturer's own two-feature dataset: figures 05, 06,
    /// 09, 10 and 12 show `data`; the models × datasets grid (11a) puts it
    /// beside the built-in moons, circles and XOR, and the activations ×
    /// widths grid (11b) is trained on it. What the titles and
    /// descriptions say (a curved boundary, a line that separates the
    /// data or not) is measured on these models, not assumed.
    ///
    /// ```
    /// use activation_lab::prelude::*;
    /// # fn main() -> activation_lab::Result<()> {
    /// let mine = blobs(120, 0.6, 3)?.with_name("my blobs");
    /// let series = Series::fit_on(&mine, 3)?;
    /// assert_eq!(series.data.name(), "my blobs");
    /// assert_eq!(series.models_by_datasets.columns[0], "my blobs");
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    /// [`Error::ShapeMismatch`](crate::error::Error::ShapeMismatch) unless
    /// `data` has exactly two feature columns, [`Error::TooLarge`] above
    /// [`MAX_SERIES_ROWS`] rows, [`Error::Empty`](crate::error::Error::Empty)
    /// or [`Error::SingleClass`](crate::error::Error::SingleClass) for data
    /// that cannot be trained on, and the errors of splitting and training
    /// (a class with a single row cannot be split).
    pub fn fit_on(data: &Dataset, seed: u64) -> Result<Self> {
        check_plane_data(data, "the data")?;
        if data.n_samples() > MAX_SERIES_ROWS {
            return Err(Error::too_large(
                "the data",
                format!("{} rows", data.n_samples()),
                format!(
                    "at most {MAX_SERIES_ROWS} rows: the series trains about 19 networks on them; \
                     draw a sample (Dataset::select, or fewer rows in the file)"
                ),
            ));
        }
        data.check_trainable("the data")?;
        let grid_sets = [
            data.clone(),
            moons(300, MOONS_NOISE, seed)?,
            circles(300, 0.1, seed)?,
            xor(300, 0.0, seed)?,
        ];
        let best = best_line_accuracy(data, LINE_DIRECTIONS)?;
        let description = if best >= 1.0 {
            format!(
                "The {} data: a straight line separates the classes.",
                data.name()
            )
        } else {
            format!(
                "The {} data: no straight line separates the classes (the best found classifies {:.1} % correctly).",
                data.name(),
                100.0 * best
            )
        };
        Self::assemble(data.clone(), description, &grid_sets, data, seed)
    }

    fn assemble(
        data: Dataset,
        data_description: String,
        grid_sets: &[Dataset],
        widths_data: &Dataset,
        seed: u64,
    ) -> Result<Self> {
        let (train, test) = data.split(0.25, seed)?;
        let models = fit_models(&train, &test, seed)?;
        let models_by_datasets = fit_models_by_datasets(grid_sets, GRID_EPOCHS, seed)?;
        let activations_by_widths = fit_activations_by_widths(
            widths_data,
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
            data_description,
            logistic: models.logistic,
            mlp: models.mlp,
            mlp_is_curved: models.mlp_is_curved,
            frames: models.frames,
            gallery_units: models.gallery_units,
            models_by_datasets,
            activations_by_widths,
        })
    }
}

/// Logistic regression and the 200-unit MLP on `train` (validated on
/// `test`, recorded every [`Series::FRAME_EVERY`] epochs), the gallery's
/// units and whether the MLP's boundary bends.
fn fit_models(train: &Dataset, test: &Dataset, seed: u64) -> Result<Models> {
    let logistic = LogisticRegression::new().seed(seed).fit(train)?;
    let settings = Mlp::new()
        .hidden_units(200)
        .learning_rate(0.03)
        .epochs(SERIES_EPOCHS)
        .seed(seed);
    let mut frames = Vec::new();
    let mut record = |epoch: usize, model: &MlpModel| frames.push((epoch, model.clone()));
    let mlp = settings.fit_with(
        train,
        FitOptions {
            validation: Some(test),
            observe_every: Series::FRAME_EVERY,
            observer: Some(&mut record),
            ..FitOptions::default()
        },
    )?;
    let gallery_units = distinct_hidden_units(&mlp, train, 5)?;
    let mlp_is_curved = boundary_bend(&mlp, train)?.is_curved();
    Ok(Models {
        logistic,
        mlp,
        frames,
        gallery_units,
        mlp_is_curved,
    })
}
