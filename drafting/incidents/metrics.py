"""Prometheus text exposition (format 0.0.4) for operations, written by hand: a few counters
and gauges read from the database, so every API worker reports the same numbers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import timedelta

from drafting.incidents.kpis import APPROVED, minutes
from drafting.incidents.measures import percentile, share
from drafting.incidents.service import Incidents
from drafting.storage.activity import DraftActivity, counts, drafts_between

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


def label_value(value: object) -> str:
    return str(value).replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


class Exposition:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def metric(
        self,
        name: str,
        kind: str,
        help_: str,
        samples: Iterable[tuple[Mapping[str, object], float]],
    ) -> None:
        self.lines += [f"# HELP {name} {help_}", f"# TYPE {name} {kind}"]
        for labels, value in samples:
            text = ",".join(f'{k}="{label_value(v)}"' for k, v in labels.items())
            self.lines.append(
                f"{name}{{{text}}} {float(value):g}" if text else f"{name} {float(value):g}"
            )

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def exposition(incidents: Incidents, *, brands: list[str]) -> str:
    storage, now = incidents.storage, incidents.clock.now()
    data = counts(storage, brands=brands)
    out = Exposition()
    out.metric(
        "crisisdraft_drafts",
        "gauge",
        "Drafts by brand and review status.",
        [({"brand": b, "status": s}, n) for b, s, n in data["drafts"]],
    )
    out.metric(
        "crisisdraft_draft_cost_usd_total",
        "counter",
        "Model cost of all drafts, USD.",
        [({"brand": b}, c or 0.0) for b, c in data["cost"]],
    )
    out.metric(
        "crisisdraft_mentions_total",
        "counter",
        "Mentions ingested, by sentiment.",
        [({"brand": b, "sentiment": s}, n) for b, s, n in data["mentions"]],
    )
    out.metric(
        "crisisdraft_alerts_total",
        "counter",
        "Spike alerts raised, by current status.",
        [({"brand": b, "status": s}, n) for b, s, n in data["alerts"]],
    )
    out.metric(
        "crisisdraft_incidents",
        "gauge",
        "Incidents by status and severity.",
        [({"brand": b, "status": s, "severity": v}, n) for b, s, v, n in data["incidents"]],
    )
    open_items = incidents.find(brands=brands, open_only=True, limit=1000)
    known = sorted({b for rows in data.values() for b, *_ in rows} | {i.brand for i in open_items})
    crisis = {i.brand for i in open_items if i.severity in ("high", "critical")}
    overdue: dict[str, int] = defaultdict(int)
    for item in open_items:
        overdue[item.brand] += int(item.overdue)
    out.metric(
        "crisisdraft_crisis_mode",
        "gauge",
        "1 while the brand is in crisis mode.",
        [({"brand": b}, int(b in crisis)) for b in known],
    )
    out.metric(
        "crisisdraft_incident_updates_overdue",
        "gauge",
        "Open incidents whose next public update is overdue.",
        [({"brand": b}, overdue[b]) for b in known],
    )
    recent = drafts_between(storage, brands=brands, since=now - timedelta(hours=24))
    targets = {b: incidents.targets(b) for b in {d.brand for d in recent}}
    per_brand: dict[str, dict[str, list[tuple[float, int]]]] = defaultdict(
        lambda: {"first_draft": [], "approval": []}
    )
    for d in recent:
        per_brand[d.brand]["first_draft"].append(
            (minutes(d.received_at, d.created_at), targets[d.brand]["first_draft_minutes"])
        )
        if d.status in APPROVED and d.decided_at:
            per_brand[d.brand]["approval"].append(
                (minutes(d.received_at, d.decided_at), targets[d.brand]["approval_minutes"])
            )
    quantiles, within = [], []
    for brand, measures in sorted(per_brand.items()):
        for measure, values in measures.items():
            mins = [m for m, _ in values]
            for q in (0.5, 0.9):
                value = percentile(mins, q)
                if value is not None:
                    quantiles.append(({"brand": brand, "measure": measure, "quantile": q}, value))
            ratio = share(sum(1 for m, t in values if m <= t), len(values))
            if ratio is not None:
                within.append(({"brand": brand, "measure": measure}, ratio))
    out.metric(
        "crisisdraft_response_minutes_24h",
        "gauge",
        "Minutes from post received to first draft / to approval, last 24 hours.",
        quantiles,
    )
    out.metric(
        "crisisdraft_response_within_target_ratio_24h",
        "gauge",
        "Share of the last 24 hours' drafts within the brand's target.",
        within,
    )
    _adoption(out, incidents, brands=brands, recent=recent)
    return out.text()


def _adoption(
    out: Exposition, incidents: Incidents, *, brands: list[str], recent: list[DraftActivity]
) -> None:
    """Do agents use the drafts: tool events, votes, and the last 24 hours' adoption ratios."""
    from drafting.adoption import adoption
    from drafting.storage.feedback import events_for, feedback_between, totals

    storage, now = incidents.storage, incidents.clock.now()
    data = totals(storage, brands=brands)
    out.metric(
        "crisisdraft_draft_events_total",
        "counter",
        "What tools saw agents do with drafts (shown, inserted, copied).",
        [({"brand": b, "event": e}, n) for b, e, n in data["events"]],
    )
    out.metric(
        "crisisdraft_feedback_total",
        "counter",
        "Agents' votes on drafts, by reason.",
        [({"brand": b, "vote": v, "reason": r or ""}, n) for b, v, r, n in data["votes"]],
    )
    ids = [d.id for d in recent]
    report = adoption(
        recent,
        events_for(storage, ids),
        feedback_between(storage, brands=brands, draft_ids=ids),
        group_by="brand",
        since=now - timedelta(hours=24),
        until=now,
        manual_reply_minutes=incidents.settings.manual_reply_minutes,
        agent_name=str,
    )
    ratios = []
    for group in report.groups:
        for name in ("insertion_rate", "edit_rate"):
            value = getattr(group, name)
            if value is not None:
                ratios.append(({"brand": group.key, "ratio": name.removesuffix("_rate")}, value))
    out.metric(
        "crisisdraft_adoption_ratio_24h",
        "gauge",
        "Drafts inserted / shown and edited / used, last 24 hours (targets 0.4 and ~0.3).",
        ratios,
    )
    out.metric(
        "crisisdraft_minutes_saved_24h",
        "gauge",
        "Estimated agent minutes saved by drafts, last 24 hours.",
        [({"brand": g.key}, g.minutes_saved) for g in report.groups],
    )
