"""Kill the API server with SIGKILL in the middle of a stream of approvals, then check the
database: every acknowledged decision is there, and no record is half-written."""

from __future__ import annotations

import os
import random
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from tests.servers import free_port, process


@dataclass
class CrashReport:
    rounds: int = 0
    acknowledged: int = 0
    lost: list[str] = field(default_factory=list)  # acknowledged but not approved in the DB
    half_written: list[str] = field(default_factory=list)  # state and decision rows disagree
    in_flight_unacknowledged: int = 0


def make_drafts(settings: Any, n: int) -> list[str]:
    """Create ``n`` pending drafts with the real pipeline (in this process)."""
    import asyncio

    from drafting.pipeline import create_draft
    from drafting.schemas import DraftCreate
    from drafting.storage.repository import Storage
    from knowledge.registry import BrandRegistry

    storage = Storage(settings.resolved_database_url)
    registry = BrandRegistry(settings)

    async def go() -> list[str]:
        ids = []
        for i in range(n):
            draft = await create_draft(
                DraftCreate.model_validate(
                    {
                        "brand": "demo",
                        "channel": "facebook",
                        "post": {"text": f"Order {i} is late, where is it?"},
                    }
                ),
                settings=settings,
                registry=registry,
                store=storage,
            )
            ids.append(draft.id)
        return ids

    return asyncio.run(go())


def verify(settings: Any, acknowledged: set[str], report: CrashReport) -> None:
    from sqlalchemy import func, select

    from drafting.storage.engine import make_engine
    from drafting.storage.tables import AuditRow, DecisionRow, DraftRow

    engine = make_engine(settings.resolved_database_url)
    with engine.connect() as conn:
        rows = conn.execute(select(DraftRow.id, DraftRow.status, DraftRow.version)).all()
        decisions = dict(
            conn.execute(
                select(DecisionRow.draft_id, func.count()).group_by(DecisionRow.draft_id)
            ).all()
        )
        audits = dict(
            conn.execute(
                select(AuditRow.draft_id, func.count())
                .where(AuditRow.action == "draft.approve")
                .group_by(AuditRow.draft_id)
            ).all()
        )
    engine.dispose()
    for draft_id, status, version in rows:
        approved = status == "approved"
        if (
            approved != (decisions.get(draft_id, 0) == 1)
            or approved != (audits.get(draft_id, 0) == 1)
            or approved != (version == 2)
        ):
            report.half_written.append(draft_id)
        if draft_id in acknowledged and not approved:
            report.lost.append(draft_id)


def crash_rounds(
    settings: Any, draft_ids: list[str], *, rounds: int, key: str, log_dir: Path, seed: int = 7
) -> CrashReport:
    rng = random.Random(seed)
    report = CrashReport()
    pending = list(draft_ids)
    acknowledged: set[str] = set()
    env = {
        "CRISISDRAFT_DATA_DIR": str(settings.data_dir),
        "CRISISDRAFT_MODELS_DIR": str(settings.models_dir),
        "CRISISDRAFT_DATABASE_URL": settings.resolved_database_url,
        "CRISISDRAFT_LOG_LEVEL": "WARNING",
    }
    for round_no in range(rounds):
        if not pending:
            break
        port = free_port()
        cmd = [sys.executable, "-m", "drafting.cli.app", "serve", "--port", str(port)]
        with process(cmd, port=port, env=env, log=log_dir / f"crash-{round_no}.log") as proc:
            base = f"http://127.0.0.1:{port}"
            stop = threading.Event()

            def approve_stream(base: str = base, stop: threading.Event = stop) -> None:
                with httpx.Client(timeout=10) as client:
                    while pending and not stop.is_set():
                        draft_id = pending[0]
                        try:
                            r = client.post(
                                f"{base}/v1/drafts/{draft_id}/approve",
                                headers={
                                    "Authorization": f"Bearer {key}",
                                    "Idempotency-Key": f"crash-{draft_id}",
                                },
                                json={"reason": "crash test", "expected_version": 1},
                            )
                        except httpx.HTTPError:
                            report.in_flight_unacknowledged += 1
                            return  # the server died under us: this one was never acknowledged
                        if r.status_code == 200:
                            acknowledged.add(draft_id)
                        pending.pop(0)

            worker = threading.Thread(target=approve_stream)
            already = len(acknowledged)
            worker.start()
            deadline = time.monotonic() + 60  # a cold server loads its models on first use
            while len(acknowledged) == already and time.monotonic() < deadline and pending:
                time.sleep(0.05)
            time.sleep(rng.uniform(0.2, 1.2))
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            stop.set()
            worker.join()
        report.rounds += 1
        # After a kill the draft at the head may or may not have been approved: look it up.
        verify(settings, acknowledged, report)
        if pending:
            from drafting.storage.repository import Storage

            head = Storage(settings.resolved_database_url).get(pending[0])
            if head.status != "pending_review":
                pending.pop(0)
    report.acknowledged = len(acknowledged)
    report.lost = sorted(set(report.lost))
    report.half_written = sorted(set(report.half_written))
    return report
