//! The decision surface of a classifier: P(y = 1 | x) shaded over the
//! input plane, the p = 0.5 boundary, training and test points.

use ndarray::Array2;

use super::checks::{check_drawable, check_model, check_padding, check_plane_data, check_range};
use super::contour::{Grid, PROBABILITY_LEVELS, Pt, check_cells, default_cells, probability_color};
use super::layout::split_side;
use super::legend::{Key, legend, probability_bar};
use super::panel::Panel;
use super::ranges::padded_ranges;
use super::scatter::{points_of, ties_note};
use super::text::{percent, titled};
use super::theme::Theme;
use crate::activation::predicted_class;
use crate::data::Dataset;
use crate::error::{Error, Result};
use crate::figure::{Figure, FigureSize};
use crate::limits::MAX_CELLS;
use crate::models::Classifier;

/// The decision surface of any fitted [`Classifier`]: P(y = 1 | x) as
/// shading, the p = 0.5 boundary, the training points (filled) and test
/// points (hollow), accuracy above the plot, a legend with class names.
///
/// The grid resolution follows the figure size (about one cell per 5
/// pixels) unless set; the plotted region is the data's bounding box plus
/// `padding` (a fraction of its span, default 0.1) unless ranges are given.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let data = moons(200, 0.2, 7)?;
/// let (train, test) = data.split(0.25, 7)?;
/// let model = Mlp::new().hidden_units(20).epochs(60).fit(&train)?;
/// let fig = DecisionSurface::new(&model, &train)
///     .test(&test)
///     .title("A 20-unit MLP on moons")
///     .build()?;
/// let svg = fig.to_svg()?;
/// assert!(svg.contains("A 20-unit MLP on moons"));
/// assert!(svg.contains("test"));
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Copy)]
pub struct DecisionSurface<'a> {
    model: &'a dyn Classifier,
    train: &'a Dataset,
    test: Option<&'a Dataset>,
    title: Option<&'a str>,
    size: FigureSize,
    resolution: Option<usize>,
    padding: f64,
    x_range: Option<(f64, f64)>,
    y_range: Option<(f64, f64)>,
}

impl std::fmt::Debug for DecisionSurface<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DecisionSurface")
            .field("model", &self.model.describe())
            .field("train", &self.train.name())
            .field("size", &self.size)
            .field("resolution", &self.resolution)
            .field("padding", &self.padding)
            .finish_non_exhaustive()
    }
}

impl<'a> DecisionSurface<'a> {
    /// The surface of `model` over its training data `train`.
    pub fn new(model: &'a dyn Classifier, train: &'a Dataset) -> Self {
        DecisionSurface {
            model,
            train,
            test: None,
            title: None,
            size: FigureSize::Notebook,
            resolution: None,
            padding: 0.1,
            x_range: None,
            y_range: None,
        }
    }

    /// Test points, drawn hollow; their accuracy is shown too.
    pub fn test(mut self, test: &'a Dataset) -> Self {
        self.test = Some(test);
        self
    }

    /// The title (default: the model's description and the data's name).
    pub fn title(mut self, title: &'a str) -> Self {
        self.title = Some(title);
        self
    }

    /// The figure size; the grid resolution follows it.
    pub fn size(mut self, size: FigureSize) -> Self {
        self.size = size;
        self
    }

    /// Grid cells across the x1 axis (2 to 1000; rows follow the plot's
    /// aspect).
    pub fn resolution(mut self, cells: usize) -> Self {
        self.resolution = Some(cells);
        self
    }

    /// Margin around the data, as a fraction of its span (0 to 5;
    /// default 0.1). Larger values zoom out.
    pub fn padding(mut self, fraction: f64) -> Self {
        self.padding = fraction;
        self
    }

    /// The plotted x1 range (overrides the padding for x1).
    pub fn x_range(mut self, low: f64, high: f64) -> Self {
        self.x_range = Some((low, high));
        self
    }

    /// The plotted x2 range (overrides the padding for x2).
    pub fn y_range(mut self, low: f64, high: f64) -> Self {
        self.y_range = Some((low, high));
        self
    }

