"""Python callables as function tools: schemas, strict mode, and executing the model's tool calls."""

from __future__ import annotations

from .convert import (
    FunctionToolParam,
    StrictFallbackWarning,
    Tool,
    ToolLike,
    callable_to_tool,
    to_tool_choice,
    to_tool_params,
    tool,
)
from .registry import (
    FunctionCall,
    ToolCallResult,
    ToolRegistry,
    arun_tool_calls,
    function_calls,
    run_tool_calls,
)

__all__ = [
    "FunctionCall",
    "FunctionToolParam",
    "StrictFallbackWarning",
    "Tool",
    "ToolCallResult",
    "ToolLike",
    "ToolRegistry",
    "arun_tool_calls",
    "callable_to_tool",
    "function_calls",
    "run_tool_calls",
    "to_tool_choice",
    "to_tool_params",
    "tool",
]
