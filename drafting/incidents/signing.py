"""HMAC-SHA256 signatures on webhooks, both ways.

Header ``X-Crisisdraft-Signature: t=<unix seconds>,v1=<hex>``, where ``v1`` is
HMAC-SHA256(secret, "<t>.<raw body>"). The timestamp is signed too, so a captured request
cannot be replayed after ``tolerance_s``; comparison is constant-time.
"""

from __future__ import annotations

import hashlib
import hmac
import time

from drafting.errors import CrisisdraftError

HEADER = "X-Crisisdraft-Signature"


class SignatureError(CrisisdraftError):
    type = "bad-signature"
    status = 401
    title = "Bad signature"


def signature(secret: str, body: bytes, timestamp: int) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return mac.hexdigest()


def sign(secret: str, body: bytes, timestamp: int | None = None) -> str:
    """The header value for ``body``."""
    t = int(time.time()) if timestamp is None else timestamp
    return f"t={t},v1={signature(secret, body, t)}"


def verify(
    secret: str, body: bytes, header: str | None, *, tolerance_s: int, now: float | None = None
) -> None:
    """Raise :class:`SignatureError` unless ``header`` signs ``body`` with ``secret``, recently."""
    fix = (
        f"Send {HEADER}: t=<unix seconds>,v1=<hex HMAC-SHA256 of '<t>.<raw body>' with the "
        "shared secret>."
    )
    if not header:
        raise SignatureError(f"The request has no {HEADER} header.", fix=fix)
    fields: dict[str, list[str]] = {}
    for part in header.split(","):
        name, _, value = part.strip().partition("=")
        fields.setdefault(name, []).append(value)
    try:
        timestamp = int(fields["t"][0])
    except (KeyError, ValueError):
        raise SignatureError(
            f"The {HEADER} header has no valid t=<unix seconds>.", fix=fix
        ) from None
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance_s:
        raise SignatureError(
            f"The signature is {abs(current - timestamp):.0f} s old; at most {tolerance_s} s "
            "are accepted.",
            fix="Sign each request when sending it (and keep clocks in sync).",
        )
    expected = signature(secret, body, timestamp)
    if not any(hmac.compare_digest(expected, given) for given in fields.get("v1", [])):
        raise SignatureError(
            "The signature does not match the body.",
            fix="Sign the exact bytes you send, with the shared secret. " + fix,
        )
