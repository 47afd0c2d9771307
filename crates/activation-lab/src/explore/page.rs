//! The HTML around a widget: a standalone page, or a notebook output with
//! its static picture for viewers that run no scripts.

use super::widget::Widget;
use crate::notebook::html_escape;

/// The widgets' style (scoped to `.al-widget`).
const CSS: &str = include_str!("assets/widgets.css");

/// The widgets' script: shared drawing, the six kinds, mounting.
const SCRIPT: [&str; 3] = [
    include_str!("assets/core.js"),
    include_str!("assets/kinds.js"),
    include_str!("assets/trained.js"),
];

/// What the static picture says when the script did not run.
pub(super) const FALLBACK_NOTE: &str = "A static picture of an interactive figure. To move its \
    controls, run this cell (or trust the notebook), or open the notebook's HTML export in a browser.";

/// The script, wrapped so that its names stay private, mounting every
/// widget of the page not yet mounted.
pub(super) fn script() -> String {
    let mut s = String::from("(function () {\n'use strict';\n");
    for part in SCRIPT {
        s.push_str(part);
        s.push('\n');
    }
    s.push_str("mountAll();\n})();");
    s
}

/// JSON safe inside `<script>`: every `<` escaped, so that no `</script>`
/// or `<!--` can end the element early.
fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// The widget's root element: `data-widget`, the JSON, and `inner`.
fn root(widget: &Widget, inner: &str) -> String {
    format!(
        "<div class=\"al-widget\" data-widget=\"{kind}\">{inner}<script type=\"application/json\">{json}</script></div>",
        kind = widget.kind.name(),
        json = script_json(&widget.spec_json()),
    )
}

/// A page that shows the widget offline, opened from disk.
pub(super) fn standalone(widget: &Widget) -> String {
    let title = html_escape(&widget.title);
    let noscript = "<noscript><p>This page is an interactive figure: it needs JavaScript, \
                    which this browser has switched off.</p></noscript>";
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\nbody {{ margin: 16px; background: #fff; }}\n{CSS}</style>\n</head>\n<body>\n\
         {root}\n<script>\n{script}\n</script>\n</body>\n</html>\n",
        root = root(widget, noscript),
        script = script(),
    )
}

/// A notebook output: the static picture and its note (hidden once the
/// script runs), the JSON, the style and the script.
pub(super) fn inline(widget: &Widget, png: &[u8]) -> String {
    let fallback = format!(
        "<div class=\"al-fallback\"><img src=\"data:image/png;base64,{b64}\" alt=\"{alt}\"><p>{note}</p></div>",
        b64 = crate::figure::base64(png),
        alt = html_escape(&widget.title),
        note = FALLBACK_NOTE,
    );
    format!(
        "<style>{CSS}</style>{root}<script>{script}</script>",
        root = root(widget, &fallback),
        script = script(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_cannot_close_its_script_element() {
        let s = script_json(r#"{"name":"</script><script>alert(1)</script>"}"#);
        assert!(!s.contains("</script"));
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back["name"], "</script><script>alert(1)</script>");
    }
}
