"""``crisisdraft rewrite``: on any text and on a stored draft (a new version), offline with the
built-in drafter; wrong arguments get a message that says what to do."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from drafting.cli.app import app
from drafting.storage.repository import Storage


def invoke(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_rewrite_text(cli_env: Any) -> None:
    out = invoke(
        "rewrite",
        "more_formal",
        "Hey, we'll sort it out ASAP! ^Team Verdello",
        "--brand",
        "demo",
        "--channel",
        "email",
        "--json",
    )
    assert out.exit_code == 0, out.output
    result = json.loads(out.output)
    assert result["text"] == "Hello, we will resolve it as soon as possible. ^Team Verdello"
    assert result["offline"] and result["changed"]
    assert result["checks"]["verdict"] == result["verdict"]


def test_rewrite_a_stored_draft(cli_env: Any) -> None:
    drafted = invoke(
        "draft",
        "I have been waiting two weeks for my parcel and nobody answers my emails.",
        "--brand",
        "demo",
        "--channel",
        "facebook",
        "--author",
        "@gio",
        "--json",
    )
    assert drafted.exit_code == 0, drafted.output
    draft_id = json.loads(drafted.output)["id"]
    out = invoke("rewrite", "more_formal", "--draft", draft_id)
    assert out.exit_code == 0, out.output
    assert "more_formal" in out.output and "offline" in out.output
    history = Storage(cli_env.resolved_database_url).history(draft_id)
    assert "DM" in json.loads(drafted.output)["text"]  # the composer asks for a DM here
    assert history["versions"][-1]["origin"] == "rewrite"
    assert "direct message" in history["versions"][-1]["text"]
    assert history["decisions"][-1]["actor"].endswith("(admin, key cli)")


def test_wrong_arguments_say_what_to_do(cli_env: Any) -> None:
    neither = CliRunner().invoke(app, ["rewrite", "shorter"])
    assert neither.exit_code != 0
    assert "Give either TEXT (with --brand) or --draft ID" in neither.output
    bad = CliRunner().invoke(app, ["rewrite", "funnier", "Sorry.", "--brand", "demo"])
    assert bad.exit_code != 0 and "action" in bad.output
    translate = CliRunner().invoke(
        app, ["rewrite", "translate", "Sorry.", "--brand", "demo", "--language", "it"]
    )
    assert translate.exit_code != 0 and "needs a language model" in translate.output
