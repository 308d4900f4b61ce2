"""The filtered alternation (drafting/checks/alternation.py) finds exactly what the whole
alternation finds: same spans, same groups, on every lexicon pattern and every labelled text."""

from __future__ import annotations

import dataclasses
import pickle
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from drafting.checks.alternation import (
    Alternation,
    grouped_alternation,
    needed_words,
    word_starts,
)
from drafting.checks.compiled import compiled_policy
from drafting.checks.constructions import constructions
from drafting.checks.lexicon import LEXICON_LANGUAGES, combine, load_lexicon
from drafting.checks.quality import load_labelled

DATA = Path(__file__).resolve().parents[2] / "data"


def _alternations(value: Any, seen: set[int]) -> Iterator[Alternation]:
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, Alternation):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _alternations(getattr(value, f.name), seen)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _alternations(v, seen)
    elif isinstance(value, tuple | list):
        for v in value:
            yield from _alternations(v, seen)


def _texts() -> list[str]:
    texts = [c.text for c in load_labelled(DATA / "checks_labelled.jsonl")]
    texts += [c.text for c in load_labelled(DATA / "checks_holdout39.jsonl")]
    texts += [t.upper() for t in texts[:40]]  # case is ignored by the patterns, not the filter
    # Letters that match another one when case is ignored but lower() leaves alone ("ſ" is
    # "s", the Kelvin sign is "k"), and one whose lower case is two characters.
    texts += ["We're ſorry the courier lost it.", "Ci diſpiace molto.", "İ am sorry, K."]
    return texts


def _found(pattern: Any, text: str, pos: int = 0) -> list[tuple[tuple[int, int], Any]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text, pos)]


@pytest.fixture(scope="module")
def every_alternation(demo) -> list[Alternation]:
    _, policy = demo
    seen: set[int] = set()
    found = []
    for language in LEXICON_LANGUAGES:
        found += list(_alternations(load_lexicon(language), seen))
        found += list(_alternations(constructions(language), seen))
        found += list(_alternations(compiled_policy(policy, language), seen))
    return found


def test_the_lexicons_big_alternations_are_filtered(every_alternation) -> None:
    assert len(every_alternation) >= 40
    assert max(len(a.pattern) for a in every_alternation) > 10_000


def test_filtered_matches_are_the_whole_alternations(every_alternation) -> None:
    texts = _texts()
    for alt in every_alternation:
        for text in texts:
            assert _found(alt, text) == _found(alt.whole, text), (alt.pattern[:80], text)
            middle = len(text) // 2
            assert _found(alt, text, middle) == _found(alt.whole, text, middle)
            got, want = alt.search(text, 0, middle), alt.whole.search(text, 0, middle)
            assert (got and got.span()) == (want and want.span())


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"\bsorry\w* about", [{"sorry"}, {"about"}]),
        (r"\b(refund|refunds)\b", [{"refund"}]),
        # A choice after a word boundary needs one of its words; after an optional part that
        # ends on a space, still at a word's start.
        (r"\bwe (always |fully )?(follow|comply with|obey) (every|all)\b",
         [{"follow", "comply", "obey"}, {"every", "all"}]),
        (r"(?<!\w)ci (scusiamo|dispiace)", [{"scusiamo", "dispiace"}]),
        # Inside a word nothing can be looked up as a word's start: "[a-z]+ing" is not "ing...".
        (r"(?=\w)(?:[a-z]+ing the courier)", [{"the"}, {"courier"}]),
        (r"\b(we|i) (pay|do)\b", []),  # two-letter words are in nearly every text
        (r"(?:ab)?cde", []),  # "cde" may follow "ab": not a word's start
        (r"\b(pre|after)paid order", [{"pre", "after"}, {"order"}]),  # "paid" ends a word
    ],
)  # fmt: skip
def test_what_a_branch_needs(pattern: str, needs: list[set[str]]) -> None:
    assert [set(n) for n in needed_words(pattern, re.IGNORECASE)] == needs


def test_word_starts_refuse_letters_that_fold_apart() -> None:
    assert word_starts("We're sorry") == {"sor", "sorr", "sorry"}  # "we", "re": too short
    assert word_starts("We're ſorry") is None
    assert word_starts("İ am sorry") is None


def test_small_or_empty_matching_alternations_stay_plain_patterns() -> None:
    few = [("\\b(?=\\w)", f"word{i}\\b") for i in range(3)]
    assert isinstance(grouped_alternation(few, re.IGNORECASE), re.Pattern)
    many = [("\\b(?=\\w)", f"word{i}\\b") for i in range(20)]
    assert isinstance(grouped_alternation(many, re.IGNORECASE), Alternation)
    optional = [*many, ("", "(?:maybe)?")]
    assert isinstance(grouped_alternation(optional, re.IGNORECASE), re.Pattern)
    assert grouped_alternation([], re.IGNORECASE) is None
    assert isinstance(combine([rf"\\bword{i}\\b" for i in range(20)]), Alternation)


def test_the_whole_asserts_each_lead_once() -> None:
    branches = [("\\b(?=\\w)", "a1"), ("\\b(?=\\w)", "b2"), ("", "!+"), ("(?=\\w)", "c3")]
    assert grouped_alternation(branches, 0).pattern == (
        "\\b(?=\\w)(?:(?:a1)|(?:b2))|(?:!+)|(?=\\w)(?:(?:c3))"
    )


def test_an_alternation_survives_pickling() -> None:
    """Compiled policies may cross to worker processes: the filtered alternation pickles as
    the pattern it is."""
    alt = combine([rf"\bword{i}\b" for i in range(20)])
    assert isinstance(alt, Alternation)
    again = pickle.loads(pickle.dumps(alt))
    assert isinstance(again, Alternation) and again.pattern == alt.pattern
    assert _found(again, "a word3 and word12") == _found(alt.whole, "a word3 and word12")
