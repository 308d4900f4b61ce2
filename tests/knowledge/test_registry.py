"""Loading, replacing and refusing packs; a refused pack leaves the previous version intact."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from knowledge.problems import BrandPackError
from knowledge.registry import BrandRegistry
from tests.conftest import DEMO_PACK


def test_load_then_reload_unchanged_does_no_work(fresh_settings: Any, tmp_path: Path) -> None:
    registry = BrandRegistry(fresh_settings)
    first = registry.load_dir(DEMO_PACK)
    assert first.changed and first.chunks_added > 0
    again = registry.load_dir(DEMO_PACK)
    assert not again.changed
    assert again.chunks_added == 0 and again.chunks_removed == 0
    assert registry.ids() == ["demo"]


def test_refused_pack_keeps_previous_version(fresh_settings: Any, tmp_path: Path) -> None:
    registry = BrandRegistry(fresh_settings)
    registry.load_dir(DEMO_PACK)
    before = registry.get("demo").content_hash
    broken = tmp_path / "broken"
    shutil.copytree(DEMO_PACK, broken)
    (broken / "policy.yaml").write_text("this: [is broken")
    with pytest.raises(BrandPackError):
        registry.load_dir(broken)
    assert BrandRegistry(fresh_settings).get("demo").content_hash == before


def test_changed_guideline_replaces_its_chunks(fresh_settings: Any, tmp_path: Path) -> None:
    from knowledge.retrieval import search

    registry = BrandRegistry(fresh_settings)
    registry.load_dir(DEMO_PACK)
    changed = tmp_path / "changed"
    shutil.copytree(DEMO_PACK, changed)
    extra = changed / "guidelines" / "zz-pets.md"
    extra.write_text("# Pets\n\n## Dogs\n\nWe never mention aardvark-flavoured dog biscuits.\n")
    report = registry.load_dir(changed)
    assert report.changed and report.chunks_added >= 1 and report.chunks_removed == 0
    hits = search(
        "demo", "aardvark-flavoured dog biscuits", k=3, kinds=["guideline"], settings=fresh_settings
    )
    assert hits and "aardvark" in hits[0].text
    extra.unlink()
    report = registry.load_dir(changed)
    assert report.chunks_removed >= 1 and report.chunks_added == 0
    hits = search(
        "demo", "aardvark-flavoured dog biscuits", k=3, kinds=["guideline"], settings=fresh_settings
    )
    assert all("aardvark" not in h.text for h in hits)


def test_unknown_brand_says_how_to_fix(fresh_settings: Any) -> None:
    from drafting.errors import NotFoundError

    with pytest.raises(NotFoundError) as info:
        BrandRegistry(fresh_settings).get("nope")
    assert "crisisdraft brand load" in info.value.fix
    # Ids that are not brand ids never reach the filesystem (schemathesis found a 500 on a
    # 300-byte unicode id: "File name too long").
    for odd in ("0" * 30 + "\u0080" * 300, "../brands", "a/b", ".hidden", ""):
        with pytest.raises(NotFoundError):
            BrandRegistry(fresh_settings).get(odd)


def test_twitter_import_makes_loadable_packs(
    fresh_settings: Any, tmp_path: Path, twitter_dev_json: Path
) -> None:
    from knowledge.brandpack import load_pack
    from knowledge.twitter_import import import_twitter

    counts = import_twitter(twitter_dev_json, tmp_path / "packs")
    # 525 conversations, one of them twice in the data set: each reply becomes one item.
    assert len(counts) == 24 and sum(counts.values()) == 524
    assert "spotifycares" in counts
    for brand_id in counts:  # every pack is valid as written
        load_pack(tmp_path / "packs" / brand_id)
    pack = load_pack(tmp_path / "packs" / "spotifycares")
    assert pack.brand.id == "spotifycares"
    assert all(r.post.channel == "x" for r in pack.approved_replies)
    # Twitter's HTML escapes are undone: a draft borrowing a sentence must not say "&amp;".
    every = [load_pack(tmp_path / "packs" / b).approved_replies for b in counts]
    texts = [t for replies in every for r in replies for t in (r.reply, r.post.text)]
    assert any("&" in t for t in texts) and not any("&amp;" in t or "&gt;" in t for t in texts)
    report = BrandRegistry(fresh_settings).load_dir(tmp_path / "packs" / "spotifycares")
    assert report.chunks_added == len(pack.approved_replies) + 1
