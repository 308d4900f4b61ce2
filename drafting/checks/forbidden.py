"""forbidden.*: content a brand must never publish, whatever the tone."""

from __future__ import annotations

import re

from drafting.checks.brand_subject import brand_as_we
from drafting.checks.checkrun import CheckRun
from drafting.checks.constructions import constructions
from drafting.checks.draft import HANDLE
from drafting.checks.lexicon import Pattern
from drafting.checks.personal_data import names_in_post

# What each forbidden category means and how to fix it (the learned reader says the same).
REASONS = {
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
    r"^((to|for|with|by|a|ad|per|con|da) )?"  # "visible to other users", "visibili ad altri utenti"
    r"(other|the other|another|un altro|un'altra|altri|di altri|gli altri|le altre|altre) "
    # (r35) ... or the other people who got what the incident sent ("visible to the other
    # people who received it", "visibile agli altri destinatari").
    r"(customer|person|people|user|recipient|subscriber|cliente|clienti|utente|utenti|persone|"
    r"destinatari|iscritti)",
    re.IGNORECASE,
)


def _describes_the_incident(run: CheckRun, start: int, end: int) -> bool:
    masked = run.draft.masked
    if _the_incidents_own_person(run, start, end):
        return True
    if not _ANOTHER_CUSTOMERS.match(masked[start:end]):
        return False
    sentence_start, _ = run.draft.sentence_at(start)
    return bool(_INCIDENT_EXPOSURE.search(masked[sentence_start:start]))


# (r35) The one person the incident happened to, as the facts introduce them ("our reply
# mocked a customer who had asked about a size", "una risposta offensiva a un cliente che ci
# aveva scritto"): "a customer" brought in as the object of what we did, when the facts also
# single out "a customer", is the incident's own person, not another customer's case. Their
# doings or state told as the subject ("the customer did order the wrong size", "another
# customer wrote to us") still count.
_ONE_PERSON = re.compile(
    r"(?:a|an|one|un|una|uno|un')\s?(?P<noun>customer|client|shopper|user|member|buyer|"
    r"subscriber|person|woman|man|girl|boy|cliente|utente|acquirente|iscritt[oa]|persona|"
    r"signora|signore|ragazz[oa]|donna|uomo)\b",
    re.IGNORECASE,
)
# What comes right before an object: a verb in the past or a preposition ("mocked a customer",
# "a reply to a customer", "ha deriso un cliente", "una risposta offensiva a un cliente").
_OBJECT_SLOT = re.compile(
    r"(?:\b\w+(?:ed|ato|ito|uto|eso|iso)|\b(?:to|at|with|towards|a|ad|con|verso|contro))\s$",
    re.IGNORECASE,
)


def _the_incidents_own_person(run: CheckRun, start: int, end: int) -> bool:
    masked = run.draft.masked
    m = _ONE_PERSON.match(masked, start, end)
    if m is None or not _OBJECT_SLOT.search(masked[max(0, start - 30) : start]):
        return False
    noun = re.escape(m.group("noun").lower()[:5])
    introduced = re.compile(rf"\b(?:a|an|one|un|una|uno|un')\s?{noun}", re.IGNORECASE)
    return any(introduced.search(fact) for fact in run.ctx.facts)


