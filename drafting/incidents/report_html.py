"""The post-incident review as one self-contained HTML file: inline CSS and SVG charts, no script,
every text from people escaped."""

from __future__ import annotations

from html import escape

from drafting.incidents.charts import Stack, hbars, sentiment_bars
from drafting.incidents.report_markdown import minutes, percent, summary, when
from drafting.incidents.review import ReviewReport

CSS = """
body{font-family:system-ui,sans-serif;color:#1d2330;background:#f6f7f9;margin:0}
header{background:#1d2330;color:#fff;padding:1rem 1.5rem}header h1{margin:0;font-size:1.3rem}
header p{margin:.3rem 0 0;opacity:.8}main{max-width:980px;margin:0 auto;padding:1rem}
section{background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:.8rem 1rem;
margin:1rem 0}
h2{font-size:1.05rem;margin:.2rem 0 .6rem}
table{border-collapse:collapse;width:100%;font-size:.85rem}
th,td{border-bottom:1px solid #e2e5ea;padding:.3rem .4rem;text-align:left;vertical-align:top}
.tiles{display:grid;grid-template-columns:repeat(4,1fr);gap:.6rem}
.tile{background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:.6rem}
.tile b{display:block;font-size:1.3rem}.tile span{font-size:.8rem;color:#555}
.late{color:#a22;font-weight:600}td:first-child{white-space:nowrap}.ok{color:#1f6f43}pre{background:#f4f5f7;padding:.5rem;
white-space:pre-wrap;font-size:.8rem}.badge{display:inline-block;padding:.05rem .4rem;
border-radius:3px;
background:#e8ebf0;font-size:.75rem}.sev-critical{background:#c0392b;color:#fff}
.sev-high{background:#e67e22;color:#fff}.muted{color:#666}ul{margin:.2rem 0}
"""


def _tile(value: str, label: str) -> str:
    return f'<div class="tile"><b>{escape(value)}</b><span>{escape(label)}</span></div>'


def _rows(cells: list[list[str]]) -> str:
    return "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in cells)


