"""grounding.promise: what the draft promises (a refund, a replacement, a gift, a deletion...)
must be what the confirmed facts grant, as they grant it."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from drafting.checks.catalogue import CheckSeverity
from drafting.checks.checkrun import CheckRun
from drafting.checks.grounding.concepts import CONCEPTS
from drafting.checks.grounding.support import PRODUCT_COMPOUND
from drafting.checks.grounding.words import content_words
from drafting.checks.lexicon import Pattern

if TYPE_CHECKING:
    from drafting.checks.grounding.support import Support

# (r28) Where money comes back to ("back on your card", "back in your account", "sul tuo conto",
# "sulla Sua carta"): what comes back there is a refund.
_MONEY_BACK = re.compile(
    r"\bback (on|to|in|into|onto) (your|the|their|his|her) ([\w-]+ )?(card|account|bank|"
    r"payment method|wallet|balance)\b|\b(sul|sulla|nel) (tuo |tua |suo |sua |vostro |vostra )?"
    r"(carta|conto|metodo di pagamento|portafoglio|saldo)\b",
    re.IGNORECASE,
)


# Words that name a delivery or a gift without promising one ("we'll pass your words to our
# delivery team", "we'll refund the gift wrapping charge"): blanked before a promise is read.
_NOT_A_PROMISE = re.compile(
    rf"{PRODUCT_COMPOUND.pattern}|"
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
    r"things|up for (it|this))( (right|up to you))?|per scusarci|per chiederti scusa|per chiederle "
    r"scusa|come (piccolo )?(gesto|segno|pensiero|ringraziamento)|in segno di (scuse|"
    r"ringraziamento)|a titolo di scuse|per farci perdonare|per ringraziar\w+|per rimediare)"
)
_GIVING = (
    r"(send|sending|post|posting|ship|shipping|courier|mail|give|giving|offer|offering|add|"
    r"adding|added|put|reserve\w*|load\w*|transfer\w*|treat you to|make it up to you with|"
    r"mand\w+|invi\w+|spedi\w+|regal\w+|offr\w+|diamo|darti|darle|darvi|riservat\w|"
    r"caricat\w|aggiunt\w|accreditat\w|bonific\w+|"
    # (r29) Having it reach the customer ("we'll have a hamper sent to you", "Le faremo avere
    # una cesta", "ti facciamo recapitare un dolce").
    r"(have|get) (it|one|them|a [\w-]+( [\w-]+)?) (sent|delivered|brought)|"
    r"fa(remo|rò|cciamo|ccio) (avere|arrivare|recapitare)|recapit\w+)"
)
_GESTURE_ONLY = re.compile(rf"\b{_GESTURE}", re.IGNORECASE)
_GIVING_ONLY = re.compile(rf"\b{_GIVING}\b", re.IGNORECASE)
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
# (r27) ... and the time it waits for ("we'll write again when the parcel reaches our depot", "Le
# scriveremo quando il pacco arriverà"): what happens then is the trigger, not a promise.
_CONDITION = re.compile(
    r"\b(if|once|unless|as soon as|when|quando|(?<!\bho )(?<!\bha )(?<!\babbiamo )"
    r"(?<!\bhanno )(?<!\bè )(?<!\bsono )(?<!\bsiamo )appena|a meno che)\s+([\w']+\s+){0,3}$",
    re.IGNORECASE,
)
# (r32) ... nor do news, results or findings ("the lab's results will arrive by Friday", "i
# risultati arriveranno entro mercoledì"): a date to check, not a delivery.
_UPDATE = re.compile(
    r"\b(update|aggiornamento|results?|findings|risultat[oi]|esit[oi]|news|notizie)\b",
    re.IGNORECASE,
)
# (r32) A refund that goes out ("the refund goes out tomorrow", "il rimborso partirà domani"):
# the refund's own way to the customer, no dispatch of goods.
_REFUND_LEAVES = re.compile(
    r"\b(refund\w*|rimbors\w*)\b[^.!?\n]{0,40}?\b(go(es)? out|partirà|partiranno|parte|"
    r"partono)\b",
    re.IGNORECASE,
)
# (r32) A refund paid ("we'll pay your full refund", "pagheremo il rimborso"): the refund, not
# a compensation on top of it.
_PAYS_REFUND = re.compile(
    r"\b(pay|paying|paid|pagh\w+|pagare) (you |your |the |a |il |l'|un )?(full |whole |complete |"
    r"intero |completo )?(refund|rimborso)",
    re.IGNORECASE,
)

# (r33) What a document we send says ("we'll e-mail you a letter confirming the gift card site
# isn't ours", "Le abbiamo inviato la lettera che conferma che il sito della carta regalo non è
# nostro"): its content, not a grant.
_DOCUMENT_SAYS = re.compile(
    r"\b((that|which) (confirms?|explains?|says|states?|shows?|proves?|certif\w+)|confirming|"
    r"explaining|saying|stating|showing|proving|certifying|che (conferma|confermano|spiega|"
    r"spiegano|dice|dicono|attesta|attestano|dimostra|certifica)|confermando|spiegando|"
    r"attestando)\b",
    re.IGNORECASE,
)


# What links an act to the conclusion drawn from it: a comma or "so", "quindi", "per cui".
_CONCLUSION = re.compile(r"[,;:]|\b(so|therefore|hence|which means|quindi|dunque|per cui|perciò)\b")

# One more of a granted thing, said as new ("an extra voucher", "another refund", "un ulteriore
# buono"); "the extra refund" names one that exists.
_EXTRA = re.compile(
    r"(?:\b(?:an?|one|un|una|uno|un')\s?(extra|additional|bonus|ulterior[ei]|altr[oa])|"
    r"\b(another))\b[^.!?\n,;]{0,15}$"
)

# (r33) A grant multiplied or topped up ("we'll double your points", "twice the credit",
# "ti regaliamo punti extra", "un buono in più"): more of a granted thing than the facts give,
# unless they say so themselves. Not a double charge or payment, which is the problem itself.
_MULTIPLIED = frozenset(
    {
        "voucher",
        "credit",
        "discount",
        "loyalty points",
        "free membership time",
        "gift",
        "compensation",
    }
)
_MORE_BEFORE = re.compile(
    r"\b(double|doubled|doubling|triple|tripled|tripling|twice|three times|raddoppi\w*|"
    r"triplic\w*|il doppio|il triplo)\b(?![- ](charg|pay|book|bill|debit|entr|deduct|transact))"
    r"[^.!?\n,;]{0,15}$",
    re.IGNORECASE,
)
_MORE_AFTER = re.compile(
    r"\w*\s+(extra|in più|aggiuntiv[oaie]|supplementar[ei]|doppi[oa]?|raddoppiat[oaie])\b",
    re.IGNORECASE,
)


def _more_than_granted(concept: str, clause: str, at: int, length: int, support: str) -> bool:
    """(r33) The clause multiplies or tops up a granted thing (see _MULTIPLIED) and no fact
    says the same word next to it."""
    if concept not in _MULTIPLIED:
        return False
    more = _MORE_BEFORE.search(clause, max(0, at - 25), at) or _MORE_AFTER.match(
        clause, at + length
    )
    if more is None:
        return False
    word = more.group(1).lower()[:5]
    return not any(
        re.search(
            rf"{re.escape(word)}[^.;\n]{{0,25}}{re.escape(s)}|{re.escape(s)}\w*\s+{re.escape(word)}",
            support,
        )
        for s in CONCEPTS[concept]
    )


# (r33) Cover promised for every loss, cost or damage ("we'll compensate you for every loss it
# caused", "copriamo tutte le spese che hai avuto") where the facts cover named costs only
# ("overdraft fees caused by the duplicate charge"): more than the facts grant.
_BLANKET = re.compile(
    r"\b(every|all( of)?( the| your| their)?|any|whatever|each|ogni|qualsiasi|qualunque|"
    r"tutt[ie]( (le|i|gli))?( (tue|tuoi|sue|suoi|Sue|Suoi|vostre|vostri))?)\s([\w-]+\s)?"
    r"(loss|losses|costs?|expenses?|damages?|inconvenience|harm|penny|cent|"
    r"perdit[ae]|spes[ae]|cost[oi]|dann[oi]|disag[io]|centesim[oi])\b",
    re.IGNORECASE,
)


def _covers_everything(concept: str, clause: str, support: str) -> bool:
    """(r33) A blanket cover (see _BLANKET) where the facts give none."""
    return (
        concept in ("compensation", "refund")
        and _BLANKET.search(clause) is not None
        and _BLANKET.search(support) is None
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


def _brand_name(brand: str) -> str | None:
    """The brand's name as a pattern, its words apart by any whitespace; None when empty."""
    words = brand.split()
    return r"\s+".join(re.escape(w) for w in words) if words else None


