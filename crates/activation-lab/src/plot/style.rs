//! The palette: Okabe-Ito colours (safe for colour-blind readers) and
//! their tints.

use plotters::prelude::*;

// Okabe-Ito: orange, sky blue, bluish green, yellow, blue, vermillion,
// reddish purple, black; the figures use blue and vermillion

/// Okabe-Ito blue.
pub(crate) const BLUE: RGBColor = RGBColor(0, 114, 178);

/// Okabe-Ito vermillion.
pub(crate) const VERMILLION: RGBColor = RGBColor(213, 94, 0);

/// Text.
pub(crate) const INK: RGBColor = RGBColor(34, 34, 34);

/// Secondary text.
pub(crate) const MUTED: RGBColor = RGBColor(100, 100, 100);

/// Axis lines.
pub(crate) const AXIS: RGBColor = RGBColor(90, 90, 90);

/// Grid lines.
pub(crate) const GRID: RGBColor = RGBColor(228, 228, 228);

/// Guide lines.
pub(crate) const GUIDE: RGBColor = RGBColor(150, 150, 150);

/// Colour of class 0 and class 1.
pub(crate) const CLASS_COLORS: [RGBColor; 2] = [BLUE, VERMILLION];

/// `a` mixed with white: `t = 0` white, `t = 1` the colour.
pub(crate) fn tint(c: RGBColor, t: f64) -> RGBColor {
    let t = t.clamp(0.0, 1.0);
    let mix = |v: u8| (255.0 - (255.0 - f64::from(v)) * t).round() as u8;
    RGBColor(mix(c.0), mix(c.1), mix(c.2))
}
