"""Problems found in a brand pack (each naming file, line and field) and the error holding them."""

from __future__ import annotations

from dataclasses import dataclass

from drafting.errors import InvalidInputError


@dataclass(frozen=True)
class PackProblem:
    file: str
    message: str
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        what = f" [{self.field}]" if self.field else ""
        return f"{where}{what}: {self.message}"


class BrandPackError(InvalidInputError):
    """A brand pack (or one of its files) is malformed; nothing was loaded."""

    type = "invalid-brand-pack"
    title = "Invalid brand pack"

    def __init__(self, problems: list[PackProblem], *, fix: str = "") -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(
            f"The brand pack was refused ({len(problems)} problem(s)); nothing was changed:"
            f"\n{lines}",
            fix=fix or "Correct the files named above and load the pack again.",
        )


class PolicyError(BrandPackError):
    """``policy.yaml`` is invalid (bad regex, unknown rule, negative cap, contradiction)."""

    type = "invalid-policy"
    title = "Invalid policy"
