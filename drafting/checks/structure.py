"""structure.*: the moves the policy requires for the draft's kind are all there."""

from __future__ import annotations

import re
from collections.abc import Callable

from drafting.checks.checkrun import CheckRun
from drafting.checks.claims import GROUPED

_WHAT = {
    "acknowledge": "acknowledge what happened to the customer",
    "apologise": "apologise without conditions",
    "next_step": "say what happens next",
    "next_update": "say when the next update comes, with a time",
    "state_status": "say what the current status is",
    "state_resolution": "say that the problem is fixed",
    "thank": "thank the customer",
    "move_to_dm": "move the conversation to a private channel",
}
_EXAMPLE = {
    "en": {
        "acknowledge": '"Your order was due on Monday and still hasn\'t arrived."',
        "apologise": '"We\'re sorry." (no "if", no "but")',
        "next_step": '"Send us a DM with your order number and we\'ll check it now."',
        "next_update": '"Next update by 15:00 CET."',
        "state_status": '"Our checkout is still down; the team is working on it."',
        "state_resolution": '"Checkout is working normally again since 13:48 CET."',
        "thank": '"Thank you for your patience."',
        "move_to_dm": '"Could you send us a DM with your order number?"',
    },
    "it": {
        "acknowledge": '"Il tuo ordine doveva arrivare lunedì e non è ancora arrivato."',
        "apologise": '"Ci dispiace molto." (senza "se" e senza "ma")',
        "next_step": '"Ci scrivi in DM il numero d\'ordine? Controlliamo subito."',
        "next_update": '"Prossimo aggiornamento entro le 15:00."',
        "state_status": '"Il checkout è ancora fuori servizio; ci stiamo lavorando."',
        "state_resolution": '"Dalle 13:48 il checkout funziona di nuovo normalmente."',
        "thank": '"Grazie per la pazienza."',
        "move_to_dm": '"Ci scrivi in DM il numero d\'ordine?"',
    },
}


