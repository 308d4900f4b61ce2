"""Classes of mistake the thirty-fourth and thirty-fifth held-out sets (a fire in a store's
stockroom; a chief executive's remarks about customers who return goods and older shoppers)
exposed in the policy and tone families, each fixed by a reading rather than by the sets' own
phrases, and tested with fresh sentences (none taken from a labelled set: other incidents,
other products, other channels) in English and Italian, with near misses that must stay clean.

Blame: another member of the public named as the one whose act or belongings started the harm;
an outside firm named by the job it does ("the company servicing the lifts") that failed.
Speculation: a hedge set inside the doer's state ("was probably just tired"). Legal promise:
what an inquiry will conclude, promised beforehand; a settlement "without going to court".
Medical advice: self-care told for a symptom the customer names. Financial advice: what we
"would not" do with shares; "il consiglio è di". Other customers: someone picked out by what the
incident did to them, with how they are now. Compensation: a fare or a meal paid for is not an
allowed kind; free delivery of the customer's own order "instead" of collecting it is not an
offer; "happy to send you" offers without a subject. Personal data: a street's name is not a
person's; a signed name in three parts. Tone: words said to be taken out of context or edited
down are defensive; mock agreement with an exaggerated accusation and the customer's own post
held up against them are sarcastic (and the latter hostile); an insult denied of the customer
("a right, not a tantrum") is not hostility. Liability: a speech or remarks that "hurt you" are
feelings, not an injury.
"""

from __future__ import annotations

import pytest

from tests.drafting.checks.conftest import EN, IT, findings

REPLY = {"kind": "reply", "channel": "email"}
APOLOGY_FB = {"kind": "apology", "channel": "facebook"}
FOLLOWUP = {"kind": "dm_followup", "channel": "email"}

# --- blame: another member of the public, or an outside firm named by its job -------------------


@pytest.mark.parametrize(
    "text",
    [
        f"Sorry for the delay: a passenger's power bank overheated in the rack. DM us. {EN}",
        f"We're sorry. The bin fire was set alight by a visitor near the café. DM us. {EN}",
        f"Ci dispiace: il powerbank di un passeggero si è surriscaldato sul treno. {IT}",
        f"Ci dispiace: un visitatore ha gettato un mozzicone nel cestino. Scrivici. {IT}",
        f"The leak came from a pipe the firm servicing our boilers never repaired. Sorry. {EN}",
        f"Ci scusiamo: l'impresa di pulizie non ha controllato le uscite. Scrivici. {IT}",
    ],
)
def test_another_person_or_a_firm_by_its_job_as_the_doer_is_blame(check, text: str) -> None:
    assert "forbidden.blame" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"The company maintaining the lifts is on site now; next update at 18:00. Sorry. {EN}",
        f"La ditta di manutenzione è al lavoro e ti aggiorniamo alle 18:00. Ci dispiace. {IT}",
        f"Ci scusiamo, il modulo lasciato da un cliente è stato gestito male da noi. {IT}",
        f"Our maintenance team will check the wiring tomorrow. We're sorry. {EN}",
    ],
)
def test_a_firm_at_work_or_a_customers_form_is_not_blame(check, text: str) -> None:
    assert "forbidden.blame" not in findings(check, text, REPLY)


# --- speculation: a hedge inside the doer's state ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"She was no doubt just worn out after a double shift. We're sorry. {EN}",
        f"The presenter was probably nervous on camera. We're sorry it came out so. {EN}",
        f"Era sicuramente solo sfinita dopo il doppio turno. Ci dispiace. {IT}",
        f"Sarà stato nervoso davanti alla telecamera. Ci scusiamo. {IT}",
    ],
)
def test_a_hedged_state_of_the_doer_is_speculation(check, text: str) -> None:
    assert "forbidden.speculation" in findings(check, text, REPLY)


def test_the_customers_own_tiredness_acknowledged_is_not_speculation(check) -> None:
    text = f"You were tired after a long wait, and we're sorry. DM us. {EN}"
    assert "forbidden.speculation" not in findings(check, text, REPLY)


# --- legal promise: an inquiry's outcome, or no court ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"We can promise the safety inspection will show that the ride met every standard. {EN}",
        f"Vi garantiamo che l'ispezione dirà che la giostra era in regola. {IT}",
        f"We're sorry. We're confident this can be resolved without going to court. {EN}",
        f"Siamo certi che si arriverà a un accordo senza andare in tribunale. {IT}",
    ],
)
def test_an_inquirys_outcome_or_no_court_promised_is_a_legal_promise(check, text: str) -> None:
    assert "forbidden.legal_promise" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"We're confident the investigation will find out what happened; we'll share it. {EN}",
        f"We're sure we can sort this out; our legal team will reply by Friday. {EN}",
    ],
)
def test_a_promise_to_share_findings_is_not_a_legal_promise(check, text: str) -> None:
    assert "forbidden.legal_promise" not in findings(check, text, REPLY)


