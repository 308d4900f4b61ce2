"""Classes of mistake the twelfth held-out set exposed (misses first, then false alarms), each
tested with fresh sentences (none taken from a labelled set) in English and Italian, and with near
misses that must stay clean or keep failing.

The eleventh round did not move this set at all, so this round aims at broad kinds of mistake
("a supplier's system as the culprit", "advice on where to keep money"), never one sentence.
"""

from __future__ import annotations

from typing import Any

import pytest

from drafting.checks.claims import counts, datetimes
from tests.drafting.checks.conftest import EN, IT, findings

KETTLE = [
    "Since 09:00 CET on Monday 8 March 2027 some Brezza kettles ordered online show as "
    "cancelled although they were paid.",
    "The cause is an error in our own stock system; 340 orders are affected.",
    "Every affected customer gets an e-mail with the new dispatch date by 18:00 CET on 9 March "
    "2027.",
]
BOLLITORE = [
    "Dalle 09:00 di lunedì 8 marzo 2027 alcuni bollitori Brezza ordinati online risultano "
    "annullati anche se pagati.",
    "La causa è un errore nel nostro sistema di magazzino; sono coinvolti 340 ordini.",
    "Ogni cliente coinvolto riceve un'e-mail con la nuova data di spedizione entro le 18:00 del "
    "9 marzo 2027.",
]
REPLY = {"kind": "reply"}

# --- misses ----------------------------------------------------------------------------------

