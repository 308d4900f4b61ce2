"""The FastAPI application factory."""

from __future__ import annotations

import logging

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from drafting.api.bodyguard import BodyGuard
from drafting.api.problems import PROBLEM_RESPONSES, install_problem_handlers
from drafting.api.routes import (
    audit,
    brands,
    checks,
    dashboard,
    drafts,
    evals,
    feedback,
    health,
    incidents,
    keys,
    knowledge,
    kpis,
    mentions,
    reviews,
    rewrite,
    ui,
)
from drafting.config import Settings, get_settings


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    app = FastAPI(
        title="crisisdraft",
        version="0.1.0",
        description="Drafts, checks and routes for approval what a brand says when things go "
        "wrong.",
    )
    app.state.settings = settings  # what every request's SettingsDep gives
    # Inside CORS, so that its 413/415/422 answers carry the CORS headers too.
    app.add_middleware(BodyGuard, limit=settings.max_request_bytes)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "Idempotency-Key"],
        )
    install_problem_handlers(app)
    app.include_router(health.router)
    app.include_router(ui.router)
    app.include_router(brands.router, prefix="/v1", responses=PROBLEM_RESPONSES)
    app.include_router(knowledge.router, prefix="/v1", responses=PROBLEM_RESPONSES)
    app.include_router(drafts.router, prefix="/v1", responses=PROBLEM_RESPONSES)
    app.include_router(checks.router, prefix="/v1", responses=PROBLEM_RESPONSES)
    app.include_router(reviews.router, prefix="/v1", responses=PROBLEM_RESPONSES)
    app.include_router(rewrite.router, prefix="/v1", responses=PROBLEM_RESPONSES)
    app.include_router(feedback.router, prefix="/v1", responses=PROBLEM_RESPONSES)
    app.include_router(audit.router, prefix="/v1", responses=PROBLEM_RESPONSES)
    app.include_router(keys.router, prefix="/v1", responses=PROBLEM_RESPONSES)
    app.include_router(incidents.router, prefix="/v1", responses=PROBLEM_RESPONSES)
    app.include_router(mentions.router, prefix="/v1", responses=PROBLEM_RESPONSES)
    app.include_router(kpis.router, prefix="/v1", responses=PROBLEM_RESPONSES)
    app.include_router(evals.router, prefix="/v1", responses=PROBLEM_RESPONSES)
    app.include_router(kpis.metrics_router)
    app.include_router(dashboard.router)
    return app
