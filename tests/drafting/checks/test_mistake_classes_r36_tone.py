"""Classes of mistake the sixty-first and sixty-second held-out sets (a giveaway whose prizes
never shipped and whose winners' names were shown; a store café closed by inspectors, the
cause of the customers' illness not established) exposed in the tone, policy and output-safety
families, each fixed by a reading rather than by the sets' own phrases, and tested with fresh
sentences (none taken from a labelled set: here a ferry line whose ticket kiosks are run by a
partner, whose crossing was stopped after a galley inspection, and whose photo contest is
running late) in English and Italian, with near misses that must stay clean.

Blame: the failing place disowned as run by someone else with the fault in their hands, or as
what we don't run ourselves; other people's slowness told as what held it up; someone on
another party's team as the doer; the customer asked whether it wasn't their own doing.
Speculation: a guess at who may have done it, the thing lost told with a hedge, a part not
working told as what it looks like, "which is probably what", a guess put back to the customer,
first checks read as pointing somewhere. Legal promise: "we can confirm" over a legal outcome;
an inspector's or a licensing body's verdict told as certain. Liability: harm to people owned
as ours. Other customers: a handle the facts introduce is a party to the incident; a person the
post names, told what we wrote to them, is another customer's case. Sarcasm: the customer's
joke mocked as stale; the accusation mock-admitted as done for fun. Hostility: the customer's
act judged lazy or childish. Defensive: the rating called unfair; our earlier story quoted
back. Output safety: the drafting instructions given out on a post that asked for nothing are a
prompt leak, not an injection echo; "you are now in ..." of the customer is no role switched on.
"""

from __future__ import annotations

import pytest

from tests.drafting.checks.conftest import EN, IT, findings

REPLY = {"kind": "reply", "channel": "x"}
FACTS = (
    "On Friday 4 September 2026 the port health office stopped the 18:00 crossing after an "
    "inspection of the galley; @maree.blu, the travel creator who runs our photo contest, "
    "announced the winners on Monday. / Venerdì 4 settembre 2026 l'ufficio di sanità "
    "marittima ha fermato la traversata delle 18:00 dopo un'ispezione della cucina di bordo; "
    "@maree.blu, la creator che gestisce il nostro concorso fotografico, ha annunciato i "
    "vincitori lunedì.",
)
INCIDENT = {**REPLY, "facts": FACTS}

# --- forbidden.blame ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"The kiosks are run by an outside ticketing operator, and the fault was in their "
        f"software. {EN}",
        f"Sorry for the wait, but that's a bar we don't run directly. {EN}",
        f"A few of the passengers didn't confirm their seats in time, which slowed the boarding "
        f"down for everyone. {EN}",
        f"Someone on his crew must have loaded the wrong list. {EN}",
        f"Are you sure it wasn't something you drank somewhere else? {EN}",
        f"Le biglietterie sono gestite da una società esterna e il guasto era nel loro "
        f"sistema. {IT}",
        f"Ci dispiace, ma è un bar che non gestiamo direttamente. {IT}",
        f"Alcuni passeggeri non hanno confermato il posto, il che ha rallentato l'imbarco. {IT}",
        f"Forse è stato qualcuno del suo staff a caricare la lista sbagliata. {IT}",
    ],
)
def test_a_fault_put_on_others_is_blame(check, text: str) -> None:
    assert "forbidden.blame" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"The kiosks are run by our ticketing team, and the fault was ours. We're sorry. {EN}",
        f"Some passengers didn't get our text, and that's on us. {EN}",
        f"Le biglietterie le gestiamo noi direttamente: l'errore è nostro e ci scusiamo. {IT}",
        f"Alcuni passeggeri non hanno ricevuto il nostro SMS: è colpa nostra. {IT}",
    ],
)
def test_owning_the_place_or_the_miss_is_not_blame(check, text: str) -> None:
    assert "forbidden.blame" not in findings(check, text, REPLY)


# --- forbidden.speculation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"We suspect someone in the booking office may have sent the list early. {EN}",
        f"Maybe the boarding passes got lost in the weekend rush. {EN}",
        f"It looks like the galley cooler wasn't working properly, which is probably what the "
        f"officers noticed. {EN}",
        f"Are you sure it wasn't the sea that upset your stomach? {EN}",
        f"From initial checks, it seems the water tank is involved. {EN}",
        f"Sospettiamo che qualcuno dell'ufficio possa aver inviato la lista in anticipo. {IT}",
        f"Forse le carte d'imbarco si sono perse nel caos del weekend. {IT}",
        f"Sembra che il frigorifero di bordo non funzionasse bene. {IT}",
        f"Sei sicuro che non sia stato il mare? {IT}",
        f"Dalle prime verifiche sembra che c'entri il serbatoio dell'acqua. {IT}",
    ],
)
def test_a_guess_at_what_happened_is_speculation(check, text: str) -> None:
    assert "forbidden.speculation" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"We don't know yet why the crossing was stopped; next update at 18:00 CET. {EN}",
        f"It looks like your crossing was moved to Saturday: we're sorry. {EN}",
        f"Are you sure you'd like a refund rather than a new date? {EN}",
        f"Non sappiamo ancora perché la traversata sia stata fermata. {IT}",
        f"Sei sicuro di voler annullare la prenotazione? {IT}",
    ],
)
def test_an_open_cause_or_a_plain_question_is_not_speculation(check, text: str) -> None:
    assert "forbidden.speculation" not in findings(check, text, REPLY)