# Another customer named by handle as the subject of their own case ("@anna.b had the same
# trouble this morning", "@giulia.t ha già avuto un rimborso"): handles are blanked in the
# masked text, so the verb right after each one is read here, also through a relative clause
# and an elided object pronoun ("chiedi a @giulia.m che l'ha appena usata", "ask @anna.b, who
# had the same").
_THEIR_CASE = re.compile(
    r"\s*,?\s*(who |che |la quale |il quale )?(l'|lo |la |li |le |gli |ne |ce l'|ce lo |ce la )?"
    r"(also |too |already |just |anche |già )?(had|has had|has|got|was|were|reported|"
    r"told|wrote|said|complained|received|ordered|bought|asked|is having|was having|used|ha|"
    r"aveva|hanno|avevano)\b(?!\s*\?)"
    # A handle credited as right or wrong ("@watchdog were right about the prices", "@gruppo
    # aveva ragione") is a critic conceded to, not another customer's case.
    r"(?!\s+(?:quite |absolutely |completely |entirely |totally |pienamente )?"
    r"(?:right|correct|wrong|ragione|torto)\b)"
    # (r27) A handle that holds a recording or a piece of content ("@citynewsradio has the full
    # interview", "@rivista ha l'intervista completa") is a publisher, not a customer's case.
    r"(?!\s+(?:the |a |an |l'|la |il |lo |un |una )?(?:full |whole |complete |entire |original "
    r"|unedited )?(?:episodes?|videos?|interviews?|recordings?|clips?|articles?|story|podcasts?|"
    r"statements?|transcripts?|footage|intervista|registrazione|puntata|articolo|video)\b)",
    re.IGNORECASE,
)


# (r32) A handle cited as the source of what was said ("as @CityNews reported", "come ha
# scritto @giornale", "secondo @agenzia"): a publisher quoted, not another customer's case.
_CITED_AS_SOURCE = re.compile(
    r"\b(?:according to|as reported by|secondo|stando a|come riportato da|"
    r"come (?:ha|hanno|aveva|avevano) (?:scritto|riportato|riferito|detto|annunciato))\s{1,3}$",
    re.IGNORECASE,
)
_AS_BEFORE = re.compile(r"\bas\s{1,3}$", re.IGNORECASE)
_REPORTED_AFTER = re.compile(
    r"\s*(?:has |have |had )?(?:reported|wrote|written|said|noted|announced|published|covered)\b",
    re.IGNORECASE,
)


def _cited_as_source(masked: str, start: int, end: int) -> bool:
    """(r32) Whether the handle at ``start:end`` is cited as the source of a report ("as
    @CityNews reported", "according to @agency", "come ha scritto @giornale")."""
    if _CITED_AS_SOURCE.search(masked, 0, start):
        return True
    return bool(_AS_BEFORE.search(masked, 0, start) and _REPORTED_AFTER.match(masked, end))


def _another_customer_by_handle(run: CheckRun) -> tuple[int, int] | None:
    """Span of a handle, other than the post's author and the brand's own, followed by what
    that person had or did."""
    own = {(run.ctx.author or "").lower().lstrip("@"), run.ctx.brand.id.lower()}
    facts = " ".join(run.ctx.facts).lower()
    for m in HANDLE.finditer(run.draft.norm):
        if m.group(0)[1:].lower() in own or _cited_as_source(run.draft.masked, *m.span()):
            continue
        # (r36) A handle the facts introduce is a party to the incident (a partner, the
        # account that posted it), not another customer with a case of their own.
        if facts and m.group(0).lower() in facts:
            continue
        after = _THEIR_CASE.match(run.draft.masked, m.end())
        if after is not None:
            return m.start(), after.end()
        told = _TOLD_TO.search(run.draft.masked, max(0, m.start() - 40), m.start())
        if told is not None:
            return told.start(), m.end()
        example = _GIVEN_AS_EXAMPLE.search(run.draft.masked, max(0, m.start() - 80), m.start())
        if example is not None:
            return example.start(), m.end()
        back = _THEIRS_DONE.match(run.draft.masked, m.end())
        if back is not None and _TO_WHOM.search(run.draft.masked, max(0, m.start() - 4), m.start()):
            return m.start(), back.end()
    return _named_person_told(run)


