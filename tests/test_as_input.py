"""``as_input()``: a response's output items become valid input items for the next turn."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from openresponses_sdk import openai_types, types
from tests.conftest import REPO, recorded_files


def input_item_validator(file: str, union: str) -> jsonschema.Draft202012Validator:
    spec = json.loads((REPO / "schema" / file).read_text())
    registry: Registry[Any] = Registry().with_resource("urn:spec", Resource(contents=spec, specification=DRAFT202012))
    return jsonschema.Draft202012Validator({"$ref": f"urn:spec#/components/schemas/{union}"}, registry=registry)


def test_openresponses_output_items_become_valid_item_params() -> None:
    paths = [p for p in recorded_files("openresponses/*.json")]
    if not paths:
        pytest.skip("recorded fixtures not found (../shared is absent)")
    validator = input_item_validator("openresponses.json", "ItemParam")
    seen = set()
    for path in paths:
        for item in types.ResponseResource.from_dict(json.loads(path.read_text())).output:
            param = item.as_input()
            assert list(validator.iter_errors(param)) == [], (path.name, param)
            assert types.parse_item_param(param).to_dict() == param
            seen.add(param["type"])
    assert {"message", "reasoning", "function_call"} <= seen


def test_output_only_fields_are_dropped() -> None:
    msg = types.Message.from_dict({"type": "message", "id": "m", "status": "completed", "role": "assistant",
                                   "content": [{"type": "output_text", "text": "hi", "annotations": [], "logprobs": []}]})
    assert msg.as_input() == {"type": "message", "id": "m", "status": "completed", "role": "assistant",
                              "content": [{"type": "output_text", "text": "hi", "annotations": []}]}


def test_openai_output_items_become_valid_input_items() -> None:
    paths = [p for p in recorded_files("openai/*.json") if "output" in json.loads(p.read_text())]
    if not paths:
        pytest.skip("recorded fixtures not found (../shared is absent)")
    validator = input_item_validator("openai-responses.json", "InputItem")
    for path in paths:
        for item in openai_types.Response.from_dict(json.loads(path.read_text())).output:
            param = item.as_input()
            assert [e.message[:200] for e in validator.iter_errors(param)] == [], (path.name, param["type"])
            assert type(openai_types.parse_input_item(param)).__name__ != "UnknownInputItem", (path.name, param["type"])
