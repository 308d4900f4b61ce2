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
        # The history loads after the status: wait for it rather than read it once.
        expect(page.locator("#d-history")).to_contain_text("approve by", timeout=10_000)
        page.screenshot(path=str(shots / "review-queue-approved.png"), full_page=True)
        browser.close()
    assert dialogs == []


def test_rewrite_feedback_and_shown_event_in_chromium(
    server: dict[str, Any], tmp_path: Path
) -> None:
    """Issue 10 on the review page: rewrite buttons (one unavailable offline, with its reason), a
    rewrite of the stored draft and one of the reviewer's edit, a stale version reloaded, a
    thumbs-down with a reason; then the same facts read back through the API."""
    from playwright.sync_api import expect, sync_playwright

    base, headers = server["base"], {"Authorization": f"Bearer {server['key']}"}
    shots = Path(os.environ.get("CRISISDRAFT_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(base + "/review/")
        page.fill("#key", server["key"])
        page.fill("#brand", "demo")
        page.click("#signin button[type=submit]")
        page.locator("#queue li", has_text="three weeks late").click()
        draft_id = page.locator("#queue li.active").get_attribute("data-id")
        assert draft_id
        shorter = page.locator("#d-rewrites button[data-action=shorter]")
        expect(shorter).to_be_enabled(timeout=10_000)
        expect(page.locator("#d-rewrites button")).to_have_count(6)
        # The built-in drafter cannot translate: the button says why instead of pretending.
        translate = page.locator("#d-rewrites button[data-action=translate]")
        expect(translate).to_be_disabled()
        assert "needs a language model" in (translate.get_attribute("title") or "")
        expect(page.locator("#d-rewrites-off")).to_contain_text("Translate: ")

        # Shorter, on the stored draft: a new version, re-checked, with the server's notes.
        before = page.input_value("#d-text")
        shorter.click()
        summary = page.locator("#d-rewrite-summary")
        expect(summary).to_contain_text("Shorter: rewritten", timeout=15_000)
        expect(summary).to_contain_text("now version 2")
        expect(page.locator("#d-status")).to_have_text(re.compile(r"· v2$"))
        expect(page.locator("#d-rewrite-notes li").first).to_be_visible()
        shortened = page.input_value("#d-text")
        assert len(shortened) < len(before) and shortened.endswith("^Team Verdello")
        expect(page.locator("#d-history")).to_contain_text("rewrite (shorter) by")

        # More formal, on the reviewer's own edit: the edited text is what gets rewritten.
        page.fill(
            "#d-text",
            "@ana We're sorry your order is late. Please DM us your order. ^Team Verdello",
        )
        page.locator("#d-rewrites button[data-action=more_formal]").click()
        expect(summary).to_contain_text("now version 3", timeout=15_000)
        formal = page.input_value("#d-text")
        assert formal.startswith("@ana We are sorry your order is late.")
        page.screenshot(path=str(shots / "review-rewrite.png"), full_page=True)

        # Thumbs down: a reason is required, and "other" needs a comment.
        page.click("#fb-down")
        page.click("#fb-send")
        expect(page.locator("#fb-result")).to_have_text("Choose what was wrong first.")
        page.select_option("#fb-reason", "other")
        page.click("#fb-send")
        expect(page.locator("#fb-result")).to_have_text("Say in the comment what was wrong.")
        page.select_option("#fb-reason", "wrong_tone")
        page.fill("#fb-comment", "too stiff for X <b>really</b>")
        page.click("#fb-send")
        expect(page.locator("#fb-result")).to_have_text(
            "Thanks: your thumbs down (wrong tone) on version 3 is recorded."
        )
        expect(page.locator("#fb-form")).to_be_hidden()
        page.screenshot(path=str(shots / "review-feedback.png"), full_page=True)

        # Someone else changes the draft: the next rewrite is refused (409) and the page reloads.
        other = httpx.post(
            f"{base}/v1/drafts/{draft_id}/propose",
            headers=headers,
            json={"text": formal.replace("late.", "late, we know."), "expected_version": 3},
            timeout=30,
        )
        assert other.status_code == 200, other.text
        shorter.click()
        expect(page.locator("#error")).to_contain_text("The draft was reloaded", timeout=15_000)
        expect(page.locator("#d-status")).to_have_text(re.compile(r"· v4$"))
        assert "we know." in page.input_value("#d-text")
        browser.close()
    assert dialogs == []

    # Through the API: the rewrites are versions, the vote and the "shown" event are stored.
    history = httpx.get(f"{base}/v1/drafts/{draft_id}/history", headers=headers, timeout=30)
    versions = history.json()["versions"]
    assert [v["origin"] for v in versions][:3] == ["model", "rewrite", "rewrite"]
    assert versions[1]["text"] == shortened and versions[2]["text"] == formal
    votes = httpx.get(
        f"{base}/v1/feedback", params={"brand": "demo"}, headers=headers, timeout=30
    ).json()["data"]
    assert [(v["draft_id"], v["vote"], v["reason"], v["version"]) for v in votes] == [
        (draft_id, "down", "wrong_tone", 3)
    ]
    assert votes[0]["comment"] == "too stiff for X <b>really</b>"
    assert votes[0]["rewrite_action"] == "more_formal"  # the vote is on that rewrite
    adoption = httpx.get(
        f"{base}/v1/adoption", params={"brand": "demo", "group_by": "brand"}, headers=headers
    ).json()
    assert adoption["total"]["shown"] == 1  # reported once, though the draft was shown twice
    assert adoption["total"]["down_voted"] == 1
