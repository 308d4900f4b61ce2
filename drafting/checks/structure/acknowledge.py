"""structure.acknowledge: the draft says what went wrong, not only how the customer feels
about it, what did not happen or what we guess."""

from __future__ import annotations

import re
from collections.abc import Callable

from drafting.checks.checkrun import CheckRun
from drafting.checks.structure.clauses import FUTURE, REQUEST, clauses_of
from drafting.checks.structure.topic import topic_stems
from drafting.checks.structure.update import announces_update

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
    r"(pres[oaie] in giro|ignorat\w|trascurat\w|offes\w|delus\w|imbrogliat\w|trattat\w male))?|"
    # (r35) ... or how the customer took what we did ("sorry you took Monday's reply so badly",
    # "ci dispiace che tu l'abbia presa così male", "ci dispiace che te la sia presa").
    r"\b(you|anyone|people) (took|take|have taken|'ve taken|may have taken) ([\w']+ ){1,3}?"
    r"(so |very |really |quite |a bit )?(badly|personally|the wrong way|to heart)\b|"
    r"\b(che )?(tu |voi |lei )?(l'|la |lo )(hai|abbia|avete|abbiate|ha) (pres[oaie]) (così |tanto |"
    r"davvero |un po' )?(male|sul personale|a cuore)\b|"
    r"\b(che )?(tu |voi |lei )?(te la|ve la|se la) (sei|sia|siete|siate|è) pres[oaie]\b",
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


def felt_about_the_post(run: CheckRun) -> tuple[int, int] | None:
    """What a feeling is about, when the customer's post names it ("let down by the
    delivery" after "Sofa delivery missed again")."""
    post = topic_stems(run, run.ctx.post_text) - topic_stems(run, run.ctx.brand.name)
    if not post:
        return None
    masked = run.draft.masked
    for _, end in _feelings(run):
        about = _ABOUT.match(masked, end)
        if about is not None and post & topic_stems(run, about.group(0)):
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
    return [(s, e) for s, e in clauses_of(run) if _HARM_DENIED.search(masked, s, e)]


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
    return [(s, e) for s, e in clauses_of(run) if _HEDGE.match(masked, s)]


def outside_asides(run: CheckRun) -> Callable[[int], bool]:
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


def names_the_problem(run: CheckRun) -> tuple[int, int] | None:
    """A word that says what went wrong ("crashing", "loose", "ritardo") acknowledges it."""
    words = run.lexicon.problem_words
    outside = outside_asides(run)
    for m in re.finditer(r"[^\W\d_]+(?:-[^\W\d_]+)?", run.draft.masked):
        if _a_problem_word(m.group(0).lower(), words) and outside(m.start()):
            return m.span()
    return None


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


def points_at_what_happened(run: CheckRun) -> tuple[int, int] | None:
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


# (r32) What we confirm to the customer has happened ("we can confirm that your order was one
# of those shipped with the wrong charger", "Le confermiamo che Le è stato spedito il modello
# sbagliato"): a past told as checked, not a step to come.
_CONFIRMED_PAST = re.compile(
    r"\b(we|i) (can )?(confirm|have checked and|checked and)( to you)?( that)?\b[^.!?\n]{0,60}?"
    r"\b(was|were|got|received|had|went|came)\b|"
    r"\b(ti |le |vi )?(confermiamo|confermo|abbiamo verificato|ho verificato)( che|:)"
    r"[^.!?\n]{0,60}?"
    r"\b(è|sono) (stat[oaie]|arrivat[oaie]|finit[oaie]|partit[oaie])\b",
    re.IGNORECASE,
)


def _told_in_the_past(sentence: str) -> bool:
    """(r25) The clause tells an act of ours on a day gone by (see _PAST_DAY), not a future;
    (r32) or what we confirm has happened (see _CONFIRMED_PAST)."""
    if FUTURE.search(sentence) is not None:
        return False
    return _PAST_DAY.search(sentence) is not None or _CONFIRMED_PAST.search(sentence) is not None