@lru_cache(maxsize=32)
def _brand_agent(brand: str) -> re.Pattern[str] | None:
    """The brand named as the one who will act, in the third person ("Verdello will pay you",
    "Verdello is responsible and will cover it", "Verdello ti rimborserà"): the same promise
    as "we will"."""
    name = _brand_name(brand)
    if name is None:
        return None
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


# (r24) A grant made whole where the facts grant a part ("we'll refund the entire booking" when
# the facts refund the delivery fee, "ti rimborsiamo l'intero ordine" when they refund the
# shipping): the size is part of the promise.
_WHOLE = re.compile(
    r"\b(whole|entire|full|fully|in full|complete|total|intero|intera|interi|intere|completo|"
    r"completa|completi|complete|totale|per intero|interamente|integrale|integralmente)\b"
)
_SIZED = frozenset({"refund", "compensation", "credit"})


def _made_whole(concept: str, clause: str, at: int, support: str) -> bool:
    """The clause makes a sized grant whole, next to its word, and no fact says it is."""
    if concept not in _SIZED:
        return False
    near = _WHOLE.search(clause, max(0, at - 30), at + 40)
    return near is not None and _WHOLE.search(support) is None


# (r28) The goods kept with the money given back ("keep the lamp, we'll refund it anyway",
# "puoi tenerlo e ti rimborsiamo", "tenete pure il prodotto"), where the facts refund only goods
# sent back: more than the facts grant.
_KEEP_GOODS = re.compile(
    r"\b(keep|hang on to|hold on to|hold onto) (it|them|the (item|items|product|products|goods|"
    r"parcel|package|order|[\w-]+ you (bought|ordered|received|got))|what you (received|got|"
    r"bought|ordered))\b|\btener(lo|la|li|le)\b|\b(tieni|tenete|tenga)(l[oaie])? (pure |anche )?"
    r"(il|la|i|le|gli|l'|lo) ?(prodott|articol|pacc|merce|ordin|capo|capi)\w*|"
    r"\btener(e)? (il|la|i|le|gli|l'|lo) ?(prodott|articol|pacc|merce|ordin|capo|capi)\w*|"
    # (r31) ... whatever the goods are called, kept once they come ("you can keep the armchair
    # when it arrives", "puoi tenere la poltrona quando arriva").
    r"\b(keep|hang on to|hold on to|hold onto) (the|your) [\w-]+( [\w-]+)? (when|once|after|as "
    r"well|too|anyway|for free|all the same)\b|\b(tieni|tenete|tenga|tenere)( pure| anche)? "
    r"(il|la|i|le|gli|l'|lo) ?[\w-]+( [\w-]+)? (quando|una volta|comunque|lo stesso|gratis)\b",
    re.IGNORECASE,
)


