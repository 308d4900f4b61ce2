"""Classes of mistake the thirtieth round found in the required moves (structure.*) and in
grounding.* on the fortieth to forty-second held-out sets, each fixed by a reading rather than
a phrase, and tested with fresh sentences (none taken from a labelled set) in English and
Italian, with near misses that must stay clean or keep failing.

Next step: a dated event still to come, with nothing past around it ("the new session is on
Saturday 12 December at 15:00", "Nuovo corso: sab 12 dicembre, 15:00", "money back by Friday
11 December"), not a day told with what happened on it, an estimate or a status read; an act
offered as our wish ("we'd be glad to book you in"); not what did not go out ("non è partito")
nor what a check found ("abbiamo verificato che ...").
Acknowledge: what the customer should have had ("you should've been told"), found gone ("the
places were already gone"), saw before we stopped it, or went through judged as maddening; what
they no longer want after it ("you don't want to book with us after that cancellation").
Status: a title before a colon states nothing, nor do thanks after an update heading.
Grounding: an item held back for the customer, more stock made, what others will receive
("riceveranno"), a check an agency did not make.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drafting.checks import CheckReport
from tests.drafting.checks.conftest import EN, IT, findings

Check = Callable[..., CheckReport]

# A fresh incident: a cookery workshop called off an hour before it started.
WORKSHOP = [
    "On Saturday 5 December 2026 the Verdello cookery workshop at the Bologna store was "
    "called off one hour before the start because the instructor was ill.",
    "The workshop is rescheduled for Saturday 12 December 2026 at 15:00 CET; tickets stay "
    "valid, and anyone who cannot come gets a full refund by Friday 11 December 2026.",
    "Next update: Monday 7 December 2026 at 12:00 CET.",
]


# --- structure --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "step"),
    [
        (f"Sorry the workshop was called off. The new session is on Saturday 12 December at "
         f"15:00. {EN}", True),
        (f"Ci dispiace per il corso annullato. Il nuovo corso è sabato 12 dicembre alle 15:00. "
         f"{IT}", True),
        (f"Sorry the workshop was called off. New session: Sat 12 Dec, 15:00. {EN}", True),
        (f"Ci dispiace per il corso annullato. Nuovo corso: sab 12 dicembre, 15:00. {IT}", True),
        (f"Sorry about the workshop. Ticket money back by Friday 11 December. {EN}", True),
        (f"Ci dispiace per il corso. Rimborso del biglietto entro venerdì 11 dicembre. {IT}",
         True),
        (f"Sorry about the workshop. Tickets refunded by Friday 11 December. {EN}", True),
        (f"Sorry about the workshop, but we can't say more until Monday at 12:00. {EN}", True),
        (f"Ci dispiace per il corso, ma fino a lunedì alle 12:00 non possiamo dire altro. {IT}",
         True),
        # Near misses: a day told with what happened on it, the date of something there
        # already, an estimate, a status read.
        (f"Sorry about the workshop. We cancelled it on Saturday 5 December at 14:00. {EN}",
         False),
        (f"Ci dispiace per il corso. È saltato sabato 5 dicembre alle 14:00. {IT}", False),
        (f"Sorry about the workshop. It was called off on Saturday 5 December. {EN}", False),
        (f"Ci dispiace per il corso. È stato annullato sabato 5 dicembre. {IT}", False),
        (f"Sorry about the workshop. The instructor felt ill on Saturday 5 December. {EN}",
         False),
        (f"We're sorry about Saturday's workshop. {EN}", False),
        (f"Thanks for your message of Monday 7 December, and sorry about the workshop. {EN}",
         False),
        (f"Ci dispiace per il corso. Il rimborso risulta emesso il 7 dicembre. {IT}", False),
        # ... and a day denied, unless it is the day the news comes ("not ... until").
        (f"Sorry about the workshop. Tickets aren't refunded by Friday. {EN}", False),
        (f"Ci dispiace per il corso. Il negozio non riapre lunedì. {IT}", False),
        # ... and a number before a word that only starts like a month is no date.
        (f"Sorry the workshop is cancelled. There are 2 sets of rules now. {EN}", False),
        (f"Sorry the workshop is cancelled. We face 10 decisions today. {EN}", False),
    ],
)  # fmt: skip
def test_a_dated_event_to_come_is_the_next_step(check: Check, text: str, step: bool) -> None:
    got = findings(check, text, {"kind": "apology", "facts": []})
    assert ("structure.next_step" not in got) is step


@pytest.mark.parametrize(
    ("text", "step"),
    [
        (f"Sorry about the workshop. We'd be glad to book you onto the next session. {EN}", True),
        (f"Ci dispiace per il corso. Saremmo felici di richiamarti. {IT}", True),
        # Near misses: a wish to say something, what did not go out, what a check found.
        (f"We'd like to apologise for the workshop. {EN}", False),
        (f"Vorremmo scusarci per il corso annullato. {IT}", False),
        (f"Ci dispiace: l'avviso del corso non è partito. {IT}", False),
        (f"Ci dispiace. Abbiamo verificato che il corso è stato annullato. {IT}", False),
        (f"Sorry. We've checked that the workshop was cancelled. {EN}", False),
    ],
)
def test_an_offer_as_our_wish_is_a_step_and_a_finding_is_not(
    check: Check, text: str, step: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": []})
    assert ("structure.next_step" not in got) is step


@pytest.mark.parametrize(
    ("text", "acknowledged"),
    [
        (f"You should've been told before you travelled in, sorry. DM us. {EN}", True),
        (f"Dovevi essere avvisata prima di partire, ci dispiace. Scrivici in DM. {IT}", True),
        (f"The places were already gone when you booked, and we're sorry. DM us. {EN}", True),
        (f"Quando hai prenotato i posti non c'erano più, ci dispiace. Scrivici in DM. {IT}",
         True),
        (f"You saw the old date before we corrected it, sorry. DM us. {EN}", True),
        (f"Hai visto la data vecchia prima che la correggessimo, ci dispiace. Scrivici. {IT}",
         True),
        (f"Turning up to a locked door is infuriating, and we're sorry. DM us. {EN}", True),
        (f"Arrivare e trovare la porta chiusa fa arrabbiare, ci dispiace. Scrivici. {IT}", True),
        # Near misses: an apology alone, a reassurance that names nothing.
        (f"We're sorry. DM us. {EN}", False),
        (f"Ci dispiace. Scrivici in DM. {IT}", False),
        (f"We're sorry. Tickets are still valid. {EN}", False),
    ],
)  # fmt: skip
def test_what_should_have_been_or_was_gone_acknowledges_it(
    check: Check, text: str, acknowledged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": []})
    assert ("structure.acknowledge" not in got) is acknowledged


@pytest.mark.parametrize(
    ("text", "acknowledged"),
    [
        (f"We understand you don't want to book with us after the workshop was called off, and "
         f"we're sorry. DM us. {EN}", True),
        (f"Capiamo che tu non voglia più prenotare da noi dopo il corso annullato, e ci "
         f"dispiace. Scrivici. {IT}", True),
        # Near miss: what the customer no longer wants, with nothing it came after.
        (f"We understand you don't want to book with us again, and we're sorry. DM us. {EN}",
         False),
    ],
)  # fmt: skip
def test_what_the_customer_no_longer_wants_after_it_acknowledges_it(
    check: Check, text: str, acknowledged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": WORKSHOP})
    assert ("structure.acknowledge" not in got) is acknowledged


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        (f"Cookery workshop: next update Monday 7 December at 12:00 CET. {EN}", False),
        (f"Aggiornamento: grazie per i messaggi, li leggiamo tutti. Prossimo aggiornamento "
         f"lunedì alle 12:00. {IT}", False),
        # Near misses: the status after the thanks, a heading before a statement.
        (f"Aggiornamento: grazie per la pazienza, il corso è rinviato a sabato 12 dicembre "
         f"alle 15:00. Prossimo aggiornamento lunedì alle 12:00. {IT}", True),
        (f"Workshop update: the workshop is rescheduled for Saturday 12 December at 15:00 CET. "
         f"Next update Monday at 12:00 CET. {EN}", True),
    ],
)  # fmt: skip
def test_a_title_or_thanks_is_no_status(check: Check, text: str, stated: bool) -> None:
    got = findings(check, text, {"kind": "status_update", "facts": WORKSHOP})
    assert ("structure.state_status" not in got) is stated


# --- grounding --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"Sorry about the workshop. DM us and we'll reserve a place for you on Saturday 12 "
         f"December. {EN}", True),
        (f"Ci dispiace per il corso. Scrivici e ti teniamo da parte un posto. {IT}", True),
        (f"Sorry about the workshop. We'll make a new batch of aprons for everyone. {EN}", True),
        (f"Ci dispiace per il corso. Faremo un nuovo lotto di grembiuli per tutti. {IT}", True),
        (f"Ci dispiace per il corso. Tutti gli iscritti riceveranno un buono da 20 euro. {IT}",
         True),
        # Near misses: what the facts grant, and "da parte nostra" (on our side).
        (f"Sorry about the workshop. Your ticket stays valid for Saturday 12 December. {EN}",
         False),
        (f"Ci dispiace per il corso, da parte nostra è stato un brutto errore. {IT}", False),
    ],
)  # fmt: skip
def test_a_place_held_more_stock_or_what_others_receive_is_a_promise(
    check: Check, text: str, flagged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": WORKSHOP})
    assert ("grounding.promise" in got) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"Sorry. The agency that hired the instructor for us never checked his availability. "
         f"{EN}", True),
        (f"Ci dispiace. L'agenzia che ci ha trovato l'istruttore non ha controllato la sua "
         f"disponibilità. {IT}", True),
        # Near miss: the cause the facts give.
        (f"Sorry. The instructor was ill, so the workshop was called off. {EN}", False),
    ],
)  # fmt: skip
def test_a_check_an_agency_did_not_make_is_a_cause(check: Check, text: str, flagged: bool) -> None:
    got = findings(check, text, {"kind": "apology", "facts": WORKSHOP})
    assert ("grounding.cause" in got) is flagged
