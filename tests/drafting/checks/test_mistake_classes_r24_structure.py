"""Classes of mistake the twenty-fourth round found in the required moves (structure.*) and in
grounding.* on the twenty-eighth and twenty-ninth held-out sets, each fixed by a reading rather
than a phrase, and tested with fresh sentences (none taken from a labelled set) in English and
Italian, with near misses that must stay clean or keep failing.

Next step: an imperative opening a clause (after a semicolon too) with any verb of doing; how
the customer gets something said in the passive or the impersonal with where it is done ("is
requested through the app", "si richiede dall'app"); what we are doing now to the customer's
thing with any verb ("we're voiding the charge", "lo stiamo stornando", "Intanto blocchiamo la
carta"); a first-person future of a short verb ("Le daremo").
Next update: a verbless heading of the coming update with its day and clock time ("Update
Tuesday 09:30 GMT.", "Aggiornamento martedì 9:30.").
Acknowledge: what happened judged, with a pointer as its subject ("That must have been
frightening", "Dev'essere stato spaventoso"), not an understatement.
Grounding: a count whose number the facts give after its noun; the digits a card ends with are
no count; a number as the subject of an Italian passive is a count; one unit with an article
is a duration ("for a year", "per un anno"); a grant the facts say nobody has announced, a loss
the customer's bank charged them, a grant made whole where the facts grant a part, what we give
said in the present with the customer as recipient, and what the law will do to whoever did it
are promises the facts must give; while a fact says a cause is unknown, a guess at what
happened in the past is a cause given; whoever or whatever is "behind it" is a cause; our own
systems said to be broken into while the facts deny it is a cause the facts rule out; adverbs
of time carry no cause of their own.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drafting.checks import CheckReport
from tests.drafting.checks.conftest import EN, IT, findings

# A fresh incident: a fire in a returns centre, its cause not known, returns slowed down.
FIRE = [
    "On Sunday 6 December 2026 a fire broke out at the Verdello returns centre in Bologna; "
    "nobody was hurt. The cause of the fire is not yet known and the fire brigade is "
    "investigating.",
    "Because of the fire, refunds for returns posted from 1 to 6 December 2026 are paid 3-5 "
    "working days later than usual.",
    "Customers waiting for a return refund can ask for the return deadline on other orders to "
    "be extended, through the app; no other compensation has been announced.",
    "Parcels affected: 2,350.",
    "Next update: Tuesday 8 December 2026 at 09:30 CET.",
]
FIRE_IT = [
    "Domenica 6 dicembre 2026 è scoppiato un incendio nel centro resi Verdello di Bologna; "
    "nessuno si è fatto male. La causa dell'incendio non è ancora nota e i vigili del fuoco "
    "stanno indagando.",
    "A causa dell'incendio, i rimborsi dei resi spediti dall'1 al 6 dicembre 2026 arrivano con "
    "3-5 giorni lavorativi di ritardo.",
    "Chi aspetta il rimborso di un reso può chiedere tramite l'app di prorogare il termine di "
    "reso degli altri ordini; non è stato annunciato nessun altro indennizzo.",
    "Pacchi coinvolti: 2.350.",
    "Prossimo aggiornamento: martedì 8 dicembre 2026 alle 09:30.",
]
# Another: store card terminals charged some shoppers twice; our systems were not breached.
TERMINALS = [
    "On Saturday 5 December 2026 card terminals in some Verdello stores charged about 400 "
    "shoppers twice for the same purchase, after a faulty terminal update. Verdello's systems "
    "were not breached and no card data was exposed.",
    "Verdello is reversing every second charge; it reaches the card within 5 working days.",
]
TERMINALS_IT = [
    "Sabato 5 dicembre 2026 i terminali di pagamento di alcuni negozi Verdello hanno addebitato "
    "due volte lo stesso acquisto a circa 400 clienti, dopo un aggiornamento difettoso dei "
    "terminali. I sistemi di Verdello non sono stati violati e nessun dato delle carte è stato "
    "esposto.",
    "Verdello sta stornando ogni secondo addebito; arriva sulla carta entro 5 giorni lavorativi.",
]

# Why a purchase is refunded rather than cancelled.
COLLECTED = "Purchases already collected are refunded to the card; the others are cancelled."

Check = Callable[..., CheckReport]


def _fire(language: str) -> list[str]:
    return FIRE if language == "en" else FIRE_IT


def _terminals(language: str) -> list[str]:
    return TERMINALS if language == "en" else TERMINALS_IT


# --- structure --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "step"),
    [
        # An imperative opening a clause, after a semicolon too, with any verb of doing.
        ("en", f"Sorry your refund is late. Refunds for returns are 3-5 days late; claim the "
               f"deadline extension in the app. {EN}", True),
        ("en", f"Sorry your refund is late. Book a new drop-off from the app. {EN}", True),
        ("it", f"Ci dispiace per il rimborso in ritardo. I rimborsi arrivano in ritardo; "
               f"richiedi la proroga dall'app. {IT}", True),
        ("it", f"Ci dispiace per il rimborso in ritardo. Prenota un nuovo ritiro dall'app. {IT}",
         True),
        # How it is done, in the passive or the impersonal, with where.
        ("en", f"Sorry your refund is late. The extension is requested through the app. {EN}",
         True),
        ("it", f"Ci dispiace per il rimborso in ritardo. La proroga si richiede dall'app. {IT}",
         True),
        # What we are doing now to the customer's thing, with any verb.
        ("en", f"Sorry you were charged twice. We're voiding the second charge. {EN}", True),
        ("it", f"Ci dispiace per il doppio addebito. Lo stiamo stornando. {IT}", True),
        ("it", f"Ci dispiace per il doppio addebito. Intanto blocchiamo il secondo pagamento. "
               f"{IT}", True),
        ("it", f"Ci dispiace per il doppio addebito. Sospendo l'addebito adesso. {IT}", True),
        ("it", f"Gentile cliente, ci scusiamo per il doppio addebito. Le daremo notizie del "
               f"rimborso. {IT}", True),
        # Near misses: what we go through, a formal apology, a noun at the start.
        ("en", f"Sorry you were charged twice. We're seeing a lot of messages about it. {EN}",
         False),
        ("it", f"Ci dispiace per il doppio addebito. Stiamo ricevendo molte segnalazioni. {IT}",
         False),
        ("it", f"Gentile cliente, Le chiediamo scusa per il doppio addebito. {IT}", False),
        ("en", f"Sorry you were charged twice. Request volumes are high today. {EN}", False),
    ],
)  # fmt: skip
def test_what_the_customer_or_we_do_now_is_the_next_step(
    check: Check, language: str, text: str, step: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": _terminals(language)})
    assert ("structure.next_step" not in got) is step


@pytest.mark.parametrize(
    ("language", "text", "announced"),
    [
        ("en", f"Fire at our Bologna returns centre: refunds are 3-5 days late, sorry. Update "
               f"Tuesday 09:30 CET. {EN}", True),
        ("it", f"Incendio nel centro resi di Bologna: rimborsi in ritardo di 3-5 giorni, ci "
               f"dispiace. Aggiornamento martedì 9:30. {IT}", True),
        # The heading of this update, with its own time, announces none.
        ("en", f"Update 09:30: refunds are 3-5 days late after the Bologna fire, sorry. {EN}",
         False),
        ("it", f"Aggiornamento 9:30: rimborsi in ritardo di 3-5 giorni dopo l'incendio, ci "
               f"dispiace. {IT}", False),
    ],
)  # fmt: skip
def test_a_verbless_heading_of_the_coming_update_with_day_and_time_is_the_next_update(
    check: Check, language: str, text: str, announced: bool
) -> None:
    got = findings(check, text, {"kind": "holding_statement", "facts": _fire(language)})
    assert ("structure.next_update" not in got) is announced


@pytest.mark.parametrize(
    ("language", "text", "acknowledged"),
    [
        ("en", f"That must have been frightening, and we're sorry. DM us and we'll call you. {EN}",
         True),
        ("en", f"This is really distressing and we apologise. DM us and we'll call you. {EN}",
         True),
        ("it", f"Dev'essere stato spaventoso, e ci dispiace. Scrivici in DM e ti chiamiamo. {IT}",
         True),
        ("it", f"È davvero sgradevole e ci scusiamo. Scrivici in DM e ti chiamiamo. {IT}", True),
        # An understatement acknowledges nothing.
        ("en", f"We hear you, it's not great. DM us and we'll call you. {EN}", False),
        ("it", f"Va bene, non è terribile. Scrivici in DM e ti chiamiamo. {IT}", False),
    ],
)  # fmt: skip
def test_what_happened_judged_with_a_pointer_as_subject_acknowledges_it(
    check: Check, language: str, text: str, acknowledged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": []})
    assert ("structure.acknowledge" not in got) is acknowledged


# --- grounding: figures -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "facts", "text", "flagged"),
    [
        # The facts give the number after its noun: grounded.
        ("en", FIRE, f"The fire touched 2,350 parcels; refunds are 3-5 days late. {EN}", False),
        ("it", FIRE_IT, f"L'incendio ha coinvolto 2.350 pacchi; i rimborsi sono in ritardo. {IT}",
         False),
        # A number the facts don't give, whatever its order.
        ("en", FIRE, f"The fire touched 1,900 parcels; refunds are 3-5 days late. {EN}", True),
        ("it", FIRE_IT, f"Dei pacchi coinvolti, 180 sono già stati rimborsati. {IT}", True),
        # The digits a card ends with are no count.
        ("en", TERMINALS, f"Sorry the card ending 7731 was charged twice; we're reversing it. "
                          f"{EN}", False),
        ("it", TERMINALS_IT, f"Ci dispiace per la carta che termina con 7731; stiamo stornando "
                             f"l'addebito. {IT}", False),
    ],
)  # fmt: skip
def test_a_count_is_read_whatever_the_order_of_number_and_noun(
    check: Check, language: str, facts: list[str], text: str, flagged: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": facts})
    assert ("grounding.count" in got) is flagged


@pytest.mark.parametrize(
    ("language", "text", "flagged"),
    [
        ("en", f"Sorry for the wait: returns are free for a year from today. {EN}", True),
        ("it", f"Ci dispiace per l'attesa: resi gratuiti per un anno da oggi. {IT}", True),
        ("en", f"The fire brigade expects to finish in about a month. {EN}", True),
        ("en", f"Thank you, and have a good day. {EN}", False),
    ],
)  # fmt: skip
def test_one_unit_with_an_article_is_a_duration(
    check: Check, language: str, text: str, flagged: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": _fire(language)})
    assert ("grounding.duration" in got) is flagged


# --- grounding: promises ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "facts", "text", "promised"),
    [
        # A grant the facts say nobody has announced.
        ("en", FIRE, f"Sorry for the wait. We'll also pay you €8 compensation for the trouble. "
                     f"{EN}", True),
        ("it", FIRE_IT, f"Ci dispiace per l'attesa. Ti riconosciamo un indennizzo di 8 euro. {IT}",
         True),
        # What the customer's bank charged them, paid back.
        ("en", TERMINALS, f"We're reversing the second charge, and we'll cover the bank charges "
                          f"it caused too. {EN}", True),
        ("it", TERMINALS_IT, f"Stiamo stornando il secondo addebito e ti restituiamo anche le "
                             f"commissioni bancarie. {IT}", True),
        # A grant made whole where the facts grant a part.
        ("en", TERMINALS, f"Sorry: we'll refund the entire purchase, not just the second charge. "
                          f"{EN}", True),
        ("it", TERMINALS_IT, f"Ci dispiace: ti rimborsiamo l'intero acquisto. {IT}", True),
        # What we give, in the present, to the customer; wanting to make amends with it.
        ("it", FIRE_IT, f"Ci dispiace. Ti accreditiamo un buono sul profilo. {IT}", True),
        ("it", FIRE_IT, f"Ci dispiace e vogliamo rimediare con un buono. {IT}", True),
        ("en", FIRE, f"Sorry, we want to make it up to you with a voucher. {EN}", True),
        # What the law will do to whoever did it.
        ("en", TERMINALS, f"We've told the police; they will catch whoever tampered with it. {EN}",
         True),
        ("it", TERMINALS_IT, f"Abbiamo sporto denuncia: i colpevoli saranno puniti. {IT}", True),
        # Near misses: the grant as the facts give it, an apology, our own step.
        ("en", TERMINALS, f"Sorry: we're reversing the second charge; it reaches your card within "
                          f"5 working days. {EN}", False),
        ("it", TERMINALS_IT, f"Ci scusiamo e Le chiediamo pazienza: stiamo stornando il secondo "
                             f"addebito. {IT}", False),
    ],
)  # fmt: skip
def test_what_is_promised_must_be_what_the_facts_grant_as_they_grant_it(
    check: Check, language: str, facts: list[str], text: str, promised: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": facts})
    assert ("grounding.promise" in got) is promised


# --- grounding: causes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "facts", "text", "flagged"),
    [
        # A guess at what happened, while a fact says the cause is unknown.
        ("en", FIRE, f"From what we can see a heater was probably left on overnight. {EN}", True),
        ("it", FIRE_IT, f"Probabilmente una stufa era rimasta accesa tutta la notte. {IT}", True),
        # ... not a guess about what is to come, nor one that keeps the cause open.
        ("en", FIRE, f"Your refund will probably arrive on Thursday. {EN}", False),
        ("en", FIRE, f"We don't know yet what caused it; it was probably not arson, but we "
                     f"can't say. {EN}", False),
        # Whoever is behind it, against facts that give another cause.
        ("en", TERMINALS, f"It looks like the work of a card-skimming ring. {EN}", True),
        ("it", TERMINALS_IT, f"Dietro c'è un gruppo di truffatori esperti. {IT}", True),
        # Our own systems broken into, where the facts deny it; the denial itself is fine.
        ("en", TERMINALS, f"Our payment systems were breached on Saturday. {EN}", True),
        ("it", TERMINALS_IT, f"Verdello è stata hackerata sabato. {IT}", True),
        ("en", TERMINALS, f"We weren't hacked: a faulty terminal update charged some of you "
                          f"twice. {EN}", False),
        ("it", TERMINALS_IT, f"Non siamo stati violati: un aggiornamento difettoso dei terminali "
                             f"ha addebitato due volte. {IT}", False),
        # An adverb of time is no cause of its own.
        ("en", [*TERMINALS, COLLECTED], f"Your purchase is being refunded to your card, because "
                                        f"it had already been collected. {EN}", False),
    ],
)  # fmt: skip
def test_a_cause_given_must_be_the_one_the_facts_give(
    check: Check, language: str, facts: list[str], text: str, flagged: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": facts})
    assert ("grounding.cause" in got) is flagged
