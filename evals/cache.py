"""The eval result cache: drafts and judge verdicts by input hash, in one SQLite file.

A case's key hashes everything that decides its draft (the request, the brand pack's
content hash, the model and the code and prompt files), so a re-run with nothing changed
reads every draft from here and makes no model call, and an interrupted run resumes where
it stopped: finished cases were written as they finished.
"""

from __future__ import annotations

import ast
import hashlib
import json
import sqlite3
import threading
import time
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
#: Packages whose code and data files decide a draft.
CODE_DIRS = ("drafting", "knowledge", "prompts")
DATA_SUFFIXES = (".yaml", ".yml", ".json")


class ResultCache:
    """A key-value store of JSON values in named kinds (``draft``, ``judge``). Thread-safe."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, timeout=30)
        with self._lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            # A cache: losing the last entries to a power cut is fine, an fsync per case is not.
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS entries (kind TEXT NOT NULL, "
                "key TEXT NOT NULL, value TEXT NOT NULL, created REAL NOT NULL, "
                "PRIMARY KEY (kind, key))"
            )
            self._db.commit()
        self.hits = 0
        self.misses = 0

    def get(self, kind: str, key: str) -> Any | None:
        with self._lock:
            row = self._db.execute(
                "SELECT value FROM entries WHERE kind = ? AND key = ?", (kind, key)
            ).fetchone()
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        return json.loads(row[0])

    def put(self, kind: str, key: str, value: Any) -> None:
        text = json.dumps(value, ensure_ascii=False, default=str)
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?)", (kind, key, text, time.time())
            )
            self._db.commit()

    def count(self, kind: str | None = None) -> int:
        with self._lock:
            if kind is None:
                return int(self._db.execute("SELECT COUNT(*) FROM entries").fetchone()[0])
            return int(
                self._db.execute("SELECT COUNT(*) FROM entries WHERE kind = ?", (kind,)).fetchone()[
                    0
                ]
            )

    def close(self) -> None:
        with self._lock:
            self._db.close()


#: Where drafting starts; everything these modules import (statically) decides a draft.
ENTRY_MODULES = ("drafting.pipeline", "drafting.composer")


@lru_cache(maxsize=1)
def code_fingerprint(root: Path = REPO) -> str:
    """A hash of the code that drafts (every repository module the pipeline imports, found by
    reading import statements, lazy ones included) and of the data and prompt files of the
    drafting, knowledge and prompts packages. The same whatever process asks (CLI, API,
    tests); computed once per process, as a process keeps the code it imported."""
    files = set(_import_closure(root, ENTRY_MODULES))
    for folder in CODE_DIRS:
        for path in (root / folder).rglob("*"):
            if path.suffix in DATA_SUFFIXES and "brands" not in path.relative_to(root).parts:
                files.add(path)
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _module_file(root: Path, module: str) -> Path | None:
    if module.split(".")[0] not in CODE_DIRS:
        return None
    base = root.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _import_closure(root: Path, modules: Iterable[str]) -> list[Path]:
    todo = list(modules)
    seen: dict[str, Path] = {}
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        path = _module_file(root, module)
        if path is None:
            continue
        seen[module] = path
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        parts = module.split(".")
        for i in range(1, len(parts)):  # parent packages run their __init__ too
            todo.append(".".join(parts[:i]))
        for node in ast.walk(ast.parse(path.read_bytes())):
            if isinstance(node, ast.Import):
                todo += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                todo.append(base)
                todo += [f"{base}.{alias.name}" for alias in node.names]
    return list(seen.values())
