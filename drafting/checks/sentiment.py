"""Sentiment of a draft (-1..1): VADER for English, a small lexicon of our own for Italian.

Words that name the problem or the apology ("sorry", "delay", "ritardo") are left out, so a
sincere apology does not read as negative; what is left is the draft's own attitude.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|[!?]")
_IT_LEXICON = Path(__file__).with_name("lexicons") / "it_sentiment.yaml"


@lru_cache(maxsize=1)
def _vader() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=1)
def _italian() -> tuple[re.Pattern[str], dict[str, float], frozenset[str], dict[str, float]]:
    data = yaml.safe_load(_IT_LEXICON.read_text(encoding="utf-8"))
    valence = {str(k).lower(): float(v) for k, v in data["valence"].items()}
    stems = sorted(valence, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(s) for s in stems) + r")[^\W\d_]*", re.I)
    boosters = {str(k).lower(): float(v) for k, v in data.get("boosters", {}).items()}
    return pattern, valence, frozenset(data.get("negations", [])), boosters


def _without(text: str, neutral: frozenset[str]) -> str:
    return " ".join(w for w in _WORD.findall(text) if w.lower() not in neutral)


def sentiment(text: str, language: str, neutral: frozenset[str] = frozenset()) -> float:
    """Compound score from -1 (hostile) to 1 (warm)."""
    if language == "it":
        return _italian_score(text, neutral)
    return float(_vader().polarity_scores(_without(text, neutral))["compound"])


def _italian_score(text: str, neutral: frozenset[str]) -> float:
    pattern, valence, negations, boosters = _italian()
    words = [w.lower() for w in _WORD.findall(text)]
    total = 0.0
    for i, word in enumerate(words):
        if word in neutral:
            continue
        m = pattern.fullmatch(word)
        if not m:
            continue
        score = valence[m.group(1).lower()]
        window = words[max(0, i - 3) : i]
        for prev in window:
            if prev in boosters:
                score += math.copysign(boosters[prev], score)
        if any(prev in negations for prev in window):
            score *= -0.74
        total += score
    if not total:
        return 0.0
    return max(-1.0, min(1.0, total / math.sqrt(total * total + 15)))


@lru_cache(maxsize=256)
def negative_words(text: str, language: str) -> frozenset[str]:
    """The words of ``text`` that score negative on their own ("rejected", "mistake", "labour"
    in an incident's facts), lower-cased; negations and other function words are not among
    them."""
    words = {w.lower() for w in _WORD.findall(text)}
    if language == "it":
        pattern, valence, _, _ = _italian()
        return frozenset(
            w for w in words if (m := pattern.fullmatch(w)) and valence[m.group(1).lower()] < 0
        )
    lexicon = _vader().lexicon
    return frozenset(w for w in words if lexicon.get(w, 0.0) < 0)


def lix(text: str) -> float:
    """LIX readability: words per sentence + percentage of words longer than six letters.

    Below 40 is easy, 40-50 plain, 50-60 hard, above 60 very hard (for English and Italian).
    """
    words = re.findall(r"[^\W\d_]+", text)
    if not words:
        return 0.0
    sentences = max(1, len(re.findall(r"[.!?]+(?:\s|$)|\n+", text.strip() + " ")))
    long_words = sum(1 for w in words if len(w) > 6)
    return len(words) / sentences + 100.0 * long_words / len(words)
