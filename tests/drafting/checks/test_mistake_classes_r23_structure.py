"""Classes of mistake the twenty-third round found in the required moves (structure.*) of the
twenty-sixth and twenty-seventh held-out sets, each fixed by a reading rather than a phrase,
and tested with fresh sentences (none taken from a labelled set) in English and Italian, with
near misses that must stay clean or keep failing.

Acknowledge: an apology that points at what happened without naming it ("sorry about what
happened", "ci dispiace per quanto successo", "per la criticità riscontrata") names nothing,
and is the acknowledgement only where the customer threatens legal action (naming it could
read as an admission); where and when it happened ("at our Leeds
branch on Friday", "nel nostro negozio di Bari venerdì") is the setting, not content shared
with the facts; a guess ("Perhaps ...", "Forse ...") describes nothing that happened; what
was sold or shown judged as not what it claimed ("wasn't honest", "non era vero", "e non lo
era") acknowledges it.
Next update: what we will tell by any name ("more from us", "the findings", "gli esiti")
arriving at its time, and a verbless "update Wednesday at 15:00" inside a sentence.
Grounding: a grant told as coming by itself ("automatically", "in automatico", "non serve
chiederlo") is not the grant the facts give on request ("can ask for", "può chiedere").
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drafting.checks import CheckReport
from tests.drafting.checks.conftest import EN, IT, findings

# A fresh incident: a branch kept its only lift switched off for a whole day.
LIFT = [
    "On Friday 4 December 2026 the Verdello branch in Leeds kept its only lift switched off all "
    "day, so customers with pushchairs or wheelchairs could not reach the first floor.",
    "Verdello is reviewing why the lift was switched off; the review has not finished.",
    "Next update: Wednesday 9 December 2026 at 15:00 CET.",
]
LIFT_IT = [
    "Venerdì 4 dicembre 2026 il negozio Verdello di Bari ha tenuto spento tutto il giorno "
    "l'unico ascensore, e i clienti con passeggini o carrozzine non hanno potuto salire al "
    "primo piano.",
    "Verdello sta verificando perché l'ascensore era spento; la verifica non è finita.",
    "Prossimo aggiornamento: mercoledì 9 dicembre 2026 alle 15:00.",
]

Check = Callable[..., CheckReport]


def _facts(language: str) -> list[str]:
    return LIFT if language == "en" else LIFT_IT


@pytest.mark.parametrize(
    ("language", "text", "context", "acknowledged"),
    [
        ("en", f"We're so sorry about what happened at our Leeds branch. We'll ring you. {EN}",
         {}, False),
        ("en", f"We apologise for the incident on Friday. We'll ring you tomorrow. {EN}", {},
         False),
        ("it", f"Ci dispiace per quanto successo a Bari. Ti chiamiamo domani. {IT}", {}, False),
        ("it", f"Ci scusiamo per la criticità riscontrata. Ti chiamiamo domani. {IT}", {}, False),
        # What it happened to is named; under a legal threat the pointer is the
        # acknowledgement; with no facts it still names nothing.
        ("en", f"We're so sorry about what happened to your mother on Friday. We'll ring you. "
               f"{EN}", {}, True),
        ("it", f"Ci dispiace per quello che è successo al tuo bambino. Ti chiamiamo domani. {IT}",
         {}, True),
        ("en", f"We're so sorry about what happened. We'll ring you. {EN}",
         {"risk_flags": ["legal_threat"]}, True),
        ("it", f"Ci dispiace per quanto successo. Ti chiamiamo domani. {IT}", {"facts": []},
         False),
        ("it", f"Ci dispiace per quanto accaduto. Ti chiamiamo domani. {IT}",
         {"risk_flags": ["legal_threat"]}, True),
    ],
)  # fmt: skip
def test_a_pointer_apology_names_nothing_where_the_facts_name_what_happened(
    check: Check, language: str, text: str, context: dict[str, object], acknowledged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": _facts(language), **context})
    assert ("structure.acknowledge" not in got) is acknowledged


@pytest.mark.parametrize(
    ("language", "text", "acknowledged"),
    [
        ("en", f"We apologise for any trouble caused at our Leeds branch on Friday. We'll ring "
               f"you. {EN}", False),
        ("en", f"We're sorry if anyone felt left out in Leeds last Friday. We'll ring you. {EN}",
         False),
        ("it", f"Ci dispiace se qualcuno si è sentito escluso nel nostro negozio di Bari venerdì. "
               f"Ti chiamiamo domani. {IT}", False),
        # What went wrong, said with its setting, still shares content with the facts.
        ("en", f"The lift at our Leeds branch was switched off all Friday. We'll ring you. {EN}",
         True),
        ("it", f"L'ascensore del nostro negozio di Bari è rimasto spento venerdì. Ti chiamiamo "
               f"domani. {IT}", True),
    ],
)  # fmt: skip
def test_where_and_when_it_happened_is_no_content_shared_with_the_facts(
    check: Check, language: str, text: str, acknowledged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": _facts(language)})
    assert ("structure.acknowledge" not in got) is acknowledged


@pytest.mark.parametrize(
    ("language", "text", "acknowledged"),
    [
        ("en", f"Perhaps the engineer came late and the lift stayed switched off. We're sorry. "
               f"We'll ring you. {EN}", False),
        ("en", f"Most likely the lift was switched off by a tired engineer. We're sorry. We'll "
               f"ring you. {EN}", False),
        ("it", f"Forse il tecnico è arrivato tardi e l'ascensore è rimasto spento. Ci dispiace. "
               f"Ti chiamiamo domani. {IT}", False),
        # Said as what happened, it is a description.
        ("en", f"The lift stayed switched off all day. We're sorry. We'll ring you. {EN}", True),
        ("it", f"L'ascensore è rimasto spento tutto il giorno. Ci dispiace. Ti chiamiamo domani. "
               f"{IT}", True),
    ],
)  # fmt: skip
def test_a_guess_describes_nothing_that_happened(
    check: Check, language: str, text: str, acknowledged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": _facts(language)})
    assert ("structure.acknowledge" not in got) is acknowledged


@pytest.mark.parametrize(
    ("language", "text", "acknowledged"),
    [
        ("en", f"That 'open to all' sign wasn't honest, and we're sorry. We'll ring you. {EN}",
         True),
        ("en", f"Our access promise was never really genuine. We're sorry. We'll ring you. {EN}",
         True),
        ("it", f"Quel cartello 'accesso per tutti' non era vero e ci dispiace. Ti chiamiamo "
               f"domani. {IT}", True),
        ("it", f"Ti aspettavi un negozio accessibile e non lo era. Ci dispiace. Ti chiamiamo "
               f"domani. {IT}", True),
        # Said as what it was, or of no thing at all, it acknowledges nothing.
        ("en", f"We're sorry. That sign was honest. We'll ring you. {EN}", False),
        ("it", f"Ci dispiace. Quel cartello era vero. Ti chiamiamo domani. {IT}", False),
    ],
)  # fmt: skip
def test_what_was_shown_judged_as_not_what_it_claimed_acknowledges_it(
    check: Check, language: str, text: str, acknowledged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": _facts(language)})
    assert ("structure.acknowledge" not in got) is acknowledged


@pytest.mark.parametrize(
    ("language", "text", "announced"),
    [
        ("en", f"The lift was off on Friday and we're sorry. More from us here tomorrow at 10:00 "
               f"CET. {EN}", True),
        ("en", f"The lift was off on Friday and we're sorry. The findings of our review come on "
               f"Wednesday at 15:00 CET. {EN}", True),
        ("en", f"The lift was off on Friday and we're sorry. Lift back on, update Wednesday at "
               f"15:00 CET. {EN}", True),
        ("it", f"L'ascensore era spento venerdì e ci dispiace. Altre notizie da noi domani alle "
               f"10:00. {IT}", True),
        ("it", f"L'ascensore era spento venerdì e ci dispiace. Gli esiti della verifica arrivano "
               f"mercoledì alle 15:00. {IT}", True),
        ("it", f"L'ascensore era spento venerdì e ci dispiace. Ascensore riacceso, aggiornamento "
               f"mercoledì alle 15:00. {IT}", True),
        # Without a time it promises no update, and a heading with its time is this update.
        ("it", f"Aggiornamento alle 15:00: l'ascensore è di nuovo acceso, ci dispiace. {IT}",
         False),
        ("en", f"The lift was off on Friday and we're sorry. More from us soon. {EN}", False),
        ("it", f"L'ascensore era spento venerdì e ci dispiace. Altre notizie da noi a breve. {IT}",
         False),
    ],
)  # fmt: skip
def test_what_we_will_tell_by_any_name_arriving_at_its_time_is_the_next_update(
    check: Check, language: str, text: str, announced: bool
) -> None:
    got = findings(check, text, {"kind": "holding_statement", "facts": _facts(language)})
    assert ("structure.next_update" not in got) is announced


# --- grounding ------------------------------------------------------------------------------

ASK = "Customers who could not reach the first floor can ask through the chat for a voucher."
ASK_IT = "Chi non ha potuto salire al primo piano può chiedere un buono tramite la chat."
BY_ITSELF = "Customers who could not reach the first floor get a voucher; they don't need to ask."


@pytest.mark.parametrize(
    ("language", "facts", "text", "promised"),
    [
        ("en", [*LIFT, ASK], f"Anyone who had to turn back will get a voucher automatically. {EN}",
         True),
        ("en", [*LIFT, ASK], f"Everyone who had to turn back gets a voucher, without having to "
                             f"claim it. {EN}", True),
        ("it", [*LIFT_IT, ASK_IT], f"Chi è dovuto tornare indietro riceverà un buono in "
                                   f"automatico. {IT}", True),
        ("it", [*LIFT_IT, ASK_IT], f"Chi è dovuto tornare indietro riceverà un buono: non serve "
                                   f"chiederlo. {IT}", True),
        # On request, as the facts give it; and by itself where the facts say so.
        ("en", [*LIFT, ASK], f"Anyone who had to turn back can ask us in the chat for a voucher. "
                             f"{EN}", False),
        ("it", [*LIFT_IT, ASK_IT], f"Chi è dovuto tornare indietro può chiederci un buono in "
                                   f"chat. {IT}", False),
        ("en", [*LIFT, BY_ITSELF], f"Anyone who could not reach the first floor will get a "
                                   f"voucher automatically. {EN}", False),
    ],
)  # fmt: skip
def test_a_grant_told_as_coming_by_itself_is_not_the_grant_the_facts_give_on_request(
    check: Check, language: str, facts: list[str], text: str, promised: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": facts})
    assert ("grounding.promise" in got) is promised
