"""The real LLM path end to end: a GGUF model served over HTTP on loopback, reached through
litellm, streaming, with timeouts. SmolLM2-135M writes poor replies; the point is the path."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import Any

import pytest

from drafting.localmodels import install_smollm2, serve_gguf
from drafting.pipeline import create_draft, stream_draft
from drafting.schemas import DraftCreate
from drafting.storage.repository import Storage
from knowledge.registry import BrandRegistry

pytestmark = [pytest.mark.llm, pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def llm_base(models_dir: Any) -> Iterator[str]:
    with serve_gguf(install_smollm2(models_dir), n_ctx=4096, parallel=1, max_tokens=200) as base:
        yield base


def local(settings: Any, base: str) -> Any:
    """The GGUF server as a local model, with a prompt small enough for 2 slow cores."""
    return settings.model_copy(
        update={
            "llm_api_base": base + "/v1",
            "local_models": ["openai/smollm2"],
            "llm_timeout_s": 120.0,
            "request_deadline_s": 300.0,
            "retrieval_k": 3,
            "llm_max_tokens": 160,
            "llm_max_reasks": 0,
        }
    )


def request(**extra: Any) -> DraftCreate:
    return DraftCreate.model_validate(
        {
            "brand": "demo",
            "channel": "x",
            "model": "openai/smollm2",
            "post": {
                "text": "My order arrived broken and nobody answers my emails.",
                "author": "@ines",
            },
            **extra,
        }
    )


def test_draft_through_litellm_to_a_local_gguf_server(demo_settings: Any, llm_base: str) -> None:
    settings = local(demo_settings, llm_base)
    store = Storage(settings.resolved_database_url)
    draft = asyncio.run(
        create_draft(request(), settings=settings, registry=BrandRegistry(settings), store=store)
    )
    assert draft.requested_model == "openai/smollm2"
    # Either the model answered in the JSON schema, or the fallback is clearly marked.
    if draft.fallback:
        assert draft.model == "crisisdraft/composer"
        assert any("composer" in n for n in draft.notes)
    else:
        assert draft.model == "openai/smollm2"
        assert draft.usage.prompt_tokens > 0 and draft.usage.completion_tokens > 0
    assert draft.text and draft.checks["findings"] is not None
    assert store.get(draft.id).text == draft.text


def test_streaming_from_the_local_server(demo_settings: Any, llm_base: str) -> None:
    settings = local(demo_settings, llm_base)

    async def collect() -> tuple[list[str], Any]:
        tokens: list[str] = []
        final = None
        async for kind, payload in stream_draft(
            request(),
            settings=settings,
            registry=BrandRegistry(settings),
            store=Storage(settings.resolved_database_url),
        ):
            if kind == "token":
                tokens.append(payload)
            else:
                final = payload
        return tokens, final

    tokens, final = asyncio.run(collect())
    assert len(tokens) > 3  # the local model's own tokens, as they came
    assert final is not None
    # A 360M model sometimes streams JSON that does not parse (cut at the token cap under
    # load): the composer then writes the stored draft, marked as a fallback with the reason.
    assert final.model == "openai/smollm2" or (
        final.fallback
        and final.model == "crisisdraft/composer"
        and any("no valid structured answer" in n for n in final.notes)
    ), (final.model, final.notes)


def test_a_hanging_provider_never_holds_the_request_past_the_deadline(
    demo_settings: Any, llm_base: str
) -> None:
    # A server that accepts the connection and never answers: a real socket, no fake.
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    port = listener.getsockname()[1]
    held: list[socket.socket] = []
    threading.Thread(
        target=lambda: [held.append(listener.accept()[0]) for _ in range(8)], daemon=True
    ).start()
    settings = demo_settings.model_copy(
        update={
            "llm_api_base": f"http://127.0.0.1:{port}/v1",
            "llm_timeout_s": 1.0,
            "llm_retries": 0,
            "request_deadline_s": 4.0,
        }
    )
    started = time.perf_counter()
    draft = asyncio.run(
        create_draft(
            request(),
            settings=settings,
            registry=BrandRegistry(settings),
            store=Storage(settings.resolved_database_url),
        )
    )
    elapsed = time.perf_counter() - started
    listener.close()
    assert elapsed < 4.0 + 1.0
    assert draft.fallback and draft.model == "crisisdraft/composer"
