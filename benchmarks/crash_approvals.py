"""Crash test, repeated: SIGKILL the API server at a random moment in a stream of approvals,
restart it, and count acknowledged decisions lost and records half-written (target 0 and 0).

    .venv/bin/python benchmarks/crash_approvals.py [--rounds 20] [--drafts 200]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--drafts", type=int, default=200)
    parser.add_argument("--database-url", default=None, help="e.g. a PostgreSQL URL")
    args = parser.parse_args()

    from drafting.config import Settings
    from drafting.storage.repository import Storage
    from knowledge.registry import BrandRegistry
    from tests.crashes import crash_rounds, make_drafts

    work = Path(tempfile.mkdtemp(prefix="crisisdraft-crash-"))
    base = Settings(_env_file=None)  # type: ignore[call-arg]
    settings = Settings(
        _env_file=None,
        data_dir=work / "data",  # type: ignore[call-arg]
        models_dir=base.models_dir.resolve(),
        database_url=args.database_url,
    )
    BrandRegistry(settings).load_dir(REPO / "knowledge" / "brands" / "demo")
    ids = make_drafts(settings, args.drafts)
    key, _ = Storage(settings.resolved_database_url).create_key(
        name="crash", role="lead", brands=["demo"]
    )
    started = time.perf_counter()
    report = crash_rounds(settings, ids, rounds=args.rounds, key=key, log_dir=work)
    print(
        f"{report.rounds} SIGKILLs in {time.perf_counter() - started:.0f} s "
        f"({settings.resolved_database_url.split(':')[0]}): "
        f"{report.acknowledged} approvals acknowledged, {len(report.lost)} lost, "
        f"{len(report.half_written)} half-written, {report.in_flight_unacknowledged} requests "
        "cut off unacknowledged"
    )
    shutil.rmtree(work, ignore_errors=True)
    if report.lost or report.half_written:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
