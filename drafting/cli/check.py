"""``crisisdraft check``: run the policy and tone checks on any text."""

from __future__ import annotations

import typer

from drafting.cli.output import cli_errors, print_json, settings_from_cli


def check(
    text: str = typer.Argument(..., help="The reply to check."),
    brand: str = typer.Option(..., "--brand"),
    channel: str = typer.Option("x", "--channel"),
    kind: str = typer.Option("reply", "--kind"),
    post: str = typer.Option("", "--post", help="The customer's post, for personal-data echo."),
    fact: list[str] = typer.Option([], "--fact", help="An incident fact (repeatable)."),
    judge: str | None = typer.Option(None, "--judge", help="Also ask this model to judge."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Exit code 0 when the verdict is ok, 1 on error, 3 when blocking checks fail."""
    with cli_errors():
        from drafting.checks.service import check_text
        from drafting.cli.draft import show_findings
        from knowledge.registry import BrandRegistry

        pack = BrandRegistry(settings_from_cli()).get(brand)
        report = check_text(
            pack, text, channel=channel, kind=kind, post_text=post, facts=fact, judge_model=judge
        )
        data = report.model_dump()
        if as_json:
            print_json(data)
        else:
            typer.echo(f"verdict: {data['verdict']} (language {data['language']})")
            show_findings(data)
        if data["verdict"] != "ok":
            raise typer.Exit(3)
