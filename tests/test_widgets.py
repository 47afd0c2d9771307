"""Every interactive widget, driven in a real browser, shows the crate's numbers.

The example `widget_fixtures` writes each of the six widgets (net-input,
sigmoid, logistic, training, hidden-units, activations) as a standalone
page and as a notebook output, with the numbers the crate computes for
fixed parameters (`Widget::reference_state`: the crate's own
`LogisticModel`, `keep_hidden_units`, recorded models, ...). Headless
Chromium, driven by Playwright, then opens every page with all network
access refused and, through the test contract every widget keeps
(`data-widget="KIND"` on its root, `window.activationLab.widgets[i]` with
`set(params)` and `state()`), checks that:

- every number the page shows matches the crate's to 1e-9 (probabilities
  at clicked points, accuracy, log-loss, z, σ, losses per epoch, ...);
- the page logs no error or warning and requests nothing from the network;
- the sliders move with the keyboard, and bad parameters are refused with
  a message naming them, without breaking the widget;
- the standalone pages stay within the sizes the widgets promise (150 KB
  for the weight widgets, 600 KB for the training run);
- a notebook output whose scripts do not run (an untrusted notebook, a
  viewer without JavaScript) shows its static picture and the line saying
  how to make it interactive, and hides both once the script runs.

It also measures how long a weight-slider update takes to redraw the
200 × 200 surface and prints it (a measurement, not a pass mark; `make
bench` reports it too, see BENCHMARKS.md). With WIDGET_SCREENSHOTS=DIR it
saves a screenshot of every widget after moving its controls.

Needs Debian's chromium and Playwright (`make test` installs both where apt
is available); without them the test is skipped, except under CI, where it
fails.
"""

import json
import math
import re
import os
import statistics
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from test_figure_viewers import chromium  # noqa: E402  (the same browser, found the same way)

TOLERANCE = 1e-9
KINDS = ["net-input", "sigmoid", "logistic", "training", "hidden-units", "activations"]
MAX_KB = {"net-input": 150, "sigmoid": 150, "logistic": 150, "training": 600,
          "hidden-units": 600, "activations": 600}
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def missing_tools():
    missing = [] if chromium() else ["chromium"]
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("playwright (pip)")
    return missing


def write_fixtures(out):
    """Runs the example that writes the pages and the crate's numbers."""
    subprocess.run(
        ["cargo", "run", "--locked", "-q", "-p", "activation-lab", "--example",
         "widget_fixtures", "--", str(out)],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
    )


def differences(expected, got, path="state"):
    """Every place where `got` differs from `expected`: numbers by more than
    TOLERANCE (relative above 1), everything else exactly."""
    if isinstance(expected, bool) or expected is None or isinstance(expected, str):
        return [] if got == expected else [f"{path}: expected {expected!r}, page shows {got!r}"]
    if isinstance(expected, (int, float)):
        if not isinstance(got, (int, float)) or isinstance(got, bool) or not math.isfinite(got):
            return [f"{path}: expected {expected!r}, page shows {got!r}"]
        gap = abs(got - expected)
        return [] if gap <= TOLERANCE * max(1.0, abs(expected)) else [
            f"{path}: expected {expected!r}, page shows {got!r} (off by {gap:.3g})"]
    if isinstance(expected, list):
        if not isinstance(got, list) or len(got) != len(expected):
            return [f"{path}: expected {expected!r}, page shows {got!r}"]
        return [d for i, (e, g) in enumerate(zip(expected, got)) for d in differences(e, g, f"{path}[{i}]")]
    if isinstance(expected, dict):
        if not isinstance(got, dict):
            return [f"{path}: expected an object, page shows {got!r}"]
        return [d for k, e in expected.items() for d in differences(e, got.get(k), f"{path}.{k}")]
    return [f"{path}: cannot compare {expected!r}"]


