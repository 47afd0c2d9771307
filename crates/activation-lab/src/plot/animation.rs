//! The training animation: the decision surface over epochs, as a GIF.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;

use super::checks::{check_model, check_plane_data};
use super::decision_surface::{full_surface_figure, surface_panel};
use super::ranges::padded_ranges;
use crate::data::Dataset;
use crate::error::{Error, Result};
use crate::figure::{Figure, FigureSize, Palette, base64, plot_err};
use crate::files::write as write_file;
use crate::limits::MAX_FRAMES;
use crate::models::MlpModel;
use rayon::prelude::*;

/// Frames of an animation, each a [`Figure`], played as a looping GIF.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let data = moons(100, 0.2, 0)?;
/// let (_, frames) = Mlp::new().hidden_units(8).epochs(10).fit_recording(&data, 5)?;
/// let anim = training_animation(&frames, &data)?
///     .with_size(FigureSize::Pixels { width: 320, height: 200 });
/// assert_eq!(anim.len(), 3);
/// let gif = anim.to_gif()?;
/// assert_eq!(&gif[..6], b"GIF89a");
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Animation {
    title: String,
    frames: Vec<Figure>,
    frame_delay_ms: u32,
}

impl fmt::Debug for Animation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Animation")
            .field("title", &self.title)
            .field("frames", &self.frames.len())
            .field("frame_delay_ms", &self.frame_delay_ms)
            .finish()
    }
}

impl Animation {
    /// The animation's title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The frames, in order.
    pub fn frames(&self) -> &[Figure] {
        &self.frames
    }

    /// Number of frames.
    pub fn len(&self) -> usize {
        self.frames.len()
    }

    /// True when there are no frames (never for a built animation).
    pub fn is_empty(&self) -> bool {
        self.frames.is_empty()
    }

    /// Every frame at another size.
    pub fn with_size(mut self, size: FigureSize) -> Self {
        self.frames = self.frames.into_iter().map(|f| f.with_size(size)).collect();
        self
    }

    /// The same animation in another palette.
    pub fn with_palette(mut self, palette: Palette) -> Self {
        self.frames = self
            .frames
            .into_iter()
            .map(|f| f.with_palette(palette))
            .collect();
        self
    }

    /// Time per frame in milliseconds (default 400; the last frame stays
    /// four times as long). Rounded to GIF's 10 ms steps, at least 20 ms.
    pub fn with_frame_delay(mut self, ms: u32) -> Self {
        self.frame_delay_ms = ms;
        self
    }

