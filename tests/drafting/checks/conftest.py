"""The demo brand (Verdello) and its real policy, and a helper to run the checks on a draft."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from drafting.checks import CheckContext, CheckReport, run_checks
from drafting.checks.quality import load_demo
from knowledge.brandpack import Brand
from knowledge.policy import Policy
from tests.conftest import DEMO_PACK

EN = "^Team Verdello"
IT = "^Il team Verdello"


@pytest.fixture(scope="session")
def demo() -> tuple[Brand, Policy]:
    return load_demo(DEMO_PACK)


@pytest.fixture(scope="session")
def check(demo: tuple[Brand, Policy]) -> Callable[..., CheckReport]:
    """``check(text, channel="x", kind="apology", **context)`` with the demo brand and policy."""
    brand, policy = demo

    def run(text: str, channel: str = "x", kind: str = "apology", **context: Any) -> CheckReport:
        only = context.pop("only", None)
        for key in ("thread", "facts", "sources"):
            if key in context:
                context[key] = tuple(context[key])
        if "risk_flags" in context:
            context["risk_flags"] = frozenset(context["risk_flags"])
        policy_override = context.pop("policy", policy)
        brand_override = context.pop("brand", brand)
        ctx = CheckContext(
            brand=brand_override, policy=policy_override, channel=channel, kind=kind, **context
        )
        return run_checks(text, ctx, only=only)

    return run


def failed(report: CheckReport) -> set[str]:
    return {f.id for f in report.failures}


def findings(check: Callable[..., CheckReport], text: str, context: dict[str, Any]) -> set[str]:
    """Failed check ids for ``text``; ``context`` goes to ``check`` as keywords (``channel``
    and ``kind`` default to x and apology there)."""
    return failed(check(text, **context))
