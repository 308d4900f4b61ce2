"""The report and its verdict, policy rule settings, the check catalogue and speed of reuse."""

from __future__ import annotations

from drafting.checks import CHECK_IDS, FAMILIES, CheckReport, Finding, verdict_of
from drafting.checks.compiled import compiled_policy
from knowledge.policy import parse_policy
from tests.drafting.checks.conftest import EN, failed


def finding(
    check_id: str, *, passed: bool = False, severity: str = "block", overridable: bool = True
) -> Finding:
    return Finding(
        id=check_id,
        family=check_id.split(".")[0],
        severity=severity,
        passed=passed,
        span=None,
        evidence=None,
        explanation="x",
        suggestion="",
        overridable=overridable,
    )


def test_verdicts() -> None:
    assert verdict_of([finding("tone.sentiment", severity="warn")]) == "ok"
    assert verdict_of([finding("structure.apologise", passed=True)]) == "ok"
    assert verdict_of([finding("structure.apologise")]) == "needs_override"
    assert (
        verdict_of(
            [finding("structure.apologise"), finding("personal_data.email", overridable=False)]
        )
        == "blocked"
    )
    report = CheckReport(
        language="en",
        findings=[finding("tone.blame_shift"), finding("tone.register", severity="warn")],
        verdict="needs_override",
    )
    assert [f.id for f in report.blocking] == ["tone.blame_shift"]
    assert len(report.failures) == 2 and report.failed("tone.register")


def test_catalogue_covers_every_family_with_descriptions() -> None:
    assert {info.family for info in CHECK_IDS.values()} == set(FAMILIES)
    assert all(info.description and info.id == key for key, info in CHECK_IDS.items())
    assert len(CHECK_IDS) >= 60


def test_policy_rules_change_severity_overridability_and_can_disable(check, demo) -> None:
    _brand, policy = demo
    text = f"We're sorry. Please DM us. {EN}"  # misses the acknowledgement
    assert (
        next(f for f in check(text).failures if f.id == "structure.acknowledge").severity == "block"
    )
    data = policy.model_dump()
    data["rules"] = {
        "structure.acknowledge": {"severity": "warn"},
        "tone.*": {"enabled": False},
        "voice.sign_off": {"overridable": False},
    }
    custom = parse_policy(data)
    report = check("Sorry if you feel that way. Please DM us.", policy=custom)
    assert next(f for f in report.failures if f.id == "structure.acknowledge").severity == "warn"
    assert not {i for i in failed(report) if i.startswith("tone.")}
    assert next(f for f in report.failures if f.id == "voice.sign_off").overridable is False
    assert report.verdict == "blocked"


def test_only_failures_and_required_moves_are_reported(check) -> None:
    report = check(f"We're sorry your order is late. Please DM us your order number. {EN}")
    assert all(not f.passed or f.family == "structure" for f in report.findings)
    assert report.findings == sorted(report.findings, key=lambda f: f.passed)  # failures first


def test_compiled_policies_are_cached_per_object(demo) -> None:
    _, policy = demo
    assert compiled_policy(policy, "en") is compiled_policy(policy, "en")
    other = parse_policy(policy.model_dump())
    assert compiled_policy(other, "en") is not compiled_policy(policy, "en")
