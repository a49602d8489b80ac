"""``client.responses``: every operation of each dialect, typed by the dialect (sync and async twins).

Keyword arguments of ``create`` / ``compact`` / ``input_tokens`` are the generated request TypedDicts;
keywords the spec does not know yet still reach the wire unchanged, as does ``extra_body``. ``tools``
also takes Python callables (``@tool`` or plain) and chat-style function tools, and ``tool_choice`` a
chat-style choice or a callable: they are converted to the Responses form before sending.
``extra_headers`` / ``extra_query`` / ``timeout`` apply to one call only.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, NotRequired, Required, Unpack, overload

from openresponses_sdk import openai_types as oatypes
from openresponses_sdk import types as ortypes
from openresponses_sdk._calls import AsyncCalls, SyncCalls
from openresponses_sdk._dialects import OPENAI, OPENRESPONSES
from openresponses_sdk._transport import (
    AsyncTransport,
    CallOptions,
    SyncTransport,
    TimeoutArg,
)
from openresponses_sdk._unset import UNSET, Unset
from openresponses_sdk.openai_types import params as oaparams
from openresponses_sdk.streaming import AsyncResponseStream, ResponseStream
from openresponses_sdk.types import params as orparams

if TYPE_CHECKING:  # the converter itself is imported only when a call has tools
    from openresponses_sdk.tools.convert import ToolArg, ToolChoiceArg

Headers = Mapping[str, str]
Query = Mapping[str, object]
Body = Mapping[str, object]

ORStream = ResponseStream[ortypes.StreamingEvent, ortypes.ResponseResource]
ORAsyncStream = AsyncResponseStream[ortypes.StreamingEvent, ortypes.ResponseResource]
OAStream = ResponseStream[oatypes.ResponseStreamEvent, oatypes.Response]
OAAsyncStream = AsyncResponseStream[oatypes.ResponseStreamEvent, oatypes.Response]


# ``tools`` / ``tool_choice`` widened to what the converter accepts (callables, chat-style dicts); the
# create bodies then split on ``stream`` so that ``stream=True`` selects the stream return type.
# (Narrowing an inherited TypedDict key is what the checkers flag; it is exactly the intent here.)
class _ORCreate(orparams.CreateResponseBody):
    tools: NotRequired[  # type: ignore[misc]  # pyright: ignore[reportIncompatibleVariableOverride]
        Sequence[orparams.ResponsesToolParam | ToolArg] | None
    ]
    tool_choice: NotRequired[  # type: ignore[misc]  # pyright: ignore[reportIncompatibleVariableOverride]
        orparams.ToolChoiceParam | ToolChoiceArg | None
    ]


class _OACreate(oaparams.CreateResponse):
    tools: NotRequired[  # type: ignore[misc]  # pyright: ignore[reportIncompatibleVariableOverride]
        Sequence[oaparams.Tool | ToolArg]
    ]
    tool_choice: NotRequired[  # type: ignore[misc]  # pyright: ignore[reportIncompatibleVariableOverride]
        oaparams.ToolChoiceParam | ToolChoiceArg
    ]


class _OATokenCounts(oaparams.TokenCountsBody):
    tools: NotRequired[  # type: ignore[misc]  # pyright: ignore[reportIncompatibleVariableOverride]
        Sequence[oaparams.Tool | ToolArg] | None
    ]
    tool_choice: NotRequired[  # type: ignore[misc]  # pyright: ignore[reportIncompatibleVariableOverride]
        oaparams.ToolChoiceParam | ToolChoiceArg | None
    ]


class _ORStreaming(_ORCreate):
    stream: Required[Literal[True]]  # type: ignore[misc]  # pyright: ignore[reportIncompatibleVariableOverride]


class _ORPlain(_ORCreate):
    stream: NotRequired[Literal[False]]  # type: ignore[misc]  # pyright: ignore[reportIncompatibleVariableOverride]


class _OAStreaming(_OACreate):
    stream: Required[Literal[True]]  # type: ignore[misc]  # pyright: ignore[reportIncompatibleVariableOverride]


class _OAPlain(_OACreate):
    stream: NotRequired[Literal[False] | None]  # type: ignore[misc]  # pyright: ignore[reportIncompatibleVariableOverride]


def _options(
    extra_headers: Headers | None, extra_query: Query | None, extra_body: Body | None, timeout: TimeoutArg | Unset
) -> CallOptions:
    return CallOptions(extra_headers=extra_headers, extra_query=extra_query, extra_body=extra_body, timeout=timeout)


def _retrieve_query(
    include: list[oatypes.IncludeEnum] | Unset,
    include_obfuscation: bool | Unset,
    starting_after: int | Unset,
    stream: bool,
) -> dict[str, Any]:
    return {
        "include": include or None,
        "include_obfuscation": _bool_param(include_obfuscation),
        "starting_after": starting_after,
        "stream": "true" if stream else None,
    }


def _bool_param(value: bool | Unset) -> str | Unset:
    return value if isinstance(value, Unset) else str(value).lower()


class OpenResponsesResponses:
    """OpenResponses ``/responses`` operations (the spec defines ``create`` and ``compact``)."""

    dialect = OPENRESPONSES

    def __init__(self, transport: SyncTransport) -> None:
        self._calls = SyncCalls(transport, self.dialect)

    @overload
    def create(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutArg | Unset = UNSET,
        **body: Unpack[_ORStreaming],
    ) -> ORStream: ...
    @overload
    def create(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutArg | Unset = UNSET,
        **body: Unpack[_ORPlain],
    ) -> ortypes.ResponseResource: ...
    def create(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutArg | Unset = UNSET,
        **body: Any,
    ) -> ortypes.ResponseResource | ORStream:
        """Create a response (``POST /responses``); ``stream=True`` returns a :class:`ResponseStream`."""
        options = _options(extra_headers, extra_query, extra_body, timeout)
        if body.get("stream"):
            return self._calls.stream("create", body=body, options=options)
        return self._calls.typed("create", self.dialect.parse_response, body=body, options=options)

    def compact(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutArg | Unset = UNSET,
        **body: Unpack[orparams.CompactResponseMethodPublicBody],
    ) -> ortypes.CompactResource:
        """Compact a conversation (``POST /responses/compact``)."""
        options = _options(extra_headers, extra_query, extra_body, timeout)
        return self._calls.typed("compact", self.dialect.parse_compact, body=body, options=options)


class AsyncOpenResponsesResponses:
    """Async twin of :class:`OpenResponsesResponses`."""

    dialect = OPENRESPONSES

    def __init__(self, transport: AsyncTransport) -> None:
        self._calls = AsyncCalls(transport, self.dialect)

    @overload
    async def create(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutArg | Unset = UNSET,
        **body: Unpack[_ORStreaming],
    ) -> ORAsyncStream: ...
    @overload
    async def create(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutArg | Unset = UNSET,
        **body: Unpack[_ORPlain],
    ) -> ortypes.ResponseResource: ...
    async def create(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutArg | Unset = UNSET,
        **body: Any,
    ) -> ortypes.ResponseResource | ORAsyncStream:
        """Create a response (``POST /responses``); ``stream=True`` returns an :class:`AsyncResponseStream`."""
        options = _options(extra_headers, extra_query, extra_body, timeout)
        if body.get("stream"):
            return await self._calls.stream("create", body=body, options=options)
        return await self._calls.typed("create", self.dialect.parse_response, body=body, options=options)

    async def compact(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutArg | Unset = UNSET,
        **body: Unpack[orparams.CompactResponseMethodPublicBody],
    ) -> ortypes.CompactResource:
        """Compact a conversation (``POST /responses/compact``)."""
        options = _options(extra_headers, extra_query, extra_body, timeout)
        return await self._calls.typed("compact", self.dialect.parse_compact, body=body, options=options)


class OpenAIResponses:
    """OpenAI Responses API operations: create, retrieve, cancel, delete, input_items, input_tokens, compact."""

    dialect = OPENAI

    def __init__(self, transport: SyncTransport) -> None:
        self._calls = SyncCalls(transport, self.dialect)

    @overload
    def create(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutArg | Unset = UNSET,
        **body: Unpack[_OAStreaming],
    ) -> OAStream: ...
    @overload
    def create(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutArg | Unset = UNSET,
        **body: Unpack[_OAPlain],
    ) -> oatypes.Response: ...
    def create(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutArg | Unset = UNSET,
        **body: Any,
    ) -> oatypes.Response | OAStream:
        """Create a response (``POST /responses``); ``stream=True`` returns a :class:`ResponseStream`."""
        options = _options(extra_headers, extra_query, extra_body, timeout)
        if body.get("stream"):
            return self._calls.stream("create", body=body, options=options)
        return self._calls.typed("create", self.dialect.parse_response, body=body, options=options)

    @overload
    def retrieve(
        self,
        response_id: str,
        *,
        stream: Literal[True],
        include: list[oatypes.IncludeEnum] | Unset = UNSET,
        include_obfuscation: bool | Unset = UNSET,
        starting_after: int | Unset = UNSET,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutArg | Unset = UNSET,
    ) -> OAStream: ...
    @overload
    def retrieve(
        self,
        response_id: str,
        *,
        stream: Literal[False] = False,
        include: list[oatypes.IncludeEnum] | Unset = UNSET,
        include_obfuscation: bool | Unset = UNSET,
        starting_after: int | Unset = UNSET,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutArg | Unset = UNSET,
    ) -> oatypes.Response: ...
    def retrieve(
        self,
        response_id: str,
        *,
        stream: bool = False,
        include: list[oatypes.IncludeEnum] | Unset = UNSET,
        include_obfuscation: bool | Unset = UNSET,
        starting_after: int | Unset = UNSET,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutArg | Unset = UNSET,
    ) -> oatypes.Response | OAStream:
        """Get a stored response (``GET /responses/{id}``); ``stream=True`` replays its events."""
        options = _options(extra_headers, extra_query, None, timeout)
        query = _retrieve_query(include, include_obfuscation, starting_after, stream)
        if stream:
            return self._calls.stream("retrieve", response_id=response_id, query=query, options=options)
        return self._calls.typed("retrieve", self.dialect.parse_response, response_id=response_id, query=query, options=options)

    def cancel(
        self,
        response_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutArg | Unset = UNSET,
    ) -> oatypes.Response:
        """Cancel a background response (``POST /responses/{id}/cancel``)."""
        options = _options(extra_headers, extra_query, extra_body, timeout)
        return self._calls.typed("cancel", self.dialect.parse_response, response_id=response_id, options=options)

    def delete(
        self,
        response_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutArg | Unset = UNSET,
    ) -> None:
        """Delete a stored response (``DELETE /responses/{id}``); errors (e.g. 404) raise."""
        options = _options(extra_headers, extra_query, extra_body, timeout)
        self._calls.send("delete", response_id=response_id, options=options)

    def input_items(
        self,
        response_id: str,
        *,
        limit: int | Unset = UNSET,
        order: Literal["asc", "desc"] | Unset = UNSET,
        after: str | Unset = UNSET,
        include: list[oatypes.IncludeEnum] | Unset = UNSET,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutArg | Unset = UNSET,
    ) -> Iterator[oatypes.ItemResource]:
        """Every input item of a response (``GET /responses/{id}/input_items``), fetching pages lazily."""
        options = _options(extra_headers, extra_query, None, timeout)
        cursor = after
        while True:
            query = {"limit": limit, "order": order, "after": cursor, "include": include or None}
            page = self._calls.typed(
                "input_items", oatypes.ResponseItemList.from_dict, response_id=response_id, query=query, options=options
            )
            yield from page.data
            if not page.has_more or not page.data:
                return
            cursor = page.last_id

    def input_tokens(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutArg | Unset = UNSET,
        **body: Unpack[_OATokenCounts],
    ) -> oatypes.TokenCountsResource:
        """Count the input tokens a request would use (``POST /responses/input_tokens``)."""
        options = _options(extra_headers, extra_query, extra_body, timeout)
        return self._calls.typed("input_tokens", oatypes.TokenCountsResource.from_dict, body=body, options=options)

    def compact(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutArg | Unset = UNSET,
        **body: Unpack[oaparams.CompactResponseMethodPublicBody],
    ) -> oatypes.CompactResource:
        """Compact a conversation (``POST /responses/compact``)."""
        options = _options(extra_headers, extra_query, extra_body, timeout)
        return self._calls.typed("compact", self.dialect.parse_compact, body=body, options=options)


class AsyncOpenAIResponses:
    """Async twin of :class:`OpenAIResponses`."""

    dialect = OPENAI

    def __init__(self, transport: AsyncTransport) -> None:
        self._calls = AsyncCalls(transport, self.dialect)

    @overload
    async def create(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutArg | Unset = UNSET,
        **body: Unpack[_OAStreaming],
    ) -> OAAsyncStream: ...
    @overload
    async def create(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutArg | Unset = UNSET,
        **body: Unpack[_OAPlain],
    ) -> oatypes.Response: ...
    async def create(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutArg | Unset = UNSET,
        **body: Any,
    ) -> oatypes.Response | OAAsyncStream:
        """Create a response (``POST /responses``); ``stream=True`` returns an :class:`AsyncResponseStream`."""
        options = _options(extra_headers, extra_query, extra_body, timeout)
        if body.get("stream"):
            return await self._calls.stream("create", body=body, options=options)
        return await self._calls.typed("create", self.dialect.parse_response, body=body, options=options)

    @overload
    async def retrieve(
        self,
        response_id: str,
        *,
        stream: Literal[True],
        include: list[oatypes.IncludeEnum] | Unset = UNSET,
        include_obfuscation: bool | Unset = UNSET,
        starting_after: int | Unset = UNSET,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutArg | Unset = UNSET,
    ) -> OAAsyncStream: ...
    @overload
    async def retrieve(
        self,
        response_id: str,
        *,
        stream: Literal[False] = False,
        include: list[oatypes.IncludeEnum] | Unset = UNSET,
        include_obfuscation: bool | Unset = UNSET,
        starting_after: int | Unset = UNSET,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutArg | Unset = UNSET,
    ) -> oatypes.Response: ...
    async def retrieve(
        self,
        response_id: str,
        *,
        stream: bool = False,
        include: list[oatypes.IncludeEnum] | Unset = UNSET,
        include_obfuscation: bool | Unset = UNSET,
        starting_after: int | Unset = UNSET,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutArg | Unset = UNSET,
    ) -> oatypes.Response | OAAsyncStream:
        """Get a stored response (``GET /responses/{id}``); ``stream=True`` replays its events."""
        options = _options(extra_headers, extra_query, None, timeout)
        query = _retrieve_query(include, include_obfuscation, starting_after, stream)
        if stream:
            return await self._calls.stream("retrieve", response_id=response_id, query=query, options=options)
        return await self._calls.typed(
            "retrieve", self.dialect.parse_response, response_id=response_id, query=query, options=options
        )

    async def cancel(
        self,
        response_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutArg | Unset = UNSET,
    ) -> oatypes.Response:
        """Cancel a background response (``POST /responses/{id}/cancel``)."""
        options = _options(extra_headers, extra_query, extra_body, timeout)
        return await self._calls.typed("cancel", self.dialect.parse_response, response_id=response_id, options=options)

    async def delete(
        self,
        response_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutArg | Unset = UNSET,
    ) -> None:
        """Delete a stored response (``DELETE /responses/{id}``); errors (e.g. 404) raise."""
        options = _options(extra_headers, extra_query, extra_body, timeout)
        await self._calls.send("delete", response_id=response_id, options=options)

    async def input_items(
        self,
        response_id: str,
        *,
        limit: int | Unset = UNSET,
        order: Literal["asc", "desc"] | Unset = UNSET,
        after: str | Unset = UNSET,
        include: list[oatypes.IncludeEnum] | Unset = UNSET,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        timeout: TimeoutArg | Unset = UNSET,
    ) -> AsyncIterator[oatypes.ItemResource]:
        """Every input item of a response (``GET /responses/{id}/input_items``), fetching pages lazily."""
        options = _options(extra_headers, extra_query, None, timeout)
        cursor = after
        while True:
            query = {"limit": limit, "order": order, "after": cursor, "include": include or None}
            page = await self._calls.typed(
                "input_items", oatypes.ResponseItemList.from_dict, response_id=response_id, query=query, options=options
            )
            for item in page.data:
                yield item
            if not page.has_more or not page.data:
                return
            cursor = page.last_id

    async def input_tokens(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutArg | Unset = UNSET,
        **body: Unpack[_OATokenCounts],
    ) -> oatypes.TokenCountsResource:
        """Count the input tokens a request would use (``POST /responses/input_tokens``)."""
        options = _options(extra_headers, extra_query, extra_body, timeout)
        return await self._calls.typed("input_tokens", oatypes.TokenCountsResource.from_dict, body=body, options=options)

    async def compact(
        self,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: TimeoutArg | Unset = UNSET,
        **body: Unpack[oaparams.CompactResponseMethodPublicBody],
    ) -> oatypes.CompactResource:
        """Compact a conversation (``POST /responses/compact``)."""
        options = _options(extra_headers, extra_query, extra_body, timeout)
        return await self._calls.typed("compact", self.dialect.parse_compact, body=body, options=options)
