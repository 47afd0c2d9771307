//! How large a figure is drawn: [`FigureSize`] and the accepted pixel range.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, Result};
use crate::limits::MAX_PIXELS;

/// Smallest accepted width or height in pixels.
pub const MIN_PIXELS: u32 = 64;

/// How large a figure is drawn.
///
/// Parsed from `"notebook"`, `"slide"` or `"WxH"` (e.g. `"1280x720"`), as
/// the command-line tool's `--size` option:
///
/// ```
/// use activation_lab::FigureSize;
/// assert_eq!("slide".parse::<FigureSize>()?, FigureSize::Slide);
/// assert_eq!(
///     "1280x720".parse::<FigureSize>()?,
///     FigureSize::Pixels { width: 1280, height: 720 }
/// );
/// assert_eq!(FigureSize::Slide.pixels((800, 500)), (1920, 1080));
/// assert!("0x10".parse::<FigureSize>().is_err());
/// # Ok::<(), activation_lab::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum FigureSize {
    /// The figure's own notebook default (most are 800×500; grids and the
    /// cheat sheet are larger).
    #[default]
    Notebook,
    /// A 16:9 slide, 1920×1080 px, with type large enough for the back of
    /// a lecture hall.
    Slide,
    /// An exact size in pixels.
    Pixels {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
}

impl FigureSize {
    /// The slide preset's pixel size.
    pub const SLIDE: (u32, u32) = (1920, 1080);

    /// The width and height in pixels, given the figure's notebook default.
    pub fn pixels(self, notebook: (u32, u32)) -> (u32, u32) {
        match self {
            FigureSize::Notebook => notebook,
            FigureSize::Slide => Self::SLIDE,
            FigureSize::Pixels { width, height } => (width, height),
        }
    }

    /// The key used in file names and by the command-line tool:
    /// `"notebook"`, `"slide"` or `"WxH"`.
    pub fn key(self) -> String {
        match self {
            FigureSize::Notebook => "notebook".into(),
            FigureSize::Slide => "slide".into(),
            FigureSize::Pixels { width, height } => format!("{width}x{height}"),
        }
    }

    /// Checks, before anything is drawn, that PNGs at this size times
    /// `scale` stay within [`MIN_PIXELS`]..=[`MAX_PIXELS`] a side (for
    /// `Notebook`, every figure's own size: at most 1200×1000, at least
    /// 800×460).
    ///
    /// ```
    /// use activation_lab::FigureSize;
    /// assert!(FigureSize::Slide.check_scale(2.0).is_ok());
    /// assert!(FigureSize::Slide.check_scale(100.0).is_err());
    /// assert!(FigureSize::Notebook.check_scale(0.0).is_err());
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the scale and the accepted range.
    pub fn check_scale(self, scale: f64) -> Result<()> {
        self.validate()?;
        match self {
            FigureSize::Notebook => {
                scaled_pixels(1200, 1000, scale)?;
                scaled_pixels(800, 460, scale)?;
            }
            other => {
                let (w, h) = other.pixels((0, 0));
                scaled_pixels(w, h, scale)?;
            }
        }
        Ok(())
    }

    /// Checks that an exact size lies within [`MIN_PIXELS`]..=[`MAX_PIXELS`].
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a width or height outside that range.
    pub fn validate(self) -> Result<()> {
        if let FigureSize::Pixels { width, height } = self {
            check_pixels("width", width)?;
            check_pixels("height", height)?;
        }
        Ok(())
    }
}

/// `w`×`h` times `scale`, rounded, when the result stays within
/// [`MIN_PIXELS`]..=[`MAX_PIXELS`] a side.
pub(crate) fn scaled_pixels(w: u32, h: u32, scale: f64) -> Result<(u32, u32)> {
    if !(scale.is_finite() && scale > 0.0) {
        return Err(Error::param("scale", scale, "a finite number > 0"));
    }
    let (sw, sh) = (
        (f64::from(w) * scale).round(),
        (f64::from(h) * scale).round(),
    );
    let (max, min) = (f64::from(MAX_PIXELS), f64::from(MIN_PIXELS));
    if sw > max || sh > max || sw < min || sh < min {
        return Err(Error::param(
            "scale",
            scale,
            &format!(
                "a factor that keeps {w}x{h} between {MIN_PIXELS} and {MAX_PIXELS} pixels a side"
            ),
        ));
    }
    Ok((sw as u32, sh as u32))
}

fn check_pixels(name: &str, v: u32) -> Result<()> {
    if v > MAX_PIXELS {
        // a row (or column) of pixels at the largest other side, 4 bytes each
        crate::limits::check_count(
            name,
            v as usize,
            MAX_PIXELS as usize,
            "pixels",
            4 * u128::from(MAX_PIXELS),
        )
    } else if v >= MIN_PIXELS {
        Ok(())
    } else {
        Err(Error::param(
            name,
            v,
            &format!("a whole number of pixels from {MIN_PIXELS} to {MAX_PIXELS}"),
        ))
    }
}

impl fmt::Display for FigureSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key())
    }
}

impl FromStr for FigureSize {
    type Err = Error;

    /// Parses `"notebook"`, `"slide"` or `"WxH"` (`x`, `X` or `×`).
    ///
    /// # Errors
    /// [`Error::UnknownName`] for anything else, [`Error::InvalidParameter`]
    /// for a width or height outside [`MIN_PIXELS`]..=[`MAX_PIXELS`].
    fn from_str(s: &str) -> Result<Self> {
        let t = s.trim().to_ascii_lowercase();
        match t.as_str() {
            "notebook" => return Ok(FigureSize::Notebook),
            "slide" | "slides" => return Ok(FigureSize::Slide),
            _ => {}
        }
        let unknown = || Error::UnknownName {
            kind: "figure size".into(),
            name: s.to_string(),
            expected: "notebook, slide, WxH (e.g. 1280x720)".into(),
        };
        let (w, h) = t
            .split_once('x')
            .or_else(|| t.split_once('×'))
            .ok_or_else(unknown)?;
        let width: u32 = w.trim().parse().map_err(|_| unknown())?;
        let height: u32 = h.trim().parse().map_err(|_| unknown())?;
        let size = FigureSize::Pixels { width, height };
        size.validate()?;
        Ok(size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_reject_nonsense() {
        assert_eq!(
            " Notebook ".parse::<FigureSize>().unwrap(),
            FigureSize::Notebook
        );
        assert_eq!(
            "640×480".parse::<FigureSize>().unwrap(),
            FigureSize::Pixels {
                width: 640,
                height: 480
            }
        );
        for bad in ["", "big", "10x", "x10", "0x0", "100000x100", "-5x100"] {
            assert!(bad.parse::<FigureSize>().is_err(), "{bad}");
        }
        assert_eq!(
            FigureSize::Pixels {
                width: 3,
                height: 4
            }
            .key(),
            "3x4"
        );
    }
}
