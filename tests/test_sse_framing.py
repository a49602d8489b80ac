"""SSE framing over a real socket: line endings, comments, multi-line data, ``event:`` names, ``[DONE]``,
1-byte chunks through multi-byte characters, and every malformed-stream case ending in a typed error."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from openresponses_sdk import errors
from openresponses_sdk._base import UnknownVariant
from openresponses_sdk.client import Client

from tests.servers import (
    MINIMAL_RESPONSE,
    ReplayServer,
    Reply,
    random_chunks,
    sse_body,
    sse_frame,
    text_stream_events,
)

TEXT = "Grüße, 世界 🌍!"
RESPONSE = MINIMAL_RESPONSE


def _events(text: str = TEXT) -> list[dict[str, Any]]:
    return text_stream_events(list(text))


@pytest.fixture
def server() -> Any:
    with ReplayServer() as s:
        yield s


@pytest.fixture
def client(server: ReplayServer) -> Any:
    with Client(base_url=server.url, max_retries=0, timeout=5) as c:
        yield c


def _collect(client: Client[Any]) -> tuple[list[dict[str, Any]], str]:
    with client.responses.create(model="m", stream=True) as stream:
        events = [e.to_dict() for e in stream]
        return events, stream.get_final_response().output_text


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings(server: ReplayServer, client: Client[Any], newline: str) -> None:
    server.queue(Reply.sse([sse_body(_events(), newline=newline)]))
    events, text = _collect(client)
    assert events == _events() and text == TEXT


def test_one_byte_chunks_split_lines_and_utf8(server: ReplayServer, client: Client[Any]) -> None:
    body = sse_body(_events(), newline="\r\n")
    server.queue(Reply.sse([body[i : i + 1] for i in range(len(body))]))
    events, text = _collect(client)
    assert events == _events() and text == TEXT


def test_comments_ids_retry_and_multiline_data(server: ReplayServer, client: Client[Any]) -> None:
    frames = [": keep-alive\n\n", "retry: 100\nid: 7\n\n"]
    for event in _events():
        encoded = json.dumps(event, ensure_ascii=False, indent=1)  # spans several lines
        data = "".join(f"data: {line}\n" for line in encoded.split("\n"))
        frames.append(f": comment before\nevent: {event['type']}\n{data}\n")
    frames.append("data: [DONE]\n\n")
    server.queue(Reply.sse(random_chunks("".join(frames).encode(), random.Random(3), max_size=7)))
    events, text = _collect(client)
    assert events == _events() and text == TEXT


def test_nothing_after_done_is_read(server: ReplayServer, client: Client[Any]) -> None:
    body = sse_body(_events()) + b"data: {not json}\n\n"
    server.queue(Reply.sse([body]))
    events, _ = _collect(client)
    assert len(events) == len(_events())


def test_unknown_event_is_yielded_not_dropped(server: ReplayServer, client: Client[Any]) -> None:
    future = {"type": "response.hologram.delta", "sequence_number": 99, "frames": [1, 2]}
    evs = _events()
    server.queue(Reply.sse([sse_body([*evs[:2], future, *evs[2:]])]))
    with client.responses.create(model="m", stream=True) as stream:
        got = list(stream)
    unknown = got[2]
    assert isinstance(unknown, UnknownVariant)
    assert unknown.tag == "response.hologram.delta" and unknown.raw == future
    assert unknown.to_dict() == future


def _expect_protocol_error(client: Client[Any], index: int, match: str) -> errors.StreamProtocolError:
    with client.responses.create(model="m", stream=True) as stream, pytest.raises(errors.StreamProtocolError, match=match) as info:
        stream.get_final_response()
    assert info.value.event_index == index
    return info.value


def test_invalid_json_event(server: ReplayServer, client: Client[Any]) -> None:
    evs = _events()
    body = sse_body(evs[:3], done=False) + b'data: {"type": "response.output_text.delta", \n\n' + sse_body(evs[3:])
    server.queue(Reply.sse([body]))
    _expect_protocol_error(client, 3, r"Stream event 3 is not valid JSON")


def test_non_object_event(server: ReplayServer, client: Client[Any]) -> None:
    server.queue(Reply.sse([sse_body([_events()[0]], done=False) + b"data: [1, 2]\n\n"]))
    _expect_protocol_error(client, 1, r"is JSON list, expected an object")


def test_event_name_must_match_payload_type(server: ReplayServer, client: Client[Any]) -> None:
    evs = _events()
    wrong = f"event: response.completed\ndata: {json.dumps(evs[1])}\n\n".encode()
    server.queue(Reply.sse([sse_body(evs[:1], done=False) + wrong]))
    _expect_protocol_error(client, 1, r"named 'response.completed' by its event: line but has type 'response.output_item.added'")


def test_schema_mismatch_names_the_event_and_path(server: ReplayServer, client: Client[Any]) -> None:
    evs = _events()
    bad = {**evs[3], "delta": 42}
    server.queue(Reply.sse([sse_body([*evs[:3], bad])]))
    err = _expect_protocol_error(client, 3, r"Stream event 3 \(response.output_text.delta\) does not match the schema: delta")
    assert isinstance(err.__cause__, errors.ValidationError)


def test_truncated_stream_without_terminal_event(server: ReplayServer, client: Client[Any]) -> None:
    server.queue(Reply.sse([sse_body(_events()[:5], done=False)]))
    with client.responses.create(model="m", stream=True) as stream, pytest.raises(errors.StreamProtocolError, match="ended after 5 events without a terminal event"):
        list(stream)


def test_done_without_terminal_event_is_truncation_too(server: ReplayServer, client: Client[Any]) -> None:
    server.queue(Reply.sse([sse_body(_events()[:5], done=True)]))
    _expect_protocol_error(client, 5, "without a terminal event")


def test_json_answer_to_a_stream_request(server: ReplayServer, client: Client[Any]) -> None:
    server.queue(Reply.json(RESPONSE))
    _expect_protocol_error(client, 0, r"cannot be read: .*text/event-stream.*application/json")


@pytest.mark.parametrize(
    "error_event",
    [
        {"type": "error", "sequence_number": 2, "code": "rate_limit", "message": "slow down", "param": None},
        {"type": "error", "sequence_number": 2, "error": {"type": "server_error", "code": "rate_limit", "message": "slow down", "param": None}},
    ],
    ids=["flat", "nested"],
)
def test_error_event_raises_typed_error(server: ReplayServer, client: Client[Any], error_event: dict[str, Any]) -> None:
    evs = _events()
    server.queue(Reply.sse([sse_body([*evs[:2], error_event, *evs[-1:]])]))
    seen: list[str] = []
    with client.responses.create(model="m", stream=True) as stream, pytest.raises(errors.ResponseStreamError, match="Stream event 2 is an error: slow down") as info:
        for event in stream:
            seen.append(event.type)
    assert seen == ["response.created", "response.output_item.added"]
    with pytest.raises(errors.ResponseStreamError) as again:
        stream.get_final_response()  # the stream's outcome stays the error, not "no terminal event"
    assert again.value is info.value
    assert (info.value.code, info.value.message.startswith("Stream event 2"), info.value.event) == ("rate_limit", True, error_event)
    assert info.value.event_index == 2


def test_stream_frame_helper_names_events() -> None:
    assert sse_frame({"type": "x"}) == 'event: x\ndata: {"type": "x"}\n\n'
