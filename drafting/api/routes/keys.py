"""API keys (admin only). A new key's plaintext is shown once."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from drafting.access import Role
from drafting.api.deps import PrincipalDep, StorageDep, require

router = APIRouter(tags=["keys"])


class KeyCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=100)
    role: Role
    brands: list[str] = Field(min_length=1, description="Brand ids, or ['*'] for every brand.")


@router.get("/keys")
def list_keys(*, storage: StorageDep, principal: PrincipalDep) -> dict[str, Any]:
    require(principal, "manage_keys")
    rows = storage.list_keys()
    return {"data": rows, "count": len(rows)}


@router.post("/keys", status_code=201)
def create_key(*, body: KeyCreate, storage: StorageDep, principal: PrincipalDep) -> dict[str, Any]:
    require(principal, "manage_keys")
    key, created = storage.create_key(name=body.name, role=body.role, brands=body.brands)
    return {
        "id": created.key_id,
        "key": key,
        "role": created.role,
        "brands": list(created.brands),
        "note": "Store this key now: it is not shown again.",
    }


@router.delete("/keys/{key_id}", status_code=204)
def revoke_key(*, key_id: str, storage: StorageDep, principal: PrincipalDep) -> None:
    require(principal, "manage_keys")
    storage.revoke_key(key_id, principal.actor)
