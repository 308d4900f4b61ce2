"""Classes of mistake the eighth held-out set exposed (false alarms first, then misses), each
tested with fresh sentences (none taken from a labelled set) in English and Italian, and with near
misses that must keep failing or stay clean.

As in test_mistake_classes_holdout7.py: a pattern covers a *class* ("a next update promised by
date", "a resolution said as 'sorted'"), never one sentence, so each class has several
paraphrases here.
"""

from __future__ import annotations

from typing import Any

import pytest

from drafting.checks.claims import counts
from tests.drafting.checks.conftest import EN, IT, failed, findings

# --- false alarms: the required moves, in the many ways people make them ----------------------

MOVES_MADE: list[tuple[str, str, str]] = [
    # A next update promised by date, weekday or part of the day, not only by clock time.
    (
        "structure.next_update",
        "holding_statement",
        f"Sorry, the app is down. We'll post another update on Thursday. {EN}",
    ),
    (
        "structure.next_update",
        "holding_statement",
        f"Sorry the shop is shut. Further news by 4 December here. {EN}",
    ),
    (
        "structure.next_update",
        "holding_statement",
        f"Sorry, checkout is down. We're back here tomorrow morning with news. {EN}",
    ),
    (
        "structure.next_update",
        "holding_statement",
        f"Sorry, it's broken. I'll write to you again on Monday. {EN}",
    ),
    (
        "structure.next_update",
        "holding_statement",
        f"Ci dispiace, il sito è lento. Vi aggiorniamo qui venerdì. {IT}",
    ),
    (
        "structure.next_update",
        "holding_statement",
        f"Ci dispiace, l'app è ferma. Nuovo aggiornamento entro il 3 dicembre. {IT}",
    ),
    (
        "structure.next_update",
        "holding_statement",
        f"Ci scusiamo per il blocco. Pubblicheremo novità domattina. {IT}",
    ),
    # A verbless heading, or the first person singular, or the present for the future.
    ("structure.next_update", "status_update", f"Checkout still down. Update by 5pm CET. {EN}"),
    (
        "structure.next_update",
        "status_update",
        f"Payments still failing. I'll message you again by 3pm. {EN}",
    ),
    (
        "structure.next_update",
        "status_update",
        f"Payments still failing; we post again at 16:00 CET. {EN}",
    ),
    (
        "structure.next_update",
        "status_update",
        f"I pagamenti sono ancora bloccati. Aggiornamento entro le 16:30. {IT}",
    ),
    (
        "structure.next_update",
        "status_update",
        f"Il login è ancora lento. Ti scrivo di nuovo entro le 17:00. {IT}",
    ),
    (
        "structure.next_update",
        "status_update",
        f"Il login è ancora lento. Nuove notizie in serata. {IT}",
    ),
    # The current status said as what is happening to the customers' orders or refunds now.
    (
        "structure.state_status",
        "status_update",
        f"Refunds are going out in batches this week. Next update at 18:00. {EN}",
    ),
    (
        "structure.state_status",
        "status_update",
        f"80% of the held orders have already been shipped. Next update at 18:00. {EN}",
    ),
    (
        "structure.state_status",
        "status_update",
        f"Your parcel is on its way to our depot. Next update at 18:00. {EN}",
    ),
    (
        "structure.state_status",
        "status_update",
        f"Ci dispiace per l'attesa: i rimborsi vengono accreditati in questi giorni sul tuo "
        f"conto. Prossimo aggiornamento alle 18. {IT}",
    ),
    (
        "structure.state_status",
        "status_update",
        f"Il 60% degli ordini fermi è già stato spedito. Prossimo aggiornamento alle 18. {IT}",
    ),
    (
        "structure.state_status",
        "status_update",
        f"Le consegne stanno ripartendo piano piano. Prossimo aggiornamento alle 18. {IT}",
    ),
    # A resolution said as fixed, sorted, working again, back up.
    (
        "structure.state_resolution",
        "resolution_update",
        f"All sorted now and payments go through normally again. Sorry, and thank you. {EN}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"The app is back up. Sorry for the trouble, and thanks for waiting. {EN}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"Checkout is running again. We're sorry, and thank you. {EN}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"Il problema del login è sistemato. Ci scusiamo e grazie. {IT}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"Tutto a posto: il sito ha ripreso a funzionare. Ci scusiamo e grazie. {IT}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"Il login è tornato operativo. Ci scusiamo e grazie per la pazienza. {IT}",
    ),
    # An acknowledgement made by announcing a recall, or by an apology with a long subject.
    (
        "structure.acknowledge",
        "apology",
        f"We're recalling our Lumo desk lamps sold in October because the plug can overheat, and "
        f"we're sorry. Details: DM us. {EN}",
    ),
    (
        "structure.acknowledge",
        "apology",
        f"So sorry the spare shelves we posted to you last week still don't fit. DM us. {EN}",
    ),
    (
        "structure.acknowledge",
        "apology",
        f"Stiamo richiamando i frullatori Vortice del lotto 12 perché la lama può staccarsi. Ci "
        f"dispiace. Scrivici in DM. {IT}",
    ),
    # A next step said in the singular, as a plan, or in the passive.
    (
        "structure.next_step",
        "apology",
        f"Ci dispiace per il ritardo del rimborso: mandami il numero d'ordine e verifico io. {IT}",
    ),
    (
        "structure.next_step",
        "apology",
        f"Ci dispiace per il ritardo. Contiamo di chiudere tutte le pratiche entro venerdì. {IT}",
    ),
    (
        "structure.next_step",
        "apology",
        f"Sorry your order is late. We aim to clear the remaining orders by Friday. {EN}",
    ),
    (
        "structure.next_step",
        "apology",
        f"Sorry the invoice was wrong. A corrected invoice can be requested from your account "
        f"page. {EN}",
    ),
    (
        "structure.next_step",
        "apology",
        f"Ci dispiace per la fattura sbagliata. Una nuova fattura può essere richiesta dal tuo "
        f"profilo. {IT}",
    ),
]


