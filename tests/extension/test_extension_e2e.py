"""The "Draft reply" extension in real headless Chromium against a real API server process."""

from __future__ import annotations

import os
import signal
import time
from typing import Any

import httpx
import pytest

from tests.conftest import bearer
from tests.extension.conftest import EXTENSION_ORIGIN, Api, Browser

pytestmark = pytest.mark.slow

PANEL = "iframe[data-crisisdraft-ui=panel]"
EXTENSION_NAME = "crisisdraft: Draft reply"  # manifest.json "name": the content script's world
BUTTONS = "[data-crisisdraft-ui=button] button"
CLEAN_EDIT = (
    "@ana We're sorry your order is late. Please send us a DM with your order number so we "
    "can look into it today. ^Team Verdello"
)


def inbox_sites(site: str) -> list[dict[str, str]]:
    return [{"match": f"{site}/inbox.html*"}]


def draft_button(page: Any, index: int) -> Any:
    """The buttons sit in document order of their boxes: delivery, billing, safety."""
    return page.locator(BUTTONS).nth(index)


def content_script_storage(page: Any) -> str:
    """What the extension's content script (its isolated world in the page) gets when it asks
    chrome.storage.local for the settings; found and run through the DevTools protocol."""
    session = page.context.new_cdp_session(page)
    contexts: list[dict[str, Any]] = []
    session.on("Runtime.executionContextCreated", lambda event: contexts.append(event["context"]))
    session.send("Runtime.enable")
    worlds = [c for c in contexts if c.get("name") == EXTENSION_NAME]
    assert worlds, f"the content script's world was not found among {contexts}"
    result = session.send(
        "Runtime.evaluate",
        {
            "contextId": worlds[0]["id"],
            "awaitPromise": True,
            "returnByValue": True,
            "expression": "chrome.storage.local.get('settings').then((r) => JSON.stringify(r),"
            " (e) => 'refused: ' + e.message)",
        },
    )
    session.detach()
    return str(result["result"].get("value"))


