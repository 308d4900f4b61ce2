"""Replace personal data with typed placeholders before text goes to a remote model.

One :class:`Redactor` serves one draft: the post, its thread, the retrieved replies and the
incident facts all go through the same instance, so a value has one placeholder everywhere
(``<EMAIL_1>`` in the post is ``<EMAIL_1>`` in the thread), and :meth:`Redactor.restore` can put
the values back into a private reply. A value found once is also replaced wherever it appears
again, even where no detector would have found it (a name given with "my name is" and then
repeated on its own).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from drafting.checks.draft import normalise
from drafting.privacy import patterns
from drafting.privacy.addresses import addresses
from drafting.privacy.names import STOP, NameFinder
from drafting.privacy.patterns import Found
from drafting.privacy.placeholders import (
    KIND_OF_TAG,
    PLACEHOLDER,
    TAGS,
    find_placeholders,
    placeholder,
)

_PRIORITY = {tag: i for i, tag in enumerate(TAGS)}
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Redaction:
    """A redacted text and the placeholders it holds (types and counts, never the values)."""

    text: str
    placeholders: tuple[str, ...] = field(default=())

    @property
    def counts(self) -> dict[str, int]:
        """Kind (``email``, ``order_number``...) -> distinct values replaced in this text."""
        out: dict[str, int] = {}
        for ph in self.placeholders:
            m = PLACEHOLDER.fullmatch(ph)
            if m:
                kind = KIND_OF_TAG[m.group(1)]
                out[kind] = out.get(kind, 0) + 1
        return out


def _key(tag: str, value: str) -> tuple[str, str]:
    """Two spellings of one value share a placeholder ("+39 333 1234567" and "+393331234567")."""
    if tag in ("PHONE", "CARD", "IBAN", "ORDER", "ID"):
        compact = re.sub(r"[\s().\-/]", "", value).upper()
        return tag, compact
    if tag in ("EMAIL", "HANDLE", "URL"):
        return tag, value.lower()
    return tag, _SPACES.sub(" ", value.strip()).casefold()


class Redactor:
    """Replaces personal data with ``<TYPE_n>`` placeholders; one instance per draft.

    ``order_number_pattern`` is the brand policy's ``personal_data.order_number_pattern``
    (the generic "order/ordine/tracking ... <code>" patterns apply too). ``languages`` is
    recorded only: the English and Italian patterns always all run, since a short post's
    language is often guessed wrong and a missed pattern leaks. ``keep`` lists values that
    are not personal data and must reach the model as they are (the brand's own contacts,
    handles, name); ``keep_domains`` the brand's domains, whose links and e-mail addresses
    stay. ``first_names``/``surnames`` replace the shipped name lists (benchmarks use this).

    @handles are redacted (``<HANDLE_1>``) unless ``redact_handles=False``: a handle is public
    but it is still an identifier (data minimisation: the provider needs none to draft, the
    platform threads the reply, and a public reply may only address the customer by the
    handle, which the pipeline can add back locally). Links are redacted too (``<URL_1>``):
    customers' links carry account ids, tracking tokens and names.
    """

    def __init__(
        self,
        *,
        order_number_pattern: str | None = None,
        languages: Iterable[str] = ("en", "it"),
        keep: Iterable[str] = (),
        keep_domains: Iterable[str] = (),
        redact_handles: bool = True,
        first_names: Iterable[str] | None = None,
        surnames: Iterable[str] | None = None,
    ) -> None:
        self.languages = tuple(languages)
        self._keep = {v.strip().casefold() for v in keep if v.strip()}
        self._keep_domains = tuple(d.lower().lstrip(".@") for d in keep_domains if d.strip())
        self._names = NameFinder(first_names=first_names, surnames=surnames)
        detectors: list[Callable[[str], Iterator[Found]]] = [
            patterns.emails,
            patterns.urls,
            patterns.ibans,
            patterns.cards,
            patterns.order_detector(order_number_pattern),
            patterns.ids,
            patterns.ips,
            patterns.dates_of_birth,
            patterns.phones,
            addresses,
        ]
        if redact_handles:
            detectors.append(patterns.handles)
        detectors.append(self._names.find)
        self._detectors = detectors
        self._by_key: dict[tuple[str, str], str] = {}
        self._values: dict[str, str] = {}  # placeholder -> the value as first seen
        self._next: dict[str, int] = {}
        self._known: re.Pattern[str] | None = None
        self._known_map: dict[str, str] = {}

    # --- public API ---------------------------------------------------------------------

    def redact(self, text: str) -> str:
        """``text`` with every personal data value replaced by its placeholder."""
        return self.redaction(text).text

    def redaction(self, text: str) -> Redaction:
        """Like :meth:`redact`, with the placeholders the text now holds."""
        if not text:
            return Redaction(text)
        spans = self._spans(text)
        out: list[str] = []
        used: list[str] = []
        last = 0
        for found in spans:
            value = text[found.start : found.end]
            ph = self._placeholder_for(found.tag, value)
            out.append(text[last : found.start])
            out.append(ph)
            if ph not in used:
                used.append(ph)
            last = found.end
        out.append(text[last:])
        return Redaction("".join(out), tuple(used))

    def restore(self, text: str) -> str:
        """Placeholders back to the values they stand for. Only for private replies, where
        the brand's policy allows it; never for anything published."""
        out: list[str] = []
        last = 0
        for start, end, canonical in find_placeholders(text):
            value = self._values.get(canonical)
            if value is None:
                continue
            out.append(text[last:start])
            out.append(value)
            last = end
        out.append(text[last:])
        return "".join(out)

    def spans(self, text: str) -> list[tuple[str, int, int]]:
        """Tag, start and end of each personal data value in ``text``, without replacing it
        (nor numbering it)."""
        return [(f.tag, f.start, f.end) for f in self._spans(text)]

    @property
    def counts(self) -> dict[str, int]:
        """Kind (``email``, ``phone``, ``order_number``...) -> distinct values replaced so far."""
        out: dict[str, int] = {}
        for ph in self._values:
            m = PLACEHOLDER.fullmatch(ph)
            if m:
                kind = KIND_OF_TAG[m.group(1)]
                out[kind] = out.get(kind, 0) + 1
        return out

    @property
    def values(self) -> set[str]:
        """Every original value replaced so far. For leak checks in tests; never log it."""
        return set(self._values.values())

    @property
    def mapping(self) -> dict[str, str]:
        """Placeholder -> original value (for a private reply's restore step)."""
        return dict(self._values)

    # --- internals ----------------------------------------------------------------------

    def _placeholder_for(self, tag: str, value: str) -> str:
        key = _key(tag, value)
        ph = self._by_key.get(key)
        if ph is None:
            number = self._next.get(tag, 0) + 1
            self._next[tag] = number
            ph = placeholder(tag, number)
            self._by_key[key] = ph
            self._values[ph] = value
            self._remember(tag, value, ph)
        return ph

    def _remember(self, tag: str, value: str, ph: str) -> None:
        """Later occurrences of a value (and of each word of a name) get the same treatment."""
        self._known_map[value] = ph
        if tag == "NAME":
            for word in value.split():
                word = word.strip(".,")
                if len(word) >= 3 and word[0].isupper() and word not in STOP:
                    self._known_map.setdefault(word, "")
        self._known = None

    def _known_values(self, text: str) -> Iterator[Found]:
        if not self._known_map:
            return
        if self._known is None:
            alternatives = sorted(self._known_map, key=len, reverse=True)
            self._known = re.compile(
                r"(?<![\w@.])(?:" + "|".join(re.escape(v) for v in alternatives) + r")(?![\w@])"
            )
        for m in self._known.finditer(text):
            ph = self._known_map.get(m.group(0))
            tag = PLACEHOLDER.fullmatch(ph).group(1) if ph else "NAME"  # type: ignore[union-attr]
            yield Found(tag, *m.span())

    def _kept(self, tag: str, value: str) -> bool:
        folded = value.strip().casefold()
        if folded in self._keep or folded.lstrip("@") in self._keep:
            return True
        if self._keep_domains and tag in ("EMAIL", "URL"):
            host = value.rsplit("@", 1)[-1].lower() if tag == "EMAIL" else patterns.url_host(value)
            return any(host == d or host.endswith("." + d) for d in self._keep_domains)
        return False

    def _spans(self, text: str) -> list[Found]:
        norm = normalise(text)
        taken = [(m.start(), m.end()) for m in PLACEHOLDER.finditer(norm)]
        candidates: list[Found] = []
        for detect in self._detectors:
            candidates.extend(detect(norm))
        candidates.extend(self._known_values(norm))
        candidates = _merge_same_tag(c for c in candidates if c.end > c.start)
        candidates.sort(key=lambda f: (_PRIORITY[f.tag], -(f.end - f.start), f.start))
        chosen: list[Found] = []
        for found in candidates:
            if self._kept(found.tag, norm[found.start : found.end]):
                taken.append((found.start, found.end))
                continue
            # A span that overlaps one already chosen keeps its other parts: an address whose
            # house number was read as part of a phone number still hides its street.
            for start, end in _subtract((found.start, found.end), taken):
                if any(ch.isalnum() for ch in norm[start:end]):
                    chosen.append(Found(found.tag, start, end))
                    taken.append((start, end))
        chosen.sort(key=lambda f: f.start)
        return chosen


def _merge_same_tag(candidates: Iterable[Found]) -> list[Found]:
    """Overlapping spans of one type become one ("London NW1" + "NW1 6XE")."""
    by_tag: dict[str, list[Found]] = {}
    for f in candidates:
        by_tag.setdefault(f.tag, []).append(f)
    out: list[Found] = []
    for tag, spans in by_tag.items():
        spans.sort(key=lambda f: f.start)
        start, end = spans[0].start, spans[0].end
        for f in spans[1:]:
            if f.start < end:
                end = max(end, f.end)
            else:
                out.append(Found(tag, start, end))
                start, end = f.start, f.end
        out.append(Found(tag, start, end))
    return out


def _subtract(span: tuple[int, int], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pieces = [span]
    for s, e in taken:
        nxt = []
        for a, b in pieces:
            if e <= a or b <= s:
                nxt.append((a, b))
                continue
            if a < s:
                nxt.append((a, s))
            if e < b:
                nxt.append((e, b))
        pieces = nxt
    return [(a, b) for a, b in pieces if b > a]
