"""Classes of mistake the twentieth round found in the required moves (structure.*) and the
grounding checks of the twentieth and twenty-first held-out sets, each fixed by a reading of
the grammar rather than a phrase, and tested with fresh sentences (none taken from a labelled
set) in English and Italian, with near misses that must keep failing or stay clean.

Grounding: the function words a claim is made of (auxiliaries, their contracted stems,
elided prepositions) are no content of their own; a concept's stem counts only where a word
starts ("accredito" is no store credit, "ripartenza" no repair); while the facts say the cause
is unknown a cause may only name the problem again; the phrases of writing back ground a reply
time; an adverb between the modal and its verb, an offer in the conditional and a grant said
as guaranteed are promises. Structure: a step already under way ("we've started your refund"),
what the customer can do with any verb, what will be done to them in the passive, what reaches
them on a later day, the next update with its noun left out or as a bare heading before a link,
and what the problem did to the customer, are moves made; a check reported with nothing after
it is no next step. Then the same readings probed beyond the sets: what moves towards the
customer at a time to come, what to expect and what they need not do; the next post by any
name; what should have happened, said as not done; working again whatever the verb; and a time
on the hour that shares no figure with the facts' times. A function word shared with the post
describes no problem, and a fact that rules something out supports no restated promise.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drafting.checks import CheckReport
from tests.drafting.checks.conftest import EN, IT, findings

APP = [
    "Since 08:10 CET on Friday 4 December 2026 the Verdello app shows an error at log-in.",
    "We don't know the cause yet; our engineers are working on it.",
    "Orders placed in the app during the error were not stored; customers need to order again.",
    "Next update: Friday 4 December 2026 at 11:00 CET.",
]
APP_IT = [
    "Da venerdì 4 dicembre 2026 alle 08:10 l'app Verdello mostra un errore all'accesso.",
    "Non conosciamo ancora la causa; i nostri tecnici ci stanno lavorando.",
    "Gli ordini fatti nell'app durante l'errore non sono stati registrati; i clienti devono "
    "rifarli.",
    "Prossimo aggiornamento: venerdì 4 dicembre 2026 alle 11:00.",
]

Check = Callable[..., CheckReport]


def _facts(language: str) -> list[str]:
    return APP if language == "en" else APP_IT


# --- grounding ------------------------------------------------------------------------------


def test_a_contracted_auxiliary_is_no_content_word(check: Check) -> None:
    """ "wasn't stored" restates "were not stored": the stem "wasn" is no word of its own."""
    text = f"Sorry about the app. Your order wasn't stored, so please place it again. {EN}"
    assert "grounding.cause" not in findings(check, text, {"kind": "reply", "facts": APP})


def test_italian_elided_prepositions_are_no_content_words() -> None:
    from drafting.checks.grounding.words import content_words as _content_words

    words = _content_words("non sono stati registrati nell'app dell'ordine sull'accesso")
    assert words == ["registrati", "accesso"]
    assert _content_words("the orders weren't saved and didn't ship") == ["orders", "saved", "ship"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", f"Sorry, the log-in error comes from our engineers working overnight. {EN}"),
        (
            "it",
            f"Ci dispiace: gli ordini nell'app sono stati rifiutati per un lavoro notturno "
            f"sull'accesso. {IT}",
        ),
    ],
)
def test_while_the_cause_is_unknown_one_new_word_makes_a_cause_up(
    check: Check, language: str, text: str
) -> None:
    assert "grounding.cause" in findings(check, text, {"kind": "reply", "facts": _facts(language)})


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", f"Sorry, orders weren't stored because of the log-in error. {EN}"),
        ("it", f"Ci dispiace: l'errore all'accesso è dovuto a un errore all'accesso. {IT}"),
        # "Per" giving how long it lasted is no cause.
        ("it", f"Ci dispiace: l'app è rimasta bloccata per un'ora stamattina. {IT}"),
    ],
)
def test_naming_the_problem_again_is_no_cause_while_it_is_unknown(
    check: Check, language: str, text: str
) -> None:
    assert "grounding.cause" not in findings(
        check, text, {"kind": "reply", "facts": _facts(language)}
    )


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            f"Thanks for your e-mail, and sorry the app locked you out. A colleague will get "
            f"back to you within 24 hours. {EN}",
        ),
        (
            "it",
            f"Grazie per l'e-mail, ci dispiace per l'errore dell'app. Un collega ti ricontatta "
            f"entro 24 ore. {IT}",
        ),
    ],
)
def test_writing_back_is_a_reply_for_the_standing_reply_time(
    check: Check, language: str, text: str
) -> None:
    """The demo policy's standing fact "E-mail replies come within 24 hours"."""
    context = {"kind": "apology", "channel": "email", "facts": _facts(language)}
    assert "grounding.duration" not in findings(check, text, context)


