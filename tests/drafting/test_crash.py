"""SIGKILL the server mid-stream of approvals: no acknowledged decision is lost, nothing is
half-written (benchmarks/crash_approvals.py repeats this many more times)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from drafting.storage.repository import Storage
from tests.crashes import crash_rounds, make_drafts

pytestmark = pytest.mark.slow


def test_sigkill_during_approvals_loses_nothing_acknowledged(
    demo_copy: Any, tmp_path: Path
) -> None:
    ids = make_drafts(demo_copy, 40)
    key, _ = Storage(demo_copy.resolved_database_url).create_key(
        name="crash", role="lead", brands=["demo"]
    )
    report = crash_rounds(demo_copy, ids, rounds=3, key=key, log_dir=tmp_path)
    assert report.rounds == 3
    assert report.acknowledged > 0
    assert report.lost == [] and report.half_written == []