def test_draft_inserted_checked_live_and_submitted(api: Api, site: str, browser: Browser) -> None:
    from playwright.sync_api import expect

    browser.configure(api.base, api.agent, inbox_sites(site))
    page = browser.open(f"{site}/inbox.html")
    # A button beside every reply box: two textareas and a contenteditable one.
    expect(page.locator(BUTTONS)).to_have_count(3)
    browser.shot(page, "1-inbox-buttons")

    # Freeze the server so the draft is visibly in progress, then let it answer.
    os.kill(api.proc.pid, signal.SIGSTOP)
    try:
        draft_button(page, 0).click()
        panel = page.frame_locator(PANEL)
        expect(panel.locator("#progress-text")).to_contain_text("Drafting…")
        browser.shot(page, "2-progress")
    finally:
        os.kill(api.proc.pid, signal.SIGCONT)
    expect(panel.locator("#draft")).to_be_visible(timeout=60_000)

    # The post and thread were read from the page; triage, checks and sources are shown.
    expect(panel.locator("#post-author")).to_have_text("@ana")
    expect(panel.locator("#post-text")).to_contain_text("three weeks late")
    expect(panel.locator("#thread-count")).to_have_text("(+2 earlier in the thread)")
    badges = panel.locator("#badges")
    for text in ("severity:", "delivery", "action:", "channel: x"):
        expect(badges).to_contain_text(text)
    expect(panel.locator("#draft-label")).to_have_text("Draft 1 of 3")
    expect(panel.locator("#checks li").first).to_be_visible()
    expect(panel.locator("#sources-summary")).to_contain_text("Sources (")
    assert panel.locator("#sources li").count() > 0
    first = panel.locator("#text").inner_text()
    assert first.startswith("@ana ") and first.endswith("^Team Verdello")

    # Alternatives cycle.
    panel.locator("#next").click()
    expect(panel.locator("#draft-label")).to_have_text("Draft 2 of 3")
    panel.locator("#prev").click()
    expect(panel.locator("#draft-label")).to_have_text("Draft 1 of 3")
    expect(panel.locator("#text")).to_have_text(first)

    # The page cannot read the panel, the draft or the key.
    html = page.content()
    assert first not in html and api.agent not in html
    assert page.evaluate("() => window.__nosy.panelReadable") is False
    assert page.evaluate("() => window.__nosy.runtime") is False
    # Nor can the content script's own world read the key from extension storage.
    seen = content_script_storage(page)
    assert seen == "refused: Access to storage is not allowed from this context.", seen
    browser.shot(page, "3-draft")

    # Another tab cannot get this tab's draft, even with the panel's exact address: its copy of
    # the panel is refused by the service worker and shows no draft.
    other = browser.open(f"{site}/forum.html")
    other.evaluate(
        """(src) => {
        const frame = document.createElement('iframe');
        frame.id = 'stolen';
        frame.src = src;
        document.body.append(frame);
    }""",
        page.locator(PANEL).get_attribute("src"),
    )
    stolen = other.frame_locator("#stolen")
    expect(stolen.locator("#error-message")).to_have_text(
        "This panel lost its connection to the extension.", timeout=15_000
    )
    expect(stolen.locator("#draft")).to_be_hidden()
    assert first not in stolen.locator("body").inner_text()
    other.close()

    # Insert puts the text in the box; nothing is posted.
    panel.locator("#insert").click()
    box = page.locator("#reply-delivery")
    expect(box).to_have_value(first)
    expect(panel.locator("#draft-label")).to_have_text("Your reply (in the box)")

    # An edit in the box is re-checked live; failing checks are highlighted on the text.
    box.press("End")
    box.press_sequentially(" Sorry if the courier lost it!!")
    expect(panel.locator("#verdict")).to_have_text("needs override", timeout=10_000)
    expect(panel.locator("#text mark.block").first).to_be_visible()
    expect(panel.locator("#checks li.block").first).to_be_visible()
    expect(panel.locator("#checks")).to_contain_text("blames")
    browser.shot(page, "4-live-check-failing")

    box.fill(CLEAN_EDIT)
    expect(panel.locator("#verdict")).to_have_text("ok", timeout=10_000)
    expect(panel.locator("#checks")).to_have_text("All checks pass.")

    # Submit for approval sends the edited text as a new version of the pending draft.
    panel.locator("#submit").click()
    expect(panel.locator("#approval")).to_have_text("Waiting for a reviewer (version 2).")
    queue = httpx.get(f"{api.base}/v1/queue", headers=bearer(api.agent), timeout=30).json()
    mine = [d for d in queue["data"] if "three weeks late" in d["post"]["text"]]
    assert len(mine) == 1
    assert mine[0]["text"] == CLEAN_EDIT and mine[0]["review"]["version"] == 2
    browser.shot(page, "5-submitted")

    # A reviewer approves it; the panel shows the new status.
    approved = httpx.post(
        f"{api.base}/v1/drafts/{mine[0]['id']}/approve",
        headers=bearer(api.reviewer),
        json={"expected_version": 2},
        timeout=30,
    )
    assert approved.status_code == 200, approved.text
    panel.locator("#refresh").click()
    expect(panel.locator("#approval")).to_contain_text("Approved by")
    browser.shot(page, "6-approved")
    assert page.evaluate("() => window.__sent") == []


def test_contenteditable_box_with_site_selectors(api: Api, site: str, browser: Browser) -> None:
    from playwright.sync_api import expect

    browser.configure(
        api.base,
        api.agent,
        [
            {
                "match": f"{site}/chat.html*",
                "channel": "instagram",
                "message": ".bubble",
                "messageText": ".says",
                "author": ".who",
                "own": ".bubble.agent",
            },
            {"match": f"{site}/inbox.html*"},
        ],
    )
    page = browser.open(f"{site}/chat.html")
    expect(page.locator(BUTTONS)).to_have_count(1)
    page.locator(BUTTONS).click()
    panel = page.frame_locator(PANEL)
    expect(panel.locator("#draft")).to_be_visible(timeout=60_000)
    expect(panel.locator("#post-author")).to_have_text("@carla")
    expect(panel.locator("#post-text")).to_contain_text("charged me twice")
    expect(panel.locator("#thread-count")).to_have_text("(+2 earlier in the thread)")
    expect(panel.locator("#badges")).to_contain_text("channel: instagram")
    text = panel.locator("#text").inner_text()

    box = page.locator(".composer .input")
    panel.locator("#insert").click()
    expect(box).to_have_text(text)
    box.press("End")
    box.press_sequentially(" Sorry if this is confusing!!")
    expect(panel.locator("#text mark").first).to_be_visible(timeout=10_000)
    expect(panel.locator("#draft-label")).to_have_text("Your reply (in the box)")
    browser.shot(page, "7-contenteditable-live-check")
    # Undo restores what the box held before the insert (here: nothing).
    panel.locator("#undo").click()
    expect(box).to_have_text("")
    expect(panel.locator("#draft-label")).to_have_text("Draft 1 of 3")


