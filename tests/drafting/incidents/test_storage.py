"""Incidents, crisis mode, the webhook outbox, mentions and alerts on SQLite and PostgreSQL."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from drafting.access import Principal
from drafting.config import Settings
from drafting.errors import ConflictError, NotFoundError
from drafting.incidents.models import FactsCreate, IncidentCreate, IncidentUpdate
from drafting.incidents.service import Incidents
from drafting.incidents.spikes import check_spike
from drafting.storage.engine import make_engine, upgrade
from drafting.storage.incidents import new_id
from drafting.storage.mentions import MentionStore
from drafting.storage.repository import Storage
from drafting.storage.tables import Base, MentionRow

LEAD = Principal("k_lead", "Lea", "lead", ("demo",))
OTHER = Principal("k_other", "Oz", "lead", ("other",))


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(
        _env_file=None,
        data_dir=tmp_path,
        database_url=database_url,  # type: ignore[call-arg]
        webhook_url="http://127.0.0.1:9/hook",
        webhook_secret="s3cret",
        mention_spike_threshold=3,
        mention_window_minutes=15,
    )


@pytest.fixture
def incidents(settings: Settings) -> Incidents:
    # No brand registry: the default 15/30-minute targets apply.
    return Incidents(Storage(settings.resolved_database_url), settings)


def opened(incidents: Incidents, severity: str = "high", **kw: Any) -> str:
    body = IncidentCreate(
        brand="demo",
        title="Checkout down",
        severity=severity,  # type: ignore[arg-type]
        **kw,
    )
    return incidents.open(body, LEAD).id


def test_migration_0002_matches_the_tables_and_downgrades(database_url: str) -> None:
    from alembic import command
    from alembic.config import Config

    from drafting.storage.engine import MIGRATIONS

    engine = make_engine(database_url)
    upgrade(engine)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
        assert {
            "incidents",
            "incident_facts",
            "mentions",
            "alerts",
            "brand_states",
            "webhook_deliveries",
        } <= set(inspect(connection).get_table_names())
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    with engine.connect() as connection:
        assert "incidents" not in inspect(connection).get_table_names()
    upgrade(engine)
    engine.dispose()


def test_crisis_mode_changes_are_recorded_with_their_webhook(incidents: Incidents) -> None:
    store = incidents.store
    low = opened(incidents, "low")
    assert not store.brand_state("demo").crisis_mode  # type: ignore[union-attr]
    high = opened(incidents, "high", facts=FactsCreate(known="Checkout is down."))
    state = store.brand_state("demo")
    assert state is not None and state.crisis_mode and state.incident_ids == [high]
    incidents.add_facts(high, FactsCreate(known="Checkout works again.", status="resolved"), LEAD)
    assert not store.brand_state("demo").crisis_mode  # type: ignore[union-attr]
    events = [(d.event, d.payload["data"]["crisis_mode"], d.status) for d in store.deliveries()]
    assert events == [
        ("brand.crisis_mode", True, "pending"),
        ("brand.crisis_mode", False, "pending"),
    ]
    record = store.record(high)
    assert record.row.status == "resolved" and record.row.resolved_at is not None
    assert [f.status for f in record.facts] == ["investigating", "resolved"]
    assert [e.kind for e in store.events(high)] == [
        "opened",
        "crisis_mode",
        "status",
        "crisis_mode",
    ]
    assert store.record(low).row.status == "investigating"


def test_parallel_openings_announce_crisis_mode_once(incidents: Incidents) -> None:
    with ThreadPoolExecutor(6) as pool:
        ids = list(pool.map(lambda _: opened(incidents, "critical"), range(6)))
    deliveries = incidents.store.deliveries()
    assert len(set(ids)) == 6
    assert [d.payload["data"]["crisis_mode"] for d in deliveries] == [True]
    assert sorted(incidents.store.brand_state("demo").incident_ids) == sorted(ids)  # type: ignore[union-attr]


def test_stale_version_conflicts_and_other_brands_see_nothing(incidents: Incidents) -> None:
    incident_id = opened(incidents)
    changed = incidents.update(
        incident_id, IncidentUpdate(severity="critical", expected_version=1), LEAD
    )
    assert changed.version == 2 and changed.severity == "critical"
    with pytest.raises(ConflictError) as info:
        incidents.update(incident_id, IncidentUpdate(status="identified", expected_version=1), LEAD)
    assert info.value.context["current_version"] == 2
    with pytest.raises(NotFoundError):
        incidents.get(incident_id, OTHER)
    with pytest.raises(NotFoundError):
        incidents.add_facts(incident_id, FactsCreate(known="x"), OTHER)


def mention(
    text: str,
    *,
    sentiment: str = "negative",
    external_id: str | None = None,
    at: datetime | None = None,
) -> MentionRow:
    now = at or datetime.now(UTC)
    return MentionRow(
        id=new_id("m", 20),
        brand="demo",
        channel="x",
        external_id=external_id,
        text=text,
        author=None,
        url=None,
        posted_at=now,
        received_at=now,
        source="key",
        triage={},
        sentiment=sentiment,
        sentiment_score=-0.5,
        severity="low",
        category="other",
        incident_id=None,
    )


def test_mentions_are_stored_once_per_external_id(settings: Settings) -> None:
    store = MentionStore(Storage(settings.resolved_database_url))
    first, duplicates = store.add([mention("a", external_id="t1"), mention("b")])
    assert duplicates == 0
    again, duplicates = store.add(
        [mention("a again", external_id="t1"), mention("a twice", external_id="t1"), mention("c")]
    )
    assert duplicates == 2
    assert again[0].id == again[1].id == first[0].id and again[0].text == "a"
    assert len(store.find(brands=["demo"])) == 3


def test_a_spike_raises_one_alert_per_window(settings: Settings) -> None:
    store = MentionStore(Storage(settings.resolved_database_url))
    now = datetime.now(UTC)
    store.add(
        [
            mention("old", at=now - timedelta(hours=2)),
            *[mention(f"bad {i}", at=now - timedelta(minutes=i)) for i in range(2)],
        ]
    )
    assert check_spike(store, "demo", now, settings) is None  # 2 < threshold 3
    store.add([mention("bad 3", at=now)])
    alert = check_spike(store, "demo", now, settings)
    assert alert is not None and alert.count == 3 and alert.baseline == 0.04  # 1 per 24 windows
    store.add([mention(f"worse {i}") for i in range(5)])
    assert check_spike(store, "demo", datetime.now(UTC), settings) is None  # one open alert
    assert [d.event for d in store.incidents.deliveries()] == ["alert.raised"]
