"""voice.*: banned words, sign-off, exclamation marks, capitals and register (tu/Lei)."""

from __future__ import annotations

import re
from functools import lru_cache

from drafting.checks.checkrun import CheckRun
from drafting.checks.draft import normalise
from drafting.language import language_scores

CAPS_WORD = re.compile(r"(?<![\w^*/\[<{_-])[A-ZÀ-Ý]{2,}(?:'[A-Z]+)?(?![\w\]>}_-])")
_ACRONYMS_WORDS = (
    "CET CEST GMT BST UTC PST EST EUR USD GBP CHF GDPR COVID FAQ FAQS HTTP HTTPS HTML PDF SMS "
    "DM DMS PIN ID OK UK US USA EU IT TV PC PS PSN IVA CAP NFC QR VAT IBAN ATM API APP URL "
    "ETA NB PS IOS AI NHS CEO CPU GPU RAM USB WIFI LED TBC TBD ASAP PDT PT AM PM UPS DHL GLS "
    "BRT SDA TNT DPD SRL SPA LTD INC VK PO RSVP NASA FIFA UEFA HDMI DVD"
)
ACRONYMS = frozenset(_ACRONYMS_WORDS.split())

# Words in capitals one after another ("VOGLIO UNA SOLUZIONE"), or a single one ("AGCM").
_CAPS_RUN = re.compile(r"(?<![\w-])[A-ZÀ-Ý]{2,}(?:[ \t]+[A-ZÀ-Ý]{2,})*(?![\w-])")

#: Short words that are only ever capitalised for emphasis.
_EMPHASIS_WORDS = (
    "SO NOT ALL YES NO WHY NOW YOU WE ARE OUR THE AND NON SÌ MAI "
    # A conjunction in capitals is a contrast shouted ("39 euro, MA include ...").
    "BUT MA PIÙ "
    # An auxiliary in capitals is insisting ("We DID send it").
    "DID DO HAS HAD WAS IS CAN"
)
EMPHASIS = frozenset(_EMPHASIS_WORDS.split())


def check(run: CheckRun) -> None:
    draft, voice = run.draft, run.policy.voice
    if run.enabled("voice.banned_word") and run.compiled.banned is not None:
        hits = list(run.compiled.banned.finditer(draft.own_words))
        if hits:
            more = f" (and {len(hits) - 1} more)" if len(hits) > 1 else ""
            run.fail(
                "voice.banned_word",
                hits[0].span(),
                f"Uses {hits[0].group(0)!r}{more}, which the brand's voice bans.",
                "Say it in plain words instead (see the voice guidelines).",
            )
    _check_sign_off(run)
    _check_exclamations(run)
    if voice.no_capitals_for_emphasis and run.enabled("voice.capitals"):
        for m in CAPS_WORD.finditer(draft.masked):
            word = m.group(0)
            short = len(word) < 4 and word not in EMPHASIS
            if word in ACRONYMS or (short and not _caps_run(draft.masked, m)):
                continue
            if word in _names_in_capitals(run.ctx.post_text, "\n".join(run.ctx.facts)):
                continue  # "AGCM": the name the customer or the facts use
            run.fail(
                "voice.capitals",
                m.span(),
                f"{word!r} is written in capitals for emphasis.",
                "Write it in lower case; the words carry the meaning.",
            )
            break
    _check_formality(run)


@lru_cache(maxsize=256)
def _names_in_capitals(post: str, facts: str) -> frozenset[str]:
    """Words the facts write in capitals, and those the post writes in capitals on their own
    (an authority's acronym, "AGCM"); a run of them in the post ("DO IT NOW") is shouting."""
    names = {m.group(0) for m in CAPS_WORD.finditer(facts)}
    names.update(m.group(0) for m in _CAPS_RUN.finditer(post) if len(m.group(0).split()) == 1)
    return frozenset(names - EMPHASIS)  # "this is NOT ok": NOT is never a name


def _caps_run(text: str, m: re.Match[str]) -> bool:
    """Short capitalised words count when they sit next to another one ("SO SORRY")."""
    after = CAPS_WORD.match(text, m.end() + 1) if m.end() + 1 <= len(text) else None
    return after is not None and after.group(0) not in ACRONYMS


