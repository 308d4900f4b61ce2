"""Classes of mistake the twenty-sixth and twenty-seventh held-out sets (staff refusing a guide
dog and a wheelchair user in a store, misleading Black Friday "before" prices) exposed in the
policy and tone families, each fixed by a reading rather than by the sets' own phrases, and
tested with fresh sentences (none taken from a labelled set) in English and Italian, with near
misses that must stay clean.

Tone: the practice the customer disputes declared sound (our fares, ratings or tariffs always
fair, still genuine, lawful; the law said to let sellers do it) is defensive, but the
customer's own belief ("believing the rate was real"), a scope ("every other tariff was
correct") and a fault owned ("wasn't genuine") are not; so is telling the customer they came
out ahead anyway. The customer's word discounted because they were not there, and an order to
take their post down backed by a threat, are hostile; our own next step against the customer's
account escalates, and "diffamatori" is as much a word for defamation as "diffamatorio".

Forbidden content: a process told as certain to end without a penalty is a legal promise;
other customers counted or named by a relative clause, with what they told us, decided or felt,
mention other customers. Compensation: "discounted" describing our goods is the incident, not
a discount offered.
"""

from __future__ import annotations

import pytest

from tests.drafting.checks.conftest import EN, IT, findings

REPLY = {"kind": "reply", "channel": "email"}

# --- tone.defensive: the disputed practice declared sound ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"Our delivery fees have always been fair and transparent. {EN}",
        f"The 'early bird' fares were genuine, and we stand behind them. {EN}",
        f"The loyalty ratings were still accurate after the update. {EN}",
        f"The regulations allow retailers to round tariffs up. {EN}",
        f"Le nostre tariffe di consegna sono sempre state corrette. {IT}",
        f"Le recensioni 'verificate' erano comunque autentiche. {IT}",
        f"La normativa consente ai venditori di arrotondare le tariffe. {IT}",
    ],
)
def test_the_disputed_practice_declared_sound_is_defensive(check, text: str) -> None:
    assert "tone.defensive" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"You booked the cabin believing the rate was real, and it wasn't. We're sorry. {EN}",
        f"The fee on your booking was wrong; every other tariff was correct. We're sorry. {EN}",
        f"The 'early bird' fare on your ticket wasn't genuine, and we apologise. {EN}",
        f"Hai prenotato credendo che la tariffa fosse reale, e non lo era. Ci scusiamo. {IT}",
        f"La tariffa della tua prenotazione era sbagliata; per le altre tratte la tariffa è "
        f"corretta. Ci scusiamo. {IT}",
    ],
)
def test_a_belief_a_scope_or_a_fault_owned_is_not_defensive(check, text: str) -> None:
    assert "tone.defensive" not in findings(check, text, REPLY)


# --- tone.defensive: the customer told they came out ahead ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"Even at the old rate you still got a bargain on the cabin. {EN}",
        f"Compared with March you actually saved money on the tickets. {EN}",
        f"Anche con la tariffa di marzo un buon affare l'hai fatto lo stesso. {IT}",
        f"Rispetto a marzo hai comunque risparmiato sui biglietti. {IT}",
    ],
)
def test_the_customer_told_they_came_out_ahead_is_defensive(check, text: str) -> None:
    assert "tone.defensive" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Did you get a refund for the cabin? If not, we'll arrange it today. {EN}",
        f"Hai ricevuto il rimborso per la cabina? Se no, lo avviamo oggi. {IT}",
    ],
)
def test_asking_what_the_customer_got_is_not_defensive(check, text: str) -> None:
    assert "tone.defensive" not in findings(check, text, REPLY)


# --- forbidden.legal_promise: a process certain to end without a penalty -------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"We're certain the consumer authority's probe will end without any sanctions. {EN}",
        f"Siamo convinti che l'istruttoria si concluderà senza alcuna sanzione. {IT}",
    ],
)
def test_a_process_certain_to_end_without_a_penalty_is_a_legal_promise(check, text: str) -> None:
    assert "forbidden.legal_promise" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"We're sure our own review will be finished without delay. {EN}",
        f"Siamo certi che la verifica interna si chiuderà senza ritardi. {IT}",
    ],
)
def test_a_process_certain_to_end_without_delay_is_no_legal_promise(check, text: str) -> None:
    assert "forbidden.legal_promise" not in findings(check, text, REPLY)


