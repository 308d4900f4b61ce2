"""Adoption analytics: do agents use the drafts? Per brand, agent, category or model.

From the drafts, their decisions, the events tools report (shown, inserted, copied) and the
agents' votes:

- **shown**: a tool reported showing the draft, or someone inserted it or decided on it;
- **inserted**: a tool reported the agent inserting or copying it, or it was approved (the
  approved text started from it);
- **sent as is** / **edited**: approved (or sent) with the model's text unchanged / changed,
  with the word-level edit distance;
- **rejected**, **down-voted**, **up-voted**, **rewrites** (rewrite actions applied);
- **minutes saved** (an estimate): ``manual_reply_minutes`` for each draft sent as is, and
  ``manual_reply_minutes × (1 − changed share)`` for each edited one.

The field's common targets are shown beside the figures: insertion above 40% of drafts
shown, edits around 30% of the drafts used.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from drafting.incidents.measures import changed_share, mean, share, word_edits
from drafting.storage.activity import DraftActivity
from drafting.storage.feedback import DraftEvent, Feedback

GroupBy = Literal["brand", "agent", "category", "model"]
FIELD_TARGETS = {"insertion_rate": 0.40, "edit_rate": 0.30}
USED = ("approved", "sent")


class AdoptionGroup(BaseModel):
    key: str
    drafts: int
    shown: int
    inserted: int
    sent_as_is: int
    edited: int
    rejected: int
    down_voted: int
    up_voted: int
    rewrites: int
    insertion_rate: float | None = Field(description="inserted / shown (field target: > 0.40)")
    edit_rate: float | None = Field(
        description="edited / (sent as is + edited) (field target: about 0.30)"
    )
    mean_edit_distance: float | None = Field(description="Word edits per edited draft.")
    mean_changed_share: float | None = Field(description="0 unchanged .. 1 rewritten.")
    minutes_saved: float = Field(description="Estimate; see the module's docstring.")
    down_reasons: dict[str, int]


class AdoptionPublic(BaseModel):
    since: datetime
    until: datetime
    group_by: GroupBy
    targets: dict[str, float]
    manual_reply_minutes: float
    total: AdoptionGroup
    groups: list[AdoptionGroup]


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def _group(
    key: str,
    drafts: Sequence[DraftActivity],
    events: dict[str, set[str]],
    votes: dict[str, list[Feedback]],
    manual_minutes: float,
) -> AdoptionGroup:
    shown = inserted = as_is = edited = rejected = down = up = rewrites = 0
    distances: list[float] = []
    shares: list[float] = []
    saved = 0.0
    reasons: Counter[str] = Counter()
    for d in drafts:
        seen = events.get(d.id, set())
        used = d.status in USED and d.approved_text is not None
        was_inserted = bool(seen & {"inserted", "copied"}) or used
        if "shown" in seen or was_inserted or d.decisions:
            shown += 1
        inserted += was_inserted
        rejected += d.status == "rejected"
        rewrites += d.rewrites
        if used and d.approved_text is not None:
            if _same(d.model_text, d.approved_text):
                as_is += 1
                saved += manual_minutes
            else:
                edited += 1
                distances.append(word_edits(d.model_text, d.approved_text))
                part = changed_share(d.model_text, d.approved_text)
                shares.append(part)
                saved += manual_minutes * (1 - part)
        mine = votes.get(d.id, [])
        if any(v.vote == "down" for v in mine):
            down += 1
            reasons.update(v.reason or "other" for v in mine if v.vote == "down")
        up += any(v.vote == "up" for v in mine)
    return AdoptionGroup(
        key=key,
        drafts=len(drafts),
        shown=shown,
        inserted=inserted,
        sent_as_is=as_is,
        edited=edited,
        rejected=rejected,
        down_voted=down,
        up_voted=up,
        rewrites=rewrites,
        insertion_rate=share(inserted, shown),
        edit_rate=share(edited, as_is + edited),
        mean_edit_distance=mean(distances),
        mean_changed_share=mean(shares),
        minutes_saved=round(saved, 1),
        down_reasons=dict(reasons.most_common()),
    )


def adoption(
    drafts: Sequence[DraftActivity],
    events: Sequence[DraftEvent],
    feedback: Sequence[Feedback],
    *,
    group_by: GroupBy,
    since: datetime,
    until: datetime,
    manual_reply_minutes: float,
    agent_name: Callable[[str | None], str],
) -> AdoptionPublic:
    seen: dict[str, set[str]] = defaultdict(set)
    for e in events:
        seen[e.draft_id].add(e.event)
    votes: dict[str, list[Feedback]] = defaultdict(list)
    for f in feedback:
        votes[f.draft_id].append(f)
    keys: dict[str, Callable[[DraftActivity], str]] = {
        "brand": lambda d: d.brand,
        "agent": lambda d: agent_name(d.created_by),
        "category": lambda d: d.category,
        "model": lambda d: d.model,
    }
    groups: dict[str, list[DraftActivity]] = defaultdict(list)
    for d in drafts:
        groups[keys[group_by](d)].append(d)
    return AdoptionPublic(
        since=since,
        until=until,
        group_by=group_by,
        targets=dict(FIELD_TARGETS),
        manual_reply_minutes=manual_reply_minutes,
        total=_group("all", drafts, seen, votes, manual_reply_minutes),
        groups=[
            _group(k, v, seen, votes, manual_reply_minutes)
            for k, v in sorted(groups.items(), key=lambda kv: -len(kv[1]))
        ],
    )