def _check_sign_off(run: CheckRun) -> None:
    ctx = run.ctx
    if ctx.channel not in run.policy.voice.sign_off_required_on or not run.enabled(
        "voice.sign_off"
    ):
        return
    sign_off = ctx.brand.sign_off.get(run.language) or ctx.brand.sign_off.get(run.lexicon.language)
    if not sign_off:
        return
    tail = normalise(run.draft.text.rstrip())[-(len(sign_off) + 25) :]
    if normalise(sign_off) in tail:
        return
    if run.language not in ctx.brand.sign_off and any(
        normalise(s) in tail for s in ctx.brand.sign_off.values()
    ):
        return  # a language the brand has no sign-off for: channel.language reports the draft
    others = {lang: s for lang, s in ctx.brand.sign_off.items() if s != sign_off}
    if any(normalise(s) in tail and _opens_in(run, lang) for lang, s in others.items()):
        return  # a mixed draft signed in the language it opens with
    wrong = [s for s in others.values() if s in run.draft.text]
    why = f" It is signed {wrong[0]!r}, the sign-off of another language." if wrong else ""
    run.fail(
        "voice.sign_off",
        None,
        f"Doesn't end with the sign-off {sign_off!r}.{why}",
        f"End the reply with {sign_off!r}.",
        evidence=wrong[0] if wrong else None,
    )


_FIRST_CLAUSE = re.compile(r"[.!?:\n]")


def _opens_in(run: CheckRun, language: str) -> bool:
    """Whether the draft's first clause reads as ``language`` rather than the language the rest
    was detected as ("Le mie istruzioni dicono: You are ..." opens in Italian)."""
    first = _FIRST_CLAUSE.split(run.draft.text.strip(), maxsplit=1)[0]
    scores = language_scores(first)
    mine = scores.get(language, 0.0)
    return mine > 0 and mine >= max(scores.values()) and scores.get(run.language, 0.0) < mine


def _check_exclamations(run: CheckRun) -> None:
    if not run.enabled("voice.exclamation"):
        return
    voice, draft = run.policy.voice, run.draft
    marks = [m.start() for m in re.finditer("!", draft.masked)]
    if not marks:
        return
    kind = run.ctx.kind
    if kind in voice.no_exclamations_in:
        run.fail(
            "voice.exclamation",
            (marks[0], marks[0] + 1),
            f"An exclamation mark in {_article(kind)}; the brand never uses them there.",
            "Replace it with a full stop.",
        )
        return
    apologise = run.compiled.moves.get("apologise")
    if voice.no_exclamations_in_apologies and apologise is not None:
        for pos in marks:
            start, end = draft.sentence_at(pos)
            if apologise.search(draft.masked[start:end]):
                run.fail(
                    "voice.exclamation",
                    (pos, pos + 1),
                    "An exclamation mark in an apology sounds cheerful, not sincere.",
                    "Replace it with a full stop.",
                )
                return
    if voice.max_exclamations is not None and len(marks) > voice.max_exclamations:
        pos = marks[voice.max_exclamations]
        run.fail(
            "voice.exclamation",
            (pos, pos + 1),
            f"{len(marks)} exclamation marks; the brand allows {voice.max_exclamations}.",
            "Keep at most one, for good news or thanks.",
        )


def _check_formality(run: CheckRun) -> None:
    if not run.enabled("voice.formality"):
        return
    table = run.policy.voice.formality.get(run.lexicon.language)
    if not table or not run.lexical:
        return
    wanted = table.get(run.ctx.channel, table.get("default", "any"))
    lex = run.lexicon
    if wanted == "informal" and lex.formal_markers is not None:
        m = lex.formal_markers.search(run.draft.masked)
        if m:
            run.fail(
                "voice.formality",
                m.span(),
                f"{m.group(0)!r} is formal; on {run.ctx.channel} the brand writes "
                f"informally{' (tu)' if run.language == 'it' else ''}.",
                "Rewrite it in the informal register"
                + (" (tu: ti, tuo, puoi)." if run.language == "it" else "."),
            )
    elif wanted == "formal" and lex.informal_markers is not None:
        m = lex.informal_markers.search(run.draft.masked)
        if m:
            run.fail(
                "voice.formality",
                m.span(),
                f"{m.group(0)!r} is informal; on {run.ctx.channel} the brand writes "
                f"formally{' (Lei)' if run.language == 'it' else ''}.",
                "Rewrite it in the formal register"
                + (" (Lei: La, Suo, può)." if run.language == "it" else "."),
            )


def _article(kind: str) -> str:
    words = kind.replace("_", " ")
    return ("an " if words[0] in "aeiou" else "a ") + words
