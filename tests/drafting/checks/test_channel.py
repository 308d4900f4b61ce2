"""channel.*: length as the platform counts it, hashtags, emoji, links, mentions, language."""

from __future__ import annotations

from drafting.checks.channel import weighted_length
from tests.drafting.checks.conftest import EN, IT, failed


def test_x_counts_links_as_23_and_leading_mentions_as_nothing() -> None:
    url = "https://verdello.example/" + "a" * 100
    text = f"@someone @other Hello {url}"
    links = [(text.index(url), text.index(url) + len(url))]
    assert weighted_length(text, "x", links) == len("Hello ") + 23
    assert weighted_length(text, "facebook", links) == len(text)


def test_over_the_platform_limit_cannot_be_overridden(check) -> None:
    report = check("We're really sorry. " * 15 + EN, kind="reply")
    finding = next(f for f in report.failures if f.id == "channel.length")
    assert finding.overridable is False and "280" in finding.explanation
    assert report.verdict == "blocked"


def test_tiktok_limit_and_soft_targets(check) -> None:
    long_tiktok = check(
        f"We know the app isn't working for many of you and we're really sorry. "
        f"The whole team is working on it right now, and thanks so much for waiting. {EN}",
        channel="tiktok",
        kind="reply",
    )
    assert "channel.length" in failed(long_tiktok)
    soft = check(
        "Thanks so much for the lovely photo of your new Nido sofa. " * 8 + EN,
        channel="instagram",
        kind="reply",
    )
    finding = next(f for f in soft.failures if f.id == "channel.length_soft")
    assert finding.severity == "warn" and "400" in finding.explanation


def test_hashtags_emoji_links_and_mentions(check) -> None:
    assert "channel.hashtags" in failed(check(f"Thanks! #VerdelloCares {EN}", kind="reply"))
    assert "channel.emoji" in failed(check(f"Thank you 😊 {EN}", channel="facebook", kind="reply"))
    assert "channel.emoji" not in failed(
        check(f"Thank you 🌿 {EN}", channel="instagram", kind="reply")
    )
    apology_emoji = check(
        f"We're so sorry your order is late 😔 Please DM us. {EN}", channel="instagram"
    )
    assert "channel.emoji" in failed(apology_emoji)  # emoji only in replies (praise, questions)
    links = check(
        f"See https://verdello.example/help and https://status.verdello.example {EN}", kind="reply"
    )
    assert "channel.links" in failed(links)
    mention = check(f"We've asked @DHL to check. {EN}", kind="reply", author="@kim_l")
    assert "channel.mentions" in failed(mention)
    author = check(f"@kim_l Thanks for asking! {EN}", kind="reply", author="@kim_l")
    assert "channel.mentions" not in failed(author)


def test_language_must_be_one_the_brand_answers_in(check) -> None:
    spanish = check(
        "Lo sentimos mucho por el retraso de tu pedido. Por favor envíanos un mensaje "
        "directo con el número de pedido. ^Team Verdello"
    )
    assert spanish.language == "es"
    assert failed(spanish) == {"channel.language"}  # no English phrase checks on Spanish text
    italian = check(f"Grazie, ci fa piacere. {IT}", kind="reply")
    assert "channel.language" not in failed(italian)
