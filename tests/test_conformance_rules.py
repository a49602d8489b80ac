"""Each rule fires where it should: mutated copies of recorded streams and small hand-built payloads."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from openresponses_sdk.conformance import (
    RULES,
    Report,
    check_exchange,
    check_request,
    check_response,
    check_stream,
)
from openresponses_sdk.conformance.schema_rules import check_model

from tests.conftest import RECORDED, iter_events, need_shared

Event = dict[str, Any]


def frame(events: list[Event], *, done: bool = True, names: bool = True) -> bytes:
    """Events as a text/event-stream body, as an OpenResponses server sends them."""
    out = "".join(
        (f"event: {e['type']}\n" if names else "") + f"data: {json.dumps(e)}\n\n"
        for e in events
    )
    return (out + ("data: [DONE]\n\n" if done else "")).encode()


def basic() -> list[Event]:
    need_shared()
    return list(iter_events(RECORDED / "openresponses" / "lmstudio-basic.1.chunks.txt"))


def errors(report: Report) -> list[tuple[str, int | None]]:
    return [(f.rule, f.event_index) for f in report.errors]


def first(events: list[Event], kind: str) -> int:
    return next(i for i, e in enumerate(events) if e["type"] == kind)


def test_recorded_stream_framed_as_sse_is_clean() -> None:
    report = check_stream(
        frame(basic()), "openresponses", content_type="text/event-stream; charset=utf-8"
    )
    assert report.ok and report.findings == []


# --- the five mutations of the issue -------------------------------------------------------------


def test_dropped_output_item_added() -> None:
    events = basic()
    at = first(events, "response.output_item.added")
    del events[at]
    report = check_stream(frame(events), "openresponses")
    assert errors(report) == [("stream.item-open", at)]
    assert "no item was added" in report.errors[0].message
    assert [(f.rule, f.event_index) for f in report.warnings] == [
        ("stream.sequence-gap", at)
    ]


def test_swapped_sequence_numbers() -> None:
    events = basic()
    events[10]["sequence_number"], events[11]["sequence_number"] = 11, 10
    report = check_stream(frame(events), "openresponses")
    assert [(f.rule, f.event_index) for f in report.findings] == [
        ("stream.sequence-order", 11)
    ]


def test_corrupted_delta() -> None:
    events = basic()
    events[50]["delta"] += "X"
    report = check_stream(frame(events), "openresponses")
    done = first(events, "response.output_text.done")
    assert errors(report) == [("stream.delta-sum", done)]
    assert report.errors[0].path == "text"


def test_event_after_terminal() -> None:
    events = basic()
    extra = copy.deepcopy(events[50])
    extra["sequence_number"] = events[-1]["sequence_number"] + 1
    events.append(extra)
    report = check_stream(frame(events), "openresponses")
    assert errors(report) == [("stream.after-terminal", len(events) - 1)]


def test_missing_done_sentinel() -> None:
    events = basic()
    report = check_stream(frame(events, done=False), "openresponses")
    assert errors(report) == [("sse.done", len(events) - 1)]
    # OpenAI streams end at the terminal event; [DONE] is not part of that dialect.
    assert not any(
        f.rule == "sse.done"
        for f in check_stream(frame(events, done=False), "openai").findings
    )


# --- SSE framing ---------------------------------------------------------------------------------


def test_event_name_must_match_type() -> None:
    events = basic()
    body = frame(events).replace(
        b"event: response.in_progress\n", b"event: response.created\n", 1
    )
    assert errors(check_stream(body, "openresponses")) == [("sse.event-name", 1)]
    unnamed = check_stream(frame(events, names=False), "openresponses")
    assert {f.rule for f in unnamed.findings} == {"sse.event-name"} and len(
        unnamed.findings
    ) == len(events)


def test_id_field_and_bad_json_and_content_type() -> None:
    events = basic()[:3]
    body = (
        frame(events).replace(b"data: ", b"id: 7\ndata: ", 1) + b"data: {not json\n\n"
    )
    report = check_stream(body, "openresponses", content_type="application/json")
    got = {(f.rule, f.event_index) for f in report.findings}
    assert {("sse.content-type", None), ("sse.no-id", 0), ("sse.done", 3)} <= got
    bad = next(f for f in report.findings if f.rule == "sse.done")
    assert "follows data: [DONE]" in bad.message
    # the undecodable frame keeps its index: the JSON error names event 3
    assert ("sse.data", 3) in got


# --- lifecycle -----------------------------------------------------------------------------------


def test_content_delta_outside_open_part() -> None:
    events = basic()
    del events[first(events, "response.content_part.added")]
    report = check_stream(frame(events), "openresponses")
    delta = first(events, "response.output_text.delta")
    # reported once for the part, not again for each delta and the part's done event
    assert errors(report) == [("stream.part-open", delta)]
    assert "no response.content_part.added before it" in report.errors[0].message


def test_item_done_before_its_parts() -> None:
    events = basic()
    part_done = first(events, "response.content_part.done")
    item_done = first(events, "response.output_item.done")
    events[part_done], events[item_done] = events[item_done], events[part_done]
    for i, e in enumerate(events):
        e["sequence_number"] = i
    report = check_stream(frame(events), "openresponses")
    assert ("stream.parts-done", part_done) in errors(report)
    assert ("stream.item-open", item_done) in errors(
        report
    )  # the part's done event after the item's


def test_item_id_mismatch_and_terminal_status() -> None:
    events = basic()
    events[first(events, "response.output_text.delta")]["item_id"] = "msg_other"
    events[-1]["response"]["status"] = "incomplete"
    report = check_stream(frame(events), "openresponses")
    assert ("stream.item-id", first(events, "response.output_text.delta")) in errors(
        report
    )
    assert ("stream.terminal-status", len(events) - 1) in errors(report)


def test_missing_terminal_and_created_first() -> None:
    events = basic()[1:-1]
    report = check_stream(events, "openresponses")
    assert ("stream.created-first", 0) in errors(report)
    assert ("stream.terminal", len(events) - 1) in errors(report)


def test_reused_output_index() -> None:
    events = basic()
    added = copy.deepcopy(events[first(events, "response.output_item.added")])
    added["item"]["id"] = "msg_second"
    events.insert(len(events) - 1, added)
    for i, e in enumerate(events):
        e["sequence_number"] = i
    report = check_stream(events, "openresponses")
    assert ("stream.output-index", len(events) - 2) in errors(report)


def test_item_and_part_text_must_match_stream() -> None:
    events = basic()
    events[first(events, "response.content_part.done")]["part"]["text"] = "changed"
    events[first(events, "response.output_item.done")]["item"]["content"][0]["text"] = (
        "changed"
    )
    events[-1]["response"]["output"][0]["content"][0]["text"] = "other"
    report = check_stream(events, "openresponses")
    assert errors(report) == [
        ("stream.part-text", first(events, "response.content_part.done")),
        ("stream.item-text", first(events, "response.output_item.done")),
        ("stream.response-output", len(events) - 1),
    ]


def test_function_call_arguments_add_up() -> None:
    need_shared()
    events = list(
        iter_events(
            RECORDED / "openai" / "openai-reasoning-encrypted-content.1.chunks.txt"
        )
    )[:56]
    delta = first(events, "response.function_call_arguments.delta")
    events[delta]["delta"] = events[delta]["delta"] + " "
    done_item = first(events, "response.output_item.done") + 0
    report = check_stream(events, "openai")
    arguments_done = first(events, "response.function_call_arguments.done")
    assert [
        (f.rule, f.event_index) for f in report.errors if f.rule.startswith("stream.")
    ] == [("stream.delta-sum", arguments_done)]
    events[delta]["delta"] = events[delta]["delta"][:-1]
    last_done = max(
        i for i, e in enumerate(events) if e["type"] == "response.output_item.done"
    )
    events[last_done]["item"]["arguments"] = "{}"
    report = check_stream(events, "openai")
    stream_errors = [
        (f.rule, f.event_index) for f in report.errors if f.rule.startswith("stream.")
    ]
    assert ("stream.item-text", last_done) in stream_errors and done_item <= last_done


def test_error_event_must_be_followed_by_failed() -> None:
    need_shared()
    events = list(iter_events(RECORDED / "openai" / "openai-error.1.chunks.txt"))
    assert not [
        f
        for f in check_stream(events, "openai").findings
        if f.rule.startswith("stream.")
    ]
    cut = events[:-1]
    rules = {(f.rule, f.event_index) for f in check_stream(cut, "openai").findings}
    assert ("stream.error-failed", 2) in rules and ("stream.terminal", 2) in rules


def test_extensions_prefixed_accepted_bare_warned() -> None:
    events = basic()
    at = first(events, "response.output_text.delta")
    ext = {"type": "acme:trace", "sequence_number": 0, "output_index": 9, "note": "x"}
    events.insert(at, ext)
    for i, e in enumerate(events):
        e["sequence_number"] = i
    assert check_stream(frame(events), "openresponses").findings == []
    ext["type"] = "trace"
    report = check_stream(frame(events), "openresponses")
    assert [(f.rule, f.severity, f.event_index) for f in report.findings] == [
        ("ext.non-conformant", "warning", at)
    ]
    assert report.ok
    # an extension event still takes part in the sequence checks
    ext["sequence_number"] = 0
    assert ("stream.sequence-order", at) in errors(
        check_stream(frame(events), "openresponses")
    )


def test_extension_items_in_response_output() -> None:
    need_shared()
    body = json.loads(
        (RECORDED / "openresponses" / "lmstudio-tool-call.1.json").read_text()
    )
    body["output"].append({"type": "acme:note", "id": "n1", "text": "hi"})
    assert check_response(body).findings == []
    body["output"][-1]["type"] = "note"
    report = check_response(body)
    assert [(f.rule, f.path) for f in report.findings] == [
        ("ext.non-conformant", f"output[{len(body['output']) - 1}]")
    ]


# --- items ---------------------------------------------------------------------------------------


def test_only_last_item_incomplete() -> None:
    need_shared()
    body = json.loads(
        (RECORDED / "openresponses" / "lmstudio-tool-call.1.json").read_text()
    )
    body["output"][0]["status"] = "incomplete"
    report = check_response(body)
    assert [(f.rule, f.path) for f in report.findings] == [
        ("item.incomplete-last", "output[0].status")
    ]
    body["output"][0]["status"] = "completed"
    body["output"][-1]["status"] = "incomplete"
    report = check_response(body)
    assert [f.rule for f in report.findings] == ["item.incomplete-last"]
    body["status"] = "incomplete"
    assert check_response(body).findings == []


def request(**extra: Any) -> dict[str, Any]:
    return {"model": "m", "input": "hi", **extra}


def test_call_id_pairs_with_earlier_call() -> None:
    call = {"type": "function_call", "call_id": "c1", "name": "f", "arguments": "{}"}
    out = {"type": "function_call_output", "call_id": "c1", "output": "ok"}
    assert check_request(request(input=[call, out])).ok
    report = check_request(request(input=[out, call]))
    assert [(f.rule, f.path) for f in report.findings] == [
        ("item.call-id", "input[0].call_id")
    ]
    # with previous_response_id the call may live in the previous response: not judged
    assert check_request(request(input=[out], previous_response_id="resp_1")).ok


# --- schema --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "rule", "path"),
    [
        ("max_output_tokens", 15, "schema.bounds", "max_output_tokens"),
        ("top_logprobs", 21, "schema.bounds", "top_logprobs"),
        ("metadata", {f"k{i}": "v" for i in range(17)}, "schema.bounds", "metadata"),
        (
            "tools",
            [
                {
                    "type": "function",
                    "name": "bad name!",
                    "parameters": {"type": "object"},
                }
            ],
            "schema.pattern",
            "tools[0].name",
        ),
        ("temperature", "hot", "schema.type", "temperature"),
        ("truncation", "sometimes", "schema.enum", "truncation"),
        (
            "input",
            [{"type": "message", "role": "user"}],
            "schema.required",
            "input[0].content",
        ),
    ],
)
def test_request_schema_rules(field: str, value: object, rule: str, path: str) -> None:
    body = request()
    assert check_request(body).ok
    body[field] = value
    report = check_request(body)
    assert [(f.rule, f.path) for f in report.findings] == [(rule, path)], (
        report.render_table()
    )


def test_openai_request_bounds() -> None:
    assert check_request(request(), "openai").ok
    report = check_request(request(top_logprobs=21), "openai")
    assert [(f.rule, f.path) for f in report.findings] == [
        ("schema.bounds", "top_logprobs")
    ]


def test_required_but_nullable_is_named() -> None:
    need_shared()
    body = json.loads(
        (RECORDED / "openresponses" / "lmstudio-basic.1.json").read_text()
    )
    del body["previous_response_id"]
    report = check_response(body)
    assert [(f.rule, f.path) for f in report.findings] == [
        ("schema.required", "previous_response_id")
    ]
    assert "nullable" in report.findings[0].message
    assert not check_response("not an object").ok


# --- exchange ------------------------------------------------------------------------------------


def test_exchange_rules() -> None:
    need_shared()
    body = json.loads(
        (RECORDED / "openresponses" / "lmstudio-tool-call.1.json").read_text()
    )
    call = next(i for i in body["output"] if i["type"] == "function_call")
    tool = {"type": "function", "name": call["name"], "parameters": {"type": "object"}}
    assert check_exchange(request(tools=[tool]), body).ok
    report = check_exchange(request(tools=[], stream=True), body)
    assert {f.rule for f in report.errors} == {
        "exchange.tool-declared",
        "exchange.stream-mode",
    }
    report = check_exchange(request(previous_response_id="resp_x", tools=[tool]), body)
    assert [f.rule for f in report.errors] == ["exchange.previous-response"]
    events = basic()
    assert check_exchange(
        request(stream=True), frame(events), content_type="text/event-stream"
    ).ok


# --- reports -------------------------------------------------------------------------------------


def test_report_renders_table_and_json() -> None:
    events = basic()
    events[50]["delta"] += "X"
    report = check_stream(frame(events), "openresponses")
    table = report.render_table()
    assert "stream.delta-sum" in table and table.splitlines()[-1].startswith(
        "FAIL stream (openresponses): 1 error(s)"
    )
    data = json.loads(report.to_json())
    assert data["ok"] is False and data["findings"][0]["rule"] == "stream.delta-sum"
    assert data["findings"][0]["event_index"] == first(
        events, "response.output_text.done"
    )
    assert (
        Report("x", "openai").render_table()
        == "PASS x (openai): 0 error(s), 0 warning(s)"
    )


def test_every_rule_is_documented() -> None:
    for rule in RULES.values():
        assert rule.statement and rule.source and rule.severity in ("error", "warning")
        assert rule.id.split(".")[0] in {
            "schema",
            "ext",
            "sse",
            "stream",
            "item",
            "exchange",
            "live",
        }


def test_generated_model_findings_name_the_path() -> None:
    need_shared()
    body = json.loads(
        (RECORDED / "openresponses" / "lmstudio-basic.1.json").read_text()
    )
    body["output"][0]["content"][0]["text"] = 5
    [model] = check_model(
        body, "openresponses", "response", path="response", event_index=3
    )
    assert (model.rule, model.path, model.event_index) == (
        "schema.model",
        "response.output[0].content[0].text",
        3,
    )
    assert (
        model.message
        == "the generated model rejects it: expected string, got integer 5"
    )
    # check_response reports the fault once, from the JSON Schema (the model is consulted when the spec passes)
    assert [(f.rule, f.path) for f in check_response(body).findings] == [
        ("schema.type", "output[0].content[0].text")
    ]


def test_misplaced_known_type_is_a_union_error_not_an_extension() -> None:
    body = request(
        input=[
            {
                "type": "message",
                "role": "user",
                "content": [{"type": "output_text", "text": "hi"}],
            }
        ]
    )
    [wrong] = check_request(body).findings
    assert (wrong.rule, wrong.path) == ("schema.union", "input[0].content[0].type")
    assert (
        wrong.message
        == "type 'output_text' is not allowed here (expected 'input_file', 'input_image', 'input_text')"
    )
