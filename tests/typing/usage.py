"""Typed usage, checked by mypy --strict and pyright strict in `make typecheck` (and run by a test)."""

from __future__ import annotations

from typing import assert_type

from openresponses_sdk import UNSET, Unset, openai_types, types
from openresponses_sdk.types.params import CreateResponseBody, FunctionToolParam, UserMessageItemParam


def describe(event: types.StreamingEvent) -> str:
    """`event.type` narrows the event union with both isinstance and match."""
    if isinstance(event, types.ResponseOutputTextDeltaStreamingEvent):
        assert_type(event.delta, str)
        return event.delta
    match event:
        case types.ResponseCompletedStreamingEvent(response=response):
            assert_type(response, types.ResponseResource)
            return response.output_text
        case types.UnknownStreamingEvent(tag=tag):
            return f"unknown {tag}"
        case _:
            return event.type


def openai_describe(event: openai_types.ResponseStreamEvent) -> str:
    if event.type == "response.output_text.delta":
        assert_type(event, openai_types.ResponseTextDeltaEvent)
        return event.delta
    return ""


def optional_fields(event: types.ResponseOutputTextDeltaStreamingEvent) -> int:
    assert_type(event.logprobs, list[types.LogProb] | Unset)
    if event.logprobs is UNSET:
        return 0
    assert_type(event.logprobs, list[types.LogProb])
    return len(event.logprobs)


def request() -> CreateResponseBody:
    tool: FunctionToolParam = {"type": "function", "name": "get_weather", "parameters": {"type": "object"},
                               "strict": True}
    message: UserMessageItemParam = {"type": "message", "role": "user", "content": "Weather in Paris?"}
    return {"model": "m", "input": [message], "tools": [tool], "max_output_tokens": 64}


def run() -> list[str]:
    delta = types.parse_stream_event(
        {"type": "response.output_text.delta", "sequence_number": 1, "item_id": "i", "output_index": 0,
         "content_index": 0, "delta": "Hi"})
    unknown = types.parse_stream_event({"type": "acme:trace", "sequence_number": 2})
    oa = openai_types.parse_stream_event(
        {"type": "response.output_text.delta", "sequence_number": 1, "item_id": "i", "output_index": 0,
         "content_index": 0, "delta": "Yo", "logprobs": []})
    return [describe(delta), describe(unknown), openai_describe(oa), str(request().get("model"))]
