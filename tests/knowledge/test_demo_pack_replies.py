"""The demo brand's approved replies meet its own policy.

The composer lends their sentences to new drafts, and eval suites compare against them: a pack
whose policy blocks its own approved replies would send reviewers to override its examples."""

from __future__ import annotations

from drafting.checks import CheckContext, run_checks
from knowledge.brandpack import load_pack
from tests.conftest import DEMO_PACK


def test_no_approved_reply_of_the_demo_pack_fails_a_blocking_check() -> None:
    pack = load_pack(DEMO_PACK)
    assert len(pack.approved_replies) >= 100
    blocked = {}
    for reply in pack.approved_replies:
        ctx = CheckContext(
            brand=pack.brand,
            policy=pack.policy,
            channel=reply.post.channel,
            kind=reply.kind,
            language=reply.language,
            post_text=reply.post.text,
            author=reply.post.author,
        )
        report = run_checks(reply.reply, ctx)
        if report.blocking:
            blocked[reply.id] = [f"{f.id}: {f.evidence!r}" for f in report.blocking]
    assert blocked == {}
