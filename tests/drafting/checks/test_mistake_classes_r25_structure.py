"""Classes of mistake the twenty-fifth round found in the required moves (structure.*) and in
grounding.* on the thirtieth and thirty-first held-out sets, each fixed by a reading rather
than a phrase, and tested with fresh sentences (none taken from a labelled set) in English and
Italian, with near misses that must stay clean or keep failing.

Acknowledge: what should never have happened, said as having happened ("should never have been
sent", "non avrebbe mai dovuto arrivarti"); what we did despite what the customer had done
("and we still texted you", "anche se avevi lasciato il club"); where it left the customer ("put
you in an awkward position"); an apology whose clause has any noun subject, hyphenated or long;
an act of ours dated on a day gone by, which in Italian ("venerdì abbiamo inviato") is what
happened, not a step to come.
Next step: what will be done to the customer's thing by a time, with any verb ("will be erased
by Monday"), not a harm that goes on; what comes next and how ("a label will follow by e-mail").
Next update: the time of a past act ("we stopped it at 11:10 and will keep you posted") is no
time for the next update.
Grounding: facts that own the fault ("this was our own error") name a cause, so a thing or an
outside party told as the one that did it (the gateway, the tool, an update) is a cause the
facts must give; "it happened because" with any subject is a cause; a reason for advice, "why"
after a verb of understanding, an ironic "sure, definitely" and the day a cause happened give
no cause. A list of grants the facts rule out ("no voucher, discount or gift") rules out each;
a refund for goods sent back supports no gift given to make amends; what the facts quote (a
title) grants nothing; a time-limited grant promised for any time is not the facts' grant.
People counted by what they are ("90 employees") are a count.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drafting.checks import CheckReport
from tests.drafting.checks.conftest import EN, IT, findings

# A fresh incident: a birthday-offer text sent to former loyalty-club members, our own error.
CLUB = [
    "On Friday 4 December 2026 at 09:00 CET Verdello sent a birthday-offer text titled "
    '"A free gift for your birthday" to about 12,000 loyalty-club members, including people '
    "who had left the club. Former members were not removed from the list; this was Verdello's "
    "own error.",
    "Verdello stopped the texts at 11:10 CET on Friday 4 December 2026.",
    "Verdello will erase all data of former members by Monday 14 December 2026.",
    "Items bought with the birthday offer can be returned for a refund within 14 days of "
    "purchase. No voucher, discount or gift has been announced.",
    "Next update: Tuesday 8 December 2026 at 10:00 CET.",
]
CLUB_IT = [
    "Venerdì 4 dicembre 2026 alle 09:00 Verdello ha inviato un messaggio di compleanno "
    '"Un regalo per il tuo compleanno" a circa 12.000 soci del club fedeltà, anche a chi aveva '
    "lasciato il club. Gli ex soci non erano stati tolti dalla lista; è stato un nostro errore.",
    "Verdello ha fermato i messaggi alle 11:10 di venerdì 4 dicembre 2026.",
    "Verdello cancellerà tutti i dati degli ex soci entro lunedì 14 dicembre 2026.",
    "Gli articoli comprati con l'offerta di compleanno si possono restituire con rimborso entro "
    "14 giorni dall'acquisto. Non sono stati annunciati buoni, sconti o regali.",
    "Prossimo aggiornamento: martedì 8 dicembre 2026 alle 10:00.",
]

Check = Callable[..., CheckReport]


def _club(language: str) -> list[str]:
    return CLUB if language == "en" else CLUB_IT


# --- structure --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "acknowledged"),
    [
        # What should never have happened, said as having happened.
        ("en", f"We're sorry. That invoice should never have been sent to you. {EN}", True),
        ("en", f"We're sorry. You should never have received that reminder. {EN}", True),
        ("it", f"Ci dispiace. Quella fattura non avrebbe mai dovuto arrivarti. {IT}", True),
        ("it", f"Ci scusiamo. Non avrebbe dovuto riceverla. {IT}", True),
        # What we did despite what the customer had done.
        ("en", f"We're sorry. You had cancelled the plan and we still charged you. {EN}", True),
        ("en", f"We're sorry. Even though you had opted out, the flyer came. {EN}", True),
        ("it", f"Ci dispiace. Anche se avevi disdetto il piano, ti abbiamo scritto. {IT}", True),
        ("it", f"Ci dispiace. Avevi disdetto e te l'abbiamo addebitato lo stesso. {IT}", True),
        # Where it left the customer; an apology with a long or hyphenated subject.
        ("en", f"We're sorry it put you in such an awkward position. {EN}", True),
        ("it", f"Ci dispiace, ti ha messo in una situazione imbarazzante. {IT}", True),
        ("en", f"We're sorry our follow-up letter reached you at all. {EN}", True),
        ("en", f"Sorry a refund you were promised in writing never came. {EN}", True),
        # Near misses: a bare pointer, what the customer should have done.
        ("en", f"Sorry this happened. {EN}", False),
        ("en", f"We're sorry. You should have ordered earlier. {EN}", False),
        ("it", f"Ci dispiace. Anche se vuoi, possiamo chiamarti. {IT}", False),
    ],
)  # fmt: skip
def test_what_should_not_have_happened_or_happened_anyway_acknowledges_it(
    check: Check, language: str, text: str, acknowledged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": []})
    assert ("structure.acknowledge" not in got) is acknowledged


@pytest.mark.parametrize(
    ("language", "text", "acknowledged"),
    [
        # An act of ours on a day gone by, in the customer's and the facts' terms.
        ("it", f"Venerdì alle 9 abbiamo inviato il messaggio di compleanno anche a chi aveva "
               f"lasciato il club. Ci dispiace. Prossimo aggiornamento martedì alle 10:00. {IT}",
         True),
        # Near miss: the same act to come is a step, not what happened.
        ("it", f"Ci dispiace. Martedì invieremo un messaggio ai soci del club. Prossimo "
               f"aggiornamento martedì alle 10:00. {IT}", False),
    ],
)  # fmt: skip
def test_an_act_of_ours_dated_in_the_past_tells_what_happened(
    check: Check, language: str, text: str, acknowledged: bool
) -> None:
    got = findings(check, text, {"kind": "holding_statement", "facts": _club(language)})
    assert ("structure.acknowledge" not in got) is acknowledged


@pytest.mark.parametrize(
    ("language", "text", "step"),
    [
        ("en", f"Sorry you got that text. Your details will be erased by Monday 14 December. {EN}",
         True),
        ("en", f"Sorry you got that text. A prepaid label will follow by e-mail. {EN}", True),
        ("it", f"Ci dispiace per quel messaggio. I tuoi dati saranno cancellati entro lunedì 14 "
               f"dicembre. {IT}", True),
        # Near miss: a harm that goes on is no step.
        ("en", f"Sorry you got that text. Your parcel will be delayed by two days. {EN}", False),
    ],
)  # fmt: skip
def test_what_will_be_done_to_the_customers_thing_by_a_time_is_the_next_step(
    check: Check, language: str, text: str, step: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": _club(language)})
    assert ("structure.next_step" not in got) is step


@pytest.mark.parametrize(
    ("language", "text", "announced"),
    [
        ("en", f"Sorry for the texts. We stopped them at 11:10 CET and we'll keep you posted. "
               f"{EN}", False),
        ("it", f"Ci dispiace per i messaggi. Li abbiamo fermati alle 11:10 e vi terremo "
               f"aggiornati. {IT}", False),
        ("en", f"Sorry for the texts. We stopped them at 11:10 CET and we'll update you at "
               f"15:00 CET. {EN}", True),
        ("it", f"Ci dispiace per i messaggi. Li abbiamo fermati alle 11:10 e vi aggiorniamo "
               f"alle 15:00. {IT}", True),
    ],
)  # fmt: skip
def test_the_time_of_a_past_act_is_no_time_for_the_next_update(
    check: Check, language: str, text: str, announced: bool
) -> None:
    got = findings(check, text, {"kind": "holding_statement", "facts": _club(language)})
    assert ("structure.next_update" not in got) is announced


# --- grounding: causes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "flagged"),
    [
        # A thing or an outside party told as the one that did it, while the facts own the fault.
        ("en", f"Our SMS gateway sent the offer to an outdated list. {EN}", True),
        ("en", f"A CRM upgrade had wiped the opt-out flags. {EN}", True),
        ("it", f"Il nostro gestore degli SMS ha usato una lista vecchia. {IT}", True),
        ("it", f"Un aggiornamento del gestionale ha ignorato le disdette. {IT}", True),
        # "It happened because", with any subject.
        ("it", f"È successo perché quella mattina tutti i tecnici erano in ferie. {IT}", True),
        # A plea before it is no advice: the cause stays a cause.
        ("en", f"Please bear with us, it happened because the gateway was overloaded. {EN}",
         True),
        ("it", f"Ti chiediamo pazienza: è successo perché il gestore era sovraccarico. {IT}",
         True),
        # Near misses: a thing that broke down is the problem, not who did it; the facts' own
        # account.
        ("en", f"Our booking server crashed for ten minutes this morning. {EN}", False),
        ("it", f"Il gestionale ha smesso di funzionare per dieci minuti. {IT}", False),
        ("en", f"Former members weren't removed from the list: that was our own error. {EN}",
         False),
        ("it", f"Gli ex soci non erano stati tolti dalla lista: è stato un nostro errore. {IT}",
         False),
    ],
)  # fmt: skip
def test_an_agent_told_as_doing_it_is_a_cause_the_facts_must_give(
    check: Check, language: str, text: str, flagged: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": _club(language)})
    assert ("grounding.cause" in got) is flagged


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # A reason for advice to the customer.
        ("en", f"You may want to delete this post, because it shows your phone number. {EN}"),
        ("it", f"Ti consigliamo di cancellare il post perché mostra il tuo numero. {IT}"),
        # "Why" after a verb of understanding.
        ("it", f"Capiamo perché la cosa ti abbia fatto arrabbiare. {IT}"),
        # An ironic "sure, definitely" (tone reports the sarcasm).
        ("it", f"Certo, sicuramente è colpa del meteo. {IT}"),
        # The day a cause happened is its setting.
        ("it", f"Ci scusiamo per il fastidio causato dal nostro messaggio di venerdì. {IT}"),
    ],
)  # fmt: skip
def test_a_reason_for_advice_a_why_or_a_day_gives_no_cause(
    check: Check, language: str, text: str
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": _club(language)})
    assert "grounding.cause" not in got


# --- grounding: promises and counts -----------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "flagged"),
    [
        # A list of grants the facts rule out.
        ("en", f"Sorry about the text. We'll send you a voucher. {EN}", True),
        ("it", f"Ci dispiace per il messaggio. Ti mandiamo un buono. {IT}", True),
        # A gift to make amends rests on no refund for goods sent back.
        ("en", f"Sorry. We'd like to post you a scarf to make up for this. {EN}", True),
        ("it", f"Ci dispiace. Ti regaliamo una sciarpa per farci perdonare. {IT}", True),
        # A time-limited grant promised for any time.
        ("en", f"No worries, we'll refund it however long ago you bought it. {EN}", True),
        ("it", f"Tranquilla, te lo rimborsiamo anche se l'hai preso due anni fa. {IT}", True),
        # Near misses: the grant the facts give, as they give it.
        ("en", f"You can return it for a refund within 14 days of purchase. {EN}", False),
        ("it", f"Puoi restituirlo con rimborso entro 14 giorni dall'acquisto. {IT}", False),
    ],
)  # fmt: skip
def test_grants_the_facts_rule_out_or_limit_are_promises(
    check: Check, language: str, text: str, flagged: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": _club(language)})
    assert ("grounding.promise" in got) is flagged


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # What the facts quote (a title) grants nothing.
        ("en", f"Sorry about the text. We'll send you a free gift for your birthday. {EN}"),
        ("it", f"Ci dispiace per il messaggio. Ti manderemo un regalo per il compleanno. {IT}"),
    ],
)  # fmt: skip
def test_what_the_facts_quote_grants_nothing(check: Check, language: str, text: str) -> None:
    got = findings(check, text, {"kind": "reply", "facts": _club(language)})
    assert "grounding.promise" in got


@pytest.mark.parametrize(
    ("language", "text", "flagged"),
    [
        ("en", f"About 90 employees were moved to other stores. {EN}", True),
        ("it", f"Circa 90 dipendenti sono stati spostati in altri negozi. {IT}", True),
        # Near miss: the count the facts give.
        ("en", f"About 12,000 loyalty-club members got the text. {EN}", False),
    ],
)  # fmt: skip
def test_people_counted_by_what_they_are_is_a_count(
    check: Check, language: str, text: str, flagged: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": _club(language)})
    assert ("grounding.count" in got) is flagged
