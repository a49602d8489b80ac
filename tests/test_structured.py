"""Structured output: classes → strict json_schema text formats; final text → typed objects; clear errors."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import warnings
from typing import Annotated, Any, NotRequired, TypedDict

import annotated_types as at
import attrs
import pytest
from openresponses_sdk.errors import StructuredOutputError
from openresponses_sdk.structured import (
    OutputFormat,
    ParsedResponse,
    output_format,
    parse_response,
)
from openresponses_sdk.tools import StrictFallbackWarning
from openresponses_sdk.tools._encode import to_jsonable

from tests.conftest import need_shared

NULL: dict[str, Any] = {"type": "null"}


class Mood(enum.Enum):
    HAPPY = "happy"
    SAD = "sad"


@dataclasses.dataclass
class Review:
    """A product review."""

    title: str
    stars: Annotated[int, at.Ge(1), at.Le(5)]
    mood: Mood
    tags: list[str]
    when: dt.date | None = None


@attrs.frozen
class Span:
    start: int
    end: int = 0


class Entity(TypedDict):
    name: str
    spans: list[Span]
    note: NotRequired[str]


@dataclasses.dataclass
class Section:
    heading: str
    children: list[Section]


def message_response(
    text: str, *, status: str = "completed", reason: str | None = None
) -> dict[str, Any]:
    return {
        "id": "resp_1",
        "object": "response",
        "status": status,
        "incomplete_details": {"reason": reason} if reason else None,
        "output": [
            {"type": "reasoning", "summary": []},
            {
                "type": "message",
                "role": "assistant",
                "content": [{"type": "output_text", "text": text, "annotations": []}],
            },
        ],
    }


def test_dataclass_becomes_a_strict_json_schema_format() -> None:
    fmt = OutputFormat(Review)
    assert fmt.name == "Review"
    assert fmt.text_format == {
        "type": "json_schema",
        "name": "Review",
        "description": "A product review.",
        "strict": True,
        "schema": {
            "type": "object",
            "description": "A product review.",
            "properties": {
                "title": {"type": "string"},
                "stars": {"type": "integer", "minimum": 1, "maximum": 5},
                "mood": {"type": "string", "enum": ["happy", "sad"]},
                "tags": {"type": "array", "items": {"type": "string"}},
                "when": {"anyOf": [{"type": "string", "format": "date"}, NULL]},
            },
            "required": ["title", "stars", "mood", "tags", "when"],
            "additionalProperties": False,
        },
    }


def test_typeddict_with_nested_attrs_class_uses_defs() -> None:
    schema = OutputFormat(Entity).text_format["schema"]
    assert schema["properties"]["spans"] == {
        "type": "array",
        "items": {"$ref": "#/$defs/Span"},
    }
    assert schema["properties"]["note"] == {"anyOf": [{"type": "string"}, NULL]}
    assert schema["required"] == ["name", "spans", "note"]
    assert schema["$defs"] == {
        "Span": {
            "type": "object",
            "properties": {
                "start": {"type": "integer"},
                "end": {"anyOf": [{"type": "integer"}, NULL]},
            },
            "required": ["start", "end"],
            "additionalProperties": False,
        }
    }


def test_recursive_class_keeps_itself_in_defs() -> None:
    schema = OutputFormat(Section).text_format["schema"]
    assert schema["properties"]["children"] == {
        "type": "array",
        "items": {"$ref": "#/$defs/Section"},
    }
    assert set(schema["$defs"]) == {"Section"}


def test_class_that_cannot_be_strict_falls_back_with_a_warning() -> None:
    @dataclasses.dataclass
    class Bag:
        counts: dict[str, int]

    with pytest.warns(
        StrictFallbackWarning, match=r"response_format 'Bag': field 'counts'"
    ) as caught:
        fmt = OutputFormat(Bag)
    assert caught[0].filename == __file__
    assert fmt.text_format["strict"] is False
    assert fmt.parse('{"counts": {"a": 1}}') == Bag({"a": 1})


def test_name_option_and_invalid_names() -> None:
    assert OutputFormat(Review, name="review_v2").text_format["name"] == "review_v2"
    with pytest.raises(ValueError, match="invalid function name 'bad name'"):
        OutputFormat(Review, name="bad name")


@pytest.mark.parametrize(
    "value",
    [
        Review("Lamp", 4, Mood.HAPPY, ["home"], dt.date(2026, 1, 2)),
        Review("Chair", 1, Mood.SAD, [], None),
    ],
)
def test_round_trip(value: Review) -> None:
    fmt = OutputFormat(Review)
    assert fmt.parse(json.dumps(to_jsonable(value))) == value


def test_round_trip_nested() -> None:
    fmt = OutputFormat(Entity)
    text = json.dumps(
        {"name": "Ada", "spans": [{"start": 1, "end": None}], "note": None}
    )
    assert fmt.parse(text) == {
        "name": "Ada",
        "spans": [Span(1, 0)],
    }  # strict nulls -> defaults / absent keys


def test_pydantic_model_when_installed() -> None:
    pydantic = pytest.importorskip("pydantic")

    class Person(pydantic.BaseModel):  # type: ignore[misc,name-defined]
        """Someone."""

        name: str
        age: int | None = None

    fmt = OutputFormat(Person)
    assert fmt.text_format["name"] == "Person"
    assert fmt.text_format["strict"] is True
    assert fmt.text_format["schema"]["required"] == ["name", "age"]
    parsed = fmt.parse('{"name": "Ada", "age": 36}')
    assert isinstance(parsed, Person) and parsed.age == 36


def test_invalid_json_error_keeps_the_raw_text() -> None:
    with pytest.raises(StructuredOutputError, match="not valid JSON") as info:
        OutputFormat(Review).parse('{"title": "Lamp", ')
    assert info.value.raw_text == '{"title": "Lamp", '
    assert 'raw text: \'{"title": "Lamp", \'' in str(info.value)


@pytest.mark.parametrize(
    ("payload", "path", "fragment"),
    [
        (
            {"title": "x", "stars": 9, "mood": "happy", "tags": [], "when": None},
            "stars",
            "9 is greater than the maximum of 5",
        ),
        (
            {"title": "x", "stars": 3, "mood": "meh", "tags": [], "when": None},
            "mood",
            "'meh' is not one of",
        ),
        (
            {"title": "x", "stars": 3, "mood": "sad", "tags": [1], "when": None},
            "tags[0]",
            "1 is not of type 'string'",
        ),
    ],
)
def test_shape_errors_name_the_path(
    payload: dict[str, Any], path: str, fragment: str
) -> None:
    text = json.dumps(payload)
    with pytest.raises(StructuredOutputError) as info:
        OutputFormat(Review).parse(text)
    assert info.value.path == path
    assert fragment in str(info.value)
    assert info.value.raw_text == text


def test_parse_response_from_dict_and_typed_model() -> None:
    from openresponses_sdk import types as ortypes

    data = message_response('{"start": 3, "end": 4}')
    for source in (data, ortypes.ResponseResource.from_dict(_complete(data))):
        parsed = parse_response(source, Span)
        assert isinstance(parsed, ParsedResponse)
        assert parsed.output_parsed == Span(3, 4)
        assert parsed.output_text == '{"start": 3, "end": 4}'
        assert parsed.response is source
        assert (
            parsed.to_dict()["output"][-1]["content"][0]["text"]
            == '{"start": 3, "end": 4}'
        )


def test_refusal_and_incomplete_are_explained() -> None:
    refusal = message_response("")
    refusal["output"][1]["content"] = [
        {"type": "refusal", "refusal": "I can't help with that."}
    ]
    with pytest.raises(
        StructuredOutputError, match="the model refused: I can't help with that."
    ):
        OutputFormat(Span).parse_response(refusal)
    with pytest.raises(
        StructuredOutputError, match=r"incomplete \(max_output_tokens\)"
    ) as info:
        OutputFormat(Span).parse_response(
            message_response(
                '{"start": 1', status="incomplete", reason="max_output_tokens"
            )
        )
    assert info.value.raw_text == '{"start": 1'


def test_raw_text_format_dicts() -> None:
    schema = {
        "type": "object",
        "properties": {"n": {"type": "integer"}},
        "required": ["n"],
        "additionalProperties": False,
    }
    raw = {"type": "json_schema", "name": "count", "schema": schema, "strict": True}
    fmt = output_format(raw)
    assert fmt.text_format == raw and fmt.text_format is not raw
    assert fmt.parse('{"n": 2}') == {"n": 2}
    with pytest.raises(StructuredOutputError, match="'n' is a required property"):
        fmt.parse("{}")
    chat = output_format(
        {"type": "json_schema", "json_schema": {"name": "count", "schema": schema}}
    )
    assert chat.text_format == {
        "type": "json_schema",
        "name": "count",
        "schema": schema,
    }
    assert output_format({"type": "json_object"}).parse('{"a": [1]}') == {"a": [1]}
    assert output_format({"type": "text"}).parse("plain") == "plain"


@pytest.mark.parametrize(
    ("spec", "error", "fragment"),
    [
        ({"name": "x"}, TypeError, "needs a 'type'"),
        ({"type": "json_schema", "name": "x"}, TypeError, "needs a 'schema' object"),
        (
            {"type": "json_schema", "name": "no spaces", "schema": {}},
            ValueError,
            "invalid function name",
        ),
        (
            int,
            TypeError,
            "must be a dataclass, attrs class, TypedDict, pydantic model or a text.format dict",
        ),
    ],
)
def test_bad_specs(spec: Any, error: type[Exception], fragment: str) -> None:
    with pytest.raises(error, match=fragment):
        output_format(spec)


def _complete(data: dict[str, Any]) -> dict[str, Any]:
    """The fields a full OpenResponses ``ResponseResource`` requires, around ``data``'s output."""
    path = (
        need_shared()
        / "fixtures"
        / "recorded"
        / "openresponses"
        / "lmstudio-basic.1.json"
    )
    base = json.loads(path.read_text())
    message = {**data["output"][1], "id": "msg_1", "status": "completed"}
    return {**base, "output": [message]}