@pytest.mark.parametrize(("move", "kind", "text"), MOVES_MADE)
def test_good_replies_make_their_moves_in_other_words(
    check, move: str, kind: str, text: str
) -> None:
    assert move not in failed(check(text, kind=kind))


MOVES_NOT_MADE: list[tuple[str, str, str]] = [
    # No time for the next update, or an update that opens the reply instead of announcing one.
    (
        "structure.next_update",
        "holding_statement",
        f"Sorry, the app is down. We'll update you when we can. {EN}",
    ),
    (
        "structure.next_update",
        "holding_statement",
        f"Sorry, the app is down. More news as soon as we have it. {EN}",
    ),
    (
        "structure.next_update",
        "holding_statement",
        f"Ci dispiace, l'app è ferma. Vi aggiorneremo appena possibile. {IT}",
    ),
    (
        "structure.next_update",
        "status_update",
        f"Ti aggiorno: il rimborso è partito alle 9:00. {IT}",
    ),
    # Working on it is no resolution; a resolution promised for later is not one yet.
    (
        "structure.state_resolution",
        "resolution_update",
        f"We're working on it and hope to have it fixed soon. Sorry, and thanks. {EN}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"It will be sorted by tonight. Sorry, and thanks. {EN}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"Ci stiamo lavorando, non è ancora sistemato. Ci scusiamo e grazie. {IT}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"Sarà sistemato entro stasera. Ci scusiamo e grazie. {IT}",
    ),
    # A hope is not a status; a bare apology acknowledges nothing.
    (
        "structure.state_status",
        "status_update",
        f"We hope to have news for you soon. Next update at 18:00. {EN}",
    ),
    (
        "structure.state_status",
        "status_update",
        f"Speriamo di avere presto notizie. Prossimo aggiornamento alle 18. {IT}",
    ),
    ("structure.acknowledge", "apology", f"We're sorry. Please DM us and we'll check. {EN}"),
    ("structure.acknowledge", "apology", f"Ci scusiamo. Scrivici in DM e controlliamo. {IT}"),
]


@pytest.mark.parametrize(("move", "kind", "text"), MOVES_NOT_MADE)
def test_a_move_not_really_made_still_fails(check, move: str, kind: str, text: str) -> None:
    assert move in failed(check(text, kind=kind))


# --- misses: each class in other words, and close wording that must stay clean ----------------

