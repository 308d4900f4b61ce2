"""Detectors for personal data with a shape: e-mails, links, IBANs, cards, order and other
reference numbers, IP addresses, dates of birth, phone numbers and @handles (en and it).

Each detector yields :class:`Found` spans of the value itself ("card ending <CARD_1>" keeps
the words around the digits). They err on the side of finding too much: the redactor is a
privacy control, and an ordinary number hidden from the model costs little.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from drafting.checks.draft import EMAIL
from drafting.checks.personal_data import PAN, _looks_like_date, luhn_ok
from knowledge.policy import DEFAULT_ORDER_NUMBER_PATTERN


@dataclass(frozen=True, slots=True)
class Found:
    tag: str
    start: int
    end: int


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _before(text: str, start: int, width: int = 40) -> str:
    return text[max(0, start - width) : start]


# --- e-mail -------------------------------------------------------------------------------

_TLD = (
    r"(?:com|net|org|edu|gov|info|biz|io|co|me|us|uk|it|eu|de|fr|es|nl|be|ch|at|pt|ie|pl|ro|"
    r"se|dk|no|fi|ca|au|nz|in|br|mx|ar|jp|cn|ru|tv|app|dev|email|mail|online|shop|store)"
)
EMAIL_OBFUSCATED = re.compile(
    r"(?<![\w.+-])[\w.+-]+\s*(?:\[at\]|\(at\)|\{at\}|<at>|\s(?:at|chiocciola)\s)\s*"
    r"[a-z][\w-]*(?:\s*(?:\[dot\]|\(dot\)|\{dot\}|\s(?:dot|punto)\s|\.)\s*[a-z][\w-]*)*"
    rf"\s*(?:\[dot\]|\(dot\)|\{{dot\}}|\s(?:dot|punto)\s|\.)\s*{_TLD}(?![\w.])",
    re.IGNORECASE,
)


def emails(text: str) -> Iterator[Found]:
    for m in EMAIL.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ".-":
            end -= 1
        yield Found("EMAIL", m.start(), end)
    for m in EMAIL_OBFUSCATED.finditer(text):
        yield Found("EMAIL", *m.span())


# --- links --------------------------------------------------------------------------------

URL = re.compile(
    r"\b(?:https?|ftp)\s?:\s?//[^\s<>\"']+"
    r"|\bwww\.[^\s<>\"']+"
    r"|\b(?:[a-z0-9-]{1,63}\.){1,6}(?:com|net|org|it|eu|co|io|ly|me|tv|uk|de|fr|es|be|gl|gd)/[^\s<>\"']*",
    re.IGNORECASE,
)
_HOST = re.compile(r"^(?:[a-z]+\s?:\s?//)?(?:[^@/\s]*@)?([^/:?#\s]+)", re.IGNORECASE)


def url_host(url: str) -> str:
    m = _HOST.match(url)
    return m.group(1).lower() if m else ""


def urls(text: str) -> Iterator[Found]:
    for m in URL.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ".,;:!?)]}'\"":
            end -= 1
        yield Found("URL", m.start(), end)


# --- IBAN ---------------------------------------------------------------------------------

IBAN = re.compile(
    r"\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,4})?\b"
    r"|\b[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b",
    re.IGNORECASE,
)
_IBAN_CUE = re.compile(r"\b(?:iban|bic|swift|bank|account|conto|bonifico|wire|transfer)", re.I)


def iban_ok(raw: str) -> bool:
    """ISO 13616 check digits (mod 97)."""
    compact = re.sub(r"[\s-]", "", raw).upper()
    if not 15 <= len(compact) <= 34 or not compact[:2].isalpha():
        return False
    moved = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in moved)
    return int(number) % 97 == 1


def ibans(text: str) -> Iterator[Found]:
    for m in IBAN.finditer(text):
        raw = m.group(0)
        # A trailing group may be a word that follows the IBAN: try shorter forms too.
        cut = len(raw)
        while cut > 0:
            if iban_ok(raw[:cut]):
                yield Found("IBAN", m.start(), m.start() + cut)
                break
            nxt = max(raw.rfind(" ", 0, cut), raw.rfind("-", 0, cut))
            cut = nxt if nxt > 15 else 0
        else:
            if _IBAN_CUE.search(_before(text, m.start())) and sum(c.isdigit() for c in raw) >= 8:
                yield Found("IBAN", *m.span())


# --- payment cards ------------------------------------------------------------------------

_CARD_CUE = re.compile(
    r"\b(?:card|carta|visa|master\s?card|amex|american express|maestro|bancomat|postepay|"
    r"debit|credit|credito|debito|prepagata|cc)\b",
    re.IGNORECASE,
)
_CARD_GROUPS = re.compile(r"\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,3})?|\d{4}[ -]\d{6}[ -]\d{4,5}")
_DIGIT_RUN = re.compile(r"(?<![\w-])\d(?:[ -]?\d){7,18}(?![\w-])")
CARD_MASKED = re.compile(r"(?<![*xX•·●∗\w])(?:[*xX•·●∗]{2,8}+[ -]?){1,4}+\d{2,4}\b")
CARD_ENDING = re.compile(
    r"\b(?:ending|ends|ended|finisce|finiscono|termina|terminano|terminante|che termina|"
    r"last (?:4|four) digits|last digits|ultime (?:4|quattro) cifre|cifre finali)"
    r"(?:\s+(?:in|with|con|per|are|is|sono|è))?\s*[:#]?\s*(?P<v>\d{2,4})\b",
    re.IGNORECASE,
)
CARD_SECRET = re.compile(
    r"\b(?:cvv2?|cvc2?|cid|security code|codice(?: di sicurezza| cvv)?|pin)\s*(?:is|è|:)?\s*"
    r"(?P<v>\d{3,4})\b"
    r"|\b(?:exp(?:iry|iration|ires)?(?: date)?|valid thru|scadenza|scade|scad\.)\s*"
    r"(?:is|è|:|il|on)?\s*(?P<w>(?:0?[1-9]|1[0-2])\s?[/-]\s?(?:\d{4}|\d{2}))\b",
    re.IGNORECASE,
)


def cards(text: str) -> Iterator[Found]:
    for m in PAN.finditer(text):
        digits = _digits(m.group(0))
        if not 13 <= len(digits) <= 19:
            continue
        raw = m.group(0)
        grouped = bool(_CARD_GROUPS.fullmatch(raw))
        cued = _CARD_CUE.search(_before(text, m.start())) is not None
        # Card numbers are written whole or in groups of four (Amex 4-6-5); a Luhn-valid
        # number in a phone's grouping ("001-595-230-5520") is a phone.
        if cued or grouped or (luhn_ok(digits) and (raw.isdigit() or _CARD_GROUPS.fullmatch(raw))):
            yield Found("CARD", *m.span())
    for m in _DIGIT_RUN.finditer(text):
        # A shorter card number (12-digit Maestro) or a mistyped one, named as a card.
        if 8 <= len(_digits(m.group(0))) <= 19 and _CARD_CUE.search(_before(text, m.start(), 30)):
            yield Found("CARD", *m.span())
    for m in CARD_MASKED.finditer(text):
        yield Found("CARD", *m.span())
    for m in CARD_ENDING.finditer(text):
        yield Found("CARD", *m.span("v"))
    for m in CARD_SECRET.finditer(text):
        group = "v" if m.group("v") else "w"
        yield Found("CARD", *m.span(group))


# --- order, booking and tracking numbers --------------------------------------------------

_NUMBER_WORDS = (
    r"(?:number|num|nr|no|n|n°|nº|numero|id|code|codice|ref|reference|riferimento|is|was|è|"
    r"di|del|della|dell'|:|#)"
)
_CODE = r"#?(?P<v>[A-Z0-9](?=[A-Z0-9/-]*\d)[A-Z0-9/-]{3,}[A-Z0-9])"
ORDER_CUE = re.compile(
    r"\b(?:order|ordine|ordinazione|purchase|acquisto|shipment|spedizione|parcel|package|"
    r"pacco|collo|tracking|tracciamento|tracking number|booking|prenotazione|reservation|"
    r"confirmation|conferma|pnr|awb|rma|return|reso|invoice|fattura|receipt|ricevuta|"
    r"scontrino|transaction|transazione|consignment|delivery|consegna)\b"
    rf"(?:[\s:.]*{_NUMBER_WORDS}\b\.?){{0,3}}[\s:.]*" + _CODE,
    re.IGNORECASE,
)
HASH_NUMBER = re.compile(r"(?<![\w&#])#(?P<v>\d{5,})\b")
_CODE_TOKEN = re.compile(r"[A-Z0-9](?=[A-Z0-9/-]*\d)[A-Z0-9/-]*[A-Z0-9]|\d", re.IGNORECASE)


def _narrow(text: str, start: int, end: int) -> tuple[int, int]:
    """The code inside a match that also took its cue words ("tracking number: JJD0001")."""
    raw = text[start:end]
    if not re.search(r"\s|:", raw):
        return start, end
    tokens = list(_CODE_TOKEN.finditer(raw))
    if not tokens:
        return start, end
    last = tokens[-1]
    return start + last.start(), start + last.end()


def order_detector(pattern: str | None) -> Callable[[str], Iterator[Found]]:
    """Order numbers: the brand's own pattern (``personal_data.order_number_pattern``), the
    policy's default one and generic "order/booking/tracking ... <code>" phrases."""
    own = [re.compile(pattern, re.IGNORECASE)] if pattern else []
    generic = re.compile(DEFAULT_ORDER_NUMBER_PATTERN, re.IGNORECASE)

    def find(text: str) -> Iterator[Found]:
        for rx in [*own, generic]:
            for m in rx.finditer(text):
                if m.end() > m.start():
                    yield Found("ORDER", *_narrow(text, *m.span()))
        for m in ORDER_CUE.finditer(text):
            yield Found("ORDER", *m.span("v"))
        for m in HASH_NUMBER.finditer(text):
            yield Found("ORDER", *m.span("v"))

    return find


