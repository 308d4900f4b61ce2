"""Brand packs: list, read, load or replace (multipart or JSON)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from drafting.api.deps import PrincipalDep, RegistryDep, StorageDep, require
from drafting.errors import InvalidInputError
from knowledge.brandpack import Brand

router = APIRouter(tags=["brands"])


class BrandPublic(BaseModel):
    brand: Brand
    content_hash: str
    guidelines: list[str]
    approved_replies: int


class BrandsPublic(BaseModel):
    data: list[BrandPublic]
    count: int


class BrandPackUpload(BaseModel):
    files: dict[str, str] = Field(
        description="Pack files by relative path: brand.yaml, policy.yaml, "
        "approved_replies.jsonl, guidelines/<name>.md"
    )


class BrandLoadReport(BaseModel):
    brand_id: str
    content_hash: str
    changed: bool
    chunks_added: int
    chunks_removed: int
    chunks_unchanged: int
    seconds: float


def _public(registry: RegistryDep, brand_id: str) -> BrandPublic:
    pack = registry.get(brand_id)
    return BrandPublic(
        brand=pack.brand,
        content_hash=pack.content_hash,
        guidelines=[g.path for g in pack.guidelines],
        approved_replies=len(pack.approved_replies),
    )


@router.get("/brands")
def list_brands(*, registry: RegistryDep, principal: PrincipalDep) -> BrandsPublic:
    require(principal, "draft")
    data = [_public(registry, b) for b in registry.ids() if principal.sees(b)]
    return BrandsPublic(data=data, count=len(data))


@router.get("/brands/{brand_id}")
def get_brand(*, brand_id: str, registry: RegistryDep, principal: PrincipalDep) -> BrandPublic:
    require(principal, "draft", brand_id)
    return _public(registry, brand_id)


@router.put(
    "/brands/{brand_id}",
    openapi_extra={
        "requestBody": {
            "content": {
                "application/json": {"schema": BrandPackUpload.model_json_schema()},
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "additionalProperties": {"type": "string", "format": "binary"},
                    }
                },
            },
            "required": True,
        }
    },
)
async def put_brand(
    *,
    brand_id: str,
    request: Request,
    registry: RegistryDep,
    storage: StorageDep,
    principal: PrincipalDep,
) -> BrandLoadReport:
    """Load or replace a brand pack as a whole; a malformed pack changes nothing (422 lists why)."""
    require(principal, "manage_brand", brand_id)
    files = await _read_files(request)
    report = registry.load_files(files, expect_id=brand_id)
    storage.record(
        actor=principal.actor,
        action="brand.loaded",
        brand=brand_id,
        after={"content_hash": report.content_hash, "changed": report.changed},
    )
    return BrandLoadReport(**report.__dict__)


async def _read_files(request: Request) -> dict[str, bytes]:
    ctype = request.headers.get("content-type", "")
    if ctype.startswith("multipart/form-data"):
        form = await request.form()
        files: dict[str, bytes] = {}
        for key, value in form.multi_items():
            if isinstance(value, str):
                files[key] = value.encode()
            else:
                name = key if ("/" in key or "." in key) else (value.filename or key)
                files[name] = await value.read()
        return files
    if ctype.startswith("application/json"):
        try:
            body: Any = await request.json()
            upload = BrandPackUpload.model_validate(body)
        except ValueError as exc:
            raise InvalidInputError(
                f"The body is not a valid pack upload: {exc}".splitlines()[0],
                fix='Send {"files": {"brand.yaml": "...", "policy.yaml": "...", '
                '"approved_replies.jsonl": "...", "guidelines/voice.md": "..."}}.',
            ) from None
        return {name: text.encode() for name, text in upload.files.items()}
    raise InvalidInputError(
        f"Unsupported content type {ctype or '(none)'!r}.",
        fix="Send the pack as multipart/form-data (one part per file, named by its path) "
        'or as application/json {"files": {...}}.',
    )
