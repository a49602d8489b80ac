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


class ToolDefinitionError(OpenResponsesError, ValueError):
    """A callable or tool description cannot become a function tool; ``where`` names the tool/parameter."""

    def __init__(self, message: str, where: str = "") -> None:
        self.reason = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class ToolCallError(OpenResponsesError):
    """A model's function call could not be executed; ``kind`` says why, the message is what the model sees."""

    def __init__(self, message: str, *, kind: str, tool_name: str, call_id: str, path: str = "") -> None:
        self.kind = kind  # "unknown_tool" | "invalid_arguments" | "exception" | "unserializable_output"
        self.tool_name = tool_name
        self.call_id = call_id
        self.path = path
        super().__init__(message)


class StructuredOutputError(OpenResponsesError, ValueError):
    """The model's final text is not valid for the requested ``response_format``; ``raw_text`` keeps it."""

    def __init__(self, message: str, *, raw_text: str, path: str = "") -> None:
        self.reason = message
        self.raw_text = raw_text
        self.path = path
        where = f" at {path}" if path else ""
        super().__init__(f"{message}{where} (raw text: {raw_text[:200]!r}{'...' if len(raw_text) > 200 else ''})")