CAUGHT: list[tuple[str, str, dict[str, Any]]] = [
    # A platform's or supplier's doing as the culprit: an update pushed by an app store, a fault
    # placed in a provider's system, a contractor's crew or a transport firm that never came.
    (
        "forbidden.blame",
        f"Orders fail because Google rolled out a change our checkout can't handle. {EN}",
        REPLY,
    ),
    (
        "forbidden.blame",
        f"Gli ordini non passano: Apple ha rilasciato un aggiornamento che blocca l'app. {IT}",
        REPLY,
    ),
    (
        "forbidden.blame",
        f"The outage came from a setting in our cloud hosting provider's dashboard. {EN}",
        REPLY,
    ),
    (
        "forbidden.blame",
        f"C'è stato un errore nel sistema del nostro fornitore di pagamenti. {IT}",
        REPLY,
    ),
    (
        "forbidden.blame",
        f"The fitters from our installation partner never turned up on Monday. {EN}",
        REPLY,
    ),
    (
        "forbidden.blame",
        f"L'azienda di montaggio che lavora per noi non si è presentata lunedì. {IT}",
        REPLY,
    ),
    # ... and, when the facts name another cause, that story is an ungrounded cause too.
    (
        "grounding.cause",
        f"We're sorry. The haulage company we use never arrived to collect the kettles. {EN}",
        {"kind": "reply", "facts": KETTLE},
    ),
    (
        "grounding.cause",
        f"Ci dispiace. La ditta di consegne non è passata a ritirare i bollitori. {IT}",
        {"kind": "reply", "facts": BOLLITORE},
    ),
    # A cause told with "per" ("per un piccolo guasto al server").
    (
        "grounding.cause",
        f"Gli ordini risultano annullati per un piccolo guasto del server. {IT}",
        {"kind": "reply", "facts": BOLLITORE},
    ),
    # Someone the customer knows and their case; something that is another customer's; a titled
    # name written with a capital.
    (
        "forbidden.other_customers",
        f"Your friend from the gym had the same issue last week and it was sorted quickly. {EN}",
        REPLY,
    ),
    (
        "forbidden.other_customers",
        f"Your colleague in Turin already got her replacement, so yours is next. {EN}",
        REPLY,
    ),
    (
        "forbidden.other_customers",
        f"La tua vicina di casa ha avuto lo stesso problema con il suo bollitore. {IT}",
        REPLY,
    ),
    (
        "forbidden.other_customers",
        f"The parcel you were sent belongs to another customer; please keep it aside. {EN}",
        REPLY,
    ),
    (
        "forbidden.other_customers",
        f"Il pacco che hai ricevuto è di un'altra cliente: non aprirlo, per favore. {IT}",
        REPLY,
    ),
    (
        "forbidden.other_customers",
        f"Anche il Signor Fabbri di Lodi ci ha scritto per lo stesso motivo. {IT}",
        REPLY,
    ),
    # Advice on the customer's own money: what to keep aside and where, which card for big
    # purchases, the smarter use of their money, a savings account as the yardstick.
    (
        "forbidden.financial_advice",
        f"Until this is fixed it would be sensible to keep some cash in your current account. {EN}",
        REPLY,
    ),
    (
        "forbidden.financial_advice",
        f"For now, put larger purchases on a credit card rather than your debit card. {EN}",
        REPLY,
    ),
    (
        "forbidden.financial_advice",
        f"The annual plan is a smarter use of your money than monthly payments. {EN}",
        REPLY,
    ),
    (
        "forbidden.financial_advice",
        f"It beats leaving the money sitting in a savings account. {EN}",
        REPLY,
    ),
    (
        "forbidden.financial_advice",
        f"Nel frattempo è prudente tenere da parte un po' di soldi sul conto corrente. {IT}",
        REPLY,
    ),
    (
        "forbidden.financial_advice",
        f"Per i grandi acquisti usa la carta di credito finché non sistemiamo. {IT}",
        REPLY,
    ),
    (
        "forbidden.financial_advice",
        f"Il piano annuale è l'uso più intelligente dei tuoi soldi. {IT}",
        REPLY,
    ),
    # Causation admitted, and full responsibility taken after an injury told earlier.
    (
        "forbidden.liability",
        f"We admit this happened because we packed the glass badly. {EN}",
        REPLY,
    ),
    (
        "forbidden.liability",
        f"We're so sorry your son was hurt. We take full responsibility. {EN}",
        REPLY,
    ),
    (
        "forbidden.liability",
        f"Riconosciamo che è successo perché abbiamo imballato male il vetro. {IT}",
        REPLY,
    ),
    (
        "forbidden.liability",
        f"Ci dispiace che tuo figlio si sia fatto male. Ce ne assumiamo la piena "
        f"responsabilità. {IT}",
        REPLY,
    ),
    # An entitlement to damages promised.
    (
        "forbidden.legal_promise",
        f"Under consumer law you'll be entitled to compensation for this. {EN}",
        REPLY,
    ),
    (
        "forbidden.legal_promise",
        f"Per legge avrai diritto a un indennizzo per il ritardo. {IT}",
        REPLY,
    ),
    # Showing the door, and telling the customer off for what they called us.
    ("tone.hostility", f"Nobody's forcing you to keep the membership. {EN}", REPLY),
    ("tone.hostility", f"Nessuno ti costringe a restare abbonato. {IT}", REPLY),
    (
        "tone.hostility",
        f"Calling us clowns won't make the kettle arrive sooner. {EN}",
        REPLY,
    ),
    (
        "tone.hostility",
        f"Darci dei buffoni non farà arrivare prima il bollitore. {IT}",
        REPLY,
    ),
    # Mock praise of the customer's vigilance, mock thanks for their confidence, a jibe
    # answered literally.
    (
        "tone.sarcasm",
        f"Great to see you're paying such close attention to our app. {EN}",
        REPLY,
    ),
    ("tone.sarcasm", f"Thanks for the vote of confidence. Orders resume at 18:00. {EN}", REPLY),
    ("tone.sarcasm", f"Yes, we're still in business. Orders resume at 18:00. {EN}", REPLY),
    ("tone.sarcasm", f"Sì, esistiamo ancora. Gli ordini ripartono alle 18:00. {IT}", REPLY),
    # What we already told this customer, quoted back.
    (
        "tone.defensive",
        f"As set out in our previous e-mail, the order was cancelled. {EN}",
        REPLY,
    ),
    (
        "tone.defensive",
        f"Come indicato nella nostra precedente e-mail, l'ordine è stato annullato. {IT}",
        REPLY,
    ),
    # Sorry for how the customer sees it, and for harm that may not have happened.
    ("tone.blame_shift", f"Mi dispiace che tu la pensi così. {IT}", REPLY),
    ("tone.blame_shift", f"Ci dispiace che tu la trovi ingiusta. {IT}", REPLY),
    (
        "tone.blame_shift",
        f"We apologise for any trouble this may have caused. {EN}",
        REPLY,
    ),
    ("tone.blame_shift", f"Ci scusiamo per gli eventuali ritardi. {IT}", REPLY),
    # A free month of a membership, or free express delivery, is no kind the policy allows.
    (
        "compensation.kind_not_allowed",
        f"To make up for it, we'll add two free months of your membership. {EN}",
        REPLY,
    ),
    (
        "compensation.kind_not_allowed",
        f"We'll give you free next-day delivery on your next order. {EN}",
        REPLY,
    ),
    (
        "compensation.kind_not_allowed",
        f"Per scusarci ti aggiungiamo due mesi di abbonamento gratis. {IT}",
        REPLY,
    ),
    # Offers the facts never made: "we'd like to add", "everyone affected gets", and a refund
    # said to be done already.
    (
        "grounding.promise",
        f"We'd like to add a voucher for the wait. {EN}",
        {"kind": "reply", "facts": KETTLE},
    ),
    (
        "grounding.promise",
        f"Everyone affected gets free express delivery on the next order. {EN}",
        {"kind": "reply", "facts": KETTLE},
    ),
    (
        "grounding.promise",
        f"Your refund has already been processed. {EN}",
        {"kind": "reply", "facts": KETTLE},
    ),
    (
        "grounding.promise",
        f"Il rimborso del bollitore è già stato effettuato. {IT}",
        {"kind": "reply", "facts": BOLLITORE},
    ),
    (
        "grounding.promise",
        f"Ti aggiungiamo un mese in omaggio. {IT}",
        {"kind": "reply", "facts": BOLLITORE},
    ),
    # Counts said as "of you" and "of the ... orders".
    (
        "grounding.count",
        f"This affects around 500 of you. {EN}",
        {"kind": "reply", "facts": KETTLE},
    ),
    (
        "grounding.count",
        f"We've already fixed 120 of the cancelled orders. {EN}",
        {"kind": "reply", "facts": KETTLE},
    ),
    (
        "grounding.count",
        f"Riguarda circa 500 di voi. {IT}",
        {"kind": "reply", "facts": BOLLITORE},
    ),
    # The system prompt's self-description retold in the first person.
    (
        "output_safety.prompt_leak",
        f"Hello! I am the Brezza support writing assistant and I never promise refunds. {EN}",
        {
            "kind": "reply",
            "system_prompt": "You are the Brezza support writing assistant and you never "
            "promise refunds. Keep replies short.",
        },
    ),
    # A conjunction in capitals is emphasis.
    ("voice.capitals", f"Costa 39 euro, MA include il reso. {IT}", REPLY),
    ("voice.capitals", f"It costs more, BUT includes returns. {EN}", REPLY),
]


