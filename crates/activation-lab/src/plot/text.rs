//! Text on a figure: placed and wrapped labels, the title, and numbers
//! formatted for ticks and notes.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::theme::Theme;
use crate::error::Result;
use crate::figure::{Area, plot_err};

/// Anchors text at a point.
pub(crate) fn anchored(style: TextStyle<'static>, h: HPos, v: VPos) -> TextStyle<'static> {
    style.pos(Pos::new(h, v))
}

/// Draws `text` at `(x, y)` in pixel coordinates of `area`.
pub(crate) fn text(
    area: &Area<'_>,
    s: &str,
    (x, y): (i32, i32),
    style: TextStyle<'static>,
    h: HPos,
    v: VPos,
) -> Result<()> {
    area.draw(&Text::new(s.to_string(), (x, y), anchored(style, h, v)))
        .map_err(plot_err)
}

/// Fills the canvas white and draws the figure's title at the top; returns
/// the area below the title.
pub(crate) fn titled<'a>(area: &Area<'a>, theme: &Theme, title: &str) -> Result<Area<'a>> {
    area.fill(&WHITE).map_err(plot_err)?;
    let (w, _) = area.dim_in_pixel();
    let size = Theme::TITLE;
    let lines = wrap(area, title, &theme.bold(size), f64::from(w) - 4.0 * theme.u)?;
    let line_h = theme.px(size * 1.3);
    let top = theme.px(1.4);
    for (i, line) in lines.iter().enumerate() {
        text(
            area,
            line,
            ((w / 2) as i32, top + i as i32 * line_h),
            theme.bold(size),
            HPos::Center,
            VPos::Top,
        )?;
    }
    let used = top + lines.len() as i32 * line_h + theme.px(0.6);
    Ok(area.margin(used, 0, 0, 0))
}

/// Width of `s` in pixels in `style`, measured with the embedded font.
pub(crate) fn text_width(area: &Area<'_>, s: &str, style: &TextStyle<'static>) -> Result<f64> {
    let (w, _) = area.estimate_text_size(s, style).map_err(plot_err)?;
    Ok(f64::from(w))
}

/// The style `make(k)` with `k` lowered in small steps (to at most a
/// quarter less) until `s` fits in `max_width` pixels: a panel title
/// slightly too long for its cell shrinks a little rather than run into
/// its neighbour's.
pub(crate) fn fitted(
    area: &Area<'_>,
    s: &str,
    max_width: f64,
    k: f64,
    make: impl Fn(f64) -> TextStyle<'static>,
) -> Result<TextStyle<'static>> {
    let mut size = k;
    while size > 0.75 * k && text_width(area, s, &make(size))? > max_width {
        size -= 0.05 * k;
    }
    Ok(make(size))
}

/// Breaks `s` into lines no wider than `max_width` pixels (words longer
/// than a line stay whole).
pub(crate) fn wrap(
    area: &Area<'_>,
    s: &str,
    style: &TextStyle<'static>,
    max_width: f64,
) -> Result<Vec<String>> {
    wrap_units(area, unbreakable_units(s), style, max_width)
}

/// Wraps an equation such as "z = 0.5 + 1.5 x₁ − 1 x₂" between its terms
/// (before "+", "−" or "="), never inside "1.5 x₁".
pub(crate) fn wrap_terms(
    area: &Area<'_>,
    s: &str,
    style: &TextStyle<'static>,
    max_width: f64,
) -> Result<Vec<String>> {
    let mut units: Vec<String> = Vec::new();
    for token in s.split_whitespace() {
        let starts_term = matches!(token, "+" | "−" | "-" | "=");
        match units.last_mut() {
            Some(last) if !starts_term => {
                last.push(' ');
                last.push_str(token);
            }
            _ => units.push(token.to_string()),
        }
    }
    wrap_units(area, units, style, max_width)
}

