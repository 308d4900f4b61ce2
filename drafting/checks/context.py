"""What the checks need to know besides the draft text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from knowledge.brandpack import Brand
from knowledge.policy import Policy

if TYPE_CHECKING:
    from drafting.checks.reader.model import ReaderModel


@dataclass(frozen=True)
class CheckContext:
    """Everything a check may look at. Only ``brand``, ``policy``, ``channel`` and ``kind`` are
    required; the rest make more checks possible (personal-data echo, grounding, prompt leaks).
    """

    brand: Brand
    policy: Policy
    channel: str
    kind: str
    language: str | None = None  # draft language; detected (en/it) when None
    post_text: str = ""  # the customer's post (personal-data echo, handle)
    thread: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()  # current incident facts (grounding)
    sources: tuple[
        str, ...
    ] = ()  # texts of guidelines/approved replies the draft cites (grounding)
    system_prompt: str = ""  # for prompt-leak detection
    risk_flags: frozenset[str] = frozenset()  # from triage (escalation triggers)
    author: str | None = None  # public handle of the customer (may be mentioned)
    # The learned reader's model; None reads with the shipped one. The quality benchmark gives
    # each labelled set a model trained without it.
    reader: ReaderModel | None = None
