"""forbidden.*: liability, speculation, blame, legal promises, advice, other customers and the
brand's own forbidden phrases, in English and Italian."""

from __future__ import annotations

import pytest

from tests.drafting.checks.conftest import EN, IT, failed


@pytest.mark.parametrize(
    ("check_id", "text"),
    [
        (
            "forbidden.liability",
            f"We're so sorry about your burn. This is entirely our fault and we "
            f"will pay for your medical bills. {EN}",
        ),
        (
            "forbidden.liability",
            f"Ci dispiace molto, è tutta colpa nostra e risarciremo tutti i danni. {IT}",
        ),
        (
            "forbidden.speculation",
            f"Sorry the site is down. It's probably caused by a hacker attack. {EN}",
        ),
        ("forbidden.speculation", f"Ci dispiace, probabilmente è dovuto a un attacco hacker. {IT}"),
        ("forbidden.blame", f"Sorry! The courier lost your parcel, please DM us. {EN}"),
        ("forbidden.blame", f"Our payment provider had a technical problem this morning. {EN}"),
        ("forbidden.blame", f"Ci dispiace, il corriere ha perso il tuo pacco. {IT}"),
        (
            "forbidden.blame",
            f"Hai inserito un indirizzo sbagliato, per questo il pacco è tornato. {IT}",
        ),
        (
            "forbidden.legal_promise",
            f"There will be no fine from the data protection authority. {EN}",
        ),
        ("forbidden.legal_promise", f"Il Garante non ci multerà: rispettiamo tutte le leggi. {IT}"),
        ("forbidden.medical_advice", f"Just apply some butter and it will heal on its own. {EN}"),
        ("forbidden.medical_advice", f"Metti del ghiaccio, passerà da sola. {IT}"),
        (
            "forbidden.financial_advice",
            f"We'd recommend you take out a loan to spread the cost. {EN}",
        ),
        ("forbidden.financial_advice", f"Ti consigliamo di chiedere un prestito. {IT}"),
        ("forbidden.other_customers", f"Other customers have received theirs already. {EN}"),
        ("forbidden.other_customers", f"Altri clienti hanno già ricevuto il loro ordine. {IT}"),
        ("forbidden.custom", f"Sorry about the double charge (INC-2025-07). {EN}"),
        ("forbidden.custom", f"If you delete your review, we'll send you a voucher. {EN}"),
        ("forbidden.custom", f"We're sorry, but that is how it works. {EN}"),
        ("forbidden.custom", f"Si comunica che il sito è di nuovo disponibile. {IT}"),
    ],
)
def test_forbidden_content_is_caught_with_its_span(check, check_id: str, text: str) -> None:
    report = check(text, kind="reply")
    finding = next(f for f in report.failures if f.id == check_id)
    assert finding.severity == "block"
    assert finding.span is not None and text[finding.span[0] : finding.span[1]] == finding.evidence
    assert finding.suggestion


@pytest.mark.parametrize(
    "text",
    [
        f"We're sorry your parcel didn't arrive when we said it would. Please DM us. {EN}",
        f"A change we made to our checkout charged some customers twice, and we're sorry. {EN}",
        f"Please stop using the kettle, and seek medical advice if you were hurt. {EN}",
        f"We're finding out what went wrong and will update you by 15:00 CET. {EN}",
        f"It's likely a phishing attempt; please don't click the link. {EN}",
        f"Ci dispiace, il tuo ordine non è arrivato quando avevamo detto. {IT}",
    ],
)
def test_ordinary_customer_care_wording_is_not_forbidden(check, text: str) -> None:
    report = check(text, kind="reply", facts=["Next update by 15:00 CET."])
    assert not {i for i in failed(report) if i.startswith("forbidden.")}


def test_liability_is_not_overridable(check) -> None:
    report = check(
        f"This is entirely our fault and we'll pay for your medical bills. {EN}", kind="reply"
    )
    liability = next(f for f in report.failures if f.id == "forbidden.liability")
    assert liability.overridable is False
    assert report.verdict == "blocked"


def test_brand_patterns_are_per_language(check) -> None:
    # "ci dispiace, ma" is Verdello's Italian pattern; it doesn't apply to English drafts.
    assert "forbidden.custom" in failed(check(f"Ci dispiace, ma non possiamo. {IT}", kind="reply"))
    assert "forbidden.custom" not in failed(check(f"Sorry, we can't. {EN}", kind="reply"))


