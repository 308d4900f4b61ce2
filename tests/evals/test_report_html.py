"""The HTML report in real headless Chromium: self-contained, every text escaped, filters work."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from evals.compare import compare_runs
from evals.html import render_comparison, render_report
from evals.loaders import load_suite
from evals.runner import RunOptions, run_suite
from tests.evals.conftest import write_suite

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
HOSTILE = '<img src=x onerror="alert(1)"></textarea></script><script>alert(2)</script>'


@pytest.fixture
def hostile_run(demo_copy: Any, tmp_path: Path) -> Any:
    suite = write_suite(
        tmp_path,
        f"""
        name: hostile
        description: 'Report test {HOSTILE}'
        defaults:
          brand: demo
          evaluators:
            - checks
            - triage
            - {{contains: {{value: "<script>", metric: "<b>Evil</b>"}}}}
        cases:
          - id: xss-post
            tags: ['x" onmouseover="alert(3)']
            post: 'My order is late {HOSTILE}'
            author: "@ana"
            reference: '{HOSTILE}'
            expect: {{category: delivery}}
          - id: plain
            post: "Thank you, the Nido armchair is perfect."
            author: "@bo"
            expect: {{category: praise}}
    """,
    )
    result = asyncio.run(
        run_suite(load_suite(suite), settings=demo_copy, options=RunOptions(progress=False))
    )
    case = result.cases[0]
    case.draft = f"@ana {HOSTILE} ^Team Verdello"  # as if a model had echoed the attack
    case.results[0].reason = f"evidence {HOSTILE}"
    case.notes.append(HOSTILE)
    return result


def test_report_escapes_everything_and_is_self_contained(hostile_run: Any) -> None:
    html = render_report(hostile_run)
    assert "<script>alert(2)</script>" not in html
    assert '<img src=x onerror="alert(1)">' not in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert 'onmouseover="alert(3)"' not in html
    assert "&lt;b&gt;Evil&lt;/b&gt;" in html
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert csp and unescape(csp.group(1)).startswith("default-src 'none';")
    assert "script-src 'sha256-" in unescape(csp.group(1))
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in re.sub(r"&[^;]+;", "", html).replace(
        "https://verdello.example", ""
    ).replace("https://status.verdello.example", "")
    assert html.count("<script>") == 1  # the report's own script, nothing else


def test_report_in_chromium(hostile_run: Any, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    report = tmp_path / "report.html"
    report.write_text(render_report(hostile_run), encoding="utf-8")
    shots = Path(os.environ.get("CRISISDRAFT_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    dialogs: list[str] = []
    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})

        def on_dialog(dialog: Any) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.on("request", lambda r: requests.append(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(report.as_uri())
        assert page.locator("details.case").count() == 2
        assert "2 of 2 cases" in page.inner_text("#f-count")
        page.screenshot(path=str(shots / "eval-report-top.png"))
        # The hostile text is shown as text: visible, never turned into elements.
        case = page.locator("#case-xss-post")
        case.locator("summary").click()
        assert HOSTILE in case.inner_text()
        assert page.locator("details.case img").count() == 0
        case.scroll_into_view_if_needed()
        page.screenshot(path=str(shots / "eval-report-case.png"))
        # Filters: text search and status.
        page.fill("#f-search", "armchair is perfect")  # the post; sources may say armchair
        assert "1 of 2 cases" in page.inner_text("#f-count")
        assert page.locator("#case-plain").is_visible()
        page.fill("#f-search", "")
        browser.close()
    assert dialogs == []
    assert [u for u in requests if not u.startswith("file://")] == []
    assert errors == []


def test_comparison_report_is_escaped_too(hostile_run: Any) -> None:
    before = hostile_run.model_copy(deep=True)
    before.id = "before"
    for case in before.cases:
        case.status = "pass"
        for r in case.results:
            if r.status == "fail":
                r.status = "pass"
    html = render_comparison(compare_runs(before, hostile_run), before, hostile_run)
    assert "<script>alert(2)</script>" not in html and "&lt;script&gt;alert(2)" in html
    assert "Regressions" in html or "Worse" in html or "Improvements" in html
