"""Exceptions raised by openresponses_sdk."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx


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


# --- HTTP client errors (client runtime) -------------------------------------------------------


class APIError(OpenResponsesError):
    """Any failure talking to the API; ``request`` is the request that failed (if one was built)."""

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class APIConnectionError(APIError):
    """The server could not be reached, or the connection broke before the response was complete."""


class APITimeoutError(APIConnectionError):
    """The request (connect, read, write or pool wait) exceeded its timeout."""


class APIResponseValidationError(APIError):
    """A successful response whose body is not valid JSON or does not match the expected schema."""


class APIStatusError(APIError):
    """The server answered with a 4xx/5xx status; the parsed error fields and the raw body are kept.

    ``type``, ``code``, ``param`` come from the JSON ``error`` object (``None`` when absent or when the
    body is not JSON); ``body`` holds at most ``MAX_ERROR_BODY`` bytes of the raw body.
    """

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: bytes,
        type: str | None = None,
        code: str | None = None,
        param: str | None = None,
    ) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code
        self.request_id = response.headers.get("x-request-id")
        self.body = body
        self.type = type
        self.code = code
        self.param = param


class BadRequestError(APIStatusError):
    """HTTP 400."""


class AuthenticationError(APIStatusError):
    """HTTP 401."""


class PermissionDeniedError(APIStatusError):
    """HTTP 403."""


class NotFoundError(APIStatusError):
    """HTTP 404."""


class ConflictError(APIStatusError):
    """HTTP 409."""


class UnprocessableEntityError(APIStatusError):
    """HTTP 422."""


class RateLimitError(APIStatusError):
    """HTTP 429."""


class InternalServerError(APIStatusError):
    """HTTP 500 and above."""


class ResponseStreamError(APIError):
    """The server sent an ``error`` event in a response stream (flat or nested ``error{}`` shape)."""

    def __init__(
        self,
        message: str,
        *,
        code: str | None,
        type: str | None,
        param: str | None,
        event_index: int,
        event: dict[str, Any],
        request: httpx.Request | None = None,
    ) -> None:
        super().__init__(message, request=request)
        self.code = code
        self.type = type
        self.param = param
        self.event_index = event_index
        self.event = event


class StreamProtocolError(APIError):
    """The stream itself is malformed: bad JSON, wrong content type, mismatched ``event:`` name, or no
    terminal event before the end. ``event_index`` is the 0-based index of the offending event."""

    def __init__(self, message: str, *, event_index: int, request: httpx.Request | None = None) -> None:
        super().__init__(message, request=request)
        self.event_index = event_index


class UnsupportedProviderError(OpenResponsesError, ValueError):
    """``responses()`` was given a provider name that is not in the provider table."""

    def __init__(self, provider: str, supported: list[str]) -> None:
        self.provider = provider
        self.supported = supported
        super().__init__(f"unsupported provider {provider!r}; supported providers: {', '.join(supported)}")


class MissingApiKeyError(OpenResponsesError):
    """The provider needs an API key and neither ``api_key=`` nor its environment variable gave one."""

    def __init__(self, provider: str, env_var: str) -> None:
        self.provider = provider
        self.env_var = env_var
        super().__init__(f"provider {provider!r} needs an API key: pass api_key=... or set {env_var}")
