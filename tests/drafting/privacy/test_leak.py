"""No personal data in the request a remote model receives: redacted posts go through litellm
to a local capture server (tests/capture_server.py), and the captured bodies are searched for
every known personal value."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import pytest

from drafting.privacy import Redactor
from drafting.privacy.measure import (
    OWN_TEMPLATES,
    fill,
    leaked,
    load_labels,
    load_posts,
    oracle_values,
)
from tests.capture_server import DEFAULT_REPLY, Captured, capture_server
from tests.conftest import REPO, TWITTER_DIR

SYSTEM = "You draft customer-care replies. Placeholders like <NAME_1> stand for personal data."


@pytest.fixture(scope="module")
def litellm() -> Any:
    from drafting.llm import litellm_module

    return litellm_module()


def send(litellm: Any, base_url: str, jobs: list[tuple[str, str]]) -> None:
    """One chat request per (sample id, user text), a few at a time."""

    async def run() -> None:
        limit = asyncio.Semaphore(8)

        async def one(sample_id: str, text: str) -> None:
            async with limit:
                await litellm.acompletion(
                    model="openai/capture",
                    api_base=base_url,
                    api_key="none",
                    messages=[
                        {"role": "system", "content": SYSTEM},
                        {"role": "user", "content": text},
                    ],
                    extra_headers={"X-Sample": sample_id},
                    timeout=20,
                )

        await asyncio.gather(*(one(i, t) for i, t in jobs))

    asyncio.run(run())


def by_sample(captured: list[Captured]) -> dict[str, str]:
    return {c.headers["x-sample"]: c.text() for c in captured}


def test_the_capture_server_sees_what_litellm_sends(litellm: Any) -> None:
    with capture_server() as (base_url, captured):
        response = litellm.completion(
            model="openai/capture",
            api_base=base_url,
            api_key="none",
            messages=[{"role": "user", "content": "unredacted: anna.rossi@example.com"}],
            timeout=10,
        )
        stream = litellm.completion(
            model="openai/capture",
            api_base=base_url,
            api_key="none",
            messages=[{"role": "user", "content": "hello"}],
            stream=True,
            timeout=10,
        )
        streamed = "".join(chunk.choices[0].delta.content or "" for chunk in stream)
    assert response.choices[0].message.content == DEFAULT_REPLY == streamed
    assert json.loads(DEFAULT_REPLY)["text"] == "We're sorry. Please DM us."
    assert [c.path for c in captured] == ["/v1/chat/completions"] * 2
    assert "anna.rossi@example.com" in captured[0].raw  # an unredacted value is caught
    assert leaked_count(captured[0].text(), ["anna.rossi@example.com"]) == 1


def leaked_count(sent: str, values: list[str]) -> int:
    return sum(1 for v in values if v in sent)


def test_no_template_value_reaches_the_model(litellm: Any, order_pattern: str) -> None:
    samples = fill(OWN_TEMPLATES, per_template=1, seed=3)
    jobs = [
        (str(i), Redactor(order_number_pattern=order_pattern).redact(s.text))
        for i, s in enumerate(samples)
    ]
    with capture_server() as (base_url, captured):
        send(litellm, base_url, jobs)
    sent = by_sample(captured)
    assert len(sent) == len(samples) == 2 * len(OWN_TEMPLATES)
    values = [(s, g) for s in samples for g in s.gold]
    assert len(values) > 100
    leaks = [
        (g.tag, g.value)
        for s, g in values
        if leaked(g, sent[str(samples.index(s))], original=s.text, prompt=SYSTEM)
    ]
    assert leaks == []


def test_no_personal_value_of_the_real_posts_reaches_the_model(
    litellm: Any, make_redactor: Callable[[], Redactor]
) -> None:
    labels = load_labels(REPO / "tests" / "data" / "redaction_labels.jsonl")
    posts = load_posts(TWITTER_DIR)
    wanted = {
        p.conversation
        for p in posts
        if labels.get(p.tweet_id, {}).get("email") or labels.get(p.tweet_id, {}).get("phone")
    }
    conversations = sorted(wanted | set(range(40)))  # the labelled ones and a few more
    jobs: list[tuple[str, str]] = []
    oracle: dict[str, list[str]] = {}
    found: dict[str, set[str]] = {}
    for n in conversations:
        convo = [p for p in posts if p.conversation == n]
        redactor = make_redactor()  # one per draft: the post and its thread
        jobs.append((str(n), "\n".join(redactor.redact(p.text) for p in convo)))
        oracle[str(n)] = [
            v for p in convo if p.role == "client" for _, v in oracle_values(p, labels)
        ]
        found[str(n)] = redactor.values
    with capture_server() as (base_url, captured):
        send(litellm, base_url, jobs)
    sent = by_sample(captured)
    assert sum(len(v) for v in oracle.values()) == 5  # 4 e-mails and a phone, hand-labelled
    assert sum(leaked_count(sent[n], values) for n, values in oracle.items()) == 0
    assert sum(leaked_count(sent[n], sorted(values)) for n, values in found.items()) == 0


def test_a_private_reply_gets_the_values_back_locally(litellm: Any, redactor: Redactor) -> None:
    post = redactor.redact("Hi, I'm Giulia Ferri, order VD-1234567 is late. giulia@example.it")

    def reply(body: dict[str, Any]) -> str:  # a model that answers with the placeholders
        return json.dumps(
            {"text": "Ciao <NAME_1>, we're checking <ORDER_1> now.", "language": "en", "cited": []}
        )

    with capture_server(reply) as (base_url, captured):
        response = litellm.completion(
            model="openai/capture",
            api_base=base_url,
            api_key="none",
            messages=[{"role": "user", "content": post}],
            timeout=10,
        )
    assert "Giulia" not in captured[0].raw and "VD-1234567" not in captured[0].raw
    text = json.loads(response.choices[0].message.content)["text"]
    assert redactor.restore(text) == "Ciao Giulia Ferri, we're checking VD-1234567 now."
