"""Accuracy floors on the labelled sets, set a little below what was measured.

Measured with ``benchmarks/triage_accuracy.py`` (rules only / with the embedder):
real posts (250)  category 0.624 / 0.640, severity 0.792 / 0.800, action 0.828 / 0.836,
                  sentiment 0.604
synthetic (114)   category 0.930 / 0.921, severity 0.930 / 0.921, action 0.982,
                  sentiment 0.886
every risk flag on both sets: precision 1.00, recall 1.00.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.triage import TextEmbedder, triage
from drafting.triage.scoring import Case, Report, evaluate
from knowledge.brandpack import Brand
from tests.conftest import make_settings

SAFETY_CRITICAL = (
    "legal_threat",
    "safety_injury",
    "media_inquiry",
    "regulator_inquiry",
    "data_breach",
    "self_harm",
    "discrimination",
    "threat_of_violence",
)


def _explain(report: Report) -> str:
    return "\n".join(f"{i} {field}: want {w} got {g}" for i, field, w, g in report.misses[:40])


def test_real_posts_meet_the_floors(real: list[Case], brand: Brand) -> None:
    report = evaluate(real, brand=brand)
    floors = {"category": 0.60, "severity": 0.76, "action": 0.80, "sentiment": 0.56}
    measured = {name: report.accuracy(name) for name in floors}
    assert all(measured[n] >= floors[n] for n in floors), (measured, _explain(report))
    assert report.recall("data_breach") == 1.0  # 8 real account takeovers, all found
    assert sum(report.flag_fp.values()) <= 2, _explain(report)


def test_synthetic_posts_meet_the_floors(synthetic: list[Case], brand: Brand) -> None:
    report = evaluate(synthetic, brand=brand)
    floors = {"category": 0.90, "severity": 0.90, "action": 0.95, "sentiment": 0.85}
    measured = {name: report.accuracy(name) for name in floors}
    assert all(measured[n] >= floors[n] for n in floors), (measured, _explain(report))
    for flag in SAFETY_CRITICAL:
        assert (report.recall(flag) or 0.0) >= 0.95, (flag, _explain(report))
    for flag in report.flag_tp:
        assert (report.precision(flag) or 1.0) >= 0.95, (flag, _explain(report))
    misrouted = [m for m in report.misses if m[1] == "escalate_to"]
    assert misrouted == []


@pytest.fixture(scope="module")
def embedder(tmp_path_factory: pytest.TempPathFactory, models_dir: Path) -> TextEmbedder:
    from knowledge.embedder import get_embedder

    return get_embedder(make_settings(tmp_path_factory.mktemp("triage-data"), models_dir))


def test_real_embedder_refines_category_and_leaves_flags_alone(
    real: list[Case], brand: Brand, embedder: TextEmbedder
) -> None:
    right = 0
    for case in real:
        with_model = triage(case.post, thread=case.thread, brand=brand, embedder=embedder)
        rules_only = triage(case.post, thread=case.thread, brand=brand)
        assert with_model.risk_flags == rules_only.risk_flags
        assert with_model.escalate_to == rules_only.escalate_to
        right += with_model.category == case.expected["category"]
    assert right / len(real) >= 0.61
