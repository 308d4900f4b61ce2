"""Groundedness: the draft says only what its sources support.

Two looks: the pipeline's ``grounding.*`` checks (amounts, dates, causes, promises not in the
facts or sources) must not have failed, and each sentence of the draft must take most of its
content words from the sources the draft was written from (retrieved approved replies and
guidelines, in full), the incident facts, the brand's standing facts, the post and thread.
The second look is lexical: a faithful paraphrase by an LLM can score below a copied
sentence, so its threshold is a parameter.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar

from pydantic import Field

from evals.evaluators.base import EvalContext, Evaluator, Result

if TYPE_CHECKING:
    from knowledge.brandpack import BrandPack

_WORD = re.compile(r"[^\W\d_]{4,}", re.UNICODE)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_NOISE = re.compile(r"https?://\S+|(?<![\w@])@\w+(?:\.\w+)*|\^[\w ]+$")


@lru_cache(maxsize=8192)
def content_words(text: str) -> frozenset[str]:
    """Words of four letters or more, lower-cased (cached: sources repeat across cases)."""
    return frozenset(w.lower() for w in _WORD.findall(text))


_PACK_TEXTS: dict[str, tuple[dict[str, str], dict[str, str]]] = {}


def _pack_texts(pack: BrandPack) -> tuple[dict[str, str], dict[str, str]]:
    """(reply snippet -> full reply, guideline title -> full text), cached per pack version."""
    cached = _PACK_TEXTS.get(pack.content_hash)
    if cached is None:
        cached = (
            {r.reply[:240]: r.reply for r in pack.approved_replies},
            {g.title: g.text for g in pack.guidelines},
        )
        _PACK_TEXTS[pack.content_hash] = cached
    return cached


def source_words(ctx: EvalContext) -> set[str]:
    assert ctx.draft is not None and ctx.pack is not None
    replies, guides = _pack_texts(ctx.pack)
    texts = [
        ctx.case.post,
        *[t.text for t in ctx.case.thread],
        *ctx.case.facts,
        *ctx.pack.policy.grounding.standing_facts,
        ctx.pack.brand.name,
        *ctx.pack.brand.sign_off.values(),
    ]
    for source in ctx.draft.sources:
        if source.source == "approved_reply":
            texts.append(replies.get(source.snippet, source.snippet))
        elif source.source == "guideline":
            texts.append(guides.get(source.title, source.snippet))
        else:
            texts.append(source.snippet)
    return set().union(*(content_words(t) for t in texts))


class Grounded(Evaluator):
    """No grounding check fails, and at least ``min_support`` of the sentences are supported."""

    key: ClassVar[str] = "grounded"
    default_metric: ClassVar[str] = "Grounding"

    min_support: float = Field(default=0.8, ge=0, le=1, description="Share of supported sentences.")
    word_share: float = Field(
        default=0.7,
        gt=0,
        le=1,
        description="Share of a sentence's content words found in the sources "
        "for it to count as supported.",
    )

    def evaluate(self, ctx: EvalContext) -> list[Result]:
        known = source_words(ctx)
        sentences = [s.strip() for s in _SENTENCE.findall(_NOISE.sub(" ", ctx.text))]
        unsupported: list[str] = []
        counted = 0
        for sentence in sentences:
            words = content_words(sentence)
            if not words:
                continue
            counted += 1
            if len(words & known) / len(words) < self.word_share:
                unsupported.append(sentence)
        support = 1.0 if counted == 0 else (counted - len(unsupported)) / counted
        failed = [
            f
            for f in ctx.report.findings
            if not f.passed and f.family == "grounding" and f.id not in ctx.case.expect.findings
        ]
        parts = [
            f"{f.id} ({f.evidence!r}): {f.explanation}"
            if f.evidence
            else f"{f.id}: {f.explanation}"
            for f in failed
        ]
        parts.append(
            f"{counted - len(unsupported)} of {counted} sentence(s) supported by the sources"
        )
        if unsupported:
            parts.append("unsupported: " + " | ".join(repr(s[:120]) for s in unsupported[:3]))
        passed = not failed and support >= self.min_support
        return [self.verdict(passed, "; ".join(parts), score=support, threshold=self.min_support)]
