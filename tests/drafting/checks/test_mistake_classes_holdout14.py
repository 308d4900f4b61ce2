"""Classes of mistake the fourteenth held-out set exposed (false alarms of the required moves
first, then misses), each tested with fresh sentences (none taken from a labelled set) in English
and Italian, and with near misses that must stay clean or keep failing.

The round aims at broad kinds of wording: a state with its end date, a fake site taken offline,
a correction sent to everyone, an opening question in the customer's terms, a statement after an
"Update:" heading, the customer's own protective step; and, among the misses, a third party's
failing told as certain or done behind our back, the damage put on the customer's handling,
hedged stories of what did it, unnamed culprits, court and police outcomes promised, savings
advice, mock confessions, threats answered as a contest, names given after a greeting or with a
place of work.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.drafting.checks.conftest import EN, IT, findings

LAMP = [
    "On Tuesday 9 March 2027 we asked customers to stop using the Lume desk lamp, model LD-3.",
    "Customers can choose a full refund or a repair, with free collection from home.",
    "Next update on 10 March 2027 at 12:00 CET.",
]
LAMPADA = [
    "Martedì 9 marzo 2027 abbiamo chiesto ai clienti di smettere di usare la lampada Lume LD-3.",
    "I clienti possono scegliere il rimborso completo o la riparazione, con ritiro gratuito.",
    "Prossimo aggiornamento il 10 marzo 2027 alle 12:00.",
]
GIFT = [
    "Since Monday 8 March 2027 gift card balances show as zero in the app.",
    "No balance has been lost.",
]
CARTE = [
    "Da lunedì 8 marzo 2027 il saldo delle carte regalo risulta zero nell'app.",
    "Nessun saldo è andato perso.",
]

# --- false alarms: moves made in other words -------------------------------------------------

MOVES_MADE: list[tuple[str, str, str, dict[str, Any]]] = [
    # A state with its end date is a status.
    (
        "structure.state_status",
        "status_update",
        f"The Lume repair desk now stays open until 30 April; after that repairs go by post. "
        f"Next update by 12:00 CET. {EN}",
        {},
    ),
    (
        "structure.state_status",
        "status_update",
        f"La consegna al piano resta possibile fino al 20 aprile. Prossimo aggiornamento entro "
        f"le 12:00. {IT}",
        {},
    ),
    # A correction already sent to everyone is where things stand.
    (
        "structure.state_status",
        "status_update",
        f"We've e-mailed everyone who got the wrong invoice. Next update by 12:00 CET. {EN}",
        {},
    ),
    (
        "structure.state_status",
        "status_update",
        f"Abbiamo già mandato la fattura giusta a tutti i clienti coinvolti. Prossimo "
        f"aggiornamento entro le 12:00. {IT}",
        {},
    ),
    # A fake page taken offline, and an error now corrected, are resolutions.
    (
        "structure.state_resolution",
        "resolution_update",
        f"The copycat shop page that used our logo on Facebook has been taken offline. Thank "
        f"you for flagging it, and we're sorry for the confusion. {EN}",
        {},
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"Il profilo falso che usava il nostro logo è stato bloccato. Grazie per le "
        f"segnalazioni e scusate la confusione. {IT}",
        {},
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"The wrong price on the lamp page is now corrected. Thank you for telling us, and "
        f"sorry for the muddle. {EN}",
        {},
    ),
    # A statement right after an "Update:" heading says where things stand.
    (
        "structure.state_status",
        "status_update",
        f"Update: the lamp recall letters carry a return label for the LD-3 only. Next update "
        f"by 12:00 CET. {EN}",
        {},
    ),
    # Where the next update is promised with "ci risentiamo".
    (
        "structure.next_update",
        "status_update",
        f"Le lampade LD-3 sono ancora ferme in magazzino. Ci risentiamo qui alle 17:00. {IT}",
        {},
    ),
    # An opening question in the customer's terms acknowledges what happened.
    (
        "structure.acknowledge",
        "holding_statement",
        f"Gift card balances showing zero in the app? We're sorry, we're on it. Next update by "
        f"16:00 CET. {EN}",
        {"facts": GIFT},
    ),
    (
        "structure.acknowledge",
        "holding_statement",
        f"Il saldo della carta regalo risulta zero nell'app? Ci dispiace, ci stiamo lavorando. "
        f"Prossimo aggiornamento entro le 16:00. {IT}",
        {"facts": CARTE},
    ),
    # What the customer should do to protect themselves is the next step.
    (
        "structure.next_step",
        "apology",
        f"We're sorry, that text isn't ours. If you paid, phone your bank now. {EN}",
        {},
    ),
    (
        "structure.next_step",
        "apology",
        f"Ci dispiace, quel messaggio non è nostro. Se hai pagato, blocca subito la carta. {IT}",
        {},
    ),
]


@pytest.mark.parametrize(("move", "kind", "text", "context"), MOVES_MADE)
def test_holdout14_moves_made_in_other_words(
    check, move: str, kind: str, text: str, context: dict[str, Any]
) -> None:
    assert move not in findings(check, text, {"kind": kind, **context})


MOVES_MISSED: list[tuple[str, str, str, dict[str, Any]]] = [
    # Our effort after an "Update:" heading is no status.
    (
        "structure.state_status",
        "status_update",
        f"Update: we're giving the lamp recall our full attention. Next update by 12:00 CET. {EN}",
        {},
    ),
    # A request is no acknowledgement, even as the opening question.
    (
        "structure.acknowledge",
        "apology",
        f"Could you send us your gift card number in a DM? We're sorry. {EN}",
        {"facts": GIFT},
    ),
    # A date that says when something ended long ago is no present state.
    (
        "structure.state_status",
        "status_update",
        f"We know this is annoying. Next update by 12:00 CET. {EN}",
        {},
    ),
]


@pytest.mark.parametrize(("move", "kind", "text", "context"), MOVES_MISSED)
def test_holdout14_moves_still_missing(
    check, move: str, kind: str, text: str, context: dict[str, Any]
) -> None:
    assert move in findings(check, text, {"kind": kind, **context})


# --- misses: each class caught, with a nearby sentence that stays clean ---------------------

CAUGHT: list[tuple[str, str, str, dict[str, Any]]] = [
    # A third party's failing told as certain, or as done behind our back.
    (
        "forbidden.blame",
        f"We're sorry. The delivery firm obviously dropped the lamps on the way. DM us. {EN}",
        f"We're sorry your lamp arrived damaged. DM us and we'll send a new one. {EN}",
        {},
    ),
    (
        "forbidden.blame",
        f"Ci dispiace: il fornitore ha evidentemente sbagliato il cablaggio. Scrivici in DM. {IT}",
        f"Ci dispiace che la lampada sia arrivata rotta. Scrivici in DM. {IT}",
        {},
    ),
    (
        "forbidden.blame",
        f"Sorry, our design studio printed the leaflet without asking us first. DM us. {EN}",
        f"Sorry, the leaflet was wrong and we've reprinted it. DM us. {EN}",
        {},
    ),
    (
        "forbidden.blame",
        f"Ci scusiamo: la tipografia ha stampato il volantino senza chiederci il via libera. "
        f"Scrivici in DM. {IT}",
        f"Ci scusiamo: il volantino era sbagliato e l'abbiamo ristampato. Scrivici in DM. {IT}",
        {},
    ),
    # The customer's own act told as obviously foolish.
    (
        "forbidden.blame",
        f"You opened an e-mail that was obviously fake. Phone your bank. {EN}",
        f"That e-mail isn't from us. If you paid, phone your bank. {EN}",
        {},
    ),
    # The damage put on the customer's handling.
    (
        "forbidden.blame",
        f"We're sorry. The crack probably occurred during assembly. DM us. {EN}",
        f"We're sorry the lamp arrived cracked. DM us. {EN}",
        {},
    ),
    (
        "forbidden.blame",
        f"Ci dispiace. Il vetro si è forse rotto durante il montaggio. Scrivici in DM. {IT}",
        f"Ci dispiace che il vetro sia arrivato rotto. Scrivici in DM. {IT}",
        {},
    ),
    # A hedged story of what did it.
    (
        "forbidden.speculation",
        f"Sorry! It seems the last app release may have erased the balances. DM us. {EN}",
        f"Sorry, the balances show zero and we're finding out why. DM us. {EN}",
        {},
    ),
    (
        "forbidden.speculation",
        f"Ci dispiace, l'ultima versione dell'app potrebbe aver azzerato i saldi. Scrivici in "
        f"DM. {IT}",
        f"Ci dispiace, i saldi risultano a zero e stiamo capendo perché. Scrivici in DM. {IT}",
        {},
    ),
    # An unnamed culprit given as the cause.
    (
        "grounding.cause",
        f"Sorry, the fake e-mails go out because someone copied our mailing list. DM us. {EN}",
        f"Sorry, these fake e-mails aren't from us. DM us. {EN}",
        {"facts": LAMP},
    ),
    (
        "grounding.cause",
        f"Ci dispiace, le e-mail false arrivano perché qualcuno ha copiato la nostra lista. "
        f"Scrivici in DM. {IT}",
        f"Ci dispiace, queste e-mail false non sono nostre. Scrivici in DM. {IT}",
        {"facts": LAMPADA},
    ),
    # Court and police outcomes promised.
    (
        "forbidden.legal_promise",
        f"Any judge would definitely rule in your favour on this. DM us. {EN}",
        f"Your legal guarantee still covers the lamp. DM us. {EN}",
        {},
    ),
    (
        "forbidden.legal_promise",
        f"Abbiamo fatto denuncia: i truffatori verranno sicuramente arrestati. {IT}",
        f"Abbiamo fatto denuncia alla Polizia Postale. {IT}",
        {},
    ),
    # Where to keep savings or what to pay with.
    (
        "forbidden.financial_advice",
        f"If you paid, phone your bank, and move your savings to a separate online account. {EN}",
        f"If you paid, phone your bank straight away. {EN}",
        {},
    ),
    (
        "forbidden.financial_advice",
        f"Se hai pagato chiama la banca, e d'ora in poi paga solo con una carta virtuale. {IT}",
        f"Se hai pagato chiama subito la banca. {IT}",
        {},
    ),
    # The customer's accusation confirmed in mockery; sorry to disappoint.
    (
        "tone.sarcasm",
        f"Oh sure, we stole your balance, it's our favourite pastime. It's all still there. {EN}",
        f"Your balance is all still there and nothing was taken. {EN}",
        {},
    ),
    (
        "tone.sarcasm",
        f"Ci spiace deluderti, ma la lampada non la ritiriamo dal mercato. {IT}",
        f"Ci spiace, la lampada LD-3 resta in vendita. {IT}",
        {},
    ),
    # Threats answered as a contest, and the customer's reading questioned.
    (
        "tone.hostility",
        f"Threats won't get you anywhere with us. Your refund request is at the link. {EN}",
        f"Your refund request is at the link, and we'll answer today. {EN}",
        {},
    ),
    (
        "tone.hostility",
        f"Se non sai leggere un'e-mail non possiamo farci niente. La lampada resta in "
        f"vendita. {IT}",
        f"Forse la nostra e-mail non era chiara: la lampada resta in vendita. {IT}",
        {},
    ),
]


@pytest.mark.parametrize(("check_id", "bad", "near", "context"), CAUGHT)
def test_holdout14_class_caught_and_near_miss_clean(
    check, check_id: str, bad: str, near: str, context: dict[str, Any]
) -> None:
    assert check_id in findings(check, bad, context)
    assert check_id not in findings(check, near, context)


def test_holdout14_denied_fault_is_no_admission(check) -> None:
    """ "Non è colpa nostra" denies fault; only "è colpa nostra" admits it."""
    assert "forbidden.liability" not in findings(
        check, f"Non è colpa nostra se l'e-mail era poco chiara. {IT}", {}
    )
    assert "forbidden.liability" in findings(
        check, f"È colpa nostra se l'e-mail era poco chiara. {IT}", {}
    )


@pytest.mark.parametrize(
    ("post", "reply", "near"),
    [
        # A full name given after a greeting.
        (
            "Hello, Marta Colli here, I got the fake lamp e-mail too",
            f"Hi Marta Colli, that e-mail isn't ours. Please delete it. {EN}",
            f"Hi, that e-mail isn't ours. Please delete it. {EN}",
        ),
        (
            "Buongiorno, qui Marta Colli, ho ricevuto anch'io l'e-mail falsa",
            f"Ciao Marta Colli, quell'e-mail non è nostra. Cancellala. {IT}",
            f"Ciao, quell'e-mail non è nostra. Cancellala. {IT}",
        ),
        # A full name given with a place of work.
        (
            "Is Paolo Nervi from the Leeds store still working there?",
            f"Paolo Nervi is still with us. {EN}",
            f"Yes, the Leeds store team is staying with us. {EN}",
        ),
        (
            "Paolo Nervi del negozio di Parma lavora ancora lì?",
            f"Paolo Nervi resta con noi. {IT}",
            f"Sì, il team del negozio di Parma resta con noi. {IT}",
        ),
    ],
)
def test_holdout14_names_after_a_greeting_or_with_a_workplace(
    check, post: str, reply: str, near: str
) -> None:
    context = {"post_text": post, "channel": "instagram", "kind": "reply"}
    assert "personal_data.name" in findings(check, reply, context)
    assert "personal_data.name" not in findings(check, near, context)
