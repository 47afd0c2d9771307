//! Interactive figures: drag a slider and watch the boundary move, without
//! compiling a cell.
//!
//! Each [`Widget`] is one self-contained piece of HTML: the widget's data
//! (weights, datasets, trained models, recorded frames) as JSON, a small
//! script that draws it on a canvas, and no network access at all (no CDN,
//! no web fonts). In a notebook it is the cell's value; evcxr shows it
//! inline as `text/html`, with a static picture of the same widget (also
//! sent as `image/png`) for viewers that do not run scripts. Saved with
//! [`Widget::save`] (or `activation-lab explore KIND --out FILE.html`) it
//! is a standalone page that works offline.
//!
//! | kind | function | what moves |
//! |---|---|---|
//! | `net-input` | [`explore_net_input`] | w1, w2, b; z at a clicked point |
//! | `sigmoid` | [`explore_sigmoid`] | z on σ(z) and σ′(z) |
//! | `logistic` | [`explore_logistic`] | w1, w2, b over data; accuracy, log-loss |
//! | `training` | [`explore_training`] | the epoch of a recorded MLP training run |
//! | `hidden-units` | [`explore_hidden_units`] | the k strongest hidden units, units off |
//! | `activations` | [`explore_activations`] | activation × width of trained MLPs |
//!
//! What can be computed in Rust is (recorded frames, trained models, the
//! surfaces of the activations grid). Where the browser must compute (live
//! weights, units switched off) it runs one small forward pass per model,
//! and the browser tests compare its numbers with the crate's to 1e-9.
//!
//! Every widget's root element carries `data-widget="KIND"`; the page
//! exposes `window.activationLab.widgets`, each with `set(params)` and
//! `state()` (the numbers the widget shows), so that tests and lecturers'
//! scripts drive every widget the same way.
//!
//! ```
//! use activation_lab::prelude::*;
//! # fn main() -> activation_lab::Result<()> {
//! let data = blobs(120, 0.7, 3)?;
//! let trained = LogisticRegression::new().fit(&data)?;
//! let widget = explore_logistic(&data, &trained)?;
//! assert_eq!(widget.kind(), WidgetKind::Logistic);
//! let page = widget.to_html();
//! assert!(page.contains("data-widget=\"logistic\""));
//! assert!(!page.contains("http://") && !page.contains("https://"));
//! # Ok(())
//! # }
//! ```

mod page;
mod reference;
mod spec;
mod trained;
mod weights;
mod widget;

pub use trained::{
    ACTIVATION_WIDTHS, EXPLORE_ACTIVATIONS, MAX_WIDGET_UNITS, explore_activations,
    explore_activations_grid, explore_hidden_units, explore_training,
};
pub use weights::{MAX_WIDGET_ROWS, explore_logistic, explore_net_input, explore_sigmoid};
pub use widget::{Widget, WidgetKind};
