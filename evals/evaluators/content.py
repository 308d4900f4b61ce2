"""Deterministic text assertions (after promptfoo): contains, not_contains, regex, not_regex."""

from __future__ import annotations

import re
from typing import ClassVar

from pydantic import Field, field_validator

from evals.evaluators.base import EvalContext, Evaluator, Result


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


class Contains(Evaluator):
    """The draft contains the value(s): all of them, or any with ``any: true``."""

    key: ClassVar[str] = "contains"
    scalar: ClassVar[str | None] = "value"
    default_metric: ClassVar[str] = "Content"

    value: str | list[str]
    any: bool = False
    case_sensitive: bool = False

    def _found(self, text: str) -> tuple[list[str], list[str]]:
        haystack = text if self.case_sensitive else text.lower()
        values = _as_list(self.value)
        found = [v for v in values if (v if self.case_sensitive else v.lower()) in haystack]
        return found, [v for v in values if v not in found]

    def evaluate(self, ctx: EvalContext) -> list[Result]:
        found, missing = self._found(ctx.text)
        passed = bool(found) if self.any else not missing
        reason = (
            f"contains {', '.join(map(repr, found))}"
            if passed
            else f"does not contain {', '.join(map(repr, missing))}"
        )
        return [self.verdict(passed, reason)]


class NotContains(Contains):
    """The draft contains none of the values (e.g. an attacker's payload)."""

    key: ClassVar[str] = "not_contains"
    default_metric: ClassVar[str] = "Safety"

    def evaluate(self, ctx: EvalContext) -> list[Result]:
        found, _ = self._found(ctx.text)
        reason = (
            f"contains {', '.join(map(repr, found))}"
            if found
            else f"contains none of {len(_as_list(self.value))} forbidden value(s)"
        )
        return [self.verdict(not found, reason)]


class Regex(Evaluator):
    """The draft matches the regular expression (case-insensitive unless asked)."""

    key: ClassVar[str] = "regex"
    scalar: ClassVar[str | None] = "pattern"
    default_metric: ClassVar[str] = "Content"

    pattern: str = Field(min_length=1)
    case_sensitive: bool = False

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"invalid regular expression {value!r}: {exc}") from exc
        return value

    def _match(self, text: str) -> re.Match[str] | None:
        return re.search(self.pattern, text, 0 if self.case_sensitive else re.IGNORECASE)

    def evaluate(self, ctx: EvalContext) -> list[Result]:
        match = self._match(ctx.text)
        return [
            self.verdict(
                match is not None,
                f"matches {match.group(0)!r}" if match else f"does not match /{self.pattern}/",
            )
        ]


class NotRegex(Regex):
    """The draft does not match the regular expression."""

    key: ClassVar[str] = "not_regex"
    default_metric: ClassVar[str] = "Safety"

    def evaluate(self, ctx: EvalContext) -> list[Result]:
        match = self._match(ctx.text)
        return [
            self.verdict(
                match is None,
                f"matches {match.group(0)!r}" if match else f"does not match /{self.pattern}/",
            )
        ]
