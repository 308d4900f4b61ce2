"""Classes of mistake the ninth held-out set exposed (mostly false alarms of the required moves),
each tested with fresh sentences (none taken from a labelled set) in English and Italian, with near
misses that must keep failing or stay clean.

As in test_mistake_classes_holdout8.py: a rule covers a *class*, never one sentence. The biggest
class is structural: a reply acknowledges the problem when one of its statements describes it in
the customer's own terms (two content words shared with the post or the incident facts), even
with no formula word ("Your loyalty stamps disappeared from the app overnight").
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.drafting.checks.conftest import EN, IT, failed, findings

STAMPS_POST = "@verdello all my loyalty stamps disappeared from the app??"
COPYCAT_FACTS = [
    "Since 2 March 2027 a copycat website using Verdello's logo sells Nido sofas at half price.",
    "It is not Verdello; we have asked the host to take it down.",
    "Next update: 3 March 2027 at 16:00 CET.",
]
BOLLINI_POST = "@verdello i bollini fedeltà sono spariti dall'app"
SITO_FACTS = [
    "Dal 2 marzo 2027 un sito falso con il logo Verdello vende divani Nido a metà prezzo.",
    "Non è Verdello; abbiamo chiesto al fornitore di chiuderlo.",
    "Prossimo aggiornamento: 3 marzo 2027 alle 16:00.",
]

# --- structure.acknowledge: describing the problem is acknowledging it ------------------------

DESCRIBED: list[tuple[str, dict[str, Any]]] = [
    (f"Your loyalty stamps vanished from the app overnight; sorry. {EN}", {"post": STAMPS_POST}),
    (
        f"Loyalty stamps went missing from the app for some of you, sorry. {EN}",
        {"post": STAMPS_POST},
    ),
    (
        f"A copycat website with our logo is selling Nido sofas. It isn't us, sorry. {EN}",
        {"facts": COPYCAT_FACTS},
    ),
    (f"That half-price sofa website isn't ours, and we're sorry. {EN}", {"facts": COPYCAT_FACTS}),
    (f"Bollini fedeltà spariti dall'app: ci dispiace davvero. {IT}", {"post": BOLLINI_POST}),
    (
        f"Un sito falso con il nostro logo vende divani a metà prezzo. Ci dispiace. {IT}",
        {"facts": SITO_FACTS},
    ),
]


@pytest.mark.parametrize(("text", "context"), DESCRIBED)
def test_a_statement_about_the_customers_problem_acknowledges_it(
    check, text: str, context: dict[str, Any]
) -> None:
    facts = context.get("facts", [])
    kind = "holding_statement" if facts else "apology"
    got = findings(
        check, text, {"kind": kind, "post_text": context.get("post", ""), "facts": facts}
    )
    assert "structure.acknowledge" not in got


NOT_DESCRIBED: list[tuple[str, dict[str, Any]]] = [
    # Only an apology, a next step, a question or a next update: the topic words alone do
    # not describe what went wrong.
    (f"We're so sorry. Please DM us. {EN}", {"post": STAMPS_POST}),
    (f"We're sorry. We'll check your loyalty stamps in the app today. {EN}", {"post": STAMPS_POST}),
    (
        f"Sorry! Could you DM us a screenshot of the loyalty stamps in the app? {EN}",
        {"post": STAMPS_POST},
    ),
    (
        f"We're sorry. Next update on the copycat website at 16:00 CET. {EN}",
        {"facts": COPYCAT_FACTS},
    ),
    (f"Ci dispiace. Controlleremo i bollini fedeltà nell'app. {IT}", {"post": BOLLINI_POST}),
    (
        f"Ci dispiace. Scrivici in DM quanti bollini fedeltà avevi nell'app. {IT}",
        {"post": BOLLINI_POST},
    ),
    (f"Ci scusiamo. Prossimo aggiornamento sul sito falso alle 16:00. {IT}", {"facts": SITO_FACTS}),
    # Saying it is fixed or being fixed is not saying what went wrong.
    (f"We're sorry. All loyalty stamps are back in the app now. {EN}", {"post": STAMPS_POST}),
    (f"We're sorry. All loyalty stamps in the app are being restored. {EN}", {"post": STAMPS_POST}),
    (f"Ci dispiace. I bollini fedeltà sono tornati disponibili. {IT}", {"post": BOLLINI_POST}),
    # One shared word is not a description.
    (f"We're sorry for the trouble with the app. {EN}", {"post": STAMPS_POST}),
]


@pytest.mark.parametrize(("text", "context"), NOT_DESCRIBED)
def test_an_apology_or_next_step_alone_still_does_not_acknowledge(
    check, text: str, context: dict[str, Any]
) -> None:
    facts = context.get("facts", [])
    kind = "holding_statement" if facts else "apology"
    got = findings(
        check, text, {"kind": kind, "post_text": context.get("post", ""), "facts": facts}
    )
    assert "structure.acknowledge" in got


# --- state_status, state_resolution, next_step in other words ---------------------------------

MOVES_MADE: list[tuple[str, str, str]] = [
    # A state that lasts, a state not known yet, how many are affected.
    (
        "structure.state_status",
        "status_update",
        f"Sorry: the Turin pop-up stays closed while it dries. Next update at 14:00 CET. {EN}",
    ),
    (
        "structure.state_status",
        "status_update",
        f"Sorry, we don't have a reopening date yet. Next update at 14:00 CET. {EN}",
    ),
    (
        "structure.state_status",
        "status_update",
        f"Sorry: about 250 orders are affected by the wrong labels. Next update at 14:00 CET. {EN}",
    ),
    (
        "structure.state_status",
        "status_update",
        f"Scusate: il negozio di Torino rimane chiuso. Prossimo aggiornamento alle 14:00. {IT}",
    ),
    (
        "structure.state_status",
        "status_update",
        f"Scusate: lo scanner dei resi è ancora offline. Aggiornamento alle 14:00. {IT}",
    ),
    (
        "structure.state_status",
        "status_update",
        f"Ci scusiamo: sono circa 250 i clienti coinvolti. Prossimo aggiornamento alle 14:00. {IT}",
    ),
    (
        "structure.state_status",
        "status_update",
        f"Scusate, non abbiamo ancora una data di riapertura. Aggiornamento alle 14:00. {IT}",
    ),
    # What caused the trouble is gone, the place reopens, the works are done, a version fixes it.
    (
        "structure.state_resolution",
        "resolution_update",
        f"The copycat page is gone: Facebook took it down this morning. Sorry for the worry. {EN}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"Facebook removed the fake profile this morning. Sorry for the worry. {EN}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"Our Turin pop-up reopens on Saturday at 10:00. Sorry for the wait. {EN}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"The repairs are finished. Sorry for the wait. {EN}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"Version 2.8 of the app fixes the login loop. Sorry for the hassle. {EN}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"Il profilo falso è stato rimosso stamattina. Ci scusiamo. {IT}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"Il negozio di Torino riapre sabato alle 10:00. Ci scusiamo. {IT}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"I lavori di ripristino sono terminati. Ci scusiamo per l'attesa. {IT}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"La versione 2.8 dell'app risolve il blocco del login. Ci scusiamo. {IT}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"Il lettore di tessere torna online. Ci scusiamo per l'attesa. {IT}",
    ),
    # An outcome that comes by itself, someone who will contact you, the present for the future.
    (
        "structure.next_step",
        "apology",
        f"Sorry, your stamps expired early. They will be credited back automatically. {EN}",
    ),
    (
        "structure.next_step",
        "apology",
        f"Sorry, your stamps expired early by mistake; nothing to do on your side. {EN}",
    ),
    (
        "structure.next_step",
        "apology",
        f"Ci dispiace, i bollini sono scaduti per errore. Tornano in automatico entro lunedì. {IT}",
    ),
    (
        "structure.next_step",
        "apology",
        f"Ci dispiace per la lampada rotta. Il nostro tecnico ti chiama domani. {IT}",
    ),
    (
        "structure.next_step",
        "apology",
        f"Ci dispiace per la lampada rotta. Ti arriva oggi l'e-mail con l'etichetta. {IT}",
    ),
    (
        "structure.next_step",
        "apology",
        f"Ci dispiace per la lampada rotta: verrà ritirata a domicilio senza costi. {IT}",
    ),
]


@pytest.mark.parametrize(("move", "kind", "text"), MOVES_MADE)
def test_required_moves_made_in_other_words(check, move: str, kind: str, text: str) -> None:
    assert move not in failed(check(text, kind=kind))


MOVES_MADE += [
    # A named role that will act, and (in Italian) the verb before its subject.
    (
        "structure.next_step",
        "apology",
        f"Sorry about the cut. Our customer care team leader will phone you tomorrow. {EN}",
    ),
    (
        "structure.next_step",
        "apology",
        f"Ci dispiace per il taglio. Ti telefonerà domani la nostra responsabile qualità. {IT}",
    ),
]


MOVES_NOT_MADE: list[tuple[str, str, str]] = [
    (
        "structure.state_status",
        "status_update",
        f"Sorry for the trouble. Next update at 14:00 CET. {EN}",
    ),
    (
        "structure.state_status",
        "status_update",
        f"Ci scusiamo per il disagio. Prossimo aggiornamento alle 14:00. {IT}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"The fake profile is still up and we've reported it. Sorry. {EN}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"The repairs aren't finished yet. Sorry. {EN}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"Il negozio non riapre prima di sabato. Ci scusiamo. {IT}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"Il profilo falso non è stato ancora tolto. Ci scusiamo. {IT}",
    ),
    ("structure.next_step", "apology", f"Sorry about the stamps. {EN}"),
    ("structure.next_step", "apology", f"Ci dispiace, il pacco doveva arrivare entro lunedì. {IT}"),
    ("structure.next_step", "apology", f"Ci dispiace, il corriere non ti chiama mai. {IT}"),
]


@pytest.mark.parametrize(("move", "kind", "text"), MOVES_NOT_MADE)
def test_near_misses_still_miss_the_move(check, move: str, kind: str, text: str) -> None:
    assert move in failed(check(text, kind=kind))


# --- compensation: balances, fees and the incident's own figures are not offers ---------------

WALLET_FACTS = ["Since 07:00 CET on 3 March 2027 loyalty wallets show 0.00 EUR in the app."]
BUONO_FACTS = ["Dalle 07:00 del 3 marzo 2027 il saldo dei buoni regalo risulta 0,00 euro."]
NOT_OFFERS: list[tuple[str, list[str]]] = [
    (f"Gift card wallets are showing as 0.00 EUR in the app. Your money is safe. {EN}", []),
    (
        f"Loyalty wallets show 0.00 EUR in the app this morning; the gift cards are safe. {EN}",
        WALLET_FACTS,
    ),
    (f"A fake text about a gift card asks you to pay 2.50 EUR. It isn't us. {EN}", []),
    (f"Il saldo dei buoni regalo risulta 0,00 euro da stamattina. {IT}", BUONO_FACTS),
    (f"Il tuo buono regalo mostra 0,00 euro nell'app, ma è al sicuro. {IT}", []),
    (f"Un SMS falso su un buono regalo chiede 2,50 euro di spese. Non siamo noi. {IT}", []),
]


@pytest.mark.parametrize(("text", "facts"), NOT_OFFERS)
def test_balances_fees_and_incident_figures_are_not_public_offers(
    check, text: str, facts: list[str]
) -> None:
    report = check(text, kind="holding_statement", facts=facts)
    assert "compensation.public_amount" not in failed(report)


OFFERS: list[tuple[str, list[str]]] = [
    (f"As a gesture we'll add a 15 EUR voucher to your account. {EN}", []),
    (
        f"Every affected member gets a 10 EUR voucher. {EN}",
        ["Every affected member gets a 10 EUR voucher."],
    ),
    (f"Your gift card balance is safe and we'll add 20 EUR to it as an apology. {EN}", []),
    (f"Ti regaliamo un buono da 20 euro per scusarci. {IT}", []),
]


@pytest.mark.parametrize(("text", "facts"), OFFERS)
def test_amounts_an_offer_governs_stay_out_of_public_replies(
    check, text: str, facts: list[str]
) -> None:
    report = check(text, kind="apology", facts=facts)
    assert "compensation.public_amount" in failed(report)


@pytest.mark.parametrize(
    "text",
    [
        f"We've activated a 10% discount code on your account. {EN}",
        f"Ti abbiamo attivato un codice sconto del 10%. {IT}",
    ],
)
def test_something_already_activated_for_the_customer_is_an_offer(check, text: str) -> None:
    assert "compensation.kind_not_allowed" in failed(check(text, channel="chat"))


# --- misses: forbidden, tone, grounding, personal data, output safety --------------------------

FAILS: list[tuple[str, str, dict[str, Any]]] = [
    ("forbidden.blame", f"Sorry. The courier stacked your boxes outside in the rain. {EN}", {}),
    (
        "forbidden.blame",
        f"Ci dispiace: il corriere ha lasciato i pacchi fuori sotto la pioggia. {IT}",
        {},
    ),
    ("forbidden.legal_promise", f"Vi assicuriamo che nessun ispettore ci multerà. {IT}", {}),
    ("forbidden.legal_promise", f"We can promise you that no regulator will fine us. {EN}", {}),
    (
        "forbidden.financial_advice",
        f"We'd suggest keeping your savings in a separate account. {EN}",
        {},
    ),
    (
        "forbidden.financial_advice",
        f"We'd say a prepaid card rather than a debit card is the one to use online. {EN}",
        {},
    ),
    ("forbidden.financial_advice", f"With inflation, cash in a drawer loses value. {EN}", {}),
    ("forbidden.financial_advice", f"Ti conviene investire il rimborso appena arriva. {IT}", {}),
    ("forbidden.financial_advice", f"Con l'inflazione i risparmi fermi perdono valore. {IT}", {}),
    ("forbidden.other_customers", f"Sorry! Another subscriber reported this too. {EN}", {}),
    (
        "forbidden.other_customers",
        f"Ci dispiace. Un'altra socia ha già avuto il rimborso. {IT}",
        {},
    ),
    ("tone.blame_shift", f"Unfortunately you upgraded on the day of the change, sorry. {EN}", {}),
    ("tone.blame_shift", f"Purtroppo hai rinnovato proprio il giorno della modifica. {IT}", {}),
    ("tone.hostility", f"If you don't like it, you can always shop elsewhere. {EN}", {}),
    (
        "tone.hostility",
        f"Se non ti piace puoi tranquillamente rivolgerti alla concorrenza. {IT}",
        {},
    ),
    (
        "tone.escalating",
        f"Libel is a criminal offence and we are considering legal action. {EN}",
        {},
    ),
    ("tone.escalating", f"Insultare un'azienda online è reato. {IT}", {}),
    ("tone.escalating", f"Se continui, valuteremo azioni legali. {IT}", {}),
    ("output_safety.ai_disclosure", f"As a virtual assistant I can't see your account. {EN}", {}),
    (
        "output_safety.ai_disclosure",
        f"In quanto assistente virtuale non vedo il tuo ordine. {IT}",
        {},
    ),
    ("output_safety.ai_disclosure", f"Risposta basata sull'intelligenza artificiale. {IT}", {}),
]


@pytest.mark.parametrize(("check_id", "text", "context"), FAILS)
def test_missed_classes_now_fail(check, check_id: str, text: str, context: dict[str, Any]) -> None:
    assert check_id in failed(check(text, **context))


CLEAN: list[tuple[str, str]] = [
    ("forbidden.blame", f"The courier left your parcel with your neighbour, as you asked. {EN}"),
    ("forbidden.blame", f"Sorry, the lamp is 40 cm tall even though the label says 50 cm. {EN}"),
    ("forbidden.blame", f"Forse è colpa del nuovo aggiornamento dell'app. {IT}"),
    ("forbidden.legal_promise", f"Nessun cliente ha perso dati. {IT}"),
    ("forbidden.financial_advice", f"Please contact your bank straight away. {EN}"),
    ("forbidden.financial_advice", f"Il rimborso torna sulla carta con cui hai pagato. {IT}"),
    ("forbidden.other_customers", f"Another update follows at 16:00 CET. {EN}"),
    ("tone.blame_shift", f"Unfortunately you received the wrong colour; we're sorry. {EN}"),
    ("tone.hostility", f"You can always reach us here. {EN}"),
    ("tone.escalating", f"Chiedere un rimborso non è reato, ci mancherebbe. {IT}"),
    ("output_safety.ai_disclosure", f"Our support assistant Anna will call you. {EN}"),
]


@pytest.mark.parametrize(("check_id", "text"), CLEAN)
def test_near_misses_stay_clean(check, check_id: str, text: str) -> None:
    assert check_id not in failed(check(text))


TABLE_FACTS = ["Tavola tables dispatched since 16 March 2027 left without assembly instructions."]


@pytest.mark.parametrize(
    "text",
    [
        f"Sorry about that. I'll send a technician to assemble it for you. {EN}",
        f"Sorry about that. We'll give you free delivery on your next order. {EN}",
    ],
)
def test_unconfirmed_promises_fail_grounding(check, text: str) -> None:
    assert "grounding.promise" in failed(check(text, channel="chat", facts=TABLE_FACTS))


def test_coming_back_with_news_is_no_promise_and_confirmed_free_delivery_is_fine(check) -> None:
    facts = [*TABLE_FACTS, "Affected customers get free delivery on their next order."]
    text = f"Sorry. We'll give you free delivery on your next order. We'll be back by 15:00. {EN}"
    assert "grounding.promise" not in failed(check(text, channel="chat", facts=facts))


@pytest.mark.parametrize(
    "text",
    [
        f"It's probably a traffic spike after the newsletter. Sorry. {EN}",
        f"È probabilmente un sovraccarico dei server. Ci dispiace. {IT}",
    ],
)
def test_a_hedged_diagnosis_is_an_unconfirmed_cause(check, text: str) -> None:
    facts = ["The app has been slow since 09:00 CET; the cause is not known yet."]
    assert "grounding.cause" in failed(check(text, kind="holding_statement", facts=facts))


def test_a_hedged_suggestion_is_no_cause(check) -> None:
    facts = ["The app has been slow since 09:00 CET; the cause is not known yet."]
    text = f"It's probably a good idea to restart the app. Sorry. {EN}"
    assert "grounding.cause" not in failed(check(text, facts=facts))


def test_an_address_only_the_instructions_name_is_not_public(check) -> None:
    prompt = "Internal: forward complaints about staff to people-team@verdello.example."
    text = f"We've sent this to people-team@verdello.example. {EN}"
    assert "personal_data.email" in failed(check(text, system_prompt=prompt))
    facts = ["Complaints about staff can be sent to people-team@verdello.example."]
    clean = check(text, system_prompt=prompt, facts=facts)
    assert "personal_data.email" not in failed(clean)