    /// Evaluates the model on the grid and returns the figure.
    ///
    /// # Errors
    /// [`Error::Empty`] for training data without rows,
    /// [`Error::ShapeMismatch`] when the data or the model does not have
    /// two features, or the test data differs from the training data,
    /// [`Error::InvalidParameter`] for a bad size, resolution, padding or
    /// range, [`Error::NonFinite`] when the model's output is not finite.
    pub fn build(&self) -> Result<Figure> {
        check_plane_data(self.train, "the training data")?;
        if let Some(t) = self.test
            && t.n_features() != 2
        {
            return Err(Error::shape(
                "feature columns in the test data",
                2,
                t.n_features(),
            ));
        }
        if let Some(t) = self.test.filter(|t| !t.is_empty()) {
            check_drawable(t, "the test data")?;
        }
        check_model(self.model)?;
        check_padding(self.padding)?;
        self.size.validate()?;
        let (w, h) = self.size.pixels((800, 500));
        let mut sets = vec![self.train];
        sets.extend(self.test.filter(|t| !t.is_empty()));
        // ranges the caller set must be drawable; the padded data range is
        // (finite and ordered by construction)
        if let Some(r) = self.x_range {
            check_range("x_range", r)?;
        }
        if let Some(r) = self.y_range {
            check_range("y_range", r)?;
        }
        let (xr, yr) = padded_ranges(&sets, self.padding);
        let xr = self.x_range.unwrap_or(xr);
        let yr = self.y_range.unwrap_or(yr);
        let (plot_w, plot_h) = (f64::from(w) * 0.66, f64::from(h) * 0.72);
        let (nx, ny) = match self.resolution {
            Some(n) => {
                check_cells("resolution", n)?;
                (
                    n,
                    ((n as f64 * plot_h / plot_w).round() as usize).clamp(2, MAX_CELLS),
                )
            }
            None => default_cells(plot_w, plot_h),
        };
        let title = self.title.map_or_else(
            || {
                format!(
                    "Decision surface: {} on {}",
                    self.model.describe(),
                    self.train.name()
                )
            },
            str::to_string,
        );
        let panel = surface_panel(self.model, self.train, self.test, xr, yr, (nx, ny), true)?;
        let names = self.train.class_names().clone();
        let has_test = self.test.is_some_and(|t| !t.is_empty());
        Ok(full_surface_figure(title, panel, names, has_test).with_size(self.size))
    }
}

/// The decision surface of `model` with training (and optionally test)
/// points, at the notebook size; see [`DecisionSurface`] for the options.
///
/// # Errors
/// As [`DecisionSurface::build`].
pub fn decision_surface(
    model: &dyn Classifier,
    train: &Dataset,
    test: Option<&Dataset>,
) -> Result<Figure> {
    let mut s = DecisionSurface::new(model, train);
    if let Some(t) = test {
        s = s.test(t);
    }
    s.build()
}

/// The panel of a decision surface: shading, boundary, points, accuracy.
pub(crate) fn surface_panel(
    model: &dyn Classifier,
    train: &Dataset,
    test: Option<&Dataset>,
    xr: (f64, f64),
    yr: (f64, f64),
    (nx, ny): (usize, usize),
    axes: bool,
) -> Result<Panel> {
    let grid = Grid::evaluate(xr, yr, nx, ny, |x| model.predict_proba(x))?;
    let mut shading = grid.shade(&PROBABILITY_LEVELS, Some(0.5))?;
    let cell = ((xr.1 - xr.0) / nx as f64, (yr.1 - yr.0) / ny as f64);
    refine_boundary(&mut shading.lines, model, cell, (xr, yr))?;
    let mut panel = Panel::new(xr, yr);
    panel.shading = Some(shading);
    panel.colors = (0..10).map(probability_color).collect();
    panel.points = points_of(train, false);
    let mut corner = format!("train {}", percent(model.accuracy(train)?));
    if let Some(t) = test.filter(|t| !t.is_empty()) {
        panel.points.extend(points_of(t, true));
        corner.push_str(&format!("   test {}", percent(model.accuracy(t)?)));
    }
    panel.corner = Some(corner);
    if axes {
        panel.labels = Some((
            train.feature_names()[0].clone(),
            train.feature_names()[1].clone(),
        ));
    } else {
        panel.point_size = 0.38;
    }
    Ok(panel)
}

/// Halvings used to put each drawn boundary vertex on the model's z = 0.
const BOUNDARY_BISECTIONS: usize = 30;

