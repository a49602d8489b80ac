"""Every recorded stream, replayed over a real socket with real SSE framing and random chunk sizes,
through both clients: typed events equal the recording, the final response equals the terminal one."""

from __future__ import annotations

import random
import zlib
from typing import Any

import pytest
from openresponses_sdk import errors
from openresponses_sdk.client import AsyncClient, Client

from tests.conftest import RECORDED
from tests.servers import ReplayServer, Reply, random_chunks, recorded_streams, sse_body

if not RECORDED.is_dir():
    pytest.skip(f"recorded fixtures not found at {RECORDED} (expected ../shared next to the repo)", allow_module_level=True)

STREAMS = list(recorded_streams())
IDS = [name for name, _, _ in STREAMS]
TERMINAL = ("response.completed", "response.failed", "response.incomplete")


def _expected(events: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, Any] | None, dict[str, Any] | None]:
    """(events before any error event, the error event, the terminal response)."""
    before: list[dict[str, Any]] = []
    for event in events:
        if event["type"] == "error":
            return before, event, None
        before.append(event)
    return before, None, events[-1]["response"] if events[-1]["type"] in TERMINAL else None


def _reply(events: list[dict[str, Any]], seed: int) -> Reply:
    return Reply.sse(random_chunks(sse_body(events), random.Random(seed)))


@pytest.mark.parametrize(("name", "dialect", "events"), STREAMS, ids=IDS)
def test_sync_replay(name: str, dialect: Any, events: list[dict[str, Any]]) -> None:
    before, error, terminal = _expected(events)
    with ReplayServer() as server, Client(base_url=server.url, dialect=dialect, max_retries=0) as client:
        server.queue(_reply(events, seed=zlib.crc32(name.encode())))
        got: list[dict[str, Any]] = []
        with client.responses.create(model="m", input="hi", stream=True) as stream:
            if error is not None:
                with pytest.raises(errors.ResponseStreamError) as info:
                    for event in stream:
                        got.append(event.to_dict())
                assert info.value.code == error["error"]["code"]
                assert info.value.message.endswith(f"({_details(error['error'])})")
                assert info.value.event_index == len(before)
            else:
                got = [event.to_dict() for event in stream]
                final = stream.get_final_response()
                assert terminal is not None
                assert final.to_dict() == terminal
                assert final.output_text == _output_text(terminal)
        assert got == before
        assert server.requests[0].json()["stream"] is True


def _output_text(response: dict[str, Any]) -> str:
    texts: list[str] = []
    for item in response["output"]:
        if item.get("type") == "message":
            parts: list[dict[str, Any]] = item.get("content") or []
            texts += [str(p["text"]) for p in parts if p.get("type") == "output_text"]
    return "".join(texts)


def _details(error: dict[str, Any]) -> str:
    return ", ".join(f"{k}={error[k]}" for k in ("code", "type", "param") if error.get(k))


@pytest.mark.parametrize(("name", "dialect", "events"), STREAMS, ids=IDS)
async def test_async_replay(name: str, dialect: Any, events: list[dict[str, Any]]) -> None:
    before, error, terminal = _expected(events)
    with ReplayServer() as server:
        server.queue(_reply(events, seed=zlib.crc32(name.encode()) + 1))
        async with AsyncClient(base_url=server.url, dialect=dialect, max_retries=0) as client:
            stream = await client.responses.create(model="m", input="hi", stream=True)
            async with stream:
                got: list[dict[str, Any]] = []
                if error is not None:
                    with pytest.raises(errors.ResponseStreamError):
                        async for event in stream:
                            got.append(event.to_dict())
                else:
                    async for event in stream:
                        got.append(event.to_dict())
                    final = await stream.get_final_response()
                    assert final.to_dict() == terminal
            assert got == before


@pytest.mark.parametrize(("name", "dialect", "events"), STREAMS, ids=IDS)
def test_terminal_without_output_returns_rebuilt_items(name: str, dialect: Any, events: list[dict[str, Any]]) -> None:
    """Servers seen in the wild end with ``output: []``; the rebuilt items must be returned instead."""
    _, error, terminal = _expected(events)
    if error is not None or terminal is None or not terminal["output"]:
        pytest.skip("stream has no terminal output to lose")
    emptied: list[dict[str, Any]] = [*events[:-1], {**events[-1], "response": {**terminal, "output": []}}]
    with ReplayServer() as server, Client(base_url=server.url, dialect=dialect, max_retries=0) as client:
        server.queue(_reply(emptied, seed=7))
        with client.responses.create(model="m", stream=True) as stream:
            final = stream.get_final_response()
    got = final.to_dict()["output"]
    assert _without_encrypted(got) == _without_encrypted(terminal["output"])


def _without_encrypted(value: Any) -> Any:
    """``encrypted_content`` is re-encrypted by the server for the terminal event, so it cannot match."""
    if isinstance(value, dict):
        return {k: _without_encrypted(v) for k, v in value.items() if k != "encrypted_content"}  # pyright: ignore[reportUnknownVariableType]
    if isinstance(value, list):
        return [_without_encrypted(v) for v in value]  # pyright: ignore[reportUnknownVariableType]
    return value


@pytest.mark.parametrize(("name", "dialect", "events"), STREAMS, ids=IDS)
def test_text_deltas_concatenate_to_output_text(name: str, dialect: Any, events: list[dict[str, Any]]) -> None:
    expected = "".join(e["delta"] for e in events if e["type"] == "response.output_text.delta")
    _, error, _ = _expected(events)
    with ReplayServer() as server, Client(base_url=server.url, dialect=dialect, max_retries=0) as client:
        server.queue(_reply(events, seed=11))
        with client.responses.create(model="m", stream=True) as stream:
            if error is not None:
                with pytest.raises(errors.ResponseStreamError):
                    "".join(stream.text_deltas())
            else:
                assert "".join(stream.text_deltas()) == expected
