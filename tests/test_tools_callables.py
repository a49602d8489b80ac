"""Every kind of callable as a tool; names; the @tool decorator; tools/tool_choice normalization."""

from __future__ import annotations

import functools
import warnings
from typing import Any

import pytest
from openresponses_sdk.errors import ToolDefinitionError
from openresponses_sdk.tools import (
    Tool,
    callable_to_tool,
    run_tool_calls,
    to_tool_choice,
    to_tool_params,
    tool,
)

INT: dict[str, Any] = {"type": "integer"}


def add(a: int, b: int = 0) -> int:
    """Add two numbers."""
    return a + b


async def fetch(url: str, *, timeout: float = 5.0) -> str:
    """Fetch a URL."""
    return url


class Calculator:
    """Arithmetic with a memory."""

    def __init__(self) -> None:
        self.memory = 0

    def store(self, value: int) -> int:
        """Remember a value."""
        self.memory = value
        return value

    def __call__(self, x: int) -> int:
        """Multiply by the memory."""
        return x * self.memory


def test_plain_function() -> None:
    t = callable_to_tool(add)
    assert t == {
        "type": "function",
        "name": "add",
        "description": "Add two numbers.",
        "parameters": {
            "type": "object",
            "properties": {"a": INT, "b": {"anyOf": [INT, {"type": "null"}]}},
            "required": ["a", "b"],
            "additionalProperties": False,
        },
        "strict": True,
    }


def test_async_function_and_keyword_only() -> None:
    t = callable_to_tool(fetch, strict=False)
    assert t["name"] == "fetch"
    assert t["parameters"]["properties"] == {
        "url": {"type": "string"},
        "timeout": {"type": "number", "default": 5.0},
    }
    assert t["parameters"]["required"] == ["url"]


def test_bound_method_has_no_self() -> None:
    t = callable_to_tool(Calculator().store)
    assert t["name"] == "store"
    assert t["description"] == "Remember a value."
    assert list(t["parameters"]["properties"]) == ["value"]


def test_callable_object_uses_call_signature_and_class_name() -> None:
    t = callable_to_tool(Calculator())
    assert t["name"] == "Calculator"
    assert t["description"] == "Multiply by the memory."
    assert list(t["parameters"]["properties"]) == ["x"]


def test_partial_removes_bound_arguments() -> None:
    def send(channel: str, text: str, urgent: bool = False) -> None:
        """Send a message."""

    t = callable_to_tool(functools.partial(send, "ops", urgent=True), strict=False)
    assert t["name"] == "send"
    assert t["parameters"]["properties"] == {"text": {"type": "string"}}
    assert t["parameters"]["required"] == ["text"]


def test_unannotated_parameter_is_any_json_and_not_strict() -> None:
    def f(x, y: int):  # type: ignore[no-untyped-def]
        return None

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = callable_to_tool(f)  # pyright: ignore[reportUnknownArgumentType] - unannotated on purpose
    assert t["parameters"]["properties"]["x"] == {}
    assert t["strict"] is False
    assert "parameter 'x'" in str(caught[0].message)


def test_var_args_and_kwargs() -> None:
    def f(*numbers: int, **labels: str) -> None: ...

    t = callable_to_tool(f, strict=False)
    assert t["parameters"]["properties"] == {"numbers": {"type": "array", "items": INT}}
    assert t["parameters"]["additionalProperties"] == {"type": "string"}
    assert t["parameters"]["required"] == []


@pytest.mark.parametrize("name", ["", "has space", "x" * 65, "dotted.name", "ünïcode"])
def test_invalid_names_are_rejected_clearly(name: str) -> None:
    with pytest.raises(
        ToolDefinitionError, match=r"invalid function name .*a-z, A-Z, 0-9, '_' and '-'"
    ):
        callable_to_tool(add, name=name)


def test_lambda_needs_a_name() -> None:
    with pytest.raises(ToolDefinitionError, match="'<lambda>'"):
        callable_to_tool(lambda: None)
    assert callable_to_tool(lambda: None, name="noop")["name"] == "noop"


@pytest.mark.parametrize("name", ["a", "get-weather_v2", "x" * 64])
def test_valid_names(name: str) -> None:
    assert callable_to_tool(add, name=name)["name"] == name


def test_not_a_callable() -> None:
    with pytest.raises(
        ToolDefinitionError, match="expected a function or callable object"
    ):
        callable_to_tool(int)


def test_tool_decorator_keeps_function_behaviour_and_options() -> None:
    @tool
    def double(x: int) -> int:
        """Double it."""
        return 2 * x

    @tool(name="triple_it", description="Triple.", strict=False)
    def triple(x: int) -> int:
        return 3 * x

    assert isinstance(double, Tool)
    assert double(4) == 8
    assert double.__doc__ == "Double it."
    assert triple(2) == 6
    params = to_tool_params([double, triple], strict=True)
    assert params[0]["name"] == "double" and params[0]["strict"] is True
    assert params[1] == {
        "type": "function",
        "name": "triple_it",
        "description": "Triple.",
        "parameters": {
            "type": "object",
            "properties": {"x": INT},
            "required": ["x"],
            "additionalProperties": False,
        },
        "strict": False,
    }


