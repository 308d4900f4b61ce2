"""Brand packs are validated as a whole; problems name the file, line and field."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from knowledge.brandpack import load_pack
from knowledge.problems import BrandPackError
from tests.conftest import DEMO_PACK


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(DEMO_PACK, target)
    return target


def problems_of(folder: Path, **kwargs: int) -> list[str]:
    with pytest.raises(BrandPackError) as info:
        load_pack(folder, **kwargs)
    return [str(p) for p in info.value.problems]


def test_demo_pack_is_complete() -> None:
    pack = load_pack(DEMO_PACK)
    assert pack.brand.id == "demo"
    assert len(pack.guidelines) >= 8
    assert len(pack.approved_replies) >= 60
    italian = [r for r in pack.approved_replies if r.language == "it"]
    assert len(italian) >= 15
    assert {r.kind for r in pack.approved_replies} >= {
        "reply",
        "apology",
        "holding_statement",
        "status_update",
        "resolution_update",
        "dm_followup",
    }
    assert len({r.category for r in pack.approved_replies}) >= 10
    assert len({r.post.channel for r in pack.approved_replies}) >= 6


def test_missing_files_are_each_named(pack_dir: Path) -> None:
    (pack_dir / "policy.yaml").unlink()
    shutil.rmtree(pack_dir / "guidelines")
    found = problems_of(pack_dir)
    assert any(p.startswith("policy.yaml") and "missing" in p for p in found)
    assert any(p.startswith("guidelines/") for p in found)


def test_bad_yaml_gives_the_line(pack_dir: Path) -> None:
    text = (pack_dir / "brand.yaml").read_text().splitlines()
    text.insert(2, "name: [unclosed")
    (pack_dir / "brand.yaml").write_text("\n".join(text))
    found = problems_of(pack_dir)
    assert any(p.startswith("brand.yaml:") and "not valid YAML" in p for p in found), found


def test_wrong_type_names_field_and_line(pack_dir: Path) -> None:
    lines = (pack_dir / "brand.yaml").read_text().splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("channels:"))
    lines[index] = "channels: 42"
    rest = index + 1
    while rest < len(lines) and lines[rest].startswith(("  ", "- ")):
        lines.pop(rest)
    (pack_dir / "brand.yaml").write_text("\n".join(lines) + "\n")
    found = problems_of(pack_dir)
    assert any(f"brand.yaml:{index + 1} [channels]" in p for p in found), found


def test_bad_reply_line_is_named(pack_dir: Path) -> None:
    path = pack_dir / "approved_replies.jsonl"
    lines = path.read_text().splitlines()
    row = json.loads(lines[4])
    row["kind"] = "press_release"
    lines[4] = json.dumps(row)
    lines.insert(7, "{not json")
    path.write_text("\n".join(lines) + "\n")
    found = problems_of(pack_dir)
    assert any(p.startswith("approved_replies.jsonl:5 [kind]") for p in found), found
    assert any(p.startswith("approved_replies.jsonl:8") and "not valid JSON" in p for p in found)


def test_duplicate_ids_are_refused(pack_dir: Path) -> None:
    path = pack_dir / "approved_replies.jsonl"
    lines = path.read_text().splitlines()
    lines.append(lines[0])
    path.write_text("\n".join(lines) + "\n")
    found = problems_of(pack_dir)
    assert any("duplicate id" in p and f"approved_replies.jsonl:{len(lines)}" in p for p in found)


def test_huge_files_are_refused_before_parsing(pack_dir: Path) -> None:
    (pack_dir / "guidelines" / "huge.md").write_text("# Huge\n" + "x" * 200_000)
    found = problems_of(pack_dir, max_file_bytes=100_000)
    assert any(p.startswith("guidelines/huge.md") and "limit" in p for p in found)


def test_reply_on_a_channel_the_brand_does_not_use(pack_dir: Path) -> None:
    path = pack_dir / "brand.yaml"
    text = path.read_text().replace("- tiktok\n", "")
    path.write_text(text)
    found = problems_of(pack_dir)
    assert any("tiktok" in p and "[post.channel]" in p for p in found), found
