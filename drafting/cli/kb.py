"""``crisisdraft kb search``."""

from __future__ import annotations

import typer

from drafting.cli.output import cli_errors, console, print_json, settings_from_cli

app = typer.Typer(no_args_is_help=True)


@app.command("search")
def search(
    query: str = typer.Argument(..., help="What to look for."),
    brand: str = typer.Option(..., "--brand", help="Brand id."),
    k: int = typer.Option(8, "--k", min=1, max=50),
    source: str | None = typer.Option(None, help="guideline or approved_reply"),
    channel: str | None = typer.Option(None),
    category: str | None = typer.Option(None),
    kind: str | None = typer.Option(None),
    language: str | None = typer.Option(None),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Ranked hybrid (dense + BM25) results with scores and sources."""
    with cli_errors():
        from knowledge.retrieval import search as run

        where = {
            key: value
            for key, value in {
                "channel": channel,
                "category": category,
                "kind": kind,
                "language": language,
            }.items()
            if value
        }
        hits = run(
            brand,
            query,
            k=k,
            kinds=[source] if source else None,
            where=where or None,
            settings=settings_from_cli(),
        )
        if as_json:
            print_json([h.model_dump() for h in hits])
            return
        from rich.table import Table

        table = Table("#", "score", "source", "where", "text")
        for h in hits:
            meta = h.metadata
            where_txt = meta.get("path") or meta.get("reply_id") or h.id
            table.add_row(
                str(h.rank),
                f"{h.score:.4f}",
                h.source,
                str(where_txt),
                (meta.get("reply") or h.text)[:160],
            )
        console().print(table if hits else "No results.")
