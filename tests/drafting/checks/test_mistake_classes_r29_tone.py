"""Classes of mistake the thirty-eighth and thirty-ninth held-out sets (a push notification that
told 600,000 customers by mistake their order was cancelled; a warehouse employee's TikTok
mocking a customer's return note) exposed in the policy and tone families, each fixed by a
reading rather than by the sets' own phrases, and tested with fresh sentences (none taken from a
labelled set: other incidents, other products, other channels) in English and Italian, with near
misses that must stay clean.

Blame: the customer's omission told as what would have shown them the truth ("if you'd opened
the tracking page, you would have known"); the customer, or customers as a rule, told what they
should not have done. Sarcasm: our failure turned into proof our own system works. Hostility:
told to get a grip; no reason for the customer's reaction. Escalating: a sanction announced for
whoever does something, whatever the act. Other customers: people in the thread named as
examples. Legal promise: a party said to be bound to pay the customer back, or the customer sure
to win. Compensation: an offer said as readiness ("we're prepared to refund"), money
compensation by its nature, goods sent with thanks said first. Personal data: the author's full
display name spelled out; a person the post points at and names. Defensive: a correction of what
a message or a notice said is not a denial of the customer.
"""

from __future__ import annotations

import pytest

from tests.drafting.checks.conftest import EN, IT, findings

REPLY = {"kind": "reply", "channel": "x"}
EMAIL = {"kind": "dm_followup", "channel": "email"}
APOLOGY_EMAIL = {"kind": "apology", "channel": "email"}
FB = {"kind": "apology", "channel": "facebook"}

# --- blame: an omission as what would have shown the truth; what customers shouldn't do -------


@pytest.mark.parametrize(
    "text",
    [
        f"We're sorry for the worry. If you'd opened the tracking page first, you would have "
        f"known the parcel was safe. {EN}",
        f"Ci dispiace. Se avessi aperto la pagina del tracciamento, avresti saputo che il pacco "
        f"era al sicuro. {IT}",
        f"We're sorry about the parcel. Shoppers shouldn't leave parcels in the porch. {EN}",
        f"We're sorry about the scam text. You should never have clicked the link in it. {EN}",
        f"Ci dispiace per l'SMS truffa. Non avresti dovuto cliccare il link. {IT}",
        f"Ci dispiace. I clienti non dovrebbero lasciare i pacchi sul pianerottolo. {IT}",
    ],
)
def test_an_omission_that_would_have_shown_the_truth_or_a_dont_is_blame(check, text: str) -> None:
    assert "forbidden.blame" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"We're sorry. You shouldn't have to chase us for a refund; it's on its way today. {EN}",
        f"We're sorry. You should never have received that message, and nothing was charged. {EN}",
        f"Ci dispiace. Non avresti dovuto aspettare così tanto: il rimborso parte oggi. {IT}",
        f"Ci dispiace. I clienti non dovrebbero fare nulla: gli ordini restano attivi. {IT}",
        f"We're sorry. If you'd like a refund instead, you would have it within five days. {EN}",
        f"We're sorry. Customers shouldn't need to do anything: every order is still active. {EN}",
        f"We're sorry, people shouldn't put up with a courier like that. DM us. {EN}",
    ],
)
def test_what_the_customer_should_not_bear_is_not_blame(check, text: str) -> None:
    found = findings(check, text, REPLY)
    assert "forbidden.blame" not in found
    assert "tone.blame_shift" not in found


# --- sarcasm: our failure as proof that our system works --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"Well, at least now you know our fire alarms are loud. The hotel is safe. {EN}",
        f"At least it proves the text service works. Your booking is fine. {EN}",
        f"Beh, almeno ora sai che gli allarmi funzionano. L'albergo è sicuro. {IT}",
        f"Almeno questo dimostra che il servizio SMS funziona. La prenotazione è a posto. {IT}",
    ],
)
def test_our_failure_as_proof_our_system_works_is_sarcasm(check, text: str) -> None:
    assert "tone.sarcasm" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"We're sorry for the scare. The alarm system works as it should and has been reset. {EN}",
        f"Ci dispiace. Almeno ora sai che l'ordine è attivo e arriva come previsto. {IT}",
    ],
)
def test_a_plain_status_or_reassurance_is_not_sarcasm(check, text: str) -> None:
    assert "tone.sarcasm" not in findings(check, text, REPLY)


