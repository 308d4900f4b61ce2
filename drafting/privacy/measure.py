"""Measuring the redactor: sentences with known personal data, recall and precision per type,
and the values that reached a model request.

Sentences come from templates with ``{{field}}`` slots filled by Faker (a dev dependency,
imported only here): presidio-evaluator's 209 PII templates (English; read from its wheel,
fetched at run time by the benchmark, never a dependency) and :data:`OWN_TEMPLATES`, written
for this project in English and Italian for what the presidio set lacks (order numbers, card
fragments, @handles, Italian addresses and phones, codici fiscali).

A value counts as *hidden* when every identifying word of it lies inside a redacted span:
titles ("Mr.", "Dott."), unit words ("Suite", "Piano"), street types ("Via", "Street") and
one- or two-letter words ("OR", "TO") are not identifying, so "Mr. <NAME_1>" hides a name.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from drafting.privacy.placeholders import PLACEHOLDER

PRESIDIO_TEMPLATES = "presidio_evaluator/data_generator/raw_data/templates.txt"

#: Template field -> the placeholder tag that should hide it (None: not personal data alone).
FIELD_TAG: dict[str, str | None] = {
    "person": "NAME",
    "name": "NAME",
    "first_name": "NAME",
    "first_name_male": "NAME",
    "first_name_female": "NAME",
    "first_name_nonbinary": "NAME",
    "last_name": "NAME",
    "last_name_male": "NAME",
    "last_name_female": "NAME",
    "name_male": "NAME",
    "name_female": "NAME",
    "email": "EMAIL",
    "phone_number": "PHONE",
    "credit_card_number": "CARD",
    "card_last4": "CARD",
    "iban": "IBAN",
    "url": "URL",
    "ip_address": "IP",
    "date_of_birth": "DOB",
    "ssn": "ID",
    "codice_fiscale": "ID",
    "us_driver_license": "ID",
    "address": "ADDRESS",
    "street_name": "ADDRESS",
    "building_number": "ADDRESS",
    "secondary_address": "ADDRESS",
    "postcode": "ADDRESS",
    "zipcode": "ADDRESS",
    "order": "ORDER",
    "tracking": "ORDER",
    "handle": "HANDLE",
    # Context, not personal data on its own.
    "city": None,
    "country": None,
    "organization": None,
    "nationality": None,
    "nation_woman": None,
    "nation_plural": None,
    "job": None,
    "age": None,
    "year": None,
    "date_time": None,
    "day_of_week": None,
    "state_abbr": None,
    "prefix": None,
    "prefix_male": None,
    "prefix_female": None,
}
_ADDRESS_PARTS = {
    "address",
    "street_name",
    "building_number",
    "secondary_address",
    "postcode",
    "zipcode",
}

_NOT_IDENTIFYING = frozenset(
    str.split(
        """
    mr mrs ms miss mx dr prof sir madam sig ra na dott ssa avv ing jr sr ii iii iv md dds phd
    dvm apt apartment suite ste unit flat floor box appartamento piano scala interno int
    street st road rd avenue ave lane ln drive boulevard blvd way via viale piazza corso largo
    vicolo strada stretto contrada borgo rotonda incrocio canale piazzale usns usnv uss uscgc
    psc fpo apo dpo http https www com net org it info biz
    """
    )
)

#: Templates written for this project: customer-care posts in English and Italian.
OWN_TEMPLATES: tuple[str, ...] = (
    "My order {{order}} still hasn't arrived and it's been two weeks.",
    "Order number {{order}} - the sofa came with a broken leg. Please help!",
    "Where is my parcel? Tracking number: {{tracking}}. Nobody answers the phone.",
    "You charged my card ending {{card_last4}} twice for the same order.",
    "Refund still missing on my Visa •••• {{card_last4}}, order {{order}}.",
    "My name is {{person}} and I want a refund for order {{order}}.",
    "Hi, I'm {{first_name}} {{last_name}}. Please call me back on {{phone_number}}.",
    "Please send the replacement to {{address}}.",
    "Can you change the delivery address to {{building_number}} {{street_name}}?",
    "Email me at {{email}}, I don't want to discuss this here.",
    "@Verdello my account {{email}} got locked after the update",
    "Thanks {{handle}} for pointing me here, still no answer from you though",
    "Wire the refund to {{iban}} please, I returned everything.",
    "Spoke to your agent {{first_name}} yesterday and nothing happened.",
    "My wife {{first_name}} ordered the table, order {{order}}, still nothing.",
    "This is the third time I write. {{phone_number}} is my number, call me.\n- {{first_name}}",
    "Mr. {{last_name}} here: the courier left the box at {{address}} in the rain.",
    "Dear team, {{person}} ({{email}}) never got the voucher. Regards, {{first_name}}",
    "Il mio ordine {{order}} non è mai arrivato, mi chiamo {{person}}.",
    "Ordine n. {{order}}: il divano è arrivato rotto. Chiamatemi al {{phone_number}}.",
    "Buongiorno, sono {{first_name}} {{last_name}} e abito in {{street_name}} {{building_number}}.",
    "Spedite il pacco a {{address}}, grazie.",
    "Mi avete addebitato due volte sulla carta che termina con {{card_last4}}.",
    "Il rimborso va sull'IBAN {{iban}}, intestato a {{person}}.",
    "Scrivetemi a {{email}} per favore, non qui.",
    "Ho parlato con l'operatore {{first_name}} ma nessuno mi ha richiamato.",
    "Sig.ra {{last_name}}, il codice fiscale è {{codice_fiscale}}.",
    "Mia moglie {{first_name}} ha ordinato il tavolo, numero di tracciamento {{tracking}}.",
    "Cellulare {{phone_number}}, chiamatemi dopo le 18. {{first_name}}",
    "Il corriere ha lasciato il pacco davanti al portone di {{street_name}} {{building_number}}!",
    "Grazie {{handle}}, ma Verdello ancora non risponde.",
    "Sono nata il {{date_of_birth}} e il mio ordine è {{order}}.",
    "Born on {{date_of_birth}}, my account is still under {{person}}.",
    "{{person}}\n{{address}}\n{{phone_number}}",
    "Nome: {{person}}\nIndirizzo: {{address}}\nTelefono: {{phone_number}}\nEmail: {{email}}",
    "Name: {{person}}\nAddress: {{address}}\nPhone: {{phone_number}}\nOrder: {{order}}",
    "Hello, this is {{person}}. My card {{credit_card_number}} was charged for {{order}}.",
    "Ciao {{first_name}}, grazie, ma il pacco {{tracking}} non si muove da giorni.",
    "Thanks, {{first_name}}. Still waiting for {{order}} though.",
    "Visit my shop {{url}} to see the damage photos.",
)

_IT_MONTHS = str.split(
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"
)
_NATIONALITIES = ("Italian", "French", "Mexican", "Japanese", "German", "Irish")
_FIELD = re.compile(r"\{\{(\w+)\}\}")


@dataclass(frozen=True)
class Gold:
    tag: str
    start: int
    end: int
    value: str


@dataclass
class Sample:
    text: str
    gold: list[Gold]
    context: list[tuple[int, int]] = field(default_factory=list)  # non-personal fields
    source: str = ""
    locale: str = ""


def presidio_templates(cache_dir: Path) -> list[str]:
    """presidio-evaluator's PII sentence templates, from its wheel (fetched once into
    ``cache_dir`` with pip; nothing is installed)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    wheels = sorted(cache_dir.glob("presidio_evaluator-*.whl"))
    if not wheels:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--quiet",
                "presidio-evaluator",
                "-d",
                str(cache_dir),
            ],
            check=True,
        )
        wheels = sorted(cache_dir.glob("presidio_evaluator-*.whl"))
    with zipfile.ZipFile(wheels[-1]) as wheel:
        raw = wheel.read(PRESIDIO_TEMPLATES).decode("utf-8", errors="replace")
    return [line.replace("\\n", "\n") for line in raw.splitlines() if line.strip()]


