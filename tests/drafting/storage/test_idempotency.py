"""Idempotency keys and rate limits in the database: a retry gets the first answer, a different
body a 409, a claim whose worker died mid-request is taken over once it is clearly abandoned,
and requests are counted per key and window."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from drafting.errors import ConflictError
from drafting.storage.engine import make_engine, upgrade
from drafting.storage.repository import Storage, utcnow
from drafting.storage.tables import IdempotencyRow

BODY = {"scope": "POST /v1/drafts", "body": {"post": "late parcel"}}


@pytest.fixture
def storage(database_url: str) -> Storage:
    upgrade(make_engine(database_url))
    return Storage(database_url)


def test_retry_gets_the_first_answer_and_another_body_a_conflict(storage: Storage) -> None:
    assert storage.idempotency_begin("k1", "abc", BODY) is None
    with pytest.raises(ConflictError, match="still in progress"):
        storage.idempotency_begin("k1", "abc", BODY)
    storage.idempotency_finish("k1", "abc", 201, {"id": "d_1"})
    assert storage.idempotency_begin("k1", "abc", BODY) == {
        "status_code": 201,
        "body": {"id": "d_1"},
    }
    with pytest.raises(ConflictError, match="different request"):
        storage.idempotency_begin("k1", "abc", {**BODY, "body": {"post": "other"}})


def test_an_abandoned_claim_is_taken_over_once(storage: Storage) -> None:
    assert storage.idempotency_begin("k1", "dead", BODY) is None  # the worker dies here
    with pytest.raises(ConflictError, match="still in progress"):
        storage.idempotency_begin("k1", "dead", BODY, abandoned_after_s=60)
    with storage.sessions.begin() as s:  # two minutes later
        s.execute(
            update(IdempotencyRow)
            .where(IdempotencyRow.idempotency_key == "dead")
            .values(created_at=utcnow() - timedelta(minutes=2))
        )
    assert storage.idempotency_begin("k1", "dead", BODY, abandoned_after_s=60) is None
    # The retry that took it over is now the one in progress: a second retry waits.
    with pytest.raises(ConflictError, match="still in progress"):
        storage.idempotency_begin("k1", "dead", BODY, abandoned_after_s=60)
    storage.idempotency_finish("k1", "dead", 201, {"id": "d_2"})
    assert storage.idempotency_begin("k1", "dead", BODY)["body"] == {"id": "d_2"}  # type: ignore[index]


def test_rate_limit_counts_in_one_row_per_window(storage: Storage) -> None:
    assert [storage.hit("k1", limit=3) for _ in range(3)] == [None, None, None]
    wait = storage.hit("k1", limit=3)
    assert wait is not None and 1 <= wait <= 60
    assert storage.hit("k2", limit=3) is None  # another key has its own count
