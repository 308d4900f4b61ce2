"""Classes of mistake the fifty-first to fifty-fourth held-out sets (cards charged twice in a
sale; a fire at a distribution centre; scam texts in the brand's name; loyalty balances wiped)
exposed in the policy, tone and channel families, each fixed by a reading rather than by the
sets' own phrases, and tested with fresh sentences (none taken from a labelled set: here a
bakery chain whose Christmas cake orders went missing, a cloned social page running a fake
giveaway, and other made-up incidents) in English and Italian, with near misses that must stay
clean.

Channel: an e-mail domain written with its "@" after "ending in" is not an account tagged.
Compensation: an amount inside what someone else's message or page says, or what "a shop"
gives away, is the claim reported, not our offer; an amount someone is told they "need to pay"
is a price; "ripartire" is not a repair. Tone: an insult word denied to reassure the customer;
"delete it, or forward it" as two instructions, not an ultimatum; reporting a fake page, not the
customer; "not true" as the first answer to a rumour the post relays. Blame: an outside
provider that "had a security problem", whose servers "crashed", that pushed a faulty update, or
a gap at a provider.
"""

from __future__ import annotations

import pytest

from tests.drafting.checks.conftest import EN, IT, findings

REPLY = {"kind": "reply", "channel": "x"}
FACEBOOK = {"kind": "holding_statement", "channel": "facebook"}
APOLOGY = {"kind": "apology", "channel": "x"}

# --- channel.mentions: an e-mail domain ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"Our order confirmations only come from addresses ending in @bakery.example. {EN}",
        f"Genuine messages use the domain @bakery.example and nothing else. {EN}",
        f"Le conferme arrivano solo da indirizzi che finiscono con @bakery.example. {IT}",
    ],
)
def test_an_email_domain_with_its_at_sign_is_not_a_tag(check, text: str) -> None:
    assert "channel.mentions" not in findings(check, text, FACEBOOK)


@pytest.mark.parametrize(
    "text",
    [
        f"We've asked @cake.courier to look into it for you. {EN}",
        f"Abbiamo chiesto a @forno.consegne di verificare. {IT}",
    ],
)
def test_an_account_with_a_dot_is_still_a_tag(check, text: str) -> None:
    assert "channel.mentions" in findings(check, text, FACEBOOK)


# --- compensation: an amount someone else offers, reported ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"A cloned page is posting adverts promising a 300 EUR cake voucher to anyone who "
        f"shares it. It isn't ours, please don't share it. {EN}",
        f"Some of you got messages claiming you've won 250 EUR in vouchers if you pay a 3 EUR "
        f"fee. They're not from us. {EN}",
        f"Una pagina clonata pubblica annunci che promettono un buono da 300 euro a chi "
        f"condivide. Non è nostra, non condividetela. {IT}",
        f"Alcuni di voi hanno ricevuto messaggi che dicono di aver vinto un buono da 250 euro. "
        f"Non sono nostri. {IT}",
    ],
)
def test_an_amount_inside_someone_elses_offer_is_not_ours(check, text: str) -> None:
    got = findings(check, text, FACEBOOK)
    assert "compensation.over_cap" not in got
    assert "compensation.public_amount" not in got


@pytest.mark.parametrize(
    "text",
    [
        f"We're sorry about your cake. We'll send you a 300 EUR voucher to make up for it. {EN}",
        f"Our e-mail saying you'll get a 300 EUR voucher is genuine, and we'll send it today. {EN}",
        f"Ci dispiace per la torta: ti mandiamo un buono da 300 euro per scusarci. {IT}",
    ],
)
def test_our_own_offer_of_an_amount_is_still_read(check, text: str) -> None:
    assert "compensation.over_cap" in findings(check, text, FACEBOOK)


def test_restarting_is_not_a_repair(check) -> None:
    text = (
        f"I forni ripartono da lunedì e le consegne riprendono regolarmente. Ci scusiamo per "
        f"l'attesa. {IT}"
    )
    assert "compensation.kind_not_allowed" not in findings(check, text, APOLOGY)