def test_a_refund_credited_is_no_store_credit_and_a_restart_no_repair(check: Check) -> None:
    facts = [
        *APP_IT,
        "Il cliente riceve il rimborso completo dell'ordine.",
        "Le consegne ripartono lunedì 7 dicembre 2026.",
    ]
    text = (
        f"Grazie per l'attesa. Ti rimborseremo l'ordine: l'accredito sul conto arriva in pochi "
        f"giorni. Il tuo ordine sarà consegnato con la ripartenza di lunedì 7 dicembre. {IT}"
    )
    assert "grounding.promise" not in findings(check, text, {"kind": "dm_followup", "facts": facts})


def test_a_prefixed_concept_word_still_counts(check: Check) -> None:
    text = f"Sorry the app locked you out. We'll redeliver your last order tomorrow. {EN}"
    assert "grounding.promise" in findings(check, text, {"kind": "reply", "facts": APP})


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", f"Sorry about the app. It will certainly be working again by noon. {EN}"),
        (
            "en",
            f"Sorry about the app. We would be happy to send you a voucher for the trouble. {EN}",
        ),
        ("en", f"Sorry about the app. Every customer is guaranteed a refund. {EN}"),
        (
            "it",
            f"Ci dispiace per l'app. Saremmo felici di regalarti un buono per il disturbo. {IT}",
        ),
        ("it", f"Ci dispiace per l'app. Il rimborso è garantito a tutti. {IT}"),
    ],
)
def test_promises_in_other_grammar_need_the_facts(check: Check, language: str, text: str) -> None:
    assert "grounding.promise" in findings(
        check, text, {"kind": "reply", "facts": _facts(language)}
    )


def test_a_right_the_law_gives_is_no_promise_of_ours(check: Check) -> None:
    text = f"Sorry about the app. You're entitled to a refund under EU law. {EN}"
    assert "grounding.promise" not in findings(check, text, {"kind": "reply", "facts": APP})


# --- structure: moves made ------------------------------------------------------------------

