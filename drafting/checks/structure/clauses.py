"""How a draft's sentences are read as clauses: where one ends, which are requests and which
promise a future."""

from __future__ import annotations

import re

from drafting.checks.checkrun import CheckRun

CLAUSE_BREAK = re.compile(
    r"[:;]\s+|,\s+(?=(and|e)\s+(we|i|noi|ti|le|vi)\b)|,\s+(?=(but|ma|però|so|quindi|yet)\s)|"
    # (r31) ... and a comma and "and" before a new subject with its article ("Snow closed the
    # depot for a day, and some parcels will be late", "la neve ha chiuso il deposito, e alcuni
    # pacchi arriveranno tardi"): two statements, each judged on its own.
    r",\s+(?=(and|e)\s+(some|many|most|all|a few|several|the|alcun[ie]|molt[ie]|tutt[ie]|"
    r"divers[ie]|i|gli|le|il|lo|la)\s)|"
    # (r31) ... and what will be done to the same thing, after what happened to it ("your
    # details were sent to our servers and will be deleted by Friday", "è arrivata ai nostri
    # server e sarà cancellata"): what happened, then a step.
    r"\s+(?=(and|e)\s+(will|shall|sarà|saranno|verrà|verranno)\s)",
    re.IGNORECASE,
)


def clauses_of(run: CheckRun) -> list[tuple[int, int]]:
    """The draft's sentences cut at colons and semicolons: "Stop using the heater and unplug
    it: on some units the thermostat doesn't switch it off" gives an instruction, then says
    what went wrong; each half is judged on its own. So is a promise joined by a comma and
    "and we" ("The update broke your lamp, and we'll send a bulb"), and whatever follows a
    comma and "but" or "so", or (r31) a comma, "and" and a new subject, or "and will": the
    turn starts a new clause ("The Milan lockers still don't open, but send us a DM" states the
    problem, then asks)."""
    masked = run.draft.masked
    out = []
    for start, end in run.draft.sentences:
        cut = start
        for m in CLAUSE_BREAK.finditer(masked, start, end):
            out.append((cut, m.start()))
            cut = m.end()
        out.append((cut, end))
    return out


# A clause that asks the customer for something ("Could you DM us your order number?", "Ci
# scrivi il numero d'ordine?"): a request, which neither describes nor states anything.
REQUEST = re.compile(
    r"\W*(could|can|would|will|may|shall|please|pls|puoi|potresti|potete|può|potrebbe|"
    r"vuoi|volete|ci (scrivi|mandi|dai|invii)|mi (scrivi|mandi|dai))\b",
    re.IGNORECASE,
)


# A promise, not a state: "We'll post again by 18:00", "Vi aggiorneremo di nuovo".
FUTURE = re.compile(
    r"\b(will|shall|going to)\b|'ll\b|\b[^\W\d_]+(rò|rà|remo|rete|ranno)\b", re.IGNORECASE
)
