"""Brands and labelled posts for the triage tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafting.triage.scoring import Case, synthetic_cases, twitter_cases
from knowledge.brandpack import Brand, EscalationContact

DATA = Path(__file__).resolve().parents[2] / "data"
LABELS = DATA / "triage_labels.jsonl"
SYNTHETIC = DATA / "triage_synthetic.jsonl"
ROLES = ("legal", "safety", "press", "regulator", "security", "wellbeing", "executive")


def make_brand(roles: tuple[str, ...] = ROLES, languages: tuple[str, ...] = ("en", "it")) -> Brand:
    return Brand(
        id="acme",
        name="Acme",
        languages=list(languages),
        channels=["x"],
        escalation_contacts={
            r: EscalationContact(name=f"{r} lead", contact=f"{r}@acme.example") for r in roles
        },
    )


@pytest.fixture(scope="session")
def brand() -> Brand:
    """A brand naming a contact for every escalation role."""
    return make_brand()


@pytest.fixture(scope="session")
def synthetic() -> list[Case]:
    return synthetic_cases(SYNTHETIC)


@pytest.fixture(scope="session")
def real(twitter_dev_json: Path) -> list[Case]:
    return twitter_cases(twitter_dev_json, LABELS)
