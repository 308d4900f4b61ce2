"""One case: draft it through the real pipeline (or read the cached draft), then evaluate it.

Eval drafts are never stored in the review queue: the runner calls the pipeline's
``prepare`` / ``_one`` / ``finish`` steps, which ``create_draft`` also uses, and skips the
store.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from drafting.errors import CrisisdraftError, InvalidInputError
from evals.evaluators.base import EvalContext, Evaluator, Result
from evals.results import CaseResult, case_score, case_status

if TYPE_CHECKING:
    from drafting.config import Settings
    from drafting.schemas import DraftCreate, DraftPublic
    from evals.cases import ResolvedCase
    from evals.services import EvalServices
    from knowledge.brandpack import BrandPack
    from knowledge.registry import BrandRegistry


@dataclass
class Target:
    """Where a brand's cases run: the settings and registry holding its pack."""

    settings: Settings
    registry: BrandRegistry


@dataclass
class Outcome:
    draft: DraftPublic | None
    error: str | None
    cached: bool
    #: Only deterministic refusals (invalid input) are cached; timeouts and provider errors
    #: are tried again next run.
    cacheable: bool = True


async def draft_case(
    case: ResolvedCase, *, model: str, target: Target, timeout_s: float
) -> Outcome:
    """Draft ``case`` through the pipeline within ``timeout_s``, without storing the draft."""
    return await draft_request(case.request(model), target=target, timeout_s=timeout_s)


async def draft_request(
    request: DraftCreate, *, target: Target, timeout_s: float, inline: bool = False
) -> Outcome:
    """``inline``: prepare in this thread (a worker drafting one case at a time needs no
    thread hop; the timeout then applies from generation on)."""
    from drafting.pipeline import _one, finish, prepare

    started = time.perf_counter()
    settings = target.settings

    async def run() -> DraftPublic:
        if inline:
            prep = prepare(request, settings=settings, registry=target.registry)
        else:
            prep = await asyncio.to_thread(
                prepare, request, settings=settings, registry=target.registry
            )
        return finish(prep, [await _one(prep, 0, settings)], started)

    try:
        return Outcome(await asyncio.wait_for(run(), timeout=timeout_s), None, False)
    except TimeoutError:
        return Outcome(
            None, f"timed out after {timeout_s:g} s (per-case timeout)", False, cacheable=False
        )
    except InvalidInputError as exc:
        return Outcome(None, f"{exc.message} {exc.fix}".strip(), False)
    except CrisisdraftError as exc:
        return Outcome(None, f"{type(exc).__name__}: {exc.message}", False, cacheable=False)


async def evaluate_case(
    case: ResolvedCase,
    outcome: Outcome,
    *,
    pack: BrandPack | None,
    settings: Settings,
    services: EvalServices,
) -> list[Result]:
    ctx = EvalContext(
        case=case,
        draft=outcome.draft,
        pack=pack,
        settings=settings,
        services=services,
        error=outcome.error,
        cached=outcome.cached,
    )
    results: list[Result] = []
    wanted_error = case.expect.error
    if wanted_error is not None:
        refused = outcome.error is not None and wanted_error.lower() in outcome.error.lower()
        if outcome.error is None:
            reason = f"expected a refusal containing {wanted_error!r}; a draft was written"
        else:
            reason = f"refused: {outcome.error}"
        results.append(
            Result(
                evaluator="refusal",
                metric="Triage",
                status="pass" if refused else "fail",
                reason=reason,
            )
        )
    if outcome.draft is None and wanted_error is not None:
        return results  # refused as expected: there is no draft to evaluate
    for evaluator in case.evaluators:
        if outcome.draft is None:
            results += [
                Result(
                    evaluator=name,
                    metric=metric,
                    status="error",
                    reason=f"no draft: {outcome.error}",
                    weight=evaluator.weight,
                )
                for name, metric in evaluator.outputs()
            ]
            continue
        results += await _run_evaluator(evaluator, ctx)
    return results


async def _run_evaluator(evaluator: Evaluator, ctx: EvalContext) -> list[Result]:
    try:
        if evaluator.is_async:
            return await evaluator.aevaluate(ctx)
        return evaluator.evaluate(ctx)
    except Exception as exc:  # a broken evaluator is reported on the case, not a crashed run
        return [
            Result(
                evaluator=name,
                metric=metric,
                status="error",
                weight=evaluator.weight,
                reason=f"the evaluator failed: {type(exc).__name__}: {exc}",
            )
            for name, metric in evaluator.outputs()
        ]


def case_result(case: ResolvedCase, outcome: Outcome, results: list[Result]) -> CaseResult:
    draft = outcome.draft
    data: dict[str, Any] = {}
    if draft is not None:
        checks = draft.checks if isinstance(draft.checks, dict) else {}
        data = {
            "draft": draft.text,
            "draft_kind": draft.kind,
            "verdict": draft.verdict,
            "model": draft.model,
            "language": draft.language,
            "triage": draft.triage if isinstance(draft.triage, dict) else None,
            "escalation": draft.escalation.model_dump() if draft.escalation else None,
            "sources": [s.model_dump() for s in draft.sources],
            "findings": [f for f in checks.get("findings", []) if not f.get("passed")],
            "notes": list(draft.notes),
            "timings": draft.timings.model_dump(),
            "usage": draft.usage.model_dump(),
        }
    return CaseResult(
        id=case.id,
        description=case.description,
        tags=case.tags,
        origin=case.origin,
        source=case.source,
        brand=case.brand,
        channel=case.channel,
        kind=case.kind,
        post=case.post,
        author=case.author,
        thread=[t.model_dump() for t in case.thread],
        facts=case.facts,
        reference=case.reference,
        expect=case.expect.model_dump(exclude_defaults=True),
        status=case_status(results, outcome.error),
        score=round(case_score(results), 4),
        cached=outcome.cached,
        error=outcome.error,
        results=results,
        **data,
    )
