"""Hybrid search over real embedded Chroma: isolation, filters, hits, errors."""

from __future__ import annotations

from typing import Any

import pytest

from drafting.errors import InvalidInputError, NotFoundError
from knowledge.ingest import ingest_pack
from knowledge.retrieval import Retriever, search
from tests.knowledge.conftest import ITALIAN_POSTS, build_pack, reply_record

ACME_GUIDES = {
    "voice.md": "# Voice\n\n## Apologies\n\nSay sorry once and plainly; never 'sorry if'.\n\n"
    "## Delays\n\nGive the next update time, e.g. 'next update by 14:00 CET'.\n",
    "compensation.md": "# Compensation\n\nVouchers up to 20 euros need no approval. Never "
    "promise a refund in public.\n",
}
ZEPHYR_GUIDES = {"voice.md": "# Zephyr voice\n\nWe are the zeppelin airline: calm and brief.\n"}


def acme_replies(real_posts: list[str]) -> list[dict[str, Any]]:
    replies = [
        reply_record(
            "a-it-1",
            ITALIAN_POSTS[0],
            "Ci dispiace! Controlliamo subito il tracking.",
            language="it",
        ),
        reply_record(
            "a-it-2",
            ITALIAN_POSTS[1],
            "Che peccato, ti mandiamo un vetro nuovo.",
            language="it",
            category="product_defect",
            kind="apology",
            channel="instagram",
        ),
        reply_record(
            "a-en-1",
            "Parcel late again, third time this month!",
            "That's not good enough, sorry. Your parcel leaves today.",
            kind="apology",
            incident_id="INC-3",
        ),
        reply_record(
            "a-en-2",
            "I was charged twice for order VX-4471-Q",
            "Sorry about that: the duplicate charge is refunded today.",
            category="billing",
            channel="email",
        ),
    ]
    # Real customer-care posts as more history (loaded at run time, never copied).
    replies += [
        reply_record(f"real-{i}", text, "Thanks, we're on it.")
        for i, text in enumerate(real_posts[:12])
    ]
    return replies


@pytest.fixture
def two_brands(kb_settings: Any, real_posts: list[str]) -> Any:
    ingest_pack(
        build_pack("acme", guidelines=ACME_GUIDES, replies=acme_replies(real_posts)),
        settings=kb_settings,
    )
    ingest_pack(
        build_pack(
            "zephyr",
            guidelines=ZEPHYR_GUIDES,
            replies=[
                reply_record(
                    "z-1",
                    "My zeppelin flight was cancelled, parcel of luggage lost",
                    "We're sorry, your luggage is on its way.",
                )
            ],
        ),
        settings=kb_settings,
    )
    return kb_settings


def test_a_brand_never_sees_another_brands_items(two_brands: Any) -> None:
    hits = search("zephyr", "parcel late again third time", k=20, settings=two_brands)
    assert {h.id for h in hits} and all(
        h.metadata.get("reply_id", "z").startswith("z") for h in hits
    )
    assert all("VX-4471" not in h.text for h in hits)
    hits = search("acme", "zeppelin airline", k=20, settings=two_brands)
    assert all("zeppelin" not in h.text.lower() for h in hits)


def test_results_are_ranked_hybrid_hits(two_brands: Any) -> None:
    hits = search("acme", "my parcel is late again", settings=two_brands)
    assert 1 <= len(hits) <= 8
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    top = hits[0]
    assert top.metadata["reply_id"] == "a-en-1" and top.source == "approved_reply"
    assert top.dense_score is not None and -1.0 <= top.dense_score <= 1.0
    assert top.lexical_score is not None and top.lexical_score > 0
    assert top.metadata == {
        "reply_id": "a-en-1",
        "reply": "That's not good enough, sorry. Your parcel leaves today.",
        "channel": "x",
        "category": "delivery",
        "kind": "apology",
        "language": "en",
        "approved_by": "Test Reviewer",
        "approved_at": "2025-11-03T09:30:00+00:00",
        "incident_id": "INC-3",
    }


