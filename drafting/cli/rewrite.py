"""``crisisdraft rewrite``: a rewrite action on a stored draft or on any text, in-process."""

from __future__ import annotations

import getpass

import typer

from drafting.cli.output import cli_errors, console, print_json, settings_from_cli


def rewrite(
    action: str = typer.Argument(
        ..., help="shorter, warmer, more_formal, simpler, translate or add_next_step."
    ),
    text: str | None = typer.Argument(None, help="The text to rewrite (omit with --draft)."),
    draft_id: str | None = typer.Option(
        None, "--draft", help="Rewrite this stored draft: kept as its new, re-checked version."
    ),
    brand: str | None = typer.Option(None, "--brand", help="With TEXT: the brand."),
    channel: str = typer.Option("x", "--channel", help="With TEXT: the channel."),
    kind: str = typer.Option("reply", "--kind", help="With TEXT: the draft kind."),
    post: str | None = typer.Option(None, "--post", help="With TEXT: the customer's post."),
    author: str | None = typer.Option(
        None, "--author", help="With TEXT: the customer's public handle, e.g. @anna."
    ),
    language: str | None = typer.Option(None, "--language", help="translate: target language."),
    model: str | None = typer.Option(None, "--model", help="Any litellm model name."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Shorter, warmer, more formal, simpler, translated or with a next step; re-checked."""
    with cli_errors():
        import asyncio

        from pydantic import ValidationError

        from drafting.access import ALL_BRANDS, Principal
        from drafting.errors import InvalidInputError
        from drafting.rewrite.service import rewrite_any_text, rewrite_draft
        from drafting.schemas import TextRewriteCreate
        from drafting.storage.repository import Storage
        from knowledge.registry import BrandRegistry

        settings = settings_from_cli()
        registry = BrandRegistry(settings)
        if (draft_id is None) == (text is None):
            raise InvalidInputError(
                "Give either TEXT (with --brand) or --draft ID.",
                fix="e.g. crisisdraft rewrite shorter --draft d_123, or crisisdraft rewrite "
                'warmer "We regret the delay." --brand demo --channel x',
            )
        if draft_id is not None:
            storage = Storage(settings.resolved_database_url)
            operator = Principal("cli", getpass.getuser(), "admin", (ALL_BRANDS,))
            result, report = asyncio.run(
                rewrite_draft(
                    storage,
                    registry,
                    settings,
                    draft_id=draft_id,
                    action=action,
                    principal=operator,
                    model=model,
                )
            )
            verdict = report.verdict if report is not None else "unchanged"
            findings = report.model_dump() if report is not None else None
        else:
            try:
                body = TextRewriteCreate.model_validate(
                    {
                        "brand": brand,
                        "channel": channel,
                        "kind": kind,
                        "text": text,
                        "action": action,
                        "language": language,
                        "post_text": post,
                        "author": author,
                        "model": model,
                    }
                )
            except ValidationError as exc:
                err = exc.errors()[0]
                raise InvalidInputError(
                    f"{'.'.join(map(str, err['loc']))}: {err['msg']}",
                    fix="See `crisisdraft rewrite --help`.",
                ) from None
            result, report = asyncio.run(
                rewrite_any_text(registry.get(body.brand), body, settings=settings)
            )
            verdict, findings = report.verdict, report.model_dump()
        if as_json:
            print_json(
                {
                    "action": result.action,
                    "text": result.text,
                    "changed": result.changed,
                    "verdict": verdict,
                    "model": result.model,
                    "offline": result.offline,
                    "notes": result.notes,
                    "checks": findings,
                }
            )
            return
        from rich.panel import Panel

        from drafting.cli.draft import show_findings

        out = console()
        how = "offline, from the brand's knowledge" if result.offline else result.model
        out.print(Panel(result.text, title=f"{action} · {verdict}", subtitle=how))
        for note in result.notes:
            out.print(f"[yellow]note[/]: {note}")
        if findings is not None:
            show_findings(findings)
