"""Numbers written in words, in English and Italian ("fifteen euros", "entro quarantotto
ore"): one list for every module that reads an amount, a duration or a count in words."""

from __future__ import annotations

NUMBER_WORDS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "forty-eight": 48,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "uno": 1,
    "un": 1,
    "una": 1,
    "due": 2,
    "tre": 3,
    "quattro": 4,
    "cinque": 5,
    "sei": 6,
    "sette": 7,
    "otto": 8,
    "nove": 9,
    "dieci": 10,
    "undici": 11,
    "dodici": 12,
    "quindici": 15,
    "venti": 20,
    "trenta": 30,
    "quaranta": 40,
    "quarantotto": 48,
    "cinquanta": 50,
    "sessanta": 60,
    "settanta": 70,
    "ottanta": 80,
    "novanta": 90,
    "cento": 100,
}


def number_words_pattern(min_length: int = 1) -> str:
    """The number words of at least ``min_length`` letters as a regex alternation, longest
    first ("forty-eight" before "forty"), in a non-capturing group."""
    words = sorted((w for w in NUMBER_WORDS if len(w) >= min_length), key=len, reverse=True)
    return "(?:" + "|".join(words) + ")"