CAUGHT: list[tuple[str, str, dict[str, Any]]] = [
    # Mock amazement at a small wait; calling the customer a liar; a legal threat "forced" on us.
    (
        "tone.sarcasm",
        f"Gosh, all of ten minutes on hold. We'll survive somehow. {EN}",
        {"kind": "reply"},
    ),
    ("tone.sarcasm", f"A late parcel, truly the end of the world. {EN}", {"kind": "reply"}),
    (
        "tone.sarcasm",
        f"Addirittura tre giorni di attesa! Una tragedia, davvero. {IT}",
        {"kind": "reply"},
    ),
    ("tone.sarcasm", f"Un reso in ritardo: proprio la fine del mondo. {IT}", {"kind": "reply"}),
    ("tone.hostility", f"You know full well that isn't what happened. {EN}", {"kind": "reply"}),
    ("tone.hostility", f"Quit posting lies about our refunds. {EN}", {"kind": "reply"}),
    ("tone.hostility", f"E lo sa benissimo anche lei. {IT}", {"kind": "reply"}),
    (
        "tone.hostility",
        f"La smetta di diffondere falsità sul nostro conto. {IT}",
        {"kind": "reply"},
    ),
    (
        "tone.escalating",
        f"We may be forced to take legal action if these posts continue. {EN}",
        {"kind": "reply"},
    ),
    (
        "tone.escalating",
        f"Se continui a scrivere queste cose sulla nostra pagina, saremo costretti a denunciarti. "
        f"{IT}",
        {"kind": "reply"},
    ),
    # An authority's decision promised, in any form.
    (
        "forbidden.legal_promise",
        f"No watchdog is going to fine us over this. {EN}",
        {"kind": "reply"},
    ),
    (
        "forbidden.legal_promise",
        f"Trading standards can't touch us on this one. {EN}",
        {"kind": "reply"},
    ),
    (
        "forbidden.legal_promise",
        f"There are no regulatory consequences for you. {EN}",
        {"kind": "reply"},
    ),
    (
        "forbidden.legal_promise",
        f"Il Garante non potrà multarci per questo. {IT}",
        {"kind": "reply"},
    ),
    (
        "forbidden.legal_promise",
        f"Non ci sarà alcuna ripercussione legale per te. {IT}",
        {"kind": "reply"},
    ),
    # How to pay or borrow while waiting.
    (
        "forbidden.financial_advice",
        f"Until the refund lands, you could use your overdraft. {EN}",
        {"kind": "reply"},
    ),
    (
        "forbidden.financial_advice",
        f"Maybe stick your shopping on a credit card for now. {EN}",
        {"kind": "reply"},
    ),
    (
        "forbidden.financial_advice",
        f"Intanto usa lo scoperto, poi si sistema tutto. {IT}",
        {"kind": "reply"},
    ),
    (
        "forbidden.financial_advice",
        f"Mettili sulla carta di credito e paga solo la rata minima. {IT}",
        {"kind": "reply"},
    ),
    # What the customer sent us came without what it needed.
    (
        "forbidden.blame",
        f"Sorry for the wait. Your return reached us with no proof of purchase inside. {EN}",
        {},
    ),
    ("forbidden.blame", f"Ci dispiace. Il tuo reso ci è arrivato senza lo scontrino. {IT}", {}),
    # A discount code is a discount, whatever it is called.
    (
        "compensation.kind_not_allowed",
        f"Thanks for waiting. We'll e-mail you a discount code for next time. {EN}",
        {"kind": "dm_followup", "channel": "chat"},
    ),
    (
        "compensation.kind_not_allowed",
        f"Grazie per l'attesa. Ti mandiamo un codice di sconto via e-mail. {IT}",
        {"kind": "dm_followup", "channel": "chat"},
    ),
]


@pytest.mark.parametrize(("check_id", "text", "context"), CAUGHT)
def test_each_holdout8_class_is_caught_in_other_words(
    check, check_id: str, text: str, context: dict[str, Any]
) -> None:
    assert check_id in findings(check, text, context)


