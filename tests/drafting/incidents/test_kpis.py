"""KPI arithmetic on hand-made activity, the Prometheus exposition, and webhook delivery."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from drafting.access import Principal
from drafting.config import Settings
from drafting.incidents.kpis import auto_bucket, compute
from drafting.incidents.metrics import exposition
from drafting.incidents.models import IncidentCreate, IncidentUpdate
from drafting.incidents.service import Incidents
from drafting.incidents.signing import verify
from drafting.incidents.webhooks import MAX_ATTEMPTS, deliver_pending
from drafting.storage.activity import DecisionActivity, DraftActivity, MentionActivity, post_key
from drafting.storage.repository import Storage
from tests.drafting.api.webhook_receiver import webhook_receiver

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
TARGETS = {"demo": {"first_draft_minutes": 15, "approval_minutes": 30}}


def activity(
    i: int,
    *,
    draft_min: float,
    approve_min: float | None,
    status: str,
    approved_text: str | None = None,
    checks: tuple[str, ...] = (),
    sentiment: str = "negative",
    text: str = "post",
) -> DraftActivity:
    received = T0 + timedelta(minutes=i)
    decisions = []
    if status == "rejected":
        decisions.append(
            DecisionActivity(
                "reject",
                "rev",
                "reviewer",
                "off-voice",
                None,
                False,
                received + timedelta(minutes=40),
            )
        )
    return DraftActivity(
        id=f"d{i}",
        brand="demo",
        kind="reply",
        channel="x",
        status=status,
        incident_id=None,
        post_text=text,
        post_key=post_key("@a", text),
        received_at=received,
        created_at=received + timedelta(minutes=draft_min),
        decided_at=received + timedelta(minutes=approve_min) if approve_min else None,
        sent_at=None,
        model_text="We are sorry for the wait. Please DM us.",
        approved_text=approved_text,
        cost_usd=0.002,
        prompt_tokens=100,
        completion_tokens=20,
        failed_checks=list(checks),
        sentiment=sentiment,
        sentiment_score=-0.5,
        decisions=decisions,
    )


def test_kpis_measure_targets_rates_edits_checks_and_volume() -> None:
    same = "We are sorry for the wait. Please DM us."
    drafts = [
        activity(0, draft_min=5, approve_min=20, status="approved", approved_text=same, text="one"),
        activity(
            1,
            draft_min=10,
            approve_min=40,
            status="sent",
            approved_text="We are so sorry for the long wait. Please DM us.",
            checks=("tone.blame_shift", "grounding.cause"),
            text="two",
        ),
        activity(
            2,
            draft_min=20,
            approve_min=None,
            status="rejected",
            checks=("tone.blame_shift",),
            text="three",
        ),
        activity(3, draft_min=1, approve_min=None, status="pending_review", text="four"),
    ]
    mentions = [  # "one" came as a mention too: counted once
        MentionActivity("demo", T0, "negative", -0.6, None, post_key("@a", "one")),
        MentionActivity(
            "demo", T0 + timedelta(minutes=70), "positive", 0.7, None, post_key("@b", "thanks")
        ),
    ]
    k = compute(
        drafts=drafts,
        mentions=mentions,
        incidents=[],
        targets=TARGETS,
        brands=["demo"],
        since=T0,
        until=T0 + timedelta(hours=2),
    )
    assert (k.volume.posts, k.volume.mentions, k.volume.drafts) == (5, 2, 4)
    assert (k.sentiment.negative, k.sentiment.positive, k.sentiment.negative_share) == (4, 1, 0.8)
    assert (k.first_draft.count, k.first_draft.within_target, k.first_draft.target_minutes) == (
        4,
        3,
        15,
    )
    assert k.first_draft.p50_minutes == 7.5 and k.first_draft.p90_minutes == 17.0
    assert (k.approval.count, k.approval.within_target, k.approval.p50_minutes) == (2, 1, 30.0)
    d = k.decisions
    assert (d.approved, d.sent, d.rejected, d.pending) == (2, 1, 1, 1)
    assert (d.approval_rate, d.rejection_rate, d.edit_rate) == (0.667, 0.333, 0.5)
    assert (k.edits.edited, k.edits.mean_word_edits) == (1, 2.0)
    assert [(c.id, c.count) for c in k.checks] == [("tone.blame_shift", 2), ("grounding.cause", 1)]
    assert k.usage.cost_usd == 0.008 and k.usage.prompt_tokens == 400
    assert k.bucket_minutes == auto_bucket(T0, T0 + timedelta(hours=2)) == 15
    assert sum(b.posts for b in k.series) == 5 and sum(b.approved for b in k.series) == 2
    assert (k.series[0].negative, k.series[4].positive) == (4, 1)  # 9:00 and 10:10


def test_metrics_are_valid_prometheus_text(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path)  # type: ignore[call-arg]
    incidents = Incidents(Storage(settings.resolved_database_url), settings)
    incidents.open(
        IncidentCreate(brand="demo", title='A "quoted"\nname', severity="critical"),
        Principal("k", "Lea", "lead", ("demo",)),
    )
    text = exposition(incidents, brands=["demo"])
    sample = re.compile(r'^[a-z_]+(\{([a-z_]+="([^"\\]|\\.)*",?)*\})? -?[0-9.e+]+$')
    for line in text.splitlines():
        assert line.startswith("# HELP ") or line.startswith("# TYPE ") or sample.match(line), line
    assert 'crisisdraft_crisis_mode{brand="demo"} 1' in text
    assert (
        'crisisdraft_incidents{brand="demo",status="investigating",severity="critical"} 1' in text
    )


def test_webhooks_are_retried_then_given_up(tmp_path: Path) -> None:
    with webhook_receiver() as receiver:
        settings = Settings(
            _env_file=None,
            data_dir=tmp_path,
            webhook_url=receiver.url,  # type: ignore[call-arg]
            webhook_secret="s3cret",
        )
        incidents = Incidents(Storage(settings.resolved_database_url), settings)
        lead = Principal("k", "Lea", "lead", ("demo",))
        receiver.answers = [503]
        incidents.open(IncidentCreate(brand="demo", title="Down", severity="high"), lead)
        [result] = deliver_pending(incidents.store, settings, pauses=(0.0, 0.0))
        assert (result.status, result.attempts, result.status_code) == ("delivered", 2, 200)
        first, second = receiver.received
        assert first.body == second.body and first.headers["x-crisisdraft-delivery"] == result.id
        verify("s3cret", second.body, second.headers["x-crisisdraft-signature"], tolerance_s=60)
        assert deliver_pending(incidents.store, settings) == []  # nothing left to send
    # The receiver is gone: the delivery stays pending, then fails after MAX_ATTEMPTS.
    incident_id = incidents.find(brands=["demo"])[0].id
    incidents.update(incident_id, IncidentUpdate(status="resolved"), lead)
    rounds = [
        deliver_pending(incidents.store, settings, pauses=(0.0, 0.0))[0]
        for _ in range(MAX_ATTEMPTS // 2)
    ]
    assert [r.status for r in rounds] == ["pending"] * (MAX_ATTEMPTS // 2 - 1) + ["failed"]
    assert rounds[-1].attempts == MAX_ATTEMPTS and rounds[-1].error
