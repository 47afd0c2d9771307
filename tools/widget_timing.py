#!/usr/bin/env python3
"""How fast the interactive widgets redraw, in headless Chromium.

Writes the widget pages (the example `widget_fixtures`), opens the weight
widgets (net-input, logistic) and times 200 slider updates each, from
`set()` to the finished 200 × 200 surface, then the other widgets' updates.
Prints the median and 95th percentile, with the machine's load, for
BENCHMARKS.md; the target is ≤ 16 ms (one frame at 60 Hz) per update.

Usage: widget_timing.py   (run by `make bench`)
"""

import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_widgets import CHROMIUM_FLAGS, chromium, missing_tools, write_fixtures  # noqa: E402

UPDATES = {
    "net-input": "i => ({w1: Math.sin(i) * 2, w2: Math.cos(0.7 * i) * 2, b: Math.sin(0.3 * i)})",
    "logistic": "i => ({w1: Math.sin(i) * 2, w2: Math.cos(0.7 * i) * 2, b: Math.sin(0.3 * i)})",
    "sigmoid": "i => ({z: 7 * Math.sin(i)})",
    "training": "i => ({frame: i % 61})",
    "hidden-units": "i => ({k: 1 + (i * 37) % 200})",
    "activations": "i => ({activation: ['identity', 'sigmoid', 'tanh', 'relu'][i % 4], width: [1, 2, 4, 200][(i >> 2) % 4]})",
}


def main() -> int:
    missing = missing_tools()
    if missing:
        print(f"widget timing skipped: needs {', '.join(missing)} (tools/setup.sh --viewers)")
        return 0
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        write_fixtures(Path(tmp))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_FLAGS)
            page = browser.new_page(viewport={"width": 1100, "height": 820})
            print(f"widget redraw, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}:")
            for kind, params in UPDATES.items():
                page.goto((Path(tmp) / f"{kind}.html").as_uri())
                page.wait_for_function("window.activationLab && window.activationLab.widgets.length > 0")
                page.evaluate("window.activationLab.widgets[0].ready")
                times = page.evaluate(f"""() => {{
                    const w = window.activationLab.widgets[0], f = {params}, times = [];
                    for (let i = 0; i < 200; i++) {{
                        const t0 = performance.now();
                        w.set(f(i));
                        w.root.querySelector('canvas').getContext('2d').getImageData(0, 0, 1, 1);
                        times.push(performance.now() - t0);
                    }}
                    return times;
                }}""")
                times.sort()
                size = (Path(tmp) / f"{kind}.html").stat().st_size / 1024
                print(f"  {kind:<13} median {statistics.median(times):6.2f} ms, 95th percentile "
                      f"{times[int(0.95 * len(times))]:6.2f} ms   (page {size:.0f} KB)")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
