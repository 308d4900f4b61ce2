"""tone.*: empathy, no blame-shifting, defensiveness, sarcasm, hostility or escalation; a calm
register, a draft sentiment that is not negative, and readability suited to the channel."""

from __future__ import annotations

import re

from drafting.checks.brand_subject import brand_as_we
from drafting.checks.checkrun import CheckRun
from drafting.checks.sentiment import lix, negative_words, sentiment

# What each phrase-based tone failure means and how to fix it (the learned reader says the same).
REASONS = {
    "defensive": ("sounds defensive", "Drop the defence; say what you will do for the customer."),
    "sarcasm": ("reads as sarcasm or irony", "Say it plainly and kindly; never match sarcasm."),
    "hostility": (
        "is hostile or dismissive towards the customer",
        "Remove it; reply calmly and offer help, or don't reply.",
    ),
    "escalating": (
        "threatens or escalates the conflict",
        "Remove the threat; abuse and legal issues go to the escalation contact.",
    ),
}
# What a blame-shifting apology does and how to fix it (the learned reader says the same).
BLAME_SHIFT = (
    "turns the apology into an excuse or puts the problem on the customer",
    'Apologise without conditions: "We\'re sorry your order is late."',
)
_SHOUT = re.compile(r"[A-ZÀ-Ý]")
_LETTER = re.compile(r"[^\W\d_]")
_GREETING = re.compile(r"^\s*(?:[^\W\d_]+[ \t]+){0,4}[^\W\d_]+,[ \t]*\n")


def check(run: CheckRun) -> None:
    if not run.lexical:
        return
    draft, ctx, lex = run.draft, run.ctx, run.lexicon
    masked = draft.own_words
    if ctx.kind in run.policy.tone.empathy_required_for and run.enabled("tone.empathy"):
        empathy = lex.tone.get("empathy")
        if empathy is not None and not empathy.search(masked):
            run.fail(
                "tone.empathy",
                None,
                "Shows no empathy: nothing acknowledges how the customer feels or thanks them.",
                'Add a human line, e.g. "We know how frustrating this is." / '
                '"Capiamo quanto sia frustrante."',
            )
    if run.enabled("tone.blame_shift") and lex.blame_shift is not None:
        m = _blame_shift(run, masked)
        if m:
            run.fail(
                "tone.blame_shift",
                m.span(),
                f"{m.group(0).strip()!r} {BLAME_SHIFT[0]}.",
                BLAME_SHIFT[1],
            )
    for name, (why, fix) in REASONS.items():
        pattern = lex.tone.get(name)
        check_id = f"tone.{name}"
        if pattern is None or not run.enabled(check_id):
            continue
        text = masked
        routing = lex.tone.get("legal_routing")
        if name == "escalating" and routing is not None and "legal_threat" in ctx.risk_flags:
            # The customer threatened legal action: "we're passing this to our legal team" is
            # routing their case, not a threat against them.
            text = routing.sub(lambda r: " " * len(r.group(0)), masked)
        if name == "defensive":
            text = brand_as_we(run, text)  # "Verdello follows every law" is "we follow ..."
        m = pattern.search(text)
        if m is not None and name == "defensive" and _debunks_a_claim(run, m.start()):
            m = next(
                (d for d in pattern.finditer(text) if not _debunks_a_claim(run, d.start())), None
            )
        if m is None and name == "defensive" and ctx.post_text:
            m = _denial(run, text)
        if m is None and name == "sarcasm":
            m = _mock_courtesy(run) or _mock_congratulations(run) or _laughter(run)
        if m is not None and name == "hostility" and _reassured(text, m):
            m = next((h for h in pattern.finditer(text) if not _reassured(text, h)), None)
        if m is None and name == "hostility":
            m = _mock_thanks(run)
        if m:
            run.fail(check_id, m.span(), f"{masked[m.start() : m.end()].strip()!r} {why}.", fix)
    if run.enabled("tone.register"):
        _check_register(run)
    if run.enabled("tone.sentiment"):
        # The incident's own negative words ("rejected by mistake", "child labour") say what
        # happened, not the draft's attitude.
        facts = negative_words("\n".join(ctx.facts), lex.language)
        neutral = lex.sentiment_neutral | lex.problem_words | facts
        score = sentiment(masked, lex.language, neutral)
        if score < run.policy.tone.min_sentiment:
            score = sentiment(_without_empathy(run, masked), lex.language, neutral)
        if score < run.policy.tone.min_sentiment:
            run.fail(
                "tone.sentiment",
                None,
                f"The draft's own sentiment is negative ({score:.2f}; the policy's floor is "
                f"{run.policy.tone.min_sentiment:.2f}), apology words aside.",
                "Replace negative wording with what you will do.",
                evidence=f"{score:.2f}",
            )
    if run.enabled("tone.readability"):
        _check_readability(run)