def test_escalation_shown_instead_of_a_draft(api: Api, site: str, browser: Browser) -> None:
    from playwright.sync_api import expect

    browser.configure(api.base, api.agent, inbox_sites(site))
    page = browser.open(f"{site}/inbox.html")
    page.locator("#conv-safety").scroll_into_view_if_needed()
    draft_button(page, 2).click()
    panel = page.frame_locator(PANEL)
    expect(panel.locator("#escalation")).to_be_visible(timeout=60_000)
    expect(panel.locator("#escalation h2")).to_have_text("Escalate: no public draft")
    expect(panel.locator("#esc-role")).to_have_text("safety")
    expect(panel.locator("#esc-contact")).not_to_be_empty()
    expect(panel.locator("#esc-reasons li").first).to_be_visible()
    expect(panel.locator("#badges")).to_contain_text("action: escalate")
    expect(panel.locator("#badges .flag").first).to_be_visible()
    # No draft, nothing to insert.
    expect(panel.locator("#draft")).to_be_hidden()
    expect(panel.locator("#insert")).to_be_hidden()
    expect(page.locator("#reply-safety")).to_have_value("")
    browser.shot(page, "8-escalation")


def test_bad_key_says_so_and_keeps_the_text(api: Api, site: str, browser: Browser) -> None:
    from playwright.sync_api import expect

    browser.configure(api.base, "cd_00000000_not-a-real-key", inbox_sites(site))
    page = browser.open(f"{site}/inbox.html")
    box = page.locator("#reply-delivery")
    box.fill("Hi Ana, I'm checking")
    draft_button(page, 0).click()
    panel = page.frame_locator(PANEL)
    expect(panel.locator("#error")).to_be_visible(timeout=30_000)
    expect(panel.locator("#error-message")).to_have_text(
        "The API key was refused: The API key is unknown or revoked."
    )
    expect(panel.locator("#error-fix")).to_contain_text("paste a valid API key")
    expect(panel.locator("#open-options")).to_be_visible()
    expect(box).to_have_value("Hi Ana, I'm checking")
    browser.shot(page, "9-bad-key")

    options = browser.open(f"{EXTENSION_ORIGIN}/options/options.html")
    options.click("#test")
    expect(options.locator("#status")).to_contain_text("The API key was refused")
    browser.shot(options, "10-options-bad-key")


def test_server_down_keeps_the_text_then_retry(api: Api, site: str, browser: Browser) -> None:
    from playwright.sync_api import expect

    from tests.servers import free_port

    down = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    browser.configure(down, api.agent, inbox_sites(site))
    page = browser.open(f"{site}/inbox.html")
    box = page.locator("#reply-delivery")
    typed = "Hi Ana, so sorry: let me check where"
    box.fill(typed)
    draft_button(page, 0).click()
    panel = page.frame_locator(PANEL)
    expect(panel.locator("#error-message")).to_have_text(
        f"Cannot reach the crisisdraft API at {down}.", timeout=30_000
    )
    expect(panel.locator("#error-fix")).to_contain_text("Your text in the reply box is untouched.")
    expect(box).to_have_value(typed)
    browser.shot(page, "11-server-down")

    # The server is back (the right URL); Retry drafts; the typed text is still there, and an
    # insert can be undone back to it.
    browser.configure(api.base, api.agent, inbox_sites(site))
    panel.locator("#retry").click()
    expect(panel.locator("#draft")).to_be_visible(timeout=60_000)
    expect(box).to_have_value(typed)
    panel.locator("#insert").click()
    expect(box).not_to_have_value(typed)
    panel.locator("#undo").click()
    expect(box).to_have_value(typed)
    browser.shot(page, "12-retry-undo")
    assert page.evaluate("() => window.__sent") == []


