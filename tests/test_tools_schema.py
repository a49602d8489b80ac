"""Python type → JSON Schema, table-driven: the exact schema in non-strict and in strict mode for each type."""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import enum
import uuid
import warnings
from collections.abc import Callable, Sequence
from typing import (
    Annotated,
    Any,
    Literal,
    NewType,
    NotRequired,
    Optional,
    TypedDict,
    Union,
)

import annotated_types as at
import attrs
import pytest
from openresponses_sdk.errors import ToolDefinitionError
from openresponses_sdk.tools import StrictFallbackWarning, callable_to_tool

NOT_STRICT = (
    "not strict"  # marker: strict mode must fall back to strict: false with a warning
)
Schema = dict[str, Any]
NULL: Schema = {"type": "null"}


class Color(enum.Enum):
    """A paint colour."""

    RED = "red"
    GREEN = "green"


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 2


UserId = NewType("UserId", int)


class Movie(TypedDict):
    """A film."""

    title: str
    year: NotRequired[int]


@dataclasses.dataclass
class Point:
    """A point in the plane.

    Attributes:
        x: Horizontal position.
        y: Vertical position.
    """

    x: float
    y: float = 0.0


@attrs.define
class Box:
    """A labelled box."""

    label: str = attrs.field(metadata={"description": "What is written on it."})
    size: int = 1


@dataclasses.dataclass
class Tree:
    """A tree of integers."""

    value: int
    children: list[Tree] = dataclasses.field(default_factory=lambda: list[Tree]())


def func_with(tp: object) -> Callable[..., None]:
    """A function ``f(x: tp)`` (annotation given as an object, as a table row needs)."""

    def f(x: Any) -> None:
        return None

    f.__annotations__ = {"x": tp}
    return f


def params(
    schema_x: Schema, *, required: bool = True, defs: Schema | None = None
) -> Schema:
    out: Schema = {
        "type": "object",
        "properties": {"x": schema_x},
        "required": ["x"] if required else [],
        "additionalProperties": False,
    }
    if defs:
        out["$defs"] = defs
    return out


POINT_DEF: Schema = {
    "type": "object",
    "description": "A point in the plane.",
    "properties": {
        "x": {"type": "number", "description": "Horizontal position."},
        "y": {"type": "number", "description": "Vertical position.", "default": 0.0},
    },
    "required": ["x"],
    "additionalProperties": False,
}
POINT_DEF_STRICT: Schema = {
    "type": "object",
    "description": "A point in the plane.",
    "properties": {
        "x": {"type": "number", "description": "Horizontal position."},
        "y": {"anyOf": [{"type": "number"}, NULL], "description": "Vertical position."},
    },
    "required": ["x", "y"],
    "additionalProperties": False,
}

