"""The accumulator on its own: deltas alone rebuild every streamed field of every recording, holes in
``output_index`` are dropped, bad references are reported, terminal kinds and unknown events behave."""

from __future__ import annotations

from typing import Any

import pytest
from openresponses_sdk.accumulate import AccumulationError, ResponseAccumulator

from tests.conftest import RECORDED
from tests.servers import recorded_streams

STREAMED_FIELDS = ("text", "refusal", "arguments", "input", "code", "diff", "commands", "annotations", "logprobs")
"""Fields built from delta events (anywhere inside an output item)."""

DELTAS_INCOMPLETE = {
    "openai-phase.1#0": "the recording keeps only 2 of the text deltas (the .done text is longer)",
    "lmstudio-tool-call.1#0": "LM Studio sends function_call_arguments.done without any delta",
}
"""Recordings whose deltas do not carry the whole content (the replay test covers them via .done)."""


def _streamed(value: Any) -> Any:
    """Only the delta-built fields of ``value`` (recursively), to compare deltas-only rebuilds."""
    if isinstance(value, dict):
        kept = {k: _streamed(v) for k, v in value.items() if k in STREAMED_FIELDS or isinstance(v, (dict, list))}  # pyright: ignore[reportUnknownVariableType]
        return {k: v for k, v in kept.items() if v not in ({}, [])}  # pyright: ignore[reportUnknownVariableType]
    if isinstance(value, list):
        return [_streamed(v) for v in value]  # pyright: ignore[reportUnknownVariableType]
    return value


def _streams() -> list[tuple[str, str, list[dict[str, Any]]]]:
    if not RECORDED.is_dir():
        return []
    return list(recorded_streams())


@pytest.mark.skipif(not RECORDED.is_dir(), reason=f"recorded fixtures not found at {RECORDED}")
@pytest.mark.parametrize(("name", "dialect", "events"), _streams(), ids=[s[0] for s in _streams()])
def test_deltas_alone_rebuild_streamed_fields(name: str, dialect: str, events: list[dict[str, Any]]) -> None:
    """Drop every ``*.done`` event (the authoritative copies): text, arguments, code, diffs, commands,
    annotations and logprobs must still come out exactly as in the terminal response."""
    if name in DELTAS_INCOMPLETE:
        pytest.skip(DELTAS_INCOMPLETE[name])
    terminal = events[-1].get("response")
    if events[-1]["type"] != "response.completed" or not terminal or not terminal["output"]:
        pytest.skip("no completed output to compare")
    only_deltas = [e for e in events[:-1] if not e["type"].endswith(".done") and e["type"] != "response.content_part.done"]
    acc = ResponseAccumulator()
    for event in only_deltas:
        acc.add(event)
    rebuilt = _streamed(acc.output)
    expected = _streamed(terminal["output"])
    # Compare the fields the deltas built; fields a server only fills at .done time are not in ``rebuilt``.
    for got_item, want_item in zip(rebuilt, expected, strict=True):
        for key, got in got_item.items():
            assert got == want_item.get(key), f"{name}: {key}"
    assert sum(len(str(i)) for i in rebuilt) > 0


def _created(output: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"type": "response.created", "response": {"id": "r", "status": "in_progress", "output": output or []}}


def test_output_index_holes_are_dropped_and_ids_resolve() -> None:
    acc = ResponseAccumulator()
    acc.add(_created())
    acc.add({"type": "response.output_item.added", "output_index": 2, "item": {"id": "m", "type": "message", "content": []}})
    acc.add({"type": "response.output_text.delta", "item_id": "m", "output_index": 2, "content_index": 0, "delta": "Hé"})
    acc.add({"type": "response.output_text.delta", "item_id": "m", "output_index": 9, "content_index": 0, "delta": "llo"})
    assert acc.output == [{"id": "m", "type": "message", "content": [{"type": "output_text", "text": "Héllo", "annotations": []}]}]


def test_reference_to_unknown_item_is_an_error_naming_it() -> None:
    acc = ResponseAccumulator()
    acc.add(_created())
    with pytest.raises(AccumulationError, match=r"output_index=0 item_id='nope'"):
        acc.add({"type": "response.function_call_arguments.delta", "item_id": "nope", "output_index": 0, "delta": "{"})


def test_refusal_reasoning_summary_and_unknown_events() -> None:
    acc = ResponseAccumulator()
    acc.add(_created())
    acc.add({"type": "response.output_item.added", "output_index": 0, "item": {"id": "rs", "type": "reasoning", "summary": []}})
    acc.add({"type": "response.reasoning_summary_text.delta", "item_id": "rs", "output_index": 0, "summary_index": 0, "delta": "th"})
    acc.add({"type": "response.reasoning.delta", "item_id": "rs", "output_index": 0, "content_index": 0, "delta": "ink"})
    acc.add({"type": "response.output_item.added", "output_index": 1, "item": {"id": "m", "type": "message", "content": []}})
    acc.add({"type": "response.refusal.delta", "item_id": "m", "output_index": 1, "content_index": 0, "delta": "No"})
    acc.add({"type": "response.refusal.done", "item_id": "m", "output_index": 1, "content_index": 0, "refusal": "No."})
    acc.add({"type": "response.future_thing.delta", "item_id": "m", "output_index": 1, "delta": "?"})
    assert acc.output == [
        {
            "id": "rs",
            "type": "reasoning",
            "summary": [{"type": "summary_text", "text": "th"}],
            "content": [{"type": "reasoning_text", "text": "ink"}],
        },
        {"id": "m", "type": "message", "content": [{"type": "refusal", "refusal": "No."}]},
    ]


@pytest.mark.parametrize("kind", ["response.failed", "response.incomplete"])
def test_failed_and_incomplete_terminals_keep_rebuilt_output(kind: str) -> None:
    acc = ResponseAccumulator()
    acc.add(_created())
    acc.add({"type": "response.output_item.added", "output_index": 0, "item": {"id": "f", "type": "function_call", "arguments": ""}})
    acc.add({"type": "response.function_call_arguments.delta", "item_id": "f", "output_index": 0, "delta": '{"a":'})
    acc.add({"type": kind, "response": {"id": "r", "status": kind.split(".")[1], "output": []}})
    final = acc.final()
    assert final is not None and acc.terminal_type == kind
    assert final["status"] == kind.split(".")[1]
    assert final["output"] == [{"id": "f", "type": "function_call", "arguments": '{"a":'}]


def test_snapshot_before_any_response_is_an_error() -> None:
    with pytest.raises(AccumulationError, match="no response.created"):
        ResponseAccumulator().snapshot()
    assert ResponseAccumulator().final() is None


def test_events_do_not_alias_the_callers_payloads() -> None:
    acc = ResponseAccumulator()
    acc.add(_created())
    added: dict[str, Any] = {"type": "response.output_item.added", "output_index": 0, "item": {"id": "m", "type": "message", "content": []}}
    acc.add(added)
    acc.add({"type": "response.output_text.delta", "item_id": "m", "output_index": 0, "content_index": 0, "delta": "x"})
    assert added["item"] == {"id": "m", "type": "message", "content": []}
