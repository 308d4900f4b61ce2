"""A big alternation searched only through the branches a text can match.

A lexicon category is one alternation of dozens or hundreds of patterns, and Python's regex
engine tries every branch at every position of a draft. Most branches need a word the draft
does not hold ("courier", "corriere", "compensation"). ``Alternation`` keeps, for each branch,
the words every match of it must contain (read from the parsed pattern: a word that starts
after a word boundary, or one word of a choice), and searches a text only with the branches
whose words it holds; the branches that need no word are searched in every text.

The matches are those of the whole alternation, exactly: the leftmost start among the branches
kept is where the whole alternation's search would start (a branch left out cannot match
anywhere in the text), and the match there is taken from the whole alternation, so its span,
its groups and the order in which branches are preferred are the same.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from itertools import groupby
from re import _casefix, _constants, _parser  # type: ignore[attr-defined]
from typing import Any, NamedTuple

#: Below this many branches the whole alternation is as fast as the filter.
MIN_BRANCHES = 8
#: Shorter words are in nearly every text ("we", "i"): not worth looking up.
MIN_WORD = 3
#: Word starts are kept up to this length (a needed word is cut to it): a 20,000-letter "word"
#: costs 40 starts, not 20,000.
MAX_WORD = 40

# Characters that match a different letter when case is ignored but that str.lower() does not
# turn into it ("ſ" matches "s", "K" the Kelvin sign matches "k"): a text holding one is searched
# with the whole alternation.
_FOLDS_APART = frozenset(
    chr(c) for k, v in _casefix._EXTRA_CASES.items() for c in (k, *v) if c > 127
)
# Where a word may start right after: a word boundary, the start of the text or of a line.
_EDGES = (
    _constants.AT_BOUNDARY,
    _constants.AT_BEGINNING,
    _constants.AT_BEGINNING_LINE,
    _constants.AT_BEGINNING_STRING,
)
_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT)


def _folds_alone(char: str) -> bool:
    """Whether ``char`` ignoring case is just ``char.lower()`` (one character, no extra fold)."""
    low = char.lower()
    return len(low) == 1 and char not in _FOLDS_APART and low not in _FOLDS_APART


class Alternation:
    """``whole`` (an alternation of ``branches``, in that order) with the same ``search``,
    ``finditer`` and ``match``; every other pattern method is the whole alternation's."""

    __slots__ = (
        "_branches",
        "_by_key",
        "_compiled",
        "_keys",
        "_last",
        "_needs",
        "_open",
        "_sources",
        "whole",
    )

    def __init__(
        self,
        whole: re.Pattern[str],
        branches: list[tuple[str, str]],
        needs: list[tuple[frozenset[str], ...]],
    ) -> None:
        self.whole = whole
        self._branches = branches
        self._sources = [f"{lead}(?:{body})" for lead, body in branches]
        self._needs = needs
        # A branch is looked up by the words of one of its needs (the one with the longest
        # shortest word). The branches that need nothing are searched in every text, as one
        # alternation that asserts each lead once (as the whole does).
        self._by_key: dict[str, list[int]] = {}
        for i, need in enumerate(needs):
            if need:
                for word in max(need, key=lambda words: min(map(len, words))):
                    self._by_key.setdefault(word, []).append(i)
        self._keys = frozenset(self._by_key)
        open_ = [b for b, need in zip(branches, needs, strict=True) if not need]
        self._open = re.compile(_grouped(open_), whole.flags) if open_ else None
        self._compiled: list[re.Pattern[str] | None] = [None] * len(branches)
        self._last: tuple[str, list[int] | None] = ("", [])

    @property
    def pattern(self) -> str:
        return self.whole.pattern

    @property
    def flags(self) -> int:
        return self.whole.flags

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name == "whole":  # not set yet (while unpickling)
            raise AttributeError(name)
        return getattr(self.whole, name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Alternation, (self.whole, self._branches, self._needs))

    def __repr__(self) -> str:
        return f"Alternation({len(self._sources)} branches)"

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        branches = self._candidates(string)
        if branches is None:
            return self.whole.search(string, pos, endpos)
        start = -1
        if self._open is not None and (m := self._open.search(string, pos, endpos)) is not None:
            start = m.start()
        for i in branches:
            if start == pos:
                break
            m = self._branch(i).search(string, pos, endpos)
            if m is not None and (start < 0 or m.start() < start):
                start = m.start()
        if start < 0:
            return None
        return self.whole.match(string, start, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        # No branch matches the empty string (see grouped_alternation), so the next search
        # starts where the last match ended, as the whole alternation's own finditer does.
        while (m := self.search(string, pos, endpos)) is not None:
            yield m
            pos = m.end()

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.whole.match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.whole.fullmatch(string, pos, endpos)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        return self.whole.sub(repl, string, count)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.whole.findall(string, pos, endpos)

    def _candidates(self, string: str) -> list[int] | None:
        """The branches whose needs ``string`` meets, in order (None: search with the whole
        alternation)."""
        last = self._last
        if last[0] is string:
            return last[1]
        starts = word_starts(string)
        found: list[int] | None = None
        if starts is not None:
            picked: set[int] = set()
            for key in starts & self._keys:
                picked.update(self._by_key[key])
            found = sorted(
                i
                for i in picked
                if all(any(w in starts for w in words) for words in self._needs[i])
            )
        self._last = (string, found)
        return found

    def _branch(self, i: int) -> re.Pattern[str]:
        compiled = self._compiled[i]
        if compiled is None:
            compiled = self._compiled[i] = re.compile(self._sources[i], self.whole.flags)
        return compiled


class BranchRead(NamedTuple):
    """What the parse of a branch says: the shortest match, and the words every match needs
    (see ``needed_words``)."""

    least: int
    needs: tuple[frozenset[str], ...]


def grouped_alternation(
    branches: list[tuple[str, str]], flags: int, reads: list[BranchRead] | None = None
) -> re.Pattern[str] | Alternation | None:
    """The alternation of ``branches`` (lead, body), in order, with each run of branches that
    share a lead under one assertion of it (``\\b(?=\\w)(?:(?:a)|(?:b))``: a position that fails
    the lead is dismissed once, not once per branch). An ``Alternation`` when there are enough
    branches and none can match the empty string (its search relies on both), else the plain
    compiled pattern; None when there are no branches. ``reads``: each branch's
    ``read_branch``, when the caller has parsed them already."""
    if not branches:
        return None
    whole = re.compile(_grouped(branches), flags)
    if len(branches) < MIN_BRANCHES or flags & re.ASCII:
        return whole
    if reads is None:  # a lead is zero-width; "\\b" leads a word
        reads = [
            read_branch(_parser.parse(body, flags), after_edge=lead.startswith("\\b"))
            for lead, body in branches
        ]
    if any(read.least == 0 for read in reads):
        return whole
    return Alternation(whole, branches, [read.needs for read in reads])


def _grouped(branches: list[tuple[str, str]]) -> str:
    parts = []
    for lead, run in groupby(branches, key=lambda b: b[0]):
        bodies = [f"(?:{body})" for _, body in run]
        parts.append(f"{lead}(?:{'|'.join(bodies)})" if lead else "|".join(bodies))
    return "|".join(parts)


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=512)
def word_starts(text: str) -> frozenset[str] | None:
    """Every start (MIN_WORD characters or more, lower case) of every word of ``text``; None
    when ``text`` holds a character that case-insensitive matching folds apart from its lower
    case (the filter would not be safe)."""
    low = text.lower()
    if not low.isascii() and (len(low) != len(text) or _FOLDS_APART.intersection(text)):
        return None
    return frozenset(
        word[:n]
        for word in _WORD.findall(low)
        for n in range(MIN_WORD, min(len(word), MAX_WORD) + 1)
    )