def _value(fake: Any, name: str, locale: str, rng: random.Random) -> str:
    """A Faker value for one template field."""
    if name == "person":
        return str(fake.name())
    if name in ("organization",):
        return str(fake.company())
    if name == "ip_address":
        return str(fake.ipv4())
    if name == "age":
        return str(rng.randint(18, 90))
    if name == "year":
        return str(rng.randint(1950, 2024))
    if name in ("nationality", "nation_woman", "nation_plural"):
        return rng.choice(_NATIONALITIES)
    if name == "date_of_birth":
        d: date = fake.date_of_birth(minimum_age=18, maximum_age=90)
        if locale.startswith("it"):
            forms = [
                f"{d.day:02d}/{d.month:02d}/{d.year}",
                f"{d.day} {_IT_MONTHS[d.month - 1]} {d.year}",
                d.isoformat(),
            ]
        else:
            forms = [
                d.isoformat(),
                f"{d.month:02d}/{d.day:02d}/{d.year}",
                d.strftime("%B %d, %Y"),
                d.strftime("%d %B %Y"),
            ]
        return rng.choice(forms)
    if name == "date_time":
        return str(fake.date_time().strftime("%Y-%m-%d %H:%M"))
    if name == "us_driver_license":
        return f"{rng.choice('ABCDEFGHJKLMNPRSTW')}{rng.randint(1000000, 9999999)}"
    if name == "order":
        return f"VD-{rng.randint(1000000, 9999999)}"
    if name == "tracking":
        return f"JJD{rng.randint(10**11, 10**12 - 1)}"
    if name == "card_last4":
        return f"{rng.randint(0, 9999):04d}"
    if name == "handle":
        return "@" + re.sub(r"\W", "", str(fake.user_name()))[:15]
    if name == "codice_fiscale":
        return str(fake.ssn()) if locale == "it_IT" else "RSSMRA85C12F205X"
    if name == "zipcode" and not hasattr(fake, "zipcode"):
        return str(fake.postcode())
    if name == "first_name_nonbinary" and not hasattr(fake, "first_name_nonbinary"):
        return str(fake.first_name())
    return str(getattr(fake, name)())


