"""check_text: the entry point for POST /v1/checks and `crisisdraft check`."""

from __future__ import annotations

import pytest

from drafting.checks.service import check_text
from drafting.errors import InvalidInputError
from knowledge.brandpack import load_pack
from tests.conftest import DEMO_PACK
from tests.drafting.checks.conftest import EN


@pytest.fixture(scope="module")
def pack():
    return load_pack(DEMO_PACK)


def test_checks_any_text_for_a_brand_and_channel(pack) -> None:
    report = check_text(pack, f"We're sorry, please DM us. {EN}", channel="x", kind="apology")
    assert report.verdict == "needs_override" and report.failed("structure.acknowledge")
    ok = check_text(
        pack,
        f"Thanks for asking! Here's our help centre: https://verdello.example/help {EN}",
        channel="x",
    )
    assert ok.verdict == "ok"


def test_bad_input_is_refused_with_a_fix(pack) -> None:
    with pytest.raises(InvalidInputError, match="does not answer on 'myspace'"):
        check_text(pack, "Hi", channel="myspace")
    with pytest.raises(InvalidInputError, match="Unknown draft kind"):
        check_text(pack, "Hi", channel="x", kind="poem")
    with pytest.raises(InvalidInputError, match="Unknown risk flag"):
        check_text(pack, "Hi", channel="x", risk_flags=["scary"])
    with pytest.raises(InvalidInputError, match="empty"):
        check_text(pack, "  ", channel="x")


def test_the_judge_is_optional_and_only_adds(pack) -> None:
    # litellm's own mock_response keeps this offline; the judge cannot clear the block.
    from drafting.checks import judge

    text = f"Please DM us your order VD-1234567. {EN}"
    plain = check_text(pack, text, channel="x", kind="reply")
    assert plain.verdict == "blocked"
    added = judge.merge_judge(
        plain,
        judge.judge_findings(
            text,
            judge_context(pack),
            model="openai/gpt-4o-mini",
            mock_response='{"findings": [{"criterion": "voice", "evidence": "Please", '
            '"explanation": "Abrupt."}]}',
        ),
    )
    assert added.verdict == "blocked" and added.failed("judge.voice")


def judge_context(pack):
    from drafting.checks import CheckContext

    return CheckContext(brand=pack.brand, policy=pack.policy, channel="x", kind="reply")