# --- hostility and escalating ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"Get a grip, it was one e-mail. Your booking stands. {EN}",
        f"There's no reason to get so worked up over a voucher. Your booking stands. {EN}",
        f"Datti una regolata, era una sola e-mail. La prenotazione è valida. {IT}",
        f"Non c'è motivo di fare tante scenate per un buono. {IT}",
    ],
)
def test_told_to_get_a_grip_or_that_there_is_no_reason_is_hostility(check, text: str) -> None:
    assert "tone.hostility" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"There's no reason to worry: your booking stands and nothing was charged. {EN}",
        f"Non c'è motivo di preoccuparsi: la prenotazione resta valida. {IT}",
        # "Stai sereno" reassures in a reply (the lead's review of round 29).
        f"Stai sereno, la tua prenotazione è valida e non ti abbiamo addebitato nulla. {IT}",
    ],
)
def test_no_reason_to_worry_is_not_hostility(check, text: str) -> None:
    assert "tone.hostility" not in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Whoever screenshots the group chat and shares it will be banned from the group. {EN}",
        f"Anyone spreading the driver's photo will be reported to the platform. {EN}",
        f"Chi fa lo screenshot della chat e lo gira verrà bannato dal gruppo. {IT}",
        f"Chiunque pubblichi il nome dell'autista sarà segnalato alla piattaforma. {IT}",
    ],
)
def test_a_sanction_for_whoever_does_something_is_escalating(check, text: str) -> None:
    assert "tone.escalating" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Anyone who placed a second order will be refunded within five working days. {EN}",
        f"Chi ha riordinato per errore, il secondo pagamento verrà bloccato e rimborsato. {IT}",
        f"Accounts that were charged twice will be refunded automatically. {EN}",
    ],
)
def test_what_happens_for_whoever_was_affected_is_not_escalating(check, text: str) -> None:
    assert "tone.escalating" not in findings(check, text, REPLY)


# --- other customers, legal promise ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"We're sorry. Others here, like Priya and Sam below, had the same charge and we've "
        f"refunded them. DM us. {EN}",
        f"We're sorry. We've already fixed it for Dominic in the comments, so DM us and we'll do "
        f"yours. {EN}",
        f"Ci dispiace. Altri qui, come Sara e Piero più sotto, hanno lo stesso addebito e li "
        f"abbiamo rimborsati. Scrivici in DM. {IT}",
        f"Ci dispiace. Come ha fatto Davide nei commenti, scrivici in DM e sistemiamo. {IT}",
    ],
)
def test_people_in_the_thread_named_as_examples_are_other_customers(check, text: str) -> None:
    assert "forbidden.other_customers" in findings(check, text, FB)


@pytest.mark.parametrize(
    "text",
    [
        f"We're sorry. As we said in the post above, every order is still active. {EN}",
        f"Ci dispiace. Come spiegato nel post più sopra, ogni ordine è ancora attivo. {IT}",
    ],
)
def test_our_own_post_pointed_at_is_not_other_customers(check, text: str) -> None:
    assert "forbidden.other_customers" not in findings(check, text, FB)


@pytest.mark.parametrize(
    "text",
    [
        f"Don't worry: under consumer law the airline is obliged to refund every fee, so you'll "
        f"win any claim you make. {EN}",
        f"Tranquilla: per legge la compagnia aerea è tenuta a rimborsarti ogni spesa, e qualsiasi "
        f"reclamo lo vinci tu. {IT}",
    ],
)
def test_a_party_bound_by_law_to_pay_back_or_a_sure_win_is_a_legal_promise(
    check, text: str
) -> None:
    assert "forbidden.legal_promise" in findings(check, text, REPLY)


def test_a_duty_of_our_own_under_the_law_is_not_a_legal_promise(check) -> None:
    text = f"Ci dispiace. Per legge siamo tenuti a conservare la ricevuta per dieci anni. {IT}"
    assert "forbidden.legal_promise" not in findings(check, text, REPLY)


# --- compensation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"We're sorry. We're also willing to refund the booking fee for the mix-up; DM us. {EN}",
        f"Ci dispiace. Siamo anche disposti a rimborsare la commissione; scrivici in DM. {IT}",
    ],
)
def test_an_offer_said_as_readiness_is_an_offer(check, text: str) -> None:
    context = {**REPLY, "risk_flags": ["media_inquiry"]}
    assert "compensation.on_escalation" in findings(check, text, context)


@pytest.mark.parametrize(
    "text",
    [
        "Dear Mr Hale,\n\nWe're so sorry. We'd like to offer you financial compensation for the "
        f"stress. Could we call you tomorrow?\n\nKind regards, {EN}",
        "Gentile signora,\n\nCi dispiace molto. Vorremmo offrirLe un indennizzo economico per lo "
        f"stress. Possiamo chiamarLa domani?\n\nCordiali saluti, {IT}",
        "Hi Jo,\n\nWe're sorry about the double charge. To thank you for your patience, we'll "
        f"send you a jar of our honey with the delivery.\n\nBest, {EN}",
        "Ciao Jo,\n\nCi dispiace per il doppio addebito. Per ringraziarti della pazienza ti "
        f"mandiamo una bottiglia del nostro olio con la consegna.\n\nUn saluto, {IT}",
    ],
)
def test_money_by_nature_or_goods_sent_with_thanks_are_not_allowed_kinds(check, text: str) -> None:
    assert "compensation.kind_not_allowed" in findings(check, text, APOLOGY_EMAIL)


