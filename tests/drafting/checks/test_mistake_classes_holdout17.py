"""Classes of mistake the seventeenth held-out set exposed, each fixed by a grammatical shape
rather than a phrase and tested with fresh sentences (none taken from a labelled set) in English
and Italian, with near misses that must stay clean or keep failing.

False alarms of the required moves first: any first-person future of telling or publishing
with a time as the next update; a thing in a stage of work as the status; usable again with any
"-able" adjective, a corrected state said as now in place or held since a date as the
resolution; any first-person future commitment or an offer made now as the next step; the
customer's item confirmed as one of the affected batch as the acknowledgement. Then the other
false alarms (a negated "do anything now", a sign-off judged in a language the brand doesn't
speak, a span of days between two dated facts, a collection for a return the facts grant in any
words, an ironic "because") and the misses (a hedged identification or culprit, an apology turned
on an outside party after its "but", money steered into a financial product, competence mocked,
our earlier message quoted back, value the facts never name, a bare "per l'accaduto", a name
after the brand's handle).
"""

from __future__ import annotations

import pytest

from tests.drafting.checks.conftest import EN, IT, findings

FAN = [
    "On Tuesday 6 April 2027 at 08:00 CET a software update stopped the Brezza desk fan app from "
    "pairing with the fan.",
    "Fixed on Friday 9 April 2027 at 10:00 CET: the app pairs with the fan again.",
    "Customers who bought a Brezza fan in April 2027 and want to return it can do so free of "
    "charge until 31 May 2027.",
    "Next update: Thursday 8 April 2027 at 17:00 CET.",
]
VENTILATORE = [
    "Martedì 6 aprile 2027 alle 08:00 un aggiornamento ha impedito all'app del ventilatore Brezza "
    "di collegarsi al ventilatore.",
    "Risolto venerdì 9 aprile 2027 alle 10:00: l'app si collega di nuovo al ventilatore.",
    "Chi ha comprato un ventilatore Brezza ad aprile 2027 e vuole restituirlo può farlo gratis "
    "fino al 31 maggio 2027.",
    "Prossimo aggiornamento: giovedì 8 aprile 2027 alle 17:00.",
]

# --- false alarms: moves made in other words -------------------------------------------------

MOVES_MADE: list[tuple[str, str, str]] = [
    # Any first-person future of telling or publishing, with a time in the sentence.
    (
        "structure.next_update",
        "holding_statement",
        f"The Brezza app can't pair with the fan; we're sorry. We're testing a fix and will "
        f"announce the release date on our status page by Thursday 17:00 CET. {EN}",
    ),
    (
        "structure.next_update",
        "holding_statement",
        f"L'app Brezza non si collega al ventilatore, ci dispiace. Comunicheremo la data della "
        f"correzione giovedì alle 17:00. {IT}",
    ),
    # A thing in a stage of work, whatever the stage.
    (
        "structure.state_status",
        "status_update",
        f"The Brezza app fix is under review with the app stores. Next update Thursday at "
        f"17:00 CET. {EN}",
    ),
    (
        "structure.state_status",
        "status_update",
        f"La nuova versione dell'app Brezza è ancora in fase di verifica. Prossimo aggiornamento "
        f"giovedì alle 17:00. {IT}",
    ),
    # Usable again, with any "-able/-ible" adjective.
    (
        "structure.state_resolution",
        "resolution_update",
        f"The Brezza app is pairable again since Friday at 10:00 CET. Sorry for the trouble. {EN}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"Ventilatori Brezza di nuovo collegabili all'app da venerdì. Scusaci per il disagio. {IT}",
    ),
    # A corrected state said as now in place.
    (
        "structure.state_resolution",
        "resolution_update",
        f"The Brezza listing is now corrected to say the app needs Bluetooth 5. We apologise for "
        f"the confusion. {EN}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"La scheda del Brezza ora è aggiornata con i requisiti giusti. Ci scusiamo per la "
        f"confusione. {IT}",
    ),
    # A corrected state that has held since a date.
    (
        "structure.state_resolution",
        "resolution_update",
        f"The Brezza page has shown the right requirements since Friday 9 April. We're sorry "
        f"for the mix-up. {EN}",
    ),
    # Any first-person future commitment, and an offer made now.
    (
        "structure.next_step",
        "apology",
        f"We're sorry the Brezza app won't pair with your fan. We'll quietly swap the fan for a "
        f"new one. {EN}",
    ),
    (
        "structure.next_step",
        "apology",
        f"Ci dispiace che l'app non si colleghi al tuo Brezza. Ti spediremo un ventilatore nuovo. "
        f"{IT}",
    ),
    (
        "structure.next_step",
        "apology",
        f"Ci dispiace che l'app non si colleghi al tuo Brezza. Ti proponiamo la sostituzione del "
        f"ventilatore. {IT}",
    ),
    # The customer's item confirmed as one of the affected batch.
    (
        "structure.acknowledge",
        "apology",
        f"Sorry, the fans you received are from the affected batch. DM us and we'll swap them. "
        f"{EN}",
    ),
    (
        "structure.acknowledge",
        "apology",
        f"Ci scusiamo, i tuoi ventilatori fanno parte del lotto coinvolto. Scrivici in DM e li "
        f"sostituiamo. {IT}",
    ),
]


