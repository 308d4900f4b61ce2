"""Run a suite: cases concurrently (bounded), each drafted once per input hash, then scored.

``run_suite`` returns a :class:`RunResult` also when interrupted (status ``interrupted``,
the cases finished so far); finished drafts are already in the cache, so running again
resumes where it stopped and makes no model call for them.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafting.errors import NotFoundError
from evals.cache import ResultCache, code_fingerprint
from evals.evaluators.similarity import Similarity
from evals.execute import Outcome, Target, case_result, draft_case, evaluate_case
from evals.results import (
    CaseResult,
    Counts,
    RunResult,
    SuiteInfo,
    summarise,
    threshold_gate,
)
from evals.services import EvalServices

if TYPE_CHECKING:
    from drafting.config import Settings
    from evals.cases import ResolvedCase
    from evals.loaders import LoadedSuite

#: Settings that change what a draft says, beyond the request and the pack.
DRAFT_SETTINGS = (
    "fallback_models",
    "llm_api_base",
    "llm_api_bases",
    "retrieval_k",
    "chunk_tokens",
    "llm_max_reasks",
)


@dataclass
class RunOptions:
    model: str | None = None
    concurrency: int | None = None
    timeout_s: float | None = None
    use_cache: bool = True
    judge_model: str | None = None
    limit: int | None = None
    baseline: RunResult | None = None
    run_id: str | None = None
    cache_path: Path | None = None
    progress: bool = True
    workers: int | None = None
    #: Below this many cases to draft per worker process, drafting stays in this process.
    min_cases_per_worker: int = 50


def new_run_id(suite: str) -> str:
    return f"{suite}-{datetime.now(UTC).strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"


def cache_path_for(settings: Settings) -> Path:
    return settings.data_dir / "evals" / "cache.sqlite"


def prepare_targets(loaded: LoadedSuite, settings: Settings) -> dict[str, Target]:
    """A target per brand: the service's own data dir, or the suite's workspace for packs its
    builders made (loaded there once; an unchanged pack is not indexed again)."""
    from knowledge.registry import BrandRegistry

    main = Target(settings, BrandRegistry(settings))
    targets: dict[str, Target] = {}
    if loaded.packs:
        assert loaded.workspace is not None
        ws_settings = settings.model_copy(
            update={"data_dir": loaded.workspace / "data", "database_url": None, "chroma_url": None}
        )
        workspace = Target(ws_settings, BrandRegistry(ws_settings))
        for brand, folder in sorted(loaded.packs.items()):
            workspace.registry.load_dir(folder)
            targets[brand] = workspace
    for case in loaded.cases:
        target = targets.setdefault(case.brand, main)
        try:
            target.registry.get(case.brand)
        except NotFoundError:
            raise NotFoundError(
                f"Suite {loaded.name!r} needs brand {case.brand!r}, which is not loaded in "
                f"{target.settings.data_dir}.",
                fix="Load its pack first: `crisisdraft brand load DIR` (the demo brand: "
                "`crisisdraft brand load knowledge/brands/demo`).",
            ) from None
    return targets


async def run_suite(
    loaded: LoadedSuite,
    *,
    settings: Settings,
    options: RunOptions | None = None,
    on_case: Callable[[CaseResult], None] | None = None,
) -> RunResult:
    """Run ``loaded`` against the brands in ``settings``' data dir (and the suite's workspace)."""
    options = options or RunOptions()
    run = _Run(loaded, settings, options, on_case)
    return await run.execute()


class _Run:
    """One run's state: targets, cache keys, finished cases."""

    def __init__(
        self,
        loaded: LoadedSuite,
        settings: Settings,
        options: RunOptions,
        on_case: Callable[[CaseResult], None] | None,
    ) -> None:
        suite = loaded.suite
        self.loaded, self.settings, self.options, self.on_case = loaded, settings, options, on_case
        self.cases = loaded.cases[: options.limit] if options.limit else loaded.cases
        self.concurrency = options.concurrency or suite.run.concurrency
        self.workers = options.workers or suite.run.workers
        self.timeout_s = options.timeout_s or suite.run.timeout_s
        self.finished: dict[str, CaseResult] = {}
        self.progress = _Progress(len(self.cases), suite.name, enabled=options.progress)

    async def execute(self) -> RunResult:
        started_at, started = datetime.now(UTC), time.perf_counter()
        options, suite = self.options, self.loaded.suite
        self.targets = await asyncio.to_thread(prepare_targets, self.loaded, self.settings)
        self.code = await asyncio.to_thread(code_fingerprint)
        self.cache = (
            ResultCache(options.cache_path or cache_path_for(self.settings))
            if options.use_cache
            else None
        )
        self.services = EvalServices(
            embed=_embed_fn(self.settings),
            cache=self.cache,
            judge_model=options.judge_model or suite.defaults.judge_model,
            llm_timeout_s=self.settings.llm_timeout_s,
        )
        self.packs = {b: t.registry.get(b) for b, t in self.targets.items()}
        pack_hashes = {b: p.content_hash for b, p in self.packs.items()}
        self.keys = {
            c.id: c.input_hash(
                self.model_for(c),
                pack_hash=pack_hashes[c.brand],
                code=self.code + _settings_key(self.target(c).settings),
            )
            for c in self.cases
        }
        stored = {c.id: _from_cache(self.cache, self.keys[c.id]) for c in self.cases}
        todo = [c for c in self.cases if stored[c.id] is None]
        await _prefetch_references(self.cases, self.services)
        status = "finished"
        tasks: list[asyncio.Task[None]] = []
        with self.progress:
            try:
                tasks += [
                    asyncio.create_task(self.finish(c, o))
                    for c in self.cases
                    if (o := stored[c.id]) is not None
                ]
                if self.workers > 1 and len(todo) >= options.min_cases_per_worker * self.workers:
                    await self.draft_in_workers(todo, tasks)
                else:
                    await _warm_up(todo, self.targets, self.model_for)
                    semaphore = asyncio.Semaphore(self.concurrency)
                    tasks += [asyncio.create_task(self.draft_here(c, semaphore)) for c in todo]
                await asyncio.gather(*tasks)
            except asyncio.CancelledError:
                status = "interrupted"
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
        if self.cache is not None:
            self.cache.close()
        ordered = [self.finished[c.id] for c in self.cases if c.id in self.finished]
        return build_result(
            self.loaded,
            ordered,
            options=options,
            services=self.services,
            status=status,
            started_at=started_at,
            duration_s=time.perf_counter() - started,
            concurrency=self.concurrency,
            timeout_s=self.timeout_s,
            code=self.code,
        )

    def target(self, case: ResolvedCase) -> Target:
        return self.targets[case.brand]

    def model_for(self, case: ResolvedCase) -> str:
        return self.options.model or case.model or self.target(case).settings.draft_model

    def remember(self, case: ResolvedCase, outcome: Outcome) -> None:
        if self.cache is not None and outcome.cacheable:
            self.cache.put(
                "draft",
                self.keys[case.id],
                {
                    "draft": outcome.draft.model_dump(mode="json") if outcome.draft else None,
                    "error": outcome.error,
                },
            )

    async def draft_here(self, case: ResolvedCase, semaphore: asyncio.Semaphore) -> None:
        async with semaphore:
            outcome = await draft_case(
                case, model=self.model_for(case), target=self.target(case), timeout_s=self.timeout_s
            )
        self.remember(case, outcome)
        await self.finish(case, outcome)

    async def draft_in_workers(
        self, todo: list[ResolvedCase], tasks: list[asyncio.Task[None]]
    ) -> None:
        from drafting.schemas import DraftPublic
        from evals.workers import draft_chunk, start_pool

        keys: dict[int, str] = {}
        for target in self.targets.values():
            keys.setdefault(id(target), f"t{len(keys)}")
        # One embedding thread per worker: the workers already use every core between them.
        settings = {
            keys[id(t)]: t.settings.model_copy(update={"embed_threads": 1}).model_dump(mode="json")
            for t in self.targets.values()
        }
        warm: dict[str, dict[str, Any]] = {}
        for case in todo:
            warm.setdefault(
                keys[id(self.target(case))],
                case.request(self.model_for(case)).model_dump(mode="json"),
            )
        by_id = {c.id: c for c in todo}
        jobs = [
            (c.id, keys[id(self.target(c))], c.request(self.model_for(c)).model_dump(mode="json"))
            for c in todo
        ]
        size = max(4, min(32, len(jobs) // (self.workers * 8) or 1))
        per_worker = max(1, self.concurrency // self.workers)
        loop = asyncio.get_running_loop()
        pool = start_pool(self.workers, settings, list(warm.items()))
        try:
            futures = [
                loop.run_in_executor(
                    pool, draft_chunk, jobs[i : i + size], self.timeout_s, per_worker
                )
                for i in range(0, len(jobs), size)
            ]
            for next_done in asyncio.as_completed(futures):
                for case_id, draft, error, cacheable in await next_done:
                    outcome = Outcome(
                        DraftPublic.model_validate(draft) if draft else None,
                        error,
                        cached=False,
                        cacheable=cacheable,
                    )
                    case = by_id[case_id]
                    self.remember(case, outcome)
                    tasks.append(asyncio.create_task(self.finish(case, outcome)))
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

    async def finish(self, case: ResolvedCase, outcome: Outcome) -> None:
        target = self.target(case)
        results = await evaluate_case(
            case,
            outcome,
            pack=self.packs[case.brand],
            settings=target.settings,
            services=self.services,
        )
        result = case_result(case, outcome, results)
        self.finished[case.id] = result
        self.progress.advance(result)
        if self.on_case is not None:
            self.on_case(result)


def build_result(
    loaded: LoadedSuite,
    cases: list[CaseResult],
    *,
    options: RunOptions,
    services: EvalServices,
    status: str,
    started_at: datetime,
    duration_s: float,
    concurrency: int,
    timeout_s: float,
    code: str,
) -> RunResult:
    from evals.compare import compare_runs, regression_gate

    suite = loaded.suite
    metrics = summarise(cases, suite)
    gate = threshold_gate(metrics, suite)
    counts = Counts(
        cases=len(cases),
        passed=sum(c.status == "pass" for c in cases),
        failed=sum(c.status == "fail" for c in cases),
        errors=sum(c.status == "error" for c in cases),
        cached=sum(c.cached for c in cases),
        generated=sum(not c.cached for c in cases),
        model_calls=sum(int((c.usage or {}).get("model_calls", 0)) for c in cases if not c.cached),
        judge_calls=int(services.counters.get("judge_calls", 0)),
        cost_usd=round(
            sum(float((c.usage or {}).get("cost_usd", 0)) for c in cases if not c.cached)
            + services.counters.get("judge_cost_usd", 0),
            6,
        ),
    )
    check_counts: dict[str, int] = {}
    for case in cases:
        for finding in case.findings:
            check_counts[finding["id"]] = check_counts.get(finding["id"], 0) + 1
    result = RunResult(
        id=options.run_id or new_run_id(suite.name),
        status=status,
        suite=SuiteInfo(
            name=suite.name,
            path=str(loaded.path),
            content_hash=loaded.content_hash,
            description=suite.description,
            metrics={n: suite.metric_spec(n) for n in suite.metrics},
            gate=suite.gate,
        ),
        model=options.model,
        started_at=started_at,
        finished_at=datetime.now(UTC),
        duration_s=round(duration_s, 3),
        concurrency=concurrency,
        timeout_s=timeout_s,
        code_fingerprint=code,
        counts=counts,
        metrics=metrics,
        gate=gate,
        check_counts=dict(sorted(check_counts.items(), key=lambda kv: -kv[1])),
        cases=cases,
    )
    if status == "interrupted":
        result.gate.passed = False
        result.gate.failures.append(
            f"the run was interrupted after {len(cases)} of {len(loaded.cases)} cases"
        )
    if options.baseline is not None:
        comparison = compare_runs(options.baseline, result)
        result.baseline = options.baseline.id
        result.regressions = [c.id for c in comparison.regressions]
        failures = regression_gate(comparison, suite.gate)
        result.gate.failures += failures
        result.gate.passed = result.gate.passed and not failures
    return result


def _from_cache(cache: ResultCache | None, key: str) -> Outcome | None:
    if cache is None:
        return None
    stored = cache.get("draft", key)
    if stored is None:
        return None
    from drafting.schemas import DraftPublic

    draft = DraftPublic.model_validate(stored["draft"]) if stored.get("draft") else None
    return Outcome(draft, stored.get("error"), cached=True)


async def _warm_up(
    todo: list[ResolvedCase], targets: dict[str, Target], model_for: Callable[[ResolvedCase], str]
) -> None:
    """Load the embedding model, triage exemplars and brand indexes before timing any case,
    by preparing (not drafting: no model call) the first case of each target."""
    from drafting.pipeline import prepare

    seen: set[int] = set()
    for case in todo:
        target = targets[case.brand]
        if id(target) in seen:
            continue
        seen.add(id(target))
        with contextlib.suppress(Exception):  # the case itself will report the problem
            await asyncio.to_thread(
                prepare,
                case.request(model_for(case)),
                settings=target.settings,
                registry=target.registry,
            )


def _settings_key(settings: Settings) -> str:
    return repr([getattr(settings, name) for name in DRAFT_SETTINGS])


def _embed_fn(settings: Settings) -> Callable[[list[str]], Any]:
    def embed(texts: list[str]) -> Any:
        from knowledge.embedder import get_embedder

        return get_embedder(settings).embed(texts)

    return embed


async def _prefetch_references(cases: list[ResolvedCase], services: EvalServices) -> None:
    texts = [
        t
        for case in cases
        for ev in case.evaluators
        if isinstance(ev, Similarity)
        for t in ev.references(case.reference)
    ]
    if texts:
        await services.vectors.prefetch(texts)


class _Progress:
    """A rich progress bar on stderr (cases done, passing, failing), or nothing."""

    def __init__(self, total: int, name: str, *, enabled: bool) -> None:
        self.enabled = enabled
        self.total = total
        self.passed = self.failed = 0
        self._progress: Any = None
        self._task: Any = None
        self._name = name

    def __enter__(self) -> _Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._progress = Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn(
                    "[green]{task.fields[passed]} pass[/] [red]{task.fields[failed]} fail[/]"
                ),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=False,
            )
            self._progress.__enter__()
            self._task = self._progress.add_task(
                f"eval {self._name}", total=self.total, passed=0, failed=0
            )
        return self

    def advance(self, result: CaseResult) -> None:
        if result.status == "pass":
            self.passed += 1
        else:
            self.failed += 1
        if self._progress is not None:
            self._progress.update(self._task, advance=1, passed=self.passed, failed=self.failed)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(None, None, None)
