"""Each evaluator on hand-assembled drafts checked by the real checks (see ``draft_for``)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import numpy as np

from drafting.config import Settings
from evals.cases import ResolvedCase
from evals.evaluators import EVALUATORS, EvalContext, Result, parse_evaluator
from evals.models import Expect
from evals.services import EvalServices, VectorBatcher
from tests.evals.conftest import draft_for

HERE = Path(__file__).parent


def run(
    spec: Any,
    draft: Any,
    pack: Any,
    *,
    expect: dict[str, Any] | None = None,
    reference: str | None = None,
    channel: str = "x",
    services: EvalServices | None = None,
) -> list[Result]:
    evaluator = parse_evaluator(spec, base_dir=HERE, where="test")
    case = ResolvedCase(
        id="c",
        brand="demo",
        channel=channel,
        kind=draft.kind,
        post=draft.post.text,
        origin="test",
        reference=reference,
        expect=Expect.model_validate(expect or {}),
        evaluators=[evaluator],
    )
    ctx = EvalContext(
        case=case,
        draft=draft,
        pack=pack,
        settings=Settings(_env_file=None),
        services=services or EvalServices(),
    )
    if evaluator.is_async:
        return asyncio.run(evaluator.aevaluate(ctx))
    return evaluator.evaluate(ctx)


def by_name(results: list[Result]) -> dict[str, Result]:
    return {r.evaluator: r for r in results}


def test_every_check_id_is_an_evaluator(demo_pack: Any) -> None:
    from drafting.checks import CHECK_IDS

    draft = draft_for(
        demo_pack,
        "My order is late.",
        "@ana Sorry if you are upset, but the courier lost it. ^Team Verdello",
    )
    for check_id in CHECK_IDS:
        (result,) = run(check_id, draft, demo_pack)
        assert result.evaluator == f"check:{check_id}"
    (blame,) = run({"check": "tone.blame_shift"}, draft, demo_pack)
    assert blame.status == "fail" and blame.metric == "Empathy"
    assert "tone.blame_shift" in blame.reason and "sorry if" in blame.reason.lower()


def test_checks_group_by_family_and_expected_findings_must_fire(demo_pack: Any) -> None:
    post = "Your kettle lid flew off and burned my hand. My lawyer will be in touch."
    draft = draft_for(
        demo_pack,
        post,
        "@ana We're very sorry to hear this. Could you send us a DM? ^Team Verdello",
        kind="holding_statement",
    )
    results = by_name(run("checks", draft, demo_pack))
    assert set(results) >= {"checks:escalation", "checks:tone", "checks:personal_data"}
    assert results["checks:escalation"].status == "fail"  # not expected: a failure
    expected = by_name(
        run("checks", draft, demo_pack, expect={"findings": ["escalation.public_draft"]})
    )
    assert expected["checks:escalation"].status == "pass"
    assert "fired as expected" in expected["checks:escalation"].reason
    quiet = draft_for(demo_pack, "My order is late.", "@ana We're sorry. ^Team Verdello")
    missing = by_name(
        run("checks", quiet, demo_pack, expect={"findings": ["escalation.public_draft"]})
    )
    assert missing["checks:escalation"].status == "fail"
    assert "should have fired" in missing["checks:escalation"].reason


def test_triage_expectations(demo_pack: Any) -> None:
    post = "Your kettle lid flew off and burned my daughter's hand."
    draft = draft_for(demo_pack, post, "@ana We're so sorry. ^Team Verdello")
    results = by_name(
        run(
            "triage",
            draft,
            demo_pack,
            expect={
                "risk_flags": ["safety_injury"],
                "category": "delivery",
                "public_draft": False,
                "min_severity": "high",
            },
        )
    )
    assert results["triage.risk_flags"].status == "pass"
    assert results["triage.category"].status == "fail"
    assert "expected delivery, got safety" in results["triage.category"].reason
    assert results["triage.public_draft"].status == "pass"
    assert results["triage.public_draft"].metric == "Escalation"
    assert results["triage.severity"].status == "pass"
    (skipped,) = run("triage", draft, demo_pack)
    assert skipped.status == "skip"


def test_personal_data_is_not_repeated_in_public(demo_pack: Any) -> None:
    post = "My order VD-1234567 never came, e-mail me at anna.rossi@mail.example"
    leaky = draft_for(demo_pack, post, "@ana Sorry about order VD 1234567. ^Team Verdello")
    (result,) = run(
        "personal_data",
        leaky,
        demo_pack,
        expect={"personal_data": ["VD-1234567", "anna.rossi@mail.example"]},
    )
    assert result.status == "fail" and "'VD-1234567'" in result.reason
    clean = draft_for(
        demo_pack,
        post,
        "@ana We're sorry. Could you send us a DM with your order number? ^Team Verdello",
    )
    (ok,) = run(
        "personal_data",
        clean,
        demo_pack,
        expect={"personal_data": ["VD-1234567", "anna.rossi@mail.example"]},
    )
    assert ok.status == "pass"
    private = draft_for(
        demo_pack, post, "Sorry about order VD-1234567. ^Team Verdello", channel="email"
    )
    (skip,) = run(
        "personal_data",
        private,
        demo_pack,
        channel="email",
        expect={"personal_data": ["VD-1234567"]},
    )
    assert skip.status == "skip"


def test_text_assertions_and_length(demo_pack: Any) -> None:
    draft = draft_for(demo_pack, "late", "@ana Sorry, please send us a DM. ^Team Verdello")
    assert run({"contains": ["dm", "sorry"]}, draft, demo_pack)[0].status == "pass"
    assert (
        run({"contains": {"value": ["refund", "dm"], "any": True}}, draft, demo_pack)[0].status
        == "pass"
    )
    assert run({"not_contains": "Haha pwned"}, draft, demo_pack)[0].status == "pass"
    assert run({"regex": r"\^Team Verdello$"}, draft, demo_pack)[0].status == "pass"
    failed = run({"not_regex": r"\bdm\b"}, draft, demo_pack)[0]
    assert failed.status == "fail" and failed.metric == "Safety"
    assert run("length", draft, demo_pack)[0].reason.endswith("of 280 allowed")
    assert run({"length": {"max": 10}}, draft, demo_pack)[0].status == "fail"


def test_required_moves(demo_pack: Any) -> None:
    draft = draft_for(
        demo_pack,
        "My order is three weeks late.",
        "@ana Your order is three weeks late and we're sorry. ^Team Verdello",
        kind="apology",
    )
    (result,) = run("required_moves", draft, demo_pack)
    assert result.status == "fail" and "missing next_step" in result.reason
    assert result.score is not None and 0 < result.score < 1


def test_grounded_flags_invented_claims(demo_pack: Any) -> None:
    sources = [
        {
            "id": "r1",
            "source": "approved_reply",
            "title": "t",
            "snippet": "We're sorry for the wait. Could you send us a DM with your order number?",
        }
    ]
    post = "Where is my order?"
    good = draft_for(
        demo_pack,
        post,
        "@ana We're sorry for the wait. Could you send us a DM "
        "with your order number? ^Team Verdello",
        sources=sources,
    )
    assert run("grounded", good, demo_pack)[0].status == "pass"
    bad = draft_for(
        demo_pack,
        post,
        "@ana A hurricane destroyed the Piacenza warehouse "
        "yesterday and everyone gets 50 euros tomorrow. ^Team Verdello",
        sources=sources,
    )
    (result,) = run("grounded", bad, demo_pack)
    assert result.status == "fail" and "unsupported" in result.reason


class WordVectors:
    """A stand-in embedding model (bag of words, normalised): the similarity evaluator's
    arithmetic and batching are under test here, not all-MiniLM-L6-v2 (tested elsewhere)."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        vocab = ["sorry", "dm", "order", "refund", "late", "kettle"]
        out = np.zeros((len(texts), len(vocab)), dtype=np.float32)
        for i, text in enumerate(texts):
            for j, word in enumerate(vocab):
                out[i, j] = text.lower().count(word)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-9)


