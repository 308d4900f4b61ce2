"""The post-incident review as Markdown (for the wiki, the ticket, or a pull request)."""

from __future__ import annotations

from datetime import datetime

from drafting.incidents.review import ReviewReport

ABSENT = "–"


def cell(text: object) -> str:
    """One table cell: one line, no raw HTML a Markdown viewer would render."""
    if text in (None, ""):
        return ABSENT
    flat = " ".join(str(text).split())
    return flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def when(at: datetime | None) -> str:
    return f"{at:%Y-%m-%d %H:%M} UTC" if at else ABSENT


def minutes(value: float | None) -> str:
    return ABSENT if value is None else f"{value:.1f} min"


def percent(value: float | None) -> str:
    return ABSENT if value is None else f"{value * 100:.0f}%"


def fence(text: str) -> str:
    marker = "~~~~" if "```" in text else "```"
    return f"{marker}diff\n{text}\n{marker}"


def summary(r: ReviewReport) -> list[str]:
    i, t = r.incident, r.targets
    on_time = sum(1 for u in r.updates if u.on_time)
    lines = [
        f"- First update posted {minutes(r.first_update_minutes)} after opening "
        f"(target {t['approval_minutes']} min).",
        f"- Updates on time: {on_time} of {len(r.updates)} (cadence {i.cadence_minutes} min).",
        f"- Time to first draft: p50 {minutes(r.first_draft.p50_minutes)}, p90 "
        f"{minutes(r.first_draft.p90_minutes)}; {percent(r.first_draft.share_within_target)} "
        f"within {t['first_draft_minutes']} min ({r.first_draft.count} drafts).",
        f"- Time to approval: p50 {minutes(r.approval.p50_minutes)}, p90 "
        f"{minutes(r.approval.p90_minutes)}; {percent(r.approval.share_within_target)} within "
        f"{t['approval_minutes']} min ({r.approval.count} approved).",
        f"- Drafts: {r.decisions.drafts}; approved {r.decisions.approved}, edited before "
        f"approval {percent(r.decisions.edit_rate)}, rejected {r.decisions.rejected}, changes "
        f"requested {r.decisions.changes_requested}.",
    ]
    negative = ", ".join(
        f"{p.phase} {percent(p.negative_share)} ({p.total} posts)" for p in r.sentiment
    )
    lines.append(f"- Negative posts: {negative}.")
    return lines


def render_markdown(r: ReviewReport) -> str:
    i = r.incident
    out = [
        f"# Post-incident review: {cell(i.title)}",
        "",
        f"Incident `{i.id}` · brand `{i.brand}` · severity **{i.severity}** · "
        f"status **{i.status}** · channels {', '.join(i.channels) or ABSENT}",
        "",
        f"Opened {when(i.opened_at)}, resolved {when(i.resolved_at)} "
        f"({r.duration_minutes:.0f} min). Report generated {when(r.generated_at)}.",
        "",
        "## Summary",
        "",
        *summary(r),
        "",
        "## Timeline of facts and posted updates",
        "",
        "| time | what | detail | who |",
        "| --- | --- | --- | --- |",
    ]
    out += [
        f"| {when(e.at)} | {cell(e.title)} | {cell(e.detail)} | {cell(e.actor)} |"
        for e in r.timeline
    ]
    out += [
        "",
        "## Response times against targets",
        "",
        "| update | channel | posted | due | on time |",
        "| --- | --- | --- | --- | --- |",
    ]
    out += [
        f"| {cell(u.kind)} | {cell(u.channel)} | {when(u.posted_at)} | {when(u.due_at)} | "
        f"{'yes' if u.on_time else f'late by {u.minutes_late:.0f} min'} |"
        for u in r.updates
    ]
    if not r.updates:
        out.append(f"| {ABSENT} | | no update was posted | | |")
    out += [
        "",
        "## Sentiment before, during and after",
        "",
        "| phase | from | to | posts | negative | neutral | positive | mean score |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    out += [
        f"| {p.phase} | {when(p.since)} | {when(p.until)} | {p.total} | {p.negative} "
        f"({percent(p.negative_share)}) | {p.neutral} | {p.positive} | "
        f"{ABSENT if p.mean_score is None else f'{p.mean_score:+.2f}'} |"
        for p in r.sentiment
    ]
    out += ["", "## What reviewers changed and why", ""]
    if not r.changes:
        out.append("No reviewer changed or turned down a draft of this incident.")
    for c in r.changes:
        edits = (
            f", {c.word_edits} word edits ({percent(c.changed_share)} of the text)"
            if c.word_edits is not None
            else ""
        )
        out += [
            f"### {c.action.replace('_', ' ')} · {c.kind.replace('_', ' ')} `{c.draft_id}`",
            "",
            f"By {cell(c.actor)} at {when(c.at)}{edits}.",
            "",
            f"Reason: {cell(c.reason)}",
            "",
        ]
        if c.diff:
            out += [fence(c.diff), ""]
    out += ["## Checks that fired", "", "| check | drafts | share |", "| --- | --- | --- |"]
    out += [f"| `{c.id}` | {c.count} | {percent(c.share)} |" for c in r.checks]
    if not r.checks:
        out.append(f"| {ABSENT} | 0 | |")
    out += ["", "## Lessons", ""]
    if i.lessons:
        out += [
            i.lessons.strip(),
            "",
            f"_Saved to the brand's guidelines as `{r.lessons_path}` "
            f"on {when(i.lessons_saved_at)}: future drafts retrieve them._",
        ]
    else:
        out += [
            "_No lessons saved yet._ A lead writes them here and saves them with "
            f"`PUT /v1/incidents/{i.id}/lessons`; they become `{r.lessons_path}` in the "
            "brand pack, so future drafts use them."
        ]
    return "\n".join(out) + "\n"
