"""How the CLI reports results and errors: rich for people, ``--json`` for scripts."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import typer


@contextmanager
def cli_errors() -> Iterator[None]:
    """Turn crisisdraft errors into a message with the fix and exit code 1 (no traceback)."""
    from drafting.errors import CrisisdraftError

    try:
        yield
    except CrisisdraftError as exc:
        typer.echo(f"Error: {exc.message}", err=True)
        if exc.fix:
            typer.echo(f"Fix: {exc.fix}", err=True)
        raise typer.Exit(1) from None


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def console() -> Any:
    from rich.console import Console

    return Console()


def settings_from_cli() -> Any:
    from drafting.config import get_settings

    return get_settings()


Printer = Callable[[Any], None]
