"""The KPI dashboard and the post-incident review report in real headless Chromium, against a
real server process; the report is written by the real ``crisisdraft incident review`` command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from drafting.storage.repository import Storage
from tests.drafting.incidents.fakes import customer_posts
from tests.servers import free_port, process

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
MARKUP = "<img src=x onerror=alert(1)>"
pytestmark = pytest.mark.slow


def seed(base: str, key: str, real: list[str]) -> str:
    """Three hours of mentions, an incident worked to resolution, and one open and overdue."""
    h = {"Authorization": f"Bearer {key}"}
    now = datetime.now(UTC)

    def post(path: str, body: Any, status: int = 201) -> Any:
        response = httpx.post(base + path, headers=h, json=body, timeout=60)
        assert response.status_code == status, response.text
        return response.json()

    post(
        "/v1/mentions/batch",
        {
            "mentions": [
                {
                    "brand": "demo",
                    "channel": "x",
                    "text": t,
                    "posted_at": (now - timedelta(minutes=175 - i * 2.5)).isoformat(),
                }
                for i, t in enumerate(real[:70])
            ]
        },
    )
    incident = post(
        "/v1/incidents",
        {
            "brand": "demo",
            "title": "Card payments failing at checkout",
            "severity": "high",
            "channels": ["x", "facebook"],
            "keywords": ["payment", "checkout"],
            "timezone": "Europe/Rome",
            "facts": {
                "known": "card payments at checkout are failing for many of you",
                "doing": "we're working on it",
                "customers_should": "please don't retry a payment",
                "next_update_at": (now + timedelta(minutes=40)).isoformat(),
            },
        },
    )
    iid = incident["id"]
    for kind, text, edit in (
        ("holding_statement", "Checkout keeps declining my card!", None),
        ("status_update", "Any news about payments?", ("Card payments", "Payments by card")),
    ):
        draft = post(
            "/v1/drafts",
            {
                "brand": "demo",
                "channel": "facebook",
                "kind": kind,
                "incident_id": iid,
                "post": {"text": text},
            },
        )
        body: dict[str, Any] = {"reason": "matches the facts"}
        if edit:
            body = {"text": draft["text"].replace(*edit), "reason": "our wording: payments by card"}
        post(f"/v1/drafts/{draft['id']}/approve", body, 200)
    post(
        "/v1/drafts",
        {
            "brand": "demo",
            "channel": "x",
            "post": {"text": "My card payment failed at checkout, again", "author": "@ana"},
        },
    )
    post(
        f"/v1/incidents/{iid}/facts",
        {
            "known": "card payments at checkout are working again",
            "doing": "no money was taken for failed payments",
            "status": "resolved",
        },
    )
    draft = post(
        "/v1/drafts",
        {
            "brand": "demo",
            "channel": "facebook",
            "kind": "resolution_update",
            "incident_id": iid,
            "post": {"text": "Working now?"},
        },
    )
    post(f"/v1/drafts/{draft['id']}/approve", {"reason": "ok"}, 200)
    post(
        "/v1/mentions/batch",
        {"mentions": [{"brand": "demo", "channel": "x", "text": t} for t in real[70:80]]},
    )
    post(
        "/v1/incidents",
        {
            "brand": "demo",
            "title": "Tracking page down",
            "severity": "critical",
            "channels": ["x"],
            "holding_line": f"We're sorry: the tracking page is down {MARKUP}",
            "facts": {
                "known": "the tracking page is down right now",
                "next_update_at": (now - timedelta(minutes=7)).isoformat(),
            },
        },
    )
    return str(iid)


@pytest.fixture
def server(demo_copy: Any, tmp_path: Path, twitter_dev_json: Path) -> Iterator[dict[str, Any]]:
    storage = Storage(demo_copy.resolved_database_url)
    lead, _ = storage.create_key(name="Lea (lead)", role="lead", brands=["demo"])
    port = free_port()
    env = {
        "CRISISDRAFT_DATA_DIR": str(demo_copy.data_dir),
        "CRISISDRAFT_MODELS_DIR": str(demo_copy.models_dir),
        "CRISISDRAFT_LOG_LEVEL": "WARNING",
    }
    cmd = [sys.executable, "-m", "drafting.cli.app", "serve", "--port", str(port)]
    with process(cmd, port=port, env=env, log=tmp_path / "server.log"):
        base = f"http://127.0.0.1:{port}"
        iid = seed(base, lead, customer_posts(twitter_dev_json))
        yield {"base": base, "key": lead, "incident": iid, "env": env}


def test_dashboard_and_review_report_in_chromium(server: dict[str, Any], tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    shots = Path(os.environ.get("CRISISDRAFT_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "drafting.cli.app",
            "incident",
            "review",
            server["incident"],
            "--out",
            str(tmp_path / "report"),
        ],
        env={**os.environ, **server["env"]},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    html = tmp_path / "report" / f"review-{server['incident']}.html"
    markdown = (tmp_path / "report" / f"review-{server['incident']}.md").read_text()
    assert "## Timeline of facts and posted updates" in markdown
    assert "our wording: payments by card" in markdown
    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(server["base"] + "/dashboard/")
        page.fill("#key", server["key"])
        page.fill("#brand", "demo")
        page.click("#signin button[type=submit]")
        page.wait_for_selector("body[data-loaded=true]", timeout=20_000)
        assert page.locator("#tiles .tile").count() == 10
        assert page.locator("#chart-volume svg rect").count() > 5
        assert page.locator("#chart-times svg line").count() == 2  # the 15 and 30 min targets
        rows = page.locator("#incidents tbody tr")
        assert rows.count() == 2 and "overdue" in rows.first.inner_text()
        banner = page.inner_text("#crisis")
        assert "crisis mode" in banner and MARKUP in banner  # markup shown as text
        assert page.locator("#crisis img").count() == 0
        # Adoption (issue 10): the table by brand, the field targets beside the figures.
        targets = page.inner_text("#adoption-targets")
        assert "insertion above 40%" in targets and "edits around 30%" in targets
        assert page.inner_text("#t-insertion") == "target > 40%"
        assert page.inner_text("#t-edit") == "target ≈ 30%"
        assert page.locator("#adoption-error").is_hidden()
        assert page.locator("#adoption tfoot tr").count() == 1
        assert page.locator("#adoption tbody tr").first.inner_text().startswith("demo")
        page.select_option("#group-by", "model")
        expect(page.locator("#adoption-key")).to_have_text("model")
        expect(page.locator("#adoption tbody tr").first).to_contain_text("crisisdraft/composer")
        page.screenshot(path=str(shots / "dashboard.png"), full_page=True)
        report = browser.new_page(viewport={"width": 1100, "height": 900})
        report.goto(html.as_uri())
        assert report.locator("svg").count() >= 4
        assert report.locator("script").count() == 0
        assert "Post-incident review: Card payments failing at checkout" in report.inner_text("h1")
        report.screenshot(path=str(shots / "incident-review.png"), full_page=True)
        browser.close()
    assert dialogs == []
