"""Personal data never reaches a remote model: typed placeholders in, values back only for
private replies. See :class:`~drafting.privacy.redactor.Redactor`."""

from drafting.privacy.placeholders import (
    KIND_OF_TAG,
    TAGS,
    contains_placeholder,
    find_placeholders,
)
from drafting.privacy.redactor import Redaction, Redactor

__all__ = [
    "KIND_OF_TAG",
    "TAGS",
    "Redaction",
    "Redactor",
    "contains_placeholder",
    "find_placeholders",
]