def test_hits_show_what_the_store_holds_after_a_reingest(
    two_brands: Any, real_posts: list[str]
) -> None:
    # Hits are read from the brand index's copy of each item: a re-ingest that changes a
    # reply must show the new text, and a removed reply must be gone, on the next search.
    before = search("acme", "VX-4471-Q", k=1, settings=two_brands)[0]
    assert before.metadata["reply"] == "Sorry about that: the duplicate charge is refunded today."
    replies = [r for r in acme_replies(real_posts) if r["id"] != "a-en-1"]
    for r in replies:
        if r["id"] == "a-en-2":
            r["reply"] = "Sorry: the second charge is cancelled and back on your card today."
    ingest_pack(build_pack("acme", guidelines=ACME_GUIDES, replies=replies), settings=two_brands)
    after = search("acme", "VX-4471-Q", k=1, settings=two_brands)[0]
    assert after.metadata["reply_id"] == "a-en-2"
    assert after.metadata["reply"].startswith("Sorry: the second charge is cancelled")
    ids = {h.metadata.get("reply_id") for h in search("acme", "parcel late", settings=two_brands)}
    assert "a-en-1" not in ids


def test_guideline_hits_say_where_they_come_from(two_brands: Any) -> None:
    hits = search("acme", "how do we say sorry", kinds=["guideline"], settings=two_brands)
    assert hits and all(h.source == "guideline" for h in hits)
    assert hits[0].metadata == {
        "path": "guidelines/voice.md",
        "title": "Voice",
        "header_path": "Voice > Apologies",
    }


def test_exact_codes_are_found_by_the_lexical_arm(two_brands: Any) -> None:
    hit = search("acme", "VX-4471-Q", k=1, settings=two_brands)[0]
    assert hit.metadata["reply_id"] == "a-en-2" and hit.lexical_score is not None


@pytest.mark.parametrize(
    ("where", "kinds", "check"),
    [
        ({"language": "it"}, None, lambda h: h.metadata["language"] == "it"),
        (
            {"channel": ["email", "instagram"]},
            None,
            lambda h: h.metadata["channel"] in ("email", "instagram"),
        ),
        (
            {"kind": "apology", "category": "delivery"},
            ["approved_reply"],
            lambda h: (h.metadata["kind"], h.metadata["category"]) == ("apology", "delivery"),
        ),
        (None, ["guideline"], lambda h: h.source == "guideline"),
    ],
)
def test_filters_apply_to_both_arms(two_brands: Any, where: Any, kinds: Any, check: Any) -> None:
    hits = search(
        "acme",
        "order late refund broken glass tracking",
        k=20,
        where=where,
        kinds=kinds,
        settings=two_brands,
    )
    assert hits and all(check(h) for h in hits)


def test_filters_matching_nothing_return_nothing(two_brands: Any) -> None:
    assert search("acme", "parcel", where={"channel": "tiktok"}, settings=two_brands) == []


def test_unknown_brand_says_how_to_fix(kb_settings: Any) -> None:
    with pytest.raises(NotFoundError) as info:
        search("nope", "anything", settings=kb_settings)
    assert "crisisdraft brand load" in info.value.fix


@pytest.mark.parametrize(
    "kwargs",
    [
        {"query": "  "},
        {"k": 0},
        {"k": 51},
        {"kinds": ["faq"]},
        {"where": {"author": "x"}},
        {"where": {"channel": 3}},
    ],
)
def test_bad_arguments_are_refused(two_brands: Any, kwargs: dict[str, Any]) -> None:
    args = {"query": "parcel", **kwargs}
    with pytest.raises(InvalidInputError) as info:
        Retriever(two_brands).search("acme", args.pop("query"), **args)
    assert info.value.fix


