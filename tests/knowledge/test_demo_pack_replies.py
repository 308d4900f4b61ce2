"""The demo brand's approved replies meet its own policy.

The composer lends their sentences to new drafts, and eval suites compare against them: a pack
whose policy blocks its own approved replies would send reviewers to override its examples."""

from __future__ import annotations

from drafting.checks.quality import blocked_approved_replies
from knowledge.brandpack import load_pack
from tests.conftest import DEMO_PACK


def test_no_approved_reply_of_the_demo_pack_fails_a_blocking_check() -> None:
    pack = load_pack(DEMO_PACK)
    assert len(pack.approved_replies) >= 100
    blocked = {
        reply.id: [f"{f.id}: {f.evidence!r}" for f in report.blocking]
        for reply, report in blocked_approved_replies(pack)
    }
    assert blocked == {}