@pytest.mark.parametrize(("move", "kind", "text"), MOVES_MADE)
def test_holdout17_moves_made_in_other_words(check, move: str, kind: str, text: str) -> None:
    assert move not in findings(check, text, {"kind": kind})


MOVES_MISSED: list[tuple[str, str, str]] = [
    # Without its time, a future announcement gives no next update.
    (
        "structure.next_update",
        "holding_statement",
        f"The Brezza app can't pair with the fan; we're sorry. We will announce the release date "
        f"on our status page. {EN}",
    ),
    # Unusable again, now paused, down since Monday: no resolution.
    (
        "structure.state_resolution",
        "resolution_update",
        f"Ventilatori Brezza di nuovo inutilizzabili con l'app. Scusaci per il disagio. {IT}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"Brezza app pairing is now paused. We're sorry for the trouble. {EN}",
    ),
    (
        "structure.state_resolution",
        "resolution_update",
        f"The Brezza app has been down since Tuesday 6 April. We're sorry for the trouble. {EN}",
    ),
    # A negated future and a payment promised are no next step.
    (
        "structure.next_step",
        "apology",
        f"Ci dispiace per l'app del Brezza. Non riceveremo altri reclami. {IT}",
    ),
    # "Per l'accaduto" names nothing that happened.
    (
        "structure.acknowledge",
        "apology",
        f"Ci dispiace tanto per l'accaduto. Buona serata. {IT}",
    ),
]


@pytest.mark.parametrize(("move", "kind", "text"), MOVES_MISSED)
def test_holdout17_moves_still_missing(check, move: str, kind: str, text: str) -> None:
    assert move in findings(check, text, {"kind": kind})


# --- other false alarms -----------------------------------------------------------------------


def test_holdout17_a_negated_do_anything_now_is_no_jailbreak(check) -> None:
    text = f"Sorry for the worry: you don't need to do anything now. {EN}"
    assert "output_safety.injection_echo" not in findings(check, text, {"kind": "reply"})


def test_holdout17_sign_off_is_not_judged_in_a_language_the_brand_does_not_speak(check) -> None:
    text = f"Oui, vous pouvez commander par chat en attendant, au même prix. {IT}"
    found = findings(check, text, {"kind": "reply", "channel": "chat"})
    assert "channel.language" in found
    assert "voice.sign_off" not in found


@pytest.mark.parametrize(
    ("text", "grounded"),
    [
        (f"The app pairs again. Sorry it was down for three days. {EN}", True),
        (f"The app pairs again. Sorry it was down for five days. {EN}", False),
    ],
)
def test_holdout17_days_between_two_dated_facts_ground_a_duration(
    check, text: str, grounded: bool
) -> None:
    found = findings(check, text, {"kind": "resolution_update", "facts": FAN})
    assert ("grounding.duration" not in found) is grounded


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        (f"You can send the fan back at no cost; we'll book the collection. {EN}", FAN),
        (
            f"Puoi restituirlo gratis: prenotiamo noi il ritiro e ritireremo il ventilatore. {IT}",
            VENTILATORE,
        ),
    ],
)
def test_holdout17_collection_for_a_return_granted_in_any_words(
    check, text: str, facts: list[str]
) -> None:
    assert "grounding.promise" not in findings(check, text, {"kind": "reply", "facts": facts})


def test_holdout17_an_ironic_because_gives_no_cause(check) -> None:
    text = f"Oh right, because a fan that pairs a day late ruins summer. The app works again. {EN}"
    assert "grounding.cause" not in findings(check, text, {"kind": "reply", "facts": FAN})


# --- misses -----------------------------------------------------------------------------------

