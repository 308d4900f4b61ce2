"""FastAPI dependencies as ``Annotated`` aliases: settings, registry, storage, the caller."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from drafting.access import Principal
from drafting.config import Settings, get_settings
from drafting.errors import CrisisdraftError, ForbiddenError, NotFoundError
from drafting.storage.repository import Storage
from knowledge.registry import BrandRegistry

# The cheap dependencies are coroutines: FastAPI runs a plain function on a worker thread, and
# each such trip costs a request the GIL handover (about half a millisecond under load).


async def app_settings(request: Request) -> Settings:
    """The settings the app was created with (``create_app(settings)``), else the process's."""
    settings: Settings | None = getattr(request.app.state, "settings", None)
    return settings or get_settings()


SettingsDep = Annotated[Settings, Depends(app_settings)]


class UnauthorizedError(CrisisdraftError):
    type = "unauthorized"
    status = 401
    title = "Unauthorized"


class RateLimitedError(CrisisdraftError):
    type = "rate-limited"
    status = 429
    title = "Too many requests"


async def get_registry(request: Request, settings: SettingsDep) -> BrandRegistry:
    registry: BrandRegistry | None = getattr(request.app.state, "registry", None)
    if registry is None or registry.settings is not settings:
        registry = BrandRegistry(settings)
        request.app.state.registry = registry
    return registry


RegistryDep = Annotated[BrandRegistry, Depends(get_registry)]


async def get_storage(request: Request, settings: SettingsDep) -> Storage:
    storage: Storage | None = getattr(request.app.state, "storage", None)
    if storage is None or storage.url != settings.resolved_database_url:
        # Opening the database connects and runs its migrations: a worker thread's job (a
        # database that is down would hold the event loop, and every other request, for the
        # connect timeout).
        storage = await run_in_threadpool(Storage, settings.resolved_database_url)
        request.app.state.storage = storage
    return storage


StorageDep = Annotated[Storage, Depends(get_storage)]


def get_principal(request: Request, storage: StorageDep, settings: SettingsDep) -> Principal:
    header = request.headers.get("authorization", "")
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        raise UnauthorizedError(
            "This endpoint needs an API key.",
            fix="Send 'Authorization: Bearer <key>'; create one with "
            "`crisisdraft keys create --role agent --brand <id>`.",
        )
    principal = storage.authenticate(key.strip())
    if principal is None:
        raise UnauthorizedError(
            "The API key is unknown or revoked.",
            fix="Create a new key with `crisisdraft keys create`.",
        )
    wait = storage.hit(principal.key_id, limit=settings.rate_limit_per_minute)
    if wait is not None:
        raise RateLimitedError(
            f"More than {settings.rate_limit_per_minute} requests this minute for this key.",
            fix=f"Retry after {wait} s.",
            retry_after=wait,
        )
    return principal


PrincipalDep = Annotated[Principal, Depends(get_principal)]


def require(principal: Principal, permission: str, brand: str | None = None) -> None:
    """403 when the role lacks ``permission``; 404 when the brand is not the key's."""
    if not principal.can(permission):
        raise ForbiddenError(
            f"Role {principal.role!r} may not {permission.replace('_', ' ')}.",
            fix="Use a key with a role that may (agent < reviewer < lead < admin).",
        )
    if brand is not None and not principal.sees(brand):
        raise NotFoundError(
            f"Unknown brand {brand!r} for this key.", fix="Use a brand your key is scoped to."
        )