# --- identity, account and case numbers ---------------------------------------------------

ID_CUE = re.compile(
    r"\b(?:account|acct|a/c|customer|client|member(?:ship)?|loyalty|subscriber|user|ticket|"
    r"case|claim|policy|contract|licen[cs]e|driver'?s licen[cs]e|passport|ssn|"
    r"social security|national insurance|nino|tax|vat|codice fiscale|c\.f\.|partita iva|"
    r"p\.\s?iva|patente|passaporto|carta d'identit[àa]|documento|tessera|pratica|"
    r"segnalazione|contratto|codice cliente|numero cliente|cliente|utente|conto|sim|imei|"
    r"iccid|serial|seriale|s/n|matricola|reference|ref|riferimento|protocollo|ticket id)\b"
    rf"(?:[\s:.]*{_NUMBER_WORDS}\b\.?){{0,3}}[\s:.]*" + _CODE,
    re.IGNORECASE,
)
SSN = re.compile(r"\b\d{3}-\d{2}-\d{4}\b")
CODICE_FISCALE = re.compile(r"\b[A-Z]{6}\d{2}[A-EHLMPRST]\d{2}[A-Z]\d{3}[A-Z]\b", re.IGNORECASE)
LONG_NUMBER = re.compile(r"(?<![\w.,/-])\d{16,}(?![\w.,/-])")


