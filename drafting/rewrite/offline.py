"""Rewrites the built-in drafter can do without a model, from the brand's own knowledge.

A reply is read as a handle prefix, sentences and the brand's sign-off. Each sentence is tagged
with the moves it makes (the checks' own move patterns), so ``shorter`` never drops the only
sentence making a move the policy requires, and ``warmer``/``add_next_step`` take whole
sentences from the brand's approved replies (the composer's candidate sentences: nothing
specific to another customer's case).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from drafting.composer import (
    Sentence,
    candidate_sentences,
    sentence_case,
    split_sentences,
    words,
)
from drafting.emoji import EMOJI_SEQUENCE
from drafting.moves import moves_of
from drafting.rewrite import wording

_PREFIX = re.compile(r"^\s*((?:@\w[\w.]*\s+)+)")
_LONG_SENTENCE_WORDS = 25
_SPLIT_AT = re.compile(r"(?:;\s+|,\s+(?=(?:and|but|so|e|ma|quindi)\s))")


@dataclass
class Rewritten:
    text: str
    notes: list[str] = field(default_factory=list)


@dataclass
class Reply:
    prefix: str
    sentences: list[str]
    sign_off: str

    def render(self) -> str:
        body = " ".join(s for s in self.sentences if s)
        return f"{self.prefix}{body}{(' ' + self.sign_off) if self.sign_off else ''}".strip()


def parse(text: str, sign_offs: list[str]) -> Reply:
    body = text.strip()
    sign_off = ""
    for candidate in sorted((s for s in sign_offs if s), key=len, reverse=True):
        if body.endswith(candidate):
            sign_off, body = candidate, body[: -len(candidate)].rstrip()
            break
    prefix = ""
    match = _PREFIX.match(body)
    if match:
        prefix, body = match.group(1), body[match.end() :]
    return Reply(prefix=prefix, sentences=split_sentences(body), sign_off=sign_off)


@dataclass(frozen=True)
class Target:
    """What a rewrite must respect: the channel's limits and the moves the policy requires."""

    language: str
    kind: str
    category: str
    max_chars: int
    soft_max_chars: int | None
    required: tuple[str, ...]
    patterns: dict[str, str]
    sign_offs: tuple[str, ...]
    brand_wording: dict[str, dict[str, dict[str, str]]]
    composer_context: dict[str, Any]
    #: How many blocking check findings a text has: a sentence from another reply is kept only
    #: if it adds none (it may carry that case's claims).
    blocking: Callable[[str], int] = lambda text: 0
    #: Sentences holding one of these stay (the brand's public AI-disclosure line).
    keep: tuple[str, ...] = ()


TRIES = 6


def _protected(reply: Reply, target: Target) -> set[int]:
    """For every required move (and a move to DM), the shortest sentence that makes it."""
    keep: set[int] = {
        i for i, s in enumerate(reply.sentences) if any(k and k in s for k in target.keep)
    }
    tagged = [moves_of(s, target.patterns) for s in reply.sentences]
    wanted = set(target.required) | {m for ms in tagged for m in ms if m == "move_to_dm"}
    for move in wanted:
        makers = [i for i, ms in enumerate(tagged) if move in ms]
        if makers:
            keep.add(min(makers, key=lambda i: len(reply.sentences[i])))
    return keep


_ADDRESSED = re.compile(
    r"\b(?:you|your|yours|ti|tuo|tua|tuoi|tue|le|lei|suo|sua|vostro|vostra)\b", re.I
)
_REQUEST = re.compile(
    r"\?|\b(?:please|could you|can you|would you|per favore|potresti|puoi)\b", re.I
)


def _weight(sentence: str, target: Target) -> int:
    """How much a sentence does for the customer: a move, words to them, a request of them."""
    return (
        bool(moves_of(sentence, target.patterns))
        + bool(_ADDRESSED.search(sentence))
        + bool(_REQUEST.search(sentence))
    )