def _named_person_told(run: CheckRun) -> tuple[int, int] | None:
    """(r36) A person the post names (not its author: "my friend Anna Neri was on the list"),
    told in the draft what we wrote or said to them ("we've also written to Anna Neri"): their
    exchange brought into this one, as with a handle (_TOLD_TO)."""
    if not run.ctx.post_text:
        return None
    text = run.draft.text
    for name in sorted(names_in_post(run.ctx.post_text)):
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            told = _TOLD_TO.search(run.draft.masked, max(0, m.start() - 40), m.start())
            if told is not None:
                return told.start(), m.end()
    return None


# (r35) A handle given as the example of others who already had theirs ("lots of people have
# already had theirs back, like @x", "a molti è già tornata, come a @x"): another customer's
# case cited to this one.
_GIVEN_AS_EXAMPLE = re.compile(
    r"\b(?:already|back|got|received|had|theirs|già|tornat\w*|ricevut\w*|avuto|riavut\w*)\b"
    r"[^.!?\n:;]{0,40}?,?\s(?:like|such as|including|e\.g\.|come|tipo|ad esempio|per esempio)"
    r"(?:\sa)?\s{1,3}$",
    re.IGNORECASE,
)
# (r35) A handle as the one something was done for, and the thing back or done ("a @x la lista
# è già tornata", "for @x the order has already arrived").
_TO_WHOM = re.compile(r"\b(?:a|ad|for|per)\s{1,3}$", re.IGNORECASE)
_THEIRS_DONE = re.compile(
    r"\s*,?\s*(?:(?:il|lo|la|i|gli|le|l'|the|their|his|her)\s?[\w-]+\s)?"
    r"(?:è|sono|is|are|was|were|has been|have been|è stat[oa]|sono stat[ie])\s"
    r"(?:already |just |già |appena )?(?:back|restored|refunded|sorted|fixed|arrived|delivered|"
    r"tornat[oaie]|arrivat[oaie]|rimborsat[oaie]|ripristinat[oaie]|risolt[oaie]|consegnat[oaie])\b",
    re.IGNORECASE,
)


# (r24) What we told, answered or explained to another person named by handle, cited to this
# customer ("as we explained to @pietro.v this morning", "come abbiamo già scritto a @anna_t"):
# the other person's exchange brought into this one.
_TOLD_TO = re.compile(
    r"\b(told|replied to|answered|said to|explained to|wrote to|written to|mentioned to|promised|"
    r"(?:risposto|detto|spiegato|scritto|ripetuto|promesso)"
    # (r35) ... also with an adverb before the "a" ("come abbiamo risposto anche a @x").
    r"(?: (?:anche|già|pure|proprio|appena))? a)\s{0,3}$",
    re.IGNORECASE,
)


def _other_handles(run: CheckRun) -> list[tuple[int, int]]:
    """Spans of the @handles of other parties: "@FastFreightIT stopped operating" names a
    partner as the agent, which the masked text (handles blanked) hides. The post's author
    and the brand's own handles (any holding its id or name, "@VerdelloHelp") are not others."""
    if "@" not in run.draft.norm:
        return []
    author = (run.ctx.author or "").lower().lstrip("@")
    brand = {run.ctx.brand.id.lower(), re.sub(r"\W", "", run.ctx.brand.name.lower())} - {""}
    return [
        m.span()
        for m in HANDLE.finditer(run.draft.norm)
        if m.group(0)[1:].lower() != author and not any(own in m.group(0).lower() for own in brand)
    ]


def _cleared(run: CheckRun, text: str, at: int) -> bool:
    """Whether the outside party named at ``at`` is out of the blame's scope: a negation or a
    condition on what is still to come right before it ("it wasn't the courier that lost it",
    "if the courier fails to deliver, ..."), or a failure denied right after it ("the courier
    hasn't lost it", "il corriere non ha perso il pacco"). False when no party starts at
    ``at`` (the customer's own doing, whose negation is often the blame itself: "you didn't
    read the label")."""
    cons = constructions(run.lexicon.language)
    party = cons.party.match(text, at) if cons.party is not None else None
    if party is None:
        return False
    if _not_theirs_before(run, text, at, party.end()):
        return True
    return bool(cons.cleared is not None and cons.cleared.match(text, party.end()))


