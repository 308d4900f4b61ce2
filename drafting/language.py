"""Which language a short text is in, from its function words (no model, microseconds).

crisisdraft answers in English and Italian; Spanish, French, German and Portuguese are
recognised so that a post in one of them is not mistaken for a supported language.
"""

from __future__ import annotations

import re
from functools import lru_cache

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "it")
RECOGNISED_LANGUAGES: tuple[str, ...] = ("en", "it", "es", "fr", "de", "pt")
UNKNOWN = "other"

STOPWORDS: dict[str, str] = {
    "en": "the and you your we to of is are for with this that it on in be have our please "
    "thanks thank sorry will can not us i my me was what how here hi hello there they has "
    "been just if let know would could should from at by an about any all more when am",
    "it": "il lo gli la le di che è e per con non una un del della dei delle nel nella sono "
    "siamo ci ti tuo tua grazie ciao scusa anche ma come questo questa abbiamo hai ha sei "
    "molto più già dispiace perché cosa qui alle dalle sul sulla al alla ai agli ancora "
    "stiamo vi ordine nostro nostra entro tra dopo può puoi da dal dalla dai dello degli nei "
    "sui quando dove però poi ecco tuoi tue suo sua nostri vostro vostra subito ogni tutto "
    "tutti scrivici dispiace ci sono "
    # Short words Italian shares with other languages ("i biglietti", "in arrivo", "si
    # prendono", "se vuoi", "mi scrivi"): shared, they weigh less, but without them a short
    # Italian reply read as English from "i" and "in" alone (and its Italian rules never ran).
    "i in si se mi ne",
    "es": "el los las que de y en un una es por con no para lo su tu pero muy gracias hola "
    "está estamos nuestro nuestra pedido también del al como más hemos usted lamentamos "
    "tienes puedes nos",
    "fr": "le la les des de et est pour avec ne pas vous nous une un du au aux ce cette sur "
    "dans merci bonjour votre notre désolé désolés commande très mais ou qui que sont êtes "
    "avons je il elle n'est c'est oui à avant chaque aussi vos nos leur leurs été être sera "
    "avez pouvez ici déjà",
    "de": "der die das und ist nicht mit für ein eine wir sie ihr ihre ich du danke bitte "
    "auf zu den dem des im es auch sind haben hallo leider bestellung uns wie was noch "
    "kein keine",
    "pt": "o a os as de do da dos das em no na um uma que é não para com por obrigado "
    "obrigada olá você vocês seu sua nosso nossa pedido muito mas também está estamos",
}

# A hyphenated word is one word: "e-mail" is not the Italian "e" (and).
_WORD = re.compile(r"[a-zà-öø-ÿ']+(?:-[a-zà-öø-ÿ']+)*")
_URL_OR_HANDLE = re.compile(r"https?://\S+|www\.\S+|@\w+|#\w+")


@lru_cache(maxsize=1)
def _weights() -> dict[str, dict[str, float]]:
    """word -> {language: weight}; a word shared by n languages weighs 1/n in each."""
    owners: dict[str, list[str]] = {}
    for lang, words in STOPWORDS.items():
        for word in set(words.split()):
            owners.setdefault(word, []).append(lang)
    return {w: {lang: 1.0 / len(langs) for lang in langs} for w, langs in owners.items()}


def language_scores(text: str) -> dict[str, float]:
    """Function-word score per recognised language."""
    weights = _weights()
    scores: dict[str, float] = {}
    for word in _WORD.findall(_URL_OR_HANDLE.sub(" ", text.lower().replace("’", "'"))):
        for lang, weight in weights.get(word, {}).items():
            scores[lang] = scores.get(lang, 0.0) + weight
        if "'" in word:  # l'ordine, dell'ordine, c'est
            head = word.split("'", 1)[0] + "'"
            if head in ("l'", "dell'", "all'", "un'", "nell'", "dall'", "sull'", "quest'"):
                scores["it"] = scores.get("it", 0.0) + 1.0
    return scores


def language_of(text: str) -> str:
    """``en``, ``it``, ``es``, ``fr``, ``de`` or ``pt`` when the text says so clearly, else
    ``other``."""
    scores = language_scores(text)
    if not scores:
        return UNKNOWN
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if top >= 1.0 and top >= 1.5 * second:
        return best
    return UNKNOWN


def is_supported(language: str) -> bool:
    return language in SUPPORTED_LANGUAGES
