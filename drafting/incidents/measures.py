"""Small statistics the KPIs and reports share: percentiles and how much a text was changed."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)
MAX_CELLS = 400_000  # word-level Levenshtein up to ~630 × 630 words; beyond, difflib estimates


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear interpolation between closest ranks (q in 0..1); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return round(ordered[low] + (ordered[high] - ordered[low]) * (position - low), 2)


def mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 3) if values else None


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def words(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def word_edits(before: str, after: str) -> int:
    """Words (and punctuation marks) inserted, deleted or replaced to turn before into after."""
    a, b = words(before), words(after)
    if len(a) * len(b) > MAX_CELLS:
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        return sum(
            max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
        )
    previous = list(range(len(b) + 1))
    for i, word in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (word != other))
            )
        previous = current
    return previous[-1]


def changed_share(before: str, after: str) -> float:
    """Word edits over the longer text's length: 0 unchanged, 1 rewritten."""
    longest = max(len(words(before)), len(words(after)))
    return round(word_edits(before, after) / longest, 3) if longest else 0.0
