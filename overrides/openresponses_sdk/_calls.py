"""Turn one operation of the dialect table into a request and a typed result (sync and async twins)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar
from urllib.parse import quote

import httpx

from openresponses_sdk import errors
from openresponses_sdk._dialects import OPENAI, Dialect, Operation
from openresponses_sdk._transport import (
    AsyncTransport,
    CallOptions,
    SyncTransport,
    decode_json,
)
from openresponses_sdk.errors import ValidationError
from openresponses_sdk.streaming import (
    AsyncResponseStream,
    EventDecoder,
    ResponseStream,
)

ResponseT = TypeVar("ResponseT")
EventT = TypeVar("EventT")
CompactT = TypeVar("CompactT")
T = TypeVar("T")


def endpoint_path(dialect: Dialect[Any, Any, Any], operation: Operation, response_id: str | None) -> tuple[str, str]:
    """``(method, path)`` with ``{response_id}`` filled in (percent-encoded; must be a non-empty string)."""
    method, path = dialect.endpoint(operation)
    if "{response_id}" in path:
        if not isinstance(response_id, str) or not response_id:
            raise ValueError(f"{operation}(): response_id must be a non-empty string, got {response_id!r}")
        path = path.replace("{response_id}", quote(response_id, safe=""))
    return method, path


def prepare(
    dialect: Dialect[Any, Any, Any], operation: Operation, response_id: str | None, body: Mapping[str, Any] | None
) -> tuple[str, str, Mapping[str, Any] | None]:
    """``(method, path, body)`` of one operation, shared by the sync and async calls."""
    method, path = endpoint_path(dialect, operation, response_id)
    return method, path, request_body(dialect, body)


def request_body(dialect: Dialect[Any, Any, Any], body: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """``body`` with ``tools`` / ``tool_choice`` in the Responses form: callables become function tools
    (strict by default for the OpenAI dialect), chat-style dicts are flattened; see :mod:`.tools`."""
    if body is None or (body.get("tools") is None and body.get("tool_choice") is None):
        return body
    from openresponses_sdk.tools.convert import with_tool_params  # deferred: ~15 ms of imports, only for tools

    return with_tool_params(body, strict=dialect is OPENAI)


def parse_body(response: httpx.Response, parse: Callable[[Mapping[str, Any]], T], what: str) -> T:
    """The typed body of a successful response; schema mismatches name the JSON path."""
    data = decode_json(response)
    try:
        return parse(data)
    except ValidationError as exc:
        raise errors.APIResponseValidationError(
            f"{what} body does not match the schema at {exc.path or '(root)'}: {exc.reason}", request=response.request
        ) from exc


class SyncCalls(Generic[ResponseT, EventT, CompactT]):
    """Blocking calls of one dialect."""

    def __init__(self, transport: SyncTransport, dialect: Dialect[ResponseT, EventT, CompactT]) -> None:
        self.transport = transport
        self.dialect = dialect

    def send(
        self,
        operation: Operation,
        *,
        response_id: str | None = None,
        body: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        options: CallOptions,
        stream: bool = False,
    ) -> httpx.Response:
        method, path, body = prepare(self.dialect, operation, response_id, body)
        return self.transport.request(method, path, body=body, query=query, options=options, stream=stream)

    def typed(self, operation: Operation, parse: Callable[[Mapping[str, Any]], T], **kwargs: Any) -> T:
        return parse_body(self.send(operation, **kwargs), parse, operation)

    def stream(self, operation: Operation, **kwargs: Any) -> ResponseStream[EventT, ResponseT]:
        response = self.send(operation, stream=True, **kwargs)
        decoder = EventDecoder(self.dialect.parse_event, self.dialect.parse_response, response.request)
        return ResponseStream(response, decoder)


class AsyncCalls(Generic[ResponseT, EventT, CompactT]):
    """Non-blocking calls of one dialect."""

    def __init__(self, transport: AsyncTransport, dialect: Dialect[ResponseT, EventT, CompactT]) -> None:
        self.transport = transport
        self.dialect = dialect

    async def send(
        self,
        operation: Operation,
        *,
        response_id: str | None = None,
        body: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        options: CallOptions,
        stream: bool = False,
    ) -> httpx.Response:
        method, path, body = prepare(self.dialect, operation, response_id, body)
        return await self.transport.request(method, path, body=body, query=query, options=options, stream=stream)

    async def typed(self, operation: Operation, parse: Callable[[Mapping[str, Any]], T], **kwargs: Any) -> T:
        return parse_body(await self.send(operation, **kwargs), parse, operation)

    async def stream(self, operation: Operation, **kwargs: Any) -> AsyncResponseStream[EventT, ResponseT]:
        response = await self.send(operation, stream=True, **kwargs)
        decoder = EventDecoder(self.dialect.parse_event, self.dialect.parse_response, response.request)
        return AsyncResponseStream(response, decoder)
