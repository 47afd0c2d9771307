//! [`Widget`]: one interactive figure, its data and its static picture.

use std::fmt;
use std::path::Path;

use super::page;
use super::reference::Reference;
use crate::error::{Error, Result};
use crate::figure::{Figure, ImageFormat};

/// The six interactive figures of the series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WidgetKind {
    /// The net input z = b + w1·x1 + w2·x2 over the plane (notebook 01).
    NetInput,
    /// A point moving on σ(z) and σ′(z) (notebooks 02 and 03).
    Sigmoid,
    /// Hand-set logistic regression over a dataset (notebooks 04 and 05).
    Logistic,
    /// An MLP's training run, epoch by epoch (notebook 06).
    Training,
    /// The strongest hidden units of a trained MLP (notebook 08).
    HiddenUnits,
    /// Trained MLPs by activation and width (notebook 08).
    Activations,
}

impl WidgetKind {
    /// Every kind, in the order of the series.
    pub const ALL: [WidgetKind; 6] = [
        WidgetKind::NetInput,
        WidgetKind::Sigmoid,
        WidgetKind::Logistic,
        WidgetKind::Training,
        WidgetKind::HiddenUnits,
        WidgetKind::Activations,
    ];

    /// The kind's name, as in `data-widget` and `activation-lab explore`.
    ///
    /// ```
    /// use activation_lab::prelude::*;
    /// assert_eq!(WidgetKind::HiddenUnits.name(), "hidden-units");
    /// assert_eq!(WidgetKind::from_name("hidden-units").unwrap(), WidgetKind::HiddenUnits);
    /// assert!(WidgetKind::from_name("slider").unwrap_err().to_string().contains("net-input"));
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            WidgetKind::NetInput => "net-input",
            WidgetKind::Sigmoid => "sigmoid",
            WidgetKind::Logistic => "logistic",
            WidgetKind::Training => "training",
            WidgetKind::HiddenUnits => "hidden-units",
            WidgetKind::Activations => "activations",
        }
    }

    /// The kind named `name` (one of [`WidgetKind::ALL`]'s names).
    ///
    /// # Errors
    /// [`Error::UnknownName`] naming the accepted kinds.
    pub fn from_name(name: &str) -> Result<Self> {
        WidgetKind::ALL
            .into_iter()
            .find(|k| k.name() == name)
            .ok_or_else(|| Error::UnknownName {
                kind: "widget kind".into(),
                name: name.into(),
                expected: WidgetKind::ALL
                    .iter()
                    .map(|k| k.name())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }
}

impl fmt::Display for WidgetKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One interactive figure: its kind, title, the data its script draws
/// (JSON) and a static picture of its first state.
///
/// Show it as a cell's value, or write it as a page with
/// [`save`](Self::save) / [`to_html`](Self::to_html).
#[derive(Debug, Clone)]
pub struct Widget {
    pub(super) kind: WidgetKind,
    pub(super) title: String,
    pub(super) spec: serde_json::Value,
    pub(super) fallback: Figure,
    pub(super) reference: Reference,
}

impl Widget {
    /// The widget's kind.
    pub fn kind(&self) -> WidgetKind {
        self.kind
    }

    /// The title shown above the widget.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The data the widget's script draws, as JSON (weights, points,
    /// recorded frames; what the page's `state()` reports is computed from
    /// it).
    pub fn spec_json(&self) -> String {
        self.spec.to_string()
    }

    /// The static picture of the widget's first state: what viewers that
    /// do not run scripts show.
    pub fn fallback(&self) -> &Figure {
        &self.fallback
    }

    /// The widget as a standalone HTML page: no network, no external
    /// file; it works opened from disk.
    pub fn to_html(&self) -> String {
        page::standalone(self)
    }

    /// The widget as a notebook output: the live widget and, shown until
    /// its script runs, the static picture with one line saying how to make
    /// it interactive.
    ///
    /// # Errors
    /// The errors of drawing the static picture as PNG.
    pub fn inline_html(&self) -> Result<String> {
        let png = self.fallback.to_bytes(ImageFormat::Png)?;
        Ok(page::inline(self, &png))
    }

    /// Writes [`to_html`](Self::to_html) to `path` (any extension; `.html`
    /// is the one browsers open).
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be written.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<()> {
        crate::files::write(path.as_ref(), self.to_html())
    }

    /// The display bundle a notebook cell gets, MIME type → content:
    /// `text/html` (the widget, with its static picture until the script
    /// runs), `image/png` (the picture, base64, for viewers that show no
    /// HTML) and `text/plain`.
    ///
    /// ```
    /// use activation_lab::prelude::*;
    /// # fn main() -> activation_lab::Result<()> {
    /// let bundle = explore_sigmoid(0.0)?.display_bundle()?;
    /// assert!(bundle["text/html"].as_str().unwrap().contains("data-widget=\"sigmoid\""));
    /// assert!(bundle["image/png"].as_str().unwrap().starts_with("iVBORw0KGgo"));
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    /// The errors of drawing the static picture as PNG.
    pub fn display_bundle(&self) -> Result<serde_json::Value> {
        let png = self.fallback.to_bytes(ImageFormat::Png)?;
        Ok(serde_json::json!({
            "text/html": page::inline(self, &png),
            "image/png": crate::figure::base64(&png),
            "text/plain": format!("{} (interactive figure: {})", self.title, self.kind),
        }))
    }

    /// Shows the widget inline in an evcxr notebook: the
    /// [`display_bundle`](Self::display_bundle) as one output.
    pub fn evcxr_display(&self) {
        match self.display_bundle() {
            Ok(serde_json::Value::Object(bundle)) => {
                for (mime, content) in bundle {
                    let text = content.as_str().unwrap_or_default();
                    println!("EVCXR_BEGIN_CONTENT {mime}\n{text}\nEVCXR_END_CONTENT");
                }
            }
            Ok(_) => {}
            Err(e) => println!("EVCXR_BEGIN_CONTENT text/plain\n{e}\nEVCXR_END_CONTENT"),
        }
    }
}
