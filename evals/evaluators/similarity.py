"""Similarity to the reference reply a human approved, by sentence embeddings.

Both texts are compared without handles, links, placeholders (``<HANDLE_1>``) and the
sign-off (they say nothing about whether the reply answers the post); the score is the
cosine of their all-MiniLM-L6-v2 embeddings (``knowledge.embedder``), computed in batches
across concurrent cases.
"""

from __future__ import annotations

import re
from typing import ClassVar

import numpy as np
from pydantic import Field

from evals.evaluators.base import EvalContext, Evaluator, Result

_NOISE = re.compile(r"https?://\S+|(?<![\w@])@\w+(?:\.\w+)*|<[A-Z]+_\d+>|\^[^\n]*$|\s+")


def comparable(text: str) -> str:
    return _NOISE.sub(" ", text).strip()


class Similarity(Evaluator):
    """Cosine similarity with ``reference``; passes at ``threshold`` or above."""

    key: ClassVar[str] = "similarity"
    scalar: ClassVar[str | None] = "threshold"
    default_metric: ClassVar[str] = "Similarity"
    is_async: ClassVar[bool] = True

    threshold: float = Field(default=0.5, ge=-1, le=1)

    def references(self, reference: str | None) -> list[str]:
        """Texts to embed before the run starts (the runner batches them)."""
        return [comparable(reference)] if reference else []

    async def aevaluate(self, ctx: EvalContext) -> list[Result]:
        reference = ctx.case.reference
        if not reference:
            return [self.result("skip", "the case has no reference reply")]
        draft = comparable(ctx.text)
        if not draft:
            return [self.verdict(False, "the draft is empty", score=0.0, threshold=self.threshold)]
        vectors = ctx.services.vectors
        a = await vectors.vector(draft)
        b = await vectors.vector(comparable(reference))
        score = max(0.0, float(np.dot(a, b)))
        verdict = "at or above" if score >= self.threshold else "below"
        return [
            self.verdict(
                score >= self.threshold,
                f"cosine {score:.2f} with the reference, {verdict} {self.threshold}",
                score=score,
                threshold=self.threshold,
            )
        ]


class Unlike(Similarity):
    """The draft must not be (nearly) the one agents voted down: cosine with ``text`` below
    ``threshold``. Written by ``crisisdraft eval cases-from-feedback``."""

    key: ClassVar[str] = "unlike"
    scalar: ClassVar[str | None] = None
    default_metric: ClassVar[str] = "Regression"

    text: str = Field(min_length=1, description="The draft agents voted down or rejected.")
    threshold: float = Field(default=0.9, ge=-1, le=1)

    def references(self, reference: str | None) -> list[str]:
        return [comparable(self.text)]

    async def aevaluate(self, ctx: EvalContext) -> list[Result]:
        draft = comparable(ctx.text)
        if not draft:
            return [self.result("skip", "no draft")]
        vectors = ctx.services.vectors
        a = await vectors.vector(draft)
        b = await vectors.vector(comparable(self.text))
        score = max(0.0, float(np.dot(a, b)))
        return [
            self.verdict(
                score < self.threshold,
                f"cosine {score:.2f} with the draft agents voted down "
                f"({'below' if score < self.threshold else 'at or above'} {self.threshold})",
                score=score,
                threshold=self.threshold,
            )
        ]
