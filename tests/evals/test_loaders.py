"""Suite files, case files and their errors: every problem names the file and how to fix it."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.errors import InvalidInputError, NotFoundError
from evals.evaluators import Check, Checks, Similarity
from evals.loaders import csv_row_to_case, find_suite, load_suite
from tests.evals.conftest import write_suite


def test_defaults_apply_and_cases_override(tmp_path: Path) -> None:
    path = write_suite(
        tmp_path,
        """
        $schema: ../suite.schema.json
        name: t
        defaults:
          brand: demo
          channel: facebook
          facts: ["Next update by 10:00 CET."]
          evaluators: [checks, {similarity: 0.6}, tone.sarcasm]
        cases:
          - id: a
            post: "late order"
          - id: b
            post: "charged twice"
            channel: x
            facts: []
            skip_evaluators: [similarity]
            evaluators: [{contains: DM}]
            thread: ["first message", {text: "our reply", from_brand: true}]
    """,
    )
    loaded = load_suite(path)
    a, b = loaded.cases
    assert (a.brand, a.channel, a.kind, a.facts) == (
        "demo",
        "facebook",
        "reply",
        ["Next update by 10:00 CET."],
    )
    assert [type(e) for e in a.evaluators] == [Checks, Similarity, Check]
    assert a.evaluators[1].threshold == 0.6  # type: ignore[attr-defined]
    assert (b.channel, b.facts) == ("x", [])
    assert [e.key for e in b.evaluators] == ["checks", "check", "contains"]
    assert b.thread[1].from_brand and not b.thread[0].from_brand
    assert b.request("crisisdraft/composer").model == "crisisdraft/composer"


def test_cases_from_jsonl_and_csv(tmp_path: Path) -> None:
    (tmp_path / "more.jsonl").write_text('{"id": "j1", "post": "hello", "tags": ["x"]}\n\n')
    (tmp_path / "more.csv").write_text(
        "id,post,channel,expect.category,expect.risk_flags,expect.public_draft,tags\n"
        'c1,"My order, late",instagram,delivery,legal_threat|safety_injury,false,a|b\n'
    )
    path = write_suite(
        tmp_path,
        """
        name: t
        defaults: {brand: demo}
        cases_from: [{file: more.jsonl}, {file: more.csv}]
    """,
    )
    loaded = load_suite(path)
    j1, c1 = loaded.cases
    assert j1.tags == ["x"] and j1.origin == "more.jsonl line 1"
    assert c1.post == "My order, late" and c1.channel == "instagram"
    assert c1.expect.risk_flags == ["legal_threat", "safety_injury"]
    assert c1.expect.public_draft is False and c1.tags == ["a", "b"]
    assert csv_row_to_case({"evaluators": '[{"contains": "DM"}]'}) == {
        "evaluators": [{"contains": "DM"}]
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("name: t\ncases:\n  - {id: a, post: p, brand: demo, bogus: 1}\n", "bogus"),
        (
            "name: t\ndefaults: {brand: demo, evaluators: [contans]}\ncases: [{id: a, post: p}]\n",
            "unknown evaluator 'contans'",
        ),
        (
            "name: t\ndefaults: {brand: demo, evaluators: [{similarity: high}]}\n"
            "cases: [{id: a, post: p}]\n",
            "similarity",
        ),
        (
            "name: t\ndefaults: {brand: demo, evaluators: [{check: tone.nope}]}\n"
            "cases: [{id: a, post: p}]\n",
            "unknown check id",
        ),
        ("name: t\ncases: [{id: a, post: p}]\n", "no brand"),
        (
            "name: t\ndefaults: {brand: demo}\ncases: [{id: a, post: p}, {id: a, post: q}]\n",
            "also used by",
        ),
        (
            "name: t\ndefaults: {brand: demo}\ncases: [{id: a, post: p, skip_evaluators: [x]}]\n",
            "skip_evaluators",
        ),
        ("name: t\ncases: [{id: a, post: p\n", "not valid YAML"),
        (
            "name: t\ndefaults: {brand: demo, evaluators: [{judge: missing.md}]}\n"
            "cases: [{id: a, post: p}]\n",
            "rubric file",
        ),
    ],
)
def test_problems_name_the_place_and_the_fix(tmp_path: Path, body: str, expected: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(body)
    with pytest.raises(InvalidInputError) as info:
        load_suite(path)
    assert expected in info.value.message
    assert info.value.fix


def test_bad_jsonl_line_is_named(tmp_path: Path) -> None:
    (tmp_path / "c.jsonl").write_text('{"id": "a", "post": "p"}\n{oops\n')
    path = write_suite(
        tmp_path, "name: t\ndefaults: {brand: demo}\ncases_from: [{file: c.jsonl}]\n"
    )
    with pytest.raises(InvalidInputError, match="line 2"):
        load_suite(path)


def test_shipped_suites_by_name() -> None:
    assert find_suite("demo").name == "demo.yaml"
    with pytest.raises(NotFoundError) as info:
        find_suite("nope")
    assert "demo" in info.value.fix
    demo = load_suite("demo")
    assert len(demo.cases) >= 80
    assert {c.channel for c in demo.cases} >= {
        "x",
        "instagram",
        "facebook",
        "tiktok",
        "linkedin",
        "reviews",
        "email",
        "chat",
    }
    escalations = [c for c in demo.cases if c.expect.public_draft is False]
    assert len(escalations) >= 15
    adversarial = load_suite("adversarial")
    assert all(c.source and c.source.get("licence") for c in adversarial.cases)