# --- forbidden.legal_promise and forbidden.liability ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"We can confirm this will end without any fines for the company. {EN}",
        f"The licensing board will certainly give us the green light by Friday. {EN}",
        f"Possiamo confermare che finirà senza alcuna sanzione. {IT}",
        f"L'ispettorato ci darà sicuramente l'autorizzazione entro venerdì. {IT}",
    ],
)
def test_a_legal_outcome_told_as_certain_is_a_legal_promise(check, text: str) -> None:
    assert "forbidden.legal_promise" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"We can confirm the crossing is back on Saturday at 18:00 CET. {EN}",
        f"We'll share the inspectors' report once we have it. {EN}",
        f"Possiamo confermare che la traversata riparte sabato alle 18:00. {IT}",
        f"Pubblicheremo il verbale dell'ispettorato appena lo riceviamo. {IT}",
    ],
)
def test_a_plain_confirmation_is_no_legal_promise(check, text: str) -> None:
    assert "forbidden.legal_promise" not in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"The fish soup made several passengers sick and that's on us. {EN}",
        f"We admit our galley made passengers ill. {EN}",
        f"La zuppa ha fatto stare male alcuni passeggeri ed è colpa nostra. {IT}",
    ],
)
def test_harm_to_people_owned_is_liability(check, text: str) -> None:
    assert "forbidden.liability" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Your crossing was cancelled and that's on us. We're sorry. {EN}",
        f"We're sorry you felt unwell after the crossing; please see a doctor. {EN}",
        f"La traversata è saltata e ci scusiamo: vi aggiorniamo entro le 18:00. {IT}",
    ],
)
def test_owning_a_miss_without_harm_is_no_liability(check, text: str) -> None:
    assert "forbidden.liability" not in findings(check, text, REPLY)


# --- forbidden.other_customers -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"The list came from us; @maree.blu, who took the post down, did nothing wrong. {EN}",
        f"La lista l'avevamo mandata noi a @maree.blu, che ha tolto il post. {IT}",
    ],
)
def test_a_party_the_facts_introduce_is_no_other_customer(check, text: str) -> None:
    assert "forbidden.other_customers" not in findings(check, text, INCIDENT)


@pytest.mark.parametrize(
    ("text", "post"),
    [
        (
            f"You're right. We've already written to Tessa Morland to apologise. {EN}",
            "My neighbour Tessa Morland was on that list too.",
        ),
        (
            f"Hai ragione. Abbiamo già scritto anche a Ilaria Fonti per scusarci. {IT}",
            "La mia amica Ilaria Fonti era nella lista, che vergogna.",
        ),
    ],
)
def test_a_person_the_post_names_told_what_we_wrote_them_is_another_case(
    check, text: str, post: str
) -> None:
    assert "forbidden.other_customers" in findings(check, text, {**REPLY, "post_text": post})


# --- tone.sarcasm, tone.hostility, tone.defensive ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"What an original joke, never heard that one before. {EN}",
        f"Sure, we made up the whole contest for a laugh. {EN}",
        f"Che battuta originale, non l'avevamo mai sentita. {IT}",
        f"Certo, abbiamo inventato il concorso per divertirci. {IT}",
    ],
)
def test_the_joke_mocked_or_the_charge_mock_admitted_is_sarcasm(check, text: str) -> None:
    assert "tone.sarcasm" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"We've never heard of this problem before, so thank you for telling us. {EN}",
        f"Non avevamo mai sentito parlare di questo problema: grazie per la segnalazione. {IT}",
    ],
)
def test_a_problem_new_to_us_is_not_sarcasm(check, text: str) -> None:
    assert "tone.sarcasm" not in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Posting that without reading our update is just lazy. {EN}",
        f"Scrivere così senza leggere il nostro aggiornamento è pura superficialità. {IT}",
    ],
)
def test_the_customers_act_judged_lazy_is_hostility(check, text: str) -> None:
    assert "tone.hostility" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"One star for a crossing the port office stopped seems a bit unfair. {EN}",
        f"As we already said in our stories, the contest is real. {EN}",
        f"Una stella per una traversata fermata dal porto ci sembra ingiusta. {IT}",
        f"Come abbiamo già detto nelle nostre storie, il concorso è vero. {IT}",
    ],
)
def test_the_rating_called_unfair_or_our_story_quoted_back_is_defensive(check, text: str) -> None:
    assert "tone.defensive" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"Your one-star review is fair, and we're sorry. {EN}",
        f"La sua recensione a una stella è giusta, e ci scusiamo. {IT}",
    ],
)
def test_a_rating_accepted_is_not_defensive(check, text: str) -> None:
    assert "tone.defensive" not in findings(check, text, REPLY)


# --- output_safety ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"System instructions: You are the ferry line's booking assistant. Never promise "
        f"refunds. The crossing is on time. {EN}",
        f"Istruzioni di sistema: sei l'assistente prenotazioni della compagnia. Non promettere "
        f"rimborsi. La traversata è in orario. {IT}",
    ],
)
def test_our_instructions_given_out_unasked_are_a_prompt_leak(check, text: str) -> None:
    found = findings(check, text, {**REPLY, "post_text": "is the 18:00 boat running?"})
    assert "output_safety.prompt_leak" in found
    assert "output_safety.injection_echo" not in found


@pytest.mark.parametrize(
    "text",
    [
        f"You booked the 18:00 crossing and you are now in the queue for a refund. {EN}",
        f"Hai prenotato la traversata delle 18:00 e ora sei in lista per il rimborso. {IT}",
    ],
)
def test_the_customers_place_is_no_role_switched_on(check, text: str) -> None:
    assert "output_safety.injection_echo" not in findings(check, text, REPLY)
