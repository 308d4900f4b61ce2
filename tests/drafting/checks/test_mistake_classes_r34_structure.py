"""Classes of mistake the thirty-fourth round found in the required moves and in
grounding.cause on the fifty-first to fifty-sixth held-out sets, each fixed by a reading rather
than a phrase, and tested with fresh sentences (none taken from a labelled set) in English and
Italian, with near misses that must stay clean.

A resolution can be a harmful thing someone else put out (a fake, cloned, phishing one) said to
be out of action, or a thing right again since a time gone by ("has been printing the correct
seats since Tuesday", "dalle 8:00 le casse stampano i posti corretti"); our own service offline
since a time is still the trouble. An instruction opening its sentence on what the customer
takes on ("Forward it to your insurer", "Inoltrala all'assicurazione") and what everyone
affected will get are next steps. What the customer had to do, went without or went through,
said with an apology, acknowledges it. The harm the trouble did ("the worry caused by the fake
texts", "il disagio causato dai messaggi falsi") names no cause unless it names who was at
fault; a guess said as our belief with a modal perfect, what first checks point to, and a guessed
breakdown ("sent the kiosks offline", "ha mandato in tilt le casse") are causes given.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drafting.checks import CheckReport
from tests.drafting.checks.conftest import EN, IT, findings

Check = Callable[..., CheckReport]

# A fresh incident: cinema ticket kiosks printing wrong seat numbers, cause still under
# investigation, and a cloned booking app going round that is not ours.
CINEMA = [
    "On Saturday 5 December 2026 the ticket kiosks in Verdello cinemas printed wrong seat "
    "numbers on about 900 tickets. The cause is still under investigation. / Sabato 5 dicembre "
    "2026 le casse automatiche dei cinema Verdello hanno stampato posti sbagliati su circa 900 "
    "biglietti. La causa è ancora in fase di verifica.",
    "Since Tuesday 8 December 2026 at 8:00 CET the kiosks print the right seat numbers again. "
    "/ Da martedì 8 dicembre 2026 alle 8:00 le casse stampano di nuovo i posti giusti.",
    "A cloned 'Verdello Cinema' booking app, not made by Verdello, was offered in app stores; "
    "it has been offline since Monday 7 December 2026 at 9:00 CET. / Un'app di prenotazione "
    "clonata 'Verdello Cinema', non fatta da Verdello, era offerta negli store; non è più "
    "raggiungibile da lunedì 7 dicembre 2026 alle 9:00.",
    "Anyone whose ticket was wrong gets a free ticket code by e-mail by Friday 11 December "
    "2026. / Chi ha avuto un biglietto sbagliato riceve un codice per un biglietto gratis via "
    "e-mail entro venerdì 11 dicembre 2026.",
]


def _failed(check: Check, text: str, kind: str) -> set[str]:
    return findings(check, text, {"kind": kind, "facts": CINEMA})


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"The cloned booking app has been offline since Monday at 9:00. Sorry for the worry, "
         f"and thank you for warning us. {EN}", False),
        (f"L'app di prenotazione clonata non è più raggiungibile da lunedì alle 9:00. Ci "
         f"scusiamo per la preoccupazione e grazie per le segnalazioni. {IT}", False),
        (f"The kiosks have been printing the correct seat numbers since Tuesday at 8:00. "
         f"Sorry for the mix-up, and thank you for your patience. {EN}", False),
        (f"Dalle 8:00 di martedì le casse stampano i posti corretti. Ci scusiamo per il "
         f"disguido e grazie per la pazienza. {IT}", False),
        # Near misses: our own service out of action since a time, a fix still to come.
        (f"Our booking site has been offline since Monday at 9:00. Sorry, and thank you for "
         f"your patience. {EN}", True),
        (f"Il nostro sito di prenotazione non è più raggiungibile da lunedì alle 9:00. Ci "
         f"scusiamo, grazie per la pazienza. {IT}", True),
        (f"Da martedì le casse non stampano ancora i posti corretti. Ci scusiamo, grazie per "
         f"la pazienza. {IT}", True),
    ],
)  # fmt: skip
def test_a_harm_out_of_action_or_right_since_a_time(check: Check, text: str, flagged: bool) -> None:
    assert ("structure.state_resolution" in _failed(check, text, "resolution_update")) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"Thanks for waiting. The letter about your wrong ticket is attached. Forward it to "
         f"your insurer with your claim. {EN}", False),
        (f"Grazie dell'attesa. La lettera sul biglietto sbagliato è allegata. Inoltrala "
         f"all'assicurazione con la richiesta. {IT}", False),
        (f"Thanks for waiting. Every customer with a wrong ticket will get a code by e-mail "
         f"by Friday. {EN}", False),
        (f"Grazie dell'attesa. Ogni cliente con un biglietto sbagliato riceverà un codice entro "
         f"venerdì. {IT}", False),
        # Near misses: a letter described, a portal named, nothing to come.
        (f"Thanks for waiting. The letter confirms your ticket was wrong. {EN}", True),
        (f"Grazie dell'attesa. Il portale conferma che il biglietto era sbagliato. {IT}", True),
    ],
)  # fmt: skip
def test_an_instruction_on_what_the_customer_takes_on(
    check: Check, text: str, flagged: bool
) -> None:
    assert ("structure.next_step" in _failed(check, text, "dm_followup")) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"You've had to queue twice for the same film, and I'm sorry. DM us your booking "
         f"code and we'll check it now. {EN}", False),
        (f"Hai dovuto rifare la fila due volte e ci dispiace. Scrivici in DM il codice e "
         f"controlliamo subito. {IT}", False),
        (f"We're sorry you've had no reply from us. DM us your booking code and we'll check it "
         f"now. {EN}", False),
        (f"Non hai avuto nessuna risposta da noi e ci dispiace. Scrivici in DM il codice e "
         f"controlliamo subito. {IT}", False),
        (f"Hai avuto una serata pesante e ci scusiamo. Scrivici in DM il codice e controlliamo "
         f"subito. {IT}", False),
        # Near misses: an apology with nothing of what happened, a future duty.
        (f"We're sorry. DM us your booking code and we'll check it now. {EN}", True),
        (f"Ci dispiace. Scrivici in DM il codice e controlliamo subito. {IT}", True),
    ],
)  # fmt: skip
def test_what_the_customer_had_to_do_or_went_without(
    check: Check, text: str, flagged: bool
) -> None:
    assert ("structure.acknowledge" in _failed(check, text, "apology")) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # The harm the trouble did, with the trouble named again.
        (f"Sorry for the worry caused by the cloned app. It's offline now. {EN}", False),
        (f"Ci scusiamo per il disagio causato dall'app clonata. Ora non è più raggiungibile. "
         f"{IT}", False),
        # ... unless it names who was at fault.
        (f"Sorry for the trouble caused by our printer supplier's mistake. {EN}", True),
        (f"Ci scusiamo per il disagio causato da un errore del fornitore della carta. {IT}",
         True),
        # Our belief with a modal perfect, what the first checks point to, a guessed breakdown.
        (f"Sorry about your seats. We think the paper supplier may have sent rolls with an old "
         f"layout. {EN}", True),
        (f"Ci dispiace per i posti. Pensiamo che il fornitore della carta possa aver mandato "
         f"rotoli con uno schema vecchio. {IT}", True),
        (f"Sorry about your seats. The first checks point to a faulty firmware patch. {EN}",
         True),
        (f"Ci dispiace per i posti. I primi controlli fanno pensare a una patch difettosa. {IT}",
         True),
        (f"Sorry about your seats. Probably the weekend rush knocked the kiosks offline. {EN}",
         True),
        (f"Ci dispiace per i posti. Probabilmente il pienone del weekend ha mandato in tilt le "
         f"casse. {IT}", True),
        # Near misses: our belief about what comes next, the cause said to be unknown.
        (f"Sorry about your seats. We think the code will reach you by Friday. {EN}", False),
        (f"Ci dispiace per i posti. Non sappiamo ancora cosa l'abbia causato. {IT}", False),
    ],
)  # fmt: skip
def test_what_a_cause_reads(check: Check, text: str, flagged: bool) -> None:
    assert ("grounding.cause" in _failed(check, text, "apology")) is flagged
