"""Property: for any value of a rich type, its JSON form validates against the generated schemas (full and
strict) and converts back to an equal value — schema, encoder and converter agree."""

from __future__ import annotations

import dataclasses
import datetime as dt
import decimal
import enum
import json
import uuid
from typing import Literal, NotRequired, TypedDict

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openresponses_sdk.structured import OutputFormat
from openresponses_sdk.tools import (
    StrictFallbackWarning,
    callable_to_tool,
    run_tool_calls,
)
from openresponses_sdk.tools._encode import to_jsonable
from openresponses_sdk.tools._validate import SchemaValidator


class Size(enum.Enum):
    S = "s"
    M = "m"


class Meta(TypedDict):
    label: str
    rank: NotRequired[int]


@attrs.frozen
class Part:
    code: str
    count: int = 1


@dataclasses.dataclass
class Record:
    ident: uuid.UUID
    created: dt.datetime
    day: dt.date
    at: dt.time
    price: decimal.Decimal
    ratio: float
    size: Size
    kind: Literal["a", "b", 3]
    blob: bytes
    pair: tuple[int, str]
    tags: frozenset[str]
    counts: dict[str, int]
    meta: Meta
    parts: list[Part]
    parent: Record | None = None


METAS: st.SearchStrategy[Meta] = st.fixed_dictionaries(  # type: ignore[assignment]
    {"label": st.text()}, optional={"rank": st.integers()}
)


def records(depth: int = 1) -> st.SearchStrategy[Record]:
    return st.builds(
        Record,
        meta=METAS,
        price=st.decimals(allow_nan=False, allow_infinity=False),
        ratio=st.floats(allow_nan=False, allow_infinity=False),
        parent=st.none() if depth == 0 else st.none() | records(depth - 1),
    )


with pytest.warns(StrictFallbackWarning, match="field 'pair'"):
    RECORD_FORMAT = OutputFormat(
        Record
    )  # not strict: (int, str) tuples and dict[str, int] cannot be


@settings(max_examples=60, deadline=None)
@given(records())
def test_structured_round_trip(value: Record) -> None:
    fmt = RECORD_FORMAT
    text = json.dumps(to_jsonable(value))
    assert (
        SchemaValidator(fmt.text_format["schema"]).first_error(json.loads(text)) is None
    )
    assert fmt.parse(text) == value


@settings(max_examples=60, deadline=None)
@given(
    st.builds(Part),
    st.lists(st.sampled_from(Size)),
    st.none() | METAS,
)
def test_tool_call_round_trip_in_strict_mode(
    part: Part, sizes: list[Size], meta: Meta | None
) -> None:
    received: list[object] = []

    def record(part: Part, sizes: list[Size], meta: Meta | None = None) -> str:
        received.append((part, sizes, meta))
        return "ok"

    strict_schema = callable_to_tool(record, strict=True)["parameters"]
    arguments = {
        "part": to_jsonable(part),
        "sizes": to_jsonable(sizes),
        "meta": to_jsonable(meta),
    }
    if meta is not None and "rank" not in meta:
        arguments["meta"] = {
            **meta,
            "rank": None,
        }  # strict mode sends every key, null for "not given"
    assert SchemaValidator(strict_schema).first_error(arguments) is None
    call = {
        "type": "function_call",
        "call_id": "c",
        "name": "record",
        "arguments": json.dumps(arguments),
    }
    (result,) = run_tool_calls({"output": [call]}, [record])
    assert result.ok, result.output
    assert received == [(part, sizes, meta)]
