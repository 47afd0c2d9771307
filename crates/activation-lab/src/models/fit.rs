//! The one training front end of both models: check the data,
//! standardise, train, fold the standardisation back into the weights.

use ndarray::{ArrayViewMut1, ArrayViewMut2, Axis};

use super::checks::check_validation;
use super::history::History;
use super::settings::Training;
use super::train::{self, Network};
use crate::data::{Dataset, Standardizer};
use crate::error::{Error, Result};
use crate::rng::ChaCha8Rng;

/// Options for `fit_with` of [`Mlp`](crate::Mlp) (`FitOptions<'_>`) and
/// [`LogisticRegression`](crate::LogisticRegression)
/// (`FitOptions<'_, LogisticModel>`): validation data, starting weights,
/// and an observer called every `observe_every` epochs.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let (train, test) = moons(200, 0.2, 0)?.split(0.25, 0)?;
/// let mut epochs = Vec::new();
/// let mut observe = |epoch: usize, _: &LogisticModel| epochs.push(epoch);
/// let model = LogisticRegression::new().epochs(4).fit_with(
///     &train,
///     FitOptions { validation: Some(&test), observe_every: 2, observer: Some(&mut observe), ..FitOptions::default() },
/// )?;
/// assert_eq!(model.history().validation_loss.len(), 4);
/// assert_eq!(epochs, vec![0, 2, 4]);
/// # Ok(())
/// # }
/// ```
pub struct FitOptions<'a, M = crate::MlpModel> {
    /// Data on which loss and accuracy are recorded after every epoch.
    pub validation: Option<&'a Dataset>,
    /// Weights to start from instead of the model's own initialisation.
    pub init: Option<&'a M>,
    /// Call the observer every this many epochs (0 = never); it is also
    /// called for the starting weights (epoch 0) and the last epoch.
    pub observe_every: usize,
    /// Receives `(epoch, model so far)`; the model acts on raw inputs.
    #[allow(clippy::type_complexity)]
    pub observer: Option<&'a mut dyn FnMut(usize, &M)>,
}

impl<M> Default for FitOptions<'_, M> {
    fn default() -> Self {
        FitOptions {
            validation: None,
            init: None,
            observe_every: 0,
            observer: None,
        }
    }
}

/// A network that the front end can train, and the fitted model it
/// becomes.
pub(crate) trait Trainable: Network + Clone {
    /// The fitted model.
    type Model;
    /// What a starting model's feature count is called in errors.
    const INIT_FEATURES: &'static str;
    /// The number of features `model` expects.
    fn model_features(model: &Self::Model) -> usize;
    /// The network holding `model`'s weights.
    fn from_model(model: &Self::Model) -> Self;
    /// The fitted model holding the network's weights.
    fn into_model(self, history: History) -> Self::Model;
    /// The weights `[d, h]` and biases `[h]` that act on the inputs.
    fn first_layer(&mut self) -> (ArrayViewMut2<'_, f64>, ArrayViewMut1<'_, f64>);
}

/// Trains a network on `train`: checks the data (then `check_size(d, n)`),
/// standardises the inputs if asked, starts from `options.init` or from
/// `fresh(d, rng)`, trains, and returns the model acting on raw inputs.
pub(crate) fn fit<N: Trainable>(
    settings: &Training,
    train: &Dataset,
    options: FitOptions<'_, N::Model>,
    check_size: impl FnOnce(usize, usize) -> Result<()>,
    fresh: impl FnOnce(usize, &mut ChaCha8Rng) -> N,
) -> Result<N::Model> {
    let FitOptions {
        validation,
        init,
        observe_every,
        mut observer,
    } = options;
    train.check_trainable("the training data")?;
    let d = train.n_features();
    check_validation(validation, d)?;
    if let Some(m) = init
        && N::model_features(m) != d
    {
        return Err(Error::shape(N::INIT_FEATURES, d, N::model_features(m)));
    }
    check_size(d, train.n_samples())?;

    // standardise (or not); starting weights follow the inputs
    let scaler = if settings.standardize {
        Some(Standardizer::fit_dataset(train)?)
    } else {
        None
    };
    let scale = |x: &ndarray::Array2<f64>| match &scaler {
        Some(s) => s.transform(x),
        None => Ok(x.clone()),
    };
    let x = scale(train.features())?;
    let xv = match validation {
        Some(v) => Some((scale(v.features())?, v.labels().clone())),
        None => None,
    };

    let mut rng = crate::rng::seeded(settings.seed);
    let mut net = match init {
        Some(m) => {
            let mut net = N::from_model(m);
            if let Some(s) = &scaler {
                let (w, b) = net.first_layer();
                weights_to_standardized(w, b, s);
            }
            net
        }
        None => fresh(d, &mut rng),
    };
    let to_model = |net: &N, history: History| {
        let mut raw = net.clone();
        if let Some(s) = &scaler {
            let (w, b) = raw.first_layer();
            weights_to_raw(w, b, s);
        }
        raw.into_model(history)
    };

    if let (Some(f), true) = (observer.as_mut(), observe_every > 0) {
        f(0, &to_model(&net, History::default()));
    }
    let last = settings.epochs;
    let mut observe = |epoch: usize, net: &N| {
        if let Some(f) = observer.as_mut()
            && observe_every > 0
            && (epoch.is_multiple_of(observe_every) || epoch == last)
        {
            f(epoch, &to_model(net, History::default()));
        }
    };
    let history = train::train(
        &mut net,
        &x,
        train.labels(),
        xv.as_ref().map(|(x, y)| (x, y)),
        settings,
        &mut rng,
        &mut observe,
    )?;
    Ok(to_model(&net, history))
}