def test_similarity_to_reference(demo_pack: Any) -> None:
    vectors = WordVectors()
    services = EvalServices(embed=vectors)
    draft = draft_for(
        demo_pack, "late", "@ana Sorry your order is late, send us a DM. ^Team Verdello"
    )
    (same,) = run(
        "similarity",
        draft,
        demo_pack,
        services=services,
        reference="@bob We're sorry the order is late. Send a DM. ^Team Verdello",
    )
    assert same.status == "pass" and same.score is not None and same.score > 0.9
    (other,) = run(
        {"similarity": 0.5},
        draft,
        demo_pack,
        services=services,
        reference="The kettle refund is on its way.",
    )
    assert other.status == "fail"
    (skip,) = run("similarity", draft, demo_pack, services=services)
    assert skip.status == "skip"


def test_vector_batcher_embeds_concurrent_requests_once_in_one_batch() -> None:
    vectors = WordVectors()
    batcher = VectorBatcher(vectors)

    async def go() -> list[np.ndarray]:
        return await asyncio.gather(
            *[batcher.vector(t) for t in ["sorry", "order late", "sorry", "dm"]]
        )

    results = asyncio.run(go())
    assert len(vectors.calls) == 1 and sorted(vectors.calls[0]) == ["dm", "order late", "sorry"]
    assert np.allclose(results[0], results[2])


def test_latency_and_cost(demo_pack: Any) -> None:
    draft = draft_for(demo_pack, "late", "@ana Sorry. ^Team Verdello", total_ms=900)
    assert run({"latency": 1000}, draft, demo_pack)[0].status == "pass"
    assert run({"latency": 500}, draft, demo_pack)[0].status == "fail"
    assert run("cost", draft, demo_pack)[0].status == "pass"


def test_registry_lists_every_evaluator() -> None:
    assert set(EVALUATORS) == {
        "checks",
        "check",
        "triage",
        "required_moves",
        "length",
        "personal_data",
        "grounded",
        "similarity",
        "unlike",
        "contains",
        "not_contains",
        "regex",
        "not_regex",
        "latency",
        "cost",
        "judge",
    }
