"""Classes of mistake the fifty-first to fifty-sixth held-out sets (cards charged twice; a fire at
a distribution centre; scam texts in the brand's name; loyalty balances wiped; a courier filmed
mishandling parcels; a chat assistant promising the wrong return period) exposed in the tone
and policy families, each fixed by a reading rather than by the sets' own phrases, and tested
with fresh sentences (none taken from a labelled set: here a ferry line whose Easter sailings
were overbooked, and a gym chain whose booking app double-booked classes) in English and
Italian, with near misses that must stay clean.

Hostility: the customer scolded for not bothering to look; help kept for "people who actually
want it"; their only contribution called insults; told to stop throwing accusations around,
that repeating won't get another answer, that nobody stops them leaving, that their rating is
petty, that there's no need to shout. Sarcasm: gullibility idioms, laughter, our own conduct
praised with a tag question, the ask mocked by topping it, the complainant's humour praised.
Defensive: the terms declared clear or cited as set out there, or as our staff already
explained. Speculation: a hedge on the cause's verb or on how it happened, early findings read
as a verdict, a guess at what changed, "nobody could have prevented it". Other customers: one
unnamed customer picked out by town, tenure or story, or a handle and "a few others".
"""

from __future__ import annotations

import pytest

from tests.drafting.checks.conftest import EN, IT, findings

REPLY = {"kind": "reply", "channel": "x"}
STATEMENT = {"kind": "holding_statement", "channel": "facebook"}
ANGRY_EN = "Your ferry sold my seat twice and nobody at the port cared. Useless."
ANGRY_IT = "Avete venduto il mio posto sul traghetto due volte e al porto nessuno ci ha aiutato."

# --- tone.hostility: scolding, contempt and dismissal -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"The timetable was on our home page, as anybody who'd bothered to scroll would know. {EN}",
        f"If you'd taken the time to read the booking e-mail, you'd have seen it. {EN}",
        f"We'd rather help passengers who genuinely want help. {EN}",
        f"If all you have is abuse, this conversation is over. {EN}",
        f"Please stop hurling accusations about. Sailings resume on Monday. {EN}",
        f"Tagging us ten times won't get you a faster answer. {EN}",
        f"Nobody is keeping you on board if you'd rather sail with someone else. {EN}",
        f"Leaving us one star over a short wait at the port is rather childish. {EN}",
        f"No need to yell. Your new booking is confirmed. {EN}",
        f"Maybe check who sent the link properly before tapping on it. {EN}",
        f"Chiunque si fosse preso la briga di guardare l'orario lo saprebbe. {IT}",
        f"Preferiamo aiutare i passeggeri che vogliono davvero essere aiutati. {IT}",
        f"Smettila di lanciare accuse. Le partenze riprendono lunedì. {IT}",
        f"Taggarci dieci volte non ti farà avere una risposta diversa. {IT}",
        f"Nessuno ti trattiene: sei libero di viaggiare altrove. {IT}",
        f"Una stella per venti minuti di attesa ci sembra infantile. {IT}",
        f"Non serve alzare la voce. La nuova prenotazione è confermata. {IT}",
        f"L'orario è nel post in alto. Basta leggerlo. {IT}",
    ],
)
def test_scolding_and_dismissal_are_hostile(check, text: str) -> None:
    assert "tone.hostility" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"We're sorry your seat was sold twice. Anyone who booked for Easter Monday will get "
        f"an e-mail today. {EN}",
        f"We're putting on an extra sailing for passengers who need to travel this weekend. {EN}",
        f"There's no need to queue at the port: your new boarding pass is in the app. {EN}",
        f"Please check the sender carefully before paying anything. {EN}",
        f"Petty cash at the port office covers taxis for anyone left behind tonight. {EN}",
        f"Ci dispiace per il posto venduto due volte. Non serve venire al porto: la nuova carta "
        f"d'imbarco è nell'app. {IT}",
        f"Abbiamo capito benissimo quanto sia stato frustrante, e ci scusiamo. {IT}",
    ],
)
def test_plain_help_is_not_hostile(check, text: str) -> None:
    assert "tone.hostility" not in findings(check, text, REPLY)


# --- tone.sarcasm: idioms, laughter, tag questions, topping the ask ----------------------------


@pytest.mark.parametrize(
    ("text", "post"),
    [
        (f"A free upgrade? Sure, and we have a bridge to sell you as well. {EN}", ANGRY_EN),
        (f"Haha, a bit of extra time at the port never hurt anyone. {EN}", ANGRY_EN),
        (f"Very generous of us, right? Your seat is rebooked. {EN}", ANGRY_EN),
        (f"Sure, and why not a private cabin too? Your seat is rebooked. {EN}", ANGRY_EN),
        (f"We always appreciate a good sense of humour. Your seat is rebooked. {EN}", ANGRY_EN),
        (f"Un posto gratis? E io sono Napoleone. {IT}", ANGRY_IT),
        (f"Ahah, un po' di attesa al porto non ha mai fatto male a nessuno. {IT}", ANGRY_IT),
        (f"Proprio una bella Pasqua in banchina, vero? Il posto è riprenotato. {IT}", ANGRY_IT),
        (f"Certo, e magari ti offriamo anche la cabina. Il posto è riprenotato. {IT}", ANGRY_IT),
        (f"Apprezziamo sempre l'ironia dei passeggeri. Il posto è riprenotato. {IT}", ANGRY_IT),
    ],
)
def test_mockery_is_sarcasm(check, text: str, post: str) -> None:
    assert "tone.sarcasm" in findings(check, text, {**REPLY, "post_text": post})