def _not_theirs_before(run: CheckRun, text: str, at: int, after: int) -> bool:
    """A negation right before the party named at ``at``, or a condition whose failure (after
    ``after``) is still to come: "sorry if the courier lost it" guesses at what happened and
    still puts it on the courier. Neither reaches across a colon or a semicolon: in "orders
    don't go through: Apple pushed an update" the negation is another clause's."""
    cons = constructions(run.lexicon.language)
    start, end = run.draft.sentence_at(at)
    before = re.split(r"[:;]", text[max(start, at - 40) : at])[-1]
    if cons.not_theirs is not None and cons.not_theirs.search(before):
        return True
    if cons.condition is None or not cons.condition.search(before):
        return False
    told = text[after : min(end, after + 40)]
    return not (cons.past_failure is not None and cons.past_failure.search(told))


# A negation as the word right before a phrase ("non è colpa tua", "it's not your fault"):
# one that comes earlier negates another verb ("i pagamenti non passano perché ...").
_NEGATION_RIGHT_BEFORE = re.compile(r"(?:\b(?:not|never|no|non|mai|né)|n't)\W+$", re.IGNORECASE)


def _negated_just_before(run: CheckRun, text: str, at: int) -> bool:
    """A negation right before a blame or liability phrase ("non è colpa tua", "it's not your
    fault", "non abbiamo truffato nessuno"): the phrase is denied, which clears whoever it
    names. Only the word right before counts, so "i pagamenti non passano perché PayPal ha
    avuto un guasto" still blames."""
    start, _ = run.draft.sentence_at(at)
    return bool(_NEGATION_RIGHT_BEFORE.search(text[max(start, at - 12) : at]))


# (r26) Italian "ha" is both "Lei ha" (the customer, formal) and "he/she/it has": the
# customer-blame phrases that start with a bare "ha" ("ha sbagliato", "ha dato un codice
# sbagliato") read the customer as the one who acted. When a named subject stands right before
# it ("la cassa automatica ha sbagliato", "il nostro modulo online Le ha dato un orario
# errato"), or the customer is the one acted on ("se ti ha indicato un prezzo sbagliato"), the
# act is that subject's, not the customer's; whether that subject is an outside party is for
# the party rules (third_party, the courier lists), which still read it.
_BARE_HA = re.compile(r"ha\b", re.IGNORECASE)
_NAMED_SUBJECT_BEFORE = re.compile(
    r"(?i:(?:\b(?:il|lo|la|i|gli|le|un|una|uno)\s|\b(?:l|un|dell|dall|all|nell|quest|quell)')"
    r"(?:(?!(?:che|cui|chi|dove|quando|se|lei|ma|e|non)\b)[\w'-]+\s){1,4}"
    r"(?:(?:ti|vi|ci|mi|gli|le|l')\s?)?)$"
    r"|\b(?:ti|vi|te|ve|Le)\s$"
    # ... or the customer named as the one it was done to ("ad alcuni di voi ha dato ...").
    r"|(?i:\b(?:a|ad) (?:[\w-]+ ){0,2}?(?:di voi|voi|te)\s)$",
)
# (r32) A relative pronoun right before the bare "ha": its antecedent is the subject.
_RELATIVE_AFTER = re.compile(r"\b(?:che|il quale|la quale|i quali|le quali)\s$", re.IGNORECASE)
# A subject set off by an apposition ("il totem, quello accanto alle casse, ha sbagliato"; "la
# nostra app, la versione per i ritiri, ha ..."): one of the two clauses before the last comma,
# when it opens with an article, is that subject.
_APPOSITION = re.compile(r"^\s?(?i:il|lo|la|i|gli|le|l'|un|una|uno)\b")