def test_tool_decorator_fails_at_decoration_time() -> None:
    with pytest.raises(ToolDefinitionError, match="parameter 'x'"):

        @tool
        def bad(x: dict[int, int]) -> None: ...


def test_tools_list_mixes_callables_and_dicts_in_order() -> None:
    web: dict[str, Any] = {"type": "web_search"}
    flat: dict[str, Any] = {
        "type": "function",
        "name": "lookup",
        "parameters": {"type": "object", "properties": {}},
    }
    chat: dict[str, Any] = {
        "type": "function",
        "function": {
            "name": "weather",
            "description": "Weather.",
            "parameters": {"type": "object"},
            "strict": False,
        },
    }
    out = to_tool_params([add, web, flat, chat, fetch], strict=False)
    assert [t.get("name", t["type"]) for t in out] == [
        "add",
        "web_search",
        "lookup",
        "weather",
        "fetch",
    ]
    assert out[1] == web and out[1] is not web
    assert out[2] == flat
    assert out[3] == {
        "type": "function",
        "name": "weather",
        "description": "Weather.",
        "parameters": {"type": "object"},
        "strict": False,
    }


@pytest.mark.parametrize(
    ("tools", "message"),
    [
        ([add, add], r"tools\[1\]: duplicate function name 'add' \(also tools\[0\]\)"),
        ([{"name": "x"}], r"tools\[0\]: a tool dict needs a 'type'"),
        (
            [{"type": "function", "function": {"name": "bad name"}}],
            r"tools\[0\]\.function\.name: invalid function name",
        ),
        (
            [{"type": "function", "function": "x"}],
            r"tools\[0\]: 'function' must be an object",
        ),
        (
            [{"type": "function", "name": "ok", "parameters": "x"}],
            r"tools\[0\]: 'parameters' must be a JSON Schema",
        ),
        ([add, 42], r"tools\[1\]: expected a callable or a tool dict, got int"),
    ],
)
def test_tools_list_errors_name_the_index(tools: list[Any], message: str) -> None:
    with pytest.raises(ToolDefinitionError, match=message):
        to_tool_params(tools)


def test_tool_choice_conversion() -> None:
    assert to_tool_choice("auto") == "auto"
    assert to_tool_choice({"type": "function", "function": {"name": "add"}}) == {
        "type": "function",
        "name": "add",
    }
    assert to_tool_choice({"type": "function", "name": "add"}) == {
        "type": "function",
        "name": "add",
    }
    assert to_tool_choice({"type": "allowed_tools", "mode": "auto", "tools": []}) == {
        "type": "allowed_tools",
        "mode": "auto",
        "tools": [],
    }
    assert to_tool_choice(add) == {"type": "function", "name": "add"}
    assert to_tool_choice(tool(name="plus")(add)) == {
        "type": "function",
        "name": "plus",
    }
    with pytest.raises(ToolDefinitionError, match="tool_choice"):
        to_tool_choice(3)


def test_kwargs_strict_fallback_names_the_parameter() -> None:
    def f(x: int, **labels: str) -> None: ...

    with pytest.warns(
        UserWarning, match=r"parameter '\*\*labels' cannot be expressed in strict mode"
    ):
        assert callable_to_tool(f)["strict"] is False


def test_tool_decorator_on_a_method_binds_the_instance() -> None:
    class Thermostat:
        def __init__(self, offset: int) -> None:
            self.offset = offset

        @tool(description="Adjusted temperature.")
        def read(self, raw: int) -> int:
            return raw + self.offset

    device = Thermostat(2)
    assert device.read(20) == 22
    bound = callable_to_tool(device.read)
    assert bound["name"] == "read" and bound["description"] == "Adjusted temperature."
    assert list(bound["parameters"]["properties"]) == ["raw"]
    (out,) = run_tool_calls(
        {
            "output": [
                {
                    "type": "function_call",
                    "call_id": "c",
                    "name": "read",
                    "arguments": '{"raw": 1}',
                }
            ]
        },
        [device.read],
    )
    assert out.value == 3


def test_callable_to_tool_on_a_tool_keeps_its_options_unless_overridden() -> None:
    plus = tool(name="plus", description="Sum.", strict=False)(add)
    assert callable_to_tool(plus)["name"] == "plus"
    assert callable_to_tool(plus)["strict"] is False
    assert callable_to_tool(plus, name="sum2", strict=True) | {"parameters": None} == {
        "type": "function",
        "name": "sum2",
        "description": "Sum.",
        "parameters": None,
        "strict": True,
    }


def test_zero_parameter_tool_is_strict() -> None:
    def now() -> str:
        """The current time."""
        return "noon"

    assert callable_to_tool(now)["parameters"] == {
        "type": "object",
        "properties": {},
        "required": [],
        "additionalProperties": False,
    }
    assert callable_to_tool(now)["strict"] is True
