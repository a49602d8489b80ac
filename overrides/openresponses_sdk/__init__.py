"""openresponses-sdk: a code-generated, strongly typed client for the OpenResponses and OpenAI Responses APIs.

Everything but the error classes loads on first use (``openresponses_sdk.openai_types`` alone holds
hundreds of classes), so ``import openresponses_sdk`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from openresponses_sdk._unset import UNSET, Unset
from openresponses_sdk.errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    MissingApiKeyError,
    NotFoundError,
    OpenResponsesError,
    PermissionDeniedError,
    RateLimitError,
    ResponseStreamError,
    StructuredOutputError,
    ToolCallError,
    ToolDefinitionError,
    UnprocessableEntityError,
    UnsupportedProviderError,
    ValidationError,
)

if TYPE_CHECKING:
    from openresponses_sdk import conformance as conformance
    from openresponses_sdk import openai_types as openai_types
    from openresponses_sdk import types as types
    from openresponses_sdk._auth import AzureAuth as AzureAuth
    from openresponses_sdk._auth import BearerAuth as BearerAuth
    from openresponses_sdk.api import aresponses as aresponses
    from openresponses_sdk.api import responses as responses
    from openresponses_sdk.client import AsyncClient as AsyncClient
    from openresponses_sdk.client import Client as Client
    from openresponses_sdk.local import LocalServer as LocalServer
    from openresponses_sdk.providers import PROVIDERS as PROVIDERS
    from openresponses_sdk.runner import RunResult as RunResult
    from openresponses_sdk.runner import arun as arun
    from openresponses_sdk.runner import run as run
    from openresponses_sdk.streaming import AsyncParsedResponseStream as AsyncParsedResponseStream
    from openresponses_sdk.streaming import AsyncResponseStream as AsyncResponseStream
    from openresponses_sdk.streaming import ParsedResponseStream as ParsedResponseStream
    from openresponses_sdk.streaming import ResponseStream as ResponseStream
    from openresponses_sdk.structured import OutputFormat as OutputFormat
    from openresponses_sdk.structured import ParsedResponse as ParsedResponse
    from openresponses_sdk.structured import output_format as output_format
    from openresponses_sdk.structured import parse_response as parse_response
    from openresponses_sdk.tools import StrictFallbackWarning as StrictFallbackWarning
    from openresponses_sdk.tools import ToolCallResult as ToolCallResult
    from openresponses_sdk.tools import ToolRegistry as ToolRegistry
    from openresponses_sdk.tools import arun_tool_calls as arun_tool_calls
    from openresponses_sdk.tools import callable_to_tool as callable_to_tool
    from openresponses_sdk.tools import run_tool_calls as run_tool_calls
    from openresponses_sdk.tools import tool as tool

# public name -> module that defines it (the one place for the lazy exports)
_LAZY: dict[str, str] = {
    "types": "openresponses_sdk.types",
    "openai_types": "openresponses_sdk.openai_types",
    "conformance": "openresponses_sdk.conformance",
    "Client": "openresponses_sdk.client",
    "BearerAuth": "openresponses_sdk._auth",
    "AzureAuth": "openresponses_sdk._auth",
    "PROVIDERS": "openresponses_sdk.providers",
    "LocalServer": "openresponses_sdk.local",
    "AsyncClient": "openresponses_sdk.client",
    "ResponseStream": "openresponses_sdk.streaming",
    "AsyncResponseStream": "openresponses_sdk.streaming",
    "ParsedResponseStream": "openresponses_sdk.streaming",
    "AsyncParsedResponseStream": "openresponses_sdk.streaming",
    "responses": "openresponses_sdk.api",
    "aresponses": "openresponses_sdk.api",
    "callable_to_tool": "openresponses_sdk.tools",
    "tool": "openresponses_sdk.tools",
    "ToolRegistry": "openresponses_sdk.tools",
    "ToolCallResult": "openresponses_sdk.tools",
    "run_tool_calls": "openresponses_sdk.tools",
    "arun_tool_calls": "openresponses_sdk.tools",
    "StrictFallbackWarning": "openresponses_sdk.tools",
    "OutputFormat": "openresponses_sdk.structured",
    "ParsedResponse": "openresponses_sdk.structured",
    "output_format": "openresponses_sdk.structured",
    "parse_response": "openresponses_sdk.structured",
    "run": "openresponses_sdk.runner",
    "arun": "openresponses_sdk.runner",
    "RunResult": "openresponses_sdk.runner",
}

__all__ = [
    "PROVIDERS", "APIConnectionError", "APIError", "AzureAuth", "BearerAuth", "LocalServer", "APIStatusError", "APITimeoutError", "AsyncClient", "AsyncParsedResponseStream", "AsyncResponseStream",
    "AuthenticationError", "BadRequestError", "Client", "ConflictError", "InternalServerError", "MissingApiKeyError",
    "NotFoundError", "OpenResponsesError", "OutputFormat", "ParsedResponse", "ParsedResponseStream", "PermissionDeniedError",
    "RateLimitError", "ResponseStream", "ResponseStreamError", "RunResult", "StrictFallbackWarning",
    "StructuredOutputError", "ToolCallError", "ToolCallResult", "ToolDefinitionError", "ToolRegistry", "UNSET",
    "UnprocessableEntityError", "Unset", "UnsupportedProviderError", "ValidationError", "aresponses", "arun",
    "arun_tool_calls", "callable_to_tool", "conformance", "openai_types", "output_format", "parse_response",
    "responses", "run", "run_tool_calls", "tool", "types",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'openresponses_sdk' has no attribute {name!r}")
    mod = importlib.import_module(module)
    value = mod if module.endswith("." + name) else getattr(mod, name)
    globals()[name] = value
    return value
