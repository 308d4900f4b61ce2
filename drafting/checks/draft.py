"""The draft, analysed once for all checks: normalised text, masked text, links, sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from drafting.checks.links import Link, find_links
from drafting.emoji import EMOJI_CHARS, EMOJI_MODIFIERS

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "`": "'", "´": "'"})
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Instagram and TikTok handles may hold dots inside ("@sophie.reads"), never at the end.
HANDLE = re.compile(r"(?<![\w@])@\w(?:[\w.]{0,28}\w)?")
# A full stop between digits ("89.90 EUR", "at 10.30") ends no sentence.
_SENTENCE = re.compile(r"[^.!?\n]+(?:(?<=\d)\.(?=\d)[^.!?\n]*)*(?:[.!?]+|(?=\n)|$)|\n")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# Abbreviations whose full stop ends no sentence when lower case or a figure follows.
_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:approx|ca|circa|h|hrs?|min|sig|sigg|sig\.ra|dott|dr|mr|mrs|ms|st|n|nr|no|"
    r"vs|cf|cfr|ecc|etc|e\.g|i\.e|p\.es|es|tel|ord|e|i|p)\.$",
    re.IGNORECASE,
)
# "Update:", "Latest update on the showroom:", "Aggiornamento delle 15:00:" opening the draft;
# its time is part of the heading, not its end ("Update 12:00 CET: ...", "Update, 13:00 CET.
# ..."), so the heading ends at the colon (or full stop) after it. The required moves read the
# statement after it; grounding leaves its clock time alone (when the update was posted).
UPDATE_HEADING = re.compile(
    r"\s*(latest |an |quick |short )?(update|aggiornamento|novità)\b"
    r"((\d{1,2}[:.]\d{2}|[^.!?\n:]){0,40}:\s+|,?\s*(delle ore |delle |ore |at |alle )?"
    r"\d{1,2}[:.]\d{2}(\s?[A-Z]{3,4})?(\s*\([^)\n]{1,30}\))?\s*[:.–—-]\s+)",
    re.IGNORECASE,
)
_GOES_ON = re.compile(r"[a-zà-ÿ\d(]")
#: How far back from a sentence's end an abbreviation can start ("sig.ra." is the longest).
_ABBREVIATION_REACH = 12
# An emoji that closes a sentence: a capital letter starts the next one ("Your card shows a zero
# balance 😔 Please DM us the number" is two sentences, as with a full stop).
# It starts at the first emoji of a run: tried at every emoji of a long run, the run's tail
# would be read again each time (quadratic).
_EMOJI_END = re.compile(
    f"(?<![{EMOJI_CHARS}{EMOJI_MODIFIERS}])[{EMOJI_CHARS}][{EMOJI_CHARS}{EMOJI_MODIFIERS}]*"
    r"(?P<gap>\s+)(?=[A-ZÀ-ÖØ-Þ])"
)


def _after_abbreviation(text: str, end: int) -> bool:
    """Whether ``text[:end]`` ends with an abbreviation's full stop."""
    return _ABBREVIATION.search(text, max(0, end - _ABBREVIATION_REACH), end) is not None


def _split_at_emoji(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """``span`` cut after each emoji that closes a sentence (see _EMOJI_END)."""
    start, end = span
    pieces = []
    for m in _EMOJI_END.finditer(text, start, end):
        pieces.append((start, m.start("gap")))
        start = m.end()
    pieces.append((start, end))
    return pieces


def normalise(text: str) -> str:
    """Straighten quotes; the result has the same length, so offsets stay valid."""
    return text.translate(_QUOTES)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


# Words in double quotes or guillemets: "...", “...”, «...».
_QUOTED = re.compile(r'"([^"\n]{3,200})"|«([^»\n]{3,200})»')


@dataclass
class Draft:
    text: str
    sign_off: str = ""
    #: The customer's post and thread: their words quoted back are not the brand's own.
    customer_text: str = ""
    norm: str = field(init=False)
    links: list[Link] = field(init=False)

    def __post_init__(self) -> None:
        self.norm = normalise(self.text)
        self.links = find_links(self.norm)

    @cached_property
    def masked(self) -> str:
        """Links, e-mail addresses, @handles and the sign-off blanked out (same length)."""
        spans = [(link.start, link.end) for link in self.links]
        spans += [m.span() for m in EMAIL.finditer(self.norm)]
        spans += [m.span() for m in HANDLE.finditer(self.norm)]
        if self.sign_off:
            at = self.norm.rfind(normalise(self.sign_off))
            if at >= 0:
                spans.append((at, at + len(self.sign_off)))
        return _blank(self.norm, spans)

    @cached_property
    def own_words(self) -> str:
        """The masked text less quotations of the customer's own words ('You wrote "your
        support is useless"'): what the tone and voice checks judge is what the brand says,
        not what it quotes. (Personal data, amounts and planted instructions count even when
        quoted: those checks read :attr:`masked`.)"""
        return _blank(self.masked, self._customer_quotes())

    def _customer_quotes(self) -> list[tuple[int, int]]:
        """Spans of quotations whose words, two or more, all stand in the post or thread."""
        if not self.customer_text:
            return []
        theirs = {w.lower() for w in _WORD.findall(normalise(self.customer_text))}
        spans = []
        for m in _QUOTED.finditer(self.norm):
            words = [w.lower() for w in _WORD.findall(m.group(1) or m.group(2))]
            if len(words) >= 2 and all(w in theirs for w in words):
                spans.append(m.span())
        return spans

    @cached_property
    def without_links(self) -> str:
        """The normalised text with links blanked out (same length)."""
        return _blank(self.norm, [(link.start, link.end) for link in self.links])

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Spans of the sentences of the masked text. A full stop after an abbreviation
        ("approx.", "ca.", "sig.", "e.g.") ends none when the text goes on in lower case or
        with a figure ("Next update approx. at 10:30", "ca. alle 10:30")."""
        out: list[tuple[int, int]] = []
        masked = self.masked
        for m in _SENTENCE.finditer(masked):
            if m.group(0).strip():
                start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
                if (
                    out
                    and _GOES_ON.match(masked, start)
                    and _after_abbreviation(masked, out[-1][1])
                ):
                    out[-1] = (out[-1][0], m.end())
                    continue
                out.append((start, m.end()))
        return [piece for span in out for piece in _split_at_emoji(masked, span)]

    @cached_property
    def words(self) -> list[str]:
        return _WORD.findall(self.masked)

    def sentence_at(self, pos: int) -> tuple[int, int]:
        for start, end in self.sentences:
            if start <= pos < end:
                return start, end
        return pos, pos
