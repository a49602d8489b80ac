"""``responses()`` / ``aresponses()``: signature, what reaches the wire, tools and formats, sync/async parity,
and end-to-end runs against the embedded local provider."""

from __future__ import annotations

import inspect
import json
import typing
from typing import Any

import pytest
from openresponses_sdk import errors
from openresponses_sdk import openai_types as oatypes
from openresponses_sdk import types as ortypes
from openresponses_sdk.api import aresponses, responses
from openresponses_sdk.structured import ParsedResponse
from openresponses_sdk.tools import run_tool_calls
from openresponses_sdk.types.params import FunctionCallOutputItemParam

from tests.conftest import Review
from tests.servers import MINIMAL_RESPONSE, ReplayServer, Reply

ISSUE_PARAMETERS = [
    "model",
    "input_data",
    "provider",
    "tools",
    "tool_choice",
    "max_output_tokens",
    "temperature",
    "top_p",
    "stream",
    "api_key",
    "api_base",
    "instructions",
    "max_tool_calls",
    "parallel_tool_calls",
    "reasoning",
    "text",
    "presence_penalty",
    "frequency_penalty",
    "truncation",
    "store",
    "service_tier",
    "user",
    "metadata",
    "previous_response_id",
    "include",
    "background",
    "safety_identifier",
    "prompt_cache_key",
    "prompt_cache_retention",
    "conversation",
    "response_format",
    "timeout",
    "client_args",
    "kwargs",
]
BODY_PARAMETERS: dict[str, Any] = {
    "max_output_tokens": 64,
    "temperature": 0.5,
    "top_p": 0.9,
    "instructions": "be brief",
    "max_tool_calls": 2,
    "parallel_tool_calls": True,
    "reasoning": {"effort": "low"},
    "text": {"verbosity": "low"},
    "presence_penalty": 0.1,
    "frequency_penalty": 0.2,
    "truncation": "auto",
    "store": True,
    "service_tier": "flex",
    "user": "u-1",
    "metadata": {"k": "v"},
    "previous_response_id": "resp_0",
    "include": ["reasoning.encrypted_content"],
    "background": True,
    "safety_identifier": "s-1",
    "prompt_cache_key": "c-1",
    "prompt_cache_retention": "24h",
    "conversation": "conv_1",
}


def get_weather(
    city: str, unit: typing.Literal["celsius", "fahrenheit"] = "celsius"
) -> str:
    """Current weather.

    Args:
        city: The city name.
        unit: Temperature unit.
    """
    return f"Sunny, 21 degrees {unit} in {city}"


SERVER_DEFAULT = Reply.json(MINIMAL_RESPONSE)  # the conftest server answers with it when nothing is queued


def sent(server: ReplayServer) -> dict[str, Any]:
    body: dict[str, Any] = server.requests[-1].json()
    return body


# --- signature


def test_signature_is_exactly_the_issue_one() -> None:
    params = inspect.signature(responses).parameters
    assert list(params) == ISSUE_PARAMETERS
    assert [p.kind for p in params.values()][:2] == [
        inspect.Parameter.POSITIONAL_OR_KEYWORD
    ] * 2
    assert all(p.default is None for p in list(params.values())[2:-1])
    assert params["kwargs"].kind is inspect.Parameter.VAR_KEYWORD


def test_sync_and_async_signatures_are_identical() -> None:
    # Parameters (names, kinds, defaults, annotations) are identical; only the return annotation
    # differs, by necessity: the async twin yields ``AsyncResponseStream``s.
    assert (
        inspect.signature(responses).parameters
        == inspect.signature(aresponses).parameters
    )
    assert inspect.iscoroutinefunction(aresponses) and not inspect.iscoroutinefunction(
        responses
    )


