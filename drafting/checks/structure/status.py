"""structure.state_status and structure.state_resolution: a statement that says where the
incident stands, or that it is over."""

from __future__ import annotations

import re

from drafting.checks.checkrun import CheckRun
from drafting.checks.claims import GROUPED
from drafting.checks.draft import UPDATE_HEADING
from drafting.checks.lexicon import Pattern
from drafting.checks.structure.clauses import CLAUSE_BREAK, FUTURE, REQUEST, clauses_of
from drafting.checks.structure.topic import topic_stems
from drafting.checks.structure.update import announces_update

_OUR_EFFORT = re.compile(
    r"(we|we're|we are|we've|we have|our team|the team|i(?=\s+(am|was|have|had|will|can|just|"
    r"really)\b)|i'm|i've|stiamo|ci stiamo|siamo|"
    r"abbiamo|lavoriamo|il team|il nostro team)\b",
    re.IGNORECASE,
)


def headed_statement(run: CheckRun) -> tuple[int, int] | None:
    """A statement right after an update heading says where things stand ("Update: the fake
    texts link to a site that isn't ours"); a promise, request or question there does not."""
    masked = run.draft.masked
    m = UPDATE_HEADING.match(masked)
    if m is None:
        return None
    start = m.end()
    end = next((e for s, e in run.draft.sentences if e > start), len(masked))
    # Its first clause: "the balances are still at zero, but they'll be restored by Friday"
    # states where things stand before it promises.
    turn = CLAUSE_BREAK.search(masked, start, end)
    end = turn.start() if turn is not None else end
    sentence = masked[start:end].strip()
    skip = [run.lexicon.not_a_statement, run.compiled.moves.get("next_update")]
    if len(sentence.split()) < 4 or _OUR_EFFORT.match(sentence):
        return None  # "Update: we're working hard on it" tells our effort, not the state
    if any(p is not None and p.search(sentence) for p in skip):
        return None
    # (r30) Thanks opening it ("Update: thanks for all your messages, we read every one"): a
    # courtesy, not where things stand.
    # What follows the thanks after a comma may still say it ("Update: thanks to the fire
    # brigade, shipping restarts on Monday").
    thank = run.compiled.moves.get("thank")
    if thank is not None and (t := thank.search(sentence)) is not None and t.start() < 3:
        comma = masked.find(",", start, end)
        if comma < 0 or not run.ctx.facts:
            return None
        known = _fact_terms(run, " ".join(run.ctx.facts))
        if len(known & _fact_terms(run, masked[comma:end])) < 2:
            return None
        return comma + 1, end
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
    return topic_stems(run, text) | _figures(text)


def _participle_reached(done_form: re.Pattern[str] | None, sentence: str) -> bool:
    """A state reached said with a verb ("è stato emesso", "are now correct"), not only an
    adverb of time ("again", "di nuovo"), which an update announcement uses too."""
    if done_form is None:
        return False
    return any(m.group(1) is None for m in done_form.finditer(sentence))


def _a_step_first(move: Pattern | None, sentence: str, reached: re.Match[str] | None) -> bool:
    """(r26) The sentence moves to a private channel before any state reached: "Wrong bills are
    cancelled and on chat our staff answer until 20:00" tells where things stand, then where
    help is; "Scrivici in chat se i rimborsi non sono arrivati" is only the step."""
    m = move.search(sentence) if move is not None else None
    return m is not None and (reached is None or m.start() < reached.start())


def _update_title(run: CheckRun, sentence: str) -> bool:
    """(r36) A title that announces the next update before a colon and its time ("Next update
    on the Leeds depot: Friday at 10:00", "Prossimo aggiornamento sul deposito di Bari: venerdì
    alle 10:00"): it names the incident's things and states nothing of them."""
    cue = run.compiled.moves.get("next_update")
    m = cue.search(sentence) if cue is not None else None
    return m is not None and m.start() < 3


def states_the_facts(run: CheckRun, *, done: bool) -> tuple[int, int] | None:
    """A plain statement about the incident states its status: a clause that shares two content
    words or numbers with the incident facts ("Refunds issued on 25 November, vouchers on
    accounts by Friday"). Questions, requests, apologies, thanks, update announcements and our
    own ongoing effort ("We're still working on the price-match requests") are not statuses.
    With ``done``, the clause must also say a state is reached ("are now correct", "è stato
    emesso") and not that work is still going on: that states a resolution."""
    if not run.ctx.facts:
        return None
    known = _fact_terms(run, " ".join(run.ctx.facts)) - topic_stems(run, run.ctx.brand.name)
    masked = run.draft.masked
    courtesy = [run.compiled.moves.get("apologise"), run.compiled.moves.get("thank")]
    to_private = run.compiled.moves.get("move_to_dm")
    done_form = _DONE.get(run.lexicon.language)
    title_end = -1  # where the last title announcing the next update ends
    for start, end in clauses_of(run):
        sentence = masked[start:end].strip()
        if sentence.endswith("?") or REQUEST.match(sentence):
            continue
        if title_end >= 0 and not masked[title_end:start].strip(" :"):
            continue  # (r36) the time after that title ("...: Friday at 10:00")
        if masked.startswith(":", end) and _update_title(run, sentence):
            title_end = end
            continue
        if masked.startswith(":", end) and len(sentence.split()) <= 4:
            continue  # (r30) a title before a colon ("Spring bookings:"): it states nothing
        shared = len(known & _fact_terms(run, sentence))
        if not shared:
            continue
        reached_at = done_form.search(_WHO_DID.sub(" ", sentence)) if done_form else None
        if any(p is not None and p.search(sentence) for p in courtesy):
            continue  # an apology or thanks
        if _a_step_first(to_private, sentence, reached_at):
            continue
        reached = reached_at is not None and not FUTURE.search(sentence)
        if shared < 2 and not reached:
            continue  # "Refunds are done" names one thing of the incident, in a state reached
        if announces_update(run, sentence) and not (
            reached and _participle_reached(done_form, _WHO_DID.sub(" ", sentence))
        ):
            # "Le confermiamo che il rimborso è stato emesso il 25" announces nothing; "Vi
            # aggiorniamo di nuovo qui alle 17:00" is an announcement, "again" no state reached.
            continue
        if _ONGOING.search(sentence) and (done or _OUR_WORK.search(sentence)):
            continue  # "We're still checking the files": our effort, not where things stand
        if done and not reached:
            continue
        if done and OPEN_UNTIL.search(sentence):
            continue  # (r26) "Claims are accepted until 31 May": an offer open, nothing fixed
        if start == end or EMPATHY_FRAME.match(masked, start):
            continue  # "Sappiamo quanto sia importante ricevere i pacchi": empathy
        return start, end
    return None


# (r26) A state that holds until a date to come ("missed connections are rebooked free until 30
# June", "i reclami sono accolti fino al 15 marzo"): a remedy open for a while, not the fault
# fixed.
OPEN_UNTIL = re.compile(
    r"\b(until|till|through|fino al?|fino all'|fino a tutto)\s(the\s)?\d", re.IGNORECASE
)


# What the customer goes through, as we say we understand it ("We know many of you are still
# waiting", "Sappiamo quanto sia importante ricevere i pacchi"): empathy, not where the
# incident stands.
EMPATHY_FRAME = re.compile(
    r"\W*((we|i) (\w+ )?(know|understand|appreciate|realise|realize|can (only )?imagine|get)|"
    r"(sappiamo|capiamo|comprendiamo|immaginiamo|so|capisco|comprendo|immagino)\b)\b",
    re.IGNORECASE,
)