MADE: list[tuple[str, str, str, str]] = [
    # A step already under way.
    (
        "structure.next_step",
        "dm_followup",
        "en",
        f"Thanks for the screenshot, and sorry the app locked you out. We've initiated a "
        f"replacement order for you. {EN}",
    ),
    (
        "structure.next_step",
        "dm_followup",
        "en",
        f"Thanks for the screenshot, and sorry the app locked you out. Your claim has been "
        f"opened. {EN}",
    ),
    (
        "structure.next_step",
        "dm_followup",
        "it",
        f"Grazie per lo screenshot, ci dispiace per l'errore. Abbiamo avviato la sostituzione "
        f"del tuo ordine. {IT}",
    ),
    (
        "structure.next_step",
        "dm_followup",
        "it",
        f"Grazie per lo screenshot, ci dispiace per l'errore. La tua pratica è stata presa in "
        f"carico. {IT}",
    ),
    # What the customer can do, with any verb and a pronoun attached.
    (
        "structure.next_step",
        "dm_followup",
        "it",
        f"Grazie per lo screenshot, ci dispiace per l'errore. Puoi ancora usarlo dal sito fino "
        f"a domenica. {IT}",
    ),
    (
        "structure.next_step",
        "dm_followup",
        "it",
        f"Grazie per lo screenshot, ci dispiace per l'errore. Quindi può riprovare dal sito "
        f"quando vuole. {IT}",
    ),
    # What will be done to the customer, in the passive.
    (
        "structure.next_step",
        "dm_followup",
        "en",
        f"Thanks for the screenshot, and sorry the app locked you out. You will shortly be "
        f"reimbursed. {EN}",
    ),
    (
        "structure.next_step",
        "dm_followup",
        "it",
        f"Grazie per lo screenshot, ci dispiace per l'errore. Sarai richiamata domani mattina. "
        f"{IT}",
    ),
    (
        "structure.next_step",
        "dm_followup",
        "it",
        f"Grazie per lo screenshot, ci dispiace per l'errore. Verrà ricontattato in giornata. {IT}",
    ),
    # What reaches the customer on a later day, the day further on in the sentence.
    (
        "structure.next_step",
        "dm_followup",
        "en",
        f"Thanks for the screenshot, and sorry the app locked you out. Your chair arrives with "
        f"the next batch on Friday 11 December. {EN}",
    ),
    (
        "structure.next_step",
        "dm_followup",
        "it",
        f"Grazie per lo screenshot, ci dispiace per l'errore. La tua sedia arriva con il nuovo "
        f"carico di venerdì 11 dicembre. {IT}",
    ),
    # Done for the customer with any verb; the least left for them to do.
    (
        "structure.next_step",
        "dm_followup",
        "it",
        f"Grazie per lo screenshot, ci dispiace per l'errore. Ti ho bloccato il prezzo fino a "
        f"lunedì. {IT}",
    ),
    (
        "structure.next_step",
        "dm_followup",
        "it",
        f"Grazie per lo screenshot, ci dispiace per l'errore. Basta mostrare questo messaggio "
        f"in negozio. {IT}",
    ),
    # The next update with its noun left out, after an update was named.
    (
        "structure.next_update",
        "holding_statement",
        "en",
        f"The app shows an error at log-in; we're sorry. Every update is on our status page, "
        f"and the next one follows at 11:00 CET. {EN}",
    ),
    (
        "structure.next_update",
        "status_update",
        "it",
        f"Aggiornamento delle 9:00: l'app dà ancora errore all'accesso, ci scusiamo. Il "
        f"prossimo alle 11:00. {IT}",
    ),
    # A bare heading of the time before a link; a verbless heading with a colon.
    (
        "structure.next_update",
        "holding_statement",
        "en",
        f"The app shows an error at log-in, sorry. Update 11:00 CET: "
        f"https://status.verdello.example {EN}",
    ),
    (
        "structure.next_update",
        "holding_statement",
        "en",
        f"The app shows an error at log-in, and we're sorry. Following statement: Friday at "
        f"11:00 CET. {EN}",
    ),
    (
        "structure.next_update",
        "holding_statement",
        "it",
        f"L'app dà errore all'accesso, ci scusiamo. Successivo comunicato: venerdì alle 11:00. "
        f"{IT}",
    ),
    # What the problem did to the customer acknowledges it.
    (
        "structure.acknowledge",
        "apology",
        "en",
        f"That message on your screen gave you quite a scare, and we're sorry. DM us and we'll "
        f"help. {EN}",
    ),
    (
        "structure.acknowledge",
        "apology",
        "en",
        f"We're sorry. The new page left you confused. DM us and we'll help. {EN}",
    ),
    (
        "structure.acknowledge",
        "apology",
        "en",
        f"We're sorry you found the new page confusing. DM us and we'll help. {EN}",
    ),
    (
        "structure.acknowledge",
        "apology",
        "it",
        f"Siamo spiacenti: il messaggio sullo schermo ti ha fatto preoccupare. Scrivici in DM. "
        f"{IT}",
    ),
    (
        "structure.acknowledge",
        "apology",
        "it",
        f"Siamo spiacenti che abbiate trovato il nuovo modulo poco chiaro. Scrivici in DM. {IT}",
    ),
    (
        "structure.acknowledge",
        "apology",
        "it",
        f"Siamo spiacenti. Il nuovo modulo vi ha creato pensieri. Scrivici in DM. {IT}",
    ),
]


@pytest.mark.parametrize(("move", "kind", "language", "text"), MADE)
def test_r20_the_move_is_made(check: Check, move: str, kind: str, language: str, text: str) -> None:
    context = {"kind": kind, "facts": _facts(language) if kind != "apology" else []}
    assert move not in findings(check, text, context)


# --- structure: near misses that still fail --------------------------------------------------

MISSING: list[tuple[str, str, str, str]] = [
    # A check reported with nothing after it says neither what it found nor what happens next.
    (
        "structure.next_step",
        "dm_followup",
        "en",
        f"Thanks for the screenshot, and sorry the app locked you out. I've checked your "
        f"account. {EN}",
    ),
    (
        "structure.next_step",
        "dm_followup",
        "it",
        f"Grazie per lo screenshot, ci dispiace per l'errore. Abbiamo verificato il tuo "
        f"account. {IT}",
    ),
    # What we made the customer go through is no step taken for them; a feeling is no passive.
    (
        "structure.next_step",
        "dm_followup",
        "it",
        f"Grazie per lo screenshot, ci dispiace se ti abbiamo fatto aspettare. {IT}",
    ),
    (
        "structure.next_step",
        "dm_followup",
        "en",
        f"Thanks for the screenshot, and sorry the app locked you out. You'll be pleased with "
        f"the new version. {EN}",
    ),
    # "The next one" with no update named before it is something else.
    (
        "structure.next_update",
        "holding_statement",
        "en",
        f"The app shows an error at log-in; we're sorry. Your parcel left today and the next "
        f"one follows at 11:00 CET. {EN}",
    ),
    # A heading with its time and a statement after it dates the update itself.
    (
        "structure.next_update",
        "holding_statement",
        "en",
        f"The app shows an error at log-in, sorry. Update 11:00 CET: the app still fails. {EN}",
    ),
]