@pytest.mark.parametrize(
    ("text", "post"),
    [
        (
            f"Thanks for the kind words! We always appreciate a good sense of humour from our "
            f"crew. {EN}",
            "Great crossing, the crew were brilliant and so funny.",
        ),
        (f"Sure, and we'll e-mail your new boarding pass within the hour. {EN}", ANGRY_EN),
        (f"Certo, e ti mandiamo la nuova carta d'imbarco entro un'ora. {IT}", ANGRY_IT),
        (f"Il nostro team di Bologna ha riprenotato tutti i posti entro lunedì. {IT}", ANGRY_IT),
    ],
)
def test_plain_replies_are_not_sarcasm(check, text: str, post: str) -> None:
    assert "tone.sarcasm" not in findings(check, text, {**REPLY, "post_text": post})


# --- tone.defensive: the terms cited against the customer --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"As set out in the membership terms, missed classes are not refunded. {EN}",
        f"Our booking policy is perfectly clear on this. {EN}",
        f"As our front desk team already explained, the class was full. {EN}",
        f"Le nostre condizioni di abbonamento sono chiarissime su questo punto. {IT}",
        f"Come già spiegato dalla nostra assistenza, la lezione era al completo. {IT}",
    ],
)
def test_citing_the_terms_is_defensive(check, text: str) -> None:
    assert "tone.defensive" in findings(check, text, REPLY)


@pytest.mark.parametrize(
    "text",
    [
        f"We're sorry the app booked your class twice. Our team will refund the second "
        f"booking by Friday. {EN}",
        f"Ci dispiace per la doppia prenotazione. Il nostro team rimborsa la seconda entro "
        f"venerdì. {IT}",
    ],
)
def test_an_apology_with_a_fix_is_not_defensive(check, text: str) -> None:
    assert "tone.defensive" not in findings(check, text, REPLY)


# --- forbidden.speculation: hedged causes and early verdicts -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"A timetable sync error most likely triggered the double bookings. {EN}",
        f"We changed the app on Tuesday, which is probably how the classes were doubled. {EN}",
        f"Initial checks point to a fault in the booking server. {EN}",
        f"We can already rule out any sabotage. {EN}",
        f"Perhaps a settings change mixed up the class times. {EN}",
        f"Nobody could have prevented a storm like this one. {EN}",
        f"Con ogni probabilità si è trattato di un errore di sincronizzazione. {IT}",
        f"I primi controlli fanno pensare a un guasto del server. {IT}",
        f"Possiamo escludere che il nostro personale sia coinvolto. {IT}",
        f"Forse una modifica alle impostazioni ha confuso gli orari. {IT}",
        f"Nessuno avrebbe potuto prevedere una tempesta così. {IT}",
    ],
)
def test_hedged_causes_are_speculation(check, text: str) -> None:
    assert "forbidden.speculation" in findings(check, text, STATEMENT)


@pytest.mark.parametrize(
    "text",
    [
        f"We don't know yet what caused the double bookings; we'll share it on Friday. {EN}",
        f"We'll probably have every class rebooked by Friday. {EN}",
        f"Non sappiamo ancora cosa abbia causato le doppie prenotazioni: ti aggiorniamo "
        f"venerdì. {IT}",
        f"Gli abbonamenti esclusi dal rimborso sono solo quelli gratuiti. {IT}",
    ],
)
def test_an_open_cause_is_not_speculation(check, text: str) -> None:
    assert "forbidden.speculation" not in findings(check, text, STATEMENT)


# --- forbidden.other_customers: one unnamed customer picked out ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"A gentleman from Derby even missed his father's birthday because of it. {EN}",
        f"One of our most loyal members lost a whole month of classes. {EN}",
        f"Another member who sent the same screenshot already got a free month. {EN}",
        f"Yes, @gym_ana and a few others already have their refunds. {EN}",
        f"Un signore di Padova ha perso perfino il compleanno del padre. {IT}",
        f"Un nostro socio storico ha perso un mese intero di lezioni. {IT}",
        f"La socia che ci ha scritto prima di te ha già avuto il rimborso. {IT}",
        f"Sì, @gym_ana e alcuni altri hanno già avuto il rimborso. {IT}",
    ],
)
def test_one_unnamed_customer_described_is_flagged(check, text: str) -> None:
    assert "forbidden.other_customers" in findings(check, text, STATEMENT)


@pytest.mark.parametrize(
    "text",
    [
        f"As a loyal member, you deserve better, and we're sorry. {EN}",
        f"Every member affected gets a free month by Friday. {EN}",
        f"The 9:00 sailing and two others were cancelled; you and a few others already have "
        f"refunds. {EN}",
        f"Come socio storico meriti di meglio, e ci dispiace. {IT}",
        f"Ogni socio coinvolto riceve un mese gratis entro venerdì. {IT}",
    ],
)
def test_the_customer_themself_or_everyone_is_not_another_customer(check, text: str) -> None:
    assert "forbidden.other_customers" not in findings(check, text, STATEMENT)