def test_context_menu_drafts_a_reply_to_the_selection(
    api: Api, site: str, browser: Browser
) -> None:
    from playwright.sync_api import expect

    browser.configure(api.base, api.agent, inbox_sites(site))
    page = browser.open(f"{site}/forum.html")  # not an enabled site: no buttons
    page.wait_for_timeout(500)
    expect(page.locator(BUTTONS)).to_have_count(0)
    page.evaluate("""() => {
        const range = document.createRange();
        range.selectNodeContents(document.getElementById('review-text'));
        getSelection().removeAllRanges();
        getSelection().addRange(range);
    }""")
    # Headless Chromium shows no context menu to click: call the menu's own click handler with
    # what Chrome would pass it.
    browser.worker.evaluate(
        """async (url) => {
        const [tab] = await chrome.tabs.query({ url });
        await self.crisisdraftMenuClick({ menuItemId: "crisisdraft-draft-reply", frameId: 0,
            pageUrl: tab.url, selectionText: "The table arrived with a cracked leg" }, tab);
    }""",
        f"{site}/forum.html",
    )
    panel = page.frame_locator(PANEL)
    expect(panel.locator("#draft")).to_be_visible(timeout=60_000)
    expect(panel.locator("#post-text")).to_contain_text("cracked leg")
    panel.locator("#insert").click()
    expect(page.locator("#answer")).to_have_value(panel.locator("#text").inner_text())
    expect(page.locator(BUTTONS)).to_have_count(0)  # the one-off injection adds no buttons
    browser.shot(page, "13-context-menu")


def test_cors_allows_the_extension_origin_only(api: Api) -> None:
    preflight = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
    }
    ok = httpx.options(f"{api.base}/v1/drafts", headers={"Origin": EXTENSION_ORIGIN, **preflight})
    assert ok.status_code == 200
    assert ok.headers["access-control-allow-origin"] == EXTENSION_ORIGIN
    other = httpx.options(
        f"{api.base}/v1/drafts", headers={"Origin": "https://inbox.example.com", **preflight}
    )
    assert other.status_code == 400
    assert "access-control-allow-origin" not in other.headers


