"""Knowledge-base fixtures: the real model, real Chroma (embedded and a `chroma run` server),
and brand packs built in memory and validated by the real pack parser."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import make_settings

#: Italian posts written for these tests (the brand answers customers in their language).
ITALIAN_POSTS = [
    "Il mio ordine doveva arrivare lunedì e il tracking è fermo da quattro giorni. Che succede?",
    "Ho ricevuto un frullatore rotto, il vetro era crepato già nella scatola. Voglio un rimborso.",
    "Vergognatevi, è la terza volta che mi addebitate due volte lo stesso pagamento!",
    "Buongiorno, il sito non funziona da stamattina: non riesco a fare il login.",
    "Grazie mille al vostro servizio clienti, gentilissimi e velocissimi!",
    "Qualcuno ha usato il mio account per ordinare a un indirizzo che non conosco.",
    "Il corriere ha lasciato il pacco sotto la pioggia e ora il divano è bagnato.",
    "Perché nessuno risponde alle email? Aspetto da due settimane il reso.",
]


def customer_posts(dev_json: Path) -> list[str]:
    """Every customer message in the real conversations, in file order."""
    conversations = json.loads(dev_json.read_text())
    return [
        turn["message"] for c in conversations for turn in c["dialogContent"] if "client" in turn
    ]


@pytest.fixture(scope="session")
def real_posts(twitter_dev_json: Path) -> list[str]:
    return customer_posts(twitter_dev_json)


@pytest.fixture(scope="session")
def model_dir(models_dir: Path) -> Path:
    from knowledge.modelfiles import MODEL_NAME

    return models_dir / MODEL_NAME


@pytest.fixture(scope="session")
def reference_model_dir(models_dir: Path) -> Path:
    """The model directory with the fp32 reference weights added (installed once)."""
    from knowledge.modelfiles import install_model_files

    return install_model_files(models_dir, with_reference=True)


@pytest.fixture(scope="session")
def embedder(model_dir: Path) -> Any:
    from knowledge.embedder import Embedder

    return Embedder(model_dir, threads=2)


@pytest.fixture
def kb_settings(tmp_path: Path, models_dir: Path) -> Any:
    """Settings on an empty data dir of the test's own (embedded Chroma inside it)."""
    return make_settings(tmp_path / "data", models_dir)


# --- brand packs ------------------------------------------------------------------------


def reply_record(reply_id: str, post: str, reply: str, **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": reply_id,
        "post": {"text": post, "channel": fields.pop("channel", "x")},
        "reply": reply,
        "category": "delivery",
        "kind": "reply",
        "language": "en",
        "approved_at": "2025-11-03T09:30:00Z",
        "approved_by": "Test Reviewer",
    }
    record.update(fields)
    return record


def pack_files(
    brand_id: str, *, guidelines: dict[str, str], replies: Sequence[dict[str, Any]]
) -> dict[str, bytes]:
    brand = (
        f"id: {brand_id}\nname: Brand {brand_id}\nlanguages: [en, it]\n"
        "channels: [x, instagram, email]\n"
    )
    files = {
        "brand.yaml": brand.encode(),
        "policy.yaml": b"version: 1\n",
        "approved_replies.jsonl": "".join(json.dumps(r) + "\n" for r in replies).encode(),
    }
    files.update({f"guidelines/{name}": text.encode() for name, text in guidelines.items()})
    return files


def build_pack(
    brand_id: str, *, guidelines: dict[str, str], replies: Sequence[dict[str, Any]]
) -> Any:
    """A BrandPack through the real parser (so the test packs are valid packs)."""
    from knowledge.brandpack import parse_pack

    return parse_pack(pack_files(brand_id, guidelines=guidelines, replies=replies))


# --- a real Chroma server ---------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`chroma run` on a free loopback port, stopped after the session; yields its URL."""
    path = tmp_path_factory.mktemp("chroma-server")
    port = _free_port()
    log = (path / "server.log").open("wb")
    exe = Path(sys.executable).parent / "chroma"
    proc = subprocess.Popen(
        [str(exe), "run", "--path", str(path / "db"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                pytest.fail(
                    f"chroma run exited with {proc.returncode}: "
                    f"{(path / 'server.log').read_text()[-2000:]}"
                )
            try:
                if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("chroma run did not answer its heartbeat within 30 s")
            time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture
def server_settings(tmp_path: Path, models_dir: Path, chroma_server: str) -> Any:
    return make_settings(tmp_path / "data", models_dir, chroma_url=chroma_server)