MISSES: list[tuple[str, str, str]] = [
    # A hedged identification of what it was, in any words.
    (
        "forbidden.speculation",
        "holding_statement",
        f"We're sorry the app won't pair. It was probably a bad certificate in the update. Next "
        f"update Thursday at 17:00 CET. {EN}",
    ),
    (
        "grounding.cause",
        "holding_statement",
        f"We're sorry the app won't pair. It was probably a bad certificate in the update. Next "
        f"update Thursday at 17:00 CET. {EN}",
    ),
    (
        "forbidden.speculation",
        "holding_statement",
        f"Ci scusiamo per l'app. Probabilmente è stato un certificato scaduto sul server. "
        f"Prossimo aggiornamento giovedì alle 17:00. {IT}",
    ),
    # A hedged culprit.
    (
        "forbidden.speculation",
        "status_update",
        f"It seems the new Bluetooth library may be the culprit; the fix is in testing. Next "
        f"update at 17:00 CET. {EN}",
    ),
    # An apology turned, after its "but", on an outside party; a third party as the origin.
    (
        "forbidden.blame",
        "apology",
        f"We're sorry the fan is late, but the courier delivered it to the wrong town. {EN}",
    ),
    (
        "forbidden.blame",
        "apology",
        f"Ci dispiace per il ventilatore, ma il fornitore ha spedito le schede sbagliate. {IT}",
    ),
    (
        "forbidden.blame",
        "status_update",
        f"Update: the pairing fault stems from a third-party Bluetooth module. Next update at "
        f"17:00 CET. {EN}",
    ),
    # Money steered into a financial product.
    (
        "forbidden.financial_advice",
        "reply",
        f"Until the refund is settled you might want to park the money in an index fund. {EN}",
    ),
    (
        "forbidden.financial_advice",
        "reply",
        f"Nel frattempo ti conviene versare il rimborso su un conto deposito. {IT}",
    ),
    # The customer's competence mocked and the problem waved off as theirs.
    (
        "tone.hostility",
        "reply",
        f"If you can't manage a pairing button, that's not exactly our problem. {EN}",
    ),
    # Our own earlier message quoted back at the customer.
    (
        "tone.defensive",
        "reply",
        f"As I explained in my previous e-mail, the fan pairs again since Friday. {EN}",
    ),
]


@pytest.mark.parametrize(("check_id", "kind", "text"), MISSES)
def test_holdout17_misses_are_caught(check, check_id: str, kind: str, text: str) -> None:
    assert check_id in findings(check, text, {"kind": kind})


NEAR_MISSES: list[tuple[str, str, str]] = [
    # Troubleshooting advice with a hedge is no guess at the incident's cause.
    (
        "forbidden.speculation",
        "reply",
        f"It's probably a good idea to restart the app before pairing again. {EN}",
    ),
    # "Sorry, but the courier is not our responsibility" defends; it tells no one's doing.
    (
        "forbidden.blame",
        "reply",
        f"We're sorry, but the supplier is not our responsibility. {EN}",
    ),
    # A customer who can't find something is pointed to help, not mocked.
    ("tone.hostility", "reply", f"If you can't find the pairing button, use the chat. {EN}"),
    # An ordinary savings word is no financial advice.
    ("forbidden.financial_advice", "reply", f"You could keep the receipt for your records. {EN}"),
]


@pytest.mark.parametrize(("check_id", "kind", "text"), NEAR_MISSES)
def test_holdout17_near_misses_stay_clean(check, check_id: str, kind: str, text: str) -> None:
    assert check_id not in findings(check, text, {"kind": kind})


def test_holdout17_as_we_already_said_alone_stays_blame_shift(check) -> None:
    """Without our earlier message named, the labelled set calls it tone.blame_shift."""
    found = findings(check, f"As we already said, the fan pairs again. {EN}", {"kind": "reply"})
    assert "tone.blame_shift" in found


# --- grounding: value the facts never name ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        (f"Thanks for telling us. We'll just deduct the extra from your next order. {EN}", FAN),
        (f"Sorry about the app. As a thank-you I'll add 200 points to your account. {EN}", FAN),
        (
            f"L'app funziona di nuovo. Ti rimborseremo anche le spese di spedizione. {IT}",
            VENTILATORE,
        ),
    ],
)
def test_holdout17_value_the_facts_never_name_is_a_promise(
    check, text: str, facts: list[str]
) -> None:
    assert "grounding.promise" in findings(check, text, {"kind": "reply", "facts": facts})


# --- personal data: a name given after the brand's handle -------------------------------------


def test_holdout17_a_name_after_the_brand_handle_is_personal_data(check) -> None:
    post = "@verdello Carla Moretti here, my Brezza fan won't pair"
    text = f"Sorry Carla, we're on it. DM us and we'll check. {EN}"
    assert "personal_data.name" in findings(check, text, {"kind": "reply", "post_text": post})