# (r28) Facts that refund goods sent back, however far the refund comes after the return
# ("can return it free of charge when it arrives, for a full refund"), (r31) or an order given
# up ("cancel it before dispatch for a full refund", "annullarlo con rimborso completo").
_REFUND_ON_RETURN = re.compile(
    r"\b(return\w*|sen[dt] (it |them )?back|restitu\w+|res[oi]|cancel\w*|annull\w*)\b[^.;\n]{0,80}?"
    r"\b(refund|rimbors)\w*"
)


# (r31) A keeping turned down ("if you'd rather not keep the lamp when it arrives"), and a refund
# of a charge, not of the goods ("keep the order and we'll refund the shipping", "Le rimborsiamo
# il costo di spedizione").
_NOT_KEPT = re.compile(r"\b(not|n't|non|instead of|invece di)\s+(\w+\s+)?$", re.IGNORECASE)
_A_CHARGE = re.compile(
    r"\b(shipping|postage|delivery (cost|charge|fee)s?|fees?|charges?|surcharges?|spedizion\w*|"
    r"commission\w*|spese di|costo di|costi di|sovrapprezz\w*)\b",
    re.IGNORECASE,
)


def _kept_and_refunded(concept: str, sentence: str, support: str) -> bool:
    """(r28) A refund promised with the goods kept where the facts refund goods returned;
    (r31) not a keeping turned down, a refund of a charge, nor a refund the sentence itself
    ties to goods returned or cancelled ("keep it, or cancel it for a full refund")."""
    if concept != "refund" or _REFUND_ON_RETURN.search(support) is None:
        return False
    if _A_CHARGE.search(sentence) or _REFUND_ON_RETURN.search(sentence):
        return False
    return any(
        not _NOT_KEPT.search(sentence, max(0, k.start() - 20), k.start())
        for k in _KEEP_GOODS.finditer(sentence)
    )