/// Moves each vertex of the drawn p = 0.5 lines onto the model's true
/// boundary z = 0: a search across the line (one and a half cells either
/// side, along the polyline's normal) refined by bisection on the model
/// itself, all vertices at once. Interpolating between grid samples can
/// misplace the line by up to a cell where the surface is flat on one side
/// (a ReLU unit that is off, say); a straight boundary is then drawn
/// straight. A line's ends on the plot's edge move along the edge.
/// Vertices without a sign change nearby, or whose refined place would
/// leave the plot, stay where they are.
fn refine_boundary(
    lines: &mut [Vec<(f64, f64)>],
    model: &dyn Classifier,
    (dx, dy): (f64, f64),
    (xr, yr): ((f64, f64), (f64, f64)),
) -> Result<()> {
    // (line, vertex, end a, end b) with z(a) < 0 ≤ z(b) once ordered
    let mut probes: Vec<(usize, usize, Pt, Pt)> = Vec::new();
    for (li, line) in lines.iter().enumerate() {
        let n = line.len();
        for (vi, &(x, y)) in line.iter().enumerate() {
            let prev = line[vi.saturating_sub(1)];
            let next = line[(vi + 1).min(n - 1)];
            // the normal, in cell units so that both axes count alike
            let (tx, ty) = ((next.0 - prev.0) / dx, (next.1 - prev.1) / dy);
            let len = tx.hypot(ty);
            if len < 1e-12 {
                continue;
            }
            // across the line, or along the plot's edge for an end on it
            let eps = 1e-9 * (dx + dy);
            let (nx, ny) = if (x - xr.0).abs() < eps || (x - xr.1).abs() < eps {
                (0.0, 1.5 * dy)
            } else if (y - yr.0).abs() < eps || (y - yr.1).abs() < eps {
                (1.5 * dx, 0.0)
            } else {
                (-ty / len * 1.5 * dx, tx / len * 1.5 * dy)
            };
            probes.push((li, vi, (x - nx, y - ny), (x + nx, y + ny)));
        }
    }
    if probes.is_empty() {
        return Ok(());
    }
    let eval = |pts: &[(Pt, Pt)], pick: fn(&(Pt, Pt)) -> Pt| {
        let mut x = Array2::<f64>::zeros((pts.len(), 2));
        for (k, p) in pts.iter().enumerate() {
            let (px, py) = pick(p);
            x[[k, 0]] = px;
            x[[k, 1]] = py;
        }
        model.decision_function(&x)
    };
    let mut ends: Vec<(Pt, Pt)> = probes.iter().map(|p| (p.2, p.3)).collect();
    let za = eval(&ends, |e| e.0)?;
    let zb = eval(&ends, |e| e.1)?;
    let mut keep = Vec::with_capacity(ends.len());
    for (k, e) in ends.iter_mut().enumerate() {
        let crosses = za[k].is_finite()
            && zb[k].is_finite()
            && predicted_class(za[k]) != predicted_class(zb[k]);
        if crosses && predicted_class(za[k]) == 1 {
            *e = (e.1, e.0);
        }
        keep.push(crosses);
    }
    for _ in 0..BOUNDARY_BISECTIONS {
        let zm = eval(&ends, |e| (0.5 * (e.0.0 + e.1.0), 0.5 * (e.0.1 + e.1.1)))?;
        for (k, e) in ends.iter_mut().enumerate() {
            let m = (0.5 * (e.0.0 + e.1.0), 0.5 * (e.0.1 + e.1.1));
            if predicted_class(zm[k]) == 1 {
                e.1 = m;
            } else {
                e.0 = m;
            }
        }
    }
    let inside = |(x, y): (f64, f64)| x >= xr.0 && x <= xr.1 && y >= yr.0 && y <= yr.1;
    for ((&(li, vi, _, _), e), ok) in probes.iter().zip(&ends).zip(keep) {
        let p = (0.5 * (e.0.0 + e.1.0), 0.5 * (e.0.1 + e.1.1));
        if ok && inside(p) {
            lines[li][vi] = p;
        }
    }
    Ok(())
}

/// A full decision-surface figure: title, chart, side legend and colour bar.
pub(crate) fn full_surface_figure(
    title: String,
    panel: Panel,
    names: [String; 2],
    has_test: bool,
) -> Figure {
    let t = title.clone();
    Figure::new(title, (800, 500), move |root| {
        let theme = Theme::for_area(root);
        let body = titled(root, &theme, &t)?;
        let (chart, side) = split_side(&body, &theme);
        panel.draw(&chart, &theme)?;
        let (sw, sh) = side.dim_in_pixel();
        let mut rows = Vec::new();
        for c in 0..2u8 {
            let suffix = if has_test { " (train)" } else { "" };
            rows.push((
                Key::Marker {
                    class: c,
                    hollow: false,
                },
                format!("{}{suffix}", names[usize::from(c)]),
            ));
        }
        if has_test {
            for c in 0..2u8 {
                rows.push((
                    Key::Marker {
                        class: c,
                        hollow: true,
                    },
                    format!("{} (test)", names[usize::from(c)]),
                ));
            }
        }
        rows.extend(ties_note(&panel.points));
        let y = legend(&side, &theme, (0, theme.px(1.0)), &rows, f64::from(sw))?;
        let bar_h = (sh as i32 - y - theme.px(8.0)).min(theme.px(16.0));
        if bar_h > theme.px(5.0) {
            probability_bar(&side, &theme, (0, y + theme.px(1.5)), bar_h)?;
        }
        Ok(())
    })
}
