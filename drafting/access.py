"""API keys and roles. Keys are stored hashed; each is scoped to one or more brands.

Roles grow by inclusion: agent ⊂ reviewer ⊂ lead ⊂ admin.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Literal, get_args

Role = Literal["agent", "reviewer", "lead", "admin"]
ROLES: tuple[str, ...] = get_args(Role)
ALL_BRANDS = "*"

Permission = Literal[
    "draft",  # create drafts, run checks, search knowledge, read its brands' drafts
    "mark_sent",  # the calling tool marks an approved draft as sent
    "review",  # approve, edit-and-approve, reject, request changes
    "override",  # approve despite blocking checks, with a reason
    "manage_brand",  # load or replace brand packs and policy
    "read_audit",
    "manage_keys",
]

GRANTS: dict[str, frozenset[str]] = {
    "agent": frozenset({"draft", "mark_sent"}),
    "reviewer": frozenset({"draft", "mark_sent", "review"}),
    "lead": frozenset({"draft", "mark_sent", "review", "override", "manage_brand", "read_audit"}),
    "admin": frozenset(
        {"draft", "mark_sent", "review", "override", "manage_brand", "read_audit", "manage_keys"}
    ),
}


@dataclass(frozen=True)
class Principal:
    """Who is calling: the key's id, name, role and brands."""

    key_id: str
    name: str
    role: str
    brands: tuple[str, ...]

    def can(self, permission: str) -> bool:
        return permission in GRANTS.get(self.role, frozenset())

    def sees(self, brand: str) -> bool:
        return ALL_BRANDS in self.brands or brand in self.brands

    @property
    def actor(self) -> str:
        return f"{self.name} ({self.role}, key {self.key_id})"


def new_key() -> tuple[str, str, str]:
    """Return (plaintext key, prefix, sha256 hash). The plaintext is shown once, never stored."""
    prefix = secrets.token_hex(4)
    key = f"cd_{prefix}_{secrets.token_urlsafe(32)}"
    return key, prefix, hash_key(key)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()
