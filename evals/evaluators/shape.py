"""The shape of a draft: the moves it makes and its length."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from evals.evaluators.base import EvalContext, Evaluator, Result


class RequiredMoves(Evaluator):
    """The draft makes the moves the case expects (default: what the policy requires for the
    draft's kind): acknowledge, apologise, next_step, next_update, thank, move_to_dm..."""

    key: ClassVar[str] = "required_moves"
    default_metric: ClassVar[str] = "Structure"

    moves: list[str] | None = Field(default=None, description="Override the moves to look for.")

    def evaluate(self, ctx: EvalContext) -> list[Result]:
        assert ctx.draft is not None and ctx.pack is not None
        kind = ctx.draft.kind
        wanted = (
            self.moves
            or ctx.case.expect.moves
            or list(ctx.pack.policy.required_moves.get(kind, []))
        )
        if not wanted:
            return [self.result("skip", f"the policy requires no moves for a {kind}")]
        made = moves_made(ctx, wanted)
        missing = [m for m in wanted if m not in made]
        score = (len(wanted) - len(missing)) / len(wanted)
        reason = (
            f"missing {', '.join(missing)} (makes {', '.join(sorted(made)) or 'none'})"
            if missing
            else f"makes {', '.join(wanted)}"
        )
        return [self.verdict(not missing, reason, score=score)]


def moves_made(ctx: EvalContext, wanted: list[str]) -> set[str]:
    """Moves found by the pipeline's structure checks, else by the policy's move phrases."""
    from drafting.moves import move_patterns, moves_of

    assert ctx.draft is not None and ctx.pack is not None
    made: set[str] = set()
    unknown: list[str] = []
    by_id = {f.id: f for f in ctx.report.findings}
    for move in wanted:
        finding = by_id.get(f"structure.{move}")
        if finding is None:
            unknown.append(move)
        elif finding.passed:
            made.add(move)
    if unknown:
        patterns = move_patterns(ctx.pack.policy, ctx.draft.language)
        made |= set(moves_of(ctx.draft.text, patterns)) & set(unknown)
    return made


class Length(Evaluator):
    """Length in characters between ``min`` and ``max`` (default max: the channel's limit)."""

    key: ClassVar[str] = "length"
    default_metric: ClassVar[str] = "Voice"

    min: int = Field(default=1, ge=0)
    max: int | None = Field(default=None, gt=0)

    def evaluate(self, ctx: EvalContext) -> list[Result]:
        assert ctx.pack is not None
        limit = self.max or ctx.pack.policy.max_chars(ctx.case.channel)
        n = len(ctx.text)
        if n < self.min:
            return [
                self.verdict(False, f"{n} characters; at least {self.min} expected", label=str(n))
            ]
        return [self.verdict(n <= limit, f"{n} characters of {limit} allowed", label=str(n))]
