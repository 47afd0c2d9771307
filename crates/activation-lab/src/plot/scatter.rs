//! Data points over the input plane (points at one place drawn once,
//! larger) and the scatter plot of a dataset.

use super::checks::check_plane_data;
use super::layout::split_side;
use super::legend::{Key, legend};
use super::panel::Panel;
use super::ranges::padded_ranges;
use super::text::titled;
use super::theme::Theme;
use crate::data::Dataset;
use crate::error::Result;
use crate::figure::Figure;

/// One data point to draw.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Point {
    pub x: f64,
    pub y: f64,
    pub class: u8,
    pub hollow: bool,
}

pub(crate) fn points_of(data: &Dataset, hollow: bool) -> Vec<Point> {
    data.features()
        .rows()
        .into_iter()
        .zip(data.labels())
        .map(|(row, &class)| Point {
            x: row[0],
            y: row[1],
            class,
            hollow,
        })
        .collect()
}

/// The points once each, in their first order, with how many times each
/// one occurs (same place, class and kind).
pub(super) fn distinct_points(points: &[Point]) -> (Vec<Point>, Vec<usize>) {
    let mut index: std::collections::HashMap<(u64, u64, u8, bool), usize> =
        std::collections::HashMap::new();
    let (mut unique, mut counts) = (Vec::new(), Vec::new());
    for p in points {
        // +0.0 turns −0 into 0, so the two are one place
        let key = (
            (p.x + 0.0).to_bits(),
            (p.y + 0.0).to_bits(),
            p.class,
            p.hollow,
        );
        match index.get(&key) {
            Some(&i) => counts[i] += 1,
            None => {
                index.insert(key, unique.len());
                unique.push(*p);
                counts.push(1);
            }
        }
    }
    (unique, counts)
}

/// The legend row that explains larger markers, when some points share a
/// place.
pub(super) fn ties_note(points: &[Point]) -> Option<(Key, String)> {
    distinct_points(points).1.iter().any(|&n| n > 1).then(|| {
        (
            Key::Text,
            "larger marker: several points at one place".to_string(),
        )
    })
}

/// A scatter plot of a two-feature dataset: classes by colour and marker,
/// a legend with the class names and counts.
///
/// ```
/// use activation_lab::prelude::*;
/// # fn main() -> activation_lab::Result<()> {
/// let data = moons(100, 0.2, 1)?.with_class_names(["lower moon", "upper moon"]);
/// let svg = scatter(&data)?.to_svg()?;
/// assert!(svg.contains("lower moon") && svg.contains("upper moon"));
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::Empty`](crate::error::Error::Empty) for data without rows,
/// [`Error::ShapeMismatch`](crate::error::Error::ShapeMismatch) unless it
/// has exactly two features.
pub fn scatter(data: &Dataset) -> Result<Figure> {
    check_plane_data(data, "the data")?;
    let (xr, yr) = padded_ranges(&[data], 0.08);
    let mut panel = Panel::new(xr, yr);
    panel.points = points_of(data, false);
    panel.labels = Some((
        data.feature_names()[0].clone(),
        data.feature_names()[1].clone(),
    ));
    let counts = data.class_counts();
    let names = data.class_names().clone();
    let title = format!(
        "The {} data: {} points, two classes",
        data.name(),
        data.n_samples()
    );
    let t = title.clone();
    Ok(Figure::new(title, (800, 500), move |root| {
        let theme = Theme::for_area(root);
        let body = titled(root, &theme, &t)?;
        let (chart, side) = split_side(&body, &theme);
        panel.draw(&chart, &theme)?;
        let (sw, _) = side.dim_in_pixel();
        let mut rows = (0..2)
            .map(|c| {
                (
                    Key::Marker {
                        class: c as u8,
                        hollow: false,
                    },
                    format!("{} (n = {})", names[c], counts[c]),
                )
            })
            .collect::<Vec<_>>();
        rows.extend(ties_note(&panel.points));
        legend(&side, &theme, (0, theme.px(1.0)), &rows, f64::from(sw))?;
        Ok(())
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_are_drawn_once_with_a_larger_marker_and_a_note() {
        let pt = |x: f64, y: f64, class: u8| Point {
            x,
            y,
            class,
            hollow: false,
        };
        let (unique, counts) = distinct_points(&[
            pt(1.0, 2.0, 0),
            pt(1.0, 2.0, 0),
            pt(-0.0, 0.0, 1),
            pt(0.0, 0.0, 1),
            pt(1.0, 2.0, 1),
        ]);
        assert_eq!(counts, vec![2, 2, 1]);
        assert_eq!(unique.len(), 3);
        let ties = crate::Dataset::new(
            ndarray::array![[4.7, 1.4], [4.7, 1.4], [4.7, 1.4], [6.0, 2.5], [5.1, 1.9]],
            ndarray::array![0, 0, 0, 1, 1],
        )
        .unwrap();
        let svg = scatter(&ties).unwrap().to_svg().unwrap();
        assert!(svg.contains("larger marker"), "the note is drawn");
        // the tied point is drawn once: one circle fewer than rows of class 0
        let plain = crate::Dataset::new(
            ndarray::array![[4.7, 1.4], [4.8, 1.4], [4.9, 1.4], [6.0, 2.5], [5.1, 1.9]],
            ndarray::array![0, 0, 0, 1, 1],
        )
        .unwrap();
        let svg_plain = scatter(&plain).unwrap().to_svg().unwrap();
        assert!(!svg_plain.contains("larger marker"));
        // two markers fewer, each a disc and its rim
        assert_eq!(
            svg_plain.matches("<circle").count() - svg.matches("<circle").count(),
            4
        );
    }
}
