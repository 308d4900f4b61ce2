"""(r30) What happens next, told as a dated event to come: "the second sale is on Friday 11
December at 18:00", "tickets back on sale Tuesday 9 June", "difference repaid by Friday 4 June",
"Nuova apertura: ven 11 dicembre, 18:00", "fino a lunedì alle 12:00 non possiamo dire altro".

A stretch of a clause (cut at commas, colons and "and"/"e", "but"/"ma") that names a day of the
calendar, not introduced as the date of something already there ("your message of Monday",
"since Monday"), and tells nothing in the past around it ("we paused the campaign on Wednesday
at 10:00", "si è bloccato giovedì mattina", "last Monday") says what comes next, with a verb in
the present, the future, or none at all.
"""

from __future__ import annotations

import re

from drafting.checks.checkrun import CheckRun

# A day of the calendar: a weekday (or its short form before a date), a day and a month, or a
# day named from today. A clock time alone is left out: it is most often the time of the
# incident.
_MONTHS = (
    r"(january|february|march|april|may|june|july|august|september|october|november|december|"
    r"gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|"
    r"dicembre|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|gen|mag|giu|lug|ago|set|ott|dic)"
    r"\.?(?!\w)"
)
# A month before its day ("December 3"): the full names and the English short forms ("set 3",
# "mar 3" are as often words as months).
_MONTHS_FIRST = (
    r"(january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
)
_DAY = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|"
    r"tomorrow|domani|dopodomani|domattina|"
    r"(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|lun|mar|mer|gio|ven|sab|dom)\.? \d{1,2}\b|"
    r"\d{1,2}(st|nd|rd|th)? (of )?" + _MONTHS + "|" + _MONTHS_FIRST + r" \d{1,2}(st|nd|rd|th)?\b|"
    r"next (week|month)|(la |il )?prossim[ao] (settimana|mese))",
    re.IGNORECASE,
)
# Words before the day that make it the date of something there already.
_OF_THE_PAST = re.compile(
    r"\b(of|since|from|last|del|dello|della|dal|dalla|dallo|di|da|scors[oa]|ultimo)\s+(the\s+|il\s+)?$",
    re.IGNORECASE,
)
# Where a stretch ends: punctuation that closes a clause, and the turns that start one ("and"
# is left alone: it joins nouns as often as clauses, "a dog user and a wheelchair user on
# Saturday").
_STRETCH_BREAK = re.compile(
    r"[,:;()–—]|\s-\s|\b(but|so|yet|ma|però|quindi)\b|"
    # (r31) ... but an "and" that opens a clause of our own does ("it's off now and we delete
    # the data by Friday 4 June", "ora è disattivata e cancelliamo i dati entro il 4 giugno"):
    # what is said before it is not what comes next.
    r"\b(and|e)\s+(?=(we|we'll|we're|i|i'll|noi)\b|[a-zà-ù]{2,}iamo\b)|"
    # (r36) ... and so does one that turns to the customer, or to each of those affected, in
    # the present ("your order was created and you get an e-mail by Thursday", "gli ordini sono
    # stati creati e ogni cliente riceve un'e-mail entro giovedì", "e ricevi il codice entro
    # lunedì"): a step after what was done.
    r"\b(and|e)\s+(?=(you|you'll|each|every|ogni|ciascun[oa]?|tu)\s|"
    r"(?![a-zà-ù]*(at|it|ut|ss|st|tt|rt|lt|nt|s)[ie]\b)[a-zà-ù]{3,}(vi|ai|ei|oi|ci|di|ti|ni)\s)",
    re.IGNORECASE,
)
# Something told in the past: an auxiliary of the past, a perfect, a past of a common irregular
# verb, a word of time gone by ("yesterday", "ago", "ieri", "scorso"), and in Italian a
# perfect ("abbiamo sospeso", "si è bloccato", "è stata sospesa") or an imperfect ("doveva").
_PAST = re.compile(
    # (r32) An irregular past after a form of "be" or "get" is a present passive ("the kit is
    # sent by Friday", "refunds get paid within five days"), not a past.
    r"(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bget )(?<!\bgets )(?<!\bbeing )"
    r"\b(was|were|wasn't|weren't|had|hadn't|did|didn't|went|came|began|broke|took|sold|made|"
    r"gave|sent|got|left|saw|paid|lost|ran|told|said|found|fell|held|kept|spent|wrote|felt|heard|"
    r"bought|brought|caught|meant|stood|spoke|rang|wore|chose|drove|flew|knew|became|forgot|"
    r"led|couldn't|could not|wasn't able|weren't able|"
    r"yesterday|ago|last|earlier|"
    r"ieri|scors[oa]|fa|fu|furono|era|erano|eravamo|ero)\b|"
    r"\b(have|has|'ve|hasn't|haven't)( \w+ly| not| never| already| just| now)? "
    r"[a-z]+(ed|en|wn|ne|id|ld|ght|ook|ung|ent|ost|ot|ut)\b|"
    r"\b(ho|hai|ha|abbiamo|avete|hanno|non ha|non hanno|non abbiamo)( [\w']+)? "
    r"[a-zà-ù]+(at|ut|it|ss|st|s|tt|rt|lt)[oaie]\b|"
    # "è arrivato", "sono partiti"; not a schedule ("è fissata per", "è confermata per"), nor a
    # day or an adverb that only looks like a participle ("è sabato", "è subito disponibile").
    r"\b(è|sono) (già |appena )?(?!(fissat|programmat|pianificat|confermat|spostat|rinviat|"
    r"rimandat|anticipat|posticipat)[oaie]\b)(?!(sabato|subito)\b)[a-zà-ù]+(at|ut|it)[oaie]\b|"
    r"\b(si|ci|mi|ti|vi)( sono| è| siamo| siete| sei)\b|"
    r"\b(è|sono|siamo|era|erano) (già |appena )?stat[oaie]\b|"
    # (r32) Not the present of a verb whose stem ends in "-iv" ("arriva", "attiva", "scriva").
    r"\b(?!(arr|att|der|mot|colt|ravv|disatt|riatt|scr|pr|v)iva(no)?\b)"
    r"[a-zà-ù]{2,}(ava|avano|avamo|eva|evano|evamo|iva|ivano|ivamo)\b",
    re.IGNORECASE,
)
# A word in -ed after its doer: "we paused", "the ad ran", "payments failed"; not after an
# article, a preposition or a form of "be" ("the cancelled orders", "signs of automated
# buying", "is scheduled for"), nor a participle before the deadline it is due by
# ("difference refunded by Friday").
_ED = re.compile(
    r"\b(?P<before>[\w']+)\s+(\w+ly\s+)?(?P<ed>[a-z]{3,}ed)\b"
    r"(?!\s+(by|within|before|until|no later than)\b)",
    re.IGNORECASE,
)
# fmt: off
_NOT_A_DOER = frozenset((
    "the", "a", "an", "of", "from", "with", "for", "by", "in", "on", "to", "at", "is", "are",
    "be", "been", "being", "get", "gets", "got", "was", "were", "and", "or", "your", "our",
    "their", "its", "his", "her", "my", "this", "that", "these", "those", "any", "all", "some",
    "no", "not", "newly", "fully", "automatically", "now", "already", "still", "also", "as",
    "into", "onto",
))
# fmt: on


