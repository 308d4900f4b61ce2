"""Links in a text: where they are, their host, and whether a brand's allow-list covers them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

_TLDS = (
    "com|net|org|info|biz|io|co|me|tv|ly|gl|to|be|is|app|dev|eu|it|uk|de|fr|es|pt|nl|ch|at|ie|"
    "us|ca|au|example"
)
LINK = re.compile(
    r"https?://[^\s<>\"')\]]+"
    rf"|(?<![@\w.-])(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:{_TLDS})\b(?:/[^\s<>\"')\]]*)?",
    re.IGNORECASE,
)
_ARCHIVE = re.compile(r"^https?://web\.archive\.org/web/[^/]+/(?P<inner>.+)$", re.IGNORECASE)
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_eid|mc_cid|igshid|_hsenc|yclid)$")


@dataclass(frozen=True)
class Link:
    start: int
    end: int
    url: str
    host: str
    inner_host: str | None  # the archived page's host for web.archive.org links
    query: str


def find_links(text: str) -> list[Link]:
    out = []
    for m in LINK.finditer(text):
        url = m.group(0).rstrip(".,;:!?")
        end = m.start() + len(url)
        full = url if re.match(r"^https?://", url, re.I) else "http://" + url
        parts = urlsplit(full)
        inner = None
        archived = _ARCHIVE.match(full)
        if archived:
            inner_url = archived.group("inner")
            if not re.match(r"^https?://", inner_url, re.I):
                inner_url = "http://" + inner_url
            inner = (urlsplit(inner_url).hostname or "").lower() or None
            query = urlsplit(inner_url).query
        else:
            query = parts.query
        out.append(Link(m.start(), end, url, (parts.hostname or "").lower(), inner, query))
    return out


def host_allowed(host: str, allowed: tuple[str, ...]) -> bool:
    host = host.lower().rstrip(".")
    return any(host == d or host.endswith("." + d) for d in allowed)


def link_allowed(link: Link, allowed: tuple[str, ...]) -> bool:
    """Allowed when its host (or, for an archived copy, the archived page's host) is listed."""
    if host_allowed(link.host, allowed):
        return True
    return link.inner_host is not None and host_allowed(link.inner_host, allowed)


def tracking_parameters(link: Link) -> list[str]:
    return [k for k, _ in parse_qsl(link.query, keep_blank_values=True) if _TRACKING.match(k)]
