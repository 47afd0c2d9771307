//! The layout check: where a figure's text collides with something.
//!
//! Measured on the drawing calls themselves (the [`Scene`]), with each
//! text's ink box as the PNG draws it:
//!
//! - two texts whose ink boxes overlap;
//! - a text crossed by a plotted mark: a line, curve, marker or frame with
//!   enough contrast against the page to be seen (grid lines and shaded
//!   backgrounds are not marks);
//! - a text that leaves the canvas;
//! - an opaque box (a legend or a score panel) drawn over data marks.

use std::fmt;

use plotters_backend::BackendColor;

use super::scene::{Op, Scene};
use crate::error::Result;

/// One collision found by [`Figure::collisions`](super::Figure::collisions).
#[derive(Debug, Clone, PartialEq)]
pub enum Collision {
    /// Two texts overlap.
    Texts {
        /// The first text.
        first: String,
        /// The second text.
        second: String,
    },
    /// A line, curve, marker or frame runs through a text.
    Mark {
        /// The text.
        text: String,
        /// What crosses it (`"line"`, `"curve"`, `"marker"`, `"frame"`).
        mark: &'static str,
        /// Where, in pixels (x, y).
        at: (f64, f64),
    },
    /// A text reaches beyond the canvas.
    OffCanvas {
        /// The text.
        text: String,
    },
    /// An opaque box hides data marks drawn before it.
    HiddenData {
        /// The box, in pixels: left, top, right, bottom.
        rect: [i32; 4],
        /// How many marks it hides.
        marks: usize,
    },
}

impl fmt::Display for Collision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Collision::Texts { first, second } => {
                write!(f, "texts {first:?} and {second:?} overlap")
            }
            Collision::Mark { text, mark, at } => write!(
                f,
                "a {mark} runs through {text:?} at ({:.0}, {:.0})",
                at.0, at.1
            ),
            Collision::OffCanvas { text } => write!(f, "{text:?} reaches beyond the canvas"),
            Collision::HiddenData { rect, marks } => write!(
                f,
                "a box at x {}–{}, y {}–{} hides {marks} data mark{}",
                rect[0],
                rect[2],
                rect[1],
                rect[3],
                if *marks == 1 { "" } else { "s" }
            ),
        }
    }
}

/// Relative luminance difference below which a mark does not count
/// (grid lines: #E4E4E4 on white is 0.11).
const MIN_CONTRAST: f64 = 0.2;
/// Filled shapes larger than this many pixels are backgrounds, not marks.
const MAX_MARK_AREA: f64 = 2500.0;
/// How far inside its ink box a text may be touched without it counting.
const SLACK: f64 = 1.0;

fn luminance(c: BackendColor) -> f64 {
    let (r, g, b) = c.rgb;
    (0.2126 * f64::from(r) + 0.7152 * f64::from(g) + 0.0722 * f64::from(b)) / 255.0
}

/// A mark: what it is, and its geometry as segments or a disc.
enum Shape {
    Segments(Vec<((f64, f64), (f64, f64))>, f64),
    Disc((f64, f64), f64),
    Box([f64; 4]),
}

struct Mark {
    kind: &'static str,
    shape: Shape,
    /// Index of the drawing call.
    order: usize,
    /// A data mark (curve or marker), as opposed to a frame or axis line.
    data: bool,
}

fn p(c: (i32, i32)) -> (f64, f64) {
    (f64::from(c.0), f64::from(c.1))
}

