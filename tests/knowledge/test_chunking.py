"""Guideline chunking (headers, then tokens) and offline tiktoken."""

from __future__ import annotations

import os
import subprocess
import sys

from knowledge.chunking import chunk_markdown
from knowledge.tokens import (
    bundled_tiktoken_dir,
    cache_file_name,
    count_tokens,
    truncate_tokens,
)

GUIDE = """# Voice and tone

We write like a helpful neighbour, never like a legal department.

## Apologies

Say sorry once, plainly. Never "sorry if" or "sorry you feel".

### In Italian

Usiamo il "tu" con i clienti. Perché? Perché siamo vicini.

## Compensation

""" + " ".join(f"Rule {i}: vouchers up to 20 euros need no approval." for i in range(60))


def test_sections_keep_their_header_path() -> None:
    chunks = chunk_markdown(GUIDE, chunk_tokens=64)
    paths = [c.header_path for c in chunks]
    assert paths[0] == "Voice and tone"
    assert "Voice and tone > Apologies > In Italian" in paths
    italian = next(c for c in chunks if c.header_path.endswith("In Italian"))
    assert italian.text.startswith("### In Italian") and "Perché" in italian.text
    assert [c.index for c in chunks] == list(range(len(chunks)))


def test_long_sections_are_cut_by_tokens_and_keep_context() -> None:
    chunks = [
        c
        for c in chunk_markdown(GUIDE, chunk_tokens=64)
        if c.header_path == "Voice and tone > Compensation"
    ]
    assert len(chunks) > 3
    for chunk in chunks:
        body = chunk.text.split("\n", 1)[-1]
        assert count_tokens(body) <= 64
    # A chunk that starts mid-section carries the section's path as its first line.
    assert chunks[1].text.startswith("Voice and tone > Compensation\n")


def test_tiktoken_files_come_from_litellm_offline() -> None:
    bundled = bundled_tiktoken_dir()
    assert bundled is not None
    for name in ("cl100k_base", "o200k_base"):
        assert (bundled / cache_file_name(name)).is_file()
    # In a fresh process with an empty cache dir, which would otherwise mean a download.
    code = (
        "import os; os.environ['TIKTOKEN_CACHE_DIR'] = '/nonexistent';"
        "from knowledge.tokens import count_tokens; print(count_tokens('hello world'))"
    )
    env = {k: v for k, v in os.environ.items() if k != "TIKTOKEN_CACHE_DIR"}
    env.update({"HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9"})
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=60,
    )
    assert out.stdout.strip() == "2"


def test_truncate_tokens() -> None:
    text = "Il corriere ha lasciato il pacco sotto la pioggia."
    assert truncate_tokens(text, 1000) == text
    cut = truncate_tokens(text, 4)
    assert text.startswith(cut) and count_tokens(cut) <= 4
