"""Classes of mistake the twenty-eighth round found in the required moves (structure.*) and in
grounding.* on the thirty-sixth and thirty-seventh held-out sets, each fixed by a reading rather
than a phrase, and tested with fresh sentences (none taken from a labelled set) in English and
Italian, with near misses that must stay clean or keep failing.

Acknowledge: what was due, said not to come in time ("the spare part won't be here before the
wedding"); a promise of ours named as not kept; what we did without the right to; a check
nobody made; a natural disaster or a copied work named by its word.
Next step: an Italian act of giving in the present ("vi prepariamo un pacco nuovo"); what will
reach the customer ("the credit will show on your statement"); what is already booked; a
meeting set ("ci sentiamo domani alle 10").
Grounding: the facts' cause told in the other language; "perché" with a subjunctive is a
purpose; where the thing at fault came from, told as its origin; a time to come the facts give
in other figures; money "back on your card" is a refund; a refund with the goods kept where the
facts refund goods sent back.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drafting.checks import CheckReport
from tests.drafting.checks.conftest import EN, IT, findings

Check = Callable[..., CheckReport]

# A fresh incident: a snowstorm closed the depot that ships a concert-ticket printer's orders.
SNOW = [
    "On Friday 4 December 2026 a snowstorm closed the Verdello depot in Trento, where about 600 "
    "orders of printed wedding invitations are held.",
    "Those orders will not reach customers by Saturday 12 December 2026.",
    "Verdello is refunding the 3 EUR express fee on every affected order. A refund can take up "
    "to seven working days to appear.",
    "Customers who no longer want an affected order can send it back when it arrives, free of "
    "charge, and get a full refund.",
    "Next update: Monday 7 December 2026 at 12:00 CET.",
]

# A fresh incident: a poster print that reproduced a photographer's picture.
POSTER = [
    "On Monday 30 November 2026 Verdello put on sale a poster whose image copies a photograph "
    "by an independent photographer, used without credit or permission.",
    "Verdello chose and approved the image; the responsibility is Verdello's.",
    "Anyone who bought the poster can return it for a full refund until 31 December 2026.",
]


# --- structure --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "acknowledged"),
    [
        ("en", f"The spare part won't be here before the wedding, and we're sorry. {EN}", True),
        ("en", f"We're sorry: your tickets will not reach you by Friday. {EN}", True),
        ("en", f"We broke our word on the launch date. We're sorry. {EN}", True),
        ("en", f"We're sorry. We printed her photo without permission. {EN}", True),
        ("en", f"We're sorry. Nobody on our side reviewed the wording. {EN}", True),
        ("en", f"We're sorry. The storm flattened the marquee. {EN}", True),
        ("it", f"Il ricambio non sarà pronto prima del matrimonio, ci dispiace. {IT}", True),
        ("it", f"Ci dispiace: i biglietti non vi arriveranno entro venerdì. {IT}", True),
        ("it", f"Non abbiamo rispettato l'impegno sulla data di lancio. Ci scusiamo. {IT}", True),
        ("it", f"La parola data era nostra e non siamo riusciti a mantenerla. Ci dispiace. {IT}",
         True),
        ("it", f"Ci dispiace. Abbiamo pubblicato la sua foto senza autorizzazione. {IT}", True),
        ("it", f"Ci dispiace. Nessuno del team ha riletto il testo. {IT}", True),
        ("it", f"Ci dispiace. Il deposito si è allagato. {IT}", True),
        # Near misses: an apology alone, a reassurance, a guess.
        ("en", f"We're sorry. Send us a DM. {EN}", False),
        ("en", f"We're sorry. You won't need to ask for the refund. {EN}", False),
        ("en", f"We're sorry. Maybe nobody checked it. DM us. {EN}", False),
        ("it", f"Ci dispiace. Scrivici in DM. {IT}", False),
        ("it", f"Ci dispiace. Non dovrai chiedere nulla. Scrivici in DM. {IT}", False),
    ],
)  # fmt: skip
def test_a_deadline_missed_a_promise_broken_or_a_right_overstepped_acknowledges_it(
    check: Check, language: str, text: str, acknowledged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": []})
    assert ("structure.acknowledge" not in got) is acknowledged


@pytest.mark.parametrize(
    ("language", "text", "step"),
    [
        ("it", f"Ci dispiace per il ritardo. Vi prepariamo un pacco nuovo. {IT}", True),
        ("it", f"Ci dispiace per il ritardo. Le accreditiamo la differenza. {IT}", True),
        ("it", f"Ci dispiace per il ritardo. Il credito comparirà sul conto entro venerdì. {IT}",
         True),
        ("it", f"Ci dispiace per il ritardo. Il ritiro è prenotato. {IT}", True),
        ("it", f"Ci dispiace per il ritardo. Ci sentiamo domani alle 10. {IT}", True),
        ("en", f"Sorry for the delay. The credit will show on your statement. {EN}", True),
        ("en", f"Sorry for the delay. Your collection is booked. {EN}", True),
        ("en", f"Sorry for the delay. See you on Monday at the fitting. {EN}", True),
        # Near misses: thanks, understanding and a state are no step.
        ("it", f"Ci dispiace per il ritardo. Ti ringraziamo e ti capiamo. {IT}", False),
        ("it", f"Ci dispiace per il ritardo. Ci vediamo costretti a chiudere. {IT}", False),
        ("en", f"Sorry for the delay. We see why you're cross. {EN}", False),
    ],
)  # fmt: skip
def test_an_act_a_booking_or_a_meeting_to_come_is_the_next_step(
    check: Check, language: str, text: str, step: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": []})
    assert ("structure.next_step" not in got) is step


# --- grounding --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # The facts' cause, in Italian over English facts.
        (f"Gli ordini sono fermi perché la tempesta di neve ha chiuso il deposito. {IT}", False),
        (f"Gli inviti sono in ritardo a causa della chiusura del deposito. {IT}", False),
        # A purpose, not a cause.
        (f"Avevi pagato l'espresso perché gli inviti arrivassero in tempo. {IT}", False),
        # ... but a cause the facts don't give, in either language.
        (f"Gli ordini sono fermi perché il corriere ha perso il furgone. {IT}", True),
        (f"The orders are stuck because the printer ran out of card. {EN}", True),
    ],
)
def test_a_cause_is_read_across_languages_and_a_purpose_is_none(
    check: Check, text: str, flagged: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": SNOW})
    assert ("grounding.cause" in got) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"We're sorry. The image was lifted from a free stock site. {EN}", True),
        (f"We're sorry. The picture was supplied by a print agency we use. {EN}", True),
        (f"Ci dispiace. L'immagine ce l'ha proposta un'agenzia esterna. {IT}", True),
        (f"Ci dispiace. La foto è stata scaricata da un archivio gratuito. {IT}", True),
        # Near miss: the origin as the facts give it.
        (f"We're sorry. The image copies a photograph by an independent photographer. {EN}", False),
    ],
)
def test_where_the_thing_at_fault_came_from_must_be_in_the_facts(
    check: Check, text: str, flagged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": POSTER})
    assert ("grounding.cause" in got) is flagged


@pytest.mark.parametrize(
    ("text", "check_id", "flagged"),
    [
        # A time to come the facts give in other figures (seven working days).
        (f"The express fee will be back on your card in three days. {EN}", "grounding.duration",
         True),
        (f"Il rimborso comparirà sul conto entro tre giorni. {IT}", "grounding.duration", True),
        (f"The refund can take up to seven working days. {EN}", "grounding.duration", False),
        # Money back on the card is a refund, which the facts give.
        (f"The express fee will be back on your card soon. {EN}", "grounding.promise", False),
        # A refund with the goods kept, where the facts refund goods sent back.
        (f"We'll refund the invitations and you can keep them. {EN}", "grounding.promise", True),
        (f"Ti rimborsiamo gli inviti e puoi tenerli. {IT}", "grounding.promise", True),
        (f"Send it back when it arrives and we'll refund it. {EN}", "grounding.promise", False),
    ],
)  # fmt: skip
def test_a_time_to_come_and_a_refund_are_the_facts_own(
    check: Check, text: str, check_id: str, flagged: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": SNOW})
    assert (check_id in got) is flagged
