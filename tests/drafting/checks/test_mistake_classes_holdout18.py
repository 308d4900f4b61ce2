"""Classes of mistake the eighteenth held-out set exposed, each fixed by a grammatical shape
rather than a phrase and tested with fresh sentences (none taken from a labelled set) in English
and Italian, with near misses that must stay clean or keep failing.

The structural class first: with incident facts in the context, a plain statement about the
incident (a clause sharing two content words or numbers with the facts) states the status, and,
said in a reached state ("are now", "has been issued", "è stato emesso"), the resolution; our
own ongoing effort, questions, requests, apologies, thanks and update announcements do not. Then
the other false alarms (the customer's following of the instructions said as a fact, a
conclusion drawn from a confirmed act, the modal "abbiamo dovuto", an adverb inside "chiediamo
scusa", a first-person offer made for the customer now, a courteous imperative with "ci", a
description joined to a promise by ", and") and the misses (one more of a granted thing, a
suggestion that ends in borrowing, a lesson with "next time" at the end, a hedged third-party
culprit, an error that "came from" a third party, how to use a medicine, our product as what
caused the damage, a court outcome predicted, the customer's bad faith or fussing, an apology
taken back with "but ... clearly", a third party's inaction given as why).
"""

from __future__ import annotations

import pytest

from tests.drafting.checks.conftest import EN, IT, findings

LAMP = [
    "On Wednesday 3 March 2027 at 09:00 CET a firmware update made Vela smart lamps flicker "
    "when dimmed.",
    "A corrected firmware (version 2.4.1) was released on Friday 5 March 2027 at 12:00 CET; "
    "lamps install it automatically overnight.",
    "Customers whose lamp still flickers after the update can ask for one free replacement bulb "
    "at https://verdello.example/help/vela.",
    "Next update: Monday 8 March 2027 at 10:00 CET.",
]
LAMPADA = [
    "Mercoledì 3 marzo 2027 alle 09:00 un aggiornamento del firmware ha fatto sfarfallare le "
    "lampade smart Vela quando si abbassa la luce.",
    "Il firmware corretto (versione 2.4.1) è stato pubblicato venerdì 5 marzo 2027 alle 12:00; "
    "le lampade lo installano da sole durante la notte.",
    "Chi ha ancora la lampada che sfarfalla dopo l'aggiornamento può chiedere una lampadina "
    "sostitutiva gratuita su https://verdello.example/help/vela.",
    "Prossimo aggiornamento: lunedì 8 marzo 2027 alle 10:00.",
]


def _ctx(language: str, **more: object) -> dict[str, object]:
    return {"facts": LAMP if language == "en" else LAMPADA, **more}


# --- the structural class: a plain statement about the incident ------------------------------

STATED: list[tuple[str, str, str, str]] = [
    # A telegraphic list of where things stand.
    (
        "structure.state_status",
        "status_update",
        "en",
        f"Vela lamps: firmware 2.4.1 out since 5 March, installing overnight. Next update Monday "
        f"10:00 CET. {EN}",
    ),
    (
        "structure.state_status",
        "status_update",
        "it",
        f"Lampade Vela: firmware 2.4.1 pubblicato il 5 marzo, si installa di notte. Prossimo "
        f"aggiornamento lunedì alle 10:00. {IT}",
    ),
    # A plain sentence whose subject is a thing of the incident.
    (
        "structure.state_status",
        "status_update",
        "en",
        f"Hello,\n\nThe corrected firmware for Vela lamps has been available since Friday 5 March. "
        f"We'll write again on Monday 8 March at 10:00 CET.\n\n{EN}",
    ),
    # "Le confermiamo che ... è stato pubblicato il 5 marzo": a confirmation of a done fact is a
    # status, not an update announcement.
    (
        "structure.state_status",
        "status_update",
        "it",
        f"Buongiorno,\n\nLe confermiamo che il firmware corretto è stato pubblicato il 5 marzo. "
        f"Prossimo aggiornamento lunedì 8 marzo alle 10:00.\n\n{IT}",
    ),
    # A thing of the incident still on its way is a status too (only our own effort is not).
    (
        "structure.state_status",
        "status_update",
        "en",
        f"The corrected firmware is still reaching some Vela lamps overnight. Next update Monday "
        f"10:00 CET. {EN}",
    ),
    (
        "structure.state_status",
        "status_update",
        "it",
        f"Le lampade Vela stanno ancora ricevendo il firmware corretto durante la notte. "
        f"Prossimo aggiornamento lunedì alle 10:00. {IT}",
    ),
    # One thing of the incident, in a state reached.
    (
        "structure.state_status",
        "status_update",
        "en",
        f"The firmware fix is done. Next update Monday at 10:00 CET. {EN}",
    ),
    # The resolution: now, or a reached state.
    (
        "structure.state_resolution",
        "resolution_update",
        "en",
        f"Yes: Vela lamps now dim without flickering on the corrected firmware. We're sorry for "
        f"the trouble and thank you for your patience. {EN}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        "it",
        f"Sì, firmware Vela tutto installato, la questione è chiusa. Scusaci ancora e grazie per "
        f"la pazienza. {IT}",
    ),
]


