"""The overloads of ``responses()`` / ``aresponses()`` give the precise type for each provider kind,
``stream`` and ``response_format``: checked statically (mypy --strict / pyright strict run over this file)
and at run time against the embedded local provider (OpenResponses dialect) and a replay server (OpenAI)."""

from __future__ import annotations

import json
from typing import Any, assert_type

import pytest
from openresponses_sdk import errors, openai_types, types
from openresponses_sdk.api import (
    OAParsedStream,
    ORAsyncParsedStream,
    ORParsedStream,
    aresponses,
    responses,
)
from openresponses_sdk.resources import ORStream
from openresponses_sdk.streaming import ParsedResponseStream
from openresponses_sdk.structured import ParsedResponse

from tests.conftest import Review
from tests.servers import MINIMAL_RESPONSE, ReplayServer, Reply, sse_body, text_stream_events


def test_provider_literal_selects_the_dialect_types() -> None:
    plain = responses("echo-1", "Dune", provider="local")
    assert_type(plain, types.ResponseResource)
    parsed = responses("echo-1", "Dune", provider="local", response_format=Review)
    assert_type(parsed, ParsedResponse[types.ResponseResource, Review])
    raw = responses("echo-1", "Dune", provider="local", response_format={"type": "json_object"})
    assert_type(raw, ParsedResponse[types.ResponseResource, object])
    with responses("echo-1", "Dune", provider="local", stream=True) as stream:
        assert_type(stream, ORStream)
        final = stream.get_final_response()
    assert plain.output_text == final.output_text == "You said: Dune"
    assert parsed.output_parsed == Review("Dune", 1)


def test_stream_with_a_class_format_parses_the_final_text() -> None:
    with responses("echo-1", "Dune", provider="local", stream=True, response_format=Review) as stream:
        assert_type(stream, ORParsedStream[Review])
        kinds = [event.type for event in stream]
        result = stream.get_final_parsed()
    assert_type(result, ParsedResponse[types.ResponseResource, Review])
    assert kinds[0] == "response.created" and kinds[-1] == "response.completed"
    assert result.output_parsed == Review("Dune", 1)
    assert json.loads(result.output_text) == {"title": "Dune", "stars": 1}


def test_stream_with_a_dict_format_parses_json(server: ReplayServer) -> None:
    body = json.dumps({"a": [1, 2]})
    server.queue(Reply.sse([sse_body(text_stream_events([body[:5], body[5:]]))]))
    stream = responses(
        "m", "hi", provider="custom", api_base=server.url, stream=True, response_format={"type": "json_object"}
    )
    assert_type(stream, OAParsedStream[object])
    with stream:
        parsed = stream.get_final_parsed()
    assert_type(parsed.response, openai_types.Response)
    assert parsed.output_parsed == {"a": [1, 2]}
    assert server.requests[0].json()["text"] == {"format": {"type": "json_object"}}


def test_stream_with_invalid_output_raises_with_the_raw_text(server: ReplayServer) -> None:
    server.queue(Reply.sse([sse_body(text_stream_events(["not ", "json"]))]))
    with responses("m", "hi", provider="custom", api_base=server.url, stream=True, response_format=Review) as stream:
        deltas = list(stream.text_deltas())
        with pytest.raises(errors.StructuredOutputError) as info:
            stream.get_final_parsed()
    assert deltas == ["not ", "json"] and info.value.raw_text == "not json"


def provider_from_config() -> str:
    return "local"


def test_unknown_provider_kind_gives_the_union() -> None:
    provider = provider_from_config()
    result = responses("echo-1", "Dune", provider=provider, response_format=Review)
    assert_type(result, ParsedResponse[types.ResponseResource, Review] | ParsedResponse[openai_types.Response, Review])
    stream = responses("echo-1", "Dune", provider=provider, stream=True, response_format=Review)
    assert_type(stream, ORParsedStream[Review] | OAParsedStream[Review])
    with stream:
        assert isinstance(stream, ParsedResponseStream)
        assert stream.get_final_parsed().output_parsed == result.output_parsed == Review("Dune", 1)


async def test_async_stream_with_a_class_format() -> None:
    stream = await aresponses("echo-1", "Dune", provider="local", stream=True, response_format=Review)
    assert_type(stream, ORAsyncParsedStream[Review])
    async with stream:
        kinds = [event.type async for event in stream]
        result = await stream.get_final_parsed()
    assert kinds[-1] == "response.completed" and result.output_parsed == Review("Dune", 1)


def test_plain_stream_is_not_wrapped(server: ReplayServer) -> None:
    server.queue(Reply.sse([sse_body(text_stream_events(["x"]))]), Reply.json(MINIMAL_RESPONSE))
    stream: Any = responses("m", "hi", provider="custom", api_base=server.url, stream=True)
    with stream:
        assert not isinstance(stream, ParsedResponseStream) and stream.get_final_response().output_text == "x"


def test_a_started_stream_cannot_be_given_a_parser(server: ReplayServer) -> None:
    from openresponses_sdk.client import Client

    server.queue(Reply.sse([sse_body(text_stream_events(["x", "y"]))]))
    with Client(base_url=server.url) as client, client.responses.create(model="m", input="hi", stream=True) as stream:
        next(stream)
        with pytest.raises(ValueError, match="before its first event"):
            ParsedResponseStream(stream, lambda final: final.output_text)
