"""Where runs live: one folder per run (``results.json`` + ``report.html``), by default under
``<data_dir>/evals/runs/<run id>``. A run is named by its folder, its results file or its id.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from drafting.errors import InvalidInputError, NotFoundError
from evals.results import RunResult

RESULTS = "results.json"
REPORT = "report.html"
RUN_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,159}$")  # no "..", no "/"


def runs_dir(data_dir: Path) -> Path:
    return data_dir / "evals" / "runs"


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temp, path)


def save_run(result: RunResult, folder: Path) -> dict[str, Path]:
    """Write ``results.json`` and ``report.html`` into ``folder``; return their paths."""
    from evals.html import render_report

    results = folder / RESULTS
    report = folder / REPORT
    write_atomic(results, result.model_dump_json(indent=2))
    write_atomic(report, render_report(result))
    return {"results": results, "report": report}


def resolve_run(ref: str | Path, *, data_dir: Path | None = None) -> Path:
    """The results file for a run folder, a results file, or a run id under ``data_dir``."""
    path = Path(ref)
    if path.is_file():
        return path
    if path.is_dir() and (path / RESULTS).is_file():
        return path / RESULTS
    if data_dir is not None and RUN_ID.match(str(ref)):
        candidate = runs_dir(data_dir) / str(ref) / RESULTS
        if candidate.is_file():
            return candidate
    raise NotFoundError(
        f"No eval run {str(ref)!r}.",
        fix="Pass a run folder, its results.json, or a run id from "
        f"{runs_dir(data_dir) if data_dir else '<data_dir>/evals/runs'}.",
    )


def load_run(ref: str | Path, *, data_dir: Path | None = None) -> RunResult:
    path = resolve_run(ref, data_dir=data_dir)
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
        return RunResult.model_validate(data)
    except (json.JSONDecodeError, ValidationError) as exc:
        raise InvalidInputError(
            f"{path} is not an eval results file: {str(exc).splitlines()[0]}",
            fix="Pass the results.json that `crisisdraft eval run` wrote.",
        ) from None
