"""Classes of mistake the twenty-first round found in the required moves (structure.*) and the
grounding checks of the twenty-second and twenty-third held-out sets, each fixed by a reading
of the grammar rather than a phrase, and tested with fresh sentences (none taken from a
labelled set) in English and Italian, with near misses that must keep failing or stay clean.

Structure: an apology whose clause says what befell the customer, whatever the verb, and the
thing that reached them disowned or unmasked as someone else's, acknowledge what happened, and
what an apology puts in the customer's feelings does not (unless a problem is named with it,
or the post names what the feeling is about); an
apology in the first person singular, and the fault owned outright, are apologies; an update
heading with its time names the post, not the state, and the statement after it is read on its
own; what the customer goes through, as we empathise, and an update announced "again" state no
status; who did something is no resolution, a headline's participle with its time is; the next
post by a formal name or as meeting again at a time is the next update; pleasure at the
customer's contact thanks them. Grounding: a fact that
names an act only to rule it out supports no promise of it; money given back in other words,
by anyone, in the future, in the present with a time to come, in the passive or as a duty, is
a refund promised; the brand named in the third person promises as "we" does; a product given
for nothing is a gift, a free service is not; a grant put on the customer's account, whatever
the verb, is given; a guess framed as an impression or after a hedging adverb gives a cause
unless its own sentence says it is still being checked, and so does an Italian "perché" with a
third party as subject; the reason for our own refusal, the problem named again and an Italian
street after "per" give none, and a breakdown in everyday words ("fell over", "in tilt")
restates the facts' failure. A day to come set as a deadline, a length of time without a
number and a count said as a rank are figures the facts must give.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drafting.checks import CheckReport
from tests.drafting.checks.conftest import EN, IT, findings

RAFFLE = [
    "Since Monday 7 December 2026, WhatsApp messages pretending to be Verdello have offered a "
    '"Christmas raffle" ticket for 2.50 EUR, paid by card on a fake page.',
    "The messages and the page are not Verdello's.",
    "Verdello cannot refund money paid to the fraudsters. Customers who paid should phone their "
    "bank, which may be able to reverse the payment.",
    "Confirmed by the incident lead: each affected customer who writes to Verdello gets a "
    "voucher worth 10 EUR.",
    "Next update: Tuesday 8 December 2026 at 15:00 CET.",
]
RAFFLE_IT = [
    "Da lunedì 7 dicembre 2026 messaggi WhatsApp a nome di Verdello offrono un biglietto per "
    'una "lotteria di Natale" a 2,50 euro, da pagare con carta su una pagina falsa.',
    "I messaggi e la pagina non sono di Verdello.",
    "Verdello non può rimborsare il denaro pagato ai truffatori. Chi ha pagato deve telefonare "
    "alla propria banca, che potrebbe recuperare il denaro.",
    "Confermato dal responsabile dell'incidente: ogni cliente colpito che scrive a Verdello "
    "riceve un buono da 10 euro.",
    "Prossimo aggiornamento: martedì 8 dicembre 2026 alle 15:00.",
]

Check = Callable[..., CheckReport]


def _facts(language: str) -> list[str]:
    return RAFFLE if language == "en" else RAFFLE_IT


# --- structure ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "acknowledged"),
    [
        ("en", f"Sorry that raffle duped you. Please ring your bank and DM us. {EN}", True),
        ("en", f"We're sorry it caught you out. Please ring your bank and DM us. {EN}", True),
        ("en", f"We're sorry you lost money to it. Please ring your bank and DM us. {EN}", True),
        (
            "it",
            f"Ci dispiace che quel messaggio ti abbia ingannato. Chiama la banca e scrivici in "
            f"DM. {IT}",
            True,
        ),
        # A bare "sorry this happened" names nothing; a hedge and the customer's own view are
        # no acknowledgement.
        ("en", f"We're sorry this happened. Please ring your bank and DM us. {EN}", False),
        ("en", f"Sorry it seemed that way. Please ring your bank and DM us. {EN}", False),
        ("en", f"We're sorry you think so. Please ring your bank and DM us. {EN}", False),
    ],
)
def test_an_apology_clause_that_says_what_befell_the_customer_acknowledges_it(
    check: Check, language: str, text: str, acknowledged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": _facts(language)})
    assert ("structure.acknowledge" not in got) is acknowledged


@pytest.mark.parametrize(
    ("language", "text", "acknowledged"),
    [
        (
            "en",
            f"That raffle ticket wasn't ours, and we're sorry. Please ring your bank. {EN}",
            True,
        ),
        ("en", f"Not from us, and we're sorry. Please ring your bank and DM us. {EN}", True),
        ("en", f"Someone copied our logo, and we're sorry. Please ring your bank. {EN}", True),
        ("en", f"It didn't come from us, and we're sorry. Please ring your bank. {EN}", True),
        ("it", f"Quel biglietto non è nostro, ci dispiace. Chiama la banca. {IT}", True),
        ("it", f"Non siamo stati noi, ci dispiace. Chiama la banca e scrivici in DM. {IT}", True),
        ("it", f"Qualcuno sta usando il nostro marchio, ci dispiace. Chiama la banca. {IT}", True),
        # A fault denied says nothing of what happened.
        (
            "en",
            f"That was not our doing, and we're sorry. Please ring your bank and DM us. {EN}",
            False,
        ),
        ("it", f"Non è colpa nostra, ci dispiace. Chiama la banca e scrivici in DM. {IT}", False),
    ],
)
def test_the_thing_that_reached_the_customer_disowned_acknowledges_it(
    check: Check, language: str, text: str, acknowledged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": _facts(language)})
    assert ("structure.acknowledge" not in got) is acknowledged


POST = "Paid for a raffle ticket on your page and the draw never happened"
POST_IT = "Ho pagato un biglietto della lotteria e l'estrazione non c'è mai stata"


@pytest.mark.parametrize(
    ("language", "text", "acknowledged"),
    [
        # The feeling alone, or a thing it blames that the post never named.
        ("en", f"Sorry you feel the raffle let you down. Please ring your bank. {EN}", False),
        (
            "en",
            f"We're sorry if you felt cheated by those chats. Please ring your bank. {EN}",
            False,
        ),
        ("it", f"Ci dispiace se ti sei sentita presa in giro. Chiama la banca. {IT}", False),
        # A problem named with it, or what the feeling is about when the post names it.
        ("en", f"Sorry you feel our answer was slow. Please ring your bank. {EN}", True),
        ("en", f"Sorry if you feel let down by the draw. Please ring your bank. {EN}", True),
        (
            "it",
            f"Ci dispiace se ti sei sentita presa in giro dall'estrazione. Chiama la banca. {IT}",
            True,
        ),
    ],
)
def test_what_an_apology_puts_in_the_customers_feelings_acknowledges_nothing(
    check: Check, language: str, text: str, acknowledged: bool
) -> None:
    context = {"kind": "apology", "post_text": POST if language == "en" else POST_IT}
    got = findings(check, text, context)
    assert ("structure.acknowledge" not in got) is acknowledged


@pytest.mark.parametrize(
    ("text", "apologised"),
    [
        (f"Ti chiedo scusa: quel biglietto non era nostro. Chiama la banca. {IT}", True),
        (f"Le chiedo ancora scusa, quel biglietto non era nostro. Chiami la banca. {IT}", True),
        (f"Sono davvero dispiaciuta, quel biglietto non era nostro. Chiama la banca. {IT}", True),
        (f"Ti chiedo di chiamare la banca: quel biglietto non era nostro. {IT}", False),
    ],
)
def test_an_italian_apology_in_the_first_person_singular_apologises(
    check: Check, text: str, apologised: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": RAFFLE_IT})
    assert ("structure.apologise" not in got) is apologised


@pytest.mark.parametrize(
    ("language", "text", "stated"),
    [
        (
            "en",
            f"Update 15:00 CET: the raffle page sits on a foreign server, but we'll keep pressing "
            f"for its removal. Next update at 18:00 CET. {EN}",
            True,
        ),
        (
            "it",
            f"Aggiornamento delle 15:00: i biglietti falsi girano ancora su WhatsApp, ma "
            f"chiederemo di bloccarli. Prossimo aggiornamento alle 18:00. {IT}",
            True,
        ),
        ("en", f"Update, 15:00 CET. Next update at 18:00 CET. {EN}", False),
        ("it", f"Aggiornamento delle 15:00. Prossimo aggiornamento alle 18:00. {IT}", False),
        (
            "en",
            f"Update, 15:00 CET. We know plenty of you have questions. Next update at 18:00 "
            f"CET. {EN}",
            False,
        ),
    ],
)
def test_an_update_heading_is_no_status_and_the_statement_after_it_is_read(
    check: Check, language: str, text: str, stated: bool
) -> None:
    got = findings(check, text, {"kind": "status_update", "facts": _facts(language)})
    assert ("structure.state_status" not in got) is stated


@pytest.mark.parametrize(
    ("language", "text", "apologised"),
    [
        ("en", f"This one's on us: that raffle used our name. Please ring your bank. {EN}", True),
        (
            "en",
            f"That was our mistake, and the raffle page is fake. Please ring your bank. {EN}",
            True,
        ),
        (
            "it",
            f"La colpa è nostra: quella lotteria ha usato il nostro nome. Chiama la banca. {IT}",
            True,
        ),
        ("it", f"È tutta colpa mia, quel biglietto non era nostro. Chiama la banca. {IT}", True),
        (
            "en",
            f"It wasn't our fault: that raffle used our name. Please ring your bank. {EN}",
            False,
        ),
        (
            "it",
            f"Non è colpa nostra: quella lotteria ha usato il nostro nome. Chiama la banca. {IT}",
            False,
        ),
    ],
)
def test_the_fault_owned_outright_is_an_apology(
    check: Check, language: str, text: str, apologised: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": _facts(language)})
    assert ("structure.apologise" not in got) is apologised


@pytest.mark.parametrize(
    ("language", "text", "announced"),
    [
        (
            "en",
            f"Don't pay for raffle tickets. The subsequent bulletin is planned for 18:00 CET. {EN}",
            True,
        ),
        (
            "en",
            f"Don't pay for raffle tickets. We'll see you all back here at 18:00 CET. {EN}",
            True,
        ),
        ("it", f"Non pagate i biglietti. Ci ritroviamo su questa pagina alle 18:00. {IT}", True),
        ("it", f"Non pagate i biglietti. Ci sentiamo domani alle 9:00. {IT}", True),
        # Without a time, or a meeting that is no post of ours, there is no next update.
        ("en", f"Don't pay for raffle tickets. We'll see you all back here soon. {EN}", False),
        ("it", f"Non pagate i biglietti. Ci vediamo al negozio. {IT}", False),
    ],
)
def test_the_next_update_by_a_formal_name_or_as_meeting_again(
    check: Check, language: str, text: str, announced: bool
) -> None:
    got = findings(check, text, {"kind": "status_update", "facts": _facts(language)})
    assert ("structure.next_update" not in got) is announced


@pytest.mark.parametrize(
    ("language", "text", "thanked"),
    [
        (
            "en",
            f"Lovely to hear from you. I've noted the raffle message; please ring your bank. {EN}",
            True,
        ),
        (
            "en",
            f"Kind of you to write. I've noted the raffle message; please ring your bank. {EN}",
            True,
        ),
        ("it", f"Che piacere risentirti. Ho annotato il messaggio; chiama la banca. {IT}", True),
        (
            "en",
            f"Lovely weather today. I've noted the raffle message; please ring your bank. {EN}",
            False,
        ),
        ("it", f"Che piacere il Natale. Ho annotato il messaggio; chiama la banca. {IT}", False),
    ],
)
def test_pleasure_at_the_customers_contact_thanks_them(
    check: Check, language: str, text: str, thanked: bool
) -> None:
    context = {"kind": "dm_followup", "channel": "chat", "facts": _facts(language)}
    assert ("structure.thank" not in findings(check, text, context)) is thanked


@pytest.mark.parametrize(
    ("language", "text", "stated"),
    [
        ("en", f"The fake raffle page is still online. Next update at 18:00 CET. {EN}", True),
        (
            "it",
            f"La pagina della lotteria è stata rimossa alle 15:00. Prossimo aggiornamento alle "
            f"18:00. {IT}",
            True,
        ),
        # What the customer goes through, as we empathise, and an announcement said "again".
        (
            "en",
            f"We know plenty of you are still waiting for a reply. Next update at 18:00 CET. {EN}",
            False,
        ),
        (
            "it",
            f"Sappiamo quanto sia importante riavere i soldi della lotteria. Prossimo "
            f"aggiornamento alle 18:00. {IT}",
            False,
        ),
        ("it", f"Vi aggiorniamo di nuovo qui alle 15:00 sulla lotteria. {IT}", False),
    ],
)
def test_empathy_and_an_update_said_again_state_no_status(
    check: Check, language: str, text: str, stated: bool
) -> None:
    got = findings(check, text, {"kind": "status_update", "facts": _facts(language)})
    assert ("structure.state_status" not in got) is stated


@pytest.mark.parametrize(
    ("language", "text", "resolved"),
    [
        (
            "it",
            f"Pagina e messaggi falsi rimossi da oggi alle 10:00. Grazie e scusateci. {IT}",
            True,
        ),
        ("it", f"La pagina falsa è stata rimossa. Grazie e scusateci. {IT}", True),
        # Who did something is no state reached.
        ("it", f"Chi ha pagato il biglietto chiami la banca. Grazie e scusateci. {IT}", False),
        (
            "en",
            f"Anyone who has paid for a raffle ticket should ring their bank. Thank you, and "
            f"sorry. {EN}",
            False,
        ),
    ],
)
def test_who_did_something_is_no_resolution_and_a_headline_participle_is(
    check: Check, language: str, text: str, resolved: bool
) -> None:
    got = findings(check, text, {"kind": "resolution_update", "facts": _facts(language)})
    assert ("structure.state_resolution" not in got) is resolved


# --- grounding: promises --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "grounded"),
    [
        ("en", f"Sorry about the raffle. You'll get a refund for the ticket. {EN}", False),
        ("it", f"Ci dispiace per la lotteria. Ti rimborseremo il biglietto. {IT}", False),
        # What the facts do grant stays grounded.
        ("en", f"Sorry about the raffle. You'll get a voucher when you write to us. {EN}", True),
        ("it", f"Ci dispiace per la lotteria. Riceverai un buono se ci scrivi. {IT}", True),
    ],
)
def test_a_fact_that_rules_an_act_out_supports_no_promise_of_it(
    check: Check, language: str, text: str, grounded: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": _facts(language)})
    assert ("grounding.promise" not in got) is grounded


@pytest.mark.parametrize(
    ("language", "text", "promised"),
    [
        ("en", f"Sorry about the raffle. Your bank has to pay you back. {EN}", True),
        ("it", f"Ci dispiace. La banca ti restituirà i 2,50 euro. {IT}", True),
        ("it", f"Ci dispiace. Entro domani la banca ti ridà tutto. {IT}", True),
        ("it", f"Ci dispiace. Le verranno restituiti i soldi. {IT}", True),
        ("it", f"Ci dispiace. Riavrai i tuoi soldi. {IT}", True),
        ("it", f"Ci dispiace. La banca deve rimborsarti il biglietto. {IT}", True),
        # What may happen is no promise.
        ("en", f"Sorry about the raffle. Your bank may be able to get it back. {EN}", False),
        ("it", f"Ci dispiace. La banca potrebbe recuperare il pagamento: chiamala. {IT}", False),
    ],
)
def test_money_given_back_in_other_words_is_a_refund_promised(
    check: Check, language: str, text: str, promised: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": _facts(language)})
    assert ("grounding.promise" in got) is promised


@pytest.mark.parametrize(
    ("language", "text", "promised"),
    [
        ("en", f"Sorry about the raffle. Verdello is sorry and will cover the loss. {EN}", True),
        ("en", f"Confirmed: Verdello will pay you back for the ticket. {EN}", True),
        ("it", f"Ci dispiace. Verdello restituirà i soldi del biglietto. {IT}", True),
        (
            "en",
            f"Sorry about the raffle. Verdello will not refund the fraudsters' page. {EN}",
            False,
        ),
        ("en", f"Sorry about the raffle. Verdello will post again at 15:00 CET. {EN}", False),
    ],
)
def test_the_brand_named_as_the_agent_promises_as_we_do(
    check: Check, language: str, text: str, promised: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": _facts(language)})
    assert ("grounding.promise" in got) is promised


DAMAGED = ["Damaged on arrival: free collection and a replacement."]
DAMAGED_IT = ["Danneggiato all'arrivo: ritiro gratuito e sostituzione."]


@pytest.mark.parametrize(
    ("language", "text", "promised"),
    [
        ("en", f"Sorry about the dent. We'll send you a free teapot as well. {EN}", True),
        ("it", f"Ci dispiace per l'ammaccatura. Ti spediremo una teiera gratis. {IT}", True),
        (
            "en",
            f"Sorry about the dent. We'll arrange a free collection and a replacement. {EN}",
            False,
        ),
        (
            "it",
            f"Ci dispiace per l'ammaccatura. Ti organizzeremo un ritiro gratuito e la "
            f"sostituzione. {IT}",
            False,
        ),
    ],
)
def test_a_free_product_is_a_gift_and_a_free_service_is_not(
    check: Check, language: str, text: str, promised: bool
) -> None:
    facts = DAMAGED if language == "en" else DAMAGED_IT
    got = findings(check, text, {"kind": "reply", "facts": facts})
    assert ("grounding.promise" in got) is promised


@pytest.mark.parametrize(
    ("text", "promised"),
    [
        (f"Thanks for waiting. I've unlocked triple points on your account. {EN}", True),
        (f"Thanks for waiting. We've loaded bonus points onto your next order. {EN}", True),
        (f"Thanks for waiting. I've noted the raffle message on your account. {EN}", False),
    ],
)
def test_a_grant_put_on_the_customers_account_is_given_whatever_the_verb(
    check: Check, text: str, promised: bool
) -> None:
    got = findings(check, text, {"kind": "dm_followup", "channel": "chat", "facts": RAFFLE})
    assert ("grounding.promise" in got) is promised


# --- grounding: causes ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "caused"),
    [
        ("en", f"It looks like the fraudsters may have bought a mailing list. {EN}", True),
        ("en", f"Don't pay. Probably hackers harvested the numbers from a forum. {EN}", True),
        ("it", f"Non pagate. Forse hanno comprato gli elenchi da un sito pirata. {IT}", True),
        ("it", f"Non pagate. Probabilmente usano un programma automatico. {IT}", True),
        # A guess its own sentence says is still being checked is speculation, not a cause
        # stated (forbidden.speculation reports it); a guess about the customer's payment is
        # no cause.
        (
            "en",
            f"It looks like the fraudsters may have bought a mailing list, but we're still "
            f"checking. {EN}",
            False,
        ),
        ("en", f"It looks like your payment went through on the fake page. {EN}", False),
    ],
)
def test_a_guess_framed_as_an_impression_gives_a_cause(
    check: Check, language: str, text: str, caused: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": _facts(language)})
    assert ("grounding.cause" in got) is caused


@pytest.mark.parametrize(
    ("language", "text", "caused"),
    [
        (
            "en",
            f"We can't refund a ticket bought there, because the payment never touched our "
            f"accounts. {EN}",
            False,
        ),
        (
            "en",
            f"We're sorry for the sales you lost because of the delay and will phone you "
            f"today. {EN}",
            False,
        ),
        ("it", f"Ci dispiace, il pacco per via della Spiga 8 è ancora fermo. {IT}", False),
        (
            "en",
            f"The page went up because a hosting company ignored our complaints. {EN}",
            True,
        ),
        ("it", f"Ci dispiace, il pacco è fermo per via dello sciopero dei corrieri. {IT}", True),
    ],
)
def test_a_refusal_s_reason_the_problem_again_and_a_street_give_no_cause(
    check: Check, language: str, text: str, caused: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": _facts(language)})
    assert ("grounding.cause" in got) is caused


@pytest.mark.parametrize(
    ("language", "text", "caused"),
    [
        (
            "it",
            f"I messaggi girano ancora perché la piattaforma ha tolto il filtro antispam. {IT}",
            True,
        ),
        # "Perché" asking why, after an apology, or about the customer's own case.
        ("it", f"Ci chiedete perché i messaggi girano ancora: li abbiamo segnalati. {IT}", False),
        ("it", f"Ci scusiamo perché la lotteria ha usato il nostro nome. {IT}", False),
        ("it", f"Poiché il tuo biglietto è stato pagato con carta, chiama la banca. {IT}", False),
    ],
)
def test_an_italian_perche_with_a_third_party_subject_gives_a_cause(
    check: Check, language: str, text: str, caused: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": _facts(language)})
    assert ("grounding.cause" in got) is caused


# --- grounding: figures ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "check_id", "claimed"),
    [
        # A day to come set as a deadline is a new date; the same word looking back is a
        # paraphrase of the dated facts.
        ("it", f"Grazie. Il buono ti arriva entro domani. {IT}", "grounding.datetime", True),
        ("en", f"Thanks. The voucher reaches you by tomorrow. {EN}", "grounding.datetime", True),
        ("en", f"Thanks. Those messages started yesterday. {EN}", "grounding.datetime", False),
        # A length of time without a number still claims a speed; minutes say "shortly".
        ("en", f"The platform removed the page within hours. {EN}", "grounding.duration", True),
        (
            "it",
            f"La piattaforma ha tolto la pagina nel giro di poche ore. {IT}",
            "grounding.duration",
            True,
        ),
        (
            "en",
            f"You'll get a confirmation e-mail in a few minutes. {EN}",
            "grounding.duration",
            False,
        ),
        # A count said as a rank.
        (
            "it",
            f"Capisco. Sei il decimo cliente che ce lo scrive oggi. {IT}",
            "grounding.count",
            True,
        ),
        ("en", f"You're the twelfth person to tell us this morning. {EN}", "grounding.count", True),
        ("en", f"You're the first to tell us about this page. {EN}", "grounding.count", False),
    ],
)
def test_a_deadline_a_speed_and_a_rank_are_figures_to_ground(
    check: Check, language: str, text: str, check_id: str, claimed: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": _facts(language)})
    assert (check_id in got) is claimed


DEPOT = ["Since Monday a failure of the sorting machine at our depot has delayed orders."]
DEPOT_IT = ["Da lunedì un guasto alla macchina di smistamento del deposito ritarda gli ordini."]


@pytest.mark.parametrize(
    ("language", "text", "caused"),
    [
        ("en", f"Orders are late because the sorting machine at our depot fell over. {EN}", False),
        (
            "it",
            f"Gli ordini tardano perché la macchina di smistamento del deposito è andata in "
            f"tilt. {IT}",
            False,
        ),
        ("en", f"Orders are late because a burglar smashed the sorting machine. {EN}", True),
        ("it", f"Gli ordini tardano perché un concorrente ha sabotato la macchina. {IT}", True),
    ],
)
def test_a_breakdown_in_everyday_words_restates_the_facts_failure(
    check: Check, language: str, text: str, caused: bool
) -> None:
    facts = DEPOT if language == "en" else DEPOT_IT
    got = findings(check, text, {"kind": "reply", "facts": facts})
    assert ("grounding.cause" in got) is caused