_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_BUT = re.compile(r"\b(but|however|yet|ma|però|tuttavia)\b", re.IGNORECASE)


def _without_empathy(run: CheckRun, masked: str) -> str:
    """The text less the negative words of its sentences of empathy ("Cancelled again and
    again: that's awful, and we're sorry", "Capiamo la rabbia: vedere il credito a zero
    spaventa"): they name what the customer feels, in the brand's sympathy, not the brand's
    attitude. A sentence that turns on a "but" keeps them: what follows it is the brand's own."""
    empathy = run.lexicon.tone.get("empathy")
    if empathy is None:
        return masked
    chars: list[str] | None = None
    for start, end in run.draft.sentences:
        sentence = masked[start:end]
        if not empathy.search(sentence) or _BUT.search(sentence):
            continue
        negative = negative_words(sentence, run.lexicon.language)
        for w in _WORD.finditer(sentence):
            if w.group(0).lower() in negative:
                chars = chars if chars is not None else list(masked)
                chars[start + w.start() : start + w.end()] = " " * (w.end() - w.start())
    return "".join(chars) if chars is not None else masked


# A question that restates what someone else told the customers ("Got a text saying you've
# won a gift?", "Vi hanno scritto che avete vinto un regalo?").
_REPORTED_CLAIM = re.compile(
    r"\b(told you|you(\'ve| have)? been told|you were told|(got|received|had|seen|saw) an? "
    r"(text|message|dm|e-?mail|post|call|sms)|saying|heard|people are saying|is it true|"
    r"(vi|ti|le) (hanno|ha) (scritto|detto|chiamat\w+|mandato)|(avete|hai|ha) ricevuto|"
    r"(vi|ti|le) è arrivat\w+|dicono|si dice|è vero che)\b",
    re.IGNORECASE,
)


# (r26) The sentence before reports what something or someone told the customers ("the
# kiosk told some of you the store was closed", "il sito ha scritto ad alcuni di voi che ..."):
# "that's not true" right after it corrects that wrong statement, it does not contradict them.
_TOLD_THE_CUSTOMERS = re.compile(
    r"\b(told (some |many |a few |most |several |all )?(of )?you|"
    r"(said|wrote|claimed|stated|showed) to (some |many |a few )?(of )?you that|"
    r"(ti|vi|le|gli) (ha|hanno|aveva|avevano) (detto|scritto|risposto|mostrato)|"
    r"(ha|hanno|aveva|avevano) (detto|scritto|risposto|mostrato) (a|ad) [^.!?\n]{0,30}\bche|"
    # (r29) ... or reports what a message, a notice or a screen said ("the alert said your
    # flight was cancelled", "l'avviso in stazione diceva che il treno era soppresso").
    r"(message|e-?mail|notification|notice|alert|text|sms|push|banner|screen|sign|letter|"
    r"receipt|label|messaggio|notifica|mail|avviso|schermata|cartello|lettera|ricevuta|"
    r"etichetta)s?\b[^.!?\n]{0,40}\b(said|says|told|stated|claimed|read|showed|announced|"
    r"diceva|dice|ha detto|affermava|annunciava|riportava|mostrava|indicava))\b",
    re.IGNORECASE,
)

_A_DENIAL = re.compile(
    r"(?:(?:that|it|this)(?:'s| is| was) )?(?:simply |just )?(?:not true|untrue|false|incorrect|"
    r"not the case|non (?:è|era) (?:vero|corretto|così)|falso)\b",
    re.IGNORECASE,
)


def _debunks_a_claim(run: CheckRun, at: int) -> bool:
    """Whether the denial at ``at`` ("It's not true", "Non è vero") answers the draft's own
    question restating a claim someone else made to the customers: debunking a rumour or a
    scam, not contradicting the customer; or (r26) answers the sentence before it, which
    reports what something told the customers."""
    start, _ = run.draft.sentence_at(at)
    before = run.draft.masked[max(0, start - 200) : start].rstrip()
    # (r33) The first words of a reply to a post that relays a rumour and asks about it
    # ("People are saying it was a disgruntled driver. True?", "Dicono che sia stato un
    # dipendente. È vero?"): "Not true" answers the rumour, not the customer.
    post = run.ctx.post_text
    if (
        not before
        and _A_DENIAL.match(run.draft.masked, at)
        and "?" in post
        and _REPORTED_CLAIM.search(post)
    ):
        return True
    if _A_DENIAL.match(run.draft.masked, at) and _TOLD_THE_CUSTOMERS.search(
        re.split(r"[.!?\n]", before.rstrip(".!?\n "))[-1]
    ):
        return True
    if not before.endswith("?"):
        return False
    question = re.split(r"[.!?\n](?=[^.!?\n]*\?$)", before)[-1]
    return bool(_REPORTED_CLAIM.search(question))


