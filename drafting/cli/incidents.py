"""``crisisdraft incident review|list``: the post-incident review report, from the database."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from drafting.cli.output import cli_errors, print_json, settings_from_cli

if TYPE_CHECKING:
    from drafting.incidents.service import Incidents

app = typer.Typer(no_args_is_help=True)


def _incidents() -> Incidents:
    from drafting.incidents.service import Incidents
    from drafting.storage.repository import Storage
    from knowledge.registry import BrandRegistry

    settings = settings_from_cli()
    return Incidents(Storage(settings.resolved_database_url), settings, BrandRegistry(settings))


@app.command("review")
def review(
    incident_id: str = typer.Argument(..., help="The incident id (inc_...)."),
    out: Path = typer.Option(Path("."), "--out", help="Folder the report files are written to."),
    json_: bool = typer.Option(False, "--json", help="Print the report data as JSON too."),
) -> None:
    """Write review-<id>.md and review-<id>.html (self-contained, with charts) to --out."""
    with cli_errors():
        from drafting.incidents.report_html import render_html
        from drafting.incidents.report_markdown import render_markdown
        from drafting.incidents.review import build_review

        report = build_review(_incidents(), incident_id)
        out.mkdir(parents=True, exist_ok=True)
        markdown, html = out / f"review-{incident_id}.md", out / f"review-{incident_id}.html"
        markdown.write_text(render_markdown(report), encoding="utf-8")
        html.write_text(render_html(report), encoding="utf-8")
        if json_:
            print_json(report.model_dump(mode="json"))
        typer.echo(f"{markdown}\n{html}", err=json_)


@app.command("list")
def list_incidents(
    brand: str = typer.Option(None, "--brand", help="Only this brand."),
    open_only: bool = typer.Option(False, "--open", help="Only open incidents."),
) -> None:
    """Incidents as JSON: open and overdue first."""
    with cli_errors():
        items = _incidents().find(brands=[brand] if brand else ["*"], open_only=open_only)
        print_json([i.model_dump(mode="json", exclude={"updates"}) for i in items])