def _act_of_named_subject(run: CheckRun, text: str, at: int) -> bool:
    """(r26) Whether the blame phrase at ``at`` starts with a bare Italian "ha" whose subject
    is named right before it, or whose object is the customer ("il totem alla cassa ha
    sbagliato", "ti ha dato un orario sbagliato"): not the customer's own act."""
    if run.lexicon.language != "it" or not _BARE_HA.match(text, at):
        return False
    start, _ = run.draft.sentence_at(at)
    parts = re.split(r"[,:;()]", text[max(start, at - 80) : at])
    if _NAMED_SUBJECT_BEFORE.search(parts[-1]):
        return True
    # (r32) ... or through a relative clause that refers back to it ("l'errore è stato di un
    # magazziniere, che ha sbagliato gli scaffali", "un addetto che ha sbagliato").
    relative = _RELATIVE_AFTER.search(parts[-1])
    if relative is not None:
        antecedent = parts[-1][: relative.start()]
        if not antecedent.strip() and len(parts) > 1:
            antecedent = parts[-2]
        if _NAMED_SUBJECT_BEFORE.search(antecedent.rstrip() + " "):
            return True
    return not parts[-1].strip() and any(
        _APPOSITION.match(part) and _NAMED_SUBJECT_BEFORE.search(part.rstrip() + " ")
        for part in parts[-3:-1]
    )


def _legal_duty(run: CheckRun, at: int) -> bool:
    """Whether the sentence at ``at`` says what the law or an authority makes a party do for
    the customer ("under EU rules your bank has to refund you"): that is a legal promise
    (forbidden.legal_promise reports it), not the party blamed for the failure."""
    cons = constructions(run.lexicon.language)
    if cons.authority is None or cons.certain_outcome is None:
        return False
    start, end = run.draft.sentence_at(at)
    sentence = run.draft.masked[start:end]
    return bool(cons.authority.search(sentence) and cons.certain_outcome.search(sentence))


def _blame_by_construction(run: CheckRun) -> tuple[int, int] | None:
    """An outside party as the agent of the failure ("our logistics partner ceased trading",
    "@FastFreightIT stopped operating"), unless a negation or a condition comes right before
    it ("it was not the courier that lost it", "if the courier fails to ..."); a fault given a
    passive outside agent ("an update made by the banks"); the culprit named with a hedge
    ("it's most likely your bank's system"); the customer's own act told as why it failed."""
    cons = constructions(run.lexicon.language)
    masked = run.draft.masked
    if cons.blame_agent is not None:
        for m in cons.blame_agent.finditer(masked):
            if not _cleared(run, masked, m.start()):
                return m.span()
    if cons.then_failure is not None:
        for start, end in _other_handles(run):
            after = cons.then_failure.match(masked, end)
            if after is not None and not _not_theirs_before(run, masked, start, end):
                return start, after.end()
    found = cons.blame.search(run.draft.masked) if cons.blame is not None else None
    if found is None and cons.staff_failure is not None:
        found = cons.staff_failure.search(masked)
    return found.span() if found else None


def _in_one_sentence(
    run: CheckRun,
    frame: Pattern | None,
    topic: Pattern | None,
    denied: Pattern | None = None,
    cue: Pattern | None = None,
) -> tuple[int, int] | None:
    """The span of a sentence holding both ``frame`` and ``topic``, not ``denied``, and
    ``cue`` after the frame (when given)."""
    if frame is None or topic is None:
        return None
    masked = run.draft.masked
    for m in frame.finditer(masked):
        start, end = run.draft.sentence_at(m.start())
        sentence = masked[start:end]
        if not topic.search(sentence) or (denied is not None and denied.search(sentence)):
            continue
        if cue is None or cue.search(masked, m.end(), end):
            return start, end
    return None


