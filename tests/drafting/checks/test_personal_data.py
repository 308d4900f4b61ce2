"""personal_data.*: no personal data in public replies; exposed data moves the case to private."""

from __future__ import annotations

import pytest

from drafting.checks.personal_data import find_personal_data, luhn_ok, names_in_post
from tests.drafting.checks.conftest import EN, IT, failed

POST = "Order VD-4821937 still not here, my email is giulia.r@example.com, sort it out"


@pytest.mark.parametrize(
    ("check_id", "text", "post"),
    [
        (
            "personal_data.email",
            f"We've sent the details to giulia.r@example.com. Please DM us. {EN}",
            POST,
        ),
        ("personal_data.order_number", f"Sorry order VD-4821937 is late. Please DM us. {EN}", POST),
        (
            "personal_data.phone",
            f"We'll call you on 333 123 4567 today. Please DM us. {EN}",
            "call me on 333 123 4567",
        ),
        (
            "personal_data.address",
            f"Sorry it hasn't reached 12 Baker Street. Please DM us. {EN}",
            "",
        ),
        (
            "personal_data.address",
            f"Il pacco per Via Roma 12 è in ritardo. Scrivici in DM. {IT}",
            "",
        ),
        (
            "personal_data.card",
            f"Sorry about the charge on your card ending in 4421. DM us. {EN}",
            "",
        ),
        (
            "personal_data.iban",
            f"Rimborso disposto su IT60X0542811101000000123456, scrivici in DM. {IT}",
            "",
        ),
        (
            "personal_data.name",
            f"Sorry to hear this, Giulia. Please DM us. {EN}",
            "My name is Giulia Rossi and my order is late.",
        ),
        (
            "personal_data.name",
            f"Ci dispiace Marco, scrivici in DM. {IT}",
            "Mi chiamo Marco Bellini.",
        ),
    ],
)
def test_personal_data_in_a_public_reply_is_blocked(
    check, check_id: str, text: str, post: str
) -> None:
    report = check(text, post_text=post, author="@someone")
    finding = next(f for f in report.failures if f.id == check_id)
    assert finding.overridable is False and report.verdict == "blocked"
    assert finding.span is not None


def test_the_brands_own_contacts_and_domain_are_not_personal_data(check) -> None:
    report = check(
        f"Thanks for getting in touch. Our press team will reply; you can reach them at "
        f"press@verdello.example or help@verdello.example. {EN}",
        kind="reply",
    )
    assert not failed(report)


def test_the_public_handle_and_a_name_inside_it_may_be_used(check) -> None:
    report = check(
        f"Sorry to hear this, Giulia. Please DM us your order number. {EN}",
        post_text="My name is Giulia and my order is late.",
        author="@giulia_r",
    )
    assert "personal_data.name" not in failed(report)


def test_private_channels_may_name_the_order_but_never_a_full_card(check) -> None:
    ok = check(
        f"Dear Giulia,\n\nThanks for your patience. Your order VD-4821937 will be dispatched "
        f"by Wednesday.\n\n{EN}",
        channel="email",
        kind="dm_followup",
        post_text=POST,
        facts=["Dispatched by Wednesday."],
    )
    assert not ok.failures
    card = check(
        f"Thanks. We've refunded card 4111 1111 1111 1111. {EN}",
        channel="email",
        kind="dm_followup",
        facts=["Refunded."],
    )
    assert "personal_data.card" in failed(card)


def test_exposed_data_requires_a_move_to_private(check) -> None:
    stays = check(
        f"We're sorry your order hasn't arrived. We're checking it now. {EN}", post_text=POST
    )
    finding = next(f for f in stays.failures if f.id == "personal_data.move_to_private")
    assert "an e-mail address" in finding.explanation and "delete this post" in finding.suggestion
    moves = check(
        f"We're sorry your order hasn't arrived. For your privacy, you may want to delete "
        f"this post. Please send us a DM and we'll check it. {EN}",
        post_text=POST,
    )
    assert not moves.failures
    italian = check(
        f"Ci dispiace per il ritardo, stiamo verificando. {IT}",
        post_text="Ordine VD-7654321, il mio numero è 347 555 1234",
    )
    assert "personal_data.move_to_private" in failed(italian)


def test_a_flag_from_triage_also_requires_the_move(check) -> None:
    report = check(
        f"We're sorry your order is late. We're checking it. {EN}",
        risk_flags={"personal_data_public"},
    )
    assert "personal_data.move_to_private" in failed(report)


def test_removal_request_alone_counts_only_when_the_policy_says_so(check, demo) -> None:
    _brand, policy = demo
    text = f"We're sorry. For your privacy, please delete this post; we're checking it. {EN}"
    assert "personal_data.move_to_private" in failed(check(text, post_text=POST))
    lenient = policy.model_copy(
        update={
            "personal_data": policy.personal_data.model_copy(
                update={"removal_request_counts_as_private_move": True}
            )
        }
    )
    assert "personal_data.move_to_private" not in failed(
        check(text, post_text=POST, policy=lenient)
    )


def test_detectors() -> None:
    import re

    order = re.compile(r"\bVD-?\d{7}\b")
    kinds = {
        h.kind
        for h in find_personal_data(
            "VD-1234567 a@b.co +39 333 1234567 IT60X0542811101000000123456 4111 1111 1111 1111",
            order,
        )
    }
    assert kinds == {"order_number", "email", "phone", "iban", "card"}
    assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")
    # dates, times and archive timestamps are not phone numbers
    assert not list(find_personal_data("12/03/2026 or 08:00 - 22:00", order))
    assert names_in_post("Thanks, Marco Rossi") == {"Marco", "Rossi"}
    assert names_in_post("I am very upset") == frozenset()


def test_a_surname_inside_the_handle_is_no_licence_to_use_it(check) -> None:
    report = check(
        f"We're sorry your order is late, Mr Rossi. Please DM us your order number. {EN}",
        post_text="Still waiting. Regards, Paolo Rossi",
        author="@prossi",
    )
    assert "personal_data.name" in failed(report)


def test_an_italian_street_written_number_first_is_an_address(check) -> None:
    report = check(
        f"We're sorry nothing arrived at 7 Via Dante today. Please DM us your order number. {EN}",
        post_text="Nothing delivered to 7 Via Dante, Pavia",
    )
    assert "personal_data.address" in failed(report)
