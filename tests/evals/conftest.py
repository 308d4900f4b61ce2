"""Helpers for the eval tests: suite files, hand-assembled drafts and a fake model."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DEMO_PACK


def write_suite(folder: Path, body: str, name: str = "suite.yaml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(body).lstrip(), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def demo_pack() -> Any:
    from knowledge.brandpack import load_pack

    return load_pack(DEMO_PACK)


def draft_for(
    pack: Any,
    post: str,
    text: str,
    *,
    channel: str = "x",
    kind: str = "reply",
    author: str | None = "@ana",
    facts: tuple[str, ...] = (),
    sources: list[dict[str, Any]] | None = None,
    total_ms: float = 120.0,
) -> Any:
    """A finished draft assembled by hand around ``text``, with the real triage (rules only)
    and the real checks: evaluators only read finished drafts, and this one is exactly the
    text a test needs without running retrieval and generation."""
    from drafting.checks import CheckContext, run_checks
    from drafting.schemas import DraftPublic, TimingsPublic, UsagePublic
    from drafting.triage import triage
    from knowledge.taxonomy import PUBLIC_CHANNELS

    tri = triage(post, brand=pack.brand)
    report = run_checks(
        text,
        CheckContext(
            brand=pack.brand,
            policy=pack.policy,
            channel=channel,
            kind=kind,
            post_text=post,
            facts=facts,
            risk_flags=frozenset(tri.risk_flags),
            author=author,
        ),
    )
    assert channel in PUBLIC_CHANNELS or channel in ("email", "chat")
    return DraftPublic.model_validate(
        {
            "id": "d_test",
            "status": "pending_review",
            "created_at": "2026-01-01T00:00:00Z",
            "brand": pack.brand.id,
            "channel": channel,
            "kind": kind,
            "language": report.language,
            "incident_id": None,
            "post": {"text": post, "author": author},
            "thread": [],
            "text": text,
            "verdict": report.verdict,
            "alternatives": [],
            "triage": tri.model_dump(),
            "checks": report.model_dump(),
            "sources": sources or [],
            "escalation": None,
            "model": "crisisdraft/composer",
            "requested_model": "crisisdraft/composer",
            "fallback": False,
            "revised": False,
            "prompt_version": "draft@v1",
            "usage": UsagePublic(model_calls=1).model_dump(),
            "timings": TimingsPublic(total_ms=total_ms).model_dump(),
            "notes": [],
        }
    )


class FakeModel:
    """A model that answers every draft request with ``reply`` and records each call.

    It is a fake because the tests need to count model calls exactly; it is registered with
    litellm as a custom provider, so it runs through the same Router as any real model.
    """

    provider = "evalfake"

    def __init__(self, reply: str) -> None:
        self.reply = reply
        self.history: list[list[dict[str, str]]] = []

    def register(self) -> None:
        from litellm import CustomLLM

        from drafting.llm import litellm_module

        litellm = litellm_module()
        fake = self

        class Handler(CustomLLM):
            def completion(self, *args: Any, **kwargs: Any) -> Any:
                fake.history.append(kwargs.get("messages", []))
                response = kwargs["model_response"]
                response.choices[0].message.content = json.dumps(
                    {"text": fake.reply, "language": "en", "cited": []}
                )
                return response

            async def acompletion(self, *args: Any, **kwargs: Any) -> Any:
                return self.completion(*args, **kwargs)

        litellm.custom_provider_map = [
            *[p for p in litellm.custom_provider_map if p.get("provider") != self.provider],
            {"provider": self.provider, "custom_handler": Handler()},
        ]
        from litellm.utils import custom_llm_setup

        custom_llm_setup()


@pytest.fixture
def fake_model() -> Iterator[FakeModel]:
    model = FakeModel(
        "@ana We're sorry your order is late. Could you send us a DM with your "
        "order number? ^Team Verdello"
    )
    model.register()
    yield model
