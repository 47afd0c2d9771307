//! The widgets over trained networks: a training run epoch by epoch, the
//! strongest hidden units of an MLP, and MLPs by activation and width.

use serde_json::{Value, json};

use super::reference::Reference;
use super::spec::{self, LIVE_CELLS, RECORDED_CELLS};
use super::weights::check_rows;
use super::widget::{Widget, WidgetKind};
use crate::activation::Activation;
use crate::data::Dataset;
use crate::error::{Error, Result};
use crate::models::{Classifier, FitOptions, Mlp, MlpModel};
use crate::plot::{
    DecisionSurface, GridModel, ModelGrid, fit_activations_by_widths, strongest_hidden_units,
};

/// The activations of [`explore_activations`]: rows of its grid.
pub const EXPLORE_ACTIVATIONS: [Activation; 4] = [
    Activation::Identity,
    Activation::Sigmoid,
    Activation::Tanh,
    Activation::Relu,
];

/// The widths of [`explore_activations`]: columns of its grid.
pub const ACTIVATION_WIDTHS: [usize; 4] = [1, 2, 4, 200];

/// Epochs of each network of [`explore_activations`] (as the series'
/// activations × widths figure).
const ACTIVATIONS_EPOCHS: usize = 300;

/// The most frames a training widget records (its page holds them all).
const MAX_FRAMES: usize = 201;

/// The most hidden units a widget's network may have: the hidden-units
/// page keeps every unit's output on its grid (40 KB a unit) and one
/// button per unit.
pub const MAX_WIDGET_UNITS: usize = 1000;

/// [`Error::TooLarge`] above [`MAX_WIDGET_UNITS`] hidden units.
fn check_units(units: usize) -> Result<()> {
    if units > MAX_WIDGET_UNITS {
        return Err(Error::too_large(
            "the model's hidden units",
            units,
            format!("at most {MAX_WIDGET_UNITS} hidden units, which a page can hold and draw"),
        ));
    }
    Ok(())
}

/// Activations the browser's forward pass computes.
const BROWSER_ACTIVATIONS: [Activation; 4] = [
    Activation::Identity,
    Activation::Sigmoid,
    Activation::Tanh,
    Activation::Relu,
];

