"""Classes of mistake the twenty-ninth round found in the required moves (structure.*) and in
grounding.* on the thirty-eighth and thirty-ninth held-out sets, each fixed by a reading rather
than a phrase, and tested with fresh sentences (none taken from a labelled set) in English and
Italian, with near misses that must stay clean or keep failing.

Acknowledge: an apology, or our understanding of the customer's feeling, whose object names a
thing of the incident ("sorry about the survey e-mail"); not a place or a pointer.
Next step and next update: a dated note of more news ("More on the refunds Thursday at
10:00"), a future of presenting ("illustreremo"), what goes ahead as planned, what will be with
the customer by a day, no further action needed, where the customer finds us.
Grounding: the clock time heading an update is its dateline; the part of the day a cause
happened is its setting; a cause ends where its consequence starts ("and now"); one of our
people or a partner named as the one who erred; a denial that anyone outside got in denies a
break-in.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drafting.checks import CheckReport
from tests.drafting.checks.conftest import EN, IT, findings

Check = Callable[..., CheckReport]

# A fresh incident: a survey e-mail that greeted every recipient with an insult.
SURVEY = [
    "On Thursday 3 December 2026 at 19:20 CET Verdello sent a customer survey e-mail that "
    "greeted about 80,000 recipients as 'Dear Complainer'. It was a draft template sent by "
    "mistake. No customer data was accessed by anyone outside Verdello.",
    "Verdello sent an apology e-mail on Friday 4 December 2026 at 08:00 CET.",
    "Next update: Friday 4 December 2026 at 17:00 CET.",
]

# A fresh incident: the lifts of a store out of order.
LIFTS = [
    "Since Monday 7 December 2026 the lifts at the Verdello store in Deansgate, Manchester, are "
    "out of order; the cause is a failed control board.",
    "Staff carry purchases to the ground floor for anyone who asks.",
    "Next update: Monday 7 December 2026 at 18:00 GMT.",
]


# --- structure --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "acknowledged"),
    [
        (f"We're sorry about the survey e-mail. DM us if you'd like to talk. {EN}", True),
        (f"We understand you're upset about the survey. DM us. {EN}", True),
        (f"Ci scusiamo per la mail del sondaggio. Scrivici in DM. {IT}", True),
        (f"Capiamo che tu sia arrabbiata per il sondaggio. Scrivici in DM. {IT}", True),
        # Near misses: a place, a pointer, an apology for nothing named.
        (f"We're sorry about what happened at our Leeds store. DM us. {EN}", False),
        (f"Ci dispiace per quanto successo. Scrivici in DM. {IT}", False),
        (f"We're sorry. DM us. {EN}", False),
    ],
)
def test_an_apology_for_a_thing_of_the_incident_acknowledges_it(
    check: Check, text: str, acknowledged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": SURVEY})
    assert ("structure.acknowledge" not in got) is acknowledged


@pytest.mark.parametrize(
    ("text", "step"),
    [
        (f"Sorry for the delay. More on the refunds Thursday at 10:00 CET. {EN}", True),
        (f"Ci dispiace per il ritardo. Novità sui rimborsi giovedì alle 10:00. {IT}", True),
        (f"Sorry for the delay. Your table will still be delivered as planned. {EN}", True),
        (f"Ci dispiace per il ritardo. Il tavolo ti sarà consegnato come previsto. {IT}", True),
        (f"Sorry for the delay. The replacement should be with you by Tuesday. {EN}", True),
        (f"Ci dispiace per il ritardo. Se vuoi, ci trovi in privato su WhatsApp. {IT}", True),
        (f"Sorry for the mix-up. Your booking is still valid. {EN}", True),
        (f"Ci dispiace per il disguido. La tua prenotazione resta valida. {IT}", True),
        # Near misses: what won't go ahead, a vague "soon", a number of people.
        (f"Sorry for the mix-up. Your booking is not valid. {EN}", False),
        (f"Ci dispiace per il disguido. La tua prenotazione non è valida. {IT}", False),
        (f"Sorry for the delay. The table won't arrive as planned. {EN}", False),
        (f"Sorry for the delay. It should be with you in the next few days. {EN}", False),
        (f"Sorry for the delay. More than 300 people wrote to us. {EN}", False),
    ],
)
def test_news_at_a_time_or_a_plan_that_goes_ahead_is_the_next_step(
    check: Check, text: str, step: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": []})
    assert ("structure.next_step" not in got) is step


def test_no_further_action_needed_is_the_next_step(check: Check) -> None:
    text = (
        f"Hello,\n\nWe've checked your account: it's fine. No further action is required.\n\n{EN}"
    )
    got = findings(check, text, {"kind": "dm_followup", "channel": "email", "facts": []})
    assert "structure.next_step" not in got


@pytest.mark.parametrize(
    ("text", "announced"),
    [
        (f"The lifts are still down and we're sorry. Further news about them tomorrow, 9:00 "
         f"GMT. {EN}", True),
        (f"Gli ascensori sono ancora fermi, ci dispiace. Illustreremo le riparazioni domani "
         f"alle 9:00. {IT}", True),
        (f"The lifts are still down and we're sorry. We'll outline the repairs at 17:00. {EN}",
         True),
        # Near miss: a time that is when the lifts stopped.
        (f"The lifts stopped at 9:00 and we're sorry. {EN}", False),
    ],
)  # fmt: skip
def test_a_dated_note_of_more_news_is_the_next_update(
    check: Check, text: str, announced: bool
) -> None:
    got = findings(check, text, {"kind": "holding_statement", "facts": []})
    assert ("structure.next_update" not in got) is announced


# --- grounding --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"Update 16:30 GMT: the Deansgate lifts are still out of order. Next update at 18:00 "
         f"GMT. {EN}", False),
        (f"Aggiornamento delle 16:30: gli ascensori di Deansgate sono ancora fermi. Prossimo "
         f"aggiornamento alle 18:00. {IT}", False),
        # Near miss: a time in the body the facts don't give.
        (f"Update 16:30 GMT: the lifts stopped at 15:10. Next update at 18:00 GMT. {EN}", True),
    ],
)  # fmt: skip
def test_the_clock_time_heading_an_update_is_its_dateline(
    check: Check, text: str, flagged: bool
) -> None:
    got = findings(check, text, {"kind": "status_update", "facts": LIFTS})
    assert ("grounding.datetime" in got) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # The incident itself as what caused the customer's trouble, with its part of the day.
        (f"We're sorry for the upset caused by last night's survey e-mail. {EN}", False),
        (f"Ci scusiamo per il fastidio causato dalla mail di stasera. {IT}", False),
        (f"Hai disdetto l'abbonamento per colpa della nostra mail e ora ti manca la rivista. "
         f"Ci dispiace. {IT}", False),
        # One of our people or a partner named as the one who erred.
        (f"A trainee in our CRM team accidentally sent the survey. We're sorry. {EN}", True),
        (f"Our mailing agency picked the wrong template. We're sorry. {EN}", True),
        (f"Una tirocinante ha inviato per errore il sondaggio. Ci dispiace. {IT}", True),
        (f"Il nostro fornitore ha caricato il modello sbagliato. Ci dispiace. {IT}", True),
        # Our systems said to be broken into, where the facts say nobody outside got in.
        (f"Our mail servers were hacked last night. We're sorry. {EN}", True),
        (f"Alcuni nostri server sono stati violati. Ci dispiace. {IT}", True),
        # Near misses: a doer who will fix it, a doer with no mistake, a break-in denied.
        (f"Our engineer will correct the wrong greeting today. {EN}", False),
        (f"A colleague sent the apology e-mail this morning. {EN}", False),
        (f"Nobody got into your account: our servers were not hacked. {EN}", False),
    ],
)  # fmt: skip
def test_who_erred_and_what_caused_it_must_be_in_the_facts(
    check: Check, text: str, flagged: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": SURVEY})
    assert ("grounding.cause" in got) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # A gift set off before the clause, or carried by the delivery.
        (f"Sorry for the wait. To thank you for waiting, we'll have a cake sent over with your "
         f"order. {EN}", True),
        (f"Ci dispiace per l'attesa. Per ringraziarti della pazienza, ti faremo avere una cesta "
         f"insieme alla consegna. {IT}", True),
        # Being ready to grant it is an offer.
        (f"We're prepared to refund the taxi fare. {EN}", True),
        (f"Siamo disposti a rimborsarti il taxi. {IT}", True),
        # Near misses: thanks with no gift, help carrying purchases the facts give.
        (f"To thank you for waiting, we'll write again at 18:00 GMT. {EN}", False),
        (f"Our staff will carry your purchases to the ground floor. {EN}", False),
    ],
)  # fmt: skip
def test_a_gift_as_thanks_and_an_offer_made_ready_are_promises(
    check: Check, text: str, flagged: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": LIFTS})
    assert ("grounding.promise" in got) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"We know the e-mail reached over 2 million people. We're sorry. {EN}", True),
        (f"Sappiamo che la mail è arrivata a oltre un milione di persone. Ci dispiace. {IT}", True),
        # Near miss: the facts' own count, said in words.
        (f"We know the e-mail reached about 80 thousand recipients. We're sorry. {EN}", False),
    ],
)  # fmt: skip
def test_a_count_in_millions_or_thousands_must_be_in_the_facts(
    check: Check, text: str, flagged: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": SURVEY})
    assert ("grounding.count" in got) is flagged
