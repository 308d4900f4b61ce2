"""``crisisdraft keys create|list|revoke|bootstrap``."""

from __future__ import annotations

import typer

from drafting.cli.output import cli_errors, print_json, settings_from_cli

app = typer.Typer(no_args_is_help=True)


@app.command("create")
def create(
    role: str = typer.Option(..., "--role", help="agent, reviewer, lead or admin."),
    brand: list[str] = typer.Option(..., "--brand", help="Brand id (repeatable), or '*' for all."),
    name: str = typer.Option("", "--name", help="Who or what uses the key."),
) -> None:
    """Create a key and print it once (only its hash is stored)."""
    with cli_errors():
        from drafting.access import ROLES
        from drafting.errors import InvalidInputError
        from drafting.storage.repository import Storage

        if role not in ROLES:
            raise InvalidInputError(
                f"Unknown role {role!r}.", fix=f"Use one of {', '.join(ROLES)}."
            )
        storage = Storage(settings_from_cli().resolved_database_url)
        key, principal = storage.create_key(name=name or f"{role} key", role=role, brands=brand)
        typer.echo(key)
        typer.echo(
            f"# {principal.key_id}: role {role}, brands {', '.join(principal.brands)}. "
            "Store it now: it is not shown again.",
            err=True,
        )


@app.command("list")
def list_keys() -> None:
    """List keys (never their secrets)."""
    with cli_errors():
        from drafting.storage.repository import Storage

        print_json(Storage(settings_from_cli().resolved_database_url).list_keys())


@app.command("revoke")
def revoke(key_id: str = typer.Argument(...)) -> None:
    with cli_errors():
        from drafting.storage.repository import Storage

        Storage(settings_from_cli().resolved_database_url).revoke_key(key_id, "cli")
        typer.echo(f"revoked {key_id}")


@app.command("bootstrap")
def bootstrap() -> None:
    """First start only: create an admin key and save it to <data_dir>/admin.key (mode 600)."""
    with cli_errors():
        from drafting.storage.repository import Storage

        settings = settings_from_cli()
        path = settings.data_dir / "admin.key"
        storage = Storage(settings.resolved_database_url)
        if storage.has_keys():
            hint = f" (the first one is in {path})" if path.exists() else ""
            typer.echo(f"API keys exist already{hint}; nothing to do.")
            return
        key, _ = storage.create_key(name="bootstrap admin", role="admin", brands=["*"])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(key + "\n")
        typer.echo(
            f"Created an admin key, saved in {path}: use it as 'Authorization: Bearer "
            f"$(cat {path})' and create scoped keys with `crisisdraft keys create`."
        )
