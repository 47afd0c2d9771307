//! The JSON pieces every widget shares: the palette of the static figures,
//! data points, plotted ranges and probability grids.

use ndarray::Array2;
use plotters::style::RGBColor;
use serde_json::{Value, json};

use crate::data::Dataset;
use crate::error::{Error, Result};
use crate::figure::plot_err;
use crate::models::Classifier;
use crate::plot::contour::probability_color;
use crate::plot::ranges::padded_ranges;
use crate::plot::style::{AXIS, CLASS_COLORS, GRID, GUIDE, INK, MUTED};

/// Cells across and down a surface the browser computes (the issue's
/// 200 × 200, redrawn on every slider move).
pub(super) const LIVE_CELLS: usize = 200;

/// Cells across and down a surface recorded in Rust (one grey PNG each).
pub(super) const RECORDED_CELLS: usize = 150;

/// Levels a recorded probability is stored with: `floor(250 p)`, so that
/// `floor(level / 25)` is the shading band `floor(10 p)` exactly and
/// `level >= 125` is `p >= 0.5`.
pub(super) const LEVELS: f64 = 250.0;

fn hex(c: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// The colours of the static figures: the two classes, the ten shading
/// bands of P(y = 1 | x), text, axes, grid and guide lines.
pub(super) fn palette() -> Value {
    json!({
        "classes": CLASS_COLORS.iter().map(|&c| hex(c)).collect::<Vec<_>>(),
        "bands": (0..10).map(|b| hex(probability_color(b))).collect::<Vec<_>>(),
        "ink": hex(INK),
        "muted": hex(MUTED),
        "axis": hex(AXIS),
        "grid": hex(GRID),
        "guide": hex(GUIDE),
    })
}

/// `data`'s points as `[x1, x2, class, x1, x2, class, …]`.
pub(super) fn points(data: &Dataset) -> Value {
    let mut flat = Vec::with_capacity(3 * data.n_samples());
    for (row, &y) in data.features().rows().into_iter().zip(data.labels()) {
        flat.push(json!(row[0]));
        flat.push(json!(row[1]));
        flat.push(json!(y));
    }
    Value::Array(flat)
}

/// The data's names: class names (legend), feature names (axes), dataset.
pub(super) fn names(data: &Dataset) -> Value {
    json!({
        "classes": data.class_names(),
        "features": data.feature_names().iter().take(2).collect::<Vec<_>>(),
        "data": data.name(),
    })
}

/// The plotted region of the static decision surface: the data's
/// bounding box padded by a tenth of its span.
pub(super) fn ranges(sets: &[&Dataset]) -> Value {
    let (x, y) = padded_ranges(sets, 0.1);
    json!({"x": [x.0, x.1], "y": [y.0, y.1]})
}

/// The plotted region as numbers.
pub(super) fn range_of(sets: &[&Dataset]) -> ((f64, f64), (f64, f64)) {
    padded_ranges(sets, 0.1)
}

/// The cell centres of an `n × n` grid over the region, row 0 at the top
/// (largest x2), as an `[n², 2]` array.
pub(super) fn grid_points(xr: (f64, f64), yr: (f64, f64), n: usize) -> Array2<f64> {
    let mut g = Array2::zeros((n * n, 2));
    for r in 0..n {
        let y = yr.1 - (r as f64 + 0.5) / n as f64 * (yr.1 - yr.0);
        for c in 0..n {
            let x = xr.0 + (c as f64 + 0.5) / n as f64 * (xr.1 - xr.0);
            g[[r * n + c, 0]] = x;
            g[[r * n + c, 1]] = y;
        }
    }
    g
}

/// `model`'s P(y = 1 | x) on the grid, stored as a grey PNG of
/// [`LEVELS`] levels (base64), for the browser to shade.
pub(super) fn probability_png(
    model: &dyn Classifier,
    xr: (f64, f64),
    yr: (f64, f64),
    n: usize,
) -> Result<String> {
    let p = model.predict_proba(&grid_points(xr, yr, n))?;
    let levels: Vec<u8> = p
        .iter()
        .map(|&p| (p * LEVELS).floor().clamp(0.0, LEVELS - 1.0) as u8)
        .collect();
    let mut out = Vec::new();
    {
        let side = u32::try_from(n).map_err(|_| Error::param("grid cells", n, "at most 2^32"))?;
        let mut enc = png::Encoder::new(&mut out, side, side);
        enc.set_color(png::ColorType::Grayscale);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::High);
        let mut writer = enc.write_header().map_err(plot_err)?;
        writer.write_image_data(&levels).map_err(plot_err)?;
        writer.finish().map_err(plot_err)?;
    }
    Ok(crate::figure::base64(&out))
}

/// Checks that `data` can be drawn as a widget: rows, two feature columns,
/// values within a figure's reach.
pub(super) fn check_data(data: &Dataset, what: &str) -> Result<()> {
    crate::plot::checks::check_plane_data(data, what)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::LogisticModel;

    #[test]
    fn levels_keep_the_bands_and_the_boundary_exactly() {
        for k in 0..=1000 {
            let p = k as f64 / 1000.0;
            let level = (p * LEVELS).floor().clamp(0.0, LEVELS - 1.0);
            let band = ((p * 10.0).floor() as usize).min(9);
            assert_eq!((level / 25.0).floor() as usize, band, "p = {p}");
            assert_eq!(level >= 125.0, p >= 0.5, "p = {p}");
        }
    }

    #[test]
    fn the_grid_runs_left_to_right_and_top_to_bottom() {
        let g = grid_points((0.0, 2.0), (0.0, 1.0), 2);
        assert_eq!(g.row(0).to_vec(), vec![0.5, 0.75]);
        assert_eq!(g.row(1).to_vec(), vec![1.5, 0.75]);
        assert_eq!(g.row(2).to_vec(), vec![0.5, 0.25]);
        let m = LogisticModel::from_weights(ndarray::array![1.0, 0.0], 0.0).unwrap();
        assert!(probability_png(&m, (-1.0, 1.0), (-1.0, 1.0), 4).is_ok());
    }
}
