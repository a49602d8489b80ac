"""The tool loop: call the model, run its function calls, feed the outputs back, until a final answer.

The conversation is carried as input items (the model's output items, then the ``function_call_output``
items), so it works with every provider, ``store`` or not.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from . import openai_types as oatypes
from . import types as ortypes
from .tools import ToolCallResult, ToolLike, ToolRegistry, function_calls

Response = ortypes.ResponseResource | oatypes.Response


@attrs.frozen
class RunResult:
    """Where :func:`run` stopped: the last response, the whole conversation and every tool call made."""

    response: Response
    items: list[dict[str, Any]]  # input items: what a next turn would send (JSON data)
    tool_results: list[ToolCallResult]
    turns: int
    finished: bool  # False: max_turns reached while the model still asked for tools

    @property
    def output_text(self) -> str:
        """The final answer's text ("" when the run stopped on tool calls)."""
        return self.response.output_text


def run(
    model: str,
    input_data: str | Sequence[Mapping[str, object]],
    *,
    tools: Sequence[ToolLike],
    max_turns: int = 10,
    **options: Any,
) -> RunResult:
    """Call ``model`` until it answers without function calls (or ``max_turns`` model calls were made),
    executing its calls with the callables among ``tools``. ``options`` are passed to every
    :func:`~openresponses_sdk.api.responses` call (``provider``, ``tool_choice``, ``instructions``...)."""
    from .api import responses

    loop = _Loop(input_data, tools, max_turns, options)
    while True:
        response = typing.cast(
            Response, responses(model, loop.items, tools=tools, **options)
        )
        results = loop.registry.run(response) if function_calls(response) else None
        done = loop.step(response, results)
        if done is not None:
            return done


async def arun(
    model: str,
    input_data: str | Sequence[Mapping[str, object]],
    *,
    tools: Sequence[ToolLike],
    max_turns: int = 10,
    **options: Any,
) -> RunResult:
    """Async :func:`run`: async tools of one turn run concurrently."""
    from .api import aresponses

    loop = _Loop(input_data, tools, max_turns, options)
    while True:
        response = typing.cast(
            Response, await aresponses(model, loop.items, tools=tools, **options)
        )
        results = (
            await loop.registry.arun(response) if function_calls(response) else None
        )
        done = loop.step(response, results)
        if done is not None:
            return done


class _Loop:
    """The state shared by the sync and async loops."""

    def __init__(
        self,
        input_data: str | Sequence[Mapping[str, object]],
        tools: Sequence[ToolLike],
        max_turns: int,
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
        self.items: list[dict[str, Any]] = _input_items(input_data)
        self.results: list[ToolCallResult] = []
        self.turns = 0

    def step(
        self, response: Response, results: list[ToolCallResult] | None
    ) -> RunResult | None:
        """Record one model call (and its tool results); the final result when the loop must stop."""
        self.turns += 1
        self.items.extend(
            typing.cast(list[dict[str, Any]], response.to_dict().get("output", []))
        )
        if results is None:
            return self._result(response, finished=True)
        self.results.extend(results)
        self.items.extend(dict(r.item) for r in results)
        if self.turns >= self.max_turns:
            return self._result(response, finished=False)
        return None

    def _result(self, response: Response, *, finished: bool) -> RunResult:
        return RunResult(
            response, list(self.items), list(self.results), self.turns, finished
        )


def _input_items(data: str | Sequence[Mapping[str, object]]) -> list[dict[str, Any]]:
    if isinstance(data, str):
        return [{"type": "message", "role": "user", "content": data}]
    items: list[dict[str, Any]] = []
    for item in data:
        to_dict: object = getattr(item, "to_dict", None)
        items.append(
            typing.cast(dict[str, Any], to_dict()) if callable(to_dict) else dict(item)
        )
    return items