# --- end to end against the embedded local provider --------------------------------------------


def _api() -> Any:
    return pytest.importorskip(
        "openresponses_sdk.api", reason="the responses() API (issue 4) is not available"
    )


def test_local_provider_round_trip_sync_and_stream() -> None:
    api = _api()
    fmt = OutputFormat(Review)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        response = api.responses(
            "local:echo-1", "Review this lamp", text={"format": fmt.text_format}
        )
    review = fmt.parse_response(response)
    assert (
        isinstance(review, Review)
        and isinstance(review.mood, Mood)
        and 1 <= review.stars <= 5
    )
    with api.responses(
        "local:echo-1",
        "Review this lamp",
        text={"format": fmt.text_format},
        stream=True,
    ) as stream:
        deltas = "".join(stream.text_deltas())
        final = stream.get_final_response()
    assert fmt.parse(deltas) == fmt.parse_response(final) == review


async def test_local_provider_round_trip_async() -> None:
    api = _api()
    fmt = OutputFormat(Entity)
    response = await api.aresponses(
        "local:echo-1", "Find entities", text={"format": fmt.text_format}
    )
    entity = fmt.parse_response(response)
    assert set(entity) >= {"name", "spans"} and all(
        isinstance(s, Span) for s in entity["spans"]
    )
