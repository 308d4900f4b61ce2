"""Drafts for an incident are grounded in its current facts only; in crisis mode, replies to posts
about it are linked to it and prefer its holding line. Real pipeline, checks and storage."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from drafting.access import Principal
from drafting.incidents.grounding import ground
from drafting.incidents.models import FactsCreate, IncidentCreate
from drafting.incidents.service import Incidents
from drafting.pipeline import check, create_draft, prepare
from drafting.schemas import DraftCreate, DraftPublic
from drafting.storage.repository import Storage
from knowledge.registry import BrandRegistry

LEAD = Principal("k_lead", "Lea", "lead", ("demo",))
POST = "My order is still 'processing' after three days, what is going on at your warehouse?"


@pytest.fixture
def world(demo_copy: Any) -> dict[str, Any]:
    storage = Storage(demo_copy.resolved_database_url)
    registry = BrandRegistry(demo_copy)
    return {
        "settings": demo_copy,
        "storage": storage,
        "registry": registry,
        "incidents": Incidents(storage, demo_copy, registry),
    }


def open_incident(world: dict[str, Any], **kw: Any) -> Any:
    facts = FactsCreate(
        known="orders aren't being packed right now",
        doing="we're working on it",
        customers_should="your order is safe, you don't need to do anything",
        next_update_at=datetime.now(UTC) + timedelta(minutes=40),
    )
    body = {
        "brand": "demo",
        "title": "Orders are not being packed",
        "severity": "high",
        "channels": ["facebook"],
        "facts": facts,
        **kw,
    }
    return world["incidents"].open(IncidentCreate(**body), LEAD)


def draft(world: dict[str, Any], **kw: Any) -> DraftPublic:
    req = DraftCreate(**{"brand": "demo", "channel": "facebook", "post": {"text": POST}, **kw})
    return asyncio.run(
        create_draft(
            req, settings=world["settings"], registry=world["registry"], store=world["storage"]
        )
    )


def test_an_update_stating_a_cause_time_or_compensation_not_in_the_facts_fails(
    world: dict[str, Any],
) -> None:
    incident = open_incident(world)
    req = DraftCreate(
        brand="demo",
        channel="facebook",
        kind="status_update",
        incident_id=incident.id,
        post={"text": POST},
    )
    grounding = ground(
        req, store=world["storage"], registry=world["registry"], settings=world["settings"]
    )
    prep = prepare(grounding.request, settings=world["settings"], registry=world["registry"])
    assert list(prep.request.facts) == incident.facts.statements
    said = " ".join(incident.facts.statements)
    before = check(f"{said} We're sorry. ^Team Verdello", prep)
    # Past approved replies (retrieved as sources) promise refunds for another incident: without
    # facts-only grounding, a refund in this update would pass.
    refund = (
        "Orders aren't being packed right now. We'll refund your shipping. We're working on it."
    )
    assert not check(refund, prep).failed("grounding.promise")
    grounding.apply(prep)
    assert prep.context["facts_only"] is True
    assert not [
        f.id
        for f in check(f"{said} We're sorry. ^Team Verdello", prep).failures
        if f.id.startswith("grounding.")
    ]
    assert before.verdict == "ok"
    unsupported = {
        "grounding.cause": "Orders aren't being packed right now due to a strike at our courier "
        "partner. We're working on it.",
        "grounding.datetime": "Orders aren't being packed right now. Packing restarts at 16:30. "
        "We're working on it.",
        "grounding.promise": refund,
    }
    for check_id, text in unsupported.items():
        report = check(text, prep)
        failed = [f for f in report.failures if f.id == check_id]
        assert failed and failed[0].severity == "block", (check_id, report.failures)
        assert report.verdict != "ok"


def test_incident_drafts_get_the_current_facts_merged_with_the_requests(
    world: dict[str, Any],
) -> None:
    incident = open_incident(world)
    first = draft(
        world,
        kind="status_update",
        incident_id=incident.id,
        facts=["Orders placed today are not affected."],
    )
    facts = [s.snippet for s in first.sources if s.source == "fact"]
    assert facts == [*incident.facts.statements, "Orders placed today are not affected."]
    assert incident.facts.statements[0] in first.text
    changed = world["incidents"].add_facts(
        incident.id,
        FactsCreate(known="packing has restarted, oldest orders first", status="monitoring"),
        LEAD,
    )
    second = draft(world, kind="status_update", incident_id=incident.id)
    assert [s.snippet for s in second.sources if s.source == "fact"] == changed.facts.statements
    assert "Packing has restarted, oldest orders first." in second.text
    assert world["incidents"].get(incident.id).drafts == 2


def test_crisis_mode_links_replies_about_the_incident_and_prefers_its_holding_line(
    world: dict[str, Any],
) -> None:
    line = (
        "We're sorry: orders aren't being packed right now and we're working on it. "
        "Your order is safe and you don't need to do anything."
    )
    incident = open_incident(
        world, keywords=["warehouse", "processing", "packed"], holding_line=line
    )
    reply = draft(world, channel="x", post={"text": POST, "author": "@ana"})
    assert reply.incident_id == incident.id
    assert any("Crisis mode" in n for n in reply.notes)
    assert line in [s.snippet for s in reply.sources if s.source == "fact"]
    # The built-in drafter reuses the line's sentences first for the moves a reply makes.
    assert "Your order is safe and you don't need to do anything." in reply.text
    unrelated = draft(world, channel="x", post={"text": "I love the new kettle, thanks!"})
    assert unrelated.incident_id is None
    world["incidents"].add_facts(
        incident.id, FactsCreate(known="all orders are packed again", status="resolved"), LEAD
    )
    after = draft(world, channel="x", post={"text": POST})
    assert after.incident_id is None  # no crisis mode: no automatic link


def test_an_unknown_incident_id_keeps_the_requests_facts(world: dict[str, Any]) -> None:
    result = draft(
        world,
        kind="status_update",
        incident_id="INC-2026-77",
        facts=["Orders aren't being packed right now."],
    )
    assert [s.snippet for s in result.sources if s.source == "fact"] == [
        "Orders aren't being packed right now."
    ]
    assert any("not recorded" in n for n in result.notes)
