"""compensation.*: allowed kinds, caps per currency and channel, no amounts in public replies,
no offers on legal/injury/press posts."""

from __future__ import annotations

from tests.drafting.checks.conftest import EN, IT, failed

VOUCHER_FACT = ["Voucher up to 20 EUR allowed for repeated missed deliveries."]


def test_a_voucher_without_an_amount_is_fine_in_public(check) -> None:
    report = check(
        f"Two missed slots is not OK, and we're sorry. We'd like to make this up to "
        f"you with a voucher; could you DM us your order number? {EN}",
        facts=VOUCHER_FACT,
    )
    assert not report.failures


def test_an_amount_in_public_is_blocked_for_good(check) -> None:
    report = check(
        f"We're sorry about the missed delivery. Here's a 20 EUR voucher for your "
        f"trouble; please DM us. {EN}",
        facts=VOUCHER_FACT,
    )
    finding = next(f for f in report.failures if f.id == "compensation.public_amount")
    assert finding.evidence == "20 EUR" and finding.overridable is False
    assert report.verdict == "blocked"


def test_caps_apply_in_private_channels_and_a_lead_may_override(check) -> None:
    report = check(
        f"Thanks for your patience. We've added a voucher worth 50 EUR to your account. {EN}",
        channel="email",
        kind="dm_followup",
        facts=["Voucher worth 50 EUR approved."],
    )
    cap = next(f for f in report.failures if f.id == "compensation.over_cap")
    assert "cap on email is 20 EUR" in cap.explanation and cap.overridable
    assert report.verdict == "needs_override"
    within = check(
        f"Thanks for waiting. I've added a voucher worth 20 EUR to your account. {EN}",
        channel="chat",
        kind="dm_followup",
        facts=["Voucher worth 20 EUR added."],
    )
    assert "compensation.over_cap" not in failed(within)


def test_a_currency_without_a_cap_fails(check) -> None:
    report = check(
        f"Thanks for waiting. I've added a voucher worth 30 USD. {EN}",
        channel="chat",
        kind="dm_followup",
        facts=["Voucher worth 30 USD."],
    )
    assert (
        "no cap for USD"
        in next(f for f in report.failures if f.id == "compensation.over_cap").explanation
    )


def test_refunding_what_the_customer_paid_is_not_capped(check) -> None:
    report = check(
        f"Thanks for your patience. We've refunded the duplicate payment of 129.00 EUR. {EN}",
        channel="email",
        kind="dm_followup",
        facts=["Duplicate payment of 129.00 EUR refunded."],
    )
    assert "compensation.over_cap" not in failed(report)


def test_kinds_the_policy_does_not_allow(check) -> None:
    report = check(
        f"We're sorry for the late order. We'd like to offer you a discount on your "
        f"next order; please send us a message on Messenger. {EN}",
        channel="facebook",
    )
    finding = next(f for f in report.failures if f.id == "compensation.kind_not_allowed")
    assert finding.evidence == "discount"
    assert "allowed: shipping refund, refund, voucher" in finding.explanation
    italian = check(
        f"Ci dispiace per il ritardo. Ti offriamo uno sconto: scrivici su Messenger. {IT}",
        channel="facebook",
    )
    assert "compensation.kind_not_allowed" in failed(italian)


def test_refusing_is_not_offering(check) -> None:
    report = check(f"We're sorry, we can't offer a discount on sale items. {EN}", kind="reply")
    assert "compensation.kind_not_allowed" not in failed(report)


def test_no_offer_on_an_injury_or_legal_post(check) -> None:
    report = check(
        f"We're very sorry about your injury. We'd like to offer you a voucher. {EN}",
        channel="email",
        risk_flags={"safety_injury"},
    )
    finding = next(f for f in report.failures if f.id == "compensation.on_escalation")
    assert finding.overridable is False
    italian = check(
        f"Ci dispiace per quanto accaduto. Le offriamo un buono. {IT}",
        channel="email",
        risk_flags={"legal_threat"},
    )
    assert "compensation.on_escalation" in failed(italian)


def test_paying_for_the_harm_is_an_offer_on_an_injury_post(check) -> None:
    report = check(
        f"We're so sorry. We'll cover your hospital bills. {EN}",
        channel="email",
        risk_flags={"safety_injury"},
    )
    assert "compensation.on_escalation" in failed(report)
    italian = check(
        f"Ci dispiace molto. Pagheremo noi le spese mediche. {IT}",
        channel="email",
        risk_flags={"safety_injury"},
    )
    assert "compensation.on_escalation" in failed(italian)
    refused = check(
        f"We're sorry. We can't cover medical costs here; our safety team will call you. {EN}",
        channel="email",
        risk_flags={"safety_injury"},
    )
    assert "compensation.on_escalation" not in failed(refused)
