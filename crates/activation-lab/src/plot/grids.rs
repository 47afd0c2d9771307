//! Comparison grids of decision surfaces: models × datasets, and one model
//! family across activations × hidden-layer widths.

use plotters::style::text_anchor::{HPos, VPos};

use super::checks::check_plane_data;
use super::contour::default_cells;
use super::decision_surface::surface_panel;
use super::layout::cells;
use super::panel::Panel;
use super::ranges::padded_ranges;
use super::scatter::points_of;
use super::style::MUTED;
use super::text::{text, titled, wrap};
use super::theme::Theme;
use crate::activation::Activation;
use crate::data::Dataset;
use crate::error::{Error, Result};
use crate::figure::{Area, Figure};
use crate::models::{Classifier, LogisticModel, LogisticRegression, Mlp, MlpModel};

/// The largest grid drawn: 8 × 8 panels.
use crate::limits::MAX_SIDE;

/// A grid of panels with column headers and row labels.
struct Layout {
    title: String,
    note: String,
    col_headers: Vec<String>,
    row_labels: Vec<String>,
    /// Row-major, `rows × cols`.
    panels: Vec<Panel>,
}

impl Layout {
    fn figure(self, notebook: (u32, u32)) -> Figure {
        let title = self.title.clone();
        Figure::new(title, notebook, move |root| self.draw(root))
    }

    fn draw(&self, root: &Area<'_>) -> Result<()> {
        let theme = Theme::for_area(root);
        let body = titled(root, &theme, &self.title)?;
        let (bw, bh) = body.dim_in_pixel();
        let small = theme.font(Theme::SMALL);
        let note_lines = wrap(&body, &self.note, &small, f64::from(bw) - theme.u * 4.0)?;
        let line_h = theme.px(Theme::SMALL * 1.35);
        let note_h = line_h * note_lines.len() as i32 + theme.px(0.8);
        for (i, l) in note_lines.iter().enumerate() {
            text(
                &body,
                l,
                (
                    bw as i32 / 2,
                    bh as i32 - note_h + theme.px(0.4) + i as i32 * line_h,
                ),
                small.clone().color(&MUTED),
                HPos::Center,
                VPos::Top,
            )?;
        }
        let label_w = theme.px(15.0);
        let header_h = theme.px(Theme::TICK * 1.6);
        let grid_area = body.margin(header_h, note_h, label_w, theme.px(1.0));
        let (rows, cols) = (self.row_labels.len(), self.col_headers.len());
        let areas = cells(&grid_area, rows, cols, theme.px(0.8));
        for (c, header) in self.col_headers.iter().enumerate() {
            let (x, _) = areas[c].get_base_pixel();
            let (bx, _) = body.get_base_pixel();
            let (cw, _) = areas[c].dim_in_pixel();
            text(
                &body,
                header,
                (x - bx + cw as i32 / 2, header_h / 2),
                theme.bold(Theme::TICK),
                HPos::Center,
                VPos::Center,
            )?;
        }
        let font = theme.bold(Theme::TICK);
        for (r, label) in self.row_labels.iter().enumerate() {
            let cell = &areas[r * cols];
            let (_, y) = cell.get_base_pixel();
            let (_, by) = body.get_base_pixel();
            let (_, ch) = cell.dim_in_pixel();
            let lines = wrap(&body, label, &font, f64::from(label_w) - theme.u * 1.5)?;
            let lh = theme.px(Theme::TICK * 1.3);
            let y0 = y - by + ch as i32 / 2 - lh * lines.len() as i32 / 2;
            for (i, l) in lines.iter().enumerate() {
                text(
                    &body,
                    l,
                    (label_w - theme.px(1.0), y0 + i as i32 * lh + lh / 2),
                    font.clone(),
                    HPos::Right,
                    VPos::Center,
                )?;
            }
        }
        for (area, panel) in areas.iter().zip(&self.panels) {
            panel.draw(area, &theme)?;
        }
        Ok(())
    }
}

fn check_side(name: &str, n: usize) -> Result<()> {
    if n == 0 {
        return Err(Error::empty(&format!("the list of {name}"), "entry"));
    }
    if n > MAX_SIDE {
        return Err(Error::param(
            name,
            n,
            &format!("at most {MAX_SIDE} entries"),
        ));
    }
    Ok(())
}

