"""``crisisdraft serve``: the HTTP API, in one process or several workers.

With ``--workers N`` (N > 1) every worker process opens its own listening socket on the same
port with ``SO_REUSEPORT``, so the kernel spreads new connections over the workers (by a
hash of their addresses: evenly on average).
(uvicorn's own ``workers=N`` shares one socket, and the worker that wakes first takes every
waiting connection: with keep-alive clients one worker then served all the load while the
other idled; see benchmarks/README.md, "Scale-out".) A small supervisor here restarts a
worker that dies and stops them all on SIGTERM or Ctrl-C.
"""

from __future__ import annotations

import socket

import typer

APP = "drafting.api.main:create_app"
#: A worker that exits with an error (not killed by a signal) sooner than this after its
#: start failed to start (e.g. the port is taken): restarting it would not help.
STARTUP_S = 15.0


def serve(
    host: str = typer.Option(None, help="Interface to bind (default 127.0.0.1)."),
    port: int = typer.Option(None, help="Port (default 8000)."),
    workers: int = typer.Option(
        1,
        min=1,
        help="Worker processes. More than one needs a Chroma server (CRISISDRAFT_CHROMA_URL); "
        "they share rate limits and idempotency keys through the database (PostgreSQL for "
        "several machines).",
    ),
) -> None:
    """Start the API; prints its URL."""
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
    shown = f", {workers} workers" if workers > 1 else ""
    typer.echo(f"crisisdraft API on http://{host}:{port}  (docs: http://{host}:{port}/docs{shown})")
    log_level = settings.log_level.lower()
    if workers == 1 or not hasattr(socket, "SO_REUSEPORT"):
        import uvicorn

        uvicorn.run(APP, factory=True, host=host, port=port, workers=workers, log_level=log_level)
        return
    raise typer.Exit(supervise(host, port, workers, log_level))


def listen(host: str, port: int) -> socket.socket:
    """A listening socket of one worker's own on the shared port (``SO_REUSEPORT``)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    return sock


def run_worker(host: str, port: int, log_level: str) -> None:
    """One worker process: the app on its own socket (the target of a spawned process)."""
    import uvicorn

    config = uvicorn.Config(APP, factory=True, host=host, port=port, log_level=log_level)
    uvicorn.Server(config).run(sockets=[listen(host, port)])


def supervise(host: str, port: int, workers: int, log_level: str) -> int:
    """Run ``workers`` worker processes until SIGTERM/SIGINT; restart any that dies.

    Returns the exit code: 0 after a signal, 1 when a worker fails at startup (e.g. the port
    is taken by another program), which restarting would not cure.
    """
    import multiprocessing
    import signal
    import threading
    import time

    context = multiprocessing.get_context("spawn")
    stopping = threading.Event()

    def start() -> tuple[multiprocessing.process.BaseProcess, float]:
        proc = context.Process(
            target=run_worker, args=(host, port, log_level), name="crisisdraft-worker"
        )
        proc.start()
        return proc, time.monotonic()

    def stop(_signum: int, _frame: object) -> None:
        stopping.set()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    procs = [start() for _ in range(workers)]
    code = 0
    try:
        while not stopping.wait(0.5):
            for i, (proc, started) in enumerate(procs):
                if proc.is_alive():
                    continue
                if (proc.exitcode or 0) > 0 and time.monotonic() - started < STARTUP_S:
                    typer.echo(
                        f"Error: worker {proc.pid} failed at startup (exit code {proc.exitcode}).",
                        err=True,
                    )
                    typer.echo("Fix: read its error above (is the port already in use?).", err=True)
                    stopping.set()
                    code = 1
                    break
                typer.echo(
                    f"worker {proc.pid} exited (code {proc.exitcode}); starting another", err=True
                )
                procs[i] = start()
    finally:
        for proc, _ in procs:
            if proc.is_alive():
                proc.terminate()  # SIGTERM: uvicorn finishes the requests in flight
        for proc, _ in procs:
            proc.join(timeout=30)
            if proc.is_alive():
                proc.kill()
                proc.join()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return code
