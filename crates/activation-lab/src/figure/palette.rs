//! Light and dark figures: [`Palette`].
//!
//! Figures are drawn in the light palette (dark ink on white). The dark
//! palette maps every colour as it is drawn: greys and pale tints have
//! their lightness turned over (white paper becomes a near-black slide,
//! black ink a light grey, a pale class tint a deep one), while saturated
//! colours (the two class colours, the curves) keep their hue and are
//! lifted to a lightness that reads on the dark ground.

use std::fmt;
use std::str::FromStr;

use plotters_backend::BackendColor;

use crate::error::{Error, Result};

/// The colours a figure is drawn in.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// assert_eq!("dark".parse::<Palette>()?, Palette::Dark);
/// let light = sigmoid_curve(SigmoidPanels::SigmoidOnly)?;
/// let dark = light.clone().with_palette(Palette::Dark);
/// // White paper becomes a near-black page.
/// assert!(light.to_svg()?.contains("fill=\"#FFFFFF\""));
/// assert!(dark.to_svg()?.contains("fill=\"#171717\""));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Palette {
    /// Dark ink on white: print, light slides, notebooks (the default).
    #[default]
    Light,
    /// Light ink on near-black: dark slide themes.
    Dark,
}

impl Palette {
    /// Both palettes.
    pub const ALL: [Palette; 2] = [Palette::Light, Palette::Dark];

    /// The palette's name, as `--theme` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Palette::Light => "light",
            Palette::Dark => "dark",
        }
    }

    /// The colour `c` is drawn in.
    pub(crate) fn map(self, c: BackendColor) -> BackendColor {
        match self {
            Palette::Light => c,
            Palette::Dark => BackendColor {
                alpha: c.alpha,
                rgb: dark(c.rgb),
            },
        }
    }
}

/// Lightness of the dark palette's page and of its ink.
const GROUND: f64 = 0.09;
const INK: f64 = 0.88;
/// Saturated colours are lifted to at least this lightness.
const LIFT: f64 = 0.6;

fn smoothstep(a: f64, b: f64, x: f64) -> f64 {
    let t = ((x - a) / (b - a)).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

fn dark((r, g, b): (u8, u8, u8)) -> (u8, u8, u8) {
    let (r, g, b) = (
        f64::from(r) / 255.0,
        f64::from(g) / 255.0,
        f64::from(b) / 255.0,
    );
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    let chroma = max - min;
    let l = (max + min) / 2.0;
    let s = if chroma == 0.0 {
        0.0
    } else {
        chroma / (1.0 - (2.0 * l - 1.0).abs())
    };
    let hue = if chroma == 0.0 {
        0.0
    } else if max == r {
        ((g - b) / chroma).rem_euclid(6.0)
    } else if max == g {
        (b - r) / chroma + 2.0
    } else {
        (r - g) / chroma + 4.0
    };
    let keep = smoothstep(0.25, 0.6, chroma);
    let turned = GROUND + (1.0 - l) * (INK - GROUND);
    let l2 = keep * l.max(LIFT) + (1.0 - keep) * turned;
    let c2 = (1.0 - (2.0 * l2 - 1.0).abs()) * s;
    let x = c2 * (1.0 - (hue.rem_euclid(2.0) - 1.0).abs());
    let (r1, g1, b1) = match hue as u32 {
        0 => (c2, x, 0.0),
        1 => (x, c2, 0.0),
        2 => (0.0, c2, x),
        3 => (0.0, x, c2),
        4 => (x, 0.0, c2),
        _ => (c2, 0.0, x),
    };
    let m = l2 - c2 / 2.0;
    let to = |v: f64| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    (to(r1), to(g1), to(b1))
}

impl fmt::Display for Palette {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Palette {
    type Err = Error;

    /// Parses `light` or `dark`, ignoring case.
    ///
    /// # Errors
    /// [`Error::UnknownName`] for any other name.
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "light" => Ok(Palette::Light),
            "dark" => Ok(Palette::Dark),
            _ => Err(Error::UnknownName {
                kind: "theme".into(),
                name: s.to_string(),
                expected: "light, dark".into(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lum((r, g, b): (u8, u8, u8)) -> f64 {
        (0.2126 * f64::from(r) + 0.7152 * f64::from(g) + 0.0722 * f64::from(b)) / 255.0
    }

    #[test]
    fn white_paper_turns_near_black_and_ink_light() {
        let paper = dark((255, 255, 255));
        let ink = dark((34, 34, 34));
        assert!(lum(paper) < 0.1, "{paper:?}");
        assert!(lum(ink) > 0.7, "{ink:?}");
        assert_eq!(paper.0, paper.1);
    }

    #[test]
    fn class_colours_keep_their_hue_and_read_on_the_dark_ground() {
        let blue = dark((0, 114, 178));
        let vermillion = dark((213, 94, 0));
        assert!(blue.2 > blue.0 && blue.2 > blue.1, "{blue:?}");
        assert!(vermillion.0 > vermillion.1 && vermillion.1 > vermillion.2);
        let ground = lum(dark((255, 255, 255)));
        for c in [blue, vermillion] {
            // WCAG contrast ratio against the page of at least 4.5.
            let ratio = (lum(c) + 0.05) / (ground + 0.05);
            assert!(ratio > 4.5, "{c:?} {ratio}");
        }
    }

    #[test]
    fn pale_tints_turn_into_deep_tints_of_the_same_hue() {
        let pale_blue = dark((204, 227, 240));
        assert!(lum(pale_blue) < 0.35, "{pale_blue:?}");
        assert!(pale_blue.2 > pale_blue.0);
    }

    #[test]
    fn names_parse_and_print() {
        for p in Palette::ALL {
            assert_eq!(p.to_string().parse::<Palette>().unwrap(), p);
        }
        assert!("sepia".parse::<Palette>().is_err());
    }
}