# (id, annotation, non-strict schema of x, strict schema of x or NOT_STRICT, $defs non-strict, $defs strict)
CASES: list[tuple[str, object, Schema, Schema | str, Schema | None, Schema | None]] = [
    ("str", str, {"type": "string"}, {"type": "string"}, None, None),
    ("int", int, {"type": "integer"}, {"type": "integer"}, None, None),
    ("float", float, {"type": "number"}, {"type": "number"}, None, None),
    ("bool", bool, {"type": "boolean"}, {"type": "boolean"}, None, None),
    ("None", None, NULL, NULL, None, None),
    ("Any", Any, {}, NOT_STRICT, None, None),
    ("object", object, {}, NOT_STRICT, None, None),
    (
        "bytes",
        bytes,
        {"type": "string", "contentEncoding": "base64"},
        {"type": "string", "description": 'Constraints: contentEncoding="base64".'},
        None,
        None,
    ),
    (
        "datetime",
        dt.datetime,
        {"type": "string", "format": "date-time"},
        {"type": "string", "format": "date-time"},
        None,
        None,
    ),
    (
        "date",
        dt.date,
        {"type": "string", "format": "date"},
        {"type": "string", "format": "date"},
        None,
        None,
    ),
    (
        "time",
        dt.time,
        {"type": "string", "format": "time"},
        {"type": "string", "format": "time"},
        None,
        None,
    ),
    (
        "uuid",
        uuid.UUID,
        {"type": "string", "format": "uuid"},
        {"type": "string", "format": "uuid"},
        None,
        None,
    ),
    (
        "decimal",
        decimal.Decimal,
        {
            "anyOf": [
                {"type": "number"},
                {
                    "type": "string",
                    "pattern": r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$",
                },
            ]
        },
        {
            "anyOf": [
                {"type": "number"},
                {
                    "type": "string",
                    "pattern": r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$",
                },
            ]
        },
        None,
        None,
    ),
    (
        "list[int]",
        list[int],
        {"type": "array", "items": {"type": "integer"}},
        {"type": "array", "items": {"type": "integer"}},
        None,
        None,
    ),
    (
        "Sequence[str]",
        Sequence[str],
        {"type": "array", "items": {"type": "string"}},
        {"type": "array", "items": {"type": "string"}},
        None,
        None,
    ),
    ("bare list", list, {"type": "array"}, NOT_STRICT, None, None),
    (
        "tuple[int, ...]",
        tuple[int, ...],
        {"type": "array", "items": {"type": "integer"}},
        {"type": "array", "items": {"type": "integer"}},
        None,
        None,
    ),
    (
        "tuple[int, int]",
        tuple[int, int],
        {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
        {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
        None,
        None,
    ),
    (
        "tuple[str, int]",
        tuple[str, int],
        {
            "type": "array",
            "prefixItems": [{"type": "string"}, {"type": "integer"}],
            "items": False,
            "minItems": 2,
            "maxItems": 2,
        },
        NOT_STRICT,
        None,
        None,
    ),
    (
        "set[str]",
        set[str],
        {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
        {
            "type": "array",
            "items": {"type": "string"},
            "description": "Constraints: uniqueItems=true.",
        },
        None,
        None,
    ),
    (
        "frozenset[int]",
        frozenset[int],
        {"type": "array", "items": {"type": "integer"}, "uniqueItems": True},
        {
            "type": "array",
            "items": {"type": "integer"},
            "description": "Constraints: uniqueItems=true.",
        },
        None,
        None,
    ),
    (
        "dict[str, int]",
        dict[str, int],
        {"type": "object", "additionalProperties": {"type": "integer"}},
        NOT_STRICT,
        None,
        None,
    ),
    ("bare dict", dict, {"type": "object"}, NOT_STRICT, None, None),
    (
        "Literal str",
        Literal["a", "b"],
        {"type": "string", "enum": ["a", "b"]},
        {"type": "string", "enum": ["a", "b"]},
        None,
        None,
    ),
    (
        "Literal mixed",
        Literal[1, "a"],
        {"type": ["integer", "string"], "enum": [1, "a"]},
        {"type": ["integer", "string"], "enum": [1, "a"]},
        None,
        None,
    ),
    (
        "Literal None",
        Literal["a", None],  # noqa: PYI061 - the form under test
        {"type": ["string", "null"], "enum": ["a", None]},
        {"type": ["string", "null"], "enum": ["a", None]},
        None,
        None,
    ),
    (
        "Enum",
        Color,
        {"type": "string", "enum": ["red", "green"], "description": "A paint colour."},
        {"type": "string", "enum": ["red", "green"], "description": "A paint colour."},
        None,
        None,
    ),
    (
        "IntEnum",
        Level,
        {"type": "integer", "enum": [1, 2]},
        {"type": "integer", "enum": [1, 2]},
        None,
        None,
    ),
    ("NewType", UserId, {"type": "integer"}, {"type": "integer"}, None, None),
    (
        "Optional[int]",
        Optional[int],  # noqa: UP045 - the form under test
        {"anyOf": [{"type": "integer"}, NULL]},
        {"anyOf": [{"type": "integer"}, NULL]},
        None,
        None,
    ),
    (
        "int | None",
        int | None,
        {"anyOf": [{"type": "integer"}, NULL]},
        {"anyOf": [{"type": "integer"}, NULL]},
        None,
        None,
    ),
    (
        "Union[int, str, None]",
        Union[int, str, None],  # noqa: UP007
        {"anyOf": [{"type": "integer"}, {"type": "string"}, NULL]},
        {"anyOf": [{"type": "integer"}, {"type": "string"}, NULL]},
        None,
        None,
    ),
    (
        "Annotated bounds",
        Annotated[int, at.Ge(1), at.Lt(10), at.MultipleOf(2)],
        {"type": "integer", "minimum": 1, "exclusiveMaximum": 10, "multipleOf": 2},
        {"type": "integer", "minimum": 1, "exclusiveMaximum": 10, "multipleOf": 2},
        None,
        None,
    ),
    (
        "Annotated string length + text",
        Annotated[str, at.MinLen(2), at.MaxLen(5), "A short code."],
        {
            "type": "string",
            "minLength": 2,
            "maxLength": 5,
            "description": "A short code.",
        },
        {
            "type": "string",
            "description": "A short code. Constraints: minLength=2, maxLength=5.",
        },
        None,
        None,
    ),
    (
        "Annotated list length",
        Annotated[list[str], at.Len(1, 3)],
        {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 3},
        {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 3},
        None,
        None,
    ),
    (
        "Annotated Optional interval",
        Annotated[Optional[float], at.Interval(gt=0, le=1)],  # noqa: UP045
        {"anyOf": [{"type": "number", "exclusiveMinimum": 0, "maximum": 1}, NULL]},
        {"anyOf": [{"type": "number", "exclusiveMinimum": 0, "maximum": 1}, NULL]},
        None,
        None,
    ),
    (
        "TypedDict",
        Movie,
        {"$ref": "#/$defs/Movie"},
        {"$ref": "#/$defs/Movie"},
        {
            "Movie": {
                "type": "object",
                "description": "A film.",
                "properties": {
                    "title": {"type": "string"},
                    "year": {"type": "integer"},
                },
                "required": ["title"],
                "additionalProperties": False,
            }
        },
        {
            "Movie": {
                "type": "object",
                "description": "A film.",
                "properties": {
                    "title": {"type": "string"},
                    "year": {"anyOf": [{"type": "integer"}, NULL]},
                },
                "required": ["title", "year"],
                "additionalProperties": False,
            }
        },
    ),
    (
        "dataclass",
        Point,
        {"$ref": "#/$defs/Point"},
        {"$ref": "#/$defs/Point"},
        {"Point": POINT_DEF},
        {"Point": POINT_DEF_STRICT},
    ),
    (
        "attrs",
        Box,
        {"$ref": "#/$defs/Box"},
        {"$ref": "#/$defs/Box"},
        {
            "Box": {
                "type": "object",
                "description": "A labelled box.",
                "properties": {
                    "label": {
                        "type": "string",
                        "description": "What is written on it.",
                    },
                    "size": {"type": "integer", "default": 1},
                },
                "required": ["label"],
                "additionalProperties": False,
            }
        },
        {
            "Box": {
                "type": "object",
                "description": "A labelled box.",
                "properties": {
                    "label": {
                        "type": "string",
                        "description": "What is written on it.",
                    },
                    "size": {"anyOf": [{"type": "integer"}, NULL]},
                },
                "required": ["label", "size"],
                "additionalProperties": False,
            }
        },
    ),
    (
        "recursive dataclass",
        Tree,
        {"$ref": "#/$defs/Tree"},
        {"$ref": "#/$defs/Tree"},
        {
            "Tree": {
                "type": "object",
                "description": "A tree of integers.",
                "properties": {
                    "value": {"type": "integer"},
                    "children": {"type": "array", "items": {"$ref": "#/$defs/Tree"}},
                },
                "required": ["value"],
                "additionalProperties": False,
            }
        },
        {
            "Tree": {
                "type": "object",
                "description": "A tree of integers.",
                "properties": {
                    "value": {"type": "integer"},
                    "children": {
                        "anyOf": [
                            {"type": "array", "items": {"$ref": "#/$defs/Tree"}},
                            NULL,
                        ]
                    },
                },
                "required": ["value", "children"],
                "additionalProperties": False,
            }
        },
    ),
    (
        "list of dataclass",
        list[Point],
        {"type": "array", "items": {"$ref": "#/$defs/Point"}},
        {"type": "array", "items": {"$ref": "#/$defs/Point"}},
        {"Point": POINT_DEF},
        {"Point": POINT_DEF_STRICT},
    ),
]


@pytest.mark.parametrize(
    ("tp", "loose", "strict", "defs", "strict_defs"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_schema_per_type(
    tp: object,
    loose: Schema,
    strict: Schema | str,
    defs: Schema | None,
    strict_defs: Schema | None,
) -> None:
    func = func_with(tp)
    tool = callable_to_tool(func, strict=False)
    assert tool["strict"] is False
    assert tool["parameters"] == params(loose, defs=defs)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        strict_tool = callable_to_tool(func, strict=True)
    if strict == NOT_STRICT:
        assert strict_tool["strict"] is False
        assert strict_tool["parameters"] == params(loose, defs=defs)
        messages = [
            str(w.message)
            for w in caught
            if issubclass(w.category, StrictFallbackWarning)
        ]
        assert len(messages) == 1
        assert "parameter 'x'" in messages[0]
        assert caught[0].filename == __file__  # the warning points at the caller's line
    else:
        assert not caught
        assert isinstance(strict, dict)
        assert strict_tool["strict"] is True
        assert strict_tool["parameters"] == params(strict, defs=strict_defs)


def test_default_values_only_in_non_strict_mode() -> None:
    def f(
        unit: Literal["c", "f"] = "c",
        when: dt.date = dt.date(2024, 5, 1),
        color: Color = Color.RED,
    ) -> None:
        """Convert.

        Args:
            unit: Temperature unit.
        """

    loose = callable_to_tool(f, strict=False)["parameters"]
    assert loose["properties"]["unit"] == {
        "type": "string",
        "enum": ["c", "f"],
        "description": "Temperature unit.",
        "default": "c",
    }
    assert loose["properties"]["when"] == {
        "type": "string",
        "format": "date",
        "default": "2024-05-01",
    }
    assert loose["properties"]["color"]["default"] == "red"
    assert loose["required"] == []

    strict = callable_to_tool(f, strict=True)["parameters"]
    assert strict["required"] == ["unit", "when", "color"]
    assert strict["properties"]["unit"] == {
        "anyOf": [{"type": "string", "enum": ["c", "f"]}, NULL],
        "description": "Temperature unit.",
    }
    assert "default" not in str(strict)


def test_unrepresentable_default_is_left_out() -> None:
    marker = object()

    def f(x: object = marker) -> None: ...

    assert callable_to_tool(f, strict=False)["parameters"]["properties"]["x"] == {}


def test_strict_inlines_a_described_reference() -> None:
    """Strict mode refuses ``$ref`` with sibling keywords: the definition is inlined, unused $defs dropped."""

    def f(origin: Point) -> None:
        """Walk.

        Args:
            origin: Where to start.
        """

    loose = callable_to_tool(f, strict=False)["parameters"]
    assert loose["properties"]["origin"] == {
        "$ref": "#/$defs/Point",
        "description": "Where to start.",
    }
    strict = callable_to_tool(f, strict=True)["parameters"]
    assert strict["properties"]["origin"] == {
        **POINT_DEF_STRICT,
        "description": "Where to start.",
    }
    assert "$defs" not in strict


def test_strict_recursive_reference_with_description_keeps_the_reference() -> None:
    def f(tree: Tree) -> None:
        """Sum.

        Args:
            tree: The tree to sum.
        """

    strict = callable_to_tool(f, strict=True)["parameters"]
    tree = strict["properties"]["tree"]
    assert tree["description"] == "The tree to sum."
    assert tree["properties"]["children"]["anyOf"][0] == {
        "type": "array",
        "items": {"$ref": "#/$defs/Tree"},
    }
    assert set(strict["$defs"]) == {"Tree"}


def test_mutually_recursive_classes() -> None:
    @dataclasses.dataclass
    class Author:
        name: str
        books: list[Book]

    @dataclasses.dataclass
    class Book:
        title: str
        author: Author | None

    def f(a: Author) -> None: ...

    p = callable_to_tool(f, strict=True)[
        "parameters"
    ]  # string annotations of local classes resolve
    assert p["properties"]["a"] == {"$ref": "#/$defs/Author"}
    assert p["$defs"]["Author"]["properties"]["books"] == {
        "type": "array",
        "items": {"$ref": "#/$defs/Book"},
    }
    assert p["$defs"]["Book"]["properties"]["author"] == {
        "anyOf": [{"$ref": "#/$defs/Author"}, NULL]
    }


def test_same_class_name_twice_gets_distinct_defs() -> None:
    def make() -> type:
        @dataclasses.dataclass
        class Item:
            n: int

        return Item

    first, second = make(), make()

    def f(a: Any, b: Any) -> None:
        return None

    f.__annotations__ = {"a": first, "b": second}
    p = callable_to_tool(f, strict=False)["parameters"]
    assert p["properties"]["a"] == {"$ref": "#/$defs/Item"}
    assert p["properties"]["b"] == {"$ref": "#/$defs/Item_2"}


def test_pydantic_model_when_installed() -> None:
    pydantic = pytest.importorskip("pydantic")

    class Address(pydantic.BaseModel):  # type: ignore[misc,name-defined]
        """A postal address."""

        street: str = pydantic.Field(description="Street and number.")
        zip: str | None = None

    def f(address: Address) -> None: ...

    loose = callable_to_tool(f, strict=False)["parameters"]
    assert loose["properties"]["address"] == {"$ref": "#/$defs/Address"}
    address = loose["$defs"]["Address"]
    assert address["properties"]["street"]["description"] == "Street and number."
    assert address["required"] == ["street"]

    strict = callable_to_tool(f, strict=True)
    assert strict["strict"] is True
    strict_address = strict["parameters"]["$defs"]["Address"]
    assert strict_address["required"] == ["street", "zip"]
    assert strict_address["additionalProperties"] is False
    assert "default" not in str(strict_address)


def test_free_form_mapping_warning_names_the_nested_parameter() -> None:
    @dataclasses.dataclass
    class Config:
        labels: dict[str, str]

    def f(config: Config, retries: int) -> None: ...

    with pytest.warns(
        StrictFallbackWarning, match=r"tool 'f': parameter 'config' .*free-form mapping"
    ):
        tool = callable_to_tool(f)
    assert tool["strict"] is False
    assert tool["parameters"]["required"] == ["config", "retries"]


def test_strict_none_means_strict_when_possible() -> None:
    def f(x: int) -> None: ...

    assert callable_to_tool(f)["strict"] is True


@pytest.mark.parametrize(
    ("tp", "message"),
    [
        (dict[int, str], "mapping keys must be str"),
        (Callable[[int], int], "cannot be described in JSON Schema"),
        (Literal[1.5j], "is not a JSON string"),  # type: ignore[valid-type,unused-ignore]
    ],
    ids=["int keys", "callable", "complex literal"],
)
def test_unsupported_types_are_clear_errors(tp: object, message: str) -> None:
    with pytest.raises(ToolDefinitionError, match=message) as info:
        callable_to_tool(func_with(tp))
    assert "parameter 'x'" in str(info.value)


def test_pydantic_field_in_annotated_gives_constraints_and_description() -> None:
    pydantic = pytest.importorskip("pydantic")

    def f(
        count: Annotated[int, pydantic.Field(ge=1, le=9, description="How many.")],
        code: Annotated[str, pydantic.Field(pattern=r"^[A-Z]{3}$")],
    ) -> None:
        """Order.

        Args:
            count: Overridden by the Field description.
            code: Airport code.
        """

    props = callable_to_tool(f)["parameters"]["properties"]
    assert props["count"] == {
        "type": "integer",
        "minimum": 1,
        "maximum": 9,
        "description": "How many.",
    }
    assert props["code"] == {
        "type": "string",
        "pattern": "^[A-Z]{3}$",
        "description": "Airport code.",
    }
