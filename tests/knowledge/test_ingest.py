"""Ingesting packs into real embedded Chroma: idempotent, replacing, removing, flowing back."""

from __future__ import annotations

from typing import Any

import pytest

from knowledge.ingest import add_approved_reply, delete_brand, ingest_pack, sync_items
from knowledge.retrieval import search
from knowledge.vectorstore import get_client, open_collection, revision_of
from tests.knowledge.conftest import build_pack, reply_record

GUIDELINES = {
    "voice.md": "# Voice\n\n## Do\n\nUse the customer's first name. Keep it short.\n\n"
    "## Don't\n\nNever blame the courier or the customer.\n",
    "refunds.md": "# Refunds\n\nRefunds reach the card within 5 business days. Vouchers up to "
    "20 euros need no approval.\n",
}
REPLIES = [
    reply_record(
        "r1",
        "My parcel is three days late and tracking has not moved.",
        "Sorry Ann, that's not the wait we promised. DM us your order number?",
    ),
    reply_record(
        "r2",
        "Il frullatore è arrivato con il vetro rotto.",
        "Ci dispiace davvero! Ti mandiamo subito un vetro nuovo.",
        language="it",
        category="product_defect",
        kind="apology",
        channel="instagram",
    ),
    reply_record(
        "r3",
        "You charged me twice for order 4512!",
        "We're sorry: the second charge is being refunded today.",
        category="billing",
        kind="apology",
        channel="email",
        incident_id="INC-7",
    ),
]


def demo_pack(
    replies: list[dict[str, Any]] | None = None, guidelines: dict[str, str] | None = None
) -> Any:
    return build_pack(
        "acme", guidelines=guidelines or GUIDELINES, replies=REPLIES if replies is None else replies
    )


def test_first_ingest_adds_every_chunk_and_reply(kb_settings: Any) -> None:
    report = ingest_pack(demo_pack(), settings=kb_settings)
    collection = open_collection(get_client(kb_settings), "acme")
    assert report.added == collection.count() >= len(REPLIES) + 3
    assert report.removed == 0 and report.unchanged == 0


def test_unchanged_pack_does_no_work(kb_settings: Any, embedder: Any) -> None:
    ingest_pack(demo_pack(), settings=kb_settings, embedder=embedder)
    revision = revision_of(open_collection(get_client(kb_settings), "acme"))
    before = embedder.texts_embedded
    report = ingest_pack(demo_pack(), settings=kb_settings, embedder=embedder)
    assert (report.added, report.removed) == (0, 0) and report.unchanged > 0
    assert embedder.texts_embedded == before  # nothing was embedded
    assert revision_of(open_collection(get_client(kb_settings), "acme")) == revision


def test_changed_document_replaces_its_chunks(kb_settings: Any) -> None:
    ingest_pack(demo_pack(), settings=kb_settings)
    changed = dict(
        GUIDELINES,
        **{
            "refunds.md": "# Refunds\n\nRefunds reach the card within "
            "10 business days via the kangaroo payment bridge.\n"
        },
    )
    report = ingest_pack(demo_pack(guidelines=changed), settings=kb_settings)
    assert report.added == 1 and report.removed == 1
    hits = search("acme", "kangaroo payment bridge", kinds=["guideline"], settings=kb_settings)
    assert "kangaroo" in hits[0].text
    assert all("5 business days" not in h.text for h in hits)