# --- forbidden.other_customers: others counted, and what they said or decided --------------------


@pytest.mark.parametrize(
    "text",
    [
        f"Several passengers who were on that ferry have told us the crew were kind. {EN}",
        f"Both guests have already accepted our apology. {EN}",
        f"Most people who rang us this morning decided to rebook. {EN}",
        f"Entrambe le passeggere hanno già accettato le nostre scuse. {IT}",
        f"La maggior parte di chi ci ha telefonato stamattina ha deciso di riprenotare. {IT}",
    ],
)
def test_other_customers_and_what_they_said_or_decided_are_mentioned(check, text: str) -> None:
    assert "forbidden.other_customers" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Several passengers were charged twice for the ferry, and each will be refunded. {EN}",
        f"Alcuni passeggeri sono stati addebitati due volte: li rimborsiamo oggi. {IT}",
    ],
)
def test_the_incident_told_of_several_customers_mentions_no_one(check, text: str) -> None:
    assert "forbidden.other_customers" not in findings(check, text, REPLY)


# --- compensation: "discounted" describing our goods ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"We're reviewing every discounted item in the garden range and will post the list. {EN}",
        f"We have paused the labels on all discounted lines while we check them. {EN}",
    ],
)
def test_discounted_goods_are_the_incident_not_an_offer(check, text: str) -> None:
    assert "compensation.kind_not_allowed" not in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"We'll give you a discounted rate on your next booking. {EN}",
        f"Ti offriamo uno sconto sulla prossima prenotazione. {IT}",
    ],
)
def test_a_discount_offered_is_still_an_offer(check, text: str) -> None:
    assert "compensation.kind_not_allowed" in findings(check, text, REPLY)


# --- tone.hostility: the customer's word discounted, and a takedown under threat -----------------


@pytest.mark.parametrize(
    "text",
    [
        f"Bold claims from someone who didn't even see it happen. {EN}",
        f"You weren't even present on the platform that evening. {EN}",
        f"Take the photo down today, or we'll ask the platform to act. {EN}",
        f"Parole forti, da chi quella sera non c'era nemmeno. {IT}",
        f"Tu non c'eri neppure, quella sera. {IT}",
        f"Rimuovi subito la recensione, altrimenti ci rivolgeremo ai legali. {IT}",
    ],
)
def test_the_customer_discounted_or_ordered_to_take_down_is_hostile(check, text: str) -> None:
    assert "tone.hostility" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Remove the filter and rinse it, or bring the jug to any store. {EN}",
        f"Take the bus to the depot, or we can post it to you. {EN}",
        f"Togli il filtro e sciacqualo, oppure porta la caraffa in negozio. {IT}",
    ],
)
def test_a_practical_either_or_is_not_hostile(check, text: str) -> None:
    assert "tone.hostility" not in findings(check, text, REPLY)


# --- tone.escalating: our own next step against the customer's account ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"Keep posting this and we'll report and ban your profile. {EN}",
        f"Se continui, segnaleremo il tuo profilo. {IT}",
        f"Se continui, ti bloccheremo. {IT}",
        f"Quei commenti sono diffamatori. {IT}",
    ],
)
def test_our_step_against_the_customers_account_escalates(check, text: str) -> None:
    assert "tone.escalating" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Bloccheremo la carta rubata, così nessuno potrà usarla. {IT}",
        f"We'll report the fake page to the platform so it comes down. {EN}",
    ],
)
def test_blocking_a_stolen_card_or_reporting_a_fake_page_does_not_escalate(
    check, text: str
) -> None:
    assert "tone.escalating" not in findings(check, text, REPLY)


# --- tone.sarcasm: the customer's own digging praised after a hostile post -----------------------

HOSTILE = {**REPLY, "post_text": "Your team are clueless and I've proved it. Pathetic."}


