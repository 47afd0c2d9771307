"""Every exported figure looks the same in SVG, PNG and PDF, whatever fonts
the viewer has.

The command-line tool exports the whole series (notebook size, light and
dark) as PNG, PDF, SVG with the embedded font and SVG with outlined text.
Then:

- each PDF is read by poppler: one page of the figure's size, every font
  embedded (`pdffonts`), rendered at 96 dpi (`pdftoppm`);
- each SVG is rendered by headless Chromium (driven by Playwright) whose
  fontconfig offers one font only, DejaVu Sans Mono, which no figure asks
  for: the renderer cannot find DejaVu Sans, Verdana or any other sans
  serif, so text that does not come from the file itself would be drawn
  monospaced and fail the comparison (the embedded-font SVG is inlined in
  a page, as notebooks show it, and every one of its fonts must load; the
  outlined SVG is opened on its own);

and every rendering is compared with the PNG pixel by pixel. The stated
tolerance: after a 5×5 box blur of both images (which evens out how
rasterisers anti-alias edges and place them within a pixel), at most
MAX_FAR_FRACTION (0.02 %) of the pixels may differ by more than FAR (96 of
255) in some channel. Measured here, the worst figure reaches 0.001 %;
the same SVG without its embedded font (text in the fallback font) reaches
0.1 % to 0.6 %, and the test checks that such a rendering fails.

Needs `chromium` and `pdftoppm`/`pdffonts` (Debian's chromium and
poppler-utils, which `make test` installs where apt is available) and a
DejaVu Sans Mono file (Debian's fonts-dejavu-core, which chromium pulls
in). Without them the test is skipped, except under CI, where it fails.
(A fontconfig with no fonts at all is not usable: Chromium then fails to
load web fonts too.)
"""

import os
import re
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
FAR = 96
MAX_FAR_FRACTION = 0.0002
BLUR = 2

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
]

