"""compensation.*: what a draft offers, and how much, against the policy's kinds and caps."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from drafting.checks.brand_subject import brand_as_we
from drafting.checks.checkrun import CheckRun
from drafting.checks.claims import Claim, amounts, percentages
from drafting.numerals import number_words_pattern


@dataclass(frozen=True)
class Offer:
    kind: str
    start: int
    end: int
    sentence: tuple[int, int]


def offers(run: CheckRun) -> list[Offer]:
    """Compensation the draft offers: a kind word in a sentence with an offer marker."""
    lex = run.lexicon
    if lex.offer is None or not run.lexical:
        return []
    masked = brand_as_we(run, run.draft.masked)  # "Verdello will send you ..." offers too
    found: list[Offer] = []
    for start, end in run.draft.sentences:
        sentence = masked[start:end]
        if not lex.offer.search(sentence):
            continue
        hits = []
        for kind, pattern in lex.kinds.items():
            hits += [(m.start(), m.end(), kind) for m in pattern.finditer(sentence)]
        # Longest first, no overlaps: "refund the shipping" is a shipping refund, not a refund.
        hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
        kept: list[tuple[int, int, str]] = []
        for hit in hits:
            if any(hit[0] < k[1] and k[0] < hit[1] for k in kept):
                continue
            if lex.negation.search(sentence[: hit[0]]):
                continue  # "we can't offer a refund" is not an offer
            if hit[2] == "free_shipping" and _DELIVERY_IN_PLACE.search(
                sentence, max(0, hit[0] - 40), min(len(sentence), hit[1] + 40)
            ):
                continue  # "I can switch it to free home delivery instead": how it gets there
            if hit[2] in _HELD_BENEFITS and _THEIRS_ALREADY.search(sentence, 0, hit[0]):
                continue  # "your free delivery keeps working": a benefit they hold, not an offer
            if hit[2] == "gift" and _goods_a_message_was_about(sentence, hit[0], hit[1]):
                continue  # "we sent a newsletter about wedding gifts": goods, not an offer
            if (
                hit[2] == "gift"
                and _WHAT_THE_ITEM_WAS.search(sentence, max(0, hit[0] - 40), hit[0])
                and not _FROM_US.match(sentence, hit[1])
            ):
                continue  # "the lamp was a gift for my mother": the customer's item, not an offer
            kept.append(hit)
        found += [Offer(kind, start + s, start + e, (start, end)) for s, e, kind in kept]
    return found


# (r30) A benefit the customer already holds, named as theirs ("your free delivery carries on
# as usual", "la tua spedizione gratuita resta attiva"): what they keep, not what we give.
_HELD_BENEFITS = frozenset({"free_shipping", "free_return", "free_membership", "loyalty_points"})
_THEIRS_ALREADY = re.compile(
    r"(?i)\b(?:your|il tuo|la tua|i tuoi|le tue|il suo|la sua|i suoi|le sue|il vostro|la vostra)"
    r"(?: [\w-]+)?\s$"
)


# (r27) Free delivery of the customer's own order in place of collecting it ("we can switch
# your pick-up to free delivery instead", "in alternativa puoi riceverlo a casa con la consegna
# gratuita"): how the order reaches them, not something given on top.
_DELIVERY_IN_PLACE = re.compile(
    r"(?i)\b(?:instead|rather than (?:collect\w*|pick\w*|com\w+ in)|in place of|"
    r"(?:switch|change|move|turn|convert)\w* (?:it|them|your (?:pick-?up|order|collection)|"
    r"the (?:pick-?up|order|collection)) (?:in)?to|invece|anziché|al posto del ritiro|"
    r"in alternativa|(?:passare|trasformare|cambiare) (?:il ritiro|l'ordine) in)\b"
)


# (r25) Gifts named as the goods a message or campaign was about, not as something given to
# the customer: "the newsletter about graduation gifts went to the wrong list", "il volantino
# sui regali di laurea", "our gift-guide mailing". Read before the word (a message noun and a
# preposition, then at most three words) and after it (a message noun right behind it).
_TOPIC_BEFORE = re.compile(
    r"(?i)\b(?:e-?mails?|mails?|newsletters?|campaigns?|messages?|adverts?|ads|advertisements?|"
    r"catalogues?|catalogs?|mailings?|promotions?|promos?|posts?|banners?|flyers?|leaflets?|"
    r"texts?|sms|notifications?|campagn[ae]|messaggi?o?|pubblicità|promozion[ei]|volantin[oi]|"
    r"catalog(?:o|hi)|annunci?o?|notific(?:a|he)|newsletter)"
    r"(?:\s(?:about|on|advertising|promoting|featuring|selling|pushing|sui|sul|sugli|"
    r"sulle|sullo|su|dedicat[oaie] ai|dedicat[oaie] agli|dedicat[oaie] alle)"
    r"\s(?:[\w'-]+\s){0,3}|\s)$"
)
_TOPIC_AFTER = re.compile(
    r"(?i)[ -]?(?:e-?mails?|mails?|newsletters?|campaigns?|mailings?|adverts?|ads|promos?|"
    r"promotions?|catalogues?|catalogs?|flyers?|leaflets?|banners?|notifications?)\b"
)


# (r26) The customer's own item described as a gift ("the clock was a wedding present",
# "especially as it was a gift", "l'orologio era un regalo di mia madre"): what the broken or
# lost thing was, not something we give.
_WHAT_THE_ITEM_WAS = re.compile(
    r"(?i)\b(?:(?:it|this|that|which|they|these|those|he|she)(?:'s| is| was| were| are)|"
    r"being|bought (?:it |them )?as|meant as|intended as|chosen as|given (?:to \w+ )?as|"
    r"era|erano|è|sono|essendo|comprat[oaie] come|pensat[oaie] come|scelt[oaie] come)"
    r"(?: (?:also|really|actually|especially|just|only|proprio|anche|pure))?"
    r" (?:an? |un |una |uno |un')?(?:[\w-]+ )?$"
)

# ... unless the gift is said to be ours ("it's a gift from us", "è un regalo da parte nostra").
_FROM_US = re.compile(
    r"(?i)\s(?:from us|on us|from the team|for you|to say sorry|to make up|da parte nostra|"
    r"da noi|nostro|per te|per voi|per lei|per scusarci|per farci perdonare)\b"
)


def _goods_a_message_was_about(sentence: str, start: int, end: int) -> bool:
    """The gift word names what a message or campaign advertised ("a newsletter about
    christening gifts", "la campagna regali"), not something given to the customer."""
    return bool(
        _TOPIC_AFTER.match(sentence, end, min(len(sentence), end + 20))
        or _TOPIC_BEFORE.search(sentence, max(0, start - 60), start)
    )


def check(run: CheckRun) -> None:
    policy = run.policy.compensation
    found = offers(run)
    if found and run.enabled("compensation.kind_not_allowed"):
        bad = [o for o in found if o.kind not in policy.allowed]
        if bad:
            names = ", ".join(dict.fromkeys(o.kind.replace("_", " ") for o in bad))
            allowed = ", ".join(k.replace("_", " ") for k in policy.allowed) or "nothing"
            run.fail(
                "compensation.kind_not_allowed",
                (bad[0].start, bad[0].end),
                f"Offers {names}, which the policy does not allow (allowed: {allowed}).",
                "Remove the offer or replace it with an allowed one; anything else needs a "
                "team lead's decision first.",
            )
    flags = sorted(set(run.ctx.risk_flags) & set(policy.forbidden_on_risk_flags))
    if flags and run.enabled("compensation.on_escalation"):
        # What every customer gets anyway ("refunded automatically, as it is for every late
        # order") is policy restated, not an offer made because of this post.
        # Something given on top of it as goodwill ("plus a voucher as a goodwill gesture") is
        # an offer all the same.
        everyone = run.lexicon.for_everyone
        extra = run.lexicon.goodwill
        own = [
            o
            for o in found
            if everyone is None
            or not everyone.search(said := run.draft.masked[o.sentence[0] : o.sentence[1]])
            or (extra is not None and extra.search(said))
        ]
        span = (own[0].start, own[0].end) if own else _damages(run)
        if span is not None:
            run.fail(
                "compensation.on_escalation",
                span,
                f"Offers compensation on a post flagged {', '.join(flags)}; an offer there "
                "can be read as an admission of liability.",
                "Remove the offer and route the post to the escalation contact.",
            )
    _check_amounts(run, found)


# Money called compensation ("100 EUR compensation", "un risarcimento di 50 euro").
_CALLED_COMPENSATION = re.compile(
    r"\b(compensation|compensate|goodwill|gesture|risarciment\w+|indennizz\w+|compensazione|"
    r"gesto)\b",
    re.IGNORECASE,
)


# An amount written in words ("a voucher worth fifteen euros", "un buono da quindici euro"):
# still an amount named in public.
_NUMBER_WORDS = rf"(?:(?:a |one )?hundred|{number_words_pattern()})"
_CURRENCY_WORD = re.compile(r"\b(?:euros?|eur|pounds?|quid|dollars?|sterline)\b", re.IGNORECASE)
_WORDED_AMOUNT = re.compile(
    rf"\b{_NUMBER_WORDS}(?:[- ]?(?:and )?{_NUMBER_WORDS})*\s+(?:euros?|eur|pounds?|quid|"
    r"dollars?|sterline)\b",
    re.IGNORECASE,
)


def _named_in_words(run: CheckRun) -> tuple[int, int] | None:
    """In a sentence that names a compensation kind, an amount written in words ("a voucher
    worth fifteen euros"): how much, named in public. (Digits are read by amounts().)"""
    text = run.draft.masked
    if not _CURRENCY_WORD.search(text):
        return None  # the common case: no currency named in words at all
    kinds = list(run.lexicon.kinds.values())
    for start, end in run.draft.sentences:
        words = text[start:end]
        m = _WORDED_AMOUNT.search(words)
        if m is not None and any(p.search(words) for p in kinds):
            return start + m.start(), start + m.end()
    return None


# Clauses of a sentence: "we'll refund your 89 EUR and add a 10 EUR voucher" has two offers.
_CLAUSE = re.compile(r"[^,;:()]+?(?=,|;|:|\(|\)|\s(?:and|but|plus|e|ma)\s|$)")


def _is_goodwill(
    run: CheckRun,
    text: str,
    sentence: tuple[int, int],
    start: int,
    end: int,
    capped: Collection[str],
) -> bool:
    """Whether an amount is goodwill (capped) rather than money paid back: the compensation
    kind named nearest to it decides ("Il rimborso di 45 euro ti arriverà" is a refund of what
    the customer paid; "a 40 EUR voucher" is goodwill), and a goodwill marker in its own clause
    ("as a gesture", "on top of", "in più") makes even a refund goodwill. An amount with no
    kind beside it counts as goodwill."""
    words = text[sentence[0] : sentence[1]]
    nearest: tuple[int, str] | None = None
    for kind, pattern in run.lexicon.kinds.items():
        for m in pattern.finditer(words):
            s, e = sentence[0] + m.start(), sentence[0] + m.end()
            distance = max(s - end, start - e, 0)
            if nearest is None or distance < nearest[0]:
                nearest = (distance, kind)
    if nearest is None or nearest[1] in capped:
        return True
    marker = run.lexicon.goodwill
    if marker is None:
        return False
    for clause in _CLAUSE.finditer(words):
        if clause.start() <= start - sentence[0] < clause.end() + 1:
            return bool(marker.search(clause.group(0)))
    return bool(marker.search(words))


# An amount that names what the customer was charged or what something costs ("every
# duplicate of 49.90 EUR", "the 30 EUR taken twice", "the price of 49 EUR", "il prezzo di 49
# euro", "the 30 EUR you paid"): a fact of the incident, not an offer.
_CHARGED_BEFORE = re.compile(
    r"\b((duplicates?|double charges?|charges?|payments?|transactions?|debits?|addebit[oi]|"
    r"doppi addebiti|doppio addebito|pagament[oi]|transazion[ei]) (of|di|da)|"
    r"(the|your|that|this|a|il|lo|l'|i|gli|quel|quei) (duplicate|double|extra|second|overcharged|"
    r"doppi|doppio|secondo)( charge| payment| addebito| pagamento)?|"
    r"(price|prices|cost|costs|prezzo|prezzi|costo|costi|listed|sold|priced|advertised|"
    r"in vendita|venduto|venduta|messo in vendita|messa in vendita|prezzato)"
    r"( of| at| for| di| a| da)?)\s*$",
    re.IGNORECASE,
)
_CHARGED_AFTER = re.compile(
    r"^\s*(was |were |has been |have been |è stato |sono stati )?(charged|taken|debited|"
    r"addebitat[oi]|prelevat[oi])\b|"
    r"^\s*(that |which |che )?(you|hai|ha|avete) (paid|spent|were charged|pagato|speso)\b|"
    r"^\s*(pagat[oi]|spes[oi]) (da te|da lei|in più|due volte)",
    re.IGNORECASE,
)


# An amount that is a balance or a reading ("balances are showing as 0.00 EUR", "il saldo
# risulta 0,00 euro"), a fee or a price someone asks for ("asking people to pay 4.99 EUR",
# "chiedono 1,99 euro"): what the customer sees or is asked to pay, not what we give.
_STATE_BEFORE = re.compile(
    r"\b((balance|balances|saldo|saldi)\b[^.,;:!?]{0,40}?\b(at|of|is|are|was|were|"
    r"shows?|showing|shown|displays?|displaying|reads?|reading|as|a|di|è|sono|risulta|risultano|"
    r"mostra|mostrano|segna|segnano|appare|appaiono)|(shows?|showing|shown|displays?|displaying|"
    r"displayed|reads?|reading|risulta|risultano|mostra|mostrano|segna|segnano|appare|appaiono)"
    r"( as| at| come| a| di)?|"
    r"(fee|fees|charge|surcharge|cost|costo|costi|spese|tariffa|commissione)"
    r"( of| di| da)?|in exchange for|in return for|in cambio di|"
    r"(?:need|needs|needed|have|has|had|must|asked|told) to pay|"
    r"(asks?|asking|asked|requests?|requesting|requested|demands?|demanding|"
    r"chiede|chiedono|chiedendo|chiedere|chiesto)( you| people| customers| them| for| to pay|"
    r" di pagare| a| an| un| una| the| il| la)*)\s*$",
    re.IGNORECASE,
)
_STATE_AFTER = re.compile(
    r"^\s*['\"]?(shipping |delivery |handling |processing |admin |release |customs )?"
    r"(fee|fees|charge|surcharge)\b|^\s*(di |per )?(spese|costi|commissione|tariffa|spedizione|"
    r"consegna)\b|"
    r"^\s*per (un|il|la|lo|ritirare|sbloccare|ricevere) (pacco|spedizione|consegna|premio)",
    re.IGNORECASE,
)


# (r33) An amount inside what someone else's message, site or offer says ("texts saying you've
# won a 500 EUR gift card", "fake e-mails promising a 100 EUR voucher", "SMS che dicono di aver
# vinto un buono da 500 euro", "if you think a shop gives away 300 EUR vouchers"): the claim
# reported, often to warn against it, not what we give.
_REPORTED_BEFORE = re.compile(
    r"(?i)(?:\b(?:texts?|sms|e-?mails?|mails?|messages?|messaggi|calls?|chiamate|ads?|adverts?|"
    r"posts?|sites?|websites?|pages?|links?|accounts?|profiles?|pop-?ups?|notifications?|"
    r"annunci|siti|pagine|profili|notifiche|scammers?|fraudsters?|truffatori)\b"
    r"(?P<gap>[^.!?;:]{0,40}?)\b(?:saying|that say|which say|say|says|claiming|that claim|"
    r"claim|claims|promising|that promise|promise|promises|offering|that offer|"
    r"telling (?:you|people|them)|"
    r"announcing|che dicono|che dice|che promettono|che promette|che offrono|che offre|"
    r"che annunciano|dicendo|promettendo|offrendo|secondo cui|in cui si dice)\b|"
    r"\b(?:you(?:'ve| have)? won|you(?:'re| are) the winner of|(?:hai|avete|aver|avete) vinto)\b|"
    r"\b(?:a|any|no|some|another|un|una|nessun[oa]?)\s(?:\w+\s)?(?:shop|store|company|brand|"
    r"retailer|business|negozio|azienda|marchio)\s(?:\w+\s)?(?:gives?|giving|hands? out|"
    r"regala|regalano|offre|offrono|d[àa] via)\b)"
    r"[^.!?;:]{0,80}$"
)


# ... unless the message is ours ("our e-mail saying you'll get a 20 EUR voucher", "the e-mail
# we sent you saying ...", "la nostra e-mail che dice ...").
_OURS = re.compile(
    r"(?i)\b(?:our|we|nostr[oaie]|abbiamo|(?:vi|ti) (?:abbiamo )?(?:inviato|mandato))\b"
)


def _reported_claim(run: CheckRun, text: str, start: int) -> bool:
    sentence = run.draft.sentence_at(start)
    m = _REPORTED_BEFORE.search(text, max(sentence[0], start - 140), start)
    if m is None:
        return False
    before = text[max(sentence[0], m.start() - 10) : m.start()] + " " + (m.group("gap") or "")
    return not _OURS.search(before)


def _names_a_charge(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 60) : start], text[end : end + 30]
    return bool(
        _CHARGED_BEFORE.search(before[-30:])
        or _CHARGED_AFTER.search(after)
        or _STATE_BEFORE.search(before)
        or _STATE_AFTER.search(after)
    )


