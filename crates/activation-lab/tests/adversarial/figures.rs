//! Every figure and the gallery's helpers: data at the edges of f64, ranges
//! that are empty or infinite, sizes no screen has, and models too wide to
//! draw unit by unit.

use crate::cases::{Case, bad, either, finite};
use crate::data::tiny;
use activation_lab::prelude::*;

/// A figure counts as drawn when its SVG renders without NaN.
pub fn svg(f: Result<Figure>) -> Result<Vec<f64>> {
    let svg = f?.to_svg()?;
    Ok(if svg.contains("NaN") || svg.contains("inf") {
        vec![f64::NAN]
    } else {
        vec![]
    })
}

pub fn png(f: Result<Figure>) -> Result<Vec<f64>> {
    f?.to_png()?;
    Ok(vec![])
}

pub fn data_at(points: [[f64; 2]; 3]) -> Dataset {
    Dataset::new(
        Array2::from_shape_vec((3, 2), points.concat()).unwrap(),
        array![0, 1, 0],
    )
    .unwrap()
}

pub fn mlp(h: usize) -> MlpModel {
    let w1 = Array2::from_shape_fn((2, h), |(i, j)| ((i * 7 + j * 3) % 11) as f64 - 5.0);
    let b1 = Array1::from_shape_fn(h, |j| (j % 5) as f64 - 2.0);
    let w2 = Array1::from_shape_fn(h, |j| if j % 2 == 0 { 1.0 } else { -0.7 });
    MlpModel::from_weights(w1, b1, w2, 0.1, Activation::Tanh).unwrap()
}

pub fn logistic() -> LogisticModel {
    LogisticModel::from_weights(array![1.0, -1.0], 0.2).unwrap()
}

pub fn cases(out: &mut Vec<Case>) {
    data_figure_cases(out);
    range_cases(out);
    size_cases(out);
}

