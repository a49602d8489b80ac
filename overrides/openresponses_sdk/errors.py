"""Exceptions raised by openresponses_sdk."""

from __future__ import annotations


class OpenResponsesError(Exception):
    """Base class of every exception raised by this package."""


class ValidationError(OpenResponsesError, ValueError):
    """A payload does not match the schema; ``path`` names the exact location (``output[2].content[0].text``)."""

    def __init__(self, message: str, path: str = "") -> None:
        self.reason = message
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)

    def under(self, segment: str) -> ValidationError:
        """Return this error re-rooted one level down (``segment`` is ``.name`` or ``[3]``)."""
        if not self.path:
            path = segment.lstrip(".")
        elif self.path.startswith("["):
            path = segment.lstrip(".") + self.path
        else:
            path = segment.lstrip(".") + "." + self.path
        return ValidationError(self.reason, path)
