"""The review queue page: static files served by the API, no build step."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse, RedirectResponse

UI_DIR = Path(__file__).resolve().parents[1] / "ui"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
#: common.js is shared with the dashboard, which loads it from /review/common.js.
FILES = {"review.js": "text/javascript", "review.css": "text/css", "common.js": "text/javascript"}

router = APIRouter(include_in_schema=False)


@router.get("/")
def root() -> RedirectResponse:
    return RedirectResponse("/review/")


@router.get("/review/")
def page() -> FileResponse:
    return FileResponse(
        UI_DIR / "review.html",
        media_type="text/html",
        headers={
            "Content-Security-Policy": CSP,
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
        },
    )


@router.get("/review/{name}")
def asset(name: str) -> FileResponse:
    if name not in FILES:
        from drafting.errors import NotFoundError

        raise NotFoundError(f"No file {name!r}.", fix="Open /review/.")
    return FileResponse(
        UI_DIR / name, media_type=FILES[name], headers={"X-Content-Type-Options": "nosniff"}
    )