NEAR_MISSES: list[tuple[str, str, dict[str, Any]]] = [
    ("tone.sarcasm", f"You've waited a whole week, and that isn't OK. We're sorry. {EN}", {}),
    (
        "tone.sarcasm",
        f"Thank you for your kind words about our delivery team. {EN}",
        {"kind": "reply", "channel": "reviews"},
    ),
    ("tone.sarcasm", f"Hai aspettato due settimane intere e ci dispiace. {IT}", {}),
    (
        "tone.hostility",
        f"As you know, refunds take up to five working days. {EN}",
        {"kind": "reply"},
    ),
    ("tone.hostility", f"Our no-nonsense guarantee covers it: DM us. {EN}", {"kind": "reply"}),
    ("tone.hostility", f"Come sai, i resi sono gratuiti entro 30 giorni. {IT}", {"kind": "reply"}),
    (
        "tone.escalating",
        f"We're forced to close the Leeds store early today because of the storm. {EN}",
        {"kind": "reply"},
    ),
    (
        "tone.escalating",
        f"Siamo costretti a chiudere il negozio prima per lo sciopero. {IT}",
        {"kind": "reply"},
    ),
    (
        "forbidden.legal_promise",
        f"We can't say whether the regulator will take action. {EN}",
        {"kind": "reply"},
    ),
    (
        "forbidden.legal_promise",
        f"Non sappiamo se il Garante potrà intervenire. {IT}",
        {"kind": "reply"},
    ),
    (
        "forbidden.financial_advice",
        f"You can pay by credit card or PayPal at checkout. {EN}",
        {"kind": "reply"},
    ),
    (
        "forbidden.financial_advice",
        f"Puoi pagare con la carta di credito o con PayPal. {IT}",
        {"kind": "reply"},
    ),
    ("forbidden.blame", f"Sorry, your parcel arrived without the charger. DM us. {EN}", {}),
    (
        "forbidden.blame",
        f"Ci dispiace, il tuo ordine è arrivato senza il caricatore. Scrivici in DM. {IT}",
        {},
    ),
    # Our own update named as a possible cause is speculation, not blame on someone else.
    ("forbidden.blame", f"Ci dispiace, forse è colpa di un nostro aggiornamento. {IT}", {}),
    (
        "compensation.kind_not_allowed",
        f"Thanks for waiting. We've added a voucher to your account. {EN}",
        {"kind": "dm_followup", "channel": "chat"},
    ),
    # An amount that is a price or a charge, not an offer.
    (
        "compensation.public_amount",
        f"You're right and we're sorry: the extra 45 EUR you paid is being refunded. {EN}",
        {},
    ),
    (
        "compensation.public_amount",
        f"Hai ragione: il prezzo di 120 euro era sbagliato, ci dispiace. Ti rimborsiamo. {IT}",
        {},
    ),
]


@pytest.mark.parametrize(("check_id", "text", "context"), NEAR_MISSES)
def test_holdout8_near_misses_stay_clean(
    check, check_id: str, text: str, context: dict[str, Any]
) -> None:
    assert check_id not in findings(check, text, context)


def test_blame_said_with_colpa_of_a_third_party_is_still_blame(check) -> None:
    assert "forbidden.blame" in failed(check(f"Ci dispiace, è colpa del corriere. {IT}"))


def test_a_goodwill_amount_in_public_is_still_caught(check) -> None:
    got = failed(check(f"Sorry. We'll add a 15 EUR voucher to your account. {EN}"))
    assert "compensation.public_amount" in got


# --- grounding --------------------------------------------------------------------------------

STRIKE = ["A courier strike on 2 and 3 December 2026 delays deliveries by up to two days."]


@pytest.mark.parametrize(
    "text",
    [
        f"Our site has been slow since 9:00 following a fire at our hosting provider. Sorry. {EN}",
        f"Il sito è lento dalle 9 dopo un guasto al nostro data center. Ci dispiace. {IT}",
        f"The warehouse moved to a new system last week, which is why orders are late. {EN}",
        f"Abbiamo cambiato magazzino la settimana scorsa, ed è per questo che gli ordini "
        f"sono in ritardo. {IT}",
        f"Sorry for the wait: the driver didn't scan your parcel at the depot. {EN}",
        f"Ci dispiace per l'attesa: il vettore non è passato a ritirare il pacco. {IT}",
    ],
)
def test_causes_said_as_an_event_a_reason_or_a_partners_failure_are_checked(
    check, text: str
) -> None:
    assert "grounding.cause" in failed(check(text, kind="reply", facts=STRIKE))


