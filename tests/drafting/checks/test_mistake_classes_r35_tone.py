"""Classes of mistake the fifty-seventh to sixtieth held-out sets (a heater recalled for hot
cords; a newsletter showing every recipient's address; an employee's insulting reply from the
brand's account; a migration that erased saved wishlists) exposed in the tone and policy
families, each fixed by a reading rather than by the sets' own phrases, and tested with fresh
sentences (none taken from a labelled set: here a bike-sharing service whose support chat was
rude to a rider and whose e-bikes' speed limiters reset after an update) in English and
Italian, with near misses that must stay clean.

Other customers: the incident's own person, introduced by the facts and brought in as the
object of what we did, is not another customer; nor are the other people who got what the
incident sent. A handle cited as the example of others who got theirs, told what we also
answered it, or named as the one whose thing is back, is; so is "the customer" with their place,
their own act or how they feel now. Speculation: a hedge over a step not done properly, over
something that went wrong or ran in place of something else, over the doer's mistaken belief.
Hostility: the customer's reaction called an over-reaction or a nuisance; "before posting" only
when they are told to read first. Sarcasm: the harm recast as a treat, thanks for a needless
reminder, a mock-tragic tag, blame mock-accepted for what comes next. Legal promise: a cover or a
claim settled by the law or a regulator, told as certain. Blame: an outside party that made the
error or used the wrong thing.
"""

from __future__ import annotations

import pytest

from tests.drafting.checks.conftest import EN, IT, findings

REPLY = {"kind": "reply", "channel": "x"}
STATEMENT = {"kind": "holding_statement", "channel": "facebook"}
FACTS = (
    "On Sunday 3 May 2026 a member of the support team sent a rude chat message to a customer "
    "who had asked about a refund for an unfinished ride. / Domenica 3 maggio 2026 un membro "
    "del team di assistenza ha mandato un messaggio scortese a una cliente che aveva chiesto il "
    "rimborso di una corsa interrotta.",
    "Why the speed limiters reset after Monday's update is not yet known. / Perché i limitatori "
    "di velocità si siano azzerati dopo l'aggiornamento di lunedì non è ancora noto.",
)
INCIDENT = {**STATEMENT, "facts": FACTS}

# --- forbidden.other_customers: the incident's own people are not "other customers" ----------


@pytest.mark.parametrize(
    "text",
    [
        f"On Sunday our support chat was rude to a customer who had asked us about a refund. "
        f"That was wrong, and we're sorry. Next update on Wednesday at 12:00 CET. {EN}",
        f"Domenica la nostra chat di assistenza ha risposto male a una cliente che ci aveva "
        f"scritto per un rimborso. Non doveva succedere e ci scusiamo. {IT}",
    ],
)
def test_the_incidents_own_person_is_not_another_customer(check, text: str) -> None:
    assert "forbidden.other_customers" not in findings(check, text, INCIDENT)


@pytest.mark.parametrize(
    "text",
    [
        f"Your ride history was visible to the other people who received the e-mail. {EN}",
        f"La tua cronologia era visibile agli altri destinatari dell'e-mail. {IT}",
    ],
)
def test_the_others_who_got_what_the_incident_sent_are_not_other_customers(
    check, text: str
) -> None:
    assert "forbidden.other_customers" not in findings(check, text, REPLY)


@pytest.mark.parametrize(
    ("text", "context"),
    [
        # The same words with no such person in the facts, or as the subject of their own case.
        (
            f"Our support chat was rude to a customer who had asked us about a refund. {EN}",
            REPLY,
        ),
        (f"A customer wrote to us this morning that she's cancelling her plan. {EN}", INCIDENT),
        (f"Another customer who asked us about a refund got the same reply. {EN}", INCIDENT),
        (f"Other people who received the e-mail have already had a refund. {EN}", REPLY),
        (f"The rider in Bristol had a fall on the hill, but she's fine now. {EN}", REPLY),
        (f"The customer did pick the wrong plan, but we should have been kinder. {EN}", REPLY),
        (f"Il cliente ha già accettato le nostre scuse ed è contento. {IT}", REPLY),
        (f"Sì, come abbiamo spiegato anche a @marco_rossi: i dati sono al sicuro. {IT}", REPLY),
        (f"Lots of riders have already had theirs back, like @sam_keller. {EN}", REPLY),
        (f"Sì: a @sara_p il credito è già tornato, il tuo arriva entro venerdì. {IT}", REPLY),
    ],
)
def test_another_persons_case_is_still_flagged(check, text: str, context: dict) -> None:
    assert "forbidden.other_customers" in findings(check, text, context)


@pytest.mark.parametrize(
    "text",
    [
        f"We've apologised to the customer privately. Next update on Wednesday. {EN}",
        f"Ci siamo scusati con la cliente in privato. Prossimo aggiornamento mercoledì. {IT}",
        f"Follow @VerdelloHelp for updates on the e-bikes. {EN}",
        f"Come ha scritto @giornale_locale, le bici sono ferme da lunedì. {IT}",
    ],
)
def test_the_incident_told_plainly_names_no_other_customer(check, text: str) -> None:
    assert "forbidden.other_customers" not in findings(check, text, INCIDENT)


