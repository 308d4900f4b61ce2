"""AI-assistance disclosure: the internal label on every draft's record, and the public line a
brand's policy can ask for, added before the sign-off within the channel's limit."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path
from typing import Any

import yaml

from drafting.pipeline import create_draft
from drafting.schemas import DraftCreate
from drafting.storage.repository import Storage
from knowledge.registry import BrandRegistry
from tests.conftest import DEMO_PACK

LINE = "(Drafted with AI, checked by our team.)"


def pack_with(tmp_path: Path, disclosure: dict[str, Any]) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(DEMO_PACK, folder)
    policy = yaml.safe_load((folder / "policy.yaml").read_text(encoding="utf-8"))
    policy["disclosure"] = disclosure
    (folder / "policy.yaml").write_text(yaml.safe_dump(policy, allow_unicode=True), "utf-8")
    return folder


def draft(settings: Any, channel: str) -> Any:
    request = DraftCreate.model_validate(
        {
            "brand": "demo",
            "channel": channel,
            "kind": "apology",
            "post": {"text": "My parcel is two weeks late and nobody answers.", "author": "@gio"},
        }
    )
    return asyncio.run(
        create_draft(
            request,
            settings=settings,
            registry=BrandRegistry(settings),
            store=Storage(settings.resolved_database_url),
        )
    )


def test_public_line_before_the_sign_off_within_the_limit(
    fresh_settings: Any, tmp_path: Path
) -> None:
    folder = pack_with(
        tmp_path,
        {
            "public_line": {"en": LINE, "it": "(Scritto con l'IA, controllato dal team.)"},
            "public_channels": ["x"],
        },
    )
    BrandRegistry(fresh_settings).load_dir(folder)
    on_x = draft(fresh_settings, "x")
    assert on_x.text.endswith(f"{LINE} ^Team Verdello")
    assert len(on_x.text) <= 280
    assert on_x.disclosure.public_line == LINE and on_x.disclosure.ai_assisted
    assert all(f["passed"] for f in _findings(on_x) if f["id"].startswith("channel."))
    stored = Storage(fresh_settings.resolved_database_url).get(on_x.id)
    assert stored.disclosure == on_x.disclosure  # kept on the record
    # A person who edits the line out is told to put it back.
    from drafting.checks.service import check_text

    pack = BrandRegistry(fresh_settings).get("demo")
    edited = on_x.text.replace(LINE + " ", "")
    report = check_text(pack, edited, channel="x", kind="apology", author="@gio")
    missing = [f for f in report.findings if f.id == "channel.disclosure"]
    assert missing and not missing[0].passed and LINE in missing[0].suggestion
    kept = check_text(pack, on_x.text, channel="x", kind="apology", author="@gio")
    assert all(f.passed for f in kept.findings if f.id == "channel.disclosure")
    on_facebook = draft(fresh_settings, "facebook")  # not one of the policy's channels
    assert LINE not in on_facebook.text and on_facebook.disclosure.public_line is None


def test_no_internal_label_when_the_policy_turns_it_off(
    fresh_settings: Any, tmp_path: Path
) -> None:
    BrandRegistry(fresh_settings).load_dir(pack_with(tmp_path, {"internal_label": False}))
    assert draft(fresh_settings, "x").disclosure is None


def _findings(d: Any) -> list[dict[str, Any]]:
    return list(d.checks["findings"])


def test_shorter_keeps_the_public_line(fresh_settings: Any, tmp_path: Path) -> None:
    from drafting.rewrite.service import RewriteJob, rewrite

    BrandRegistry(fresh_settings).load_dir(pack_with(tmp_path, {"public_line": {"en": LINE}}))
    pack = BrandRegistry(fresh_settings).get("demo")
    text = (
        "@gio We're so sorry your parcel is late. Our warehouse had a very long week and "
        "everyone there is doing overtime to catch up with the orders. We'll check where it "
        f"is straight away. {LINE} ^Team Verdello"
    )
    job = RewriteJob(
        action="shorter",
        text=text,
        pack=pack,
        channel="x",
        kind="apology",
        language="en",
        target_language="en",
        author="@gio",
    )
    out = asyncio.run(rewrite(job, settings=fresh_settings))
    assert out.changed and "warehouse" not in out.text
    assert out.text.endswith(f"{LINE} ^Team Verdello")