fn check_epochs(epochs: usize) -> Result<()> {
    if (1..=100_000).contains(&epochs) {
        Ok(())
    } else {
        Err(Error::param(
            "epochs",
            epochs,
            "a whole number from 1 to 100000",
        ))
    }
}

/// The grids' MLP settings: Adam with learning rate 0.03 and minibatches
/// of 16, so that short runs on small datasets converge.
fn fast_mlp(units: usize, activation: Activation, epochs: usize, seed: u64) -> Mlp {
    Mlp::new()
        .hidden_units(units)
        .activation(activation)
        .learning_rate(0.03)
        .batch_size(16)
        .epochs(epochs)
        .seed(seed)
}

/// A model trained for one panel of a comparison grid.
#[derive(Debug, Clone)]
pub enum GridModel {
    /// Logistic regression.
    Logistic(LogisticModel),
    /// A one-hidden-layer perceptron.
    Mlp(MlpModel),
}

impl GridModel {
    /// The model, for predictions and accuracies.
    pub fn classifier(&self) -> &dyn Classifier {
        match self {
            GridModel::Logistic(m) => m,
            GridModel::Mlp(m) => m,
        }
    }
}

/// One panel of a comparison grid: its row and column, the model trained
/// for it (none for a panel that shows the data only) and the split it was
/// trained and tested on.
#[derive(Debug, Clone)]
pub struct GridCell {
    /// The panel's row label, e.g. `"logistic regression"` or `"sigmoid"`.
    pub row: String,
    /// The panel's column header, e.g. `"moons"` or `"200 units"`.
    pub column: String,
    /// The trained model, `None` for a data-only panel.
    pub model: Option<GridModel>,
    /// The training split.
    pub train: Dataset,
    /// The test split (hollow points; its accuracy is under the panel).
    pub test: Dataset,
}

impl GridCell {
    /// Test accuracy of the panel's model (`None` for a data-only panel).
    ///
    /// # Errors
    /// The errors of [`Classifier::accuracy`].
    pub fn test_accuracy(&self) -> Result<Option<f64>> {
        self.model
            .as_ref()
            .map(|m| m.classifier().accuracy(&self.test))
            .transpose()
    }
}

/// The trained models of a comparison grid, in the order drawn (row by
/// row), from which the figure is drawn: what a test asserts about the
/// models is what the figure shows.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let grid = fit_models_by_datasets(&[moons(120, 0.2, 1)?], 20, 1)?;
/// let lr = grid.cell("logistic regression", "moons").unwrap();
/// assert!(lr.test_accuracy()?.unwrap() > 0.5);
/// assert_eq!(grid.test_accuracy("logistic regression", "moons")?, lr.test_accuracy()?.unwrap());
/// assert!(grid.bend("logistic regression", "moons")?.max_deviation < 1e-9);
/// assert!(grid.test_accuracy("data", "moons").is_err());
/// assert!(grid.figure()?.to_svg()?.contains("moons"));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct ModelGrid {
    /// The figure's title.
    pub title: String,
    /// The note under the panels.
    pub note: String,
    /// Column headers, left to right.
    pub columns: Vec<String>,
    /// Row labels, top to bottom.
    pub rows: Vec<String>,
    /// The panels, row-major (`rows × columns`).
    pub cells: Vec<GridCell>,
}

impl ModelGrid {
    /// The panel in row `row` and column `column`, by their labels.
    pub fn cell(&self, row: &str, column: &str) -> Option<&GridCell> {
        self.cells
            .iter()
            .find(|c| c.row == row && c.column == column)
    }

    /// The panel's model by its row and column labels.
    fn model_at(&self, row: &str, column: &str) -> Result<&GridCell> {
        let cell = self
            .cells
            .iter()
            .find(|c| c.row == row && c.column == column && c.model.is_some());
        cell.ok_or_else(|| {
            Error::param(
                "row and column",
                format!("{row:?}, {column:?}"),
                &format!(
                    "a panel with a model: rows {:?}, columns {:?}",
                    self.rows, self.columns
                ),
            )
        })
    }

    /// Test accuracy of the model in row `row`, column `column` (what the note
    /// under its panel shows).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] when there is no such panel with a model.
    pub fn test_accuracy(&self, row: &str, column: &str) -> Result<f64> {
        let cell = self.model_at(row, column)?;
        match &cell.model {
            Some(m) => m.classifier().accuracy(&cell.test),
            None => Err(Error::param("row", row, "a row with models")),
        }
    }

