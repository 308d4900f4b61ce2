"""Load a suite: the YAML file, its JSONL/CSV case files and its builders, defaults applied.

Every problem names the file, and the line or case, and says how to fix it.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from drafting.errors import InvalidInputError, NotFoundError
from evals.cases import ResolvedCase
from evals.evaluators import Evaluator, parse_evaluator
from evals.models import Case, Suite

SUITES_DIR = Path(__file__).resolve().parent / "suites"
LIST_SEPARATOR = "|"


@dataclass
class LoadedSuite:
    suite: Suite
    path: Path
    cases: list[ResolvedCase]
    content_hash: str
    #: Brand packs the suite's builders made: brand id -> pack folder, run in their own data dir.
    packs: dict[str, Path] = field(default_factory=dict)
    workspace: Path | None = None

    @property
    def name(self) -> str:
        return self.suite.name

    def __repr__(self) -> str:  # short: asyncio formats the running task's arguments on exit
        return f"LoadedSuite({self.name!r}, {len(self.cases)} cases)"


def default_workspace_root() -> Path:
    """Where builders write what they convert: the data dir, never the repository."""
    from drafting.config import get_settings

    return get_settings().data_dir / "evals" / "workspaces"


def find_suite(name_or_path: str | Path) -> Path:
    """A path to a suite file, or the name of a shipped suite (``demo`` -> suites/demo.yaml)."""
    path = Path(name_or_path)
    if path.is_file():
        return path
    shipped = SUITES_DIR / f"{name_or_path}.yaml"
    if isinstance(name_or_path, str) and "/" not in name_or_path and shipped.is_file():
        return shipped
    known = ", ".join(sorted(p.stem for p in SUITES_DIR.glob("*.yaml")))
    raise NotFoundError(
        f"No suite file {str(name_or_path)!r}.",
        fix=f"Pass a path to a suite YAML file or a shipped suite name ({known}).",
    )


def load_suite(name_or_path: str | Path, *, workspace_root: Path | None = None) -> LoadedSuite:
    """Read and validate a suite; builders write what they convert under ``workspace_root``."""
    path = find_suite(name_or_path).resolve()
    raw_text = path.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(raw_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark else ""
        raise InvalidInputError(
            f"{path}{line} is not valid YAML: {exc}",
            fix="Fix the YAML syntax (indentation, quotes).",
        ) from None
    if not isinstance(data, dict):
        raise InvalidInputError(
            f"{path} should hold a mapping with `name` and `cases`.",
            fix="See evals/suites/demo.yaml for the layout.",
        )
    suite = _validate(Suite, data, str(path), raw_text)
    digest = hashlib.sha256(raw_text.encode())
    raw_cases: list[tuple[dict[str, Any], str]] = [
        (c, f"{path.name} case {c.get('id', i + 1)!r}")
        for i, c in enumerate(data.get("cases") or [])
    ]
    packs: dict[str, Path] = {}
    workspace = None
    for source in suite.cases_from:
        if source.file and source.builder:
            raise InvalidInputError(
                f"{path}: a `cases_from` entry has both file and builder.",
                fix="Give one of them per entry.",
            )
        if source.file:
            file = (path.parent / source.file).resolve()
            raw_cases += read_case_file(file)
            digest.update(file.read_bytes() if file.is_file() else b"")
        elif source.builder:
            from evals.builders import run_builder

            workspace = (workspace_root or default_workspace_root()) / suite.name
            built = run_builder(
                source.builder, source.options, suite_dir=path.parent, workspace=workspace
            )
            raw_cases += [
                (c, f"builder {source.builder} case {c.get('id')!r}") for c in built.cases
            ]
            packs.update(built.packs)
            digest.update(json.dumps(built.cases, sort_keys=True).encode())
        else:
            raise InvalidInputError(
                f"{path}: a `cases_from` entry names neither file nor builder.",
                fix="Add `file: cases.jsonl` or `builder: twitter`.",
            )
    cases = resolve_cases(suite, raw_cases, base_dir=path.parent, suite_path=path)
    if not cases:
        raise InvalidInputError(f"{path} has no cases.", fix="Add `cases:` or `cases_from:`.")
    return LoadedSuite(
        suite=suite,
        path=path,
        cases=cases,
        content_hash=digest.hexdigest(),
        packs=packs,
        workspace=workspace,
    )


def _validate(model: Any, data: Any, where: str, text: str = "") -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors()[:8]:
            loc = ".".join(str(p) for p in err["loc"])
            problems.append(f"{loc}: {err['msg']}")
        raise InvalidInputError(
            f"{where} is invalid: " + "; ".join(problems),
            fix="Compare with evals/suite.schema.json (your editor checks it "
            "through the `$schema` line).",
        ) from None


def read_case_file(path: Path) -> list[tuple[dict[str, Any], str]]:
    """Cases from a JSONL file (one case per line) or a CSV file (one per row)."""
    if not path.is_file():
        raise NotFoundError(
            f"Case file {path} does not exist.", fix="Give its path relative to the suite file."
        )
    if path.suffix == ".jsonl":
        out = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InvalidInputError(
                    f"{path} line {number} is not valid JSON: {exc.msg}.",
                    fix="Write one JSON object per line.",
                ) from None
            out.append((item, f"{path.name} line {number}"))
        return out
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as handle:
            return [
                (csv_row_to_case(row), f"{path.name} line {number}")
                for number, row in enumerate(csv.DictReader(handle), start=2)
            ]
    raise InvalidInputError(
        f"{path}: case files must end in .jsonl or .csv.",
        fix="Convert the file, or list the cases in the suite YAML.",
    )


#: CSV columns that hold lists, separated by ``|``.
LIST_COLUMNS = {
    "tags",
    "facts",
    "thread",
    "evaluators",
    "skip_evaluators",
    "expect.risk_flags",
    "expect.absent_flags",
    "expect.moves",
    "expect.findings",
    "expect.personal_data",
}


def csv_row_to_case(row: dict[str, str]) -> dict[str, Any]:
    """A CSV row as a case: ``expect.category`` columns nest, lists split on ``|``, cells
    starting with ``[`` or ``{`` are read as JSON, empty cells are left out."""
    case: dict[str, Any] = {}
    for column, cell in row.items():
        if column is None or cell is None or not cell.strip():
            continue
        value: Any = cell.strip()
        if value[0] in "[{":
            with contextlib.suppress(json.JSONDecodeError):  # not JSON: keep the text
                value = json.loads(value)
        if isinstance(value, str) and column in LIST_COLUMNS:
            value = [v.strip() for v in value.split(LIST_SEPARATOR) if v.strip()]
        if (
            isinstance(value, str)
            and value.lower() in ("true", "false")
            and column.startswith("expect.public")
        ):
            value = value.lower() == "true"
        target = case
        *parents, leaf = column.strip().split(".")
        for parent in parents:
            target = target.setdefault(parent, {})
        target[leaf] = value
    return case


def resolve_cases(
    suite: Suite, raw: list[tuple[dict[str, Any], str]], *, base_dir: Path, suite_path: Path
) -> list[ResolvedCase]:
    defaults = suite.defaults
    default_evaluators = [
        parse_evaluator(spec, base_dir=base_dir, where=f"{suite_path.name} defaults.evaluators")
        for spec in defaults.evaluators
    ]
    seen: dict[str, str] = {}
    out = []
    for data, origin in raw:
        case: Case = _validate(Case, data, origin)
        if case.id in seen:
            raise InvalidInputError(
                f"{origin}: case id {case.id!r} is also used by {seen[case.id]}.",
                fix="Give every case its own id.",
            )
        seen[case.id] = origin
        brand = case.brand or defaults.brand
        if not brand:
            raise InvalidInputError(
                f"{origin}: no brand.", fix="Set `brand` on the case or in `defaults`."
            )
        names = {e.key for e in default_evaluators} | {e.name for e in default_evaluators}
        unknown_skips = [s for s in case.skip_evaluators if s not in names]
        if unknown_skips:
            raise InvalidInputError(
                f"{origin}: skip_evaluators names {unknown_skips}, which the defaults do not run.",
                fix=f"Use names from the defaults: {sorted(names)}.",
            )
        evaluators: list[Evaluator] = [
            e
            for e in default_evaluators
            if e.key not in case.skip_evaluators and e.name not in case.skip_evaluators
        ]
        evaluators += [
            parse_evaluator(spec, base_dir=base_dir, where=origin) for spec in case.evaluators
        ]
        out.append(
            ResolvedCase(
                id=case.id,
                brand=brand,
                channel=case.channel or defaults.channel,
                kind=case.kind or defaults.kind,
                post=case.post,
                origin=origin,
                description=case.description,
                tags=case.tags,
                model=case.model or defaults.model,
                author=case.author or defaults.author,
                thread=case.thread,
                facts=list(defaults.facts if case.facts is None else case.facts),
                incident_id=case.incident_id,
                language=case.language,
                reference=case.reference,
                expect=case.expect,
                evaluators=evaluators,
                source=case.source,
            )
        )
    return out
