"""``crisisdraft brand load|list|import-twitter``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from drafting.cli.output import cli_errors, console, print_json, settings_from_cli

app = typer.Typer(no_args_is_help=True)


@app.command("load")
def load(
    folder: Path = typer.Argument(..., help="Brand pack folder (brand.yaml, policy.yaml, ...)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Validate a brand pack as a whole and load (or replace) it; a bad pack changes nothing."""
    with cli_errors():
        from knowledge.registry import BrandRegistry

        report = BrandRegistry(settings_from_cli()).load_dir(folder)
        if as_json:
            print_json(report.__dict__)
            return
        state = "loaded" if report.changed else "unchanged, nothing to do"
        typer.echo(
            f"brand {report.brand_id}: {state} (chunks +{report.chunks_added} "
            f"-{report.chunks_removed} ={report.chunks_unchanged}, {report.seconds:.2f} s)"
        )


@app.command("list")
def list_brands(as_json: bool = typer.Option(False, "--json")) -> None:
    """List the loaded brands."""
    with cli_errors():
        from knowledge.registry import BrandRegistry

        registry = BrandRegistry(settings_from_cli())
        rows: list[dict[str, Any]] = []
        for brand_id in registry.ids():
            pack = registry.get(brand_id)
            rows.append(
                {
                    "id": brand_id,
                    "name": pack.brand.name,
                    "languages": pack.brand.languages,
                    "channels": pack.brand.channels,
                    "guidelines": len(pack.guidelines),
                    "approved_replies": len(pack.approved_replies),
                }
            )
        if as_json:
            print_json(rows)
            return
        from rich.table import Table

        table = Table("id", "name", "languages", "guidelines", "approved replies")
        for r in rows:
            table.add_row(
                r["id"],
                r["name"],
                ",".join(r["languages"]),
                str(r["guidelines"]),
                str(r["approved_replies"]),
            )
        console().print(table if rows else "No brands loaded: run `crisisdraft brand load DIR`.")


@app.command("import-twitter")
def import_twitter(
    dev_json: Path = typer.Argument(..., help="twitter-customer-care dev.json"),
    out: Path = typer.Option(..., "--out", help="Folder to write one pack per company into."),
) -> None:
    """Turn the public customer-care conversations into one brand pack per company."""
    with cli_errors():
        from knowledge.twitter_import import import_twitter as run

        counts = run(dev_json, out)
        for brand_id, n in counts.items():
            typer.echo(f"{out / brand_id}: {n} approved replies")
