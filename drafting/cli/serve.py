"""``crisisdraft serve``: the HTTP API."""

from __future__ import annotations

import typer


def serve(
    host: str = typer.Option(None, help="Interface to bind (default 127.0.0.1)."),
    port: int = typer.Option(None, help="Port (default 8000)."),
    workers: int = typer.Option(
        1, min=1, help="Worker processes (needs PostgreSQL and a Chroma server)."
    ),
) -> None:
    """Start the API; prints its URL."""
    import uvicorn

    from drafting.cli.output import settings_from_cli

    settings = settings_from_cli()
    host = host or "127.0.0.1"
    port = port or 8000
    if workers > 1 and settings.chroma_url is None:
        typer.echo(
            "Error: several workers cannot share embedded Chroma (one writer process per path).",
            err=True,
        )
        typer.echo(
            "Fix: set CRISISDRAFT_CHROMA_URL to a Chroma server (`chroma run`) or use --workers 1.",
            err=True,
        )
        raise typer.Exit(2)
    typer.echo(f"crisisdraft API on http://{host}:{port}  (docs: http://{host}:{port}/docs)")
    uvicorn.run(
        "drafting.api.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=settings.log_level.lower(),
    )
