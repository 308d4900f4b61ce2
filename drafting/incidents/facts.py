"""An incident's facts as the sentences drafts receive (and the checks ground claims in).

Drafting states at most the first three fact sentences as the incident's status, so the
next-update time rides with the last of them: it is never dropped from an update.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

MAX_STATEMENTS = 3


def sentence(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def update_time(at: datetime, zone: str, now: datetime) -> str:
    """'14:00 CET' today, else 'tomorrow 09:00 CET' or '28 Nov 09:00 CET'."""
    tz = ZoneInfo(zone)
    local, today = at.astimezone(tz), now.astimezone(tz).date()
    clock = f"{local:%H:%M} {local.tzname()}"
    days = (local.date() - today).days
    if days == 0:
        return clock
    if days == 1:
        return f"tomorrow {clock}"
    return f"{local.day} {local:%b} {clock}"


def statements(
    *,
    known: str,
    doing: str,
    customers_should: str,
    next_update_at: datetime | None,
    zone: str,
    now: datetime,
) -> list[str]:
    parts = [p for p in (sentence(known), sentence(doing), sentence(customers_should)) if p]
    if next_update_at is not None:
        nxt = f"Next update by {update_time(next_update_at, zone, now)}."
        if len(parts) >= MAX_STATEMENTS:
            parts[MAX_STATEMENTS - 1] = f"{parts[MAX_STATEMENTS - 1]} {nxt}"
        else:
            parts.append(nxt)
    return parts