/// Greedy line filling over units that never break.
fn wrap_units(
    area: &Area<'_>,
    units: Vec<String>,
    style: &TextStyle<'static>,
    max_width: f64,
) -> Result<Vec<String>> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in units {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && text_width(area, &candidate, style)? > max_width {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Ok(lines)
}

/// Wraps a formula such as "φ(z) = 0 if z < 0, 0.5 if z = 0, 1 if z > 0"
/// at its clauses (after a comma) where it can, so that no line ends in
/// the middle of "z = 0"; a clause wider than a line is wrapped by words.
pub(crate) fn wrap_formula(
    area: &Area<'_>,
    s: &str,
    style: &TextStyle<'static>,
    max_width: f64,
) -> Result<Vec<String>> {
    let clauses = formula_clauses(s);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for clause in clauses {
        let candidate = if line.is_empty() {
            clause.clone()
        } else {
            format!("{line} {clause}")
        };
        if text_width(area, &candidate, style)? <= max_width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if text_width(area, &clause, style)? <= max_width {
            line = clause;
        } else {
            let mut words = wrap(area, &clause, style, max_width)?;
            line = words.pop().unwrap_or_default();
            lines.extend(words);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Ok(lines)
}

/// "a, b (c, d), e" → ["a,", "b (c, d),", "e"]: the text split after each
/// comma that is not inside parentheses.
fn formula_clauses(s: &str) -> Vec<String> {
    let mut clauses = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        current.push(c);
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 && chars.peek() == Some(&' ') => {
                chars.next();
                clauses.push(std::mem::take(&mut current));
            }
            _ => {}
        }
    }
    if !current.is_empty() {
        clauses.push(current);
    }
    clauses
}

/// The words of `s`, with a short parenthesis kept whole ("(n = 50)",
/// "(x1, x2)": at most [`MAX_GROUP_WORDS`] words), so that a line never
/// breaks inside one.
fn unbreakable_units(s: &str) -> Vec<String> {
    const MAX_GROUP_WORDS: usize = 3;
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut units = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let closes = (i..words.len().min(i + MAX_GROUP_WORDS)).find(|&j| words[j].contains(')'));
        match closes {
            Some(j) if w.starts_with('(') && !w.contains(')') => {
                units.push(words[i..=j].join(" "));
                i = j + 1;
            }
            _ => {
                units.push(w.to_string());
                i += 1;
            }
        }
    }
    units
}

/// Tick labels: short, with a true minus sign.
pub(crate) fn tick(v: &f64) -> String {
    let v = if v.abs() < 1e-9 { 0.0 } else { *v };
    let s = if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else if (v * 10.0 - (v * 10.0).round()).abs() < 1e-9 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    };
    s.replace('-', "−")
}

/// A number with a true minus sign.
pub(crate) fn signed(v: f64, decimals: usize) -> String {
    format!("{v:+.decimals$}").replace('-', "−")
}

/// A percentage with one decimal.
pub(crate) fn percent(v: f64) -> String {
    format!("{:.1} %", 100.0 * v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_parentheses_stay_whole_and_long_ones_may_break() {
        assert_eq!(
            unbreakable_units("upper moon (n = 500) and (x1, x2)"),
            ["upper", "moon", "(n = 500)", "and", "(x1, x2)"]
        );
        assert_eq!(
            unbreakable_units("k units (the others held at their mean)"),
            [
                "k", "units", "(the", "others", "held", "at", "their", "mean)"
            ]
        );
        assert_eq!(unbreakable_units("(unclosed group"), ["(unclosed", "group"]);
    }

    #[test]
    fn formulas_split_after_commas_outside_parentheses() {
        assert_eq!(
            formula_clauses("φ(z) = 0 if z < 0, 0.5 if z = 0, 1 if z > 0"),
            ["φ(z) = 0 if z < 0,", "0.5 if z = 0,", "1 if z > 0"]
        );
        assert_eq!(
            formula_clauses("φ(z) = max(0, z): 0 if z < 0, z if z > 0"),
            ["φ(z) = max(0, z): 0 if z < 0,", "z if z > 0"]
        );
        assert_eq!(
            formula_clauses("σ(z) = 1 / (1 + e⁻ᶻ)"),
            ["σ(z) = 1 / (1 + e⁻ᶻ)"]
        );
    }
}
