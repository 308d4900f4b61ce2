"""What a draft's figures, causes and promises may rest on: the incident facts, the cited
sources and the policy's standing facts, read once per draft."""

from __future__ import annotations

import re
from functools import cached_property

from drafting.checks.checkrun import CheckRun
from drafting.checks.grounding.figures import (
    CALENDAR_DATE,
    cached_bare_numbers,
    claim_keys,
    ordinal_durations,
    spans_between_dates,
    standing_keys,
    weekdays_of,
)
from drafting.checks.grounding.words import topic

# "Gift" inside a product's name ("gift hampers", "confezione regalo") confirms no gift; (r32)
# one said to be free is given ("a free gift box", "a complimentary gift set").
PRODUCT_COMPOUND = re.compile(
    r"(?<!\bfree )(?<!\bcomplimentary )\bgift (hampers?|box(es)?|sets?|wrap\w*|bags?|baskets?|"
    r"guides?|ideas|shop|range|tags?)\b|"
    r"\b(hampers?|box(es)?|sets?|baskets?) (of )?gifts?\b|"
    r"\b(confezion\w+|cest\w+|scatol\w+|idee|set|pacc\w+) (da |di )?regalo\b|"
    # (r31) Gifts the customers buy, sent as orders ("Christmas gift orders", "birthday
    # presents", "ordini di regali di Natale"): goods, not something we give.
    r"\bgift (orders?|purchases?|parcels?|deliveries)\b|"
    r"\b(your|her|his|their|my) ([\w-]+ )?(gifts?|presents?)\b(?! (cards?|vouchers?|codes?|"
    r"certificates?|boxe?s?|hampers?))|"
    r"\b(il tuo|il suo|il Suo|i tuoi|i suoi|il vostro|i vostri) ([\w-]+ )?regal[oi]\b|"
    r"\b(christmas|xmas|birthday|wedding|holiday|anniversary|valentine'?s?) (gifts|presents)\b|"
    r"\b(ordin\w+|spedizion\w+|acquist\w+) (di |dei )?regal[oi]\b|"
    r"\bregali (di natale|natalizi|di compleanno|di nozze)\b",
    re.IGNORECASE,
)
# A fact that says something is not confirmed yet ("no new date confirmed", "data non ancora
# confermata") supports no promise about it.
_UNCONFIRMED = re.compile(
    r"\b(not (yet )?(confirmed|decided|known)|unconfirmed|to be confirmed|tbc|no (new )?date|"
    r"non (ancora )?(confermat\w*|decis\w*|not[oaie])|da confermare|nessuna (nuova )?data)",
    re.IGNORECASE,
)
# Where a denial's clause turns into another statement: "but", "however" ("ma", "però",
# "mentre"), or "and"/"or" ("e", "o") opening a clause with its own verb ("won't charge any fee
# and refunds of the duplicate payments land by Friday"), not a list of what is denied ("does
# not pay interest and late fees").
_CLAUSE_TURNS = (
    r"\b(?:but|however|whereas|ma|però|mentre|invece)\b|"
    r"\b(?:and|or|e|ed|o|oppure)\b(?=(?:\s+[\w'-]+){0,6}?\s+(?:will|would|can|could|shall|"
    r"is|are|was|were|has|have|had|gets?|lands?|arrives?|reach(?:es)?|goes|go|comes?|starts?|"
    r"begins?|remains?|stays?|sarà|saranno|è|sono|arriva|arrivano|verrà|verranno|viene|vengono|"
    r"ha|hanno|resta|restano|parte|partono)\b)"
)
_RULED_OUT = re.compile(
    r"\b(no|nessun[oa]?) (\w+ ){1,2}(is|are|will be|gets?|viene|vengono|sarà|saranno) "
    r"(issued|given|paid|offered|made|sent|needed|emess\w|dat\w|pagat\w|offert\w|inviat\w)|"
    # "We decided not to deliver these orders" rules the delivery out.
    r"\b(decided|chose|chosen|agreed) not to \w+|\b(deciso|scelto) di non \w+|"
    # (r24) ... and a grant the facts say nobody has announced ("no other compensation has been
    # announced", "no goodwill payment is planned", "non è stato annunciato nessun altro
    # indennizzo", "nessun buono è previsto"): not announced is not granted.
    # (r25) ... a list of them at once ("no other refund, gift card or discount has been
    # announced", "non sono stati annunciati altri rimborsi, sconti o regali"): each is ruled out.
    # (r27) ... each item of several words ("no compensation, discount or change in the
    # company's leadership has been announced").
    r"\bno (other |further |additional |extra |more )?(\w+ )?\w+((,|,? or|,? and|,? nor) "
    r"([\w'-]+ ){0,4}[\w'-]+){0,4} (has|have|is|are|was|were) "
    r"(yet )?(been )?(yet )?(announced|agreed|decided|planned|promised|approved|offered)\b|"
    r"\bnon (è|sono) (ancora )?stat[oaie] (annunciat|decis|previst|promess|approvat|concess)\w*"
    r"( (nessun[oa]?|alcun[oa]?|altr[oaie]|ulterior[ei]|un[oa]?|il|lo|la|i|gli|le)){0,3}"
    r" (un')?[\w-]+((,|,? e|,? o|,? né|,? oppure) [\w-]+){0,4}|"
    # ... and so does a grant denied with a modal or in the present ("Verdello cannot refund
    # payments made to the scammers", "we don't replace used items", "non può rimborsare",
    # "non rimborsiamo"): a fact that names the act only to rule it out supports no promise.
    r"\b(cannot|can't|can not|won't|will not|doesn't|does not|don't|do not|is not able to|"
    r"isn't able to|are not able to|aren't able to|(is|are) unable to|(is|are) not allowed to|"
    r"never) (\w+ )?(refund|reimburse|repay|replace|repair|compensate|cover|pay|credit|"
    r"send|give|deliver|ship)\w*"
    # (r33) ... with what it denies ("Verdello does not pay interest", "we can't replace used
    # items"), up to where the clause turns.
    rf"(?:(?!{_CLAUSE_TURNS})[^.,;:!?\n]){{0,40}}|"
    r"\bnon (può|possono|potrà|potranno|riesce a|riescono a|è in grado di|sono in grado di|"
    r"(ci )?è possibile|possiamo|potremo)?\s?(\w+ )?(rimbors|ripag|restitu|sostitu|ripar|"
    r"risarc|accredit|pag|copr|rid[aà]|rend|spedi|consegn)\w*"
    rf"(?:(?!{_CLAUSE_TURNS})[^.,;:!?\n]){{0,40}}|"
    # (r33) Whatever is denied with "any" or "nessun" ("is not running any gift card prize",
    # "non ha in corso nessun concorso", "we don't have any vouchers left"): the thing named
    # after it is ruled out.
    r"(\b(not|never|non|mai)|n't)\s+([\w']+\s+){0,3}?(any|nessun[oa]?|nessun'|alcun[oa]?|alcun')\s*"
    rf"(other |further |altr[oaie] |ulterior[ei] )?((?!{_CLAUSE_TURNS})[\w'-]+ ){{0,3}}"
    rf"(?!{_CLAUSE_TURNS})[\w'-]+|"
    # (r22) ... and a grant denied in any tense, its objects with it ("Verdello is not offering
    # vouchers or discounts over the video", "we aren't giving refunds", "non offre buoni o
    # sconti", "non sta dando rimborsi"): the things named after the denied verb are ruled out
    # too, up to where the clause turns ("..., but will refund orders").
    r"\b((is|are|was|were|has|have)(n't| not)( been)?|(isn't|aren't|wasn't|weren't|hasn't|"
    r"haven't)( been)?|non( sta| stanno| ha| hanno| è| sono)?( stat[oaie])?) "
    r"(offer|giv|issu|provid|grant|award|hand|hand(ing)? out|pay|paid|send|sent|"
    r"offr|off[eé]rt|d[aà]|dann|dand|concess|conced|emett|emess|erog|invi|prevede|previst)\w*"
    rf"(?:(?!{_CLAUSE_TURNS})[^.,;:!?\n]){{0,50}}",
    re.IGNORECASE,
)
# A statement that opens with a denial, to its end ("No passwords, card details or other payment
# data were exposed: ...", "Non sono state esposte password, ...", "None of the orders ...").
_DENIAL = re.compile(
    r"(^|(?<=[.;:!?\n]))\s{0,8}(no|none of|nothing|neither|nessun[oa]?|niente|nulla|non|né)\b"
    r"[^.;:!?\n]*",
    re.IGNORECASE,
)


