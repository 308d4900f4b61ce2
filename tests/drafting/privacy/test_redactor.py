"""The redactor: typed placeholders in English and Italian, one number per value, values back
only through restore, and ordinary text left alone."""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable
from datetime import date

import pytest

from drafting.privacy import Redaction, Redactor, contains_placeholder, find_placeholders
from drafting.privacy.measure import load_labels, load_posts
from tests.conftest import REPO, TWITTER_DIR

# (text, the personal value that must vanish, the placeholder tag it becomes)
CASES = [
    # e-mails
    ("Email me at anna.rossi+orders@gmail.com please", "anna.rossi+orders@gmail.com", "EMAIL"),
    (
        "scrivetemi a marco dot bianchi at libero dot it",
        "marco dot bianchi at libero dot it",
        "EMAIL",
    ),
    ("my e-mail is chfun1224 [at] nave [dot] com", "chfun1224 [at] nave [dot] com", "EMAIL"),
    # phones: international, Italian mobile and landline, US, UK
    ("Call me on +39 333 123 4567 after six", "+39 333 123 4567", "PHONE"),
    ("chiamatemi al 3331234567", "3331234567", "PHONE"),
    ("il fisso è 02/1234567", "02/1234567", "PHONE"),
    ("Tel. 0039 06 6982 1234", "0039 06 6982 1234", "PHONE"),
    ("US number (294)820-8093x97298 is mine", "(294)820-8093x97298", "PHONE"),
    ("reach me at 267.556.5088", "267.556.5088", "PHONE"),
    ("my mobile: 07700 900123", "07700 900123", "PHONE"),
    ("London office +44 20 7946 0958", "+44 20 7946 0958", "PHONE"),
    ("call 555-0143 tonight", "555-0143", "PHONE"),
    # order numbers: the brand's pattern, generic phrases, tracking codes
    ("Order VD-1234567 never came", "VD-1234567", "ORDER"),
    ("il mio ordine n. 998877 è fermo", "998877", "ORDER"),
    ("order #A12-77819 is missing", "A12-77819", "ORDER"),
    ("tracking number: JJD000123456789", "JJD000123456789", "ORDER"),
    ("UPS 1Z999AA10123456784 stuck", "1Z999AA10123456784", "ORDER"),
    ("booking reference X7KQ92 please", "X7KQ92", "ORDER"),
    # cards: Luhn-valid numbers, fragments, masked digits
    ("card 4111 1111 1111 1111 was charged", "4111 1111 1111 1111", "CARD"),
    ("Visa 4111111111111111 twice", "4111111111111111", "CARD"),
    ("the card ending 1234 was charged twice", "1234", "CARD"),
    ("carta che termina con 9876", "9876", "CARD"),
    ("charged on •••• 4242 again", "•••• 4242", "CARD"),
    ("refund to **** **** **** 5555", "**** **** **** 5555", "CARD"),
    ("CVV 123 and exp 09/27", "123", "CARD"),
    # IBANs (check digits), spaced and compact
    (
        "IBAN IT60 X054 2811 1010 0000 0123 456 per il rimborso",
        "IT60 X054 2811 1010 0000 0123 456",
        "IBAN",
    ),
    ("send it to GB82WEST12345698765432", "GB82WEST12345698765432", "IBAN"),
    # addresses, en and it
    ("I live at 221B Baker Street, London NW1 6XE", "221B Baker Street", "ADDRESS"),
    ("ship to 12 Main St, Springfield", "12 Main St, Springfield", "ADDRESS"),
    ("7631 Johnson Village Suite 690\nAdamsbury, OR 13900", "Adamsbury", "ADDRESS"),
    ("abito in Via Roma 12, 20121 Milano", "Via Roma 12, 20121 Milano", "ADDRESS"),
    ("consegna in Piazza Garibaldi 3, Milano", "Piazza Garibaldi 3", "ADDRESS"),
    ("Corso Vittorio Emanuele II, 21 - 20122 Milano (MI)", "Vittorio Emanuele", "ADDRESS"),
    ("lasciato in via dei Mille 5", "dei Mille 5", "ADDRESS"),
    ("il CAP è 00184", "00184", "ADDRESS"),
    ("PO Box 4471, thanks", "PO Box 4471", "ADDRESS"),
    # names: cues in en and it, titles, relatives, agents, signatures, known first names
    ("Hi, my name is Zephyrine Okonkwo and I'm upset", "Zephyrine Okonkwo", "NAME"),
    ("mi chiamo Gianluigi e sono furioso", "Gianluigi", "NAME"),
    ("Sono Giulia Ferri, cliente da anni", "Giulia Ferri", "NAME"),
    ("I'm Anna Rossi, order still missing", "Anna Rossi", "NAME"),
    ("Mrs. Jane Doe DDS wrote to you", "Jane Doe", "NAME"),
    ("Gentile Sig.ra Esposito, il pacco", "Esposito", "NAME"),
    ("Dott.ssa Ferri non ha ricevuto nulla", "Ferri", "NAME"),
    ("my wife Priya ordered it", "Priya", "NAME"),
    ("ho parlato con l'operatore Luca ieri", "Luca", "NAME"),
    ("Spoke to your agent Sarah yesterday", "Sarah", "NAME"),
    ("Still nothing.\n- Anna", "Anna", "NAME"),
    ("Thanks, Giulia", "Giulia", "NAME"),
    ("hi im joe and i need help", "joe", "NAME"),
    ("Michael called twice and nobody answered", "Michael", "NAME"),
    ("the courier told Francesca to wait", "Francesca", "NAME"),
    ("what's the name on the account? Wojciech Nowak", "Wojciech Nowak", "NAME"),
    # others
    ("@mario_rossi_88 posted it too", "@mario_rossi_88", "HANDLE"),
    ("photos at https://imgur.com/a/Xy12Ab", "https://imgur.com/a/Xy12Ab", "URL"),
    (
        "link: https: //www.youtube.com/channel/UCW97Zu1780HRMZoMMhlW06g",
        "UCW97Zu1780HRMZoMMhlW06g",
        "URL",
    ),
    ("codice fiscale RSSMRA85C12F205X", "RSSMRA85C12F205X", "ID"),
    ("SSN 536-50-0249", "536-50-0249", "ID"),
    ("account number 00012345678", "00012345678", "ID"),
    ("my IP is 192.168.10.24", "192.168.10.24", "IP"),
    ("born on 12/03/1985", "12/03/1985", "DOB"),
    ("sono nata il 3 marzo 1990", "3 marzo 1990", "DOB"),
    # A full date at least 14 years old is personal even without a cue.
    ("It's like that since 1995-11-28", "1995-11-28", "DOB"),
    ("Matthew: hi\nVictoria: You saved my life!", "Victoria", "NAME"),
    # Names with no cue (presidio-evaluator's sentences that leaked before).
    ("It's under my partner's name George French", "French", "NAME"),
    ("Miller and Walters were precision engineers.", "Miller", "NAME"),
    ("Snyder began writing as a teenager.", "Snyder", "NAME"),
    ("This song by ex-Zombie Gangemi is a perfect example.", "Gangemi", "NAME"),
    ("Stop at the corner of Joseph Groves St. and King Shores St.", "King Shores", "ADDRESS"),
]


