"""A scripted HTTP/1.1 server on 127.0.0.1 for client tests and benchmarks (stdlib only, one thread each).

Queue :class:`Reply` objects; each request takes the next one (or the server's ``default``). Replies can
stream their body as HTTP chunks of chosen sizes and end in a fault: a TCP reset, a cut connection or a
server that never answers. Every request is recorded. Also: SSE framing of recorded payloads.
"""

from __future__ import annotations

import json
import random
import socket
import struct
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, Self, cast

from tests.conftest import RECORDED

HANG_LIMIT = 10.0
"""Seconds a hanging reply waits at most (it also stops when the server stops)."""

Fault = Literal["reset", "cut", "hang", "stall"]


@dataclass
class Reply:
    """One scripted answer. ``chunks`` (if given) are sent as separate, flushed HTTP chunks."""

    status: int = 200
    headers: Sequence[tuple[str, str]] = ()
    body: bytes = b""
    chunks: Sequence[bytes] | None = None
    fault: Fault | None = None
    """``reset``: TCP RST after the chunks; ``cut``: close without the final chunk; ``stall``: stop sending
    after the chunks; ``hang``: never answer at all."""

    @classmethod
    def json(cls, data: object, status: int = 200, headers: Sequence[tuple[str, str]] = ()) -> Reply:
        return cls(status, [("Content-Type", "application/json"), *headers], json.dumps(data).encode())

    @classmethod
    def sse(cls, chunks: Sequence[bytes], fault: Fault | None = None) -> Reply:
        return cls(200, [("Content-Type", "text/event-stream")], chunks=chunks, fault=fault)


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    client_port: int

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class _State:
    replies: deque[Reply] = field(default_factory=deque[Reply])
    requests: list[RecordedRequest] = field(default_factory=list[RecordedRequest])
    default: Reply | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    stopping: threading.Event = field(default_factory=threading.Event)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # no Nagle/delayed-ACK stalls

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the default stderr access log."""

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    def do_DELETE(self) -> None:
        self._answer()

    def _answer(self) -> None:
        state = cast(_Server, self.server).state
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        with state.lock:
            state.requests.append(
                RecordedRequest(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body, self.client_address[1])
            )
            reply = state.replies.popleft() if state.replies else state.default
        if reply is None:
            reply = Reply.json({"error": {"message": "no scripted reply", "type": "test_server"}}, status=599)
        if reply.fault == "hang":
            state.stopping.wait(HANG_LIMIT)
            self.close_connection = True
            return
        self.send_response(reply.status)
        for name, value in reply.headers:
            self.send_header(name, value)
        if reply.chunks is None:
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)
            self.wfile.flush()
            return
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            for chunk in reply.chunks:
                if chunk:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    self.wfile.flush()
            if reply.fault == "stall":
                state.stopping.wait(HANG_LIMIT)
            if reply.fault == "reset":
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            if reply.fault is not None:
                self.close_connection = True
                return
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client went away early; that is its right


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    state: _State


class ReplayServer:
    """``with ReplayServer() as server:`` serve on an ephemeral 127.0.0.1 port; ``server.url`` is the base."""

    def __init__(self, default: Reply | None = None) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.state = _State(default=default)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def requests(self) -> list[RecordedRequest]:
        return self._server.state.requests

    def queue(self, *replies: Reply) -> None:
        with self._server.state.lock:
            self._server.state.replies.extend(replies)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._server.state.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


# --- SSE helpers and test payloads


MINIMAL_RESPONSE: dict[str, Any] = {
    "id": "resp_1", "object": "response", "created_at": 1768906211, "completed_at": None, "status": "in_progress",
    "incomplete_details": None, "model": "m", "previous_response_id": None, "instructions": None, "output": [],
    "error": None, "tools": [], "tool_choice": "auto", "truncation": "auto", "parallel_tool_calls": True,
    "text": {"format": {"type": "text"}}, "top_p": 1, "presence_penalty": 0, "frequency_penalty": 0,
    "top_logprobs": 0, "temperature": 1, "reasoning": None, "usage": None, "max_output_tokens": None,
    "max_tool_calls": None, "store": False, "background": False, "service_tier": "default", "metadata": {},
    "safety_identifier": None, "prompt_cache_key": None,
}  # fmt: skip
"""A response object valid in both dialects (OpenResponses requires the most fields)."""


def text_stream_events(deltas: Sequence[str]) -> list[dict[str, Any]]:
    """A valid stream (both dialects) of one assistant message made of ``deltas``."""
    text = "".join(deltas)
    item: dict[str, Any] = {"id": "msg_1", "type": "message", "status": "in_progress", "role": "assistant", "content": []}
    part: dict[str, Any] = {"type": "output_text", "text": "", "annotations": [], "logprobs": []}
    done_part: dict[str, Any] = {**part, "text": text}
    done_item: dict[str, Any] = {**item, "status": "completed", "content": [done_part]}
    ids = {"item_id": "msg_1", "output_index": 0, "content_index": 0}
    events: list[dict[str, Any]] = [
        {"type": "response.created", "response": MINIMAL_RESPONSE},
        {"type": "response.output_item.added", "output_index": 0, "item": item},
        {"type": "response.content_part.added", **ids, "part": part},
        *({"type": "response.output_text.delta", **ids, "delta": ch, "logprobs": []} for ch in deltas),
        {"type": "response.output_text.done", **ids, "text": text, "logprobs": []},
        {"type": "response.content_part.done", **ids, "part": done_part},
        {"type": "response.output_item.done", "output_index": 0, "item": done_item},
        {"type": "response.completed", "response": {**MINIMAL_RESPONSE, "status": "completed", "output": [done_item]}},
    ]
    return [{**e, "sequence_number": i} for i, e in enumerate(events)]


def sse_frame(payload: Mapping[str, Any] | str, *, event_name: bool = True, newline: str = "\n") -> str:
    """One SSE event: ``event: <type>`` (optional) and ``data: <json>``, then a blank line."""
    if isinstance(payload, str):
        return f"data: {payload}{newline}{newline}"
    head = f"event: {payload['type']}{newline}" if event_name and "type" in payload else ""
    return f"{head}data: {json.dumps(payload, ensure_ascii=False)}{newline}{newline}"


def sse_body(payloads: Iterable[Mapping[str, Any] | str], *, done: bool = True, newline: str = "\n") -> bytes:
    """A whole SSE body for ``payloads`` (plus ``data: [DONE]`` unless ``done=False``)."""
    text = "".join(sse_frame(p, newline=newline) for p in payloads)
    if done:
        text += sse_frame("[DONE]", newline=newline)
    return text.encode()


def random_chunks(data: bytes, rng: random.Random, max_size: int = 97) -> list[bytes]:
    """``data`` cut at random byte offsets (so mid-line and mid-UTF-8-character cuts happen)."""
    chunks: list[bytes] = []
    i = 0
    while i < len(data):
        size = rng.randint(1, max_size)
        chunks.append(data[i : i + size])
        i += size
    return chunks


def recording_segments(path: Path) -> list[list[dict[str, Any]]]:
    """The streams of a ``NAME.chunks.txt`` recording (some hold several requests; each starts at
    ``response.created``)."""
    segments: list[list[dict[str, Any]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        event = json.loads(line)
        if event.get("type") == "response.created" or not segments:
            segments.append([])
        segments[-1].append(event)
    return segments


def recorded_streams() -> Iterator[tuple[str, str, list[dict[str, Any]]]]:
    """``(test id, dialect, events)`` for every stream of every recording under ``RECORDED``."""
    for dialect_dir, dialect in (("openai", "openai"), ("openresponses", "openresponses")):
        for path in sorted((RECORDED / dialect_dir).glob("*.chunks.txt")):
            for i, events in enumerate(recording_segments(path)):
                yield f"{path.name.removesuffix('.chunks.txt')}#{i}", dialect, events