# "Update" named, so that a later "the next one" or "il prossimo" can stand for it.
_UPDATE_NOUN = re.compile(r"\b(updates?|aggiornament[oi])\b", re.IGNORECASE)
# The next update with its noun left out, after an update was named: "... every update at
# status.example, and the next one comes at 12:00", "Aggiornamento 11:00: ... Prossimo alle
# 12:00".
_NEXT_ONE = {
    "en": re.compile(
        r"\b(the )?next( one)?\s*(:|(is )?(at|by|around|before|due)\b|(comes|will come|follows|"
        r"will follow|is coming|goes out|will be (out|up|posted))\b)",
        re.IGNORECASE,
    ),
    "it": re.compile(
        r"(^|[.!?:;,\n]\s{0,8}|\b(il|e il) )prossim[oa]\s*(:|(arriva|arriverà|è previsto|sarà|esce|"
        r"uscirà|segue|seguirà)?\s*(alle|entro|verso|intorno alle|per le|domani|oggi|stasera|"
        r"in serata)\b)",
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
        m = _announces_update(run, sentence)
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


def _announces_update(run: CheckRun, sentence: str) -> re.Match[str] | None:
    """The update cue of a sentence that also gives the update's time, else None."""
    cue = run.compiled.moves.get("next_update")
    time = run.lexicon.update_time
    if cue is None or time is None or not time.search(sentence):
        return None  # the time is the cheaper test, and most sentences have none
    return cue.search(sentence)


# What an apology puts in the customer's feelings ("sorry if you felt misled", "sorry you
# feel the delivery let you down", "ci dispiace se ti sei sentito preso in giro"):
# tone.blame_shift reports the grudge, and the feeling itself acknowledges nothing. A problem
# named in the same breath still does ("sorry you feel our reply was slow"), and so does what
# the feeling is about when the customer's post names it ("let down by the delivery", "presa in
# giro dalla data del tracking").
_FEELING = re.compile(
    r"\b(you|anyone|anybody|some of you|people) (feel|felt|think|thought|may feel|might feel|"
    r"may have felt|might have felt|were made to feel)\b( (so |very |really |a bit |quite )?(let "
    r"down|misled|ignored|upset|frustrated|cheated|fobbed off|brushed off|mocked|annoyed|"
    r"disappointed|offended|taken for a ride|made fun of))?|"
    r"\b(ti |vi |si )?(sei|siete|sia|siate|è) (sentit[oaie]|sembrat[oaie]) ((davvero |un po'' )?"
    r"(pres[oaie] in giro|ignorat\w|trascurat\w|offes\w|delus\w|imbrogliat\w|trattat\w male))?",
    re.IGNORECASE,
)
_LET_DOWN = re.compile(r"\blet (you|them|him|her|everyone|customers) down\b", re.IGNORECASE)
_APOLOGY_WORD = re.compile(
    r"\b(sorry|apologi[sz]e|apologies|regret|dispiace|scusiamo|scuse|scusa|scusaci)\b",
    re.IGNORECASE,
)
# What the feeling is about: "by the delivery", "dalla data del tracking".
_ABOUT = re.compile(
    r"\s*(by|about|with|over|at|da|dal|dalla|dallo|dai|dagli|dalle|dall'|per|con)\b[^.!?\n,;:]{0,60}",
    re.IGNORECASE,
)


def _feelings(run: CheckRun) -> list[tuple[int, int]]:
    """The spans of the draft where an apology puts what happened in the customer's
    feelings."""
    masked = run.draft.masked
    out: list[tuple[int, int]] = []
    for m in _FEELING.finditer(masked):
        start, end = run.draft.sentence_at(m.start())
        if not _APOLOGY_WORD.search(masked, start, m.start()):
            continue
        out.append(m.span())
        out.extend(d.span() for d in _LET_DOWN.finditer(masked, start, end))
    return out


def _felt_about_the_post(run: CheckRun) -> tuple[int, int] | None:
    """What a feeling is about, when the customer's post names it ("let down by the
    delivery" after "Sofa delivery missed again")."""
    post = _topic_stems(run, run.ctx.post_text) - _topic_stems(run, run.ctx.brand.name)
    if not post:
        return None
    masked = run.draft.masked
    for _, end in _feelings(run):
        about = _ABOUT.match(masked, end)
        if about is not None and post & _topic_stems(run, about.group(0)):
            return about.span()
    return None


# (r22) A harm denied ("Your card was never at risk", "your details weren't affected", "La tua
# carta non è mai stata a rischio", "i tuoi dati non sono stati coinvolti"): a reassurance
# about what did not happen tells nothing of what did.
_HARM_DENIED = re.compile(
    r"\b(never|not|n't|no longer|non|mai)\b( \w+ly)?( (been|ever|at any (point|time)|mai|"
    r"stat[oaie]|è|sono|era|erano|in any way|in alcun modo))*\s+(at risk|affected|exposed|involved|"
    r"compromised|touched|in danger|stolen|accessed|leaked|included|part of (it|this|the \w+)|"
    r"a rischio|coinvolt\w|espost\w|toccat\w|compromess\w|in pericolo|rubat\w|violat\w|"
    r"inclus\w)\b",
    re.IGNORECASE,
)


def _denials(run: CheckRun) -> list[tuple[int, int]]:
    """The clauses of the draft that deny a harm (see _HARM_DENIED)."""
    masked = run.draft.masked
    if _HARM_DENIED.search(masked) is None:
        return []  # most drafts deny nothing: no need to cut them into clauses
    return [(s, e) for s, e in _clauses(run) if _HARM_DENIED.search(masked, s, e)]


# (r23) A guess, not what happened: "It's possible the courier ...", "Probabilmente il
# magazziniere ...", "Forse ...".
_HEDGE = re.compile(
    r"\W*(it'?s possible|it is possible|it may be|it might be|it could be|perhaps|maybe|possibly|"
    r"probably|presumably|most likely|chances are|è possibile|e' possibile|può darsi|probabilmente|"
    r"forse|magari|presumibilmente|è probabile)\b",
    re.IGNORECASE,
)

_HEDGE_WORD = re.compile(
    r"\b(possible|may|might|could|perhaps|maybe|possibly|probably|presumably|likely|chances|"
    r"possibile|darsi|probabilmente|forse|magari|presumibilmente|probabile)\b",
    re.IGNORECASE,
)


def _guesses(run: CheckRun) -> list[tuple[int, int]]:
    """(r23) The clauses of the draft that open on a guess (see _HEDGE): a problem word there
    names what we suppose, not what happened."""
    masked = run.draft.masked
    if _HEDGE_WORD.search(masked) is None:
        return []  # most drafts guess nothing: no need to cut them into clauses
    return [(s, e) for s, e in _clauses(run) if _HEDGE.match(masked, s)]


def _outside(run: CheckRun) -> Callable[[int], bool]:
    """A test of whether an offset lies outside what an apology puts in the customer's
    feelings, outside a harm denied and outside a guess (each worked out once per move, not
    per word)."""
    spans: list[tuple[int, int]] | None = None

    def test(at: int) -> bool:
        nonlocal spans
        if spans is None:
            spans = [*_feelings(run), *_denials(run), *_guesses(run)]
        return not any(start <= at < end for start, end in spans)

    return test


def _a_problem_word(word: str, words: frozenset[str]) -> bool:
    """``word`` is a problem word, or the other participle of one (r22): "exposing" says what
    "exposed" says, "leaked" what "leaking" says."""
    if word in words:
        return True
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        return f"{stem}ed" in words or f"{stem}d" in words
    if word.endswith("ed") and len(word) > 4:
        return f"{word[:-2]}ing" in words or f"{word[:-1]}ing" in words
    return False


def _names_the_problem(run: CheckRun) -> tuple[int, int] | None:
    """A word that says what went wrong ("crashing", "loose", "ritardo") acknowledges it."""
    words = run.lexicon.problem_words
    outside = _outside(run)
    for m in re.finditer(r"[^\W\d_]+(?:-[^\W\d_]+)?", run.draft.masked):
        if _a_problem_word(m.group(0).lower(), words) and outside(m.start()):
            return m.span()
    return None


_TOPIC_WORD = re.compile(r"[^\W\d_]{4,}")
_TRAILING = "aeiouyàèéìòùs"


def _stem(word: str) -> str:
    """A crude stem for both languages: "balances"/"balance" -> "balan", "sciolte"/"sciolto" ->
    "sciol", "sofas"/"sofa" -> "sof". Good enough to tell whether two texts share a topic."""
    word = word.lower()
    while len(word) > 3 and word[-1] in _TRAILING:
        word = word[:-1]
    return word[:5]


def _topic_stems(run: CheckRun, text: str) -> set[str]:
    stop = run.lexicon.topic_stop_words
    return {_stem(w) for w in _TOPIC_WORD.findall(text) if w.lower() not in stop}


_CLAUSE_BREAK = re.compile(
    r"[:;]\s+|,\s+(?=(and|e)\s+(we|i|noi|ti|le|vi)\b)|,\s+(?=(but|ma|però|so|quindi|yet)\s)",
    re.IGNORECASE,
)


def _clauses(run: CheckRun) -> list[tuple[int, int]]:
    """The draft's sentences cut at colons and semicolons: "Stop using the heater and unplug
    it: on some units the thermostat doesn't switch it off" gives an instruction, then says
    what went wrong; each half is judged on its own. So is a promise joined by a comma and
    "and we" ("The update broke your lamp, and we'll send a bulb"), and whatever follows a
    comma and "but" or "so": the turn starts a new clause ("The Milan lockers still don't
    open, but send us a DM" states the problem, then asks)."""
    masked = run.draft.masked
    out = []
    for start, end in run.draft.sentences:
        cut = start
        for m in _CLAUSE_BREAK.finditer(masked, start, end):
            out.append((cut, m.start()))
            cut = m.end()
        out.append((cut, end))
    return out


_REQUEST = re.compile(
    r"\W*(could|can|would|will|may|shall|please|pls|puoi|potresti|potete|può|potrebbe|"
    r"vuoi|volete|ci (scrivi|mandi|dai|invii)|mi (scrivi|mandi|dai))\b",
    re.IGNORECASE,
)


# (r22) What we did about it, told with us as the subject ("Verdello has removed a Black Friday
# video from its accounts and has paused its marketing", "Abbiamo sospeso i post"): our
# response, not what went wrong; unless a relative clause says what the thing did ("the video
# that mocked ...", "il video che scherzava ...").
_OUR_REMEDY = re.compile(
    r"\W*((?i:we|we've|we have|i've|i have|our team (has|have)|abbiamo|l'abbiamo|li abbiamo|"
    r"le abbiamo|ho|l'ho)|[A-Z][\w-]+ (has|have|ha))\s+(?i:(now |already |just |also |già |"
    r"ora |anche |appena )?(removed|paused|taken down|pulled|deleted|stopped|suspended|"
    r"withdrawn|switched off|turned off|closed|disabled|rimosso|rimossa|sospeso|sospesi|tolto|"
    r"tolta|ritirato|ritirata|cancellato|cancellata|fermato|fermata|spento|disattivato|"
    r"chiuso))\b",
)
_THAT_WHICH = re.compile(r"\b(that|which|who|che|cui)\b", re.IGNORECASE)


# (r23) Where and when it happened ("at our Leeds branch on Friday", "nel negozio di Bari
# giovedì", "in via Dante"): the setting, which names nothing of what went wrong, so its words
# are not the content a description shares with the facts.
_SETTING = re.compile(
    r"\b((?i:(on |last |this |next |di |lo scorso )?(monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|weekend|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|"
    r"fine settimana)s?)|(?i:at|in|from|outside|inside|near) (?i:our|the) ([A-Z][\w'-]*\s+){0,3}"
    r"(?i:store|shop|branch|showroom|outlet|warehouse)( (?i:in|on|at) ([A-Z][\w'-]*\s?){1,3})?|"
    r"(?i:in|at|a) (?i:via|piazza|corso|viale) [A-Z][\w'-]*|"
    r"(?i:nel|al|dal|presso il|presso lo|del|nello|allo) (?i:nostro )?(?i:negozio|punto vendita|"
    r"store|showroom|magazzino)( (?i:di|a|in) ([A-Z][\w'-]*\s?){1,3})?|"
    r"(?i:in|at) [A-Z][\w'-]{3,})\b"
)

# (r23) An apology that points at what happened without naming it ("sorry about what happened",
# "ci dispiace per quanto accaduto") names nothing (the lexicon cue leaves it out); where the
# customer threatens legal action and naming it could read as an admission, it is the
# acknowledgement.
_POINTER_APOLOGY = re.compile(
    r"\b(sorry|apologi[sz]e|apologies|dispiace|scusiamo|scuse) (\w+ )?(about|for|per|di) "
    r"(what|everything that|all that|the incident|the situation|quanto|quello che|ciò che|"
    r"l'accaduto|l'episodio|la situazione)\b",
    re.IGNORECASE,
)


def _points_at_what_happened(run: CheckRun) -> tuple[int, int] | None:
    """A pointer apology, where naming what happened is a legal risk."""
    if "legal_threat" not in run.ctx.risk_flags:
        return None
    m = _POINTER_APOLOGY.search(run.draft.masked)
    return m.span() if m else None


# (r25) A day or a moment already gone ("On Sunday", "ieri sera", "lunedì 2 marzo", "alle 7:40
# di stamattina") and a verb of ours in the perfect after it: the Italian "abbiamo inviato" is
# both "we sent" and "we have sent"; with a past day before it, it tells what happened.
_PAST_DAY = re.compile(
    r"\b(yesterday|last (night|week)|this morning|earlier today|ieri|stamattina|stanotte|"
    r"l'altro ieri|(on |last |lo scorso |la scorsa )?(monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica))\b"
    r"[^.!?\n]{0,30}?\b((we|i)( had| have|'ve)? [a-z]+ed|(we|i) (sent|put|gave|made|took|let|ran)|"
    r"(ti |le |vi |gli |l'|li |lo |la )?(abbiamo|ho) [a-zà-ù]+(at|ut|it|ss|st)[oaie])\b",
    re.IGNORECASE,
)


def _told_in_the_past(sentence: str) -> bool:
    """(r25) The clause tells an act of ours on a day gone by (see _PAST_DAY), not a future."""
    return _PAST_DAY.search(sentence) is not None and _FUTURE.search(sentence) is None


def _describes_the_problem(run: CheckRun) -> tuple[int, int] | None:
    """A statement that shares two content words with the customer's post or the incident
    facts describes what went wrong in the customer's own terms ("Your Club points vanished
    early", "That sofa giveaway isn't ours"). Next steps, promises, questions and thanks are
    not descriptions, and an apology alone ("We're sorry.") shares no content word."""
    reference = " ".join((run.ctx.post_text, *run.ctx.facts))
    if not reference.strip():
        return None
    known = _topic_stems(run, reference) - _topic_stems(run, run.ctx.brand.name)
    if len(known) < 2:
        return None
    masked = run.draft.masked
    skip = [
        run.lexicon.not_a_statement,
        run.compiled.moves.get("next_step"),
        run.compiled.moves.get("move_to_dm"),
        run.compiled.moves.get("thank"),
    ]
    resolved = run.compiled.moves.get("state_resolution")
    clauses = _clauses(run)
    felt = masked
    for f_start, f_end in _feelings(run):  # "ci dispiace se ti sei sentito preso in giro"
        felt = felt[:f_start] + " " * (f_end - f_start) + felt[f_end:]
    for m in _SETTING.finditer(felt):  # "at our Leeds branch on Friday": no content
        felt = felt[: m.start()] + " " * (m.end() - m.start()) + felt[m.end() :]
    for start, end in clauses:
        sentence = masked[start:end].strip()
        if len(known & _topic_stems(run, felt[start:end])) < 2:
            continue
        if _HARM_DENIED.search(sentence):
            continue  # "Your card details were never exposed": a reassurance
        if _HEDGE.match(sentence):
            continue  # "Perhaps the courier ...": a guess
        if _OUR_REMEDY.match(sentence) and not _THAT_WHICH.search(sentence):
            continue  # "Verdello has removed a video from its accounts": our response
        # An opening question in the customer's terms ("Seeing 0 Club points?", "Hai ricevuto
        # un SMS falso a nome nostro?") names what happened; a request ("Could you DM us your
        # order number?") does not.
        echo = start == clauses[0][0] and sentence.endswith("?") and not _REQUEST.match(sentence)
        not_descriptions = skip[1:] if echo else skip  # skip[0]: questions and the like
        if _told_in_the_past(sentence):
            # (r25) "Martedì alle 8 abbiamo inviato la newsletter a chi si era disiscritto":
            # an act of ours dated in the past is what happened, not a step to come.
            not_descriptions = [p for p in not_descriptions if p is not skip[1]]
        if any(p is not None and p.search(sentence) for p in not_descriptions):
            continue
        # "Your points are back" says the problem is over, not what went wrong; "the delivery
        # was cancelled" (the facts' own word for what happened) only sounds like a resolution.
        done = resolved.search(sentence) if resolved is not None else None
        if done is not None and not known & _topic_stems(run, done.group(0)):
            continue
        if _announces_update(run, sentence):
            continue  # "Next update on the gift cards at 11:00"
        return start, end
    return None


# "Update:", "Latest update on the showroom:", "Aggiornamento delle 15:00:" opening the draft;
# its time is part of the heading, not its end ("Update 12:00 CET: ...", "Update, 13:00 CET.
# ..."), so the heading ends at the colon (or full stop) after it.
_UPDATE_HEADING = re.compile(
    r"\s*(latest |an |quick |short )?(update|aggiornamento|novità)\b"
    r"((\d{1,2}[:.]\d{2}|[^.!?\n:]){0,40}:\s+|,?\s*(delle ore |delle |ore |at |alle )?"
    r"\d{1,2}[:.]\d{2}(\s?[A-Z]{3,4})?(\s*\([^)\n]{1,30}\))?\s*[:.–—-]\s+)",
    re.IGNORECASE,
)

_OUR_EFFORT = re.compile(
    r"(we|we're|we are|we've|we have|our team|the team|i(?=\s+(am|was|have|had|will|can|just|"
    r"really)\b)|i'm|i've|stiamo|ci stiamo|siamo|"
    r"abbiamo|lavoriamo|il team|il nostro team)\b",
    re.IGNORECASE,
)


def _headed_statement(run: CheckRun) -> tuple[int, int] | None:
    """A statement right after an update heading says where things stand ("Update: the fake
    texts link to a site that isn't ours"); a promise, request or question there does not."""
    masked = run.draft.masked
    m = _UPDATE_HEADING.match(masked)
    if m is None:
        return None
    start = m.end()
    end = next((e for s, e in run.draft.sentences if e > start), len(masked))
    # Its first clause: "the balances are still at zero, but they'll be restored by Friday"
    # states where things stand before it promises.
    turn = _CLAUSE_BREAK.search(masked, start, end)
    end = turn.start() if turn is not None else end
    sentence = masked[start:end].strip()
    skip = [run.lexicon.not_a_statement, run.compiled.moves.get("next_update")]
    if len(sentence.split()) < 4 or _OUR_EFFORT.match(sentence):
        return None  # "Update: we're working hard on it" tells our effort, not the state
    if any(p is not None and p.search(sentence) for p in skip):
        return None
    return start, end


# A state reached: "are now correct", "have been issued", "è stato emesso", "sono di nuovo
# disponibili", "la questione è chiusa". An auxiliary before a past participle, or "now"/"again".
_DONE = {
    "en": re.compile(
        r"\b(now|again|back|done|over)\b|\b(is|are|was|were|been|has|have|had|'s|'re|'ve)\s+"
        r"(\w+ly\s+|all\s+|now\s+|already\s+|just\s+|been\s+)*"
        r"(\w+ed|done|sent|shown|paid|made|given|taken|shipped|fixed|gone|back)\b",
        re.IGNORECASE,
    ),
    "it": re.compile(
        r"\b(ora|adesso|di nuovo|nuovamente|già|ormai)\b|\b(è|sono|era|erano|stat[oaie]|"
        r"abbiamo|ha|hanno|ho)\s+(\w+mente\s+|tutt[oaie]\s+|già\s+|stat[oaie]\s+)*"
        r"[^\W\d_]+(at|ut|it|ss|s|tt)[oaie]\b|[^\W\d_]+(at|ut|it|ss|s)[oaie]\s+tutt[oaie]\b|"
        r"\btutt[oaie]\s+[^\W\d_]+(at|ut|it|ss|s)[oaie]\b|"
        # A headline's participle with the time it holds from ("Sito e account falsi rimossi da
        # oggi alle 10:00", "pagamenti ripristinati dalle 9:30").
        r"\b[^\W\d_]{3,}(at|ut|it|ss)[oaie] (dalle|dal|dall'|alle|da (oggi|ieri|stamattina|"
        r"stanotte|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|\d))",
        re.IGNORECASE,
    ),
}
# Work still going on: "still processing", "stiamo ancora verificando", "continuing to send".
_ONGOING = re.compile(
    r"\b(still|continu\w*|ancora|tuttora|in corso|stiamo|working on|we're working|"
    r"we are working)\b",
    re.IGNORECASE,
)
# Our own work as the subject: "we're still", "our team is still", "stiamo ancora".
_OUR_WORK = re.compile(
    r"\b(we|we're|we've|our (\w+ )?team|the team|i'm|stiamo|continuiamo|lavoriamo|"
    r"il (nostro )?team)\b",
    re.IGNORECASE,
)

# Who did something, not a state reached: "Chi ha pagato resti in contatto con la banca",
# "anyone who has paid should call their bank".
_WHO_DID = re.compile(
    r"\b(chi|chiunque|coloro che|quanti|(those|anyone|anybody|everyone|customers|people|all) "
    r"(of you )?who)\s+(\w+\s+){0,2}?(ha|hanno|abbia|abbiano|has|have|had)\s+\w+",
    re.IGNORECASE,
)
# A promise, not a state: "We'll post again by 18:00", "Vi aggiorneremo di nuovo".
_FUTURE = re.compile(
    r"\b(will|shall|going to)\b|'ll\b|\b[^\W\d_]+(rò|rà|remo|rete|ranno)\b", re.IGNORECASE
)


# A figure whole: a time ("13:00", "10.30"), a number with thousands separators ("3,200",
# "3.200") or a plain number. Read digit run by digit run, every time on the hour shared "00"
# with the facts, so "We can update you again at 13:00" stated the incident's status.
_FIGURE = re.compile(
    r"(?P<time>\b[012]?\d[:.][0-5]\d)(?![\d.,:]\d)"
    rf"|(?P<big>{GROUPED})(?![.,]?\d)"
    r"|\d+"
)


def _figures(text: str) -> set[str]:
    """The figures of ``text``, each whole and in one spelling ("10.30" = "10:30", "3.200" =
    "3,200" = "3200")."""
    out = set()
    for m in _FIGURE.finditer(text):
        if m.group("time"):
            out.add(m.group("time").replace(".", ":").zfill(5))
        elif m.group("big"):
            out.add(re.sub(r"\D", "", m.group("big")))
        else:
            out.add(m.group(0))
    return out


def _fact_terms(run: CheckRun, text: str) -> set[str]:
    """Content stems and figures of ``text``: what a sentence shares with the facts."""
    return _topic_stems(run, text) | _figures(text)


def _participle_reached(done_form: re.Pattern[str] | None, sentence: str) -> bool:
    """A state reached said with a verb ("è stato emesso", "are now correct"), not only an
    adverb of time ("again", "di nuovo"), which an update announcement uses too."""
    if done_form is None:
        return False
    return any(m.group(1) is None for m in done_form.finditer(sentence))


def _a_step_first(
    move: re.Pattern[str] | None, sentence: str, reached: re.Match[str] | None
) -> bool:
    """(r26) The sentence moves to a private channel before any state reached: "Wrong bills are
    cancelled and on chat our staff answer until 20:00" tells where things stand, then where
    help is; "Scrivici in chat se i rimborsi non sono arrivati" is only the step."""
    m = move.search(sentence) if move is not None else None
    return m is not None and (reached is None or m.start() < reached.start())


def _states_the_facts(run: CheckRun, *, done: bool) -> tuple[int, int] | None:
    """A plain statement about the incident states its status: a clause that shares two content
    words or numbers with the incident facts ("Refunds issued on 25 November, vouchers on
    accounts by Friday"). Questions, requests, apologies, thanks, update announcements and our
    own ongoing effort ("We're still working on the price-match requests") are not statuses.
    With ``done``, the clause must also say a state is reached ("are now correct", "è stato
    emesso") and not that work is still going on: that states a resolution."""
    if not run.ctx.facts:
        return None
    known = _fact_terms(run, " ".join(run.ctx.facts)) - _topic_stems(run, run.ctx.brand.name)
    masked = run.draft.masked
    courtesy = [run.compiled.moves.get("apologise"), run.compiled.moves.get("thank")]
    to_private = run.compiled.moves.get("move_to_dm")
    done_form = _DONE.get(run.lexicon.language)
    for start, end in _clauses(run):
        sentence = masked[start:end].strip()
        if sentence.endswith("?") or _REQUEST.match(sentence):
            continue
        shared = len(known & _fact_terms(run, sentence))
        if not shared:
            continue
        reached_at = done_form.search(_WHO_DID.sub(" ", sentence)) if done_form else None
        if any(p is not None and p.search(sentence) for p in courtesy):
            continue  # an apology or thanks
        if _a_step_first(to_private, sentence, reached_at):
            continue
        reached = reached_at is not None and not _FUTURE.search(sentence)
        if shared < 2 and not reached:
            continue  # "Refunds are done" names one thing of the incident, in a state reached
        if _announces_update(run, sentence) and not (
            reached and _participle_reached(done_form, _WHO_DID.sub(" ", sentence))
        ):
            # "Le confermiamo che il rimborso è stato emesso il 25" announces nothing; "Vi
            # aggiorniamo di nuovo qui alle 17:00" is an announcement, "again" no state reached.
            continue
        if _ONGOING.search(sentence) and (done or _OUR_WORK.search(sentence)):
            continue  # "We're still checking the files": our effort, not where things stand
        if done and not reached:
            continue
        if done and _OPEN_UNTIL.search(sentence):
            continue  # (r26) "Claims are accepted until 31 May": an offer open, nothing fixed
        if start == end or _EMPATHY_FRAME.match(masked, start):
            continue  # "Sappiamo quanto sia importante ricevere i pacchi": empathy
        return start, end
    return None


# (r26) A state that holds until a date to come ("missed connections are rebooked free until 30
# June", "i reclami sono accolti fino al 15 marzo"): a remedy open for a while, not the fault
# fixed.
_OPEN_UNTIL = re.compile(
    r"\b(until|till|through|fino al?|fino all'|fino a tutto)\s(the\s)?\d", re.IGNORECASE
)


# What the customer goes through, as we say we understand it ("We know many of you are still
# waiting", "Sappiamo quanto sia importante ricevere i pacchi"): empathy, not where the
# incident stands.
_EMPATHY_FRAME = re.compile(
    r"\W*((we|i) (\w+ )?(know|understand|appreciate|realise|realize|can (only )?imagine|get)|"
    r"(sappiamo|capiamo|comprendiamo|immaginiamo|so|capisco|comprendo|immagino)\b)\b",
    re.IGNORECASE,
)


def _first_move(run: CheckRun, move: str, pattern: re.Pattern[str] | None) -> re.Match[str] | None:
    """The first match of a move's cue; an acknowledgement counts only outside what an apology
    puts in the customer's feelings, a status only outside a clause that tells what the
    customer goes through as we empathise with it."""
    if pattern is None:
        return None
    masked = run.draft.masked
    if move == "acknowledge":
        outside = _outside(run)
        return next((m for m in pattern.finditer(masked) if outside(m.start())), None)
    if move == "state_resolution":
        # (r26) Not a state that holds only until a date to come (see _OPEN_UNTIL).
        for m in pattern.finditer(masked):
            end = run.draft.sentence_at(m.start())[1]
            if not _OPEN_UNTIL.search(masked, m.end(), end):
                return m
        return None
    if move != "state_status":
        return pattern.search(masked)
    for m in pattern.finditer(masked):
        start = next((s for s, e in _clauses(run) if s <= m.start() < e), 0)
        if not _EMPATHY_FRAME.match(masked, start):
            return m
    return None


def _check_empty(run: CheckRun) -> None:
    """A draft of a handle and a sign-off (a model that wrote nothing, an edit that deleted
    everything) passes every other rule and says nothing."""
    if not run.enabled("structure.empty") or run.draft.words:
        return
    run.fail(
        "structure.empty",
        None,
        "The draft has no words beyond the handle, links and sign-off: it says nothing.",
        "Write the reply, or draft it again.",
    )


def check(run: CheckRun) -> None:
    _check_empty(run)
    if not run.lexical:
        return
    required = run.policy.moves_for(run.ctx.kind)
    examples = _EXAMPLE.get(run.lexicon.language, _EXAMPLE["en"])
    for move in required:
        check_id = f"structure.{move}"
        if not run.enabled(check_id):
            continue
        span: tuple[int, int] | None = None
        if move == "next_update":
            span = next_update_span(run)
        else:
            pattern = run.compiled.moves.get(move)
            m = _first_move(run, move, pattern)
            if m is None and move == "state_status":
                # "Payments work again for most of you" is a status too.
                fixed = run.compiled.moves.get("state_resolution")
                m = fixed.search(run.draft.masked) if fixed else None
            span = m.span() if m else None
            if span is None and move == "state_status":
                span = _headed_statement(run) or _states_the_facts(run, done=False)
            if span is None and move == "state_resolution":
                span = _states_the_facts(run, done=True)
            if span is None and move == "acknowledge":
                span = (
                    _names_the_problem(run)
                    or _describes_the_problem(run)
                    or _felt_about_the_post(run)
                    or _points_at_what_happened(run)
                )
            if span is None and move == "next_step" and run.draft.links:
                link = run.draft.links[0]  # pointing to a help page is a next step
                span = (link.start, link.end)
        kind = run.ctx.kind.replace("_", " ")
        kind = ("an " if kind[0] in "aeiou" else "a ") + kind
        if span is not None:
            run.ok(check_id, span, f"{kind.capitalize()} must {_WHAT[move]}; this draft does.")
        else:
            run.fail(
                check_id,
                None,
                f"{kind.capitalize()} must {_WHAT[move]}; this draft doesn't.",
                f"Add it, for example {examples[move]}",
            )
