"""grounding.*: every amount, percentage, count, date, duration, cause and promise in the draft
must appear in the incident facts, the cited sources or the policy's standing facts.

With neither facts nor sources there is nothing to check a claim against: unsupported claims
are then reported as warnings ("could not be verified") rather than blocks.
"""

from __future__ import annotations

from drafting.checks.catalogue import CheckSeverity
from drafting.checks.checkrun import CheckRun
from drafting.checks.grounding.causes import check_causes
from drafting.checks.grounding.figures import KIND_LABEL, check_figures
from drafting.checks.grounding.promises import check_promises
from drafting.checks.grounding.support import Support


def check(run: CheckRun) -> None:
    ids = [v[0] for v in KIND_LABEL.values()] + ["grounding.cause", "grounding.promise"]
    if not any(run.enabled(i) for i in ids):
        return
    support = Support(run)
    severity: CheckSeverity | None = None if support.has_evidence else "warn"
    caveat = (
        ""
        if support.has_evidence
        else (" No incident facts or sources were given, so it could not be verified.")
    )
    check_figures(run, support, severity, caveat)
    if not run.lexical:
        return
    if run.enabled("grounding.cause"):
        check_causes(run, support, severity, caveat)
    if run.enabled("grounding.promise"):
        check_promises(run, support, severity, caveat)