def describes_the_problem(run: CheckRun) -> tuple[int, int] | None:
    """A statement that shares two content words with the customer's post or the incident
    facts describes what went wrong in the customer's own terms ("Your Club points vanished
    early", "That sofa giveaway isn't ours"). Next steps, promises, questions and thanks are
    not descriptions, and an apology alone ("We're sorry.") shares no content word."""
    reference = " ".join((run.ctx.post_text, *run.ctx.facts))
    if not reference.strip():
        return None
    known = topic_stems(run, reference) - topic_stems(run, run.ctx.brand.name)
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
    clauses = clauses_of(run)
    felt = masked
    for f_start, f_end in _feelings(run):  # "ci dispiace se ti sei sentito preso in giro"
        felt = felt[:f_start] + " " * (f_end - f_start) + felt[f_end:]
    for m in _SETTING.finditer(felt):  # "at our Leeds branch on Friday": no content
        felt = felt[: m.start()] + " " * (m.end() - m.start()) + felt[m.end() :]
    for start, end in clauses:
        sentence = masked[start:end].strip()
        if len(known & topic_stems(run, felt[start:end])) < 2:
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
        echo = start == clauses[0][0] and sentence.endswith("?") and not REQUEST.match(sentence)
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
        if done is not None and not known & topic_stems(run, done.group(0)):
            continue
        if announces_update(run, sentence):
            continue  # "Next update on the gift cards at 11:00"
        return start, end
    return None


# (r29) An apology, or our understanding of what the customer feels, with what it is for, when
# that names a thing of the incident ("We're sorry about the leaflet", "we understand you're
# upset about the survey e-mail", "Ci scusiamo per il volantino", "capiamo che tu sia
# arrabbiato per la mail del sondaggio"): it acknowledges what happened. Not "sorry if".
_FELT_FOR = re.compile(
    r"\b(sorry|apologi[sz]e|apologies|regret|dispiace|scusiamo|scuse|"
    r"(we|i) (\w+ )?(understand|know|hear|see|get|realise|realize) (that |why |how )?"
    r"(you'?re|you are|you were|you feel|you felt)( \w+){0,2}|"
    # (r30) ... or what the customer no longer wants after it ("we understand you don't want to
    # order from us after that post", "capiamo che tu non voglia più comprare da noi dopo").
    r"(we|i) (\w+ )?(understand|know|get) (that |why )?(you don't|you do not|you won't|"
    r"you no longer|you'd rather not)( \w+){0,4}\s(after|because of|following)|"
    r"(capiamo|comprendiamo|capisco|comprendo) (che |perché )?(tu )?non( \w+){1,5}\s"
    r"(dopo|per colpa)|"
    r"(capiamo|comprendiamo|sappiamo|capisco|comprendo) (che |perché |quanto )?(tu )?"
    r"(sia|sei|siate|siete|ti senti|vi sentite|ti sei|vi siete)( \w+){0,2}|"
    # (r32) ... or for what we did to the customer with it ("sorry to have let you down with
    # the new menu", "ci dispiace averti deluso con il nuovo menù").
    r"(sorry|apologi[sz]e|dispiace|scusiamo|scusa)( so| very| really| molto| davvero| tanto)?"
    r"( di| per)? (to have|for having|having|aver(ti|vi|la|le|lo|li)?) ([\w']+ ){0,2}?[\w']+)"
    r"\s(about|for|by|over|with|it was|it's|per|del|della|dello|dei|degli|delle|dal|"
    r"dalla|dallo|dai|dagli|dalle|con)\b(?P<obj>[^.!?\n;:]{1,60})",
    re.IGNORECASE,
)


def apologised_for_the_thing(run: CheckRun) -> tuple[int, int] | None:
    """(r29) What an apology or our understanding is for names the incident (see _FELT_FOR)."""
    masked = run.draft.masked
    if _FELT_FOR.search(masked) is None:
        return None  # the cheap test first: most drafts say what they are sorry for in it
    reference = " ".join((run.ctx.post_text, *run.ctx.facts))
    if not reference.strip():
        return None
    known = topic_stems(run, reference) - topic_stems(run, run.ctx.brand.name)
    outside = outside_asides(run)
    for m in _FELT_FOR.finditer(masked):
        # Where and when names nothing of what went wrong ("sorry for what happened at our
        # Leeds branch"), nor does a pointer ("per quanto successo").
        what = _SETTING.sub(" ", m.group("obj"))
        if _POINTER.match(what) or not outside(m.start("obj")):
            continue
        if known & topic_stems(run, what):
            return m.span("obj")
    return None


