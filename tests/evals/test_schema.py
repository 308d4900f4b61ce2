"""The shipped JSON Schema matches the models, and every shipped suite follows it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from evals.loaders import SUITES_DIR
from evals.schema import SCHEMA_PATH, suite_json_schema


def test_committed_schema_is_current() -> None:
    current = json.dumps(suite_json_schema(), indent=2, ensure_ascii=False) + "\n"
    assert SCHEMA_PATH.read_text(encoding="utf-8") == current, (
        "evals/suite.schema.json is stale: run `python -m evals.schema`"
    )


@pytest.mark.parametrize("path", sorted(SUITES_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_shipped_suites_follow_the_schema(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../suite.schema.json")
    data = yaml.safe_load(text)
    assert data["$schema"] == "../suite.schema.json"
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text()))
    assert [e.message for e in validator.iter_errors(data)] == []


def test_schema_refuses_what_the_loader_refuses() -> None:
    validator = jsonschema.Draft202012Validator(suite_json_schema())
    bad = {
        "name": "t",
        "defaults": {"evaluators": ["checks", {"similarity": "high"}, {"contans": 1}]},
        "cases": [{"id": "a", "post": "p", "bogus": 1}],
    }
    paths = sorted(e.json_path for e in validator.iter_errors(bad))
    assert paths == ["$.cases[0]", "$.defaults.evaluators[1]", "$.defaults.evaluators[2]"]
    good = {
        "name": "t",
        "defaults": {
            "evaluators": ["tone.sarcasm", {"check": "tone.sarcasm"}, {"latency": 2000}, "checks"]
        },
        "cases": [{"id": "a", "post": "p"}],
    }
    assert list(validator.iter_errors(good)) == []