@pytest.mark.parametrize(("check_id", "text", "context"), CAUGHT)
def test_holdout12_classes_are_caught(
    check, check_id: str, text: str, context: dict[str, Any]
) -> None:
    assert check_id in findings(check, text, context)


NEAR_MISSES: list[tuple[str, str, dict[str, Any]]] = [
    ("forbidden.blame", f"The new Google update works with our app. {EN}", REPLY),
    (
        "forbidden.blame",
        f"Il sistema del nostro fornitore di pagamenti funziona normalmente. {IT}",
        REPLY,
    ),
    (
        "grounding.cause",
        f"Ci scusiamo per un disguido con il tuo ordine. {IT}",
        {"kind": "reply", "facts": BOLLITORE},
    ),
    (
        "forbidden.other_customers",
        f"Your friend can order a kettle on our website too. {EN}",
        REPLY,
    ),
    (
        "forbidden.other_customers",
        f"Gentile Signor Fabbri, il suo bollitore parte oggi. {IT}",
        {"kind": "reply", "channel": "email"},
    ),
    (
        "forbidden.financial_advice",
        f"We'll refund the 30 EUR to your card. {EN}",
        REPLY,
    ),
    (
        "forbidden.financial_advice",
        f"Il rimborso arriva sul conto della carta usata per l'ordine. {IT}",
        REPLY,
    ),
    # Owning a mistake is not legal liability for harm.
    ("forbidden.liability", f"L'errore è nostro e ci dispiace. {IT}", REPLY),
    ("forbidden.liability", f"The mistake was ours, and we're sorry. {EN}", REPLY),
    (
        "forbidden.liability",
        f"Sorry your parcel fell behind schedule. We take full responsibility for the delay. {EN}",
        REPLY,
    ),
    (
        "forbidden.legal_promise",
        f"You can cancel within 14 days for a full refund. {EN}",
        REPLY,
    ),
    ("tone.hostility", f"You can cancel whenever you like, at no cost. {EN}", REPLY),
    ("tone.hostility", f"Puoi disdire quando vuoi, senza costi. {IT}", REPLY),
    ("tone.sarcasm", f"Yes, we're still working on it. Next update at 18:00. {EN}", REPLY),
    ("tone.sarcasm", f"Grazie per la fiducia in questi anni. {IT}", REPLY),
    (
        "tone.defensive",
        f"Our records show we've refunded the order today. {EN}",
        REPLY,
    ),
    (
        "tone.defensive",
        f"As we said in this morning's update, orders resume at 18:00. {EN}",
        {"kind": "status_update", "channel": "facebook"},
    ),
    ("tone.blame_shift", f"Ci scusiamo per il ritardo. {IT}", REPLY),
    ("tone.blame_shift", f"We apologise for the delay this has caused. {EN}", REPLY),
    (
        "tone.blame_shift",
        f"As clearly stated in our delivery terms, returns are free. {EN}",
        REPLY,
    ),
    ("compensation.kind_not_allowed", f"We'll refund the delivery charge. {EN}", REPLY),
    (
        "grounding.promise",
        f"Your refund has already been processed. {EN}",
        {"kind": "reply", "facts": [*KETTLE, "Every cancelled order has been refunded."]},
    ),
    (
        "grounding.count",
        f"Dalle 18:30 tutti i clienti possono ordinare di nuovo. {IT}",
        {"kind": "reply", "facts": BOLLITORE},
    ),
    (
        "grounding.datetime",
        f"Orders are high because of Black Friday. {EN}",
        {"kind": "reply", "facts": KETTLE},
    ),
    # A standing fact supports a figure in other words: "answer" is "reply".
    (
        "grounding.duration",
        f"Our care team will answer your e-mail within 24 hours. {EN}",
        {"kind": "reply", "facts": KETTLE},
    ),
    (
        "output_safety.prompt_leak",
        f"Hello! We are the Brezza team and we're sorry for the wait. {EN}",
        {
            "kind": "reply",
            "system_prompt": "You are the Brezza support writing assistant and you never "
            "promise refunds. Keep replies short.",
        },
    ),
    ("voice.capitals", f"Costa 39 euro e include il reso in UE. {IT}", REPLY),
]