/// Checks that recording a model every `every` of `epochs` epochs fits the
/// memory budget (`per_model` bytes each; `what` names the run, as in
/// "300 epochs of 200 hidden units").
pub(crate) fn check_recording(
    every: usize,
    epochs: usize,
    per_model: u128,
    what: &str,
) -> Result<()> {
    if every == 0 {
        return Err(Error::param("every", every, "a whole number ≥ 1"));
    }
    // one model kept per `every` epochs, plus the first and the last
    let snapshots = (epochs / every) as u128 + 2;
    let budget = u128::from(crate::limits::MEMORY_BUDGET);
    if snapshots * per_model <= budget {
        return Ok(());
    }
    let fits = (budget / per_model).saturating_sub(2).max(1);
    let least = (epochs as u128).div_ceil(fits);
    Err(Error::param(
        "every",
        every,
        &format!(
            "at least {least} for {what}: every {every} epochs records {snapshots} models, \
             about {} of memory, more than the {} a call may use",
            crate::limits::bytes(snapshots * per_model),
            crate::limits::bytes(budget)
        ),
    ))
}

/// Trains with `fit_with` and keeps a copy of the model every `every`
/// epochs (epoch 0 and the last epoch included).
pub(crate) fn fit_recording<M: Clone>(
    every: usize,
    fit_with: impl FnOnce(FitOptions<'_, M>) -> Result<M>,
) -> Result<(M, Vec<(usize, M)>)> {
    let mut frames = Vec::new();
    let mut record = |epoch: usize, model: &M| frames.push((epoch, model.clone()));
    let model = fit_with(FitOptions {
        observe_every: every,
        observer: Some(&mut record),
        ..FitOptions::default()
    })?;
    Ok((model, frames))
}

/// Rewrites first-layer weights `w` (`[d, h]`) and biases `b` (`[h]`) that
/// act on raw inputs into the equivalent ones acting on standardised inputs:
///
/// ```text
/// x·w + b = ((x − μ)/s)·(s∘w) + (b + μ·w)
/// ```
pub(crate) fn weights_to_standardized(
    mut w: ArrayViewMut2<'_, f64>,
    mut b: ArrayViewMut1<'_, f64>,
    scaler: &Standardizer,
) {
    for ((mut row, &mu), &s) in w
        .axis_iter_mut(Axis(0))
        .zip(scaler.mean())
        .zip(scaler.scale())
    {
        b.scaled_add(mu, &row);
        row *= s;
    }
}

/// The inverse of [`weights_to_standardized`]: weights learned on
/// standardised inputs rewritten to act on raw inputs, so a fitted model
/// never needs the scaler.
pub(crate) fn weights_to_raw(
    mut w: ArrayViewMut2<'_, f64>,
    mut b: ArrayViewMut1<'_, f64>,
    scaler: &Standardizer,
) {
    for ((mut row, &mu), &s) in w
        .axis_iter_mut(Axis(0))
        .zip(scaler.mean())
        .zip(scaler.scale())
    {
        row /= s;
        b.scaled_add(-mu, &row);
    }
}
