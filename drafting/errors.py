"""One root exception; every subclass carries what went wrong and how to fix it.

The API turns these into problem+json responses with a stable ``type``; the CLI prints
``message`` and ``fix``.
"""

from __future__ import annotations

from typing import Any


class CrisisdraftError(Exception):
    """Root of every error crisisdraft raises on purpose."""

    type: str = "error"
    status: int = 500
    title: str = "Internal error"

    def __init__(self, message: str, *, fix: str = "", **context: Any) -> None:
        super().__init__(message)
        self.message = message
        self.fix = fix
        self.context = context

    def __str__(self) -> str:
        return f"{self.message} {self.fix}".strip()


class NotFoundError(CrisisdraftError):
    type = "not-found"
    status = 404
    title = "Not found"


class InvalidInputError(CrisisdraftError):
    type = "invalid-input"
    status = 422
    title = "Invalid input"


class ForbiddenError(CrisisdraftError):
    """The caller's role may not do this."""

    type = "forbidden"
    status = 403
    title = "Forbidden"


class ConflictError(CrisisdraftError):
    type = "conflict"
    status = 409
    title = "Conflict"


class ModelError(CrisisdraftError):
    """A model provider failed, timed out or returned unusable output."""

    type = "model-error"
    status = 502
    title = "Model provider failed"


class ModelRequiredError(CrisisdraftError):
    """The action needs a language model and the chosen one is the built-in drafter."""

    type = "model-required"
    status = 422
    title = "A language model is required"


class DeadlineExceededError(CrisisdraftError):
    type = "deadline-exceeded"
    status = 504
    title = "Deadline exceeded"


class SetupError(CrisisdraftError):
    """Something the machine needs is missing (model files, a server)."""

    type = "setup"
    status = 503
    title = "Not set up"
