"""Token counting with tiktoken, offline.

tiktoken downloads its BPE files on first use. litellm's wheel ships ``cl100k_base``,
``o200k_base`` and ``p50k_base`` under tiktoken's cache names, so we point
``TIKTOKEN_CACHE_DIR`` there before tiktoken loads an encoding. litellm is located, not
imported (importing it takes seconds).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from drafting.errors import SetupError

if TYPE_CHECKING:
    import tiktoken

DEFAULT_ENCODING = "cl100k_base"
BUNDLED_ENCODINGS = ("cl100k_base", "o200k_base", "p50k_base")
_BLOB_URL = "https://openaipublic.blob.core.windows.net/encodings/{name}.tiktoken"


def cache_file_name(encoding: str) -> str:
    """The file name tiktoken caches an encoding under (sha1 of its download URL)."""
    return hashlib.sha1(_BLOB_URL.format(name=encoding).encode()).hexdigest()


def bundled_tiktoken_dir() -> Path | None:
    """litellm's bundled tokenizers folder, or None when litellm is not installed."""
    spec = importlib.util.find_spec("litellm")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "litellm_core_utils" / "tokenizers"


def ensure_tiktoken_offline(encoding: str = DEFAULT_ENCODING) -> None:
    """Make tiktoken find ``encoding`` on disk; keep a user's own cache dir if it has the file."""
    name = cache_file_name(encoding)
    current = os.environ.get("TIKTOKEN_CACHE_DIR")
    if current and (Path(current) / name).is_file():
        return
    bundled = bundled_tiktoken_dir()
    if bundled is None or not (bundled / name).is_file():
        raise SetupError(
            f"The tiktoken encoding {encoding!r} is not available offline.",
            fix=f"Use one of {', '.join(BUNDLED_ENCODINGS)} (bundled with litellm), or set "
            "TIKTOKEN_CACHE_DIR to a folder holding the encoding's file.",
        )
    os.environ["TIKTOKEN_CACHE_DIR"] = str(bundled)


@lru_cache(maxsize=8)
def get_encoding(name: str = DEFAULT_ENCODING) -> tiktoken.Encoding:
    ensure_tiktoken_offline(name)
    import tiktoken

    return tiktoken.get_encoding(name)


def count_tokens(text: str, encoding: str = DEFAULT_ENCODING) -> int:
    """Tokens in ``text`` (special-token strings are counted as plain text, never refused)."""
    return len(get_encoding(encoding).encode(text, disallowed_special=()))


def truncate_tokens(text: str, max_tokens: int, encoding: str = DEFAULT_ENCODING) -> str:
    """The longest prefix of ``text`` that is at most ``max_tokens`` tokens long."""
    tokens = get_encoding(encoding).encode(text, disallowed_special=())
    if len(tokens) <= max_tokens:
        return text
    # A cut inside a multi-byte character decodes to U+FFFD: drop it.
    return get_encoding(encoding).decode(tokens[: max(0, max_tokens)]).rstrip("\ufffd")
