"""Triage of incoming posts: category, severity, sentiment, language, risk flags and action.

Rules and lexicons (``drafting/triage/data/*.yaml``) do the work with no model; an embedder,
when given, refines the category by similarity to example phrases.
"""

from drafting.triage.assess import triage
from drafting.triage.categories import categorize
from drafting.triage.exemplars import TextEmbedder
from drafting.triage.flags import ESCALATION_FLAGS, find_flags
from drafting.triage.models import Sentiment, Triage
from drafting.triage.sentiment import sentiment_of

__all__ = [
    "ESCALATION_FLAGS",
    "Sentiment",
    "TextEmbedder",
    "Triage",
    "categorize",
    "find_flags",
    "sentiment_of",
    "triage",
]