def test_a_cause_in_the_facts_is_grounded_even_with_its_verb(check) -> None:
    facts = ["A bug in our booking page double-booked some delivery slots on 1 December 2026."]
    text = f"A bug in our booking page caused it, and we're sorry. DM us. {EN}"
    assert "grounding.cause" not in failed(check(text, kind="reply", facts=facts))


def test_naming_the_problem_itself_after_after_is_no_cause(check) -> None:
    facts = ["Orders for the Selva sofa placed on 23 November 2026 at 49 EUR were cancelled."]
    text = f"We're sorry we cancelled your order after the pricing mistake. DM us. {EN}"
    assert "grounding.cause" not in failed(check(text, kind="reply", facts=facts))


def test_a_gift_in_a_product_name_confirms_no_gift(check) -> None:
    facts = ["Gift boxes ordered before 1 December 2026 ship two days late."]
    text = f"Thanks for waiting. We'll add a free gift to your next order. {EN}"
    assert "grounding.promise" in failed(
        check(text, kind="dm_followup", channel="chat", facts=facts)
    )
    confirmed = ["Every customer with a late gift box receives a free gift with the next order."]
    got = failed(check(text, kind="dm_followup", channel="chat", facts=confirmed))
    assert "grounding.promise" not in got


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Dal 3 dicembre alcuni clienti ricevono i pacchi in ritardo.", []),
        ("From 4 December some customers may see delays.", []),
        ("On 4 Dec. 40 customers were charged twice.", ["40"]),
        ("Il 2 e 3 dicembre 25 ordini sono partiti in ritardo.", ["25"]),
    ],
)
def test_a_day_before_a_month_is_a_date_not_a_count(text: str, found: list[str]) -> None:
    assert [k for c in counts(text) for k in sorted(c.keys)] == found


# --- personal data and sign-off ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("post", "reply"),
    [
        (
            "The driver, Mark Olsen, threw my parcel over the fence.",
            f"We're sorry. We've spoken to Mark Olsen about it. DM us. {EN}",
        ),
        (
            "L'addetta alla cassa, Sara Neri, mi ha trattato malissimo.",
            f"Ci dispiace, abbiamo parlato con Sara Neri. Scrivici in DM. {IT}",
        ),
    ],
)
def test_a_staff_name_the_customer_gave_is_not_repeated(check, post: str, reply: str) -> None:
    assert "personal_data.name" in failed(check(reply, kind="reply", post_text=post))


def test_a_product_name_from_the_post_is_no_personal_name(check) -> None:
    post = "The Nido Armchair arrived with a torn cushion."
    reply = f"We're sorry the Nido Armchair arrived torn. DM us. {EN}"
    assert "personal_data.name" not in failed(check(reply, kind="reply", post_text=post))


def test_a_mixed_draft_may_be_signed_in_the_language_it_opens_with(check) -> None:
    text = (
        "Ecco cosa dice l'avviso: Stop using the kettle and unplug it now, the lid may "
        f"come off while pouring. {IT}"
    )
    assert "voice.sign_off" not in failed(check(text, kind="reply"))


def test_an_english_draft_signed_in_italian_still_fails(check) -> None:
    text = f"Please stop using the kettle and unplug it now, the lid may come off. {IT}"
    assert "voice.sign_off" in failed(check(text, kind="reply"))


# --- speed ------------------------------------------------------------------------------------


def test_a_list_with_one_pattern_not_on_a_word_keeps_the_word_start_lead_for_the_rest() -> None:
    """combine() leads the patterns that start where a word starts with ``\\b(?=\\w)`` even when
    another pattern of the list (``!{2,}``, an emoji class) cannot have it; matches are the
    same (test_mistake_classes_holdout7 compares every lexicon list on every labelled draft)."""
    from drafting.checks.lexicon import combine

    rx = combine([r"\bsorry\b", r"!{2,}", r"\bwhatever\b"])
    assert rx is not None
    assert rx.pattern.startswith("\\b(?=\\w)")
    assert [m.group(0) for m in rx.finditer("Sorry!! whatever")] == ["Sorry", "!!", "whatever"]


