"""The KPI dashboard page: static files served by the API, like the review queue."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse

from drafting.api.routes.ui import CSP, UI_DIR
from drafting.errors import NotFoundError

FILES = {"dashboard.js": "text/javascript", "dashboard.css": "text/css"}

router = APIRouter(include_in_schema=False)


@router.get("/dashboard/")
def page() -> FileResponse:
    return FileResponse(
        UI_DIR / "dashboard.html",
        media_type="text/html",
        headers={
            "Content-Security-Policy": CSP,
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",
        },
    )


@router.get("/dashboard/{name}")
def asset(name: str) -> FileResponse:
    if name not in FILES:
        raise NotFoundError(f"No file {name!r}.", fix="Open /dashboard/.")
    return FileResponse(
        UI_DIR / name, media_type=FILES[name], headers={"X-Content-Type-Options": "nosniff"}
    )
