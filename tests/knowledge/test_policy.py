"""policy.yaml: the demo policy loads, the JSON Schema is current, and bad policies are refused
with the file, the line and the field of every problem."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from knowledge.policy import (
    SCHEMA_PATH,
    Policy,
    neutral_policy,
    parse_policy,
    policy_json_schema,
)
from knowledge.problems import PackProblem, PolicyError
from tests.conftest import DEMO_PACK

DEMO_TEXT = (DEMO_PACK / "policy.yaml").read_text(encoding="utf-8")


def refuse(text: str) -> list[PackProblem]:
    with pytest.raises(PolicyError) as info:
        parse_policy(yaml.safe_load(text), source="policy.yaml", text=text)
    assert "nothing was changed" in str(info.value)
    return info.value.problems


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_demo_policy_loads() -> None:
    policy = parse_policy(yaml.safe_load(DEMO_TEXT), text=DEMO_TEXT)
    assert isinstance(policy, Policy)
    assert policy.languages == ["en", "it"]
    assert policy.compensation.caps["EUR"].public == 20
    assert policy.max_chars("x") == 280 and policy.max_chars("tiktok") == 150
    assert policy.required_moves["apology"] == ["acknowledge", "apologise", "next_step"]
    assert "verdello.example" in policy.links.allowed_domains


def test_committed_schema_is_up_to_date() -> None:
    committed = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert committed == policy_json_schema(), (
        "knowledge/policy.schema.json is stale: run `python -m knowledge.policy`"
    )


def test_schema_accepts_the_demo_policy_and_lists_rule_ids() -> None:
    schema = policy_json_schema()
    jsonschema.validate(yaml.safe_load(DEMO_TEXT), schema)
    assert "tone.sentiment" in schema["properties"]["rules"]["propertyNames"]["enum"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"rules": {"tone.sentimnt": {"enabled": False}}}, schema)


def test_every_field_is_documented() -> None:
    from pydantic import BaseModel

    def walk(model: type[BaseModel]) -> None:
        for name, info in model.model_fields.items():
            annotation = info.annotation
            sub = [
                a
                for a in (annotation, *getattr(annotation, "__args__", ()))
                if isinstance(a, type) and issubclass(a, BaseModel)
            ]
            assert info.description or sub, f"{model.__name__}.{name} has no description"
            for s in sub:
                walk(s)

    walk(Policy)


def test_invalid_regex_is_refused_with_line_and_field() -> None:
    text = DEMO_TEXT.replace(r"- '\bINC-\d{4}-\d+\b'", r"- '(\bINC-\d{4}'")
    problems = refuse(text)
    assert len(problems) == 1
    problem = problems[0]
    assert problem.file == "policy.yaml"
    assert problem.field == "forbidden.custom.patterns.all.0"
    assert problem.line == line_of(text, r"(\bINC-")
    assert "not a valid regular expression" in problem.message
    assert "escape" in problem.message  # says how to fix it


def test_unknown_rule_id_is_refused_with_a_suggestion() -> None:
    text = DEMO_TEXT.replace("tone.empathy: {severity: warn}", "tone.empaty: {severity: warn}")
    [problem] = refuse(text)
    assert problem.field == "rules.tone.empaty"
    assert problem.line == line_of(text, "tone.empaty")
    assert "did you mean 'tone.empathy'" in problem.message


def test_negative_cap_is_refused() -> None:
    text = DEMO_TEXT.replace("public: 20 ", "public: -5 ")
    [problem] = refuse(text)
    assert problem.field == "compensation.caps.EUR.public"
    assert problem.line == line_of(text, "public: -5")
    assert "cannot be negative" in problem.message


def test_negative_channel_count_is_refused() -> None:
    text = DEMO_TEXT.replace(
        "max_hashtags: 0, max_emoji: 1, max_links: 1",
        "max_hashtags: -1, max_emoji: 1, max_links: 1",
    )
    [problem] = refuse(text)
    assert problem.field == "channels.tiktok.max_hashtags"


@pytest.mark.parametrize(
    ("old", "new", "field", "why"),
    [
        (
            "      private: 20 ",
            "      private: 10 ",
            "compensation.caps.EUR.public",
            "above the private cap",
        ),
        (
            "x: {max_chars: 280,",
            "x: {max_chars: 300,",
            "channels.x.max_chars",
            "platform maximum of 280",
        ),
        (
            '      en: ["we\'ll book",',
            '      en: ["valued customer",',
            "moves.next_step.phrases.en.0",
            "is forbidden at voice.banned_words.en.1",
        ),
    ],
)
def test_contradictions_are_refused(old: str, new: str, field: str, why: str) -> None:
    assert old in DEMO_TEXT
    text = DEMO_TEXT.replace(old, new)
    problems = refuse(text)
    assert [p.field for p in problems] == [field]
    assert why in problems[0].message
    assert problems[0].line is not None


def test_a_required_move_whose_check_is_disabled_is_a_contradiction() -> None:
    text = DEMO_TEXT + "  structure.apologise: {enabled: false}\n"
    problems = refuse(text)
    assert {p.field for p in problems} == {
        "required_moves.apology",
        "required_moves.holding_statement",
        "required_moves.resolution_update",
    }
    assert "structure.apologise is disabled" in problems[0].message


def test_channel_cap_above_the_public_cap_and_links_contradiction() -> None:
    data = yaml.safe_load(DEMO_TEXT)
    data["compensation"]["caps"]["EUR"]["per_channel"] = {"instagram": 50}
    data["channels"]["tiktok"]["links_allowed"] = False
    with pytest.raises(PolicyError) as info:
        parse_policy(data)
    fields = {p.field for p in info.value.problems}
    assert fields == {"compensation.caps.EUR.per_channel.instagram", "channels.tiktok.max_links"}


def test_misspelt_field_gets_a_did_you_mean() -> None:
    text = DEMO_TEXT.replace("  max_exclamations: 1", "  max_exclamation: 1")
    [problem] = refuse(text)
    assert problem.field == "voice.max_exclamation"
    assert "did you mean 'max_exclamations'" in problem.message
    assert problem.line == line_of(text, "max_exclamation: 1")


def test_bad_language_key_and_currency() -> None:
    problems = refuse(
        "voice:\n  banned_words:\n    english: [foo]\ncompensation:\n  caps:\n"
        "    euro: {public: 1}\n"
    )
    messages = {p.field: p.message for p in problems}
    assert "two-letter code" in messages["voice.banned_words.english"]
    assert "ISO 4217" in messages["compensation.caps.euro"]


def test_every_problem_is_reported_at_once() -> None:
    text = DEMO_TEXT.replace("tone.empathy:", "tone.empaty:").replace(
        r"- '\bINC-\d{4}-\d+\b'", r"- '[unclosed'"
    )
    assert len(refuse(text)) == 2


def test_empty_policy_gets_defaults_and_non_mapping_is_refused() -> None:
    assert parse_policy(None).required_moves["apology"] == ["acknowledge", "apologise", "next_step"]
    with pytest.raises(PolicyError) as info:
        parse_policy(["not", "a", "mapping"], source="policy.yaml")
    assert info.value.problems[0].line == 1


def test_neutral_policy_is_valid_yaml_ready_data() -> None:
    data = neutral_policy(allowed_domains=["help.example.com", "example.com"], languages=["en"])
    policy = parse_policy(yaml.safe_load(yaml.safe_dump(data)))
    assert policy.links.allowed_domains == ["example.com", "help.example.com"]
    assert policy.languages == ["en"]


def test_regenerating_the_schema_is_idempotent(tmp_path: Path) -> None:
    from knowledge.policy import write_policy_schema

    target = tmp_path / "policy.schema.json"
    assert write_policy_schema(target) is True
    assert write_policy_schema(target) is False
