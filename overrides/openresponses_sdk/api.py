"""``responses()`` / ``aresponses()``: one call to any provider's Responses endpoint, typed by its dialect.

``model`` is ``"provider:model"`` (or the bare model with ``provider=``); see :mod:`.routing`.
Parameters left as ``None`` are not sent; ``False`` and ``0`` are. ``**kwargs`` go into the request body
unchanged (provider-specific fields); ``client_args`` go to the :class:`~openresponses_sdk.Client`
constructor (clients are reused per provider, base URL, key and ``client_args``).

Return types. The dialect (hence the response class) is a property of the provider, known only at run
time when it comes from the model string. The overloads are therefore as precise as the call allows:

* ``provider=`` given as a literal name → that dialect's type: ``types.ResponseResource`` for the
  OpenResponses providers (``local``, ``lmstudio``, ``ollama``, ``openrouter``, ``huggingface``,
  ``openresponses``), ``openai_types.Response`` for the OpenAI ones; with ``stream=True`` a
  ``ResponseStream`` (context manager and iterator) of that dialect's typed events;
* otherwise → the union of both dialects' types (narrow with ``isinstance``). The value is always
  built by the provider's dialect, never by sniffing the payload.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol, TypeVar, cast, overload, runtime_checkable

import httpx

from openresponses_sdk import openai_types as oatypes
from openresponses_sdk import types as ortypes
from openresponses_sdk._unset import UNSET, Unset
from openresponses_sdk.providers import OpenAIProviderName, OpenResponsesProviderName
from openresponses_sdk.resources import OAAsyncStream, OAStream, ORAsyncStream, ORStream
from openresponses_sdk.routing import CLIENTS, Route, resolve
from openresponses_sdk.streaming import (
    AsyncParsedResponseStream,
    AsyncResponseStream,
    ParsedResponseStream,
    ResponseStream,
)
from openresponses_sdk.structured import OutputFormat, ParsedResponse, output_format
from openresponses_sdk.tools import ToolLike


@runtime_checkable
class SupportsToDict(Protocol):
    """A generated model (e.g. an output item of an earlier response) usable as an input item."""

    def to_dict(self) -> dict[str, Any]: ...


InputItem = Mapping[str, object] | SupportsToDict
InputData = str | Sequence[InputItem]
"""A user message as a string, or a list of input items (typed params, generated items or dicts)."""
ToolChoice = str | Mapping[str, object] | Callable[..., object]
ResponseFormat = type[Any] | Mapping[str, object]
"""A dataclass, attrs class, TypedDict or pydantic model, or a raw ``text.format`` mapping."""
T = TypeVar("T")

ORParsedStream = ParsedResponseStream[
    ortypes.StreamingEvent, ortypes.ResponseResource, ParsedResponse[ortypes.ResponseResource, T]
]
OAParsedStream = ParsedResponseStream[oatypes.ResponseStreamEvent, oatypes.Response, ParsedResponse[oatypes.Response, T]]
ORAsyncParsedStream = AsyncParsedResponseStream[
    ortypes.StreamingEvent, ortypes.ResponseResource, ParsedResponse[ortypes.ResponseResource, T]
]
OAAsyncParsedStream = AsyncParsedResponseStream[
    oatypes.ResponseStreamEvent, oatypes.Response, ParsedResponse[oatypes.Response, T]
]

_NOT_BODY = frozenset(
    {
        "model",
        "input_data",
        "provider",
        "api_key",
        "api_base",
        "response_format",
        "timeout",
        "client_args",
        "kwargs",
    }
)


@dataclass(frozen=True)
class _Call:
    route: Route
    body: dict[str, Any]
    extra_body: dict[str, Any] | None
    timeout: float | httpx.Timeout | Unset
    client_args: Mapping[str, Any] | None
    output: OutputFormat[Any] | None
    """How to parse the final text (``response_format=``), else ``None``."""


def _parsed(created: object, output: OutputFormat[Any] | None) -> object:
    """``created`` with its structured output parsed (a response) or parseable (a stream), when one was
    requested; else ``created`` itself."""
    if output is None:
        return created

    def parse(response: object) -> ParsedResponse[object, Any]:
        return ParsedResponse(response, output.parse_response(response))

    if isinstance(created, ResponseStream):
        return ParsedResponseStream(cast(ResponseStream[object, object], created), parse)
    if isinstance(created, AsyncResponseStream):
        return AsyncParsedResponseStream(cast(AsyncResponseStream[object, object], created), parse)
    return parse(created)


def _prepare(params: dict[str, Any], stacklevel: int) -> _Call:
    """Validate and route one call (nothing is sent here) and build its request body."""
    route = resolve(
        params["model"],
        provider=params["provider"],
        api_key=params["api_key"],
        api_base=params["api_base"],
        stacklevel=stacklevel + 1,
    )
    body: dict[str, Any] = {"model": route.model, "input": _input(params["input_data"])}
    body.update(
        {k: v for k, v in params.items() if k not in _NOT_BODY and v is not None}
    )
    output = None
    if params["response_format"] is not None:
        output = output_format(params["response_format"])
        body["text"] = _with_format(params["text"], output)
    timeout = params["timeout"]
    return _Call(
        route=route,
        body=body,
        extra_body=dict(params["kwargs"]) or None,
        timeout=UNSET if timeout is None else timeout,
        client_args=params["client_args"],
        output=output,
    )


def _input(data: object) -> str | list[dict[str, Any]]:
    if isinstance(data, str):
        return data
    kind = type(data).__name__
    if isinstance(data, Mapping) or not isinstance(data, Sequence):
        raise TypeError(
            f"input_data must be a string or a list of input items, got {kind}"
        )
    items: list[dict[str, Any]] = []
    for index, item in enumerate(cast(Sequence[object], data)):
        if isinstance(item, Mapping):
            items.append(dict(cast(Mapping[str, Any], item)))
        elif isinstance(item, SupportsToDict):
            items.append(item.to_dict())
        else:
            raise TypeError(
                f"input_data[{index}]: expected an input item (dict, typed param or generated model), "
                f"got {type(item).__name__}"
            )
    return items


def _with_format(
    text: Mapping[str, object] | None, output: OutputFormat[Any]
) -> dict[str, object]:
    if text is not None and "format" in text:
        raise ValueError(
            "pass the output format either as response_format= or as text={'format': ...}, not both"
        )
    return {**(text or {}), "format": output.text_format}


# region overloads of responses(): rendered by codegen/overloads.py (make generate); do not edit
@overload
def responses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenResponsesProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[True],
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: None = None,
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ORStream: ...


@overload
def responses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenResponsesProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[True],
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: type[T],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ORParsedStream[T]: ...


@overload
def responses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenResponsesProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[True],
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: Mapping[str, object],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ORParsedStream[object]: ...


@overload
def responses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenResponsesProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[False] | None = None,
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: None = None,
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ortypes.ResponseResource: ...


@overload
def responses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenResponsesProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[False] | None = None,
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: type[T],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ParsedResponse[ortypes.ResponseResource, T]: ...


@overload
def responses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenResponsesProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[False] | None = None,
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: Mapping[str, object],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ParsedResponse[ortypes.ResponseResource, object]: ...


@overload
def responses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenAIProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[True],
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: None = None,
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> OAStream: ...


@overload
def responses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenAIProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[True],
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: type[T],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> OAParsedStream[T]: ...


@overload
def responses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenAIProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[True],
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: Mapping[str, object],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> OAParsedStream[object]: ...


@overload
def responses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenAIProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[False] | None = None,
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: None = None,
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> oatypes.Response: ...


@overload
def responses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenAIProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[False] | None = None,
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: type[T],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ParsedResponse[oatypes.Response, T]: ...


@overload
def responses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenAIProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[False] | None = None,
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: Mapping[str, object],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ParsedResponse[oatypes.Response, object]: ...


@overload
def responses(
    model: str,
    input_data: InputData,
    *,
    provider: str | None = None,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[True],
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: None = None,
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ORStream | OAStream: ...


@overload
def responses(
    model: str,
    input_data: InputData,
    *,
    provider: str | None = None,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[True],
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: type[T],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ORParsedStream[T] | OAParsedStream[T]: ...


@overload
def responses(
    model: str,
    input_data: InputData,
    *,
    provider: str | None = None,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[True],
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: Mapping[str, object],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ORParsedStream[object] | OAParsedStream[object]: ...


@overload
def responses(
    model: str,
    input_data: InputData,
    *,
    provider: str | None = None,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[False] | None = None,
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: None = None,
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ortypes.ResponseResource | oatypes.Response: ...


@overload
def responses(
    model: str,
    input_data: InputData,
    *,
    provider: str | None = None,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[False] | None = None,
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: type[T],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ParsedResponse[ortypes.ResponseResource, T] | ParsedResponse[oatypes.Response, T]: ...


@overload
def responses(
    model: str,
    input_data: InputData,
    *,
    provider: str | None = None,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[False] | None = None,
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: Mapping[str, object],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ParsedResponse[ortypes.ResponseResource, object] | ParsedResponse[oatypes.Response, object]: ...


@overload
def responses(
    model: str,
    input_data: InputData,
    *,
    provider: str | None = None,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: bool | None = None,
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: ResponseFormat | None = None,
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ortypes.ResponseResource | oatypes.Response | ORStream | OAStream | ParsedResponse[ortypes.ResponseResource, Any] | ParsedResponse[oatypes.Response, Any] | ORParsedStream[Any] | OAParsedStream[Any]: ...
# endregion


def responses(
    model: str,
    input_data: InputData,
    *,
    provider: str | None = None,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: bool | None = None,
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: ResponseFormat | None = None,
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> (
    ortypes.ResponseResource
    | oatypes.Response
    | ORStream
    | OAStream
    | ParsedResponse[ortypes.ResponseResource, Any]
    | ParsedResponse[oatypes.Response, Any]
    | ORParsedStream[Any]
    | OAParsedStream[Any]
):
    """Create a response with ``model`` (``"provider:model"``) from ``input_data``; see the module docstring.

    With ``response_format`` the result is a ``ParsedResponse`` whose ``output_parsed`` is the typed
    object; with ``stream=True`` too, a ``ParsedResponseStream``: iterate its events, then
    ``stream.get_final_parsed().output_parsed``.

    Raises ``ValueError`` / :class:`~openresponses_sdk.errors.UnsupportedProviderError` for a bad model or
    provider name, :class:`~openresponses_sdk.errors.MissingApiKeyError` when the key is missing and
    ``NotImplementedError`` for a provider without a Responses endpoint; nothing is sent in those cases.
    """
    call = _prepare(dict(locals()), stacklevel=3)
    client = CLIENTS.sync_client(call.route, call.client_args)
    created: ortypes.ResponseResource | oatypes.Response | ORStream | OAStream = (
        client.responses.create(
            **call.body, extra_body=call.extra_body, timeout=call.timeout
        )
    )
    return _parsed(created, call.output)  # type: ignore[return-value]  # pyright: ignore[reportReturnType]  # the overloads say which


# region overloads of aresponses(): rendered by codegen/overloads.py (make generate); do not edit
@overload
async def aresponses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenResponsesProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[True],
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: None = None,
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ORAsyncStream: ...


@overload
async def aresponses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenResponsesProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[True],
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: type[T],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ORAsyncParsedStream[T]: ...


@overload
async def aresponses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenResponsesProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[True],
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: Mapping[str, object],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ORAsyncParsedStream[object]: ...


@overload
async def aresponses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenResponsesProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[False] | None = None,
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: None = None,
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ortypes.ResponseResource: ...


@overload
async def aresponses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenResponsesProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[False] | None = None,
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: type[T],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ParsedResponse[ortypes.ResponseResource, T]: ...


@overload
async def aresponses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenResponsesProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[False] | None = None,
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: Mapping[str, object],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ParsedResponse[ortypes.ResponseResource, object]: ...


@overload
async def aresponses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenAIProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[True],
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: None = None,
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> OAAsyncStream: ...


@overload
async def aresponses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenAIProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[True],
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: type[T],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> OAAsyncParsedStream[T]: ...


@overload
async def aresponses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenAIProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[True],
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: Mapping[str, object],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> OAAsyncParsedStream[object]: ...


@overload
async def aresponses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenAIProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[False] | None = None,
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: None = None,
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> oatypes.Response: ...


@overload
async def aresponses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenAIProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[False] | None = None,
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: type[T],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ParsedResponse[oatypes.Response, T]: ...


@overload
async def aresponses(
    model: str,
    input_data: InputData,
    *,
    provider: OpenAIProviderName,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[False] | None = None,
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: Mapping[str, object],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ParsedResponse[oatypes.Response, object]: ...


@overload
async def aresponses(
    model: str,
    input_data: InputData,
    *,
    provider: str | None = None,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[True],
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: None = None,
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ORAsyncStream | OAAsyncStream: ...


@overload
async def aresponses(
    model: str,
    input_data: InputData,
    *,
    provider: str | None = None,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[True],
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: type[T],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ORAsyncParsedStream[T] | OAAsyncParsedStream[T]: ...


@overload
async def aresponses(
    model: str,
    input_data: InputData,
    *,
    provider: str | None = None,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[True],
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: Mapping[str, object],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ORAsyncParsedStream[object] | OAAsyncParsedStream[object]: ...


@overload
async def aresponses(
    model: str,
    input_data: InputData,
    *,
    provider: str | None = None,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[False] | None = None,
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: None = None,
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ortypes.ResponseResource | oatypes.Response: ...


@overload
async def aresponses(
    model: str,
    input_data: InputData,
    *,
    provider: str | None = None,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[False] | None = None,
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: type[T],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ParsedResponse[ortypes.ResponseResource, T] | ParsedResponse[oatypes.Response, T]: ...


@overload
async def aresponses(
    model: str,
    input_data: InputData,
    *,
    provider: str | None = None,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: Literal[False] | None = None,
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: Mapping[str, object],
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ParsedResponse[ortypes.ResponseResource, object] | ParsedResponse[oatypes.Response, object]: ...


@overload
async def aresponses(
    model: str,
    input_data: InputData,
    *,
    provider: str | None = None,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: bool | None = None,
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: ResponseFormat | None = None,
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> ortypes.ResponseResource | oatypes.Response | ORAsyncStream | OAAsyncStream | ParsedResponse[ortypes.ResponseResource, Any] | ParsedResponse[oatypes.Response, Any] | ORAsyncParsedStream[Any] | OAAsyncParsedStream[Any]: ...
# endregion


async def aresponses(
    model: str,
    input_data: InputData,
    *,
    provider: str | None = None,
    tools: Sequence[ToolLike] | None = None,
    tool_choice: ToolChoice | None = None,
    max_output_tokens: int | None = None,
    temperature: float | None = None,
    top_p: float | None = None,
    stream: bool | None = None,
    api_key: str | None = None,
    api_base: str | None = None,
    instructions: str | None = None,
    max_tool_calls: int | None = None,
    parallel_tool_calls: bool | None = None,
    reasoning: Mapping[str, object] | None = None,
    text: Mapping[str, object] | None = None,
    presence_penalty: float | None = None,
    frequency_penalty: float | None = None,
    truncation: Literal["auto", "disabled"] | None = None,
    store: bool | None = None,
    service_tier: str | None = None,
    user: str | None = None,
    metadata: Mapping[str, str] | None = None,
    previous_response_id: str | None = None,
    include: Sequence[str] | None = None,
    background: bool | None = None,
    safety_identifier: str | None = None,
    prompt_cache_key: str | None = None,
    prompt_cache_retention: str | None = None,
    conversation: str | Mapping[str, object] | None = None,
    response_format: ResponseFormat | None = None,
    timeout: float | httpx.Timeout | None = None,
    client_args: Mapping[str, Any] | None = None,
    **kwargs: object,
) -> (
    ortypes.ResponseResource
    | oatypes.Response
    | ORAsyncStream
    | OAAsyncStream
    | ParsedResponse[ortypes.ResponseResource, Any]
    | ParsedResponse[oatypes.Response, Any]
    | ORAsyncParsedStream[Any]
    | OAAsyncParsedStream[Any]
):
    """Async twin of :func:`responses` (same parameters; ``stream=True`` gives an ``AsyncResponseStream``)."""
    call = _prepare(dict(locals()), stacklevel=3)
    client = CLIENTS.async_client(call.route, call.client_args)
    created: (
        ortypes.ResponseResource | oatypes.Response | ORAsyncStream | OAAsyncStream
    ) = await client.responses.create(
        **call.body, extra_body=call.extra_body, timeout=call.timeout
    )
    return _parsed(created, call.output)  # type: ignore[return-value]  # pyright: ignore[reportReturnType]  # the overloads say which
