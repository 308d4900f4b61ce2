"""The brand's own name read as "we": "Verdello accepts full responsibility" is the brand
admitting it, and "Verdello will pay you 100 EUR" is the brand offering it."""

from __future__ import annotations

import re

from drafting.checks.checkrun import CheckRun

# The third person after the brand's name, in the first person plural: "Verdello admits" is
# "we admit", "Verdello is" is "we are".
_PLURAL = {"is": "are", "has": "have", "was": "were", "does": "do"}
_THIRD_PERSON = re.compile(r"(\s+)(is|has|was|does|[a-z]{3,}s)\b(?!')")


def brand_as_we(run: CheckRun, text: str) -> str:
    """``text`` (the masked draft, or any text of the same length) with the brand's name read
    as "we" (and an English verb right after it in the first person plural), padded on the
    left so that every span stays where it was."""
    name = run.ctx.brand.name.strip()
    if len(name) < 3 or name.lower() not in text.lower():
        return text

    def as_we(m: re.Match[str]) -> str:
        said = m.group(0)
        verb = _THIRD_PERSON.match(said, len(m.group(1)))
        if verb is None or run.lexicon.language != "en":
            return " " * (len(said) - 2) + "we"
        word = verb.group(2)
        plural = _PLURAL.get(word.lower(), word[:-1])
        out = f"we {plural}"
        return " " * (len(said) - len(out)) + out

    return re.sub(
        rf"(\b{re.escape(name)}\b)(?:{_THIRD_PERSON.pattern})?",
        as_we,
        text,
        flags=re.IGNORECASE,
    )
