"""The local model's schema-driven value generator: every value validates, or a clear error says where not."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openresponses_sdk.local.schema_values import SchemaValueError, example_for_schema

TABLE: list[Any] = [
    {
        "type": "object",
        "properties": {"city": {"type": "string"}},
        "required": ["city"],
        "additionalProperties": False,
    },
    {
        "type": "object",
        "properties": {
            "n": {"type": "integer", "minimum": 5, "maximum": 9, "multipleOf": 3}
        },
        "required": ["n"],
    },
    {"type": "number", "exclusiveMaximum": 0.5},
    {"type": "number", "exclusiveMinimum": 10, "multipleOf": 0.25},
    {"type": "integer", "maximum": -3},
    {
        "$defs": {
            "Node": {
                "type": "object",
                "properties": {
                    "v": {"type": "integer"},
                    "kids": {"type": "array", "items": {"$ref": "#/$defs/Node"}},
                },
                "required": ["v", "kids"],
            }
        },
        "$ref": "#/$defs/Node",
    },
    {
        "definitions": {"U": {"enum": ["a", "b"]}},
        "type": "array",
        "items": {"$ref": "#/definitions/U"},
        "minItems": 2,
        "uniqueItems": True,
    },
    {
        "type": "array",
        "prefixItems": [{"type": "integer"}, {"type": "boolean"}],
        "items": False,
    },
    {"type": "string", "pattern": "^[0-9]+$", "maxLength": 3},
    {"type": "string", "minLength": 30},
    {
        "type": "object",
        "allOf": [
            {"properties": {"a": {"type": "string"}}, "required": ["a"]},
            {"properties": {"b": {"type": "integer"}}, "required": ["b"]},
        ],
    },
    {
        "type": "object",
        "properties": {
            "d": {"anyOf": [{"type": "null"}, {"type": "string", "format": "date"}]}
        },
        "required": ["d"],
    },
    {"type": ["null", "integer"], "minimum": 2},
    {"oneOf": [{"type": "string", "format": "email"}, {"type": "integer"}]},
    {"type": "object", "minProperties": 2, "additionalProperties": {"type": "integer"}},
    {"const": {"fixed": [1, 2]}},
    {
        "type": "object",
        "properties": {
            "when": {"type": "string", "format": "date-time"},
            "id": {"type": "string", "format": "uuid"},
        },
        "required": ["when", "id"],
    },
    {},
    True,
]


@pytest.mark.parametrize("schema", TABLE)
def test_table_values_validate(schema: Any) -> None:
    _validate(example_for_schema(schema, text="Paris"), schema)


def test_strings_are_seeded_with_the_text() -> None:
    assert example_for_schema(
        {
            "type": "object",
            "properties": {"city": {"type": "string"}},
            "required": ["city"],
        },
        text="Paris",
    ) == {"city": "Paris"}
    assert example_for_schema({"type": "string", "maxLength": 3}, text="Paris") == "Par"


@pytest.mark.parametrize(
    ("schema", "path"),
    [
        ({"type": "string", "pattern": "^Q{40}$"}, "$"),
        ({"type": "string", "minLength": 5, "maxLength": 2}, "$"),
        (
            {
                "type": "object",
                "properties": {"a": {"type": "integer", "minimum": 5, "maximum": 4}},
                "required": ["a"],
            },
            "$.a",
        ),
        ({"type": "object", "required": ["x"], "additionalProperties": False}, "$"),
        ({"$ref": "#/$defs/Missing"}, "$"),
        ({"$ref": "https://example.com/schema.json"}, "$"),
        ({"$defs": {"A": {"$ref": "#/$defs/A"}}, "$ref": "#/$defs/A"}, "$"),
        (
            {
                "$defs": {
                    "L": {
                        "type": "object",
                        "properties": {"next": {"$ref": "#/$defs/L"}},
                        "required": ["next"],
                    }
                },
                "$ref": "#/$defs/L",
            },
            "$.next",
        ),
        ({"type": "array", "maxItems": 1, "minItems": 3}, "$"),
        ({"type": "tuple"}, "$"),
    ],
)
def test_unsatisfiable_schemas_raise_with_path(schema: Any, path: str) -> None:
    with pytest.raises(SchemaValueError) as info:
        example_for_schema(schema)
    assert info.value.path.startswith(path)
    assert str(info.value).startswith(info.value.path + ": ")


Schema = dict[str, Any]


def _integer(lo: int, span: int) -> Schema:
    return {"type": "integer", "minimum": lo, "maximum": lo + span}


def _number(lo: int, step: float) -> Schema:
    return {"type": "number", "exclusiveMinimum": lo, "multipleOf": step}


def _string(lo: int, extra: int) -> Schema:
    return {"type": "string", "minLength": lo, "maxLength": lo + extra}


def _enum(values: list[int | str]) -> Schema:
    return {"enum": values}


def _object(properties: dict[str, Schema], closed: bool) -> Schema:
    schema: Schema = {
        "type": "object",
        "properties": properties,
        "required": sorted(properties),
    }
    if closed:
        schema["additionalProperties"] = False
    return schema


def _array(items: Schema, low: int) -> Schema:
    return {"type": "array", "items": items, "minItems": low}


def _nullable(branches: list[Schema]) -> Schema:
    return {"anyOf": [{"type": "null"}, *branches]}


def _extend(inner: st.SearchStrategy[Schema]) -> st.SearchStrategy[Schema]:
    props = st.dictionaries(
        st.from_regex(r"[a-z]{1,6}", fullmatch=True), inner, max_size=4
    )
    return st.one_of(
        st.builds(_object, props, st.booleans()),
        st.builds(_array, inner, st.integers(0, 3)),
        st.lists(inner, min_size=1, max_size=3).map(_nullable),
    )


def _schemas() -> st.SearchStrategy[Schema]:
    formats = [
        {"type": "string", "format": f}
        for f in ("date", "date-time", "email", "uuid", "ipv4", "uri")
    ]
    scalar: st.SearchStrategy[Schema] = st.one_of(
        st.builds(_integer, st.integers(-50, 50), st.integers(0, 20)),
        st.builds(_number, st.integers(-5, 5), st.sampled_from([0.5, 1.0, 3.0])),
        st.builds(_string, st.integers(0, 8), st.integers(0, 8)),
        st.sampled_from([{"type": "boolean"}, {"type": "null"}, *formats]),
        st.lists(
            st.one_of(st.integers(), st.text(max_size=5)),
            min_size=1,
            max_size=4,
            unique=True,
        ).map(_enum),
    )
    return st.recursive(scalar, _extend, max_leaves=12)


def _validate(value: object, schema: Any) -> None:
    validator: Any = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.FormatChecker()
    )
    validator.validate(value)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_schemas(), st.text(max_size=12))
def test_generated_values_validate_for_random_schemas(
    schema: dict[str, Any], text: str
) -> None:
    _validate(example_for_schema(schema, text=text), schema)