# (r32) An apology for what the customer, or someone of theirs, went through, or for what
# should have gone otherwise ("we're sorry your son had to go through that", "sorry you've
# been through all this", "sorry: you should have heard it from us first", "ci dispiace per
# quello che tua figlia ha dovuto passare", "ci scusiamo: avrebbe dovuto saperlo da noi"):
# it owns what happened to them, in their terms.
_ORDEAL = re.compile(
    r"\b(you|she|he|they|your [\w-]+|(his|her|their) [\w-]+)( really| all)?( went through|"
    r"( have|'ve| has|'s) been through|( have|'ve| has|'s)? had to (go through|face|deal with|"
    r"put up with|endure|experience))\b|"
    # (r34) ... whatever they had to do, what they went without, or the hard time they had
    # ("sorry you've had to call three times", "sorry you've had no reply", "you've had a
    # stressful week", "hai dovuto richiamare tre volte", "hai avuto giorni difficili").
    r"\b(you|she|he|they|your [\w-]+)( have|'ve| has|'s)? had to (?!(wait for us to|be)\b)"
    r"[a-z]{3,}\b|"
    r"\b(you|she|he|they|your [\w-]+)( have|'ve| has|'s)? (had|got|received|heard) (no|nothing)\b|"
    r"\b(you|she|he|they)( have|'ve| has|'s)? (had|spent) (a |an |\w+ )?(rough|hard|difficult|"
    r"stressful|awful|terrible|horrible|frustrating|worrying|anxious|long|miserable|tough) "
    r"(\w+ )?(days?|hours?|weeks?|months?|nights?|time|morning|evening|weekend|wait)\b|"
    r"\b(hai|ha|avete|hanno) dovuto [a-zà-ù]{3,}(are|ere|ire|arlo|erlo|irlo|arla|erla|irla)\b|"
    r"\bnon (hai|ha|avete|hanno) (avuto|ricevuto) (nessun[oa]?|alcun[oa]?|notizie|risposta|"
    r"risposte)\b|"
    r"\b(hai|ha|avete|hanno) (avuto|passato|trascorso) (giorni|giornate|ore|settimane|mesi|"
    r"notti|serate|una giornata|una settimana|una serata|una notte|una mattinata|un weekend|"
    r"un fine settimana) (\w+ )?(complicat|difficil|"
    r"pesant|stressant|terribil|brutt|frustrant|ansios|angosciant|infernal|lungh|dur)\w*|"
    # ... what happened to whom ("sorry for what happened to your daughter", "per quello che
    # è successo a tuo figlio"): the customer's own, not a pointer alone.
    r"\bhappened to (you|her|him|them|your [\w-]+|(his|her|their) [\w-]+)\b|"
    r"\b(è|sia) (successo|capitato|accaduto) (a te|a lei|a lui|a voi|a loro|a tu[oaei]|"
    r"a su[oaei]|alla|al|allo|ai|agli|alle)\b|"
    r"\b(you|she|he|they|we|it|this)( really)? (should|ought to|shouldn't|should not)( never| not)?"
    r" have (been )?(?!happened\b|occurred\b)[a-z]{2,}(ed|en|wn|ne|ld|ght|ook|ung|ent|ost|ot|ut|"
    r"id|rd|de)\b|"
    r"\b(hai|ha|avete|hanno) dovuto (passare|vivere|subire|affrontare|sopportare)\b|"
    r"\b(quello che|ciò che|quanto) (hai|ha|avete|hanno) (passato|vissuto|subito)\b|"
    r"\b(non )?(avresti|avrebbe|avreste|avrebbero|avremmo|avrei) dovuto\b|"
    # (r35) ... or what the customer can no longer do, or is left without ("now you can't use
    # it", "you can't cook on it any more", "you're left without heating", "ora non puoi più
    # usarla", "resti senza riscaldamento"): what happened, in their terms.
    r"\b(now )?(you|she|he|they)( now)? (can't|cannot|can no longer|are no longer able to|"
    r"won't be able to)( now)? [a-z]{3,}\b(?=[^.!?\n]{0,40}?\b(now|any ?more|any longer)\b)|"
    r"\b(now|no longer) (you|she|he|they) (can't|cannot|are unable to)\b|"
    r"\b(you|she|he|they)( now)? can no longer\b|"
    r"\b(you're|you are|you've been|you have been|you were|they're|they are|she's|he's) "
    r"(now )?(left|stuck) (without|with no)\b|"
    r"\bnon (puoi|può|potete|possono) più\b|"
    r"\b(resti|resta|restate|restano|rimani|rimane|rimanete|sei rimast[oa]|è rimast[oa]|"
    r"siete rimast[ie]) (ora |adesso |così )?senza\b",
    re.IGNORECASE,
)


