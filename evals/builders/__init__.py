"""Builders turn data that lives outside the repository into cases when a suite loads.

``cases_from: [{builder: twitter, options: {...}}]`` calls the builder named ``twitter`` with
its options, the suite's folder (relative paths start there) and a workspace folder of the
suite's own, where the builder may write brand packs. Nothing it reads is copied into the
repository.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafting.errors import InvalidInputError


@dataclass
class Built:
    cases: list[dict[str, Any]]
    #: Brand id -> pack folder the runner loads into the suite's own data dir.
    packs: dict[str, Path] = field(default_factory=dict)


Builder = Callable[[dict[str, Any], Path, Path], Built]


def _twitter(options: dict[str, Any], suite_dir: Path, workspace: Path) -> Built:
    from evals.builders.twitter import build

    return build(options, suite_dir=suite_dir, workspace=workspace)


BUILDERS: dict[str, Builder] = {"twitter": _twitter}


def run_builder(name: str, options: dict[str, Any], *, suite_dir: Path, workspace: Path) -> Built:
    builder = BUILDERS.get(name)
    if builder is None:
        raise InvalidInputError(
            f"Unknown case builder {name!r}.", fix=f"Use one of {', '.join(BUILDERS)}."
        )
    return builder(options, suite_dir, workspace)
