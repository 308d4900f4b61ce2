"""Classes of mistake the thirty-fifth round found in the required moves and in grounding.cause
on the fifty-seventh to sixtieth held-out sets, each fixed by a reading rather than a phrase, and
tested with fresh sentences (none taken from a labelled set) in English and Italian, with near
misses that must stay clean.

Facts that leave why it happened open as a heading or a clause ("Not yet established: why ...",
"Non è ancora stabilito perché ...") keep the cause open, and tests "due to report" (or that
"daranno i risultati") have no outcome yet: a guess, or an outcome told, is a cause given. An
intent named ("on purpose", "di proposito") is a motive the facts must hold, unless denied or
mocked; a failing put on an outside party ("an error by our contractor") needs the party in the
facts, where an outside firm may go by another of its names. Why we are checking ("stiamo
verificando perché") is no cause, nor is the reason put before a gesture we made. What the
customer can no longer do or is left without, said with an apology, acknowledges what happened;
how the customer "took" what we did is a feeling, not an acknowledgement.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drafting.checks import CheckReport
from tests.drafting.checks.conftest import EN, IT, findings

Check = Callable[..., CheckReport]

# A fresh incident: rental e-bikes that locked their rear wheel mid-ride, why still open.
BIKES = [
    "On Sunday 6 December 2026 about 300 Verdello rental e-bikes locked their rear wheel during "
    "rides in Turin. Two riders fell, with minor bruises. / Domenica 6 dicembre 2026 circa 300 "
    "e-bike a noleggio Verdello hanno bloccato la ruota posteriore durante le corse a Torino. "
    "Due ciclisti sono caduti, con lievi contusioni.",
    "Not yet established: why the locks engaged while riding. The engineering tests on the "
    "recovered bikes are due to report by Thursday 10 December 2026. / Non è ancora stabilito "
    "perché i blocchi si siano attivati in corsa. I test tecnici sulle bici recuperate daranno i "
    "risultati entro giovedì 10 dicembre 2026.",
    "Rides in Turin are paused. Every rider who was on a locked bike gets the ride refunded and "
    "a free month of rides. / Le corse a Torino sono sospese. Chi era su una bici bloccata "
    "riceve il rimborso della corsa e un mese di corse gratis.",
]

# Another: the outside agency that sends the loyalty e-mails used an old list.
POINTS = [
    "On Monday 7 December 2026 the points summary e-mail went to 12,000 former members, because "
    "the external agency that sends Verdello's loyalty e-mails loaded an old list. / Lunedì 7 "
    "dicembre 2026 l'e-mail con il riepilogo punti è arrivata a 12.000 ex iscritti, perché "
    "l'agenzia esterna che invia le e-mail fedeltà di Verdello ha caricato una lista vecchia.",
]


def _failed(check: Check, text: str, facts: list[str]) -> set[str]:
    return findings(check, text, {"kind": "apology", "facts": facts})


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a guess while why is open
        (
            f"We're sorry about the locked wheels. It looks like a batch of lock sensors was "
            f"fitted badly. {EN}",
            True,
        ),
        (
            f"Ci dispiace per le ruote bloccate. Sembra che un sensore difettoso abbia attivato i "
            f"blocchi. {IT}",
            True,
        ),
        # an outcome told while the tests are still to report
        (
            f"We're sorry about the locked wheels. The engineering tests have confirmed that the "
            f"problem is a worn brake cable. {EN}",
            True,
        ),
        (
            f"Ci dispiace per le ruote bloccate. I test tecnici hanno confermato che il guasto è "
            f"un cavo del freno usurato. {IT}",
            True,
        ),
        # an intent named, denied, mocked
        (
            f"We're sorry about the locked wheels: the bikes' software locked them deliberately. "
            f"{EN}",
            True,
        ),
        (f"Ci dispiace per le ruote bloccate: il software le ha bloccate di proposito. {IT}", True),
        (
            f"We're sorry about the locked wheels. Nobody locked them on purpose, and the tests "
            f"report on Thursday. {EN}",
            False,
        ),
        (
            f"Ci dispiace per le ruote bloccate. Nessuno le ha bloccate apposta; i test danno i "
            f"risultati giovedì. {IT}",
            False,
        ),
        # a failing put on a party the facts don't name
        (
            f"We're sorry about the locked wheels: an error by our maintenance contractor "
            f"triggered the locks. {EN}",
            True,
        ),
        (
            f"Ci dispiace per le ruote bloccate: un errore del nostro fornitore di sensori ha "
            f"attivato i blocchi. {IT}",
            True,
        ),
        # why we are checking, and the reason for a gesture
        (
            f"We're sorry about the locked wheels. We're still checking why the locks engaged; "
            f"the tests report on Thursday. {EN}",
            False,
        ),
        (
            f"Ci dispiace per le ruote bloccate. Stiamo ancora verificando perché i blocchi si "
            f"siano attivati; i test danno i risultati giovedì. {IT}",
            False,
        ),
        (
            f"We're sorry about the locked wheel. Because your ride ended with a locked wheel, "
            f"we've added a free month of rides to your account. {EN}",
            False,
        ),
        (
            f"Ci dispiace per la ruota bloccata. Poiché la tua corsa è finita con la ruota "
            f"bloccata, ti abbiamo aggiunto un mese di corse gratis. {IT}",
            False,
        ),
    ],
)
def test_what_a_cause_reads(check: Check, text: str, flagged: bool) -> None:
    assert ("grounding.cause" in _failed(check, text, BIKES)) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"We're sorry: our supplier loaded an old list for the points e-mail. {EN}", False),
        (
            f"Ci dispiace: il nostro fornitore ha caricato una lista vecchia per l'e-mail dei "
            f"punti. {IT}",
            False,
        ),
    ],
)
def test_an_outside_firm_by_another_name(check: Check, text: str, flagged: bool) -> None:
    assert ("grounding.cause" in _failed(check, text, POINTS)) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (
            f"Now you can't get to work on it, and we're really sorry. Please leave the bike "
            f"where it is. {EN}",
            False,
        ),
        (
            f"We're sorry you're left without a bike this week. Please leave it where it is. {EN}",
            False,
        ),
        (
            f"Ora resti senza bici per andare al lavoro e ci dispiace davvero. Lasciala dove si "
            f"trova. {IT}",
            False,
        ),
        (
            f"Non puoi più usare l'abbonamento e ci dispiace. Lascia la bici dove si trova. {IT}",
            False,
        ),
        # a rule the customer can't break is not what happened; a feeling acknowledges nothing
        (
            f"We're sorry. You can't return a bike in another city. Please leave it where it is. "
            f"{EN}",
            True,
        ),
        (
            f"Ci dispiace. Non puoi restituire la bici in un'altra città. Lasciala dove si trova. "
            f"{IT}",
            True,
        ),
        (
            f"We're sorry you took our answer so badly. Please leave the bike where it is. {EN}",
            True,
        ),
        (f"Ci dispiace che tu l'abbia presa così male. Lascia la bici dove si trova. {IT}", True),
    ],
)
def test_what_the_customer_can_no_longer_do(check: Check, text: str, flagged: bool) -> None:
    assert ("structure.acknowledge" in _failed(check, text, BIKES)) is flagged
