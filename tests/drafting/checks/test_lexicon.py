"""drafting.checks.lexicon: how ``combine`` leads its alternations, and that it finds what a
plain alternation finds (every built-in list on the labelled replies is compared in
test_mistake_classes_holdout7)."""

from __future__ import annotations

import re

import pytest

from drafting.checks.lexicon import _shape, combine


@pytest.mark.parametrize(
    ("pattern", "word_start", "on_word"),
    [
        (r"\bsorry", True, True),
        (r"(?<!\w)ci scusiamo(?!\w)", True, True),
        (r"(?<![\w/])\d+ orders", True, True),
        (r"(?:\bwe|\bour) team", True, True),
        (r"\b(ti )?\w+iamo noi", True, True),
        (r"(?:\bwe|our) team", False, True),  # "our" may start inside "hour"
        (r"\w+iamo", False, True),
        (r"(?<![/])team", False, True),
        (r"\b\s*sorry", False, False),
        (r"!{2,}", False, False),
        (r"\b(?:x)?!", False, False),
        (r"(", False, False),  # not a pattern: only costs speed
    ],
)
def test_a_pattern_is_led_by_what_every_one_of_its_matches_starts_with(
    pattern: str, word_start: bool, on_word: bool
) -> None:
    start = _shape(pattern, re.IGNORECASE).start
    assert (start == "word") is word_start
    assert (start in ("word", "on_word")) is on_word


TEXTS = [
    "We're so sorry!! Our team will ring you; ci scusiamo davvero.",
    "Sorry about the 1,200 orders. Nothing else to say!!",
    "An hour team? Prendiamo noi il pacco: ti richiamiamo noi.",
    "",
    "!!",
]


def test_the_led_alternation_finds_what_the_plain_one_finds() -> None:
    patterns = [
        r"\bsorry\b",
        r"(?<!\w)ci scusiamo(?!\w)",
        r"(?:\bwe|our) team",
        r"\w+iamo noi",
        r"!{2,}",
        r"(?<![\w/])\d[\d,]* orders",
    ]
    combined = combine(patterns)
    assert combined is not None
    assert combined.pattern.startswith(r"\b(?=\w)(?:")
    plain = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    for text in TEXTS:
        assert [m.start() for m in combined.finditer(text)] == [
            m.start() for m in plain.finditer(text)
        ]


#: ``\s*`` or ``\s+`` right after a newline (a character class holding one, a look-behind on
#: one, or ``(?:^|\n)``).
_UNBOUNDED_AFTER_NEWLINE = re.compile(
    r"\[[^\]\[]*\\n[^\]\[]*\]\)?\)?\\s[*+]|\(\?:\^\|\\n\)\\s[*+]|\(\^\|\\n\)\\s[*+]"
)


def test_no_rule_reads_an_unbounded_whitespace_run_after_a_newline() -> None:
    """Such a rule is tried at every newline of a run and reads the rest of the run each time:
    a draft of 20,000 newlines held the checks for minutes (``benchmarks/bench_checks.py
    --hostile``). After a line or sentence start a rule reads at most ``\\s{0,8}``."""
    from tests.conftest import REPO

    checks = REPO / "drafting" / "checks"
    sources = [*checks.glob("*.py"), *(checks / "lexicons").glob("*.yaml")]
    found = [
        f"{path.relative_to(REPO)}:{text.count(chr(10), 0, m.start()) + 1}: {m.group(0)}"
        for path in sources
        for text in [path.read_text(encoding="utf-8")]
        for m in _UNBOUNDED_AFTER_NEWLINE.finditer(text)
    ]
    assert len(sources) > 20
    assert found == []
