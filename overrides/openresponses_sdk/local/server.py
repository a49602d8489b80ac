"""HTTP and SSE layer of the local provider: stdlib ``ThreadingHTTPServer`` on 127.0.0.1.

Routes (with or without the ``/v1`` prefix): ``POST /responses`` (JSON or ``text/event-stream``
when ``stream`` is true; each event framed as ``event: <type>`` + ``data: <json>``, then
``data: [DONE]``; chunked transfer encoding so connections are reused) and
``POST /responses/compact``. Errors use the spec's error body ``{"error": {type, code, message, param}}``.
"""

from __future__ import annotations

import atexit
import json
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Self

from ._json import Json, JsonObject
from .engine import Engine
from .request import RequestError

_MAX_BODY = 32 * 1024 * 1024


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    engine: Engine


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "openresponses-sdk-local/1"
    timeout = 60

    def log_message(self, format: str, *args: object) -> None:
        """Silence per-request logging (the default writes every request to stderr)."""

    @property
    def engine(self) -> Engine:
        """The engine of the server this handler belongs to."""
        assert isinstance(self.server, _HTTPServer)
        return self.server.engine

    def do_POST(self) -> None:
        route = self.path.split("?", 1)[0].rstrip("/").removeprefix("/v1")
        try:
            body = self._read_json()
            if route == "/responses":
                created = self.engine.create(body)
                if created.stream:
                    self._send_events(created.events)
                else:
                    self._send_json(HTTPStatus.OK, created.response)
            elif route == "/responses/compact":
                self._send_json(HTTPStatus.OK, self.engine.compact(body))
            else:
                raise RequestError(f"no route for POST {route}", None, "not_found", 404)
        except RequestError as exc:
            self._send_json(exc.status, exc.body())
        except Exception as exc:  # noqa: BLE001 - a server must answer, not drop the connection
            error = RequestError(
                f"internal error in the local provider: {type(exc).__name__}: {exc}",
                None,
                "server_error",
                500,
            )
            self._send_json(error.status, error.body())

    def do_GET(self) -> None:
        error = RequestError(f"no route for GET {self.path}", None, "not_found", 404)
        self._send_json(error.status, error.body())

    def _read_json(self) -> Json:
        raw = (
            self._read_chunked()
            if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower()
            else self._read_sized()
        )
        try:
            parsed: Json = json.loads(raw)
        except ValueError as exc:
            raise RequestError(
                f"request body is not valid JSON: {exc}", None, "invalid_json"
            ) from exc
        return parsed

    def _read_sized(self) -> bytes:
        header = self.headers.get("Content-Length") or "0"
        if not header.isdigit():
            self.close_connection = True
            raise RequestError(
                f"invalid Content-Length header {header!r}", None, "invalid_request"
            )
        self._check_size(int(header))
        return self.rfile.read(int(header))

    def _read_chunked(self) -> bytes:
        chunks: list[bytes] = []
        total = 0
        while True:
            line = self.rfile.readline(1024).split(b";")[0].strip()
            try:
                size = int(line, 16)
            except ValueError:
                self.close_connection = True
                raise RequestError(
                    "malformed chunked request body", None, "invalid_request"
                ) from None
            if size == 0:
                while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                    pass  # trailers
                return b"".join(chunks)
            total += size
            self._check_size(total)
            chunks.append(self.rfile.read(size))
            self.rfile.readline(3)

    def _check_size(self, size: int) -> None:
        if size > _MAX_BODY:
            self.close_connection = True
            raise RequestError(
                f"request body larger than {_MAX_BODY} bytes",
                None,
                "request_too_large",
                413,
            )

    def _send_json(self, status: int, payload: JsonObject) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _send_events(self, events: list[JsonObject]) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for event in events:
            self._chunk(
                f"event: {event['type']}\ndata: {json.dumps(event)}\n\n".encode()
            )
        self._chunk(b"data: [DONE]\n\n")
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def _chunk(self, data: bytes) -> None:
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()


class LocalServer:
    """The local provider on ``127.0.0.1`` (port 0 = any free port), served by a daemon thread."""

    def __init__(self, port: int = 0, engine: Engine | None = None) -> None:
        self._port = port
        self._engine = engine or Engine()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>/v1`` (starts the server if needed)."""
        host, port = self.start().server_address[:2]
        return f"http://{host!s}:{port}/v1"

    @property
    def running(self) -> bool:
        """Whether the server is accepting connections."""
        return self._httpd is not None

    def start(self) -> _HTTPServer:
        """Start serving (idempotent) and return the underlying server."""
        with self._lock:
            if self._httpd is None:
                httpd = _HTTPServer(("127.0.0.1", self._port), _Handler)
                httpd.engine = self._engine
                thread = threading.Thread(
                    target=httpd.serve_forever, name="openresponses-local", daemon=True
                )
                thread.start()
                self._httpd, self._thread = httpd, thread
            return self._httpd

    def stop(self) -> None:
        """Stop serving and close the socket (idempotent)."""
        with self._lock:
            httpd, thread = self._httpd, self._thread
            self._httpd = self._thread = None
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = (
            f"http://{self._httpd.server_address[0]!s}:{self._httpd.server_address[1]}/v1"
            if self._httpd
            else "stopped"
        )
        return f"LocalServer({state})"


_shared: LocalServer | None = None
_shared_lock = threading.Lock()


def shared_server() -> LocalServer:
    """The process-wide local server, started on first use and stopped at interpreter exit."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = LocalServer()
            atexit.register(_shared.stop)
        server = _shared
    server.start()
    return server
