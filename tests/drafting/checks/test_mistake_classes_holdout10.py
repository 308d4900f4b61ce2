"""Classes of mistake the tenth held-out set exposed (misses first, then false alarms), each
tested with fresh sentences (none taken from a labelled set) in English and Italian, and with near
misses that must stay clean or keep failing.

As in the earlier rounds: a pattern covers a *class* ("a reason followed by ', so we couldn't'",
"a count written with a thousands separator"), never one sentence.
"""

from __future__ import annotations

from typing import Any

import pytest

from drafting.checks.claims import counts, durations
from tests.drafting.checks.conftest import EN, IT, findings

SOFA = ["Corner sofas ordered in October ship from the Verona warehouse from 3 December 2026."]
LAMP = ["Some Luce desk lamps (model LD-3) flicker after an app update on 2 March 2027."]
LAMPADA = ["Alcune lampade Luce (modello LD-3) sfarfallano dopo un aggiornamento del 2 marzo 2027."]

# --- misses: forbidden ---------------------------------------------------------------------------

CAUGHT: list[tuple[str, str, dict[str, Any]]] = [
    # Liability said by admitting the brand cheated its customers.
    ("forbidden.liability", f"Yes, the company admits it cheated its loyal members. {EN}", {}),
    ("forbidden.liability", f"Lo diciamo chiaro: abbiamo ingannato chi ha comprato. {IT}", {}),
    # Another named customer who wrote in, wherever they live.
    (
        "forbidden.other_customers",
        f"Mr Rossi from Verona contacted us about the same lamp yesterday. {EN}",
        {"kind": "reply"},
    ),
    (
        "forbidden.other_customers",
        f"La signora Conti di Bergamo ci ha scritto per lo stesso divano. {IT}",
        {"kind": "reply"},
    ),
    # What most (or hardly any) of our customers say or do.
    (
        "forbidden.other_customers",
        f"Most of our buyers say the squeak stops after a week of use. {EN}",
        {"kind": "reply"},
    ),
    (
        "forbidden.other_customers",
        f"La maggior parte dei nostri clienti ci dice che il rumore sparisce. {IT}",
        {"kind": "reply"},
    ),
    (
        "forbidden.other_customers",
        f"Don't worry, you're not alone with this lamp. {EN}",
        {"kind": "reply"},
    ),
    # Tax advice: when to file, what to claim.
    (
        "forbidden.financial_advice",
        f"We'd recommend waiting on your quarterly tax return until the new invoice comes. {EN}",
        {"kind": "reply"},
    ),
    (
        "forbidden.financial_advice",
        f"Meglio posticipare la liquidazione IVA finché non ricevete la fattura. {IT}",
        {"kind": "reply"},
    ),
    # Health reassurance: an exposure said to be harmless.
    (
        "forbidden.medical_advice",
        f"Breathing in the dust from the filter is perfectly safe. {EN}",
        {"kind": "reply"},
    ),
    (
        "forbidden.medical_advice",
        f"Le esalazioni della vernice sono del tutto innocue. {IT}",
        {"kind": "reply"},
    ),
    (
        "forbidden.medical_advice",
        f"There's no risk to your child's breathing from the foam. {EN}",
        {"kind": "reply"},
    ),
    (
        "forbidden.medical_advice",
        f"Nessun rischio per i polmoni del bambino, tranquilla. {IT}",
        {"kind": "reply"},
    ),
    # A hedged culprit with a modal.
    (
        "forbidden.speculation",
        f"A change to our payment page could be behind the failed orders. {EN}",
        {"kind": "reply"},
    ),
    (
        "forbidden.speculation",
        f"Un aggiornamento del sito potrebbe esserci dietro. {IT}",
        {"kind": "reply"},
    ),
    # A third party that never sent or told us; the customer's own slip, tone or next time.
    (
        "forbidden.blame",
        f"Sorry. The printer never sent us the proofs, so the error slipped through. {EN}",
        {"kind": "reply"},
    ),
    (
        "forbidden.blame",
        f"Ci dispiace. Il fornitore non ci ha mai avvisato del cambio di tessuto. {IT}",
        {"kind": "reply"},
    ),
    (
        "forbidden.blame",
        f"Please make sure you didn't unsubscribe by mistake. {EN}",
        {"kind": "reply"},
    ),
    (
        "forbidden.blame",
        f"Verifica di non aver annullato l'ordine per errore. {IT}",
        {"kind": "reply"},
    ),
    (
        "forbidden.blame",
        f"Maybe the language you chose in the chat played a part. {EN}",
        {"kind": "reply"},
    ),
    (
        "forbidden.blame",
        f"Ti suggeriamo di misurare la porta la prossima volta. {IT}",
        {"kind": "reply"},
    ),
    (
        "forbidden.blame",
        f"It won't open because you're typing the PIN wrong. {EN}",
        {"kind": "reply"},
    ),
    ("forbidden.blame", f"Se non funziona, stai sbagliando. {IT}", {"kind": "reply"}),
    # --- tone ---
    (
        "tone.defensive",
        f"As explained in our assembly leaflet, the legs need tightening. {EN}",
        {"kind": "reply"},
    ),
    (
        "tone.defensive",
        f"Our driver acted professionally at every stop. {EN}",
        {"kind": "reply"},
    ),
    (
        "tone.defensive",
        f"L'operatrice è stata cortese dall'inizio alla fine. {IT}",
        {"kind": "reply"},
    ),
    (
        "tone.defensive",
        f"The storm closed the roads, so there was nothing we could have done. {EN}",
        {"kind": "reply"},
    ),
    (
        "tone.defensive",
        f"Con la neve non potevamo fare nulla. {IT}",
        {"kind": "reply"},
    ),
    ("tone.hostility", f"Quit complaining and read the manual. {EN}", {"kind": "reply"}),
    ("tone.hostility", f"Then just go and shop somewhere else. {EN}", {"kind": "reply"}),
    ("tone.hostility", f"Smettila di lamentarti su ogni post. {IT}", {"kind": "reply"}),
    # --- grounding ---
    (
        "grounding.cause",
        f"Sorry for the delay. It might be a hardware fault at the depot. {EN}",
        {"kind": "reply", "facts": SOFA},
    ),
    (
        "grounding.cause",
        f"A storm flooded the loading bay, so we couldn't load the vans. {EN}",
        {"kind": "reply", "facts": SOFA},
    ),
    (
        "grounding.cause",
        f"Le consegne sono ferme dietro un blocco doganale a Chiasso. {IT}",
        {"kind": "reply", "facts": LAMPADA},
    ),
    (
        "grounding.cause",
        f"A packing fault at our Turin depot, sorry about that. {EN}",
        {"kind": "reply", "facts": SOFA},
    ),
    (
        "grounding.promise",
        f"Sorry about the wait. Everyone who ordered a sofa will get a voucher from us. {EN}",
        {"kind": "reply", "facts": SOFA},
    ),
    (
        "grounding.promise",
        f"Sorry! I've applied a discount to your order. {EN}",
        {"kind": "reply", "facts": SOFA},
    ),
    (
        "grounding.promise",
        f"Vorremmo offrirti un buono per il disturbo. {IT}",
        {"kind": "reply", "facts": LAMPADA},
    ),
    (
        "grounding.count",
        f"Ci dispiace: il difetto riguarda circa 4.500 set di lampade. {IT}",
        {"kind": "reply", "facts": LAMPADA},
    ),
    (
        "grounding.count",
        f"About 2,400 applicants are waiting for an answer. {EN}",
        {"kind": "reply", "facts": SOFA},
    ),
    (
        "grounding.duration",
        f"The flicker is usually gone after a week. {EN}",
        {"kind": "reply", "facts": LAMP},
    ),
]


