"""forbidden.*: content a brand must never publish, whatever the tone."""

from __future__ import annotations

import re

from drafting.checks.checkrun import CheckRun
from drafting.checks.draft import HANDLE

_WHY = {
    "liability": (
        "admits legal liability or fault for harm, which legal must decide first",
        "Say you're sorry it happened and that you're looking into it, without saying "
        "whose fault it is or promising to pay for damages; route injuries and legal "
        "threats to the escalation contact.",
    ),
    "speculation": (
        "guesses at the cause of the problem before it is confirmed",
        'Say "we\'re finding out what went wrong" and give the cause only once the '
        "incident lead has confirmed it.",
    ),
    "blame": (
        "blames the customer, a courier, a supplier or another partner",
        'Own the problem as the brand ("your parcel didn\'t arrive when we said it would"); '
        "never point at couriers, partners, systems or the customer.",
    ),
    "legal_promise": (
        "promises a legal or regulatory outcome nobody can promise",
        "Remove the promise; legal questions go to the legal contact.",
    ),
    "medical_advice": (
        "gives medical advice",
        "Don't advise on treatment or health effects; say \"please seek medical "
        'advice" and route the post to the safety contact.',
    ),
    "financial_advice": (
        "gives financial or investment advice",
        "Remove the advice; explain only the brand's own products and charges.",
    ),
    "other_customers": (
        "mentions other customers or their cases",
        "Talk only about this customer's case.",
    ),
}


# A sentence that says what an incident showed or sent ("the page showed some of you another
# customer's name", "everyone who received another customer's e-mail") describes the incident;
# it tells this customer nothing about another customer's case.
_INCIDENT_EXPOSURE = re.compile(
    r"\b(show\w*|display\w*|visible|expos\w*|saw|see|seen|view\w*|received?|receiving|sent|"
    r"shar\w+|leak\w*|mixed|mostrat\w*|visualizzat\w*|vist[oaie]|ricevut\w*|inviat\w*|"
    r"esposti|espost[oaie])\b",
    re.IGNORECASE,
)
_ANOTHER_CUSTOMERS = re.compile(
    r"^(other|the other|another|un altro|un'altra|altri|di altri) (customer|person|user|cliente|"
    r"clienti|utente|utenti)",
    re.IGNORECASE,
)


def _describes_the_incident(run: CheckRun, start: int, end: int) -> bool:
    masked = run.draft.masked
    if not _ANOTHER_CUSTOMERS.match(masked[start:end]):
        return False
    sentence_start, _ = run.draft.sentence_at(start)
    return bool(_INCIDENT_EXPOSURE.search(masked[sentence_start:start]))


# Another customer named by handle as the subject of their own case ("@anna.b had the same
# trouble this morning", "@giulia.t ha già avuto un rimborso"): handles are blanked in the
# masked text, so the verb right after each one is read here, also through a relative clause
# and an elided object pronoun ("chiedi a @giulia.m che l'ha appena usata", "ask @anna.b, who
# had the same").
_THEIR_CASE = re.compile(
    r"\s*,?\s*(who |che |la quale |il quale )?(l'|lo |la |li |le |gli |ne |ce l'|ce lo |ce la )?"
    r"(also |too |already |just |anche |già )?(had|has had|has|got|was|were|reported|"
    r"told|wrote|said|complained|received|ordered|bought|asked|is having|was having|used|ha|"
    r"aveva|hanno|avevano)\b(?!\s*\?)",
    re.IGNORECASE,
)


def _another_customer_by_handle(run: CheckRun) -> tuple[int, int] | None:
    """Span of a handle, other than the post's author and the brand's own, followed by what
    that person had or did."""
    own = {(run.ctx.author or "").lower().lstrip("@"), run.ctx.brand.id.lower()}
    for m in HANDLE.finditer(run.draft.norm):
        if m.group(0)[1:].lower() in own:
            continue
        after = _THEIR_CASE.match(run.draft.masked, m.end())
        if after is not None:
            return m.start(), after.end()
    return None


def check(run: CheckRun) -> None:
    if not run.lexical:
        return
    masked = run.draft.masked
    if run.enabled("forbidden.custom") and run.compiled.custom is not None:
        hits = list(run.compiled.custom.finditer(masked))
        if hits:
            more = f" (and {len(hits) - 1} more)" if len(hits) > 1 else ""
            run.fail(
                "forbidden.custom",
                hits[0].span(),
                f"Uses {hits[0].group(0)!r}{more}, which the brand's policy forbids.",
                "Rephrase without it (see forbidden.custom in policy.yaml).",
            )
    for category, (why, fix) in _WHY.items():
        check_id = f"forbidden.{category}"
        pattern = run.compiled.forbidden.get(category)
        if pattern is None or not run.enabled(check_id):
            continue
        for m in pattern.finditer(masked):
            if category == "other_customers" and _describes_the_incident(run, *m.span()):
                continue
            run.fail(check_id, m.span(), f"This {why}: {m.group(0).strip()!r}.", fix)
            break
        else:
            span = _another_customer_by_handle(run) if category == "other_customers" else None
            if span is not None:
                said = run.draft.text[span[0] : span[1]].strip()
                run.fail(check_id, span, f"This {why}: {said!r}.", fix)