def fill(
    templates: Sequence[str],
    *,
    locales: Sequence[str] = ("en_US", "it_IT"),
    per_template: int = 1,
    seed: int = 7,
    source: str = "",
) -> list[Sample]:
    """Each template filled ``per_template`` times per locale; gold spans for every field."""
    from faker import Faker

    samples: list[Sample] = []
    for locale in locales:
        fake = Faker(locale)
        fake.seed_instance(seed)
        rng = random.Random(f"{seed}-{locale}")
        for i, template in enumerate(templates):
            for _ in range(per_template):
                samples.append(_fill_one(template, fake, locale, rng, f"{source}{i}"))
    return samples


def _fill_one(template: str, fake: Any, locale: str, rng: random.Random, source: str) -> Sample:
    parts: list[str] = []
    fields: list[tuple[str, int, int, str]] = []
    pos = 0
    length = 0
    for m in _FIELD.finditer(template):
        literal = template[pos : m.start()]
        parts.append(literal)
        length += len(literal)
        value = _value(fake, m.group(1), locale, rng)
        fields.append((m.group(1), length, length + len(value), value))
        parts.append(value)
        length += len(value)
        pos = m.end()
    parts.append(template[pos:])
    text = "".join(parts)
    gold: list[Gold] = []
    context: list[tuple[int, int]] = []
    for name, start, end, value in fields:
        tag = FIELD_TAG.get(name)
        if tag is None:
            context.append((start, end))
            continue
        previous = gold[-1] if gold else None
        if (
            tag == "ADDRESS"
            and previous is not None
            and previous.tag == "ADDRESS"
            and name in _ADDRESS_PARTS
            and not text[previous.end : start].strip(" ,\n")
        ):  # "{{building_number}} {{street_name}}": one address
            gold[-1] = Gold("ADDRESS", previous.start, end, text[previous.start : end])
            continue
        gold.append(Gold(tag, start, end, value))
    return Sample(text, gold, context, source, locale)


# --- scoring ------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+")


def identifying(value: str) -> list[tuple[int, int]]:
    """Spans (inside ``value``) of the words that identify someone."""
    out = []
    for m in _TOKEN.finditer(value):
        word = m.group(0)
        if word.lower() in _NOT_IDENTIFYING:
            continue
        if (word.isalpha() and len(word) <= 2) or (word.isdigit() and len(word) == 1):
            continue
        out.append(m.span())
    return out


def is_hidden(gold: Gold, spans: Iterable[tuple[str, int, int]]) -> bool:
    covered = [(s, e) for _, s, e in spans]
    for a, b in identifying(gold.value):
        start, end = gold.start + a, gold.start + b
        if not any(s <= start and end <= e for s, e in covered):
            return False
    return True


