"""structure.next_update: a sentence that announces the next update and gives its time."""

from __future__ import annotations

import re

from drafting.checks.checkrun import CheckRun

# "Update" named, so that a later "the next one" or "il prossimo" can stand for it.
_UPDATE_NOUN = re.compile(r"\b(updates?|aggiornament[oi])\b", re.IGNORECASE)
# The next update with its noun left out, after an update was named: "... every update at
# status.example, and the next one comes at 12:00", "Aggiornamento 11:00: ... Prossimo alle
# 12:00".
_NEXT_ONE = {
    "en": re.compile(
        r"\b(the )?next( one)?\s*(:|(is )?(at|by|around|before|due)\b|(comes|will come|follows|"
        r"will follow|is coming|goes out|will be (out|up|posted))\b)|"
        # (r36) ... or the next one with its day ("updates on our help page, next one Friday 9
        # May at 10:00").
        r"\b(the )?next one,?\s+(on |this |is |comes )?(monday|tuesday|wednesday|thursday|"
        r"friday|saturday|sunday|today|tomorrow|tonight)\b",
        re.IGNORECASE,
    ),
    "it": re.compile(
        r"(^|[.!?:;,\n]\s{0,8}|\b(il|e il) )prossim[oa]\s*(:|(arriva|arriverà|è previsto|sarà|esce|"
        r"uscirà|segue|seguirà)?\s*(alle|entro|verso|intorno alle|per le|domani|oggi|stasera|"
        r"in serata)\b|"
        # (r36) ... o il prossimo con il suo giorno, dopo un verbo ("il prossimo arriva venerdì
        # alle 10:00").
        r"(arriva|arriverà|è previsto|sarà|esce|uscirà|segue|seguirà) (lunedì|martedì|mercoledì|"
        r"giovedì|venerdì|sabato|domenica)\b)",
        re.IGNORECASE,
    ),
}
# A bare heading with a time and nothing after it but links: "Update 12:00 CET: <link>" tells
# when and where the next update comes (an update of that hour would say something).
_BARE_UPDATE_HEADING = re.compile(
    r"\b(update|aggiornamento)\s+(at\s+|alle\s+|ore\s+)?\d{1,2}[:.]\d{2}(\s*[A-Z]{3,4})?\s*[:–—-]?\s*$",
    re.IGNORECASE,
)


def next_update_span(run: CheckRun) -> tuple[int, int] | None:
    """A sentence that announces an update *and* gives its time (not only the time of what
    already happened in it)."""
    masked = run.draft.masked
    for start, end in run.draft.sentences:
        sentence = masked[start:end]
        m = announces_update(run, sentence)
        if m and not _only_past_times(run, sentence):
            return start + m.start(), start + m.end()
    return _elliptic_next_update(run)


# (r25) A time that says when something already happened ("We closed the doors at 16:10 and
# will keep you posted", "L'abbiamo sospesa alle 9:15 e vi terremo aggiornati"): no time for
# the next update.
_PAST_AT = re.compile(
    # A verb in the past with its doer, not a schedule in the passive ("is planned for 18:00",
    # "è previsto alle 16:00", "will be sent at 15:00").
    r"(?<!is )(?<!are )(?<!be )(?<!been )(?<!'s )(?<!'re )(?<!was )(?<!were )"
    r"\b((?!(planned|scheduled|expected|timed|due|set|booked|slated)\b)[a-z]+ed|sent|began|went|"
    r"came|broke|fell|took|happened|"
    r"(abbiamo|ho|ha|hanno)( [\w']+)? [a-zà-ù]+(at|ut|it|ss|st)[oaie])\b"
    # The preposition may be part of the time itself ("alle 9:15").
    r"( [\w'-]+){0,3}( (at|alle|since|dalle|around|verso le|intorno alle))?\s{0,3}$",
    re.IGNORECASE,
)


def _only_past_times(run: CheckRun, sentence: str) -> bool:
    """(r25) Every time the sentence gives is the time of a past act (see _PAST_AT)."""
    time = run.lexicon.update_time
    if time is None:
        return False
    return all(
        _PAST_AT.search(sentence, max(0, t.start() - 40), t.start()) is not None
        for t in time.finditer(sentence)
    )


def _elliptic_next_update(run: CheckRun) -> tuple[int, int] | None:
    """The next update said without its noun once an update was named ("the next one comes at
    12:00"), or a bare heading of its time before a link ("Update 12:00 CET: <link>")."""
    time = run.lexicon.update_time
    if time is None:
        return None
    masked = run.draft.masked
    named = _UPDATE_NOUN.search(masked)
    if named is None:
        return None
    next_one = _NEXT_ONE.get(run.lexicon.language)
    for start, end in run.draft.sentences:
        if end <= named.start():
            continue
        sentence = masked[start:end]
        if not time.search(sentence):
            continue
        bare = _BARE_UPDATE_HEADING.search(sentence.rstrip())
        if bare is not None:
            return start + bare.start(), start + bare.end()
        m = next_one.search(sentence) if next_one is not None else None
        if m is not None and start + m.start() > named.start():
            return start + m.start(), start + m.end()
    return None


def announces_update(run: CheckRun, sentence: str) -> re.Match[str] | None:
    """The update cue of a sentence that also gives the update's time, else None."""
    cue = run.compiled.moves.get("next_update")
    time = run.lexicon.update_time
    if cue is None or time is None or not time.search(sentence):
        return None  # the time is the cheaper test, and most sentences have none
    return cue.search(sentence)