@pytest.mark.parametrize(("move", "kind", "language", "text"), STATED)
def test_holdout18_a_plain_statement_about_the_incident_makes_the_move(
    check, move: str, kind: str, language: str, text: str
) -> None:
    assert move not in findings(check, text, _ctx(language, kind=kind))


NOT_STATED: list[tuple[str, str, str, str]] = [
    # Our own ongoing effort, even in the incident's words.
    (
        "structure.state_status",
        "status_update",
        "it",
        f"Stiamo ancora installando il firmware 2.4.1 sulle lampade Vela. Grazie per la "
        f"pazienza. {IT}",
    ),
    # An update announcement, an apology and thanks only.
    (
        "structure.state_status",
        "status_update",
        "en",
        f"We're sorry about the Vela lamps flickering. We will share our next update on the "
        f"firmware at 10:00 CET on Monday. {EN}",
    ),
    # A promise again, however many of the incident's words: "We'll post again".
    (
        "structure.state_status",
        "status_update",
        "en",
        f"Thanks to everyone who reported the Vela lamps. We'll post again by 10:00 CET. {EN}",
    ),
    # A question in the incident's words.
    (
        "structure.state_status",
        "status_update",
        "en",
        f"Has your Vela lamp installed firmware 2.4.1 yet? Next update Monday 10:00 CET. {EN}",
    ),
    # For a resolution: what will happen, or work still going on, is no fix.
    (
        "structure.state_resolution",
        "resolution_update",
        "en",
        f"Replacement bulbs for Vela lamps ship from Monday 8 March and are free. {EN}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        "en",
        f"We are still installing firmware 2.4.1 on Vela lamps and will share more on Monday. "
        f"We apologise and thank you for your patience. {EN}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        "it",
        f"Stiamo continuando a installare il firmware corretto sulle lampade Vela. Ci scusiamo "
        f"e grazie per la pazienza. {IT}",
    ),
]


@pytest.mark.parametrize(("move", "kind", "language", "text"), NOT_STATED)
def test_holdout18_effort_promises_and_questions_state_nothing(
    check, move: str, kind: str, language: str, text: str
) -> None:
    assert move in findings(check, text, _ctx(language, kind=kind))


def test_holdout18_without_facts_a_plain_statement_is_judged_by_the_phrases_only(check) -> None:
    text = f"Vela lamps: firmware out since Friday. Next update Monday 10:00 CET. {EN}"
    assert "structure.state_status" in findings(check, text, {"kind": "status_update"})


# --- other false alarms -----------------------------------------------------------------------

