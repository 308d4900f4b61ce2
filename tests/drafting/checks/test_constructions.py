"""The compiled ``constructions`` of each lexicon language: every shape is present, so no
check quietly stops reading one when a key is renamed or dropped from a lexicon."""

from __future__ import annotations

from dataclasses import fields

import pytest

from drafting.checks.constructions import constructions
from drafting.checks.lexicon import LEXICON_LANGUAGES


@pytest.mark.parametrize("language", sorted(LEXICON_LANGUAGES))
def test_every_construction_is_compiled(language: str) -> None:
    cons = constructions(language)
    missing = [f.name for f in fields(cons) if getattr(cons, f.name) is None]
    assert missing == [], f"lexicons/{language}.yaml lacks constructions: {missing}"
