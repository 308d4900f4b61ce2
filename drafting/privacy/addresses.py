"""Postal addresses in English and Italian: "221B Baker Street", "12 Main St, Springfield",
"Via Roma 12", "Piazza Garibaldi 3, Milano", "Corso Vittorio Emanuele II, 21 - 20122 Milano
(MI)", P.O. boxes, UK postcodes, ZIP codes and CAPs named as such."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafting.privacy.patterns import Found

# USPS Publication 28 street suffixes (the common ones) and British street words.
_SUFFIXES = (
    "Street St Road Rd Avenue Ave Av Lane Ln Drive Dr Boulevard Blvd Way Close Court Ct Place "
    "Pl Square Sq Terrace Ter Terr Crescent Cres Gardens Gdns Grove Gr Parkway Pkwy Highway Hwy "
    "Circle Cir Trail Trl Alley Aly Row Mews Hill Hills Park Walk Green Rise View Vale Wharf "
    "Quay Heights Hts Expressway Expy Freeway Fwy Turnpike Tpke Pike Loop Plaza Plz Point Pt "
    "Ridge Run Path Pass Bend Cove Crossing Xing Estates Estate Extension Ext Fork Forks "
    "Junction Jct Landing Manor Meadow Meadows Mill Mills Orchard Pines Ranch Shores Springs "
    "Station Summit Track Valley Village Vlg Ville Vista Well Wells Center Ctr Centers Centre "
    "Common Commons Corner Corners Creek Crest Dale Dam Divide Falls Ferry Field Fields Flat "
    "Flats Ford Fords Forest Forge Fort Ft Garden Gateway Glen Glens Greens Groves Harbor "
    "Harbors Harbour Haven Hollow Inlet Island Islands Isle Key Keys Knoll Knolls Lake Lakes "
    "Light Lights Loaf Lock Locks Lodge Mall Mission Motorway Mount Mountain Mountains Neck "
    "Oval Overpass Parks Parkways Port Ports Prairie Radial Ramp Rapid Rapids Rest Roads Route "
    "Shoal Shoals Shore Skyway Spring Spur Squares Stravenue Stream Streets Throughway Trace "
    "Trafficway Tunnel Underpass Union Unions Views Villages Ways Burg Burgs Bypass Camp Canyon "
    "Cape Causeway Cliff Cliffs Club Courts Coves Curve Drives Branch Bridge Brook Brooks "
    "Bottom Bluff Bluffs Beach Arcade Annex Embankment Parade Broadway Hwy Promenade Wynd Yard "
    "River Viaduct Fall Crossroad Pine Walks Junctions Cliffs Harbors Ports Unions Lodge "
    "Trafficway "
    "Plain Bayou Course Land Passage Rue Trailer Wall Ridge Points"
)
_SUFFIX = "(?:" + "|".join(sorted(set(_SUFFIXES.split()), key=len, reverse=True)) + ")s?"
# Spelled out in lower case too ("12 main street").
_STRONG_SUFFIX = "street|st|road|rd|avenue|ave|lane|ln|boulevard|blvd|highway|hwy|drive"

_CAP = r"[A-Z][\w'’-]*"
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"
_UNIT_WORD = (
    r"(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Flat|Fl\.?|Floor|Room|Rm\.?|Bldg\.?|Building|#)"
)
# A unit on the same line or the next one (quoted e-mails prefix lines with ">").
_UNIT = rf"(?:(?:,?[ \t]*|[ \t]*\n[ \t>?|]*){_UNIT_WORD}[ \t]*[A-Za-z0-9-]+)"
UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?[ ]?\d[A-Z]{2}"
_TOWN = rf"{_CAP}(?:[ ]{_CAP}){{0,2}}"
# ", Springfield", ", Springfield, IL 62704", "\nAdamsbury, OR 13900", ", London NW1 6XE"
_EN_TAIL = (
    rf"(?:(?:,[ \t]*|[ \t]*\n[ \t]*)(?:{_TOWN})(?:,?[ \t]*(?:[A-Z]{{2}}[ \t]+)?"
    rf"(?:\d{{5}}(?:-\d{{4}})?|{UK_POSTCODE}))?)?"
)
EN_STREET = re.compile(
    rf"(?:\b{_UNIT_WORD}[ \t]*[A-Za-z0-9-]+[ \t]+)?"
    rf"\b\d{{1,6}}[A-Za-z]?(?:[-/]\d{{1,5}}[A-Za-z]?)?,?[ \t]+"
    rf"(?:(?:{_CAP}|{_ORDINAL})[ \t]+){{0,3}}(?:{_SUFFIX})\b\.?{_UNIT}?{_EN_TAIL}"
    rf"|\b\d{{1,6}}[A-Za-z]?,?[ \t]+(?:[a-z]+[ \t]+){{1,2}}(?i:{_STRONG_SUFFIX})\b\.?{_UNIT}?"
)
# The number after the street ("Manning Mall 420", as Italians write it).
EN_STREET_NUMBER_AFTER = re.compile(
    rf"\b(?:{_CAP}[ \t]+){{1,3}}{_SUFFIX},?[ \t]+\d{{1,5}}[A-Za-z]?\b{_UNIT}?"
)
# A street named without its number: "lives on Holland Extension street", "Baker Street".
EN_STREET_NAME = re.compile(
    rf"\b(?:{_CAP}[ \t]+){{1,3}}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Boulevard|Blvd|"
    rf"Drive|Highway|Crescent|Terrace|street|road|avenue|lane|boulevard)(?!\w)"
    rf"|(?i:\b(?:on|at|of|along|off|near|into|down|up)[ \t]+(?:the[ \t]+)?)"
    rf"(?P<v>(?:{_CAP}[ \t]+){{1,3}}{_SUFFIX})\b"
)
_ADDRESS_CUE = (
    r"(?:live|lives|living|lived|located|situated|moved|reside|resides)\s+(?:on|at|in)"
    r"|(?:my|new|home|billing|shipping|delivery|postal)\s+address(?:\s+is)?:?"
    r"|address:|abito\s+(?:in|a)|vivo\s+(?:in|a)|residente\s+(?:in|a)|domiciliat[oa]\s+(?:in|a)"
    r"|(?:il\s+mio\s+)?indirizzo(?:\s+è)?:?|the corner of|all'angolo (?:tra|di)"
)
CUED_PLACE = re.compile(
    rf"(?i:\b(?:{_ADDRESS_CUE}))[ \t]+(?P<v>(?:{_CAP}[ \t]?){{1,4}}(?:,?[ \t]*\d{{1,5}}\w?)?)"
)
MILITARY = re.compile(
    r"\b(?:USNS|USNV|USS|USCGC|PSC|Unit)\s+\w+(?:,?\s+Box\s+\d+)?\s+(?:APO|FPO|DPO)\s+"
    r"A[AEP]\s+\d{5}\b"
)
PO_BOX = re.compile(
    r"\b(?:P\.?\s?O\.?\s?Box|Post Office Box|Casella Postale|C\.P\.)\s*\d+\b", re.IGNORECASE
)
POSTCODE_UK = re.compile(rf"\b{UK_POSTCODE}\b")
POSTCODE_CUED = re.compile(
    r"(?i:\b(?:zip(?:\s?code)?|post\s?code|postal code|cap|c\.a\.p\.?|codice postale))"
    rf"\s*(?:is|è|:)?\s*(?P<v>\d{{5}}(?:-\d{{4}})?|{UK_POSTCODE})\b"
)
US_STATE_ZIP = re.compile(rf"\b{_TOWN},?[ \t]*[A-Z]{{2}}[ \t]+\d{{5}}(?:-\d{{4}})?\b")
# A postcode that ends an address block ("Sudan 08366", a line "    08581") or follows a
# town ("Springfield 62704").
POSTCODE_LINE = re.compile(
    r"(?m)^[ \t>?|]*\d{5}(?:-\d{4})?[ \t]*$"
    r"|(?<=[A-Za-z)'’][ \t])\d{5}(?:-\d{4})?(?=[ \t]*(?:\n|\Z|[.,;]))"
    r"|(?<=[a-z][ \t])\d{5}(?![\w.,/-])"
)

# Italian: "Via Roma 12", "V.le dei Mille, 3", "Piazza Garibaldi 3, Milano",
# "Stretto Melania, 66 Appartamento 88\n10012, Bollengo (TO)".
_IT_TYPES = (
    r"Via Privata|Strada Statale|Strada Provinciale|Via|Viale|V\.le|V\.|Piazza|Piazzetta|"
    r"P\.zza|P\.za|Pza|Piazzale|P\.le|Corso|C\.so|Largo|Vicolo|Vico|Strada|Str\.|Stretto|"
    r"Contrada|C\.da|Località|Loc\.|Frazione|Fraz\.|Borgo|Borgata|Lungomare|Lungotevere|"
    r"Lungarno|Lungolago|Salita|Discesa|Galleria|Rotonda|Incrocio|Canale|Calle|Campo|"
    r"Fondamenta|Rione|Traversa|Circonvallazione|Passeggiata|Vialetto|Rampa|Riva|Ruga|"
    r"Sestiere|Cortile|Parco|S\.S\.|SS|S\.P\.|SP"
)
_IT_LOWER_TYPES = (
    r"via|viale|piazza|piazzale|corso|largo|vicolo|strada|contrada|località|frazione|borgo|"
    r"lungomare|salita|traversa"
)
_IT_PARTICLE = (
    r"(?:d'|dell'|de|del|dei|degli|della|delle|dello|di|da|dal|dalla|e|in|al|alla|sul|sulla|"
    r"San|Santa|S\.)"
)
_IT_MONTH = (
    r"(?:Gennaio|Febbraio|Marzo|Aprile|Maggio|Giugno|Luglio|Agosto|Settembre|Ottobre|"
    r"Novembre|Dicembre)"
)
_IT_WORD = rf"(?:[A-Z][\w'’.-]*|\d{{1,2}}[ \t]+{_IT_MONTH}|[IVXL]+)"
_IT_NAME = (
    rf"(?:{_IT_PARTICLE}[ \t]?)*{_IT_WORD}(?:[ \t]+(?:{_IT_PARTICLE}[ \t]?)*{_IT_WORD}){{0,4}}"
)
_IT_NUMBER = (
    r"(?:,?[ \t]*(?:n\.?|n°|nº|nr\.?|num\.?|civico)?[ \t]*\d{1,4}"
    r"(?:[ \t]?/?[ \t]?[A-Za-z](?![\w']))?\b)"
)
_IT_UNIT = (
    r"(?:(?:,?[ \t]*|[ \t]*\n[ \t>?|]*)"
    r"(?:Appartamento|App\.|Apt\.?|Piano|Scala|Interno|Int\.|Palazzina|Edificio|"
    r"Lotto|Sc\.)[ \t]*[A-Za-z0-9]+)"
)
_IT_TOWN = rf"{_CAP}(?:[ \t](?:{_CAP}|di|del|de|sul|in|al|d'\w+)){{0,3}}"
_IT_TAIL = (
    rf"(?:(?:,|[ \t]+-|\n)?[ \t]*\d{{5}},?[ \t]+{_IT_TOWN}(?:[ \t]*\([A-Z]{{2}}\))?"
    rf"|,[ \t]*{_IT_TOWN}(?:[ \t]*\([A-Z]{{2}}\))?)?"
)
IT_STREET = re.compile(
    rf"(?:\b\d{{1,5}}[ \t]+)?\b(?:{_IT_TYPES})[ \t]+{_IT_NAME}{_IT_NUMBER}?{_IT_UNIT}*{_IT_TAIL}"
    rf"|\b(?:{_IT_LOWER_TYPES})[ \t]+{_IT_NAME}{_IT_NUMBER}{_IT_UNIT}*{_IT_TAIL}"
)
IT_CAP_TOWN = re.compile(
    r"\b\d{5},?\s[A-Z][a-zàèéìòù']{2,}(?:\s[A-Z][a-zàèéìòù']{2,}){0,2}\s?\([A-Z]{2}\)"
)

_PLAIN = (
    EN_STREET,
    EN_STREET_NUMBER_AFTER,
    MILITARY,
    PO_BOX,
    POSTCODE_UK,
    US_STATE_ZIP,
    IT_CAP_TOWN,
    POSTCODE_LINE,
)


def addresses(text: str) -> Iterator[Found]:
    for m in IT_STREET.finditer(text):
        yield Found("ADDRESS", m.start(), m.end() - _trailing(m.group(0)))
    for rx in _PLAIN:
        for m in rx.finditer(text):
            yield Found("ADDRESS", m.start(), m.end() - _trailing(m.group(0)))
    for rx in (CUED_PLACE, POSTCODE_CUED, EN_STREET_NAME):
        for m in rx.finditer(text):
            group = "v" if m.group("v") else 0
            value = m.group(group)
            yield Found("ADDRESS", m.start(group), m.end(group) - _trailing(value))


def _trailing(raw: str) -> int:
    """Spaces and punctuation a match took past the address."""
    return len(raw) - len(raw.rstrip(" \t\n,;:-"))
