"""``crisisdraft draft``: draft a reply in-process and print it with triage and checks."""

from __future__ import annotations

from typing import Any

import typer

from drafting.cli.output import cli_errors, console, print_json, settings_from_cli


def draft(
    post: str = typer.Argument(..., help="The post to answer."),
    brand: str = typer.Option(..., "--brand"),
    channel: str = typer.Option("x", "--channel"),
    kind: str = typer.Option("reply", "--kind"),
    author: str | None = typer.Option(None, "--author", help="Public handle, e.g. @anna."),
    fact: list[str] = typer.Option([], "--fact", help="An incident fact (repeatable)."),
    n: int = typer.Option(1, "--n", min=1, help="Alternatives."),
    model: str | None = typer.Option(None, "--model", help="Any litellm model name."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Triage, retrieve, draft and check one reply (the draft is stored for review)."""
    with cli_errors():
        import asyncio

        from pydantic import ValidationError

        from drafting.errors import InvalidInputError
        from drafting.pipeline import create_draft
        from drafting.schemas import DraftCreate
        from drafting.storage.repository import Storage
        from knowledge.registry import BrandRegistry

        settings = settings_from_cli()
        try:
            req = DraftCreate.model_validate(
                {
                    "brand": brand,
                    "channel": channel,
                    "kind": kind,
                    "n": n,
                    "model": model,
                    "post": {"text": post, "author": author},
                    "facts": fact,
                }
            )
        except ValidationError as exc:
            err = exc.errors()[0]
            raise InvalidInputError(
                f"{'.'.join(map(str, err['loc']))}: {err['msg']}",
                fix="See `crisisdraft draft --help`.",
            ) from None
        result = asyncio.run(
            create_draft(
                req,
                settings=settings,
                registry=BrandRegistry(settings),
                store=Storage(settings.resolved_database_url),
            )
        )
        if as_json:
            print_json(result.model_dump(mode="json"))
            return
        show_draft(result.model_dump(mode="json"))


def show_draft(d: dict[str, Any]) -> None:
    from rich.panel import Panel

    out = console()
    tri = d["triage"]
    flags = ", ".join(tri["risk_flags"]) or "none"
    out.print(
        f"[bold]triage[/]: {tri['category']} · severity {tri['severity']} · "
        f"{tri['sentiment']['label']} · action {tri['action']} · flags: {flags}"
    )
    if d.get("escalation"):
        e = d["escalation"]
        out.print(f"[bold red]escalate to {e['role']}[/] ({e['contact_name']}, {e['contact']})")
    out.print(
        Panel(
            d["text"],
            title=f"{d['kind']} on {d['channel']} · {d['verdict']}",
            subtitle=f"{d['model']} · {d['prompt_version']} · {d['timings']['total_ms']:.0f} ms",
        )
    )
    for i, alt in enumerate(d["alternatives"], start=2):
        out.print(Panel(alt["text"], title=f"alternative {i} · {alt['verdict']}"))
    show_findings(d["checks"])
    for note in d["notes"]:
        out.print(f"[yellow]note[/]: {note}")
    cited = [s["id"] for s in d["sources"]][:8]
    out.print(f"sources: {', '.join(cited)}   draft id: {d['id']}")


def show_findings(report: dict[str, Any]) -> None:
    out = console()
    failed = [f for f in report["findings"] if not f["passed"]]
    if not failed:
        out.print("[green]all checks pass[/]")
    for f in failed:
        colour = {"block": "red", "warn": "yellow"}.get(f["severity"], "cyan")
        evidence = f' "{f["evidence"]}"' if f.get("evidence") else ""
        out.print(
            f"[{colour}]{f['severity']}[/] {f['id']}:{evidence} {f['explanation']} "
            f"→ {f['suggestion']}"
        )
