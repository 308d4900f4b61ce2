"""Which language a post is in, for triage.

``drafting.language.language_of`` (the checks' detector, tuned on replies) answers first;
when it cannot tell, this module's second opinion reads what posts use and replies rarely do
(first-person words, "why", "niente", "riesco") and tell-tale spellings ("-zione", "ñ", "ß"):
English and Italian, with Spanish, French, German and Portuguese recognised so they can be
refused.
"""

from __future__ import annotations

import re
from collections import Counter

from drafting.language import UNKNOWN
from drafting.language import language_of as replies_language_of

_TOKEN = re.compile(r"[a-zàâäçéèêëîïíìôöóòûüúùñãõß']+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words(
        """the and is are was were to of in it my your you i me for on with that this
        have has not can't cannot don't didn't won't be at from or but what how why when
        please thanks help just still again any there they we our an a do does get got been
        it's i'm i've can will would should could been after before because since who"""
    ),
    "it": _words(
        """il lo la le gli i un una di del della dei che è e non per con mi ho ha
        sono mio mia miei vostro vostra avete siete ancora grazie come perché quando dove
        anche ma se al alla nel nella più già questo questa ci da dal dopo ogni volta niente
        tutto tutta tutti sempre mai ora oggi ieri ancora però solo vi ci hanno abbiamo
        essere stato stata fatto fare cosa qualcuno nessuno riesco posso voglio"""
    ),
    "es": _words(
        """el la los las que y es de del en un una por para con mi no se lo muy
        pero como está gracias ayuda todavía cuando dónde porque han nadie mis su tengo
        hay ya también pedido después nada"""
    ),
    "fr": _words(
        """le la les des est et de du un une pour avec mon ma mes ne pas je vous
        nous que qui sur dans merci aide encore quand où parce toujours ai être très mais
        commande rien"""
    ),
    "de": _words(
        """der die das und ist nicht ich mein meine mit für auf ein eine den dem
        sie wir zu von bitte danke hilfe noch wann wo warum aber habe keine kein auch"""
    ),
    "pt": _words(
        """o a os as que é e de do da em um uma para com meu minha não se por
        mas como obrigado obrigada ajuda ainda quando onde porque está você nada pedido"""
    ),
}
#: Spellings only one of these languages uses.
_MARKERS: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"\b\w+(ing|ed|ly)\b|\b\w+n't\b|\bth\w+|\bw(h|o|a)\w+|\b\w+'s\b"),
    "it": re.compile(
        r"\b\w+(zione|zioni|mente|ato|ata|ati|ete|ono|iamo|gli|cch\w|ggi\w|zz\w)\b|\b(l|un|dell|all|nell|c|dov|com|quest)'\w"
    ),
    "es": re.compile(r"ñ|¿|¡|\b\w+(ción|ciones|ado|ada|amos)\b"),
    "fr": re.compile(r"\b(l|d|j|n|qu|c)'\w|\b\w+(eau|eux|ait|ée|ées)\b|ç"),
    "de": re.compile(r"ß|\b\w+(ung|lich|keit|chen)\b|\bsch\w+"),
    "pt": re.compile(r"ã|õ|\b\w+(ção|ções|inho|inha)\b"),
}
#: How many of the languages use each stop word (a shared word counts 1/n for each).
_LANGS_OF: Counter[str] = Counter(w for words in _STOPWORDS.values() for w in words)
MIN_SCORE = 1.5


def detect_language(text: str) -> str | None:
    """Best guess from stop words (shared ones count less) and tell-tale spellings; None
    when the text is too short or too mixed to tell."""
    text = re.sub(r"https?://\S+|@\w+|#\w+", " ", text.lower())
    tokens = _TOKEN.findall(text)
    scores = {
        lang: sum(1 / _LANGS_OF[t] for t in tokens if t in words)
        + 0.5 * len(_MARKERS[lang].findall(text))
        for lang, words in _STOPWORDS.items()
    }
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top < MIN_SCORE or top < second * 1.25:
        return None
    return best


def language_of(text: str) -> str | None:
    """ISO 639-1 code of ``text``, or None when it cannot be told."""
    code = replies_language_of(text)
    return code if code != UNKNOWN else detect_language(text)
