"""Classes of mistake the forty-fifth to forty-eighth held-out sets (the wrong goods shipped in a
sale; an advert's music used without permission; a shop search of a teenager; a product recall)
exposed in the policy and tone families, each fixed by a reading rather than by the sets' own
phrases, and tested with fresh sentences (none taken from a labelled set: here a cinema chain
that oversold a premiere, a café chain that recalled a batch of oat drinks, and other made-up
incidents) in English and Italian, with near misses that must stay clean.

Speculation: what an open inquiry "may turn out" to show, told as past; a guess right after the
inquiry is said to be unfinished; a hedge between a longer subject and its past act. Blame: a
partner's assurance cited ("the agency had assured us"); our staff's act justified by what the
person did; the customer's use set against the instructions; what to check "next time". Legal
promise: a dispute told as settled out of court; an authority left with nothing to act on.
Liability: paying for any harm, promised. Medical advice: a health effect waved away, home care
told to a parent. Financial advice: a "smart way" to spread the cost. Other customers: what many
customers told us; the first case told with who reported it; not a publisher cited as a source.
Tone: the apology to whoever took it badly, or for how the customer sees it; "sorry, but" a
partner's assurance; our own post quoted as already explaining; a silver lining in the
customer's misfortune; mock gratitude for advice; "read it properly before"; repeat offenders
threatened. Compensation: free shipping on the next order; store credit.
"""

from __future__ import annotations

import pytest

from tests.drafting.checks.conftest import EN, IT, findings

REPLY = {"kind": "reply", "channel": "x"}
APOLOGY = {"kind": "apology", "channel": "x"}

# --- speculation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"It may turn out that the seating plan was already corrupted before the sale. {EN}",
        f"It could be that the booking server crashed just as the tickets went live. {EN}",
        f"The audit isn't finished yet, but it looks like the cartons were stored too warm. {EN}",
        f"The ticketing team at our Leeds branch probably doubled the seat count. {EN}",
        f"Può darsi che il sistema di prenotazione sia andato in crash all'apertura. {IT}",
        f"Il controllo non è ancora finito, però probabilmente i cartoni erano caldi. {IT}",
        f"Probabilmente c'è stato un errore nella mappa dei posti. {IT}",
    ],
)
def test_a_cause_guessed_before_the_inquiry_ends_is_speculation(check, text: str) -> None:
    assert "forbidden.speculation" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"It may be that your e-mail was sent to the spam folder; please check there. {EN}",
        f"The audit isn't finished yet, but we'll share what it finds on Friday. {EN}",
        f"The ticketing team will probably contact you by Friday. {EN}",
        f"Il controllo non è ancora concluso: ti aggiorniamo venerdì alle 12:00. {IT}",
    ],
)
def test_an_open_inquiry_or_a_hedged_next_step_is_not_speculation(check, text: str) -> None:
    assert "forbidden.speculation" not in findings(check, text, REPLY)


# --- blame -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"We're sorry. The agency that ran the campaign had assured us the venue was big enough. "
        f"{EN}",
        f"The usher asked him to leave because he filmed the screen. {EN}",
        f"Were you heating it for longer than the manual recommends? {EN}",
        f"Next time it's worth checking the carton date yourself. {EN}",
        f"Ci dispiace. Il fornitore ci aveva garantito che i cartoni erano a posto. {IT}",
        f"La maschera l'ha allontanato perché stava filmando lo schermo. {IT}",
        f"La prossima volta conviene controllare la data sul cartone. {IT}",
    ],
)
def test_an_assurance_cited_or_the_customers_act_as_reason_is_blame(check, text: str) -> None:
    assert "forbidden.blame" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"We told the agency the venue was too small, and we should have listened. {EN}",
        f"The usher asked him to leave, and he had done nothing wrong. We're sorry. {EN}",
        f"Next time you visit, the new seating plan will be in place. {EN}",
        f"L'errore è stato di un nostro cassiere, che ha sbagliato la mappa dei posti. {IT}",
        f"Non avresti dovuto chiamare tu il cinema, e ci dispiace. {IT}",
    ],
)
def test_our_own_failure_or_an_act_done_to_the_customer_is_not_blame(check, text: str) -> None:
    assert "forbidden.blame" not in findings(check, text, REPLY)


