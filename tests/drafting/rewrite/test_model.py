"""Rewrites by a model go through litellm with personal data replaced first; when the model
fails, the actions that can be done offline are, and say so.

The "model" is tests/capture_server.py: a fake on purpose, on the other end of a real HTTP call,
so the test sees the exact request that would leave the machine."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from drafting.errors import ModelError
from drafting.rewrite.service import RewriteJob, RewriteResult, rewrite
from knowledge.registry import BrandRegistry
from tests.capture_server import capture_server
from tests.servers import free_port

POST = "Parcel VD-1234567 never came. Write to me at anna.rossi@example.com or +39 347 123 4567."
DRAFT = "@anna_r We're so sorry your parcel hasn't arrived. Please DM us. ^Team Verdello"


@pytest.fixture(scope="module")
def pack(demo_settings: Any) -> Any:
    return BrandRegistry(demo_settings).get("demo")


def run(settings: Any, pack: Any, action: str, target: str = "en") -> RewriteResult:
    job = RewriteJob(
        action=action,
        text=DRAFT,
        pack=pack,
        channel="x",
        kind="apology",
        language="en",
        target_language=target,
        post_text=POST,
        model="openai/capture",
    )
    return asyncio.run(rewrite(job, settings=settings))


def test_a_remote_model_gets_placeholders_and_the_action(demo_settings: Any, pack: Any) -> None:
    answer = (
        "@anna_r Ci dispiace tanto che il pacco non sia arrivato. Scrivici in DM. ^Il team Verdello"
    )
    with capture_server(json.dumps({"text": answer, "language": "it"})) as (url, requests):
        settings = demo_settings.model_copy(update={"llm_api_base": url, "llm_retries": 0})
        out = run(settings, pack, "translate", target="it")
    assert out.text == answer and out.language == "it" and not out.offline
    assert out.prompt_version == "rewrite@v1"
    sent = requests[0].text()
    assert "Translate this reply into Italian" in sent
    assert "so sorry your parcel hasn't arrived" in sent
    for value in ("anna.rossi@example.com", "347 123 4567", "VD-1234567"):
        assert value not in requests[0].raw
    assert "<EMAIL_1>" in sent
    assert out.redacted.get("email") == 1


def test_a_failing_model_falls_back_offline_where_it_can(demo_settings: Any, pack: Any) -> None:
    dead = f"http://127.0.0.1:{free_port()}/v1"  # nothing listens: connection refused
    settings = demo_settings.model_copy(
        update={"llm_api_base": dead, "llm_retries": 0, "llm_timeout_s": 5.0}
    )
    out = run(settings, pack, "more_formal")
    assert out.offline and out.fallback and out.model == "crisisdraft/composer"
    assert "openai/capture failed" in out.notes[0]
    assert "We are so sorry" in out.text and "direct message" in out.text
    with pytest.raises(ModelError):
        run(settings, pack, "translate", target="it")
