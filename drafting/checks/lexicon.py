"""Built-in phrase lists per language (``lexicons/<lang>.yaml``), loaded and compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from re import _constants, _parser  # type: ignore[attr-defined]  # to see how a pattern starts
from typing import Any, NamedTuple

import yaml

from drafting.checks.alternation import (
    Alternation,
    BranchRead,
    grouped_alternation,
    not_after_word,
    read_branch,
)

LEXICON_DIR = Path(__file__).with_name("lexicons")
LEXICON_LANGUAGES: tuple[str, ...] = ("en", "it")
Pattern = re.Pattern[str] | Alternation


def combine(patterns: list[str] | tuple[str, ...], flags: int = re.IGNORECASE) -> Pattern | None:
    """One alternation of ``patterns`` (None when there are none).

    The patterns that can only start where a word starts (``\\bsorry``, ``\\b(the|our) ...``)
    are led by ``\\b(?=\\w)``, those that start on any word character by ``(?=\\w)``: the same
    matches, found two to three times as fast, as the regex engine no longer tries them inside
    words, at spaces and at punctuation. The others (``!{2,}``, an emoji class) follow, so one
    of them no longer slows the whole alternation down."""
    patterns = [p for p in patterns if p]
    if not patterns:
        return None
    shapes = {p: _shape(p, flags) for p in patterns}
    at_start = [p for p in patterns if shapes[p].start == "word"]
    on_word = [p for p in patterns if shapes[p].start == "on_word"]
    others = [p for p in patterns if not shapes[p].start]
    ordered = at_start + on_word + others
    # The lead asserts the word start once: a pattern's own leading \b goes, so that a
    # branch opening on a letter is dismissed on that letter.
    bodies = [p[2:] if p.startswith("\\b") and p[2:3] not in "*+?{" else p for p in at_start]
    branches = [("\\b(?=\\w)", p) for p in bodies] + [("(?=\\w)", p) for p in on_word]
    branches += [("", p) for p in others]
    return grouped_alternation(branches, flags, [shapes[p].read for p in ordered])


class _Shape(NamedTuple):
    start: str  # "word": where a word starts; "on_word": on a word character; "": otherwise
    read: BranchRead  # the shortest match and the words it needs (alternation.py)


_ZERO_WIDTH = (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT)
_WORD_CATEGORIES = (_constants.CATEGORY_WORD, _constants.CATEGORY_DIGIT)


@lru_cache(maxsize=8192)
def _shape(pattern: str, flags: int) -> _Shape:
    """How every match of ``pattern`` starts (decided on the parsed pattern; anything not
    understood answers "", which only costs speed): where a word begins (a ``\\b`` or
    ``(?<!\\w)`` and then a word character, ``\\bsorry``, ``(?<!\\w)ci scusiamo``), or on
    a word character; and what it needs, from the same parse (parsing is the slow part)."""
    try:
        tree = _parser.parse(pattern, flags)
    except re.error:
        return _Shape("", BranchRead(1, ()))  # compiling the alternation says what is wrong
    items = list(tree)
    start = (
        "word"
        if _first_is_word(items, need_boundary=True, seen=False)
        else "on_word"
        if _first_is_word(items, need_boundary=False, seen=False)
        else ""
    )
    return _Shape(start, read_branch(tree, after_edge=start == "word"))


def _first_is_word(items: list[Any], *, need_boundary: bool, seen: bool) -> bool:
    """Whether the first character consumed is a word character and, with ``need_boundary``,
    whether a word boundary was asserted before it (``seen``: one was, on this path)."""
    for i, (op, av) in enumerate(items):
        rest = items[i + 1 :]
        if (op is _constants.AT and av is _constants.AT_BOUNDARY) or not_after_word(op, av):
            seen = True
            continue
        if op in _ZERO_WIDTH:
            continue
        ok = seen or not need_boundary
        if op is _constants.LITERAL:
            return ok and _is_word_char(av)
        if op is _constants.IN:
            return ok and bool(av) and all(_word_set_item(o, a) for o, a in av)
        if op is _constants.SUBPATTERN:
            return _first_is_word(list(av[-1]) + rest, need_boundary=need_boundary, seen=seen)
        if op is _constants.BRANCH:
            return all(
                _first_is_word(list(branch) + rest, need_boundary=need_boundary, seen=seen)
                for branch in av[1]
            )
        if op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT):
            low, _, sub = av
            if not _first_is_word(list(sub), need_boundary=need_boundary, seen=seen):
                return False
            if low == 0:
                continue  # optional: what follows it must start on a word character too
            return True
        return False
    return False  # may match the empty string


def _is_word_char(code: int) -> bool:
    char = chr(code)
    return char.isalnum() or char == "_"


def _word_set_item(op: Any, av: Any) -> bool:
    if op is _constants.LITERAL:
        return _is_word_char(av)
    if op is _constants.RANGE:
        return all(_is_word_char(c) for c in range(av[0], av[1] + 1))
    if op is _constants.CATEGORY:
        return av in _WORD_CATEGORIES
    return False


def phrase_pattern(phrase: str) -> str:
    """A literal phrase as a case-insensitive, word-bounded pattern."""
    body = r"\s+".join(re.escape(part) for part in phrase.strip().split())
    return rf"(?<!\w){body}(?!\w)"


@dataclass(frozen=True)
class Lexicon:
    language: str
    raw: dict[str, Any]
    blame_shift: Pattern | None
    tone: dict[str, Pattern | None]
    sentiment_neutral: frozenset[str]
    problem_words: frozenset[str]
    offer: Pattern | None
    damages: Pattern | None
    goodwill: Pattern | None
    for_everyone: Pattern | None  # what every customer gets anyway, told as policy
    negation: Pattern
    kinds: dict[str, Pattern]
    causes: tuple[Pattern, ...]
    promise: Pattern | None
    update_time: Pattern | None
    weekdays: tuple[str, ...]
    relative_days: tuple[str, ...]
    months: tuple[str, ...]
    count_nouns: tuple[str, ...]
    ai_disclosure: Pattern | None
    injection: Pattern | None
    removal_request: Pattern | None
    formal_markers: Pattern | None
    informal_markers: Pattern | None
    names: tuple[Pattern, ...]
    # structure.acknowledge by topic: words that say nothing about the problem, and sentences
    # that are not statements about it (next steps, promises, causes, questions).
    topic_stop_words: frozenset[str] = frozenset()
    not_a_statement: Pattern | None = None

    def move_patterns(self, move: str) -> list[str]:
        return list(self.raw.get("moves", {}).get(move, []))

    def forbidden_patterns(self, category: str) -> list[str]:
        return list(self.raw.get("forbidden", {}).get(category, []))


@lru_cache(maxsize=8)
def load_lexicon(language: str) -> Lexicon:
    """The built-in lexicon for ``language`` (English for languages without one)."""
    if language not in LEXICON_LANGUAGES:
        language = "en"
    raw = yaml.safe_load((LEXICON_DIR / f"{language}.yaml").read_text(encoding="utf-8"))
    comp = raw.get("compensation", {})
    ground = raw.get("grounding", {})
    safety = raw.get("output_safety", {})
    formality = raw.get("formality", {})
    return Lexicon(
        language=language,
        raw=raw,
        blame_shift=combine(raw.get("blame_shift", [])),
        tone={name: combine(pats) for name, pats in raw.get("tone", {}).items()},
        sentiment_neutral=frozenset(w.lower() for w in raw.get("sentiment_neutral", [])),
        problem_words=frozenset(str(w).lower() for w in raw.get("problem_words", [])),
        offer=combine(comp.get("offer", [])),
        damages=combine(comp.get("damages", [])),
        goodwill=combine(comp.get("goodwill", [])),
        for_everyone=combine(comp.get("for_everyone", [])),
        negation=re.compile(comp.get("negation", r"\bnot\b"), re.IGNORECASE),
        kinds={k: p for k, v in comp.get("kinds", {}).items() if (p := combine(v)) is not None},
        causes=tuple(re.compile(p, re.IGNORECASE) for p in ground.get("cause", [])),
        promise=combine(ground.get("promise", [])),
        update_time=combine(ground.get("next_update_time", [])),
        weekdays=tuple(ground.get("weekdays", [])),
        relative_days=tuple(ground.get("relative_days", [])),
        months=tuple(ground.get("months", [])),
        count_nouns=tuple(ground.get("count_nouns", [])),
        ai_disclosure=combine(safety.get("ai_disclosure", [])),
        injection=combine(safety.get("injection", [])),
        removal_request=combine(raw.get("removal_request", [])),
        formal_markers=combine(formality.get("formal_markers", [])),
        informal_markers=combine(formality.get("informal_markers", [])),
        names=tuple(re.compile(p, re.MULTILINE) for p in raw.get("names", [])),
        topic_stop_words=frozenset(
            str(w).lower() for w in raw.get("topic", {}).get("stop_words", [])
        ),
        not_a_statement=combine(raw.get("topic", {}).get("not_a_statement", [])),
    )


@lru_cache(maxsize=16)
def all_languages_pattern(section: str, key: str) -> Pattern | None:
    """``section.key`` patterns of every built-in lexicon in one regex (e.g. AI disclosure in
    any language, whatever the draft's language)."""
    patterns: list[str] = []
    for lang in LEXICON_LANGUAGES:
        patterns += load_lexicon(lang).raw.get(section, {}).get(key, [])
    return combine(patterns)
