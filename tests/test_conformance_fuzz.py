"""The checker never crashes: arbitrary JSON, arbitrary bytes and randomly damaged real streams all give a
Report (a bad payload is a finding, not a KeyError/TypeError)."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openresponses_sdk.conformance import (
    Report,
    check_capture,
    check_exchange,
    check_request,
    check_response,
    check_stream,
)

from tests.conftest import RECORDED

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 300)
    | st.floats(allow_nan=False)
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)
SETTINGS = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def recorded(name: str) -> list[dict[str, Any]]:
    path = RECORDED / name
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


BASIC = recorded("openresponses/lmstudio-basic.1.chunks.txt")
TOOL = recorded("openai/openai-reasoning-encrypted-content.1.chunks.txt")
SAMPLE = [*BASIC[:8], *BASIC[-4:]] or [
    {"type": "response.created", "sequence_number": 0, "response": {}}
]


@SETTINGS
@given(JSON_VALUES, st.sampled_from(["openresponses", "openai"]))
def test_any_json_body(value: object, dialect: Any) -> None:
    assert isinstance(check_response(value, dialect), Report)
    assert isinstance(check_request(value, dialect), Report)


@SETTINGS
@given(st.lists(JSON_VALUES, max_size=6))
def test_any_event_list(events: list[Any]) -> None:
    assert isinstance(check_stream(events, "openresponses"), Report)
    assert isinstance(check_capture(events, "openai"), Report)


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes(raw: bytes) -> None:
    assert isinstance(
        check_stream(raw, "openresponses", content_type="text/plain"), Report
    )


@SETTINGS
@given(st.data())
def test_damaged_real_stream(data: st.DataObject) -> None:
    events = copy.deepcopy(SAMPLE + TOOL[:20])
    for _ in range(data.draw(st.integers(1, 4))):
        event = events[data.draw(st.integers(0, len(events) - 1))]
        keys = sorted(event) + [
            "output_index",
            "item_id",
            "content_index",
            "sequence_number",
        ]
        target = event
        nested = data.draw(st.sampled_from(["", "item", "response", "part"]))
        if isinstance(event.get(nested), dict):
            target = event[nested]
            keys = sorted(target) + ["id", "status", "output"]
        target[data.draw(st.sampled_from(keys))] = data.draw(JSON_VALUES)
    report = check_stream(events, "openai")
    assert isinstance(report, Report)
    request = {
        "model": "m",
        "input": data.draw(JSON_VALUES),
        "tools": data.draw(JSON_VALUES),
        "stream": True,
    }
    assert isinstance(check_exchange(request, events, "openresponses"), Report)
    body = data.draw(
        st.dictionaries(
            st.sampled_from(["error", "output", "status", "id"]),
            JSON_VALUES,
            max_size=3,
        )
    )
    assert isinstance(check_exchange(request, body, "openai"), Report)
