"""The pure rules: update cadence, fact sentences, crisis matching, measures, signatures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from drafting.incidents.cadence import minutes_overdue, next_update_due, promised_at
from drafting.incidents.crisis import about, best_match, current_holding_line, strip_line
from drafting.incidents.facts import statements, update_time
from drafting.incidents.measures import changed_share, percentile, word_edits
from drafting.incidents.signing import SignatureError, sign, verify
from drafting.storage.incidents import PostedUpdate
from drafting.storage.tables import IncidentRow

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def due(**kw: object) -> datetime | None:
    args: dict[str, object] = {
        "opened_at": T0,
        "status": "investigating",
        "cadence_minutes": 60,
        "first_update_minutes": 30,
        "promised": None,
        "updates": [],
    }
    args.update(kw)
    return next_update_due(**args)  # type: ignore[arg-type]


def test_first_update_is_due_within_the_approval_target() -> None:
    assert due() == T0 + timedelta(minutes=30)


def test_then_a_cadence_after_the_last_posted_update() -> None:
    assert due(updates=[T0 + timedelta(minutes=10)]) == T0 + timedelta(minutes=70)


def test_a_promised_time_later_than_the_last_update_is_due() -> None:
    promised = T0 + timedelta(minutes=45)
    assert due(promised=promised, updates=[T0 + timedelta(minutes=10)]) == promised
    # Once an update went out after the promised time, the cadence applies again.
    assert due(promised=promised, updates=[T0 + timedelta(minutes=50)]) == T0 + timedelta(
        minutes=110
    )


def test_resolved_owes_nothing_and_overdue_is_measured_in_minutes() -> None:
    assert due(status="resolved") is None
    assert minutes_overdue(T0, T0 + timedelta(minutes=12, seconds=30)) == 12.5
    assert minutes_overdue(T0, T0) is None
    assert promised_at([T0, None, T0 + timedelta(hours=1), None]) == T0 + timedelta(hours=1)


def test_fact_sentences_carry_the_next_update_time_in_the_incident_zone() -> None:
    now = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    said = statements(
        known="card payments fail at checkout",
        doing="we're working on it",
        customers_should="don't retry a payment",
        next_update_at=datetime(2026, 11, 26, 13, 0, tzinfo=UTC),
        zone="Europe/Rome",
        now=now,
    )
    assert said == [
        "Card payments fail at checkout.",
        "We're working on it.",
        "Don't retry a payment. Next update by 14:00 CET.",
    ]
    assert statements(
        known="x", doing="", customers_should="", next_update_at=None, zone="UTC", now=now
    ) == ["X."]
    assert update_time(now + timedelta(days=1), "UTC", now) == "tomorrow 12:00 UTC"
    assert update_time(now + timedelta(days=3), "UTC", now) == "29 Nov 12:00 UTC"


def incident(**kw: object) -> IncidentRow:
    values: dict[str, object] = {
        "id": "inc_1",
        "brand": "demo",
        "title": "Card payments failing",
        "severity": "high",
        "status": "investigating",
        "keywords": [],
        "holding_line": None,
        "opened_at": T0,
    }
    values.update(kw)
    return IncidentRow(**values)


def test_posts_about_an_incident_by_keyword_or_two_title_words() -> None:
    by_keyword = incident(keywords=["payment", "checkout"])
    assert about("My PAYMENTS keep failing", by_keyword) == 1
    assert about("Where is my parcel?", by_keyword) == 0
    by_title = incident()
    assert about("card payments are failing again", by_title) == 3
    assert about("my card is lost", by_title) == 0  # one title word is not enough
    newer = incident(
        id="inc_2", keywords=["payment"], severity="critical", opened_at=T0 + timedelta(hours=1)
    )
    assert best_match("payment failed", [by_keyword, newer]) is newer
    assert best_match("payment failed", [incident(status="resolved", keywords=["payment"])]) is None


def test_holding_line_is_the_leads_or_the_last_posted_update() -> None:
    posted = [
        PostedUpdate(
            "d1",
            "holding_statement",
            "x",
            "approved",
            "@ana @bo We're on it. Next update by 10:00 UTC. ^Team Verdello",
            T0,
            None,
        )
    ]
    assert (
        strip_line(posted[0].text, ["^Team Verdello"]) == "We're on it. Next update by 10:00 UTC."
    )
    assert (
        current_holding_line(incident(), posted, ["^Team Verdello"])
        == "We're on it. Next update by 10:00 UTC."
    )
    assert current_holding_line(incident(holding_line="Our line."), posted) == "Our line."
    assert current_holding_line(incident(), []) is None


def test_measures() -> None:
    assert percentile([], 0.5) is None
    assert percentile([1, 2, 3, 4], 0.5) == 2.5
    assert percentile([10, 20, 30, 40, 50], 0.9) == 46.0
    assert word_edits("we are sorry for the wait", "we are so sorry for the long wait") == 2
    assert changed_share("a b c d", "a b c d") == 0.0
    assert word_edits("x " * 1000, "y " * 1000) == 1000  # the long-text estimate


def test_signatures_verify_and_refuse_tampering_replay_and_absence() -> None:
    body = b'{"brand":"demo"}'
    header = sign("s3cret", body, timestamp=1_800_000_000)
    verify("s3cret", body, header, tolerance_s=300, now=1_800_000_100)
    bad = [
        (body + b" ", header, "does not match"),
        (body, sign("other", body, timestamp=1_800_000_000), "does not match"),
        (body, header, "s old"),  # replayed later
        (body, None, "no X-Crisisdraft-Signature"),
        (body, "v1=abc", "no valid t="),
    ]
    for i, (given, head, message) in enumerate(bad):
        now = 1_800_000_000 + (1000 if i == 2 else 0)
        with pytest.raises(SignatureError, match=message) as info:
            verify("s3cret", given, head, tolerance_s=300, now=now)
        assert info.value.fix
