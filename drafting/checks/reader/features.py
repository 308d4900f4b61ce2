"""What the learned reader sees in a draft: its words, word pairs and triples, and the letter
runs of each whitespace-separated chunk, each with the span of draft text it came from.

The same function feeds training and scoring, so a model is never trained on features the
service would not compute. Letter runs (3 to 5 characters, the chunk's edges marked by a
space) let one weight cover "speculiamo", "speculare" and "speculation", and keep punctuation
that carries tone ("!!", "?!", "..."); word pairs and triples cover phrases ("your fault",
"as we said").
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")
_CHUNK = re.compile(r"\S+")

WORD_NGRAMS = (1, 2, 3)
LETTER_RUNS = (3, 4, 5)
# A word or chunk longer than this is read by its first characters only: a 20,000-letter
# "word" in a hostile text must not cost 60,000 features.
MAX_CHUNK = 40

Located = tuple[str, int, int]  # feature, start and end of the draft text it came from


def features(text: str) -> list[str]:
    """Every feature of ``text``, repeated as often as it occurs (the model reads each as
    present or absent)."""
    return [name for name, _, _ in located_features(text)]


def located_features(text: str) -> list[Located]:
    out: list[Located] = []
    # Spans come from the text as written: lower-casing may change a string's length ("İ").
    words = [(m.group()[:MAX_CHUNK].lower(), m.start(), m.end()) for m in _WORD.finditer(text)]
    for n in WORD_NGRAMS:
        for i in range(len(words) - n + 1):
            gram = words[i : i + n]
            out.append(("w:" + " ".join(w for w, _, _ in gram), gram[0][1], gram[-1][2]))
    for m in _CHUNK.finditer(text):
        padded = f" {m.group()[:MAX_CHUNK].lower()} "
        for n in LETTER_RUNS:
            for j in range(len(padded) - n + 1):
                out.append(("c:" + padded[j : j + n], m.start(), m.end()))
    return out
