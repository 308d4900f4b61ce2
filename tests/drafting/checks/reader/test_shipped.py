"""The shipped model: trained on the labelled replies as they are now, and quiet on the real
agent replies nobody on the team wrote (which it never saw)."""

from __future__ import annotations

import pytest

from drafting.checks import CHECK_IDS
from drafting.checks.quality import check_real_replies
from drafting.checks.reader.model import shipped_model
from drafting.checks.reader.train import (
    BACKGROUND,
    READ_CHECKS,
    THRESHOLD,
    fingerprint,
    labelled_files,
)
from tests.conftest import TWITTER_DIR


def test_it_was_trained_on_the_labelled_replies_as_they_are_now() -> None:
    trained_on = shipped_model().meta["trained_on"]
    now = fingerprint([*labelled_files(), BACKGROUND])
    changed = sorted(
        name for name in now.keys() | trained_on.keys() if now.get(name) != trained_on.get(name)
    )
    assert not changed, (
        f"The labelled replies changed since the learned reader was trained ({changed}): "
        "run `make reader` and commit drafting/checks/reader/model.npz."
    )


def test_it_reads_the_checks_it_was_built_for() -> None:
    model = shipped_model()
    assert model.checks == READ_CHECKS
    assert set(model.checks) <= set(CHECK_IDS)
    assert model.threshold == THRESHOLD
    assert model.meta["cases"] > 7000 and model.meta["background"] >= 400


# Reviewed false alarms, listed so that any other one fails this test:
# - "While the probability that a random person could unlock your device is 1 in 1,000,000 ..."
#   explains a feature's odds; it guesses at no cause (forbidden.speculation).
# - "It looks like one-on-one support will be able to help you best" points to a channel
#   (forbidden.speculation, 0.93), and "all recovery options are explained in this article"
#   points to help (tone.defensive, 0.90): both crossed the threshold only when the model was
#   trained again with holdout49 and 50 added, fell back under it when holdout51-56 were
#   added, and the first rose again (0.99) with holdout57-58. Scores near the threshold move
#   with every retraining, one reason the reader is off by default.
KNOWN_FALSE_ALARMS = {"1160173682746122240", "1241345003517030400", "1148373024124444673"}


@pytest.mark.skipif(not (TWITTER_DIR / "dev.json").exists(), reason="needs ../shared data")
def test_the_real_agent_replies_get_no_other_reading() -> None:
    results = check_real_replies(TWITTER_DIR, reader=True)
    read = {
        reply.tweet_id
        for reply, report in results
        for finding in report.failures
        if "learned reader" in finding.explanation
    }
    assert len(results) == 525
    assert read <= KNOWN_FALSE_ALARMS
