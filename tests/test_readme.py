"""The README stays true: every setting documented with its default, the two commands first."""

from __future__ import annotations

from drafting.config import Settings
from tests.conftest import REPO


def test_every_setting_is_in_the_readme_table() -> None:
    readme = (REPO / "README.md").read_text()
    for name in Settings.model_fields:
        assert f"`CRISISDRAFT_{name.upper()}`" in readme, name


def test_first_screen_shows_make_run_and_make_test() -> None:
    first_screen = "\n".join((REPO / "README.md").read_text().splitlines()[:20])
    assert "make run" in first_screen and "make test" in first_screen


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (REPO / ".ci" / "run").read_text()