class RecordingCollection:
    """A spy around a real Chroma collection: logs write calls, then passes them through."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.calls: list[str] = []

    def add(self, **kwargs: Any) -> None:
        self.calls.append("add")
        self.real.add(**kwargs)

    def delete(self, **kwargs: Any) -> None:
        self.calls.append("delete")
        self.real.delete(**kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def test_new_chunks_are_added_before_old_ones_are_deleted(kb_settings: Any, embedder: Any) -> None:
    from knowledge.ingest import pack_items

    ingest_pack(demo_pack(), settings=kb_settings)
    changed = dict(GUIDELINES, **{"voice.md": "# Voice\n\nShort, warm, specific.\n"})
    spy = RecordingCollection(open_collection(get_client(kb_settings), "acme"))
    added, removed, _ = sync_items(
        spy,
        pack_items(demo_pack(guidelines=changed), chunk_tokens=kb_settings.chunk_tokens),
        embedder.embed,
    )
    assert added >= 1 and removed >= 1
    assert spy.calls == ["add", "delete"]


def test_removed_reply_is_removed(kb_settings: Any) -> None:
    ingest_pack(demo_pack(), settings=kb_settings)
    report = ingest_pack(demo_pack(replies=REPLIES[:2]), settings=kb_settings)
    assert (report.added, report.removed) == (0, 1)
    hits = search("acme", "charged twice", kinds=["approved_reply"], settings=kb_settings)
    assert all(h.metadata["reply_id"] != "r3" for h in hits)


def test_same_text_under_a_new_id_reuses_its_vector(kb_settings: Any, embedder: Any) -> None:
    ingest_pack(demo_pack(), settings=kb_settings, embedder=embedder)
    renamed = {
        ("tone.md" if name == "voice.md" else name): text for name, text in GUIDELINES.items()
    }
    before = embedder.texts_embedded
    report = ingest_pack(demo_pack(guidelines=renamed), settings=kb_settings, embedder=embedder)
    assert report.added > 0 and report.removed == report.added
    assert embedder.texts_embedded == before
    hits = search("acme", "blame the courier", kinds=["guideline"], settings=kb_settings)
    assert hits[0].metadata["path"] == "guidelines/tone.md"


def test_approved_reply_flows_back_and_replaces_by_id(kb_settings: Any, embedder: Any) -> None:
    from knowledge.brandpack import ApprovedReply

    ingest_pack(demo_pack(), settings=kb_settings, embedder=embedder)
    new = ApprovedReply.model_validate(
        reply_record(
            "rv-42",
            "The wardrobe arrived without the aardvark-shaped handles.",
            "Sorry! The handles ship today.",
            draft_id="d-42",
            category="product_defect",
        )
    )
    report = add_approved_reply("acme", new, settings=kb_settings, embedder=embedder)
    assert (report.added, report.removed) == (1, 0)
    hit = search("acme", "aardvark-shaped handles", k=1, settings=kb_settings)[0]
    assert hit.metadata["reply_id"] == "rv-42" and hit.metadata["draft_id"] == "d-42"

    edited = new.model_copy(update={"reply": "Sorry! New handles ship today, tracked."})
    before = embedder.texts_embedded
    report = add_approved_reply("acme", edited, settings=kb_settings, embedder=embedder)
    assert (report.added, report.removed) == (1, 1)
    assert embedder.texts_embedded == before  # same incoming post: vector reused
    hits = search("acme", "aardvark-shaped handles", settings=kb_settings)
    assert [h.metadata["reply"] for h in hits if h.metadata.get("reply_id") == "rv-42"] == [
        "Sorry! New handles ship today, tracked."
    ]


def test_flow_back_to_an_unknown_brand_is_not_found(kb_settings: Any) -> None:
    from drafting.errors import NotFoundError
    from knowledge.brandpack import ApprovedReply

    reply = ApprovedReply.model_validate(reply_record("x1", "post", "reply"))
    with pytest.raises(NotFoundError):
        add_approved_reply("nobody", reply, settings=kb_settings)


def test_delete_brand(kb_settings: Any) -> None:
    from drafting.errors import NotFoundError

    ingest_pack(demo_pack(), settings=kb_settings)
    assert search("acme", "refunds", settings=kb_settings)
    assert delete_brand("acme", settings=kb_settings) is True
    with pytest.raises(NotFoundError):
        search("acme", "refunds", settings=kb_settings)
    assert delete_brand("acme", settings=kb_settings) is False


def test_flowed_back_replies_survive_a_pack_reload(kb_settings: Any) -> None:
    from knowledge.brandpack import ApprovedReply

    ingest_pack(demo_pack(), settings=kb_settings)
    record = reply_record("rv-7", "The quokka lamp flickers", "Sorry! A new bulb ships today.")
    add_approved_reply("acme", ApprovedReply.model_validate(record), settings=kb_settings)
    changed = dict(GUIDELINES, **{"voice.md": "# Voice\n\nShort, warm, specific.\n"})
    report = ingest_pack(demo_pack(guidelines=changed), settings=kb_settings)
    assert report.removed >= 1  # the old voice chunks, not the flowed-back reply
    hits = search("acme", "quokka lamp", k=3, settings=kb_settings)
    assert hits[0].metadata["reply_id"] == "rv-7"
    # Once the team puts that reply into the pack, the pack's version replaces it.
    promoted = reply_record("rv-7", "The quokka lamp flickers", "Sorry! New bulbs ship today.")
    report = ingest_pack(
        demo_pack(replies=[*REPLIES, promoted], guidelines=changed), settings=kb_settings
    )
    assert (report.added, report.removed) == (1, 1)
    hits = [
        h
        for h in search("acme", "quokka lamp", k=8, settings=kb_settings)
        if h.metadata.get("reply_id") == "rv-7"
    ]
    assert [h.metadata["reply"] for h in hits] == ["Sorry! New bulbs ship today."]
