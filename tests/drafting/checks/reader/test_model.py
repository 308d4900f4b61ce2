"""The learned reader's model: scores, evidence, and the file it is saved in."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from drafting.checks.reader.model import ReaderModel, load_model, save_model
from drafting.errors import SetupError

TEXT = "Sorry for the wait. It was probably a glitch in the label printer. DM us."


def sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == ".":
            out.append((start, i + 1))
            start = i + 2
    return out


def test_the_evidence_is_the_sentence_that_weighs_most_and_its_heaviest_words(
    tiny: ReaderModel,
) -> None:
    (reading,) = tiny.read(TEXT, {"forbidden.speculation"}, sentences=sentences(TEXT))
    assert (
        TEXT[reading.span[0] : reading.span[1]] == "It was probably a glitch in the label printer."
    )
    assert reading.words and all(w in TEXT for w in reading.words)
    assert any("probably" in w or "glitch" in w for w in reading.words)
    assert reading.score == pytest.approx(tiny.scores(TEXT)["forbidden.speculation"])


def test_without_sentences_the_whole_text_is_the_evidence(tiny: ReaderModel) -> None:
    (reading,) = tiny.read(TEXT, {"forbidden.speculation"})
    assert reading.span == (0, len(TEXT))


def test_only_the_checks_asked_for_and_only_at_the_threshold(tiny: ReaderModel) -> None:
    assert tiny.read(TEXT, {"tone.sarcasm"}) == []
    score = tiny.scores(TEXT)["forbidden.speculation"]
    assert tiny.read(TEXT, {"forbidden.speculation"}, threshold=min(score + 1e-6, 0.999)) == []
    assert tiny.read(TEXT, {"forbidden.speculation"}, threshold=score)


def test_text_with_no_known_feature_scores_the_bias(tiny: ReaderModel) -> None:
    scores = tiny.scores("")
    bias = 1 / (1 + np.exp(-tiny.bias))
    assert [scores[c] for c in tiny.checks] == pytest.approx(bias.tolist())


def test_a_saved_model_reads_the_same(tiny: ReaderModel, tmp_path: Path) -> None:
    path = tmp_path / "model.npz"
    save_model(tiny, path)
    loaded = load_model(path)
    assert loaded.checks == tiny.checks
    assert loaded.threshold == tiny.threshold
    assert loaded.vocabulary == tiny.vocabulary
    assert loaded.meta == tiny.meta
    for text in (TEXT, "Oh wonderful, another genius.", ""):
        for check_id, score in tiny.scores(text).items():
            assert loaded.scores(text)[check_id] == pytest.approx(score, abs=2e-3)  # float16


def test_a_file_that_is_no_model_says_how_to_get_one(tmp_path: Path) -> None:
    path = tmp_path / "model.npz"
    path.write_text("not a model")
    with pytest.raises(SetupError) as caught:
        load_model(path)
    assert str(path) in caught.value.message
    assert "make reader" in caught.value.fix


def test_a_model_whose_parts_disagree_is_refused(tiny: ReaderModel, tmp_path: Path) -> None:
    path = tmp_path / "model.npz"
    broken = ReaderModel(
        checks=tiny.checks,
        vocabulary=tiny.vocabulary,
        weights=tiny.weights[:-1],
        bias=tiny.bias,
        threshold=tiny.threshold,
    )
    save_model(broken, path)
    with pytest.raises(SetupError, match="inconsistent"):
        load_model(path)
