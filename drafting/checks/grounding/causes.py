"""grounding.cause: a cause the draft gives must be the one the facts give, in the facts' words
or everyday ones; while the facts say the cause is unknown, no cause may be given."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from drafting.checks.catalogue import CheckSeverity
from drafting.checks.checkrun import CheckRun
from drafting.checks.constructions import constructions
from drafting.checks.grounding.words import content_words
from drafting.checks.lexicon import load_lexicon

if TYPE_CHECKING:
    from drafting.checks.grounding.support import Support

# "We're writing because card payments are failing": the reason for writing, not a cause.
_WRITING_REASON = re.compile(
    r"\b(writing|write|contacting you|contact you|getting in touch|in touch|reaching out|"
    r"e-?mailing you|messaging you|asking|ti scriviamo|vi scriviamo|le scriviamo|ti contattiamo|"
    r"vi contattiamo|la contattiamo)( to you| to all of you)?( today| now)?\s*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+")
# Facts that say what caused the incident, or that it is being established ("Cause: a setting in
# our checkout", "the cause of the fire is being investigated", "la causa è ...").
_FACTS_CAUSE = re.compile(
    r"\b(cause|caused|causa|causat\w*|because|due to|dovut\w*|perché)\b|"
    # (r25) ... or that own the fault ("this was our own error", "the mistake was ours", "è
    # stato un nostro errore", "l'errore è stato di Verdello"): the cause is the brand's own.
    r"\b(own|our|its) (mistake|error|fault|oversight)|\b(mistake|error|fault|oversight) (was|is) "
    r"(ours|its own|entirely ours|ours alone)|\b(nostro|proprio|suo) (errore|sbaglio)\b|"
    r"\b(errore|sbaglio|colpa) (è |era |è stato |è stata )?(nostr[oa]|sua|suo|propri[oa]|"
    r"tutt[oa] nostr[oa])\b"
)


# "Oh sure, because a shade of green is the end of the world": a "because" right after an
# ironic interjection mocks the customer; it explains nothing (tone.sarcasm reports it).
_IRONIC = re.compile(
    r"\b(oh|sure|right|yeah|of course|certo|come no|già|ovvio|ovviamente),?\s{0,8}"
    # (r25) ... with an intensifier after it ("Oh sure, definitely the weather's fault",
    # "Certo, sicuramente è colpa del meteo").
    r"(\w+(ly|mente),?\s{0,8})?(it's |it is |è )?$",
    re.IGNORECASE,
)
# (r25) A reason given for advice to the customer ("you may want to delete the post, because it
# shows your phone number", "ti consigliamo di cancellare il post perché mostra il tuo
# indirizzo"): why they might act, not what caused the incident.
_ADVICE = re.compile(
    r"\b(you (may|might) (want|wish|like) to|(we|i)('d| would)? (suggest|recommend|advise) "
    r"(you|that you)|(ti|le|vi) (consigliamo|suggeriamo|conviene|invitiamo)|"
    r"(potresti|potrebbe|potreste) (voler|volere))\b[^.!?\n]*$",
    re.IGNORECASE,
)
# (r25) "Why" after a verb of understanding, knowing or asking ("Capiamo perché la pensi così",
# "we see why you're angry"): an indirect question, not a cause.
_WHY_ASKED = re.compile(
    r"\b(capi\w*|compren\w*|sappiamo|sai|so|sa|chied\w*|domand\w*|spieg\w*|understand|see|"
    r"know|wonder\w*|ask\w*|explain\w*|"
    # (r35) ... or of checking ("we're still checking why", "stiamo verificando perché i
    # controlli non l'hanno fermata"): what is being found out, not a cause.
    r"verific\w*|accert\w*|indag\w*|chiar\w*|check\w*|investigat\w*|examin\w*|establish\w*|"
    r"look\w* into|find\w* out|found out|work\w* out)\s+$",
    re.IGNORECASE,
)


# (r32) A reason given for our moderating a post ("we've hidden this comment because it names
# someone", "abbiamo nascosto il commento perché contiene un numero di telefono"): why we acted
# on the conversation, not what caused the incident.
_MODERATION = re.compile(
    r"\b(hidden|hid|hide|hiding|removed|remove|removing|deleted|delete|deleting|taken down|"
    r"nascost[oaie]|nascondere|rimoss[oaie]|rimuovere|cancellat[oaie]|cancellare|oscurat[oaie]|"
    r"oscurare) (this|that|your|the|these|those|questo|quel|il tuo|il suo|il vostro|il|i tuoi|"
    r"questi)( \w+)? (comments?|posts?|repl(y|ies)|messages?|reviews?|tweets?|photos?|videos?|"
    r"commento|commenti|messaggio|messaggi|recensione|risposta|foto|video)\b[^.!?\n]*$",
    re.IGNORECASE,
)


# (r35) A reason put before what we gave for it ("Because your order was on the affected route,
# we've added a voucher", "Poiché il tuo ordine era tra quelli coinvolti, ti abbiamo accreditato
# un buono"): why we made a gesture, not what caused the incident.
_OUR_GESTURE_AFTER = re.compile(
    r"\s*,\s*((we|i)('ve| have| will|'ll)?|(ti|le|vi|gli)? ?(abbiamo|ho)|(ti|le|vi|gli) "
    r"(aggiungiamo|accreditiamo|inviamo|mandiamo|regaliamo|rimborsiamo|offriamo))\b"
    r"[^.!?\n]{0,20}?\b(added|credited|credit|refunded|refund|sent|send|given|give|included|"
    r"include|applied|apply|upgraded|upgrade|waived|waive|offered|offer|aggiunt[oa]|"
    r"accreditat[oa]|rimborsat[oa]|inviat[oa]|mandat[oa]|regalat[oa]|applicat[oa]|offert[oa]|"
    r"aggiungiamo|accreditiamo|inviamo|mandiamo|regaliamo|rimborsiamo|offriamo)\b",
    re.IGNORECASE,
)


_NEGATION = re.compile(
    r"\b(not|never|no|nobody|no one|non|mai|nessun\w*|né)\b|n't\b", re.IGNORECASE
)
# (r35) An intent owned in mock ("Oh yes, clearly we did it on purpose", "Certo, l'abbiamo fatto
# apposta"): sarcasm (tone.sarcasm reports it), no motive stated.
_MOCKING = re.compile(
    r"\b(oh|eh|sure|yeah|of course|clearly|obviously|naturally|certo|come no|ovviamente|"
    r"chiaramente|naturalmente|sicuramente)\b",
    re.IGNORECASE,
)
# (s11) ... and a trip made specially ("È venuta apposta e ha trovato il caffè chiuso", "you
# came all this way on purpose"): the customer's errand, no motive for what went wrong.
_TRIP_BEFORE = re.compile(
    r"\b(venut[oaie]|vien[ei]|venire|andat[oaie]|passat[oaie]|tornat[oaie]|arrivat[oaie]|"
    r"partit[oaie]|uscit[oaie]|fatto il viaggio|came|come|coming|travell?ed|drove|went|"
    r"made the trip)( [\w']+){0,3}\s*$",
    re.IGNORECASE,
)


# (r28) "Perché" with a verb in the imperfect subjunctive ("aveva pagato la spedizione rapida
# perché il regalo arrivasse prima della festa", "perché tutti potessero entrare"): a purpose,
# "so that", not a cause. Not a plural noun in "-esse" after an article ("le promesse").
_PURPOSE = re.compile(
    r"^\W*(perch[éè]|affinch[éè])\b[^.!?\n,;:]{0,60}?(?<!\ble )(?<!\bdelle )(?<!\bqueste )"
    r"(?<!\bstesse )\b[a-zà-ù]{2,}(asse|essi|esse|isse|assero|essero|issero|assimo|essimo|"
    r"issimo)\b",
    re.IGNORECASE,
)


# (r34) What the trouble did to the customer, with the thing that did it ("sorry for the worry
# caused by these fake e-mails", "ci scusiamo per il disagio causato dal pacco rovinato"): the
# problem named again as the source of the harm, not a cause of the incident; unless it names
# who was at fault ("the trouble caused by our supplier's mistake").
_HARM_CAUSED = re.compile(
    r"\b(inconvenience|trouble|worry|worries|stress|upset|disruption|frustration|confusion|"
    r"distress|anxiety|disappointment|hassle|concern|fear|disagio|disagi|disturbo|fastidio|"
    r"fastidi|preoccupazione|preoccupazioni|confusione|delusione|ansia|inconveniente|"
    r"inconvenienti|paura|problemi|spavento)( (that|which|che))?( (was|were|has been|have been|"
    r"è stato|è stata|sono stati|sono state))?\s+$",
    re.IGNORECASE,
)
_CAUSE_WORD = re.compile(r"^\W*(caus|provoc)", re.IGNORECASE)
_PARTY = re.compile(
    r"\b(supplier|provider|partner|courier|carrier|bank|agency|contractor|vendor|staff|employee|"
    r"colleague|team|driver|fornitor\w*|corrier\w*|banca|agenzia|dipendent\w*|"
    r"collega|colleghi|personale|autista|appaltator\w*)\b",
    re.IGNORECASE,
)


def _harm_it_caused(cue: str, before: str, what: str) -> bool:
    """(r34) The cue tells what harm the trouble did to the customer (see _HARM_CAUSED)."""
    return (
        _CAUSE_WORD.match(cue) is not None
        and _HARM_CAUSED.search(before) is not None
        and _PARTY.search(what) is None
    )


def _names_a_cause(facts: str) -> bool:
    return _FACTS_CAUSE.search(facts) is not None


_KNOWN_STATES = (
    r"(unknown|unclear|not (yet )?(known|established|confirmed)|yet to be (established|"
    r"confirmed)|under investigation|being investigated)"
)
_NOTE_STATES = (
    r"(sconosciut\w|ignot\w|da (chiarire|accertare|capire|confermare)|non (ancora )?(not\w|"
    r"chiar\w|confermat\w)|in (fase di )?(verifica|accertamento))"
)


def _cause_unknown_pattern(*, of_what: bool) -> re.Pattern[str]:
    """Facts that say the cause is not known yet ("We don't know the cause yet", "Non
    conosciamo ancora la causa", "the cause is still under investigation"); ``of_what`` also
    reads the cause named with what it is the cause of ("the cause of the accident is not yet
    known", "la causa dell'incidente non è ancora nota")."""
    en_of = r"( (of|for|behind) (the |this |our )?[\w'-]+( [\w'-]+)?)?" if of_what else ""
    it_of = r"( (del|della|dello|dell'|dei|degli|delle) ?[\w'-]+( [\w'-]+)?)?" if of_what else ""
    it_tail = rf"(è |resta |rimane )?(ancora )?{_NOTE_STATES}"
    if of_what:
        it_tail = (
            r"((non è|non sono|non risulta) (ancora )?(not[aeio]|chiar[aeio]|conosciut\w)\b|"
            rf"{it_tail})"
        )
    # (r27) ... and, as one open cause, that someone is still establishing it ("the fire
    # service is investigating the cause, which is not yet known", "i tecnici stanno accertando
    # la causa"): what the facts do not say it is the cause of, so not every other cause is
    # ruled out with it (a reason for what our staff did stays judged on its words).
    which = r",? (which |that )?" if of_what else " "
    investigated = (
        r"(investigat\w+|establish\w+|determin\w+|looking into|examin\w+) (the |its |their )?"
        r"(cause|origin)s?\b|(accertando|verificando|indagando su|chiarendo|stabilendo) "
        r"(la |le |l')?(caus[ae]|origine)\b|(indagin[ei]|accertament[oi]) (sulla|sulle|sull') ?"
        r"(caus[ae]|origine)\b|"
        if of_what
        else ""
    )
    # (r36) With ``of_what``, the cause said open in the perfect ("the cause has not been
    # established", "la causa non è stata accertata"), or the link itself left open ("it is not
    # confirmed whether the rashes are linked to the cream", "non è confermato che i malesseri
    # siano legati al caffè").
    left_open = (
        (
            rf"(cause|reason){en_of}{which}(has|have) (still )?not (yet )?been (established|"
            r"confirmed|determined|identified|found)\b|"
            r"not (yet )?(confirmed|known|established|clear) (whether|if|that)\b[^.;:\n]{0,80}?\b"
            r"(linked|connected|related|caused|due|down) (to|by|with)\b|"
            rf"(causa|motivo){it_of} non è (ancora )?stat[ao] (accertat|stabilit|chiarit|"
            r"individuat|confermat)[ao]\b|"
            r"non è (ancora )?(confermato|chiaro|accertato|noto|stabilito) (che|se)\b"
            r"[^.;:\n]{0,80}?\b(legat|collegat|dovut|causat|riconducibil)\w*|"
        )
        if of_what
        else ""
    )
    return re.compile(
        r"\b((do not|don't|doesn't|does not|did not|didn't) (yet )?know (yet )?(the cause|"
        rf"what caused|why)|(cause|reason){en_of}{which}(is|remains|was) (still )?"
        rf"{_KNOWN_STATES}|{investigated}"
        r"no (known )?cause|"
        rf"{left_open}"
        r"non (conosciamo|sappiamo) (ancora )?(la causa|il motivo|cosa l'ha causat\w|perché)|"
        rf"(causa|motivo){it_of} {it_tail}|"
        # (r35) ... or that why it happened is open, as a heading or a clause ("Not yet
        # established: why it happens", "why the checks missed it is still being investigated",
        # "Non è ancora chiaro perché succeda", "stiamo ancora verificando perché").
        r"not (yet )?(established|known|clear|confirmed|determined)( yet)?:? why\b|"
        r"\bwhy\b[^.;:\n]{3,80}?\b(is|are|remains?) (still )?(being (investigated|examined|"
        r"looked into|established)|under investigation|not (yet )?(known|clear|established))\b|"
        r"non (è|e'|risulta) (ancora )?(stabilito|chiaro|noto|accertato|chiarito):? perch[éè]|"
        r"(stiamo|stanno|sta) (ancora )?(verificando|accertando|indagando su|chiarendo|"
        r"cercando di capire) perch[éè])",
        re.IGNORECASE,
    )


_CAUSE_UNKNOWN = _cause_unknown_pattern(of_what=False)
# (r24) ... and of what: one such fact is enough for _told_while_unknown, whatever else the
# facts explain.
_CAUSE_OF_UNKNOWN = _cause_unknown_pattern(of_what=True)


# (r26) Why someone acted, said to be unknown: the reasons or motives with what they are reasons
# for, and a verb that says they are not established ("the reasons for the pilot's decision have
# not been determined", "i motivi della scelta del capotreno non sono ancora stati chiariti").
# Any "because" for that act is made up. (Not "the cause of the accident is not known", which
# r24 reads as one open cause among explained ones: see _CAUSE_OF_UNKNOWN.)
_REASONS_OPEN = re.compile(
    r"\b(reasons?|motives?)\b[^.;:\n]{0,60}?\b(is|are|was|were|has|have|remains?)( still)? "
    r"(not|yet to be)( yet)?( been)? (known|established|confirmed|determined|clear|identified)\b|"
    r"\b(motiv[oi]|ragion[ei])\b[^.;:\n]{0,60}?\bnon (è|sono|risulta|risultano)"
    r"( ancora)?( stat[oaie])? (accertat|chiarit|stabilit|not|conosciut|confermat|individuat)\w*",
    re.IGNORECASE,
)


def _open_cause(text: str) -> bool:
    """The fact says a cause is not known (see _CAUSE_UNKNOWN and _REASONS_OPEN)."""
    return _CAUSE_UNKNOWN.search(text) is not None or _REASONS_OPEN.search(text) is not None


@lru_cache(maxsize=64)
def _cause_unknown(items: tuple[str, ...]) -> bool:
    """The facts say the cause is not known, and none of the others names one."""
    unknown = [t for t in items if _open_cause(t)]
    return bool(unknown) and not any(_names_a_cause(t.lower()) for t in items if t not in unknown)


@lru_cache(maxsize=64)
def _some_cause_unknown(items: tuple[str, ...]) -> bool:
    """(r24) One fact says a cause is not known ("the cause of the accident is not yet known"),
    whatever the others explain (the strike explaining the delays)."""
    return any(_CAUSE_OF_UNKNOWN.search(t) or _REASONS_OPEN.search(t) for t in items)


@lru_cache(maxsize=4)
def _when_words(language: str) -> frozenset[str]:
    """(r25) Days, months and relative days: when a cause happened ("caused by our e-mail of
    Tuesday", "causato dalla nostra mail di martedì") is its setting, not a cause of its own."""
    lexicon = load_lexicon(language)
    return frozenset(
        w.lower() for w in (*lexicon.weekdays, *lexicon.months, *lexicon.relative_days)
    )


# (r29) The part of the day ("the trouble caused by last night's e-mail", "il disagio causato
# dall'avviso di stamani") is when it happened: left out of a cause's words.
_PARTS_OF_DAY = frozenset(
    [
        "morning",
        "afternoon",
        "evening",
        "night",
        "overnight",
        "today",
        "earlier",
        "weekend",
        "mattina",
        "stamattina",
        "stamani",
        "pomeriggio",
        "sera",
        "stasera",
        "notte",
        "stanotte",
        "oggi",
    ]
)


# Words that name a status update as often as a software update: no evidence for a cause.
_AMBIGUOUS_CAUSE_WORDS = frozenset({"update", "updates", "aggiornamento", "aggiornamenti"})


# A reason given for our own refusal ("we can't refund a payment that went to the scammers,
# because it never reached us", "non possiamo rimborsarlo perché"): why we can't act, not what
# caused the incident.
_OUR_REFUSAL = re.compile(
    r"\b((we|i) (can't|cannot|can not|couldn't|could not|won't be able to|are unable to|"
    r"aren't able to|are not able to|am unable to)|non (possiamo|posso|riusciamo|potremo|"
    r"potremmo))\b[^.!?\n]*$",
    re.IGNORECASE,
)
# A guess followed, in its sentence, by the admission that it is still being checked ("..., but
# we're still looking into it", "..., ma stiamo ancora verificando", (r31) "..., lo stiamo
# ancora verificando"): speculation
# (forbidden.speculation reports it), not a cause stated.
_STILL_CHECKING = re.compile(
    r"(\b(but|ma|però)\b|,)[^.!?\n]{0,20}\b(still|ancora|yet to|not yet)\b[^.!?\n]{0,12}"
    r"\b(check\w*|look\w* into|investigat\w*|confirm\w*|verific\w*|controll\w*|accert\w*|"
    r"conferm\w*)",
    re.IGNORECASE,
)
# Where a cause ends and the sentence goes on with another verb: "... and will", "... e ti".
_CAUSE_ENDS = re.compile(
    r"\s(?:and|but|so|e|ma|quindi)\s+(?=(will|we|i|you|would|shall|'ll|ti|vi|le|noi|"
    r"abbiamo|ci)\b)|"
    # (r22) ... or with a pointer back to what was said ("... approved it, and that's what needs
    # to change", "e questo è quello che cambiamo").
    r",?\s(?:and|but|so|e|ma|quindi)\s+(?=(that's|that is|this is|which|questo|quello|ed è)\b)|"
    # (r29) ... or with what followed from it ("because of our e-mail, and now you've paid
    # twice", "per colpa del nostro avviso e adesso il conto è in rosso").
    r",?\s(?:and|e|so|quindi)\s+(?=(now|then|ora|adesso|poi)\b)",
    re.IGNORECASE,
)


# A breakdown in everyday words ("let its sorting system fall over", "went down", "è andato in
# tilt") says what the facts' "failure" or "guasto" says.
_FAILURE_WORDS_TEXT = (
    "fall fell falls fallen falling crash crashed crashes crashing broke broken breaks breakdown "
    "died dies conked packed glitched glitch failed fails failing failure tilt guasto guasti "
    "guastato guastata rotto rotta saltato saltata bloccato bloccata piantato piantata"
)
_FAILURE_WORDS = frozenset(_FAILURE_WORDS_TEXT.split())
_FACTS_FAILURE = re.compile(
    r" (fail|fault|outag|crash|broke|break|down |glitc|guast|error|tilt |blocc|rott|malfun)"
)


# (r28) The facts' cause told in the other language: an Italian draft over English facts ("il
# deposito era chiuso per un'alluvione" over "the depot closed after flooding") shares no
# letters with them. Each group holds the stems that name one cause-word in English and in
# Italian; a draft word with a stem of a group is in the facts when another stem of the group
# is ("lo sciopero dei corrieri" over "a couriers' strike").
_CAUSE_BRIDGE: tuple[tuple[str, ...], ...] = (
    ("flood", "allag", "alluv", "inond", "esond"),
    ("clos", "chius", "chiud"),
    ("storm", "tempest", "nubifrag", "bufer"),
    ("snow", "neve", "nevic"),
    ("earthq", "terremot", "sism"),
    ("fire", "incend", "fiamm"),
    ("strik", "sciop"),
    ("fail", "fault", "outag", "guast", "avari"),
    ("power cut", "blackout", "corrente"),
    ("copy", "copie", "copyi", "copia", "copiat", "plagi"),
    ("design", "pattern", "motif", "disegn", "motiv", "fantas"),
    ("permi", "consent", "credit", "licen", "autoriz", "permes", "consens", "riconosc"),
    ("used", "uses", "usat", "utilizz"),
    ("courier", "carrier", "corrier", "vettor"),
    # (r35) An outside firm by any of its names ("our supplier" over "the external agency",
    # "il fornitore" over "l'agenzia esterna"): the same party, not a new culprit.
    ("supplier", "fornitor", "agency", "agenzi", "provider", "vendor"),
    ("warehouse", "depot", "magazz", "depos"),
    ("sort", "smist"),
    ("update", "aggiorn"),
    # (r32) "a mistake in the move" over "an error when we moved".
    ("mistak", "error", "slip", "sbagli", "svist"),
    ("traffic", "traffic"),
    ("weather", "meteo", "maltemp"),
    ("rain", "piogg"),
)


def _bridged(word: str, facts: str) -> bool:
    """(r28) ``word`` names, in the other language, a cause-word the facts hold (see
    _CAUSE_BRIDGE): "alluvione" when the facts say "flooding"."""
    for group in _CAUSE_BRIDGE:
        if any(word.startswith(stem) for stem in group):
            return any(f" {stem}" in facts for stem in group if not word.startswith(stem))
    return False


# (r24) A guess at what happened, in the past ("the van was probably going too fast", "from
# what we can tell the shelf had been overloaded", "probabilmente il muletto andava troppo
# veloce"): while the facts say the cause is unknown, an account of how it happened is a cause
# given. A guess about what is to come ("it will probably arrive Tuesday") is none.
_GUESS = re.compile(
    r"\b(probably|most likely|likely|presumably|apparently|from what we (can )?(tell|see|know)|"
    r"it (seems|looks like|appears)|seemingly|as far as we can tell|probabilmente|"
    # (r32) ... a guess said as one ("my guess is", "we suspect", "it may turn out that", "la
    # mia ipotesi è", "sospettiamo che", "potrebbe venir fuori che").
    r"(my|our) (best |own )?(guess|hunch|suspicion|theory) is|(i|we) suspect|"
    r"(it )?(may|might|could) (well )?turn out that|"
    r"la (mia|nostra) (ipotesi|impressione|sensazione) è|(sospetto|sospettiamo) che|"
    r"potrebbe (venir fuori|emergere|risultare) che|"
    r"con ogni probabilità|presumibilmente|a quanto pare|a quanto (ci )?risulta|da quanto "
    r"(ci )?risulta|sembra che|pare che|verosimilmente)\b",
    re.IGNORECASE,
)
_PAST_ACCOUNT = re.compile(
    r"\b(was|were|had|did|didn't|wasn't|weren't|hadn't|era|erano|stava|stavano|aveva|avevano|"
    r"andava|andavano|è stat[oa]|sono stat[ie]|ha|hanno|non|"
    # (r35) ... and the past subjunctive after "sembra che" ("sembra che un filtro abbia
    # bloccato gli invii", "pare che il cavo fosse allentato").
    r"abbia|abbiano|avesse|avessero|fosse|fossero|sia stat[oa]|siano stat[ie])\b|"
    # (r36) ... and a perfect with "essere" ("si sono persi", "è finito", "sono arrivati").
    r"\b(si |ci )?(è|sono) [a-zà-ù]{2,}(at|ut|it|s|st|rs)[oaie]\b|"
    # (r36) ... and a link said to hold ("it seems the fault is linked to the cold store", "sembra
    # che il problema sia legato alla catena del freddo"): a cause, whatever the tense.
    r"\b(is|are|be|sia|siano|è|sono) (probably |likely |all |probabilmente )?(linked|related|"
    r"connected|due|down|traceable|attributable|legat[oaie]|collegat[oaie]|dovut[oaie]|"
    r"riconducibil[ei]|attribuibil[ei]) (to|a|al|alla|allo|ai|agli|alle|all')\b|"
    # (r32) ... any verb in the simple past ("the new design made the part weaker", "someone
    # grabbed the wrong box"), and a guess at how the thing behaves, a mechanism ("the coating
    # probably wears off when it is washed hot", "la vernice si stacca quando").
    r"(?<!\bbe )(?<!\bbeen )\b(\w{3,}ed|made|took|left|sent|put|got|gave|broke|lost|forgot|ran|"
    r"went|came|let|mixed)\b|\b\w{3,}s (when|whenever|if|after|every time|each time)\b|"
    r"\b\w{3,}(a|e|ano|ono) (quando|se|dopo|ogni volta che)\b",
    re.IGNORECASE,
)
_FUTURE_GUESS = re.compile(r"\b(will|'ll|going to|arriv\w*|ship\w*|\w+rà|\w+ranno)\b", re.I)


def _told_while_unknown(run: CheckRun) -> tuple[int, int] | None:
    """(r24) While the facts say the cause is not known: one of our people's failings named
    ("the colleague involved hadn't clipped on the harness", "il collega coinvolto non
    indossava il casco"), or a guess at what happened in the past, in a sentence that does not
    keep the cause open ("we don't know yet", "?")."""
    masked = run.draft.masked
    cons = constructions(run.lexicon.language)
    still_open, failing = cons.cause_open, cons.staff_failure
    spans = [m.span() for m in failing.finditer(masked)] if failing is not None else []
    if _GUESS.search(masked) is not None:  # most drafts guess nothing
        for start, end in run.draft.sentences:  # each sentence once: linear in the draft
            guess = _GUESS.search(masked, start, end)
            if guess is None:
                continue
            sentence = masked[start:end]
            if _PAST_ACCOUNT.search(sentence) and not _FUTURE_GUESS.search(sentence):
                spans.append((guess.start(), end))
    judged: dict[int, bool] = {}  # sentence start -> keeps the cause open (each read once)
    for start, end in sorted(spans):
        s_start, s_end = run.draft.sentence_at(start)
        if s_start not in judged:
            judged[s_start] = bool(still_open and still_open.search(masked, s_start, s_end))
        if not judged[s_start]:
            return start, end
    return None


# (r31) The cause said to be found ("we've identified the cause: a test setting left on", "the
# cause has been traced", "abbiamo trovato la causa", "l'origine del guasto è stata
# individuata"): while the facts say it is not known, a cause is claimed whatever words follow.
_CAUSE_FOUND = re.compile(
    r"\b(?:(?:we|we've|we have|i|i've|i have|our (?:\w+ )?team(?:s)? (?:has|have)|"
    r"the (?:\w+ )?team (?:has|have))\s+(?:now |finally |already |just )?(?:found|identified|"
    r"pinpointed|traced|located|established|discovered|tracked down|got to the bottom of|"
    r"worked out|figured out)"
    r"\s+(?:the |its |what |the real |the root )?(?:cause|source|origin|culprit|reason|caused it|"
    r"went wrong)\b|(?:the |its )(?:root )?(?:cause|source|origin|culprit)(?: of [\w' -]{1,30}?)? "
    r"(?:has been|have been|was|is now) (?:found|identified|pinpointed|traced|located|established|"
    r"discovered|tracked down)\b|"
    r"(?<!non )(?<!non l')\b(?:abbiamo|ho|hanno|ha)\s+(?:ora |finalmente |già |appena )?(?:trovato|"
    r"individuato|identificato|scoperto|capito|accertato|chiarito|rintracciato)\s+(?:la |l'|il )?"
    r"(?:causa|origine|colpevole|motivo|problema alla radice)\b|\b(?:la |l')(?:causa|origine)"
    r"(?: [\w' -]{1,30}?)? (?:è stata|è ora|è) (?:trovat|individuat|identificat|scopert|accertat|"
    r"rintracciat)a\b)",
    re.IGNORECASE,
)
# ... not a finding to come or denied ("once we've found the cause", "quando avremo capito").
_FOUND_LATER = re.compile(
    r"\b(once|when|as soon as|until|after|if|whether|not|never|appena|quando|finché|dopo che|se|"
    r"non|mai)\b[^.!?\n]{0,12}$|n't\b[^.!?\n]{0,12}$",
    re.IGNORECASE,
)


def _cause_found(run: CheckRun) -> tuple[int, int] | None:
    """(r31) The draft says the cause has been found (see _CAUSE_FOUND)."""
    masked = run.draft.masked
    for m in _CAUSE_FOUND.finditer(masked):
        start = run.draft.sentence_at(m.start())[0]
        if _FOUND_LATER.search(masked[max(start, m.start() - 30) : m.start()]):
            continue
        return m.start(), run.draft.sentence_at(m.start())[1]
    return None


# (r32) Facts that say a review, an inquiry or tests have no outcome yet ("Its findings are not
# known yet", "the lab's results are expected by Friday", "the review has no outcome yet", "i
# risultati non sono ancora noti", "l'esito è atteso per venerdì").
_OUTCOME_OPEN = re.compile(
    r"\b(findings|results?|outcome|conclusions?|verdict)\b[^.;:\n]{0,40}?\b(is|are|was|were|has|"
    r"have|remains?)( still)? (not (yet )?(known|available|in|out|ready|published|final)|yet to "
    r"(come|be (known|published|released))|expected|due)\b|\bha(s|ve)? no (outcome|findings|"
    r"results?|conclusions?) yet\b|"
    r"\b(risultat[oi]|esit[oi]|conclusion[ei])\b[^.;:\n]{0,40}?\b((non )?(è|sono|risulta|risultano)"
    r"( ancora)? (not|disponibil|pront|pubblicat|attes|previst)\w*|non (ci )?(sono|è) ancora)|"
    r"\bnon ha(nno)? ancora (un |alcun |nessun )?(esito|risultat)|"
    # (r35) ... or that tests or a review are still to report ("the lab tests are due to report
    # by Friday", "i test daranno i risultati entro venerdì").
    r"\b(tests?|testing|review|investigation|inquiry|analysis|audit|inspection)\b[^.;:\n]{0,80}?"
    r"\b(is|are) (due|expected|set|scheduled) to (report|conclude|finish|end|be completed)\b|"
    r"\b(test|verific[ah]e?|indagin[ei]|analisi|ispezion[ei]|accertament[oi]|perizi[ae])\b"
    r"[^.;:\n]{0,80}?\b(daranno|darà|forniranno|fornirà|avranno|avrà) (i |il |l'|un |gli )?"
    r"(risultat|esit)",
    re.IGNORECASE,
)
# ... and a draft that tells what such a review, inquiry or test found ("the inquiry has
# established that the alarm was faulty", "the tests showed that", "la verifica ha stabilito che
# ..."): an outcome nobody has yet, whatever it says.
_OUTCOME_TOLD = re.compile(
    r"\b(review|investigation|inquiry|enquiry|audit|lab|laboratory|tests?|testing|analysis|"
    r"analyses|inspection|examination|probe)s?\b[^.!?\n]{0,30}?\b(has |have |had )?(now |"
    r"already |finally |clearly )?(found|established|concluded|shown|showed|confirmed|determined|"
    r"revealed|proved|proven|ruled)( out)? (that|the)\b|"
    r"\b(verifica|verifiche|indagine|indagini|inchiesta|laboratorio|analisi|test|ispezione|"
    r"accertament[oi]|revisione|perizia)\b[^.!?\n]{0,30}?\b(ha|hanno) (già |ora |finalmente |"
    r"chiaramente )?(stabilito|accertato|concluso|dimostrato|rilevato|confermato|scoperto|"
    r"chiarito|mostrato|evidenziato|escluso) (che|la causa|il motivo|l'origine)\b",
    re.IGNORECASE,
)


def _outcome_told(run: CheckRun, support: Support) -> tuple[int, int] | None:
    """(r32) The draft says what a review or test found while the facts say it has no outcome
    yet (see _OUTCOME_OPEN, _OUTCOME_TOLD); not a finding to come or denied ("once the lab has
    confirmed", "the review hasn't found")."""
    masked = run.draft.masked
    if _OUTCOME_TOLD.search(masked) is None or not any(
        _OUTCOME_OPEN.search(t) for t in support.items
    ):
        return None
    for m in _OUTCOME_TOLD.finditer(masked):
        start, end = run.draft.sentence_at(m.start())
        if _FOUND_LATER.search(masked[max(start, m.start() - 30) : m.start()]):
            continue
        if re.search(r"\b(not|never|non|mai)\b|n't\b", m.group(0), re.IGNORECASE):
            continue
        return m.start(), end
    return None


# (r24) Our own systems said to have been broken into ("we were hacked", "our database was
# breached", "Verdello è stata hackerata", "i nostri sistemi sono stati violati") where a fact
# denies it ("Verdello's own systems were not breached"): a cause the facts rule out.
_BREACH = (
    r"(hacked|breached|compromised|broken into|infiltrated|hackerat[oaie]|violat[oaie]|"
    r"bucat[oaie]|compromess[oaie]|attaccat[oaie])"
)
_OWN_BREACH = re.compile(
    r"\b(we|we've|we have|we were|we got|our (own )?([\w-]+ ){0,2}?(systems?|site|website|"
    r"servers?|database|platform|app|network|checkout)|siamo|"
    # (r29) ... some of them too ("alcuni nostri server sono stati violati").
    r"(i|alcuni|alcuni dei|tutti i|dei) nostri (sistemi|server|computer|database)|"
    r"il nostro (sito|sistema|database|server)|la nostra (piattaforma|app|rete))\b[^.!?\n]{0,25}?\b"
    + _BREACH
    + r"\b",
    re.IGNORECASE,
)
_BREACH_DENIED = re.compile(
    r"(\b(not|never|no|non|mai|nessun[oa]?)\b|n't\b)[^.!?\n]{0,40}?\b" + _BREACH + r"|"
    r"\b(no|nessun[oa]?) (breach|hack|violazione|attacco)\b|"
    # (r29) ... or that nobody from outside got in ("no data was accessed by anyone outside
    # the company", "nessun estraneo ha avuto accesso ai dati"): a break-in denied too.
    r"(\b(not|never|no|nobody|no one|non|mai|nessun[oa]?)\b|n't\b)[^.!?\n]{0,40}?"
    r"\b(accessed|got into|had access|acceduto|avuto accesso|entrat[oaie]|consultat[oaie])\b"
    r"[^.!?\n]{0,30}?\b(outside|external|third|unauthori[sz]ed|estern[oaie]|estrane[oaie]|"
    r"terz[ie]|non autorizzat[oaie])",
    re.IGNORECASE,
)


_BREACH_WORD = re.compile(r"\b" + _BREACH + r"\b", re.IGNORECASE)


def _own_breach(run: CheckRun, support: Support) -> tuple[int, int] | None:
    """Our systems said to be breached while the facts deny it (see _OWN_BREACH)."""
    masked = run.draft.masked
    if _BREACH_WORD.search(masked) is None:
        return None  # most drafts name no break-in
    brand = run.ctx.brand.name.strip()
    found = [m.span() for m in _OWN_BREACH.finditer(masked)]
    if brand:
        named = re.compile(rf"\b{re.escape(brand)}\b[^.!?\n]{{0,25}}?\b{_BREACH}\b", re.IGNORECASE)
        found += [m.span() for m in named.finditer(masked)]
    if not found or not _BREACH_DENIED.search(support.text):
        return None
    for start, end in sorted(found):
        # The denial just before, in its sentence ("Non siamo stati hackerati", "we weren't").
        window = max(run.draft.sentence_at(start)[0], start - 40)
        if not _BREACH_DENIED.search(masked, window, end):
            return start, end
    return None


# (r36) A harm said to be caused by something, while the facts say the cause or the link is
# not established ("the food from our kitchen made people ill", "the paint poisoned the
# children", "il cibo ha fatto stare male i clienti", "la vernice ha intossicato i bambini"):
# the link claimed outright.
_HARM_LINK = re.compile(
    r"\b(made|makes|has made|have made|left)( [\w-]+){0,2}? (people|customers|guests|diners|"
    r"visitors|shoppers|users|patients|children|kids|families|you|them|someone|anyone|everyone|"
    r"several|many|some) (ill|sick|unwell|poorly)\b|"
    r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbe )(?<!\bgot )(?<!\bget )\b(poisoned|sickened|"
    r"intoxicated|gave food poisoning to)( [\w-]+){0,2}? (people|customers|guests|diners|visitors|"
    r"shoppers|users|patients|children|kids|families|you|them|someone|anyone|everyone|several|"
    r"many|some)\b|"
    r"\b(ha|hanno|abbia|abbiano|avrebbe|avrebbero) fatto (stare male|ammalare|sentire male)\b|"
    r"\b(ha|hanno|abbia|abbiano|avrebbe|avrebbero) (intossicato|avvelenato|fatto ammalare)\b",
    re.IGNORECASE,
)


def _harm_linked(run: CheckRun) -> tuple[int, int] | None:
    """(r36) While a cause is not known, a harm said to come from something (see _HARM_LINK),
    not denied and not in a sentence that keeps the question open ("we don't know whether")."""
    masked = run.draft.masked
    still_open = constructions(run.lexicon.language).cause_open
    for m in _HARM_LINK.finditer(masked):
        start, end = run.draft.sentence_at(m.start())
        if _NEGATION.search(masked, max(start, m.start() - 30), m.start()):
            continue
        if still_open is not None and still_open.search(masked, start, end):
            continue
        return m.start(), end
    return None


# (r36) What a clause led to, said after it ("some parcels were mislabelled, which slowed
# everything down", "alcuni pacchi erano etichettati male, il che ha rallentato tutto"): the
# clause before is given as the cause.
_WHICH_LED = re.compile(
    r",\s*(which|and that|and this|il che|cosa che|e questo|e ciò)( (has|have|had|then|ha|hanno|"
    r"poi|è|ci))? (slowed|delayed|held|caused|led to|meant|stopped|blocked|set back|rallentat\w*|"
    r"ritardat\w*|causat\w*|bloccat\w*|provocat\w*|fermat\w*|portato a|ha portato)\b",
    re.IGNORECASE,
)
# (r36) What someone checking it found, told as a finding ("the inspectors found that the
# boiler wasn't vented", "i tecnici hanno riscontrato che il quadro era bagnato"): what follows,
# up to what it led to (", so ...", ", quindi ..."), is a cause given.
_FINDING = re.compile(
    r"\b(inspectors?|investigators?|inspection|investigation|engineers?|technicians?|tests?|"
    r"checks|review|audit|experts?|ispettori|ispezione|tecnici|verifiche|controlli|indagine|"
    r"esperti|perizia)\b[^.!?\n]{0,30}?\b(have |has |had |hanno |ha )?(found|established|"
    r"discovered|concluded|determined|showed|shown|trovato|riscontrato|accertato|scoperto|"
    r"stabilito|concluso|dimostrato) (that|che)\b",
    re.IGNORECASE,
)
_SO_AFTER = re.compile(
    r",?\s(so|and so|which is why|quindi|per cui|perciò|e così)\s", re.IGNORECASE
)
# (s11) ... but only a finding of something wrong (a failing word, or a negation: see
# _claimed_causes) is a cause: "our checks found that your parcel is at the Milan depot" tells
# where it is.
_WRONG = re.compile(
    r"\b(fail\w*|fault\w*|error\w*|wrong|broke\w*|break\w*|damag\w*|defect\w*|leak\w*|"
    r"contaminat\w*|dirty|expired|missing|overheat\w*|crash\w*|guast\w*|difett\w*|rott\w*|"
    r"sbagliat\w*|errat\w*|scadut\w*|sporc\w*|mancant\w*|danneggiat\w*|surriscald\w*)",
    re.IGNORECASE,
)


def _claimed_causes(run: CheckRun) -> list[tuple[tuple[int, int], str]]:
    """(r36) Causes the draft gives without a cause word of the lexicon: the clause before what
    it led to (see _WHICH_LED), and what a check is told to have found (see _FINDING). (A hedged
    guess is forbidden.speculation's.)"""
    masked = run.draft.masked
    out: list[tuple[tuple[int, int], str]] = []
    for m in _WHICH_LED.finditer(masked):
        start = run.draft.sentence_at(m.start())[0]
        out.append(((start, m.end()), masked[start : m.start()]))
    for m in _FINDING.finditer(masked):
        end = run.draft.sentence_at(m.start())[1]
        what = _SO_AFTER.split(masked[m.end() : end], maxsplit=1)[0]
        words = {w.lower() for w in _WORD.findall(what)}
        if _WRONG.search(what) or _NEGATION.search(what) or words & run.lexicon.problem_words:
            out.append(((m.start(), m.end() + len(what)), what))
    return out


def _words_not_in_facts(run: CheckRun, support: Support, what: str, *, unknown: bool) -> bool:
    """(r36) ``what`` names a cause in words the facts do not hold (most of them, or, while the
    cause is unknown, any): the test the lexicon's causes get, for a stretch of the draft."""
    brand_words = set(content_words(run.ctx.brand.name))
    words = [
        w
        for w in dict.fromkeys(content_words(what))  # each word once
        if w not in run.lexicon.sentiment_neutral
        and w not in _AMBIGUOUS_CAUSE_WORDS
        and w not in brand_words
        and (unknown or w not in _PARTS_OF_DAY)
    ]
    if not words or all(w in run.lexicon.problem_words for w in words):
        return False
    facts = f" {' '.join(_WORD.findall(support.cause_text))} "
    when = _when_words(run.lexicon.language)
    found = sum(
        1
        for w in words
        if w in when
        or (f" {w[:5]}" if len(w) >= 5 else f" {w} ") in facts
        or (len(w) < 5 and any(f" {w}{e} " in facts for e in ("s", "d", "ed", "es")))
        or (w in _FAILURE_WORDS and _FACTS_FAILURE.search(facts) is not None)
        or _bridged(w, facts)
    )
    return found / len(words) < (1.0 if unknown else 0.6)


def _other_cause(run: CheckRun, support: Support) -> tuple[int, int] | None:
    """(r36) Where the facts give the cause or leave one open, a clause given as what led to the
    trouble, or a finding told (see _claimed_causes), in words the facts do not hold."""
    items = support.items
    if not _some_cause_unknown(items) and not any(
        _names_a_cause(t.lower()) for t in items if not _open_cause(t)
    ):
        return None
    for span, what in _claimed_causes(run):
        if _words_not_in_facts(run, support, what, unknown=False):
            return span
    return None


def check_causes(
    run: CheckRun, support: Support, severity: CheckSeverity | None, caveat: str
) -> None:
    masked = run.draft.masked
    breach = _own_breach(run, support)
    if breach is not None:
        run.fail(
            "grounding.cause",
            breach,
            f"Says our own systems were broken into ({run.draft.text[breach[0] : breach[1]]!r}) "
            f"while the incident facts say they were not.{caveat}",
            "Say what the facts say happened; never say we were hacked unless the incident "
            "lead confirms it.",
            severity=severity,
        )
        return
    span = _cause_found(run) if _cause_unknown(support.items) else None
    how, still = "Says the cause has been found", "the cause is not known yet"
    if span is None:
        span = _outcome_told(run, support)
        how, still = "Tells what a review or test found", "it has no outcome yet"
        if span is None:
            still = "the cause is not known yet"
    if span is None and _some_cause_unknown(support.items):
        span, how = _told_while_unknown(run), "Tells how it happened"
        if span is None:
            span, how = _harm_linked(run), "Says what caused the harm"
    if span is None:
        span, how = _other_cause(run, support), "Gives a cause of its own"
        if not _some_cause_unknown(support.items):
            still = "another cause"
    if span is not None:
        said = run.draft.text[span[0] : span[1]].strip()
        run.fail(
            "grounding.cause",
            span,
            f"{how} ({said!r}) while the incident facts say {still}.{caveat}",
            "Leave the cause out until the incident lead confirms it; say \"we don't know "
            'yet what caused it and will share it when we do".',
            severity=severity,
        )
        return
    # A word matches a word of the facts by its first five letters ("confirm" in
    # "confirmed"); a shorter word must match whole ("back" is not in "backlog").
    facts: str | None = None
    for pattern in run.lexicon.causes:
        for m in pattern.finditer(masked):
            if _WRITING_REASON.search(masked[max(0, m.start() - 40) : m.start()]):
                continue
            if _IRONIC.search(masked[max(0, m.start() - 32) : m.start()]):
                continue
            if _WHY_ASKED.search(masked[max(0, m.start() - 20) : m.start()]):
                continue  # (r25) "Capiamo perché ...": an indirect question
            sentence_start = run.draft.sentence_at(m.start())[0]
            if _OUR_REFUSAL.search(masked[max(sentence_start, m.start() - 80) : m.start()]):
                continue  # "we can't refund it, because it never reached us"
            if _ADVICE.search(masked[max(sentence_start, m.start() - 80) : m.start()]):
                continue  # (r25) "you may want to delete it, because it shows your number"
            if _MODERATION.search(masked[max(sentence_start, m.start() - 60) : m.start()]):
                continue  # (r32) "we've hidden this comment because it names someone"
            if m.groupdict().get("intent") is not None and (
                _NEGATION.search(masked, sentence_start, m.start())
                or _MOCKING.search(masked, sentence_start, m.start())
                or _TRIP_BEFORE.search(masked[max(sentence_start, m.start() - 40) : m.start()])
            ):
                continue  # (r35) "we didn't do it on purpose", "sure, we did it on purpose"
            if _OUR_GESTURE_AFTER.match(masked, m.end()):
                continue  # (r35) "Because ..., we've added a voucher": why we gave it
            if _PURPOSE.match(m.group(0)):
                continue  # (r28) "perché il regalo arrivasse in tempo": a purpose
            if _harm_it_caused(
                m.group(0), masked[max(0, m.start() - 40) : m.start()], m.group("what")
            ):
                continue  # (r34) "sorry for the worry caused by the fake texts"
            # A "cause" that only names the problem again ("caused by the delay") claims
            # nothing; nor does what the sentence goes on to say after it ("because of the
            # delay and will compensate you").
            what = _CAUSE_ENDS.split(m.group("what"), maxsplit=1)[0]
            unknown = _cause_unknown(support.items)
            # (r32) The brand itself ("the mistake was Acme's own") names no new cause.
            brand_words = set(content_words(run.ctx.brand.name))
            words = [
                w
                for w in content_words(what)
                if w not in run.lexicon.sentiment_neutral
                and w not in _AMBIGUOUS_CAUSE_WORDS
                and w not in brand_words
                # (r29) the setting, neither cause nor fact; while the cause is unknown, "last
                # night's update broke it" is a cause made up, night and all
                and (unknown or w not in _PARTS_OF_DAY)
            ]
            if not words or all(w in run.lexicon.problem_words for w in words):
                continue
            if m.groupdict().get("guess") is not None and _STILL_CHECKING.search(
                masked, m.end(), run.draft.sentence_at(m.start())[1]
            ):
                continue  # a guess the sentence itself says is still being checked
            if m.groupdict().get("story") is not None and not _names_a_cause(support.text):
                continue  # a partner's story only contradicts facts that give the cause
            if facts is None:
                facts = f" {' '.join(_WORD.findall(support.cause_text))} "
            when = _when_words(run.lexicon.language)
            found = sum(
                1
                for w in words
                if w in when  # (r25) the day it happened is its setting, no cause of its own
                or (f" {w[:5]}" if len(w) >= 5 else f" {w} ") in facts
                # (r32) a short word with an ending in the facts ("move" in "moved")
                or (len(w) < 5 and any(f" {w}{e} " in facts for e in ("s", "d", "ed", "es")))
                or (w in _FAILURE_WORDS and _FACTS_FAILURE.search(facts) is not None)
                or _bridged(w, facts)
            )
            # Most words in the facts is the facts' cause in other words; while the facts say
            # the cause is unknown, a cause may only name the problem again: one new word
            # ("an overnight update by the banks") is a cause made up.
            if found / len(words) >= (1.0 if unknown else 0.6):
                continue
            run.fail(
                "grounding.cause",
                m.span(),
                f"Gives a cause ({m.group(0).strip()!r}) that the incident facts and cited "
                f"sources don't confirm.{caveat}",
                "Give a cause only once the incident lead has confirmed it; otherwise say "
                '"we\'re finding out what went wrong".',
                severity=severity,
            )
            return
