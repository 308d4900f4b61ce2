"""Time ranges from ``from``/``to`` query parameters: zone-aware, ordered, in range."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from drafting.errors import InvalidInputError

#: Nothing crisisdraft records is older: earlier ``from`` values are mistakes (and a range
#: from year 1 would bucket into year 0).
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
#: How far ahead of the server's clock ``to`` may be (clocks differ; nothing is recorded later).
AHEAD = timedelta(days=1)


def time_range(
    since: datetime | None, until: datetime | None, *, now: datetime, default: timedelta
) -> tuple[datetime, datetime]:
    """``(from, to)``: ``to`` defaults to now, ``from`` to ``default`` before ``to``."""
    until = until or now
    if until.tzinfo is None or (since is not None and since.tzinfo is None):
        raise InvalidInputError(
            "from and to need a time zone.", fix="Send e.g. from=2026-11-20T00:00:00Z."
        )
    if until > now + AHEAD:
        raise InvalidInputError(
            f"to={until.isoformat()} is more than a day ahead of the server's clock "
            f"({now.isoformat(timespec='seconds')}); nothing is recorded in the future.",
            fix="Leave `to` out (it defaults to now) or send a time up to now.",
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
    if since < EARLIEST:
        raise InvalidInputError(
            f"from={since.isoformat()} is before {EARLIEST:%Y-%m-%d}; nothing is recorded "
            "that early.",
            fix=f"Send a from on or after {EARLIEST:%Y-%m-%d}, or leave it out for the default.",
        )
    return since, until
