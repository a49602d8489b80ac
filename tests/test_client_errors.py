"""HTTP failures end in the documented typed error with the parsed fields, never a bare exception."""

from __future__ import annotations

import json

import pytest
from openresponses_sdk import errors
from openresponses_sdk._transport import MAX_ERROR_BODY
from openresponses_sdk.client import AsyncClient, Client

from tests.conftest import RECORDED
from tests.servers import (
    MINIMAL_RESPONSE,
    ReplayServer,
    Reply,
    sse_body,
    text_stream_events,
)


@pytest.mark.parametrize(("status", "cls"), [
    (400, errors.BadRequestError), (401, errors.AuthenticationError), (403, errors.PermissionDeniedError),
    (404, errors.NotFoundError), (409, errors.ConflictError), (422, errors.UnprocessableEntityError),
    (429, errors.RateLimitError), (500, errors.InternalServerError), (504, errors.InternalServerError),
    (418, errors.APIStatusError),
])  # fmt: skip
def test_status_classes_and_fields(server: ReplayServer, status: int, cls: type[errors.APIStatusError]) -> None:
    body = {"error": {"message": "nope", "type": "invalid_request_error", "param": "input", "code": "bad_input"}}
    server.queue(Reply.json(body, status, [("x-request-id", "req_123")]))
    with Client(base_url=server.url, dialect="openai", max_retries=0) as client, pytest.raises(errors.APIStatusError) as info:
        client.responses.retrieve("resp_1")
    err = info.value
    assert type(err) is cls and isinstance(err, errors.APIError)
    assert (err.status_code, err.type, err.code, err.param, err.request_id) == (
        status, "invalid_request_error", "bad_input", "input", "req_123"
    )  # fmt: skip
    assert json.loads(err.body) == body
    assert str(err).startswith(f"HTTP {status}") and "nope" in str(err) and "[request id req_123]" in str(err)


@pytest.mark.skipif(not (RECORDED / "openai").is_dir(), reason=f"recorded fixtures not found at {RECORDED}")
def test_recorded_400_body(server: ReplayServer) -> None:
    raw = (RECORDED / "openai" / "reasoning-model-temperature-error.json").read_bytes()
    server.queue(Reply(400, [("Content-Type", "application/json")], raw))
    with Client(base_url=server.url, dialect="openai", max_retries=2) as client, pytest.raises(errors.BadRequestError) as info:
        client.responses.create(model="o3", input="hi", temperature=0.2)
    err = info.value
    assert (err.type, err.param, err.code) == ("invalid_request_error", "temperature", None)
    assert "Unsupported parameter: 'temperature' is not supported with this model." in err.message
    assert err.body == raw and len(server.requests) == 1


def test_html_error_page(server: ReplayServer) -> None:
    page = b"<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"
    server.queue(Reply(502, [("Content-Type", "text/html")], page))
    with Client(base_url=server.url, max_retries=0) as client, pytest.raises(errors.InternalServerError) as info:
        client.responses.create(model="m")
    assert info.value.type is None and info.value.code is None and info.value.body == page
    assert "non-JSON error body (text/html, 89 bytes): '<html><head><title>502 Bad Gateway" in str(info.value)


def test_oversized_error_body_is_capped(server: ReplayServer) -> None:
    server.queue(Reply(500, [("Content-Type", "text/plain")], chunks=[b"x" * 8192] * 64))
    with Client(base_url=server.url, max_retries=0) as client, pytest.raises(errors.InternalServerError) as info:
        client.responses.create(model="m")
    assert len(info.value.body) == MAX_ERROR_BODY
    assert f"more than {MAX_ERROR_BODY} bytes" in str(info.value)


@pytest.mark.parametrize(("body", "match"), [
    (b"<html>oops</html>", r"body is not valid JSON .* starts with '<html>oops</html>'"),
    (b"[1, 2]", "body is JSON list, expected an object"),
    (json.dumps({**MINIMAL_RESPONSE, "status": 7}).encode(), r"create body does not match the schema at status: expected string"),
])  # fmt: skip
def test_bad_success_bodies(server: ReplayServer, body: bytes, match: str) -> None:
    server.queue(Reply(200, [("Content-Type", "application/json")], body))
    with Client(base_url=server.url, max_retries=0) as client, pytest.raises(errors.APIResponseValidationError, match=match):
        client.responses.create(model="m")


def test_server_that_never_answers_times_out(server: ReplayServer) -> None:
    server.queue(Reply(fault="hang"))
    with Client(base_url=server.url, max_retries=0, timeout=0.2) as client, pytest.raises(errors.APITimeoutError) as info:
        client.responses.create(model="m")
    assert isinstance(info.value, errors.APIConnectionError) and info.value.request is not None


async def test_per_call_timeout_overrides_client_timeout(server: ReplayServer) -> None:
    server.queue(Reply(fault="hang"))
    async with AsyncClient(base_url=server.url, max_retries=0, timeout=30) as client:
        with pytest.raises(errors.APITimeoutError):
            await client.responses.create(model="m", timeout=0.2)


def test_unreachable_server_is_a_connection_error() -> None:
    with ReplayServer() as server:
        url = server.url
    with Client(base_url=url, max_retries=0) as client, pytest.raises(errors.APIConnectionError, match="Connection error: POST"):
        client.responses.create(model="m")


@pytest.mark.parametrize("fault", ["reset", "cut"])
def test_stream_broken_mid_way(server: ReplayServer, fault: str) -> None:
    events = text_stream_events(list("abcdef"))
    server.queue(Reply.sse([sse_body(events[:5], done=False)], fault=fault))  # type: ignore[arg-type]
    with (
        Client(base_url=server.url, max_retries=0) as client,
        client.responses.create(model="m", stream=True) as stream,
        pytest.raises(errors.APIConnectionError, match="Stream broken after 5 events") as info,
    ):
        stream.get_final_response()
    assert not isinstance(info.value, errors.APITimeoutError)
    assert stream.accumulator.snapshot()["output"][0]["content"][0]["text"] == "ab"


async def test_async_stream_read_timeout(server: ReplayServer) -> None:
    events = text_stream_events(list("abc"))
    server.queue(Reply.sse([sse_body(events[:3], done=False)], fault="stall"))
    async with AsyncClient(base_url=server.url, max_retries=0, timeout=0.3) as client:
        stream = await client.responses.create(model="m", stream=True)
        async with stream:
            with pytest.raises(errors.APITimeoutError, match="Stream broken after"):
                async for _ in stream:
                    pass
