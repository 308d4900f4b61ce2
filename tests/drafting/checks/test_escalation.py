"""escalation.*: trigger flags forbid a public auto-draft; the report names who handles it."""

from __future__ import annotations

from tests.drafting.checks.conftest import EN, IT, failed


def test_a_legal_threat_blocks_a_public_draft_and_names_the_contact(check) -> None:
    report = check(
        f"We're sorry to hear this. Please DM us. {EN}",
        kind="reply",
        risk_flags={"legal_threat", "safety_injury"},
    )
    finding = next(f for f in report.failures if f.id == "escalation.public_draft")
    assert finding.overridable is False and report.verdict == "blocked"
    assert "Chiara Valsecchi" in finding.suggestion and "product-safety@" in finding.suggestion
    assert finding.evidence == "legal_threat, safety_injury"


def test_self_harm_in_italian_and_private_channels(check) -> None:
    report = check(
        f"Ci dispiace molto. Scrivici in DM. {IT}",
        channel="instagram",
        kind="reply",
        risk_flags={"self_harm"},
    )
    assert "escalation.public_draft" in failed(report)
    private = check(
        f"Thanks for getting in touch. Our press team will reply. {EN}",
        channel="email",
        kind="reply",
        risk_flags={"media_inquiry"},
    )
    assert "escalation.public_draft" not in failed(private)


def test_flags_that_are_not_triggers(check) -> None:
    report = check(
        f"Thanks for letting us know. Please DM us. {EN}", kind="reply", risk_flags={"spam_bot"}
    )
    assert not report.failures
