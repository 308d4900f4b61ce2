"""The review report renders an incident with nothing posted yet, and never lets text people
typed become markup (HTML page or Markdown viewer)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from drafting.access import Principal
from drafting.config import Settings
from drafting.incidents.models import FactsCreate, IncidentCreate
from drafting.incidents.report_html import render_html
from drafting.incidents.report_markdown import render_markdown
from drafting.incidents.review import build_review
from drafting.incidents.service import Incidents
from drafting.storage.repository import Storage

LEAD = Principal("k", "Lea <b>", "lead", ("demo",))
MARKUP = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def test_reports_escape_what_people_typed(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path)  # type: ignore[call-arg]
    incidents = Incidents(Storage(settings.resolved_database_url), settings)
    incident = incidents.open(
        IncidentCreate(brand="demo", title=f"Outage {MARKUP}", severity="medium"), LEAD
    )
    incidents.add_facts(incident.id, FactsCreate(known=f"the app | is down {MARKUP}"), LEAD)
    incidents.store.save_lessons(
        incident.id,
        f"- Check {MARKUP}",
        principal=LEAD,
        now=incidents.clock.now(),
        path="guidelines/x.md",
    )
    report = build_review(incidents, incident.id)
    assert report.updates == [] and report.first_update_minutes is None
    html = render_html(report)
    assert "<script" not in html and "<img" not in html and "Lea <b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "No update was posted." in html and html.count("<svg") == 4
    markdown = render_markdown(report)
    timeline = next(line for line in markdown.splitlines() if "Facts updated" in line)
    assert "The app \\| is down &lt;script&gt;" in timeline
    assert "no update was posted" in markdown


def test_cli_says_what_to_do_for_an_unknown_incident(tmp_path: Path) -> None:
    env = {**os.environ, "CRISISDRAFT_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "drafting.cli.app",
            "incident",
            "review",
            "inc_nope",
            "--out",
            str(tmp_path),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "No incident 'inc_nope'" in done.stderr and "Fix:" in done.stderr
    assert not list(tmp_path.glob("review-*"))