# (r33) An insult word denied to reassure the customer who used it of themselves ("you're not
# an idiot", "please don't feel stupid", "non sei stupida", "non sentirti un idiota"): kindness,
# not hostility. Not "don't be stupid" or "non fare lo stupido", which are insults.
_REASSURING_NEGATION = re.compile(
    r"(?:\b(?:not|never|no|non|mai)|n't)(?:\s+(?!(?:be|being|act|acting|play|playing|fare|"
    r"essere|comportarti|comportati|fate)\b)[\w']+){0,2}\s+$",
    re.IGNORECASE,
)


_COPULA_DENIED = re.compile(r"\b(?:not|non)\s+$", re.IGNORECASE)
_COPULA = re.compile(r"(?:sei|siete|è|are|is)\b", re.IGNORECASE)


def _reassured(text: str, m: re.Match[str]) -> bool:
    if any(c.isspace() for c in m.group(0).strip()):
        # A longer construction reads its own negations, but for a copula denied right before
        # it ("non sei stupida").
        return bool(
            _COPULA.match(m.group(0))
            and _COPULA_DENIED.search(text, max(0, m.start() - 8), m.start())
        )
    return bool(_REASSURING_NEGATION.search(text, max(0, m.start() - 30), m.start()))


def _denial(run: CheckRun, text: str) -> re.Match[str] | None:
    """In a reply to a post, our service said to have worked all along ("chat was available
    the whole time"): the customer's account denied. (In a status update with no post the
    same words are news.)"""
    pattern = run.lexicon.tone.get("denial")
    return pattern.search(text) if pattern is not None else None


def _blame_shift(run: CheckRun, masked: str) -> re.Match[str] | None:
    """The first blame-shifting phrase that is not inside a longer defensive one: "as we
    already said" is blame-shifting, "as we already said in the post below" points the
    customer at what we published (tone.defensive); one phrase is one finding, the more
    specific one."""
    pattern = run.lexicon.blame_shift
    if pattern is None:
        return None
    defensive = run.lexicon.tone.get("defensive")
    claimed: list[tuple[int, int]] | None = None
    for m in pattern.finditer(masked):
        if defensive is None:
            return m
        if claimed is None:
            claimed = [d.span() for d in defensive.finditer(masked)]
        if not any(start <= m.start() and m.end() <= end for start, end in claimed):
            return m
    return None


# How negative the customer's post must be for warm thanks to read as mock courtesy; a post
# with any praise in it ("5 stars", "super polite", "that's how it's done") is not hostile,
# however its damage words score.
_HOSTILE_POST = -0.4
_PRAISE = re.compile(
    r"\b([3-5] ?(stars?|stelle)|[3-5]/5|thanks?|thank you|great|brilliant|excellent|amazing|"
    r"love[ds]?|perfect|polite|helpful|kind|quick|fast|well done|how it's done|grazie|ottim\w*|"
    r"perfett\w*|gentil\w*|bravissim\w*|veloc\w*|cortes\w*|disponibil\w*|consiglio)\b",
    re.IGNORECASE,
)


def _mock_courtesy(run: CheckRun) -> re.Match[str] | None:
    """Warm thanks for a hostile post ("thanks for the lovely message" to "your showroom is a
    joke"): courtesy that can only be mock. The post's sentiment is read only when the draft
    holds such thanks."""
    pattern = run.lexicon.tone.get("mock_courtesy")
    post = run.ctx.post_text
    m = pattern.search(run.draft.own_words) if pattern is not None and post else None
    if m is None or _PRAISE.search(post) or sentiment(post, run.lexicon.language) > _HOSTILE_POST:
        return None
    return m


def _mock_congratulations(run: CheckRun) -> re.Match[str] | None:
    """Congratulations on what the customer found or got ("complimenti, hai trovato il pezzo da
    collezione", "congrats, you found the one faulty batch"), in reply to a post with no praise
    in it: a misfortune is being congratulated, which can only be mock. A post that praises or
    celebrates ("I won your giveaway, thanks!") makes them sincere. (The post's sentiment is no
    guide: "so my fan is one of the recalled ones" scores positive on "fan".)"""
    m = None
    for key in ("mock_congratulations", "mock_praise"):
        pattern = run.lexicon.tone.get(key)
        m = pattern.search(run.draft.own_words) if pattern is not None else None
        if m is not None:
            break
    post = run.ctx.post_text
    if m is None or _PRAISE.search(post) or _CELEBRATES.search(post):
        return None
    return m


