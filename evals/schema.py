"""The JSON Schema of suite files (``evals/suite.schema.json``), for editor completion.

Suite files name it on their first lines (``$schema: ../suite.schema.json`` and the
``yaml-language-server`` comment). ``python -m evals.schema`` rewrites the file; a test
checks it matches the models.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from evals.evaluators import EVALUATORS
from evals.models import Suite

SCHEMA_PATH = Path(__file__).resolve().parent / "suite.schema.json"


def _evaluator_schema(defs: dict[str, Any]) -> dict[str, Any]:
    from drafting.checks import CHECK_IDS

    options: dict[str, Any] = {}
    for key, cls in EVALUATORS.items():
        params = cls.model_json_schema()
        defs.update(params.pop("$defs", {}))
        params["description"] = (cls.__doc__ or cls.key).strip().splitlines()[0]
        if key == "check":
            params["properties"]["id"] = {"enum": sorted(CHECK_IDS)}
        alternatives = [params]
        if cls.scalar:
            scalar = dict(params["properties"][cls.scalar])
            scalar.pop("default", None)
            alternatives.append(scalar)
        alternatives.append({"type": "null"})
        options[key] = {"anyOf": alternatives}
    return {
        "description": "An evaluator: a name, or a mapping of one name to its parameters.",
        "anyOf": [
            {"enum": sorted(EVALUATORS) + sorted(CHECK_IDS)},
            {
                "type": "object",
                "minProperties": 1,
                "maxProperties": 1,
                "properties": options,
                "additionalProperties": False,
            },
        ],
    }


def suite_json_schema() -> dict[str, Any]:
    schema = Suite.model_json_schema(by_alias=True)
    defs = schema.setdefault("$defs", {})
    defs["Evaluator"] = _evaluator_schema(defs)
    for model in [schema, *defs.values()]:
        props = model.get("properties", {})
        if "evaluators" in props:
            props["evaluators"]["items"] = {"$ref": "#/$defs/Evaluator"}
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "crisisdraft eval suite"
    return schema


def write_suite_schema(path: Path = SCHEMA_PATH) -> bool:
    """Write the schema to ``path``; return True when the file changed."""
    content = json.dumps(suite_json_schema(), indent=2, ensure_ascii=False) + "\n"
    if path.exists() and path.read_text(encoding="utf-8") == content:
        return False
    path.write_text(content, encoding="utf-8")
    return True


if __name__ == "__main__":  # python -m evals.schema
    print(f"{SCHEMA_PATH}: {'written' if write_suite_schema() else 'unchanged'}")
