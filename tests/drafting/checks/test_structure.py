"""structure.*: each draft kind makes the moves the policy requires (and the report shows them)."""

from __future__ import annotations

from tests.drafting.checks.conftest import EN, IT, failed


def test_an_apology_with_all_three_moves_passes_and_shows_them(check) -> None:
    report = check(
        f"Your sofa was due on Monday and still hasn't come, and we're sorry. Please "
        f"send us a DM with your order number and we'll check it now. {EN}",
        post_text="My sofa was due Monday!",
    )
    passed = {f.id: f for f in report.findings if f.passed}
    assert set(passed) == {"structure.acknowledge", "structure.apologise", "structure.next_step"}
    assert passed["structure.apologise"].evidence == "sorry"
    assert report.verdict == "ok"


def test_each_missing_move_is_reported_with_an_example(check) -> None:
    report = check(f"Please DM us your order number. {EN}")
    missing = {f.id: f for f in report.failures}
    assert {"structure.acknowledge", "structure.apologise"} <= set(missing)
    assert "We're sorry." in missing["structure.apologise"].suggestion
    assert missing["structure.apologise"].severity == "block"
    assert report.verdict == "needs_override"  # a lead may override a missing move


def test_a_conditional_apology_is_not_an_apology(check) -> None:
    report = check(f"We're sorry if you feel let down by the delay. Please DM us. {EN}")
    assert {"structure.apologise", "tone.blame_shift"} <= failed(report)


def test_italian_apology(check) -> None:
    good = check(
        f"Hai ragione, il tuo ordine è in ritardo e ci dispiace molto. Ci scrivi in DM il "
        f"numero d'ordine? Controlliamo subito. {IT}"
    )
    assert good.language == "it" and not good.failures
    bad = check(f"Ci dispiace se ti sei sentito trascurato. Scrivici in DM. {IT}")
    assert "structure.apologise" in failed(bad)


def test_status_update_needs_status_and_a_time_for_the_next_update(check) -> None:
    facts = ["Warehouse system still down.", "Next update by 15:00 CET."]
    ok = check(
        f"Update: our warehouse system is still down. Next update by 15:00 CET. {EN}",
        channel="facebook",
        kind="status_update",
        facts=facts,
    )
    assert not ok.blocking
    no_time = check(
        f"Our warehouse system is still down. We'll keep you posted. {EN}",
        channel="facebook",
        kind="status_update",
        facts=facts,
    )
    assert failed(no_time) == {"structure.next_update"}
    no_status = check(
        f"We're sorry for the wait. Next update by 15:00 CET. {EN}",
        channel="facebook",
        kind="status_update",
        facts=facts,
    )
    assert "structure.state_status" in failed(no_status)


def test_italian_next_update(check) -> None:
    facts = ["Prossimo aggiornamento entro le 10:00."]
    report = check(
        f"Il sito è ancora fuori servizio. Prossimo aggiornamento entro le 10:00. {IT}",
        channel="x",
        kind="status_update",
        facts=facts,
    )
    assert not report.failures
    vague = check(
        f"Il sito è ancora fuori servizio. Vi terremo aggiornati. {IT}", kind="status_update"
    )
    assert "structure.next_update" in failed(vague)


def test_resolution_and_dm_followup_moves(check) -> None:
    report = check(
        f"Thank you for your patience this morning, and we're sorry. {EN}",
        channel="instagram",
        kind="resolution_update",
    )
    assert failed(report) == {"structure.state_resolution"}
    report = check(
        f"Your order will be dispatched by Wednesday. {EN}",
        channel="chat",
        kind="dm_followup",
        facts=["Orders dispatched by Wednesday."],
    )
    assert "structure.thank" in failed(report)


def test_a_reply_has_no_required_move_for_the_demo_brand(check) -> None:
    assert not check(f"This made our morning, thank you. {EN}", kind="reply").failures


def test_only_runs_the_named_checks(check, demo) -> None:
    from drafting.checks import CheckContext, run_checks

    brand, policy = demo
    assert len(check(f"Please DM us. {EN}").failures) >= 2
    report = run_checks(
        f"Please DM us. {EN}",
        CheckContext(brand=brand, policy=policy, channel="x", kind="apology"),
        only={"structure.apologise"},
    )
    assert [f.id for f in report.findings] == ["structure.apologise"]


def test_a_policy_may_require_a_move_to_private(check, demo) -> None:
    from knowledge.policy import parse_policy

    _, policy = demo
    data = policy.model_dump()
    data["required_moves"]["reply"] = ["move_to_dm"]
    strict = parse_policy(data)
    assert "structure.move_to_dm" in failed(
        check(f"Thanks for asking. {EN}", kind="reply", policy=strict)
    )
    assert not check(
        f"Thanks for asking. Please send us a DM. {EN}", kind="reply", policy=strict
    ).failures


def test_a_vague_sorry_acknowledges_nothing_but_a_clause_does(check) -> None:
    for vague in [
        f"We're so sorry for this. Please DM us and we'll sort it. {EN}",
        f"We hear you and we're sorry. Please DM us and we'll sort it. {EN}",
    ]:
        assert "structure.acknowledge" in failed(check(vague))
    clause = check(
        f"We're sorry the delivery team left the box in the rain. Please DM us and we'll "
        f"sort it. {EN}"
    )
    assert "structure.acknowledge" not in failed(clause)
    italian = check(f"I pagamenti non vanno e ci dispiace. Scrivici in DM, controlliamo. {IT}")
    assert "structure.acknowledge" not in failed(italian)


def test_a_draft_that_says_nothing_is_blocked_whatever_its_kind(check) -> None:
    # A reply needs no move under the demo policy, so only this rule stops an empty one.
    for text in ("@anna ^Team Verdello", "@anna https://verdello.example/help ^Team Verdello"):
        report = check(text, kind="reply", author="@anna")
        assert failed(report) == {"structure.empty"}
        assert report.verdict == "blocked"  # not overridable: there is nothing to approve
    assert "structure.empty" not in failed(check(f"Thanks! {EN}", kind="reply"))


def test_a_line_ending_in_a_link_without_a_full_stop_is_read_as_a_sentence(check) -> None:
    # E-mails put the update's link last on its line, with no closing mark.
    opening = "Your gift card shows a zero balance, and we're sorry. Our team is working on it."
    en = check(
        f"Hello,\n\n{opening}\n\nWe'll post the next update at 10:30 CET on "
        f"https://status.verdello.example\n\n{EN}",
        channel="email",
        kind="holding_statement",
    )
    assert "structure.next_update" not in failed(en)
    it = check(
        "Buongiorno,\n\nla Sua carta regalo risulta a zero e ci dispiace molto. Il credito non "
        "è perso.\n\nIl prossimo aggiornamento è previsto alle 16:00 su "
        f"https://status.verdello.example\n\nCordiali saluti,\n{IT}",
        channel="email",
        kind="holding_statement",
    )
    assert "structure.next_update" not in failed(it)