/// An MLP's training run, scrubbed epoch by epoch: `settings` trained on
/// `train` (validated on `test`), its decision surface recorded every
/// `every` epochs (and after the last). A slider and a play button move
/// through the recorded epochs; the train and test loss curves mark the
/// epoch shown, with its losses and accuracies.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let (train, test) = moons(200, 0.2, 1)?.split(0.25, 1)?;
/// let w = explore_training(&Mlp::new().hidden_units(20).epochs(20), &train, &test, 5)?;
/// assert_eq!(w.kind(), WidgetKind::Training);
/// assert!(explore_training(&Mlp::new(), &train, &test, 0).is_err());
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::InvalidParameter`] for `every = 0`, [`Error::TooLarge`] for
/// more than 200 recorded frames, more than [`MAX_WIDGET_UNITS`] hidden
/// units or rows beyond [`MAX_WIDGET_ROWS`](super::MAX_WIDGET_ROWS), the
/// errors of checking the data and of training.
pub fn explore_training(
    settings: &Mlp,
    train: &Dataset,
    test: &Dataset,
    every: usize,
) -> Result<Widget> {
    spec::check_data(train, "train")?;
    spec::check_data(test, "test")?;
    check_rows(train)?;
    check_rows(test)?;
    let epochs = settings.training().epochs;
    if every == 0 {
        return Err(Error::param(
            "every",
            every,
            "record every 1 or more epochs",
        ));
    }
    check_units(settings.hidden_unit_count())?;
    let frames = epochs.div_ceil(every).saturating_add(1);
    if frames > MAX_FRAMES {
        return Err(Error::too_large(
            "every",
            format!("{every} ({frames} frames over {epochs} epochs)"),
            format!(
                "at most {} frames: record every {} epochs or more",
                MAX_FRAMES - 1,
                epochs.div_ceil(MAX_FRAMES - 1)
            ),
        ));
    }
    let mut recorded: Vec<(usize, MlpModel)> = Vec::new();
    let mut record = |epoch: usize, model: &MlpModel| recorded.push((epoch, model.clone()));
    let model = settings.fit_with(
        train,
        FitOptions {
            validation: Some(test),
            observe_every: every,
            observer: Some(&mut record),
            ..FitOptions::default()
        },
    )?;
    let (xr, yr) = spec::range_of(&[train, test]);
    let mut frame_specs = Vec::with_capacity(recorded.len());
    for (epoch, m) in &recorded {
        frame_specs.push(json!({
            "epoch": epoch,
            "surface": spec::probability_png(m, xr, yr, RECORDED_CELLS)?,
            "train_loss": m.log_loss(train)?,
            "test_loss": m.log_loss(test)?,
            "train_accuracy": m.accuracy(train)?,
            "test_accuracy": m.accuracy(test)?,
        }));
    }
    let h = model.history();
    let title = format!(
        "Training a {}-unit MLP on {}: scrub through the epochs",
        model.hidden_units(),
        train.name()
    );
    let fallback_title = format!(
        "A {}-unit MLP on {} after {} epochs",
        model.hidden_units(),
        train.name(),
        epochs
    );
    let fallback = DecisionSurface::new(&model, train)
        .test(test)
        .title(&fallback_title)
        .build()?;
    let spec = json!({
        "title": title,
        "epochs": epochs,
        "every": every,
        "frames": frame_specs,
        "curves": {"train_loss": h.train_loss, "test_loss": h.validation_loss},
        "range": {"x": [xr.0, xr.1], "y": [yr.0, yr.1]},
        "cells": RECORDED_CELLS,
        "train": spec::points(train),
        "test": spec::points(test),
        "names": spec::names(train),
        "palette": spec::palette(),
    });
    Ok(Widget {
        kind: WidgetKind::Training,
        title,
        spec,
        fallback,
        reference: Reference::Training {
            frames: recorded,
            train: train.clone(),
            test: test.clone(),
        },
    })
}

/// A trained MLP, unit by unit: keep only its `k` strongest hidden units
/// (by |output weight|, [`strongest_hidden_units`]) or switch single units
/// off, and see the boundary and the accuracies recomputed in the browser.
/// A unit left out adds its mean output on `train` instead, as in
/// [`keep_hidden_units`](crate::plot::keep_hidden_units) (the crate's
/// version of the same sum).
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let (train, test) = moons(200, 0.2, 1)?.split(0.25, 1)?;
/// let model = Mlp::new().hidden_units(30).epochs(30).fit(&train)?;
/// let w = explore_hidden_units(&model, &train, &test)?;
/// assert!(w.spec_json().contains("\"order\""));
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::ShapeMismatch`] unless the model and the data have two
/// inputs, [`Error::TooLarge`] above [`MAX_WIDGET_UNITS`] hidden units,
/// [`Error::InvalidParameter`] for an activation other than identity,
/// sigmoid, tanh or ReLU, the errors of checking the data.
pub fn explore_hidden_units(model: &MlpModel, train: &Dataset, test: &Dataset) -> Result<Widget> {
    spec::check_data(train, "train")?;
    spec::check_data(test, "test")?;
    check_rows(train)?;
    check_rows(test)?;
    if model.n_features() != 2 {
        return Err(Error::shape(
            "inputs of the model (the widget shows the plane x1, x2)",
            2,
            model.n_features(),
        ));
    }
    check_units(model.hidden_units())?;
    let activation = model.activation();
    if !BROWSER_ACTIVATIONS.contains(&activation) {
        return Err(Error::param(
            "the model's activation",
            activation,
            "identity, sigmoid, tanh or relu (the ones the page computes)",
        ));
    }
    let units = model.hidden_units();
    let a = model.hidden_activations(train.features())?;
    let n = train.n_samples() as f64;
    let means: Vec<f64> = a.columns().into_iter().map(|c| c.sum() / n).collect();
    let w = model.hidden_weights();
    let title = format!(
        "The {units} hidden units of an MLP on {}: how many does the curve need?",
        train.name()
    );
    let fallback_title = format!("All {units} hidden units of the MLP on {}", train.name());
    let fallback = DecisionSurface::new(model, train)
        .test(test)
        .title(&fallback_title)
        .build()?;
    let spec = json!({
        "title": title,
        "units": units,
        "activation": activation.key(),
        "w1": w.row(0).to_vec(),
        "w2": w.row(1).to_vec(),
        "b1": model.hidden_bias().to_vec(),
        "v": model.output_weights().to_vec(),
        "c": model.output_bias(),
        "means": means,
        "order": strongest_hidden_units(model, units),
        "range": spec::ranges(&[train, test]),
        "cells": LIVE_CELLS / 2,
        "train": spec::points(train),
        "test": spec::points(test),
        "names": spec::names(train),
        "palette": spec::palette(),
    });
    Ok(Widget {
        kind: WidgetKind::HiddenUnits,
        title,
        spec,
        fallback,
        reference: Reference::HiddenUnits {
            model: Box::new(model.clone()),
            train: train.clone(),
            test: test.clone(),
        },
    })
}