@pytest.mark.parametrize(("text", "value", "tag"), CASES, ids=[c[0][:40] for c in CASES])
def test_personal_data_becomes_a_typed_placeholder(
    redactor: Redactor, text: str, value: str, tag: str
) -> None:
    out = redactor.redact(text)
    assert value not in out, out
    assert re.search(rf"<{tag}_1>", out), out


# Ordinary customer-care text that must reach the model untouched.
UNTOUCHED = [
    # Recent dates (orders, deliveries, outages) stay: the reply may need them.
    f"The price was 1.299,00 EUR on 12/03/{date.today().year - 1} and I waited from 10:30-12:30.",
    "Windows 10 version 8.5.50.916 shows error 0x30005001 on my Ryzen 5 3600.",
    "I waited 3 weeks by the way, 2 days more than promised.",
    "Grace period ends in May. Will you fix it? Hope this helps!",
    "Customer Service at Google Play told me to try again.",
    "Il divano è arrivato rotto, ci sono voluti 15 giorni. Che schifo!",
    "Ciao, il pacco è in giacenza da lunedì. Grazie comunque.",
    "My Samsung Galaxy S21 broke after 2 days, Black Friday deal.",
    "Sono molto arrabbiata, nessuno risponde al telefono.",
    "Returns are free within 30 days; refund takes up to 5 working days.",
    "I'm so angry! This is Ridiculous.",
    "Wells Fargo and the Smart Sync feature both failed.",
]


@pytest.mark.parametrize("text", UNTOUCHED, ids=[t[:30] for t in UNTOUCHED])
def test_ordinary_text_is_left_alone(redactor: Redactor, text: str) -> None:
    assert redactor.redact(text) == text


def test_one_value_one_placeholder_across_calls(redactor: Redactor) -> None:
    post = redactor.redact("Call me on +39 333 123 4567, I'm Anna Rossi (anna@example.com)")
    thread = redactor.redact("again: +393331234567 or ANNA@example.com. Anna Rossi")
    assert "<PHONE_1>" in post and "<PHONE_1>" in thread
    assert "<EMAIL_1>" in post and "<EMAIL_1>" in thread
    assert "<NAME_1>" in post and "<NAME_1>" in thread
    other = redactor.redact("my other number is 3479876543")
    assert "<PHONE_2>" in other
    assert redactor.counts == {"phone": 2, "email": 1, "name": 1}


