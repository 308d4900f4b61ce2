"""The triage data files (``drafting/triage/data/*.yaml``), loaded and compiled once.

Regular expressions are compiled the first time they are needed and kept for the life of
the process. A malformed file raises :class:`SetupError` naming the file, entry and fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from drafting.errors import SetupError

if TYPE_CHECKING:
    from drafting.checks.lexicon import Pattern

DATA_DIR = Path(__file__).resolve().parent / "data"

#: Typographic quotes and dashes folded to ASCII so one pattern matches both spellings.
_FOLD = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)


def normalise(text: str) -> str:
    """Fold typographic punctuation and decode the HTML entities Twitter leaves in posts."""
    return text.translate(_FOLD).replace("&amp;", "&").replace("&gt;", ">").replace("&lt;", "<")


@dataclass(frozen=True)
class Cue:
    """One compiled pattern: what it matches, how much it counts and what it means."""

    pattern: re.Pattern[str]
    weight: float
    say: str


@dataclass(frozen=True)
class FlagCues:
    flag: str
    cues: tuple[Cue, ...]
    post_only: bool  # the flag is about this post only (e.g. personal data posted in it)
    screen: tuple[Pattern, ...] = ()  # see screen_of()

    def may_match(self, text: str) -> bool:
        return any(pattern.search(text) for pattern in self.screen)


def screen_of(cues: tuple[Cue, ...]) -> tuple[Pattern, ...]:
    """A few patterns one of which matches a text exactly when one of ``cues`` does.

    Most posts match none of a list's cues; one alternation of the case-insensitive ones
    (built like the checks' lexicons) says so in one search instead of one per cue. Cues that
    are case-sensitive or refer back to their own groups are kept as they are."""
    from drafting.checks.lexicon import combine

    folded = [c.pattern.pattern for c in cues if _combinable(c.pattern)]
    rest = tuple(c.pattern for c in cues if not _combinable(c.pattern))
    combined = combine(folded, re.IGNORECASE)
    return ((combined,) if combined is not None else ()) + rest


def _combinable(pattern: re.Pattern[str]) -> bool:
    return bool(pattern.flags & re.IGNORECASE) and not re.search(
        r"\\[1-9]|\(\?P[<=]|\(\?[aiLmsux]+\)", pattern.pattern
    )


@dataclass(frozen=True)
class EnglishAdjustments:
    words: dict[str, float]  # replace or add VADER lexicon entries
    phrases: tuple[Cue, ...]  # weight = valence added to VADER's sum


@dataclass(frozen=True)
class ItalianLexicon:
    words: dict[str, float]
    prefixes: tuple[tuple[str, float], ...]  # longest first
    negators: frozenset[str]
    boosters: dict[str, float]
    phrases: tuple[Cue, ...]  # weight = valence added once per match


def _load(name: str) -> Any:
    path = DATA_DIR / name
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SetupError(
            f"Could not read the triage data file {path}: {exc}",
            fix="Reinstall crisisdraft, or fix the file (it ships with the package).",
        ) from exc


def _compile(entry: Any, *, source: str, default_say: str) -> Cue:
    if isinstance(entry, str):
        entry = {"re": entry}
    if not isinstance(entry, dict) or not isinstance(entry.get("re"), str):
        raise SetupError(
            f"{source}: each pattern must be a string or a mapping with `re` (got {entry!r}).",
            fix="Write the entry as '- {re: ..., say: ...}'.",
        )
    flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
    try:
        pattern = re.compile(entry["re"], flags)
    except re.error as exc:
        raise SetupError(
            f"{source}: invalid regular expression {entry['re']!r}: {exc}",
            fix="Fix the pattern; test it with python -c 'import re; re.compile(...)'.",
        ) from exc
    weight: Any = entry.get("weight", entry.get("valence", 1.0))
    return Cue(pattern=pattern, weight=float(weight), say=str(entry.get("say", default_say)))


@lru_cache(maxsize=1)
def risk_flag_cues() -> tuple[FlagCues, ...]:
    data = _load("risk_flags.yaml")
    out: list[FlagCues] = []
    for flag, spec in data.items():
        say = str(spec.get("say", flag.replace("_", " ")))
        cues = tuple(
            _compile(entry, source=f"risk_flags.yaml {flag} ({language})", default_say=say)
            for language, entries in spec["patterns"].items()
            for entry in entries
        )
        out.append(
            FlagCues(
                flag=flag,
                cues=cues,
                post_only=bool(spec.get("post_only", False)),
                screen=screen_of(cues),
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def category_cues() -> dict[str, tuple[Cue, ...]]:
    data = _load("categories.yaml")
    return {
        category: tuple(
            _compile(entry, source=f"categories.yaml {category} ({language})", default_say=category)
            for language, entries in by_language.items()
            for entry in entries
        )
        for category, by_language in data.items()
    }


@lru_cache(maxsize=1)
def category_screens() -> dict[str, tuple[Pattern, ...]]:
    """Per category, :func:`screen_of` its cues: a post that passes no screen scores 0."""
    return {category: screen_of(cues) for category, cues in category_cues().items()}


@lru_cache(maxsize=1)
def named_cues() -> dict[str, tuple[Cue, ...]]:
    """The cue lists of ``cues.yaml`` (many_affected, own_details, wants_dm, ...)."""
    data = _load("cues.yaml")
    return {
        name: tuple(
            _compile(entry, source=f"cues.yaml {name} ({language})", default_say=name)
            for language, entries in by_language.items()
            for entry in entries
        )
        for name, by_language in data.items()
    }


def first_match(name: str, text: str) -> str | None:
    """The first words of ``text`` matched by the ``name`` cues of ``cues.yaml``, or None."""
    for cue in named_cues()[name]:
        match = cue.pattern.search(text)
        if match:
            return " ".join(match.group(0).split())
    return None


@lru_cache(maxsize=1)
def english_adjustments() -> EnglishAdjustments:
    data = _load("sentiment_en.yaml")
    return EnglishAdjustments(
        words={str(k): float(v) for k, v in data["words"].items()},
        phrases=tuple(
            _compile(e, source="sentiment_en.yaml phrases", default_say="")
            for e in data.get("phrases", [])
        ),
    )


@lru_cache(maxsize=1)
def italian_lexicon() -> ItalianLexicon:
    data = _load("sentiment_it.yaml")
    words: dict[str, float] = {}
    prefixes: list[tuple[str, float]] = []
    for key, value in data["words"].items():
        key = str(key).lower()
        if key.endswith("*"):
            prefixes.append((key[:-1], float(value)))
        else:
            words[key] = float(value)
    prefixes.sort(key=lambda item: len(item[0]), reverse=True)
    return ItalianLexicon(
        words=words,
        prefixes=tuple(prefixes),
        negators=frozenset(str(w) for w in data["negators"]),
        boosters={str(k): float(v) for k, v in data["boosters"].items()},
        phrases=tuple(
            _compile(e, source="sentiment_it.yaml phrases", default_say="")
            for e in data.get("phrases", [])
        ),
    )


@lru_cache(maxsize=1)
def exemplar_phrases() -> dict[str, tuple[str, ...]]:
    data = _load("exemplars.yaml")
    return {str(category): tuple(str(p) for p in phrases) for category, phrases in data.items()}