def _by_construction(run: CheckRun, category: str) -> tuple[int, int] | None:
    cons = constructions(run.lexicon.language)
    if category == "blame":
        return _blame_by_construction(run)
    if category == "legal_promise":
        # A promise frame with a legal outcome ("we guarantee you won't be fined"), or what the
        # law, the police or a regulator will do told as how it certainly ends for the customer
        # ("under EU rules your bank has to refund you", "la polizia li troverà e riavrai i
        # soldi"), unless the promise is denied.
        return _in_one_sentence(
            run, cons.promise_frame, cons.legal_outcome, cons.promise_denied, cons.legal_cue
        ) or _in_one_sentence(run, cons.authority, cons.certain_outcome, cons.promise_denied)
    if category == "financial_advice":
        return _in_one_sentence(run, cons.advice_frame, cons.finance_topic)
    if category == "medical_advice":
        # A remedy (a tablet, drops, a herbal tea, a beta blocker) with a frame that recommends
        # it ("take", "try", "can help", "before bed"), in one sentence.
        return _in_one_sentence(run, cons.remedy, cons.remedy_frame)
    if category == "other_customers":
        return _another_customer_by_handle(run)
    if category == "liability":
        return _owned_fault(run)
    if category == "speculation":
        return _cause_told_while_unknown(run)
    return None


def _unknown_causes(run: CheckRun) -> list[str]:
    """(r24) What the facts say has no known cause yet: "accident" for "the cause of the
    accident is not yet known", "incendio" for "la causa dell'incendio è ancora da accertare"."""
    cons = constructions(run.lexicon.language)
    if cons.cause_unknown is None:
        return []
    return [m.group("what").lower() for f in run.ctx.facts for m in cons.cause_unknown.finditer(f)]


def _cause_told_while_unknown(run: CheckRun) -> tuple[int, int] | None:
    """(r24) A cause told while the facts say it is not known yet: the something whose cause
    is open told as caused ("the fire was started by a faulty charger", "a worn cable caused
    the fire", "l'incendio è stato causato da una stufa"), or one of our people's failing named
    (staff_failure: "the driver on shift hadn't secured the load"), in a sentence that does
    not itself keep the cause open ("we don't know yet what caused the fire", "?")."""
    cons = constructions(run.lexicon.language)
    unknown = _unknown_causes(run)
    if not unknown or cons.cause_open is None:
        return None
    masked = run.draft.masked
    spans: list[tuple[int, int]] = []
    if cons.staff_failure is not None:
        spans += [m.span() for m in cons.staff_failure.finditer(masked)]
    stems = "|".join(sorted({re.escape(w[:5]) for w in unknown}))
    for m in re.finditer(rf"\b(?:{stems})[\w'-]*", masked, re.IGNORECASE):
        start, end = run.draft.sentence_at(m.start())
        rest = masked[m.end() : end]
        gap = len(rest) - len(rest.lstrip())
        after = cons.cause_link.match(rest[gap:]) if cons.cause_link else None
        window = max(start, m.start() - 80)
        before = cons.cause_before.search(masked[window : m.start()]) if cons.cause_before else None
        if after is not None:
            spans.append((m.start(), m.end() + gap + after.end()))
        elif before is not None:
            spans.append((window + before.start(), m.end()))
    open_sentences: dict[int, bool] = {}
    for start, end in sorted(spans):
        s_start, s_end = run.draft.sentence_at(start)
        if s_start not in open_sentences:
            open_sentences[s_start] = bool(cons.cause_open.search(masked[s_start:s_end]))
        if not open_sentences[s_start]:
            return start, end
    return None


# The risks under which owning the fault is owning a claim: an injury, a legal threat, a data
# breach, a regulator asking.
_EXPOSED = frozenset({"safety_injury", "legal_threat", "data_breach", "regulator_inquiry"})