def fit(reply: Reply, target: Target, limit: int, keep: set[int] | None = None) -> list[str]:
    """Drop optional sentences, longest first, until ``reply`` fits ``limit``; return notes."""
    protected = _protected(reply, target) | (keep or set())
    dropped: list[str] = []
    while len(reply.render()) > limit:
        optional = [i for i in range(len(reply.sentences)) if i not in protected]
        if not optional:
            break
        # What says least to this customer goes first: no move, not addressed to them, not
        # asking them for anything; among equals, the longest.
        victim = min(
            optional, key=lambda i: (_weight(reply.sentences[i], target), -len(reply.sentences[i]))
        )
        dropped.append(reply.sentences[victim])
        reply.sentences.pop(victim)
        protected = {i - (i > victim) for i in protected}
    notes = [f"dropped {len(dropped)} sentence(s) no required move needs"] if dropped else []
    if len(reply.render()) > limit:
        notes.append(
            f"still {len(reply.render())} characters (limit {limit}): every sentence left makes "
            "a move the policy requires; shorten one by hand or use a model"
        )
    return notes


def shorter(text: str, target: Target) -> Rewritten:
    limit = min(x for x in (target.soft_max_chars, target.max_chars) if x)
    goal = limit if len(text) > limit else max(40, int(len(text) * 0.75))
    notes: list[str] = []
    trimmed = text
    for filler in wording.fillers(target.language):
        trimmed = re.sub(rf"(?<!\w){re.escape(filler)}", "", trimmed, flags=re.IGNORECASE)
    trimmed = wording.tidy(trimmed)
    if trimmed != text:
        notes.append("removed filler words")
    reply = parse(trimmed, list(target.sign_offs))
    if len(text) <= limit:
        before = len(reply.sentences)
        fit(reply, target, goal)
        if len(reply.sentences) < before:
            notes.append(
                f"dropped {before - len(reply.sentences)} sentence(s) no required move needs"
            )
        elif not notes:
            notes.append(
                f"it fits {len(text)}/{limit} characters and every sentence makes a move the "
                "policy requires: nothing to drop"
            )
    else:
        notes += fit(reply, target, goal)
    if len(reply.render()) > target.max_chars:
        notes.append(f"over the channel's hard limit of {target.max_chars} characters")
    return Rewritten(reply.render(), notes)


def _reword(kind: str, text: str, target: Target) -> tuple[str, list[str]]:
    mapping = wording.phrase_map(kind, target.language, target.brand_wording.get(kind, {}))
    out, changes = wording.apply(text, mapping)
    notes = (
        ["reworded: " + "; ".join(f'"{a}" -> "{b}"' if b else f'removed "{a}"' for a, b in changes)]
        if changes
        else []
    )
    return out, notes


def _brand_sentences(
    move: str, target: Target, avoid: list[str], made: frozenset[str] = frozenset()
) -> list[Sentence]:
    """The brand's sentences making ``move``, best first: from replies of the same category,
    about what the post and text talk about, repeating no move the text already makes."""
    ctx = dict(target.composer_context, avoid=avoid)
    options = [s for s in candidate_sentences(ctx) if move in s.moves]
    topic = words(f"{ctx.get('post', '')} {' '.join(avoid)}")
    ranked = sorted(
        options,
        key=lambda s: (
            not s.same_category,
            len((s.moves - {move}) & made),
            -s.weight * (1 + len(words(s.text) & topic)),
            len(s.text),
        ),
    )
    return list({s.text: s for s in ranked}.values())[:TRIES]


def _first_clean(
    text: str, target: Target, candidates: list[Sentence], build: Callable[[Sentence], Reply]
) -> tuple[Reply, Sentence] | None:
    """The first candidate whose reply adds no blocking finding to ``text``'s."""
    before = target.blocking(text)
    for candidate in candidates:
        reply = build(candidate)
        if target.blocking(reply.render()) <= before:
            return reply, candidate
    return None


_GREETING = re.compile(
    r"^((?:hi|hello|hey|dear|ciao|buongiorno|buonasera|salve|gentile)\b[^,!.]{0,30}[,!]\s*)",
    re.I,
)


