"""The SSE parser against the standard's rules and against ``httpx-sse`` (the reference), on generated
streams with every line ending, comments, ignored fields and multi-byte text, cut at random bytes."""

from __future__ import annotations

import itertools
from typing import Any

from httpx_sse._decoders import SSEDecoder, SSELineDecoder
from hypothesis import given, settings
from hypothesis import strategies as st
from openresponses_sdk._sse import SSEParser, SSEvent

LINE_TEXT = st.text(st.characters(blacklist_characters="\r\n", blacklist_categories=["Cs"]), max_size=12)
EVENT = st.fixed_dictionaries(
    {
        "name": st.one_of(st.just(""), LINE_TEXT),
        "data": st.lists(LINE_TEXT, max_size=3),
        "noise": st.lists(st.sampled_from([": keep-alive", ":", "id: 7", "retry: 10", "x-unknown: y", "data"]), max_size=2),
    }
)


def _serialize(events: list[dict[str, Any]], newline: str, bom: bool) -> bytes:
    lines: list[str] = []
    for event in events:
        lines += event["noise"]
        if event["name"]:
            lines.append(f"event: {event['name']}")
        lines += [f"data: {value}" for value in event["data"]]
        lines.append("")
    text = "".join(line + newline for line in lines)
    return (("\ufeff" if bom else "") + text).encode()


def _expected(events: list[dict[str, Any]]) -> list[SSEvent]:
    """Per the standard: an event is dispatched only when it has data lines (a bare ``data`` line is one)."""
    out: list[SSEvent] = []
    for event in events:
        data = ["" for n in event["noise"] if n == "data"] + list(event["data"])
        if data:
            out.append(SSEvent(event["name"], "\n".join(data)))
    return out


def _parse(body: bytes, cuts: list[int]) -> list[SSEvent]:
    parser = SSEParser()
    events: list[SSEvent] = []
    bounds = [0, *sorted(c % (len(body) + 1) for c in cuts), len(body)]
    for start, end in itertools.pairwise(bounds):
        events += parser.feed(body[start:end])
    return events + parser.finish()


def _reference(body: bytes) -> list[SSEvent]:
    lines, decoder = SSELineDecoder(), SSEDecoder()
    out: list[SSEvent] = []
    for line in [*lines.decode(body.decode().removeprefix("\ufeff")), *lines.flush()]:
        sse = decoder.decode(line)
        if sse is not None and sse.data:
            out.append(SSEvent(_unnamed(sse.event), sse.data))
    return out


def _unnamed(name: str) -> str:
    """httpx-sse reports an unnamed event as ``message`` (the browser default); the parser keeps ``""``."""
    return "" if name == "message" else name


@settings(max_examples=300, deadline=None)
@given(
    events=st.lists(EVENT, max_size=6),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    bom=st.booleans(),
    cuts=st.lists(st.integers(min_value=0, max_value=10_000), max_size=12),
)
def test_matches_the_standard_and_httpx_sse(events: list[dict[str, Any]], newline: str, bom: bool, cuts: list[int]) -> None:
    body = _serialize(events, newline, bom)
    got = _parse(body, cuts)
    assert got == _expected(events)
    assert [SSEvent(_unnamed(e.event), e.data) for e in got if e.data] == _reference(body)


def test_every_single_byte_cut_of_a_crlf_multibyte_stream() -> None:
    body = "event: é\r\ndata: 世\r\ndata: 🌍\r\n\r\n".encode()
    for cut in range(len(body) + 1):
        assert _parse(body, [cut]) == [SSEvent("é", "世\n🌍")], cut


def test_unfinished_event_at_end_is_dropped_but_final_cr_completes() -> None:
    assert _parse(b"data: a\n\ndata: b\n", []) == [SSEvent("", "a")]
    assert _parse(b"data: a\r\r", []) == [SSEvent("", "a")]


def test_invalid_utf8_is_replaced_not_fatal() -> None:
    assert _parse(b"data: \xff\xfe ok\n\n", [7]) == [SSEvent("", "\ufffd\ufffd ok")]


def test_field_without_space_and_colon_in_value() -> None:
    assert _parse(b"event:x\ndata:{\"a\": 1}\n\n", [3]) == [SSEvent("x", '{"a": 1}')]
