"""Incident operations as the API and CLI use them: open, change, add facts, read, crisis status.

Reading an incident computes its update cadence (next update due, overdue) and its current
holding line from what is stored; nothing needs a timer.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from drafting.access import Principal
from drafting.config import Settings
from drafting.errors import InvalidInputError
from drafting.incidents.cadence import minutes_overdue, next_update_due, promised_at
from drafting.incidents.clock import SYSTEM_CLOCK, Clock
from drafting.incidents.crisis import SEVERITY_ORDER, current_holding_line, in_crisis
from drafting.incidents.facts import statements
from drafting.incidents.models import (
    BrandStatusPublic,
    EventPublic,
    FactPublic,
    FactsCreate,
    IncidentCreate,
    IncidentPublic,
    IncidentUpdate,
    UpdatePublic,
)
from drafting.storage.incidents import IncidentRecord, IncidentStore, aware, new_id, utc
from drafting.storage.repository import Storage
from drafting.storage.tables import IncidentFactRow, IncidentRow
from knowledge.registry import BrandRegistry

DEFAULT_TARGETS = {"first_draft_minutes": 15, "approval_minutes": 30}


class Incidents:
    def __init__(
        self,
        storage: Storage,
        settings: Settings,
        registry: BrandRegistry | None = None,
        clock: Clock = SYSTEM_CLOCK,
    ) -> None:
        self.storage = storage
        self.store = IncidentStore(storage)
        self.settings = settings
        self.registry = registry
        self.clock = clock

    # --- brand facts the incident rules need -------------------------------------------------
    def targets(self, brand: str) -> dict[str, int]:
        if self.registry is None or brand not in self.registry.ids():
            return dict(DEFAULT_TARGETS)
        return self.registry.get(brand).brand.response_targets.model_dump()

    def sign_offs(self, brand: str) -> list[str]:
        if self.registry is None or brand not in self.registry.ids():
            return []
        return [s for s in self.registry.get(brand).brand.sign_off.values() if s]

    # --- changes -----------------------------------------------------------------------------
    def open(self, body: IncidentCreate, principal: Principal) -> IncidentPublic:
        if self.registry is not None:
            self.registry.get(body.brand)  # 404 for an unknown brand
        now = self.clock.now()
        holding = body.holding_line or (body.facts.holding_line if body.facts else None)
        row = IncidentRow(
            id=new_id("inc"),
            brand=body.brand,
            title=body.title.strip(),
            severity=body.severity,
            status=(body.facts.status if body.facts and body.facts.status else body.status),
            channels=list(body.channels),
            keywords=list(body.keywords),
            holding_line=holding or None,
            cadence_minutes=body.cadence_minutes or self.settings.incident_update_minutes,
            timezone=body.timezone,
            alert_id=body.alert_id,
            created_by=principal.actor,
            opened_at=now,
            updated_at=now,
            resolved_at=None,
            version=1,
        )
        if row.status == "resolved":
            raise InvalidInputError(
                "A new incident cannot start resolved.",
                fix="Open it as investigating, identified or monitoring.",
            )
        facts = (
            _fact_row(body.facts, row.id, row.status, principal.actor, now) if body.facts else None
        )
        self.store.create(
            row, facts=facts, actor=principal.actor, webhook_url=self.settings.webhook_url
        )
        return self.get(row.id, principal)

    def update(
        self, incident_id: str, body: IncidentUpdate, principal: Principal
    ) -> IncidentPublic:
        changes: dict[str, Any] = body.model_dump(exclude_unset=True, exclude={"expected_version"})
        changes = {k: v for k, v in changes.items() if v is not None or k == "holding_line"}
        if "holding_line" in changes:
            changes["holding_line"] = (changes["holding_line"] or "").strip() or None
        if "keywords" in changes:
            changes["keywords"] = [k.strip().lower() for k in changes["keywords"] if k.strip()]
        if not changes:
            raise InvalidInputError(
                "Nothing to change.",
                fix="Send at least one of title, severity, status, channels, "
                "keywords, cadence_minutes, timezone, holding_line.",
            )
        self.store.update(
            incident_id,
            changes,
            principal=principal,
            expected_version=body.expected_version,
            now=self.clock.now(),
            webhook_url=self.settings.webhook_url,
        )
        return self.get(incident_id, principal)

    def add_facts(
        self, incident_id: str, body: FactsCreate, principal: Principal
    ) -> IncidentPublic:
        row = self.store.get_row(incident_id, principal=principal)
        now = self.clock.now()
        fact = _fact_row(body, incident_id, body.status or row.status, principal.actor, now)
        holding = None if body.holding_line is None else body.holding_line.strip()
        self.store.add_facts(
            incident_id,
            fact,
            principal=principal,
            holding_line=holding,
            webhook_url=self.settings.webhook_url,
        )
        return self.get(incident_id, principal)

    # --- reads -------------------------------------------------------------------------------
    def get(self, incident_id: str, principal: Principal | None = None) -> IncidentPublic:
        return self.public(self.store.record(incident_id, principal=principal))

    def find(
        self,
        *,
        brands: list[str],
        open_only: bool = False,
        statuses: list[str] | None = None,
        limit: int = 200,
    ) -> list[IncidentPublic]:
        rows = self.store.list_rows(
            brands=brands, open_only=open_only, statuses=statuses or [], limit=limit
        )
        items = [self.public(r) for r in self.store.records(rows)]
        items.sort(
            key=lambda i: (
                i.status == "resolved",
                not i.overdue,
                SEVERITY_ORDER.get(i.severity, 3),
                -i.opened_at.timestamp(),
            )
        )
        return items

    def events(self, incident_id: str, principal: Principal | None = None) -> list[EventPublic]:
        self.store.get_row(incident_id, principal=principal)
        return [
            EventPublic(at=utc(e.at), actor=e.actor, kind=e.kind, data=e.data)
            for e in self.store.events(incident_id)
        ]

    def facts_timeline(
        self, incident_id: str, principal: Principal | None = None
    ) -> list[FactPublic]:
        record = self.store.record(incident_id, principal=principal)
        return [self._fact(f, record.row.timezone) for f in record.facts]

    def public(self, record: IncidentRecord) -> IncidentPublic:
        row, now = record.row, self.clock.now()
        opened = utc(row.opened_at)
        due = next_update_due(
            opened_at=opened,
            status=row.status,
            cadence_minutes=row.cadence_minutes,
            first_update_minutes=self.targets(row.brand)["approval_minutes"],
            promised=promised_at([aware(f.next_update_at) for f in record.facts]),
            updates=[u.at for u in record.updates],
        )
        late = minutes_overdue(due, now)
        return IncidentPublic(
            id=row.id,
            brand=row.brand,
            title=row.title,
            severity=row.severity,
            status=row.status,
            channels=row.channels,
            keywords=row.keywords,
            cadence_minutes=row.cadence_minutes,
            timezone=row.timezone,
            holding_line=row.holding_line,
            current_holding_line=current_holding_line(
                row, record.updates, self.sign_offs(row.brand)
            ),
            alert_id=row.alert_id,
            created_by=row.created_by,
            opened_at=opened,
            updated_at=utc(row.updated_at),
            resolved_at=aware(row.resolved_at),
            version=row.version,
            facts=self._fact(record.facts[-1], row.timezone) if record.facts else None,
            next_update_due=due,
            overdue=late is not None,
            minutes_overdue=late,
            updates=[UpdatePublic(**u.__dict__) for u in record.updates],
            drafts=record.drafts,
            pending_drafts=record.pending,
            mentions=record.mentions,
            lessons=row.lessons,
            lessons_saved_at=aware(row.lessons_saved_at),
        )

    def _fact(self, fact: IncidentFactRow, zone: str) -> FactPublic:
        created = utc(fact.created_at)
        return FactPublic(
            id=fact.id,
            known=fact.known,
            doing=fact.doing,
            customers_should=fact.customers_should,
            next_update_at=aware(fact.next_update_at),
            status=fact.status,
            actor=fact.actor,
            created_at=created,
            statements=statements(
                known=fact.known,
                doing=fact.doing,
                customers_should=fact.customers_should,
                next_update_at=aware(fact.next_update_at),
                zone=zone,
                now=self.clock.now(),
            ),
        )

    def brand_status(self, brand: str) -> BrandStatusPublic:
        open_items = self.find(brands=[brand], open_only=True)
        rows = self.store.list_rows(brands=[brand], open_only=True)
        crisis = in_crisis(rows)
        state = self.store.brand_state(brand)
        since = aware(state.changed_at) if crisis and state and state.crisis_mode else None
        open_items.sort(key=lambda i: (SEVERITY_ORDER.get(i.severity, 3), i.opened_at))
        return BrandStatusPublic(
            brand=brand,
            crisis_mode=crisis,
            since=since,
            incidents=open_items,
            holding_line=open_items[0].current_holding_line if open_items else None,
            overdue=[i.id for i in open_items if i.overdue],
        )


def _fact_row(
    body: FactsCreate, incident_id: str, status: str, actor: str, now: datetime
) -> IncidentFactRow:
    return IncidentFactRow(
        incident_id=incident_id,
        known=body.known.strip(),
        doing=body.doing.strip(),
        customers_should=body.customers_should.strip(),
        next_update_at=body.next_update_at,
        status=status,
        actor=actor,
        created_at=now,
    )
