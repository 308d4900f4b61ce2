"""grounding.*: claims in the draft must be in the facts or cited sources; spans are flagged."""

from __future__ import annotations

from drafting.checks.claims import numeric_claims, parse_number
from tests.drafting.checks.conftest import EN, IT, failed

FACTS = [
    "A change we made to our checkout charged about 2,300 card payments twice.",
    "Every duplicate payment will be refunded automatically.",
    "Banks can take up to five working days to show the refund.",
    "Next update by 16:00 CET.",
]


def keys(text: str) -> set[str]:
    return {k for c in numeric_claims(text) for k in c.keys}


def test_claims_are_normalised_across_formats_and_languages() -> None:
    assert keys("€20") == keys("20 EUR") == keys("20 euro") == {"20 EUR"}
    assert keys("3pm") == keys("15:00") == keys("alle 15") == {"15:00"}
    assert keys("48 hours") == keys("48 ore") == {"48 hour"}
    assert keys("giovedì 15 ottobre") == {"weekday:3", "15/10"}
    assert keys("Thursday 15 October") == {"weekday:3", "15/10"}
    assert keys("about 2,300 payments") == {"2300"}
    assert keys("circa 10.000 clienti") == {"10000"}
    assert keys("80%") == keys("80 per cent") == {"80%"}
    assert parse_number("1.234,50") == 1234.5 and parse_number("20,50") == 20.5
    assert keys("24/7 support") == set()


def test_supported_claims_pass(check) -> None:
    report = check(
        f"We're sorry about the double charge. Every duplicate payment will be refunded "
        f"automatically; banks can take up to five working days. Next update by "
        f"16:00 CET. {EN}",
        facts=FACTS,
    )
    assert not report.failures


def test_each_kind_of_unsupported_claim_is_flagged_with_its_span(check) -> None:
    report = check(
        f"We're sorry: about 5,000 orders were charged twice, 80% are refunded, each "
        f"duplicate of 49.90 EUR will be back within 48 hours. Next update by 17:00 CET. "
        f"{EN}",
        facts=FACTS,
    )
    evidence = {f.id: f.evidence for f in report.failures}
    assert evidence["grounding.count"] == "about 5,000 orders"
    assert evidence["grounding.percentage"] == "80%"
    assert evidence["grounding.amount"] == "49.90 EUR"
    assert evidence["grounding.duration"] == "48 hours"
    assert evidence["grounding.datetime"] == "17:00"
    assert all(f.severity == "block" for f in report.failures if f.id.startswith("grounding."))


def test_causes_and_promises(check) -> None:
    cause = check(
        f"We're sorry the site is down. This is due to a power cut at our data centre. "
        f"Next update by 16:00 CET. {EN}",
        kind="holding_statement",
        facts=FACTS,
    )
    assert next(f for f in cause.failures if f.id == "grounding.cause").evidence.startswith(
        "due to"
    )
    promise = check(
        f"We're sorry your table arrived scratched. We'll refund you in full today. "
        f"Please DM us your order number. {EN}",
        facts=["Scratched table reported."],
    )
    assert "grounding.promise" in failed(promise)
    honest = check(
        f"We're sorry your table arrived scratched. We'll look into a refund; please DM "
        f"us your order number. {EN}",
        facts=["Scratched table reported."],
    )
    assert "grounding.promise" not in failed(honest)
    italian = check(
        f"Ci dispiace per la lampada rotta. Ti rimborseremo l'intero importo, scrivici in DM. {IT}",
        facts=["Lampada rotta segnalata."],
    )
    assert "grounding.promise" in failed(italian)


def test_cited_sources_and_standing_facts_support_claims(check) -> None:
    report = check(
        f"We're sorry for the wait. The shipping cost on delayed orders is refunded "
        f"automatically. Please DM us. {EN}",
        sources=["We refunded the shipping cost on every delayed order automatically."],
    )
    assert not report.failures
    hours = check(
        f"Thanks for asking. Our chat is open every day from 08:00 to 22:00 CET. {EN}",
        kind="reply",
        facts=["Unrelated fact."],
    )
    assert not hours.failures  # the policy's standing facts