def warmer(text: str, target: Target) -> Rewritten:
    out, notes = _reword("warmer", text, target)
    reply = parse(out, list(target.sign_offs))
    made = frozenset(m for s in reply.sentences for m in moves_of(s, target.patterns))
    if "acknowledge" in made or target.category == "praise":
        return Rewritten(reply.render(), notes)
    greeting = _GREETING.match(reply.sentences[0]) if reply.sentences else None

    def build(pick: Sentence) -> Reply:
        new = parse(out, list(target.sign_offs))
        added = sentence_case(_GREETING.sub("", pick.text) or pick.text)
        if greeting:  # the greeting stays first: "Ciao, <acknowledgement>. <the rest>"
            rest = new.sentences[0][greeting.end() :]
            new.sentences[0] = rest[:1].upper() + rest[1:]
            added = greeting.group(1) + added[:1].lower() + added[1:]
        new.sentences.insert(0, added)
        fit(new, target, target.max_chars, keep={0})
        return new

    candidates = _brand_sentences("acknowledge", target, [s.lower() for s in reply.sentences], made)
    found = _first_clean(out, target, candidates, build)
    if found is None:
        notes.append(
            "no approved reply of the brand acknowledges a problem like this one without "
            "adding a claim the checks stop; write it by hand or use a model"
        )
        return Rewritten(reply.render(), notes)
    reply, pick = found
    notes.append(f"added an acknowledgement from approved reply {pick.source}")
    return Rewritten(reply.render(), notes)


def more_formal(text: str, target: Target) -> Rewritten:
    out, notes = _reword("more_formal", text, target)
    without = EMOJI_SEQUENCE.sub("", out)
    if without != out:
        notes.append("removed emoji")
    calm = re.sub(r"!+", ".", without)
    if calm != without:
        notes.append("exclamation marks -> full stops")
    return Rewritten(wording.tidy(calm), notes)


def simpler(text: str, target: Target) -> Rewritten:
    out, notes = _reword("simpler", text, target)
    reply = parse(out, list(target.sign_offs))
    split = 0
    sentences: list[str] = []
    for sentence in reply.sentences:
        if len(sentence.split()) > _LONG_SENTENCE_WORDS:
            pieces = [p.strip() for p in _SPLIT_AT.split(sentence) if p.strip()]
            if len(pieces) > 1:
                split += 1
                sentences += [sentence_case(p) for p in pieces]
                continue
        sentences.append(sentence)
    reply.sentences = sentences
    if split:
        notes.append(f"split {split} long sentence(s)")
    return Rewritten(reply.render(), notes)


def add_next_step(text: str, target: Target) -> Rewritten:
    reply = parse(text, list(target.sign_offs))
    tagged = [moves_of(s, target.patterns) for s in reply.sentences]
    if any("next_step" in ms for ms in tagged):
        return Rewritten(text, ["the text already says what happens next"])
    after = [i for i, ms in enumerate(tagged) if ms & {"acknowledge", "apologise", "thank"}]
    at = (max(after) + 1) if after else len(reply.sentences)
    if at < len(reply.sentences) and "move_to_dm" in tagged[at - 1 if at else 0]:
        at = max(0, at - 1)

    def build(pick: Sentence) -> Reply:
        new = parse(text, list(target.sign_offs))
        new.sentences.insert(at, sentence_case(pick.text))
        fit(new, target, target.max_chars, keep={at})
        return new

    made = frozenset(m for ms in tagged for m in ms)
    candidates = _brand_sentences("next_step", target, [s.lower() for s in reply.sentences], made)
    found = _first_clean(text, target, candidates, build)
    if found is None:
        return Rewritten(
            text,
            [
                "no approved reply of the brand gives a next step for a post like this without "
                "adding a claim the checks stop; write one by hand or use a model"
            ],
        )
    reply, pick = found
    return Rewritten(reply.render(), [f"added a next step from approved reply {pick.source}"])


OFFLINE = {
    "shorter": shorter,
    "warmer": warmer,
    "more_formal": more_formal,
    "simpler": simpler,
    "add_next_step": add_next_step,
}