@unittest.skipIf(
    missing_tools() and not os.environ.get("CI"),
    f"needs {', '.join(missing_tools())} (tools/setup.sh --viewers installs them)",
)
class WidgetsShowTheCratesNumbers(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        missing = missing_tools()
        if missing:
            raise AssertionError(f"CI needs {', '.join(missing)}: tools/setup.sh --viewers installs them")
        cls.tmp = tempfile.TemporaryDirectory(prefix="widgets-")
        cls.dir = Path(cls.tmp.name)
        write_fixtures(cls.dir)
        from playwright.sync_api import sync_playwright
        cls.playwright = sync_playwright().start()
        cls.browser = cls.playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_FLAGS)
        cls.shots = os.environ.get("WIDGET_SCREENSHOTS")

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        cls.playwright.stop()
        cls.tmp.cleanup()

    def open(self, name, javascript=True, viewport=(1100, 820)):
        """A fresh page showing `name`, every network request refused and
        counted; returns (page, problems) where problems collects console
        errors and warnings, page errors and requests."""
        context = self.browser.new_context(java_script_enabled=javascript,
                                           viewport={"width": viewport[0], "height": viewport[1]})
        self.addCleanup(context.close)
        page = context.new_page()
        problems = []
        page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
                if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))

        def route(r):
            url = r.request.url
            if url.startswith(("file:", "data:")):
                r.continue_()
            else:
                problems.append(f"network request: {url}")
                r.abort()

        page.route("**/*", route)
        page.goto((self.dir / name).as_uri())
        if javascript:
            page.wait_for_function("window.activationLab && window.activationLab.widgets.length > 0")
            page.evaluate("Promise.all(window.activationLab.widgets.map(w => w.ready))")
        return page, problems

    def test_every_widget_shows_the_crates_numbers(self):
        for kind in KINDS:
            with self.subTest(kind=kind):
                page, problems = self.open(f"{kind}.html")
                root = page.evaluate("window.activationLab.widgets[0].root.getAttribute('data-widget')")
                self.assertEqual(root, kind)
                cases = json.loads((self.dir / f"{kind}.expected.json").read_text())
                for case in cases:
                    got = page.evaluate("p => { const w = window.activationLab.widgets[0]; w.set(p); return w.state(); }",
                                        case["params"])
                    gaps = differences(case["state"], got)
                    self.assertEqual(gaps, [], f"{kind} after set({json.dumps(case['params'])})")
                if self.shots:
                    Path(self.shots).mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(Path(self.shots) / f"{kind}.png"), full_page=True)
                self.assertEqual(problems, [])

    def test_the_standalone_pages_stay_within_their_sizes(self):
        for kind in KINDS:
            size = (self.dir / f"{kind}.html").stat().st_size
            print(f"\n  {kind}: {size / 1024:.0f} KB (limit {MAX_KB[kind]} KB)", end="")
            self.assertLessEqual(size, MAX_KB[kind] * 1024, kind)
            text = (self.dir / f"{kind}.html").read_text()
            self.assertNotIn("http://", text)
            self.assertNotIn("https://", text)

    def test_sliders_move_with_the_keyboard(self):
        page, problems = self.open("logistic.html")
        before = page.evaluate("window.activationLab.widgets[0].state().w1")
        slider = page.locator("[data-widget=logistic] input[type=range]").first
        slider.focus()
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        after = page.evaluate("window.activationLab.widgets[0].state().w1")
        self.assertAlmostEqual(after, before + 0.1, places=9)
        label = page.locator("[data-widget=logistic] label").first.inner_text()
        self.assertEqual(label, "w₁")
        page.locator("[data-widget=logistic] button", has_text="Show the trained weights").click()
        shown = page.evaluate("window.activationLab.widgets[0].state()")
        expected = json.loads((self.dir / "logistic.expected.json").read_text())[1]["params"]
        self.assertEqual([shown[k] for k in ("w1", "w2", "b")], [expected[k] for k in ("w1", "w2", "b")])
        self.assertEqual(problems, [])

    def test_bad_parameters_are_refused_by_name_and_the_widget_keeps_working(self):
        bad = {
            "net-input": ({"w1": 1e308}, "w1 = 1e+308: expected a number from -1000000 to 1000000"),
            "sigmoid": ({"z": 100}, "z = 100"),
            "logistic": ({"point": [1]}, "point"),
            "training": ({"epoch": 7}, "epoch = 7: not recorded"),
            "hidden-units": ({"k": 5, "off": [200]}, "off = [200]"),
            "activations": ({"activation": "swish"}, "expected one of identity"),
        }
        for kind, (params, message) in bad.items():
            with self.subTest(kind=kind):
                page, problems = self.open(f"{kind}.html")
                error = page.evaluate("p => { try { window.activationLab.widgets[0].set(p); return null; } "
                                      "catch (e) { return e.message; } }", params)
                self.assertIsNotNone(error)
                self.assertIn(message, error)
                state = page.evaluate("window.activationLab.widgets[0].state()")
                self.assertTrue(all(not isinstance(v, float) or math.isfinite(v) for v in state.values()))
                self.assertEqual(problems, [])

    def test_without_scripts_the_output_shows_its_picture_and_how_to_make_it_interactive(self):
        for kind in KINDS:
            with self.subTest(kind=kind):
                page, problems = self.open(f"{kind}.inline.html", javascript=False)
                image = page.locator(".al-fallback img")
                self.assertTrue(image.is_visible())
                self.assertGreater(page.evaluate("document.querySelector('.al-fallback img').naturalWidth"), 300)
                self.assertIn("trust the notebook", page.locator(".al-fallback p").inner_text())
                self.assertEqual(problems, [])
                live, problems = self.open(f"{kind}.inline.html")
                self.assertFalse(live.locator(".al-fallback").is_visible())
                self.assertTrue(live.locator("canvas").first.is_visible())
                self.assertEqual(problems, [])

    def test_the_html_export_renders_maths_and_runs_widgets_offline(self):
        """`make html`'s exporter on a notebook with maths and two widget
        outputs (the bundles cells get): opened from disk with the network
        refused, MathJax typesets every formula and both widgets run."""
        import nbformat
        sys.path.insert(0, str(ROOT / "tools"))
        import export_html

        nb = nbformat.v4.new_notebook()
        nb.cells.append(nbformat.v4.new_markdown_cell(
            "# Maths offline\n\nThe sigmoid $\\sigma(z) = 1/(1 + e^{-z})$ and\n\n"
            "$$L(\\mathbf{w}, b) = -\\frac1n \\sum_i y_i \\ln \\sigma(z_i)$$"))
        for kind in ("logistic", "training"):
            cell = nbformat.v4.new_code_cell(f"explore_{kind}(...)")
            bundle = json.loads((self.dir / f"{kind}.bundle.json").read_text())
            cell.outputs = [nbformat.v4.new_output("display_data", data=bundle)]
            nb.cells.append(cell)
        source = self.dir / "export" / "maths-and-widgets.ipynb"
        source.parent.mkdir(exist_ok=True)
        nbformat.write(nb, source)
        out = self.dir / "export" / "html"
        export_html.main([str(source), "--out", str(out)])
        text = (out / "maths-and-widgets.html").read_text()
        # no script or style from elsewhere (nbconvert's mermaid loader imports
        # from a CDN only for mermaid diagrams, which the series has none of)
        self.assertFalse(re.search(r'(src|href)="(https?:)?//', text), "the page links a file from the network")
        page, problems = self.open("export/html/maths-and-widgets.html")
        page.wait_for_function("window.MathJax && MathJax.Hub && MathJax.Hub.queue.pending === 0 "
                               "&& document.querySelectorAll('.MathJax').length >= 2", timeout=60000)
        self.assertEqual(page.evaluate("document.querySelectorAll('.MathJax').length"), 2)
        self.assertNotIn("$$", page.evaluate("document.body.innerText"))
        kinds = page.evaluate("window.activationLab.widgets.map(w => w.kind)")
        self.assertEqual(kinds, ["logistic", "training"])
        for i, kind in enumerate(kinds):
            case = json.loads((self.dir / f"{kind}.expected.json").read_text())[0]
            got = page.evaluate("([i, p]) => { const w = window.activationLab.widgets[i]; w.set(p); return w.state(); }",
                                [i, case["params"]])
            self.assertEqual(differences(case["state"], got), [], kind)
        self.assertFalse(page.locator(".al-fallback").first.is_visible())
        # MathJax probes its web fonts with a blank font, which a page opened
        # from disk may not load (it then uses the fonts it has); nothing else
        problems = [p for p in problems if "about:blank" not in p and "net::ERR_FAILED" not in p]
        self.assertEqual(problems, [])
        if self.shots:
            page.screenshot(path=str(Path(self.shots) / "html-export.png"), full_page=True)

    def test_redraw_time_of_a_weight_slider(self):
        """Measured, not asserted (speed targets live in benchmarks)."""
        for kind in ("net-input", "logistic"):
            page, problems = self.open(f"{kind}.html")
            times = redraw_times(page)
            # the measurement's own read-back of one pixel makes Chromium suggest willReadFrequently
            problems = [p for p in problems if "willReadFrequently" not in p]
            print(f"\n  {kind}: 200 x 200 surface redrawn in median {statistics.median(times):.2f} ms, "
                  f"95th percentile {sorted(times)[int(0.95 * len(times))]:.2f} ms "
                  f"({len(times)} slider updates)", end="")
            self.assertEqual(problems, [])


def redraw_times(page, updates=200):
    """Milliseconds each of `updates` weight changes takes, from set() to
    the finished canvas (the redraw is synchronous)."""
    return page.evaluate("""n => {
        const w = window.activationLab.widgets[0], times = [];
        for (let i = 0; i < n; i++) {
            const t0 = performance.now();
            w.set({w1: Math.sin(i) * 2, w2: Math.cos(0.7 * i) * 2, b: Math.sin(0.3 * i)});
            w.root.querySelector('canvas').getContext('2d').getImageData(0, 0, 1, 1);
            times.push(performance.now() - t0);
        }
        return times;
    }""", updates)


if __name__ == "__main__":
    unittest.main()