def _owned_fault(run: CheckRun) -> tuple[int, int] | None:
    """The fault or the responsibility owned in so many words ("the responsibility is ours",
    "la responsabilità è nostra"): liability where a harm someone could claim for is in play
    (an injury, money lost, a breach, a lawyer, in the draft or the post, or a risk flag that
    says so), and wherever what is owned is not a decision of ours. Owning a decision that
    offended people, with no such harm ("our team approved the video, so the responsibility is
    ours"), is an apology, not an admission of legal liability."""
    cons = constructions(run.lexicon.language)
    taken = _responsibility_taken(run)
    if taken is not None:
        return taken
    if cons.owned_fault is None:
        return None
    m = cons.owned_fault.search(brand_as_we(run, run.draft.masked))
    if m is None or _mock_admission(run, m.start()):
        return None
    if run.ctx.risk_flags & _EXPOSED:
        return m.span()
    told = f"{run.draft.masked}\n{run.ctx.post_text}"
    if cons.legal_exposure is not None and cons.legal_exposure.search(told):
        return m.span()
    return None if _owns_a_decision(run, m.start(), cons.owned_decision) else m.span()


def _responsibility_taken(run: CheckRun) -> tuple[int, int] | None:
    """(r31) Responsibility taken on in so many words ("we accept full responsibility", "ci
    assumiamo la piena responsabilità") on a post whose risk flags say a harm someone could
    claim for is in play (an injury, a legal threat, a breach, a regulator): owning it there is
    owning the claim. Elsewhere ("we take full responsibility for the late parcels") it is an
    apology."""
    pattern = constructions(run.lexicon.language).owned_responsibility
    if pattern is None or not run.ctx.risk_flags & _EXPOSED:
        return None
    m = pattern.search(brand_as_we(run, run.draft.masked))
    return None if m is None or _mock_admission(run, m.start()) else m.span()


def _mock_admission(run: CheckRun, at: int) -> bool:
    """(r24) Whether the fault owned at ``at`` follows an ironic opener in its sentence ("Oh
    sure, it's all our fault that people leave their doors unlocked", "Certo, è colpa nostra se
    ..."): the irony denies the fault and hands it to whoever the clause names, which
    forbidden.blame reports; it admits nothing."""
    cons = constructions(run.lexicon.language)
    if cons.mock_opener is None:
        return False
    start, _ = run.draft.sentence_at(at)
    return bool(cons.mock_opener.search(run.draft.masked[start:at]))


def _owns_a_decision(run: CheckRun, at: int, decision: Pattern | None) -> bool:
    """Whether the sentence at ``at``, or the one before it, names a decision of ours (an
    approval, a choice, a publication): what the responsibility is taken for."""
    if decision is None:
        return False
    sentences = run.draft.sentences
    here = next((i for i, (s, e) in enumerate(sentences) if s <= at < e), None)
    if here is None:
        return False
    start = sentences[max(0, here - 1)][0]
    return bool(decision.search(run.draft.masked, start, sentences[here][1]))


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
    for category, (why, fix) in REASONS.items():
        check_id = f"forbidden.{category}"
        pattern = run.compiled.forbidden.get(category)
        if pattern is None or not run.enabled(check_id):
            continue
        text = brand_as_we(run, masked) if category == "liability" else masked
        for m in pattern.finditer(text):
            if category == "other_customers" and _describes_the_incident(run, *m.span()):
                continue
            if category == "liability" and (
                _mock_admission(run, m.start()) or _negated_just_before(run, text, m.start())
            ):
                continue
            if category == "blame" and (
                _cleared(run, masked, m.start())
                or _negated_just_before(run, masked, m.start())
                or _legal_duty(run, m.start())
                or _act_of_named_subject(run, masked, m.start())
            ):
                continue
            said = masked[m.start() : m.end()].strip()
            run.fail(check_id, m.span(), f"This {why}: {said!r}.", fix)
            break
        else:
            span = _by_construction(run, category)
            if span is not None:
                said = run.draft.text[span[0] : span[1]].strip()
                run.fail(check_id, span, f"This {why}: {said!r}.", fix)
