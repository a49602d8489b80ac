"""The tool loop, end to end against the embedded local provider (deterministic model ``echo-1``)."""

from __future__ import annotations

import asyncio
import dataclasses
import typing
from typing import Any

import pytest
from openresponses_sdk.errors import StructuredOutputError
from openresponses_sdk.structured import OutputFormat
from openresponses_sdk.tools import tool

pytest.importorskip(
    "openresponses_sdk.api", reason="the responses() API (issue 4) is not available"
)
from openresponses_sdk.runner import arun, run

MODEL = "local:echo-1"


def get_weather(city: str, unit: str = "celsius") -> str:
    """Get the current weather.

    Args:
        city: The city to look up.
        unit: Temperature unit.
    """
    return f"Sunny, 21 degrees {unit} in {city}"


def test_one_tool_round_then_final_answer() -> None:
    calls: list[str] = []

    def traced(city: str) -> str:
        """Weather lookup."""
        calls.append(city)
        return get_weather(city)

    result = run(MODEL, "use traced for Paris", tools=[tool(name="traced")(traced)])
    assert result.finished and result.turns == 2
    assert calls == ["Paris"]
    assert (
        result.output_text
        == "Tool results: traced returned Sunny, 21 degrees celsius in Paris."
    )
    kinds = [item["type"] for item in result.items]
    assert kinds == ["message", "function_call", "function_call_output", "message"]
    call, output = result.items[1], result.items[2]
    assert output == {
        "type": "function_call_output",
        "call_id": call["call_id"],
        "output": result.tool_results[0].output,
    }
    offered = result.response.to_dict()["tools"]
    assert (
        offered[0]["name"] == "traced"
        and offered[0]["description"] == "Weather lookup."
    )


def test_tool_definitions_reach_the_provider_with_docstring_texts() -> None:
    result = run(MODEL, "use get_weather for Oslo", tools=[get_weather])
    (offered,) = result.response.to_dict()["tools"]
    assert offered["description"] == "Get the current weather."
    assert (
        offered["parameters"]["properties"]["city"]["description"]
        == "The city to look up."
    )
    assert result.tool_results[0].value == "Sunny, 21 degrees celsius in Oslo"


def test_max_turns_stops_a_model_that_keeps_calling_tools() -> None:
    result = run(
        MODEL,
        "use get_weather for Rome",
        tools=[get_weather],
        tool_choice="required",
        max_turns=3,
    )
    assert not result.finished
    assert result.turns == 3 and len(result.tool_results) == 3
    assert result.output_text == ""
    assert result.items[-1]["type"] == "function_call_output"  # ready for a next turn


def test_a_failing_tool_is_reported_to_the_model_not_raised() -> None:
    def explode(city: str) -> str:
        """Always fails."""
        raise RuntimeError(f"no data for {city}")

    result = run(MODEL, "use explode for Lima", tools=[explode])
    assert result.finished
    (failure,) = result.tool_results
    assert failure.error is not None and isinstance(
        failure.error.__cause__, RuntimeError
    )
    assert "the tool raised RuntimeError: no data for Lima" in result.output_text


def test_structured_tool_arguments_and_results() -> None:
    @dataclasses.dataclass
    class Trip:
        origin: str
        nights: int

    def plan(trip: Trip) -> dict[str, Any]:
        """Plan a trip."""
        return {"origin": trip.origin, "nights": trip.nights, "ok": True}

    result = run(MODEL, "use plan for Kyoto", tools=[plan])
    (r,) = result.tool_results
    assert r.ok, r.output
    value = typing.cast(dict[str, object], r.value)
    assert (
        value["origin"] == "Kyoto"
        and isinstance(value["nights"], int)
        and value["ok"] is True
    )


def test_structured_final_answer() -> None:
    @dataclasses.dataclass
    class Summary:
        city: str
        sunny: bool

    result = run(MODEL, "Summarise", tools=[get_weather], response_format=Summary)
    assert result.turns == 1 and result.finished
    assert isinstance(result.output_parsed, Summary)
    assert result.output_parsed == OutputFormat(Summary).parse(result.output_text)
    assert result.response.to_dict()["text"]["format"]["name"] == "Summary"


def test_structured_final_answer_that_is_not_json_is_a_clear_error() -> None:
    @dataclasses.dataclass
    class Summary:
        city: str

    with pytest.raises(StructuredOutputError, match="not valid JSON") as info:
        run(
            MODEL,
            "use get_weather for Paris",
            tools=[get_weather],
            response_format=Summary,
        )
    assert info.value.raw_text.startswith("Tool results: get_weather returned")


@pytest.mark.parametrize(("max_turns", "options"), [(0, {}), (2, {"stream": True})])
def test_bad_options(max_turns: int, options: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="max_turns|does not stream"):
        run(MODEL, "hi", tools=[get_weather], max_turns=max_turns, **options)


async def test_async_loop_runs_the_calls_of_a_turn_concurrently() -> None:
    running = 0
    peak = 0

    async def slow_weather(city: str) -> str:
        """Slow weather lookup."""
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        await asyncio.sleep(0.05)
        running -= 1
        return f"Rain in {city}"

    async def slow_time(city: str) -> str:
        """Slow clock lookup."""
        return await slow_weather(city)

    result = await arun(
        MODEL,
        "use slow_weather and slow_time for Bergen",
        tools=[slow_weather, slow_time],
        tool_choice="required",
        max_turns=1,
    )
    assert len(result.tool_results) == 2
    assert peak == 2
    assert not result.finished


async def test_async_loop_final_answer() -> None:
    result = await arun(MODEL, "use get_weather for Paris", tools=[get_weather])
    assert result.finished and result.output_text.startswith(
        "Tool results: get_weather returned Sunny"
    )
