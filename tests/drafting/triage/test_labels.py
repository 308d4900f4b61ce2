"""The labelled sets themselves: complete, valid, and holding no copied customer text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from drafting.triage.scoring import Case
from knowledge.taxonomy import ACTIONS, CATEGORIES, RISK_FLAGS, SEVERITIES
from tests.drafting.triage.conftest import LABELS, ROLES, SYNTHETIC

REAL_KEYS = {"tweet_id", "category", "severity", "risk_flags", "sentiment_label", "action"}


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _valid(row: dict[str, Any]) -> None:
    assert row["category"] in CATEGORIES
    assert row["severity"] in SEVERITIES
    assert row["action"] in ACTIONS
    assert row["sentiment_label"] in ("negative", "neutral", "positive")
    assert isinstance(row["risk_flags"], list)
    assert set(row["risk_flags"]) <= set(RISK_FLAGS)


def test_real_labels_are_ids_and_labels_only() -> None:
    rows = _rows(LABELS)
    assert len(rows) >= 150
    assert len({r["tweet_id"] for r in rows}) == len(rows)
    for row in rows:
        assert set(row) == REAL_KEYS, "store ids and labels only, never the post's text"
        _valid(row)


def test_real_labels_point_at_last_customer_turns(real: list[Case]) -> None:
    assert len(real) == len(_rows(LABELS))
    assert all(case.post.strip() for case in real)


def test_synthetic_set_covers_every_category_flag_and_both_languages() -> None:
    rows = _rows(SYNTHETIC)
    assert len(rows) >= 60
    for row in rows:
        _valid(row)
        escalated = row["action"] == "escalate"
        assert (row["escalate_to"] in ROLES) if escalated else row["escalate_to"] is None
    assert {r["category"] for r in rows} == set(CATEGORIES)
    assert {f for r in rows for f in r["risk_flags"]} == set(RISK_FLAGS)
    italian = [r for r in rows if r["language"] == "it"]
    assert len(italian) >= 30
    assert {f for r in italian for f in r["risk_flags"]} >= {
        "legal_threat",
        "safety_injury",
        "media_inquiry",
        "regulator_inquiry",
        "data_breach",
        "self_harm",
        "discrimination",
        "threat_of_violence",
        "prompt_injection",
    }
    injected_complaints = [
        r for r in rows if "prompt_injection" in r["risk_flags"] and r["category"] != "other"
    ]
    assert {r["language"] for r in injected_complaints} == {"en", "it"}
