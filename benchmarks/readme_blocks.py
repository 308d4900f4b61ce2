"""Benchmark figures in benchmarks/README.md: each script owns one marked block.

``--write-readme`` replaces the text between ``<!-- NAME:start -->`` and ``<!-- NAME:end -->``
and leaves the rest of the file (the hand-written reading of the figures) as it is. When the
block is missing, the script's section (a heading and how to run it) is appended with it.
"""

from __future__ import annotations

from pathlib import Path

README = Path(__file__).resolve().parent / "README.md"


def write_block(name: str, text: str, *, section: str, readme: Path = README) -> None:
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{text.strip()}\n{end}"
    current = readme.read_text("utf-8") if readme.exists() else "# Benchmarks\n"
    if start in current and end in current:
        head, rest = current.split(start, 1)
        current = head + block + rest.split(end, 1)[1]
    else:
        current = current.rstrip("\n") + "\n\n" + section.strip() + "\n\n" + block + "\n"
    readme.write_text(current, "utf-8")
