"""The tool loop: call the model, run its function calls, feed the outputs back, until a final answer.

The conversation is carried as input items (the model's output items, then the ``function_call_output``
items), so it works with every provider, ``store`` or not.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeAlias, TypeVar, overload

import attrs

from .structured import OutputFormat
from .tools import ToolCallResult, ToolLike, ToolRegistry, function_calls

if (
    TYPE_CHECKING
):  # the generated modules load with the first model call, not with this module
    from . import openai_types as oatypes
    from . import types as ortypes

T = TypeVar("T")
Response: TypeAlias = "ortypes.ResponseResource | oatypes.Response"
InputData = str | Sequence[Mapping[str, object]]


@attrs.frozen
class RunResult(Generic[T]):
    """Where :func:`run` stopped: the last response, the whole conversation and every tool call made."""

    response: Response
    items: list[dict[str, Any]]  # input items: what a next turn would send (JSON data)
    tool_results: list[ToolCallResult]
    turns: int
    finished: bool  # False: max_turns reached while the model still asked for tools
    output_parsed: T | None = (
        None  # the final answer read with response_format (None without one)
    )

    @property
    def output_text(self) -> str:
        """The final answer's text ("" when the run stopped on tool calls)."""
        return self.response.output_text


@overload
def run(
    model: str,
    input_data: InputData,
    *,
    tools: Sequence[ToolLike],
    max_turns: int = 10,
    response_format: type[T],
    **options: Any,
) -> RunResult[T]: ...
@overload
def run(
    model: str,
    input_data: InputData,
    *,
    tools: Sequence[ToolLike],
    max_turns: int = 10,
    response_format: Mapping[str, object] | None = None,
    **options: Any,
) -> RunResult[object]: ...
def run(
    model: str,
    input_data: InputData,
    *,
    tools: Sequence[ToolLike],
    max_turns: int = 10,
    response_format: type[T] | Mapping[str, object] | None = None,
    **options: Any,
) -> RunResult[T] | RunResult[object]:
    """Call ``model`` until it answers without function calls (or ``max_turns`` model calls were made),
    executing its calls with the callables among ``tools``. With ``response_format`` (a class or a
    ``text.format`` dict) the final answer is parsed into ``output_parsed``. ``options`` are passed to
    every :func:`~openresponses_sdk.api.responses` call (``provider``, ``tool_choice``, ``instructions``...)."""
    from .api import responses

    loop = _Loop(input_data, tools, max_turns, response_format, options)
    while True:
        response = typing.cast(
            "Response", responses(model, loop.items, tools=tools, **loop.options)
        )
        results = loop.registry.run(response) if function_calls(response) else None
        done = loop.step(response, results)
        if done is not None:
            return done


@overload
async def arun(
    model: str,
    input_data: InputData,
    *,
    tools: Sequence[ToolLike],
    max_turns: int = 10,
    response_format: type[T],
    **options: Any,
) -> RunResult[T]: ...
@overload
async def arun(
    model: str,
    input_data: InputData,
    *,
    tools: Sequence[ToolLike],
    max_turns: int = 10,
    response_format: Mapping[str, object] | None = None,
    **options: Any,
) -> RunResult[object]: ...
async def arun(
    model: str,
    input_data: InputData,
    *,
    tools: Sequence[ToolLike],
    max_turns: int = 10,
    response_format: type[T] | Mapping[str, object] | None = None,
    **options: Any,
) -> RunResult[T] | RunResult[object]:
    """Async :func:`run`: async tools of one turn run concurrently."""
    from .api import aresponses

    loop = _Loop(input_data, tools, max_turns, response_format, options)
    while True:
        response = typing.cast(
            "Response", await aresponses(model, loop.items, tools=tools, **loop.options)
        )
        results = (
            await loop.registry.arun(response) if function_calls(response) else None
        )
        done = loop.step(response, results)
        if done is not None:
            return done


class _Loop(Generic[T]):
    """The state shared by the sync and async loops."""

    def __init__(
        self,
        input_data: InputData,
        tools: Sequence[ToolLike],
        max_turns: int,
        response_format: type[T] | Mapping[str, object] | None,
        options: Mapping[str, Any],
    ) -> None:
        if max_turns < 1:
            raise ValueError(f"max_turns must be at least 1, got {max_turns}")
        if options.get("stream"):
            raise ValueError(
                "run() does not stream; call responses(..., stream=True) for one turn instead"
            )
        self.registry = ToolRegistry(tools)
        self.max_turns = max_turns
        self.format: OutputFormat[T] | None = None
        self.options = dict(options)
        if response_format is not None:  # parsed once, from the final answer only
            self.format = OutputFormat(response_format)
            text = dict(typing.cast(Mapping[str, object], options.get("text") or {}))
            if "format" in text:
                raise ValueError(
                    "pass the output format either as response_format= or as text={'format': ...}"
                )
            self.options["text"] = {**text, "format": self.format.text_format}
        self.items: list[dict[str, Any]] = _input_items(input_data)
        self.results: list[ToolCallResult] = []
        self.turns = 0

    def step(
        self, response: Response, results: list[ToolCallResult] | None
    ) -> RunResult[T] | None:
        """Record one model call (and its tool results); the final result when the loop must stop."""
        self.turns += 1
        self.items.extend(
            typing.cast(list[dict[str, Any]], response.to_dict().get("output", []))
        )
        if results is None:
            parsed = (
                self.format.parse_response(response)
                if self.format is not None
                else None
            )
            return RunResult(
                response, list(self.items), list(self.results), self.turns, True, parsed
            )
        self.results.extend(results)
        self.items.extend(dict(r.item) for r in results)
        if self.turns >= self.max_turns:
            return RunResult(
                response, list(self.items), list(self.results), self.turns, False
            )
        return None


def _input_items(data: InputData) -> list[dict[str, Any]]:
    if isinstance(data, str):
        return [{"type": "message", "role": "user", "content": data}]
    items: list[dict[str, Any]] = []
    for item in data:
        to_dict: object = getattr(item, "to_dict", None)
        items.append(
            typing.cast(dict[str, Any], to_dict()) if callable(to_dict) else dict(item)
        )
    return items
