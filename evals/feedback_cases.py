"""Regression cases from agents' feedback: every draft voted down or rejected since a time.

Each case carries the post, thread, facts and language the draft had, an ``unlike`` evaluator
holding the bad draft (the next draft must not be it again), the reasons given, and, when a
person later approved a different text, that text as the reference. Personal data in posts
is replaced by typed placeholders unless asked otherwise: suites are kept in git.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from drafting.errors import InvalidInputError
from drafting.storage.activity import drafts_between
from drafting.storage.feedback import Feedback, feedback_between
from drafting.storage.repository import Storage
from evals.models import Case, Suite

_SPAN = re.compile(r"^\s*(\d+)\s*([mhdw])\s*$")
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_since(value: str, now: datetime | None = None) -> datetime:
    """``7d``, ``24h``, ``30m``, ``2w`` or an ISO date/time (UTC when no zone is given)."""
    now = now or datetime.now(UTC)
    match = _SPAN.match(value)
    if match:
        return now - timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInputError(
            f"--since {value!r} is neither a span nor a date.",
            fix="Use e.g. 7d, 24h, 30m, 2w or 2026-11-20 / 2026-11-20T08:00:00+00:00.",
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def cases_from_feedback(
    storage: Storage, *, brand: str, since: datetime, redact: Any | None = None
) -> list[Case]:
    """One case per draft of ``brand`` voted down or rejected since ``since``, oldest first."""
    down = feedback_between(storage, brands=[brand], since=since, vote="down")
    rejected = [
        d.id for d in drafts_between(storage, brands=[brand], since=since) if d.status == "rejected"
    ]
    votes: dict[str, list[Feedback]] = {}
    for f in down:
        votes.setdefault(f.draft_id, []).append(f)
    ids = list(dict.fromkeys([*votes, *rejected]))
    clean = redact or (lambda text: text)
    cases = []
    for draft_id in ids:
        draft = storage.get(draft_id)
        history = storage.history(draft_id)
        rejections = [d["reason"] for d in history["decisions"] if d["action"] == "reject"]
        bad = [v.text for v in votes.get(draft_id, [])] or [draft.text]
        reasons = [
            f"{v.reason}" + (f": {v.comment}" if v.comment else "") for v in votes.get(draft_id, [])
        ] + [f"rejected: {r}" for r in rejections if r]
        approved = draft.review.approved_text
        facts = [s.snippet for s in draft.sources if s.source == "fact"]
        evaluators: list[Any] = [{"unlike": {"text": clean(t)}} for t in dict.fromkeys(bad)]
        cases.append(
            Case(
                id=f"feedback-{draft_id}",
                description="; ".join(reasons) or "voted down",
                tags=[
                    "feedback",
                    *sorted({v.reason or "other" for v in votes.get(draft_id, [])}),
                    *(["rejected"] if rejections else []),
                ],
                brand=draft.brand,
                channel=draft.channel,
                kind=draft.kind,
                post=clean(draft.post.text),
                author=draft.post.author,
                thread=[{"text": clean(m.text), "from_brand": m.from_brand} for m in draft.thread],
                facts=[clean(f) for f in facts] or None,
                incident_id=draft.incident_id,
                language=draft.language,
                reference=clean(approved) if approved and approved not in bad else None,
                evaluators=evaluators,
                source={
                    "draft_id": draft_id,
                    "model": draft.model,
                    "prompt_version": draft.prompt_version,
                    "created_at": draft.created_at.isoformat(),
                    "votes": len(votes.get(draft_id, [])),
                    "status": draft.status,
                },
            )
        )
    return cases


def write_cases(path: Path, cases: list[Case], *, brand: str) -> tuple[int, int]:
    """Add ``cases`` to the suite at ``path`` (created if missing); keep every case it has.

    Returns (added, already there). The file is replaced atomically.
    """
    from evals.store import write_atomic

    if path.is_file():
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        suite = Suite.model_validate(data)
    else:
        suite = Suite(
            name=f"feedback-{brand}",
            description=f"Regression cases from agents' feedback on {brand}'s drafts: posts "
            "whose drafts were voted down or rejected. A new draft must not repeat the bad one.",
            defaults={
                "brand": brand,
                "evaluators": ["checks", "required_moves", "personal_data", "grounded"],
            },
            metrics={"Regression": 0.9},
        )
    known = {c.id for c in suite.cases}
    new = [c for c in cases if c.id not in known]
    suite.cases.extend(new)
    body = suite.model_dump(mode="json", by_alias=True, exclude_defaults=True, exclude_none=True)
    write_atomic(path, yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100))
    return len(new), len(cases) - len(new)
