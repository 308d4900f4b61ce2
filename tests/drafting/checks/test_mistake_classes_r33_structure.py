"""Classes of mistake the thirty-third round found in grounding.promise on the fifty-first to
fifty-fourth held-out sets, each fixed by a reading rather than a phrase, and tested with fresh
sentences (none taken from a labelled set) in English and Italian, with near misses that must
stay clean.

What the facts name only to deny supports nothing: a thing quoted in single quotes (a fake
message, a status shown), what a modal denial takes as its object ("does not pay interest"),
and whatever follows "not ... any" or "nessun". Interest paid and an upgrade to a faster service
are grants of their own. A granted thing multiplied or topped up ("double the voucher", "un buono
in più") is more than the facts give; so is cover for every loss or cost. What a document we
send says (a letter confirming ...) is its content, not a grant.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drafting.checks import CheckReport
from tests.drafting.checks.conftest import EN, IT, findings

Check = Callable[..., CheckReport]

# A fresh incident: home-assembly appointments cancelled by a scheduling fault, and a fake
# "assembly voucher" text going round that is not ours.
ASSEMBLY = [
    "On Tuesday 8 December 2026 a fault in Verdello's scheduling tool cancelled about 600 "
    "home-assembly appointments. / Martedì 8 dicembre 2026 un guasto nello strumento di "
    "pianificazione di Verdello ha annullato circa 600 appuntamenti di montaggio a domicilio.",
    "Customers whose appointment was cancelled can book a new slot for free, and each of them "
    "gets a 10 EUR voucher; in public say 'a voucher' without the amount. / I clienti con un "
    "appuntamento annullato possono prenotarne uno nuovo gratis e ricevono un buono da 10 euro.",
    "Texts saying 'Claim your 50 EUR assembly discount' are not from Verdello. Verdello is not "
    "running any discount campaign, and it does not pay interest or time off work. / Gli SMS "
    "con scritto 'Richiedi il tuo sconto montaggio' non sono di Verdello. Verdello non ha in "
    "corso nessuna campagna di sconti e non paga interessi né giorni di ferie.",
    "On request Verdello e-mails a letter confirming the cancellation, for the customer's "
    "employer. / Su richiesta Verdello invia via e-mail una lettera che conferma l'annullamento.",
    "Next update: Wednesday 9 December 2026 at 12:00 CET.",
]


def _promise(check: Check, text: str, facts: list[str] = ASSEMBLY) -> bool:
    return "grounding.promise" in findings(check, text, {"kind": "reply", "facts": facts})


# The denial ends where its clause turns: "and" opening a clause with its own verb starts a new
# statement, whose grant stands; "and" in a list of what is denied does not.
TURNS = (
    "Verdello won't charge any fee and refunds for cancelled appointments arrive by Friday 11 "
    "December. / Verdello non addebita nessun costo e i rimborsi degli appuntamenti annullati "
    "arrivano entro venerdì 11 dicembre."
)
LISTS = (
    "Verdello does not pay interest or travel costs. / Verdello non paga interessi o spese di "
    "viaggio."
)


@pytest.mark.parametrize(
    ("fact", "text", "flagged"),
    [
        (TURNS, f"Sorry about the cancelled visit. Your appointment will be refunded by Friday "
         f"11 December. {EN}", False),
        (TURNS, f"Ci dispiace per l'appuntamento saltato. Ti rimborseremo l'appuntamento entro "
         f"venerdì 11 dicembre. {IT}", False),
        (LISTS, f"Sorry about the cancelled visit. We'll cover your travel costs. {EN}", True),
        (LISTS, f"Ci dispiace. Ti rimborseremo le spese di viaggio. {IT}", True),
    ],
)  # fmt: skip
def test_a_denial_ends_where_its_clause_turns(
    check: Check, fact: str, text: str, flagged: bool
) -> None:
    assert _promise(check, text, [fact]) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # A grant the facts name only in a quote or after a denial.
        (f"Sorry about the cancelled visit. We'll give you a discount on the assembly. {EN}",
         True),
        (f"Ci dispiace per l'appuntamento saltato. Ti facciamo uno sconto sul montaggio. {IT}",
         True),
        (f"Sorry about the cancelled visit. We'll pay interest on what you paid for assembly. "
         f"{EN}", True),
        (f"Ci dispiace. Ti paghiamo anche gli interessi su quanto hai pagato. {IT}", True),
        # Near misses: what the facts grant, and a discount denied.
        (f"Sorry about the cancelled visit. You can book a new slot for free and you'll get a "
         f"voucher. {EN}", False),
        (f"Ci dispiace per l'appuntamento saltato. Puoi prenotarne uno nuovo gratis e riceverai "
         f"un buono. {IT}", False),
        (f"Sorry about the cancelled visit. That text is fake: we're not offering any discount. "
         f"{EN}", False),
    ],
)  # fmt: skip
def test_what_the_facts_name_only_to_deny(check: Check, text: str, flagged: bool) -> None:
    assert _promise(check, text) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"Sorry about the cancelled visit. To make up for it we'll double your voucher. {EN}",
         True),
        (f"Ci dispiace per l'appuntamento saltato. Per rimediare ti diamo un buono in più. {IT}",
         True),
        (f"Ci dispiace. Per farci perdonare ti regaliamo un buono extra. {IT}", True),
        # Near misses: the voucher the facts grant, and a double booking put right.
        (f"Sorry about the cancelled visit. You'll get a voucher by Friday. {EN}", False),
        (f"Ci dispiace. Riceverai un buono entro venerdì. {IT}", False),
    ],
)  # fmt: skip
def test_a_grant_multiplied_or_topped_up(check: Check, text: str, flagged: bool) -> None:
    assert _promise(check, text) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"Sorry about the cancelled visit. We'll compensate you for every cost this caused. "
         f"{EN}", True),
        (f"Ci dispiace. Ti risarciremo ogni spesa che hai avuto per colpa nostra. {IT}", True),
        # Near miss: a grant the facts give, named as it is.
        (f"Sorry about the cancelled visit. We'll send a voucher to everyone whose appointment "
         f"was cancelled. {EN}", False),
    ],
)  # fmt: skip
def test_cover_for_every_loss(check: Check, text: str, flagged: bool) -> None:
    assert _promise(check, text) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (f"Sorry about the cancelled visit. I've upgraded your new slot to an express visit "
         f"tomorrow. {EN}", True),
        (f"Ci dispiace. Ti abbiamo passato alla consegna espressa del mobile. {IT}", True),
        # Near misses: what a letter we send says is not given; a new slot is granted.
        (f"Sorry about the cancelled visit. DM us and we'll e-mail you a letter confirming that "
         f"the discount text isn't ours. {EN}", False),
        (f"Ci dispiace. Scrivici in DM e ti inviamo una lettera che conferma che lo sconto "
         f"dell'SMS non è nostro. {IT}", False),
        (f"Sorry about the cancelled visit. I've booked you a new slot for free. {EN}", False),
    ],
)  # fmt: skip
def test_an_upgrade_and_what_a_letter_says(check: Check, text: str, flagged: bool) -> None:
    assert _promise(check, text) is flagged
