"""Drafting in worker processes, for suites large enough to use every core.

One process drafts about as fast as its single Python thread allows (the pipeline's triage,
checks and model routing hold the interpreter lock). With ``workers > 1`` the runner sends
chunks of cases to that many spawned processes, each with the same settings, its own brand
registry and a warm pipeline; the main process keeps the cache, the evaluators and the
progress bar. Workers only read the knowledge base.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import Any

#: (case id, target key, drafting request as JSON)
Job = tuple[str, str, dict[str, Any]]
#: (case id, draft as JSON or None, error or None, cacheable)
Done = tuple[str, dict[str, Any] | None, str | None, bool]

_state: dict[str, Any] = {}


def start_pool(
    workers: int, targets: dict[str, dict[str, Any]], warm_up: list[tuple[str, dict[str, Any]]]
) -> ProcessPoolExecutor:
    """Spawn ``workers`` processes; ``targets`` maps a target key to its settings as JSON."""
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init,
        initargs=(targets, warm_up),
    )


def _init(targets: dict[str, dict[str, Any]], warm_up: list[tuple[str, dict[str, Any]]]) -> None:
    from drafting.config import Settings
    from drafting.pipeline import prepare
    from drafting.schemas import DraftCreate
    from evals.execute import Target
    from knowledge.registry import BrandRegistry

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    _state["loop"] = loop
    _state["targets"] = {}
    for key, data in targets.items():
        settings = Settings(_env_file=None, **data)
        _state["targets"][key] = Target(settings, BrandRegistry(settings))
    for key, request in warm_up:  # load models and indexes before the first timed case
        target = _state["targets"][key]
        with contextlib.suppress(Exception):  # the case itself reports the problem
            prepare(
                DraftCreate.model_validate(request),
                settings=target.settings,
                registry=target.registry,
            )


def draft_chunk(jobs: list[Job], timeout_s: float, concurrency: int) -> list[Done]:
    """Draft ``jobs`` in this worker (``concurrency`` at a time); runs in the worker process."""
    return _state["loop"].run_until_complete(_draft_all(jobs, timeout_s, concurrency))


async def _draft_all(jobs: list[Job], timeout_s: float, concurrency: int) -> list[Done]:
    from drafting.schemas import DraftCreate
    from evals.execute import draft_request

    semaphore = asyncio.Semaphore(max(1, concurrency))

    async def one(job: Job) -> Done:
        case_id, key, request = job
        async with semaphore:
            outcome = await draft_request(
                DraftCreate.model_validate(request),
                target=_state["targets"][key],
                timeout_s=timeout_s,
                inline=concurrency == 1,
            )
        draft = outcome.draft.model_dump(mode="json") if outcome.draft is not None else None
        return case_id, draft, outcome.error, outcome.cacheable

    return list(await asyncio.gather(*[one(job) for job in jobs]))
