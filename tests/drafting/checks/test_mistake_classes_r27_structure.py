"""Classes of mistake the twenty-seventh round found in the required moves (structure.*) and in
grounding.* on the thirty-fourth and thirty-fifth held-out sets, each fixed by a reading rather
than a phrase, and tested with fresh sentences (none taken from a labelled set) in English and
Italian, with near misses that must stay clean or keep failing.

Acknowledge: the person owed better than what they got ("Marta deserved far better"); the name
the customer was called, rejected ("you're not a nuisance"); an apology for what the customer
was made to hear or read; what they went through judged, whatever its subject ("being hurried
down the stairs must have been frightening"); contempt or a fire named by its word; an apology
clause with a hyphenated subject ("sorry your drop-off couldn't happen").
Apologise: Italian regret with any adverb ("siamo profondamente rammaricati").
Next step: something put within reach on a day to come, with no preposition ("the helpline
opens Monday"); an Italian offer whose infinitive carries the customer ("posso guidarti").
Grounding: an origin told as known while the facts say the cause is being investigated; a
leader's act to come the facts don't give; belongings given back read as no refund; a grant the
facts list among those not announced; a cue inside a "when" clause is the trigger, no promise.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drafting.checks import CheckReport
from tests.drafting.checks.conftest import EN, IT, findings

Check = Callable[..., CheckReport]

# A fresh incident: a boiler room fire at a Verdello warehouse in Bologna.
BOILER = [
    "On Tuesday 8 December 2026 at about 09:10 CET smoke came from the boiler room of the "
    "Verdello warehouse in Bologna; staff left the building and the fire service put the fire "
    "out by 09:50 CET.",
    "The fire service is investigating the cause.",
    "Coats and bags left in the warehouse will be returned to staff and couriers once the "
    "building reopens.",
    "No compensation, voucher or change in the company's management has been announced.",
    "Next update: Tuesday 8 December 2026 at 16:00 CET.",
]


# --- structure --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "acknowledged"),
    [
        ("en", f"Marta deserved far better from us, and we're sorry. {EN}", True),
        ("en", f"We're sorry. You didn't deserve any of this. {EN}", True),
        ("en", f"You're not a nuisance for asking, and we're sorry. {EN}", True),
        ("en", f"We're sorry you had to read those comments about your dad. {EN}", True),
        ("en", f"Being hurried down the stairs must have been frightening. We're sorry. {EN}",
         True),
        ("en", f"Sorry your drop-off couldn't happen on Friday. {EN}", True),
        ("en", f"We're sorry. The remarks belittled pensioners. {EN}", True),
        ("it", f"Giulia meritava ben altro da noi, e ci dispiace. {IT}", True),
        ("it", f"Ci dispiace. Non meritavi niente di tutto questo. {IT}", True),
        ("it", f"Non avrebbe mai dovuto sentirsi trattato così, e ci scusiamo. {IT}", True),
        ("it", f"Non sei un peso, e ci dispiace. {IT}", True),
        ("it", f"Mi dispiace che tuo padre abbia dovuto leggere quei commenti. {IT}", True),
        ("it", f"Ci dispiace. Le parole del video erano offensive. {IT}", True),
        # Near misses: an apology alone, others who had it too, a view of the customer's.
        ("en", f"We're sorry. DM us. {EN}", False),
        ("en", f"We're sorry, you're not alone. DM us. {EN}", False),
        ("en", f"Sorry you saw it that way. DM us. {EN}", False),
        ("it", f"Ci dispiace, non sei l'unica. Scrivici in DM. {IT}", False),
        ("it", f"Ci dispiace. Non è un problema scriverci in DM. {IT}", False),
    ],
)  # fmt: skip
def test_a_verdict_on_what_the_customer_got_or_was_called_acknowledges_it(
    check: Check, language: str, text: str, acknowledged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": []})
    assert ("structure.acknowledge" not in got) is acknowledged


@pytest.mark.parametrize(
    ("text", "apologised"),
    [
        (f"Siamo profondamente rammaricati per la mattinata di ieri. {IT}", True),
        (f"Siamo sinceramente addolorate per quanto è successo. {IT}", True),
        # Near miss: a state of ours that is no regret.
        (f"Siamo profondamente convinti della qualità del deposito. {IT}", False),
    ],
)
def test_italian_regret_with_any_adverb_apologises(
    check: Check, text: str, apologised: bool
) -> None:
    got = findings(check, text, {"kind": "holding_statement", "facts": []})
    assert ("structure.apologise" not in got) is apologised


@pytest.mark.parametrize(
    ("language", "text", "step"),
    [
        ("en", f"Sorry the depot was shut. The helpline opens Monday. {EN}", True),
        ("en", f"Sorry the depot was shut. Your bike will be ready from Thursday 3 June. {EN}",
         True),
        ("en", f"Sorry the depot was shut. We can walk you through the app. {EN}", True),
        ("it", f"Ci dispiace per il deposito chiuso. Lo sportello apre lunedì. {IT}", True),
        ("it", f"Ci dispiace per il deposito chiuso. La bici sarà pronta da giovedì. {IT}", True),
        ("it", f"Ci dispiace per il deposito chiuso. Posso guidarti io nell'app. {IT}", True),
        # Near misses: what does not open, and a day gone.
        ("en", f"Sorry the depot was shut. It doesn't open Monday. {EN}", False),
        ("it", f"Ci dispiace per il deposito chiuso. Non apre lunedì. {IT}", False),
    ],
)  # fmt: skip
def test_something_within_reach_on_a_day_to_come_is_the_next_step(
    check: Check, language: str, text: str, step: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": []})
    assert ("structure.next_step" not in got) is step


# --- grounding --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"It started from a tumble dryer left running overnight. {EN}", True),
        (f"The fire began in the boiler room where a contractor had been welding. {EN}", True),
        (f"A courier's vape battery overheated by the loading bay. {EN}", True),
        (f"L'incendio è partito da una stufetta lasciata accesa. {IT}", True),
        (f"Una batteria nel furgone ha preso fuoco vicino alla caldaia. {IT}", True),
        # A guess at how it happened, while the facts say the cause is being investigated.
        (f"Probably a cigarette was left burning by the bins. {EN}", True),
        (f"Probabilmente un operaio aveva lasciato la stufa accesa. {IT}", True),
        # Near misses: what happened as the facts tell it; the cause kept open.
        (f"Smoke came from the boiler room; the fire service is finding out why. {EN}", False),
        (f"We don't know yet what caused it. {EN}", False),
        (f"Non sappiamo ancora cosa l'abbia causato. {IT}", False),
    ],
)
def test_an_origin_told_while_the_facts_say_the_cause_is_investigated(
    check: Check, text: str, flagged: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": BOILER})
    assert ("grounding.cause" in got) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"Our founder is sorry and will meet the families on Friday. {EN}", True),
        (f"Our chair regrets it. She will step aside. {EN}", True),
        (f"La nostra presidente incontrerà volentieri i residenti. {IT}", True),
        (f"Il nostro amministratore delegato si scusa e lascerà l'incarico. {IT}", True),
        # Near misses: a pronoun of someone else; an act the facts give.
        (f"Keep the window open and he'll be fine. {EN}", False),
        (f"Our founder will share the next update at 16:00. {EN}", False),
    ],
)
def test_a_leaders_act_to_come_must_be_in_the_facts(check: Check, text: str, flagged: bool) -> None:
    got = findings(check, text, {"kind": "reply", "facts": BOILER})
    assert ("grounding.promise" in got) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # Belongings given back, as the facts give them back: no refund promised.
        (f"Le borse rimaste nel magazzino verranno restituite alla riapertura. {IT}", False),
        (f"Restituiremo i cappotti lasciati dentro appena si rientra. {IT}", False),
        # ... but money given back is a refund the facts don't give.
        (f"Ti restituiremo i soldi del taxi. {IT}", True),
        # A grant the facts list among those not announced.
        (f"We'll send you a voucher for the trouble. {EN}", True),
        (f"Ti regalo la consegna gratuita sul prossimo ordine. {IT}", True),
        # Whatever is paid back is a refund.
        (f"We'll pay back your parking fee. {EN}", True),
        # A cue inside a "when" clause: the event waited for, not a promise.
        (f"Ti scriviamo quando il pacco arriverà al deposito. {IT}", False),
    ],
)
def test_what_is_given_back_and_what_is_not_announced(
    check: Check, text: str, flagged: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": BOILER})
    assert ("grounding.promise" in got) is flagged


@pytest.mark.parametrize("name", ["Verdello", "Nordlys Rail"])
def test_the_brands_own_leader_is_ours_whatever_the_brand(check: Check, demo, name: str) -> None:
    brand = demo[0].model_copy(update={"name": name})
    text = f"{name}'s founder is sorry and will meet the families on Friday. {EN}"
    got = findings(check, text, {"kind": "reply", "facts": BOILER, "brand": brand})
    assert "grounding.promise" in got
