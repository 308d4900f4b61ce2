"""Classes of mistake the twenty-second round found in the required moves (structure.*) and the
grounding checks of the twenty-fourth and twenty-fifth held-out sets, each fixed by a reading
of the grammar rather than a phrase, and tested with fresh sentences (none taken from a
labelled set) in English and Italian, with near misses that must stay clean or keep failing.

Structure: what we do at a coming time said in the Italian present ("stasera vi spieghiamo",
"giro subito"), and a first-person commitment whose subject is shared with the verb before
("... and will explain"), are next steps; a check reported with its finding after a colon is
not; a step already taken towards an authority, whatever stands between the verb and the
authority, is one; an update with a word before its noun ("a proper update") is the next
update; thanks said by us to anyone named thank; a data incident named by its noun ("the
breach", "la violazione") says what happened. Grounding: a grant the facts deny in any tense
rules out what it names; whatever is handed over as a gesture is a gift; money given to a cause
and the customer's data erased are promises; an offer whose subject is shared with the verb
before, a grant to whoever does something, an Italian grant with any participle or any
first-person future are promises, and "appena" after an auxiliary is "just", not a condition;
what a clause denies ("non faremo sconti") is not promised; a message that reaches the
customer is no delivery; a guess after a comma, an inserted phrase or as the route it came by,
and an impression told in the past, give a cause; a cause ends where the sentence points back
("and that's what ..."); and what the facts deny supports no cause.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drafting.checks import CheckReport
from tests.drafting.checks.conftest import EN, IT, findings

# A fresh incident: the loyalty app showed members other members' order histories.
LEAK = [
    "On Monday 7 December 2026 from 09:10 to 11:25 CET the Verdello Club app showed some "
    "members the order history of other members.",
    "Order histories show product names and delivery towns. No card numbers or passwords were "
    "shown: the app does not hold them.",
    "Verdello switched the order history screen off at 11:25 CET and is reviewing the app "
    "release of that morning. Verdello is not handing out vouchers or points over the error.",
    "Next update: Tuesday 8 December 2026 at 14:00 CET, on our social channels.",
]
LEAK_IT = [
    "Lunedì 7 dicembre 2026 dalle 09:10 alle 11:25 l'app Verdello Club ha mostrato ad alcuni "
    "soci lo storico ordini di altri soci.",
    "Lo storico ordini mostra i nomi dei prodotti e le città di consegna. Non sono stati "
    "mostrati numeri di carta o password: l'app non li conserva.",
    "Verdello ha spento la schermata dello storico ordini alle 11:25 e sta verificando il "
    "rilascio dell'app di quella mattina. Verdello non sta dando buoni o punti per l'errore.",
    "Prossimo aggiornamento: martedì 8 dicembre 2026 alle 14:00, sui nostri canali social.",
]

Check = Callable[..., CheckReport]


def _facts(language: str) -> list[str]:
    return LEAK if language == "en" else LEAK_IT


# --- structure ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "stepped"),
    [
        ("it", f"Hai ragione e ci dispiace. Stasera alle 19:00 vi spieghiamo cosa è successo. {IT}",
         True),
        ("it", f"Hai ragione e ci dispiace. Domani mattina sistemiamo la schermata. {IT}", True),
        ("it", f"Hai ragione e ci dispiace. Giro subito il tuo messaggio ai colleghi. {IT}", True),
        ("it", f"Hai ragione e ci dispiace. Ricontrolliamo la app entro stasera. {IT}", True),
        # What we are, know or regret today commits to nothing; nor does what we won't do.
        ("it", f"Hai ragione e ci dispiace. Oggi siamo tutti mortificati. {IT}", False),
        ("it", f"Hai ragione e ci dispiace. Oggi non pubblichiamo altro. {IT}", False),
        ("it", f"Hai ragione e ci dispiace. Sappiamo che oggi è stata dura. {IT}", False),
    ],
)  # fmt: skip
def test_what_we_do_at_a_coming_time_said_in_the_italian_present_is_a_next_step(
    check: Check, language: str, text: str, stepped: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": _facts(language)})
    assert ("structure.next_step" not in got) is stepped


@pytest.mark.parametrize(
    ("text", "stepped"),
    [
        (f"You're right, and we're sorry. We've switched it off and will explain more. {EN}",
         True),
        (f"You're right, and I'm sorry. I've read your note and then will ring the team. {EN}",
         True),
        # Shared with a refusal or a feeling, it commits to no step.
        (f"You're right, and we're sorry. We know it stung and will never forget it. {EN}",
         False),
        (f"You're right, and we're sorry. We hear you and will be sorry for a long time. {EN}",
         False),
    ],
)  # fmt: skip
def test_a_commitment_whose_subject_is_shared_with_the_verb_before_is_a_next_step(
    check: Check, text: str, stepped: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": LEAK})
    assert ("structure.next_step" not in got) is stepped


@pytest.mark.parametrize(
    ("language", "text", "stepped"),
    [
        ("en", f"Thanks for waiting. I've looked: your town was on the screen. {EN}", False),
        ("it", f"Grazie dell'attesa. Ho verificato: la tua città era visibile. {IT}", False),
        # The check with what happens next is still a step.
        ("en", f"Thanks for waiting. I've looked into your account and found the order. {EN}",
         True),
    ],
)  # fmt: skip
def test_a_check_reported_with_its_finding_after_a_colon_is_no_next_step(
    check: Check, language: str, text: str, stepped: bool
) -> None:
    context = {"kind": "dm_followup", "channel": "chat", "facts": _facts(language)}
    assert ("structure.next_step" not in findings(check, text, context)) is stepped


@pytest.mark.parametrize(
    ("language", "text", "stepped"),
    [
        ("en", f"We're sorry. We've already notified the data authority ourselves. {EN}", True),
        ("en", f"We're sorry. I have alerted our privacy officer. {EN}", True),
        ("it", f"Ci dispiace. Abbiamo già notificato noi l'errore al Garante. {IT}", True),
        ("it", f"Ci dispiace. Ho trasmesso io il caso alla responsabile privacy. {IT}", True),
        # A step owed is no step taken.
        ("it", f"Ci dispiace. L'errore andava segnalato. {IT}", False),
    ],
)
def test_a_step_taken_towards_an_authority_is_a_next_step(
    check: Check, language: str, text: str, stepped: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "facts": _facts(language)})
    assert ("structure.next_step" not in got) is stepped


@pytest.mark.parametrize(
    ("language", "text", "announced"),
    [
        ("en", f"The screen is off. We'll post a proper update here at 14:00 CET. {EN}", True),
        ("en", f"The screen is off. We'll share a short written statement by 14:00 CET. {EN}",
         True),
        ("it", f"La schermata è spenta. Pubblichiamo un nuovo comunicato alle 14:00. {IT}", True),
        # An update with no time says nothing of when.
        ("en", f"The screen is off. We'll post a proper update here soon. {EN}", False),
    ],
)  # fmt: skip
def test_an_update_with_a_word_before_its_noun_is_the_next_update(
    check: Check, language: str, text: str, announced: bool
) -> None:
    got = findings(check, text, {"kind": "holding_statement", "facts": _facts(language)})
    assert ("structure.next_update" not in got) is announced


@pytest.mark.parametrize(
    ("language", "text", "thanked"),
    [
        ("en", f"The screen is back on. We thank the members who flagged it. {EN}", True),
        ("en", f"The screen is back on. I would also like to thank the Club members. {EN}", True),
        ("it", f"La schermata è di nuovo attiva. Ringrazio i soci che l'hanno segnalato. {IT}",
         True),
        # Thanks owed to us are not ours to give.
        ("en", f"The screen is back on. Nobody thanked us for the fix. {EN}", False),
    ],
)  # fmt: skip
def test_thanks_said_by_us_to_anyone_named_thank(
    check: Check, language: str, text: str, thanked: bool
) -> None:
    got = findings(check, text, {"kind": "resolution_update", "facts": _facts(language)})
    assert ("structure.thank" not in got) is thanked


@pytest.mark.parametrize(
    ("language", "text", "acknowledged"),
    [
        ("en", f"We're sorry. We've reported the breach to the authority. {EN}", True),
        ("it", f"Ci dispiace. Abbiamo segnalato la violazione all'autorità. {IT}", True),
        # An apology alone names nothing.
        ("en", f"We're sorry. We'll write to you again at 14:00 CET. {EN}", False),
    ],
)
def test_a_data_incident_named_by_its_noun_acknowledges_it(
    check: Check, language: str, text: str, acknowledged: bool
) -> None:
    got = findings(check, text, {"kind": "apology", "post_text": "???"})
    assert ("structure.acknowledge" not in got) is acknowledged


# --- grounding: promises --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "promised"),
    [
        ("en", f"We're sorry. We'll add 200 points to your Club account. {EN}", True),
        ("en", f"We're sorry. Here's a voucher for your next order. {EN}", True),
        ("it", f"Ci dispiace. Ti accrediteremo dei punti sul tuo account. {IT}", True),
        ("it", f"Ci dispiace. Ti daremo un buono per il prossimo ordine. {IT}", True),
        # What the facts do grant stays grounded.
        ("en", f"We're sorry. We'll post the next update at 14:00 CET. {EN}", False),
    ],
)
def test_a_grant_the_facts_deny_in_any_tense_rules_out_what_it_names(
    check: Check, language: str, text: str, promised: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": _facts(language)})
    assert ("grounding.promise" in got) is promised


GOODWILL = ["Parcel lost by the courier; a new one ships on Monday.",
            "The agent may offer a 10 EUR voucher as a goodwill gesture."]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "text", "facts", "promised"),
    [
        ("en", f"We're sorry. We'd like to post you a box of our candles as an apology. {EN}",
         LEAK, True),
        ("en", f"We're sorry about the screen. As a small token we'll courier you a candle. "
               f"{EN}", LEAK, True),
        ("it", f"Ci dispiace. Per scusarci ti mandiamo una scatola di candele. {IT}", LEAK_IT,
         True),
        # A gesture with nothing handed over gives nothing; one the facts grant is grounded.
        ("en", f"We're sorry. To say sorry properly, we'll explain what went wrong at 14:00 "
               f"CET. {EN}", LEAK, False),
        ("en", f"Sorry about the parcel. As a goodwill gesture we'll send you a voucher. {EN}",
         GOODWILL, False),
    ],
)  # fmt: skip
def test_whatever_is_handed_over_as_a_gesture_is_a_gift(
    check: Check, language: str, text: str, facts: list[str], promised: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": facts})
    assert ("grounding.promise" in got) is promised


@pytest.mark.parametrize(
    ("language", "text", "promised"),
    [
        ("en", f"We're sorry. We'll donate the month's profits to a privacy charity. {EN}", True),
        ("it", f"Ci dispiace. Devolveremo il ricavato a un'associazione. {IT}", True),
        ("en", f"We're sorry. We'll erase your whole order history within a day. {EN}", True),
        ("it", f"Ci dispiace. Elimineremo il tuo profilo Club entro domani. {IT}", True),
        # Deleting a post or a comment erases none of the customer's data.
        ("en", f"We're sorry. We'll delete that duplicate comment. {EN}", False),
    ],
)
def test_money_given_to_a_cause_and_data_erased_are_promises(
    check: Check, language: str, text: str, promised: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": _facts(language)})
    assert ("grounding.promise" in got) is promised


@pytest.mark.parametrize(
    ("language", "text", "promised"),
    [
        ("en", f"Thanks for your patience, and we would love to credit you some points. {EN}",
         True),
        ("en", f"Every member who shopped on Monday morning receives a voucher. {EN}", True),
        ("it", f"Grazie. Ti ho appena messo sull'account un buono. {IT}", True),
        ("it", f"Grazie. Le abbiamo caricato dei punti sul profilo. {IT}", True),
        ("it", f"Grazie. Entro venerdì regaleremo un buono a tutti i soci. {IT}", True),
        # An offer refused, a feeling and what we will not do promise nothing.
        ("en", f"Thanks for your patience, and we'd love to explain more at 14:00 CET. {EN}",
         False),
        ("it", f"Grazie. Ti abbiamo deluso, lo sappiamo. {IT}", False),
        ("it", f"Grazie. Non regaleremo buoni per l'errore. {IT}", False),
    ],
)  # fmt: skip
def test_shared_subjects_relative_clauses_and_italian_grants_are_read_as_promises(
    check: Check, language: str, text: str, promised: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": _facts(language)})
    assert ("grounding.promise" in got) is promised


@pytest.mark.parametrize(
    ("language", "text", "promised"),
    [
        ("it", f"Ci dispiace. Non daremo punti per rimediare: non sarebbe serio. {IT}", False),
        ("en", f"We're sorry. There will be no voucher to make up for it. {EN}", False),
        # The concept affirmed after a denied one is still promised.
        ("it", f"Ci dispiace. Ti daremo un buono per rimediare. {IT}", True),
    ],
)
def test_what_a_clause_denies_is_not_promised(
    check: Check, language: str, text: str, promised: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": _facts(language)})
    assert ("grounding.promise" in got) is promised


@pytest.mark.parametrize(
    ("language", "text", "promised"),
    [
        ("it", f"Fatto. Ti arriverà un messaggio di conferma entro un'ora. {IT}", False),
        ("en", f"Done. A confirmation text will reach you shortly. {EN}", False),
        # Goods that reach the customer are delivered.
        ("it", f"Fatto. Ti arriverà una tazza in omaggio. {IT}", True),
    ],
)
def test_a_message_that_reaches_the_customer_is_no_delivery(
    check: Check, language: str, text: str, promised: bool
) -> None:
    got = findings(
        check, text, {"kind": "dm_followup", "channel": "chat", "facts": _facts(language)}
    )
    assert ("grounding.promise" in got) is promised


# --- grounding: causes ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "caused"),
    [
        ("en", f"The app showed other orders, almost certainly via a faulty cache layer. {EN}",
         True),
        ("en", f"Sorry. Probably, in the holiday scramble, someone merged untested code. {EN}",
         True),
        ("en", f"Sorry. It seems a caching flag was flipped by a contractor. {EN}", True),
        ("it", f"L'app ha mostrato altri ordini, quasi certamente tramite una cache difettosa. "
               f"{IT}", True),
        ("it", f"Ci dispiace. Forse, nella corsa di dicembre, qualcuno ha unito codice non "
               f"testato. {IT}", True),
        # A hedged time or a hedged next step gives no cause.
        ("en", f"Sorry. We'll post again, most likely by 14:00 CET. {EN}", False),
        ("it", f"Ci dispiace. Vi aggiorniamo, probabilmente alle 14:00. {IT}", False),
    ],
)  # fmt: skip
def test_a_guess_after_a_comma_an_aside_or_as_a_route_gives_a_cause(
    check: Check, language: str, text: str, caused: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": _facts(language)})
    assert ("grounding.cause" in got) is caused


@pytest.mark.parametrize(
    ("text", "caused"),
    [
        # The cause restates the facts; what the sentence says after it is not part of it.
        (f"We switched the screen off, because the morning's app release showed other members' "
         f"orders, and that's what we're reviewing. {EN}", False),
        (f"We switched the screen off, because a rogue intern pushed a hotfix, and that's "
         f"what we're reviewing. {EN}", True),
    ],
)  # fmt: skip
def test_a_cause_ends_where_the_sentence_points_back(check: Check, text: str, caused: bool) -> None:
    got = findings(check, text, {"kind": "reply", "facts": LEAK})
    assert ("grounding.cause" in got) is caused


@pytest.mark.parametrize(
    ("facts", "caused"),
    [
        # The facts name passwords and cards only to deny them.
        (["Orders from other members were shown. No passwords or card numbers were shown, and "
          "the cause is a cache setting."], True),
        (["Orders from other members were shown because a card password cache was shared."],
         False),
    ],
)  # fmt: skip
def test_what_the_facts_deny_supports_no_cause(
    check: Check, facts: list[str], caused: bool
) -> None:
    text = f"Sorry. It was caused by a shared card password cache. {EN}"
    assert ("grounding.cause" in findings(check, text, {"kind": "reply", "facts": facts})) is caused


@pytest.mark.parametrize(
    ("language", "text", "acknowledged"),
    [
        ("en", f"Sorry if this alarmed you! Your password was never exposed. {EN}", False),
        ("en", f"Sorry if this alarmed you! Your details were not affected at all. {EN}", False),
        ("it", f"Ci dispiace se ti sei allarmato! I tuoi dati non sono stati coinvolti. {IT}",
         False),
        ("it", f"Ci dispiace se ti sei allarmato! La tua password non è mai stata esposta. {IT}",
         False),
        # What went wrong, said with a negation, still says what happened.
        ("en", f"Sorry if this alarmed you! Your order history was shown to another member. "
               f"{EN}", True),
        ("en", f"Sorry if this alarmed you! Your parcel was never delivered. {EN}", True),
    ],
)  # fmt: skip
def test_a_harm_denied_acknowledges_nothing(
    check: Check, language: str, text: str, acknowledged: bool
) -> None:
    post = "was my password leaked??" if language == "en" else "mi avete rubato la password??"
    got = findings(check, text, {"kind": "apology", "post_text": post})
    assert ("structure.acknowledge" not in got) is acknowledged


# --- grounding: figures ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "grounded"),
    [
        # The policy's opening hours (08:00-22:00), whatever the service is called.
        ("en", f"Sorry. You can find our people on WhatsApp from 08:00 to 22:00 CET. {EN}", True),
        ("it", f"Ci dispiace. Ci trovi sul sito dalle 08:00 alle 22:00. {IT}", True),
        # One figure of it alone, or a range the policy doesn't give, is not the opening hours.
        ("en", f"Sorry. You can find our people on WhatsApp from 08:00 to 23:00 CET. {EN}",
         False),
        ("en", f"Sorry. You can find our people on WhatsApp until 22:00 tonight. {EN}", False),
    ],
)  # fmt: skip
def test_two_figures_of_a_standing_fact_together_restate_it(
    check: Check, language: str, text: str, grounded: bool
) -> None:
    got = findings(check, text, {"kind": "reply", "facts": _facts(language)})
    assert ("grounding.datetime" not in got) is grounded


@pytest.mark.parametrize(
    ("language", "text", "grounded"),
    [
        # How long it lasted, without a number: the facts give 09:10-11:25, no "few minutes".
        ("en", f"Sorry. The screen was open to others for only a few minutes. {EN}", False),
        ("it", f"Ci dispiace. La schermata è rimasta visibile pochi minuti. {IT}", False),
        ("en", f"Sorry. The glitch lasted a couple of days. {EN}", False),
        # A length the facts' dates give, in round words, is theirs ("for a few days": 7 to 10).
        ("en", f"Sorry. The complaints ran for a few days. {EN}", True),
        # Waiting a few minutes, or an e-mail in a few minutes, claims no length of the incident.
        ("en", f"Sorry. Please wait a few minutes and open the app again. {EN}", True),
    ],
)  # fmt: skip
def test_how_long_something_lasted_without_a_number_is_a_duration(
    check: Check, language: str, text: str, grounded: bool
) -> None:
    facts = _facts(language)
    if "complaints" in text:
        facts = [*facts, "Members wrote to us from Monday 7 to Thursday 10 December 2026."]
    got = findings(check, text, {"kind": "reply", "facts": facts})
    assert ("grounding.duration" not in got) is grounded


@pytest.mark.parametrize(
    ("language", "text", "grounded"),
    [
        ("en", f"Sorry. Orders from 3 to 6 December were shown. {EN}", True),
        ("it", f"Ci dispiace. Gli ordini tra giovedì 3 e domenica 6 dicembre erano visibili. {IT}",
         True),
        # A first day the facts don't give is a date made up.
        ("en", f"Sorry. Orders from 1 to 6 December were shown. {EN}", False),
    ],
)  # fmt: skip
def test_the_first_day_of_a_range_shares_the_month_of_the_last(
    check: Check, language: str, text: str, grounded: bool
) -> None:
    facts = (
        ["Orders placed between Thursday 3 and Sunday 6 December 2026 were shown to others."]
        if language == "en"
        else ["Gli ordini fatti dal 3 al 6 dicembre 2026 erano visibili ad altri."]
    )
    got = findings(check, text, {"kind": "reply", "facts": facts})
    assert ("grounding.datetime" not in got) is grounded


@pytest.mark.parametrize(
    ("language", "text", "acknowledged"),
    [
        ("en", f"Verdello has switched off the order history screen in the Club app. Next update "
               f"at 14:00 CET. {EN}", False),
        ("en", f"We've disabled the order history screen in the Club app. Next update at 14:00 "
               f"CET. {EN}", False),
        ("it", f"Abbiamo spento la schermata dello storico ordini nell'app Club. Prossimo "
               f"aggiornamento alle 14:00. {IT}", False),
        # What the thing did, in a relative clause, says what went wrong.
        ("en", f"We've disabled the order history screen that showed members other members' "
               f"orders. Next update at 14:00 CET. {EN}", True),
        ("it", f"Abbiamo spento la schermata che mostrava ai soci lo storico ordini di altri "
               f"soci. Prossimo aggiornamento alle 14:00. {IT}", True),
    ],
)  # fmt: skip
def test_our_response_with_us_as_the_subject_acknowledges_nothing(
    check: Check, language: str, text: str, acknowledged: bool
) -> None:
    got = findings(check, text, {"kind": "holding_statement", "facts": _facts(language)})
    assert ("structure.acknowledge" not in got) is acknowledged


@pytest.mark.parametrize(
    ("text", "acknowledged"),
    [
        # "exposing" is the other participle of the problem word "exposed"; "crashed" of
        # "crashing"; "overheated" of "overheating".
        (f"Our Club app went out on Monday with a screen exposing members' towns. {EN}", True),
        (f"The Club app overheated some older phones on Monday. {EN}", True),
        # A word that only ends like a participle names no problem.
        (f"Our Club app went out on Monday with a new screen for members' towns. {EN}", False),
    ],
)
def test_the_other_participle_of_a_problem_word_names_the_problem(
    check: Check, text: str, acknowledged: bool
) -> None:
    got = findings(check, text, {"kind": "holding_statement", "post_text": "???"})
    assert ("structure.acknowledge" not in got) is acknowledged
