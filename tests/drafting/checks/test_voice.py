"""voice.*: banned words, sign-off per language, exclamation marks, capitals, tu/Lei."""

from __future__ import annotations

from tests.drafting.checks.conftest import EN, IT, failed


def test_banned_words_in_both_languages(check) -> None:
    report = check(f"We apologise for any inconvenience. Please DM us. {EN}")
    assert (
        next(f for f in report.failures if f.id == "voice.banned_word").evidence == "inconvenience"
    )
    assert "voice.banned_word" in failed(check(f"Ci scusiamo per il disagio. {IT}"))
    assert "voice.banned_word" in failed(
        check(f"Le problematiche sono risolte. {IT}", kind="reply")
    )


def test_sign_off_per_language(check) -> None:
    missing = check("We're sorry your order is late. Please DM us.")
    finding = next(f for f in missing.failures if f.id == "voice.sign_off")
    assert "^Team Verdello" in finding.suggestion
    wrong = check(f"Ci dispiace per il ritardo del tuo ordine. Scrivici in DM. {EN}")
    assert (
        "another language"
        in next(f for f in wrong.failures if f.id == "voice.sign_off").explanation
    )
    assert "voice.sign_off" not in failed(
        check(f"Ci dispiace per il ritardo. Scrivici in DM. {IT}")
    )


def test_exclamation_marks(check) -> None:
    apology = check(f"We're so sorry! Please DM us your order number. {EN}")
    finding = next(f for f in apology.failures if f.id == "voice.exclamation")
    assert finding.severity == "warn" and finding.evidence == "!"
    assert "voice.exclamation" not in failed(check(f"Thanks for the love! {EN}", kind="reply"))
    assert "voice.exclamation" in failed(check(f"Thanks! We love it! {EN}", kind="reply"))
    praise_then_apology = check(f"Thanks for telling us! We're sorry it broke. {EN}", kind="reply")
    assert "voice.exclamation" not in failed(praise_then_apology)


def test_capitals_for_emphasis_but_not_acronyms(check) -> None:
    assert "voice.capitals" in failed(check(f"We are VERY sorry. Please DM us. {EN}", kind="reply"))
    assert "voice.capitals" in failed(check(f"SO sorry. {EN}", kind="reply"))
    assert "voice.capitals" not in failed(
        check(f"Next update by 15:00 CET, see our FAQ. {EN}", kind="reply")
    )


def test_tu_on_social_lei_on_email(check) -> None:
    formal_on_x = check(
        f"Ci dispiace per il ritardo del Suo ordine. La preghiamo di scriverci in DM. {IT}"
    )
    assert failed(formal_on_x) == {"voice.formality"}
    informal_email = check(
        f"Ciao,\n\ngrazie per averci scritto e scusaci per il doppio addebito. "
        f"Il pagamento ti è stato già rimborsato.\n\n{IT}",
        channel="email",
        facts=["Il pagamento è stato rimborsato."],
    )
    assert "voice.formality" in failed(informal_email)
    formal_email = check(
        f"Gentile cliente,\n\nLa ringraziamo per averci scritto e Le chiediamo "
        f"scusa per il doppio addebito. Il pagamento è già stato rimborsato.\n\n"
        f"{IT}",
        channel="email",
        facts=["Il pagamento è stato rimborsato."],
    )
    assert not formal_email.failures
