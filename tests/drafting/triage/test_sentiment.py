"""Sentiment: VADER with customer-care adjustments for English, our lexicon for Italian."""

from __future__ import annotations

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from drafting.triage import sentiment_of
from drafting.triage.sentiment import label_for


def test_english_score_is_vader_compound_when_no_phrase_applies() -> None:
    text = "I love this, what an amazing team"
    plain = SentimentIntensityAnalyzer().polarity_scores(text)["compound"]
    assert sentiment_of(text, "en").score == pytest.approx(plain, abs=1e-4)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Huge thanks, brilliant service and a lovely team!", "positive"),
        ("Please help, I need to change my address", "neutral"),
        ("My order never arrived and nobody answers", "negative"),
        ("I can't log in since yesterday", "negative"),
        ("The app crashes every time", "negative"),
        ("Grazie mille, siete stati bravissimi!", "positive"),
        ("Servizio pessimo, vergognatevi", "negative"),
        ("Il pacco non è mai arrivato", "negative"),
        ("A che ora aprite domenica?", "neutral"),
    ],
)
def test_labels(text: str, label: str) -> None:
    language = "it" if any(w in text for w in ("Grazie", "Servizio", "pacco", "aprite")) else "en"
    assert sentiment_of(text, language).label == label


def test_italian_negation_flips_and_damps() -> None:
    assert sentiment_of("Il servizio è male", "it").score < 0
    assert sentiment_of("Il servizio non è male", "it").score > 0


def test_score_stays_in_range_and_labels_follow_thresholds() -> None:
    furious = "worst worst worst terrible awful scam fraud never arrived can't log in " * 5
    assert -1.0 <= sentiment_of(furious, "en").score <= -0.9
    assert (label_for(0.5), label_for(0.49), label_for(-0.05)) == (
        "positive",
        "neutral",
        "negative",
    )