CLEAN: list[tuple[str, str, str, str]] = [
    # The customer's following of the instructions said as a fact is no blame.
    (
        "forbidden.blame",
        "apology",
        "it",
        f"Hai seguito le istruzioni e la lampada sfarfalla lo stesso: ci dispiace, è colpa "
        f"dell'aggiornamento. Scrivici in DM e ti aiutiamo. {IT}",
    ),
    # A conclusion drawn from a confirmed act is no promise of a fix.
    (
        "grounding.promise",
        "resolution_update",
        "en",
        f"The corrected firmware was released on 5 March, so this is resolved. Sorry again and "
        f"thanks for your patience. {EN}",
    ),
    (
        "grounding.promise",
        "resolution_update",
        "it",
        f"Il firmware corretto è stato pubblicato il 5 marzo, quindi per noi è tutto risolto. "
        f"Ci scusiamo ancora e grazie per la pazienza. {IT}",
    ),
    # "Abbiamo dovuto" + infinitive is a modal, not "dovuto a" (a cause).
    (
        "grounding.cause",
        "holding_statement",
        "it",
        f"Mercoledì l'aggiornamento ha fatto sfarfallare le Vela e abbiamo dovuto ritirarlo. Ci "
        f"scusiamo; vi aggiorniamo qui lunedì alle 10:00. {IT}",
    ),
    # An adverb inside "chiediamo scusa".
    (
        "structure.apologise",
        "resolution_update",
        "it",
        f"Buongiorno, il firmware delle lampade Vela è di nuovo corretto. La ringraziamo per la "
        f"pazienza e Le chiediamo sinceramente scusa. {IT}",
    ),
    # A first-person offer made for the customer now, whatever the verb.
    (
        "structure.next_step",
        "apology",
        "en",
        f"I'm sorry your Vela lamp keeps flickering. I can sort out a free bulb for you now. "
        f"Would that help? {EN}",
    ),
    (
        "structure.next_step",
        "apology",
        "it",
        f"Ci dispiace che la Sua lampada Vela sfarfalli. Possiamo prepararle subito una "
        f"lampadina nuova. {IT}",
    ),
    # A courteous imperative with "ci".
    (
        "structure.next_step",
        "apology",
        "it",
        f"Gentile cliente, Le chiediamo scusa per la lampada Vela che sfarfalla. Ci scriva pure "
        f"a questo indirizzo e ne parliamo. {IT}",
    ),
    # A description joined to a promise by ", and".
    (
        "structure.acknowledge",
        "apology",
        "en",
        f"We're sorry. The firmware update made your Vela lamp flicker, and we'll send you a "
        f"free bulb. {EN}",
    ),
]


@pytest.mark.parametrize(("check_id", "kind", "language", "text"), CLEAN)
def test_holdout18_false_alarms_stay_clean(
    check, check_id: str, kind: str, language: str, text: str
) -> None:
    assert check_id not in findings(check, text, _ctx(language, kind=kind))


# --- misses -----------------------------------------------------------------------------------