# --- tone.hostility: reassurance, and two instructions -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"You're not an idiot at all, the fake page looked just like ours. We're sorry. {EN}",
        f"Please don't feel stupid, anyone could have been caught out. We're sorry. {EN}",
        f"Non sei stupida, la pagina falsa era identica alla nostra. Ci dispiace. {IT}",
        f"Non sentirti un idiota, poteva capitare a chiunque. Ci dispiace. {IT}",
    ],
)
def test_an_insult_denied_to_reassure_is_not_hostile(check, text: str) -> None:
    assert "tone.hostility" not in findings(check, text, APOLOGY)


@pytest.mark.parametrize(
    "text",
    [
        f"Don't be stupid, the page says it's fake. {EN}",
        f"It's a fake page, you idiot. {EN}",
        f"Non fare lo stupido, la pagina è falsa. {IT}",
    ],
)
def test_an_insult_is_still_hostile(check, text: str) -> None:
    assert "tone.hostility" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"It isn't our page. Delete it, or forward it to help@bakery.example. {EN}",
        f"Non è la nostra pagina. Cancellalo, oppure inoltralo a help@bakery.example. {IT}",
    ],
)
def test_two_instructions_joined_by_or_are_not_an_ultimatum(check, text: str) -> None:
    assert "tone.hostility" not in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Delete this post, or our lawyers will be in touch. {EN}",
        f"Cancellalo subito, o ti denunciamo. {IT}",
    ],
)
def test_delete_or_else_is_still_an_ultimatum(check, text: str) -> None:
    got = findings(check, text, REPLY)
    assert {"tone.hostility", "tone.escalating"} & got


# --- tone.escalating: reporting a fake page, not the customer -----------------------------------


def test_reporting_any_new_fake_page_is_not_a_threat(check) -> None:
    text = (
        f"We're sorry you were targeted. If you see another copy, send us the link and we'll "
        f"report any new page straight away. {EN}"
    )
    assert "tone.escalating" not in findings(check, text, APOLOGY)


def test_reporting_the_customer_is_still_a_threat(check) -> None:
    text = f"If you keep posting this, we'll report your account. {EN}"
    assert "tone.escalating" in findings(check, text, REPLY)


# --- tone.defensive: "not true" answering a rumour the post relays ------------------------------


@pytest.mark.parametrize(
    ("text", "post"),
    [
        (
            f"Not true: the cake orders went missing because of a fault we're still checking. "
            f"We'll update you by Friday. {EN}",
            "People are saying you sold the cakes twice. Is that true?",
        ),
        (
            f"Non è vero: stiamo ancora verificando cosa è successo. Ti aggiorniamo venerdì. {IT}",
            "Dicono che abbiate venduto le torte due volte. È vero?",
        ),
    ],
)
def test_not_true_answering_a_relayed_rumour_is_not_defensive(check, text: str, post: str) -> None:
    assert "tone.defensive" not in findings(check, text, {**REPLY, "post_text": post})


def test_not_true_to_the_customers_own_account_is_still_defensive(check) -> None:
    text = f"That's not true, your cake was delivered on time. {EN}"
    got = findings(check, text, {**REPLY, "post_text": "My cake never arrived."})
    assert "tone.defensive" in got


# --- forbidden.blame: an outside provider's failure ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"We're sorry. Our ordering platform provider had a serious outage on Sunday. {EN}",
        f"We're sorry. It seems our hosting provider's servers crashed under the load. {EN}",
        f"We're sorry. The software company that runs our ordering site pushed a faulty "
        f"update on Sunday night. {EN}",
        f"We're sorry. The orders were lost through a gap at our hosting provider. {EN}",
        f"Ci dispiace. Il nostro fornitore della piattaforma ordini ha avuto un guasto "
        f"domenica. {IT}",
        f"Ci dispiace. La società che gestisce il nostro sito ha rilasciato un aggiornamento "
        f"difettoso. {IT}",
    ],
)
def test_an_outside_providers_failure_is_blame(check, text: str) -> None:
    assert "forbidden.blame" in findings(check, text, APOLOGY)


@pytest.mark.parametrize(
    "text",
    [
        f"We're sorry. We had a serious outage on Sunday and lost some cake orders. {EN}",
        f"We're sorry. Our own update on Sunday night broke the ordering page. {EN}",
        f"Ci dispiace. Domenica abbiamo avuto un guasto e alcuni ordini sono andati persi. {IT}",
    ],
)
def test_our_own_failure_is_not_blame(check, text: str) -> None:
    assert "forbidden.blame" not in findings(check, text, APOLOGY)
