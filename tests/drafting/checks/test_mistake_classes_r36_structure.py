"""Classes of mistake the thirty-sixth round found in the required moves and in grounding on the
sixty-first and sixty-second held-out sets, each fixed by a reading rather than a phrase, and
tested with fresh sentences (none taken from a labelled set) in English and Italian, with near
misses that must stay clean.

The customer's own visit told back to them ("you swam with us on Saturday", "hai nuotato da noi
sabato") acknowledges what happened, and so does an apology for how they feel about the day
their post names; what they told us does not. Our outreach already made to everyone affected is
a next step, and so is what reaches the customer by a date after what was done ("... and you
get an e-mail by Friday"). "Next one" with its day is the next update; a title announcing the
next update before a colon states no status. Facts that leave the cause or the link open in the
perfect ("has not been established", "it is not confirmed whether ... linked to") keep it open:
a harm said to come from something is a cause given. A clause given as what led to the trouble
(", which delayed ...") or a finding told in words the facts don't hold is a cause of the
draft's own. People counted by their part in an event are counts the facts must hold.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drafting.checks import CheckReport
from tests.drafting.checks.conftest import EN, IT, findings

Check = Callable[..., CheckReport]

# A fresh incident: a hotel pool closed, guests report skin rashes, the link still open.
POOL = [
    "On Wednesday 9 December 2026 Verdello closed the pool of its Rimini hotel after guests "
    "reported skin rashes. / Mercoledì 9 dicembre 2026 Verdello ha chiuso la piscina del suo "
    "hotel di Rimini dopo che alcuni ospiti hanno segnalato arrossamenti della pelle.",
    "It is not confirmed whether the rashes are linked to the pool water; the cause has not been "
    "established and the water tests are under way. / Non è confermato che gli arrossamenti siano "
    "legati all'acqua della piscina; la causa non è stata accertata e le analisi dell'acqua sono "
    "in corso.",
    "Next update: Friday 11 December 2026 at 10:00 CET. / Prossimo aggiornamento: venerdì 11 "
    "dicembre 2026 alle 10:00.",
]

# Another: a ticket app charged cards twice, the cause known.
TICKETS = [
    "On Saturday 5 December 2026 the Verdello ticket app charged 640 cards twice, because a "
    "payment setting Verdello deployed on Friday sent each payment two times. / Sabato 5 "
    "dicembre 2026 l'app dei biglietti Verdello ha addebitato due volte 640 carte, perché "
    "un'impostazione di pagamento che Verdello ha rilasciato venerdì inviava ogni pagamento due "
    "volte.",
    "Every second charge is refunded by Wednesday 9 December 2026. / Ogni secondo addebito è "
    "rimborsato entro mercoledì 9 dicembre 2026.",
]


def _failed(check: Check, text: str, facts: list[str], **context: str) -> set[str]:
    return findings(check, text, {"kind": "apology", "facts": facts, **context})


@pytest.mark.parametrize(
    ("text", "post", "flagged"),
    [
        (
            f"You swam with us on Saturday and you're worried, and we're sorry. Please see your "
            f"doctor if the skin still itches. {EN}",
            "",
            False,
        ),
        (
            f"Hai nuotato da noi sabato e sei preoccupata: ci dispiace. Se la pelle prude ancora, "
            f"senti il tuo medico. {IT}",
            "",
            False,
        ),
        (
            f"Sorry you're anxious about Saturday. Please see your doctor if the skin itches. {EN}",
            "swam there saturday, itchy since",
            False,
        ),
        # what the customer told us, and a day their post does not name
        (
            f"You wrote to us on Saturday, and we're sorry. Please see your doctor if it itches. "
            f"{EN}",
            "",
            True,
        ),
        (f"Ci hai scritto sabato e ci dispiace. Se prude, senti il tuo medico. {IT}", "", True),
        (
            f"Sorry you're anxious about Saturday. Please see your doctor if the skin itches. {EN}",
            "itchy since the weekend",
            True,
        ),
    ],
)
def test_the_customers_visit_told_back(check: Check, text: str, post: str, flagged: bool) -> None:
    failed = _failed(check, text, POOL, post_text=post)
    assert ("structure.acknowledge" in failed) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (
            f"We're sorry the pool shut without warning. Our guest care team has written to "
            f"every guest booked this week. {EN}",
            False,
        ),
        (
            f"Ci dispiace che la piscina abbia chiuso senza preavviso. Il nostro team assistenza "
            f"ha scritto a ogni ospite prenotato questa settimana. {IT}",
            False,
        ),
        (
            f"We're sorry the pool shut without warning. Your booking was moved and you get a "
            f"confirmation e-mail by Friday 11 December. {EN}",
            False,
        ),
        (
            f"Ci dispiace che la piscina abbia chiuso senza preavviso. La tua prenotazione è stata "
            f"spostata e ricevi un'e-mail di conferma entro venerdì 11 dicembre. {IT}",
            False,
        ),
        # others' letters, and a date already gone
        (
            f"We're sorry the pool shut without warning. Many guests have written to every "
            f"local paper. {EN}",
            True,
        ),
        (
            f"Ci dispiace che la piscina abbia chiuso senza preavviso. Il team ha letto ogni "
            f"recensione. {IT}",
            True,
        ),
        (
            f"We're sorry the pool shut without warning. Your booking was moved and confirmed on "
            f"Friday 4 December. {EN}",
            True,
        ),
    ],
)
def test_a_step_taken_or_dated(check: Check, text: str, flagged: bool) -> None:
    assert ("structure.next_step" in _failed(check, text, POOL)) is flagged


@pytest.mark.parametrize(
    ("text", "kind", "check_id", "flagged"),
    [
        (
            f"The pool is closed while the water is tested. Updates on our help page, next one "
            f"Friday 11 December at 10:00 CET. {EN}",
            "holding_statement",
            "structure.next_update",
            False,
        ),
        (
            f"La piscina è chiusa mentre analizziamo l'acqua. Aggiornamenti sulla nostra pagina: "
            f"il prossimo arriva venerdì 11 dicembre alle 10:00. {IT}",
            "holding_statement",
            "structure.next_update",
            False,
        ),
        (
            f"Next update on the Rimini pool: Friday 11 December at 10:00 CET. Thank you for "
            f"your patience. {EN}",
            "status_update",
            "structure.state_status",
            True,
        ),
        (
            f"Prossimo aggiornamento sulla piscina di Rimini: venerdì 11 dicembre alle 10:00. "
            f"Grazie per la pazienza. {IT}",
            "status_update",
            "structure.state_status",
            True,
        ),
        (
            f"The pool stays closed while the water is tested. Next update on the Rimini pool: "
            f"Friday 11 December at 10:00 CET. {EN}",
            "status_update",
            "structure.state_status",
            False,
        ),
    ],
)
def test_the_next_update_and_its_title(
    check: Check, text: str, kind: str, check_id: str, flagged: bool
) -> None:
    failed = findings(check, text, {"kind": kind, "facts": POOL})
    assert (check_id in failed) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"We're sorry. The water in our pool made guests ill. {EN}", True),
        (f"Ci dispiace. L'acqua della nostra piscina ha fatto stare male gli ospiti. {IT}", True),
        (f"We're sorry. It seems the rashes are linked to the chlorine dosing. {EN}", True),
        (
            f"Ci dispiace. Sembra che gli arrossamenti siano legati al dosaggio del cloro. {IT}",
            True,
        ),
        # the link kept open, or denied
        (
            f"We're sorry. We don't know yet whether the water made guests ill; the tests are "
            f"under way. {EN}",
            False,
        ),
        (
            f"Ci dispiace. Non sappiamo ancora se l'acqua abbia fatto stare male gli ospiti. {IT}",
            False,
        ),
    ],
)
def test_a_link_claimed_while_open(check: Check, text: str, flagged: bool) -> None:
    assert ("grounding.cause" in _failed(check, text, POOL)) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (
            f"We're sorry about the double charge. It was most likely our bank's servers being "
            f"overloaded at the weekend. {EN}",
            True,
        ),
        (
            f"Ci dispiace per il doppio addebito. Forse i pagamenti si sono bloccati per il "
            f"troppo traffico del weekend. {IT}",
            True,
        ),
        (
            f"We're sorry about the double charge. Some customers tapped pay twice, which delayed "
            f"the refunds. {EN}",
            True,
        ),
        (
            f"Ci dispiace per il doppio addebito. Alcuni clienti hanno premuto due volte, il che "
            f"ha rallentato i rimborsi. {IT}",
            True,
        ),
        (
            f"We're sorry about the double charge. Our engineers found that the server clock was "
            f"wrong, so cards were charged twice. {EN}",
            True,
        ),
        (
            f"Ci dispiace per il doppio addebito. I tecnici hanno riscontrato che l'orologio del "
            f"server era sbagliato, quindi le carte sono state addebitate due volte. {IT}",
            True,
        ),
        # the facts' own cause, guessed or found
        (
            f"We're sorry about the double charge. Our engineers found that the payment setting "
            f"we deployed sent each payment twice. {EN}",
            False,
        ),
        (
            f"Ci dispiace per il doppio addebito. I tecnici hanno riscontrato che l'impostazione "
            f"di pagamento rilasciata venerdì inviava ogni pagamento due volte. {IT}",
            False,
        ),
    ],
)
def test_another_cause_than_the_facts(check: Check, text: str, flagged: bool) -> None:
    assert ("grounding.cause" in _failed(check, text, TICKETS)) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"We're sorry. We've already called 45 visitors. {EN}", True),
        (f"Ci dispiace. Abbiamo già chiamato 45 visitatori. {IT}", True),
        # a count the facts give
        (f"We're sorry. We've already called the 2 visitors who wrote in. {EN}", False),
    ],
)
def test_people_counted_by_their_part(check: Check, text: str, flagged: bool) -> None:
    facts = [*POOL, "2 visitors wrote to Verdello. / 2 visitatori hanno scritto a Verdello."]
    assert ("grounding.count" in _failed(check, text, facts)) is flagged
