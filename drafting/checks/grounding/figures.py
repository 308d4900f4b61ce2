"""grounding.amount, .percentage, .count, .datetime and .duration: every figure the draft
states must be one the facts, the sources, the customer's own post or a standing fact (in a
sentence about the same thing) gives."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from drafting.checks.catalogue import CheckSeverity
from drafting.checks.checkrun import CheckRun
from drafting.checks.claims import Claim, bare_numbers, numeric_claims
from drafting.checks.draft import UPDATE_HEADING
from drafting.checks.grounding.words import topic

if TYPE_CHECKING:
    from drafting.checks.grounding.support import Support

KIND_LABEL = {
    "amount": ("grounding.amount", "an amount"),
    "percentage": ("grounding.percentage", "a percentage"),
    "count": ("grounding.count", "a number of people or orders"),
    "datetime": ("grounding.datetime", "a date or time"),
    "duration": ("grounding.duration", "a duration"),
}


_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "primo": 1, "prima": 1, "secondo": 2, "seconda": 2, "terzo": 3, "terza": 3, "quarto": 4,
    "quarta": 4, "quinto": 5, "quinta": 5, "sesto": 6, "sesta": 6, "settimo": 7, "settima": 7,
}  # fmt: skip
_UNIT = {"day": "day", "week": "week", "month": "month", "hour": "hour"}
_UNIT |= {"giorno": "day", "settimana": "week", "mese": "month", "ora": "hour"}
_ORDINAL_DURATION = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th|°|º)?\s+(day|week|month|hour|giorno|settimana|mese)\b|"
    r"\b(" + "|".join(_ORDINALS) + r")\s+(day|week|month|hour|giorno|settimana|mese|ora)\b",
    re.IGNORECASE,
)


# (r26) A period the customer names as this one or the last one ("three faulty chargers this
# year", "due ritardi quest'anno", "nell'ultimo mese"): said back as one such period ("three in
# one year", "in un mese") it is the customer's own figure.
_THIS_PERIOD = re.compile(
    r"\b(this|last|past) (year|month|week)\b|\bquest'(anno)\b|\b(questo|quest'ultimo|l'ultimo|"
    r"nell'ultimo|lo scorso) (anno|mese)\b|\b(questa|l'ultima|nell'ultima|la scorsa) (settimana)\b",
    re.IGNORECASE,
)
_PERIOD = {"anno": "year", "mese": "month", "settimana": "week"}


def ordinal_durations(text: str) -> frozenset[str]:
    """Duration keys of the ordinals in ``text``: "2nd day", "terzo giorno" -> "2 day", "3 day"
    (the customer counting how long it has lasted), and of the period named as this one (see
    _THIS_PERIOD): "this year" -> "1 year"."""
    out = set()
    for m in _THIS_PERIOD.finditer(text):
        unit = [g for g in m.groups() if g][-1]  # the last group found is the unit
        out.add(f"1 {_PERIOD.get(unit.lower(), unit.lower())}")
    for m in _ORDINAL_DURATION.finditer(text):
        if m.group(1):
            number, unit = int(m.group(1)), m.group(2).lower()
        else:
            number, unit = _ORDINALS[m.group(3).lower()], m.group(4).lower()
        out.add(f"{number} {_UNIT[unit]}")
    return frozenset(out)


@lru_cache(maxsize=4096)
def claim_keys(text: str) -> frozenset[str]:
    """Normalised numeric claims in a text (cached: facts and sources repeat across drafts)."""
    return (
        frozenset(k for c in numeric_claims(text) for k in c.keys) if text.strip() else frozenset()
    )


@lru_cache(maxsize=4096)
def cached_bare_numbers(text: str) -> frozenset[str]:
    """claims.bare_numbers, cached: facts and sources repeat across drafts."""
    return bare_numbers(text)


@lru_cache(maxsize=16)
def standing_keys(facts: tuple[str, ...]) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    return tuple((claim_keys(f), topic(f)) for f in facts)


CALENDAR_DATE = re.compile(r"^\d{1,2}/\d{1,2}$")
_YEAR = re.compile(r"\b20\d\d\b")


@lru_cache(maxsize=256)
def weekdays_of(keys: frozenset[str], evidence: str) -> frozenset[str]:
    """The weekday of each date the facts give, in the year they name: "Tuesday's newsletter"
    is grounded by "the newsletter of 24 November 2026"."""
    years = {int(y) for y in _YEAR.findall(evidence)}
    if not years or len(years) > 3:
        return frozenset()
    out = set()
    for key in keys:
        if not CALENDAR_DATE.match(key):
            continue
        day, month = (int(x) for x in key.split("/"))
        for year in years:
            try:
                out.add(f"weekday:{date(year, month, day).weekday()}")
            except ValueError:
                continue
    return frozenset(out)


def spans_between_dates(keys: frozenset[str], evidence: str) -> frozenset[str]:
    """The number of days (and whole weeks) between any two dates the facts give, in the year
    they name: "it locked people out for three days" is grounded by "since Monday 23 November"
    and "fixed on Thursday 26 November"."""
    years = {int(y) for y in _YEAR.findall(evidence)}
    if len(years) != 1:
        return frozenset()
    year = years.pop()
    days = []
    for key in keys:
        if CALENDAR_DATE.match(key):
            day, month = (int(x) for x in key.split("/"))
            try:
                days.append(date(year, month, day))
            except ValueError:
                continue
    if len(days) > 12:
        return frozenset()  # a long list of dates (a schedule) grounds no span
    out = set()
    for i, first in enumerate(days):
        for second in days[i + 1 :]:
            gap = abs((second - first).days)
            if gap:
                out.add(f"{gap} day")
                if gap % 7 == 0:
                    out.add(f"{gap // 7} week")
    return frozenset(out)


# A deadline set for what is to come ("by tomorrow", "entro domani", "before tonight").
_DEADLINE = re.compile(
    r"\b(by|before|no later than|within|entro|prima di|non oltre|al più tardi)\s+$", re.IGNORECASE
)
_COMING_DAYS = frozenset({"rel:tomorrow", "rel:tonight", "rel:day after tomorrow"})
# (r28) A time to come ("in two days", "within a week", "entro tre giorni", "tra due
# settimane"): how long something will take.
_TO_COME = re.compile(
    r"\b(in|within|entro|tra|fra|nel giro di|in the next|nei prossimi|nelle prossime)\s+$",
    re.IGNORECASE,
)


def _facts_time_it(claim: Claim, support: Support) -> bool:
    """(r28) The facts give a length of their own in the claim's unit ("A refund can take up to
    five working days"), and not the claim's: the time something takes is theirs to give. The
    days between two of their dates ("the hub closed on the 21st, the next update is on the
    24th") then do not support "your refund will be back in three days"."""
    units = {k.split(" ", 1)[1] for k in claim.keys if " " in k}
    return any(
        k.split(" ", 1)[1] in units
        for k in support.keys - claim.keys
        if " " in k and k[:1].isdigit() and not k.startswith("few ")
    )


_DAYS_IN = {"day": 1, "week": 7}


def _in_days(key: str) -> float | None:
    number, _, unit = key.partition(" ")
    try:
        return float(number) * _DAYS_IN[unit] if unit in _DAYS_IN else None
    except ValueError:
        return None


def _facts_last_otherwise(claim: Claim, support: Support) -> bool:
    """(r31) How long it lasted, where the facts give a length in days or weeks and not the
    claim's ("the setting stayed on for three days" against "on for almost a week"): the days
    between two of their dates (the day it was switched off, the day the data goes) do not
    support it; the facts have said how long it was."""
    claimed = {d for k in claim.keys if (d := _in_days(k)) is not None}
    given = {d for k in support.keys if (d := _in_days(k)) is not None}
    return bool(claimed) and bool(given) and not claimed & given


def _supported(
    claim: Claim,
    support: Support,
    sentence: str = "",
    *,
    deadline: bool = False,
    to_come: bool = False,
) -> bool:
    if claim.keys & support.keys:
        return True
    # (r24) A count whose number the facts give with its noun before it or after a colon
    # ("gli ordini fraudolenti 312", "accounts affected: 1,240"), not as a date or an amount.
    if claim.kind == "count" and claim.keys & support.bare_numbers:
        return True
    if (
        claim.kind == "duration"
        and claim.keys & support.date_spans
        and not (to_come and _facts_time_it(claim, support))
        and not (not to_come and _facts_last_otherwise(claim, support))
    ):
        return True
    # (r22) "For a few days", "per alcune settimane": a length the facts give in figures, of two
    # to ten of that unit (in their durations or between their dates).
    if claim.kind == "duration" and any(
        f"{n} {k[4:]}" in support.keys or f"{n} {k[4:]}" in support.date_spans
        for k in claim.keys
        if k.startswith("few ")
        for n in range(2, 11)
    ):
        return True
    # "Yesterday", "tomorrow": with no clock to resolve them against, a relative day is a
    # paraphrase of the dated facts ("dispatched on 24 November" said on the 25th); not a
    # deadline set for a day to come ("it reaches you by tomorrow"), which is a new date.
    if (
        claim.kind == "datetime"
        and support.dated
        and all(k.startswith("rel:") for k in claim.keys)
        and not (deadline and claim.keys & _COMING_DAYS)
    ):
        return True
    # A standing fact supports a figure only in a sentence about the same thing: "within 24
    # hours" holds for e-mail replies, not for a refund.
    if any(claim.keys & keys and topic(sentence) & stems for keys, stems in support.standing):
        return True
    # (r22) ... or, in other words, when the sentence gives two of its figures together ("we're
    # on the chat from 08:00 to 22:00", "ci trova dalle 08:00 alle 22:00": the opening hours,
    # whatever the service is called).
    if any(
        claim.keys & keys and len(claim_keys(sentence) & keys) >= 2 for keys, _ in support.standing
    ):
        return True
    # Restating the customer's own dates, durations and counts is not a new claim.
    return claim.kind in ("datetime", "duration", "count") and bool(
        claim.keys & support.context_keys
    )


# A clock time alone ("13:00", "9.30"), with no date.
_CLOCK = re.compile(r"[012]?\d[:.][0-5]\d")


def _dateline(run: CheckRun, claim: Claim, heading_end: int) -> bool:
    """(r29) The clock time in the heading that opens an update is when the update is posted,
    not a fact about the incident ("Update 16:30 GMT: the lifts at Deansgate still ...",
    "Aggiornamento delle 18:15: ..."). A date there is still checked."""
    return (
        claim.kind == "datetime"
        and claim.end <= heading_end
        and _CLOCK.fullmatch(run.draft.masked[claim.start : claim.end].strip()) is not None
    )


def check_figures(
    run: CheckRun, support: Support, severity: CheckSeverity | None, caveat: str
) -> None:
    """Reports the first unsupported figure of each kind."""
    reported: set[str] = set()
    heading = UPDATE_HEADING.match(run.draft.masked)
    for claim in numeric_claims(run.draft.masked):
        check_id, label = KIND_LABEL[claim.kind]
        if check_id in reported or not run.enabled(check_id):
            continue
        if heading is not None and _dateline(run, claim, heading.end()):
            continue
        sentence = run.draft.masked[slice(*run.draft.sentence_at(claim.start))]
        before = run.draft.masked[max(0, claim.start - 30) : claim.start]
        deadline = _DEADLINE.search(before)
        to_come = claim.kind == "duration" and _TO_COME.search(before) is not None
        if _supported(claim, support, sentence, deadline=deadline is not None, to_come=to_come):
            continue
        reported.add(check_id)
        run.fail(
            check_id,
            (claim.start, claim.end),
            f"States {label} ({run.draft.text[claim.start : claim.end]!r}) that the incident "
            f"facts and cited sources don't contain.{caveat}",
            "Use only figures from the incident lead's facts, or remove it.",
            severity=severity,
        )
