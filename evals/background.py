"""Eval runs started through the API: they run in the server's event loop, one at a time per
process, and leave the same files as the CLI (``<data_dir>/evals/runs/<id>/``) plus a
``status.json`` the API reads while and after they run.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafting.errors import ConflictError, NotFoundError
from evals.store import RUN_ID, runs_dir, write_atomic

if TYPE_CHECKING:
    from drafting.config import Settings
    from evals.loaders import LoadedSuite
    from evals.runner import RunOptions

STATUS = "status.json"


@dataclass
class Live:
    """A run in progress in this process."""

    task: asyncio.Task[None]
    done: int = 0
    written_at: float = field(default_factory=time.monotonic)

    @property
    def running(self) -> bool:
        """Still going (a task whose event loop has closed never will)."""
        return not self.task.done() and not self.task.get_loop().is_closed()


_live: dict[str, Live] = {}


def suite_dirs(settings: Settings) -> list[Path]:
    """Where the API looks for suites by name: the data dir's own, then the shipped ones."""
    from evals.loaders import SUITES_DIR

    return [settings.data_dir / "evals" / "suites", SUITES_DIR]


def find_named_suite(name: str, settings: Settings) -> Path:
    for folder in suite_dirs(settings):
        path = folder / f"{name}.yaml"
        if path.is_file():
            return path
    known = sorted({p.stem for d in suite_dirs(settings) if d.is_dir() for p in d.glob("*.yaml")})
    raise NotFoundError(
        f"No eval suite named {name!r}.",
        fix=f"Use one of: {', '.join(known)}; or add "
        f"{settings.data_dir / 'evals' / 'suites' / (name + '.yaml')}.",
    )


def _status_path(settings: Settings, run_id: str) -> Path:
    return runs_dir(settings.data_dir) / run_id / STATUS


def _write_status(settings: Settings, run_id: str, status: dict[str, Any]) -> None:
    write_atomic(_status_path(settings, run_id), json.dumps(status, indent=2, default=str))


def start_run(loaded: LoadedSuite, *, settings: Settings, options: RunOptions) -> dict[str, Any]:
    """Start ``loaded`` in the background; return its first status. 409 while another runs."""
    from evals.runner import run_suite
    from evals.store import save_run

    running = [run_id for run_id, live in _live.items() if live.running]
    if running:
        raise ConflictError(
            f"Eval run {running[0]} is still running.",
            fix=f"Wait for it: GET /v1/evals/runs/{running[0]}.",
        )
    assert options.run_id is not None
    run_id = options.run_id
    total = min(len(loaded.cases), options.limit or len(loaded.cases))
    status: dict[str, Any] = {
        "id": run_id,
        "suite": loaded.name,
        "status": "running",
        "created_at": datetime.now(UTC).isoformat(),
        "finished_at": None,
        "brands": sorted({c.brand for c in loaded.cases}),
        "total": total,
        "done": 0,
        "model": options.model,
        "error": None,
    }
    _write_status(settings, run_id, status)

    def on_case(_: Any) -> None:
        live = _live[run_id]
        live.done += 1
        if time.monotonic() - live.written_at > 1.0:  # the file, for other processes
            live.written_at = time.monotonic()
            _write_status(settings, run_id, {**status, "done": live.done})

    async def go() -> None:
        try:
            result = await run_suite(loaded, settings=settings, options=options, on_case=on_case)
            await asyncio.to_thread(save_run, result, runs_dir(settings.data_dir) / run_id)
            final = {
                **status,
                "status": result.status,
                "done": len(result.cases),
                "finished_at": result.finished_at.isoformat(),
            }
        except Exception as exc:  # reported in the status, never lost
            final = {
                **status,
                "status": "failed",
                "done": _live[run_id].done,
                "finished_at": datetime.now(UTC).isoformat(),
                "error": f"{type(exc).__name__}: {exc}",
            }
        _write_status(settings, run_id, final)

    _live[run_id] = Live(task=asyncio.get_running_loop().create_task(go()))
    return status


def read_status(settings: Settings, run_id: str) -> dict[str, Any]:
    if not RUN_ID.match(run_id):
        raise NotFoundError(f"No eval run {run_id!r}.", fix="Use the id POST /v1/evals/runs gave.")
    path = _status_path(settings, run_id)
    if not path.is_file():
        raise NotFoundError(f"No eval run {run_id!r}.", fix="Use the id POST /v1/evals/runs gave.")
    status: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    live = _live.get(run_id)
    if status["status"] == "running":
        if live is None or not live.running:
            status["status"] = "interrupted"  # the process that ran it stopped
            status["error"] = status.get("error") or (
                "The server stopped during the run; start it again (cached cases are fast)."
            )
        else:
            status["done"] = live.done
    return status
