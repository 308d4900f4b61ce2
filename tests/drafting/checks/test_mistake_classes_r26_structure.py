"""Classes of mistake the twenty-sixth round found in the required moves (structure.*) and in
grounding.* on the thirty-second and thirty-third held-out sets, each fixed by a reading rather
than a phrase, and tested with fresh sentences (none taken from a labelled set) in English and
Italian, with near misses that must stay clean or keep failing.

Acknowledge: the norm said of no one ("no passenger's luggage should be handled like that",
"nessuna valigia dovrebbe essere maneggiata così"); what happened judged with its noun ("that
call was appalling").
Next step: colleagues of ours named by where they work ("our colleagues at @X will ring you",
"i colleghi del deposito ti chiamano"); an Italian act of ours that comes back to the customer,
in the present for the future ("ti ricontattiamo domani").
Resolution: a remedy open until a date to come ("claims are accepted until 30 June") fixes
nothing.
Grounding: a grant made to everyone or everything where the facts grant it to some, under a
condition, also when the brand gives in the present ("Verdello refunds every ...") or the group
simply "gets" it; a measure told as final ("never again", "for good", "licenziato") while the
facts say it holds for now; why someone acted, while the facts say the reasons are not
established, given as a cause.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drafting.checks import CheckReport
from tests.drafting.checks.conftest import EN, IT, findings

# A fresh incident: a furniture fitter working for a partner scratched floors and was rude.
FITTER = [
    "On Monday 7 December 2026 a fitter assembling Verdello wardrobes in Turin for a partner "
    "firm scratched a customer's parquet and shouted at her; she posted the video online.",
    "Since Tuesday 8 December 2026 the fitter no longer assembles Verdello furniture while "
    "Verdello reviews what happened; no other decision about the fitter has been taken.",
    "Customers whose floor was damaged during an assembly can ask for a free repair by DM or "
    "at https://verdello.example/help/fitting.",
    "The reasons for the fitter's behaviour have not been established.",
    "Next update: Thursday 10 December 2026 at 12:00 CET.",
]
FITTER_IT = [
    "Lunedì 7 dicembre 2026 un montatore che assemblava armadi Verdello a Torino per una ditta "
    "partner ha graffiato il parquet di una cliente e le ha urlato contro; lei ha pubblicato "
    "il video.",
    "Da martedì 8 dicembre 2026 il montatore non monta più mobili Verdello mentre Verdello "
    "verifica l'accaduto; nessun'altra decisione sul montatore è stata presa.",
    "I clienti che hanno avuto il pavimento danneggiato durante un montaggio possono chiedere "
    "una riparazione gratuita in DM o su https://verdello.example/help/fitting.",
    "I motivi del comportamento del montatore non sono stati accertati.",
    "Prossimo aggiornamento: giovedì 10 dicembre 2026 alle 12:00.",
]

Check = Callable[..., CheckReport]


def _fitter(language: str) -> list[str]:
    return FITTER if language == "en" else FITTER_IT


# --- structure --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "acknowledged"),
    [
        ("en", f"We're sorry, no passenger's luggage should be handled like that. {EN}", True),
        ("en", f"Sorry. Nobody should have to wait on hold for two hours. {EN}", True),
        ("en", f"We're sorry. That phone call was appalling. {EN}", True),
        ("it", f"Ci dispiace, nessuna valigia dovrebbe essere maneggiata così. {IT}", True),
        ("it", f"Scusaci, nessun cliente deve aspettare due ore al telefono. {IT}", True),
        # Near misses: an apology alone, a norm about nothing that happened.
        ("en", f"We're sorry. {EN}", False),
        ("en", f"We're sorry. No action is needed from you. {EN}", False),
        ("it", f"Ci dispiace. Nessun problema per il cambio. {IT}", False),
    ],
)  # fmt: skip
def test_a_norm_broken_or_a_verdict_on_what_happened_acknowledges_it(
    check: Check, language: str, text: str, acknowledged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": []})
    assert ("structure.acknowledge" not in got) is acknowledged


@pytest.mark.parametrize(
    ("language", "text", "step"),
    [
        ("en", f"Sorry the fitting went wrong. Our colleagues at @VerdelloCasa will ring you "
               f"today. {EN}", True),
        ("en", f"Sorry the fitting went wrong. Our team at the Turin depot can rebook it. {EN}",
         True),
        ("it", f"Ci dispiace per il montaggio. I colleghi di @VerdelloCasa ti chiamano oggi. {IT}",
         True),
        ("it", f"Ci dispiace per il montaggio. Ti ricontattiamo domani mattina. {IT}", True),
        ("it", f"Ci dispiace per il montaggio. Ti rispediamo il pezzo mancante. {IT}", True),
        # Near misses: thanks and reminders in the same shape; colleagues who did wrong.
        ("it", f"Ci dispiace per il montaggio. Ti ringraziamo della pazienza. {IT}", False),
        ("it", f"Ci dispiace per il montaggio. Ti ricordiamo che è gratuito. {IT}", False),
        ("en", f"Sorry the fitting went wrong. Our colleagues at the depot got it wrong. {EN}",
         False),
    ],
)  # fmt: skip
def test_colleagues_named_by_place_or_an_act_coming_back_is_the_next_step(
    check: Check, language: str, text: str, step: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": []})
    assert ("structure.next_step" not in got) is step


PRICE = [
    "From Monday 7 December 2026 a price error at checkout charged some customers twice for "
    "lamps. The checkout has worked normally since Wednesday 9 December 2026 at 10:00 CET.",
    "Customers charged twice can claim the second payment back until 31 January 2027.",
]
PRICE_IT = [
    "Da lunedì 7 dicembre 2026 un errore al checkout ha addebitato due volte alcune lampade. "
    "Il checkout funziona normalmente da mercoledì 9 dicembre 2026 alle 10:00.",
    "Chi ha pagato due volte può chiedere indietro il secondo addebito fino al 31 gennaio 2027.",
]


@pytest.mark.parametrize(
    ("language", "text", "resolved"),
    [
        ("en", f"Sorry for the double charges on lamps. Second payments are refunded until 31 "
               f"January 2027. {EN}", False),
        ("it", f"Ci scusiamo per i doppi addebiti sulle lampade. I secondi addebiti sono "
               f"rimborsati fino al 31 gennaio 2027. {IT}", False),
        # Near misses: the fault fixed, said with its date.
        ("en", f"Sorry for the double charges on lamps. The checkout has been fixed since "
               f"Wednesday at 10:00. {EN}", True),
        ("it", f"Ci scusiamo per i doppi addebiti. Il checkout è stato sistemato mercoledì alle "
               f"10:00. {IT}", True),
    ],
)  # fmt: skip
def test_a_remedy_open_until_a_date_is_no_resolution(
    check: Check, language: str, text: str, resolved: bool
) -> None:
    facts = PRICE if language == "en" else PRICE_IT
    got = findings(check, text, {"kind": "resolution_update", "facts": facts})
    assert ("structure.state_resolution" not in got) is resolved


# --- grounding --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "flagged"),
    [
        ("en", f"Sorry about the floor. Verdello will repair every floor in Turin. {EN}", True),
        ("en", f"Sorry about the floor. Verdello repairs all our customers' floors. {EN}", True),
        ("en", f"Sorry about the floor. Everyone in Turin gets a free repair. {EN}", True),
        ("it", f"Ci dispiace per il pavimento. Verdello ripara gratis tutti i pavimenti dei "
               f"clienti di Torino e li rimborsa. {IT}", True),
        ("it", f"Ci dispiace. Per tutti i clienti di Torino riparazione gratuita. {IT}", True),
        # Near misses: the grant with its condition, or to the customers it concerns.
        ("en", f"Sorry about the floor. If yours was damaged, we'll repair it for free. {EN}",
         False),
        ("it", f"Ci dispiace. Ogni cliente coinvolto può chiedere una riparazione gratuita. {IT}",
         False),
    ],
)  # fmt: skip
def test_a_grant_made_to_everyone_where_the_facts_grant_it_to_some(
    check: Check, language: str, text: str, flagged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": _fitter(language)})
    assert ("grounding.promise" in got) is flagged


@pytest.mark.parametrize(
    ("language", "text", "flagged"),
    [
        ("en", f"We hear you. That fitter won't set foot in a Verdello home ever again. {EN}",
         True),
        ("en", f"We hear you. The fitter has been fired. {EN}", True),
        ("it", f"Ti capiamo. Quel montatore non lavorerà mai più per noi. {IT}", True),
        ("it", f"Ti capiamo. Il montatore è stato allontanato definitivamente. {IT}", True),
        # Near misses: the interim measure as the facts give it; the final one left open.
        ("en", f"We hear you. The fitter no longer works for us while we review it. {EN}", False),
        ("en", f"We hear you. We haven't decided yet whether he stops for good. {EN}", False),
        ("it", f"Ti capiamo. Il montatore non monta più per noi mentre verifichiamo. {IT}", False),
    ],
)  # fmt: skip
def test_a_measure_told_as_final_while_the_facts_say_it_holds_for_now(
    check: Check, language: str, text: str, flagged: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": _fitter(language)})
    assert ("grounding.promise" in got) is flagged


@pytest.mark.parametrize(
    ("language", "text", "flagged"),
    [
        ("en", f"Sorry about the video. It happened because the fitter had three jobs that "
               f"afternoon. {EN}", True),
        ("it", f"Ci dispiace per il video. È successo perché il montatore aveva tre lavori quel "
               f"pomeriggio. {IT}", True),
        # Near miss: what happened, as the facts tell it, gives no cause.
        ("en", f"Sorry about the video. The fitter scratched the parquet and shouted. {EN}",
         False),
    ],
)  # fmt: skip
def test_why_someone_acted_while_the_facts_say_the_reasons_are_not_established(
    check: Check, language: str, text: str, flagged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": _fitter(language)})
    assert ("grounding.cause" in got) is flagged


@pytest.mark.parametrize(
    ("language", "text", "acknowledged"),
    [
        ("en", f"We're sorry: our call centre told you the warranty had run out. {EN}", True),
        ("en", f"Sorry, the till charged you twice for the same lamp. {EN}", True),
        ("it", f"Ci scusiamo: il nostro call center ti ha detto che la garanzia era scaduta. {IT}",
         True),
        ("it", f"Ci dispiace, la cassa Le ha addebitato due volte la stessa lampada. {IT}", True),
        # Near misses: an apology alone, a step of ours.
        ("it", f"Ci dispiace. Ti scriviamo domani. {IT}", False),
    ],
)  # fmt: skip
def test_what_our_agent_or_tool_told_or_did_to_the_customer_acknowledges_it(
    check: Check, language: str, text: str, acknowledged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": []})
    assert ("structure.acknowledge" not in got) is acknowledged


@pytest.mark.parametrize(
    ("language", "text", "stated"),
    [
        ("en", f"Double charges on lamps are cancelled and on chat our staff answer until 20:00. "
               f"Next update Thursday 10 December at 12:00 CET. {EN}", True),
        ("it", f"I doppi addebiti sulle lampade sono annullati e in chat rispondono i nostri "
               f"colleghi fino alle 20:00. Prossimo aggiornamento giovedì 10 dicembre alle "
               f"12:00. {IT}", True),
        # Near miss: the move to chat first, with nothing reached.
        ("en", f"Message us on chat about the lamps. Next update Thursday 10 December at 12:00 "
               f"CET. {EN}", False),
    ],
)  # fmt: skip
def test_a_state_reached_then_where_help_is_states_the_status(
    check: Check, language: str, text: str, stated: bool
) -> None:
    facts = PRICE if language == "en" else PRICE_IT
    got = findings(check, text, {"kind": "status_update", "facts": facts})
    assert ("structure.state_status" not in got) is stated


@pytest.mark.parametrize(
    ("language", "post", "text", "flagged"),
    [
        ("en", "Third faulty charger this year. Seriously?",
         f"Three faulty chargers in one year is too many, and we're sorry. DM us and we'll swap "
         f"it. {EN}", False),
        ("it", "Terzo caricatore difettoso quest'anno. Sul serio?",
         f"Tre caricatori difettosi in un anno sono troppi, ci dispiace. Scrivici in DM e lo "
         f"sostituiamo. {IT}", False),
        # Near miss: a period the customer never named is still a claim.
        ("en", "Third faulty charger. Seriously?",
         f"Three faulty chargers in one year is too many, and we're sorry. DM us and we'll swap "
         f"it. {EN}", True),
    ],
)  # fmt: skip
def test_the_period_the_customer_names_as_this_one_is_theirs_said_back(
    check: Check, language: str, post: str, text: str, flagged: bool
) -> None:
    facts = ["Verdello chargers sold since March 2026 are covered by a two-year warranty."]
    got = findings(check, text, {"kind": "apology", "facts": facts, "post_text": post})
    assert ("grounding.duration" in got) is flagged
