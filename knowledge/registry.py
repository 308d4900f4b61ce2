"""The brands this installation knows: validated packs stored under ``<data_dir>/brands/<id>``.

Loading a pack validates it as a whole, indexes it in the knowledge base, then swaps the
stored folder in one rename, so a refused or failed load leaves the previous version intact.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from drafting.config import Settings
from drafting.errors import NotFoundError
from knowledge.brandpack import BRAND_ID_PATTERN, BrandPack, load_pack, parse_pack
from knowledge.problems import BrandPackError, PackProblem

_lock = threading.Lock()


@dataclass(frozen=True)
class LoadReport:
    brand_id: str
    content_hash: str
    changed: bool
    chunks_added: int
    chunks_removed: int
    chunks_unchanged: int
    seconds: float


class BrandRegistry:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.root = settings.brands_dir
        self._cache: dict[str, tuple[str, BrandPack]] = {}

    def ids(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(
            p.name for p in self.root.iterdir() if p.is_dir() and not p.name.startswith(".")
        )

    def get(self, brand_id: str) -> BrandPack:
        # An id that is not a brand id never reaches the filesystem (too long, "..", "/").
        folder = self.root / brand_id
        if not re.match(BRAND_ID_PATTERN, brand_id) or not folder.is_dir():
            known = ", ".join(self.ids()) or "none"
            raise NotFoundError(
                f"Unknown brand {brand_id!r} (loaded brands: {known}).",
                fix="Load its pack with `crisisdraft brand load DIR` or PUT /v1/brands/{id}.",
            )
        stamp = (
            (folder / ".content_hash").read_text() if (folder / ".content_hash").exists() else ""
        )
        cached = self._cache.get(brand_id)
        if cached and cached[0] == stamp and stamp:
            return cached[1]
        pack = load_pack(folder, max_file_bytes=self.settings.max_pack_file_bytes)
        self._cache[brand_id] = (stamp, pack)
        return pack

    def load_dir(self, folder: Path, *, expect_id: str | None = None) -> LoadReport:
        return self.install(
            load_pack(folder, max_file_bytes=self.settings.max_pack_file_bytes), expect_id=expect_id
        )

    def load_files(self, files: dict[str, bytes], *, expect_id: str | None = None) -> LoadReport:
        limit = self.settings.max_pack_file_bytes
        too_big = [
            PackProblem(n, f"is {len(b):,} bytes; the limit is {limit:,}")
            for n, b in files.items()
            if len(b) > limit
        ]
        if too_big:
            raise BrandPackError(too_big)
        bad_names = [n for n in files if not _safe_relative(n)]
        if bad_names:
            raise BrandPackError(
                [
                    PackProblem(
                        n,
                        "is not an allowed file name in a brand pack "
                        "(brand.yaml, policy.yaml, approved_replies.jsonl, "
                        "guidelines/*.md)",
                    )
                    for n in bad_names
                ]
            )
        return self.install(parse_pack(files), expect_id=expect_id)

    def install(self, pack: BrandPack, *, expect_id: str | None = None) -> LoadReport:
        """Index ``pack`` and make it the stored version of its brand, or change nothing."""
        import time

        from knowledge.ingest import ingest_pack

        brand_id = pack.brand.id
        if expect_id is not None and expect_id != brand_id:
            raise BrandPackError(
                [
                    PackProblem(
                        "brand.yaml",
                        f"says id {brand_id!r} but it was uploaded to brand {expect_id!r}",
                        field="id",
                    )
                ],
                fix=f"Make brand.yaml's id match the URL, or upload to /v1/brands/{brand_id}.",
            )
        if not re.match(BRAND_ID_PATTERN, brand_id):  # already validated; defence in depth
            raise BrandPackError([PackProblem("brand.yaml", "invalid id", field="id")])
        started = time.perf_counter()
        with _lock:
            folder = self.root / brand_id
            previous = folder / ".content_hash"
            old_hash = previous.read_text() if previous.exists() else None
            report = ingest_pack(pack, settings=self.settings)
            changed = old_hash != pack.content_hash
            if changed:
                self._swap_in(pack)
            self._cache.pop(brand_id, None)
        return LoadReport(
            brand_id=brand_id,
            content_hash=pack.content_hash,
            changed=changed,
            chunks_added=report.added,
            chunks_removed=report.removed,
            chunks_unchanged=report.unchanged,
            seconds=time.perf_counter() - started,
        )

    def _swap_in(self, pack: BrandPack) -> None:
        """Write the pack to a versioned folder, then repoint ``<id>`` to it in one rename."""
        versions = self.root / ".versions"
        versions.mkdir(parents=True, exist_ok=True)
        target = versions / f"{pack.brand.id}-{pack.content_hash[:16]}"
        if not target.exists():
            staging = Path(tempfile.mkdtemp(prefix=f".staging-{pack.brand.id}-", dir=versions))
            for name, content in pack.files.items():
                path = staging / name
                path.parent.mkdir(parents=True, exist_ok=True)
                with open(path, "wb") as handle:
                    handle.write(content)
                    handle.flush()
                    os.fsync(handle.fileno())
            (staging / ".content_hash").write_text(pack.content_hash)
            os.replace(staging, target)
        link = self.root / pack.brand.id
        temp_link = self.root / f".link-{pack.brand.id}-{os.getpid()}"
        temp_link.unlink(missing_ok=True)
        os.symlink(target.relative_to(self.root), temp_link)
        os.replace(temp_link, link)
        for old in versions.glob(f"{pack.brand.id}-*"):
            if old != target and old.name.count("-") == pack.brand.id.count("-") + 1:
                shutil.rmtree(old, ignore_errors=True)


def _safe_relative(name: str) -> bool:
    if name in ("brand.yaml", "policy.yaml", "approved_replies.jsonl"):
        return True
    parts = name.split("/")
    return (
        len(parts) == 2
        and parts[0] == "guidelines"
        and parts[1].endswith(".md")
        and not parts[1].startswith(".")
        and "\\" not in name
    )