@pytest.mark.parametrize(("move", "kind", "language", "text"), MISSING)
def test_r20_the_move_is_still_missing(
    check: Check, move: str, kind: str, language: str, text: str
) -> None:
    assert move in findings(check, text, {"kind": kind, "facts": _facts(language)})


@pytest.mark.parametrize(
    ("post", "text"),
    [
        (
            "the lamp I bought didn't switch on",
            f"We're sorry. Our lamps didn't change this year. DM us with the order number. {EN}",
        ),
        (
            "La cassettiera dell'armadio è arrivata senza viti",
            f"Ci scusiamo. Il montaggio dell'armadio richiede due persone. Scrivici in DM. {IT}",
        ),
    ],
)
def test_a_function_word_shared_with_the_post_describes_no_problem(
    check: Check, post: str, text: str
) -> None:
    """ "didn't" -> "didn" and "dell'armadio" -> "dell" are no topic: one content word shared
    with the post is not a description of what went wrong."""
    assert "structure.acknowledge" in findings(check, text, {"kind": "apology", "post_text": post})


def test_a_ruled_out_fact_supports_no_restated_promise(check: Check) -> None:
    """ "We decided not to repair ..." rules the repair out: said again, it is still a promise
    the facts do not make."""
    facts = ["We decided not to repair the Sole lamps sent back; each one is refunded by Friday."]
    text = f"Good news: your Sole lamp will be repaired after all. {EN}"
    assert "grounding.promise" in findings(check, text, {"kind": "reply", "facts": facts})


KETTLE_EN = "Thanks for the photo, and sorry the kettle arrived dented. "
KETTLE_IT = "Grazie per la foto, ci dispiace che il bollitore sia arrivato ammaccato. "


@pytest.mark.parametrize(
    ("language", "step"),
    [
        # What moves towards the customer at a time to come.
        ("en", "The driver picks it up on Tuesday."),
        ("en", "A new kettle leaves the depot tomorrow."),
        ("en", "The money goes back to your account within three working days."),
        ("en", "It should be with you by Wednesday."),
        ("it", "Il corriere passa a prenderlo martedì."),
        ("it", "Il bollitore nuovo dovrebbe arrivarti entro mercoledì."),
        ("it", "Il ritiro è stato spostato a martedì."),
        ("it", "Il bollitore nuovo è già in viaggio."),
        # What to expect by when.
        ("en", "Expect a text from the courier by Tuesday."),
        ("it", "Aspettati un sms dal corriere entro martedì."),
        # What the customer need not do.
        ("en", "There's no need to post the dented one back."),
        ("en", "Nothing further is needed from you."),
        ("it", "Non c'è bisogno di rispedirlo."),
        ("it", "Tienilo pure, non serve."),
        # Done for the customer now, or with any verb said by its beneficiary or new day.
        ("en", "A new kettle is being packed for you."),
        ("en", "We've set a new kettle aside for you."),
        ("en", "We've pushed your delivery to Tuesday."),
    ],
)
def test_r20_what_happens_next_in_other_grammar(check: Check, language: str, step: str) -> None:
    text = f"{KETTLE_EN if language == 'en' else KETTLE_IT}{step} {EN if language == 'en' else IT}"
    assert "structure.next_step" not in findings(check, text, {"kind": "dm_followup"})


@pytest.mark.parametrize(
    "step",
    [
        # A report of the past is no step to come; a trouble going on is nothing done for them.
        "Your refund was issued on Monday.",
        "Kettle orders are being delayed at the depot.",
    ],
)
def test_r20_a_past_report_or_a_trouble_is_no_next_step(check: Check, step: str) -> None:
    text = f"{KETTLE_EN}{step} {EN}"
    assert "structure.next_step" in findings(check, text, {"kind": "dm_followup"})


