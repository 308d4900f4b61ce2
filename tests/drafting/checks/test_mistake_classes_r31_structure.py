"""Classes of mistake the thirty-first round found in the required moves (structure.*) and in
grounding.* on the forty-third and forty-fourth held-out sets, each fixed by a reading rather
than a phrase, and tested with fresh sentences (none taken from a labelled set) in English and
Italian, with near misses that must stay clean or keep failing.

Grounding, cause: the cause said to be found while the facts say it is not known; an outside
party said with who it is ("the firm that services our boilers") told as the one that did it;
what made it worse; a guess at the start of a sentence at what gave way.
Grounding, figures: the first of two days that share their month ("Monday 7 and Tuesday 8
December"); how long it lasted where the facts say how long, not a gap between two of their
dates; an amount with its order of magnitude in words ("10 million euros", "10 milioni di
euro").
Grounding, promise: a promise of "it" pointing back to a grant named before it in the sentence;
any cost covered; the goods kept with the money back where the facts give one or the other;
gifts the customers bought are no gift of ours.
Structure: a clause of our own after "and"/"e" is what comes next, whatever came before it;
how long a refund takes to appear is what comes next; a comma, "and" and a new subject, or
"and will", start a new statement; "Le confermiamo che" confirms a fact now, no update to come.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drafting.checks import CheckReport
from tests.drafting.checks.conftest import EN, IT, findings

Check = Callable[..., CheckReport]

# A fresh incident: the heating of a store broke down, cause not known yet.
HEATING = [
    "On Monday the heating at the Verdello store in Turin stopped working; the store stayed "
    "closed for two days, Monday 7 and Tuesday 8 December 2026.",
    "The cause of the heating failure is not yet known; the cause is not confirmed.",
    "The store reopens on Wednesday 9 December 2026 at 10:00 CET. Click-and-collect orders "
    "can be collected at the Milan store, or cancelled for a full refund. The parking fee of "
    "a wasted trip is refunded on request; refunds are paid by Monday 14 December 2026. No "
    "other compensation has been announced. Some Christmas gift orders will be late.",
    "Verdello will invest 2 million euros in new heating across its stores.",
    "Next update: Wednesday 9 December 2026 at 12:00 CET.",
]
# ... and the same store flooded by a burst pipe: a cause the facts give.
FLOOD = [
    "On Monday 7 December 2026 a burst water pipe flooded the ground floor of the Verdello "
    "store in Turin; the store stayed closed for two days. / Lunedì 7 dicembre 2026 un tubo "
    "dell'acqua scoppiato ha allagato il piano terra del negozio Verdello di Torino; il negozio "
    "è rimasto chiuso per due giorni.",
    "The store reopens on Wednesday 9 December 2026 at 10:00 CET. / Il negozio riapre "
    "mercoledì 9 dicembre 2026 alle 10:00.",
]


# --- grounding: causes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"Sorry the store was cold. We've found the cause: a faulty valve. {EN}", True),
        (f"Ci dispiace per il freddo. Abbiamo individuato la causa, una valvola difettosa. {IT}",
         True),
        (f"Sorry the store was cold. The cause has been traced and we're fixing it. {EN}", True),
        (f"Ci dispiace per il freddo. La causa è stata trovata e la stiamo sistemando. {IT}",
         True),
        # Near misses: a finding denied, or still to come.
        (f"Sorry the store was cold. We haven't found the cause yet. {EN}", False),
        (f"Sorry the store was cold. Once we've found the cause, we'll tell you. {EN}", False),
        (f"Ci dispiace per il freddo. Non abbiamo ancora trovato la causa. {IT}", False),
        (f"Ci dispiace per il freddo. Quando abbiamo trovato la causa ve la diremo. {IT}",
         False),
    ],
)  # fmt: skip
def test_a_cause_said_to_be_found_while_unknown(check: Check, text: str, flagged: bool) -> None:
    got = findings(check, text, {"kind": "apology", "facts": HEATING})
    assert ("grounding.cause" in got) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"Sorry. The contractor that services our boilers left a valve shut. {EN}", True),
        (f"Ci dispiace. La ditta che fa la manutenzione delle caldaie ha lasciato chiusa una "
         f"valvola. {IT}", True),
        (f"Sorry. The closure was made worse by a shortage of engineers. {EN}", True),
        (f"Ci dispiace. La chiusura è stata aggravata dalla mancanza di tecnici. {IT}", True),
        # Near misses: the party's remedy, and what made it worse in the facts' words.
        (f"Sorry. The firm that services our boilers repaired it this morning. {EN}", False),
        (f"Ci dispiace. La ditta che fa la manutenzione ha riparato la caldaia. {IT}", False),
        (f"Sorry. The closure was made worse by the heating failure. {EN}", False),
    ],
)  # fmt: skip
def test_a_party_said_with_who_it_is_or_what_made_it_worse_is_a_cause(
    check: Check, text: str, flagged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": HEATING})
    assert ("grounding.cause" in got) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"Sorry the store was shut. Perhaps the old pump broke down under the load. {EN}",
         True),
        (f"Ci dispiace per la chiusura. Forse la vecchia pompa si è rotta per il carico. {IT}",
         True),
        # Near misses: a guess at where a message went, and the facts' own cause.
        (f"Sorry the store was shut. Maybe the e-mail landed in your spam folder. {EN}", False),
        (f"Ci dispiace. Forse il messaggio è stato consegnato nella cartella spam. {IT}", False),
        (f"Sorry the store was shut: a burst water pipe flooded the ground floor. {EN}", False),
    ],
)  # fmt: skip
def test_a_guess_at_what_gave_way_is_a_cause(check: Check, text: str, flagged: bool) -> None:
    got = findings(check, text, {"kind": "apology", "facts": FLOOD})
    assert ("grounding.cause" in got) is flagged


# --- grounding: figures -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "check_id", "flagged"),
    [
        (f"Sorry: the store was closed on Monday 7 December. DM us. {EN}",
         "grounding.datetime", False),
        (f"Ci dispiace: il negozio è rimasto chiuso lunedì 7 dicembre. Scrivici. {IT}",
         "grounding.datetime", False),
        (f"Sorry: the store was closed on Sunday 6 December. DM us. {EN}",
         "grounding.datetime", True),
        (f"Sorry: the heating stayed off for almost a week. DM us. {EN}",
         "grounding.duration", True),
        (f"Ci dispiace: il riscaldamento è rimasto spento per quasi una settimana. Scrivici. "
         f"{IT}",
         "grounding.duration", True),
        (f"Sorry: the heating stayed off for two days. DM us. {EN}",
         "grounding.duration", False),
        (f"Sorry. We could face a fine of up to 10 million euros. DM us. {EN}",
         "grounding.amount", True),
        (f"Ci dispiace. Rischiamo una multa fino a 10 milioni di euro. Scrivici. {IT}",
         "grounding.amount", True),
        (f"Sorry. We're investing 2 million euros in new heating. DM us. {EN}",
         "grounding.amount", False),
        (f"Ci dispiace. Investiamo 2 milioni di euro in nuovi impianti. Scrivici. {IT}",
         "grounding.amount", False),
    ],
)  # fmt: skip
def test_paired_days_lengths_and_amounts_in_words(
    check: Check, text: str, check_id: str, flagged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": HEATING})
    assert (check_id in got) is flagged


# --- grounding: promises ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"Sorry. You're entitled to compensation for the trip, and we guarantee you'll "
         f"receive it. {EN}", True),
        (f"Ci dispiace. Hai diritto a un indennizzo per il viaggio e te lo garantiamo. {IT}",
         True),
        (f"Sorry. We'll cover any costs the closure caused you. {EN}", True),
        (f"Ci dispiace. Copriamo tutte le spese che la chiusura ti ha causato. {IT}", True),
        (f"Sorry. We've refunded your order in full, and you can keep the heater when it "
         f"arrives. {EN}", True),
        (f"Sorry. To make up for it we're sending you a free gift. {EN}", True),
        (f"Ci dispiace. Per scusarci ti mandiamo un omaggio. {IT}", True),
        # Near misses: what the facts grant, pointed back to or in the customer's choice.
        (f"Sorry. The parking fee is refunded on request, and we'll arrange it by DM. {EN}",
         False),
        (f"Sorry. You can keep the order, or cancel it for a full refund. {EN}", False),
        (f"Sorry. If you'd rather not keep the heater when it arrives, cancel it for a full "
         f"refund. {EN}", False),
        (f"Sorry. Keep the order and we'll refund the parking fee if you ask. {EN}", False),
        (f"Sorry your Christmas gift order is late. DM us. {EN}", False),
    ],
)  # fmt: skip
def test_grants_pointed_back_costs_covered_goods_kept_and_gifts(
    check: Check, text: str, flagged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": HEATING})
    assert ("grounding.promise" in got) is flagged


# --- structure --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "step"),
    [
        (f"Sorry. The system is locked now and we close the case by Monday 14 December. "
         f"{EN}", True),
        (f"Ci dispiace. Ora l'impianto è bloccato e chiudiamo la pratica entro lunedì 14 "
         f"dicembre. {IT}", True),
        (f"Sorry. We've processed the refund; it can take up to three working days to appear. "
         f"{EN}", True),
        (f"Ci dispiace. Il rimborso è partito: possono volerci fino a tre giorni lavorativi "
         f"perché compaia sul conto. {IT}", True),
        # Near misses: what we did on a day gone by, and how long the repair took.
        (f"Ci dispiace. Il negozio era chiuso e abbiamo avvisato i clienti lunedì 7 "
         f"dicembre. {IT}", False),
        (f"Sorry. The repair took three working days. {EN}", False),
    ],
)  # fmt: skip
def test_our_clause_after_and_or_a_time_to_appear_is_the_next_step(
    check: Check, text: str, step: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": []})
    assert ("structure.next_step" not in got) is step


@pytest.mark.parametrize(
    ("text", "acknowledged"),
    [
        (f"Water came through the ceiling of the ground floor on Monday, and some collections "
         f"will move to Milan. We're sorry. DM us. {EN}", True),
        (f"L'acqua è entrata dal soffitto del piano terra lunedì, e alcuni ritiri passeranno "
         f"a Milano. Ci dispiace. Scrivici. {IT}", True),
        (f"We're sorry. Your order was sent to the Turin store and will be moved to Milan on "
         f"Wednesday. DM us. {EN}", True),
        (f"Ci dispiace. Il tuo ordine è arrivato al negozio di Torino e sarà spostato a "
         f"Milano mercoledì. Scrivici. {IT}", True),
        # Near miss: only what is to come.
        (f"We're sorry. Some collections will move to Milan, and we'll be in touch. {EN}",
         False),
    ],
)  # fmt: skip
def test_what_happened_before_and_a_new_subject_or_will_acknowledges_it(
    check: Check, text: str, acknowledged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": FLOOD})
    assert ("structure.acknowledge" not in got) is acknowledged


@pytest.mark.parametrize(
    ("text", "announced"),
    [
        (f"Buongiorno, Le confermiamo che il negozio resta chiuso dal 7 dicembre. La "
         f"aggiorneremo nei prossimi giorni. {IT}", False),
        # Near miss: a confirmation to come, with its time.
        (f"Buongiorno, il negozio resta chiuso. Le confermeremo la riapertura mercoledì alle "
         f"12:00. {IT}", True),
    ],
)  # fmt: skip
def test_confirming_a_fact_now_announces_no_update(
    check: Check, text: str, announced: bool
) -> None:
    got = findings(check, text, {"kind": "status_update", "facts": FLOOD})
    assert ("structure.next_update" not in got) is announced


def test_the_customers_gift_is_goods_but_a_gift_card_is_still_a_grant(check: Check) -> None:
    """Gifts the customer bought are blanked as goods ("your gift arrives late"); a gift card,
    voucher or code given to them is still a promise the facts must give."""
    facts = ["Some Christmas gift orders will arrive after the promised date."]
    late = f"Sorry: your gift will arrive after the promised date. {EN}"
    assert "grounding.promise" not in findings(check, late, {"kind": "reply", "facts": facts})
    card = f"Sorry: we'll send you your gift card worth 20 EUR. {EN}"
    assert "grounding.promise" in findings(check, card, {"kind": "reply", "facts": facts})
