"""A small labelled corpus written for these tests, and a reader trained on it: big enough for
a model to learn one cue per check, small enough to train in a second."""

from __future__ import annotations

import pytest

from drafting.checks.quality import LabelledCase
from drafting.checks.reader.model import ReaderModel
from drafting.checks.reader.train import train

GUESSES = [
    "It was probably a glitch in the warehouse software.",
    "Most likely the scanner mislabelled your parcel.",
    "We think a power cut probably caused the delay.",
    "It looks like a glitch in our payment system probably did it.",
    "Probably the new software update broke the checkout.",
    "A glitch in the label printer most likely mixed the orders.",
]
PLAIN = [
    "We're sorry your parcel is late; we'll update you by 15:00.",
    "Thanks for telling us. Please send us a DM with your order number.",
    "Your refund was sent today and should arrive within five working days.",
    "We're checking what happened and will share what we find.",
    "Sorry for the wait. Your replacement leaves the warehouse tomorrow.",
    "We've passed this to our team and will reply here by noon.",
]
CHECKS = ("forbidden.speculation", "tone.sarcasm")
SARCASM = [
    "Oh wonderful, another customer who can't read the tracking page.",
    "Wow, what a surprise, another complaint. Good luck with that.",
    "Oh great, thanks for the lovely review, genius.",
    "Wonderful, another expert who knows better than us. Good luck.",
]


def case(n: int, text: str, fails: list[str]) -> LabelledCase:
    return LabelledCase(
        id=f"t-{n}",
        text=text,
        channel="x",
        kind="reply",
        language="en",
        expect_fail=fails,
        expect_pass_blocking=not fails,
    )


def corpus() -> list[LabelledCase]:
    rows = [(t, ["forbidden.speculation"]) for t in GUESSES]
    rows += [(t, ["tone.sarcasm"]) for t in SARCASM]
    rows += [(t, []) for t in PLAIN]
    return [case(n, text, fails) for n, (text, fails) in enumerate(rows)]


@pytest.fixture(scope="session")
def tiny() -> ReaderModel:
    return train(corpus(), CHECKS, threshold=0.6)