def test_a_name_given_once_is_hidden_everywhere_after(redactor: Redactor) -> None:
    redactor.redact("My name is Zephyrine Okonkwo.")
    later = redactor.redact("Okonkwo again: Zephyrine here, still waiting")
    assert "Zephyrine" not in later and "Okonkwo" not in later, later


def test_restore_puts_the_values_back_and_counts_never_hold_them(redactor: Redactor) -> None:
    text = "Hi, I'm Marco Bianchi, order VD-7654321, email marco.b@example.it"
    redacted = redactor.redact(text)
    assert redactor.restore(redacted) == text
    # a model's reply may mangle the brackets; restore still finds them
    assert redactor.restore("Ciao [NAME_1], su <order_1> ti scriviamo a EMAIL_1.") == (
        "Ciao Marco Bianchi, su VD-7654321 ti scriviamo a marco.b@example.it."
    )
    assert redactor.restore("<NAME_9> stays") == "<NAME_9> stays"  # unknown: left alone
    assert redactor.values == {"Marco Bianchi", "VD-7654321", "marco.b@example.it"}
    flat = repr(redactor.counts)
    assert all(v not in flat for v in redactor.values)


def test_redaction_record_holds_types_and_counts(redactor: Redactor) -> None:
    record = redactor.redaction("Mail a@b.it and c@d.it, call 3331234567")
    assert isinstance(record, Redaction)
    assert record.counts == {"email": 2, "phone": 1}
    assert record.placeholders == ("<EMAIL_1>", "<EMAIL_2>", "<PHONE_1>")


def test_redacting_twice_changes_nothing(redactor: Redactor) -> None:
    once = redactor.redact("I'm Anna Rossi, Via Roma 12, 3331234567, anna@example.com")
    assert redactor.redact(once) == once


def test_the_brands_own_contacts_stay(redactor: Redactor) -> None:
    text = (
        "@Verdello please forward to press@verdello.example, see "
        "https://status.verdello.example/incidents/42"
    )
    assert redactor.redact(text) == text
    assert redactor.redact("write to anna@verdello.example.org") != (
        "write to anna@verdello.example.org"
    )


def test_handles_can_be_kept() -> None:
    assert Redactor(redact_handles=False).redact("@mario_rossi thanks") == "@mario_rossi thanks"


def test_contains_placeholder_finds_the_forms_a_model_writes() -> None:
    text = "Hi <NAME_1>, we wrote to [EMAIL_2] and <phone_3>; ORDER_4 too. <nope> NAME_X"
    spans = contains_placeholder(text)
    assert [text[s:e] for s, e in spans] == ["<NAME_1>", "[EMAIL_2]", "<phone_3>", "ORDER_4"]
    assert [c for _, _, c in find_placeholders(text)][2] == "<PHONE_3>"
    assert contains_placeholder("We're sorry, please DM us.") == []


def test_a_few_milliseconds_per_post() -> None:
    posts = [p.text for p in load_posts(TWITTER_DIR)][:300]
    Redactor().redact(posts[0])  # warm the compiled patterns
    cpu = []
    for text in posts:
        redactor = Redactor()
        started = time.thread_time()
        redactor.redact(text)
        cpu.append((time.thread_time() - started) * 1000)
    assert statistics.median(cpu) < 3, statistics.median(cpu)


def test_every_labelled_email_and_phone_of_the_real_posts_is_found(
    make_redactor: Callable[[], Redactor],
) -> None:
    labels = load_labels(REPO / "tests" / "data" / "redaction_labels.jsonl")
    posts = {p.tweet_id: p for p in load_posts(TWITTER_DIR)}
    assert set(labels) <= set(posts), "labels name tweets that dev.json does not hold"
    wanted = found = 0
    for tweet_id, label in labels.items():
        spans = make_redactor().spans(posts[tweet_id].text)
        for kind, tag in (("email", "EMAIL"), ("phone", "PHONE")):
            wanted += label.get(kind, 0)
            found += min(label.get(kind, 0), sum(1 for t, _, _ in spans if t == tag))
    assert wanted == 14
    assert found == wanted


@pytest.mark.parametrize(
    "unit", ["x", "a.", "\n", "1 ", "Anna ", "Via ", "+39 ", "•", "my name is ", "a@", "- Anna\n"]
)
def test_long_repetitive_input_stays_linear(unit: str) -> None:
    """Regular expressions with nested repeats can take seconds on such input (a pasted log,
    a row of asterisks); each of these once did."""
    text = unit * (6000 // len(unit))
    started = time.thread_time()
    Redactor().redact(text)
    assert time.thread_time() - started < 1.0
