"""The extension's content-script and panel logic under Node's own test runner (no npm packages)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.extension.conftest import EXTENSION


def test_node_unit_tests_pass() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip(
            "Node.js 20+ is not installed: install it to run extension/tests (node --test)."
        )
    result = subprocess.run(
        [node, "--test", str(EXTENSION / "tests")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=EXTENSION,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