MONO_ONLY_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>{dir}</dir><cachedir>{cache}</cachedir></fontconfig>
"""
MONO = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSansMono.ttf"),
]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def mono_font():
    return next((m for m in MONO if m.exists()), None)


def missing_tools():
    missing = [t for t in ("pdftoppm", "pdffonts") if not shutil.which(t)]
    if not chromium():
        missing.append("chromium")
    if not mono_font():
        missing.append("DejaVu Sans Mono")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("playwright (pip)")
    return missing


def cli():
    """Builds the command-line tool (the test profile the Rust tests used)."""
    subprocess.run(
        ["cargo", "build", "--locked", "-q", "-p", "activation-lab-cli"],
        cwd=ROOT,
        check=True,
    )
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "debug" / "activation-lab"


def load(path):
    return np.asarray(Image.open(path).convert("RGB"), dtype=np.int16)


def blurred(a):
    image = Image.fromarray(a.astype(np.uint8)).filter(ImageFilter.BoxBlur(BLUR))
    return np.asarray(image, dtype=np.int16)


def difference(a, b):
    """(share of pixels differing by more than FAR after the blur, mean
    absolute difference before it)."""
    if a.shape != b.shape:
        return 1.0, 255.0
    d = np.abs(blurred(a) - blurred(b)).max(axis=2)
    return float((d > FAR).mean()), float(np.abs(a - b).mean())


@unittest.skipIf(
    missing_tools() and not os.environ.get("CI"),
    f"needs {', '.join(missing_tools())} (Debian: chromium, poppler-utils)",
)
class FiguresLookTheSameInEveryViewer(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        missing = missing_tools()
        if missing:
            raise AssertionError(f"CI needs {', '.join(missing)}: tools/setup.sh --viewers installs them")
        cls.tmp = Path(tempfile.mkdtemp(prefix="figure-viewers-"))
        exe = cli()
        cls.sets = {}
        for theme in ("light", "dark"):
            for mode in ("embed", "outline"):
                out = cls.tmp / f"{theme}-{mode}"
                formats = "svg,png,pdf" if mode == "embed" else "svg"
                subprocess.run(
                    [str(exe), "figures", "-q", "--out", str(out), "--format", formats,
                     "--theme", theme, "--svg-text", mode],
                    check=True,
                )
                cls.sets[(theme, mode)] = out
        fonts = cls.tmp / "mono-only"
        (fonts / "fonts").mkdir(parents=True)
        shutil.copy(mono_font(), fonts / "fonts")
        (fonts / "fonts.conf").write_text(
            MONO_ONLY_FONTCONFIG.format(dir=fonts / "fonts", cache=fonts / "cache"))
        from playwright.sync_api import sync_playwright
        cls.playwright = sync_playwright().start()
        cls.browser = cls.playwright.chromium.launch(
            executable_path=chromium(),
            args=[f for f in CHROMIUM_FLAGS if f != "--headless"],
            env=dict(os.environ, FONTCONFIG_FILE=str(fonts / "fonts.conf")),
        )
        cls.report = []

    @classmethod
    def tearDownClass(cls):
        if getattr(cls, "browser", None):
            cls.browser.close()
            cls.playwright.stop()
        if getattr(cls, "report", None):
            print("\nviewer comparison (far = share of pixels off by more than "
                  f"{FAR}/255 after a {2 * BLUR + 1}x{2 * BLUR + 1} box blur, at most "
                  f"{MAX_FAR_FRACTION:.2%}; mean = mean abs difference, unblurred):")
            for line in cls.report:
                print("  " + line)
        if getattr(cls, "tmp", None):
            shutil.rmtree(cls.tmp, ignore_errors=True)

    def pngs(self, theme):
        pngs = sorted(self.sets[(theme, "embed")].glob("*.png"))
        self.assertGreaterEqual(len(pngs), 13)
        return pngs

    def screenshot(self, page, size, out, fonts_must_load=True):
        """A screenshot of `page` at `size`, once its fonts have loaded."""
        w, h = size
        tab = self.browser.new_page(viewport={"width": w, "height": h}, device_scale_factor=1)
        errors = []
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.goto(page.as_uri())
        statuses = tab.evaluate(
            "document.fonts.ready.then(() => [...document.fonts].map(f => f.status))")
        tab.screenshot(path=str(out))
        tab.close()
        self.assertEqual(errors, [], page.name)
        if fonts_must_load:
            self.assertTrue(all(s == "loaded" for s in statuses), f"{page.name}: fonts {statuses}")
        return load(out)

    def svg_page(self, svg, inline):
        """The SVG as Chromium shows it: inlined in a page, or on its own."""
        if not inline:
            return svg
        page = svg.with_suffix(".html")
        page.write_text(
            '<!DOCTYPE html><html><body style="margin:0;overflow:hidden">'
            + svg.read_text() + "</body></html>"
        )
        return page

    def check(self, label, rendered, png):
        """Compares, reports, and notes a failure (asserted by `verdict`)."""
        far, mean = difference(rendered, png)
        self.report.append(f"{label:<58} far {far:.4%}  mean {mean:.2f}")
        if far > MAX_FAR_FRACTION:
            self.failures.append(f"{label}: far {far:.4%}, mean {mean:.2f}")

    def setUp(self):
        self.failures = []

    def verdict(self):
        self.assertEqual(self.failures, [], "outside the tolerance")

    def test_pdfs_embed_their_fonts_and_render_as_the_png(self):
        for theme in ("light", "dark"):
            for png in self.pngs(theme):
                pdf = png.with_suffix(".pdf")
                fonts = subprocess.run(["pdffonts", str(pdf)], check=True,
                                       capture_output=True, text=True).stdout
                rows = fonts.splitlines()[2:]
                self.assertTrue(rows, f"{pdf.name}: no fonts")
                for row in rows:
                    # name type... emb sub uni: emb must be "yes"
                    self.assertRegex(row, r"CID TrueType\s+Identity-H\s+yes\s+yes\s+yes",
                                     f"{pdf.name}: {row}")
                stem = self.tmp / f"{theme}-{png.stem}-pdf"
                subprocess.run(["pdftoppm", "-r", "96", "-singlefile", "-png", str(pdf), str(stem)],
                               check=True)
                self.check(f"{theme} {pdf.name} (poppler)", load(f"{stem}.png"), load(png))
        self.verdict()

    def test_svgs_with_the_embedded_font_render_as_the_png_without_their_font_installed(self):
        for theme in ("light", "dark"):
            for png in self.pngs(theme):
                svg = png.with_suffix(".svg")
                reference = load(png)
                size = (reference.shape[1], reference.shape[0])
                shot = self.screenshot(self.svg_page(svg, True), size,
                                       self.tmp / f"{theme}-{png.stem}-embed.png")
                self.check(f"{theme} {svg.name} (chromium, mono only)", shot, reference)
        self.verdict()

    def test_svgs_with_outlined_text_render_as_the_png_without_their_font_installed(self):
        for theme in ("light", "dark"):
            for png in self.pngs(theme):
                svg = self.sets[(theme, "outline")] / png.with_suffix(".svg").name
                self.assertNotIn("<text", svg.read_text())
                reference = load(png)
                size = (reference.shape[1], reference.shape[0])
                shot = self.screenshot(svg, size, self.tmp / f"{theme}-{png.stem}-outline.png")
                self.check(f"{theme} {svg.name} outlined (chromium, mono only)", shot, reference)
        self.verdict()

    def test_the_comparison_fails_when_the_text_comes_from_another_font(self):
        png = self.sets[("light", "embed")] / "02-sigmoid.png"
        svg = png.with_suffix(".svg")
        stripped = self.tmp / "02-sigmoid-no-font.svg"
        stripped.write_text(re.sub(r"<defs><style>.*?</style></defs>", "", svg.read_text(), flags=re.S))
        reference = load(png)
        size = (reference.shape[1], reference.shape[0])
        shot = self.screenshot(self.svg_page(stripped, True), size, self.tmp / "no-font.png",
                               fonts_must_load=False)
        far, mean = difference(shot, reference)
        self.report.append(f"{'control: 02-sigmoid.svg without its font (mono)':<58} far {far:.4%}  mean {mean:.2f}")
        self.assertGreater(far, MAX_FAR_FRACTION,
                           f"text in another font, yet far {far:.4%} passes")


if __name__ == "__main__":
    unittest.main()
