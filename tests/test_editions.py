#!/usr/bin/env python3
"""Tests of tools/editions.py: the three editions of a cell, the `:dep` path
rewrite, and the loud failures on malformed markers.

Run: python3 -m unittest discover -s tests -p 'test_*.py' (stdlib only).
"""

from __future__ import annotations

import json
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import editions  # noqa: E402

CELL = """let w = array![0.5, 1.5];
// BEGIN SOLUTION
let my_z = 0.25 + 1.0 * 0.5 + 2.0 * 1.5;
// END SOLUTION
// STUDENT: let my_z = unanswered(); // your answer: a number
// WRONG: let my_z = 0.25 + 1.0 * 0.5 + 2.0 * 0.5;
check_relative("z", my_z, 3.75, 1e-3, "hint");"""


def render(source: str, edition: str) -> str:
    return editions.render(editions.split_cell(source, "test"), edition)


def notebook(cells: list[tuple[str, list[str]]]) -> dict:
    return {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": 3,
                "id": f"c{i}",
                "metadata": {"tags": tags, "execution": {"iopub.execute_input": "x"}},
                "outputs": [{"output_type": "stream", "name": "stdout", "text": "PASS z\n"}],
                "source": src.splitlines(keepends=True),
            }
            for i, (src, tags) in enumerate(cells)
        ],
        "metadata": {"kernelspec": {"name": "rust", "display_name": "Rust", "language": "rust"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }


class Editions(unittest.TestCase):
    def test_solutions_keep_the_solution_and_drop_every_marker(self):
        self.assertEqual(
            render(CELL, "solutions"),
            "let w = array![0.5, 1.5];\n"
            "let my_z = 0.25 + 1.0 * 0.5 + 2.0 * 1.5;\n"
            'check_relative("z", my_z, 3.75, 1e-3, "hint");',
        )

    def test_student_and_wrong_replace_the_solution(self):
        self.assertEqual(
            render(CELL, "student"),
            "let w = array![0.5, 1.5];\n"
            "let my_z = unanswered(); // your answer: a number\n"
            'check_relative("z", my_z, 3.75, 1e-3, "hint");',
        )
        self.assertEqual(
            render(CELL, "wrong"),
            "let w = array![0.5, 1.5];\n"
            "let my_z = 0.25 + 1.0 * 0.5 + 2.0 * 0.5;\n"
            'check_relative("z", my_z, 3.75, 1e-3, "hint");',
        )

    def test_several_lines_and_indentation_are_kept(self):
        src = (
            "for i in 0..2 {\n"
            "    // BEGIN SOLUTION\n"
            "    let a = i;\n"
            "    let b = a + 1;\n"
            "    // END SOLUTION\n"
            "    // WRONG: let a = 0;\n"
            "    // STUDENT: let a = unanswered();\n"
            "    // WRONG:     let b = 0;\n"
            "}"
        )
        self.assertEqual(render(src, "solutions"), "for i in 0..2 {\n    let a = i;\n    let b = a + 1;\n}")
        self.assertEqual(render(src, "student"), "for i in 0..2 {\n    let a = unanswered();\n}")
        self.assertEqual(render(src, "wrong"), "for i in 0..2 {\n    let a = 0;\n        let b = 0;\n}")

    def test_a_cell_without_markers_is_unchanged(self):
        src = "let x = 1;\n// a comment about the wrong answer\nx"
        for edition in editions.EDITIONS:
            self.assertEqual(render(src, edition), src)

    def test_two_blocks_in_one_cell(self):
        src = CELL + "\n" + CELL.replace("my_z", "my_y")
        self.assertEqual(render(src, "student").count("unanswered()"), 2)
        self.assertNotIn("//", render(src, "solutions"))


class MalformedMarkers(unittest.TestCase):
    def assert_rejected(self, source: str, message: str):
        with self.assertRaises(editions.MarkerError) as caught:
            editions.split_cell(source, "nb.ipynb: cell 4")
        self.assertIn(message, str(caught.exception))
        self.assertIn("nb.ipynb: cell 4", str(caught.exception))

    def test_begin_without_end(self):
        self.assert_rejected("// BEGIN SOLUTION\nlet x = 1;", "BEGIN SOLUTION without an END SOLUTION")

    def test_end_without_begin(self):
        self.assert_rejected("let x = 1;\n// END SOLUTION", "END SOLUTION without a BEGIN SOLUTION")

    def test_nested_begin(self):
        self.assert_rejected(
            "// BEGIN SOLUTION\n// BEGIN SOLUTION\nlet x = 1;\n// END SOLUTION", "inside the block opened at line 1"
        )

    def test_block_without_student_line(self):
        self.assert_rejected(
            "// BEGIN SOLUTION\nlet x = 1;\n// END SOLUTION\n// WRONG: let x = 2;\ncheck(x)", "no '// STUDENT: …' line"
        )

    def test_block_without_wrong_line(self):
        self.assert_rejected(
            "// BEGIN SOLUTION\nlet x = 1;\n// END SOLUTION\n// STUDENT: let x = unanswered();", "no '// WRONG: …' line"
        )

    def test_replacement_lines_must_follow_the_block(self):
        self.assert_rejected(
            "// BEGIN SOLUTION\nlet x = 1;\n// END SOLUTION\n// STUDENT: let x = unanswered();\n"
            "// WRONG: let x = 2;\nlet y = 2;\n// WRONG: let x = 3;",
            "not directly after an END SOLUTION",
        )
        self.assert_rejected("// STUDENT: let x = unanswered();", "not directly after an END SOLUTION")

    def test_replacement_line_inside_the_block(self):
        self.assert_rejected(
            "// BEGIN SOLUTION\n// STUDENT: let x = unanswered();\nlet x = 1;\n// END SOLUTION", "inside a solution block"
        )

    def test_empty_block_and_empty_replacement(self):
        self.assert_rejected("// BEGIN SOLUTION\n// END SOLUTION\n// STUDENT: a\n// WRONG: b", "is empty")
        self.assert_rejected("// BEGIN SOLUTION\nx\n// END SOLUTION\n// STUDENT:\n// WRONG: b", "empty STUDENT line")

    def test_misspelt_markers(self):
        self.assert_rejected("// begin solution\nlet x = 1;", "malformed marker")
        self.assert_rejected("// BEGIN SOLUTION extra\nlet x = 1;", "malformed marker")
        self.assert_rejected("let x = 1; // END SOLUTION", "malformed marker")
        self.assert_rejected("// STUDENT let x = unanswered();", "malformed marker")


class Notebooks(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp())
        (self.tmp / "notebooks").mkdir()

    def write(self, cells: list[tuple[str, list[str]]]) -> Path:
        path = self.tmp / "notebooks" / "01-test.ipynb"
        path.write_text(json.dumps(notebook(cells), indent=1), encoding="utf-8")
        return path

    def test_editions_find_the_crate_and_carry_no_outputs(self):
        setup = ':dep activation-lab = { path = "../crates/activation-lab" }\nuse activation_lab::prelude::*;'
        path = self.write([(setup, []), (CELL, ["self-check"])])
        written = editions.write_editions([path], self.tmp / "out")
        self.assertEqual(sorted(written), sorted(editions.EDITIONS))
        for edition in editions.EDITIONS:
            nb = json.loads((self.tmp / "out" / edition / "01-test.ipynb").read_text(encoding="utf-8"))
            first = "".join(nb["cells"][0]["source"])
            self.assertIn('path = "../../crates/activation-lab"', first)
            for cell in nb["cells"]:
                self.assertEqual(cell["outputs"], [])
                self.assertIsNone(cell["execution_count"])
                self.assertNotIn("execution", cell["metadata"])
            self.assertEqual(nb["cells"][1]["metadata"]["tags"], ["self-check"])
        student = json.loads((self.tmp / "out" / "student" / "01-test.ipynb").read_text(encoding="utf-8"))
        self.assertIn("unanswered()", "".join(student["cells"][1]["source"]))

    def test_one_edition_can_go_straight_into_a_folder(self):
        setup = ':dep activation-lab = { path = "../crates/activation-lab" }'
        path = self.write([(setup, []), (CELL, ["self-check"])])
        course = self.tmp / "course" / "notebooks"
        editions.write_editions([path], course, ("student",), into=True)
        nb = json.loads((course / "01-test.ipynb").read_text(encoding="utf-8"))
        self.assertIn('path = "../../crates/activation-lab"', "".join(nb["cells"][0]["source"]))
        with self.assertRaises(ValueError):
            editions.write_editions([path], course, editions.EDITIONS, into=True)

    def test_a_self_check_without_a_solution_block_is_rejected(self):
        path = self.write([('check("x", true);', ["self-check"])])
        with self.assertRaises(editions.MarkerError) as caught:
            editions.write_editions([path], self.tmp / "out")
        self.assertIn("cell 0: tagged 'self-check' but has no BEGIN SOLUTION block", str(caught.exception))
        self.assertFalse((self.tmp / "out").exists(), "nothing is written from a malformed source")

    def test_a_claim_with_a_solution_block_is_rejected(self):
        path = self.write([(CELL, ["claim"])])
        with self.assertRaises(editions.MarkerError) as caught:
            editions.write_editions([path], self.tmp / "out")
        self.assertIn("tagged 'claim' but holds a solution block", str(caught.exception))

    def test_the_committed_notebooks_are_well_formed(self):
        for path in editions.default_sources():
            with self.subTest(notebook=path.name):
                editions.parse_notebook(path)


if __name__ == "__main__":
    unittest.main()