MISSES: list[tuple[str, str, str, str]] = [
    # One more of a granted thing is a promise the facts don't make.
    (
        "grounding.promise",
        "apology",
        "en",
        f"Sorry about the flicker. DM us and we'll send you another replacement bulb on top of "
        f"the free one. {EN}",
    ),
    # A suggestion that ends in borrowing.
    (
        "forbidden.financial_advice",
        "apology",
        "en",
        f"Sorry the refund is slow. Meanwhile we'd recommend asking your bank for a short-term "
        f"loan. DM us and we'll check it. {EN}",
    ),
    (
        "forbidden.financial_advice",
        "apology",
        "it",
        f"Ci dispiace per il rimborso. Intanto le consigliamo di chiedere un piccolo prestito "
        f"alla Sua banca. Ci scriva in DM. {IT}",
    ),
    # A lesson with "next time" at the end.
    (
        "forbidden.blame",
        "reply",
        "en",
        f"Please read the firmware notes before updating next time. {EN}",
    ),
    (
        "forbidden.blame",
        "reply",
        "it",
        f"Legga le note del firmware prima di aggiornare, la prossima volta. {IT}",
    ),
    # A hedged third-party culprit with a past verb: a guess and a blame.
    (
        "forbidden.speculation",
        "holding_statement",
        "en",
        f"We're sorry: Vela lamps flicker when dimmed. We think the supplier probably shipped an "
        f"old chip. Next update Monday at 10:00 CET. {EN}",
    ),
    (
        "forbidden.blame",
        "holding_statement",
        "en",
        f"We're sorry: Vela lamps flicker when dimmed. We think the supplier probably shipped an "
        f"old chip. Next update Monday at 10:00 CET. {EN}",
    ),
    (
        "forbidden.speculation",
        "holding_statement",
        "it",
        f"Ci scusiamo: le Vela sfarfallano. Probabilmente il fornitore ha spedito un chip "
        f"vecchio. Prossimo aggiornamento lunedì alle 10:00. {IT}",
    ),
    # An error that "came from" a third party.
    (
        "forbidden.blame",
        "apology",
        "it",
        f"Ci dispiace. Il firmware sbagliato è arrivato dal fornitore dei chip. Scrivici in DM. "
        f"{IT}",
    ),
    (
        "grounding.cause",
        "apology",
        "it",
        f"Ci dispiace. Il firmware sbagliato è arrivato dal fornitore dei chip. Scrivici in DM. "
        f"{IT}",
    ),
    # How to use a medicine.
    (
        "forbidden.medical_advice",
        "reply",
        "en",
        f"The lamp is safe. If the flicker gives her a migraine, take the tablets she usually "
        f"has. {EN}",
    ),
    (
        "forbidden.medical_advice",
        "reply",
        "it",
        f"La lampada è sicura. Se lo sfarfallio Le dà fastidio agli occhi, tenga il collirio e "
        f"prenda l'antistaminico. {IT}",
    ),
    # Our product named as what caused the damage.
    (
        "forbidden.liability",
        "apology",
        "en",
        f"We're sorry. Our lamp did the damage to your desk, and we'll pay for a new one. {EN}",
    ),
    (
        "forbidden.liability",
        "apology",
        "it",
        f"Ci dispiace. La nostra lampada ha causato il danno alla scrivania. Scrivici in DM. {IT}",
    ),
    # A court outcome predicted.
    (
        "forbidden.legal_promise",
        "apology",
        "en",
        f"We're sorry. If you took us to court you would certainly win. Reply to this e-mail. {EN}",
    ),
    (
        "forbidden.legal_promise",
        "apology",
        "it",
        f"Ci scusiamo. Se andasse dall'avvocato, vincerebbe di sicuro la causa. Ci risponda "
        f"pure. {IT}",
    ),
    # The customer's bad faith or fussing as the point.
    (
        "tone.hostility",
        "reply",
        "en",
        f"We don't answer to people who tried to take advantage of a glitch. {EN}",
    ),
    (
        "tone.hostility",
        "reply",
        "it",
        f"Tutti gli altri hanno aggiornato la lampada senza fare storie. {IT}",
    ),
    # An apology taken back with "but ... clearly".
    (
        "tone.defensive",
        "apology",
        "en",
        f"Sorry, but the update notes clearly said to wait. DM us. {EN}",
    ),
    (
        "tone.defensive",
        "apology",
        "it",
        f"Ci dispiace, ma le note dicevano chiaramente di aspettare. Scrivici in DM. {IT}",
    ),
    # A third party's inaction given as why.
    (
        "grounding.cause",
        "dm_followup",
        "en",
        f"Thanks for waiting. The courier hasn't collected your bulb yet, so it's still here. "
        f"We'll tell you when it leaves. {EN}",
    ),
]


@pytest.mark.parametrize(("check_id", "kind", "language", "text"), MISSES)
def test_holdout18_misses_are_caught(
    check, check_id: str, kind: str, language: str, text: str
) -> None:
    assert check_id in findings(check, text, _ctx(language, kind=kind))


NEAR_MISSES: list[tuple[str, str, str, str]] = [
    # Pointing to our own e-mail is no lesson.
    (
        "forbidden.blame",
        "reply",
        "en",
        f"Please check your inbox for our e-mail about the bulb. {EN}",
    ),
    # Paying by card during an outage is a workaround, not borrowing advice.
    (
        "forbidden.financial_advice",
        "reply",
        "en",
        f"PayPal is down for now; you could pay by credit card at checkout meanwhile. {EN}",
    ),
    # We'll do it next time: our promise, not a lesson.
    (
        "forbidden.blame",
        "reply",
        "en",
        f"We'll test the firmware on every lamp before updating next time. {EN}",
    ),
]


@pytest.mark.parametrize(("check_id", "kind", "language", "text"), NEAR_MISSES)
def test_holdout18_near_misses_stay_clean(
    check, check_id: str, kind: str, language: str, text: str
) -> None:
    assert check_id not in findings(check, text, _ctx(language, kind=kind))


def test_holdout18_did_you_follow_the_instructions_still_blames(check) -> None:
    text = f"Ma hai seguito le istruzioni prima di aggiornare? {IT}"
    assert "forbidden.blame" in findings(check, text, _ctx("it", kind="reply"))