@dataclass
class Score:
    """Per tag: gold values, hidden ones, hidden under their own tag; predicted spans and
    those that touch a gold value (precision) or only context (city, company...)."""

    gold: dict[str, int] = field(default_factory=dict)
    hidden: dict[str, int] = field(default_factory=dict)
    typed: dict[str, int] = field(default_factory=dict)
    predicted: dict[str, int] = field(default_factory=dict)
    true_positive: dict[str, int] = field(default_factory=dict)
    on_context: dict[str, int] = field(default_factory=dict)
    missed: list[tuple[str, str, str]] = field(default_factory=list)  # tag, value, sentence

    def add(self, sample: Sample, spans: list[tuple[str, int, int]]) -> None:
        for g in sample.gold:
            self.gold[g.tag] = self.gold.get(g.tag, 0) + 1
            if is_hidden(g, spans):
                self.hidden[g.tag] = self.hidden.get(g.tag, 0) + 1
                mine = [(t, s, e) for t, s, e in spans if t == g.tag]
                if is_hidden(g, mine):
                    self.typed[g.tag] = self.typed.get(g.tag, 0) + 1
            else:
                self.missed.append((g.tag, g.value, sample.text))
        for tag, s, e in spans:
            self.predicted[tag] = self.predicted.get(tag, 0) + 1
            if any(s < g.end and g.start < e for g in sample.gold):
                self.true_positive[tag] = self.true_positive.get(tag, 0) + 1
            elif any(s < ce and cs < e for cs, ce in sample.context):
                self.on_context[tag] = self.on_context.get(tag, 0) + 1

    def recall(self, tag: str) -> float:
        return self.hidden.get(tag, 0) / self.gold[tag] if self.gold.get(tag) else float("nan")

    def precision(self, tag: str) -> float:
        n = self.predicted.get(tag, 0)
        return self.true_positive.get(tag, 0) / n if n else float("nan")

    def totals(self) -> tuple[int, int]:
        return sum(self.gold.values()), sum(self.hidden.values())


def score(
    samples: Iterable[Sample], spans_of: Callable[[str], list[tuple[str, int, int]]]
) -> Score:
    result = Score()
    for sample in samples:
        result.add(sample, spans_of(sample.text))
    return result


# --- leaks --------------------------------------------------------------------------------


def leaked(gold: Gold, sent: str, *, original: str = "", prompt: str = "") -> bool:
    """Whether an identifying word of ``gold`` is in ``sent`` (what reached the model).
    Words that ``original`` also holds outside the value, or the ``prompt`` holds, prove
    nothing and are skipped; placeholders are removed first (their numbers are not data)."""
    sent = PLACEHOLDER.sub(" ", sent)
    outside = original[: gold.start] + " " + original[gold.end :] if original else ""
    for a, b in identifying(gold.value):
        word = gold.value[a:b]
        rx = re.compile(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", re.IGNORECASE)
        if rx.search(outside) or rx.search(prompt):
            continue
        if rx.search(sent):
            return True
    return False


# --- real posts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Post:
    tweet_id: str
    role: str  # client or agent
    text: str
    conversation: int


def load_posts(data_dir: Path) -> list[Post]:
    """Every message of ``dev.json`` once (a tweet can open several conversations)."""
    dialogs = json.loads((data_dir / "dev.json").read_text(encoding="utf-8"))
    seen: set[str] = set()
    posts: list[Post] = []
    for n, dialog in enumerate(dialogs):
        turns = list(dialog.get("dialogContent", []))
        final = dialog.get("agentURL") or {}
        if final.get("url_utterance"):
            turns.append(
                {
                    "agent": "final",
                    "tweet_ID": final.get("tweet_ID", ""),
                    "message": final["url_utterance"],
                }
            )
        for turn in turns:
            tweet_id = str(turn.get("tweet_ID", ""))
            if not tweet_id or tweet_id in seen:
                continue
            seen.add(tweet_id)
            role = "client" if "client" in turn else "agent"
            posts.append(Post(tweet_id, role, str(turn.get("message", "")), n))
    return posts


def load_labels(path: Path) -> dict[str, dict[str, int]]:
    """tweet_ID -> {"email": n, "phone": n}; posts not listed hold none."""
    out: dict[str, dict[str, int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out[str(row["tweet_ID"])] = {
                k: int(v) for k, v in row.items() if k in ("email", "phone")
            }
    return out


#: The simple, independent finders the hand labels were checked against (not the redactor's).
ORACLE = {
    "email": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE),
    "phone": re.compile(r"\+?\d[\d .()-]{7,}\d"),
}


def oracle_values(post: Post, labels: dict[str, dict[str, int]]) -> list[tuple[str, str]]:
    """(kind, value) of the labelled e-mails and phones of a post, found by :data:`ORACLE`
    and kept only as many as the hand label counts."""
    label = labels.get(post.tweet_id, {})
    text = re.sub(r"https?:\s?//\S+", " ", post.text)
    out: list[tuple[str, str]] = []
    for kind, rx in ORACLE.items():
        values = [m.group(0).rstrip(".") for m in rx.finditer(text)]
        out.extend((kind, v) for v in values[: label.get(kind, 0)])
    return out
