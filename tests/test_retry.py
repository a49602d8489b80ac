"""Retries: which failures, how long to wait (backoff, jitter, Retry-After, retry-after-ms), how many times,
and never once stream events were delivered."""

from __future__ import annotations

import email.utils
import logging
import time
from typing import Any

import httpx
import pytest
from openresponses_sdk import errors
from openresponses_sdk._retry import Backoff, retry_after_seconds, should_retry
from openresponses_sdk.client import AsyncClient, Client

from tests.servers import (
    MINIMAL_RESPONSE,
    ReplayServer,
    Reply,
    sse_body,
    text_stream_events,
)

FAST = Backoff(initial=0.001, maximum=0.002)


def _headers(**values: str) -> httpx.Headers:
    return httpx.Headers({k.replace("_", "-"): v for k, v in values.items()})


def test_exponential_backoff_with_bounded_jitter() -> None:
    no_jitter = Backoff(initial=0.5, maximum=8.0, jitter=0.25, random=lambda: 0.0)
    full_jitter = Backoff(initial=0.5, maximum=8.0, jitter=0.25, random=lambda: 1.0)
    assert [no_jitter.delay(n) for n in range(6)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    assert [full_jitter.delay(n) for n in range(3)] == [0.375, 0.75, 1.5]
    real = Backoff()
    assert all(0.375 <= real.delay(0) <= 0.5 for _ in range(200))


def test_retry_after_headers() -> None:
    assert retry_after_seconds(_headers(retry_after="3")) == 3.0
    assert retry_after_seconds(_headers(retry_after_ms="250", retry_after="9")) == 0.25
    future = email.utils.formatdate(time.time() + 30, usegmt=True)
    assert 28 <= (retry_after_seconds(_headers(retry_after=future)) or 0) <= 31
    assert retry_after_seconds(_headers(retry_after="soon")) is None
    assert retry_after_seconds(_headers()) is None


def test_server_hint_wins_within_limits() -> None:
    backoff = Backoff(initial=0.5, random=lambda: 0.0, max_retry_after=60)
    assert backoff.delay(0, _headers(retry_after="2")) == 2.0
    assert backoff.delay(0, _headers(retry_after="600")) == 0.5  # absurd hint: fall back to backoff
    assert backoff.delay(1, _headers(retry_after="-1")) == 1.0


@pytest.mark.parametrize(("status", "hint", "retry"), [
    (408, None, True), (409, None, True), (429, None, True), (500, None, True), (503, None, True),
    (400, None, False), (401, None, False), (404, None, False), (422, None, False),
    (400, "true", True), (503, "false", False),
])  # fmt: skip
def test_which_statuses_retry(status: int, hint: str | None, retry: bool) -> None:
    headers = {"x-should-retry": hint} if hint else {}
    assert should_retry(httpx.Response(status, headers=headers)) is retry


def _error(status: int, **headers: str) -> Reply:
    return Reply.json({"error": {"message": f"status {status}", "type": "t"}}, status, [(k.replace("_", "-"), v) for k, v in headers.items()])


def test_429_with_retry_after_then_200(caplog: pytest.LogCaptureFixture) -> None:
    with ReplayServer() as server, Client(base_url=server.url, backoff=Backoff(initial=5.0), max_retries=2) as client:
        server.queue(_error(429, retry_after_ms="30"), Reply.json(MINIMAL_RESPONSE))
        started = time.monotonic()
        with caplog.at_level(logging.INFO, logger="openresponses_sdk"):
            response = client.responses.create(model="m", input="hi")
        elapsed = time.monotonic() - started
    assert response.id == "resp_1"
    assert len(server.requests) == 2
    assert server.requests[0].json() == server.requests[1].json() == {"model": "m", "input": "hi"}
    assert 0.03 <= elapsed < 2.0  # the 30 ms hint was used instead of the 5 s backoff
    assert "Retrying POST" in caplog.text and "HTTP 429" in caplog.text


async def test_500_then_200_async() -> None:
    with ReplayServer() as server:
        server.queue(_error(500), _error(502), Reply.json(MINIMAL_RESPONSE))
        async with AsyncClient(base_url=server.url, backoff=FAST, max_retries=2) as client:
            response = await client.responses.create(model="m")
    assert response.status == "in_progress" and len(server.requests) == 3


@pytest.mark.parametrize("max_retries", [0, 1, 3])
def test_retries_are_bounded_then_the_typed_error(max_retries: int) -> None:
    with ReplayServer(default=_error(503)) as server, Client(base_url=server.url, backoff=FAST, max_retries=max_retries) as client, pytest.raises(errors.InternalServerError, match="HTTP 503 Service Unavailable: status 503"):
        client.responses.create(model="m")
    assert len(server.requests) == max_retries + 1


def test_client_errors_are_not_retried() -> None:
    with ReplayServer(default=_error(400)) as server, Client(base_url=server.url, backoff=FAST, max_retries=3) as client, pytest.raises(errors.BadRequestError):
        client.responses.create(model="m")
    assert len(server.requests) == 1


def test_connection_reset_before_response_is_retried() -> None:
    with ReplayServer() as server, Client(base_url=server.url, backoff=FAST, max_retries=2) as client:
        server.queue(Reply(chunks=[], fault="reset"), Reply.json(MINIMAL_RESPONSE))
        assert client.responses.create(model="m").id == "resp_1"
    assert len(server.requests) == 2


def test_timeouts_are_retried_then_raised() -> None:
    hang = Reply(fault="hang")
    with ReplayServer(default=hang) as server, Client(base_url=server.url, backoff=FAST, max_retries=1, timeout=0.2) as client, pytest.raises(errors.APITimeoutError, match="timed out"):
        client.responses.create(model="m")
    assert len(server.requests) == 2


def test_stream_reset_after_events_is_not_retried() -> None:
    events = text_stream_events(["a", "b", "c"])
    with ReplayServer(default=Reply.sse([sse_body(events)])) as server:
        server.queue(Reply.sse([sse_body(events[:4], done=False)], fault="reset"))
        with Client(base_url=server.url, backoff=FAST, max_retries=3) as client:
            seen: list[Any] = []
            with client.responses.create(model="m", stream=True) as stream, pytest.raises(errors.APIConnectionError, match="Stream broken after 4 events"):
                for event in stream:
                    seen.append(event)  # noqa: PERF402 - keep what arrived before the break
    assert len(seen) == 4 and len(server.requests) == 1


def test_stream_request_rejected_before_events_is_retried() -> None:
    events = text_stream_events(["o", "k"])
    with ReplayServer() as server, Client(base_url=server.url, backoff=FAST, max_retries=1) as client:
        server.queue(_error(429, retry_after="0"), Reply.sse([sse_body(events)]))
        with client.responses.create(model="m", stream=True) as stream:
            assert stream.get_final_response().output_text == "ok"
    assert len(server.requests) == 2