    /// How much the boundary of the model in row `row`, column `column`
    /// bends ([`crate::claims::boundary_bend`] on its training split).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] when there is no such panel with a model.
    pub fn bend(&self, row: &str, column: &str) -> Result<crate::claims::BoundaryBend> {
        let cell = self.model_at(row, column)?;
        match &cell.model {
            Some(m) => crate::claims::boundary_bend(m.classifier(), &cell.train),
            None => Err(Error::param("row", row, "a row with models")),
        }
    }

    /// Draws the grid: each panel's decision surface (or the data alone),
    /// test points hollow, test accuracy under the panel.
    ///
    /// # Errors
    /// The errors of evaluating the models on the plotted grid.
    pub fn figure(&self) -> Result<Figure> {
        let (w, h) = (1200.0, 760.0);
        let cells_px = default_cells(
            w * 0.85 / self.columns.len().max(1) as f64,
            h * 0.7 / self.rows.len().max(1) as f64,
        );
        let mut panels = Vec::with_capacity(self.cells.len());
        for cell in &self.cells {
            let (xr, yr) = padded_ranges(&[&cell.train, &cell.test], 0.1);
            let p = match &cell.model {
                None => {
                    let mut p = Panel::new(xr, yr);
                    p.points = points_of(&cell.train, false);
                    p.points.extend(points_of(&cell.test, true));
                    p.point_size = 0.38;
                    p
                }
                Some(m) => {
                    let model = m.classifier();
                    let mut p = surface_panel(
                        model,
                        &cell.train,
                        Some(&cell.test),
                        xr,
                        yr,
                        cells_px,
                        false,
                    )?;
                    p.corner = Some(test_corner(model, &cell.test)?);
                    p
                }
            };
            panels.push(p);
        }
        Ok(Layout {
            title: self.title.clone(),
            note: self.note.clone(),
            col_headers: self.columns.clone(),
            row_labels: self.rows.clone(),
            panels,
        }
        .figure((1200, 760)))
    }
}

/// Test accuracy for a grid panel's note.
fn test_corner(model: &dyn Classifier, test: &Dataset) -> Result<String> {
    Ok(format!("test {:.0} %", 100.0 * model.accuracy(test)?))
}

/// Models × datasets, as in scikit-learn's classifier comparison: one
/// column per dataset; rows show the data, logistic regression (a straight
/// boundary) and an MLP with 200 sigmoid hidden units (a curved one).
/// Each dataset is split 70/30 with `seed`; test points are hollow and the
/// note under each panel shows test accuracy. The MLP is trained with Adam (learning
/// rate 0.03, minibatches of 16) for `epochs` epochs. The figure of
/// [`fit_models_by_datasets`].
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let sets = [blobs(120, 0.6, 1)?, moons(120, 0.2, 1)?];
/// let svg = models_by_datasets(&sets, 20, 1)?.to_svg()?;
/// assert!(svg.contains("logistic") && svg.contains("moons"));
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// As [`fit_models_by_datasets`].
pub fn models_by_datasets(datasets: &[Dataset], epochs: usize, seed: u64) -> Result<Figure> {
    fit_models_by_datasets(datasets, epochs, seed)?.figure()
}

