"""``client.responses.create`` (and ``input_tokens``) take callables and chat-style tools, as ``responses()``
does: converted to the Responses form before sending, strict by default for the OpenAI dialect only.
Type-checked by mypy --strict / pyright strict as well (the calls below must be accepted statically)."""

from __future__ import annotations

from typing import Any, assert_type

import pytest
from openresponses_sdk import openai_types, types
from openresponses_sdk.client import AsyncClient, Client
from openresponses_sdk.errors import ToolDefinitionError
from openresponses_sdk.streaming import ResponseStream
from openresponses_sdk.tools import tool

from tests.servers import MINIMAL_RESPONSE, ReplayServer, Reply, sse_body, text_stream_events


def get_weather(city: str, unit: str = "C") -> str:
    """Current weather.

    Args:
        city: The city name.
        unit: C or F.
    """
    return f"{city}: 20 {unit}"


@tool(strict=False)
def lookup(key: str) -> str:
    """Look a key up."""
    return key


CHAT_TOOL: Any = {
    "type": "function",
    "function": {"name": "search", "description": "Search.", "parameters": {"type": "object", "properties": {}}},
}


SERVER_DEFAULT = Reply.json(MINIMAL_RESPONSE)  # the conftest server answers with it when nothing is queued


def sent(server: ReplayServer, index: int = -1) -> dict[str, Any]:
    body: dict[str, Any] = server.requests[index].json()
    return body


def test_openresponses_create_converts_callables_and_chat_tools_in_order(server: ReplayServer) -> None:
    flat: Any = {"type": "function", "name": "flat", "parameters": {"type": "object", "properties": {}}}
    with Client(base_url=server.url) as client:
        response = client.responses.create(
            model="m",
            input="hi",
            tools=[get_weather, CHAT_TOOL, flat],
            tool_choice={"type": "function", "function": {"name": "search"}},
        )
        assert_type(response, types.ResponseResource)
    body = sent(server)
    assert [t["name"] for t in body["tools"]] == ["get_weather", "search", "flat"]
    weather, search, _ = body["tools"]
    assert weather["strict"] is False  # OpenResponses dialect: not strict unless asked
    assert weather["parameters"]["properties"]["city"] == {"type": "string", "description": "The city name."}
    assert weather["parameters"]["properties"]["unit"]["default"] == "C"
    assert search == {"type": "function", **CHAT_TOOL["function"]}
    assert body["tool_choice"] == {"type": "function", "name": "search"}


def test_openai_create_is_strict_by_default_and_tool_settings_win(server: ReplayServer) -> None:
    with Client(base_url=server.url, dialect="openai") as client:
        response = client.responses.create(model="gpt-5", input="hi", tools=[get_weather, lookup], tool_choice=lookup)
        assert_type(response, openai_types.Response)
    body = sent(server)
    weather, looked = body["tools"]
    assert weather["strict"] is True
    assert weather["parameters"]["required"] == ["city", "unit"]  # strict: every property required...
    assert weather["parameters"]["additionalProperties"] is False
    assert looked["strict"] is False  # ...but @tool(strict=False) is kept
    assert body["tool_choice"] == {"type": "function", "name": "lookup"}


def test_streaming_create_converts_tools(server: ReplayServer) -> None:
    server.queue(Reply.sse([sse_body(text_stream_events(["ok"]))]))
    with (
        Client(base_url=server.url) as client,
        client.responses.create(model="m", input="hi", tools=[get_weather], stream=True) as stream,
    ):
        assert_type(stream, ResponseStream[types.StreamingEvent, types.ResponseResource])
        assert stream.get_final_response().output_text == "ok"
    body = sent(server)
    assert body["stream"] is True and body["tools"][0]["name"] == "get_weather"


def test_input_tokens_converts_tools(server: ReplayServer) -> None:
    server.queue(Reply.json({"object": "response.input_tokens", "input_tokens": 12}))
    with Client(base_url=server.url, dialect="openai") as client:
        counted = client.responses.input_tokens(model="gpt-5", input="hi", tools=[CHAT_TOOL], tool_choice=get_weather)
    body = sent(server)
    assert counted.input_tokens == 12
    assert body["tools"] == [{"type": "function", **CHAT_TOOL["function"]}]
    assert body["tool_choice"] == {"type": "function", "name": "get_weather"}


async def test_async_create_converts_like_sync(server: ReplayServer) -> None:
    with Client(base_url=server.url, dialect="openai") as client:
        client.responses.create(model="gpt-5", input="hi", tools=[get_weather, CHAT_TOOL])
    async with AsyncClient(base_url=server.url, dialect="openai") as aclient:
        response = await aclient.responses.create(model="gpt-5", input="hi", tools=[get_weather, CHAT_TOOL])
        assert_type(response, openai_types.Response)
    assert sent(server, 0) == sent(server, 1)


def test_explicit_null_tools_are_sent_as_given(server: ReplayServer) -> None:
    with Client(base_url=server.url) as client:
        client.responses.create(model="m", input="hi", tools=None, tool_choice=None)
    body = sent(server)
    assert "tools" in body and body["tools"] is None and body["tool_choice"] is None


@pytest.mark.parametrize(
    ("tools", "message"),
    [
        ([get_weather, 42], r"tools\[1\]: expected a callable or a tool dict, got int"),
        ([{"function": {"name": "x"}}], r"tools\[0\]: a tool dict needs a 'type'"),
        ([{"type": "function", "function": {"name": "bad name"}}], r"tools\[0\]\.function\.name: invalid function name"),
        ([get_weather, get_weather], r"tools\[1\]: duplicate function name 'get_weather' \(also tools\[0\]\)"),
        (CHAT_TOOL, r"tools: expected a list of tools, got dict"),
        (get_weather, r"tools: expected a list of tools, got function"),
    ],
)
def test_bad_tools_are_named_and_nothing_is_sent(server: ReplayServer, tools: Any, message: str) -> None:
    with Client(base_url=server.url) as client, pytest.raises(ToolDefinitionError, match=message):
        client.responses.create(model="m", input="hi", tools=tools)
    assert server.requests == []


def test_bad_tool_choice_is_named(server: ReplayServer) -> None:
    with Client(base_url=server.url) as client, pytest.raises(ToolDefinitionError, match=r"tool_choice: expected"):
        client.responses.create(model="m", input="hi", tool_choice=3)  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
    assert server.requests == []
