"""The approval workflow: which decision may follow which state, and what each one does.

pending_review → approved | rejected | changes_requested; changes_requested → pending_review
(resubmitted with a new text); approved → sent. An edit is re-checked; a blocking finding
can be overridden only by a role allowed to, with a written reason; approved text flows
back into the brand's knowledge base with its provenance.
"""

from __future__ import annotations

import difflib
import logging
from dataclasses import dataclass
from typing import Any

from drafting.access import Principal
from drafting.config import Settings
from drafting.errors import ConflictError, ForbiddenError, InvalidInputError
from drafting.schemas import DraftPublic
from drafting.storage.repository import Storage
from knowledge.registry import BrandRegistry

log = logging.getLogger("crisisdraft.workflow")


@dataclass(frozen=True)
class Transition:
    allowed_from: frozenset[str]
    to: str
    permission: str


TRANSITIONS: dict[str, Transition] = {
    "approve": Transition(frozenset({"pending_review"}), "approved", "review"),
    "reject": Transition(frozenset({"pending_review"}), "rejected", "review"),
    "request_changes": Transition(frozenset({"pending_review"}), "changes_requested", "review"),
    "resubmit": Transition(frozenset({"changes_requested"}), "pending_review", "draft"),
    "propose": Transition(frozenset({"pending_review"}), "pending_review", "draft"),
    "mark_sent": Transition(frozenset({"approved"}), "sent", "mark_sent"),
}
INCIDENT_KINDS = frozenset({"holding_statement", "status_update", "resolution_update"})
STATES = ("pending_review", "approved", "rejected", "changes_requested", "sent")


def recheck(
    draft: DraftPublic, text: str, registry: BrandRegistry, *, language: str | None = None
) -> Any:
    """Run the same checks on an edited text, with the draft's original context."""
    from drafting.checks import CheckContext, run_checks

    pack = registry.get(draft.brand)
    facts = tuple(s.snippet for s in draft.sources if s.source == "fact")
    sources = tuple(s.snippet for s in draft.sources if s.source != "fact")
    if draft.incident_id and draft.kind in INCIDENT_KINDS:
        sources = ()  # an incident update may state only what the incident's facts say
    ctx = CheckContext(
        brand=pack.brand,
        policy=pack.policy,
        channel=draft.channel,
        kind=draft.kind,
        language=language or draft.language,
        post_text=draft.post.text,
        thread=tuple(m.text for m in draft.thread),
        facts=facts,
        sources=sources,
        risk_flags=frozenset(draft.triage.get("risk_flags", [])),
        author=draft.post.author,
    )
    return run_checks(text, ctx)


def decide(
    storage: Storage,
    registry: BrandRegistry,
    settings: Settings,
    *,
    draft_id: str,
    action: str,
    principal: Principal,
    expected_version: int | None = None,
    text: str | None = None,
    reason: str | None = None,
    external_post_id: str | None = None,
) -> DraftPublic:
    transition = TRANSITIONS[action]
    if not principal.can(transition.permission):
        raise ForbiddenError(
            f"Role {principal.role!r} may not {action.replace('_', ' ')}.",
            fix="Ask a reviewer or lead, or use a key with that role.",
        )
    draft = storage.get(draft_id, principal=principal)
    if action in ("reject", "request_changes") and not (reason and reason.strip()):
        raise InvalidInputError(
            f"A reason is required to {action.replace('_', ' ')}.",
            fix='Send {"reason": "what is wrong and what to change"}.',
        )
    if action == "mark_sent" and not external_post_id:
        raise InvalidInputError(
            "external_post_id is required to mark a draft as sent.",
            fix="Send the id of the post the tool published.",
        )
    checks_data: dict[str, Any] | None = None
    override = False
    diff = None
    final_text = text
    if action in ("propose", "resubmit") and text is None:
        raise InvalidInputError(
            f"A text is required to {action}.", fix='Send {"text": "the edited reply"}.'
        )
    if action in ("approve", "resubmit", "propose"):
        if draft.status not in transition.allowed_from:
            raise ConflictError(
                f"Draft {draft_id} is {draft.status} at version {draft.review.version}; it cannot "
                f"be {action.replace('_', ' ')}d from there.",
                fix="Reload the draft and decide on its current state.",
                current_status=draft.status,
                current_version=draft.review.version,
            )
        candidate = text if text is not None else draft.text
        if text is not None and not text.strip():
            raise InvalidInputError("The edited text is empty.", fix="Send the reply text.")
        report = recheck(draft, candidate, registry) if text is not None else None
        verdict = report.verdict if report is not None else draft.verdict
        if report is not None:
            checks_data = report.model_dump()
        if action == "approve" and verdict == "blocked":
            raise ConflictError(
                "This text fails a check no one may override (e.g. personal data or an "
                "escalation trigger); it cannot be approved.",
                fix="Edit the text until the blocking checks pass, or reject the draft.",
                current_status=draft.status,
                current_version=draft.review.version,
            )
        if action == "approve" and verdict == "needs_override":
            if not principal.can("override"):
                raise ForbiddenError(
                    "This text fails blocking checks; only a lead may approve it, with a reason.",
                    fix="Edit the text until the checks pass, or ask a lead to override.",
                )
            if not (reason and reason.strip()):
                raise InvalidInputError(
                    "Overriding blocking checks needs a written reason.",
                    fix='Send {"reason": "why this is right to post"}.',
                )
            override = True
        if text is not None and text != draft.text:
            diff = "\n".join(
                difflib.unified_diff(
                    draft.text.splitlines(), text.splitlines(), "draft", "approved", lineterm=""
                )
            )
        final_text = candidate if action == "approve" else text
    storage.transition(
        draft_id,
        action=action,
        allowed_from=set(transition.allowed_from),
        to_status=transition.to,
        principal=principal,
        expected_version=expected_version,
        reason=reason,
        text=final_text,
        diff=diff,
        checks=checks_data,
        override=override,
        external_post_id=external_post_id,
    )
    if action == "approve":
        flow_back(storage, settings, draft, final_text or draft.text, principal)
    return storage.get(draft_id, principal=principal)


def flow_back(
    storage: Storage, settings: Settings, draft: DraftPublic, text: str, principal: Principal
) -> None:
    """Add the approved reply to the brand's knowledge base, with provenance."""
    from knowledge.brandpack import ApprovedReply, PostIn
    from knowledge.ingest import add_approved_reply
    from knowledge.taxonomy import CATEGORIES

    category = draft.triage.get("category", "other")
    reply = ApprovedReply(
        id=f"rv-{draft.id}",
        post=PostIn(text=draft.post.text, channel=draft.channel, author=draft.post.author),
        reply=text,
        category=category if category in CATEGORIES else "other",
        kind=draft.kind,
        language=draft.language,
        approved_at=storage_now(),
        approved_by=principal.actor,
        incident_id=draft.incident_id,
        draft_id=draft.id,
    )
    try:
        add_approved_reply(draft.brand, reply, settings=settings)
        storage.record(
            actor=principal.actor,
            action="knowledge.approved_reply_added",
            brand=draft.brand,
            draft_id=draft.id,
            after={"reply_id": reply.id},
        )
    except Exception as exc:  # the decision stands; the audit says the flow-back failed
        log.exception("flow-back of %s failed", draft.id)
        storage.record(
            actor=principal.actor,
            action="knowledge.flow_back_failed",
            brand=draft.brand,
            draft_id=draft.id,
            after={"error": type(exc).__name__},
        )


def storage_now() -> Any:
    from drafting.storage.repository import utcnow

    return utcnow()