# --- legal promise and liability -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"Don't worry, it will all be settled out of court. {EN}",
        f"The film is pulled, so there's nothing left for the regulator to investigate. {EN}",
        f"Ti garantiamo che il responsabile ne risponderà davanti a un giudice. {IT}",
        f"Nessun tribunale: risolveremo tutto in via amichevole. {IT}",
    ],
)
def test_a_dispute_told_as_settled_is_a_legal_promise(check, text: str) -> None:
    assert "forbidden.legal_promise" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Our legal team is in touch with the distributor; we'll update you on Friday. {EN}",
        f"Il nostro ufficio legale è in contatto con il distributore. {IT}",
    ],
)
def test_a_legal_matter_in_progress_is_no_legal_promise(check, text: str) -> None:
    assert "forbidden.legal_promise" not in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"We're so sorry, and we'll pay for any harm the drink has caused you. {EN}",
        f"Sappiamo di essere responsabili di qualsiasi danno la bevanda abbia causato. {IT}",
        f"Abbiamo sbagliato e ne rispondiamo legalmente. {IT}",
    ],
)
def test_paying_for_any_harm_is_liability(check, text: str) -> None:
    assert "forbidden.liability" in findings(check, text, APOLOGY)


# --- medical and financial advice -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"A sip of the recalled drink is harmless if swallowed, so don't worry. {EN}",
        f"There's no need to see a doctor; just keep an eye on her temperature. {EN}",
        f"Un sorso è innocuo se ingerito, quindi non serve andare dal medico. {IT}",
        f"Gli dia da bere un po' d'acqua e controlli la febbre stasera. {IT}",
    ],
)
def test_a_health_effect_waved_away_is_medical_advice(check, text: str) -> None:
    assert "forbidden.medical_advice" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"If you feel unwell after drinking it, please seek medical advice. {EN}",
        f"Se non ti senti bene dopo averla bevuta, rivolgiti a un medico. {IT}",
    ],
)
def test_sending_the_customer_to_a_doctor_is_not_medical_advice(check, text: str) -> None:
    assert "forbidden.medical_advice" not in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"A buy-now-pay-later plan is a smart way to spread the cost of the tickets. {EN}",
        f"Ti consigliamo il pagamento a rate per i biglietti della stagione. {IT}",
    ],
)
def test_a_smart_way_to_spread_the_cost_is_financial_advice(check, text: str) -> None:
    assert "forbidden.financial_advice" in findings(check, text, REPLY)


# --- other customers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"Many of our loyal members have already told us they'll be back. {EN}",
        f"It was first reported by a mum in Derby who found a bloated carton. {EN}",
        f"Ci è stato segnalato da una signora di Parma, che aveva trovato un cartone gonfio. {IT}",
    ],
)
def test_other_customers_cited_are_other_customers(check, text: str) -> None:
    assert "forbidden.other_customers" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"The recall is under way, as @CityFoodNews reported this morning. {EN}",
        f"Il richiamo è in corso, come ha scritto @GiornaleCibo stamattina. {IT}",
    ],
)
def test_a_publisher_cited_as_the_source_is_not_another_customer(check, text: str) -> None:
    assert "forbidden.other_customers" not in findings(check, text, REPLY)