/// Scatter plots and decision surfaces of data anywhere in f64.
fn data_figure_cases(out: &mut Vec<Case>) {
    let m = f64::MAX;
    let spans: Vec<(&str, [[f64; 2]; 3], bool)> = vec![
        ("±MAX", [[m, m], [-m, -m], [0.0, 0.0]], false),
        (
            "±1e308",
            [[1e308, 1e308], [-1e308, -1e308], [0.0, 0.0]],
            false,
        ),
        (
            "at 1e300",
            [[1e300, 1e300], [2e300, 1e300], [1e300, 3e300]],
            false,
        ),
        ("at 1e99", [[1e99, 1e99], [2e99, 1e99], [1e99, 3e99]], true),
        (
            "at 1e101",
            [[1e101, 1e99], [2e99, 1e99], [1e99, 3e99]],
            false,
        ),
        (
            "at 1e16 apart by 2",
            [[1e16, 0.0], [1e16 + 2.0, 1.0], [1e16, 2.0]],
            true,
        ),
        ("all one point", [[3.0, 3.0], [3.0, 3.0], [3.0, 3.0]], true),
        (
            "subnormal",
            [[5e-324, 0.0], [0.0, 5e-324], [0.0, 0.0]],
            true,
        ),
        ("at MAX in x1 only", [[m, 0.0], [m, 1.0], [m, 2.0]], false),
    ];
    for (name, pts, drawable) in spans {
        let d = move || data_at(pts);
        let must: &[&str] = &["data", "x1"];
        let add = |out: &mut Vec<Case>, fname: String, f: Box<dyn Fn() -> Result<Vec<f64>>>| {
            if drawable {
                finite(out, "figures", fname, f);
            } else {
                either(out, "figures", fname, must, f);
            }
        };
        add(
            out,
            format!("scatter(data {name})"),
            Box::new(move || svg(scatter(&d()))),
        );
        add(
            out,
            format!("scatter(data {name}) as PNG"),
            Box::new(move || png(scatter(&d()))),
        );
        add(
            out,
            format!("decision_surface(logistic, data {name})"),
            Box::new(move || svg(decision_surface(&logistic(), &d(), None))),
        );
        add(
            out,
            format!("decision_surface(MLP, data {name})"),
            Box::new(move || svg(decision_surface(&mlp(4), &d(), Some(&d())))),
        );
        add(
            out,
            format!("hidden_unit_gallery(data {name})"),
            Box::new(move || svg(hidden_unit_gallery(&mlp(4), &d(), &[0, 1]))),
        );
        add(
            out,
            format!("boundary_bend(data {name})"),
            Box::new(move || boundary_bend(&mlp(4), &d()).map(|b| vec![b.max_deviation])),
        );
        finite(
            out,
            "figures",
            format!("plotted_region(data {name}) is finite"),
            move || {
                let (a, b) = plotted_region(&d());
                Ok(if a.0 < a.1 && b.0 < b.1 {
                    vec![a.0, a.1, b.0, b.1]
                } else {
                    vec![f64::NAN]
                })
            },
        );
        finite(
            out,
            "figures",
            format!("class_means(data {name})"),
            move || Ok(class_means(&d())?.concat()),
        );
    }
    let empty = || Dataset::new(Array2::zeros((0, 2)), Array1::zeros(0)).unwrap();
    let three = || Dataset::new(Array2::zeros((2, 3)), array![0, 1]).unwrap();
    bad(
        out,
        "figures",
        "scatter(empty data)",
        &["data", "empty"],
        move || svg(scatter(&empty())),
    );
    bad(
        out,
        "figures",
        "scatter(3 features)",
        &["feature columns"],
        move || svg(scatter(&three())),
    );
    bad(
        out,
        "figures",
        "decision_surface(empty data)",
        &["data", "empty"],
        move || svg(decision_surface(&logistic(), &empty(), None)),
    );
    bad(
        out,
        "figures",
        "decision_surface(3-feature test data)",
        &["test data"],
        move || svg(decision_surface(&logistic(), &tiny(), Some(&three()))),
    );
    bad(
        out,
        "figures",
        "decision_surface(3-input model)",
        &["model"],
        move || {
            svg(decision_surface(
                &LogisticModel::from_weights(array![1.0, 1.0, 1.0], 0.0)?,
                &tiny(),
                None,
            ))
        },
    );
    finite(
        out,
        "figures",
        "decision_surface(empty test data)",
        move || svg(decision_surface(&logistic(), &tiny(), Some(&empty()))),
    );
    either(
        out,
        "figures",
        "decision_surface(huge-weight model)",
        &["too large"],
        || {
            let big = f64::MAX;
            svg(decision_surface(
                &MlpModel::from_weights(
                    array![[big], [-big]],
                    array![big],
                    array![big],
                    -big,
                    Activation::Relu,
                )?,
                &tiny(),
                None,
            ))
        },
    );
    bad(
        out,
        "figures",
        "boundary_bend(empty data)",
        &["data", "empty"],
        move || boundary_bend(&logistic(), &empty()).map(|b| b.max_deviation),
    );
    bad(
        out,
        "figures",
        "class_means(empty data)",
        &["data", "empty"],
        move || Ok(class_means(&empty())?.concat()),
    );
    bad(
        out,
        "figures",
        "class_means(one class)",
        &["class 1"],
        || Ok(class_means(&Dataset::new(array![[0.0, 0.0], [1.0, 1.0]], array![1, 1])?)?.concat()),
    );
    finite(
        out,
        "figures",
        "plotted_region(empty data) is finite",
        move || {
            let (a, b) = plotted_region(&empty());
            Ok(vec![a.0, a.1, b.0, b.1])
        },
    );
    finite(
        out,
        "figures",
        "max_net_input_gap(zero weights, at MAX)",
        || {
            max_net_input_gap(
                &logistic(),
                &LogisticModel::from_weights(array![0.0, 0.0], 0.0)?,
                &array![[f64::MAX, f64::MAX]],
            )
        },
    );
    bad(
        out,
        "figures",
        "max_net_input_gap(z = ±1e308 apart)",
        &["x row 0", "gap"],
        || {
            let a = LogisticModel::from_weights(array![1.0, 0.0], 0.0)?;
            let b = LogisticModel::from_weights(array![-1.0, 0.0], 0.0)?;
            max_net_input_gap(&a, &b, &array![[1e308, 0.0]])
        },
    );
    bad(
        out,
        "figures",
        "collapsed_line(MLP with huge weights)",
        &["weights"],
        || {
            let big = f64::MAX;
            collapsed_line(&MlpModel::from_weights(
                array![[big, big], [big, big]],
                array![big, big],
                array![big, big],
                0.0,
                Activation::Identity,
            )?)
        },
    );
}