@pytest.mark.parametrize("func", [responses, aresponses])
def test_every_overload_has_the_same_parameters(func: Any) -> None:
    overloads = typing.get_overloads(func)
    assert len(overloads) == 19  # 3 provider kinds x (stream or not) x (no format, a class, a dict) + 1
    impl = inspect.signature(func).parameters
    for overload in overloads:
        params = inspect.signature(overload).parameters
        assert [(n, p.kind) for n, p in params.items()] == [
            (n, p.kind) for n, p in impl.items()
        ]
    sync_overloads = [
        str(inspect.signature(o)) for o in typing.get_overloads(responses)
    ]
    async_overloads = [
        str(inspect.signature(o)) for o in typing.get_overloads(aresponses)
    ]
    assert [s.split(" -> ")[0] for s in sync_overloads] == [
        s.split(" -> ")[0] for s in async_overloads
    ]


# --- what reaches the wire


def test_none_is_not_sent_and_false_or_zero_is(server: ReplayServer) -> None:
    responses("custom:m", "hi", api_base=server.url)
    assert sent(server) == {"model": "m", "input": "hi"}
    responses(
        "custom:m", "hi", api_base=server.url, store=False, temperature=0, top_p=0.0, parallel_tool_calls=False,
        background=False, max_output_tokens=0, metadata={}, include=[], instructions="",
    )  # fmt: skip
    assert sent(server) == {
        "model": "m", "input": "hi", "store": False, "temperature": 0, "top_p": 0.0, "parallel_tool_calls": False,
        "background": False, "max_output_tokens": 0, "metadata": {}, "include": [], "instructions": "",
    }  # fmt: skip


def test_every_body_parameter_is_sent_under_its_name(server: ReplayServer) -> None:
    responses("custom:m", "hi", api_base=server.url, **BODY_PARAMETERS)
    assert sent(server) == {"model": "m", "input": "hi", **BODY_PARAMETERS}


def test_stream_false_is_sent_and_gives_a_response(server: ReplayServer) -> None:
    result = responses("custom:m", "hi", api_base=server.url, stream=False)
    assert sent(server)["stream"] is False and isinstance(result, oatypes.Response)


def test_kwargs_go_into_the_body_unchanged(server: ReplayServer) -> None:
    extra: dict[str, Any] = {
        "vendor_field": {"nested": [1, None, True]},
        "extra_headers": "body, not headers",
        "top_k": 40,
    }
    responses("custom:m", "hi", api_base=server.url, **extra)
    assert sent(server) == {"model": "m", "input": "hi", **extra}
    assert "body, not headers" not in server.requests[-1].headers.values()


def test_client_args_reach_the_client(server: ReplayServer) -> None:
    responses(
        "custom:m",
        "hi",
        api_base=server.url,
        client_args={"default_headers": {"X-Trace": "t-1"}},
    )
    assert server.requests[-1].headers["x-trace"] == "t-1"


def test_per_call_timeout() -> None:
    with (
        ReplayServer(default=Reply(fault="hang")) as slow,
        pytest.raises(errors.APITimeoutError),
    ):
        responses(
            "custom:m",
            "hi",
            api_base=slow.url,
            timeout=0.2,
            client_args={"max_retries": 0},
        )


