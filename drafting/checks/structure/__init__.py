"""structure.*: the moves the policy requires for the draft's kind are all there."""

from __future__ import annotations

import re

from drafting.checks.checkrun import CheckRun
from drafting.checks.lexicon import Pattern
from drafting.checks.structure.acknowledge import (
    apologised_for_the_thing,
    describes_the_problem,
    felt_about_the_post,
    names_the_problem,
    outside_asides,
    owned_the_ordeal,
    points_at_what_happened,
    retold_their_visit,
)
from drafting.checks.structure.clauses import clauses_of
from drafting.checks.structure.coming import coming_date_span
from drafting.checks.structure.status import (
    EMPATHY_FRAME,
    OPEN_UNTIL,
    headed_statement,
    states_the_facts,
)
from drafting.checks.structure.update import next_update_span

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


def _first_move(run: CheckRun, move: str, pattern: Pattern | None) -> re.Match[str] | None:
    """The first match of a move's cue; an acknowledgement counts only outside what an apology
    puts in the customer's feelings, a status only outside a clause that tells what the
    customer goes through as we empathise with it."""
    if pattern is None:
        return None
    masked = run.draft.masked
    if move == "acknowledge":
        outside = outside_asides(run)
        # (r35) ... nor a cue that runs into a feeling ("sorry you took it so badly", "ci
        # dispiace che tu l'abbia presa male"): what it is about is the feeling.
        return next(
            (m for m in pattern.finditer(masked) if outside(m.start()) and outside(m.end() - 1)),
            None,
        )
    if move == "state_resolution":
        # (r26) Not a state that holds only until a date to come (see OPEN_UNTIL).
        for m in pattern.finditer(masked):
            end = run.draft.sentence_at(m.start())[1]
            if not OPEN_UNTIL.search(masked, m.end(), end):
                return m
        return None
    if move != "state_status":
        return pattern.search(masked)
    for m in pattern.finditer(masked):
        start = next((s for s, e in clauses_of(run) if s <= m.start() < e), 0)
        if not EMPATHY_FRAME.match(masked, start):
            return m
    return None


def _check_empty(run: CheckRun) -> None:
    """A draft of a handle and a sign-off (a model that wrote nothing, an edit that deleted
    everything) passes every other rule and says nothing."""
    if not run.enabled("structure.empty") or run.draft.words:
        return
    run.fail(
        "structure.empty",
        None,
        "The draft has no words beyond the handle, links and sign-off: it says nothing.",
        "Write the reply, or draft it again.",
    )


def check(run: CheckRun) -> None:
    _check_empty(run)
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
            m = _first_move(run, move, pattern)
            if m is None and move == "state_status":
                # "Payments work again for most of you" is a status too.
                fixed = run.compiled.moves.get("state_resolution")
                m = fixed.search(run.draft.masked) if fixed else None
            span = m.span() if m else None
            if span is None and move == "state_status":
                span = headed_statement(run) or states_the_facts(run, done=False)
            if span is None and move == "state_resolution":
                span = states_the_facts(run, done=True)
            if span is None and move == "acknowledge":
                span = (
                    names_the_problem(run)
                    or describes_the_problem(run)
                    or felt_about_the_post(run)
                    or points_at_what_happened(run)
                    or apologised_for_the_thing(run)
                    or owned_the_ordeal(run)
                    or retold_their_visit(run)
                )
            if span is None and move == "next_step" and run.draft.links:
                link = run.draft.links[0]  # pointing to a help page is a next step
                span = (link.start, link.end)
            if span is None and move == "next_step":
                # (r29) A dated announcement of the next news is what happens next ("More on
                # the refunds Thursday at 10:00", "Novità sulle consegne domani alle 9:00").
                span = next_update_span(run)
            if span is None and move == "next_step":
                # (r30) ... and a dated event to come, with nothing past around it ("the
                # second sale is on Friday 11 December", "rimborso entro venerdì 4 giugno").
                span = coming_date_span(run)
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