/// MLPs by activation and width, trained in Rust on `data` (split 70/30
/// with `seed`, 300 epochs each, as the series' activations × widths
/// figure): pick an activation ([`EXPLORE_ACTIVATIONS`]) and a width
/// ([`ACTIVATION_WIDTHS`]) and see that network's surface large.
///
/// # Errors
/// The errors of [`fit_activations_by_widths`] and of
/// [`explore_activations_grid`].
pub fn explore_activations(data: &Dataset, seed: u64) -> Result<Widget> {
    check_rows(data)?;
    let grid = fit_activations_by_widths(
        data,
        &EXPLORE_ACTIVATIONS,
        &ACTIVATION_WIDTHS,
        ACTIVATIONS_EPOCHS,
        seed,
    )?;
    explore_activations_grid(&grid)
}

/// [`explore_activations`] for a grid already trained (such as
/// [`Series::activations_by_widths`](crate::plot::Series)): every panel's
/// surface, recorded in Rust, and its accuracies.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let grid = fit_activations_by_widths(&moons(100, 0.2, 1)?, &[Activation::Relu], &[1, 2], 10, 1)?;
/// let w = explore_activations_grid(&grid)?;
/// assert!(w.spec_json().contains("\"2 units\""));
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::Empty`] for a grid without a trained panel,
/// [`Error::ShapeMismatch`] unless its data has two feature columns, the
/// errors of predicting on its data.
pub fn explore_activations_grid(grid: &ModelGrid) -> Result<Widget> {
    let first = grid
        .cells
        .iter()
        .find(|c| c.model.is_some())
        .ok_or_else(|| Error::empty("the grid", "panel with a trained model"))?;
    let (train, test) = (&first.train, &first.test);
    spec::check_data(train, "the grid's training data")?;
    spec::check_data(test, "the grid's test data")?;
    check_rows(train)?;
    check_rows(test)?;
    let (xr, yr) = spec::range_of(&[train, test]);
    let mut cells: Vec<Value> = Vec::new();
    for cell in &grid.cells {
        let Some(GridModel::Mlp(model)) = &cell.model else {
            continue;
        };
        cells.push(json!({
            "activation": cell.row,
            "width": model.hidden_units(),
            "label": cell.column,
            "surface": spec::probability_png(model, xr, yr, RECORDED_CELLS)?,
            "train_accuracy": model.accuracy(&cell.train)?,
            "test_accuracy": model.accuracy(&cell.test)?,
        }));
    }
    let title = format!("Activation × width on {}: pick a network", train.name());
    // the widget's first state: the first activation at the largest width
    let shown = grid
        .cells
        .iter()
        .filter(|c| c.row == first.row)
        .filter_map(|c| match &c.model {
            Some(GridModel::Mlp(m)) => Some((c, m)),
            _ => None,
        })
        .max_by_key(|(_, m)| m.hidden_units())
        .ok_or_else(|| Error::empty("the grid", "panel with a trained MLP"))?;
    let fallback_title = format!(
        "{}, {} on {}: {} test accuracy",
        shown.0.row,
        shown.0.column,
        train.name(),
        crate::plot::text::percent(shown.1.accuracy(test)?)
    );
    let fallback = DecisionSurface::new(shown.1, train)
        .test(test)
        .title(&fallback_title)
        .build()?;
    let widths: Vec<usize> = {
        let mut w: Vec<usize> = cells
            .iter()
            .filter_map(|c| c["width"].as_u64().map(|v| v as usize))
            .collect();
        w.sort_unstable();
        w.dedup();
        w
    };
    let spec = json!({
        "title": title,
        "activations": grid.rows,
        "widths": widths,
        "start": {"activation": shown.0.row, "width": shown.1.hidden_units()},
        "cells": cells,
        "grid_cells": RECORDED_CELLS,
        "range": {"x": [xr.0, xr.1], "y": [yr.0, yr.1]},
        "train": spec::points(train),
        "test": spec::points(test),
        "names": spec::names(train),
        "palette": spec::palette(),
    });
    Ok(Widget {
        kind: WidgetKind::Activations,
        title,
        spec,
        fallback,
        reference: Reference::Activations { grid: grid.clone() },
    })
}