def test_input_items_of_every_kind(server: ReplayServer) -> None:
    item = ortypes.FunctionCall.from_dict(
        {
            "type": "function_call",
            "id": "fc_1",
            "call_id": "c1",
            "name": "f",
            "arguments": "{}",
            "status": "completed",
        }
    )
    typed_param: FunctionCallOutputItemParam = {
        "type": "function_call_output",
        "call_id": "c1",
        "output": "ok",
    }
    items: list[Any] = [{"role": "user", "content": "hi"}, item, typed_param]
    responses("custom:m", items, api_base=server.url)
    assert sent(server)["input"] == [items[0], item.to_dict(), typed_param]


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"role": "user"}, "got dict"),
        ([{"role": "user", "content": "x"}, 5], r"input_data\[1\].*got int"),
        (None, "got NoneType"),
    ],
)
def test_bad_input_data(server: ReplayServer, bad: Any, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        responses("custom:m", bad, api_base=server.url)
    assert server.requests == []


def test_callable_tools_are_strict_for_openai_and_not_for_openresponses(
    server: ReplayServer,
) -> None:
    responses(
        "custom:m",
        "hi",
        api_base=server.url,
        tools=[get_weather],
        tool_choice=get_weather,
    )
    body = sent(server)
    [tool] = body["tools"]
    assert (
        tool["type"] == "function"
        and tool["name"] == "get_weather"
        and tool["strict"] is True
    )
    assert tool["parameters"]["properties"]["city"]["description"] == "The city name."
    assert body["tool_choice"] == {"type": "function", "name": "get_weather"}
    responses("openresponses:m", "hi", api_base=server.url, tools=[get_weather])
    assert sent(server)["tools"][0]["strict"] is False


def test_dict_and_chat_style_tools_keep_order(server: ReplayServer) -> None:
    flat: dict[str, Any] = {
        "type": "function",
        "name": "a",
        "parameters": {"type": "object", "properties": {}},
    }
    chat: dict[str, Any] = {
        "type": "function",
        "function": {"name": "b", "parameters": {"type": "object", "properties": {}}},
    }
    responses(
        "custom:m",
        "hi",
        api_base=server.url,
        tools=[flat, get_weather, chat],
        tool_choice="required",
    )
    body = sent(server)
    assert [t["name"] for t in body["tools"]] == ["a", "get_weather", "b"]
    assert body["tool_choice"] == "required"


def test_response_format_dict_goes_to_text_format(server: ReplayServer) -> None:
    fmt = {"type": "json_object"}
    server.queue(Reply.json({**MINIMAL_RESPONSE, "output": [_message('{"a": [1]}')]}))
    result = responses(
        "custom:m",
        "hi",
        api_base=server.url,
        response_format=fmt,
        text={"verbosity": "low"},
    )
    assert sent(server)["text"] == {"verbosity": "low", "format": fmt}
    assert isinstance(result, ParsedResponse) and result.output_parsed == {"a": [1]}
    server.queue(Reply.json({**MINIMAL_RESPONSE, "output": [_message("not json")]}))
    with pytest.raises(errors.StructuredOutputError) as info:
        responses("custom:m", "hi", api_base=server.url, response_format=fmt)
    assert info.value.raw_text == "not json"


def test_response_format_class_is_a_strict_json_schema(server: ReplayServer) -> None:
    server.queue(
        Reply.json(
            {**MINIMAL_RESPONSE, "output": [_message('{"title": "x", "stars": 4}')]}
        )
    )
    result = responses("custom:m", "hi", api_base=server.url, response_format=Review)
    fmt = sent(server)["text"]["format"]
    assert (
        fmt["type"] == "json_schema"
        and fmt["name"] == "Review"
        and fmt["strict"] is True
    )
    assert result.output_parsed == Review("x", 4)


def test_response_format_conflicts_with_text_format(server: ReplayServer) -> None:
    with pytest.raises(ValueError, match="not both"):
        responses(
            "custom:m",
            "hi",
            api_base=server.url,
            response_format=Review,
            text={"format": {"type": "text"}},
        )
    with pytest.raises(TypeError, match="response_format"):
        responses("custom:m", "hi", api_base=server.url, response_format=int)
    assert server.requests == []


def _message(text: str) -> dict[str, Any]:
    part: dict[str, Any] = {
        "type": "output_text",
        "text": text,
        "annotations": [],
        "logprobs": [],
    }
    return {
        "type": "message",
        "id": "msg_1",
        "status": "completed",
        "role": "assistant",
        "content": [part],
    }


# --- end to end against the embedded local provider


def test_local_non_streaming() -> None:
    result = responses(
        "local:echo-1", "hello world", instructions="uppercase", temperature=0
    )
    assert isinstance(result, ortypes.ResponseResource)
    assert (
        result.output_text == "YOU SAID: HELLO WORLD"
        and result.temperature == 0
        and result.status == "completed"
    )


def test_local_streaming_typed_events() -> None:
    stream = responses("echo-1", "stream this please", provider="local", stream=True)
    with stream:
        events = list(stream)
    known = [e for e in events if not isinstance(e, ortypes.UnknownStreamingEvent)]
    assert known == events, "every event of the local provider has a typed class"
    assert [e.sequence_number for e in known] == list(range(len(events)))
    assert isinstance(events[0], ortypes.ResponseCreatedStreamingEvent)
    assert isinstance(events[-1], ortypes.ResponseCompletedStreamingEvent)
    deltas = [
        e.delta
        for e in events
        if isinstance(e, ortypes.ResponseOutputTextDeltaStreamingEvent)
    ]
    assert (
        "".join(deltas)
        == "You said: stream this please"
        == stream.get_final_response().output_text
    )


def test_local_tool_round_trip() -> None:
    first = responses("local:echo-1", "use get_weather for Paris", tools=[get_weather])
    [call] = first.output
    assert isinstance(call, ortypes.FunctionCall) and json.loads(call.arguments) == {
        "city": "Paris"
    }
    results = run_tool_calls(first, [get_weather])
    follow = [*[i.to_dict() for i in first.output], *[r.item for r in results]]
    final = responses("local:echo-1", follow, tools=[get_weather])
    assert (
        final.output_text
        == "Tool results: get_weather returned Sunny, 21 degrees celsius in Paris."
    )


def test_local_previous_response_and_structured_output() -> None:
    first = responses("local:echo-1", "Dune")
    second = responses("local:echo-1", "and Solaris", previous_response_id=first.id)
    assert second.output_text == "You said: and Solaris Earlier you said: Dune."
    parsed = responses("local:echo-1", "Dune", response_format=Review)
    assert parsed.output_parsed == Review("Dune", 1)


def test_local_errors_are_typed() -> None:
    with pytest.raises(errors.BadRequestError) as info:
        responses("local:echo-1", "x", max_output_tokens=3)
    assert info.value.status_code == 400 and info.value.param == "max_output_tokens"


async def test_async_matches_sync_on_local() -> None:
    sync_result = responses("local:echo-1", "parity", instructions="reverse")
    async_result = await aresponses("local:echo-1", "parity", instructions="reverse")
    assert isinstance(async_result, ortypes.ResponseResource)
    assert async_result.output_text == sync_result.output_text == "parity said: You"
    sync_stream = responses("local:echo-1", "parity check", stream=True)
    with sync_stream:
        sync_types = [e.type for e in sync_stream]
    async_stream = await aresponses("local:echo-1", "parity check", stream=True)
    async with async_stream:
        async_types = [e.type async for e in async_stream]
    assert async_types == sync_types
    assert (
        await async_stream.get_final_response()
    ).output_text == "You said: parity check"


async def test_async_wire_shape_matches_sync(server: ReplayServer) -> None:
    responses("custom:m", "hi", api_base=server.url, temperature=0, vendor={"a": 1})
    await aresponses(
        "custom:m", "hi", api_base=server.url, temperature=0, vendor={"a": 1}
    )
    first, second = server.requests
    assert first.json() == second.json() and first.path == second.path


def test_local_compaction_through_the_typed_client() -> None:
    from openresponses_sdk.client import Client
    from openresponses_sdk.routing import resolve

    first = responses("local:echo-1", "alpha")
    with Client(base_url=resolve("local:echo-1").base_url) as client:
        compacted = client.responses.compact(
            model="echo-1", previous_response_id=first.id
        )
    assert isinstance(compacted, ortypes.CompactResource)
    assert [type(i) for i in compacted.output] == [
        ortypes.Message,
        ortypes.CompactionBody,
    ]
    follow = [
        *(i.to_dict() for i in compacted.output),
        {"role": "user", "content": "beta"},
    ]
    assert (
        responses("local:echo-1", follow).output_text
        == "You said: beta Earlier you said: alpha."
    )