# (r25) A grant the facts limit in time ("returns within 30 days", "entro 14 giorni dalla
# consegna") promised for any time ("whatever year you bought it", "however long ago", "anche
# quelli presi due anni fa", "in qualsiasi momento"): not the grant the facts give.
_ANY_TIME = re.compile(
    r"\b(however long ago|no matter when|regardless of when|whenever you (bought|ordered|got)|"
    r"whatever (year|date|day) you|at any time|any time|anytime|(last|a|one|two|several) years? "
    r"ago|last (year|christmas|season)|l'anno scorso|(un|due|tre|qualche|molti) anni fa|"
    r"in qualsiasi momento|in ogni momento|quando (vuoi|vuole)|indipendentemente da quando|"
    r"da (qualsiasi|ogni) anno|lo scorso (anno|natale))\b",
    re.IGNORECASE,
)
_TIME_LIMIT = re.compile(
    r"\b(within|up to|no later than|entro|fino a) (\d+|thirty|fourteen|trenta|quattordici) "
    r"(days?|weeks?|months?|giorni|settimane|mesi)\b",
    re.IGNORECASE,
)


def _beyond_its_time(concept: str, clause: str, support: str) -> bool:
    """(r25) The clause gives a time-limited grant for any time (see _ANY_TIME)."""
    return (
        concept in _SIZED | {"replacement", "collection"}
        and _ANY_TIME.search(clause) is not None
        and _TIME_LIMIT.search(support) is not None
    )


# (r26) A grant made to everyone or everything ("every ticket bought that week is refunded",
# "all customers in Turin get a free month", "rimborsiamo tutti i biglietti", "chiunque abbia
# ordinato riceve un buono") where the facts grant it only to some, under a condition
# ("customers whose train was cancelled", "chi ha trovato il prodotto danneggiato"): not the
# grant the facts give.
_EVERYONE = re.compile(
    r"\b(everyone|everybody|anyone|all (of )?(our |the |you |your )?(customers|clients|orders|"
    r"buyers|shoppers|tickets|bookings|parcels|deliveries|purchases|of you)|every (single )?"
    r"(?!(day|week|month|year|hour|minute|time|step|morning|evening|night|penny|cent|affected|"
    r"involved|concerned|impacted|eligible)\b)[a-z]+|"
    r"chiunque|"
    r"tutt[ie] (i |gli |le )?(nostri |nostre )?(clienti|ordini|acquirenti|biglietti|pacchi|"
    r"acquisti|utenti|prenotazioni|consegne|spedizioni)|tutti (quanti|voi|coloro)|(a|per) tutti|"
    r"ogni (?!(giorno|settimana|mese|anno|ora|volta|momento|caso|passo|mattina|sera|"
    r"centesimo)\b)[a-zà-ù]+)\b"
    # ... unless a word after it narrows it ("every affected customer", "ogni cliente
    # coinvolto", "tutti i clienti che hanno segnalato un danno").
    r"(?! (affected|involved|concerned|impacted|who|whose|that|coinvolt\w*|interessat\w*|"
    r"colpit\w*|danneggiat\w*|che|il cui|la cui|i cui)\b)",
    re.IGNORECASE,
)
_ONLY_SOME = re.compile(
    r"\b(customers|clients|people|those|anyone|buyers|shoppers|users) (\w+ ){0,4}?"
    r"(who|whose|that)\b|"
    r"\b(clienti|utenti|persone|coloro|quanti) (\w+ ){0,4}?(che|il cui|la cui|i cui)\b|"
    r"(^|[.;:\n] ?)(chi)\b|\bif (the|their|your|they|a|an)\b",
    re.IGNORECASE,
)
# (r26) The grant as a plain present fact for a group ("all customers in Turin get a free
# month", "per tutti i clienti di Torino un mese gratis"): a promise with no "will".
_GROUP_GETS = re.compile(
    rf"{_EVERYONE.pattern}[^.!?\n]{{0,60}}?\b(gets?|receives?|is entitled|are entitled|riceve|"
    r"ricevono|ha diritto|hanno diritto)\b|\bper tutt[ie] (i|gli|le|quanti|voi|coloro)\b"
    r"(?! (\w+ )?(affected|involved|coinvolt\w*|interessat\w*|colpit\w*|danneggiat\w*|che)\b)",
    re.IGNORECASE,
)


