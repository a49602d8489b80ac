"""SSE framing rules: content type, ``event:`` names, no ``id:``, JSON data and the final ``[DONE]``.

Framing is parsed by ``httpx-sse`` (the same parser the client uses); these rules judge what it saw.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx
from httpx_sse import EventSource

from openresponses_sdk._base import describe
from openresponses_sdk.conformance.report import Dialect, Finding
from openresponses_sdk.conformance.rules import finding

DONE = "[DONE]"
EVENT_STREAM = "text/event-stream"


@dataclass(frozen=True, slots=True)
class Frame:
    """One dispatched SSE event: ``event`` is ``"message"`` when the frame had no ``event:`` line, ``id``
    is the last event id in effect (``""`` when no ``id:`` was ever sent)."""

    event: str
    data: str
    id: str


def parse_frames(raw: bytes | str) -> list[Frame]:
    """The data-carrying frames of a raw ``text/event-stream`` body."""
    content = raw.encode() if isinstance(raw, str) else raw
    response = httpx.Response(
        200, headers={"content-type": EVENT_STREAM}, content=content
    )
    return [
        Frame(sse.event, sse.data, sse.id)
        for sse in EventSource(response).iter_sse()
        if sse.data
    ]


def check_content_type(content_type: str | None) -> list[Finding]:
    media = (content_type or "").partition(";")[0].strip().lower()
    if media == EVENT_STREAM:
        return []
    return [
        finding(
            "sse.content-type",
            f"Content-Type is {content_type!r}, expected {EVENT_STREAM!r}",
        )
    ]


def decode_frames(
    frames: list[Frame], dialect: Dialect
) -> tuple[list[Mapping[str, Any] | None], list[Finding]]:
    """The events carried by ``frames`` (``None`` where a frame does not decode) and the framing findings.
    Event indexes count data frames other than ``[DONE]``."""
    events: list[Mapping[str, Any] | None] = []
    found: list[Finding] = []
    done_seen = False
    id_reported = False
    for frame in frames:
        index = len(events)
        if frame.data == DONE:
            if done_seen:
                found.append(
                    finding(
                        "sse.done",
                        "a second data: [DONE]",
                        event_index=index - 1 if index else None,
                    )
                )
            done_seen = True
            continue
        if done_seen:
            found.append(
                finding("sse.done", "an event follows data: [DONE]", event_index=index)
            )
            done_seen = False
        if frame.id and not id_reported:
            id_reported = True
            found.append(
                finding(
                    "sse.no-id",
                    f"the frame carries an id: field ({frame.id[:40]!r})",
                    event_index=index,
                )
            )
        try:
            payload: object = json.loads(frame.data)
        except json.JSONDecodeError as exc:
            found.append(
                finding(
                    "sse.data",
                    f"data is not valid JSON ({exc.msg} at column {exc.colno}): "
                    f"{frame.data[:80]!r}",
                    event_index=index,
                )
            )
            events.append(None)
            continue
        if not isinstance(payload, dict):
            found.append(
                finding(
                    "sse.data",
                    f"data is JSON {describe(payload)}, expected an object",
                    event_index=index,
                )
            )
            events.append(None)
            continue
        event: dict[str, Any] = payload  # pyright: ignore[reportUnknownVariableType]
        kind = event.get("type")
        if frame.event == "message":
            found.append(
                finding(
                    "sse.event-name",
                    f"the frame has no event: line (expected 'event: {kind}')",
                    event_index=index,
                )
            )
        elif frame.event != kind:
            found.append(
                finding(
                    "sse.event-name",
                    f"event: {frame.event!r} but the payload's type is {kind!r}",
                    event_index=index,
                )
            )
        events.append(event)
    if dialect == "openresponses" and not done_seen:
        last = len(events) - 1
        found.append(
            finding(
                "sse.done",
                "the stream does not end with data: [DONE]",
                event_index=last if last >= 0 else None,
            )
        )
    return events, found