# --- the same classes, in still other words ------------------------------------------------------

MORE_MOVES: list[tuple[str, str, str, str]] = [
    ("structure.next_update", "holding_statement", "en", "Another update follows at noon."),
    ("structure.next_update", "holding_statement", "en", "Our next post will be at 11:00."),
    ("structure.next_update", "holding_statement", "en", "You'll hear from us again before 18:00."),
    ("structure.next_update", "holding_statement", "en", "We'll have more for you by 6pm."),
    ("structure.next_update", "holding_statement", "en", "Updates every hour here."),
    ("structure.next_update", "holding_statement", "it", "Ti faremo sapere entro domani."),
    ("structure.next_update", "holding_statement", "it", "Seguiranno aggiornamenti alle 15."),
    ("structure.next_update", "holding_statement", "it", "Nuovo aggiornamento qui tra due ore."),
    (
        "structure.next_update",
        "holding_statement",
        "it",
        "Ne sapremo di più entro le 17 e ve lo diremo.",
    ),
    ("structure.state_status", "status_update", "en", "The outage continues."),
    ("structure.state_status", "status_update", "en", "The backlog is shrinking: 300 orders left."),
    ("structure.state_status", "status_update", "en", "Orders placed today will ship on Monday."),
    ("structure.state_status", "status_update", "it", "Il disservizio continua."),
    ("structure.state_status", "status_update", "it", "Gli ordini di oggi partiranno lunedì."),
    ("structure.state_status", "status_update", "it", "I pagamenti funzionano di nuovo per tutti."),
    ("structure.state_resolution", "resolution_update", "en", "All refunds have now been paid."),
    ("structure.state_resolution", "resolution_update", "en", "You can order again as normal."),
    (
        "structure.state_resolution",
        "resolution_update",
        "it",
        "I pagamenti vanno di nuovo a buon fine.",
    ),
    ("structure.state_resolution", "resolution_update", "it", "Abbiamo sistemato il bug."),
    (
        "structure.state_resolution",
        "resolution_update",
        "it",
        "Tutti i rimborsi sono stati pagati.",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        "it",
        "Puoi di nuovo ordinare normalmente.",
    ),
    ("structure.acknowledge", "apology", "en", "We messed up your order, sorry."),
    ("structure.acknowledge", "apology", "it", "Il rimborso doveva arrivarti lunedì, scusaci."),
    ("structure.next_step", "apology", "en", "Sorry it's late. We're chasing the courier now."),
    (
        "structure.next_step",
        "apology",
        "en",
        "Sorry it's late. Your parcel will be with you by Friday.",
    ),
    ("structure.next_step", "apology", "it", "Ci dispiace. Stiamo sollecitando il corriere."),
    ("structure.next_step", "apology", "it", "Ci dispiace. Ho chiesto al magazzino di rispedirlo."),
]

MORE_NOT_MADE: list[tuple[str, str, str, str]] = [
    ("structure.next_update", "holding_statement", "en", "We'll be in touch again shortly."),
    ("structure.next_update", "holding_statement", "it", "Ti faremo sapere presto."),
    ("structure.state_resolution", "resolution_update", "en", "We hope it'll be fixed by tonight."),
    ("structure.state_resolution", "resolution_update", "en", "The bug hasn't been fixed yet."),
    (
        "structure.state_resolution",
        "resolution_update",
        "it",
        "Non abbiamo ancora sistemato il bug.",
    ),
    ("structure.state_resolution", "resolution_update", "it", "Il problema non è ancora risolto."),
    ("structure.state_status", "status_update", "it", "Grazie per la pazienza."),
]


@pytest.mark.parametrize(("move", "kind", "language", "text"), MORE_MOVES)
def test_more_ways_of_making_a_move(check, move: str, kind: str, language: str, text: str) -> None:
    draft = f"{text} {IT if language == 'it' else EN}"
    assert move not in failed(check(draft, kind=kind, language=language))


@pytest.mark.parametrize(("move", "kind", "language", "text"), MORE_NOT_MADE)
def test_more_moves_not_really_made(check, move: str, kind: str, language: str, text: str) -> None:
    draft = f"{text} {IT if language == 'it' else EN}"
    assert move in failed(check(draft, kind=kind, language=language))