class GatedEmbedder:
    """A fake at the model boundary: its first embedding waits for a signal, so a test can
    ask for the same query while that embedding is certainly still under way."""

    def __init__(self) -> None:
        import threading

        self.calls = 0
        self.started = threading.Event()
        self.release = threading.Event()

    def embed_one(self, text: str) -> Any:
        import numpy as np

        self.calls += 1
        self.started.set()
        if not self.release.wait(timeout=10):
            raise TimeoutError("the test never released the embedding")
        return np.full(384, len(text), dtype=np.float32)


def test_a_query_being_embedded_is_waited_for_not_embedded_twice(kb_settings: Any) -> None:
    from concurrent.futures import ThreadPoolExecutor

    gated = GatedEmbedder()
    retriever = Retriever(kb_settings, embedder=gated)  # type: ignore[arg-type]
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(retriever.query_vector, "my parcel is late")
        assert gated.started.wait(timeout=10)
        second = pool.submit(retriever.query_vector, "my parcel is late")
        gated.release.set()
        assert (first.result(timeout=10) == second.result(timeout=10)).all()
    assert gated.calls == 1
    assert retriever.query_vector("my parcel is late") is first.result()  # cached


def test_a_failed_embedding_is_not_cached(kb_settings: Any) -> None:
    class Failing:
        """A fake model that fails once, as a missing model file would."""

        calls = 0

        def embed_one(self, text: str) -> Any:
            import numpy as np

            self.calls += 1
            if self.calls == 1:
                raise RuntimeError("model file missing")
            return np.ones(384, dtype=np.float32)

    retriever = Retriever(kb_settings, embedder=Failing())  # type: ignore[arg-type]
    with pytest.raises(RuntimeError):
        retriever.query_vector("late")
    assert retriever.query_vector("late").shape == (384,)


def _stamp_as_another_process(settings: Any, brand_id: str, revision: str) -> None:
    """Change the brand's revision stamp behind this process's back, as another worker or the
    CLI does (through Chroma directly, not through knowledge.vectorstore, which counts this
    process's own writes)."""
    from knowledge.vectorstore import collection_name, get_client

    collection = get_client(settings).get_collection(collection_name(brand_id))
    collection.modify(metadata={**(collection.metadata or {}), "revision": revision})


def test_another_processs_change_is_seen_after_the_recheck_interval(two_brands: Any) -> None:
    import time

    settings = two_brands.model_copy(update={"knowledge_recheck_s": 0.3})
    retriever = Retriever(settings)
    before = retriever.brand("acme").index.revision
    _stamp_as_another_process(settings, "acme", "rev-from-another-worker")
    # Within the interval the handle (and the revision it carries) is trusted: no read.
    assert retriever.brand("acme").index.revision == before
    time.sleep(0.35)
    assert retriever.brand("acme").index.revision == "rev-from-another-worker"


def test_this_processs_own_change_is_seen_at_once(two_brands: Any, real_posts: list[str]) -> None:
    settings = two_brands.model_copy(update={"knowledge_recheck_s": 3600.0})
    retriever = Retriever(settings)

    def reply_ids() -> set[str]:
        hits = retriever.brand("acme").search("my parcel is late again", k=20)
        return {h.metadata.get("reply_id", "") for h in hits}

    before = retriever.brand("acme").index.revision
    assert "a-en-1" in reply_ids()
    replies = [r for r in acme_replies(real_posts) if r["id"] != "a-en-1"]
    ingest_pack(build_pack("acme", guidelines=ACME_GUIDES, replies=replies), settings=settings)
    assert retriever.brand("acme").index.revision != before
    assert "a-en-1" not in reply_ids()


def test_a_recheck_interval_of_zero_reads_the_revision_on_every_draft(two_brands: Any) -> None:
    settings = two_brands.model_copy(update={"knowledge_recheck_s": 0.0})
    retriever = Retriever(settings)
    retriever.brand("acme")
    _stamp_as_another_process(settings, "acme", "rev-now")
    assert retriever.brand("acme").index.revision == "rev-now"