def ids(text: str) -> Iterator[Found]:
    for m in ID_CUE.finditer(text):
        yield Found("ID", *m.span("v"))
    for rx in (SSN, CODICE_FISCALE, LONG_NUMBER):
        for m in rx.finditer(text):
            yield Found("ID", *m.span())


# --- IP addresses -------------------------------------------------------------------------

_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
IPV4 = re.compile(rf"(?<![\d.]){_OCTET}(?:\.{_OCTET}){{3}}(?![\d.]|\.\d)")
IPV6 = re.compile(
    r"(?<![\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\w:])"
    r"|(?<![\w:])(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4}(?![\w:])",
    re.IGNORECASE,
)


def ips(text: str) -> Iterator[Found]:
    for rx in (IPV4, IPV6):
        for m in rx.finditer(text):
            yield Found("IP", *m.span())


# --- dates of birth -----------------------------------------------------------------------

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|gennaio|febbraio|marzo|"
    r"aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre)\.?"
)
_DATE = (
    r"(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th|°)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)
DOB = re.compile(
    r"\b(?:born|date of birth|birth\s?date|dob|d\.o\.b\.?|birthday|nat[oa]|"
    r"data di nascita|data nascita|compleanno)\b"
    r"[\s:,.?]*(?:(?:is|on|in|il|è|el|the|it's|it is|its|was|a\s+[A-Z][\w']+)[\s:,]+){0,3}"
    + rf"(?P<v>{_DATE})",
    re.IGNORECASE,
)


#: A full date (day, month and four-digit year) at least this many years ago is taken for a
#: date of birth even with no cue ("It's like that since 1969-02-25"): orders, deliveries
#: and incidents are recent; a customer's old full date is almost always personal.
BIRTH_AGE_YEARS = 14
_FULL_DATE = re.compile(rf"\b{_DATE}(?!\d)", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def dates_of_birth(text: str) -> Iterator[Found]:
    seen: set[tuple[int, int]] = set()
    for m in DOB.finditer(text):
        seen.add(m.span("v"))
        yield Found("DOB", *m.span("v"))
    latest = date.today().year - BIRTH_AGE_YEARS
    for m in _FULL_DATE.finditer(text):
        year = _YEAR.search(m.group(0))
        if year and 1900 <= int(year.group(0)) <= latest and m.span() not in seen:
            yield Found("DOB", *m.span())


# --- phone numbers ------------------------------------------------------------------------

PHONE = re.compile(
    r"(?<![\w+/.-])"
    r"(?:(?:\+|00)[ ]?\(?\d{1,4}\)?[ .-]?|\(\+?\d{1,4}\)[ ]?)?"
    r"\(?\d+(?:(?:[ ]?[-./][ ]?|[ ]|\)[ ]?|[ ]?\()\d+)*"
    r"(?:[ ]?(?:x|ext\.?|extension|int\.?|interno)[ ]?\d{1,6})?"
    r"(?![\w/]|[-.:]\d)",
    re.IGNORECASE,
)
_PHONE_CUE = re.compile(
    r"\b(?:phone|tel|telephone|mobile|cell|cellphone|call|ring|text|sms|whats\s?app|fax|"
    r"number|contact|reach|landline|telefono|cellulare|chiama\w*|numero|recapito|fisso|"
    r"contattar\w*|squill\w*)\b",
    re.IGNORECASE,
)
_US_LOCAL = re.compile(r"\d{3}[ .-]\d{4}")
_TIME_OR_RANGE = re.compile(
    r"\s*\d{1,2}[:.]\d{2}\s*[-–]\s*\d{1,2}[:.]\d{2}\s*|\s*(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)?\d{2}\s*"
)
_DECIMAL = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+[.,]\d{1,2}")


def phones(text: str) -> Iterator[Found]:
    for m in PHONE.finditer(text):
        raw = m.group(0)
        base = re.split(r"(?i)[ ]?(?:x|ext\.?|extension|int\.?|interno)[ ]?\d", raw)[0]
        digits = _digits(base)
        if not 7 <= len(digits) <= 15:
            continue
        bare = raw.strip("() ")
        if _looks_like_date(bare) or _TIME_OR_RANGE.fullmatch(raw) or _DECIMAL.fullmatch(raw):
            continue
        international = raw.startswith(("+", "00", "(+"))
        if (
            len(digits) >= 9
            or international
            or _PHONE_CUE.search(_before(text, m.start(), 30))
            or _US_LOCAL.fullmatch(base.strip())
            or (digits.startswith("0") and len(digits) >= 7 and " " not in base.strip())
        ):
            yield Found("PHONE", *m.span())


# --- @handles -----------------------------------------------------------------------------

HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")


def handles(text: str) -> Iterator[Found]:
    for m in HANDLE.finditer(text):
        yield Found("HANDLE", *m.span())