def owned_the_ordeal(run: CheckRun) -> tuple[int, int] | None:
    """(r32) An apology, in its sentence, for what the customer went through or for what
    should have gone otherwise (see _ORDEAL)."""
    masked = run.draft.masked
    if _ORDEAL.search(masked) is None:
        return None  # most drafts say neither
    outside = outside_asides(run)
    for m in _ORDEAL.finditer(masked):
        start, end = run.draft.sentence_at(m.start())
        if outside(m.start()) and _APOLOGY_WORD.search(masked, start, end):
            return m.span()
    return None


_POINTER = re.compile(
    r"\s*(what|everything|all that|anything|any|quanto|quello|ciò|tutto|l'accaduto|"
    r"l'eventuale|eventuali)\b",
    re.IGNORECASE,
)


# (r36) The customer's own visit or purchase told back to them, on the day it happened or with
# us ("You ate with us on the 13th and you're worried", "You came to collect your order on
# Tuesday and the counter was shut", "Hai pranzato da noi domenica e vuoi indietro i soldi"):
# what happened to them, in their terms. Not what they told or asked us ("you wrote to us on
# Monday"), nor a step for them ("you can collect it on Tuesday").
_THEIR_DAY = (
    r"(yesterday|last (night|week)|this morning|ieri|stamattina|ieri sera|"
    r"(on |last |lo scorso |la scorsa )?(monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)|"
    r"on the \d{1,2}(st|nd|rd|th)|(il |l')\d{1,2}( \w+)?)"
)
_THEIR_VISIT = re.compile(
    r"\byou( had| have|'ve)? (?!(told|asked|contacted|wrote|written|reported|said|let|sent|"
    r"messaged|called|rang|mentioned|can|could|will|may|might|should|need|must)\b)"
    r"(came|went|ate|had|visited|stopped|popped|dropped|shopped|ordered|bought|booked|paid|"
    r"tried|stayed|waited|queued|travell?ed|drove|flew|took|picked|collected|swam|sat|slept|"
    r"rode|ran|saw|met|spent|drank|"
    r"[a-z]{3,}ed)\b"
    r"[^.!?\n;:]{0,50}?\b(with us|from us|at ours|at our|in our|here|" + _THEIR_DAY + r")\b|"
    r"\b(hai|avete|sei|siete) (?!(scritto|chiesto|contattato|detto|segnalato|mandato|"
    r"inviato|chiamato|telefonato|raccontato|riferito)\b)[a-zà-ù]{3,}(at|ut|it)[oaie]\b"
    r"[^.!?\n;:]{0,50}?\b(da noi|con noi|al nostro|nel nostro|presso (di noi|il nostro)|"
    r"qui|" + _THEIR_DAY + r")(?!\w)",
    re.IGNORECASE,
)
# (r36) ... or the apology for how the customer feels about that day, when their post names it
# ("Sorry you're worried about Monday" after "ate there monday", "ci dispiace che tu sia in
# pensiero per domenica").
_FEELS_ABOUT_DAY = re.compile(
    r"\b(sorry|dispiace)( that| che)? (you're|you are|you were|you've been|tu sia|sei|sia)"
    r"( so| very| really| a bit| molto| un po'| davvero)? [\w']+( [\w']+)? (about|over|after|since|"
    r"per|dopo|da)( (the|il|la|lo|l'|your|tuo|tua))? (?P<day>[a-zà-ù]+)\b",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunedì|martedì|mercoledì|"
    r"giovedì|venerdì|sabato|domenica)$",
    re.IGNORECASE,
)


def retold_their_visit(run: CheckRun) -> tuple[int, int] | None:
    """(r36) The customer's own visit told back (see _THEIR_VISIT), outside a guess or a
    feeling; or an apology for how they feel about the day their post names (see
    _FEELS_ABOUT_DAY)."""
    masked = run.draft.masked
    outside = outside_asides(run)
    for m in _THEIR_VISIT.finditer(masked):
        if outside(m.start()) and FUTURE.search(m.group(0)) is None:
            return m.span()
    post = run.ctx.post_text.lower()
    for m in _FEELS_ABOUT_DAY.finditer(masked):
        day = m.group("day").lower()
        if _WEEKDAY.match(day) and re.search(rf"\b{day}\b", post):
            return m.span()
    return None
