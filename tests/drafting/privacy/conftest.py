"""A redactor configured from the demo brand's real policy (Verdello)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drafting.checks.quality import load_demo
from drafting.privacy import Redactor
from tests.conftest import DEMO_PACK


@pytest.fixture(scope="session")
def order_pattern() -> str:
    _, policy = load_demo(DEMO_PACK)
    return policy.personal_data.order_number_pattern


@pytest.fixture(scope="session")
def make_redactor(order_pattern: str) -> Callable[[], Redactor]:
    """A fresh redactor per draft, keeping the brand's own contacts, handle and domain."""
    _, policy = load_demo(DEMO_PACK)

    def make() -> Redactor:
        return Redactor(
            order_number_pattern=order_pattern,
            keep=[*policy.personal_data.brand_contacts, "@Verdello", "Verdello"],
            keep_domains=policy.links.allowed_domains,
        )

    return make


@pytest.fixture()
def redactor(make_redactor: Callable[[], Redactor]) -> Redactor:
    return make_redactor()
