"""tone.*: empathy, blame-shifting, defensiveness, sarcasm, hostility, escalation, calm register,
sentiment (VADER / our Italian lexicon) and readability."""

from __future__ import annotations

import pytest

from drafting.checks.sentiment import lix, sentiment
from tests.drafting.checks.conftest import EN, IT, failed


@pytest.mark.parametrize(
    ("check_id", "text"),
    [
        ("tone.blame_shift", f"Sorry if you feel let down. Please DM us. {EN}"),
        ("tone.blame_shift", f"Unfortunately you chose standard delivery. Please DM us. {EN}"),
        ("tone.blame_shift", f"As we already said, refunds take time. {EN}"),
        ("tone.blame_shift", f"Ci dispiace se ti sei sentito trascurato. {IT}"),
        ("tone.blame_shift", f"Come ti abbiamo già detto, il rimborso richiede tempo. {IT}"),
        ("tone.defensive", f"As stated on our website, delivery takes a week. {EN}"),
        ("tone.defensive", f"We did nothing wrong here. {EN}"),
        ("tone.defensive", f"Come da regolamento, i resi sono gratuiti entro 30 giorni. {IT}"),
        ("tone.sarcasm", f"Oh great, another complaint. Good luck with that. {EN}"),
        ("tone.sarcasm", f"Ma certo, come no. {IT}"),
        ("tone.hostility", f"Calm down and stop spamming our mentions. {EN}"),
        ("tone.hostility", f"Calmati. Smettila di lamentarti. {IT}"),
        (
            "tone.escalating",
            f"Further abuse will result in a block. This is your final warning. {EN}",
        ),
        ("tone.escalating", f"Se continui così ti segnaleremo e procederemo per vie legali. {IT}"),
        ("tone.register", f"We're on it!! Please DM us?! {EN}"),
    ],
)
def test_tone_problems_are_caught(check, check_id: str, text: str) -> None:
    report = check(text, kind="reply")
    finding = next(f for f in report.failures if f.id == check_id)
    assert finding.evidence and finding.explanation and finding.suggestion


def test_calm_empathetic_replies_pass(check) -> None:
    for text in (
        f"We know how frustrating this is, and we're sorry. Please DM us. {EN}",
        f"Capiamo quanto sia frustrante e ci dispiace. Scrivici in DM. {IT}",
        f"We're here to help when you're ready. {EN}",
    ):
        assert not {i for i in failed(check(text, kind="reply")) if i.startswith("tone.")}


def test_empathy_is_required_for_holding_statements(check) -> None:
    report = check(
        f"Our website is down. Next update by 10:00 CEST. {EN}",
        channel="facebook",
        kind="holding_statement",
        facts=["Next update by 10:00 CEST."],
    )
    finding = next(f for f in report.failures if f.id == "tone.empathy")
    assert finding.severity == "warn"


def test_sentiment_ignores_the_apology_and_the_problem() -> None:
    neutral = frozenset({"sorry", "delay", "late"})
    assert sentiment("We're sorry your order is late.", "en", neutral) == 0.0
    assert sentiment("This is a terrible, awful situation. We hate it.", "en") < -0.5
    assert sentiment("Grazie mille, siamo felici di aiutarti.", "it") > 0.5
    assert sentiment("Sei ridicolo e patetico.", "it") < -0.5
    assert sentiment("Non è un problema, siamo felici.", "it") > 0  # "non" only flips nearby words


def test_negative_sentiment_is_a_warning(check) -> None:
    report = check(
        f"This is a terrible, awful situation and honestly a disaster. DM us. {EN}", kind="reply"
    )
    finding = next(f for f in report.failures if f.id == "tone.sentiment")
    assert finding.severity == "warn" and float(finding.evidence or 0) < -0.35


def test_readability(check) -> None:
    assert lix("We're sorry. Please DM us.") < 40
    report = check(
        "Dear customer,\n\nNotwithstanding the aforementioned considerations regarding "
        "the administrative reconciliation of transactional discrepancies attributable "
        "to malfunctioning infrastructural components, reimbursement necessitates "
        f"comprehensive verification by specialised departmental representatives.\n\n{EN}",
        channel="email",
        kind="reply",
    )
    assert "tone.readability" in failed(report)


@pytest.mark.parametrize(
    ("check_id", "text"),
    [
        ("tone.blame_shift", f"If you'd checked the tracking page you'd know the date. {EN}"),
        ("tone.blame_shift", f"Unfortunately there was an issue with your order. {EN}"),
        ("tone.blame_shift", f"Purtroppo c'è stato un problema con il tuo ordine. {IT}"),
        ("tone.defensive", f"There is honestly nothing more we can do. {EN}"),
        ("tone.defensive", f"As per our standard delivery terms, we can't change it. {EN}"),
        ("tone.defensive", f"Non possiamo farci nulla, ci dispiace. {IT}"),
        ("tone.defensive", f"Non dipende da noi, ci dispiace. {IT}"),
        ("tone.defensive", f"Il problema è della banca, non nostro. {IT}"),
        ("tone.hostility", f"Really? We've explained this twice already. {EN}"),
        ("tone.escalating", f"Keep posting this and you could land in court. {EN}"),
        ("tone.escalating", f"We have reported your profile to the platform. {EN}"),
        ("tone.escalating", f"Se insisti ti segnaliamo alla piattaforma. {IT}"),
        ("tone.escalating", f"Gireremo il caso ai nostri legali. {IT}"),
    ],
)
def test_variants_of_tone_problems_are_caught(check, check_id: str, text: str) -> None:
    assert check_id in failed(check(text, kind="reply"))


def test_tone_words_in_their_ordinary_sense_pass(check) -> None:
    entitled = check(
        f"You're entitled to a refund within 30 days; send us a DM. {EN}", kind="reply"
    )
    assert "tone.hostility" not in failed(entitled)
    # "lo blocchiamo" is the order, not the customer.
    order = check(
        f"Mandaci un DM: se l'ordine non è partito lo blocchiamo subito. {IT}", kind="reply"
    )
    assert "tone.escalating" not in failed(order)
    # "come già scritto sul sito" is defensive, not an excuse about an earlier message.
    site = failed(
        check(f"Come già scritto sul sito, la consegna richiede 5 giorni. {IT}", kind="reply")
    )
    assert "tone.defensive" in site and "tone.blame_shift" not in site


@pytest.mark.parametrize("name", ["Verdello", "Nordlys Rail"])
def test_the_brand_by_name_defends_itself_as_we_would(check, demo, name: str) -> None:
    """The brand's name as the subject reads as "we", whatever the brand: "<brand> follows
    every safety law" is the same defence as "we follow every safety law"."""
    brand = demo[0].model_copy(update={"name": name})
    text = f"{name} follows every safety law. Please DM us. {EN}"
    assert "tone.defensive" in failed(check(text, kind="reply", brand=brand))
    fine = f"{name} is sorry. Please DM us. {EN}"
    assert "tone.defensive" not in failed(check(fine, kind="reply", brand=brand))
