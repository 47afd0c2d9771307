#!/usr/bin/env python3
"""Check the crates' source layout: one concept per file, pure facades.

Rules, for every `.rs` file under `crates/*/src`:

1. at most 600 lines, unit tests included;
2. `lib.rs` and every `mod.rs` is a pure facade: `//!` docs, attributes,
   `mod` declarations and `use` re-exports (and `lib.rs`'s `VERSION`);
3. no `use` takes a re-export from an ancestor facade: a file in `plot/`
   names `super::style::Theme`, never `super::Theme`, and no file imports the
   crate root's re-exports (`crate::Error`); `crate::error::Error` instead.

Usage: python3 tools/check_layout.py [REPO_ROOT]   (exit status 1 on findings)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

MAX_LINES = 600
FACADE_EXTRA = {"lib.rs": [re.compile(r"^pub const VERSION: &str = [^;]+;$")]}


def strip_comments(text: str) -> str:
    """Remove `//` comments and string literals' contents (enough for `use` lines)."""
    text = re.sub(r'(?s)r(#+)".*?"\1', '""', text)  # raw strings
    text = re.sub(r"'(?:\\.|[^'\\\n])'", "' '", text)  # char literals
    res, i, in_str = [], 0, False
    while i < len(text):
        c = text[i]
        if in_str:
            if c == "\\":
                i += 2
                continue
            if c == '"':
                in_str = False
                res.append(c)
            elif c == "\n":
                res.append(c)  # keeps line numbers
            i += 1
            continue
        if text.startswith("//", i):
            while i < len(text) and text[i] != "\n":
                i += 1
            continue
        if c == '"':
            in_str = True
        res.append(c)
        i += 1
    return "".join(res)


def statements(code: str):
    """Top-level-ish `use` statements with the line they start on."""
    for m in re.finditer(r"(?m)^[ \t]*(?:pub(?:\([a-z ]+\))?[ \t]+)?use[ \t]+([^;]+);", code):
        yield code.count("\n", 0, m.start()) + 1, m.group(1), m.start()


def expand(tree: str) -> list[list[str]]:
    """`a::{b, c::{d as e, self}}` -> [[a, b], [a, c, d], [a, c]]."""
    tree = re.sub(r"\s+", " ", tree).strip()

    def split_top(body: str) -> list[str]:
        items, depth, cur = [], 0, ""
        for ch in body:
            depth += ch == "{"
            depth -= ch == "}"
            if ch == "," and depth == 0:
                items.append(cur)
                cur = ""
            else:
                cur += ch
        return [i.strip() for i in items + [cur] if i.strip()]

    def parse(s: str, prefix: list[str]) -> list[list[str]]:
        s = s.strip()
        if "{" not in s:
            s = re.sub(r"\s+as\s+\w+$", "", s)
            return [prefix + [p.strip() for p in s.split("::") if p.strip()]]
        head, rest = s.split("{", 1)
        head_parts = [p.strip() for p in head.split("::") if p.strip()]
        out = []
        for item in split_top(rest[: rest.rfind("}")]):
            if item == "self":
                out.append(prefix + head_parts)
            else:
                out.extend(parse(item, prefix + head_parts))
        return out

    return parse(tree, [])


class Crate:
    def __init__(self, src: Path):
        self.src = src

    def module_file(self, mod: list[str]) -> Path | None:
        if not mod:
            for name in ("lib.rs", "main.rs"):
                if (self.src / name).exists():
                    return self.src / name
            return None
        base = self.src.joinpath(*mod)
        if base.with_suffix(".rs").exists():
            return base.with_suffix(".rs")
        if (base / "mod.rs").exists():
            return base / "mod.rs"
        return None

    def is_module(self, mod: list[str]) -> bool:
        return self.module_file(mod) is not None

    def is_facade(self, mod: list[str]) -> bool:
        f = self.module_file(mod)
        return f is not None and f.name in ("lib.rs", "mod.rs")

    def module_of(self, path: Path) -> list[str]:
        rel = path.relative_to(self.src).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] in ("mod", "lib", "main"):
            parts = parts[:-1]
        return parts