_CLAUSE_END = re.compile(r"[,;:]")


def _to_everyone(clause: str, at: int, support: str) -> bool:
    """(r26) The clause grants to everyone what the facts grant only to some (see _EVERYONE):
    the universal next to the grant (``at``), in its clause, and not the grant itself ("every
    refund is paid once" counts refunds, it grants none)."""
    end = min(len(clause), at + 40)
    stop = _CLAUSE_END.search(clause, at, end)
    window = clause[max(0, at - 60) : stop.start() if stop is not None else end]
    everyone = _EVERYONE.search(window)
    if everyone is None:
        return False
    if any(s in everyone.group(0) for stems in CONCEPTS.values() for s in stems):
        return False
    return _EVERYONE.search(support) is None and _ONLY_SOME.search(support) is not None


@lru_cache(maxsize=32)
def _brand_gives(brand: str) -> re.Pattern[str] | None:
    """(r26) The brand named as the one who gives, in the present ("Nordlys refunds every
    ticket", "Nordlys rimborsa i biglietti"): the same promise as "we refund"."""
    name = _brand_name(brand)
    if name is None:
        return None
    return re.compile(
        rf"\b{name}\s+(ti |le |vi |gli )?(refunds|reimburses|replaces|repairs|pays|covers|sends|"
        r"gives|offers|rimborsa|risarcisce|sostituisce|ripara|paga|copre|manda|invia|regala|offre|dà|"
        r"restituisce|accredita)\b",
        re.IGNORECASE,
    )


# (r31) A promise whose object points back ("you'll receive it", "we'll arrange them", "te lo
# garantiamo", "lo riceverai"): what it gives is named before in the sentence.
_POINTS_BACK = re.compile(
    r"\W*([\w']+\s+){0,2}?(receive|get|have|pay|give|send|arrange|process|transfer|issue|"
    r"credit)\s+(it|them)\b",
    re.IGNORECASE,
)
_POINTS_BACK_IT = re.compile(
    r"\b(te |ve |glie|se )?(lo|la|li|le|ne)\s+([\w']+\s+)?(riceve|avr|otter|ottien|pagh|garant|"
    r"dar|accredit|vers)\w*",
    re.IGNORECASE,
)


def _points_back(clause: str, start: int, end: int) -> bool:
    """(r31) The promise at clause[start:end] gives "it": see _POINTS_BACK."""
    return (
        _POINTS_BACK.match(clause, end) is not None
        or _POINTS_BACK_IT.search(clause, max(0, start - 12), end + 30) is not None
    )


def _promise_matches(run: CheckRun, pattern: Pattern) -> list[re.Match[str]]:
    """The lexicon's promise cues and the brand named as the agent, in the draft's order."""
    masked = run.draft.masked
    found = list(pattern.finditer(masked))
    agent = _brand_agent(run.ctx.brand.name)
    if agent is not None:
        found.extend(agent.finditer(masked))
    gives = _brand_gives(run.ctx.brand.name)
    if gives is not None:
        found.extend(gives.finditer(masked))
    if _EVERYONE.search(masked) is not None:  # most drafts speak to one customer
        found.extend(_GROUP_GETS.finditer(masked))
    return sorted(found, key=lambda m: m.start())