@pytest.mark.parametrize(
    ("check_id", "text"),
    [
        # A named provider or platform as the culprit, with or without "because".
        ("forbidden.blame", f"Sorry: PayPal had an outage this morning, so payments failed. {EN}"),
        ("forbidden.blame", f"We're sorry, the payments failed because Adyen went down. {EN}"),
        ("forbidden.blame", f"There's a known bug in the new iOS release from Apple, sorry. {EN}"),
        ("forbidden.blame", f"Nothing changes until the supplier fixes it. {EN}"),
        ("forbidden.blame", f"Our delivery partner will refund you for the damage. {EN}"),
        ("forbidden.blame", f"You should read the manual first, it's all there. {EN}"),
        ("forbidden.blame", f"Ci dispiace, il ritardo è colpa del corriere GLS. {IT}"),
        (
            "forbidden.blame",
            f"Ci dispiace: i pagamenti non passano perché PayPal ha avuto un guasto. {IT}",
        ),
        ("forbidden.blame", f"È il fornitore che ha sbagliato la spedizione, ci dispiace. {IT}"),
        ("forbidden.blame", f"Il corriere pagherà il danno, ci dispiace. {IT}"),
        ("forbidden.blame", f"Dovresti leggere le istruzioni prima di usarlo. {IT}"),
        # Certainty about an unconfirmed cause is still speculation.
        ("forbidden.speculation", f"We're sorry. It's definitely caused by hackers. {EN}"),
        ("forbidden.speculation", f"Ci dispiace. Di sicuro è un sovraccarico dei server. {IT}"),
        (
            "forbidden.legal_promise",
            f"You're entitled to full compensation; the court will certainly side with you. {EN}",
        ),
        ("forbidden.medical_advice", f"Sorry about the burn. Try taking some ibuprofen. {EN}"),
        ("forbidden.medical_advice", f"Sorry. Hold your hand under cold water for a while. {EN}"),
        ("forbidden.medical_advice", f"Ci dispiace. Applica subito una pomata e passerà. {IT}"),
        ("forbidden.other_customers", f"Plenty of customers in Rome have the same problem. {EN}"),
        ("forbidden.other_customers", f"Molti altri clienti di Milano ci hanno scritto. {IT}"),
    ],
)
def test_variants_of_each_mistake_are_caught(check, check_id: str, text: str) -> None:
    """Inflections, adverbs and qualifiers between the words of a known mistake."""
    assert check_id in failed(check(text, kind="reply"))


@pytest.mark.parametrize(
    "text",
    [
        f"Refunds go back to your card because that's how your bank processes them. {EN}",
        f"The courier will call you before delivery so you can choose a time. {EN}",
        f"Please run the app update from the App Store; it includes the fix. {EN}",
        f"If you'd like a replacement, just send us a DM with your order number. {EN}",
        f"Lots of people love the Pietra pan; it works on every hob. {EN}",
        f"Il corriere ti chiamerà prima della consegna per scegliere un orario. {IT}",
        f"Molti clienti amano la padella Pietra: funziona su tutti i piani cottura. {IT}",
    ],
)
def test_the_new_patterns_leave_ordinary_wording_alone(check, text: str) -> None:
    report = check(text, kind="reply")
    assert not {i for i in failed(report) if i.startswith(("forbidden.", "tone."))}


@pytest.mark.parametrize("company", ["Verdello", "Nordlys"])
def test_a_companys_shares_are_finance_whatever_its_name(check, company: str) -> None:
    text = f"Le consiglio azioni {company}. {IT}"
    assert "forbidden.financial_advice" in failed(check(text, kind="reply"))


@pytest.mark.parametrize(
    ("text", "traded"),
    [
        (f"If you raise your rating, we'll add a 10 EUR voucher. {EN}", True),
        (f"We'll send a voucher if you take down your post. {EN}", True),
        (f"Se modifica la sua recensione Le inviamo un buono. {IT}", True),
        (f"Se alzate il voto vi mandiamo un buono da 10 euro. {IT}", True),
        (f"Ti mandiamo un buono se togli il commento. {IT}", True),
        # Near misses: the review itself, thanked or answered, traded for nothing.
        (f"Thanks for updating your review; the voucher is on its way as promised. {EN}", False),
        (f"Se vuoi, puoi aggiornarci qui sotto: leggiamo ogni commento. {IT}", False),
    ],
)
def test_compensation_traded_for_a_review_in_every_form_of_address(
    check, text: str, traded: bool
) -> None:
    """The demo policy's own pattern (compensation.md: no voucher for a changed review) read the
    Italian "tu" form only; a lead writes "Lei" and "voi" as often, and raising a rating is the
    same trade as changing it."""
    assert ("forbidden.custom" in failed(check(text, kind="reply"))) is traded
