"""structure.*: the moves the policy requires for the draft's kind are all there."""

from __future__ import annotations

import re

from drafting.checks.checkrun import CheckRun

_WHAT = {
    "acknowledge": "acknowledge what happened to the customer",
    "apologise": "apologise without conditions",
    "next_step": "say what happens next",
    "next_update": "say when the next update comes, with a time",
    "state_status": "say what the current status is",
    "state_resolution": "say that the problem is fixed",
    "thank": "thank the customer",
    "move_to_dm": "move the conversation to a private channel",
}
_EXAMPLE = {
    "en": {
        "acknowledge": '"Your order was due on Monday and still hasn\'t arrived."',
        "apologise": '"We\'re sorry." (no "if", no "but")',
        "next_step": '"Send us a DM with your order number and we\'ll check it now."',
        "next_update": '"Next update by 15:00 CET."',
        "state_status": '"Our checkout is still down; the team is working on it."',
        "state_resolution": '"Checkout is working normally again since 13:48 CET."',
        "thank": '"Thank you for your patience."',
        "move_to_dm": '"Could you send us a DM with your order number?"',
    },
    "it": {
        "acknowledge": '"Il tuo ordine doveva arrivare lunedì e non è ancora arrivato."',
        "apologise": '"Ci dispiace molto." (senza "se" e senza "ma")',
        "next_step": '"Ci scrivi in DM il numero d\'ordine? Controlliamo subito."',
        "next_update": '"Prossimo aggiornamento entro le 15:00."',
        "state_status": '"Il checkout è ancora fuori servizio; ci stiamo lavorando."',
        "state_resolution": '"Dalle 13:48 il checkout funziona di nuovo normalmente."',
        "thank": '"Grazie per la pazienza."',
        "move_to_dm": '"Ci scrivi in DM il numero d\'ordine?"',
    },
}


def next_update_span(run: CheckRun) -> tuple[int, int] | None:
    """A sentence that announces an update *and* gives its time."""
    cue = run.compiled.moves["next_update"]
    time = run.lexicon.update_time
    if cue is None or time is None:
        return None
    masked = run.draft.masked
    for start, end in run.draft.sentences:
        sentence = masked[start:end]
        if not time.search(sentence):
            continue  # the time is the cheaper test, and most sentences have none
        m = cue.search(sentence)
        if m:
            return start + m.start(), start + m.end()
    return None


def _names_the_problem(run: CheckRun) -> tuple[int, int] | None:
    """A word that says what went wrong ("crashing", "loose", "ritardo") acknowledges it."""
    words = run.lexicon.problem_words
    for m in re.finditer(r"[^\W\d_]+(?:-[^\W\d_]+)?", run.draft.masked):
        if m.group(0).lower() in words:
            return m.span()
    return None


def check(run: CheckRun) -> None:
    if not run.lexical:
        return
    required = run.policy.moves_for(run.ctx.kind)
    examples = _EXAMPLE.get(run.lexicon.language, _EXAMPLE["en"])
    for move in required:
        check_id = f"structure.{move}"
        if not run.enabled(check_id):
            continue
        span: tuple[int, int] | None = None
        if move == "next_update":
            span = next_update_span(run)
        else:
            pattern = run.compiled.moves.get(move)
            m = pattern.search(run.draft.masked) if pattern else None
            if m is None and move == "state_status":
                # "Payments work again for most of you" is a status too.
                fixed = run.compiled.moves.get("state_resolution")
                m = fixed.search(run.draft.masked) if fixed else None
            span = m.span() if m else None
            if span is None and move == "acknowledge":
                span = _names_the_problem(run)
            if span is None and move == "next_step" and run.draft.links:
                link = run.draft.links[0]  # pointing to a help page is a next step
                span = (link.start, link.end)
        kind = run.ctx.kind.replace("_", " ")
        kind = ("an " if kind[0] in "aeiou" else "a ") + kind
        if span is not None:
            run.ok(check_id, span, f"{kind.capitalize()} must {_WHAT[move]}; this draft does.")
        else:
            run.fail(
                check_id,
                None,
                f"{kind.capitalize()} must {_WHAT[move]}; this draft doesn't.",
                f"Add it, for example {examples[move]}",
            )
