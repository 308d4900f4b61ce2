"""A brand's daily model budget, read from the database (so every worker sees the same spend):
past it a paid model is not called and the built-in composer drafts, saying why.

The paid model is tests/capture_server.py, a fake provider on a real socket: the test checks
that no request reached it."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import update

from drafting.pipeline import create_draft
from drafting.schemas import DraftCreate
from drafting.storage.repository import Storage
from drafting.storage.tables import DraftRow
from knowledge.registry import BrandRegistry
from tests.capture_server import capture_server


def ask(settings: Any, model: str) -> Any:
    request = DraftCreate.model_validate(
        {
            "brand": "demo",
            "channel": "x",
            "model": model,
            "post": {"text": "My parcel is a week late.", "author": "@gio"},
        }
    )
    return asyncio.run(
        create_draft(
            request,
            settings=settings,
            registry=BrandRegistry(settings),
            store=Storage(settings.resolved_database_url),
        )
    )


def test_past_the_budget_the_composer_drafts(demo_copy: Any) -> None:
    with capture_server() as (url, requests):
        settings = demo_copy.model_copy(
            update={"llm_api_base": url, "daily_budget_usd": 0.5, "llm_retries": 0}
        )
        first = ask(settings, "openai/capture")
        assert first.model == "openai/capture" and requests
        calls = len(requests)  # one, or two when the draft was revised once
        storage = Storage(settings.resolved_database_url)
        with storage.sessions.begin() as s:  # as if that draft had cost 60 cents
            s.execute(update(DraftRow).where(DraftRow.id == first.id).values(cost_usd=0.6))
        assert storage.spent_since("demo", first.created_at.replace(year=2000)) == 0.6
        second = ask(settings, "openai/capture")
        assert len(requests) == calls  # the paid model was not called
    assert second.model == "crisisdraft/composer"
    assert any(n.startswith("BUDGET: demo spent $0.60") for n in second.notes)
    # The built-in drafter costs nothing: no budget applies to it.
    assert not any("BUDGET" in n for n in ask(settings, "crisisdraft/composer").notes)