def test_the_customers_own_dates_may_be_restated(check) -> None:
    report = check(
        f"Your sofa was due on Monday and it didn't come; we're sorry. Please DM us. {EN}",
        post_text="My sofa was due Monday!",
        facts=["Sofa deliveries delayed."],
    )
    assert "grounding.datetime" not in failed(report)


def test_without_facts_or_sources_claims_are_warnings(check) -> None:
    report = check(
        f"We're sorry for the wait. Your order will arrive on Friday. Please DM us. {EN}"
    )
    findings = [f for f in report.failures if f.id.startswith("grounding.")]
    assert {f.id for f in findings} == {"grounding.datetime", "grounding.promise"}
    assert all(f.severity == "warn" and "could not be verified" in f.explanation for f in findings)
    assert report.verdict == "ok"


def test_other_ways_of_giving_a_cause(check) -> None:
    facts = ["Since 09:00 CET checkout fails for some customers.", "Next update by 10:00 CET."]
    for text in [
        f"Checkout is failing and we're sorry. The problem comes from a faulty database "
        f"migration. Next update by 10:00 CET. {EN}",
        f"Checkout is failing because Stripe is down, sorry. Next update by 10:00 CET. {EN}",
        f"Il checkout non funziona, ci dispiace. Il problema deriva da un guasto al "
        f"database. Prossimo aggiornamento entro le 10:00. {IT}",
    ]:
        assert "grounding.cause" in failed(check(text, kind="holding_statement", facts=facts))
    # "update" names the next status update as often as a software update: no evidence.
    android = check(
        f"Ci dispiace per l'app. Il problema è causato dall'ultimo aggiornamento di Android. {IT}",
        kind="reply",
        facts=["Dalle 07:50 l'app si chiude su Android.", "Prossimo aggiornamento entro le 9:30."],
    )
    assert "grounding.cause" in failed(android)


def test_a_fact_that_says_not_confirmed_supports_no_promise(check) -> None:
    report = check(
        f"We're sorry your sofa is late. It will definitely arrive on the new date. {EN}",
        kind="reply",
        facts=["Sofa deliveries delayed; no new date confirmed."],
    )
    assert "grounding.promise" in failed(report)
    italian = check(
        f"Ci dispiace per l'attesa: il divano arriverà sicuramente la settimana prossima. {IT}",
        kind="reply",
        facts=["Divani in ritardo; nuova data non ancora confermata."],
    )
    assert "grounding.promise" in failed(italian)
    discount = check(
        f"Sorry for the failed payment. We'll give you 10% off your next order. {EN}",
        kind="reply",
        facts=["Card payments failed from 14:20 CET."],
    )
    assert "grounding.promise" in failed(discount)
    update = check(
        f"Il prossimo aggiornamento arriverà entro le 16:00. {IT}",
        kind="reply",
        facts=["Prossimo aggiornamento entro le 16:00."],
    )
    assert "grounding.promise" not in failed(update)  # an update arriving is no delivery


def test_a_standing_fact_supports_a_figure_only_on_its_own_topic(check) -> None:
    facts = ["Duplicate payments will be refunded."]
    email = check(
        f"Thanks for writing. We answer every e-mail within 24 hours. {EN}",
        kind="reply",
        facts=facts,
    )
    assert "grounding.duration" not in failed(email)
    refund = check(
        f"We're sorry. The duplicate will be refunded within 24 hours. {EN}",
        kind="reply",
        facts=facts,
    )
    assert "grounding.duration" in failed(refund)


def test_a_promise_that_restates_a_confirmed_fact_is_grounded(check) -> None:
    facts = [
        "Customers with a delivery slot from 19 November will get an e-mail to book a new slot."
    ]
    restated = check(
        f"Deliveries are on hold and we're sorry. If your slot was from 19 November, we'll "
        f"e-mail you to book a new one. {EN}",
        kind="reply",
        facts=facts,
    )
    assert "grounding.promise" not in failed(restated)
    # The same words plus something the fact does not grant are still a promise.
    more = check(
        f"Deliveries are on hold and we're sorry. We'll e-mail you a replacement sofa. {EN}",
        kind="reply",
        facts=facts,
    )
    assert "grounding.promise" in failed(more)
