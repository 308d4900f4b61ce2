"""Classes of mistake the thirty-second round found in the required moves (structure.*) and in
grounding.* on the forty-fifth to forty-eighth held-out sets, each fixed by a reading rather
than a phrase, and tested with fresh sentences (none taken from a labelled set) in English and
Italian, with near misses that must stay clean or keep failing.

Grounding, cause: what a review or a lab found, told while the facts say it has no outcome yet;
a guess said as one ("my guess is", "sembra che") with any verb in the past; something named as
what caused it, the problem a pronoun ("... caused it", "... l'ha causato"); whose the error
was; "there was probably a ..."; a "perché" with no subject before its verb; not the reason for
hiding a comment.
Grounding, promise and figures: the refund of an order we cancel is no grant; a free gift box is
a gift; money that goes out or comes back; a refund paid is no compensation; "nel giro di un
giorno" is a duration.
Structure: a remedy the customer gets by sending the thing back is a next step; a present
passive with a deadline is to come ("is sent by Friday", "ti arriva entro venerdì"); an apology
for what the customer went through, or for what should have gone otherwise, acknowledges it;
what we confirm has happened is told, not a step; what was put out "no longer running" is
resolved.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drafting.checks import CheckReport
from tests.drafting.checks.conftest import EN, IT, findings

Check = Callable[..., CheckReport]

# A fresh incident: folding garden chairs whose legs snap, cause not known, lab tests running.
CHAIRS = [
    "On Monday 14 December 2026 Verdello stopped selling its Sole folding garden chair after "
    "customers reported that a leg snapped. / Lunedì 14 dicembre 2026 Verdello ha sospeso la "
    "vendita della sedia pieghevole Sole dopo che alcuni clienti hanno segnalato che una gamba "
    "si è spezzata.",
    "An outside testing lab is examining the chairs; the cause is not known yet and the lab's "
    "results are expected by Friday 18 December 2026. / Un laboratorio esterno sta esaminando "
    "le sedie; la causa non è ancora nota e i risultati sono attesi entro venerdì 18 dicembre "
    "2026.",
    "Customers can return the chair in any Verdello store for a full refund. / I clienti "
    "possono restituire la sedia in qualsiasi negozio Verdello per il rimborso completo.",
    "Next update: Friday 18 December 2026 at 12:00 CET.",
]
# ... and a catalogue printed with last year's prices: a cause the facts give.
CATALOGUE = [
    "Cause: a printing error at the printer put last year's prices in the December catalogue. "
    "/ Causa: un errore di stampa della tipografia ha messo i prezzi dell'anno scorso nel "
    "catalogo di dicembre.",
    "The corrected catalogue is online since Tuesday 15 December 2026. / Il catalogo corretto "
    "è online da martedì 15 dicembre 2026.",
]


def _cause(check: Check, text: str, facts: list[str]) -> bool:
    return "grounding.cause" in findings(check, text, {"kind": "reply", "facts": facts})


# --- grounding: causes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"Sorry about the chair. The lab has confirmed that the hinge screws were too short. {EN}",
         True),
        (f"Sorry about the chair. The tests showed that the leg was welded badly. {EN}", True),
        (f"Ci dispiace per la sedia. Il laboratorio ha stabilito che le viti erano troppo corte. "
         f"{IT}", True),
        # Near misses: a finding to come or denied.
        (f"Sorry about the chair. Once the lab has confirmed the cause, we'll tell you. {EN}",
         False),
        (f"Sorry about the chair. The lab hasn't found anything yet. {EN}", False),
        (f"Ci dispiace per la sedia. Quando il laboratorio avrà stabilito la causa, te lo "
         f"diremo. {IT}", False),
    ],
)  # fmt: skip
def test_an_outcome_told_while_the_review_runs(check: Check, text: str, flagged: bool) -> None:
    assert _cause(check, text, CHAIRS) is flagged


@pytest.mark.parametrize(
    ("text", "facts", "flagged"),
    [
        (f"Sorry about the chair. My guess is the new supplier changed the plastic mix. {EN}",
         CHAIRS, True),
        (f"Ci dispiace. Sospettiamo che il nuovo fornitore abbia cambiato la plastica. {IT}",
         CHAIRS, True),
        (f"Sorry. It looks like one of our designers copied the old price list. {EN}",
         CATALOGUE, True),
        (f"Ci dispiace. Sembra che uno dei nostri grafici abbia copiato il vecchio listino. {IT}",
         CATALOGUE, True),
        (f"Ci dispiace. Probabilmente c'è stato un disguido con il nostro grafico. {IT}",
         CATALOGUE, True),
        (f"Sorry. There was probably a mix-up in our design studio. {EN}", CATALOGUE, True),
        # Near misses: the facts' own cause, and no guess at all.
        (f"Sorry. It looks like the printer printed last year's prices. {EN}", CATALOGUE, False),
        # (review) What the customer saw is no guess at a cause; "the ..." needs its own hedge.
        (f"Sorry. It looks like the page loaded slowly for you. {EN}", CATALOGUE, False),
        (f"Sorry. It looks like the designer probably copied the old list. {EN}", CATALOGUE, True),
        (f"Sorry about the chair. We won't guess at the cause: the lab will tell us. {EN}",
         CHAIRS, False),
    ],
)  # fmt: skip
def test_a_guess_said_as_one(check: Check, text: str, facts: list[str], flagged: bool) -> None:
    assert _cause(check, text, facts) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"Sorry. A software update at our office caused it. {EN}", True),
        (f"Ci dispiace. Un aggiornamento del software in ufficio l'ha causato. {IT}", True),
        (f"Sorry. The error was a temp's in our design team. {EN}", True),
        (f"Sorry. The mistake lies with our social media team. {EN}", True),
        (f"Ci dispiace. L'errore è stato di un grafico esterno. {IT}", True),
        (f"Ci dispiace, i prezzi erano sbagliati perché si è usato un file vecchio. {IT}", True),
        # Near misses: the facts' cause, our own error, and why we hid a comment.
        (f"Sorry. A printing error at the printer caused it. {EN}", False),
        (f"Ci dispiace. Un errore di stampa della tipografia l'ha causato. {IT}", False),
        (f"Sorry. The mistake was ours. {EN}", False),
        (f"Ci dispiace. L'errore è stato nostro. {IT}", False),
        (f"Sorry. The error was the printer's. {EN}", False),
        (f"We've hidden this comment because it shows a phone number. {EN}", False),
        # (review) A restart, and "that" before a noun, name no cause.
        (f"Sorry. Our engineers started it again at 10:00. {EN}", False),
        (f"Sorry. Our team started that review this morning. {EN}", False),
        (f"Sorry. A software update at our office caused that last week. {EN}", True),
        (f"Abbiamo nascosto il commento perché contiene un indirizzo. {IT}", False),
    ],
)  # fmt: skip
def test_who_or_what_caused_it(check: Check, text: str, flagged: bool) -> None:
    assert _cause(check, text, CATALOGUE) is flagged


# --- grounding: promises and figures ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "facts", "flagged"),
    [
        # The refund of an order we cancel is the cancellation's own.
        (f"I've cancelled your order, and the refund can take a few days to show. {EN}",
         CATALOGUE, False),
        (f"We'll refund your order in full. {EN}", CATALOGUE, True),
        # A free gift box is a gift.
        (f"Sorry about the chair. We'll send you a free gift box. {EN}", CHAIRS, True),
        # Money that goes out or comes back.
        (f"Il rimborso tornerà sulla tua carta. {IT}", CATALOGUE, True),
        (f"The refund will go back to your card. {EN}", CATALOGUE, True),
        (f"Il rimborso partirà appena la sedia arriva in negozio. {IT}", CHAIRS, False),
        (f"Bring the chair back and we'll pay your full refund. {EN}", CHAIRS, False),
    ],
)  # fmt: skip
def test_what_is_granted(check: Check, text: str, facts: list[str], flagged: bool) -> None:
    got = findings(check, text, {"kind": "reply", "facts": facts})
    assert ("grounding.promise" in got) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"Il pezzo si stacca nel giro di un giorno. {IT}", True),
        (f"The leg gives way in the space of a week. {EN}", True),
        (f"Il pezzo si stacca nel giro di un attimo. {IT}", False),
    ],
)  # fmt: skip
def test_a_duration_in_the_space_of(check: Check, text: str, flagged: bool) -> None:
    got = findings(check, text, {"kind": "reply", "facts": CHAIRS})
    assert ("grounding.duration" in got) is flagged


# --- structure --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "step"),
    [
        (f"We're sorry the chair broke. Take it back to any store for a full refund. {EN}", True),
        (f"Ci dispiace che la sedia si sia rotta. Riportala in negozio per il rimborso completo. "
         f"{IT}", True),
        (f"We're sorry the chair broke. The new chair is sent by Friday 18 December. {EN}", True),
        (f"Ci dispiace che la sedia si sia rotta. Entro venerdì 18 dicembre ti arriva la sedia "
         f"nuova. {IT}", True),
        # Near misses: nothing to come.
        (f"We're sorry the chair broke. {EN}", False),
        (f"We're sorry the chair broke. The chair was sent on Monday 14 December. {EN}", False),
        (f"Ci dispiace che la sedia si sia rotta. La sedia arrivava sempre in ritardo. {IT}",
         False),
    ],
)  # fmt: skip
def test_what_comes_next(check: Check, text: str, step: bool) -> None:
    got = findings(check, text, {"kind": "apology", "facts": CHAIRS})
    assert ("structure.next_step" not in got) is step


@pytest.mark.parametrize(
    ("text", "acknowledged"),
    [
        (f"We're sorry your son had to go through that. We'll call you today. {EN}", True),
        (f"Ci dispiace per quello che tuo figlio ha dovuto passare. Ti chiamiamo oggi. {IT}",
         True),
        (f"We're sorry: you should have heard it from us first. We'll call you today. {EN}", True),
        (f"Ci scusiamo: avrebbe dovuto saperlo da noi. La chiamiamo oggi. {IT}", True),
        (f"We're sorry for what happened to your daughter. We'll call you today. {EN}", True),
        # Near misses: an apology alone, and "should have" as a plan, not a failing.
        (f"We're sorry. We'll call you today. {EN}", False),
        (f"We should have the new stock by Friday, sorry. We'll call you today. {EN}", False),
    ],
)  # fmt: skip
def test_an_apology_for_what_they_went_through(check: Check, text: str, acknowledged: bool) -> None:
    got = findings(check, text, {"kind": "apology", "facts": []})
    assert ("structure.acknowledge" not in got) is acknowledged


SWAPPED = [
    "On 10 December 2026 some customers who ordered the Sole chair were sent the Luna chair "
    "instead. / Il 10 dicembre 2026 alcuni clienti che avevano ordinato la sedia Sole hanno "
    "ricevuto la sedia Luna: è stata spedita la sedia sbagliata."
]


@pytest.mark.parametrize(
    ("text", "acknowledged"),
    [
        (f"Le confermiamo che Le è stata spedita la sedia Luna al posto della Sole. Ci scusiamo. "
         f"{IT}", True),
        (f"We can confirm that your order was sent with the Luna chair instead of the Sole. "
         f"We're sorry. {EN}", True),
        # Near miss: what we will send is a step, not what happened.
        (f"Le confermiamo che Le spediremo la sedia giusta. Ci scusiamo. {IT}", False),
    ],
)  # fmt: skip
def test_what_we_confirm_has_happened(check: Check, text: str, acknowledged: bool) -> None:
    got = findings(check, text, {"kind": "apology", "facts": SWAPPED})
    assert ("structure.acknowledge" not in got) is acknowledged


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        (f"The winter campaign is no longer running anywhere. Thank you. {EN}", True),
        (f"La campagna invernale non è più in onda da nessuna parte. Grazie. {IT}", True),
        # Near miss: a service no longer running is the trouble itself.
        (f"The night trains are no longer running. Thank you. {EN}", False),
    ],
)  # fmt: skip
def test_what_was_put_out_is_gone(check: Check, text: str, resolved: bool) -> None:
    got = findings(check, text, {"kind": "resolution_update", "facts": []})
    assert ("structure.state_resolution" not in got) is resolved
