"""language_of: en and it supported, es/fr/de/pt recognised as unsupported, short text unknown."""

from __future__ import annotations

import pytest

from drafting.language import SUPPORTED_LANGUAGES, is_supported, language_of


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We're sorry your order is late. Please send us a DM and we'll check it.", "en"),
        ("Ci dispiace per il ritardo del tuo ordine. Scrivici in DM e controlliamo subito.", "it"),
        ("Lo sentimos mucho por el retraso de tu pedido, por favor escríbenos.", "es"),
        ("Nous sommes désolés pour le retard de votre commande.", "fr"),
        ("Es tut uns leid, dass Ihre Bestellung noch nicht da ist.", "de"),
        ("Pedimos desculpa pelo atraso do seu pedido, você pode nos escrever.", "pt"),
        # Short Italian with the words it shares with English ("i", "in"): still Italian.
        ("Magari la prossima volta i biglietti si prendono prima? Rimborso in arrivo.", "it"),
        ("Sorry, I will check it in a minute and get back to you.", "en"),
        # A hyphenated word is one word ("e-mail" is not the Italian "e"), and French is read
        # from its own function words even when signed off in Italian.
        (
            "Oui, la tombola est bien réelle. Chaque gagnant recevra un e-mail avant le jeudi "
            "à midi. ^Il team Brand",
            "fr",
        ),
        ("You'll get an e-mail with your refund by Friday.", "en"),
        ("Riceverai un'e-mail con il rimborso entro venerdì.", "it"),
        ("@user https://example.com #tag", "other"),
        ("", "other"),
    ],
)
def test_language_of(text: str, language: str) -> None:
    assert language_of(text) == language


def test_supported() -> None:
    assert SUPPORTED_LANGUAGES == ("en", "it")
    assert is_supported("it") and not is_supported("es")