# (r26) A measure told as final ("she won't serve at our counter ever again", "the supplier is
# gone for good", "lo abbiamo licenziato", "non lavorerà mai più con noi") while the facts say
# it holds for now, until a decision ("suspended while we review it", "no other decision has
# been taken", "sospeso in attesa della verifica"): a decision the facts have not taken.
_FINAL = re.compile(
    r"\b(never (\w+ ){0,4}?(again|another|any more|anymore)|(won't|will not) ever|ever again|"
    r"for good|permanently|for ever|forever|(is|he's|she's|they're|are) done with us|"
    r"(fired|sacked|dismissed|let go|terminated|struck off|blacklisted)|mai più|"
    r"definitivament\w|per sempre|in modo definitivo|licenziat\w+|chius\w+ (il rapporto|la "
    r"collaborazione))\b",
    re.IGNORECASE,
)
_INTERIM = re.compile(
    r"\b(while (\w+ ){1,2}(look|looks|investigat|review|check|examin)\w*|for now|pending|"
    r"until further notice|temporar\w+|interim|no (other |further |final )?decision|"
    r"mentre (\w+ ){0,2}(verific|indag|controll|esamin|valut)\w*|per ora|per il momento|"
    r"in attesa|fino a nuovo avviso|temporaneament\w+|provvisori\w+|nessun'altra decisione|"
    r"nessuna (altra )?decisione)",
    re.IGNORECASE,
)
_OPEN_BEFORE = re.compile(
    r"\b(whether|if|not yet|yet to|decide|deciding|se|ancora da|decider\w*|valut\w*)\b"
    r"[^.!?\n]{0,40}$",
    re.IGNORECASE,
)


def _told_as_final(run: CheckRun, support: Support) -> tuple[int, int] | None:
    """(r26) A final measure where the facts give an interim one (see _FINAL)."""
    masked = run.draft.masked
    final = _FINAL.search(masked)
    if final is None:
        return None  # most drafts decide nothing for good
    text = support.promise_text
    if _INTERIM.search(text) is None or _FINAL.search(text) is not None:
        return None
    for m in _FINAL.finditer(masked, final.start()):
        start = run.draft.sentence_at(m.start())[0]
        if not _OPEN_BEFORE.search(masked, max(start, m.start() - 40), m.start()):
            return start, m.end()
    return None


# (r27) What one of our leaders will do, told for them ("our founder will meet the families",
# "the chair is happy to answer your members", "he'll step aside", "la presidente incontrerà i
# residenti", "il direttore si dimetterà"): a commitment made in a person's name, which the
# facts must give. A cheap test of the leader's name first; then the act after "will", "is
# happy to", or an Italian future, directly or after "and"/"e" with the same subject.
# The titles of our leaders, named once for the cue, the act and the antecedent of "he"/"she".
_LEADER_EN = r"ceo|chief executive|founder|chair(?:man|woman|person)?|president|managing director"
_LEADER_IT = (
    r"amministrat(?:ore|rice) delegat[oa]|fondat(?:ore|rice)|president(?:e|essa)|dirett(?:ore|rice)"
)
_LEADER_CUE = re.compile(rf"\b(?:{_LEADER_EN}|director|he|she|{_LEADER_IT})\b", re.IGNORECASE)


@lru_cache(maxsize=32)
def _leader_will(brand: str) -> re.Pattern[str]:
    """The leader and the act to come (see the comment above); "<brand>'s chief executive"
    names one of ours as "our chief executive" does."""
    name = _brand_name(brand)
    owner = f"our|the|its|{name}'s" if name else "our|the|its"
    return re.compile(
        rf"\b(?:(?:{owner}) (?:own )?(?:{_LEADER_EN}|director)|he|she|"
        rf"(?:il nostro |la nostra |il |la |l')(?:{_LEADER_IT}))\b"
        r"(?:[^.!?\n,;:]{0,40}? (?:and|e|that|che))?"
        r"(?:\s(?:also |personally |anche |personalmente |volentieri )?"
        r"(?:will|'ll|is going to|is (?:happy|glad|ready|willing|keen) to|has agreed to|"
        r"has offered to) (?:also |personally |gladly )?(?P<act>[a-z]+(?: [a-z]+){0,3})"
        r"|'ll (?P<act2>[a-z]+(?: [a-z]+){0,3})"
        r"|\s(?:si |ci |vi |le |li |ti )?(?P<act3>[a-zà-ù]{3,}r(?:à|anno))\b(?: [a-zà-ù']+){0,3})",
        re.IGNORECASE,
    )


