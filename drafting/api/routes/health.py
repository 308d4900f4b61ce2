from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from drafting.api.deps import RegistryDep

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    version: str
    brands: list[str]


@router.get("/health")
def health(registry: RegistryDep) -> Health:
    """Answers without a key: the service is up and which brands it has."""
    return Health(status="ok", version="0.1.0", brands=registry.ids())
