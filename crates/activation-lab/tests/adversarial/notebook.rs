//! The notebook helpers: checks with odd tolerances and answers, and the
//! best-line search.

use crate::cases::{Case, bad, finite};
use crate::data::tiny;
use activation_lab::prelude::*;

pub fn cases(out: &mut Vec<Case>) {
    for tol in [f64::NAN, -1.0, f64::INFINITY, 0.0] {
        finite(
            out,
            "notebook",
            format!("check_close(tolerance = {tol})"),
            move || Ok(check_close("x", 1.0, 1.0, tol)),
        );
    }
    for got in [f64::NAN, f64::INFINITY, f64::MAX] {
        finite(
            out,
            "notebook",
            format!("check_close(got = {got:e})"),
            move || Ok(check_close("x", got, 1.0, 0.1)),
        );
        finite(
            out,
            "notebook",
            format!("check_relative(got = {got:e})"),
            move || Ok(check_relative("x", got, 0.0, 0.1, "hint")),
        );
        finite(
            out,
            "notebook",
            format!("check_between(got = {got:e})"),
            move || Ok(check_between("x", got, 2.0, 1.0, "hint")),
        );
    }
    finite(
        out,
        "notebook",
        "check_relative(expected 0, relative NaN)",
        || Ok(check_relative("x", 0.0, 0.0, f64::NAN, "hint")),
    );
    finite(out, "notebook", "check_between(low NaN)", || {
        Ok(check_between("x", 0.5, f64::NAN, 1.0, ""))
    });
    finite(out, "notebook", "check_eq(unanswered)", || {
        Ok(check_eq::<u8>("x", unanswered(), 3, ""))
    });
    finite(out, "notebook", "check_set(duplicates)", || {
        Ok(check_set("x", vec![1, 1, 2], [1, 2], ""))
    });
    finite(out, "notebook", "check_that(unanswered)", || {
        Ok(check_that::<f64>(
            "x",
            unanswered(),
            |v| *v > 0.0,
            "> 0",
            "",
        ))
    });
    finite(out, "notebook", "check(empty name)", || Ok(check("", true)));
    finite(
        out,
        "notebook",
        "Answer: unanswered, mapped and given",
        || {
            let a: Answer<f64> = unanswered();
            let mapped = a.map(|v| v * 2.0);
            let tried = Answer::Given(2.0).try_map(|v| net_input(&array![v], &array![1.0], 0.0))?;
            Ok(vec![
                f64::from(u8::from(mapped.is_given())),
                tried.given().unwrap_or(f64::NAN),
            ])
        },
    );
    bad(
        out,
        "notebook",
        "Answer::try_map passes the error on",
        &["w (the weights)"],
        || {
            Answer::Given(f64::MAX)
                .try_map(|v| net_input(&array![v], &array![f64::NAN], 0.0))
                .map(|_| 0.0)
        },
    );
    for d in [0usize, 1_000_001, usize::MAX] {
        bad(
            out,
            "notebook",
            format!("best_line_accuracy(directions = {d})"),
            &["directions"],
            move || best_line_accuracy(&tiny(), d),
        );
    }
    bad(
        out,
        "notebook",
        "best_line_accuracy(empty data)",
        &["data", "empty"],
        || best_line_accuracy(&Dataset::new(Array2::zeros((0, 2)), Array1::zeros(0))?, 10),
    );
    finite(out, "notebook", "best_line_accuracy(data at ±MAX)", || {
        best_line_accuracy(
            &Dataset::new(
                array![[f64::MAX, f64::MAX], [-f64::MAX, -f64::MAX]],
                array![0, 1],
            )?,
            16,
        )
    });
    finite(out, "notebook", "Html and Markdown of odd text", || {
        let _ = Html("<script>\u{0}</script>".to_string());
        let _ = Markdown("**\u{FEFF}".to_string());
        Ok(0.0)
    });
}
