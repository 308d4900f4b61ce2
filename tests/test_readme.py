"""The README stays true: every setting documented with its default, the two commands first."""

from __future__ import annotations

from drafting.config import settings_table
from tests.conftest import REPO


def test_readme_configuration_table_is_current() -> None:
    readme = (REPO / "README.md").read_text()
    assert settings_table() in readme, "regenerate it with `python -m drafting.config`"


def test_first_screen_shows_make_run_and_make_test() -> None:
    first_screen = "\n".join((REPO / "README.md").read_text().splitlines()[:20])
    assert "make run" in first_screen and "make test" in first_screen


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (REPO / ".ci" / "run").read_text()
