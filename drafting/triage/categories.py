"""Category from weighted cue patterns (``data/categories.yaml``), with no model.

Complaint categories compete on their summed weights. ``question``, ``praise`` and
``offensive_abuse`` describe the form of a post more than its subject, so they win only when
no complaint category has comparable evidence: "how do I reset my password?" is an account
problem, "how do I annotate my screen?" is a question.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import cast

from drafting.triage.lexicons import category_cues, category_screens, normalise
from knowledge.taxonomy import Category

THREAD_WEIGHT = 0.5
COMPLAINTS: tuple[str, ...] = (
    "safety",
    "outage",
    "delivery",
    "billing",
    "account_security",
    "product_defect",
    "service_experience",
)
#: A complaint category needs at least this much evidence to beat a form category.
MIN_COMPLAINT = 1.5


@dataclass
class CategoryScores:
    scores: dict[str, float] = field(default_factory=dict)
    evidence: dict[str, list[str]] = field(default_factory=dict)
    markers: dict[str, float] = field(default_factory=dict)  # "_name" cues, not categories

    def add(self, category: str, weight: float, quote: str) -> None:
        if category.startswith("_"):
            self.markers[category] = self.markers.get(category, 0.0) + weight
            return
        self.scores[category] = self.scores.get(category, 0.0) + weight
        quote = quote if len(quote) <= 40 else quote[:39] + "…"
        quotes = self.evidence.setdefault(category, [])
        if quote and quote not in quotes and len(quotes) < 3:
            quotes.append(quote)

    def get(self, category: str) -> float:
        return self.scores.get(category, 0.0)


def score_categories(post: str, thread: Sequence[str] = ()) -> CategoryScores:
    out = CategoryScores()
    texts = [(normalise(post), 1.0)] + [(normalise(t), THREAD_WEIGHT) for t in thread if t]
    screens = category_screens()
    for category, cues in category_cues().items():
        for text, factor in texts:
            if not any(screen.search(text) for screen in screens[category]):
                continue
            for cue in cues:
                match = cue.pattern.search(text)
                if match:
                    out.add(category, cue.weight * factor, " ".join(match.group(0).split()))
    return out


@dataclass(frozen=True)
class CategoryChoice:
    category: Category
    confidence: float
    evidence: list[str]


def choose_category(scores: CategoryScores, *, sentiment_label: str) -> CategoryChoice:
    """Pick the category the evidence supports; confidence is the winner's share of it."""
    complaint = max(COMPLAINTS, key=lambda c: (scores.get(c), -COMPLAINTS.index(c)))
    top = scores.get(complaint)
    abuse, praise, question = (scores.get(c) for c in ("offensive_abuse", "praise", "question"))
    chosen: str
    if top >= MIN_COMPLAINT and not (praise > top and sentiment_label == "positive"):
        chosen = complaint
    elif praise >= 2 and sentiment_label == "positive":
        chosen = "praise"
    elif question >= 1.5 or (question >= 1 and top < 0.75):
        chosen = "question"
    elif abuse >= 4 or (abuse >= 2 and scores.markers.get("_addressed", 0.0) > 0):
        chosen = "offensive_abuse"
    elif top >= 0.75:
        chosen = complaint
    else:
        chosen = "other"
    if chosen == "other":
        return CategoryChoice("other", 0.4, [])
    best = scores.get(chosen)
    rivals = sorted((v for c, v in scores.scores.items() if c != chosen), reverse=True)
    runner_up = rivals[0] if rivals else 0.0
    confidence = min(0.95, best / (best + runner_up + 1.0))
    return CategoryChoice(
        cast(Category, chosen), round(confidence, 3), scores.evidence.get(chosen, [])
    )


def categorize(text: str, *, thread: Sequence[str] = ()) -> Category:
    """The rule-based category of one text (no embeddings, no risk flags)."""
    from drafting.triage.language import language_of
    from drafting.triage.sentiment import sentiment_of

    label = sentiment_of(text, language_of(text) or "en").label
    return choose_category(score_categories(text, thread), sentiment_label=label).category
