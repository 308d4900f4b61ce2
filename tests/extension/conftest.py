"""The browser extension end to end: the real API server, local inbox-like pages, and Debian's
Chromium with the unpacked extension loaded (headless)."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.servers import free_port, process

REPO = Path(__file__).resolve().parents[2]
EXTENSION = REPO / "extension"
PAGES = Path(__file__).resolve().parent / "pages"
#: Fixed by the public "key" in extension/manifest.json, whatever folder the extension loads from.
EXTENSION_ID = "apkooboafeiigjeedgigbcnifaioofah"
EXTENSION_ORIGIN = f"chrome-extension://{EXTENSION_ID}"
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
SAVED = "Saved. Open tabs on the enabled sites get the button now."


@dataclass
class Api:
    base: str
    agent: str
    reviewer: str
    proc: subprocess.Popen[bytes]


@pytest.fixture(scope="module")
def api(demo_settings: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    """The real API on a free port, on a private copy of the demo data dir (like `demo_copy`, but
    one per module: the browser tests share a server to spare the machine), allowing CORS for the
    extension's origin only."""
    from drafting.storage.repository import Storage

    root = tmp_path_factory.mktemp("extension-api")
    data = root / "demo-copy"
    shutil.copytree(
        demo_settings.data_dir,
        data,
        symlinks=True,
        ignore=shutil.ignore_patterns("crisisdraft.db*"),
    )
    settings = demo_settings.model_copy(update={"data_dir": data, "database_url": None})
    storage = Storage(settings.resolved_database_url)
    agent, _ = storage.create_key(name="Ana (agent)", role="agent", brands=["demo"])
    reviewer, _ = storage.create_key(name="Rui (reviewer)", role="reviewer", brands=["demo"])
    port = free_port()
    env = {
        "CRISISDRAFT_DATA_DIR": str(data),
        "CRISISDRAFT_MODELS_DIR": str(settings.models_dir),
        "CRISISDRAFT_LOG_LEVEL": "WARNING",
        "CRISISDRAFT_CORS_ORIGINS": f'["{EXTENSION_ORIGIN}"]',
    }
    cmd = [sys.executable, "-m", "drafting.cli.app", "serve", "--port", str(port)]
    with process(cmd, port=port, env=env, log=root / "server.log") as proc:
        yield Api(base=f"http://127.0.0.1:{port}", agent=agent, reviewer=reviewer, proc=proc)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    """The fixture pages (a social inbox, a support chat, a review page) on a free loopback port."""
    port = free_port()
    server = ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(QuietHandler, directory=str(PAGES))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("CRISISDRAFT_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass
class Browser:
    """Chromium with the extension loaded; `configure` goes through the real options page."""

    ctx: Any
    worker: Any
    shots: Path
    taken: list[Path] = field(default_factory=list)

    def configure(
        self,
        api_url: str,
        key: str,
        sites: list[dict[str, str]],
        *,
        brand: str = "demo",
        channel: str = "x",
        expect_status: str = SAVED,
    ) -> None:
        from playwright.sync_api import expect

        page = self.ctx.new_page()
        page.goto(f"{EXTENSION_ORIGIN}/options/options.html")
        page.fill("#apiUrl", api_url)
        page.fill("#apiKey", key)
        page.fill("#brand", brand)
        page.select_option("#channel", channel)
        for index, site in enumerate(sites):
            if index > 0:
                page.click("#addSite")
            row = page.locator("#sites .site").nth(index)
            row.locator(".match").fill(site["match"])
            if site.get("channel"):
                row.locator("select.channel").select_option(site["channel"])
            selectors = {k: v for k, v in site.items() if k not in ("match", "channel")}
            if selectors:
                row.locator("summary").click()
            for name, value in selectors.items():
                row.locator(f".{name}").fill(value)
        page.click("#save")
        expect(page.locator("#status")).to_have_text(expect_status)
        page.close()

    def open(self, url: str) -> Any:
        page = self.ctx.new_page()
        page.goto(url)
        return page

    def shot(self, page: Any, name: str) -> Path:
        path = self.shots / f"extension-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        self.taken.append(path)
        print(f"screenshot: {path}")
        return path


@pytest.fixture
def browser(tmp_path: Path, shots: Path) -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=CHROMIUM,
            headless=True,
            viewport={"width": 1280, "height": 900},
            args=[
                *CHROMIUM_ARGS,
                f"--disable-extensions-except={EXTENSION}",
                f"--load-extension={EXTENSION}",
            ],
        )
        try:
            worker = (
                ctx.service_workers[0]
                if ctx.service_workers
                else ctx.wait_for_event("serviceworker", timeout=20_000)
            )
            assert worker.url == f"{EXTENSION_ORIGIN}/background/sw.js", (
                f"the extension loaded as {worker.url}: manifest.json's key should fix its id"
            )
            yield Browser(ctx=ctx, worker=worker, shots=shots)
        finally:
            ctx.close()