/// Ranges a caller sets: every one must be finite, ordered and drawable.
fn range_cases(out: &mut Vec<Case>) {
    let m = f64::MAX;
    let bad_ranges: [(f64, f64); 8] = [
        (f64::NAN, 1.0),
        (0.0, f64::INFINITY),
        (1.0, 1.0),
        (2.0, 1.0),
        (-m, m),
        (-1e300, 1e300),
        (1e16, 1e16 + 2.0),
        (0.0, 1e-300),
    ];
    for r in bad_ranges {
        let name = format!("({:e}, {:e})", r.0, r.1);
        bad(
            out,
            "figures",
            format!("DecisionSurface.x_range{name}"),
            &["x_range"],
            move || {
                svg(DecisionSurface::new(&logistic(), &tiny())
                    .x_range(r.0, r.1)
                    .build())
            },
        );
        bad(
            out,
            "figures",
            format!("DecisionSurface.y_range{name}"),
            &["y_range"],
            move || {
                svg(DecisionSurface::new(&logistic(), &tiny())
                    .y_range(r.0, r.1)
                    .build())
            },
        );
        bad(
            out,
            "figures",
            format!("net_input_map(x1_range = {name})"),
            &["x1_range"],
            move || svg(net_input_map([1.0, 1.0], 0.0, r, (-1.0, 1.0))),
        );
        bad(
            out,
            "figures",
            format!("net_input_map(x2_range = {name})"),
            &["x2_range"],
            move || svg(net_input_map([1.0, 1.0], 0.0, (-1.0, 1.0), r)),
        );
    }
    for r in [(-1e100, 1e100), (1e-6, 2e-6), (-1e-100, 1e-100)] {
        finite(
            out,
            "figures",
            format!("net_input_map(x1_range = ({:e}, {:e}))", r.0, r.1),
            move || svg(net_input_map([1.0, 1.0], 0.0, r, (-1.0, 1.0))),
        );
    }
    for (w, b) in [
        ([m, m], m),
        ([m, -m], 0.0),
        ([0.0, 0.0], 0.0),
        ([0.0, 0.0], 1e300),
        ([5e-324, 0.0], 0.0),
    ] {
        either(
            out,
            "figures",
            format!("net_input_map(w = {w:?}, b = {b:e})"),
            &["too large"],
            move || svg(net_input_map(w, b, (-1.0, 1.0), (-1.0, 1.0))),
        );
    }
    for v in [f64::NAN, f64::INFINITY] {
        bad(
            out,
            "figures",
            format!("net_input_map(weights[1] = {v})"),
            &["weights[1]"],
            move || svg(net_input_map([1.0, v], 0.0, (-1.0, 1.0), (-1.0, 1.0))),
        );
        bad(
            out,
            "figures",
            format!("net_input_map(bias = {v})"),
            &["bias"],
            move || svg(net_input_map([1.0, 1.0], v, (-1.0, 1.0), (-1.0, 1.0))),
        );
    }
    for p in [f64::NAN, -0.1, 5.1, f64::INFINITY, 1e308] {
        bad(
            out,
            "figures",
            format!("DecisionSurface.padding({p:e})"),
            &["padding"],
            move || {
                svg(DecisionSurface::new(&logistic(), &tiny())
                    .padding(p)
                    .build())
            },
        );
    }
    for n in [0usize, 1, 1001, usize::MAX] {
        bad(
            out,
            "figures",
            format!("DecisionSurface.resolution({n})"),
            &["resolution"],
            move || {
                svg(DecisionSurface::new(&logistic(), &tiny())
                    .resolution(n)
                    .build())
            },
        );
    }
    finite(out, "figures", "DecisionSurface.resolution(2)", || {
        svg(DecisionSurface::new(&logistic(), &tiny())
            .resolution(2)
            .build())
    });
}

/// Sizes: no figure may ask for more pixels than a screen (or memory) has.
fn size_cases(out: &mut Vec<Case>) {
    for (w, h, word) in [
        (0, 500, "width"),
        (800, 0, "height"),
        (8193, 500, "width"),
        (u32::MAX, u32::MAX, "width"),
        (1, 1, "width"),
    ] {
        let size = FigureSize::Pixels {
            width: w,
            height: h,
        };
        bad(
            out,
            "figures",
            format!("scatter at {w}×{h}"),
            &[word],
            move || png(scatter(&tiny()).map(|f| f.with_size(size))),
        );
    }
    for s in [f64::NAN, 0.0, -1.0, f64::INFINITY, 1e9, 100.0] {
        bad(
            out,
            "figures",
            format!("to_png_scaled({s:e})"),
            &["scale"],
            move || scatter(&tiny())?.to_png_scaled(s).map(|_| 0.0),
        );
    }
    finite(out, "figures", "scatter at 8192×8192 as SVG", || {
        svg(scatter(&tiny()).map(|f| {
            f.with_size(FigureSize::Pixels {
                width: 8192,
                height: 8192,
            })
        }))
    });
    bad(
        out,
        "figures",
        "Figure::save(unknown extension)",
        &["extension", "svg"],
        || scatter(&tiny())?.save("figure.bmp"),
    );
    bad(
        out,
        "figures",
        "Figure::save(no extension)",
        &["extension"],
        || scatter(&tiny())?.save("figure"),
    );
    bad(
        out,
        "figures",
        "Figure::save(missing directory)",
        &["no-such-dir"],
        || scatter(&tiny())?.save("no-such-dir/figure.svg"),
    );
    for h in [0usize, 100_001, usize::MAX] {
        bad(
            out,
            "figures",
            format!("mlp_schematic({h})"),
            &["hidden_units"],
            move || svg(mlp_schematic(h)),
        );
    }
    for h in [1usize, 100_000] {
        finite(out, "figures", format!("mlp_schematic({h})"), move || {
            svg(mlp_schematic(h))
        });
    }
    finite(out, "figures", "the fixed figures", || {
        let mut v = svg(sigmoid_curve(SigmoidPanels::WithDerivative))?;
        v.extend(svg(sigmoid_curve(SigmoidPanels::SigmoidOnly))?);
        v.extend(svg(step_and_threshold())?);
        v.extend(svg(cheat_sheet())?);
        v.extend(svg(logistic_regression_schematic())?);
        Ok(v)
    });
}
