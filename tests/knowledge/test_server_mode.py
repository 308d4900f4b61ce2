"""The same knowledge base on a real `chroma run` server (CRISISDRAFT_CHROMA_URL)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from typing import Any

import pytest

from knowledge.ingest import ingest_pack
from knowledge.retrieval import search
from tests.conftest import REPO, make_settings
from tests.knowledge.conftest import build_pack, reply_record

pytestmark = pytest.mark.slow

GUIDES = {"voice.md": "# Voice\n\nWarm, short, specific. Never blame the courier.\n"}


def _pack(brand_id: str, word: str) -> Any:
    return build_pack(
        brand_id,
        guidelines=GUIDES,
        replies=[
            reply_record(
                f"{brand_id}-1", f"The {word} order arrived broken", "Sorry! A new one ships."
            ),
            reply_record(
                f"{brand_id}-2",
                "Where is my refund?",
                "It reaches your card in 5 days.",
                category="billing",
            ),
        ],
    )


def test_ingest_and_search_through_the_server(server_settings: Any, embedder: Any) -> None:
    ingest_pack(_pack("srv-a", "walrus"), settings=server_settings, embedder=embedder)
    ingest_pack(_pack("srv-b", "narwhal"), settings=server_settings, embedder=embedder)
    hits = search("srv-a", "walrus order broken", settings=server_settings)
    assert hits[0].metadata["reply_id"] == "srv-a-1"
    assert all(
        "narwhal" not in h.text for h in search("srv-a", "narwhal", k=20, settings=server_settings)
    )
    before = embedder.texts_embedded
    again = ingest_pack(_pack("srv-a", "walrus"), settings=server_settings, embedder=embedder)
    assert (again.added, again.removed) == (0, 0) and embedder.texts_embedded == before


def test_another_process_writes_and_this_one_sees_it(server_settings: Any) -> None:
    ingest_pack(_pack("srv-c", "otter"), settings=server_settings)
    assert all(
        "pangolin" not in h.text
        for h in search("srv-c", "pangolin", k=20, settings=server_settings)
    )
    # A second process (as a second API worker would) approves a reply into the same brand.
    record = reply_record(
        "rv-9",
        "The pangolin lamp flickers",
        "Sorry! A new bulb ships today.",
        category="product_defect",
        draft_id="d-9",
    )
    code = textwrap.dedent(f"""
        import json
        from pathlib import Path
        from drafting.config import Settings
        from knowledge.brandpack import ApprovedReply
        from knowledge.ingest import add_approved_reply
        settings = Settings(_env_file=None, data_dir=Path({str(server_settings.data_dir)!r}),
                            models_dir=Path({str(server_settings.models_dir)!r}),
                            chroma_url={server_settings.chroma_url!r})
        reply = ApprovedReply.model_validate(json.loads({json.dumps(record)!r}))
        print(add_approved_reply("srv-c", reply, settings=settings).added)
    """)
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "1"
    hit = search("srv-c", "pangolin lamp", k=1, settings=server_settings)[0]
    assert hit.metadata["reply_id"] == "rv-9"
    assert hit.lexical_score is not None  # this process's BM25 index was rebuilt


def test_unreachable_server_says_how_to_fix(tmp_path: Any, models_dir: Any) -> None:
    from drafting.errors import SetupError
    from knowledge.vectorstore import get_client

    settings = make_settings(tmp_path / "d", models_dir, chroma_url="http://127.0.0.1:9")
    with pytest.raises(SetupError) as info:
        get_client(settings)
    assert "chroma run" in info.value.fix


def test_a_bad_url_says_how_to_fix(tmp_path: Any, models_dir: Any) -> None:
    from drafting.errors import SetupError
    from knowledge.vectorstore import get_client

    settings = make_settings(tmp_path / "d", models_dir, chroma_url="localhost:8001")
    with pytest.raises(SetupError) as info:
        get_client(settings)
    assert "http://" in info.value.fix
