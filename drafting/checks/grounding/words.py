"""What a claim is about: its content words and their stems, for matching a draft's sentence
against the facts that say the same thing in other words."""

from __future__ import annotations

import re
from functools import lru_cache

from drafting.checks.claims import numeric_claims
from drafting.language import STOPWORDS

_EXTRA_STOP_WORDS = (
    "some very high low more less much many issue issues problem problems technical side "
    "certain current recent unexpected temporary ongoing earlier later early small large "
    "alcuni alcune alcuni molto problema problemi tecnico tecnici "
    # A kind of problem named in general ("an organisational issue", "una problematica
    # organizzativa") gives no cause, as "technical" gives none.
    "organisational organizational operational logistical internal tecnica tecniche "
    "organizzativo organizzativa organizzativi organizzative operativo operativa operativi "
    "operative logistico logistica logistici logistiche interno interna interni interne "
    "problematica problematiche disguido disguidi inconveniente inconvenienti "
    # Words that say "this caused that" carry no cause of their own ("a fault in our checkout
    # caused it": the cause is the checkout fault).
    "caused causes causing broke broken triggered behind responsible meant reason "
    "causato causata causati provocato provocata provocati motivo"
)
_EXTRA_STOP = frozenset(_EXTRA_STOP_WORDS.split())
# Function words of four letters or more that the language-detection list leaves out:
# auxiliaries and modals in every form, pronouns, determiners, prepositions and conjunctions,
# and what a contraction or an elision leaves of its word ("weren't" -> "weren", "dell'ordine"
# -> "dell"). They say nothing about what a claim is about: "the orders weren't saved" claims
# what "orders that were declined were not saved" says.
_FUNCTION_WORDS = (
    # English: auxiliaries, modals and their negated stems.
    "were being does doesn didn done doing having hasn haven wasn weren aren isn couldn "
    "wouldn shouldn mustn needn might must shall ought "
    # English: pronouns, determiners, prepositions, conjunctions, adverbs of degree and time.
    "they them their theirs these those which whose whom where while whilst than then "
    "also into onto upon over under each every either neither both such only even still "
    # (r24) Adverbs of time say when, not what: "because it had already shipped" gives the
    # order's state, not a cause of its own ("già" and "ora" are shorter than four letters).
    "already ancora "
    "again once ever very just that this there here what when with within without from "
    "because since until though although unless whether about above below after before "
    "between through during against among around across toward towards yours ours itself "
    "themselves ourselves yourself someone anyone everyone something anything everything "
    "nothing "
    # Italian: auxiliaries and modals ("essere", "avere", "potere", "dovere", "venire" as the
    # passive auxiliary), in the forms a reply uses.
    "essere stato stata stati state sarà saranno sarebbe sarebbero siete erano avere "
    "avuto avuta hanno avete aveva avevano avrà avranno viene vengono verrà verranno venire "
    "potete possono potrà potranno potrebbe potremmo deve devono dovrà dovranno dobbiamo "
    "vuole vogliono fare fatto fatta fatti fatte facciamo "
    # Italian: pronouns, determiners, prepositions (with their elided forms) and conjunctions.
    "loro questi queste quello quella quelli quelle quale quali qualche nessun nessuno "
    "nessuna altro altra altri altre stesso stessa stessi stesse tutta tutte nostre "
    "vostri vostre suoi miei mentre oppure quindi dunque perciò poiché affinché senza "
    "prima sempre circa solo soltanto così cioè dell nell dall sull all quest quell "
    "degli dello negli nello sugli sullo agli allo alle dagli dallo nelle sulle "
)
_EXTRA_STOP = _EXTRA_STOP | frozenset(_FUNCTION_WORDS.split())


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    words: set[str] = set(_EXTRA_STOP)
    for text in STOPWORDS.values():
        words.update(text.split())
    return frozenset(words)


def content_words(text: str) -> list[str]:
    stop = _stopwords()
    return [w for w in re.findall(r"[^\W\d_]{4,}", text.lower()) if w not in stop]


# Words around a figure that say nothing about what it is for.
_FIGURE_WORDS = frozenset(
    {"within", "take", "takes", "taking", "least", "most", "about", "around", "than", "only"}
)


@lru_cache(maxsize=4096)
def topic(text: str) -> frozenset[str]:
    """Stems of what a sentence is about: its content words, figures left out."""
    for claim in reversed(numeric_claims(text)):
        text = text[: claim.start] + " " + text[claim.end :]
    text = _REPLY_PHRASE.sub(" reply ", text)
    return frozenset(
        _SAME_TOPIC.get(w[:4], w[:4]) for w in content_words(text) if w not in _FIGURE_WORDS
    )


# Stems that say the same thing: "our office will answer within 24 hours" is about e-mail
# replies as much as "e-mail replies come within 24 hours".
_SAME_TOPIC = {"answ": "repl", "resp": "repl", "risp": "repl"}
# ... and so do the phrases of writing back: "a member of our team will get back to you within
# 24 hours", "you'll hear from us", "ti ricontattiamo entro 24 ore".
_REPLY_PHRASE = re.compile(
    r"\b(get(ting)? back to|come back to|be in touch with|hear (back )?from|write back to)\b|"
    r"\b(ricontatt|richiam|riscriv)\w*",
    re.IGNORECASE,
)
