"""The moves a crisis reply is made of (acknowledge, apologise, next step, ...), per language.

The composer assembles drafts move by move; the order per draft kind is in ``MOVE_ORDER``.
"""

from __future__ import annotations

import re
from functools import lru_cache

MOVE_ORDER: dict[str, list[str]] = {
    "reply": ["acknowledge", "apologise", "next_step", "move_to_dm"],
    "apology": ["acknowledge", "apologise", "next_step", "move_to_dm"],
    "holding_statement": ["acknowledge", "state_status", "next_step", "next_update"],
    "status_update": ["state_status", "next_step", "next_update"],
    "resolution_update": ["state_resolution", "apologise", "thank"],
    "dm_followup": ["thank", "next_step"],
}

_PATTERNS: dict[str, dict[str, str]] = {
    "en": {
        "acknowledge": r"\b(we (can )?(see|understand|hear|know|get)|thanks? (you )?for (letting|"
        r"flagging|reaching|telling|raising|your patience|bearing)|not the experience|not what you|"
        r"that's (frustrating|not ok|not good)|frustrat|understandabl|we're aware|we are aware|"
        r"we've (seen|noticed)|you're right)",
        "apologise": r"\b(sorry|apologi[sz]e|apologies|our apologies)\b",
        "next_step": r"\b(we('ll| will)|we're (looking|checking|working|investigating|on it)|"
        r"we are (looking|checking|working|investigating)|our team (is|will|has)|let us|"
        r"(please|can you|could you) (send|share|check|try|let|reach|follow|drop|dm|contact)|"
        r"here's (how|what)|you can|next step)",
        "move_to_dm": r"(\bDMs?\b|direct message|private message|message us privately|"
        r"send us a (dm|message)|in private|privately)",
        "thank": r"\b(thank|thanks)\b",
        "next_update": r"\b(next update|update (you|again|here)|we'll (post|share) (an|another|"
        r"more|the next)|keep you (posted|updated)|further updates?)\b",
        "state_status": r"\b(currently|right now|is (down|back|restored|fixed|affected)|"
        r"we've identified|investigating|affected)\b",
        "state_resolution": r"\b(resolved|fixed|restored|back to normal|working again)\b",
    },
    "it": {
        "acknowledge": r"\b(capisco|capiamo|comprendo|comprendiamo|grazie (per|di) (averci|"
        r"la segnalazione|la pazienza|avercelo|aver segnalato|la tua pazienza)|non è l'esperienza|"
        r"hai ragione|immagino|sappiamo|siamo a conoscenza|abbiamo visto)",
        "apologise": r"\b(scus\w*|ci dispiace|mi dispiace|siamo dispiaciuti)",
        "next_step": r"\b(stiamo|verificheremo|controlleremo|ti aggiorneremo|ci occuperemo|"
        r"il nostro team|(puoi|potresti) (inviarci|scriverci|mandarci|controllare|verificare)|"
        r"scrivici|ti contatteremo|provvederemo|faremo)",
        "move_to_dm": r"(\bDM\b|messaggio privato|messaggio diretto|in privato|in DM|"
        r"scrivici in privato)",
        "thank": r"\b(grazie|ti ringraziamo|ringraziamo)\b",
        "next_update": r"\b(prossimo aggiornamento|ti aggiorneremo|vi aggiorneremo|"
        r"nuovo aggiornamento|ulteriori aggiornamenti|aggiorneremo)",
        "state_status": r"\b(al momento|attualmente|stiamo verificando|abbiamo identificato|"
        r"è (di nuovo|tornato|ripristinato)|interessat)\w*",
        "state_resolution": r"\b(risolto|risolta|ripristinat\w*|tornato a funzionare|"
        r"funziona di nuovo|normalità)",
    },
}


@lru_cache(maxsize=4)
def _compiled(language: str) -> dict[str, re.Pattern[str]]:
    table = _PATTERNS.get(language, _PATTERNS["en"])
    return {move: re.compile(pattern, re.I) for move, pattern in table.items()}


def moves_of(text: str, language: str = "en") -> frozenset[str]:
    """The moves a sentence makes, e.g. ``{"apologise", "move_to_dm"}``."""
    return frozenset(move for move, rx in _compiled(language).items() if rx.search(text))