def _incident_amounts(run: CheckRun) -> set[tuple[float, str]]:
    """Amounts the incident facts state as facts, not as compensation ("balances show as 0.00
    EUR", "it asks people to pay a 4.99 EUR fee"): no compensation kind and no offer word in
    the clause around them. Repeating one of them in a draft describes the incident."""
    out: set[tuple[float, str]] = set()
    kinds = list(run.lexicon.kinds.values())
    offer = run.lexicon.offer
    for fact in run.ctx.facts:
        for claim in amounts(fact):
            if claim.value is None or claim.currency is None:
                continue
            left = max(fact.rfind(c, 0, claim.start) for c in ",;:.") + 1
            rights = [i for c in ",;:" if (i := fact.find(c, claim.end)) >= 0]
            clause = fact[left : min(rights, default=len(fact))]
            if any(p.search(clause) for p in kinds) or (offer and offer.search(clause)):
                continue
            out.add((claim.value, claim.currency))
    return out


def _damages(run: CheckRun) -> tuple[int, int] | None:
    """An offer to pay for the harm itself ("our insurer will cover your medical costs")."""
    pattern = run.lexicon.damages
    if pattern is None or not run.lexical:
        return None
    masked = run.draft.masked
    for m in pattern.finditer(masked):
        start, _ = run.draft.sentence_at(m.start())
        if not run.lexicon.negation.search(masked[start : m.start()]):
            return m.span()
    return None


