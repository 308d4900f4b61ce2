"""The real drafting pipeline, pointed at a remote-style model on a local capture server:
no personal data from the post, the thread or the facts reaches the model request; the
draft records what was replaced. The built-in composer and local models see the text."""

from __future__ import annotations

import asyncio
from typing import Any

from drafting.pipeline import create_draft
from drafting.schemas import DraftCreate
from drafting.storage.repository import Storage
from knowledge.registry import BrandRegistry
from tests.capture_server import capture_server

SECRETS = [
    "anna.rossi@example.com",
    "+39 333 123 4567",
    "VD-7654321",
    "Via Garibaldi 12",
    "4111 1111 1111 1111",
]
POST = (
    f"My order {SECRETS[2]} never came. I'm Anna Rossi, write to {SECRETS[0]} or call "
    f"{SECRETS[1]}. Ship it to {SECRETS[3]}, Milano. I paid with {SECRETS[4]}."
)


def run(settings: Any, model: str) -> Any:
    req = DraftCreate.model_validate(
        {
            "brand": "demo",
            "channel": "x",
            "model": model,
            "post": {"text": POST, "author": "@anna_r"},
            "thread": [{"text": f"Also my husband's number is {SECRETS[1]}"}],
            "facts": [f"Order {SECRETS[2]} was found in the Piacenza warehouse."],
        }
    )
    return asyncio.run(
        create_draft(
            req,
            settings=settings,
            registry=BrandRegistry(settings),
            store=Storage(settings.resolved_database_url),
        )
    )


def test_remote_model_requests_carry_no_personal_data(demo_settings: Any) -> None:
    with capture_server() as (base_url, requests):
        settings = demo_settings.model_copy(update={"llm_api_base": base_url})
        draft = run(settings, "openai/remote-model")
    assert requests, "the model was never called"
    sent = "\n".join(r.text() for r in requests)
    leaked = [s for s in [*SECRETS, "Anna Rossi", "@anna_r"] if s in sent]
    assert leaked == [], leaked
    assert "<EMAIL_1>" in sent and "<ORDER_1>" in sent
    # Counts cover the retrieved past replies too, not only the post.
    assert draft.redacted.get("email", 0) >= 1 and draft.redacted.get("order_number", 0) >= 1
    assert draft.model == "openai/remote-model" and not draft.fallback


def test_local_models_are_not_redacted(demo_settings: Any) -> None:
    with capture_server() as (base_url, requests):
        settings = demo_settings.model_copy(
            update={"llm_api_base": base_url, "local_models": ["openai/my-gguf"]}
        )
        draft = run(settings, "openai/my-gguf")
    assert SECRETS[0] in "\n".join(r.text() for r in requests)
    assert draft.redacted == {}
