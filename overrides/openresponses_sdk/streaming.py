"""Typed response streams over Server-Sent Events (``stream=True``), sync and async.

SSE framing (CR/LF/CRLF, ``:`` comments, multi-line ``data:``, chunk boundaries anywhere, incremental
UTF-8) is parsed by :mod:`openresponses_sdk._sse`; this module turns each event into the dialect's typed event, checks
the ``event:`` name against the payload ``type``, stops at ``[DONE]``, raises :class:`ResponseStreamError`
for ``error`` events and feeds the :class:`~openresponses_sdk.accumulate.ResponseAccumulator`.
"""

from __future__ import annotations

import json
from collections.abc import (
    AsyncGenerator,
    AsyncIterator,
    Callable,
    Generator,
    Iterator,
    Mapping,
)
from types import TracebackType
from typing import Any, Generic, Self, TypeVar, cast

import httpx

from openresponses_sdk import errors
from openresponses_sdk._sse import SSEParser, SSEvent
from openresponses_sdk.accumulate import (
    TERMINAL_EVENTS,
    AccumulationError,
    ResponseAccumulator,
)
from openresponses_sdk.errors import ValidationError

EventT = TypeVar("EventT")
ResponseT = TypeVar("ResponseT")
ParsedT = TypeVar("ParsedT")

TEXT_DELTA = "response.output_text.delta"
_loads = json.JSONDecoder().decode


class EventDecoder(Generic[EventT, ResponseT]):
    """Per-stream state shared by the sync and async streams: decode, check, accumulate."""

    def __init__(
        self,
        parse_event: Callable[[Mapping[str, Any]], EventT],
        parse_response: Callable[[Mapping[str, Any]], ResponseT],
        request: httpx.Request | None,
    ) -> None:
        self._parse_event = parse_event
        self._parse_response = parse_response
        self.request = request
        self.accumulator = ResponseAccumulator()
        self.count = 0
        """Number of data events decoded so far (the next event's 0-based index)."""
        self.done = False
        """``[DONE]`` was received."""
        self.failure: errors.APIError | None = None
        """The error that ended the stream, raised again by later ``get_final_response()`` calls."""

    def decode(self, sse: SSEvent) -> tuple[EventT, dict[str, Any]] | None:
        """The typed event and its raw payload, or ``None`` for ``[DONE]`` and data-less events."""
        data = sse.data
        if not data or self.done:
            return None
        if data == "[DONE]":
            self.done = True
            return None
        index = self.count
        self.count = index + 1
        try:
            payload: object = _loads(data)
        except ValueError as exc:
            raise self.protocol_error(index, f"is not valid JSON ({exc}): {data[:120]!r}") from None
        if payload.__class__ is not dict:
            raise self.protocol_error(index, f"is JSON {type(payload).__name__}, expected an object")
        raw = cast(dict[str, Any], payload)
        kind = raw.get("type")
        name = sse.event
        if name and name != kind and name != "message" and kind is not None:
            raise self.protocol_error(index, f"is named {name!r} by its event: line but has type {kind!r}")
        if kind == "error":
            raise self._stream_error(index, raw)
        try:
            event = self._parse_event(raw)
        except ValidationError as exc:
            raise self.protocol_error(index, f"({kind}) does not match the schema: {exc}") from exc
        try:
            self.accumulator.add(raw)
        except AccumulationError as exc:
            raise self.protocol_error(index, f"({kind}) cannot be applied: {exc}") from exc
        return event, raw

    def check_content_type(self, response: httpx.Response) -> None:
        """A stream must be ``text/event-stream`` (servers that ignore ``stream=true`` send JSON)."""
        content_type = response.headers.get("content-type", "")
        if "text/event-stream" not in content_type.partition(";")[0]:
            raise self.protocol_error(0, f"cannot be read: expected Content-Type text/event-stream, got {content_type!r}")

    def finish(self) -> None:
        """Called at the end of the body: a stream without a terminal event was cut short."""
        if self.accumulator.terminal is None:
            raise self._truncated()

    def _truncated(self) -> errors.StreamProtocolError:
        return errors.StreamProtocolError(
            f"Stream ended after {self.count} events without a terminal event ({', '.join(sorted(TERMINAL_EVENTS))})",
            event_index=self.count,
            request=self.request,
        )

    def final_response(self) -> ResponseT:
        """The terminal response, typed; output rebuilt from the events when the server sent none."""
        if self.failure is not None:
            raise self.failure
        final = self.accumulator.final()
        if final is None:
            raise self._truncated()
        try:
            return self._parse_response(final)
        except ValidationError as exc:
            raise errors.APIResponseValidationError(
                f"Final response (from {self.accumulator.terminal_type}) does not match the schema: {exc}",
                request=self.request,
            ) from exc

    def connection_error(self, exc: httpx.TransportError) -> errors.APIConnectionError:
        """A network failure mid-stream (never retried: events were already delivered)."""
        cls = errors.APITimeoutError if isinstance(exc, httpx.TimeoutException) else errors.APIConnectionError
        detail = str(exc) or type(exc).__name__
        return cls(f"Stream broken after {self.count} events: {detail}", request=self.request)

    def protocol_error(self, index: int, problem: str) -> errors.StreamProtocolError:
        """A :class:`StreamProtocolError` naming the event index and the problem."""
        return errors.StreamProtocolError(f"Stream event {index} {problem}", event_index=index, request=self.request)

    def _stream_error(self, index: int, raw: dict[str, Any]) -> errors.ResponseStreamError:
        nested = raw.get("error")
        fields = cast(dict[str, Any], nested) if isinstance(nested, dict) else raw
        message = str(fields.get("message") or "(no message)")
        code, kind, param = (_opt_str(fields.get(key)) for key in ("code", "type", "param"))
        details = ", ".join(f"{k}={v}" for k, v in (("code", code), ("type", kind), ("param", param)) if v)
        return errors.ResponseStreamError(
            f"Stream event {index} is an error: {message}" + (f" ({details})" if details else ""),
            code=code,
            type=kind,
            param=param,
            event_index=index,
            event=raw,
            request=self.request,
        )


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


