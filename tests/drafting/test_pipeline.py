"""drafting.pipeline: what the checks of a draft may rest on. Real retrieval over the demo
brand, real checks."""

from __future__ import annotations

from typing import Any

from drafting.pipeline import check, prepare
from drafting.schemas import DraftCreate
from knowledge.registry import BrandRegistry

POST = "You charged my card twice this morning!"
# Said, in these words, by the demo brand's approved replies during the duplicate-payment
# incident INC-2025-07 (ar-0018), and nowhere else.
DRAFT = (
    "Sorry about the double payment. Any duplicate payment will be refunded. "
    "Next update by 11:00 CET. ^Team Verdello"
)


def test_a_reply_from_another_incident_grounds_nothing_in_this_draft(demo_copy: Any) -> None:
    registry = BrandRegistry(demo_copy)

    def grounding_findings(incident_id: str | None) -> set[str]:
        req = DraftCreate(brand="demo", channel="x", post={"text": POST}, incident_id=incident_id)
        prep = prepare(req, settings=demo_copy, registry=registry)
        assert any("11:00 CET" in s.snippet for s in prep.sources)  # retrieved all the same
        report = check(DRAFT, prep)
        return {f.id for f in report.findings if not f.passed and f.id.startswith("grounding.")}

    assert grounding_findings(None) == {"grounding.datetime"}
    assert grounding_findings("INC-2025-03") == {"grounding.datetime"}
    assert grounding_findings("INC-2025-07") == set()


def test_the_composer_knows_whether_the_brand_has_answered_this_customer(demo_copy: Any) -> None:
    registry = BrandRegistry(demo_copy)

    def first_contact(kind: str, thread: list[dict[str, Any]]) -> bool:
        req = DraftCreate(brand="demo", channel="x", kind=kind, post={"text": POST}, thread=thread)
        return bool(prepare(req, settings=demo_copy, registry=registry).context["first_contact"])

    earlier = {"text": "My card was charged twice.", "from_brand": False}
    answered = {"text": "Sorry, we're checking it now.", "from_brand": True}
    assert first_contact("reply", [earlier])  # no "sorry again" yet
    assert not first_contact("reply", [earlier, answered])
    assert not first_contact("dm_followup", [])
