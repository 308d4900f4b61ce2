"""Drafts about an incident are grounded in its current facts; in crisis mode, replies to posts
about it prefer its current holding line.

The pipeline calls :func:`ground` before preparing a draft (it may set ``incident_id`` and
``facts`` on the request) and :meth:`Grounding.apply` after (the holding line becomes the first
approved wording the drafter sees; update kinds are checked against the facts only).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from drafting.config import Settings
from drafting.errors import NotFoundError
from drafting.incidents.crisis import best_match, in_crisis
from drafting.incidents.service import Incidents
from drafting.schemas import DraftCreate
from drafting.storage.incidents import UPDATE_KINDS
from drafting.storage.repository import Storage
from knowledge.registry import BrandRegistry

#: Kinds of draft that answer a customer's post, which the holding line serves.
HOLDING_LINE_KINDS = ("reply", "apology")


@dataclass
class Grounding:
    request: DraftCreate
    incident_id: str | None = None
    holding_line: str | None = None
    notes: list[str] = field(default_factory=list)

    def apply(self, prep: Any) -> None:
        """Adjust a prepared draft (``drafting.pipeline.Prepared``) to the incident."""
        from drafting.language import language_of

        for note in self.notes:
            if note not in prep.notes:
                prep.notes.append(note)
        kind = prep.context["kind"]
        if self.incident_id and kind in UPDATE_KINDS:
            prep.context["facts_only"] = True  # grounding checks: the facts, not past replies
        line = self.holding_line
        if not line or kind not in HOLDING_LINE_KINDS:
            return
        if language_of(line) != prep.language:
            prep.notes.append(
                f"The incident's holding line is not in {prep.language!r}; it was "
                "not used for this reply."
            )
            return
        prep.context["replies"].insert(
            0,
            {
                "id": f"holding-line:{self.incident_id}",
                "reply": line,
                "kind": kind,
                "category": prep.context["category"],
                "channel": prep.context["channel"],
                "language": prep.language,
            },
        )


def ground(
    req: DraftCreate, *, store: Storage, registry: BrandRegistry, settings: Settings
) -> Grounding:
    incidents = Incidents(store, settings, registry)
    open_rows = incidents.store.list_rows(brands=[req.brand], open_only=True)
    crisis = in_crisis(open_rows)
    notes: list[str] = []
    if req.incident_id:
        try:
            record = incidents.store.record(req.incident_id)
        except NotFoundError:
            record = None
        if record is None or record.row.brand != req.brand:
            return Grounding(
                req,
                notes=[
                    f"Incident {req.incident_id!r} is not recorded for {req.brand!r} in "
                    "crisisdraft: only the facts sent with the request ground this draft."
                ],
            )
    else:
        match = best_match(req.post.text, open_rows) if crisis else None
        if match is None:
            return Grounding(req)
        record = incidents.store.record(match.id)
        notes.append(
            f"Crisis mode: this post is about incident {match.id} ({match.title!r}); "
            "the draft is linked to it and grounded in its current facts."
        )
    incident = incidents.public(record)
    facts = list(incident.facts.statements) if incident.facts else []
    if not facts:
        notes.append(
            f"Incident {incident.id} has no facts yet: the draft may state nothing "
            "about it. Add them with POST /v1/incidents/{id}/facts."
        )
    holding = None
    if crisis and req.kind in HOLDING_LINE_KINDS and incident.status != "resolved":
        holding = incident.current_holding_line
        if holding:
            notes.append(
                f"Crisis mode: the reply prefers incident {incident.id}'s current holding line."
            )
    merged = list(dict.fromkeys([*facts, *([holding] if holding else []), *req.facts]))[:50]
    request = req.model_copy(update={"incident_id": incident.id, "facts": merged})
    return Grounding(request, incident_id=incident.id, holding_line=holding, notes=notes)