# --- medical and financial advice -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"So sorry. If your chest feels tight after the fumes, sit down and sip cold water. {EN}",
        f"Sorry. The cough should clear up on its own, so just rest at home. {EN}",
        f"Ci dispiace molto. Se senti il petto stretto per il fumo, siediti e bevi acqua. {IT}",
        f"Ci dispiace. Per il mal di testa prenda la sua solita pastiglia. {IT}",
    ],
)
def test_self_care_for_a_named_symptom_is_medical_advice(check, text: str) -> None:
    assert "forbidden.medical_advice" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Sorry. If you have trouble breathing, please seek medical advice or call 112. {EN}",
        f"Ci dispiace. Se hai tosse o fatica a respirare, chiama il medico o il 112. {IT}",
    ],
)
def test_sending_a_symptom_to_a_doctor_is_not_medical_advice(check, text: str) -> None:
    assert "forbidden.medical_advice" not in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"We wouldn't buy more shares this week; we'd wait for the results. {EN}",
        f"We would not sell now: stock prices tend to bounce back. {EN}",
        f"Se ti preoccupa, il consiglio è di aprire un conto con una banca online. {IT}",
    ],
)
def test_what_we_would_not_do_with_money_is_financial_advice(check, text: str) -> None:
    assert "forbidden.financial_advice" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"We would not share your details with anyone. {EN}",
        f"We wouldn't hold your order any longer than Friday. {EN}",
    ],
)
def test_what_we_would_not_do_with_an_order_is_not_financial_advice(check, text: str) -> None:
    assert "forbidden.financial_advice" not in findings(check, text, REPLY)


# --- other customers: someone picked out by what happened to them ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"Good news: the gentleman who fell on the escalator is recovering at home. {EN}",
        f"Il signore caduto sulla scala mobile si sta riprendendo a casa. {IT}",
    ],
)
def test_someone_elses_condition_is_another_customers_case(check, text: str) -> None:
    assert "forbidden.other_customers" in findings(check, text, REPLY)


def test_the_customers_own_condition_is_not_another_customers_case(check) -> None:
    text = f"We're sorry you were taken to hospital; we hope you're home and well now. {EN}"
    assert "forbidden.other_customers" not in findings(check, text, REPLY)


# --- compensation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"We're sorry. We'll cover your parking ticket and treat you to lunch. DM us. {EN}",
        f"Ci dispiace. Ti rimborsiamo il parcheggio e ti offriamo noi il pranzo. Scrivici. {IT}",
    ],
)
def test_a_fare_or_a_meal_is_not_an_allowed_kind(check, text: str) -> None:
    assert "compensation.kind_not_allowed" in findings(check, text, APOLOGY_FB)


@pytest.mark.parametrize(
    "text",
    [
        f"I'm sorry. I can switch your order to free home delivery instead; just reply. {EN}",
        f"Ci dispiace. In alternativa possiamo passare alla consegna gratuita a casa. {IT}",
    ],
)
def test_free_delivery_instead_of_collecting_is_not_an_offer(check, text: str) -> None:
    assert "compensation.kind_not_allowed" not in findings(check, text, FOLLOWUP)


def test_free_delivery_on_a_next_order_is_still_an_offer(check) -> None:
    text = f"We're sorry. We'll give you free delivery on your next order. DM us. {EN}"
    assert "compensation.kind_not_allowed" in findings(check, text, APOLOGY_FB)


@pytest.mark.parametrize(
    "text",
    [
        f"Sorry. Happy to send you a gift card for the wait. DM us. {EN}",
        f"Ci dispiace, felici di mandarti un buono. Scrivici in DM. {IT}",
    ],
)
def test_an_offer_without_its_subject_is_an_offer_on_escalation(check, text: str) -> None:
    got = findings(check, text, {**REPLY, "channel": "x", "risk_flags": ["media_inquiry"]})
    assert "compensation.on_escalation" in got


# --- personal data: streets and three-part names -------------------------------------------------


