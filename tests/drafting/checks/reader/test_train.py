"""Training the learned reader: what it learns from labelled replies, and its refusals."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression

from drafting.checks.reader.features import features
from drafting.checks.reader.model import ReaderModel
from drafting.checks.reader.train import train
from tests.drafting.checks.reader.conftest import CHECKS, PLAIN, corpus


def test_it_learns_the_cue_of_each_check_on_sentences_it_never_saw(tiny: ReaderModel) -> None:
    guess = tiny.scores("The courier's van most likely had a glitch, probably.")
    plain = tiny.scores("Sorry for the wait; we'll update you here by 15:00.")
    assert guess["forbidden.speculation"] > 0.6 > plain["forbidden.speculation"]
    sarcastic = tiny.scores("Oh wonderful, another genius. Good luck with that.")
    assert sarcastic["tone.sarcasm"] > 0.6 > plain["tone.sarcasm"]


def test_folded_weights_score_exactly_as_the_trained_regression() -> None:
    """The naive-Bayes scaling is folded into one weight per feature; the sum must give the
    regression's own probabilities (up to float16 storage and pruning, not used here)."""
    cases = corpus()
    model = train(cases, CHECKS, prune=0.0)
    vectorizer = CountVectorizer(analyzer=features, min_df=2, binary=True, dtype=np.float32)
    x = vectorizer.fit_transform([c.text for c in cases]).tocsr()
    y = np.array(["forbidden.speculation" in c.expect_fail for c in cases])
    failing = 1.0 + np.asarray(x[y].sum(axis=0)).ravel()
    passing = 1.0 + np.asarray(x[~y].sum(axis=0)).ravel()
    ratio = np.log((failing / failing.sum()) / (passing / passing.sum()))
    regression = LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000)
    regression.fit(x.multiply(ratio).tocsr(), y)
    text = "It was probably a glitch; sorry for the wait."
    expected = regression.predict_proba(vectorizer.transform([text]).multiply(ratio).tocsr())
    assert model.scores(text)["forbidden.speculation"] == pytest.approx(expected[0, 1], abs=1e-4)


def test_background_replies_teach_that_plain_support_wording_is_no_mistake() -> None:
    cases = corpus()
    line = "It's probably your browser cache; try clearing it and log in again."
    alone = train(cases, CHECKS).scores(line)["forbidden.speculation"]
    background = [
        "It's probably your browser cache; please clear it and try again.",
        "That's probably the cache: clear it and log in again.",
        "Try clearing your cache; it's probably an old cookie.",
    ]
    taught = train(cases, CHECKS, background=background).scores(line)["forbidden.speculation"]
    assert taught < alone


def test_a_check_without_failing_examples_is_refused() -> None:
    plain_only = [c for c in corpus() if c.text in PLAIN] + corpus()[:1]
    with pytest.raises(ValueError, match=r"tone\.sarcasm: .*both examples"):
        train(plain_only, CHECKS)


def test_no_cases_is_refused() -> None:
    with pytest.raises(ValueError, match="No labelled replies"):
        train([], CHECKS)
