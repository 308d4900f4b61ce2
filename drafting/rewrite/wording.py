"""Phrase maps for the rewrites that need no model: built-in per language, plus the brand's own
(``policy.yaml`` ``rewrites``), applied longest phrase first, keeping a capital where there was
one."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

LEXICON_DIR = Path(__file__).with_name("lexicons")


@lru_cache(maxsize=8)
def builtin(language: str) -> dict[str, Any]:
    path = LEXICON_DIR / f"{language}.yaml"
    if not path.is_file():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def phrase_map(kind: str, language: str, brand: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """``{phrase: replacement}`` for ``kind`` (warmer, more_formal, simpler) in ``language``."""
    merged = {k.lower(): v for k, v in (builtin(language).get(kind) or {}).items()}
    for key in ("all", language):
        merged.update({k.lower(): v for k, v in (brand.get(key) or {}).items()})
    return merged


def fillers(language: str) -> list[str]:
    return [str(f) for f in builtin(language).get("fillers") or []]


@lru_cache(maxsize=64)
def _compiled(items: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    ordered = sorted(items, key=lambda kv: -len(kv[0]))
    parts = []
    for phrase, _ in ordered:
        body = r"\s+".join(re.escape(p) for p in phrase.strip().split())
        trailing = r"\s*" if phrase.endswith(" ") else ""
        parts.append(rf"(?<![\w']){body}(?![\w']){trailing}")
    return re.compile("|".join(parts), re.IGNORECASE), dict(items)


def apply(text: str, mapping: Mapping[str, str]) -> tuple[str, list[tuple[str, str]]]:
    """Replace every phrase of ``mapping`` in ``text``; return the text and what was replaced."""
    if not mapping:
        return text, []
    rx, table = _compiled(tuple(sorted(mapping.items())))
    changes: list[tuple[str, str]] = []

    def swap(match: re.Match[str]) -> str:
        found = match.group(0)
        key = " ".join(found.lower().split())
        replacement = table.get(key)
        if replacement is None:
            replacement = table.get(key + " ", "")
            if not found.endswith(" "):
                replacement = replacement.rstrip()
        first = found.split()[0] if found.split() else found
        acronym = len(first) > 1 and first.isupper()
        if found[:1].isupper() and not acronym and replacement[:1].islower():
            replacement = replacement[:1].upper() + replacement[1:]
        if found.endswith(" ") and replacement and not replacement.endswith(" "):
            replacement += " "
        changes.append((found.strip(), replacement.strip()))
        return replacement

    out = rx.sub(swap, text)
    return tidy(out), changes


_SENTENCE_START = re.compile(r"(^|[.!?]\s+)([a-zà-ú])")


def tidy(text: str) -> str:
    """Spaces and capitals after a phrase was removed or replaced."""
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"\s+([,.!?;:])", r"\1", text)
    text = re.sub(r"^(\s*(?:@\w+\s+)*)([a-zà-ú])", lambda m: m.group(1) + m.group(2).upper(), text)
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text).strip()