def test_a_street_named_after_someone_is_not_a_name(check) -> None:
    post = "Please write to my father, Corso Cavour 21, 10123 Torino."
    text = f"Sorry. We'll write to Corso Cavour 21 as you ask; DM us to confirm. {EN}"
    got = findings(check, text, {**APOLOGY_FB, "post_text": post})
    assert "personal_data.name" not in got
    assert "personal_data.address" in got


def test_a_name_signed_in_three_parts_is_a_name(check) -> None:
    post = "Two stars. Delivery was a mess. Anna Maria Lombardi"
    text = f"Dear Anna Maria Lombardi, we're sorry about the delivery. DM us. {EN}"
    assert "personal_data.name" in findings(check, text, {**APOLOGY_FB, "post_text": post})


# --- tone --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"The quote was lifted out of context; the full speech is far more nuanced. {EN}",
        f"The video was edited down to ten seconds. That isn't what she meant. {EN}",
        f"La frase è stata presa fuori contesto. {IT}",
        f"Il video è stato tagliato ad arte. Non era quello che intendeva. {IT}",
    ],
)
def test_words_said_to_be_misrepresented_is_defensive(check, text: str) -> None:
    assert "tone.defensive" in findings(check, text, REPLY)


def test_out_of_context_denied_is_not_defensive(check) -> None:
    text = f"Her words were not taken out of context, and we're sorry. There's no excuse. {EN}"
    assert "tone.defensive" not in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Sure, our drivers sleep all day in the van. {EN}",
        f"Certo, come no, i nostri autisti dormono tutto il giorno nel furgone. {IT}",
    ],
)
def test_mock_agreement_with_an_exaggeration_is_sarcasm(check, text: str) -> None:
    assert "tone.sarcasm" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Yes, of course, we'll keep you updated all day on this thread. {EN}",
        f"Sure, our team is here all day if you need anything. {EN}",
        f"Sì, certo, ti aggiorniamo tutto il giorno su questo canale. {IT}",
        f"Certo, la chat è aperta tutto il giorno. {IT}",
    ],
)
def test_a_sincere_yes_with_all_day_is_not_sarcasm(check, text: str) -> None:
    assert "tone.sarcasm" not in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"You found the booking page well enough to leave this review. {EN}",
        f"La pagina delle prenotazioni però l'hai trovata benissimo per lasciare questa "
        f"recensione. {IT}",
    ],
)
def test_the_customers_own_post_held_against_them_is_sarcastic_and_hostile(
    check, text: str
) -> None:
    got = findings(check, text, REPLY)
    assert {"tone.sarcasm", "tone.hostility"} <= got


@pytest.mark.parametrize(
    "text",
    [
        f"Asking for your money back is a right, not a tantrum. We're sorry. {EN}",
        f"Chiedere un rimborso è un diritto, non un capriccio. Ci dispiace. {IT}",
    ],
)
def test_an_insult_denied_of_the_customer_is_not_hostility(check, text: str) -> None:
    assert "tone.hostility" not in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"We're so sorry our chairman's speech hurt you. DM us. {EN}",
        f"We're so sorry the podcast episode hurt you. {EN}",
    ],
)
def test_words_that_hurt_are_not_liability(check, text: str) -> None:
    assert "forbidden.liability" not in findings(check, text, REPLY)


def test_a_product_that_burned_someone_is_still_liability(check) -> None:
    text = f"We're so sorry the heater burned your hands. {EN}"
    assert "forbidden.liability" in findings(check, text, REPLY)


# --- blame: the outlet that published it named as the one who did it ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"The newspaper twisted what our founder said. We're sorry. {EN}",
        f"The radio station edited her answer down to one line. Sorry. {EN}",
        f"Il giornale ha stravolto le parole del nostro fondatore. Ci dispiace. {IT}",
    ],
)
def test_the_outlet_named_as_the_doer_is_blame(check, text: str) -> None:
    assert "forbidden.blame" in findings(check, text, REPLY)


def test_the_outlet_named_without_a_failure_is_not_blame(check) -> None:
    text = f"We're sorry. The journalist asked fair questions and our answers were wrong. {EN}"
    assert "forbidden.blame" not in findings(check, text, REPLY)


def test_a_handle_that_holds_a_recording_is_not_another_customers_case(check) -> None:
    text = f"We're sorry; the remarks were wrong. @citynewsradio has the full interview. {EN}"
    assert "forbidden.other_customers" not in findings(check, text, REPLY)


def test_a_condition_on_the_customers_view_is_not_sarcasm(check) -> None:
    text = f"Se la pensi così, nessuno ti obbliga a comprare da noi. {IT}"
    got = findings(check, text, REPLY)
    assert "tone.sarcasm" not in got
    assert "tone.hostility" in got
