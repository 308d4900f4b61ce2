"""Rewrite actions with the built-in drafter: done offline from the demo brand's own knowledge
(real pack, real retrieval, real checks); translate says it needs a model."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from drafting.checks.service import check_text
from drafting.errors import InvalidInputError, ModelRequiredError
from drafting.moves import move_patterns, moves_of
from drafting.rewrite.service import RewriteJob, RewriteResult, rewrite
from knowledge.registry import BrandRegistry

SIGN_EN = "^Team Verdello"
SIGN_IT = "^Il team Verdello"


@pytest.fixture(scope="module")
def pack(demo_settings: Any) -> Any:
    return BrandRegistry(demo_settings).get("demo")


def run(settings: Any, pack: Any, action: str, text: str, **extra: Any) -> RewriteResult:
    job = RewriteJob(
        action=action,
        text=text,
        pack=pack,
        channel=extra.pop("channel", "x"),
        kind=extra.pop("kind", "reply"),
        language=extra.pop("language", "en"),
        target_language=extra.pop("target_language", "en"),
        **extra,
    )
    return asyncio.run(rewrite(job, settings=settings))


def approved_reply_text(settings: Any, item_id: str) -> str:
    """An approved reply of the demo brand's knowledge base: one of its pack's, or one that
    flowed back from an approval (other tests in the session approve drafts)."""
    import json

    from knowledge.retrieval import get_retriever

    index = get_retriever(settings).brand("demo").index
    for metadata in index.metadatas:
        record = json.loads(metadata)
        if item_id in (record.get("reply_id"), record.get("draft_id")):
            return str(record.get("reply", ""))
    record_by_id = index.record(item_id)
    assert record_by_id is not None, f"{item_id} is no approved reply of the demo brand"
    return str(record_by_id[1].get("reply", ""))


def moves(pack: Any, text: str, language: str = "en") -> frozenset[str]:
    return moves_of(text, move_patterns(pack.policy, language))


def test_shorter_fits_the_channel_and_keeps_the_required_moves(
    demo_settings: Any, pack: Any
) -> None:
    text = (
        "@gio We're so sorry your parcel is late. We know how frustrating it is to wait for "
        "something you were looking forward to, especially when the tracking page says nothing "
        "useful at all. Our warehouse team has been working very hard all week on the backlog. "
        "We'll check where your parcel is straight away. Could you send us a DM with your order "
        f"number? {SIGN_EN}"
    )
    assert len(text) > 280
    out = run(demo_settings, pack, "shorter", text, kind="apology")
    assert out.changed and out.offline and out.model == "crisisdraft/composer"
    assert len(out.text) <= 280
    assert out.text.startswith("@gio ") and out.text.endswith(SIGN_EN)
    assert "sorry your parcel is late" in out.text
    assert "check where your parcel is" in out.text  # the next step stays
    assert "DM" in out.text  # a move to a private channel is never dropped
    assert "frustrating" not in out.text  # the longest optional sentence goes first
    assert any("dropped" in n for n in out.notes)


def test_shorter_says_when_nothing_can_go(demo_settings: Any, pack: Any) -> None:
    text = f"We're sorry about the delay. We'll check it straight away. {SIGN_EN}"
    out = run(demo_settings, pack, "shorter", text, kind="apology")
    assert not out.changed
    assert "nothing to drop" in out.notes[0]


def test_more_formal_in_english(demo_settings: Any, pack: Any) -> None:
    text = f"Hey, we're gonna sort it out ASAP! Don't worry, thanks for waiting. {SIGN_EN}"
    out = run(demo_settings, pack, "more_formal", text)
    assert out.text == (
        "Hello, we are going to resolve it as soon as possible. Do not worry, thank you for "
        f"waiting. {SIGN_EN}"
    )


def test_more_formal_in_italian_passes_the_formal_register_check(
    demo_settings: Any, pack: Any
) -> None:
    text = (
        "Ciao, ci dispiace per il ritardo! Scrivici in privato con il tuo numero d'ordine e "
        f"controlliamo subito, puoi farlo quando vuoi. {SIGN_IT}"
    )
    informal = check_text(pack, text, channel="email", language="it")
    assert any(f.id == "voice.formality" and not f.passed for f in informal.findings)
    out = run(
        demo_settings,
        pack,
        "more_formal",
        text,
        channel="email",
        language="it",
        target_language="it",
    )
    assert "Ci scriva" in out.text and "Suo numero" in out.text and "può" in out.text
    assert "!" not in out.text
    formal = check_text(pack, out.text, channel="email", language="it")
    assert all(f.passed for f in formal.findings if f.id == "voice.formality")


def test_warmer_uses_the_brands_words_and_its_own_acknowledgement(
    demo_settings: Any, pack: Any
) -> None:
    text = (
        f"We apologise for any inconvenience. Please send us a DM with your order number. {SIGN_EN}"
    )
    out = run(
        demo_settings,
        pack,
        "warmer",
        text,
        # A post the demo pack's own replies acknowledge (so the test does not rely on drafts
        # other tests approve into the knowledge base).
        post_text="The courier never came and I waited at home all day.",
        category="delivery",
    )
    assert "inconvenience" not in out.text
    assert "really sorry" in out.text
    added = [n for n in out.notes if n.startswith("added an acknowledgement")]
    if added:  # the sentence is one of the brand's approved replies, not invented
        source = added[0].rsplit(" ", 1)[-1]
        first = out.text.split(". ")[0]
        assert first.lower().rstrip(".") in approved_reply_text(demo_settings, source).lower()
    assert "acknowledge" in moves(pack, out.text)
    assert len(out.text) <= 280


def test_simpler_plain_words_and_split_sentences(demo_settings: Any, pack: Any) -> None:
    text = (
        "In order to locate your parcel we require the order number, and prior to that we "
        "will investigate with the warehouse team, and we will notify you as soon as we obtain "
        f"additional information about it. {SIGN_EN}"
    )
    out = run(demo_settings, pack, "simpler", text, channel="facebook")
    for hard in ("In order to", "locate", "require", "prior to", "notify", "obtain", "additional"):
        assert hard not in out.text
    assert "To find your parcel we need the order number" in out.text
    assert "split 1 long sentence(s)" in out.notes


def test_add_next_step_from_an_approved_reply(demo_settings: Any, pack: Any) -> None:
    text = f"@gio We're so sorry your parcel is late. {SIGN_EN}"
    assert "next_step" not in moves(pack, text)
    out = run(
        demo_settings,
        pack,
        "add_next_step",
        text,
        kind="apology",
        category="delivery",
        post_text="Where is my parcel? It is a week late.",
    )
    assert out.changed
    assert "next_step" in moves(pack, out.text)
    source = next(n for n in out.notes if n.startswith("added a next step")).rsplit(" ", 1)[-1]
    reply = next(r for r in pack.approved_replies if r.id == source)
    added = out.text.removeprefix("@gio We're so sorry your parcel is late. ").removesuffix(
        " " + SIGN_EN
    )
    assert added.rstrip(".").lower() in reply.reply.lower()
    report = check_text(pack, out.text, channel="x", kind="apology", language="en")
    assert all(f.passed for f in report.findings if f.id.startswith("structure."))


def test_add_next_step_leaves_a_text_that_has_one(demo_settings: Any, pack: Any) -> None:
    text = f"Sorry about that. We'll check it straight away. {SIGN_EN}"
    out = run(demo_settings, pack, "add_next_step", text)
    assert not out.changed and out.notes == ["the text already says what happens next"]


def test_translate_needs_a_model(demo_settings: Any, pack: Any) -> None:
    with pytest.raises(ModelRequiredError) as err:
        run(demo_settings, pack, "translate", "We're sorry.", target_language="it")
    assert "needs a language model" in err.value.message
    assert "CRISISDRAFT_DRAFT_MODEL" in err.value.fix


def test_unknown_action_and_empty_text(demo_settings: Any, pack: Any) -> None:
    with pytest.raises(InvalidInputError, match="Unknown rewrite action"):
        run(demo_settings, pack, "funnier", "We're sorry.")
    with pytest.raises(InvalidInputError, match="empty"):
        run(demo_settings, pack, "shorter", "   ")


def test_warmer_keeps_the_greeting_first(demo_settings: Any, pack: Any) -> None:
    text = (
        "Ciao, ci scusiamo per il disagio! Scrivici in privato con il tuo numero d'ordine e "
        f"controlliamo subito. {SIGN_IT}"
    )
    out = run(
        demo_settings,
        pack,
        "warmer",
        text,
        channel="instagram",
        language="it",
        target_language="it",
        post_text="Il mio ordine è in ritardo di una settimana",
        category="delivery",
    )
    assert out.text.startswith("Ciao, ") and out.text.count("Ciao") == 1
    assert "disagio" not in out.text and "ci dispiace davvero" in out.text.lower()


def test_a_brand_sentence_that_adds_a_blocking_finding_is_not_used(
    demo_settings: Any, pack: Any
) -> None:
    text = f"@gio We're so sorry your parcel is late. {SIGN_EN}"
    out = run(
        demo_settings,
        pack,
        "add_next_step",
        text,
        kind="apology",
        category="delivery",
        post_text="Where is my parcel? A week late.",
        author="@gio",
    )
    before = check_text(pack, text, channel="x", kind="apology", language="en", author="@gio")
    after = check_text(pack, out.text, channel="x", kind="apology", language="en", author="@gio")
    assert len(after.blocking) <= len(before.blocking)
