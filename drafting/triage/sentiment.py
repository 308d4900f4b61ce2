"""Sentiment of a post: VADER for English, the same scoring over our lexicon for Italian.

VADER gets customer-care adjustments (``data/sentiment_en.yaml``): word entries (in a
complaint "please help" is a request, not a happy thought) and phrases VADER cannot score
word by word ("can't log in", "never arrived"), whose valence joins VADER's sum before the
compound is normalised. Other languages fall back to VADER, which still reads emoji,
emoticons and punctuation.

Labels use thresholds calibrated on customer-care posts, where politeness ("thanks",
"please help") lifts VADER's score: a post is positive from 0.5, negative from -0.05.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any

from drafting.emoji import EMOJI_CHARS
from drafting.triage.lexicons import english_adjustments, italian_lexicon, normalise
from drafting.triage.models import Sentiment, SentimentLabel

POSITIVE_AT = 0.5
NEGATIVE_AT = -0.05
_ALPHA = 15.0  # VADER's normalisation constant
_NEGATION_SCALAR = -0.74  # VADER's damping when a negator flips a word
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[\wàèéìòùáíóú']+|[^\w\s]{1,3}", re.UNICODE)


@lru_cache(maxsize=1)
def _vader() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    analyzer.lexicon.update(english_adjustments().words)
    return analyzer


def label_for(score: float) -> SentimentLabel:
    if score >= POSITIVE_AT:
        return "positive"
    if score <= NEGATIVE_AT:
        return "negative"
    return "neutral"


def _normalise_sum(total: float) -> float:
    return total / math.sqrt(total * total + _ALPHA) if total else 0.0


def _vader_sum(compound: float) -> float:
    """The valence sum VADER normalised into ``compound`` (its inverse)."""
    compound = max(-0.9999, min(0.9999, compound))
    return compound * math.sqrt(_ALPHA) / math.sqrt(1 - compound * compound)


#: VADER's cost grows with the square of a sentence's words: a "sentence" of thousands of
#: words or emoji (a hostile post) is read in pieces of at most this many words, each emoji
#: counted as one (VADER reads it as its name; its negation looks back three words).
_PIECE_WORDS = 60
_PIECE_TOKEN = re.compile(f"[{EMOJI_CHARS}]|[^\\s{EMOJI_CHARS}]+")


def _pieces(sentence: str) -> list[str]:
    words = _PIECE_TOKEN.findall(sentence)
    if len(words) <= _PIECE_WORDS:
        return [sentence]
    return [" ".join(words[i : i + _PIECE_WORDS]) for i in range(0, len(words), _PIECE_WORDS)]


def english_score(text: str) -> float:
    """VADER per sentence (its negation look-back must not cross a full stop), summed with
    the customer-care phrases, normalised like VADER's compound."""
    sentences = [piece for s in _SENTENCE.split(text) if s.strip() for piece in _pieces(s)] or [
        text
    ]
    analyzer = _vader()  # stateless between calls: safe to share across threads
    compounds = [float(analyzer.polarity_scores(s)["compound"]) for s in sentences]
    extra = sum(cue.weight for cue in english_adjustments().phrases if cue.pattern.search(text))
    if len(compounds) == 1 and not extra:
        return compounds[0]
    return _normalise_sum(sum(_vader_sum(c) for c in compounds if c) + extra)


def _italian_valence(token: str) -> float:
    lexicon = italian_lexicon()
    if token in lexicon.words:
        return lexicon.words[token]
    for prefix, value in lexicon.prefixes:
        if token.startswith(prefix):
            return value
    return 0.0


def italian_score(text: str) -> float:
    lexicon = italian_lexicon()
    lowered = text.lower()
    total = sum(cue.weight for cue in lexicon.phrases if cue.pattern.search(lowered))
    tokens = _WORD.findall(lowered.replace("'", "' "))
    for i, token in enumerate(tokens):
        token = token.strip("'")
        valence = _italian_valence(token)
        if not valence or token in lexicon.negators:
            continue
        previous = [t.strip("'") for t in tokens[max(0, i - 3) : i]]
        ends = [j for j, word in enumerate(previous) if word[:1] in (".", "!", "?", ";")]
        if ends:  # negation and boosts stop at the end of a sentence
            previous = previous[ends[-1] + 1 :]
        if previous and previous[-1] in lexicon.boosters:
            boost = lexicon.boosters[previous[-1]]
            valence += boost if valence > 0 else -boost
        if any(p in lexicon.negators for p in previous):
            valence *= _NEGATION_SCALAR
        total += valence
    bangs = min(text.count("!"), 4) * 0.292
    if total:
        total += bangs if total > 0 else -bangs
    return _normalise_sum(total)


def sentiment_of(text: str, language: str) -> Sentiment:
    text = normalise(text)
    score = italian_score(text) if language == "it" else english_score(text)
    score = max(-1.0, min(1.0, round(score, 4)))
    return Sentiment(score=score, label=label_for(score))
