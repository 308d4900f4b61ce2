"""Time ranges from ``from``/``to`` query parameters: zone-aware, ordered, in range."""

from __future__ import annotations

from datetime import datetime, timedelta

from drafting.errors import InvalidInputError


def time_range(
    since: datetime | None, until: datetime | None, *, now: datetime, default: timedelta
) -> tuple[datetime, datetime]:
    """``(from, to)``: ``to`` defaults to now, ``from`` to ``default`` before ``to``."""
    until = until or now
    if until.tzinfo is None or (since is not None and since.tzinfo is None):
        raise InvalidInputError(
            "from and to need a time zone.", fix="Send e.g. from=2026-11-20T00:00:00Z."
        )
    try:
        since = since or until - default
    except OverflowError:
        raise InvalidInputError(
            f"to={until.isoformat()} leaves no room for the default range before it.",
            fix="Send a later `to`, or `from` as well.",
        ) from None
    if since >= until:
        raise InvalidInputError("from must be before to.", fix="Swap them.")
    return since, until
