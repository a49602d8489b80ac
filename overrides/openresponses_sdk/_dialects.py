"""The one table of dialect facts: operations and their HTTP method + path, the response and compaction
classes, the stream-event parser and the default base URL (from the pinned specs' ``/responses*`` paths)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final, Generic, Literal, TypeVar

import attrs

from openresponses_sdk import openai_types as oatypes
from openresponses_sdk import types as ortypes

DialectName = Literal["openresponses", "openai"]
Operation = Literal["create", "retrieve", "cancel", "delete", "input_items", "input_tokens", "compact"]

ResponseT = TypeVar("ResponseT")
EventT = TypeVar("EventT")
CompactT = TypeVar("CompactT")


@attrs.frozen
class Dialect(Generic[ResponseT, EventT, CompactT]):
    """What differs between the OpenResponses and the OpenAI Responses API."""

    name: DialectName
    endpoints: Mapping[Operation, tuple[str, str]]
    """Every operation the dialect's spec defines: ``(HTTP method, path)``; ``{response_id}`` is filled in."""
    parse_response: Callable[[Mapping[str, Any]], ResponseT]
    parse_event: Callable[[Mapping[str, Any]], EventT]
    parse_compact: Callable[[Mapping[str, Any]], CompactT]
    default_base_url: str | None

    def endpoint(self, operation: Operation) -> tuple[str, str]:
        """``(method, path)`` of ``operation``; a clear error when the dialect has no such operation."""
        try:
            return self.endpoints[operation]
        except KeyError:
            raise NotImplementedError(f"the {self.name!r} dialect has no {operation!r} operation") from None


OPENRESPONSES: Final = Dialect(
    name="openresponses",
    endpoints={
        "create": ("POST", "/responses"),
        "compact": ("POST", "/responses/compact"),
    },
    parse_response=ortypes.ResponseResource.from_dict,
    parse_event=ortypes.parse_stream_event,
    parse_compact=ortypes.CompactResource.from_dict,
    default_base_url=None,
)

OPENAI: Final = Dialect(
    name="openai",
    endpoints={
        "create": ("POST", "/responses"),
        "retrieve": ("GET", "/responses/{response_id}"),
        "cancel": ("POST", "/responses/{response_id}/cancel"),
        "delete": ("DELETE", "/responses/{response_id}"),
        "input_items": ("GET", "/responses/{response_id}/input_items"),
        "input_tokens": ("POST", "/responses/input_tokens"),
        "compact": ("POST", "/responses/compact"),
    },
    parse_response=oatypes.Response.from_dict,
    parse_event=oatypes.parse_stream_event,
    parse_compact=oatypes.CompactResource.from_dict,
    default_base_url="https://api.openai.com/v1",
)