# (r27) Things the customer left with us, given back ("the coats left in the hall will be
# returned", "le valigie rimaste al deposito verranno restituite"): their belongings handed
# back, not money refunded, so the facts must give back belongings, in any words.
_BELONGINGS = re.compile(
    r"\b(belongings|bags?|coats?|jackets?|keys|luggage|suitcases?|umbrellas?|left (behind|in|at)|"
    r"bors[ae]|oggett\w+|effetti personali|cappott\w+|giacc\w+|chiavi|bagagl\w+|valigi\w+|"
    r"zain\w+|ombrell\w+|lasciat\w+|rimast\w+|dimenticat\w+)\b",
    re.IGNORECASE,
)
_MONEY = re.compile(
    r"\b(money|cash|payments?|paid|charges?|charged|fees?|costs?|price|amount|eur|euros?|soldi|"
    r"denaro|import\w+|pagament\w+|pagat\w+|addebit\w+|cost\w+|prezz\w+|somm\w+|spese)\b|[€$£\d]",
    re.IGNORECASE,
)
_BELONGINGS_BACK = (
    "returned",
    "return them",
    "give back",
    "given back",
    "hand back",
    "handed back",
    "restitui",
    "riconsegn",
    "ridat",
)


_LEADER_AS_OBJECT = re.compile(
    r"\b(of|to|with|about|for|by|from|at|on|against|[a-z]{3,}ing|di|a|con|su|per|da|contro)\s{1,3}$",
    re.IGNORECASE,
)
_LEADER_NAMED = re.compile(rf"\b(?:{_LEADER_EN})\b", re.IGNORECASE)


def _leader_commits(run: CheckRun, support: Support) -> tuple[int, int] | None:
    """(r27) A leader's act to come that the facts do not give (see _leader_will)."""
    masked = run.draft.masked
    if _LEADER_CUE.search(masked) is None:
        return None  # most drafts name no leader
    text = support.promise_text
    for m in _leader_will(run.ctx.brand.name).finditer(masked):
        if _LEADER_AS_OBJECT.search(masked, max(0, m.start() - 24), m.start()):
            continue  # "comments insulting our chief executive will be removed": not the doer
        if m.group(0)[:3].lower() in ("he ", "he'", "she") and not _LEADER_NAMED.search(
            masked, 0, m.start()
        ):
            continue  # "he'll be fine" of the customer's son: a pronoun stands for a leader
            # only once the draft has named one ("Our founder ... he will step aside")
        act = m.group("act") or m.group("act2") or m.group("act3") or ""
        words = [w for w in content_words(act) if len(w) >= 3]
        if not words or any((w[:5] if len(w) >= 5 else w) in text for w in words[:2]):
            continue
        return m.span()
    return None


# (r32) The customer's order cancelled by us, now or just now ("I'm cancelling it now", "we've
# cancelled your order", "lo annullo adesso", "abbiamo annullato il tuo ordine"): the refund
# of that order is the cancellation's own, not a grant of ours.
_CANCELLED_ORDER = re.compile(
    r"\b((i'm|i am|we're|we are) (now )?cancell?ing (it|them|your|the)|(i|we)('ve| have) (now |"
    r"just |already )?cancell?ed (it|them|your|the)|(l'|lo |li |la |le )?(annullo|annulliamo|"
    r"ho annullato|abbiamo annullato)\b)",
    re.IGNORECASE,
)