class ResponseStream(Generic[EventT, ResponseT]):
    """Iterate typed events; ``get_final_response()`` / ``text_deltas()`` for the common cases.

    Use as a context manager (``with client.responses.create(..., stream=True) as stream:``) so the
    connection is released even when you stop early.
    """

    def __init__(self, response: httpx.Response, decoder: EventDecoder[EventT, ResponseT]) -> None:
        self.http_response = response
        self._decoder = decoder
        self._pairs = self._iter_pairs()

    @property
    def accumulator(self) -> ResponseAccumulator:
        """The response rebuilt so far (``accumulator.snapshot()`` for a partial response)."""
        return self._decoder.accumulator

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release the connection (idempotent)."""
        self._pairs.close()
        self.http_response.close()

    def __iter__(self) -> Iterator[EventT]:
        return self

    def __next__(self) -> EventT:
        return next(self._pairs)[0]

    def text_deltas(self) -> Iterator[str]:
        """Only the ``response.output_text.delta`` strings, in order."""
        for _, raw in self._pairs:
            if raw.get("type") == TEXT_DELTA:
                yield str(raw.get("delta", ""))

    def get_final_response(self) -> ResponseT:
        """Read the rest of the stream and return the final response."""
        for _ in self._pairs:
            pass
        return self._decoder.final_response()

    def _iter_pairs(self) -> Generator[tuple[EventT, dict[str, Any]], None, None]:
        decoder = self._decoder
        parser = SSEParser()
        try:
            decoder.check_content_type(self.http_response)
            for chunk in self.http_response.iter_bytes():
                for sse in parser.feed(chunk):
                    pair = decoder.decode(sse)  # after [DONE]: None, but read on to the end so the
                    if pair is not None:  # connection goes back to the pool
                        yield pair
            for sse in parser.finish():
                pair = decoder.decode(sse)
                if pair is not None:
                    yield pair
            decoder.finish()
        except httpx.TransportError as exc:
            decoder.failure = decoder.connection_error(exc)
            raise decoder.failure from exc
        except errors.APIError as exc:
            decoder.failure = exc
            raise
        finally:
            self.http_response.close()


class ParsedResponseStream(ResponseStream[EventT, ResponseT], Generic[EventT, ResponseT, ParsedT]):
    """A stream whose request asked for a structured output (``response_format=``):
    ``get_final_parsed()`` reads the rest and parses the final text."""

    def __init__(self, stream: ResponseStream[EventT, ResponseT], parse: Callable[[ResponseT], ParsedT]) -> None:
        if stream._decoder.count:
            raise ValueError("a stream can be given a parser only before its first event is read")
        super().__init__(stream.http_response, stream._decoder)  # takes over the stream
        self._parse = parse

    def get_final_parsed(self) -> ParsedT:
        """Read the rest of the stream; the final response with its parsed output."""
        return self._parse(self.get_final_response())


class AsyncResponseStream(Generic[EventT, ResponseT]):
    """Async twin of :class:`ResponseStream`: ``async with`` / ``async for`` / ``await get_final_response()``."""

    def __init__(self, response: httpx.Response, decoder: EventDecoder[EventT, ResponseT]) -> None:
        self.http_response = response
        self._decoder = decoder
        self._pairs = self._iter_pairs()

    @property
    def accumulator(self) -> ResponseAccumulator:
        """The response rebuilt so far (``accumulator.snapshot()`` for a partial response)."""
        return self._decoder.accumulator

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Release the connection (idempotent)."""
        await self._pairs.aclose()
        await self.http_response.aclose()

    def __aiter__(self) -> AsyncIterator[EventT]:
        return self

    async def __anext__(self) -> EventT:
        return (await anext(self._pairs))[0]

    async def text_deltas(self) -> AsyncIterator[str]:
        """Only the ``response.output_text.delta`` strings, in order."""
        async for _, raw in self._pairs:
            if raw.get("type") == TEXT_DELTA:
                yield str(raw.get("delta", ""))

    async def get_final_response(self) -> ResponseT:
        """Read the rest of the stream and return the final response."""
        async for _ in self._pairs:
            pass
        return self._decoder.final_response()

    async def _iter_pairs(self) -> AsyncGenerator[tuple[EventT, dict[str, Any]], None]:
        decoder = self._decoder
        parser = SSEParser()
        try:
            decoder.check_content_type(self.http_response)
            async for chunk in self.http_response.aiter_bytes():
                for sse in parser.feed(chunk):
                    pair = decoder.decode(sse)  # after [DONE]: None, but read on to the end so the
                    if pair is not None:  # connection goes back to the pool
                        yield pair
            for sse in parser.finish():
                pair = decoder.decode(sse)
                if pair is not None:
                    yield pair
            decoder.finish()
        except httpx.TransportError as exc:
            decoder.failure = decoder.connection_error(exc)
            raise decoder.failure from exc
        except errors.APIError as exc:
            decoder.failure = exc
            raise
        finally:
            await self.http_response.aclose()


class AsyncParsedResponseStream(AsyncResponseStream[EventT, ResponseT], Generic[EventT, ResponseT, ParsedT]):
    """Async twin of :class:`ParsedResponseStream`."""

    def __init__(self, stream: AsyncResponseStream[EventT, ResponseT], parse: Callable[[ResponseT], ParsedT]) -> None:
        if stream._decoder.count:
            raise ValueError("a stream can be given a parser only before its first event is read")
        super().__init__(stream.http_response, stream._decoder)  # takes over the stream
        self._parse = parse

    async def get_final_parsed(self) -> ParsedT:
        """Read the rest of the stream; the final response with its parsed output."""
        return self._parse(await self.get_final_response())
