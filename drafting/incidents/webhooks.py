"""Outgoing signed webhooks: delivered after the change that caused them has been committed.

Events wait in the ``webhook_deliveries`` outbox (written in the same transaction as the
change), so none is lost when a delivery fails or the process stops; delivery is at least once,
and ``X-Crisisdraft-Delivery`` lets receivers drop repeats. Each body is signed afresh at
every attempt (see :mod:`drafting.incidents.signing`).
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass

import httpx

from drafting.config import Settings
from drafting.incidents.clock import SYSTEM_CLOCK, Clock
from drafting.incidents.signing import HEADER, sign
from drafting.storage.incidents import IncidentStore

log = logging.getLogger("crisisdraft.webhooks")
MAX_ATTEMPTS = 6
PAUSES_S = (0.0, 0.5, 2.0)  # attempts per delivery round, and the pause before each


@dataclass(frozen=True)
class DeliveryResult:
    id: str
    event: str
    status: str
    attempts: int
    status_code: int | None
    error: str | None


def body_of(payload: dict[str, object]) -> bytes:
    return json.dumps(payload, separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode()


def deliver_pending(
    store: IncidentStore,
    settings: Settings,
    *,
    clock: Clock = SYSTEM_CLOCK,
    limit: int = 20,
    pauses: tuple[float, ...] = PAUSES_S,
) -> list[DeliveryResult]:
    """Send what waits in the outbox; failures stay pending until MAX_ATTEMPTS."""
    secret = settings.webhook_secret
    if not secret:
        return []
    results = []
    with httpx.Client(timeout=settings.webhook_timeout_s, follow_redirects=False) as client:
        for row in store.claim_deliveries(limit=limit):
            body = body_of(row.payload)
            attempts, code, error = row.attempts, None, None
            status = "pending"
            for pause in pauses:
                if attempts >= MAX_ATTEMPTS:
                    break
                if pause:
                    time.sleep(pause)
                attempts += 1
                code, error = _post(
                    client,
                    row.url,
                    body,
                    {
                        "Content-Type": "application/json",
                        "User-Agent": "crisisdraft-webhooks/0.1",
                        "X-Crisisdraft-Event": row.event,
                        "X-Crisisdraft-Delivery": row.id,
                        HEADER: sign(secret, body),
                    },
                )
                if code is not None and 200 <= code < 300:
                    status = "delivered"
                    break
            if status != "delivered" and attempts >= MAX_ATTEMPTS:
                status = "failed"
                log.warning(
                    "webhook %s (%s) failed %d times: %s",
                    row.id,
                    row.event,
                    attempts,
                    error or code,
                )
            store.finish_delivery(
                row.id,
                status=status,
                attempts=attempts,
                status_code=code,
                error=error,
                now=clock.now(),
            )
            results.append(DeliveryResult(row.id, row.event, status, attempts, code, error))
    return results


def _post(
    client: httpx.Client, url: str, body: bytes, headers: dict[str, str]
) -> tuple[int | None, str | None]:
    try:
        response = client.post(url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        return None, f"{type(exc).__name__}: {exc}"[:500]
    if 200 <= response.status_code < 300:
        return response.status_code, None
    return response.status_code, f"HTTP {response.status_code}"
