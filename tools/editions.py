#!/usr/bin/env python3
"""Write the course editions of the notebooks from their one source.

The committed notebooks (notebooks/NN-*.ipynb) are the source. In a code
cell, each exercise's answer sits between nbgrader-style markers, followed by
what the other editions put in its place:

    // BEGIN SOLUTION
    let my_z = 0.25 + 1.0 * 0.5 + 2.0 * 1.5;
    // END SOLUTION
    // STUDENT: let my_z = unanswered(); // your answer: b + x1·w1 + x2·w2
    // WRONG: let my_z = 0.25 + 1.0 * 0.5 + 2.0 * 0.5;

A block may hold several lines, and be followed by several STUDENT and
WRONG lines (at least one of each, in any order, directly after the END
line); they keep the indentation of their marker. The editions:

  solutions  the solution kept; markers, STUDENT and WRONG lines removed
  student    each solution replaced by its STUDENT line(s): what a course
             hands out (every self-check prints "not answered yet")
  wrong      each solution replaced by its WRONG line(s): a test that every
             self-check can fail (each prints FAIL and its hint)

Each edition is written to OUT/<edition>/ with the same file names, outputs
and execution counts cleared, and every `:dep … path = "…"` rewritten so that
it still points at the same crate from there.

The tool fails, naming the notebook, cell and line, on malformed markers: a
BEGIN without an END (or an END without a BEGIN), a block without a STUDENT
or a WRONG line, STUDENT/WRONG lines that do not follow a block, a cell
tagged `self-check` without a block (a self-check tests a student's answer),
or a block in a cell tagged `claim` (claims must hold in every edition).

Usage: editions.py [--out DIR] [--edition NAME]... [NOTEBOOK ...]
       (default: every notebooks/NN-*.ipynb, all three editions, OUT = editions/)
       editions.py --edition NAME --into DIR [NOTEBOOK ...]
       (one edition straight into DIR, e.g. the notebooks/ folder of a copy
       of the repository handed to students)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
DEFAULT_OUT = ROOT / "editions"
EDITIONS = ("solutions", "student", "wrong")

BEGIN = re.compile(r"^(\s*)//\s*BEGIN SOLUTION\s*$")
END = re.compile(r"^(\s*)//\s*END SOLUTION\s*$")
REPLACEMENT = re.compile(r"^(\s*)//\s*(STUDENT|WRONG):(.*)$")
# anything that looks like a marker but is not spelled like one
MARKER_LIKE = re.compile(r"(?i://.*\b(BEGIN|END)\s+SOLUTION\b)|^\s*//\s*(STUDENT|WRONG)\b")
DEP_PATH = re.compile(r'^(\s*:dep\s.*\bpath\s*=\s*")([^"]+)(".*)$')


class MarkerError(Exception):
    """A malformed marker in a source notebook."""


@dataclass
class Block:
    """One solution block: its lines and what replaces them in each edition."""

    solution: list[str]
    student: list[str]
    wrong: list[str]


def split_cell(source: str, where: str) -> list[str | Block]:
    """The cell's lines, with each solution block (and the STUDENT/WRONG
    lines after it) replaced by a Block. Raises MarkerError."""
    lines = source.split("\n")
    parts: list[str | Block] = []
    block: Block | None = None  # the block being read
    begin_line = 0
    last: Block | None = None  # the block just closed, still taking STUDENT/WRONG lines
    for n, line in enumerate(lines, start=1):
        here = f"{where}, line {n}"
        if BEGIN.match(line):
            if block is not None:
                raise MarkerError(f"{here}: BEGIN SOLUTION inside the block opened at line {begin_line}")
            close_block(last, where)
            last = None
            block, begin_line = Block([], [], []), n
            continue
        if END.match(line):
            if block is None:
                raise MarkerError(f"{here}: END SOLUTION without a BEGIN SOLUTION before it")
            if not any(l.strip() for l in block.solution):
                raise MarkerError(f"{here}: the solution block opened at line {begin_line} is empty")
            parts.append(block)
            last, block = block, None
            continue
        m = REPLACEMENT.match(line)
        if m:
            indent, kind, text = m.groups()
            if block is not None:
                raise MarkerError(f"{here}: {kind} line inside a solution block (put it after END SOLUTION)")
            if last is None:
                raise MarkerError(f"{here}: {kind} line not directly after an END SOLUTION line")
            text = text[1:] if text.startswith(" ") else text
            if not text.strip():
                raise MarkerError(f"{here}: empty {kind} line")
            (last.student if kind == "STUDENT" else last.wrong).append(indent + text)
            continue
        if MARKER_LIKE.search(line):
            raise MarkerError(
                f"{here}: malformed marker {line.strip()!r}: expected '// BEGIN SOLUTION', "
                "'// END SOLUTION', '// STUDENT: …' or '// WRONG: …'"
            )
        if block is not None:
            block.solution.append(line)
        else:
            close_block(last, where)
            last = None
            parts.append(line)
    if block is not None:
        raise MarkerError(f"{where}, line {begin_line}: BEGIN SOLUTION without an END SOLUTION")
    close_block(last, where)
    return parts


def close_block(block: Block | None, where: str) -> None:
    """Checks that a finished block has both replacements."""
    if block is None:
        return
    first = block.solution[0].strip()[:60] if block.solution else ""
    for kind, lines in (("STUDENT", block.student), ("WRONG", block.wrong)):
        if not lines:
            raise MarkerError(
                f"{where}: the solution block starting {first!r} has no '// {kind}: …' line "
                "(put one directly after END SOLUTION)"
            )


def render(parts: list[str | Block], edition: str) -> str:
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        else:
            out.extend({"solutions": part.solution, "student": part.student, "wrong": part.wrong}[edition])
    return "\n".join(out)


def cell_source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def as_lines(text: str) -> list[str]:
    """Jupyter's on-disk form of a source: lines keeping their newlines."""
    return text.splitlines(keepends=True)