def render_html(r: ReviewReport) -> str:
    i, t = r.incident, r.targets
    e = escape
    on_time = sum(1 for u in r.updates if u.on_time)
    during = next((p for p in r.sentiment if p.phase == "during"), None)
    tiles = "".join(
        [
            _tile(
                minutes(r.first_update_minutes), f"to first update (target {t['approval_minutes']})"
            ),
            _tile(f"{on_time}/{len(r.updates)}", "updates on time"),
            _tile(minutes(r.approval.p50_minutes), "median time to approval"),
            _tile(percent(during.negative_share if during else None), "negative posts during"),
        ]
    )
    stacks = [Stack(b.start, b.negative, b.neutral, b.positive) for b in r.sentiment_series]
    chart_sentiment = sentiment_bars(
        stacks,
        title="Sentiment of incoming posts before, during and after the incident",
        span=(i.opened_at, i.resolved_at or r.generated_at),
        markers=[u.posted_at for u in r.updates],
    )
    timing_items = [
        (label, value)
        for label, value in (
            ("first draft, median", r.first_draft.p50_minutes),
            ("first draft, 90th percentile", r.first_draft.p90_minutes),
            ("approval, median", r.approval.p50_minutes),
            ("approval, 90th percentile", r.approval.p90_minutes),
        )
        if value is not None
    ]
    chart_times = hbars(
        timing_items,
        title="Response times against targets",
        unit=" min",
        targets=[
            (t["first_draft_minutes"], f"{t['first_draft_minutes']} min"),
            (t["approval_minutes"], f"{t['approval_minutes']} min"),
        ],
    )
    gaps = []
    previous = i.opened_at
    for n, u in enumerate(r.updates, 1):
        gaps.append(
            (
                f"{n}. {u.kind.replace('_', ' ')} {u.posted_at:%H:%M}",
                (u.posted_at - previous).total_seconds() / 60,
            )
        )
        previous = u.posted_at
    chart_cadence = hbars(
        gaps,
        title="Minutes since the previous update (or the opening)",
        unit=" min",
        colour="#3b8f6b",
        targets=[(t["approval_minutes"], "first update"), (i.cadence_minutes, "cadence")],
    )
    chart_checks = hbars(
        [(c.id, c.count) for c in r.checks], title="Checks that fired", colour="#a0522d"
    )
    timeline = _rows(
        [[e(when(x.at)), e(x.title), e(x.detail), e(x.actor or "")] for x in r.timeline]
    )
    updates = (
        _rows(
            [
                [
                    e(u.kind.replace("_", " ")),
                    e(u.channel),
                    e(when(u.posted_at)),
                    e(when(u.due_at)),
                    '<span class="ok">on time</span>'
                    if u.on_time
                    else f'<span class="late">late by {u.minutes_late:.0f} min</span>',
                ]
                for u in r.updates
            ]
        )
        or '<tr><td colspan="5">No update was posted.</td></tr>'
    )
    phases = _rows(
        [
            [
                e(p.phase),
                e(when(p.since)),
                e(when(p.until)),
                str(p.total),
                f"{p.negative} ({e(percent(p.negative_share))})",
                str(p.neutral),
                str(p.positive),
                "–" if p.mean_score is None else f"{p.mean_score:+.2f}",
            ]
            for p in r.sentiment
        ]
    )
    changes = (
        "".join(
            f"<h3>{e(c.action.replace('_', ' '))} · {e(c.kind.replace('_', ' '))} "
            f"<code>{e(c.draft_id)}</code></h3><p>By {e(c.actor)} at {e(when(c.at))}"
            + (
                f", {c.word_edits} word edits ({e(percent(c.changed_share))} of the text)"
                if c.word_edits is not None
                else ""
            )
            + f".<br>Reason: {e(c.reason or '–')}</p>"
            + (f"<pre>{e(c.diff)}</pre>" if c.diff else "")
            for c in r.changes
        )
        or "<p>No reviewer changed or turned down a draft of this incident.</p>"
    )
    if i.lessons:
        lessons = (
            f"<pre>{e(i.lessons)}</pre><p class='muted'>Saved to the brand's guidelines as "
            f"<code>{e(r.lessons_path)}</code> on {e(when(i.lessons_saved_at))}: future "
            "drafts retrieve them.</p>"
        )
    else:
        lessons = (
            "<p class='muted'>No lessons saved yet. A lead writes them and saves them with "
            f"<code>PUT /v1/incidents/{e(i.id)}/lessons</code>; they become "
            f"<code>{e(r.lessons_path)}</code> in the brand pack, so future drafts use "
            "them.</p>"
        )
    summary_items = "".join(f"<li>{e(line.removeprefix('- '))}</li>" for line in summary(r))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Post-incident review: {e(i.title)}</title><style>{CSS}</style></head>
<body><header><h1>Post-incident review: {e(i.title)}</h1>
<p><span class="badge sev-{e(i.severity)}">{e(i.severity)}</span> {e(i.status)} · incident
<code>{e(i.id)}</code> · brand {e(i.brand)} · channels {e(", ".join(i.channels) or "–")} ·
opened {e(when(i.opened_at))} · resolved {e(when(i.resolved_at))} ({r.duration_minutes:.0f} min)
</p></header><main>
<div class="tiles">{tiles}</div>
<section><h2>Summary</h2><ul>{summary_items}</ul></section>
<section><h2>Sentiment before, during and after</h2>{chart_sentiment}
<table><tr><th>phase</th><th>from</th><th>to</th><th>posts</th><th>negative</th><th>neutral</th>
<th>positive</th><th>mean score</th></tr>{phases}</table></section>
<section><h2>Response times against targets</h2>{chart_times}{chart_cadence}
<table><tr><th>update</th><th>channel</th><th>posted</th><th>due</th><th>on time</th></tr>
{updates}</table></section>
<section><h2>Timeline of facts and posted updates</h2>
<table><tr><th>time</th><th>what</th><th>detail</th><th>who</th></tr>{timeline}</table></section>
<section><h2>What reviewers changed and why</h2>{changes}</section>
<section><h2>Checks that fired</h2>{chart_checks}</section>
<section><h2>Lessons</h2>{lessons}</section>
<p class="muted">Generated {e(when(r.generated_at))} by crisisdraft.</p>
</main></body></html>
"""