def inline_modules(code: str):
    """A function from an offset in `code` to the inline modules (`mod x { … }`) around it."""
    spans, stack, depth = [], [], 0
    opens = {m.end() - 1: m.group(1) for m in re.finditer(r"\bmod\s+(\w+)\s*\{", code)}
    for i, ch in enumerate(code):
        if ch == "{":
            depth += 1
            if i in opens:
                stack.append((opens[i], depth, i))
        elif ch == "}":
            if stack and stack[-1][1] == depth:
                name, _, start = stack.pop()
                spans.append((start, i, name, len(stack)))
            depth -= 1

    def around(offset: int) -> list[str]:
        inside = sorted((level, name) for start, end, name, level in spans if start < offset < end)
        return [name for _, name in inside]

    return around


def facade_findings(path: Path, text: str) -> list[str]:
    code = strip_comments(text)
    # attributes, `mod x;`, `use ...;` (multi-line) and doc comments are allowed
    blank = lambda m: "\n" * m.group(0).count("\n")  # noqa: E731 (keeps line numbers)
    code = re.sub(r"(?ms)^[ \t]*#!?\[.*?\][ \t]*$", blank, code)
    code = re.sub(r"(?ms)^[ \t]*(?:pub(?:\([a-z ]+\))?[ \t]+)?use\s+[^;]+;", blank, code)
    code = re.sub(r"(?m)^[ \t]*(?:pub(?:\([a-z ]+\))?[ \t]+)?mod[ \t]+[a-z_0-9]+;[ \t]*$", blank, code)
    extra = FACADE_EXTRA.get(path.name, []) if path.parent.name == "src" else []
    found = []
    for n, line in enumerate(code.splitlines(), 1):
        s = line.strip()
        if not s or any(p.match(s) for p in extra):
            continue
        found.append(f"{path}:{n}: a facade holds only `mod` and `use`: `{s[:60]}`")
        break
    return found


def import_findings(crate: Crate, path: Path, text: str) -> list[str]:
    code = strip_comments(text)
    here = crate.module_of(path)
    own_facade = path.name in ("mod.rs", "lib.rs")
    inline = inline_modules(code)
    found = []
    for line, tree, offset in statements(code):
        module = here + inline(offset)
        for segs in expand(tree):
            segs = [s for s in segs if s]
            if not segs or segs[0] not in ("crate", "super", "self"):
                continue
            # resolve to an absolute path
            if segs[0] == "crate":
                absolute, rest = [], segs[1:]
            else:
                absolute, rest = list(module), list(segs)
                while rest and rest[0] in ("super", "self"):
                    if rest[0] == "super":
                        absolute = absolute[:-1]
                    rest = rest[1:]
            # longest prefix that is a file module
            mod = list(absolute)
            i = 0
            while i < len(rest) and crate.is_module(mod + [rest[i]]):
                mod.append(rest[i])
                i += 1
            items = rest[i:]
            if not items or items == ["*"] and not crate.is_facade(mod):
                continue
            item = items[0]
            if item in ("tests",):
                continue
            is_ancestor = len(mod) < len(here) + (0 if own_facade else 1) and here[: len(mod)] == mod
            if own_facade and mod == here:
                continue  # a facade re-exporting from its own files
            if is_ancestor and crate.is_facade(mod):
                facade_text = strip_comments(crate.module_file(mod).read_text())
                defined_here = re.search(rf"\b(?:const|static|fn|struct|enum|trait|type)\s+{re.escape(item)}\b", facade_text)
                if defined_here:
                    continue
                where = "the crate root" if not mod else "/".join(mod) + "/mod.rs"
                found.append(
                    f"{path}:{line}: `{'::'.join(segs)}` is a re-export of {where}; "
                    "import it from the file that defines it"
                )
    return found


def findings(root: Path) -> list[str]:
    """Every finding in the crates under `root`, one line each."""
    found = []
    for src in sorted(root.glob("crates/*/src")):
        crate = Crate(src)
        for path in sorted(src.rglob("*.rs")):
            text = path.read_text()
            n = text.count("\n") + (0 if text.endswith("\n") else 1)
            rel = path.relative_to(root)
            if n > MAX_LINES:
                found.append(f"{rel}: {n} lines (at most {MAX_LINES}, unit tests included)")
            if path.name == "mod.rs" or (path.name == "lib.rs" and path.parent == src):
                found += [f.replace(str(path), str(rel)) for f in facade_findings(path, text)]
            found += [f.replace(str(path), str(rel)) for f in import_findings(crate, path, text)]
    return found


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
    found = findings(root)
    for f in found:
        print(f)
    if found:
        print(f"layout: {len(found)} finding(s)")
        return 1
    print("layout: every file at most 600 lines, facades pure, no import from a parent facade")
    return 0


if __name__ == "__main__":
    sys.exit(main())
