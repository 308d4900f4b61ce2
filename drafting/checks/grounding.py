"""grounding.*: every amount, percentage, count, date, duration, cause and promise in the draft
must appear in the incident facts, the cited sources or the policy's standing facts.

With neither facts nor sources there is nothing to check a claim against: unsupported claims
are then reported as warnings ("could not be verified") rather than blocks.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cached_property, lru_cache

from drafting.checks.catalogue import CheckSeverity
from drafting.checks.checkrun import CheckRun
from drafting.checks.claims import Claim, numeric_claims
from drafting.language import STOPWORDS

#: What a promise commits to, with word stems in English and Italian.
CONCEPTS: dict[str, tuple[str, ...]] = {
    # ... and money given back in other words ("you'll get it paid back", "Le verranno
    # restituiti i soldi", "la banca ti ridà tutto", "riavrai i tuoi soldi").
    "refund": (
        "refund",
        "reimburs",
        "rimbors",
        "money back",
        "pay you back",
        "paid back",
        "repay",
        "restitui",
        "ridà",
        "ridar",
        "ridann",
        "riavr",
        "soldi indietro",
    ),
    "replacement": (
        "replac",
        "sostitu",
        "new one",
        # "ti mandiamo quella nuova": the new one, in Italian.
        "quella nuova",
        "quello nuovo",
        "uno nuovo",
    ),
    # Not "ripart-": "la ripartenza" (the restart) repairs nothing.
    "repair": ("repair", "ripara", "ripare", "ripari", "riparo"),
    "delivery": (
        "deliver",
        "consegn",
        "arrive ",
        "arrive.",
        "arrive,",
        "order will arrive",
        "parcel will arrive",
        "package will arrive",
        "will arrive soon",
        "will reach you",
        "ordine arriverà",
        "pacco arriverà",
        "arriverà presto",
        "ti arriverà",
        "le arriverà",
        "will arrive",
        "arriverà",
        "arriveranno",
        "be with you",
        # The facts' present tense ("le fatture arrivano entro venerdì") supports the future.
        "arrivano",
        "arriva ",
    ),
    "dispatch": (
        "dispatched",
        "dispatch it",
        "dispatch your",
        "shipped",
        "ship it",
        "ship your",
        "spediremo",
        "spedito",
        "spedita",
        "spediti",
        "partirà",
        "partiranno",
    ),
    "fix": (
        "fix",
        "corrected",
        "restor",
        "resolv",
        "risolv",
        "risolt",
        "ripristin",
        "working again",
        "funziona di nuovo",
        "be back",
        "back soon",
        "back up",
        "sarà di nuovo",
        "tornerà",
    ),
    "collection": ("collect", "pick up", "pick-up", "ritir"),
    "voucher": ("voucher", "buono", "coupon", "gift card", "carta regalo"),
    "credit": ("store credit", "account credit", "credito"),
    "compensation": (
        "compensat",
        "risarc",
        "indennizz",
        "pay for",
        "pay your",
        "cover your",
        "cover the cost",
        "cover the damage",
        "cover any damage",
        "cover your damage",
        "pay for the damage",
        "cover all",
        "medical cost",
        "medical bill",
        "spese mediche",
        "paghere",
        "copriremo",
        # Money paid out or a loss covered, whoever pays ("will cover it in full", "we will
        # transfer the money", "ti facciamo un bonifico").
        "cover it",
        "cover the loss",
        "cover your loss",
        "cover the money",
        "pay you",
        "transfer the money",
        "transfer you",
        "bonific",
        "coprirà",
        "copriranno",
    ),
    # ... and a present not named ("we'll send a little something your way", "un pensierino").
    "gift": (
        "gift",
        "omaggi",
        "regalo",
        "little something",
        "something your way",
        "something special",
        "pensierino",
        "piccolo pensiero",
        # Something given for nothing ("a free set of cushion covers", "una lampada in omaggio").
        "free set",
        "free gift",
        "free bottle",
        "free pair",
        "free item",
        "un omaggio",
        "complimentary",
        "in omaggio",
        "in regalo",
    ),
    # Free time on a membership or subscription ("an extra month of Plus for free").
    "free membership time": (
        "extra month",
        "extra week",
        "extra year",
        "free month",
        "free year",
        "free week",
        "anno gratis",
        "anno in omaggio",
        "month for free",
        "months for free",
        "mese in più",
        "mesi in più",
        "mese gratis",
        "mesi gratis",
        "mese in omaggio",
        "mesi in omaggio",
        "mese gratuito",
        "mesi gratuiti",
    ),
    # Not the bare "scont": "non serve lo scontrino" (no receipt needed) grants no discount.
    "discount": ("discount", "sconto", "sconti", "scontat", "% off", "off your next"),
    # Money taken from the customer ("we'll deduct the extra from your next order").
    "deduction": (
        "deduct",
        "debit",
        "charge you",
        "charge your",
        "addebit",
        "trattener",
        "tratterremo",
        "detrarr",
        "detrarremo",
        "scaleremo",
    ),
    # Points added to a loyalty account ("I'll add 50 points").
    "loyalty points": ("points", "punti"),
    # Costs of shipping paid back ("le rimborseremo anche le spese di spedizione").
    "shipping costs": (
        "shipping cost",
        "postage cost",
        "delivery cost",
        "return shipping",
        "spese di spedizione",
        "costi di spedizione",
        "spese di consegna",
        "spese del reso",
    ),
    "free shipping": (
        "free shipping",
        "free delivery",
        "free express",
        "free next-day",
        "free priority",
        "free postage",
        "shipping is free",
        "spedizione gratuita",
        "spedizione gratis",
        "consegna gratuita",
        "consegna gratis",
        "spese di spedizione gratuite",
        "shipping will be free",
        "delivery will be free",
        "spedizione sarà gratuita",
        "spedizione è gratuita",
        "spedizione sarà gratis",
        "consegna sarà gratuita",
    ),
    # (r22) Money or goods given away to a cause ("we'll make a donation to a charity", "entro
    # Natale doneremo il 10%", "devolveremo il ricavato").
    "donation": (
        "donat",
        "donerem",
        "donerò",
        "doniamo",
        "donare",
        "donazion",
        "devolv",
        "in beneficenza",
        "to charity",
        "to a charity",
    ),
    # (r22) The customer's data erased on request ("we'll delete all your data within 48
    # hours", "cancelleremo i vostri dati", "eliminiamo il tuo profilo").
    "deletion": (
        "delet",
        "erase",
        "erasing",
        "erasure",
        "wipe",
        "wiping",
        "cancellerem",
        "cancellerò",
        "cancelliamo",
        "cancellazion",
        "eliminerem",
        "eliminerò",
        "eliminiamo",
        "eliminazion",
    ),
    # Sending someone to the customer ("one of our technicians will assemble it").
    "visit": (
        "technician",
        "engineer",
        "fitter",
        "assemble it",
        "assemble your",
        "assemble the",
        "send someone",
        "tecnico",
        "tecnici",
        "montarlo",
        "montarla",
        "montaggio a domicilio",
        "mandiamo qualcuno",
        "manderemo qualcuno",
    ),
}
# "Gift" inside a product's name ("gift hampers", "confezione regalo") confirms no gift.
_PRODUCT_COMPOUND = re.compile(
    r"\bgift (hampers?|box(es)?|sets?|wrap\w*|bags?|baskets?|guides?|ideas|shop|range|tags?)\b|"
    r"\b(hampers?|box(es)?|sets?|baskets?) (of )?gifts?\b|"
    r"\b(confezion\w+|cest\w+|scatol\w+|idee|set|pacc\w+) (da |di )?regalo\b",
    re.IGNORECASE,
)
# Words that name a delivery or a gift without promising one ("we'll pass your words to our
# delivery team", "we'll refund the gift wrapping charge"): blanked before a promise is read.
_NOT_A_PROMISE = re.compile(
    rf"{_PRODUCT_COMPOUND.pattern}|"
    r"\bdelivery (team|teams|driver|drivers|crew|crews|staff|guys|people|person|partner|company)\b|"
    r"\b(addett\w+|team|squadra|autist\w+|fattorin\w+|personale) (alle|delle|della|di) consegn\w+|"
    # (r22) A message that reaches the customer ("you'll get a confirmation e-mail", "a text
    # will arrive", "ti arriverà una conferma via e-mail"): a reply, not goods delivered.
    r"\b(ti |le |vi )?arriv\w+ (anche |subito |presto )?(un'|una |un |il |la |le |i |gli )?"
    r"(e-?mail|mail|sms|messaggio|conferma|notifica|link|codice|risposta)\b|"
    r"\b(an? |the |your |our )?([\w-]+ )?(e-?mail|text|sms|message|confirmation|notification|"
    r"link|code|reply)s? (will|'ll|should) (arrive|reach you|be with you)\b",
    re.IGNORECASE,
)
# Facts that confirm a concept in other words: a copy "is posted" to the customer arrives; a
# "re-engraved" board replaces the first one.
_SUPPORTED_BY = {
    "delivery": re.compile(
        r"\b(is|are|was|were|gets?|will be) (posted|sent|mailed)\b|"
        r"\bposted (to|for free|within|by)\b|"
        r"\b(viene|vengono|è|sono|sarà|saranno) (spedit|inviat)\w*|\bspediamo\b",
        re.IGNORECASE,
    ),
    # A return the facts grant is collected or sent back somehow: a collection or a return label
    # for it ("we'll book the collection", "le inviamo l'etichetta per il ritiro") is that return.
    "collection": re.compile(
        r"\b(returns? (is|are) free|free returns?|(request|start|book) (a|the) return|return "
        r"(period|window)|can (still )?(be )?return\w*|periodo di reso|(chiedere|richiedere|fare) "
        r"(il )?reso|resi (sono )?gratuit\w*|reso gratuit\w*|(want|wish|like|choose) to return|"
        r"return\w*\b[^.!?\n]{0,60}\b(free of charge|for free|at no (extra )?cost)|"
        r"restituir\w*[^.!?\n]{0,60}\b(gratis|gratuitamente|senza costi))\b",
        re.IGNORECASE,
    ),
    "replacement": re.compile(
        r"\bre-?(engrav|print|mak|made|stitch|sew|embroider|manufactur)\w*|\b(rifa(re|tto|tta|remo)|"
        r"ristamp\w*|reincis\w*)\b",
        re.IGNORECASE,
    ),
}
_HEDGE = re.compile(
    r"\b(look into|looking into|check|consider|see (if|whether|what)|find out|investigate|explore|"
    r"look at|try to|verificare|verifichiamo|valutare|vedere se|capire se|controllare|"
    r"controlliamo|"
    # "we'll call you to sort out your delivery": a talk about it, not the thing itself.
    r"sort out|sort it out|talk (about|through)|discuss|go (over|through)|parlarne|parlare|"
    r"discutere|capire come|"
    # "we'll tell you the options for a repair": what is on offer is still to be decided.
    r"options?|choices?|alternatives|whether|opzioni|possibilità|alternative)\b",
    re.IGNORECASE,
)
# Any product given for nothing ("a free frying pan", "una padella gratis"), not a free
# service the facts may grant ("a free collection", "un reso gratuito"): a gift.
_FREE_PRODUCT = re.compile(
    r"\b(a|an|some|one) free (?!(shipping|delivery|postage|returns?|collection|pick-?up|repairs?|"
    r"replacements?|of charge|to|call|quote|check|inspection|visit|exchange|swap|cancellation|"
    r"fitting|installation|assembly|upgrade|engineer|technician)\b)[a-z]+|"
    r"\b(un|una|uno|un') (?!(ritiro|reso|riparazione|sostituzione|cambio|montaggio|"
    r"spedizione|consegna|intervento|controllo)\b)[a-zàèéìòù]+ (gratis|gratuit[oa]|in omaggio)\b",
    re.IGNORECASE,
)
# (r22) Whatever is handed over as a gesture is a gift, whatever it is called ("we'd love to
# send you one of our hampers to say sorry", "I can send you 10 EUR by PayPal as an apology",
# "come piccolo gesto ti abbiamo riservato una cesta"): a giving verb and a gesture in one
# clause, in either order. A gesture with no giving verb ("to say sorry, we'll explain what
# went wrong") gives nothing.
_GESTURE = (
    r"(to say sorry|as an apology|by way of (an )?apology|as a (small |little )?(goodwill )?"
    r"gesture|as a (small |little )?(thank[- ]you|token)|to (say )?thank you|to make (it|this|"
    r"things|up for (it|this)) (right|up to you)?|per scusarci|per chiederti scusa|per chiederle "
    r"scusa|come (piccolo )?(gesto|segno|pensiero|ringraziamento)|in segno di (scuse|"
    r"ringraziamento)|a titolo di scuse|per farci perdonare|per ringraziar\w+|per rimediare)"
)
_GIVING = (
    r"(send|sending|post|posting|ship|shipping|courier|mail|give|giving|offer|offering|add|"
    r"adding|added|put|reserve\w*|load\w*|transfer\w*|treat you to|make it up to you with|"
    r"mand\w+|invi\w+|spedi\w+|regal\w+|offr\w+|diamo|darti|darle|darvi|riservat\w|"
    r"caricat\w|aggiunt\w|accreditat\w|bonific\w+)"
)
_GESTURE_ONLY = re.compile(rf"\b{_GESTURE}", re.IGNORECASE)
_GIVEN_AS_GESTURE = re.compile(
    rf"\b{_GIVING}\b[^.!?\n]{{0,80}}?\b{_GESTURE}|\b{_GESTURE}\b[^.!?\n]{{0,60}}?\b{_GIVING}\b",
    re.IGNORECASE,
)
# A gift given as a gesture is whatever the facts grant as one: any kind of compensation, or
# a gesture of goodwill ("The agent proposes 15 EUR by bank transfer as goodwill").
_GESTURE_GRANTS = (
    *(s for c in ("voucher", "gift", "credit", "discount", "compensation", "refund") for s in
      CONCEPTS[c]),
    "goodwill",
    "gesture",
    "gesto",
    "token",
    "transfer",
)  # fmt: skip
# (r22) A concept denied in its own clause ("Non faremo sconti per farci perdonare", "we're not
# offering a refund", "nessun buono"): the cue's own negation is read elsewhere (_NEGATED).
_DENIED = re.compile(
    r"\b(non|not|no|never|mai|nessun[oa]?|né|nor)\s+([\w']+\s+){0,2}$", re.IGNORECASE
)
# The customer's data, what a promised deletion must be about ("delete your account").
_PERSONAL_DATA = re.compile(
    r"\b(data|details|account|profile|records?|history|information|e-?mail address(es)?|"
    r"subscription|dati|profilo|iscrizion\w+|informazion\w+|indirizz\w+|storico|cronologia)\b",
    re.IGNORECASE,
)
_COMING_BACK = re.compile(r"\b(we|i)('ll| will| shall) be back\b", re.IGNORECASE)
_NEGATED = re.compile(r"\b(non|not|never|mai)\s+(\w+\s+)?$", re.IGNORECASE)
_QUESTION = re.compile(r"\b(when|whether|if|how long|quando|se)\s+(\w+\s+)?$", re.IGNORECASE)
# "or sooner if it's fixed before then": what a condition names is not promised. After an
# auxiliary "appena" is "just" ("ti ho appena caricato un buono": done a moment ago), not "as
# soon as" (r22).
_CONDITION = re.compile(
    r"\b(if|once|unless|as soon as|se|(?<!\bho )(?<!\bha )(?<!\babbiamo )(?<!\bhanno )(?<!\bè )"
    r"(?<!\bsono )(?<!\bsiamo )appena|a meno che)\s+([\w']+\s+){0,3}$",
    re.IGNORECASE,
)
# A fact that says something is not confirmed yet ("no new date confirmed", "data non ancora
# confermata") supports no promise about it.
_UNCONFIRMED = re.compile(
    r"\b(not (yet )?(confirmed|decided|known)|unconfirmed|to be confirmed|tbc|no (new )?date|"
    r"non (ancora )?(confermat\w*|decis\w*|not[oaie])|da confermare|nessuna (nuova )?data)",
    re.IGNORECASE,
)
_RULED_OUT = re.compile(
    r"\b(no|nessun[oa]?) (\w+ ){1,2}(is|are|will be|gets?|viene|vengono|sarà|saranno) "
    r"(issued|given|paid|offered|made|sent|needed|emess\w|dat\w|pagat\w|offert\w|inviat\w)|"
    # "We decided not to deliver these orders" rules the delivery out.
    r"\b(decided|chose|chosen|agreed) not to \w+|\b(deciso|scelto) di non \w+|"
    # ... and so does a grant denied with a modal or in the present ("Verdello cannot refund
    # payments made to the scammers", "we don't replace used items", "non può rimborsare",
    # "non rimborsiamo"): a fact that names the act only to rule it out supports no promise.
    r"\b(cannot|can't|can not|won't|will not|doesn't|does not|don't|do not|is not able to|"
    r"isn't able to|are not able to|aren't able to|(is|are) unable to|(is|are) not allowed to|"
    r"never) (\w+ )?(refund|reimburse|repay|replace|repair|compensate|cover|pay|credit|"
    r"send|give|deliver|ship)\w*|"
    r"\bnon (può|possono|potrà|potranno|riesce a|riescono a|è in grado di|sono in grado di|"
    r"(ci )?è possibile|possiamo|potremo)?\s?(\w+ )?(rimbors|ripag|restitu|sostitu|ripar|"
    r"risarc|accredit|pag|copr|rid[aà]|rend|spedi|consegn)\w*|"
    # (r22) ... and a grant denied in any tense, its objects with it ("Verdello is not offering
    # vouchers or discounts over the video", "we aren't giving refunds", "non offre buoni o
    # sconti", "non sta dando rimborsi"): the things named after the denied verb are ruled out
    # too, up to where the clause turns ("..., but will refund orders").
    r"\b((is|are|was|were|has|have)(n't| not)( been)?|(isn't|aren't|wasn't|weren't|hasn't|"
    r"haven't)( been)?|non( sta| stanno| ha| hanno| è| sono)?( stat[oaie])?) "
    r"(offer|giv|issu|provid|grant|award|hand|hand(ing)? out|pay|paid|send|sent|"
    r"offr|off[eé]rt|d[aà]|dann|dand|concess|conced|emett|emess|erog|invi|prevede|previst)\w*"
    r"(?:(?!\b(but|and will|however|ma|però|mentre)\b)[^.,;:!?\n]){0,50}",
    re.IGNORECASE,
)
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
_FACTS_CAUSE = re.compile(r"\b(cause|caused|causa|causat\w*|because|due to|dovut\w*|perché)\b")


# "Oh sure, because a shade of green is the end of the world": a "because" right after an
# ironic interjection mocks the customer; it explains nothing (tone.sarcasm reports it).
_IRONIC = re.compile(
    r"\b(oh|sure|right|yeah|of course|certo|come no|già|ovvio|ovviamente),?\s*$", re.IGNORECASE
)


def _names_a_cause(facts: str) -> bool:
    return _FACTS_CAUSE.search(facts) is not None


# Facts that say the cause is not known yet ("We don't know the cause yet", "Non conosciamo
# ancora la causa", "the cause is still under investigation").
_CAUSE_UNKNOWN = re.compile(
    r"\b((do not|don't|doesn't|does not|did not|didn't) (yet )?know (yet )?(the cause|what caused|"
    r"why)|(cause|reason) (is|remains|was) (still )?(unknown|unclear|not (yet )?(known|established|"
    r"confirmed)|yet to be (established|confirmed)|under investigation|being investigated)|"
    r"no (known )?cause|"
    r"non (conosciamo|sappiamo) (ancora )?(la causa|il motivo|cosa l'ha causat\w|perché)|"
    r"(causa|motivo) (è |resta |rimane )?(ancora )?(sconosciut\w|ignot\w|da (chiarire|accertare|"
    r"capire|confermare)|non (ancora )?(not\w|chiar\w|confermat\w)|in (fase di )?(verifica|"
    r"accertamento)))",
    re.IGNORECASE,
)


# A statement that opens with a denial, to its end ("No passwords, card details or other payment
# data were exposed: ...", "Non sono state esposte password, ...", "None of the orders ...").
_DENIAL = re.compile(
    r"(^|(?<=[.;:!?\n]))\s{0,8}(no|none of|nothing|neither|nessun[oa]?|niente|nulla|non|né)\b"
    r"[^.;:!?\n]*",
    re.IGNORECASE,
)


@lru_cache(maxsize=64)
def _cause_unknown(items: tuple[str, ...]) -> bool:
    """The facts say the cause is not known, and none of the others names one."""
    unknown = [t for t in items if _CAUSE_UNKNOWN.search(t)]
    return bool(unknown) and not any(_names_a_cause(t.lower()) for t in items if t not in unknown)


_UPDATE = re.compile(r"\b(update|aggiornamento)\b", re.IGNORECASE)
# Words that name a status update as often as a software update: no evidence for a cause.
_AMBIGUOUS_CAUSE_WORDS = frozenset({"update", "updates", "aggiornamento", "aggiornamenti"})
_KIND_LABEL = {
    "amount": ("grounding.amount", "an amount"),
    "percentage": ("grounding.percentage", "a percentage"),
    "count": ("grounding.count", "a number of people or orders"),
    "datetime": ("grounding.datetime", "a date or time"),
    "duration": ("grounding.duration", "a duration"),
}
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


class Support:
    """What the draft's figures, causes and promises may rest on: the incident facts and the
    cited sources. Each part is worked out when a check first needs it (most drafts state no
    figure and make no promise, and the sources run to a few kilobytes)."""

    def __init__(self, run: CheckRun) -> None:
        ctx = run.ctx
        self.items = (*ctx.facts, *ctx.sources)
        self.context = "\n".join([ctx.post_text, *ctx.thread])
        self.standing_facts = tuple(run.policy.grounding.standing_facts)
        self.has_evidence = bool(ctx.facts or ctx.sources)

    @cached_property
    def text(self) -> str:
        """Lower-cased facts and sources (what causes and promises must come from)."""
        return "\n".join(self.items).lower()

    @cached_property
    def cause_text(self) -> str:
        """The text less the statements that deny what they name ("No passwords, card details
        or other payment data were exposed", "Non sono state esposte password"): a word the
        facts name only to deny it is no part of the cause (r22)."""
        return _DENIAL.sub(" ", self.text)

    @cached_property
    def promise_text(self) -> str:
        """The text, less the facts that say something is not confirmed yet, what they rule
        out and the product names that only sound like promises ("gift box")."""
        confirmed = "\n".join(t for t in self.items if not _UNCONFIRMED.search(t))
        # "No refund is issued for restored orders" rules a refund out; it supports no promise.
        confirmed = _RULED_OUT.sub(" ", confirmed)
        return _PRODUCT_COMPOUND.sub(" ", confirmed.lower())

    @cached_property
    def confirmed_topics(self) -> tuple[frozenset[str], ...]:
        """The content stems of each confirmed fact or source, less what it rules out ("we
        decided not to deliver these orders" confirms no delivery; see :meth:`promise_text`)."""
        return tuple(
            _topic(_RULED_OUT.sub(" ", t).lower()) for t in self.items if not _UNCONFIRMED.search(t)
        )

    def restates(self, clause: str) -> bool:
        """Whether ``clause`` (two content words or more) says nothing one confirmed fact
        does not: "we'll e-mail you to book a new one" restating "customers ... will get an
        e-mail to book a new slot" promises no replacement."""
        topic = _topic(clause)
        return len(topic) >= 2 and any(topic <= fact for fact in self.confirmed_topics)

    @cached_property
    def keys(self) -> frozenset[str]:
        """Normalised numeric claims found in the facts and sources (each item's cached: the
        same approved replies and guidelines come back draft after draft, in different
        combinations), with the weekdays of their dates."""
        keys = frozenset().union(*(claim_keys(t) for t in self.items))
        return keys | _weekdays_of(keys, "\n".join(self.items))

    @cached_property
    def date_spans(self) -> frozenset[str]:
        """Durations between the dates of the facts and sources (see _spans_between_dates)."""
        return _spans_between_dates(self.keys, self.text)

    @cached_property
    def context_keys(self) -> frozenset[str]:
        """... and in the customer's post and thread, where "2nd day" / "terzo giorno" says
        how long it has lasted ("two days is too long" says it back)."""
        return claim_keys(self.context) | _ordinal_durations(self.context)

    @cached_property
    def standing(self) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
        """(keys, word stems) per standing fact: they support figures (opening hours, return
        period) but never an incident's cause or a promise made to this customer."""
        return _standing(self.standing_facts)

    @cached_property
    def dated(self) -> bool:
        """The facts give a calendar date ("24 November")."""
        return any(_CALENDAR_DATE.match(k) for k in self.keys)


_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "primo": 1, "prima": 1, "secondo": 2, "seconda": 2, "terzo": 3, "terza": 3, "quarto": 4,
    "quarta": 4, "quinto": 5, "quinta": 5, "sesto": 6, "sesta": 6, "settimo": 7, "settima": 7,
}  # fmt: skip
_UNIT = {"day": "day", "week": "week", "month": "month", "hour": "hour"}
_UNIT |= {"giorno": "day", "settimana": "week", "mese": "month", "ora": "hour"}
_ORDINAL_DURATION = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th|°|º)?\s+(day|week|month|hour|giorno|settimana|mese)\b|"
    r"\b(" + "|".join(_ORDINALS) + r")\s+(day|week|month|hour|giorno|settimana|mese|ora)\b",
    re.IGNORECASE,
)