# How positive a post must read for laughter in the reply to be shared, not aimed at it; and
# the kinds of draft that answer an incident, where laughter never belongs, whatever the post.
_PRAISING_POST = 0.3
_CRISIS_KINDS = frozenset({"apology", "holding_statement", "status_update", "resolution_update"})
# Delight that _PRAISE (shared with the mock-courtesy readings) leaves out on purpose: "best"
# also wishes luck in a hostile post; here it must come with a positive post and no problem.
_DELIGHT = re.compile(
    r"\b(best|favou?rite|obsessed|adore[sd]?|wow|migliore|preferit[aoie]|ador[oai]\w*|"
    r"stupend\w*|fantastic\w*|meraviglios\w*)\b",
    re.IGNORECASE,
)
# Thanks that are a complaint (VADER scores "thanks for nothing" as positive).
_THANKS_FOR_NOTHING = re.compile(
    r"\b(thanks|thank you) for nothing\b|\bgrazie (di|per) (niente|nulla)\b", re.IGNORECASE
)


def _laughter(run: CheckRun) -> re.Match[str] | None:
    """Laughter in the draft ("haha", "lol", "ahah"): at a complaint it can only mock. In
    reply to praise with no problem in it ("my dog won't leave the new bed, best purchase
    ever!") a playful brand may laugh along, so it is not read there. A playful complaint
    ("lol my parcel is in Narnia again") praises nothing and keeps it sarcasm."""
    pattern = run.lexicon.tone.get("laughter")
    m = pattern.search(run.draft.own_words) if pattern is not None else None
    post = run.ctx.post_text
    if m is None or not post or run.ctx.kind in _CRISIS_KINDS:
        return m
    words = {w.lower() for w in _WORD.findall(post)}
    praise = (_PRAISE.search(post) or _DELIGHT.search(post)) and not (
        words & run.lexicon.problem_words or _THANKS_FOR_NOTHING.search(post)
    )
    return None if praise and sentiment(post, run.lexicon.language) >= _PRAISING_POST else m


def _mock_thanks(run: CheckRun) -> re.Match[str] | None:
    """(r24) Thanks for the customer's tip or insight in a draft that is sarcastic ("Sure,
    because boxes carry themselves. Thanks for the tip."): mock thanks that dismiss what the
    customer said. Sincere thanks for a tip are common, so they count only beside sarcasm."""
    pattern = run.lexicon.tone.get("mock_thanks")
    sarcasm = run.lexicon.tone.get("sarcasm")
    own = run.draft.own_words
    m = pattern.search(own) if pattern is not None else None
    if m is None or sarcasm is None:
        return None
    # (r30) The sarcasm must lie outside the thanks' own sentence: thanks followed by their
    # own mock deference ("thanks for the lecture, we'll run every plan past you first") is one
    # sarcastic remark (tone.sarcasm), not thanks that dismiss beside a sarcasm.
    start, stop = run.draft.sentence_at(m.start())  # own words keep the masked text's places
    if not any(s.end() <= start or s.start() >= stop for s in sarcasm.finditer(own)):
        return None
    return m


_CELEBRATES = re.compile(
    r"\b(won|win|winner|giveaway|contest|competition|prize|birthday|wedding|engaged|graduat\w*|"
    r"vinto|vinc\w+|concorso|premio|compleanno|matrimonio|laure\w+)\b",
    re.IGNORECASE,
)


def _check_register(run: CheckRun) -> None:
    masked = run.draft.own_words
    pattern = run.lexicon.tone.get("register")
    m = pattern.search(masked) if pattern is not None else None
    if m:
        run.fail(
            "tone.register",
            m.span(),
            f"{m.group(0)!r} is not a calm register.",
            "Use one full stop or question mark.",
        )
        return
    letters = _LETTER.findall(masked)
    if len(letters) >= 20 and sum(1 for c in letters if _SHOUT.match(c)) / len(letters) > 0.6:
        run.fail(
            "tone.register",
            None,
            "Most of the draft is in capitals, which reads as shouting.",
            "Write in normal sentence case.",
        )


def _check_readability(run: CheckRun) -> None:
    if len(run.draft.words) < 15:
        return
    rule = run.policy.channel_rule(run.ctx.channel)
    limit = rule.max_readability or run.policy.tone.max_readability.get(run.lexicon.language)
    if limit is None:
        return
    # A greeting line ("Dear customer,", "Gentile cliente,") is not a sentence: counted as one,
    # it would halve the length of the sentence that follows it.
    score = lix(_GREETING.sub("", run.draft.own_words, count=1))
    if score > limit:
        run.fail(
            "tone.readability",
            None,
            f"Hard to read for {run.ctx.channel} (LIX {score:.0f}; the limit is {limit:.0f}): "
            "long sentences or many long words.",
            "Split long sentences and use everyday words.",
            evidence=f"LIX {score:.0f}",
        )
