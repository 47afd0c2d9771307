//! Sizes that scale with the canvas: type, lines and markers.

use plotters::prelude::*;
use plotters::style::{FontDesc, FontFamily, FontStyle};

use super::style::INK;
use crate::figure::{Area, FONT_FAMILY};

/// Type, line and marker sizes for a canvas; everything is a multiple of
/// `u`, 1 % of `min(width, 1.6 · height)`, so a figure keeps its layout
/// at any size and a slide gets large type.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Theme {
    pub u: f64,
}

impl Theme {
    pub fn for_area(area: &Area<'_>) -> Self {
        let (w, h) = area.dim_in_pixel();
        Theme {
            u: (f64::from(w).min(1.6 * f64::from(h)) / 100.0).max(0.5),
        }
    }

    /// `k · u` pixels, rounded.
    pub fn px(&self, k: f64) -> i32 {
        (k * self.u).round() as i32
    }

    /// `k · u` pixels as a width (at least 1).
    pub fn w(&self, k: f64) -> u32 {
        ((k * self.u).round() as u32).max(1)
    }

    /// A regular font whose em is `k · u` pixels.
    pub fn font(&self, k: f64) -> TextStyle<'static> {
        (FONT_FAMILY, k * self.u * 1.24).into_font().color(&INK)
    }

    /// A bold font whose em is `k · u` pixels. Built with the bold face
    /// from the start: plotters' `FontDesc::style` changes the style but
    /// keeps the regular face's data, so text would be measured (and
    /// rasterised) in the regular face while SVG viewers drew it bold.
    pub fn bold(&self, k: f64) -> TextStyle<'static> {
        FontDesc::new(
            FontFamily::Name(FONT_FAMILY),
            k * self.u * 1.24,
            FontStyle::Bold,
        )
        .color(&INK)
    }

    /// An oblique font whose em is `k · u` pixels (see [`Theme::bold`]).
    pub fn oblique(&self, k: f64) -> TextStyle<'static> {
        FontDesc::new(
            FontFamily::Name(FONT_FAMILY),
            k * self.u * 1.24,
            FontStyle::Oblique,
        )
        .color(&INK)
    }

    pub const TITLE: f64 = 2.9;
    pub const LABEL: f64 = 2.3;
    pub const TICK: f64 = 2.0;
    pub const SMALL: f64 = 1.7;
}

/// The line style of a plotted function.
pub(crate) fn line_style(c: RGBColor, theme: &Theme, k: f64) -> ShapeStyle {
    c.stroke_width(theme.w(k))
}