def _ordinal_durations(text: str) -> frozenset[str]:
    """Duration keys of the ordinals in ``text``: "2nd day", "terzo giorno" -> "2 day", "3 day"
    (the customer counting how long it has lasted)."""
    out = set()
    for m in _ORDINAL_DURATION.finditer(text):
        if m.group(1):
            number, unit = int(m.group(1)), m.group(2).lower()
        else:
            number, unit = _ORDINALS[m.group(3).lower()], m.group(4).lower()
        out.add(f"{number} {_UNIT[unit]}")
    return frozenset(out)


@lru_cache(maxsize=4096)
def claim_keys(text: str) -> frozenset[str]:
    """Normalised numeric claims in a text (cached: facts and sources repeat across drafts)."""
    return (
        frozenset(k for c in numeric_claims(text) for k in c.keys) if text.strip() else frozenset()
    )


def check(run: CheckRun) -> None:
    ids = [v[0] for v in _KIND_LABEL.values()] + ["grounding.cause", "grounding.promise"]
    if not any(run.enabled(i) for i in ids):
        return
    support = Support(run)
    severity: CheckSeverity | None = None if support.has_evidence else "warn"
    caveat = (
        ""
        if support.has_evidence
        else (" No incident facts or sources were given, so it could not be verified.")
    )
    reported: set[str] = set()
    for claim in numeric_claims(run.draft.masked):
        check_id, label = _KIND_LABEL[claim.kind]
        if check_id in reported or not run.enabled(check_id):
            continue
        sentence = run.draft.masked[slice(*run.draft.sentence_at(claim.start))]
        deadline = _DEADLINE.search(run.draft.masked[max(0, claim.start - 30) : claim.start])
        if _supported(claim, support, sentence, deadline=deadline is not None):
            continue
        reported.add(check_id)
        run.fail(
            check_id,
            (claim.start, claim.end),
            f"States {label} ({run.draft.text[claim.start : claim.end]!r}) that the incident "
            f"facts and cited sources don't contain.{caveat}",
            "Use only figures from the incident lead's facts, or remove it.",
            severity=severity,
        )
    if not run.lexical:
        return
    if run.enabled("grounding.cause"):
        _check_causes(run, support, severity, caveat)
    if run.enabled("grounding.promise"):
        _check_promises(run, support, severity, caveat)