fn marks(scene: &Scene, page: BackendColor) -> Vec<Mark> {
    let visible = |c: BackendColor| {
        c.alpha >= 0.35 && (luminance(c) - luminance(page)).abs() * c.alpha >= MIN_CONTRAST
    };
    let mut out = Vec::new();
    for (order, op) in scene.ops.iter().enumerate() {
        match op {
            Op::Line {
                from,
                to,
                color,
                width,
            } if visible(*color) => out.push(Mark {
                kind: "line",
                shape: Shape::Segments(vec![(p(*from), p(*to))], f64::from(*width)),
                order,
                data: false,
            }),
            Op::Path {
                points,
                color,
                width,
            } if visible(*color) && points.len() >= 2 => out.push(Mark {
                kind: "curve",
                shape: Shape::Segments(
                    points.windows(2).map(|w| (p(w[0]), p(w[1]))).collect(),
                    f64::from(*width),
                ),
                order,
                data: true,
            }),
            Op::Rect {
                from,
                to,
                color,
                fill: false,
                ..
            } if visible(*color) => {
                let (a, b) = (p(*from), p(*to));
                let corners = [a, (b.0, a.1), b, (a.0, b.1), a];
                out.push(Mark {
                    kind: "frame",
                    shape: Shape::Segments(corners.windows(2).map(|w| (w[0], w[1])).collect(), 1.0),
                    order,
                    data: false,
                });
            }
            Op::Circle {
                center,
                radius,
                color,
                ..
            } if visible(*color) => {
                let r = f64::from(*radius);
                if std::f64::consts::PI * r * r <= MAX_MARK_AREA {
                    out.push(Mark {
                        kind: "marker",
                        shape: Shape::Disc(p(*center), r),
                        order,
                        data: true,
                    });
                }
            }
            Op::Polygon { points, color } if visible(*color) && !points.is_empty() => {
                let (mut l, mut t, mut r, mut b) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
                for &q in points {
                    let (x, y) = p(q);
                    (l, t, r, b) = (l.min(x), t.min(y), r.max(x), b.max(y));
                }
                if (r - l) * (b - t) <= MAX_MARK_AREA {
                    out.push(Mark {
                        kind: "marker",
                        shape: Shape::Box([l, t, r, b]),
                        order,
                        data: true,
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// Does the segment a–b, thickened by `half`, enter the box? Returns a
/// point of it inside.
fn segment_hits(a: (f64, f64), b: (f64, f64), half: f64, bx: [f64; 4]) -> Option<(f64, f64)> {
    let [l, t, r, btm] = [bx[0] - half, bx[1] - half, bx[2] + half, bx[3] + half];
    // Liang–Barsky clipping
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut u0, mut u1) = (0.0f64, 1.0f64);
    for (pp, q) in [
        (-dx, a.0 - l),
        (dx, r - a.0),
        (-dy, a.1 - t),
        (dy, btm - a.1),
    ] {
        if pp == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let u = q / pp;
            if pp < 0.0 {
                u0 = u0.max(u);
            } else {
                u1 = u1.min(u);
            }
            if u0 > u1 {
                return None;
            }
        }
    }
    let u = (u0 + u1) / 2.0;
    Some((a.0 + u * dx, a.1 + u * dy))
}

/// A text whose box lies inside a disc or a marker's box is that shape's
/// label (a node of a network diagram), not a collision.
fn labels(shape: &Shape, text: [f64; 4]) -> bool {
    let corners = [
        (text[0], text[1]),
        (text[2], text[1]),
        (text[0], text[3]),
        (text[2], text[3]),
    ];
    match shape {
        Shape::Disc(c, r) => corners
            .iter()
            .all(|p| (p.0 - c.0).powi(2) + (p.1 - c.1).powi(2) <= r * r),
        Shape::Box(b) => corners
            .iter()
            .all(|p| p.0 >= b[0] && p.0 <= b[2] && p.1 >= b[1] && p.1 <= b[3]),
        Shape::Segments(..) => false,
    }
}

fn boxes_overlap(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

fn shrink(b: [f64; 4], by: f64) -> [f64; 4] {
    [b[0] + by, b[1] + by, b[2] - by, b[3] - by]
}

/// Every collision in `scene`.
pub(crate) fn collisions(scene: &Scene) -> Result<Vec<Collision>> {
    let page = scene
        .ops
        .iter()
        .find_map(|op| match op {
            Op::Rect {
                color, fill: true, ..
            } => Some(*color),
            _ => None,
        })
        .unwrap_or(BackendColor {
            alpha: 1.0,
            rgb: (255, 255, 255),
        });
    let (w, h) = (f64::from(scene.size.0), f64::from(scene.size.1));
    let texts: Vec<(String, [f64; 4])> = scene
        .texts()?
        .into_iter()
        .filter_map(|(t, l)| l.ink_box().map(|b| (t.text.clone(), b)))
        .collect();
    let marks = marks(scene, page);
    let mut out = Vec::new();
    for (i, (text, b)) in texts.iter().enumerate() {
        if b[0] < -SLACK || b[1] < -SLACK || b[2] > w + SLACK || b[3] > h + SLACK {
            out.push(Collision::OffCanvas { text: text.clone() });
        }
        let inner = shrink(*b, SLACK);
        for (other, b2) in &texts[i + 1..] {
            if boxes_overlap(inner, shrink(*b2, SLACK)) {
                out.push(Collision::Texts {
                    first: text.clone(),
                    second: other.clone(),
                });
            }
        }
        for m in &marks {
            if labels(&m.shape, inner) {
                continue;
            }
            let hit = match &m.shape {
                Shape::Segments(segs, width) => segs
                    .iter()
                    .find_map(|&(a, c)| segment_hits(a, c, width / 2.0, inner)),
                Shape::Disc(c, r) => {
                    let nx = c.0.clamp(inner[0], inner[2]);
                    let ny = c.1.clamp(inner[1], inner[3]);
                    ((nx - c.0).powi(2) + (ny - c.1).powi(2) < r * r).then_some(*c)
                }
                Shape::Box(bb) => boxes_overlap(*bb, inner).then_some((bb[0], bb[1])),
            };
            if let Some(at) = hit {
                out.push(Collision::Mark {
                    text: text.clone(),
                    mark: m.kind,
                    at,
                });
            }
        }
    }
    // opaque boxes over data drawn before them
    let canvas_area = w * h;
    for (order, op) in scene.ops.iter().enumerate() {
        let Op::Rect {
            from,
            to,
            color,
            fill: true,
            ..
        } = op
        else {
            continue;
        };
        let rect = [
            f64::from(from.0),
            f64::from(from.1),
            f64::from(to.0),
            f64::from(to.1),
        ];
        let area = (rect[2] - rect[0]) * (rect[3] - rect[1]);
        if color.alpha < 0.5 || area > canvas_area / 4.0 || area <= MAX_MARK_AREA {
            continue;
        }
        let hidden = marks
            .iter()
            .filter(|m| m.data && m.order < order)
            .filter(|m| match &m.shape {
                Shape::Segments(segs, _) => segs
                    .iter()
                    .any(|&(a, c)| segment_hits(a, c, 0.0, shrink(rect, 1.0)).is_some()),
                Shape::Disc(c, _) => {
                    c.0 > rect[0] && c.0 < rect[2] && c.1 > rect[1] && c.1 < rect[3]
                }
                Shape::Box(bb) => boxes_overlap(*bb, shrink(rect, 1.0)),
            })
            .count();
        if hidden > 0 {
            out.push(Collision::HiddenData {
                rect: [from.0, from.1, to.0, to.1],
                marks: hidden,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::glyphs::Face;
    use crate::figure::scene::TextOp;
    use plotters_backend::FontTransform;
    use plotters_backend::text_anchor::{HPos, Pos, VPos};

    const INK: BackendColor = BackendColor {
        alpha: 1.0,
        rgb: (34, 34, 34),
    };
    const PAPER: BackendColor = BackendColor {
        alpha: 1.0,
        rgb: (255, 255, 255),
    };

    fn label(s: &str, pos: (i32, i32)) -> Op {
        Op::Text(TextOp {
            text: s.into(),
            face: Face::Regular,
            size: 24.0,
            anchor: Pos::new(HPos::Left, VPos::Top),
            transform: FontTransform::None,
            color: INK,
            pos,
        })
    }

    fn scene(ops: Vec<Op>) -> Scene {
        let mut all = vec![Op::Rect {
            from: (0, 0),
            to: (399, 199),
            color: PAPER,
            width: 1,
            fill: true,
        }];
        all.extend(ops);
        Scene {
            size: (400, 200),
            ops: all,
        }
    }

    #[test]
    fn each_kind_of_collision_is_found_and_a_clean_layout_has_none() {
        let clean = scene(vec![label("loss", (20, 20)), label("accuracy", (20, 80))]);
        assert_eq!(collisions(&clean).unwrap(), vec![]);

        let crossed = scene(vec![
            label("loss", (20, 20)),
            Op::Path {
                points: vec![(0, 30), (200, 30)],
                color: INK,
                width: 2,
            },
        ]);
        assert!(matches!(
            collisions(&crossed).unwrap()[..],
            [Collision::Mark { mark: "curve", .. }]
        ));
        // a light grid line is not a mark
        let grid = scene(vec![
            label("loss", (20, 20)),
            Op::Line {
                from: (0, 30),
                to: (200, 30),
                color: BackendColor {
                    alpha: 1.0,
                    rgb: (228, 228, 228),
                },
                width: 1,
            },
        ]);
        assert_eq!(collisions(&grid).unwrap(), vec![]);

        let stacked = scene(vec![label("loss", (20, 20)), label("loss", (30, 25))]);
        assert!(matches!(
            collisions(&stacked).unwrap()[..],
            [Collision::Texts { .. }]
        ));

        let cut = scene(vec![label("a long label", (350, 20))]);
        assert!(matches!(
            collisions(&cut).unwrap()[..],
            [Collision::OffCanvas { .. }]
        ));

        let hidden = scene(vec![
            Op::Circle {
                center: (120, 120),
                radius: 4,
                color: INK,
                width: 1,
                fill: true,
            },
            Op::Rect {
                from: (100, 100),
                to: (180, 140),
                color: PAPER,
                width: 1,
                fill: true,
            },
        ]);
        assert!(matches!(
            collisions(&hidden).unwrap()[..],
            [Collision::HiddenData { marks: 1, .. }]
        ));

        // a node's label inside its disc is the node's name
        let node = scene(vec![
            Op::Circle {
                center: (100, 100),
                radius: 40,
                color: BackendColor {
                    alpha: 1.0,
                    rgb: (120, 120, 120),
                },
                width: 1,
                fill: true,
            },
            label("x", (92, 85)),
        ]);
        assert_eq!(collisions(&node).unwrap(), vec![]);
    }

    #[test]
    fn a_segment_through_a_box_hits_it_and_one_beside_it_does_not() {
        let b = [10.0, 10.0, 20.0, 20.0];
        assert!(segment_hits((0.0, 15.0), (30.0, 15.0), 0.0, b).is_some());
        assert!(segment_hits((0.0, 25.0), (30.0, 25.0), 0.0, b).is_none());
        assert!(segment_hits((0.0, 22.0), (30.0, 22.0), 3.0, b).is_some());
        assert!(segment_hits((15.0, 0.0), (15.0, 5.0), 0.0, b).is_none());
    }
}
