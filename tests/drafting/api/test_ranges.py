"""drafting.api.ranges: from/to query parameters, and what the KPI buckets do at the edges."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from drafting.api.ranges import EARLIEST, time_range
from drafting.errors import InvalidInputError
from drafting.incidents.kpis import bucket_start

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def test_defaults_and_order() -> None:
    assert time_range(None, None, now=NOW, default=timedelta(days=7)) == (
        NOW - timedelta(days=7),
        NOW,
    )
    with pytest.raises(InvalidInputError, match="before to"):
        time_range(NOW, NOW - timedelta(hours=1), now=NOW, default=timedelta(days=7))


def test_a_from_before_anything_recorded_is_refused_with_the_fix() -> None:
    # Found by the API fuzzer: from=0001-01-01 made the weekly KPI buckets start in year 0.
    with pytest.raises(InvalidInputError) as info:
        time_range(datetime(1, 1, 1, tzinfo=UTC), None, now=NOW, default=timedelta(days=7))
    assert "2000-01-01" in info.value.message and "from" in info.value.fix
    assert time_range(EARLIEST, None, now=NOW, default=timedelta(days=7))[0] == EARLIEST


def test_bucket_start_never_raises_at_the_start_of_time() -> None:
    at = datetime(1, 1, 1, tzinfo=UTC)
    assert bucket_start(at, 10080) == at
    assert bucket_start(NOW, 60) == NOW.replace(minute=0)


def test_the_kpi_endpoint_answers_422_for_year_one(demo_client: Any) -> None:
    response = demo_client.get("/v1/kpis", params={"from": "0001-01-01T00:00:00Z"})
    assert response.status_code == 422
    assert "2000-01-01" in response.json()["detail"]


def test_a_to_far_in_the_future_is_refused() -> None:
    # Found by probing what the fuzzer found: year 9999 overflowed the KPI buckets.
    with pytest.raises(InvalidInputError, match="ahead of the server's clock"):
        time_range(None, datetime(9999, 12, 31, tzinfo=UTC), now=NOW, default=timedelta(days=7))
    ahead = NOW + timedelta(hours=3)  # a client clock a little ahead is fine
    assert time_range(None, ahead, now=NOW, default=timedelta(days=7))[1] == ahead


@pytest.mark.parametrize("path", ["/v1/kpis", "/v1/adoption", "/v1/drafts/export"])
def test_every_ranged_endpoint_answers_422_at_the_edges_of_time(
    demo_client: Any, path: str
) -> None:
    for params in (
        {"from": "0001-01-01T00:00:00Z"},
        {"from": "9999-12-30T00:00:00Z", "to": "9999-12-31T23:59:59Z"},
    ):
        response = demo_client.get(path, params=params)
        assert response.status_code == 422, (path, params, response.text[:200])
