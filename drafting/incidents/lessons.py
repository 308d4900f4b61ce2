"""Lessons from an incident saved back into the brand's guidelines, where drafts retrieve them.

The lessons become ``guidelines/lessons-<incident>.md`` in the brand pack; the pack is
re-validated and re-indexed as a whole (only the new chunks are embedded), or nothing changes.
"""

from __future__ import annotations

from drafting.access import Principal
from drafting.errors import SetupError
from drafting.incidents.models import IncidentPublic, LessonsSaved
from drafting.incidents.service import Incidents
from knowledge.brandpack import parse_pack


def lessons_path(incident_id: str) -> str:
    return f"guidelines/lessons-{incident_id}.md"


def lessons_document(incident: IncidentPublic, text: str) -> str:
    resolved = (
        f", resolved {incident.resolved_at:%Y-%m-%d %H:%M} UTC" if incident.resolved_at else ""
    )
    return (
        f"# Lessons from the incident: {incident.title}\n\n"
        f"Severity {incident.severity}; opened {incident.opened_at:%Y-%m-%d %H:%M} UTC"
        f"{resolved}. What we learned and do differently from now on:\n\n{text.strip()}\n"
    )


def save_lessons(
    incidents: Incidents, incident_id: str, text: str, principal: Principal
) -> LessonsSaved:
    if incidents.registry is None:
        raise SetupError(
            "Saving lessons needs the brand registry.", fix="Call it through the API or the CLI."
        )
    incident = incidents.get(incident_id, principal)
    path = lessons_path(incident_id)
    pack = incidents.registry.get(incident.brand)
    files = dict(pack.files)
    files[path] = lessons_document(incident, text).encode()
    report = incidents.registry.install(parse_pack(files), expect_id=incident.brand)
    incidents.store.save_lessons(
        incident_id, text.strip(), principal=principal, now=incidents.clock.now(), path=path
    )
    return LessonsSaved(
        incident_id=incident_id,
        brand=incident.brand,
        path=path,
        content_hash=report.content_hash,
        chunks_added=report.chunks_added,
    )