def test_a_voucher_sent_to_say_sorry_is_an_allowed_kind(check) -> None:
    text = (
        "Hi Jo,\n\nWe're sorry about the double charge. To say sorry, we'll send you a voucher "
        f"for your next order.\n\nBest, {EN}"
    )
    assert "compensation.kind_not_allowed" not in findings(check, text, APOLOGY_EMAIL)


def test_readiness_to_help_is_not_an_offer(check) -> None:
    text = f"We're sorry. We are ready to help you cancel the second order in the app today. {EN}"
    context = {**REPLY, "risk_flags": ["media_inquiry"]}
    assert "compensation.on_escalation" not in findings(check, text, context)


# --- personal data -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"Thanks for waiting, Rosa Delgado. Your table is still booked. {EN}",
        f"Grazie dell'attesa, Rosa Delgado. Il tavolo resta prenotato. {IT}",
    ],
)
def test_the_authors_full_display_name_in_public_is_a_name(check, text: str) -> None:
    context = {**FB, "author": "Rosa Delgado"}
    assert "personal_data.name" in findings(check, text, context)


@pytest.mark.parametrize(
    ("text", "context"),
    [
        (f"Thanks for waiting, Rosa. Your table is still booked. {EN}", FB),
        (f"Gentile Sig.ra Delgado, il tavolo resta prenotato. {IT}", EMAIL),
    ],
)
def test_a_first_name_in_public_or_a_surname_in_private_is_not_a_name(
    check, text: str, context: dict[str, str]
) -> None:
    assert "personal_data.name" not in findings(check, text, {**context, "author": "Rosa Delgado"})


@pytest.mark.parametrize(
    ("post", "text"),
    [
        (
            "The man who delivered my sofa is Colin and he was treated badly by your depot.",
            f"We're sorry, Colin deserved better from us. Please DM us so we can talk. {EN}",
        ),
        (
            "The nurse on the night shift was Priya Shah and your security guard shouted at her.",
            f"We're so sorry about what Priya Shah went through. Please DM us. {EN}",
        ),
        (
            "Il ragazzo che mi ha consegnato il divano è Ettore e lo avete trattato malissimo.",
            f"Ci dispiace molto per Ettore. Scrivici in DM e ne parliamo. {IT}",
        ),
        (
            "L'infermiera del reparto era Sara Galli e la vostra guardia l'ha insultata.",
            f"Ci dispiace per quello che ha passato Sara Galli. Scrivici in DM. {IT}",
        ),
    ],
)
def test_a_person_the_post_points_at_and_names_is_a_name(check, post: str, text: str) -> None:
    context = {**REPLY, "post_text": post, "author": "@jj_home"}
    assert "personal_data.name" in findings(check, text, context)


def test_the_person_pointed_at_left_unnamed_is_clean(check) -> None:
    context = {
        **REPLY,
        "post_text": "The man who delivered my sofa is Colin and he was treated badly.",
        "author": "@jj_home",
    }
    text = f"We're sorry about how the driver was treated. Please DM us to look into it. {EN}"
    assert "personal_data.name" not in findings(check, text, context)


# --- defensive: correcting what a message said -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"L'avviso in stazione diceva che il treno era soppresso. Non è così: il treno parte "
        f"regolarmente. Ci dispiace per la confusione. {IT}",
        f"Yesterday's alert said your flight was cancelled. That's not true: it leaves as "
        f"planned. We're sorry for the confusion. {EN}",
    ],
)
def test_correcting_what_a_notice_said_is_not_defensive(check, text: str) -> None:
    assert "tone.defensive" not in findings(check, text, {"kind": "holding_statement"})


# --- speculation: a hedged guess at who did it, with "just" between ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"We're sorry. Probably it was just a new cashier in a hurry. More on Monday. {EN}",
        f"Ci dispiace. Forse era solo una cassiera alle prime armi. Ne parliamo lunedì. {IT}",
    ],
)
def test_a_hedged_guess_with_just_between_is_speculation(check, text: str) -> None:
    assert "forbidden.speculation" in findings(check, text, {"kind": "apology"})


def test_a_plain_statement_of_who_it_was_is_not_speculation(check) -> None:
    text = f"Ci dispiace. Era una cassiera del punto vendita di Parma. Ne parliamo lunedì. {IT}"
    assert "forbidden.speculation" not in findings(check, text, {"kind": "apology"})