# An estimate or a reading of a status, not a step ("it should arrive Thursday", "l'ordine
# risulta in consegna domani").
_ESTIMATE = re.compile(
    r"\b(should|ought to|may|might|could|probably|hopefully|seems|appears|shows as|"
    r"dovrebbe|dovrebbero|potrebbe|potrebbero|probabilmente|sembra|sembrano|risulta|risultano)\b",
    re.IGNORECASE,
)


# A stretch that denies it ("your order isn't refunded by 14 July", "non apre lunedì") tells no
# step; "not ... until" does ("we can't say more until Monday at 12:00": news comes then).
_DENIED = re.compile(r"\b(not|never|no longer|non|mai)\b|n't\b", re.IGNORECASE)
_UNTIL = re.compile(r"\b(until|till|fino a|fino al|fino alle|prima di)\s+$", re.IGNORECASE)


def _past_in(stretch: str) -> bool:
    if _PAST.search(stretch):
        return True
    return any(m["before"].lower() not in _NOT_A_DOER for m in _ED.finditer(stretch))


def coming_date_span(run: CheckRun) -> tuple[int, int] | None:
    """The first day to come that a stretch of the draft names with nothing past around it."""
    masked = run.draft.masked
    skipped = -1  # where a day of something there already ends
    for m in _DAY.finditer(masked):
        start, end = run.draft.sentence_at(m.start())
        if (
            _OF_THE_PAST.search(masked, max(start, m.start() - 12), m.start())
            or masked.startswith("'s", m.end())  # "Monday's video"
            # ... and its date after it ("your message of Monday 7 December")
            or (skipped >= 0 and not masked[skipped : m.start()].strip(" ,"))
        ):
            skipped = m.end()
            continue
        left = start
        for b in _STRETCH_BREAK.finditer(masked, start, m.start()):
            left = b.end()
        brk = _STRETCH_BREAK.search(masked, m.end(), end)
        right = brk.start() if brk else end
        stretch = masked[left:right]
        if _DENIED.search(stretch) and not _UNTIL.search(
            masked, max(left, m.start() - 12), m.start()
        ):
            continue
        if not _past_in(stretch) and not _ESTIMATE.search(stretch):
            return m.span()
    return None
