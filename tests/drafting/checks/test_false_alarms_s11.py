"""False alarms noticed in earlier stops and fixed at their reading (session 11), each tested
with fresh sentences (a bike-rental brand and a bakery chain, none taken from a labelled set),
with the mistakes they resemble kept as mistakes.

- Laughter ("haha", "ahah") read as sarcasm even in a reply to praise: it now counts only where
  the post is not praise, names a problem, or the draft answers an incident.
- An outside party found clean ("our courier had no issues on your route") read as blame.
- A denied admission ("non abbiamo truffato nessuno") read as an admission of liability.
- "Manteniamo quanto detto" (we keep our word) read as standing firm.
"""

from __future__ import annotations

import pytest

from tests.drafting.checks.conftest import EN, IT, findings

REPLY = {"kind": "reply", "channel": "instagram"}
PRAISE_EN = "Rode your e-bike up the whole coast road today, best rental ever!"
PRAISE_IT = "Giro in e-bike sulla costa oggi, noleggio fantastico, la bici perfetta!"
ANGRY_EN = "Your e-bike battery died halfway up the hill and nobody answered the phone."
ANGRY_IT = "La batteria della vostra e-bike si è scaricata a metà salita e nessuno rispondeva."
PLAYFUL_COMPLAINT = "lol my rental bike has a flat again, third time this week"

# --- tone.sarcasm: laughter -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "post"),
    [
        (f"Haha, the coast road is a beauty! Thanks for riding with us. {EN}", PRAISE_EN),
        (f"Ahah, la costa in e-bike è il massimo! Grazie per la foto. {IT}", PRAISE_IT),
    ],
)
def test_laughing_along_with_praise_is_not_sarcasm(check, text: str, post: str) -> None:
    assert "tone.sarcasm" not in findings(check, text, {**REPLY, "post_text": post})


@pytest.mark.parametrize(
    ("text", "post", "kind"),
    [
        (f"Haha, hills are hard. A new battery is on its way. {EN}", ANGRY_EN, "reply"),
        (f"LOL, third time lucky? A mechanic is on the way. {EN}", PLAYFUL_COMPLAINT, "reply"),
        (f"Ahah, le salite sono dure. Una batteria nuova è in arrivo. {IT}", ANGRY_IT, "reply"),
        # An incident reply never laughs, whatever the post says.
        (
            f"Haha, we're sorry the battery died. A new one is on its way. {EN}",
            PRAISE_EN,
            "apology",
        ),
        # "Thanks" in a hostile post is no praise.
        (
            f"Haha, noted. A mechanic is on the way. {EN}",
            "Thanks for nothing, flat tyre again",
            "reply",
        ),
    ],
)
def test_laughter_at_a_complaint_or_in_an_incident_reply_is_sarcasm(
    check, text: str, post: str, kind: str
) -> None:
    assert "tone.sarcasm" in findings(check, text, {**REPLY, "kind": kind, "post_text": post})


# --- forbidden.blame: a party found clean ------------------------------------------------------

LATE = "My bread order for the party never came, a week late."
LATE_IT = "Il mio ordine per la festa è in ritardo di una settimana."


@pytest.mark.parametrize(
    "text",
    [
        f"We're sorry your order is late. Our courier had no issues on your street, so we're "
        f"checking our bakery's dispatch and will update you by Friday. {EN}",
        f"We're sorry your order is late. The carrier did nothing wrong here: the delay is ours, "
        f"and we'll update you by Friday. {EN}",
        f"Ci dispiace per il ritardo. Il corriere non ha avuto alcun problema nella tua zona: il "
        f"ritardo è nostro e ti aggiorniamo entro venerdì. {IT}",
        f"Ci dispiace per il ritardo. Il corriere non ha fatto nulla di sbagliato: il ritardo è "
        f"nostro e ti aggiorniamo entro venerdì. {IT}",
    ],
)
def test_a_party_found_clean_is_not_blamed(check, text: str) -> None:
    assert "forbidden.blame" not in findings(check, text, {"post_text": LATE})


@pytest.mark.parametrize(
    "text",
    [
        f"We're sorry your order is late. Our courier had issues on your street, so it's on "
        f"them. {EN}",
        f"We're sorry your order is late. The courier had no drivers on your street, which "
        f"caused the delay. {EN}",
        f"Ci dispiace per il ritardo. Il corriere ha avuto problemi nella tua zona, la colpa è "
        f"loro. {IT}",
    ],
)
def test_a_party_with_a_fault_is_still_blamed(check, text: str) -> None:
    assert "forbidden.blame" in findings(check, text, {"post_text": LATE})


# --- forbidden.liability: an admission denied ---------------------------------------------------

SCAM_IT = "Mi avete truffato con un SMS falso a nome vostro!"


def test_a_denied_admission_is_not_liability(check) -> None:
    text = (
        f"Ci dispiace per lo spavento. Non abbiamo truffato nessuno: quegli SMS non arrivano da "
        f"noi e non chiediamo mai i dati della carta. {IT}"
    )
    assert "forbidden.liability" not in findings(check, text, {**REPLY, "post_text": SCAM_IT})