    /// The animation as GIF bytes: one 256-colour palette for all frames
    /// (so the shading does not flicker), looping forever.
    ///
    /// # Errors
    /// As [`Figure::to_png`], plus [`Error::InvalidParameter`] for frames
    /// larger than GIF's 65535 px a side.
    pub fn to_gif(&self) -> Result<Vec<u8>> {
        let Some(last_frame) = self.frames.last() else {
            return Err(Error::empty("the animation", "frame"));
        };
        let (w, h) = last_frame.pixel_size();
        // the GIF holds up to a byte per pixel of every frame, and a batch
        // of frames is drawn at once (3 bytes per pixel each)
        let pixels = u128::from(w) * u128::from(h);
        crate::limits::check_memory(
            "frames",
            format!("{} at {w}×{h}", self.frames.len()),
            pixels * (self.frames.len() as u128 + 4 * 9),
            "an animation",
            "use fewer frames or a smaller size",
        )?;
        // frames are rasterised at scale 1 (the PNGs at 2 and averaged): 100
        // full-HD frames must stay within the GIF's time budget
        let (w, h, last) = last_frame.to_rgb_with(1.0, 1)?;
        let (w16, h16) = (
            u16::try_from(w).map_err(|_| Error::param("width", w, "at most 65535 for a GIF"))?,
            u16::try_from(h).map_err(|_| Error::param("height", h, "at most 65535 for a GIF"))?,
        );
        // palette from the last frame, which has the full shading
        let rgba: Vec<u8> = last
            .chunks_exact(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect();
        let quant = color_quant::NeuQuant::new(10, 256, &rgba);
        let palette = quant.color_map_rgb();
        let n = self.frames.len();
        let delay = (self.frame_delay_ms / 10).clamp(2, u32::from(u16::MAX) / 4) as u16;
        // Frames are drawn and quantised a few at a time, in parallel, and
        // written in order: memory holds one batch, not the whole animation.
        let indexed = |i: usize| -> Result<Vec<u8>> {
            let rendered;
            let rgb = if i + 1 == n {
                &last
            } else {
                let (fw, fh, rgb) = self.frames[i].to_rgb_with(1.0, 1)?;
                if (fw, fh) != (w, h) {
                    return Err(Error::Figure("animation frames differ in size".into()));
                }
                rendered = rgb;
                &rendered
            };
            Ok(palette_indices(&quant, rgb))
        };
        let batch = rayon::current_num_threads().clamp(1, 8);
        let mut out = Vec::new();
        {
            let mut enc = gif::Encoder::new(&mut out, w16, h16, &palette).map_err(plot_err)?;
            enc.set_repeat(gif::Repeat::Infinite).map_err(plot_err)?;
            for start in (0..n).step_by(batch) {
                let frames: Vec<Result<Vec<u8>>> = (start..(start + batch).min(n))
                    .into_par_iter()
                    .map(indexed)
                    .collect();
                for (i, indices) in (start..).zip(frames) {
                    let mut frame = gif::Frame::from_indexed_pixels(w16, h16, indices?, None);
                    frame.delay = if i + 1 == n {
                        delay.saturating_mul(4)
                    } else {
                        delay
                    };
                    enc.write_frame(&frame).map_err(plot_err)?;
                }
            }
        }
        Ok(out)
    }

    /// Writes the GIF to `path`.
    ///
    /// # Errors
    /// As [`to_gif`](Self::to_gif), plus [`Error::Io`].
    pub fn save_gif(&self, path: impl AsRef<Path>) -> Result<()> {
        write_file(path.as_ref(), &self.to_gif()?)
    }

    /// Shows the animation inline in an evcxr notebook (`image/gif`).
    pub fn evcxr_display(&self) {
        match self.to_gif() {
            Ok(gif) => println!(
                "EVCXR_BEGIN_CONTENT image/gif\n{}\nEVCXR_END_CONTENT",
                base64(&gif)
            ),
            Err(e) => println!("EVCXR_BEGIN_CONTENT text/plain\n{e}\nEVCXR_END_CONTENT"),
        }
    }
}

/// The palette index of every pixel of packed RGB: runs of one colour
/// reuse the last answer, other colours are looked up once per frame.
fn palette_indices(quant: &color_quant::NeuQuant, rgb: &[u8]) -> Vec<u8> {
    let mut cache: HashMap<u32, u8, BuildHasherDefault<ColorHasher>> = HashMap::default();
    let mut previous: Option<(u32, u8)> = None;
    rgb.chunks_exact(3)
        .map(|p| {
            let key = (u32::from(p[0]) << 16) | (u32::from(p[1]) << 8) | u32::from(p[2]);
            match previous {
                Some((k, index)) if k == key => index,
                _ => {
                    let index = *cache
                        .entry(key)
                        .or_insert_with(|| quant.index_of(&[p[0], p[1], p[2], 255]) as u8);
                    previous = Some((key, index));
                    index
                }
            }
        })
        .collect()
}

/// A multiplicative hash for 24-bit colours (the cache is local, so it
/// needs no protection against chosen keys).
#[derive(Default)]
struct ColorHasher(u64);

impl Hasher for ColorHasher {
    fn finish(&self) -> u64 {
        // fold the well-mixed high half into the low bits used for buckets
        self.0 ^ (self.0 >> 32)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }

    fn write_u32(&mut self, v: u32) {
        self.0 = u64::from(v).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// The training animation: the MLP's decision surface at each recorded
/// epoch (from [`Mlp::fit_recording`](crate::Mlp::fit_recording)) over the
/// training data, with the epoch and accuracy on every frame.
///
/// # Errors
/// [`Error::Empty`] for no frames or no data, [`Error::InvalidParameter`]
/// for more than 200 frames, [`Error::ShapeMismatch`] unless data and
/// models have two features.
pub fn training_animation(frames: &[(usize, MlpModel)], train: &Dataset) -> Result<Animation> {
    if frames.is_empty() {
        return Err(Error::empty("the list of frames", "(epoch, model) pair"));
    }
    if frames.len() > MAX_FRAMES {
        return Err(Error::param(
            "frames",
            frames.len(),
            &format!("at most {MAX_FRAMES} frames"),
        ));
    }
    check_plane_data(train, "the training data")?;
    let (xr, yr) = padded_ranges(&[train], 0.1);
    let last_epoch = frames.iter().map(|(e, _)| *e).max().unwrap_or(0);
    let mut out = Vec::with_capacity(frames.len());
    for (epoch, model) in frames {
        check_model(model)?;
        let panel = surface_panel(model, train, None, xr, yr, (110, 72), true)?;
        let title = format!(
            "Training an MLP with {} {} units on {}: epoch {epoch} of {last_epoch}",
            model.hidden_units(),
            model.activation(),
            train.name()
        );
        out.push(full_surface_figure(
            title,
            panel,
            train.class_names().clone(),
            false,
        ));
    }
    Ok(Animation {
        title: format!("Training an MLP on {}", train.name()),
        frames: out,
        frame_delay_ms: 400,
    })
}