@lru_cache(maxsize=16)
def _standing(facts: tuple[str, ...]) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    return tuple((claim_keys(f), _topic(f)) for f in facts)


# Words around a figure that say nothing about what it is for.
_FIGURE_WORDS = frozenset(
    {"within", "take", "takes", "taking", "least", "most", "about", "around", "than", "only"}
)


@lru_cache(maxsize=4096)
def _topic(text: str) -> frozenset[str]:
    """Stems of what a sentence is about: its content words, figures left out."""
    for claim in reversed(numeric_claims(text)):
        text = text[: claim.start] + " " + text[claim.end :]
    text = _REPLY_PHRASE.sub(" reply ", text)
    return frozenset(
        _SAME_TOPIC.get(w[:4], w[:4]) for w in _content_words(text) if w not in _FIGURE_WORDS
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


_CALENDAR_DATE = re.compile(r"^\d{1,2}/\d{1,2}$")
_YEAR = re.compile(r"\b20\d\d\b")


@lru_cache(maxsize=256)
def _weekdays_of(keys: frozenset[str], evidence: str) -> frozenset[str]:
    """The weekday of each date the facts give, in the year they name: "Tuesday's newsletter"
    is grounded by "the newsletter of 24 November 2026"."""
    years = {int(y) for y in _YEAR.findall(evidence)}
    if not years or len(years) > 3:
        return frozenset()
    out = set()
    for key in keys:
        if not _CALENDAR_DATE.match(key):
            continue
        day, month = (int(x) for x in key.split("/"))
        for year in years:
            try:
                out.add(f"weekday:{date(year, month, day).weekday()}")
            except ValueError:
                continue
    return frozenset(out)


def _spans_between_dates(keys: frozenset[str], evidence: str) -> frozenset[str]:
    """The number of days (and whole weeks) between any two dates the facts give, in the year
    they name: "it locked people out for three days" is grounded by "since Monday 23 November"
    and "fixed on Thursday 26 November"."""
    years = {int(y) for y in _YEAR.findall(evidence)}
    if len(years) != 1:
        return frozenset()
    year = years.pop()
    days = []
    for key in keys:
        if _CALENDAR_DATE.match(key):
            day, month = (int(x) for x in key.split("/"))
            try:
                days.append(date(year, month, day))
            except ValueError:
                continue
    if len(days) > 12:
        return frozenset()  # a long list of dates (a schedule) grounds no span
    out = set()
    for i, first in enumerate(days):
        for second in days[i + 1 :]:
            gap = abs((second - first).days)
            if gap:
                out.add(f"{gap} day")
                if gap % 7 == 0:
                    out.add(f"{gap // 7} week")
    return frozenset(out)


# A deadline set for what is to come ("by tomorrow", "entro domani", "before tonight").
_DEADLINE = re.compile(
    r"\b(by|before|no later than|within|entro|prima di|non oltre|al più tardi)\s+$", re.IGNORECASE
)
_COMING_DAYS = frozenset({"rel:tomorrow", "rel:tonight", "rel:day after tomorrow"})


def _supported(
    claim: Claim, support: Support, sentence: str = "", *, deadline: bool = False
) -> bool:
    if claim.keys & support.keys:
        return True
    if claim.kind == "duration" and claim.keys & support.date_spans:
        return True
    # (r22) "For a few days", "per alcune settimane": a length the facts give in figures, of two
    # to ten of that unit (in their durations or between their dates).
    if claim.kind == "duration" and any(
        f"{n} {k[4:]}" in support.keys or f"{n} {k[4:]}" in support.date_spans
        for k in claim.keys
        if k.startswith("few ")
        for n in range(2, 11)
    ):
        return True
    # "Yesterday", "tomorrow": with no clock to resolve them against, a relative day is a
    # paraphrase of the dated facts ("dispatched on 24 November" said on the 25th); not a
    # deadline set for a day to come ("it reaches you by tomorrow"), which is a new date.
    if (
        claim.kind == "datetime"
        and support.dated
        and all(k.startswith("rel:") for k in claim.keys)
        and not (deadline and claim.keys & _COMING_DAYS)
    ):
        return True
    # A standing fact supports a figure only in a sentence about the same thing: "within 24
    # hours" holds for e-mail replies, not for a refund.
    if any(claim.keys & keys and _topic(sentence) & topic for keys, topic in support.standing):
        return True
    # (r22) ... or, in other words, when the sentence gives two of its figures together ("we're
    # on the chat from 08:00 to 22:00", "ci trova dalle 08:00 alle 22:00": the opening hours,
    # whatever the service is called).
    if any(
        claim.keys & keys and len(claim_keys(sentence) & keys) >= 2 for keys, _ in support.standing
    ):
        return True
    # Restating the customer's own dates, durations and counts is not a new claim.
    return claim.kind in ("datetime", "duration", "count") and bool(
        claim.keys & support.context_keys
    )


def _content_words(text: str) -> list[str]:
    stop = _stopwords()
    return [w for w in re.findall(r"[^\W\d_]{4,}", text.lower()) if w not in stop]


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
# we're still looking into it", "..., ma stiamo ancora verificando"): speculation
# (forbidden.speculation reports it), not a cause stated.
_STILL_CHECKING = re.compile(
    r"\b(but|ma|però)\b[^.!?\n]{0,20}\b(still|ancora|yet to|not yet)\b[^.!?\n]{0,12}\b(check\w*|"
    r"look\w* into|investigat\w*|confirm\w*|verific\w*|controll\w*|accert\w*|conferm\w*)",
    re.IGNORECASE,
)
# Where a cause ends and the sentence goes on with another verb: "... and will", "... e ti".
_CAUSE_ENDS = re.compile(
    r"\s(?:and|but|so|e|ma|quindi)\s+(?=(will|we|i|you|would|shall|'ll|ti|vi|le|noi|"
    r"abbiamo|ci)\b)|"
    # (r22) ... or with a pointer back to what was said ("... approved it, and that's what needs
    # to change", "e questo è quello che cambiamo").
    r",?\s(?:and|but|so|e|ma|quindi)\s+(?=(that's|that is|this is|which|questo|quello|ed è)\b)",
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


def _check_causes(
    run: CheckRun, support: Support, severity: CheckSeverity | None, caveat: str
) -> None:
    masked = run.draft.masked
    # A word matches a word of the facts by its first five letters ("confirm" in
    # "confirmed"); a shorter word must match whole ("back" is not in "backlog").
    facts: str | None = None
    for pattern in run.lexicon.causes:
        for m in pattern.finditer(masked):
            if _WRITING_REASON.search(masked[max(0, m.start() - 40) : m.start()]):
                continue
            if _IRONIC.search(masked[max(0, m.start() - 20) : m.start()]):
                continue
            sentence_start = run.draft.sentence_at(m.start())[0]
            if _OUR_REFUSAL.search(masked[max(sentence_start, m.start() - 80) : m.start()]):
                continue  # "we can't refund it, because it never reached us"
            # A "cause" that only names the problem again ("caused by the delay") claims
            # nothing; nor does what the sentence goes on to say after it ("because of the
            # delay and will compensate you").
            what = _CAUSE_ENDS.split(m.group("what"), maxsplit=1)[0]
            words = [
                w
                for w in _content_words(what)
                if w not in run.lexicon.sentiment_neutral and w not in _AMBIGUOUS_CAUSE_WORDS
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
            found = sum(
                1
                for w in words
                if (f" {w[:5]}" if len(w) >= 5 else f" {w} ") in facts
                or (w in _FAILURE_WORDS and _FACTS_FAILURE.search(facts) is not None)
            )
            # Most words in the facts is the facts' cause in other words; while the facts say
            # the cause is unknown, a cause may only name the problem again: one new word
            # ("an overnight update by the banks") is a cause made up.
            if found / len(words) >= (1.0 if _cause_unknown(support.items) else 0.6):
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


# What links an act to the conclusion drawn from it: a comma or "so", "quindi", "per cui".
_CONCLUSION = re.compile(r"[,;:]|\b(so|therefore|hence|which means|quindi|dunque|per cui|perciò)\b")

# One more of a granted thing, said as new ("an extra voucher", "another refund", "un ulteriore
# buono"); "the extra refund" names one that exists.
_EXTRA = re.compile(
    r"(?:\b(?:an?|one|un|una|uno|un')\s?(extra|additional|bonus|ulterior[ei]|altr[oa])|"
    r"\b(another))\b[^.!?\n,;]{0,15}$"
)


# A concept's stem counts at the start of a word, or after a "re-"/"ri-" prefix ("redeliver",
# "riconsegna"): inside a longer word it is another word ("accredito" is the crediting of a
# refund, not "credito", store credit).
_PREFIX = ("re", "re-", "ri")


def _word_start_find(text: str, stem: str) -> int:
    """The first place ``stem`` starts a word of ``text`` (see _PREFIX), else -1."""
    at = text.find(stem)
    while at >= 0:
        head = text[max(0, at - 3) : at]
        letters = len(head) - len(head.rstrip("abcdefghijklmnopqrstuvwxyzàèéìòù-"))
        word_head = head[len(head) - letters :]
        if not stem[0].isalpha() or not word_head or word_head in _PREFIX:
            return at
        at = text.find(stem, at + 1)
    return -1


@lru_cache(maxsize=32)
def _brand_agent(brand: str) -> re.Pattern[str] | None:
    """The brand named as the one who will act, in the third person ("Verdello will pay you",
    "Verdello is responsible and will cover it", "Verdello ti rimborserà"): the same promise
    as "we will"."""
    words = brand.split()
    if not words:
        return None
    name = r"\s+".join(re.escape(w) for w in words)
    return re.compile(
        rf"\b{name}\b(\s+[\w']+){{0,8}}?\s+(and\s+)?(will|'ll|is going to|shall)\b"
        r"(?!\s+(not|never)\b)"
        rf"|\b{name}\s+(\w+\s+)?(ti\s+|le\s+|vi\s+|gli\s+)?[^\W\d_]{{2,}}(rà|ranno)\b",
        re.IGNORECASE,
    )


# (r23) A grant told as coming by itself ("everyone will get a refund automatically", "riceverai
# in automatico il rimborso, non devi fare nulla") is not the grant the facts give on request
# ("customers can ask for a refund", "chi ha comprato può chiedere il rimborso").
_AUTOMATIC = re.compile(
    r"\b(automatic\w*|without (you )?(having to |needing to )?(ask|do|apply|claim|request)\w*|"
    r"nothing (you need|you have|for you) to do|no need to (ask|apply|claim|do anything)|"
    r"(don't|do not|doesn't|does not|won't|will not) (need|have) to (ask|apply|claim|request|do)|"
    r"non (serve|occorre|c'è bisogno di|bisogna) (chieder\w*|richieder\w*|fare)|"
    r"non (devi|dovete|deve|devono) (chieder\w*|richieder\w*)|"
    r"in automatico|automaticament\w|da sol[oaie]|senza (che tu )?(dover |debba |doverl\w* )?"
    r"(chiedere|fare|richiedere)|non (devi|dovete|deve) fare (nulla|niente))\b",
    re.IGNORECASE,
)
_ON_REQUEST = re.compile(
    r"\b(can|may|could) (ask|request|apply|claim|choose)|\bon request\b|\bif (you|they) ask|"
    r"\b(può|possono|potete|puoi) (chiedere|richiedere|domandare)|\bsu richiesta\b|"
    r"\bse (lo |la |ne )?(chiedi|chiede|chiedono|richied\w+)\b",
    re.IGNORECASE,
)


def _told_as_automatic(sentence: str, support: str) -> bool:
    """The draft's sentence says a grant comes by itself where the facts give it on request."""
    return (
        _AUTOMATIC.search(sentence) is not None
        and _AUTOMATIC.search(support) is None
        and _ON_REQUEST.search(support) is not None
    )


def _promise_matches(run: CheckRun, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """The lexicon's promise cues and the brand named as the agent, in the draft's order."""
    masked = run.draft.masked
    found = list(pattern.finditer(masked))
    agent = _brand_agent(run.ctx.brand.name)
    if agent is not None:
        found.extend(agent.finditer(masked))
    return sorted(found, key=lambda m: m.start())


def _check_promises(
    run: CheckRun, support: Support, severity: CheckSeverity | None, caveat: str
) -> None:
    pattern = run.lexicon.promise
    if pattern is None:
        return
    masked = run.draft.masked
    lowered = _NOT_A_PROMISE.sub(lambda c: " " * len(c.group(0)), masked.lower())
    for m in _promise_matches(run, pattern):
        before = masked[max(0, m.start() - 20) : m.start()]
        if _NEGATED.search(before) or _QUESTION.search(before):
            continue  # "we will not refund", "about when it will arrive"
        sentence_start, sentence_end = run.draft.sentence_at(m.start())
        # The clause runs from the sentence start (Italian puts the subject first: "il
        # rimborso arriverà") to a few words after the promise.
        base = sentence_start if sentence_start < m.start() else m.start()
        cut = max(lowered.rfind(sep, base, m.start()) for sep in (",", ";", ":", " and ", " e "))
        base = cut + 1 if cut >= base else base
        clause = lowered[base : min(sentence_end, m.end() + 70)]
        found = {}
        for concept, stems in CONCEPTS.items():
            hits = [(at, len(s)) for s in stems if (at := _word_start_find(clause, s)) >= 0]
            if hits:
                found[concept] = min(hits)
        free = _FREE_PRODUCT.search(clause)
        if free is not None and "gift" not in found:
            found["gift"] = (free.start(), free.end() - free.start())
        given = (
            _GIVEN_AS_GESTURE.search(clause)
            if not found and _GESTURE_ONLY.search(clause) is not None
            else None
        )
        if given is not None:  # "we'd love to send you a hamper to say sorry": a gift
            found["gesture"] = (given.start(), given.end() - given.start())
        if "deletion" in found and not _PERSONAL_DATA.search(clause):
            found.pop("deletion")  # "we'll delete the question": no data of the customer's
        if len(found) > 1 or _UPDATE.search(clause[: m.start() - base]):
            # "the refund will arrive": the refund is the promise; "the next update will
            # arrive by 16:00" promises no delivery.
            found.pop("delivery", None)
        fix_at = found.get("fix", (-1, 0))[0]
        if (
            len(found) > 1
            and fix_at >= m.end() - base
            and _CONCLUSION.search(clause, m.end() - base, fix_at)
        ):
            # "The refund was issued, so this is resolved": a conclusion drawn from the
            # confirmed act, not a fix promised on top of it.
            found.pop("fix")
        if _COMING_BACK.search(clause) and found.get("fix", (0, 0))[1] == len("be back"):
            found.pop("fix")  # "we'll be back here by 18:00": we come back, nothing is fixed
        for concept, (at, length) in found.items():
            offset = m.start() - base
            if _DENIED.search(clause, max(0, at - 30), at):
                continue  # "Non faremo sconti", "we're not offering a refund"
            if at >= offset and _HEDGE.search(clause[offset:at]):
                continue  # "we'll look into a refund" promises to look, not to refund
            if at >= offset and _CONDITION.search(clause[offset:at]):
                continue  # "we'll post again sooner if it's fixed" promises the post only
            extra = _EXTRA.search(clause, max(0, at - 25), at)
            granted = _GESTURE_GRANTS if concept == "gesture" else CONCEPTS[concept]
            if extra is not None:  # "an extra voucher" is one more than the facts grant
                word = extra.group(1) or extra.group(2)
                granted = tuple(f"{word} {s}" for s in granted)
            automatic = _told_as_automatic(
                lowered[sentence_start:sentence_end], support.promise_text
            )
            if not automatic and any(s in support.promise_text for s in granted):
                continue
            other_words = _SUPPORTED_BY.get(concept)
            if (
                not automatic
                and other_words is not None
                and other_words.search(support.promise_text)
            ):
                continue
            if not automatic and support.restates(clause[offset:]):
                continue
            start, end = min(base + at, m.start()), max(base + at + length, m.end())
            run.fail(
                "grounding.promise",
                (start, end),
                f"Promises a {'gift' if concept == 'gesture' else concept} "
                f"({run.draft.text[start:end]!r}) that the incident "
                f"facts and cited sources don't confirm.{caveat}",
                "Promise only what has been confirmed; otherwise say \"we'll look into "
                'it" and check first.',
                severity=severity,
            )
            return