def adoption_total(api: Api) -> dict[str, Any]:
    response = httpx.get(
        f"{api.base}/v1/adoption",
        params={"brand": "demo", "group_by": "brand"},
        headers=bearer(api.agent),
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return dict(response.json()["total"])


def test_rewrite_feedback_and_adoption_events(api: Api, site: str, browser: Browser) -> None:
    """Issue 10 in the panel: rewrite the draft, then the agent's own edit (each a new version),
    a thumbs-down with a reason, and the "shown"/"inserted" events in the adoption figures."""
    from playwright.sync_api import expect

    browser.configure(api.base, api.agent, inbox_sites(site))
    before = adoption_total(api)  # the module's server is shared: compare with what was there
    page = browser.open(f"{site}/inbox.html")
    draft_button(page, 0).click()
    panel = page.frame_locator(PANEL)
    expect(panel.locator("#draft")).to_be_visible(timeout=60_000)
    buttons = panel.locator("#rewrite-buttons button")
    expect(buttons).to_have_count(6, timeout=15_000)
    # The built-in drafter cannot translate: greyed out, with the server's reason.
    translate = panel.locator("#rewrite-buttons button[data-action=translate]")
    expect(translate).to_be_disabled()
    assert "needs a language model" in (translate.get_attribute("title") or "")
    expect(panel.locator("#rewrites-off-summary")).to_have_text(
        "Not available here: Translate (why?)"
    )
    panel.locator("#rewrites-off-summary").click()
    expect(panel.locator("#rewrites-off")).to_contain_text("Translate: Translate needs")

    # Shorter, on the draft as stored: a new version, re-checked, offline.
    first = panel.locator("#text").inner_text()
    panel.locator("#rewrite-buttons button[data-action=shorter]").click()
    status = panel.locator("#rewrite-status")
    expect(status).to_contain_text("Shorter: rewritten", timeout=15_000)
    expect(status).to_contain_text("now version 2 · offline.")
    expect(panel.locator("#rewrite-notes li").first).to_be_visible()
    expect(panel.locator("#approval")).to_contain_text("Waiting for a reviewer (version 2).")
    shorter = panel.locator("#text").inner_text()
    assert len(shorter) < len(first) and shorter.endswith("^Team Verdello")

    # Insert it, edit it in the box, and rewrite the agent's own text.
    panel.locator("#insert").click()
    box = page.locator("#reply-delivery")
    expect(box).to_have_value(shorter)
    box.fill("@ana We're sorry your order is late. Please DM us your order number. ^Team Verdello")
    expect(panel.locator("#draft-label")).to_have_text("Your reply (in the box)")
    expect(panel.locator("#text")).to_contain_text("Please DM us", timeout=10_000)  # re-checked
    panel.locator("#rewrite-buttons button[data-action=more_formal]").click()
    expect(status).to_contain_text("More formal: rewritten", timeout=15_000)
    expect(status).to_contain_text("now version 3")
    expect(panel.locator("#text")).to_contain_text("@ana We are sorry your order is late.")
    formal = panel.locator("#text").inner_text()
    # The rewrite is not in the box until the agent inserts it.
    expect(box).to_have_value(
        "@ana We're sorry your order is late. Please DM us your order number. ^Team Verdello"
    )
    browser.shot(page, "14-rewrite")

    # Thumbs down: a reason first.
    panel.locator("#fb-down").click()
    panel.locator("#fb-send").click()
    expect(panel.locator("#fb-status")).to_have_text("Choose what was wrong with the draft.")
    panel.locator("#fb-reason").select_option("off_brand")
    panel.locator("#fb-send").click()
    expect(panel.locator("#fb-status")).to_have_text(
        "Thanks: your thumbs down (off-brand) on version 3 is recorded.", timeout=15_000
    )
    expect(panel.locator("#fb-form")).to_be_hidden()
    browser.shot(page, "15-thumbs-down")
    assert page.evaluate("() => window.__sent") == []

    # Through the API: the vote, the two rewrites as versions, and the events.
    votes = httpx.get(
        f"{api.base}/v1/feedback",
        params={"brand": "demo", "vote": "down"},
        headers=bearer(api.agent),
        timeout=30,
    ).json()["data"]
    mine = [v for v in votes if v["reason"] == "off_brand"]
    assert len(mine) == 1 and mine[0]["version"] == 3
    assert mine[0]["rewrite_action"] == "more_formal"
    history = httpx.get(
        f"{api.base}/v1/drafts/{mine[0]['draft_id']}/history",
        headers=bearer(api.agent),
        timeout=30,
    ).json()
    versions = [v for v in history["versions"] if v["origin"] != "alternative"]
    assert [v["origin"] for v in versions] == ["model", "rewrite", "rewrite"]
    assert [v["text"] for v in versions[1:]] == [shorter, formal]

    # A reviewer approves version 3 meanwhile: the next rewrite is refused (409) and the panel
    # reloads the draft; a decided draft takes no new version, so the text alone is rewritten.
    approved = httpx.post(
        f"{api.base}/v1/drafts/{mine[0]['draft_id']}/approve",
        headers=bearer(api.reviewer),
        json={"expected_version": 3},
        timeout=30,
    )
    assert approved.status_code == 200, approved.text
    panel.locator("#rewrite-buttons button[data-action=shorter]").click()
    expect(status).to_contain_text("Shorter: not done.", timeout=15_000)
    expect(status).to_contain_text("The draft was reloaded")
    expect(panel.locator("#approval")).to_contain_text("Approved by Rui")
    panel.locator("#rewrite-buttons button[data-action=simpler]").click()
    expect(status).to_contain_text("not saved as a version", timeout=15_000)
    expect(panel.locator("#draft-label")).to_have_text(
        "Rewritten (not saved: the draft is decided)"
    )
    browser.shot(page, "16-rewrite-decided")
    after_approval = httpx.get(
        f"{api.base}/v1/drafts/{mine[0]['draft_id']}/history",
        headers=bearer(api.agent),
        timeout=30,
    ).json()
    rewrites = [v for v in after_approval["versions"] if v["origin"] == "rewrite"]
    assert len(rewrites) == 2  # the rewrite of the decided draft's text was not kept

    deadline = time.monotonic() + 15
    while True:  # the events are sent in the background: wait for them a little
        after = adoption_total(api)
        delta = {k: after[k] - before[k] for k in ("shown", "inserted", "down_voted")}
        if delta == {"shown": 1, "inserted": 1, "down_voted": 1} or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert delta == {"shown": 1, "inserted": 1, "down_voted": 1}
