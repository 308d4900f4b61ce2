"""The ``constructions`` section of a language's lexicon, compiled: the grammatical shapes
(a party and its failure, a promise frame, a cause told while unknown...) that forbidden.*
and grounding.cause read. A language whose lexicon lacks one gets ``None`` for it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from drafting.checks.lexicon import Pattern, combine, load_lexicon


@dataclass(frozen=True)
class Constructions:
    """The ``constructions`` section of a language's lexicon, compiled."""

    blame_agent: Pattern | None  # an outside party followed, in its clause, by a failure
    then_failure: Pattern | None  # what follows a party's name when it failed (anchored)
    party: Pattern | None  # an outside party
    not_theirs: Pattern | None  # before a party: a negation
    condition: Pattern | None  # before a party: a condition ("if", "se")
    past_failure: Pattern | None  # after a party: its failure told in a past tense
    cleared: Pattern | None  # after a party: a failure denied
    blame: Pattern | None  # passive agents, named culprits, the customer's act as the cause
    promise_frame: Pattern | None
    promise_denied: Pattern | None
    legal_cue: Pattern | None
    legal_outcome: Pattern | None
    advice_frame: Pattern | None
    finance_topic: Pattern | None
    authority: Pattern | None  # the law, a court, the police, a regulator
    certain_outcome: Pattern | None  # how it ends for the customer, told as certain
    remedy_frame: Pattern | None  # take, try, can help, before bed
    remedy: Pattern | None  # a medicine, a dose, a herbal remedy, a breathing trick
    owned_fault: Pattern | None  # "the responsibility is ours", "la responsabilità è nostra"
    owned_decision: Pattern | None  # what was owned is our decision: "approved", "scelta"
    legal_exposure: Pattern | None  # a harm someone could claim for: injury, loss, a breach
    staff_failure: Pattern | None  # (r24) one of our people who failed to follow the rules
    cause_unknown: Pattern | None  # (r24) in the facts: the cause of "what" is not known yet
    cause_link: Pattern | None  # (r24) after "what": told as caused ("was caused by")
    cause_before: Pattern | None  # (r24) before "what": its cause named ("caused the")
    cause_open: Pattern | None  # (r24) in that sentence: the cause still open, or a question
    mock_opener: Pattern | None  # (r24) an ironic opener: a fault owned after it is mock
    owned_responsibility: Pattern | None  # (r31) "we accept full responsibility"


# Between a party and its failure: no "and"/"but" (another clause) and no negation ("the
# courier hasn't lost it", "il corriere non ha perso il pacco"). (r25) A hyphenated word is
# not the conjunction it starts with: "il fornitore di e-mail ha usato ..." reads on.
_NOT_BETWEEN = r"(?!(?:and|but|or|not|never|no|e|ma|o|non|mai|né)\b(?!-))(?![\w'-]*n't\b)"
# What opens a relative clause after a party: "the agency (that) we worked with", "la società
# che gestisce", "il fornitore a cui ci appoggiamo".
_RELATIVE = r"(?:that|which|who|whom|we|they|che|cui|con cui|a cui|di cui)\b"


@lru_cache(maxsize=4)
def constructions(language: str) -> Constructions:
    raw = load_lexicon(language).raw.get("constructions", {})

    def one(key: str) -> Pattern | None:
        return combine([raw[key]]) if raw.get(key) else None

    agent = then = None
    if raw.get("third_party") and raw.get("failure"):
        # After the party, a relative clause that says which one it is ("the agency we worked
        # with on the launch", "la società che cura il nostro sito"), up to three words of its
        # clause, then the failure ("stopped operating without warning", "our courier partner
        # in the north suddenly went bust").
        then_failure = (
            rf"(?:'s|s')?(?:[ ,]+{_RELATIVE}(?: {_NOT_BETWEEN}[\w'-]+){{1,6}}?)?"
            rf"(?:[ ,]+{_NOT_BETWEEN}[\w'-]+){{0,3}}? (?:{raw['failure']})\b"
        )
        agent = combine([rf"(?<![\w@])(?:{raw['third_party']}){then_failure}"])
        then = re.compile(then_failure, re.IGNORECASE)
    return Constructions(
        blame_agent=agent,
        then_failure=then,
        party=re.compile(rf"(?:{raw['third_party']})", re.IGNORECASE)
        if raw.get("third_party")
        else None,
        not_theirs=re.compile(raw["not_theirs"], re.IGNORECASE) if raw.get("not_theirs") else None,
        condition=re.compile(raw["condition"], re.IGNORECASE) if raw.get("condition") else None,
        past_failure=re.compile(raw["past_failure"], re.IGNORECASE)
        if raw.get("past_failure")
        else None,
        cleared=re.compile(raw["cleared"], re.IGNORECASE) if raw.get("cleared") else None,
        blame=combine(
            raw.get("passive_agent", [])
            + raw.get("named_culprit", [])
            + raw.get("customer_cause", [])
        ),
        promise_frame=one("promise_frame"),
        promise_denied=one("promise_denied"),
        legal_cue=one("legal_cue"),
        legal_outcome=one("legal_outcome"),
        advice_frame=one("advice_frame"),
        finance_topic=one("finance_topic"),
        authority=one("authority"),
        certain_outcome=one("certain_outcome"),
        remedy_frame=one("remedy_frame"),
        remedy=one("remedy"),
        owned_fault=one("owned_fault"),
        owned_decision=one("owned_decision"),
        legal_exposure=one("legal_exposure"),
        staff_failure=one("staff_failure"),
        cause_unknown=one("cause_unknown"),
        cause_link=one("cause_link"),
        cause_before=one("cause_before"),
        cause_open=one("cause_open"),
        mock_opener=one("mock_opener"),
        owned_responsibility=one("owned_responsibility"),
    )
