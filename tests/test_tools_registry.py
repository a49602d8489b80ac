"""Executing function calls: argument validation and conversion, invocation, errors reported to the model."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import decimal
import enum
import json
import threading
import uuid
from typing import Annotated, Any, NotRequired, TypedDict

import annotated_types as at
import attrs
import pytest
from openresponses_sdk.errors import ToolCallError, ValidationError
from openresponses_sdk.tools import (
    ToolRegistry,
    arun_tool_calls,
    function_calls,
    run_tool_calls,
    tool,
)

from tests.conftest import need_shared


class Unit(enum.Enum):
    C = "celsius"
    F = "fahrenheit"


@dataclasses.dataclass
class Location:
    city: str
    country: str = "FR"


@attrs.define
class Window:
    start: dt.datetime
    end: dt.datetime | None = None


class Filters(TypedDict):
    tags: set[str]
    limit: NotRequired[int]


def call(name: str, arguments: object, call_id: str = "call_1") -> dict[str, Any]:
    text = arguments if isinstance(arguments, str) else json.dumps(arguments)
    return {
        "type": "function_call",
        "call_id": call_id,
        "name": name,
        "arguments": text,
    }


def response(*items: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "resp_1",
        "object": "response",
        "output": [{"type": "message", "content": []}, *items],
    }


def test_rich_types_are_converted_to_the_signature() -> None:
    seen: dict[str, object] = {}

    def book(
        where: Location,
        window: Window,
        unit: Unit,
        ident: uuid.UUID,
        price: decimal.Decimal,
        size: tuple[int, int],
        filters: Filters,
        day: dt.date,
        at_time: dt.time,
        blob: bytes,
        stops: list[Location],
    ) -> str:
        seen.update(locals())
        return "booked"

    args = {
        "where": {"city": "Paris"},
        "window": {"start": "2026-11-22T10:00:00+00:00"},
        "unit": "celsius",
        "ident": "12345678-1234-5678-1234-567812345678",
        "price": "19.99",
        "size": [3, 4],
        "filters": {"tags": ["a", "b"]},
        "day": "2026-11-22",
        "at_time": "09:30:00",
        "blob": "aGVsbG8=",
        "stops": [{"city": "Lyon", "country": "FR"}],
    }
    (result,) = run_tool_calls(response(call("book", args)), [book])
    assert result.ok, result.output
    assert result.item == {
        "type": "function_call_output",
        "call_id": "call_1",
        "output": "booked",
    }
    assert seen["where"] == Location("Paris", "FR")
    assert seen["window"] == Window(dt.datetime(2026, 11, 22, 10, tzinfo=dt.UTC))
    assert seen["unit"] is Unit.C
    assert seen["ident"] == uuid.UUID("12345678-1234-5678-1234-567812345678")
    assert seen["price"] == decimal.Decimal("19.99")
    assert seen["size"] == (3, 4)
    assert seen["filters"] == {"tags": {"a", "b"}}
    assert seen["day"] == dt.date(2026, 11, 22)
    assert seen["at_time"] == dt.time(9, 30)
    assert seen["blob"] == b"hello"
    assert seen["stops"] == [Location("Lyon")]


def test_strict_mode_nulls_mean_defaults() -> None:
    def f(
        a: int, b: int = 7, c: int | None = 3, where: Location | None = None
    ) -> list[object]:
        return [a, b, c, where]

    (r,) = run_tool_calls(
        response(
            call(
                "f",
                {"a": 1, "b": None, "c": None, "where": {"city": "X", "country": None}},
            )
        ),
        [f],
    )
    assert r.value == [
        1,
        7,
        None,
        Location("X", "FR"),
    ]  # b -> default; c accepts None so None is kept


def test_positional_only_keyword_only_and_varargs() -> None:
    @tool(strict=False)
    def f(
        a: int, /, b: int = 2, *rest: int, scale: int = 1, **labels: str
    ) -> dict[str, object]:
        return {"a": a, "b": b, "rest": rest, "scale": scale, "labels": labels}

    (r,) = run_tool_calls(
        response(call("f", {"a": 1, "rest": [5, 6], "scale": 10, "color": "red"})), [f]
    )
    assert r.value == {
        "a": 1,
        "b": 2,
        "rest": (5, 6),
        "scale": 10,
        "labels": {"color": "red"},
    }
    assert json.loads(r.output) == {
        "a": 1,
        "b": 2,
        "rest": [5, 6],
        "scale": 10,
        "labels": {"color": "red"},
    }


def test_bound_method_partial_and_callable_object() -> None:
    class Counter:
        def __init__(self) -> None:
            self.total = 0

        def add(self, n: int) -> int:
            self.total += n
            return self.total

    counter = Counter()
    results = run_tool_calls(
        response(call("add", {"n": 2}, "c1"), call("add", {"n": 3}, "c2")),
        [counter.add],
    )
    assert [r.value for r in results] == [2, 5]
    assert [r.item["call_id"] for r in results] == ["c1", "c2"]


@pytest.mark.parametrize(
    ("arguments", "path", "fragment"),
    [
        ('{"where": ', "", "not valid JSON"),
        ({"where": {"city": 3}}, "where.city", "3 is not of type 'string'"),
        ({}, "", "'where' is a required property"),
        (
            {"where": {"city": "P"}, "extra": 1},
            "",
            "Additional properties are not allowed",
        ),
        (
            {"where": {"city": "P"}, "count": 0},
            "count",
            "0 is less than the minimum of 1",
        ),
        (
            {"where": {"city": "P"}, "when": "yesterday"},
            "when",
            "'yesterday' is not a 'date'",
        ),
        (
            {"where": {"city": "P"}, "blob": "not base64!"},
            "blob",
            "expected base64-encoded data, got 'not base64!'",
        ),
        (
            {"where": {"city": "P"}, "tags": ["a", "a"]},
            "tags",
            "has non-unique elements",
        ),
    ],
    ids=[
        "bad json",
        "wrong type",
        "missing",
        "extra",
        "constraint",
        "bad date",
        "bad base64",
        "set duplicates",
    ],
)
def test_invalid_arguments_become_an_output_for_the_model(
    arguments: object, path: str, fragment: str
) -> None:
    calls: list[object] = []

    def lookup(
        where: Location,
        count: Annotated[int, at.Ge(1)] = 1,
        when: dt.date | None = None,
        blob: bytes = b"",
        tags: frozenset[str] = frozenset(),
    ) -> str:
        calls.append(where)
        return "ok"

    (r,) = run_tool_calls(response(call("lookup", arguments)), [lookup])
    assert not calls
    assert isinstance(r.error, ToolCallError)
    assert r.error.kind == "invalid_arguments"
    assert r.error.path == path
    assert r.error.call_id == "call_1" and r.error.tool_name == "lookup"
    assert fragment in r.output
    assert r.output.startswith("Error calling tool 'lookup': ")
    assert r.output.endswith("Call the tool again with corrected arguments.")
    assert r.item["output"] == r.output


def test_exception_inside_the_tool_is_reported_and_kept() -> None:
    def divide(a: float, b: float) -> float:
        return a / b

    (r,) = run_tool_calls(response(call("divide", {"a": 1, "b": 0})), [divide])
    assert r.error is not None and r.error.kind == "exception"
    assert isinstance(r.error.__cause__, ZeroDivisionError)
    assert (
        r.output
        == "Error calling tool 'divide': the tool raised ZeroDivisionError: float division by zero."
    )


def test_unknown_tool_and_dict_only_tools() -> None:
    web = {"type": "function", "name": "remote", "parameters": {"type": "object"}}
    registry = ToolRegistry([web, tool(name="local")(lambda: "x")])
    assert "local" in registry and "remote" not in registry
    (r,) = registry.run(response(call("remote", {})))
    assert r.error is not None and r.error.kind == "unknown_tool"
    assert "there is no tool named 'remote' (available: local)" in r.output


def test_unserializable_result_is_an_error() -> None:
    def f() -> object:
        return object()

    (r,) = run_tool_calls(response(call("f", {})), [f])
    assert r.error is not None and r.error.kind == "unserializable_output"


def test_results_are_serialized_as_json() -> None:
    def f() -> object:
        return {
            "when": dt.date(2026, 1, 2),
            "unit": Unit.F,
            "where": Location("P"),
            "n": None,
        }

    (r,) = run_tool_calls(response(call("f", "")), [f])
    assert json.loads(r.output) == {
        "when": "2026-01-02",
        "unit": "fahrenheit",
        "where": {"city": "P", "country": "FR"},
        "n": None,
    }


async def test_async_tools_run_concurrently_in_order() -> None:
    started: list[str] = []
    release = asyncio.Event()

    async def slow(name: str) -> str:
        started.append(name)
        if len(started) == 2:
            release.set()
        await asyncio.wait_for(release.wait(), 5)
        return name.upper()

    results = await arun_tool_calls(
        response(call("slow", {"name": "a"}, "1"), call("slow", {"name": "b"}, "2")),
        [slow],
    )
    assert [r.output for r in results] == [
        "A",
        "B",
    ]  # both started before either finished


def test_async_tool_from_sync_code() -> None:
    async def ping() -> str:
        await asyncio.sleep(0)
        return "pong"

    (r,) = run_tool_calls(response(call("ping", {})), [ping])
    assert r.output == "pong"


async def test_async_tool_from_sync_code_inside_a_running_loop() -> None:
    async def where() -> str:
        return threading.current_thread().name

    (r,) = run_tool_calls(response(call("where", {})), [where])
    assert r.ok and r.output != threading.current_thread().name


def test_pydantic_arguments() -> None:
    pydantic = pytest.importorskip("pydantic")

    class Query(pydantic.BaseModel):  # type: ignore[misc,name-defined]
        text: str
        limit: int = 10

    def search(q: Query) -> int:
        return q.limit

    (ok,) = run_tool_calls(
        response(call("search", {"q": {"text": "x", "limit": None}})), [search]
    )
    assert ok.value == 10
    (bad,) = run_tool_calls(response(call("search", {"q": {"text": 5}})), [search])
    assert bad.error is not None and bad.error.path == "q.text"


def test_function_calls_from_typed_response_and_recorded_traffic() -> None:
    path = (
        need_shared()
        / "fixtures"
        / "recorded"
        / "openresponses"
        / "lmstudio-tool-call.1.json"
    )
    from openresponses_sdk import types as ortypes

    data = json.loads(path.read_text())
    typed = ortypes.ResponseResource.from_dict(data)

    def weather(location: str) -> str:
        return f"sunny in {location}"

    for source in (data, typed, data["output"]):
        (r,) = run_tool_calls(source, [weather])
        assert r.item == {
            "type": "function_call_output",
            "call_id": "call_2866856768160095",
            "output": "sunny in San Francisco",
        }


def test_malformed_function_call_item_names_its_index() -> None:
    with pytest.raises(ValidationError, match=r"output\[1\]\.call_id"):
        function_calls(
            {
                "output": [
                    {"type": "message"},
                    {"type": "function_call", "name": "x", "arguments": "{}"},
                ]
            }
        )
