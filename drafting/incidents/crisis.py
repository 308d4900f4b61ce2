"""Crisis mode and the holding line: which posts are about an incident, and what to say to them.

A brand is in crisis mode while an incident of severity high or critical is open. A post is
about an incident when it names one of the incident's keywords (a keyword also matches longer
forms: "payment" matches "payments"); with no keywords, two of the title's words must appear.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from drafting.language import STOPWORDS
from drafting.storage.incidents import CRISIS_SEVERITIES, PostedUpdate, utc
from drafting.storage.tables import IncidentRow

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_HANDLES = re.compile(r"^(?:\s*@\w{1,30}[,:]?)+\s*")
_STOP = frozenset(w for text in STOPWORDS.values() for w in text.split())
SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3}


def in_crisis(rows: Iterable[IncidentRow]) -> bool:
    return any(r.status != "resolved" and r.severity in CRISIS_SEVERITIES for r in rows)


def title_words(title: str) -> list[str]:
    return [w for w in (x.lower() for x in _WORD.findall(title)) if len(w) >= 4 and w not in _STOP]


def _hit(keyword: str, text: str, tokens: list[str]) -> bool:
    if " " in keyword:
        return keyword in text
    if len(keyword) >= 4:
        return any(t.startswith(keyword) for t in tokens)
    return keyword in tokens


def about(post: str, row: IncidentRow) -> int:
    """How strongly ``post`` is about the incident (0: not about it)."""
    text = " ".join(post.lower().split())
    tokens = _WORD.findall(text)
    if row.keywords:
        return sum(1 for k in row.keywords if _hit(k, text, tokens))
    words = title_words(row.title)
    hits = sum(1 for w in words if _hit(w, text, tokens))
    return hits if hits >= min(2, len(words)) and hits else 0


def best_match(post: str, rows: Sequence[IncidentRow]) -> IncidentRow | None:
    """The open incident ``post`` is most about: most keyword hits, then most severe, newest."""
    scored = [(about(post, r), r) for r in rows if r.status != "resolved"]
    scored = [(score, r) for score, r in scored if score > 0]
    if not scored:
        return None
    scored.sort(
        key=lambda x: (
            -x[0],
            SEVERITY_ORDER.get(x[1].severity, 3),
            -utc(x[1].opened_at).timestamp(),
        )
    )
    return scored[0][1]


def strip_line(text: str, sign_offs: Iterable[str] = ()) -> str:
    """A posted update as a reusable line: no leading @handles, no sign-off."""
    out = _HANDLES.sub("", text).strip()
    for sign in sign_offs:
        if sign and out.endswith(sign):
            out = out[: -len(sign)].rstrip()
    return out


def current_holding_line(
    row: IncidentRow, updates: Sequence[PostedUpdate], sign_offs: Iterable[str] = ()
) -> str | None:
    """The lead's holding line, else the last posted holding statement or status update."""
    if row.holding_line:
        return row.holding_line
    for update in reversed(updates):
        if update.kind in ("holding_statement", "status_update"):
            return strip_line(update.text, sign_offs) or None
    return None