/// The models of [`models_by_datasets`], trained, with the splits they were
/// trained and tested on.
///
/// # Errors
/// [`Error::Empty`] for no datasets, [`Error::InvalidParameter`] for more
/// than 8 or a bad `epochs`, and the errors of training (a dataset with one
/// class or fewer than two features).
pub fn fit_models_by_datasets(datasets: &[Dataset], epochs: usize, seed: u64) -> Result<ModelGrid> {
    check_side("datasets", datasets.len())?;
    check_epochs(epochs)?;
    let rows = [
        "data".to_string(),
        "logistic regression".to_string(),
        "MLP, 200 sigmoid units".to_string(),
    ];
    let mut by_row: [Vec<GridCell>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    for data in datasets {
        check_plane_data(data, &format!("the dataset \"{}\"", data.name()))?;
        let (train, test) = data.split(0.3, seed)?;
        let column = data.name().to_string();
        let lr = LogisticRegression::new().seed(seed).fit(&train)?;
        let mlp = fast_mlp(200, Activation::Sigmoid, epochs, seed).fit(&train)?;
        let models = [
            None,
            Some(GridModel::Logistic(lr)),
            Some(GridModel::Mlp(mlp)),
        ];
        for ((cells, row), model) in by_row.iter_mut().zip(&rows).zip(models) {
            cells.push(GridCell {
                row: row.clone(),
                column: column.clone(),
                model,
                train: train.clone(),
                test: test.clone(),
            });
        }
    }
    Ok(ModelGrid {
        title: "Straight boundaries fail where classes are not linearly separable".into(),
        note: "Blue: P(y = 1 | x) low, vermillion: high; solid line: the p = 0.5 boundary. \
               Filled: training points, hollow: test points (test accuracy under each panel)."
            .into(),
        columns: datasets.iter().map(|d| d.name().to_string()).collect(),
        rows: rows.to_vec(),
        cells: by_row.into_iter().flatten().collect(),
    })
}

/// One model family across activations × widths: an MLP with one hidden
/// layer of each width in `widths` (e.g. 1, 2, 4, 200 units) and each
/// activation in `activations` (e.g. identity, sigmoid, tanh, ReLU),
/// trained on `data` (split 70/30 with `seed`) for `epochs` epochs. Identity
/// units give a straight boundary at every width: without a non-linear
/// activation, more units do not help. The figure of
/// [`fit_activations_by_widths`].
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let data = moons(120, 0.2, 2)?;
/// let fig = activations_by_widths(&data, &[Activation::Identity, Activation::Relu], &[1, 8], 20, 2)?;
/// let svg = fig.to_svg()?;
/// assert!(svg.contains("identity") && svg.contains("8 units"));
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// As [`fit_activations_by_widths`].
pub fn activations_by_widths(
    data: &Dataset,
    activations: &[Activation],
    widths: &[usize],
    epochs: usize,
    seed: u64,
) -> Result<Figure> {
    fit_activations_by_widths(data, activations, widths, epochs, seed)?.figure()
}

/// The models of [`activations_by_widths`], trained, with the split they
/// were trained and tested on. Rows are labelled by the activation's key
/// (`"sigmoid"`), columns by the width (`"200 units"`).
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let data = moons(120, 0.2, 2)?;
/// let grid = fit_activations_by_widths(&data, &[Activation::Identity], &[1, 8], 20, 2)?;
/// assert!(grid.cell("identity", "8 units").is_some());
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::Empty`] for no activations or widths, [`Error::InvalidParameter`]
/// for more than 8 of either, a bad `epochs` or width, or an activation
/// that cannot be trained by gradient descent (the steps), and the errors of
/// training.
pub fn fit_activations_by_widths(
    data: &Dataset,
    activations: &[Activation],
    widths: &[usize],
    epochs: usize,
    seed: u64,
) -> Result<ModelGrid> {
    check_side("activations", activations.len())?;
    check_side("widths", widths.len())?;
    check_epochs(epochs)?;
    check_plane_data(data, "the data")?;
    let max_units = crate::limits::MAX_HIDDEN_UNITS;
    if let Some((i, &w)) = widths
        .iter()
        .enumerate()
        .find(|(_, w)| !(1..=max_units).contains(*w))
    {
        return Err(Error::param(
            &format!("widths[{i}]"),
            w,
            &format!("a number of hidden units from 1 to {max_units}"),
        ));
    }
    if let Some(a) = activations.iter().find(|a| !a.is_trainable()) {
        return Err(Error::param(
            "activations",
            a,
            "activations with a useful gradient (not the step functions)",
        ));
    }
    let (train, test) = data.split(0.3, seed)?;
    let unit_word = |n: usize| {
        if n == 1 {
            "1 unit".to_string()
        } else {
            format!("{n} units")
        }
    };
    let mut cells = Vec::with_capacity(activations.len() * widths.len());
    for &a in activations {
        for &units in widths {
            let model = fast_mlp(units, a, epochs, seed).fit(&train)?;
            cells.push(GridCell {
                row: a.key().to_string(),
                column: unit_word(units),
                model: Some(GridModel::Mlp(model)),
                train: train.clone(),
                test: test.clone(),
            });
        }
    }
    Ok(ModelGrid {
        title: format!(
            "Activation × width on {}: identity units stay linear",
            data.name()
        ),
        note: "Each panel: an MLP with one hidden layer (rows: its activation, columns: its \
               width) and a sigmoid output; solid line: the p = 0.5 boundary; hollow points: test \
               data, test accuracy under each panel."
            .into(),
        columns: widths.iter().map(|&n| unit_word(n)).collect(),
        rows: activations.iter().map(|a| a.key().to_string()).collect(),
        cells,
    })
}
