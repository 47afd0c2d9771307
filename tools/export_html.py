#!/usr/bin/env python3
"""Write executed notebooks as HTML pages that work offline, from disk.

`jupyter nbconvert --to html` links MathJax from a CDN, so without internet
the pages show raw `$$…$$`. This exporter copies MathJax 2.7 (the
`jupyter-server-mathjax` package, pinned in requirements.txt) beside the
pages and points them at it, so the maths renders with no network; the
widgets' outputs are self-contained already and run as the page loads.
It also writes `index.html`, linking every page.

Usage: export_html.py NOTEBOOK.ipynb ... --out DIR
"""

from __future__ import annotations

import argparse
import html
import shutil
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

# MathJax's files, relative to the pages; the package ships the STIX-Web
# fonts (not MathJax's TeX fonts), so the HTML-CSS output is told to use them
MATHJAX_DIR = "mathjax"
MATHJAX_URL = f"{MATHJAX_DIR}/MathJax.js?config=TeX-AMS-MML_HTMLorMML-full,Safe"
FONTS = """<script type="text/x-mathjax-config">
MathJax.Hub.Config({ "HTML-CSS": { availableFonts: ["STIX-Web"], preferredFont: "STIX-Web",
  webFont: "STIX-Web", imageFont: null } });
</script>
"""
# nbconvert links require.js from a CDN for ipywidgets; the series has none
REQUIRE_JS = '<script src="https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js"></script>'



def mathjax_source() -> Path:
    import jupyter_server_mathjax

    return Path(jupyter_server_mathjax.__file__).parent / "static"


def copy_mathjax(out: Path) -> None:
    target = out / MATHJAX_DIR
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(mathjax_source(), target)


def title_of(nb, path: Path) -> str:
    """The notebook's first heading (`# 01 · The net input`), else its file name."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return path.stem


def convert(notebook: Path, out: Path) -> Path:
    exporter = HTMLExporter(mathjax_url=MATHJAX_URL)
    nb = nbformat.read(notebook, as_version=4)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title_of(nb, notebook)}})
    # the font configuration must come before MathJax.js loads
    body = body.replace(f'<script src="{MATHJAX_URL}"', FONTS + f'<script src="{MATHJAX_URL}"', 1)
    body = body.replace(REQUIRE_JS, "")
    page = out / (notebook.stem + ".html")
    page.write_text(body, encoding="utf-8")
    return page


def write_index(pages: list[Path], out: Path) -> None:
    items = "\n".join(
        f'<li><a href="{html.escape(p.name)}">{html.escape(p.stem)}</a></li>' for p in sorted(pages)
    )
    (out / "index.html").write_text(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Activation Lab</title></head>\n"
        "<body style=\"font-family: 'DejaVu Sans', Verdana, sans-serif; margin: 2em\">\n"
        "<h1>Activation Lab: why neural networks need activation functions</h1>\n"
        f"<ol>\n{items}\n</ol>\n</body></html>\n",
        encoding="utf-8",
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    copy_mathjax(args.out)
    pages = [convert(nb, args.out) for nb in args.notebooks]
    write_index(pages, args.out)
    print(f"wrote {len(pages)} pages, index.html and MathJax to {args.out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
