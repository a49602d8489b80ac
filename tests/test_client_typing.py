"""Return types follow the dialect: checked statically (mypy --strict / pyright strict run over this file)
and at run time against the replay server. Also: typed model objects are accepted as request input."""

from __future__ import annotations

from typing import assert_type

from openresponses_sdk import openai_types, types
from openresponses_sdk.client import AsyncClient, Client
from openresponses_sdk.streaming import AsyncResponseStream, ResponseStream

from tests.servers import (
    MINIMAL_RESPONSE,
    ReplayServer,
    Reply,
    sse_body,
    text_stream_events,
)


def test_openresponses_types(server: ReplayServer) -> None:
    events = text_stream_events(["Hi", "!"])
    server.queue(Reply.json(MINIMAL_RESPONSE), Reply.sse([sse_body(events)]))
    with Client(base_url=server.url) as client:
        response = client.responses.create(model="m", input="hi")
        assert_type(response, types.ResponseResource)
        with client.responses.create(model="m", input="hi", stream=True) as stream:
            assert_type(stream, ResponseStream[types.StreamingEvent, types.ResponseResource])
            deltas = [e.delta for e in stream if isinstance(e, types.ResponseOutputTextDeltaStreamingEvent)]
            final = stream.get_final_response()
            assert_type(final, types.ResponseResource)
    assert type(response) is types.ResponseResource and deltas == ["Hi", "!"] and final.output_text == "Hi!"


def test_openai_types(server: ReplayServer) -> None:
    events = text_stream_events(["Yo"])
    server.queue(Reply.json(MINIMAL_RESPONSE), Reply.sse([sse_body(events)]), Reply.json(MINIMAL_RESPONSE))
    with Client(base_url=server.url, dialect="openai") as client:
        response = client.responses.create(model="gpt-5", input="hi")
        assert_type(response, openai_types.Response)
        with client.responses.create(model="gpt-5", input="hi", stream=True) as stream:
            assert_type(stream, ResponseStream[openai_types.ResponseStreamEvent, openai_types.Response])
            texts = [e.delta for e in stream if e.type == "response.output_text.delta"]
        again = client.responses.retrieve(response.id)
        assert_type(again, openai_types.Response)
    assert type(response) is openai_types.Response and texts == ["Yo"] and again.id == "resp_1"


async def test_async_types(server: ReplayServer) -> None:
    server.queue(Reply.json(MINIMAL_RESPONSE), Reply.sse([sse_body(text_stream_events(["a"]))]))
    async with AsyncClient(base_url=server.url, dialect="openai") as client:
        response = await client.responses.create(model="gpt-5", input="hi")
        assert_type(response, openai_types.Response)
        stream = await client.responses.create(model="gpt-5", input="hi", stream=True)
        assert_type(stream, AsyncResponseStream[openai_types.ResponseStreamEvent, openai_types.Response])
        async with stream:
            final = await stream.get_final_response()
    assert final.output_text == "a"


def test_previous_output_items_can_be_sent_back_as_input(server: ReplayServer) -> None:
    """Typed items (``to_dict()``) and plain dicts mix in ``input``; UNSET fields are not sent."""
    completed = text_stream_events(["Hello"])[-1]["response"]
    server.queue(Reply.json(completed), Reply.json(MINIMAL_RESPONSE))
    with Client(base_url=server.url) as client:
        first = client.responses.create(model="m", input="hi")
        follow_up = [*first.output, {"type": "message", "role": "user", "content": "and again"}]
        client.responses.create(model="m", input=follow_up)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    sent = server.requests[1].json()["input"]
    assert sent == [*completed["output"], {"type": "message", "role": "user", "content": "and again"}]