@pytest.mark.parametrize(
    ("language", "announcement"),
    [
        # The next post by any name and in any construction; an update to expect.
        ("en", "Our next bulletin is due at 15:30 CET."),
        ("en", "Keep an eye out for another update at 15:30 CET."),
        ("en", "Watch this space: 15:30 CET."),
        ("it", "Il prossimo post alle 15:30."),
        ("it", "Prossime notizie verso le 15:30."),
        ("it", "Aspettatevi un aggiornamento alle 15:30."),
        ("it", "Alle 15:30 vi diciamo a che punto siamo."),
    ],
)
def test_r20_the_next_update_by_any_name(check: Check, language: str, announcement: str) -> None:
    opening = (
        "The app shows an error at log-in, and we're sorry. "
        if language == "en"
        else "L'app dà errore all'accesso, ci scusiamo. "
    )
    text = f"{opening}{announcement} {EN if language == 'en' else IT}"
    assert "structure.next_update" not in findings(check, text, {"kind": "holding_statement"})


def test_r20_a_next_post_with_no_time_is_still_no_next_update(check: Check) -> None:
    text = f"The app shows an error at log-in, and we're sorry. Watch this space. {EN}"
    assert "structure.next_update" in findings(check, text, {"kind": "holding_statement"})


@pytest.mark.parametrize(
    ("language", "acknowledgement"),
    [
        # What should have happened, said as not done; what it was like; the letdown owned.
        ("en", "Sorry: that toaster ought to have reached you in one piece."),
        ("en", "That's not the toaster you should have received, and we're sorry."),
        ("en", "What an upsetting surprise for your first breakfast, sorry."),
        ("it", "Scusaci: il tostapane avrebbe dovuto arrivare intatto."),
        ("it", "Non è il tostapane che avresti dovuto trovare, ci dispiace."),
        ("it", "Che brutta sorpresa per la prima colazione, scusaci."),
        ("it", "Vi abbiamo proprio deluso, ci dispiace."),
    ],
)
def test_r20_the_problem_acknowledged_in_other_grammar(
    check: Check, language: str, acknowledgement: str
) -> None:
    post = (
        "my toaster arrived with a cracked lid"
        if language == "en"
        else "il tostapane è arrivato con il coperchio crepato"
    )
    step = (
        f"DM us your order number and we'll send a new one. {EN}"
        if language == "en"
        else f"Scrivici in DM il numero d'ordine e te ne mandiamo uno nuovo. {IT}"
    )
    text = f"{acknowledgement} {step}"
    assert "structure.acknowledge" not in findings(
        check, text, {"kind": "apology", "post_text": post}
    )


def test_r20_what_the_customer_should_have_done_acknowledges_nothing(check: Check) -> None:
    text = f"Sorry. You should have read the care label. DM us your order number. {EN}"
    context = {"kind": "apology", "post_text": "my toaster arrived with a cracked lid"}
    assert "structure.acknowledge" in findings(check, text, context)


@pytest.mark.parametrize(
    ("language", "resolution"),
    [
        # Working again whatever the verb and however long its phrase; a problem solved; back.
        ("en", "You can sign in to your Verdello account again."),
        ("en", "The app allows you to sign in again."),
        ("en", "The sign-in problem is solved."),
        ("en", "The app is running smoothly again."),
        ("it", "L'accesso all'app è finalmente tornato."),
        ("it", "I pagamenti nell'app sono tornati disponibili."),
    ],
)
def test_r20_the_resolution_in_other_grammar(check: Check, language: str, resolution: str) -> None:
    closing = (
        f"Thanks for your patience, and sorry for the trouble this morning. {EN}"
        if language == "en"
        else f"Grazie per la pazienza e scusate il disagio di stamattina. {IT}"
    )
    context = {"kind": "resolution_update", "facts": _facts(language)}
    assert "structure.state_resolution" not in findings(
        check, text=f"{resolution} {closing}", context=context
    )


@pytest.mark.parametrize(
    "sentence",
    [
        # Still broken, broken again, or our own word again; a time on the hour shares no
        # figure with the facts' times ("13:00" is not "11:00", though both end in "00").
        "You can't sign in again yet.",
        "The app crashes again after the update.",
        "We can update you again at 13:00 CET.",
    ],
)
def test_r20_no_resolution_in_a_trouble_or_a_promise_again(check: Check, sentence: str) -> None:
    text = f"Sorry about the app. {sentence} Thanks for your patience. {EN}"
    context = {"kind": "resolution_update", "facts": APP}
    assert "structure.state_resolution" in findings(check, text, context)
