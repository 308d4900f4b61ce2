"""The learned reader as a check family: it runs after every rule and adds a finding for a
check the rules let pass when the model scores the draft at or above its threshold.

Its findings carry the check's own id (a guess at the cause is ``forbidden.speculation``
whoever spots it), its severity unless the policy lowers it, the sentence that weighs most and
its heaviest words; they are always overridable with a reason, because a statistical reading
can be wrong in a way no lead should be stuck with.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafting.checks import forbidden, tone
from drafting.checks.catalogue import CHECK_IDS
from drafting.checks.checkrun import CheckRun

if TYPE_CHECKING:
    from drafting.checks.reader.model import Reading


def reasons(check_id: str) -> tuple[str, str]:
    """What a failure of ``check_id`` means and how to fix it, as its rule says it."""
    family, name = check_id.split(".", 1)
    if check_id == "tone.blame_shift":
        return tone.BLAME_SHIFT
    table = forbidden.REASONS if family == "forbidden" else tone.REASONS
    return table.get(name) or (CHECK_IDS[check_id].description.lower(), "Rephrase it.")


def check(run: CheckRun) -> None:
    rules = run.policy.reader
    if not rules.enabled or not run.lexical or not run.draft.text.strip():
        return
    # Imported here, not at the top: the model brings numpy (about 70 ms), which a process
    # whose brands leave the reader off never needs.
    from drafting.checks.reader.model import shipped_model

    model = run.ctx.reader or shipped_model()
    failed = run.failed_ids()
    wanted = {c for c in model.checks if c in CHECK_IDS and c not in failed and run.enabled(c)}
    if not wanted:
        return
    readings = model.read(
        run.draft.text,
        wanted,
        threshold=rules.min_score,
        sentences=run.draft.sentences or None,
    )
    for reading in readings:
        run.suspect(
            reading.check_id,
            reading.span,
            _explain(reading),
            reasons(reading.check_id)[1],
            severity=rules.severity,
        )


def _explain(reading: Reading) -> str:
    why = reasons(reading.check_id)[0]
    words = ", ".join(f"“{w}”" for w in reading.words)
    weighed = f", mostly for {words}" if words else ""
    return (
        f"The learned reader thinks this sentence {why} (score {reading.score:.2f}{weighed}). "
        "No rule pattern matched, so read it: rewrite it if it does say that, or approve with "
        "a short reason if it does not."
    )