def check_promises(
    run: CheckRun, support: Support, severity: CheckSeverity | None, caveat: str
) -> None:
    leader = _leader_commits(run, support)
    if leader is not None:
        run.fail(
            "grounding.promise",
            leader,
            f"Commits one of our people to an act ({run.draft.text[leader[0] : leader[1]]!r}) "
            f"that the incident facts and cited sources don't confirm.{caveat}",
            "Say only what has been decided; what a leader will do is for them to announce.",
            severity=severity,
        )
        return
    final = _told_as_final(run, support)
    if final is not None:
        run.fail(
            "grounding.promise",
            final,
            f"Tells a measure as final ({run.draft.text[final[0] : final[1]]!r}) while the "
            f"incident facts say it holds only for now, until a decision.{caveat}",
            "Say what holds now and that no other decision has been taken yet.",
            severity=severity,
        )
        return
    pattern = run.lexicon.promise
    if pattern is None:
        return
    masked = run.draft.masked
    lowered = _NOT_A_PROMISE.sub(lambda c: " " * len(c.group(0)), masked.lower())
    for m in _promise_matches(run, pattern):
        before = masked[max(0, m.start() - 20) : m.start()]
        if _NEGATED.search(before) or _QUESTION.search(before):
            continue  # "we will not refund", "about when it will arrive"
        if _CONDITION.search(before):
            continue  # (r27) "quando il pacco arriverà": the event waited for, no promise
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
            # (r29) ... also sent with the delivery ("we'll put a box of biscuits in with
            # your order to say thanks"): the delivery carries the gift.
            if not found.keys() - {"delivery"} and _GESTURE_ONLY.search(clause) is not None
            else None
        )
        if given is None and not found.keys() - {"delivery"} and base > sentence_start:
            # (r29) ... with the gesture set off before the clause ("To thank you for waiting,
            # we'll have a cake sent over", "Per ringraziarti, ti faremo avere una cesta").
            lead = lowered[max(sentence_start, base - 60) : base]
            if _GESTURE_ONLY.search(lead) is not None:
                given = _GIVING_ONLY.search(clause)
        if given is not None:  # "we'd love to send you a hamper to say sorry": a gift
            found["gesture"] = (given.start(), given.end() - given.start())
        if (
            not found
            and base > sentence_start
            and _points_back(clause, max(0, m.start() - base), m.end() - base)
        ):
            # (r31) What the promise gives is named earlier in the sentence ("you're entitled
            # to compensation, and we guarantee you'll receive it", "hai diritto a un rimborso
            # e te lo garantiamo"): the grant is that thing.
            earlier = lowered[sentence_start:base]
            for concept, stems in CONCEPTS.items():
                if any(_word_start_find(earlier, s) >= 0 for s in stems):
                    found[concept] = (m.end() - base, 0)
            found.pop("delivery", None)
        if "refund" in found and "compensation" in found and _PAYS_REFUND.search(clause):
            found.pop("compensation")  # (r32) "we'll pay your full refund"
        if "refund" in found and "dispatch" in found and _REFUND_LEAVES.search(clause):
            found.pop("dispatch")  # (r32) "il rimborso partirà domani": the refund, sent
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
        if found.get("fix", (0, 0))[1] == len("be back") and _MONEY_BACK.search(clause):
            # (r28) "the deposit will be back in your account by Friday", "la caparra ti
            # tornerà sul conto": money come back is a refund, not a fix ("be back" and
            # "tornerà" are both seven letters long).
            found.setdefault("refund", found.pop("fix"))
        for concept, (at, length) in found.items():
            offset = m.start() - base
            if _DENIED.search(clause, max(0, at - 30), at):
                continue  # "Non faremo sconti", "we're not offering a refund"
            if at >= offset and _HEDGE.search(clause[offset:at]):
                continue  # "we'll look into a refund" promises to look, not to refund
            if at >= offset and _DOCUMENT_SAYS.search(clause, offset, at):
                continue  # (r33) "a letter confirming the gift card site isn't ours"
            if at >= offset and _CONDITION.search(clause[offset:at]):
                continue  # "we'll post again sooner if it's fixed" promises the post only
            extra = _EXTRA.search(clause, max(0, at - 25), at)
            granted = _GESTURE_GRANTS if concept == "gesture" else CONCEPTS[concept]
            if concept == "refund" and _BELONGINGS.search(clause) and not _MONEY.search(clause):
                granted = _BELONGINGS_BACK  # (r27) "i cappotti rimasti verranno restituiti"
            if extra is not None:  # "an extra voucher" is one more than the facts grant
                word = extra.group(1) or extra.group(2)
                granted = tuple(f"{word} {s}" for s in granted)
            automatic = _told_as_automatic(
                lowered[sentence_start:sentence_end], support.promise_text
            )
            if _made_whole(concept, clause, at, support.promise_text):
                automatic = True  # not the grant the facts give, whatever they call it
            if _kept_and_refunded(
                concept, lowered[sentence_start:sentence_end], support.promise_text
            ):
                automatic = True  # (r28) "refund the order and keep the item"
            if _beyond_its_time(concept, clause, support.promise_text):
                automatic = True  # (r25) "we'll refund it, however long ago you bought it"
            if _to_everyone(clause, at, support.promise_text):
                automatic = True  # (r26) "we refund every ticket" for some tickets only
            if _more_than_granted(concept, clause, at, length, support.promise_text):
                automatic = True  # (r33) "we'll double your points"
            if _covers_everything(concept, clause, support.promise_text):
                automatic = True  # (r33) "we'll compensate you for every loss"
            if concept == "refund" and not automatic and _CANCELLED_ORDER.search(lowered):
                continue  # (r32) "I'm cancelling it now ... the refund can take five days"
            # (r25) A gift for nothing rests on no refund for goods sent back.
            text = support.gesture_text if concept == "gesture" else support.promise_text
            if not automatic and any(s in text for s in granted):
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
