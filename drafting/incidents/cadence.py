"""When the next public update of an incident is due.

- A next-update time the facts promised customers, later than the last posted update, is due.
- Otherwise the first update (the holding statement) is due within the brand's approval target
  of the incident being opened (the playbook: post within 30 minutes), and each later one a
  cadence after the last posted update.
- A resolved incident owes no update.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta


def next_update_due(
    *,
    opened_at: datetime,
    status: str,
    cadence_minutes: int,
    first_update_minutes: int,
    promised: datetime | None,
    updates: Sequence[datetime],
) -> datetime | None:
    if status == "resolved":
        return None
    last = max(updates) if updates else None
    if promised is not None and (last is None or promised > last):
        return promised
    if last is None:
        return opened_at + timedelta(minutes=first_update_minutes)
    return last + timedelta(minutes=cadence_minutes)


def minutes_overdue(due: datetime | None, now: datetime) -> float | None:
    """Minutes past the due time, or None when not overdue."""
    if due is None or now <= due:
        return None
    return round((now - due).total_seconds() / 60, 1)


def promised_at(next_updates: Sequence[datetime | None]) -> datetime | None:
    """The most recent next-update time given in the facts timeline (oldest entry first)."""
    for value in reversed(next_updates):
        if value is not None:
            return value
    return None