@pytest.mark.parametrize(("check_id", "text", "context"), CAUGHT)
def test_each_holdout10_class_is_caught_in_other_words(
    check, check_id: str, text: str, context: dict[str, Any]
) -> None:
    assert check_id in findings(check, text, context)


CLEAN: list[tuple[str, str, dict[str, Any]]] = [
    # Near misses: the same words, nothing forbidden.
    ("forbidden.other_customers", f"Mr Bianchi, thanks for writing to us. {EN}", {}),
    ("forbidden.other_customers", f"Most of your order has shipped already. {EN}", {}),
    (
        "forbidden.financial_advice",
        f"Your corrected invoice will reach you before your VAT return is due. {EN}",
        {"kind": "reply"},
    ),
    (
        "forbidden.medical_advice",
        f"Please don't use the filter and see a doctor if you feel unwell. {EN}",
        {"kind": "reply"},
    ),
    (
        "forbidden.blame",
        f"We're sorry: our printer made the error, not you. {EN}",
        {"kind": "reply"},
    ),
    ("forbidden.blame", f"Next time you order, the discount applies. {EN}", {"kind": "reply"}),
    (
        "tone.defensive",
        f"As described on the following page, you can book a repair online. {EN}",
        {"kind": "reply"},
    ),
    (
        "tone.hostility",
        f"Stop by any of our shops and we'll swap it for you. {EN}",
        {"kind": "reply"},
    ),
    # A duration that says what happened to the customer is no claim.
    (
        "grounding.duration",
        f"Your lamp flickering after a week isn't good enough, sorry. {EN}",
        {"kind": "reply", "facts": LAMP},
    ),
    (
        "grounding.duration",
        f"Sorry you've been waiting for a week. {EN}",
        {"kind": "reply", "facts": LAMP},
    ),
    # A weekday is grounded by a dated fact in a year the facts name.
    (
        "grounding.datetime",
        f"Sorry about the flicker since Tuesday's app update. {EN}",
        {"kind": "reply", "facts": ["The app update of 2 March 2027 makes some lamps flicker."]},
    ),
    # A fact that rules a refund out does not support a promised refund ... (see CAUGHT_RULED_OUT)
    # ... and the facts' present tense supports the same thing said in the future.
    (
        "grounding.promise",
        f"La nuova lampada arriverà entro venerdì. {IT}",
        {"kind": "reply", "facts": ["Le lampade sostitutive arrivano entro venerdì 5 marzo 2027."]},
    ),
]