def needed_words(
    pattern: str, flags: int, *, after_edge: bool = False
) -> tuple[frozenset[str], ...]:
    """What every match of ``pattern`` needs, as sets of word starts (lower case, MIN_WORD
    characters or more) of which the matched text must hold at least one: a word that starts
    after a word boundary ("\\bsorry" needs a word starting "sorry"), or one of a choice
    ("(pay|cover|compensate)" after a space needs one of them). () when none is found.
    ``after_edge``: the pattern is led by a word boundary."""
    return read_branch(_parser.parse(pattern, flags), after_edge=after_edge).needs


def read_branch(tree: Any, *, after_edge: bool) -> BranchRead:
    """``tree`` (a pattern parsed by ``re._parser``): its shortest match and needed words."""
    needs: list[frozenset[str]] = []
    _walk(list(tree), needs, after_edge=after_edge)
    return BranchRead(tree.getwidth()[0], tuple(dict.fromkeys(needs)))


def _walk(items: list[Any], needs: list[frozenset[str]], *, after_edge: bool = False) -> bool:
    """Append to ``needs`` the words ``items`` must match in a row; ``after_edge``: the
    position before ``items`` is not inside a word. Returns whether the position after
    ``items`` is known not to be inside a word (only said when it is certain)."""
    word = ""
    for op, av in items:
        if op is _constants.LITERAL and _folds_alone(chr(av)):
            char = chr(av).lower()
            if char.isalnum() or char == "_":
                if word or after_edge:
                    word += char
                continue
            _keep(word, needs)
            word, after_edge = "", True
            continue
        if word:  # the position is inside a word
            _keep(word, needs)
            word, after_edge = "", False
        if op is _constants.AT:
            after_edge = av in _EDGES
        elif not_after_word(op, av):
            after_edge = True
        elif op in (_constants.ASSERT, _constants.ASSERT_NOT):
            continue  # zero width: the position is unchanged
        elif op is _constants.SUBPATTERN:
            after_edge = _walk(list(av[-1]), needs, after_edge=after_edge)
        elif op in _REPEATS:
            least, _, inner = av
            # Once at least: what the first time needs is needed. The position after the
            # part is an edge if the part ends on one (and, when it may be skipped, if the
            # position before it was one).
            ends = _walk(list(inner), needs if least >= 1 else [], after_edge=after_edge)
            after_edge = ends and (after_edge or least >= 1)
        elif op is _constants.BRANCH:
            choice = _choice_words(av[1]) if after_edge else None
            if choice is not None:
                needs.append(choice)
            # After the choice, an edge if every branch ends on one.
            after_edge = all(_walk(list(b), [], after_edge=after_edge) for b in av[1])
        else:  # a class, an optional or repeated part, a back-reference: no longer known
            after_edge = False
    _keep(word, needs)
    return False if word else after_edge


def _choice_words(branches: list[Any]) -> frozenset[str] | None:
    """The words the branches of a choice start with, when every branch starts with one of
    MIN_WORD letters or more (else the choice needs nothing that can be looked up)."""
    words = set()
    for branch in branches:
        word = ""
        for op, av in branch:
            if op is not _constants.LITERAL or not _folds_alone(chr(av)):
                break
            char = chr(av).lower()
            if not (char.isalnum() or char == "_"):
                break
            word += char
        if len(word) < MIN_WORD:
            return None
        words.add(word[:MAX_WORD])
    return frozenset(words)


def _keep(word: str, needs: list[frozenset[str]]) -> None:
    if len(word) >= MIN_WORD:
        needs.append(frozenset((word[:MAX_WORD],)))


def not_after_word(op: Any, av: Any) -> bool:
    """``(?<!\\w)``, ``(?<![\\w/])``: not after a word character (a word starts here)."""
    if op is not _constants.ASSERT_NOT or av[0] != -1:
        return False
    items = list(av[1])
    return (
        len(items) == 1
        and items[0][0] is _constants.IN
        and (_constants.CATEGORY, _constants.CATEGORY_WORD) in list(items[0][1])
    )
