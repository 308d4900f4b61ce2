"""What a text is about, as crude stems that two texts share when they share a topic."""

from __future__ import annotations

import re

from drafting.checks.checkrun import CheckRun

_TOPIC_WORD = re.compile(r"[^\W\d_]{4,}")
_TRAILING = "aeiouyàèéìòùs"


def _stem(word: str) -> str:
    """A crude stem for both languages: "balances"/"balance" -> "balan", "sciolte"/"sciolto" ->
    "sciol", "sofas"/"sofa" -> "sof". Good enough to tell whether two texts share a topic."""
    word = word.lower()
    while len(word) > 3 and word[-1] in _TRAILING:
        word = word[:-1]
    return word[:5]


def topic_stems(run: CheckRun, text: str) -> set[str]:
    """The stems of the content words of ``text``, leaving out the language's topic stop words."""
    stop = run.lexicon.topic_stop_words
    return {_stem(w) for w in _TOPIC_WORD.findall(text) if w.lower() not in stop}
