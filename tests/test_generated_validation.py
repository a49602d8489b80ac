"""Bad payloads give ValidationError with the exact path; unknown variants and fields are preserved."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from openresponses_sdk import UNSET, openai_types, types
from openresponses_sdk.errors import ValidationError

DELTA: dict[str, Any] = {
    "type": "response.output_text.delta",
    "sequence_number": 4,
    "item_id": "msg_1",
    "output_index": 0,
    "content_index": 0,
    "delta": "Hi",
}


def response(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": "resp_1", "object": "response", "created_at": 1, "completed_at": 2, "status": "completed",
        "incomplete_details": None, "model": "m", "previous_response_id": None, "instructions": None,
        "output": [
            {"type": "function_call", "id": "fc_1", "call_id": "c1", "name": "f", "arguments": "{}", "status": "completed"},
            {"type": "reasoning", "id": "rs_1", "summary": []},
            {"type": "message", "id": "msg_1", "role": "assistant", "status": "completed",
             "content": [{"type": "output_text", "text": "hello", "annotations": [], "logprobs": []}]},
        ],
        "error": None, "tools": [], "tool_choice": "auto", "truncation": "auto", "parallel_tool_calls": True,
        "text": {"format": {"type": "text"}}, "top_p": 1, "presence_penalty": 0, "frequency_penalty": 0,
        "top_logprobs": 0, "temperature": 1, "reasoning": None, "usage": None, "max_output_tokens": None,
        "max_tool_calls": None, "store": False, "background": False, "service_tier": "default", "metadata": {},
        "safety_identifier": None, "prompt_cache_key": None,
    }
    body.update(overrides)
    return body


def test_valid_response_parses_with_typed_output() -> None:
    r = types.ResponseResource.from_dict(response())
    assert r.output_text == "hello"
    assert [type(i).__name__ for i in r.output] == ["FunctionCall", "ReasoningBody", "Message"]
    assert r.to_dict() == response()


def test_missing_nested_field_names_the_path() -> None:
    body = response()
    del body["output"][2]["content"][0]["text"]
    with pytest.raises(ValidationError) as exc:
        types.ResponseResource.from_dict(body)
    assert exc.value.path == "output[2].content[0].text"
    assert "missing required field" in str(exc.value)
    assert isinstance(exc.value, ValueError)


def test_string_where_int_belongs() -> None:
    bad = {**DELTA, "sequence_number": "4"}
    with pytest.raises(ValidationError) as exc:
        types.parse_stream_event(bad)
    assert exc.value.path == "sequence_number"
    assert str(exc.value) == "sequence_number: expected integer, got string '4'"


def test_bool_is_not_an_integer() -> None:
    with pytest.raises(ValidationError, match="output_index: expected integer, got boolean True"):
        types.parse_stream_event({**DELTA, "output_index": True})


def test_truncated_nested_object() -> None:
    event = {"type": "response.output_item.added", "sequence_number": 2, "output_index": 0,
             "item": {"type": "message"}}
    with pytest.raises(ValidationError) as exc:
        types.parse_stream_event(event)
    assert exc.value.path.startswith("item.")
    with pytest.raises(ValidationError) as exc:
        types.parse_stream_event({**event, "item": "truncated"})
    assert exc.value.path == "item" and "expected object, got string" in str(exc.value)


def test_not_an_object_at_top_level() -> None:
    with pytest.raises(ValidationError, match="expected object, got array"):
        types.parse_stream_event([1, 2])
    with pytest.raises(ValidationError, match="missing discriminator field"):
        types.parse_stream_event({"sequence_number": 1})


def test_wrong_const_tag_on_direct_construction() -> None:
    with pytest.raises(ValidationError, match="type: expected one of 'response.output_text.delta'"):
        types.ResponseOutputTextDeltaStreamingEvent.from_dict({**DELTA, "type": "response.output_text.done"})


def test_enum_value_outside_the_spec_is_rejected_with_the_options() -> None:
    with pytest.raises(ValidationError) as exc:
        openai_types.Response.from_dict(openai_minimal() | {"status": "exploded"})
    assert exc.value.path == "status" and "'completed'" in str(exc.value)


def openai_minimal() -> dict[str, Any]:
    return {"id": "r", "object": "response", "created_at": 1, "model": "m", "output": [], "status": "completed"}


@pytest.mark.parametrize("tag", ["response.brand_new.delta", "acme:trace"])
def test_unknown_event_type_is_kept_not_dropped(tag: str) -> None:
    payload = {"type": tag, "sequence_number": 9, "payload": {"nested": [1, 2]}}
    for module in (types, openai_types):
        event = module.parse_stream_event(copy.deepcopy(payload))
        assert type(event).__name__.startswith("Unknown")
        assert event.type == "unknown" and event.tag == tag
        assert event.to_dict() == payload


def test_unknown_output_item_inside_a_response_is_kept() -> None:
    item = {"type": "acme:widget", "id": "w1", "spin": 3}
    body = response(output=[item])
    r = types.ResponseResource.from_dict(body)
    assert isinstance(r.output[0], types.UnknownItemField)
    assert r.to_dict() == body


def test_unknown_fields_are_kept_and_round_trip() -> None:
    payload = {**DELTA, "x_provider_latency_ms": 12, "obfuscation": "abc"}
    event = types.parse_stream_event(payload)
    assert isinstance(event, types.ResponseOutputTextDeltaStreamingEvent)
    assert event.extra == {"x_provider_latency_ms": 12}
    assert event.obfuscation == "abc"
    assert event.to_dict() == payload


def test_absent_is_unset_and_null_is_none() -> None:
    r = types.ResponseResource.from_dict(response())
    assert r.incomplete_details is None
    event = types.ResponseOutputTextDeltaStreamingEvent.from_dict(DELTA)
    assert event.logprobs is UNSET
    assert "logprobs" not in event.to_dict()


def test_role_subdispatch_for_shared_message_tag() -> None:
    items = [
        {"type": "message", "role": "user", "content": "hi"},
        {"type": "message", "role": "system", "content": "be brief"},
        {"type": "message", "role": "assistant", "content": "ok"},
        {"type": "item_reference", "id": "msg_1"},
        {"id": "msg_2"},
    ]
    parsed = [types.parse_item_param(i) for i in items]
    assert [type(p).__name__ for p in parsed] == [
        "UserMessageItemParam", "SystemMessageItemParam", "AssistantMessageItemParam",
        "ItemReferenceParam", "ItemReferenceParam",
    ]
    assert [p.to_dict() for p in parsed] == items
    unknown_role = types.parse_item_param({"type": "message", "role": "critic", "content": "x"})
    assert isinstance(unknown_role, types.UnknownItemParam) and unknown_role.tag == "message"


def test_openai_input_item_tries_specific_message_shapes_first() -> None:
    out_msg = {"type": "message", "id": "m1", "role": "assistant", "status": "completed",
               "content": [{"type": "output_text", "text": "x", "annotations": [], "logprobs": []}]}
    assert type(openai_types.parse_input_item(out_msg)).__name__ == "OutputMessage"
    easy = {"role": "user", "content": "hi"}
    assert type(openai_types.parse_input_item(easy)).__name__ == "EasyInputMessage"


def test_models_construct_compare_and_repr() -> None:
    a = types.ResponseOutputTextDeltaStreamingEvent(sequence_number=1, item_id="i", output_index=0,
                                                    content_index=0, delta="x")
    b = types.ResponseOutputTextDeltaStreamingEvent.from_dict(a.to_dict())
    assert a == b and a is not b
    assert a != types.ResponseOutputTextDeltaStreamingEvent.from_dict({**a.to_dict(), "delta": "y"})
    assert "delta='x'" in repr(a) and "logprobs" not in repr(a)
    with pytest.raises(TypeError):
        hash(a)
