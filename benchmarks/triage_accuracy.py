"""Triage accuracy and speed on the labelled real posts and the synthetic set.

    .venv/bin/python benchmarks/triage_accuracy.py            # rules and lexicons only
    .venv/bin/python benchmarks/triage_accuracy.py --embedder # + exemplar similarity
    .venv/bin/python benchmarks/triage_accuracy.py --misses   # list every disagreement

Prints accuracy per field (category, severity, action, sentiment), precision and recall per
risk flag, and the median time to triage one post. The real posts are read from
../shared/data/twitter-customer-care/dev.json; the repo keeps only their ids and labels.
The real set is reported whole and split in two: the first 150 labelled posts (read while
the rules were written) and the rest (held out: not looked at while tuning).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from drafting.triage.scoring import FIELDS, Report, evaluate, synthetic_cases, twitter_cases  # noqa: E402
from knowledge.brandpack import Brand, EscalationContact  # noqa: E402
from knowledge.taxonomy import RISK_FLAGS  # noqa: E402

DATASET = ROOT.parent / "shared" / "data" / "twitter-customer-care" / "dev.json"
LABELS = ROOT / "tests" / "data" / "triage_labels.jsonl"
SYNTHETIC = ROOT / "tests" / "data" / "triage_synthetic.jsonl"
TUNING_SPLIT = 150
ROLES = ("legal", "safety", "press", "regulator", "security", "wellbeing", "executive")

BRAND = Brand(
    id="bench",
    name="Bench",
    languages=["en", "it"],
    channels=["x"],
    escalation_contacts={r: EscalationContact(name=r, contact=f"{r}@bench.example") for r in ROLES},
)


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.2f}"


def print_report(title: str, report: Report, *, misses: bool) -> None:
    print(f"\n## {title} ({report.n} posts, median {report.median_ms:.2f} ms/post)")
    print("  " + "  ".join(f"{name:>9}" for name in FIELDS))
    print("  " + "  ".join(f"{report.accuracy(name):9.3f}" for name in FIELDS))
    print(f"  {'flag':<22}{'support':>8}{'prec':>7}{'recall':>8}{'tp':>5}{'fp':>5}{'fn':>5}")
    for flag in RISK_FLAGS:
        if report.support(flag) or report.flag_fp[flag]:
            print(
                f"  {flag:<22}{report.support(flag):>8}{_fmt(report.precision(flag)):>7}"
                f"{_fmt(report.recall(flag)):>8}{report.flag_tp[flag]:>5}"
                f"{report.flag_fp[flag]:>5}{report.flag_fn[flag]:>5}"
            )
    if misses:
        for case_id, name, want, got in report.misses:
            print(f"    miss {case_id} {name}: want {want} got {got}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedder", action="store_true", help="also use the embedding model")
    parser.add_argument("--misses", action="store_true", help="list every disagreement")
    args = parser.parse_args()
    embedder = None
    if args.embedder:
        from drafting.config import get_settings
        from knowledge.embedder import get_embedder

        embedder = get_embedder(get_settings())
    real = twitter_cases(DATASET, LABELS)
    synthetic = synthetic_cases(SYNTHETIC)
    evaluate(real[:5], brand=BRAND, embedder=embedder)  # warm caches (regexes, VADER, exemplars)
    mode = "rules + embedder" if embedder else "rules only"
    print(f"# triage accuracy ({mode})")
    print_report(
        "real posts, all", evaluate(real, brand=BRAND, embedder=embedder), misses=args.misses
    )
    print_report(
        f"real posts, first {TUNING_SPLIT} (seen while tuning)",
        evaluate(real[:TUNING_SPLIT], brand=BRAND, embedder=embedder),
        misses=False,
    )
    print_report(
        f"real posts, last {len(real) - TUNING_SPLIT} (held out)",
        evaluate(real[TUNING_SPLIT:], brand=BRAND, embedder=embedder),
        misses=False,
    )
    print_report(
        "synthetic posts (en + it)",
        evaluate(synthetic, brand=BRAND, embedder=embedder),
        misses=args.misses,
    )


if __name__ == "__main__":
    main()
