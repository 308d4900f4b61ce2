"""A case with the suite's defaults applied: everything the runner needs, nothing optional."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from evals.models import Expect, ThreadItem

if TYPE_CHECKING:
    from drafting.schemas import DraftCreate
    from evals.evaluators import Evaluator


@dataclass
class ResolvedCase:
    id: str
    brand: str
    channel: str
    kind: str
    post: str
    origin: str  # "demo.yaml case 12", "cases.csv line 4", "builder twitter"
    description: str = ""
    tags: list[str] = field(default_factory=list)
    model: str | None = None
    author: str | None = None
    thread: list[ThreadItem] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    incident_id: str | None = None
    language: str | None = None
    reference: str | None = None
    expect: Expect = field(default_factory=Expect)
    evaluators: list[Evaluator] = field(default_factory=list)
    source: dict[str, Any] | None = None

    def request(self, model: str | None = None) -> DraftCreate:
        """The drafting request for this case; ``model`` overrides the case's model."""
        from drafting.schemas import DraftCreate

        return DraftCreate.model_validate(
            {
                "brand": self.brand,
                "channel": self.channel,
                "kind": self.kind,
                "post": {"text": self.post, "author": self.author},
                "thread": [t.model_dump() for t in self.thread],
                "incident_id": self.incident_id,
                "facts": self.facts,
                "model": model or self.model,
                "language": self.language,
            }
        )

    def input_hash(self, model: str | None, *, pack_hash: str, code: str) -> str:
        """What decides the draft: the request, the brand pack's version and the code version."""
        payload = {
            "request": self.request(model).model_dump(mode="json"),
            "pack": pack_hash,
            "code": code,
        }
        return hashlib.sha256(
            json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
        ).hexdigest()
