"""Every evaluator a suite can name, and how suite entries become evaluator objects.

A suite entry is a name (``- checks``), a one-key mapping with parameters
(``- similarity: {threshold: 0.6}``) or with the evaluator's one scalar parameter
(``- check: tone.sarcasm``, ``- latency: 2000``). A check id alone is an evaluator too
(``- tone.sarcasm``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from drafting.errors import InvalidInputError
from evals.evaluators.base import EvalContext, Evaluator, Result
from evals.evaluators.checks import FAMILY_METRICS, Check, Checks
from evals.evaluators.content import Contains, NotContains, NotRegex, Regex
from evals.evaluators.grounding import Grounded
from evals.evaluators.judge import Judge
from evals.evaluators.performance import Cost, Latency
from evals.evaluators.privacy import PersonalData
from evals.evaluators.shape import Length, RequiredMoves
from evals.evaluators.similarity import Similarity, Unlike
from evals.evaluators.triage import Triage

EVALUATORS: dict[str, type[Evaluator]] = {
    cls.key: cls
    for cls in (
        Checks,
        Check,
        Triage,
        RequiredMoves,
        Length,
        PersonalData,
        Grounded,
        Similarity,
        Unlike,
        Contains,
        NotContains,
        Regex,
        NotRegex,
        Latency,
        Cost,
        Judge,
    )
}

__all__ = [
    "EVALUATORS",
    "FAMILY_METRICS",
    "EvalContext",
    "Evaluator",
    "Result",
    "parse_evaluator",
]


def parse_evaluator(spec: Any, *, base_dir: Path, where: str) -> Evaluator:
    """Build one evaluator from a suite entry; ``where`` names the entry in error messages."""
    from drafting.checks import CHECK_IDS

    if isinstance(spec, str):
        key, params = spec, None
    elif isinstance(spec, dict) and len(spec) == 1:
        key, params = next(iter(spec.items()))
    else:
        raise InvalidInputError(
            f"{where}: an evaluator entry must be a name or a mapping with one key, got {spec!r}.",
            fix="Write e.g. `- checks`, `- similarity: {threshold: 0.6}` or "
            "`- check: tone.sarcasm`.",
        )
    cls: type[Evaluator] | None = EVALUATORS.get(key)
    if cls is None and key in CHECK_IDS:
        cls, params = Check, {"id": key, **(params if isinstance(params, dict) else {})}
    if cls is None:
        raise InvalidInputError(
            f"{where}: unknown evaluator {key!r}.",
            fix=f"Use one of {', '.join(EVALUATORS)}, or a check id such as tone.sarcasm.",
        )
    if params is None:
        params = {}
    if not isinstance(params, dict):
        if cls.scalar is None:
            raise InvalidInputError(
                f"{where}: evaluator {key!r} takes a mapping of parameters, got {params!r}.",
                fix=_fields_hint(cls),
            )
        params = {cls.scalar: params}
    try:
        evaluator = cls.model_validate(params)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or key}: {e['msg']}" for e in exc.errors()
        )
        raise InvalidInputError(
            f"{where}: evaluator {key!r}: {problems}.", fix=_fields_hint(cls)
        ) from None
    if isinstance(evaluator, Judge):
        try:
            evaluator.load_rubric(base_dir)
        except ValueError as exc:
            raise InvalidInputError(
                f"{where}: {exc}.", fix="Give the rubric's path relative to the suite file."
            ) from None
    return evaluator


def _fields_hint(cls: type[Evaluator]) -> str:
    fields = ", ".join(f"{name}" for name in cls.model_fields)
    return f"{cls.key} accepts: {fields}."
