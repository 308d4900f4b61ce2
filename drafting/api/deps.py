"""FastAPI dependencies as ``Annotated`` aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from drafting.config import Settings, get_settings
from drafting.store import DraftStore
from knowledge.registry import BrandRegistry

SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_registry(request: Request, settings: SettingsDep) -> BrandRegistry:
    registry: BrandRegistry | None = getattr(request.app.state, "registry", None)
    if registry is None or registry.settings is not settings:
        registry = BrandRegistry(settings)
        request.app.state.registry = registry
    return registry


RegistryDep = Annotated[BrandRegistry, Depends(get_registry)]


def get_store(settings: SettingsDep) -> DraftStore:
    from drafting.store import store_for

    return store_for(settings.resolved_database_url)


StoreDep = Annotated[DraftStore, Depends(get_store)]