# --- tone --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"We apologise to anyone who felt the queue was handled badly. {EN}",
        f"We're sorry you read our update that way. {EN}",
        f"We're sorry, but the distributor had promised us the print would arrive. {EN}",
        f"Apologies if the cancellation spoiled your evening. {EN}",
        f"Ci scusiamo con chi si è sentito trattato male in coda. {IT}",
        f"Ci dispiace che tu l'abbia presa così. {IT}",
        f"Ci dispiace, ma il distributore ci aveva assicurato che la pellicola arrivava. {IT}",
    ],
)
def test_an_apology_to_whoever_took_it_badly_is_blame_shift(check, text: str) -> None:
    assert "tone.blame_shift" in findings(check, text, APOLOGY)


@pytest.mark.parametrize(
    "text",
    [
        f"We're sorry, but the return form can only be sent by e-mail today. {EN}",
        f"We're sorry the premiere was oversold and you were turned away. {EN}",
        f"Ci dispiace che tu sia rimasto fuori dalla sala. {IT}",
    ],
)
def test_an_apology_for_what_happened_is_not_blame_shift(check, text: str) -> None:
    assert "tone.blame_shift" not in findings(check, text, APOLOGY)


@pytest.mark.parametrize(
    "text",
    [
        f"As our pinned update already explains, refunds go back to the card used. {EN}",
        f"As we made clear in Monday's statement, refunds are automatic. {EN}",
        f"We regret that you chose to judge the whole chain by one evening. {EN}",
        f"Come il nostro post fissato spiega già, i rimborsi sono automatici. {IT}",
        f"Noi avevamo tutte le garanzie dal distributore. {IT}",
    ],
)
def test_our_own_post_quoted_back_is_defensive(check, text: str) -> None:
    assert "tone.defensive" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Our pinned update explains how refunds work: they go back to the card used. {EN}",
        f"Il nostro post fissato spiega come funzionano i rimborsi. {IT}",
    ],
)
def test_pointing_to_our_post_is_not_defensive(check, text: str) -> None:
    assert "tone.defensive" not in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Well, at least you got an early night. Refunds go out on Friday. {EN}",
        f"Thanks for the tip, we'd never have thought of that ourselves. {EN}",
        f"Beh, almeno sei andato a letto presto. I rimborsi partono venerdì. {IT}",
        f"Grazie del consiglio, non ci avremmo mai pensato da soli. {IT}",
        f"Grazie per il sostegno, ne avevamo proprio bisogno. {IT}",
    ],
)
def test_a_silver_lining_or_mock_gratitude_is_sarcasm(check, text: str) -> None:
    assert "tone.sarcasm" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Thanks for the tip about the queue; we've passed it to the cinema manager. {EN}",
        f"Grazie del consiglio sulla coda: l'abbiamo girato al direttore della sala. {IT}",
    ],
)
def test_sincere_thanks_for_a_tip_is_not_sarcasm(check, text: str) -> None:
    assert "tone.sarcasm" not in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Maybe read the update properly before calling it a cover-up. {EN}",
        f"If you're going to review us, at least get your facts right. {EN}",
        f"Se leggessi i nostri aggiornamenti sapresti già come funziona il rimborso. {IT}",
        f"Magari leggi bene il post prima di definirlo una presa in giro. {IT}",
    ],
)
def test_read_it_properly_before_speaking_is_hostility(check, text: str) -> None:
    assert "tone.hostility" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Repeat offenders will be banned from this page. {EN}",
        f"I recidivi verranno bannati dalla pagina. {IT}",
    ],
)
def test_repeat_offenders_threatened_is_escalating(check, text: str) -> None:
    assert "tone.escalating" in findings(check, text, REPLY)


# --- compensation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"To make up for it, shipping on your next order is free. {EN}",
        f"Per scusarci, la spedizione del tuo prossimo ordine è gratuita. {IT}",
        f"Ci dispiace: ti accreditiamo un credito negozio da usare quando vuoi. {IT}",
    ],
)
def test_free_shipping_next_time_or_store_credit_is_a_kind_offered(check, text: str) -> None:
    assert "compensation.kind_not_allowed" in findings(check, text, APOLOGY)
