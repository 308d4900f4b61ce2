"""Train the learned reader on labelled replies: ``make reader`` (or
``python -m drafting.checks.reader.train``).

Each check the reader covers gets a logistic regression over binary features scaled by their
naive-Bayes log-count ratio (Wang and Manning's NBSVM, 2012), which is strong on short texts
and few examples. The scaling is folded into the weights, so scoring a draft is one sum. The
weights too small to move a score are dropped, which keeps the file near 1 MB.

Training needs scikit-learn (the ``dev`` extra); the service only reads the saved weights.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from drafting.checks.quality import LabelledCase, load_labelled
from drafting.checks.reader.features import features
from drafting.checks.reader.model import MODEL_PATH, ReaderModel, save_model
from drafting.errors import SetupError

DATA = Path(__file__).resolve().parents[3] / "tests" / "data"
# Ordinary customer-care replies of many kinds of company (troubleshooting, security tips,
# congratulations, policy explanations), written for this purpose: negatives for every check,
# so that the reader learns what plain support wording looks like outside one brand's crises.
# Its brief named kinds of wording the first model misread on the real agent replies, so those
# replies measure the reader optimistically since (benchmarks/README.md).
BACKGROUND = DATA / "reader_background.jsonl"

# The checks whose wording no pattern list can cover: what a reply implies (a guess at the
# cause, a legal or financial promise, defensiveness, sarcasm) more than what it names.
# Structure, grounding and the policy's own lists are better read by rules. Not blame: who is
# blamed depends on the incident (a courier named in a good reply about a courier strike), and
# read with models trained without them the labelled sets got 22 blame false alarms, several
# on good replies, and no catch the rules had missed.
READ_CHECKS = (
    "forbidden.speculation",
    "forbidden.liability",
    "forbidden.legal_promise",
    "forbidden.financial_advice",
    "forbidden.medical_advice",
    "forbidden.other_customers",
    "tone.defensive",
    "tone.blame_shift",
    "tone.hostility",
    "tone.sarcasm",
)
# Chosen on the seven blind sets holdout40-46 with the rules as they were at first sight and a
# reader trained without those sets: at 0.9 it found 11 of the 105 mistakes the rules missed
# there, with 1 false alarm (14 and 1 at 0.8, 9 and 1 at 0.95). See benchmarks/README.md.
THRESHOLD = 0.9
MIN_COUNT = 2  # a feature must occur in at least this many training replies
C = 1.0  # inverse regularisation strength
PRUNE = 0.01  # weights smaller than this (in every check) are dropped


def labelled_files(data_dir: Path = DATA) -> list[Path]:
    return sorted(data_dir.glob("checks_*.jsonl"))


def fingerprint(paths: Sequence[Path]) -> dict[str, str]:
    """SHA-256 of each training file, by name: a model records what it learned from."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def load_background(path: Path = BACKGROUND) -> list[str]:
    """The background replies' texts (none when the file is absent)."""
    if not path.is_file():
        return []
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [str(row["text"]) for row in rows]


def train(
    cases: Sequence[LabelledCase],
    checks: Sequence[str] = READ_CHECKS,
    *,
    background: Sequence[str] = (),
    threshold: float = THRESHOLD,
    min_count: int = MIN_COUNT,
    c: float = C,
    prune: float = PRUNE,
) -> ReaderModel:
    try:
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise SetupError(
            f"Training the learned reader needs scikit-learn ({exc}).",
            fix="Install the dev extra: `make install-dev` (or pip install -e '.[dev]').",
        ) from exc
    if not cases:
        raise ValueError("No labelled replies to train on: give at least one per check.")
    vectorizer = CountVectorizer(analyzer=features, min_df=min_count, binary=True, dtype=np.float32)
    texts = [case.text for case in cases] + list(background)
    x = vectorizer.fit_transform(texts).tocsr()
    names = vectorizer.get_feature_names_out()
    weights = np.zeros((len(names), len(checks)), dtype=np.float32)
    bias = np.zeros(len(checks), dtype=np.float32)
    for k, check_id in enumerate(checks):
        y = np.array([check_id in case.expect_fail for case in cases] + [False] * len(background))
        if y.all() or not y.any():
            raise ValueError(
                f"{check_id}: the labelled replies need both examples that fail it and "
                f"examples that pass it ({int(y.sum())} of {len(y)} fail it)."
            )
        ratio = _log_count_ratio(x, y)
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
        model.fit(x.multiply(ratio).tocsr(), y)
        weights[:, k] = model.coef_[0] * ratio
        bias[k] = model.intercept_[0]
    keep = np.abs(weights).max(axis=1) >= prune
    return ReaderModel(
        checks=tuple(checks),
        vocabulary={str(name): i for i, name in enumerate(names[keep])},
        weights=weights[keep],
        bias=bias,
        threshold=threshold,
        meta={"cases": len(cases), "background": len(background)},
    )


def _log_count_ratio(x: object, y: np.ndarray) -> np.ndarray:
    """log of (share of failing replies holding each feature) over (share of passing ones),
    each count smoothed by one."""
    failing = 1.0 + np.asarray(x[y].sum(axis=0)).ravel()  # type: ignore[index]
    passing = 1.0 + np.asarray(x[~y].sum(axis=0)).ravel()  # type: ignore[index]
    return np.log((failing / failing.sum()) / (passing / passing.sum())).astype(np.float32)


def train_shipped(data_dir: Path = DATA, path: Path = MODEL_PATH) -> ReaderModel:
    """Train on every labelled set in ``data_dir`` and save the model the service reads."""
    files = labelled_files(data_dir)
    cases = [case for f in files for case in load_labelled(f)]
    background = data_dir / BACKGROUND.name
    model = train(cases, background=load_background(background))
    trained_on = fingerprint([*files, background] if background.is_file() else files)
    model = replace(model, meta={**model.meta, "trained_on": trained_on})
    save_model(model, path)
    return model


if __name__ == "__main__":
    trained = train_shipped()
    size = MODEL_PATH.stat().st_size
    print(
        f"{MODEL_PATH}: {len(trained.checks)} checks, {len(trained.vocabulary)} features, "
        f"{trained.meta['cases']} labelled replies from {len(trained.meta['trained_on'])} "
        f"files, {size / 1e6:.1f} MB"
    )
