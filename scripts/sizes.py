#!/usr/bin/env python3
"""The largest source files and functions of the workspace (tests and benches aside), for
docs/architecture.md: `python3 scripts/sizes.py [N]` lists the N largest of each (default 10).

A function runs from its `fn` line to the brace that closes its body; braces inside strings,
characters and comments are skipped. Lines are counted as they stand in the file."""

import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
FN = re.compile(r"^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?fn\s+(\w+)")


def code_only(line, state):
    """The line without string and character literals and comments; `state` carries an open
    block comment or raw string across lines."""
    out, i = [], 0
    while i < len(line):
        if state["block"]:
            end = line.find("*/", i)
            if end < 0:
                return "".join(out)
            state["block"], i = False, end + 2
            continue
        if state["raw"]:
            end = line.find('"' + "#" * state["raw_hashes"], i)
            if end < 0:
                return "".join(out)
            state["raw"], i = False, end + 1 + state["raw_hashes"]
            continue
        if state["string"]:
            if line[i] == "\\":
                i += 2
                continue
            if line[i] == '"':
                state["string"] = False
            i += 1
            continue
        c = line[i]
        if line.startswith("//", i):
            break
        if line.startswith("/*", i):
            state["block"], i = True, i + 2
            continue
        raw = re.match(r'r(#*)"', line[i:])
        if raw and (i == 0 or not (line[i - 1].isalnum() or line[i - 1] == "_")):
            state["raw"], state["raw_hashes"], i = True, len(raw.group(1)), i + len(raw.group(0))
            continue
        if c == '"':
            state["string"], i = True, i + 1
            continue
        char = re.match(r"'(\\.|[^\\'])'", line[i:])
        if char:
            i += len(char.group(0))
            continue
        out.append(c)
        i += 1
    return "".join(out)


def functions(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    state = {"block": False, "raw": False, "raw_hashes": 0, "string": False}
    found, stack, depth = [], [], 0
    for number, line in enumerate(lines, 1):
        code = code_only(line, state)
        match = FN.match(code)
        if match:
            stack.append((match.group(6), number, depth))
        for c in code:
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
                if stack and depth == stack[-1][2] and number >= stack[-1][1]:
                    name, start, _ = stack.pop()
                    found.append((number - start + 1, f"{path.relative_to(ROOT)}:{start} {name}"))
            elif c == ";" and stack and depth == stack[-1][2]:
                stack.pop()  # a declaration without a body
    return len(lines), found


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    files, fns = [], []
    for path in sorted(ROOT.glob("crates/*/src/**/*.rs")):
        if path.name == "tests.rs" or "/tests/" in str(path):
            continue
        count, found = functions(path)
        files.append((count, str(path.relative_to(ROOT))))
        fns.extend(found)
    print(f"{'lines':>6}  largest files")
    for count, name in sorted(files, reverse=True)[:n]:
        print(f"{count:>6}  {name}")
    print(f"\n{'lines':>6}  largest functions")
    for count, name in sorted(fns, reverse=True)[:n]:
        print(f"{count:>6}  {name}")


if __name__ == "__main__":
    main()
