"""Factual claims in a text (amounts, percentages, counts, dates and times, durations), each
normalised so that a claim in a draft can be compared with the same claim in the incident facts,
in either language ("20 EUR" = "€20" = "20 euro"; "3pm" = "15:00"; "48 ore" = "48 hours")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from drafting.checks.lexicon import LEXICON_LANGUAGES, load_lexicon
from drafting.numerals import NUMBER_WORDS, number_words_pattern

#: A number written with thousands separators: "3,200", "3.200", "3 200".
GROUPED = r"\d{1,3}(?:[.,\u202f ]\d{3})+"
_NUM = rf"{GROUPED}(?:[.,]\d{{1,2}})?|\d+(?:[.,]\d{{1,2}})?"
CURRENCIES = {
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "£": "GBP",
    "gbp": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "chf": "CHF",
    "franc": "CHF",
    "francs": "CHF",
}
#: A number starts where no other digit, point or comma runs into it: tried inside a long run
#: of digits, each start would read the rest of the run again (quadratic on "000...0").
AMOUNT = re.compile(
    rf"(?P<cur>[€$£]|\b(?:EUR|USD|GBP|CHF)\b)\s?(?P<num>{_NUM})"
    rf"|(?<![\d.,])(?P<num2>{_NUM})\s?"
    r"(?P<cur2>[€$£]|(?:EUR|USD|GBP|CHF|euros?|dollars?|pounds?|francs?)\b)",
    re.IGNORECASE,
)
PERCENT = re.compile(
    r"(?<![\d.,])(?P<num>\d+(?:[.,]\d+)?)\s?(?:%|per ?cent\b|percent\b|per cento\b|percento\b)",
    re.IGNORECASE,
)
_NUMWORD = number_words_pattern(min_length=3)
_UNITS = {
    "minute": "minute",
    "minutes": "minute",
    "min": "minute",
    "mins": "minute",
    "minuto": "minute",
    "minuti": "minute",
    "hour": "hour",
    "hours": "hour",
    "hr": "hour",
    "hrs": "hour",
    "h": "hour",
    "ora": "hour",
    "ore": "hour",
    "day": "day",
    "days": "day",
    "giorno": "day",
    "giorni": "day",
    "week": "week",
    "weeks": "week",
    "settimana": "week",
    "settimane": "week",
    "month": "month",
    "months": "month",
    "mese": "month",
    "mesi": "month",
    "year": "year",
    "years": "year",
    "anno": "year",
    "anni": "year",
}
_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
DURATION = re.compile(
    rf"\b(?P<n>\d+(?:[.,]\d+)?|{_NUMWORD})(?:\s?(?:-|–|to|or|o|a)\s?(?P<n2>\d+|{_NUMWORD}))?"
    rf"[\s-]?(?:(?:working|business|calendar|full)\s)?(?P<unit>{_UNIT})\b",
    re.IGNORECASE,
)
DURATION_SPECIAL = re.compile(
    r"\b(?:within|in) (?:the|an|one) hour\b|\bhalf an hour\b|\bmezz'ora\b|\bentro un'ora\b"
    r"|\btra un'ora\b|\bun'ora\b",
    re.IGNORECASE,
)
# One unit said with an article after a word that makes it a length of time ("it's gone after
# a day", "within a week", "entro una settimana"), not "have a good day" nor what happened to
# the customer ("leaking after a week", "waiting for a week").
DURATION_ONE = re.compile(
    # (r32) ... also "in the space of a day", "nel giro di un giorno", "nell'arco di una
    # settimana".
    r"\b(?:within|in|takes?|took|entro|tra|fra|in the space of|nel giro di|nell'arco di|"
    r"(?:gone|over|fades?|disappears?|goes away|"
    r"clears?|passes|settles?|wears off|sparisce|svanisce|passa|se ne va) after|"
    # (r24) ... and a length given to what lasts ("free delivery for a year", "back at work in
    # about a month", "spedizione gratuita per un anno", "per circa un mese"), not how long the
    # customer has gone through it ("you've been waiting for a week", "fermo per un giorno").
    r"(?<!waiting )(?<!waited )(?<!been )(?<!stuck )(?<!down )(?<!offline )(?<!closed )"
    r"(?<!without )(?<!missing )(?<!aspettando )(?<!atteso )(?<!fermo )(?<!ferma )"
    r"(?<!bloccato )(?<!bloccata )(?<!senza )(?<!chiuso )(?<!chiusa )(?:for|per)|"
    r"(?:sparisce|svanisce|passa|se ne va) dopo)\s(?:just\s|only\s|solo\s|appena\s)?"
    r"(?:about\s|around\s|roughly\s|nearly\s|almost\s|circa\s|quasi\s)?"
    r"(?:a|an|un|una|uno)\s"
    r"(?P<unit>day|week|month|year|giorno|settimana|mese|anno)\b",
    re.IGNORECASE,
)
# A length of time said without a number, as a claim of speed ("within hours", "in a few
# days", "nel giro di poche ore", "entro pochi giorni"): a duration the facts must give. Not
# minutes ("an e-mail in a few minutes" says "shortly").
DURATION_VAGUE = re.compile(
    r"\b(?:within|in|entro|tra|fra|nel giro di)\s(?:(?:a few|few|some|just|poche|pochi|qualche)\s)?"
    r"(?P<unit>hours|days|weeks|ore|giorni|settimane)\b(?!\s+(?:of|di)\b)",
    re.IGNORECASE,
)
# (r22) How long something lasted, said without a number ("the video was online for a few
# minutes", "è rimasto online pochi minuti", "the outage lasted only a couple of hours", "è
# durato qualche giorno"): a duration the facts must give.
DURATION_LASTED = re.compile(
    r"\b(?:was|were|been|stayed|remained|lasted|ran|rimast[oaie]|restat[oaie]|durat[oaie]|"
    r"dura(?:to|ta)?|è durat[oaie])\b[^.!?\n]{0,25}?\b(?:for |per )?(?:only |just |solo |appena |"
    r"soltanto )?(?:a few|few|some|several|a couple of|pochi|poche|qualche|alcuni|alcune)\s"
    r"(?P<unit>minutes|hours|days|weeks|minuti|minuto|ore|ora|giorni|giorno|settimane)\b",
    re.IGNORECASE,
)
_CLOCK_AMPM = re.compile(
    r"\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s?(?P<ap>am|pm|a\.m\.|p\.m\.)(?!\w)",
    re.IGNORECASE,
)
_CLOCK_24 = re.compile(
    r"(?<![\d.,:/-])(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?!\d)(?![.,:/]\d)(?!\s?(?:%|€|eur\b|euro))",
    re.IGNORECASE,
)
# The end of a time range ("08:00-12:00"): _CLOCK_24 leaves a time after a hyphen alone (it
# could be part of a date or a code), but after a clock time it is the range's end.
_CLOCK_RANGE_END = re.compile(
    r"(?<=\d[:.]\d\d)\s?[-–]\s?(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?!\d)(?![.,:/]\d)"
)
_CLOCK_IT = re.compile(
    r"\b(?:alle|entro le|dalle|verso le|ore|delle ore|delle)\s(?P<h>[01]?\d|2[0-3])\b(?![:.]\d)",
    re.IGNORECASE,
)
_MONTH_ABBR = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    "gen": 1,
    "mag": 5,
    "giu": 6,
    "lug": 7,
    "ago": 8,
    "set": 9,
    "ott": 10,
    "dic": 12,
}
_COUNT_WORDS = r"thousands|hundreds|dozens|migliaia|centinaia|decine"
_QUANTIFIERS = (
    r"(?:about|around|over|more than|nearly|almost|some|roughly|circa|oltre|più di|quasi|"
    r"ca\.)\s"
)


@dataclass(frozen=True)
class Claim:
    kind: str  # amount, percentage, count, datetime, duration
    start: int
    end: int
    keys: frozenset[str]  # normalised values; a claim is supported when one key is supported
    value: float | None = None
    currency: str | None = None


def parse_number(raw: str) -> float | None:
    raw = raw.strip().replace("\u202f", " ")
    if raw.lower() in NUMBER_WORDS:
        return float(NUMBER_WORDS[raw.lower()])
    raw = raw.replace(" ", "")
    if "," in raw and "." in raw:
        decimal = "," if raw.rfind(",") > raw.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        raw = raw.replace(thousands, "").replace(decimal, ".")
    elif "," in raw or "." in raw:
        sep = "," if "," in raw else "."
        groups = raw.split(sep)
        if len(groups) > 2 or len(groups[-1]) == 3:
            raw = raw.replace(sep, "")
        else:
            raw = raw.replace(sep, ".")
    try:
        return float(raw)
    except ValueError:
        return None


def _fmt(value: float) -> str:
    return f"{value:g}"


# (r31) A number with its order of magnitude in words ("20 million euros", "€2.5 million",
# "20 milioni di euro", "300mila euro"): the amount is the number times that.
_AMOUNT_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "mila": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "m": 1e6,
    "mln": 1e6,
    "milione": 1e6,
    "milioni": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "miliardo": 1e9,
    "miliardi": 1e9,
    "mld": 1e9,
}
_MAGNITUDE = r"(?P<mag>thousand|millions?|billion|bn|mln|mld|milion[ei]|miliard[oi]|mila|k|m)\b"
AMOUNT_SCALED = re.compile(
    rf"(?<![\d.,])(?P<num>{_NUM})\s?{_MAGNITUDE}\s?(?:of\s|di\s|d')?"
    r"(?P<cur>[€$£]|(?:EUR|USD|GBP|CHF|euros?|dollars?|pounds?|francs?)\b)",
    re.IGNORECASE,
)
_MAGNITUDE_AFTER = re.compile(rf"\s?{_MAGNITUDE}", re.IGNORECASE)


def amounts(text: str) -> list[Claim]:
    out = []
    scaled = list(AMOUNT_SCALED.finditer(text))
    for m in scaled:
        value = parse_number(m.group("num"))
        if value is None:
            continue
        value *= _AMOUNT_SCALES[m.group("mag").lower()]
        cur_raw = m.group("cur").lower()
        currency = CURRENCIES.get(cur_raw, cur_raw.upper())
        out.append(
            Claim(
                "amount",
                m.start(),
                m.end(),
                frozenset({f"{_fmt(value)} {currency}"}),
                value,
                currency,
            )
        )
    for m in AMOUNT.finditer(text):
        if any(x.start() <= m.start() < x.end() for x in scaled):
            continue
        cur_raw = (m.group("cur") or m.group("cur2") or "").lower()
        value = parse_number(m.group("num") or m.group("num2") or "")
        currency = CURRENCIES.get(cur_raw, cur_raw.upper())
        if value is None:
            continue
        end = m.end()
        if m.group("cur") and (mag := _MAGNITUDE_AFTER.match(text, end)) is not None:
            value *= _AMOUNT_SCALES[mag.group("mag").lower()]  # "€2.5 million"
            end = mag.end()
        out.append(
            Claim(
                "amount",
                m.start(),
                end,
                frozenset({f"{_fmt(value)} {currency}"}),
                value,
                currency,
            )
        )
    return sorted(out, key=lambda c: c.start)


def percentages(text: str) -> list[Claim]:
    out = []
    for m in PERCENT.finditer(text):
        value = parse_number(m.group("num"))
        if value is not None:
            out.append(
                Claim("percentage", m.start(), m.end(), frozenset({f"{_fmt(value)}%"}), value)
            )
    return out


@lru_cache(maxsize=4)
def _count_pattern(nouns: tuple[str, ...]) -> re.Pattern[str]:
    noun = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(
        # A number inside a code ("INC-2026-11", "VD-12") is an identifier, not a count; a
        # day before a month ("on 28 November some orders") is a date.
        # A number with a thousands separator ("3.000 set") is never a day of a month.
        # The minutes of a time ("alle 17:30 tutti i clienti") are no count either. "Of you" and
        # "of the cancelled orders" name who is counted.
        rf"(?:{_QUANTIFIERS})?(?<![\w/#:.-])(?:(?P<big>\d{{1,3}}(?:[.,]\d{{3}})+)\s|(?P<num>\d+)\s"
        rf"(?!(?:{_month_names()})\.?\s))(?:(?:of|di) (?:you|voi)\b|(?:of the |of our |of these )"
        rf"(?:[\w'-]+\s){{0,2}}(?:{noun})\b|(?:[\w'-]+\s){{0,2}}(?:{noun})\b)"
        rf"|\b(?P<word>{_COUNT_WORDS})\s(?:of|di)\s(?:[\w'-]+\s){{0,1}}(?:{noun})\b"
        # A number with a thousands separator counts something whatever its noun ("50,000
        # cards", "30.000 carte") and wherever the noun is ("le carte coinvolte sono circa
        # 41.000."): no date, time or code is written that way, so the noun list above is not
        # needed (units, currencies and percent signs make durations, amounts, percentages).
        rf"|(?:{_QUANTIFIERS})?(?<![\w/#:.-])(?P<bigw>\d{{1,3}}(?:[.,]\d{{3}})+)(?![.,]?\d|\s?%)"
        rf"(?!\s?(?:{_UNIT}|{_CURRENCY_WORDS}|per ?cent|percent|per cento)\b)"
        rf"(?:\s[^\W\d_][\w'-]*)?",
        re.IGNORECASE,
    )


_CURRENCY_WORDS = "|".join(sorted((c for c in CURRENCIES if c.isalpha()), key=len, reverse=True))


@lru_cache(maxsize=1)
def _month_names() -> str:
    """Every month name the lexicons know, and its three-letter short form ("nov", "dic")."""
    names: set[str] = {"sept"}
    for lang in LEXICON_LANGUAGES:
        for month in load_lexicon(lang).months:
            names.update((month.lower(), month[:3].lower()))
    return "|".join(sorted(names, key=len, reverse=True))


def _all_count_nouns() -> tuple[str, ...]:
    nouns: list[str] = []
    for lang in LEXICON_LANGUAGES:
        nouns += load_lexicon(lang).count_nouns
    return tuple(sorted(set(nouns)))


_COUNT_HINT = re.compile(rf"\d{{2}}|{_COUNT_WORDS}", re.IGNORECASE)
_UNIT_HINT = re.compile(rf"\b(?:{_UNIT})\b|mezz'ora|un'ora", re.IGNORECASE)
_DIGIT = re.compile(r"\d")


# A count whose noun came earlier ("... requests were checked and we accepted 1,120 of them",
# "ne abbiamo accettate 1.120", "and 1,090 were accepted"): the number stands alone.
_PARTITIVE = re.compile(
    r"\bne (?:[\w']+\s){1,3}(?<!alle )(?<!le )(?<!ore )(?<!entro )(?<!dalle )(?<!il )(?<!del )"
    r"(?<!dal )(?<!al )(?P<it>\d{1,3}(?:\.\d{3})+|\d{2,})(?![\d.,:/]\d|\w)"
    r"|(?<![\w/#-])(?P<en>\d{1,3}(?:,\d{3})+|\d{2,3})(?: of (?:them|these|those))? "
    r"(?:were|have been|had been|got) (?:\w+ed|paid|sent|made|given)\b"
    # (r24) ... and in Italian, the number as the subject of a passive ("40 sono già stati
    # rimborsati", "1.200 sono state spedite", "90 di questi vengono sostituiti").
    r"|(?<![\w/#:.,-])(?<!alle )(?<!le )(?<!ore )(?<!il )(?<!dal )(?<!del )(?<!al )"
    r"(?P<it2>\d{1,3}(?:\.\d{3})+|\d{2,})(?: di (?:questi|queste|loro|essi|esse))? "
    r"(?:sono|erano|vengono|venivano|risultano|saranno) (?:già |ora |ormai )?(?:stat[ie] )?"
    r"[^\W\d_]{2,}(?:at|ut|it|ess|ss|st)[ie]\b",
    re.IGNORECASE,
)


# A count said as a rank ("you're the tenth customer to tell us", "sei il decimo cliente", "the
# 12th order today"): as many people or orders as the rank says.
_ORDINALS = {
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "fifteenth": 15,
    "twentieth": 20,
    "thirtieth": 30,
    "fiftieth": 50,
    "hundredth": 100,
    "decimo": 10,
    "decima": 10,
    "undicesimo": 11,
    "undicesima": 11,
    "dodicesimo": 12,
    "dodicesima": 12,
    "quindicesimo": 15,
    "quindicesima": 15,
    "ventesimo": 20,
    "ventesima": 20,
    "trentesimo": 30,
    "trentesima": 30,
    "cinquantesimo": 50,
    "cinquantesima": 50,
    "centesimo": 100,
    "centesima": 100,
}
_RANKED = re.compile(
    r"\b(?:the|il|la|l'|lo)\s?(?P<rank>"
    + "|".join(_ORDINALS)
    + r"|(?P<n>\d{2,})(?:th|st|nd|rd|°|º|esim[oa]))\s(?:[\w-]+\s)?"
    r"(?:customers?|clients?|clienti|cliente|person|persona|people|order|ordine|message|messaggio|"
    r"complaint|reclamo|segnalazione|report|call|chiamata|caller|buyer|acquirente|one)\b",
    re.IGNORECASE,
)


def _ranked_counts(text: str) -> list[Claim]:
    out: list[Claim] = []
    for m in _RANKED.finditer(text):
        value = float(m.group("n")) if m.group("n") else float(_ORDINALS[m.group("rank").lower()])
        out.append(Claim("count", m.start("rank"), m.end(), frozenset({_fmt(value)}), value))
    return out


# (r24) The digits a card, phone or code ends with, named as such ("the card ending 4417",
# "la carta che finisce con 8812", "last four digits 3090"): an identifier, not a count
# (personal_data reads it).
_IDENTIFIER_BEFORE = re.compile(
    r"\b(ending|ends|ended|finisce|finiscono|termina|terminano|terminante|finale|digits|cifre)"
    r"( (in|with|on|con|in|per|:))?\s{0,3}$",
    re.IGNORECASE,
)


# (r29) A count said with its order of magnitude in words ("seen by over 3 million viewers",
# "visto da oltre un milione di persone", "1.5 million accounts"), however the number is
# written: the same key as the figure in digits ("3,000,000").
_MAGNITUDE_HINT = re.compile(r"milli|milion|thousand|billion|miliard|\bmila\b", re.IGNORECASE)
_MAGNITUDES = {
    "thousand": 1e3,
    "mila": 1e3,
    "million": 1e6,
    "milion": 1e6,
    "billion": 1e9,
    "miliard": 1e9,
}


@lru_cache(maxsize=4)
def _magnitude_pattern(nouns: tuple[str, ...]) -> re.Pattern[str]:
    noun = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w.,])(?P<num>\d+(?:[.,]\d+)?|{_NUMWORD}|un|uno)\s"
        r"(?P<mag>thousand|million|billion|mila|milion[ei]|miliard[oi])s?"
        rf"\s(?:(?:of|di)\s)?(?:[\w'-]+\s){{0,1}}(?:{noun})\b",
        re.IGNORECASE,
    )


def _magnitude_counts(text: str) -> list[Claim]:
    """(r29) Counts with their magnitude in words (see _MAGNITUDE_HINT)."""
    out: list[Claim] = []
    if _MAGNITUDE_HINT.search(text) is None:
        return out
    for m in _magnitude_pattern(_all_count_nouns()).finditer(text):
        raw = m.group("num").lower()
        value = 1.0 if raw in ("un", "uno") else parse_number(raw.replace(",", "."))
        mag = next(v for k, v in _MAGNITUDES.items() if m.group("mag").lower().startswith(k))
        if value is not None:
            total = value * mag
            out.append(Claim("count", m.start(), m.end(), frozenset({_fmt(total)}), total))
    return out


def counts(text: str) -> list[Claim]:
    """Numbers of people, orders, payments... (10 or more, or "thousands of"), also said as a
    rank ("the tenth customer")."""
    magnitudes = _magnitude_counts(text)
    out: list[Claim] = _ranked_counts(text) + magnitudes
    if not _COUNT_HINT.search(text):
        return out
    for m in _count_pattern(_all_count_nouns()).finditer(text):
        if _IDENTIFIER_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            continue
        if m.group("word"):
            word = m.group("word").lower()
            key = {"migliaia": "thousands", "centinaia": "hundreds", "decine": "dozens"}.get(
                word, word
            )
            out.append(Claim("count", m.start(), m.end(), frozenset({key})))
            continue
        value = parse_number(m.group("big") or m.group("num") or m.group("bigw"))
        if value is not None and value >= 10:
            out.append(Claim("count", m.start(), m.end(), frozenset({_fmt(value)}), value))
    for m in _PARTITIVE.finditer(text):
        group = "it" if m.group("it") else "it2" if m.group("it2") else "en"
        start, end = m.span(group)
        value = parse_number(text[start:end])
        if value is not None and value >= 10 and not any(c.start <= start < c.end for c in out):
            out.append(Claim("count", start, end, frozenset({_fmt(value)}), value))
    if magnitudes:  # "12 million people" is one count, not also a count of twelve
        out = [
            c
            for c in out
            if c in magnitudes or not any(c.start < g.end and g.start < c.end for g in magnitudes)
        ]
    return out


@lru_cache(maxsize=1)
def _calendar() -> tuple[
    dict[str, int], dict[str, int], dict[str, str], re.Pattern[str], re.Pattern[str]
]:
    months: dict[str, int] = dict(_MONTH_ABBR)
    weekdays: dict[str, int] = {}
    relative: dict[str, str] = {}
    for lang in LEXICON_LANGUAGES:
        lex = load_lexicon(lang)
        months.update({name: i + 1 for i, name in enumerate(lex.months)})
        weekdays.update({name: i for i, name in enumerate(lex.weekdays)})
        canonical = ("tomorrow", "tonight", "yesterday", "day after tomorrow")
        relative.update(
            {name: canonical[i] for i, name in enumerate(lex.relative_days) if i < len(canonical)}
        )
    month = "|".join(sorted(months, key=len, reverse=True))
    day_names = "|".join(sorted([*weekdays, *relative], key=len, reverse=True))
    dates = re.compile(
        rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s(?:of\s)?(?P<mon>{month})\b\.?"
        rf"|\b(?P<mon2>{month})\.?\s(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b"
        r"|\b(?P<y>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})\b"
        r"|(?<![\d/])(?P<d4>[0-3]?\d)/(?P<m4>[01]?\d)(?:/\d{2,4})?(?![\d/])",
        re.IGNORECASE,
    )
    # "Black Friday" and "Cyber Monday" are the names of sales, not days.
    days = re.compile(rf"(?<!black )(?<!cyber )(?<!giving )\b(?P<day>{day_names})\b", re.IGNORECASE)
    return months, weekdays, relative, dates, days


def datetimes(text: str) -> list[Claim]:
    months, weekdays, relative, dates, days = _calendar()
    out: list[Claim] = []
    taken: list[tuple[int, int]] = []
    digits = bool(_DIGIT.search(text))
    for m in _CLOCK_AMPM.finditer(text) if digits else ():
        hour = int(m.group("h")) % 12 + (12 if m.group("ap").lower().startswith("p") else 0)
        minute = int(m.group("m") or 0)
        out.append(Claim("datetime", m.start(), m.end(), frozenset({f"{hour:02d}:{minute:02d}"})))
        taken.append(m.span())
    for rx in (_CLOCK_24, _CLOCK_IT, _CLOCK_RANGE_END) if digits else ():
        for m in rx.finditer(text):
            start = m.start("h")
            if any(s <= start < e for s, e in taken):
                continue
            minute = int(m.groupdict().get("m") or 0)
            out.append(
                Claim(
                    "datetime",
                    start,
                    m.end(),
                    frozenset({f"{int(m.group('h')):02d}:{minute:02d}"}),
                )
            )
            taken.append((start, m.end()))
    matches = [*(dates.finditer(text) if digits else ()), *days.finditer(text)]
    for m in matches:
        if any(s <= m.start() < e for s, e in taken):
            continue
        groups = m.groupdict()
        keys: set[str] = set()
        if groups.get("mon"):
            keys.add(f"{int(m.group('d'))}/{months[m.group('mon').lower()]}")
        elif groups.get("mon2"):
            keys.add(f"{int(m.group('d2'))}/{months[m.group('mon2').lower()]}")
        elif groups.get("y"):
            keys.add(f"{int(m.group('d3'))}/{int(m.group('m3'))}")
        elif groups.get("d4"):
            if m.group(0) == "24/7":
                continue
            d, mo = int(m.group("d4")), int(m.group("m4"))
            if 1 <= mo <= 12 and 1 <= d <= 31:
                keys.add(f"{d}/{mo}")
            if 1 <= d <= 12 and 1 <= mo <= 31:
                keys.add(f"{mo}/{d}")  # month/day order, as written in the US
        elif groups.get("day"):
            name = m.group("day").lower()
            keys.add(f"weekday:{weekdays[name]}" if name in weekdays else f"rel:{relative[name]}")
        if keys:
            out.append(Claim("datetime", m.start(), m.end(), frozenset(keys)))
    # (r22) The first day of a range that shares its month with the last ("sold between 2 and
    # 20 November", "dal 2 al 20 novembre") is a date of that month too.
    firsts = [*_RANGE_FIRST_DAY.finditer(text), *_PAIR_FIRST_DAY.finditer(text)] if digits else []
    for m in firsts:
        last = next((c for c in out if c.start == m.start("last")), None)
        day = int(m.group("first"))
        if last is None or not 1 <= day <= 31 or any(c.start == m.start("first") for c in out):
            continue
        month = next((k.split("/")[1] for k in last.keys if "/" in k), None)
        if month is not None:
            out.append(Claim("datetime", m.start("first"), m.end("first"),
                             frozenset({f"{day}/{month}"})))  # fmt: skip
    return sorted(out, key=lambda c: c.start)


_RANGE_FIRST_DAY = re.compile(
    r"\b(?:between|from|dal|dall'|tra|fra|tra il|fra il)\s(?:[^\W\d_]+\s)?(?P<first>[0-3]?\d)"
    r"(?:st|nd|rd|th)?\s?(?:and|to|until|till|al|all'|e|e il|[-–])\s?(?:the\s)?"
    r"(?:[^\W\d_]+\s)?(?P<last>[0-3]?\d)\b",
    re.IGNORECASE,
)


# (r31) ... and the first of two days joined by "and" or "e" with the month named once, each
# with its weekday ("Saturday 28 and Sunday 29 November", "sabato 28 e domenica 29 novembre",
# "on the 3rd and 4th of May"): a date of that month too.
_PAIR_FIRST_DAY = re.compile(
    r"(?<![\d.,/])\b(?P<first>[0-3]?\d)(?:st|nd|rd|th)?\s(?:and|or|e|o|&)\s(?:the\s)?"
    r"(?:[^\W\d_]+\s)?(?P<last>[0-3]?\d)\b",
    re.IGNORECASE,
)


def durations(text: str) -> list[Claim]:
    out: list[Claim] = []
    if not _UNIT_HINT.search(text):
        return out
    for m in DURATION.finditer(text):
        unit = _UNITS[m.group("unit").lower()]
        keys = set()
        for raw in (m.group("n"), m.group("n2")):
            if raw:
                value = parse_number(raw)
                if value is not None:
                    keys.add(f"{_fmt(value)} {unit}")
        if keys:
            out.append(Claim("duration", m.start(), m.end(), frozenset(keys)))
    for m in DURATION_ONE.finditer(text):
        unit = _UNITS[m.group("unit").lower()]
        out.append(Claim("duration", m.start(), m.end(), frozenset({f"1 {unit}"})))
    for m in DURATION_VAGUE.finditer(text):
        unit = _UNITS[m.group("unit").lower()]
        out.append(Claim("duration", m.start(), m.end(), frozenset({f"few {unit}"})))
    for m in DURATION_LASTED.finditer(text):
        lasted = _UNITS.get(m.group("unit").lower())
        if lasted is not None and not any(c.start <= m.start("unit") < c.end for c in out):
            out.append(Claim("duration", m.start(), m.end(), frozenset({f"few {lasted}"})))
    for m in DURATION_SPECIAL.finditer(text):
        half = "half" in m.group(0).lower() or "mezz" in m.group(0).lower()
        out.append(
            Claim("duration", m.start(), m.end(), frozenset({"30 minute" if half else "1 hour"}))
        )
    return out


# (r24) A plain number standing alone (not in a code, a time, a decimal or a date).
_BARE_NUMBER = re.compile(r"(?<![\w/#:.,-])(\d{1,3}(?:[.,]\d{3})+|\d{2,})(?![\w/#:-]|[.,]\d)")


def bare_numbers(text: str) -> frozenset[str]:
    """(r24) The numbers of ``text`` (10 or more) that no amount, percentage, date, time or
    duration claims: whatever they count, said in any order ("the fraudulent orders were 312",
    "accounts affected: 1,240", "gli ordini fraudolenti 312"). A count of the draft with the
    same number says what the facts say, with its noun in front."""
    taken = [(c.start, c.end) for c in numeric_claims(text) if c.kind != "count"]
    out = set()
    for m in _BARE_NUMBER.finditer(text):
        # Inside a date or an amount, or the year after a date ("27 November 2026").
        if any(s <= m.start() <= e + 2 for s, e in taken):
            continue
        value = parse_number(m.group(1))
        if value is not None and value >= 10:
            out.add(_fmt(value))
    return frozenset(out)


def numeric_claims(text: str) -> list[Claim]:
    """Every amount, percentage, count, date/time and duration in ``text``."""
    found = amounts(text) + percentages(text)
    money_spans = [(c.start, c.end) for c in found]
    for claim in counts(text) + datetimes(text) + durations(text):
        if not any(s <= claim.start < e or claim.start <= s < claim.end for s, e in money_spans):
            found.append(claim)
    return sorted(found, key=lambda c: c.start)
