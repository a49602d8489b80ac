"""Incremental Server-Sent Events parser (WHATWG ``text/event-stream``), tuned for throughput.

Why not ``httpx-sse``: it is correct, but its per-line method calls and event objects cost about 5 µs
per event, which alone kept a 10,000-event stream below half the speed of plain ``json.loads`` per
line. This parser does the same work in one loop per network chunk; ``tests/test_sse_parser.py``
checks it against ``httpx-sse`` on generated streams cut at random places.

Handles CR, LF and CRLF line ends (also split across chunks), ``:`` comments, multi-line ``data:``,
``event:`` names, a leading byte-order mark, and ignores ``id:``/``retry:``/unknown fields. UTF-8 is
decoded incrementally, so chunks may split characters. An event without a terminating blank line at
the end of the stream is discarded, as the standard requires.
"""

from __future__ import annotations

import codecs
from typing import Final, NamedTuple


class SSEvent(NamedTuple):
    """One dispatched event: its ``event:`` name ("" when absent) and its joined ``data:`` lines."""

    event: str
    data: str


_BOM: Final = "\ufeff"


class SSEParser:
    """Feed raw bytes with :meth:`feed`; get back the events completed by them."""

    __slots__ = ("_data", "_decoder", "_event", "_pending", "_started")

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""  # an unfinished line (or a lone trailing CR)
        self._event = ""
        self._data: list[str] | None = None
        self._started = False

    def feed(self, chunk: bytes) -> list[SSEvent]:
        """Parse ``chunk`` (any size, cut anywhere) and return the events it completed."""
        text = self._pending + self._decoder.decode(chunk)
        if not self._started and text:
            self._started = True
            if text.startswith(_BOM):
                text = text[1:]
        if "\r" in text:
            held = text.endswith("\r")  # may be the first half of CRLF: decide with the next chunk
            if held:
                text = text[:-1]
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            lines = text.split("\n")
            self._pending = lines.pop() + ("\r" if held else "")
        else:
            lines = text.split("\n")
            self._pending = lines.pop()
        return self._lines(lines)

    def finish(self) -> list[SSEvent]:
        """At the end of the stream: events completed by a final lone CR (an unfinished line is dropped)."""
        rest = self._pending + self._decoder.decode(b"", final=True)
        self._pending = ""
        if rest.endswith("\r"):
            return self._lines(rest[:-1].replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        return []

    def _lines(self, lines: list[str]) -> list[SSEvent]:
        events: list[SSEvent] = []
        data = self._data
        for line in lines:
            if line.startswith("data:"):
                value = line[5:]
                value = value.removeprefix(" ")
                if data is None:
                    data = [value]
                else:
                    data.append(value)
            elif not line:
                if data is not None:
                    events.append(SSEvent(self._event, "\n".join(data)))
                data = None
                self._event = ""
            elif line[0] != ":":
                name, _, value = line.partition(":")
                value = value.removeprefix(" ")
                if name == "event":
                    self._event = value
                elif name == "data":  # a bare "data" line: an empty data line
                    data = [value] if data is None else [*data, value]
        self._data = data
        return events