# (r33) ... also in single quotes ("messages saying 'You won a gift card'"): an opening quote
# follows no letter and a closing one is followed by none, so "Verdello's" and "l'ordine" are
# apostrophes, not quotes.
_QUOTED = re.compile(
    r'"[^"\n]{1,200}"|“[^”\n]{1,200}”|«[^»\n]{1,200}»|‘[^’\n]{1,200}’|'
    r"(?<![\w'])'(?=\w)[^'\n]{1,200}?(?<=[\w.!?,)])'(?!\w)"
)
# (r25) A refund given for goods sent back ("returned for a refund", "send it back for a full
# refund", "restituire con rimborso", "rimborso al reso").
_REFUND_FOR_RETURN = re.compile(
    r"\b(return\w*|sen[dt] back|restitu\w+|res[oi])\b[^.;\n]{0,40}?\b(refund|rimbors)\w*|"
    r"\b(refund|rimbors)\w*[^.;\n]{0,15}?\b(on|after|upon|for|dopo il|al|col|con il) "
    r"(return|reso|restituzione)\w*",
)


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
        # (r25) What the facts quote (a title, a post, someone's words: 'an e-mail titled "15%
        # off party gifts"') grants nothing.
        confirmed = _QUOTED.sub(" ", confirmed)
        return PRODUCT_COMPOUND.sub(" ", confirmed.lower())

    @cached_property
    def gesture_text(self) -> str:
        """(r25) The promise text less the refunds the facts tie to goods sent back ("can be
        returned for a refund within 30 days", "reso con rimborso"): a refund in exchange for
        the goods is no gift, so it supports no gesture given for nothing."""
        return _REFUND_FOR_RETURN.sub(" ", self.promise_text)

    @cached_property
    def confirmed_topics(self) -> tuple[frozenset[str], ...]:
        """The content stems of each confirmed fact or source, less what it rules out ("we
        decided not to deliver these orders" confirms no delivery; see :meth:`promise_text`),
        and (r33) what they quote."""
        return tuple(
            topic(_QUOTED.sub(" ", _RULED_OUT.sub(" ", t)).lower())
            for t in self.items
            if not _UNCONFIRMED.search(t)
        )

    def restates(self, clause: str) -> bool:
        """Whether ``clause`` (two content words or more) says nothing one confirmed fact
        does not: "we'll e-mail you to book a new one" restating "customers ... will get an
        e-mail to book a new slot" promises no replacement."""
        stems = topic(clause)
        return len(stems) >= 2 and any(stems <= fact for fact in self.confirmed_topics)

    @cached_property
    def keys(self) -> frozenset[str]:
        """Normalised numeric claims found in the facts and sources (each item's cached: the
        same approved replies and guidelines come back draft after draft, in different
        combinations), with the weekdays of their dates."""
        keys = frozenset().union(*(claim_keys(t) for t in self.items))
        return keys | weekdays_of(keys, "\n".join(self.items))

    @cached_property
    def bare_numbers(self) -> frozenset[str]:
        """(r24) The numbers the facts and sources give that are no date, time, amount or
        duration (see claims.bare_numbers): what a count may rest on, whatever their order."""
        return frozenset().union(*(cached_bare_numbers(t) for t in self.items))

    @cached_property
    def date_spans(self) -> frozenset[str]:
        """Durations between the dates of the facts and sources (see spans_between_dates)."""
        return spans_between_dates(self.keys, self.text)

    @cached_property
    def context_keys(self) -> frozenset[str]:
        """... and in the customer's post and thread, where "2nd day" / "terzo giorno" says
        how long it has lasted ("two days is too long" says it back)."""
        return claim_keys(self.context) | ordinal_durations(self.context)

    @cached_property
    def standing(self) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
        """(keys, word stems) per standing fact: they support figures (opening hours, return
        period) but never an incident's cause or a promise made to this customer."""
        return standing_keys(self.standing_facts)

    @cached_property
    def dated(self) -> bool:
        """The facts give a calendar date ("24 November")."""
        return any(CALENDAR_DATE.match(k) for k in self.keys)
