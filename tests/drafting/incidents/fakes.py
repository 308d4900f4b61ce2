"""Hand-written stand-ins for the incident tests, and real customer posts loaded at run time."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path


class ShiftedClock:
    """A fake clock: real time plus an offset the test moves, so "50 minutes later" takes no
    time. Drafts and decisions keep the real clock; tests shift it only to look ahead."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset


def customer_posts(dev_json: Path) -> list[str]:
    """The customers' own messages from the real Twitter customer-care conversations."""
    data = json.loads(dev_json.read_text())
    return [
        turn["message"]
        for conv in data
        for turn in conv["dialogContent"]
        if "client" in turn and len(turn["message"]) > 30
    ]