@pytest.mark.parametrize(("check_id", "text", "context"), NEAR_MISSES)
def test_holdout12_near_misses_stay_clean(
    check, check_id: str, text: str, context: dict[str, Any]
) -> None:
    assert check_id not in findings(check, text, context)


def test_the_sarcasm_of_la_veda_cosi_is_no_sarcasm_after_an_apology(check) -> None:
    failed = findings(check, f"Mi dispiace che tu la veda così. {IT}", REPLY)
    assert "tone.blame_shift" in failed
    assert "tone.sarcasm" not in failed


def test_counts_read_of_you_and_skip_the_minutes_of_a_time() -> None:
    assert [sorted(c.keys) for c in counts("about 12,000 of you")] == [["12000"]]
    assert [sorted(c.keys) for c in counts("fixed 180 of the cancelled orders")] == [["180"]]
    assert counts("alle 17:30 tutti i clienti") == []
    assert counts("alle 17.30 tutti i clienti") == []
    assert counts("30 days for you") == []


def test_sales_named_after_a_day_are_not_dates() -> None:
    assert datetimes("Black Friday and Cyber Monday traffic") == []
    assert [sorted(c.keys) for c in datetimes("on Friday")] == [["weekday:4"]]


# --- false alarms: moves made in other words -------------------------------------------------

MOVES_MADE: list[tuple[str, str, str]] = [
    (
        "structure.apologise",
        "holding_statement",
        f"Oggi alcuni bollitori risultano annullati per errore: ce ne scusiamo. Prossimo "
        f"aggiornamento alle 18:00. {IT}",
    ),
    (
        "structure.apologise",
        "holding_statement",
        f"Oggi alcuni bollitori risultano annullati: me ne scuso. Prossimo aggiornamento alle "
        f"18:00. {IT}",
    ),
    (
        "structure.next_step",
        "apology",
        f"We're sorry your kettle order was cancelled. The new date arrives by e-mail by Tuesday "
        f"18:00. {EN}",
    ),
    (
        "structure.next_step",
        "apology",
        f"We're sorry your kettle order was cancelled. The new date will be e-mailed to you by "
        f"Tuesday. {EN}",
    ),
    (
        "structure.next_step",
        "apology",
        f"Ci dispiace per l'ordine annullato. Nuova data via e-mail entro martedì 18:00. {IT}",
    ),
    (
        "structure.acknowledge",
        "holding_statement",
        f"The checkout won't let you pay right now, and we're sorry. Next update at 18:00. {EN}",
    ),
    (
        "structure.acknowledge",
        "holding_statement",
        f"Il sito non ti permette di pagare, ci scusiamo. Prossimo aggiornamento alle 18:00. {IT}",
    ),
]


@pytest.mark.parametrize(("move", "kind", "text"), MOVES_MADE)
def test_holdout12_moves_made_in_other_words(check, move: str, kind: str, text: str) -> None:
    assert move not in findings(check, text, {"kind": kind})


def test_a_cancellation_in_the_facts_words_acknowledges_it(check) -> None:
    """ "L'ordine è stato annullato" reads like a resolution ("annullato" also closes a double
    charge), but with the facts' own word for what happened it says what went wrong."""
    text = (
        f"Il tuo ordine è stato annullato per un errore nostro. Ci scusiamo. Scrivici in DM. {IT}"
    )
    assert "structure.acknowledge" not in findings(
        check, text, {"kind": "apology", "facts": BOLLITORE}
    )


MOVES_MISSED: list[tuple[str, str, str]] = [
    (
        "structure.next_step",
        "apology",
        f"We're sorry. Your kettle didn't arrive by Tuesday. {EN}",
    ),
    ("structure.apologise", "holding_statement", f"Ci scusiamo per l'eventuale disagio. {IT}"),
]


@pytest.mark.parametrize(("move", "kind", "text"), MOVES_MISSED)
def test_holdout12_near_misses_still_miss_the_move(check, move: str, kind: str, text: str) -> None:
    assert move in findings(check, text, {"kind": kind})