def rewrite_dep_paths(text: str, source_dir: Path, out_dir: Path) -> str:
    """Points every relative `:dep … path = "…"` at the same directory from out_dir."""

    def fix(line: str) -> str:
        m = DEP_PATH.match(line)
        if not m or os.path.isabs(m.group(2)):
            return line
        # lexically, so that a symlinked checkout keeps its paths
        target = os.path.normpath(os.path.join(os.path.abspath(source_dir), m.group(2)))
        new = Path(os.path.relpath(target, os.path.abspath(out_dir))).as_posix()
        return m.group(1) + new + m.group(3)

    return "\n".join(fix(line) for line in text.split("\n"))


def parse_notebook(path: Path) -> tuple[dict, dict[int, list[str | Block]]]:
    """The notebook and, for each code cell with markers or tags that need
    them, its parts. Raises MarkerError."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    parsed: dict[int, list[str | Block]] = {}
    for i, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        tags = set(cell.get("metadata", {}).get("tags", []))
        where = f"{path.name}: cell {i}"
        parts = split_cell(cell_source(cell), where)
        blocks = sum(isinstance(p, Block) for p in parts)
        if "self-check" in tags and blocks == 0:
            raise MarkerError(
                f"{where}: tagged 'self-check' but has no BEGIN SOLUTION block: a self-check "
                "tests the student's answer (tag statements that need no answer 'claim')"
            )
        if "claim" in tags and blocks:
            raise MarkerError(f"{where}: tagged 'claim' but holds a solution block: claims must hold in every edition")
        parsed[i] = parts
    return nb, parsed


def edition_of(path: Path, nb: dict, parsed: dict[int, list[str | Block]], edition: str, out_dir: Path) -> dict:
    cells = []
    for i, cell in enumerate(nb.get("cells", [])):
        cell = dict(cell)
        if cell.get("cell_type") == "code":
            text = render(parsed[i], edition)
            cell["source"] = as_lines(rewrite_dep_paths(text, path.parent, out_dir))
            cell["outputs"] = []
            cell["execution_count"] = None
            meta = dict(cell.get("metadata", {}))
            meta.pop("execution", None)
            cell["metadata"] = meta
        cells.append(cell)
    return {**nb, "cells": cells}


def write_editions(
    paths: list[Path], out: Path, editions: tuple[str, ...] = EDITIONS, into: bool = False
) -> dict[str, list[Path]]:
    """Writes out/<edition>/<name> (with `into`, out/<name> for the one
    edition) for every notebook and edition; returns the paths written, by
    edition. Raises MarkerError before writing anything if any source is
    malformed."""
    if into and len(editions) != 1:
        raise ValueError("writing into one directory needs exactly one edition")
    sources = [(path, *parse_notebook(path)) for path in paths]
    written: dict[str, list[Path]] = {e: [] for e in editions}
    for edition in editions:
        out_dir = out if into else out / edition
        out_dir.mkdir(parents=True, exist_ok=True)
        for path, nb, parsed in sources:
            target = out_dir / path.name
            text = json.dumps(edition_of(path, nb, parsed, edition, out_dir), indent=1, ensure_ascii=False)
            target.write_text(text + "\n", encoding="utf-8")
            written[edition].append(target)
    return written


def default_sources() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="source notebooks (default: notebooks/NN-*.ipynb)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the edition directories go (default: editions/)")
    parser.add_argument(
        "--edition", action="append", choices=EDITIONS, help="an edition to write (repeatable; default: all three)"
    )
    parser.add_argument(
        "--into", type=Path, default=None, metavar="DIR", help="write the one --edition straight into DIR"
    )
    parser.add_argument("--check", action="store_true", help="only check the markers, write nothing")
    args = parser.parse_args()
    if args.into is not None and (not args.edition or len(args.edition) != 1):
        parser.error("--into needs exactly one --edition")
    paths = args.notebooks or default_sources()
    if not paths:
        print("error: no notebooks found", file=sys.stderr)
        return 1
    editions = tuple(args.edition) if args.edition else EDITIONS
    try:
        if args.check:
            for path in paths:
                parse_notebook(path)
            print(f"markers well-formed in {len(paths)} notebooks")
            return 0
        if args.into is not None:
            written = write_editions(paths, args.into, editions, into=True)
        else:
            written = write_editions(paths, args.out, editions)
    except MarkerError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except (OSError, json.JSONDecodeError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    for edition, files in written.items():
        where = files[0].parent if files else args.out / edition
        print(f"{edition}: {len(files)} notebooks in {os.path.relpath(where)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