# --- forbidden.speculation: a hedge over what went wrong --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"It looks like one batch of controllers wasn't flashed properly. {EN}",
        f"Most likely the overnight upload to the bikes went wrong. {EN}",
        f"Probably the update was pushed to the live fleet instead of the test bikes. {EN}",
        f"It's possible the engineer thought he was working on the test fleet. {EN}",
        f"Sembra che un lotto di centraline non sia stato programmato correttamente. {IT}",
        f"Pare che un parametro mancante abbia fatto ripartire i limitatori da zero. {IT}",
        f"Probabilmente l'aggiornamento è stato inviato alle bici in strada invece che a "
        f"quelle di prova. {IT}",
        f"Forse il tecnico pensava di essere nell'ambiente di prova. {IT}",
    ],
)
def test_a_hedged_story_of_what_went_wrong_is_speculation(check, text: str) -> None:
    assert "forbidden.speculation" in findings(check, text, {**REPLY, "facts": FACTS})


@pytest.mark.parametrize(
    "text",
    [
        f"We don't know yet what went wrong, and we'll tell you as soon as we do. {EN}",
        f"It looks like your credit will arrive on Monday instead of Friday. {EN}",
        f"Non sappiamo ancora cosa sia andato storto: te lo diremo appena lo sapremo. {IT}",
        f"Forse conviene aspettare lunedì invece di noleggiare oggi. {IT}",
    ],
)
def test_an_open_cause_or_a_plain_schedule_is_not_speculation(check, text: str) -> None:
    assert "forbidden.speculation" not in findings(check, text, {**REPLY, "facts": FACTS})


# --- tone.hostility: the reaction called an over-reaction -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"It's a speed limiter, not your brakes. Stop being so dramatic. {EN}",
        f"You're massively overreacting about one slow ride. {EN}",
        f"Please read the messages above before asking again. {EN}",
        f"Smettetela di intasare le risposte. Le bici tornano lunedì. {IT}",
        f"Stai esagerando per una corsa lenta. {IT}",
        f"Leggi i messaggi sopra, la risposta c'è già. {IT}",
    ],
)
def test_calling_the_reaction_excessive_is_hostile(check, text: str) -> None:
    assert "tone.hostility" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Since Tuesday every chat reply is read by a colleague before posting. {EN}",
        f"We're sorry you had to stop using the bike halfway. {EN}",
        f"Da martedì ogni risposta in chat viene riletta da un collega prima della "
        f"pubblicazione. {IT}",
        f"Ci dispiace che tu abbia dovuto lasciare la bici a metà strada. {IT}",
    ],
)
def test_our_own_process_is_not_hostile(check, text: str) -> None:
    assert "tone.hostility" not in findings(check, text, REPLY)


# --- tone.sarcasm: the harm recast as a treat -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"Glad to bring some extra excitement to your commute. {EN}",
        f"Thanks for the heads-up, no one had mentioned it this week. {EN}",
        f"Your e-bike was a little slow on the way home, what a catastrophe. {EN}",
        f"Sure, now every flat tyre in town will be our fault. {EN}",
        f"Che bello regalarti un po' di brivido in più sulla strada di casa. {IT}",
        f"Grazie per l'avviso, nessuno ce l'aveva ancora detto. {IT}",
        f"Certo, ora ogni ritardo in città sarà colpa nostra. {IT}",
    ],
)
def test_the_harm_recast_as_a_treat_is_sarcasm(check, text: str) -> None:
    assert "tone.sarcasm" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Happy to add a free ride to your account to say sorry. {EN}",
        f"Thanks for the reminder: we've updated the page. {EN}",
        f"Siamo felici di aggiungere una corsa gratuita al tuo account. {IT}",
        f"Grazie per la segnalazione, la giriamo subito al team tecnico. {IT}",
    ],
)
def test_a_plain_offer_or_thanks_is_not_sarcasm(check, text: str) -> None:
    assert "tone.sarcasm" not in findings(check, text, REPLY)


# --- forbidden.legal_promise and forbidden.blame ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"Under the law you're covered for any damage to your phone. {EN}",
        f"This isn't a breach under GDPR, so there's no claim to be made. {EN}",
        f"Il Garante non avrà nulla da contestarci. {IT}",
        f"In base alla legge ti verrà riconosciuto il rimborso di ogni danno. {IT}",
    ],
)
def test_a_legal_outcome_told_as_certain_is_a_legal_promise(check, text: str) -> None:
    assert "forbidden.legal_promise" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"If you want to make a claim, please write to legal@verdello.example. {EN}",
        f"Per ogni richiesta di rimborso scrivi a legal@verdello.example. {IT}",
    ],
)
def test_routing_a_claim_is_not_a_legal_promise(check, text: str) -> None:
    assert "forbidden.legal_promise" not in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Our fleet software partner made a configuration error on Monday. {EN}",
        f"Our supplier used the wrong firmware on one batch. {EN}",
        f"Il nostro fornitore ha usato il firmware sbagliato su un lotto. {IT}",
        f"L'agenzia che gestisce la nostra app ha commesso un errore di configurazione. {IT}",
    ],
)
def test_an_outside_party_that_made_the_error_is_blamed(check, text: str) -> None:
    assert "forbidden.blame" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"We made a configuration error on Monday, and we're sorry. {EN}",
        f"Abbiamo usato il firmware sbagliato su un lotto e ci scusiamo. {IT}",
    ],
)
def test_our_own_error_blames_nobody(check, text: str) -> None:
    assert "forbidden.blame" not in findings(check, text, REPLY)
