"""Spikes in negative mentions: the count in the last window against a fixed threshold.

The alert carries the baseline (mean negatives per window over the six hours before), so a
reader can judge the spike; one alert per brand at a time (see MentionStore.raise_alert).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from drafting.config import Settings
from drafting.storage.incidents import new_id
from drafting.storage.mentions import MentionStore
from drafting.storage.tables import AlertRow

BASELINE_HOURS = 6


def check_spike(
    store: MentionStore, brand: str, now: datetime, settings: Settings
) -> AlertRow | None:
    """Raise and return an alert when the brand's negative mentions reach the threshold."""
    window = timedelta(minutes=settings.mention_window_minutes)
    start = now - window
    count = store.negatives(brand, start, now)
    if count < settings.mention_spike_threshold:
        return None
    history = timedelta(hours=BASELINE_HOURS)
    before = store.negatives(brand, start - history, start - timedelta(microseconds=1))
    baseline = round(before / (history / window), 2)
    alert = AlertRow(
        id=new_id("al"),
        brand=brand,
        kind="negative_spike",
        status="open",
        count=count,
        threshold=settings.mention_spike_threshold,
        baseline=baseline,
        window_start=start,
        window_end=now,
        created_at=now,
        incident_id=None,
        reason=None,
    )
    return store.raise_alert(alert, webhook_url=settings.webhook_url)
