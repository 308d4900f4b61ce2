"""personal_data.*: no personal data in public replies; exposed data moves the case to private."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from drafting.checks.checkrun import CheckRun
from drafting.checks.draft import EMAIL, normalise
from drafting.checks.lexicon import LEXICON_LANGUAGES, Pattern, combine, load_lexicon
from drafting.checks.links import host_allowed

PHONE = re.compile(r"(?<![\w+/.-])(?:\+|00)?\d[\d\s().-]{6,}\d(?![\w/-])")
TOLL_FREE = re.compile(
    r"^(?:\+?1)?(?:800|888|877|866|855|844|833)\d{7}$|^(?:\+?39|0039)?80[03]\d{6}$"
)
ADDRESS = re.compile(
    r"\b\d{1,5}[a-z]?,?\s(?:[A-Z][a-z]+\s){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|"
    r"Boulevard|Blvd|Way|Close|Court|Ct|Place|Pl|Square|Sq|Terrace|Crescent|Gardens|Grove)\b\.?"
    r"|\b(?:[Vv]ia|[Vv]iale|[Pp]iazza|[Pp]iazzale|[Cc]orso|[Ll]argo|[Vv]icolo|[Ss]trada|P\.zza|"
    r"V\.le)\s(?:(?:[A-Z][\w'àèéìòù]+|de[il]?|della|di|del|dei|degli|delle|d')\s?){1,5},?\s?"
    r"(?:n\.?\s?)?\d{1,4}[a-zA-Z]?\b"
    # An Italian street written the English way round: "14 Via Roma".
    r"|\b\d{1,4}[a-z]?,?\s(?:[Vv]ia|[Vv]iale|[Pp]iazza|[Cc]orso|[Ll]argo|[Vv]icolo)\s"
    r"(?:[A-Z][\w'àèéìòù]+)(?:\s(?:[A-Z][\w'àèéìòù]+|de[il]?|della|di|del))*"
    # Streets of other countries, number first ("22 Rue des Lilas", "5 Calle Mayor") or last
    # ("Calle Mayor 5", "Rua Augusta, 12"), and German compounds ("Lindenstraße 8").
    r"|\b\d{1,4}[a-z]?,?\s(?:Rue|Avenue|Av\.|Boulevard|Bd|Calle|Avenida|Rua|Carrer|Chemin|Quai|"
    r"All[ée]e|Impasse|Plaza|Travessa)\s(?:(?:[A-Z][\w'àâçèéêëîïôûüñ-]+|(?:des|del|dos|les|de|du|"
    r"la|le|da|do)(?!\w)|d')\s?){1,5}"
    r"|\b(?:Rue|Calle|Avenida|Rua|Carrer|Travessa|Plaza)\s(?:(?:[A-Z][\w'àâçèéêëîïôûüñ-]+|"
    r"(?:des|del|dos|les|de|du|la|le|da|do)(?!\w)|d')\s?){1,5},?\s?(?:n\.?\s?|nº\s?)?\d{1,4}[a-zA-Z]?\b"
    r"|\b[A-ZÄÖÜ][a-zäöüß]+(?:straße|strasse|weg|platz|allee|gasse|ring|damm)\s\d{1,4}[a-z]?\b"
    # (r28) ... and the street compounds of the Nordic and Low Countries ("Kirkevegen 4",
    # "Havnegade 17", "Lindelaan 9", "Rantakatu 3").
    r"|\b[A-ZÄÖÜÅØÆ][a-zäöüßåøæ]+(?:gatan|gata|gaten|vägen|vegen|veien|vej|gade|straat|laan|gracht|"
    r"plein|katu|kuja)\s\d{1,4}[a-zA-Z]?\b"
    r"|\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b"  # UK postcode
    r"|\b\d{5}\s(?:[A-Z][a-zàèéìòù]{2,}\s?){1,2}\((?:[A-Z]{2})\)",  # Italian CAP + town (PR)
)
CARD_FRAGMENT = re.compile(
    r"(?:\*{2,}|[xX•]{4})[\s-]?\d{4}\b"
    r"|\b(?:ending|ends|ending in|that ends|finisce|che finisce|termina|che termina|terminante)"
    r"\s(?:in|with|con|in|per)?\s?\d{2,4}\b"
    # The last digits named right after the card ("la carta 5566", "your Visa 4417").
    r"|\b(?:card|carta|visa|mastercard|amex|bancomat)\s(?:n\.?\s?|no\.?\s|number\s|numero\s)?"
    r"(?!(?:19|20)\d\d\b)\d{4}\b(?![\s-]?\d)",  # (not a year: "gift card 2026")
    re.IGNORECASE,
)
PAN = re.compile(r"(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])")
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b")
_IBAN_COUNTRIES_WORDS = (
    "AD AT BE BG CH CY CZ DE DK EE ES FI FR GB GI GR HR HU IE IS IT LI LT LU LV MC MT NL NO "
    "PL PT RO SE SI SK SM VA"
)
_IBAN_COUNTRIES = frozenset(_IBAN_COUNTRIES_WORDS.split())
_CARD_WORDS = re.compile(r"\b(card|carta|visa|mastercard|amex|bancomat|debit|credit)\b", re.I)
_NOT_NAMES_WORDS = (
    "Team The This That Thanks Thank Hello Hi Hey Dear Sorry Please Verdello English Italian "
    "Italiano Inglese Ciao Grazie Buongiorno Buonasera Salve Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December Still Very Really Just Not Now Here Back Done Happy "
    "Sad Angry Disappointed Furious Sure Sono Molto Davvero Customer Support Help"
)
# (r27) The words that name a street ("Via Garibaldi 14", "12 Nelson Road"): an address, not a
# name, in the post and before a name in the draft (_STREET_BEFORE).
_STREET_WORDS = (
    *("via", "viale", "piazza", "piazzale", "corso", "largo", "vicolo", "strada"),
    *("street", "road", "avenue", "lane", "square"),
)
_NOT_NAMES = frozenset([*_NOT_NAMES_WORDS.split(), *(w.capitalize() for w in _STREET_WORDS)])

KIND_LABEL = {
    "email": "an e-mail address",
    "phone": "a phone number",
    "order_number": "an order number",
    "address": "a postal address",
    "card": "card digits",
    "iban": "an IBAN",
    "name": "a name",
}


@dataclass(frozen=True)
class Hit:
    kind: str
    start: int
    end: int
    fragment: bool = False  # "ending in 1234": a part, not the whole number


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _iban_ok(raw: str) -> bool:
    compact = raw.replace(" ", "")
    return compact[:2] in _IBAN_COUNTRIES and 15 <= len(compact) <= 34


def _internal_only(address: str, system_prompt: str, public: tuple[str, ...]) -> bool:
    """A brand address that only the instructions name ("escalate to legal@brand") is an
    internal contact, not one to give the public: it is in the system prompt and in no fact,
    guideline or approved reply."""
    address = address.lower()
    if not system_prompt or address not in system_prompt.lower():
        return False
    return not any(address in text.lower() for text in public)


def find_personal_data(text: str, order_number: Pattern) -> Iterator[Hit]:
    """Personal data in ``text`` (not filtered for brand contacts)."""
    text = normalise(text)
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return not any(start < e and s < end for s, e in taken)

    for m in EMAIL.finditer(text):
        taken.append(m.span())
        yield Hit("email", *m.span())
    for m in IBAN.finditer(text):
        if _iban_ok(m.group(0)) and free(*m.span()):
            taken.append(m.span())
            yield Hit("iban", *m.span())
    for m in order_number.finditer(text):
        if free(*m.span()):
            taken.append(m.span())
            yield Hit("order_number", *m.span())
    for m in PAN.finditer(text):
        digits = _digits(m.group(0))
        if 13 <= len(digits) <= 19 and luhn_ok(digits) and free(*m.span()):
            taken.append(m.span())
            yield Hit("card", *m.span())
    for m in CARD_FRAGMENT.finditer(text):
        if not free(*m.span()):
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        kind = (
            "card"
            if m.group(0).startswith(("*", "x", "X", "•"))
            or _CARD_WORDS.search(before)
            or _CARD_WORDS.match(m.group(0))
            else "order_number"
        )
        taken.append(m.span())
        yield Hit(kind, *m.span(), fragment=True)
    for m in PHONE.finditer(text):
        digits = _digits(m.group(0))
        if 9 <= len(digits) <= 15 and free(*m.span()) and not _looks_like_date(m.group(0)):
            taken.append(m.span())
            yield Hit("phone", *m.span())
    for m in ADDRESS.finditer(text):
        if free(*m.span()):
            taken.append(m.span())
            yield Hit("address", *m.span())


def _looks_like_date(raw: str) -> bool:
    return bool(re.fullmatch(r"\s*\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\s*", raw)) or bool(
        re.fullmatch(r"\s*\d{1,2}[:.]\d{2}\s*[-–]\s*\d{1,2}[:.]\d{2}\s*", raw)
    )


@lru_cache(maxsize=256)
def _exposed_in_post(post: str, order_number: re.Pattern[str]) -> tuple[Hit, ...]:
    """Whole (not partial) personal data the customer posted; cached, as every alternative
    and every edit of a draft is checked against the same post."""
    return tuple(h for h in find_personal_data(post, order_number) if not h.fragment)


@lru_cache(maxsize=256)
def names_in_post(post: str) -> frozenset[str]:
    """Names the customer gave in the post ("my name is Giulia", "Thanks, Marco Rossi")."""
    names: set[str] = set()
    for lang in LEXICON_LANGUAGES:
        for pattern in load_lexicon(lang).names:
            for m in pattern.finditer(post.strip()):
                parts = m.group("name").split()
                if len(parts) > 2 and any(part in _NOT_NAMES for part in parts):
                    continue  # (r27) "... Bel Black Friday": a day's name, not a person's
                for part in parts:
                    if part not in _NOT_NAMES:
                        names.add(part)
    return frozenset(names)


def check(run: CheckRun) -> None:
    ctx = run.ctx
    pd = run.policy.personal_data
    draft = run.draft
    source_digits = {
        _digits(m.group(0))
        for t in (ctx.post_text, *ctx.thread)
        for m in PHONE.finditer(normalise(t))
    }
    if run.public:
        reported: set[str] = set()
        for hit in find_personal_data(draft.without_links, run.compiled.order_number):
            check_id = f"personal_data.{hit.kind}"
            if (
                hit.kind in reported
                or hit.kind not in pd.never_in_public
                or not run.enabled(check_id)
            ):
                continue
            raw = draft.norm[hit.start : hit.end]
            if hit.kind == "email" and (
                raw.lower() in run.compiled.brand_contacts
                or (
                    host_allowed(raw.rsplit("@", 1)[-1], run.compiled.allowed_domains)
                    and not _internal_only(raw, ctx.system_prompt, ctx.facts + ctx.sources)
                )
            ):
                continue
            if hit.kind == "phone":
                digits = _digits(raw)
                if digits in run.compiled.brand_contacts:
                    continue
                if TOLL_FREE.match(digits) and digits not in source_digits:
                    continue  # a service number, not the customer's
            if any(raw in c for c in run.compiled.brand_contacts):
                continue
            reported.add(hit.kind)
            echo = (
                " It repeats what the customer posted." if raw in normalise(ctx.post_text) else ""
            )
            run.fail(
                check_id,
                (hit.start, hit.end),
                f"Shows {KIND_LABEL[hit.kind]} in a public reply.{echo}",
                "Remove it and ask for the details in a private message instead.",
            )
        if "name" in pd.never_in_public and run.enabled("personal_data.name"):
            _check_names(run)
        _check_private_move(run)
    elif run.enabled("personal_data.card"):
        # Private channels may discuss the order, but never repeat a full card number.
        for hit in find_personal_data(draft.without_links, run.compiled.order_number):
            raw = draft.norm[hit.start : hit.end]
            if hit.kind == "card" and len(_digits(raw)) >= 13:
                run.fail(
                    "personal_data.card",
                    (hit.start, hit.end),
                    "Repeats a full card number, which no channel may carry.",
                    'Remove it; refer to "your card" instead.',
                )
                break


# (r29) An author shown by a display name rather than a @handle, in two or three capitalised
# words ("Rosa Delgado" on a Facebook comment).
_DISPLAY_NAME = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ'’]{1,}(?:[ -][A-ZÀ-Ý][a-zà-ÿ'’]{1,}){1,2}")


def _author_full_name(run: CheckRun) -> bool:
    """(r29) A public reply that spells out the author's full display name (first name and
    surname: "Thanks for waiting, Rosa Delgado."): the handle shows who they are, the full
    name repeated in the brand's voice is their name beyond the handle. A first name alone
    stays a greeting."""
    author = (run.ctx.author or "").strip()
    if not _DISPLAY_NAME.fullmatch(author) or author not in run.draft.masked:
        return False
    if (
        author.lower()
        in f"{run.ctx.brand.name} {' '.join(run.ctx.brand.sign_off.values())}".lower()
    ):
        return False
    m = re.search(rf"(?<!\w){re.escape(author)}(?!\w)", run.draft.masked)
    if m is None:
        return False
    run.fail(
        "personal_data.name",
        m.span(),
        f"Repeats the author's full name {author!r} in a public reply; only the public handle "
        "or a first name may appear.",
        "Remove the surname (address the customer by first name or handle, or not at all).",
    )
    return True


def _check_names(run: CheckRun) -> None:
    ctx = run.ctx
    if _author_full_name(run):
        return
    names = names_in_post(ctx.post_text)
    if not names:
        return
    handle = (ctx.author or "").lower().lstrip("@")
    brand = f"{ctx.brand.name} {' '.join(ctx.brand.sign_off.values())}".lower()
    for name in sorted(names):
        if _shown_by_handle(name.lower(), handle) or name.lower() in brand:
            continue
        m = next(
            (
                found
                for found in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", run.draft.masked)
                if not _STREET_BEFORE.search(
                    run.draft.masked, max(0, found.start() - 40), found.start()
                )
            ),
            None,
        )
        if m:
            run.fail(
                "personal_data.name",
                m.span(),
                f"Repeats the name {name!r} from the customer's post; only the public handle "
                "may appear in a public reply.",
                "Remove the name (address the customer by their handle, or not at all).",
            )
            return


# (r27) A name that is part of a street ("Via Garibaldi 14", "12 Nelson Road"): the address
# check reports it; the street's name is nobody's name ("Corso Cavour" is not Mr Cavour).
_STREET_BEFORE = re.compile(
    rf"(?i)\b(?:{'|'.join(_STREET_WORDS)}|contrada|lungomare|borgo|st\.?|rd\.?|ave\.?|place|"
    r"boulevard|rue|calle)\s(?:(?-i:[A-Z])[\w'-]*\s){0,2}$"
)


def _shown_by_handle(name: str, handle: str) -> bool:
    """The handle shows the name itself: a whole part of it (``@marco_rossi`` shows "Marco" and
    "Rossi") or its start (``@giulia87`` shows "Giulia"). A surname inside a handle
    (``@dcollins``) is no licence to write "Mr Collins"."""
    if not handle:
        return False
    return handle.startswith(name) or name in re.split(r"[^a-zà-ÿ]+", handle)


@lru_cache(maxsize=4)
def _private_contact(language: str) -> Pattern | None:
    return combine(load_lexicon(language).raw.get("private_contact", []))


def _check_private_move(run: CheckRun) -> None:
    ctx = run.ctx
    pd = run.policy.personal_data
    if not pd.move_to_private_when_exposed or not run.enabled("personal_data.move_to_private"):
        return
    exposed = [
        h
        for h in _exposed_in_post(ctx.post_text, run.compiled.order_number)
        if not (
            h.kind == "email"
            and host_allowed(
                ctx.post_text[h.start : h.end].rsplit("@", 1)[-1], run.compiled.allowed_domains
            )
        )
    ]
    if not exposed and "personal_data_public" not in ctx.risk_flags:
        return
    moves = run.compiled.moves.get("move_to_dm")
    if moves is not None and moves.search(run.draft.masked):
        return
    # "We'll give you a call on ...", "we'll write to you at ...": the brand reaching the
    # customer on a private channel is the move, whatever it then repeats (that is
    # personal_data.phone or .email, not this rule).
    contact = _private_contact(run.lexicon.language)
    if contact is not None and contact.search(run.draft.masked):
        return
    removal = run.lexicon.removal_request
    if (
        pd.removal_request_counts_as_private_move
        and removal is not None
        and removal.search(run.draft.masked)
    ):
        return
    what = ", ".join(dict.fromkeys(KIND_LABEL[h.kind] for h in exposed)) or "personal data"
    run.fail(
        "personal_data.move_to_private",
        None,
        f"The customer posted {what} publicly; the reply must move the conversation to a "
        "private channel.",
        'Invite them to a DM (or e-mail/chat) and suggest they delete the post, e.g. "For '
        "your privacy, you may want to delete this post. Please send us a DM and we'll "
        'check it straight away."',
        evidence=what,
    )
