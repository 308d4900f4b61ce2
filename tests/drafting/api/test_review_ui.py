"""The review queue page in real headless Chromium against a real server process."""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from drafting.storage.repository import Storage
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
pytestmark = pytest.mark.slow


@pytest.fixture
def server(demo_copy: Any, tmp_path: Path) -> Iterator[dict[str, Any]]:
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
        headers = {"Authorization": f"Bearer {lead}"}
        for text in (
            "My order is three weeks late. <b>bold</b><img src=x onerror=alert(1)>",
            "Your app charged me twice for the same order, fix it now",
        ):
            response = httpx.post(
                f"{base}/v1/drafts",
                headers=headers,
                timeout=30,
                json={"brand": "demo", "channel": "x", "post": {"text": text, "author": "@ana"}},
            )
            assert response.status_code == 201, response.text
        yield {"base": base, "key": lead}


def test_review_queue_in_chromium(server: dict[str, Any], tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    shots = Path(os.environ.get("CRISISDRAFT_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(server["base"] + "/review/")
        page.fill("#key", server["key"])
        page.fill("#brand", "demo")
        page.click("#signin button[type=submit]")
        page.wait_for_selector("#queue li")
        assert page.locator("#queue li").count() == 2
        page.locator("#queue li", has_text="three weeks late").click()
        page.wait_for_selector("#detail:not([hidden])")
        # Customer text is shown as text: the markup is visible, nothing was injected.
        assert "<img src=x" in page.inner_text("#d-post")
        assert page.locator("#d-post img").count() == 0
        # Live re-check: a blame-shifting edit is flagged on the text.
        page.fill(
            "#d-text", "@ana Sorry if you are upset, but the courier lost it!! ^Team Verdello"
        )
        # expect() polls from Playwright's own world: the page's CSP rightly forbids eval.
        expect(page.locator("#d-highlight mark").first).to_be_visible(timeout=10_000)
        expect(page.locator("#d-verdict")).not_to_have_text("ok")
        page.screenshot(path=str(shots / "review-queue-failing-edit.png"), full_page=True)
        # Approve a clean edit.
        page.fill(
            "#d-text",
            "@ana We're sorry your order is late. Please send us a DM so we can "
            "look into it. ^Team Verdello",
        )
        page.wait_for_timeout(800)
        page.fill("#d-reason", "checked by the lead")
        page.click("#approve")
        expect(page.locator("#d-status")).to_have_text(re.compile("^approved"), timeout=10_000)
        assert "approve by" in page.inner_text("#d-history")
        page.screenshot(path=str(shots / "review-queue-approved.png"), full_page=True)
        browser.close()
    assert dialogs == []