def _offer_governs(run: CheckRun, text: str, claim: Claim) -> bool:
    """A compensation kind within a few words of the amount ("a 10 EUR voucher", "un buono da
    15 euro") makes it an offer even when the facts state the same figure."""
    window = text[max(0, claim.start - 25) : claim.end + 25]
    return any(p.search(window) for p in run.lexicon.kinds.values())


def _check_amounts(run: CheckRun, found: list[Offer]) -> None:
    policy = run.policy.compensation
    text = run.draft.masked
    sentences = {o.sentence for o in found}
    kinds_any = [p for p in run.lexicon.kinds.values()]

    def in_offer(start: int) -> bool:
        sent = run.draft.sentence_at(start)
        if sent in sentences:
            return True
        words = text[sent[0] : sent[1]]
        if any(p.search(words) for p in kinds_any):
            return True
        # Money offered as compensation with no kind named ("we will pay you 100 EUR
        # compensation"): an offer marker and the word for it make it one.
        offer = run.lexicon.offer
        return bool(
            offer is not None
            and _CALLED_COMPENSATION.search(words)
            and offer.search(brand_as_we(run, words))
        )

    channel = run.ctx.channel
    public_done = over_done = False
    capped = set(policy.capped_kinds)
    stated: set[tuple[float, str]] | None = None  # worked out on the first amount only
    for claim in amounts(text):
        if not in_offer(claim.start) or claim.value is None or claim.currency is None:
            continue
        if claim.value <= 0:
            continue  # "gift cards showing 0 EUR": a balance, never an offer
        if stated is None:
            stated = _incident_amounts(run) if run.ctx.facts else set()
        if (claim.value, claim.currency) in stated and not _offer_governs(run, text, claim):
            continue  # the incident's own figure ("balances show 0.00 EUR"), not an offer
        if _reported_claim(run, text, claim.start):
            continue  # what a fake message or someone else offers, reported
        sentence = run.draft.sentence_at(claim.start)
        goodwill = _is_goodwill(run, text, sentence, claim.start, claim.end, capped)
        caps = policy.caps.get(claim.currency)
        span = (claim.start, claim.end)
        amount = f"{claim.value:g} {claim.currency}"
        if (
            run.public
            and not public_done
            and run.enabled("compensation.public_amount")
            and not _names_a_charge(text, claim.start, claim.end)
        ):
            if not policy.name_amounts_in_public:
                run.fail(
                    "compensation.public_amount",
                    span,
                    f"Names an amount ({amount}) in a public reply; the policy keeps "
                    "compensation amounts out of public replies.",
                    'Say "a voucher" or "a refund" without the amount, and give the '
                    "amount in the private channel.",
                )
                public_done = True
            elif caps is not None and caps.public is not None and claim.value > caps.public:
                run.fail(
                    "compensation.public_amount",
                    span,
                    f"Names {amount} in a public reply; the public cap is "
                    f"{caps.public:g} {claim.currency}.",
                    "Remove the amount from the public reply; discuss it in private.",
                )
                public_done = True
        if over_done or not goodwill or not run.enabled("compensation.over_cap"):
            continue
        if policy.caps and caps is None:
            run.fail(
                "compensation.over_cap",
                span,
                f"Offers {amount}, but the policy sets no cap for {claim.currency} "
                f"(caps exist for {', '.join(policy.caps)}).",
                "Offer in a currency the policy caps, or ask a team lead.",
            )
            over_done = True
            continue
        if caps is None:
            continue
        cap = caps.for_channel(channel, public=run.public)
        if cap is not None and claim.value > cap:
            run.fail(
                "compensation.over_cap",
                span,
                f"Offers {amount}; the cap on {channel} is {cap:g} {claim.currency}.",
                f"Lower it to {cap:g} {claim.currency} or less, or have a team lead "
                "approve it with a reason.",
            )
            over_done = True
    if (
        run.public
        and not public_done
        and not policy.name_amounts_in_public
        and run.enabled("compensation.public_amount")
    ):
        worded = _named_in_words(run)
        if worded is not None:
            said = text[worded[0] : worded[1]]
            run.fail(
                "compensation.public_amount",
                worded,
                f"Names how much ({said!r}) in a public reply; the policy keeps compensation "
                "amounts out of public replies.",
                'Say "a voucher" without how much, and give it in the private channel.',
            )
    limit = policy.max_discount_percent
    if limit is not None and not over_done and run.enabled("compensation.over_cap"):
        discount_sentences = {o.sentence for o in found if o.kind == "discount"}
        for claim in percentages(text):
            if (
                run.draft.sentence_at(claim.start) in discount_sentences
                and (claim.value or 0) > limit
            ):
                run.fail(
                    "compensation.over_cap",
                    (claim.start, claim.end),
                    f"Offers a {claim.value:g}% discount; the cap is {limit:g}%.",
                    f"Offer {limit:g}% or less, or have a team lead approve it.",
                )
                break