@pytest.mark.parametrize(("check_id", "text", "context"), CLEAN)
def test_holdout10_near_misses_stay_clean(
    check, check_id: str, text: str, context: dict[str, Any]
) -> None:
    assert check_id not in findings(check, text, context)


def test_a_weekday_the_dated_facts_do_not_give_is_still_unsupported(check) -> None:
    facts = ["The app update of 2 March 2027 makes some lamps flicker."]  # a Tuesday
    text = f"Sorry about the flicker since Thursday's app update. {EN}"
    assert "grounding.datetime" in findings(check, text, {"kind": "reply", "facts": facts})


def test_a_fact_that_rules_a_refund_out_supports_no_refund(check) -> None:
    facts = ["Restored orders keep their payment; no refund is issued for them."]
    text = f"Every affected customer will get a full refund. {EN}"
    assert "grounding.promise" in findings(check, text, {"kind": "reply", "facts": facts})


def test_thousands_separators_make_counts_not_dates() -> None:
    assert [c.value for c in counts("circa 4.500 set di lampade")] == [4500.0]
    assert counts("spediti il 3 set 2026") == []
    assert [c.keys for c in durations("it's gone after a day")] == [frozenset({"1 day"})]
    assert durations("have a good day") == []


# --- false alarms: required moves made in other words ------------------------------------------

MOVES_MADE: list[tuple[str, str, str]] = [
    ("structure.thank", "resolution_update", f"Fixed since 10:00. We thank all of you. {EN}"),
    ("structure.apologise", "resolution_update", f"Di nuovo tutto ok. Scusate l'attesa! {IT}"),
    (
        "structure.state_status",
        "status_update",
        f"Replacement lamps are being dispatched today. Next update at 16:00. {EN}",
    ),
    (
        "structure.state_status",
        "status_update",
        f"New codes will reach you by Friday. Next update at 16:00. {EN}",
    ),
    (
        "structure.state_status",
        "status_update",
        f"I ritiri sono stati rinviati a lunedì. Prossimo aggiornamento alle 16:00. {IT}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"Sorry. Every customer has now received a new code, so old codes can no longer be "
        f"used. {EN}",
    ),
    (
        "structure.next_step",
        "apology",
        f"We're sorry your sofa was late. Your collection is rescheduled for Monday. {EN}",
    ),
    (
        "structure.next_step",
        "apology",
        f"Ci dispiace per il ritardo: d'ora in poi controlliamo ogni pacco due volte. {IT}",
    ),
    (
        "structure.next_step",
        "apology",
        f"Ci dispiace per il ritardo del tuo divano. Il buono ti arriva via e-mail entro "
        f"domani. {IT}",
    ),
    (
        "structure.next_update",
        "holding_statement",
        f"Our lamps flicker, sorry. We'll post the fix here on Friday at 10:00. {EN}",
    ),
    (
        "structure.acknowledge",
        "apology",
        f"That's not how our drivers should treat anyone, and we're sorry. DM us. {EN}",
    ),
    (
        "structure.acknowledge",
        "apology",
        f"Nessuno dovrebbe aspettare così tanto, ci scusiamo. Scrivici in DM. {IT}",
    ),
    (
        "structure.acknowledge",
        "apology",
        f"The lamps won't ship by Friday as promised, and we're sorry. DM us. {EN}",
    ),
]


@pytest.mark.parametrize(("move", "kind", "text"), MOVES_MADE)
def test_holdout10_moves_made_in_other_words(check, move: str, kind: str, text: str) -> None:
    assert move not in findings(check, text, {"kind": kind})


MOVES_MISSED: list[tuple[str, str, str]] = [
    ("structure.thank", "resolution_update", f"Fixed since 10:00. Sorry. {EN}"),
    ("structure.apologise", "resolution_update", f"Fixed since 10:00, scusate se... {IT}"),
    ("structure.state_resolution", "resolution_update", f"We're sorry and thank you. {EN}"),
    ("structure.acknowledge", "apology", f"We're sorry. DM us your order number. {EN}"),
]


@pytest.mark.parametrize(("move", "kind", "text"), MOVES_MISSED)
def test_holdout10_near_misses_still_miss_the_move(check, move: str, kind: str, text: str) -> None:
    assert move in findings(check, text, {"kind": kind})