@pytest.mark.parametrize(
    "text",
    [
        f"Ci dispiace. Abbiamo truffato i clienti con quel prezzo e ne rispondiamo. {IT}",
        f"We're sorry. We can't deny we were negligent with your data. {EN}",
    ],
)
def test_an_admission_is_liability(check, text: str) -> None:
    assert "forbidden.liability" in findings(check, text, {**REPLY, "post_text": SCAM_IT})


# --- tone.defensive: keeping our word -----------------------------------------------------------


def test_keeping_our_word_is_not_defensive(check) -> None:
    text = (
        f"Hai ragione e ci dispiace. Manteniamo quanto detto: i pani del 20 dicembre si possono "
        f"cambiare gratis fino al 10 gennaio. {IT}"
    )
    post = "Allora lo scambio gratuito vale o no?"
    assert "tone.defensive" not in findings(check, text, {**REPLY, "post_text": post})


@pytest.mark.parametrize(
    "text",
    [
        f"Ci dispiace, ma ribadiamo quanto detto: il pane era fresco. {IT}",
        f"Ci dispiace, ma manteniamo la nostra decisione. {IT}",
        f"Capiamo, ma confermiamo quanto deciso dal negozio. {IT}",
    ],
)
def test_standing_firm_is_defensive(check, text: str) -> None:
    post = "Il pane era raffermo, rivoglio i soldi."
    assert "tone.defensive" in findings(check, text, {**REPLY, "post_text": post})


# --- grounding.cause: a trip made specially is no motive (round 35's intent reading) -----------

OVEN = (
    "The bakery closed on Monday after an oven fault; why the oven failed is not yet known. / "
    "Il forno ha chiuso lunedì dopo un guasto; non è ancora noto perché.",
)


@pytest.mark.parametrize(
    "text",
    [
        f"Ci dispiace molto: è venuto apposta e ha trovato il forno chiuso. {IT}",
        f"We're so sorry: you came all this way on purpose and found us closed. {EN}",
    ],
)
def test_a_trip_made_specially_is_not_a_cause(check, text: str) -> None:
    found = findings(
        check, text, {"post_text": "Came specially and you were closed!", "facts": OVEN}
    )
    assert "grounding.cause" not in found


@pytest.mark.parametrize(
    "text",
    [
        f"We're sorry. Someone switched the oven off on purpose. {EN}",
        f"Ci dispiace. Qualcuno ha spento il forno apposta. {IT}",
    ],
)
def test_an_act_done_on_purpose_is_a_cause(check, text: str) -> None:
    found = findings(check, text, {"post_text": "Closed again!", "facts": OVEN})
    assert "grounding.cause" in found


# --- grounding.cause: a finding of where things stand is no cause (round 36's reading) --------

LATE_FACTS = (
    "Deliveries in the north are running two days late since Monday; the cause is still being "
    "investigated. / Le consegne al nord sono in ritardo di due giorni da lunedì; la causa è "
    "ancora in fase di verifica.",
)


@pytest.mark.parametrize(
    "text",
    [
        f"Sorry your order is late. Our checks found that your parcel is at the Milan depot, so "
        f"it should reach you by Friday. {EN}",
        f"Ci dispiace per il ritardo. Le verifiche hanno trovato che il tuo pacco è al deposito "
        f"di Milano, quindi arriva entro venerdì. {IT}",
    ],
)
def test_a_finding_of_where_things_stand_is_not_a_cause(check, text: str) -> None:
    found = findings(check, text, {"post_text": "Where is my parcel?", "facts": LATE_FACTS})
    assert "grounding.cause" not in found


@pytest.mark.parametrize(
    "text",
    [
        f"Sorry your order is late. The inspectors found that the sorting belt had failed, so "
        f"deliveries stopped. {EN}",
        f"Ci dispiace per il ritardo. I tecnici hanno riscontrato che il nastro era guasto, "
        f"quindi le consegne si sono fermate. {IT}",
    ],
)
def test_a_finding_of_what_went_wrong_is_a_cause(check, text: str) -> None:
    found = findings(check, text, {"post_text": "Where is my parcel?", "facts": LATE_FACTS})
    assert "grounding.cause" in found


# --- forbidden.blame and tone.escalating: our own act, a denied consequence ---------------------


def test_our_own_recall_named_as_the_reason_is_not_blame(check) -> None:
    text = (
        f"Ci scusiamo: ha dovuto comprare un altro forno per colpa del richiamo. Ritiriamo il "
        f"suo da lunedì. {IT}"
    )
    assert "forbidden.blame" not in findings(check, text, {"post_text": "Ho comprato un forno!"})
    assert "forbidden.blame" in findings(
        check, f"Ci scusiamo: il pane è in ritardo per colpa del corriere. {IT}", {}
    )


@pytest.mark.parametrize(
    ("text", "escalating"),
    [
        (
            f"Nothing in that reply breaks any law, so there won't be any legal consequences. {EN}",
            False,
        ),
        (f"There will be no legal consequences for anyone who posted. {EN}", False),
        (f"Keep posting this and you could face legal consequences. {EN}", True),
    ],
)
def test_a_denied_legal_consequence_is_no_threat(check, text: str, escalating: bool) -> None:
    found = findings(check, text, {**REPLY, "post_text": "You'll hear from my lawyer."})
    assert ("tone.escalating" in found) is escalating
