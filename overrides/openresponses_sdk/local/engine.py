"""The local provider's request handling, independent of HTTP.

:class:`Engine` validates a body, resolves the conversation (``previous_response_id`` from its
in-memory store, ``item_reference`` items, compaction items), runs the model and builds the
``ResponseResource`` plus the full streaming event lifecycle for it.
"""

from __future__ import annotations

import base64
import binascii
import copy
import json
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from ._json import Json, JsonObject
from .model import CallOutput, Generation, TextOutput, generate, item_text, tokenize
from .request import CreateRequest, RequestError, parse_compact, parse_create

_STORE_LIMIT = 1000
_COMPACTION_PREFIX = "local-compaction-v1."


@dataclass(frozen=True)
class Created:
    """The outcome of a create request: the final response and the events that stream it."""

    response: JsonObject
    events: list[JsonObject]
    stream: bool


def _new_id(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex}"


class Engine:
    """Thread-safe request handler holding the store of responses (for ``previous_response_id``)."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._conversations: OrderedDict[str, list[JsonObject]] = OrderedDict()
        self._items: dict[str, JsonObject] = {}

    def create(self, body: Json) -> Created:
        """Handle ``POST /responses``; raises :class:`RequestError` for invalid requests."""
        request = parse_create(body)
        conversation = self._history(request.previous_response_id) + self._normalize(
            request.input_items
        )
        generation = generate(conversation, request)
        created_at = int(self._clock())
        output = _output_items(generation)
        response_id = _new_id("resp")
        response = _resource(
            request, response_id, created_at, generation, output, int(self._clock())
        )
        if request.store:
            self._remember(response_id, conversation + output)
        return Created(response, _events(response, generation), request.stream)

    def compact(self, body: Json) -> JsonObject:
        """Handle ``POST /responses/compact``: user messages stay, everything else goes into one compaction item."""
        request = parse_compact(body)
        conversation = self._history(request.previous_response_id) + self._normalize(
            request.input_items
        )
        kept = [
            i
            for i in conversation
            if i.get("type") == "message" and i.get("role") == "user"
        ]
        folded = [i for i in conversation if i not in kept]
        encoded = (
            _COMPACTION_PREFIX
            + base64.urlsafe_b64encode(json.dumps(folded).encode()).decode()
        )
        compaction: JsonObject = {
            "id": _new_id("cmp"),
            "type": "compaction",
            "encrypted_content": encoded,
        }
        input_tokens = sum(len(tokenize(item_text(i))) for i in conversation)
        return {
            "id": _new_id("resp"),
            "object": "response.compaction",
            "output": _json_list([*kept, compaction]),
            "created_at": int(self._clock()),
            "usage": _usage(input_tokens, len(folded)),
        }

    def _history(self, previous_response_id: str | None) -> list[JsonObject]:
        if previous_response_id is None:
            return []
        with self._lock:
            stored = self._conversations.get(previous_response_id)
        if stored is None:
            raise RequestError(
                f"Previous response with id {previous_response_id!r} not found.",
                "previous_response_id",
                "previous_response_not_found",
            )
        return copy.deepcopy(stored)

    def _remember(self, response_id: str, conversation: list[JsonObject]) -> None:
        with self._lock:
            self._conversations[response_id] = copy.deepcopy(conversation)
            for item in conversation:
                if isinstance(item_id := item.get("id"), str):
                    self._items[item_id] = item
            while len(self._conversations) > _STORE_LIMIT:
                _, dropped = self._conversations.popitem(last=False)
                for item in dropped:
                    self._items.pop(str(item.get("id")), None)

    def _normalize(self, items: list[JsonObject]) -> list[JsonObject]:
        """Input items in their output (``ItemField``) form, with ids; references and compactions expanded."""
        result: list[JsonObject] = []
        for index, item in enumerate(items):
            kind = item["type"]
            if kind == "item_reference":
                with self._lock:
                    found = self._items.get(str(item["id"]))
                if found is None:
                    raise RequestError(
                        f"no stored item with id {item['id']!r}",
                        f"input[{index}].id",
                        "item_not_found",
                    )
                result.append(copy.deepcopy(found))
            elif kind == "compaction":
                result.extend(
                    _decode_compaction(
                        item.get("encrypted_content"),
                        f"input[{index}].encrypted_content",
                    )
                )
            elif kind == "message":
                result.append(_message_item(item))
            else:
                prefix = {
                    "function_call": "fc",
                    "function_call_output": "fco",
                    "reasoning": "rs",
                }[str(kind)]
                normalized: JsonObject = {
                    k: v for k, v in item.items() if v is not None
                }
                normalized.setdefault("id", _new_id(prefix))
                if kind != "reasoning":
                    normalized.setdefault("status", "completed")
                result.append(normalized)
        return result


def _decode_compaction(value: Json, param: str) -> list[JsonObject]:
    if not isinstance(value, str) or not value.startswith(_COMPACTION_PREFIX):
        raise RequestError("not a compaction produced by the local provider", param)
    try:
        decoded: Json = json.loads(
            base64.urlsafe_b64decode(value[len(_COMPACTION_PREFIX) :])
        )
    except (binascii.Error, ValueError) as exc:
        raise RequestError(f"corrupt compaction content ({exc})", param) from exc
    items: list[JsonObject] = (
        [i for i in decoded if isinstance(i, dict)] if isinstance(decoded, list) else []
    )
    if not isinstance(decoded, list) or len(items) != len(decoded):
        raise RequestError(
            "corrupt compaction content (expected a list of items)", param
        )
    return items


def _message_item(item: JsonObject) -> JsonObject:
    role = item["role"]
    content = item["content"]
    part_type = "output_text" if role == "assistant" else "input_text"
    parts: list[Json] = (
        [{"type": part_type, "text": content}]
        if isinstance(content, str)
        else list(content)
        if isinstance(content, list)
        else []
    )
    if role == "assistant":
        parts = [
            {**p, "annotations": p.get("annotations", [])}
            if isinstance(p, dict) and p.get("type") == "output_text"
            else p
            for p in parts
        ]
    message: JsonObject = {
        "type": "message",
        "id": item.get("id") or _new_id("msg"),
        "status": item.get("status") or "completed",
        "role": role,
        "content": parts,
    }
    if "phase" in item:
        message["phase"] = item["phase"]
    return message


def _output_items(generation: Generation) -> list[JsonObject]:
    items: list[JsonObject] = []
    for index, output in enumerate(generation.outputs):
        truncated = generation.incomplete and index == len(generation.outputs) - 1
        if isinstance(output, TextOutput):
            part: JsonObject = {
                "type": "output_text",
                "text": output.text,
                "annotations": [],
                "logprobs": [],
            }
            items.append(
                {
                    "id": _new_id("msg"),
                    "type": "message",
                    "status": "incomplete" if truncated else "completed",
                    "role": "assistant",
                    "content": [part],
                }
            )
        else:
            items.append(_call_item(output))
    return items


def _call_item(output: CallOutput) -> JsonObject:
    return {
        "id": _new_id("fc"),
        "type": "function_call",
        "status": "completed",
        "call_id": _new_id("call"),
        "name": output.name,
        "arguments": output.arguments,
    }


def _usage(input_tokens: int, output_tokens: int) -> JsonObject:
    return {
        "input_tokens": input_tokens,
        "output_tokens": output_tokens,
        "total_tokens": input_tokens + output_tokens,
        "input_tokens_details": {"cached_tokens": 0},
        "output_tokens_details": {"reasoning_tokens": 0},
    }


def _resource(
    request: CreateRequest,
    response_id: str,
    created_at: int,
    generation: Generation,
    output: list[JsonObject],
    done_at: int,
) -> JsonObject:
    raw = request.raw
    reasoning = raw.get("reasoning")
    effort, summary = (
        (reasoning.get("effort"), reasoning.get("summary"))
        if isinstance(reasoning, dict)
        else (None, None)
    )
    return {
        "id": response_id,
        "object": "response",
        "created_at": created_at,
        "completed_at": None if generation.incomplete else done_at,
        "status": "incomplete" if generation.incomplete else "completed",
        "incomplete_details": {"reason": "max_output_tokens"}
        if generation.incomplete
        else None,
        "model": request.model,
        "previous_response_id": request.previous_response_id,
        "instructions": request.instructions,
        "output": _json_list(output),
        "error": None,
        "tools": [
            {
                "type": "function",
                "name": t.name,
                "description": t.description,
                "parameters": t.parameters,
                "strict": t.strict,
            }
            for t in request.tools
        ],
        "tool_choice": _tool_choice_field(request.tool_choice),
        "truncation": raw.get("truncation") or "disabled",
        "parallel_tool_calls": request.parallel_tool_calls,
        "text": _text_field(request),
        "top_p": _float(raw.get("top_p"), 1.0),
        "presence_penalty": _float(raw.get("presence_penalty"), 0.0),
        "frequency_penalty": _float(raw.get("frequency_penalty"), 0.0),
        "top_logprobs": raw.get("top_logprobs") or 0,
        "temperature": _float(raw.get("temperature"), 1.0),
        "reasoning": {"effort": effort, "summary": summary},
        "usage": _usage(generation.input_tokens, generation.output_tokens),
        "max_output_tokens": request.max_output_tokens,
        "max_tool_calls": request.max_tool_calls,
        "store": request.store,
        "background": False,
        "service_tier": raw.get("service_tier") or "default",
        "metadata": raw.get("metadata") or {},
        "safety_identifier": raw.get("safety_identifier"),
        "prompt_cache_key": raw.get("prompt_cache_key"),
    }


def _json_list(items: list[JsonObject]) -> list[Json]:
    return list[Json](items)


def _float(value: Json, default: float) -> float:
    return (
        float(value)
        if isinstance(value, int | float) and not isinstance(value, bool)
        else default
    )


def _tool_choice_field(choice: Json) -> Json:
    if isinstance(choice, dict) and choice.get("type") == "allowed_tools":
        return {
            "type": "allowed_tools",
            "tools": choice.get("tools"),
            "mode": choice.get("mode", "auto"),
        }
    return choice


def _text_field(request: CreateRequest) -> JsonObject:
    fmt = request.text_format or {"type": "text"}
    if fmt.get("type") == "json_schema":
        # The spec's JsonSchemaResponseFormat types `schema` as null-only, so it is not echoed back.
        fmt = {
            "type": "json_schema",
            "name": fmt.get("name"),
            "description": fmt.get("description"),
            "schema": None,
            "strict": fmt.get("strict") is True,
        }
    text = request.raw.get("text")
    field: JsonObject = {
        "format": {"type": fmt.get("type")} if fmt.get("type") != "json_schema" else fmt
    }
    if isinstance(text, dict) and "verbosity" in text:
        field["verbosity"] = text["verbosity"]
    return field


def _events(response: JsonObject, generation: Generation) -> list[JsonObject]:
    """The streaming lifecycle that ends in ``response`` (sequence numbers from 0)."""
    events: list[JsonObject] = []

    def emit(event: JsonObject) -> None:
        events.append({**event, "sequence_number": len(events)})

    snapshot = {
        **response,
        "status": "in_progress",
        "output": [],
        "usage": None,
        "completed_at": None,
        "incomplete_details": None,
    }
    emit({"type": "response.created", "response": snapshot})
    emit({"type": "response.in_progress", "response": snapshot})
    items = response["output"]
    assert isinstance(items, list)
    for index, item in enumerate(items):
        assert isinstance(item, dict)
        item_id = item["id"]
        if item["type"] == "message":
            content = item["content"]
            assert isinstance(content, list) and isinstance(content[0], dict)
            part = content[0]
            text = str(part["text"])
            emit(
                {
                    "type": "response.output_item.added",
                    "output_index": index,
                    "item": {**item, "status": "in_progress", "content": []},
                }
            )
            emit(
                {
                    "type": "response.content_part.added",
                    "item_id": item_id,
                    "output_index": index,
                    "content_index": 0,
                    "part": {**part, "text": ""},
                }
            )
            for token in tokenize(text):
                emit(
                    {
                        "type": "response.output_text.delta",
                        "item_id": item_id,
                        "output_index": index,
                        "content_index": 0,
                        "delta": token,
                        "logprobs": [],
                    }
                )
            emit(
                {
                    "type": "response.output_text.done",
                    "item_id": item_id,
                    "output_index": index,
                    "content_index": 0,
                    "text": text,
                    "logprobs": [],
                }
            )
            emit(
                {
                    "type": "response.content_part.done",
                    "item_id": item_id,
                    "output_index": index,
                    "content_index": 0,
                    "part": part,
                }
            )
        else:
            arguments = str(item["arguments"])
            emit(
                {
                    "type": "response.output_item.added",
                    "output_index": index,
                    "item": {**item, "status": "in_progress", "arguments": ""},
                }
            )
            for token in tokenize(arguments):
                emit(
                    {
                        "type": "response.function_call_arguments.delta",
                        "item_id": item_id,
                        "output_index": index,
                        "delta": token,
                    }
                )
            emit(
                {
                    "type": "response.function_call_arguments.done",
                    "item_id": item_id,
                    "output_index": index,
                    "arguments": arguments,
                }
            )
        emit({"type": "response.output_item.done", "output_index": index, "item": item})
    terminal = "response.incomplete" if generation.incomplete else "response.completed"
    emit({"type": terminal, "response": response})
    return events