@pytest.mark.parametrize(
    "text",
    [
        f"Well done on the sleuthing. The timetable is on our site. {EN}",
        f"Wow, thanks for the expert diagnosis of our boilers. {EN}",
        f"Bravo, ottimo lavoro investigativo. L'orario è sul sito. {IT}",
        f"Complimenti per la perizia sulle nostre caldaie. {IT}",
    ],
)
def test_the_customers_digging_praised_after_a_hostile_post_is_sarcasm(check, text: str) -> None:
    assert "tone.sarcasm" in findings(check, text, HOSTILE)


@pytest.mark.parametrize(
    "text",
    [
        f"Thank you for the research on the timetable: you're right, and we've fixed it. {EN}",
        f"Grazie per la verifica sull'orario: hai ragione, l'abbiamo corretto. {IT}",
    ],
)
def test_thanks_for_the_customers_digging_is_not_sarcasm(check, text: str) -> None:
    assert "tone.sarcasm" not in findings(check, text, HOSTILE)


# --- tone.defensive: the customer's evidence called partial, the matter closed -------------------


@pytest.mark.parametrize(
    "text",
    [
        f"We're sorry, but that recording doesn't tell the full story. {EN}",
        f"Our review of the boarding will set the record straight. {EN}",
        f"As far as we're concerned, the issue is now closed. {EN}",
        f"Ci dispiace, ma quello spezzone non mostra tutta la verità. {IT}",
        f"La verifica interna chiarirà come sono andate realmente le cose. {IT}",
        f"Per quanto ci riguarda la vicenda è ormai conclusa. {IT}",
    ],
)
def test_the_evidence_called_partial_or_the_matter_closed_is_defensive(check, text: str) -> None:
    assert "tone.defensive" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Thank you for the recording: it shows exactly what went wrong at the gate. {EN}",
        f"Your case is closed once you confirm the refund has arrived. {EN}",
        f"Every refund has gone out, and the regulator has told us the matter is closed. {EN}",
        f"Il rimborso è partito ieri, quindi da parte nostra la questione è risolta. {IT}",
        f"Grazie per la registrazione: mostra esattamente cosa è andato storto al gate. {IT}",
    ],
)
def test_evidence_accepted_is_not_defensive(check, text: str) -> None:
    assert "tone.defensive" not in findings(check, text, REPLY)


# --- forbidden.liability: a breach of the law admitted, legal liability accepted -----------------


@pytest.mark.parametrize(
    "text",
    [
        f"We acknowledge we infringed advertising regulations with the banner. {EN}",
        f"We accept full legal liability for the mislabelled jars. {EN}",
        f"Ammettiamo di aver infranto la normativa sulla pubblicità. {IT}",
        f"Ci assumiamo piena responsabilità legale per i vasetti. {IT}",
    ],
)
def test_a_breach_of_the_law_admitted_is_liability(check, text: str) -> None:
    assert "forbidden.liability" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"You didn't break any rules, and we're sorry your account was locked. {EN}",
        f"We can't accept liability on the phone, but we'll pass this to the right team. {EN}",
        f"Non hai violato nessuna regola: ci scusiamo per il blocco dell'account. {IT}",
    ],
)
def test_the_customer_cleared_or_liability_not_accepted_is_not_liability(check, text: str) -> None:
    assert "forbidden.liability" not in findings(check, text, REPLY)


# --- forbidden.other_customers: a handle credited as right is a critic, not a customer ----------


@pytest.mark.parametrize(
    "text",
    [
        f"Thanks. @PriceWatchUK were right about the tariffs, and we're answering them. {EN}",
        f"Grazie. @osservatorio.prezzi aveva ragione sulle tariffe. {IT}",
    ],
)
def test_a_handle_credited_as_right_is_no_other_customer(check, text: str) -> None:
    assert "forbidden.other_customers" not in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Ask @mara_t, who also had the same trouble with her jars last week. {EN}",
        f"Chiedi a @mara_t, che ha avuto lo stesso problema con i vasetti. {IT}",
    ],
)
def test_a_handle_and_their_case_is_still_another_customer(check, text: str) -> None:
    assert "forbidden.other_customers" in findings(check, text, REPLY)
