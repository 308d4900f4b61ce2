"""Typed placeholders (``<EMAIL_1>``) that stand for personal data, and how to find them again."""

from __future__ import annotations

import re

#: Placeholder tags, in the order the redactor tries them (earlier tags win an overlap).
TAGS: tuple[str, ...] = (
    "EMAIL",
    "URL",
    "IBAN",
    "CARD",
    "ORDER",
    "ID",
    "IP",
    "DOB",
    "PHONE",
    "ADDRESS",
    "HANDLE",
    "NAME",
)

#: The kind each tag is counted under; the names of ``knowledge.policy.PersonalDataKind``
#: where one exists (``order_number``), the lower-case tag otherwise.
KIND_OF_TAG: dict[str, str] = {
    "EMAIL": "email",
    "URL": "url",
    "IBAN": "iban",
    "CARD": "card",
    "ORDER": "order_number",
    "ID": "id_number",
    "IP": "ip_address",
    "DOB": "date_of_birth",
    "PHONE": "phone",
    "ADDRESS": "address",
    "HANDLE": "handle",
    "NAME": "name",
}

_TAG_ALTERNATION = "|".join(TAGS)
#: The exact form the redactor writes.
PLACEHOLDER = re.compile(rf"<({_TAG_ALTERNATION})_(\d{{1,4}})>")
#: What a model may turn a placeholder into: other brackets, lower case, a space or a dash
#: for the underscore, or no brackets at all (then upper case only, to spare ordinary words).
_LOOSE = re.compile(
    rf"[<\[{{(]\s*(?i:({_TAG_ALTERNATION})[_\s-]?(\d{{1,4}}))\s*[>\]}})]"
    rf"|(?<![\w<\[{{(])({_TAG_ALTERNATION})_(\d{{1,4}})(?![\w>\]}})])"
)


def placeholder(tag: str, number: int) -> str:
    """``placeholder("EMAIL", 1)`` is ``<EMAIL_1>``."""
    return f"<{tag}_{number}>"


def find_placeholders(text: str) -> list[tuple[int, int, str]]:
    """Start, end and canonical form (``<EMAIL_1>``) of each placeholder left in ``text``,
    including the variants a model tends to write (``[EMAIL_1]``, ``<email_1>``, ``EMAIL_1``)."""
    out = []
    for m in _LOOSE.finditer(text):
        tag = (m.group(1) or m.group(3)).upper()
        number = int(m.group(2) or m.group(4))
        out.append((m.start(), m.end(), placeholder(tag, number)))
    return out


def contains_placeholder(text: str) -> list[tuple[int, int]]:
    """Spans of the placeholders left in ``text`` (empty when there are none): a reply that
    still holds one must not be published."""
    return [(start, end) for start, end, _ in find_placeholders(text)]
