"""The first names and surnames the redactor recognises without a cue ("Anna called me").

The lists ship as text files beside this module, derived from Faker's person providers
(MIT licence, Copyright (c) 2012 Daniele Faraglia) for English- and Italian-speaking
customers and the EU's largest other languages. Rebuild them (Faker is a dev dependency)
with ``python -m drafting.privacy.namelists``.
"""

from __future__ import annotations

import importlib
import re
import sys
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIRST_NAMES_FILE = HERE / "first_names.txt"
SURNAMES_FILE = HERE / "surnames.txt"

#: Locales whose names ship with the redactor.
SHIPPED_LOCALES: tuple[str, ...] = (
    "en_US",
    "en_GB",
    "en_IE",
    "en_NZ",
    "it_IT",
    "es_ES",
    "fr_FR",
    "de_DE",
    "pt_PT",
    "pt_BR",
    "nl_NL",
    "pl_PL",
    "ro_RO",
)
_TOKEN = re.compile(r"^[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*$")
_HEADER = (
    "# {what} recognised by drafting.privacy (one a line). Derived from Faker's person\n"
    "# providers, MIT licence, Copyright (c) 2012 Daniele Faraglia; locales: {locales}.\n"
    "# Rebuild: python -m drafting.privacy.namelists\n"
)


def names_from_faker(locales: tuple[str, ...]) -> tuple[set[str], set[str]]:
    """First names and surnames (single tokens) of Faker's person providers for ``locales``."""
    first: set[str] = set()
    last: set[str] = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr, into in (
            ("first_names", first),
            ("first_names_male", first),
            ("first_names_female", first),
            ("first_names_nonbinary", first),
            ("last_names", last),
            ("last_names_male", last),
            ("last_names_female", last),
        ):
            for name in getattr(provider, attr, ()) or ():
                for token in re.split(r"\s+", str(name)):
                    if len(token) >= 2 and token[0].isupper() and _TOKEN.match(token):
                        into.add(token)
    return first, last


def _read(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def first_names() -> frozenset[str]:
    return _read(FIRST_NAMES_FILE)


@cache
def surnames() -> frozenset[str]:
    return _read(SURNAMES_FILE)


def write_lists(locales: tuple[str, ...] = SHIPPED_LOCALES) -> tuple[int, int]:
    first, last = names_from_faker(locales)
    for path, what, names in (
        (FIRST_NAMES_FILE, "First names", first),
        (SURNAMES_FILE, "Surnames", last),
    ):
        header = _HEADER.format(what=what, locales=", ".join(locales))
        path.write_text(header + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    return len(first), len(last)


if __name__ == "__main__":  # pragma: no cover - a maintainer's tool
    counts = write_lists()
    sys.stdout.write(f"wrote {counts[0]} first names and {counts[1]} surnames\n")
