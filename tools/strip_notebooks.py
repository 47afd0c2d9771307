#!/usr/bin/env python3
"""Strip outputs, execution counts and run metadata from notebooks in place,
and set the series' kernelspec, so committed notebooks stay clean."""

import sys

import nbformat

KERNELSPEC = {"name": "rust", "display_name": "Rust", "language": "rust"}
LANGUAGE_INFO = {
    "name": "Rust",
    "file_extension": ".rs",
    "mimetype": "text/rust",
    "codemirror_mode": "rust",
    "pygment_lexer": "rust",
    "version": "",
}

for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = KERNELSPEC
    nb.metadata["language_info"] = LANGUAGE_INFO
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
        cell.metadata.pop("scrolled", None)
    nbformat.write(nb, path)
    print(f"stripped {path}")
