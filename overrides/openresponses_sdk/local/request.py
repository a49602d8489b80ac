"""Validation of request bodies sent to the local provider (OpenResponses ``CreateResponseBody``).

Every problem raises :class:`RequestError` naming the offending parameter with its JSON path
(``tools[0].name``, ``input[2].call_id``), which the HTTP layer turns into the spec's error body.
Unknown top-level fields are accepted and ignored, like other OpenResponses servers do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._json import Json, JsonObject

_NAME = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")
_TOOL_CHOICE_VALUES = ("none", "auto", "required")
_INCLUDE_VALUES = ("reasoning.encrypted_content", "message.output_text.logprobs")
_ROLE_PARTS: dict[str, tuple[str, ...]] = {
    "user": ("input_text", "input_image", "input_file", "input_video"),
    "system": ("input_text",),
    "developer": ("input_text",),
    "assistant": ("output_text", "refusal"),
}
_OUTPUT_PARTS = ("input_text", "input_image", "input_file", "input_video")
_ITEM_TYPES = (
    "message",
    "function_call",
    "function_call_output",
    "reasoning",
    "compaction",
    "item_reference",
)


class RequestError(ValueError):
    """An invalid request; ``param`` is the JSON path of the offending value (or ``None``)."""

    def __init__(
        self,
        message: str,
        param: str | None,
        code: str = "invalid_value",
        status: int = 400,
    ) -> None:
        self.message = message
        self.param = param
        self.code = code
        self.status = status
        super().__init__(f"{param}: {message}" if param else message)

    def body(self) -> JsonObject:
        """The error body (``ErrorPayload`` under ``error``) sent to the client."""
        kind = "invalid_request_error" if self.status < 500 else "server_error"
        return {
            "error": {
                "type": kind,
                "code": self.code,
                "message": self.message,
                "param": self.param,
            }
        }


@dataclass(frozen=True)
class FunctionToolSpec:
    """A function tool offered to the model."""

    name: str
    description: str | None
    parameters: JsonObject | None
    strict: bool


@dataclass(frozen=True)
class CreateRequest:
    """A validated ``POST /responses`` body."""

    raw: JsonObject
    model: str
    input_items: list[JsonObject]
    tools: list[FunctionToolSpec]
    tool_choice: Json
    instructions: str | None
    previous_response_id: str | None
    max_output_tokens: int | None
    max_tool_calls: int | None
    parallel_tool_calls: bool
    text_format: JsonObject | None
    store: bool
    stream: bool


@dataclass(frozen=True)
class CompactRequest:
    """A validated ``POST /responses/compact`` body."""

    model: str
    input_items: list[JsonObject]
    previous_response_id: str | None
    instructions: str | None


def parse_create(body: Json) -> CreateRequest:
    """Validate a create body; raises :class:`RequestError`."""
    obj = _root(body)
    for key, low, high in (
        ("temperature", 0, 2),
        ("top_p", 0, 1),
        ("presence_penalty", -2, 2),
        ("frequency_penalty", -2, 2),
    ):
        _number(obj, key, low, high)
    _integer(obj, "top_logprobs", 0, 20)
    for key in ("truncation", "service_tier"):
        allowed = (
            ("auto", "disabled")
            if key == "truncation"
            else ("auto", "default", "flex", "priority")
        )
        _enum(obj, key, allowed)
    for key in ("safety_identifier", "prompt_cache_key"):
        _string(obj, key, max_length=64)
    _metadata(obj)
    _object(obj, "reasoning")
    if obj.get("background") is True:
        raise RequestError(
            "background mode is not supported by the local provider",
            "background",
            "unsupported_value",
        )
    _boolean(obj, "background")
    _include(obj)
    tools = _tools(obj)
    return CreateRequest(
        raw=obj,
        model=_model(obj),
        input_items=_input(obj),
        tools=tools,
        tool_choice=_tool_choice(obj, tools),
        instructions=_string(obj, "instructions"),
        previous_response_id=_string(obj, "previous_response_id"),
        max_output_tokens=_integer(obj, "max_output_tokens", 16, None),
        max_tool_calls=_integer(obj, "max_tool_calls", 1, None),
        parallel_tool_calls=_boolean(obj, "parallel_tool_calls") is not False,
        text_format=_text_format(obj),
        store=_boolean(obj, "store") is not False,
        stream=_boolean(obj, "stream") is True,
    )


def parse_compact(body: Json) -> CompactRequest:
    """Validate a compact body; raises :class:`RequestError`."""
    obj = _root(body)
    _string(obj, "prompt_cache_key", max_length=64)
    return CompactRequest(
        model=_model(obj),
        input_items=_input(obj),
        previous_response_id=_string(obj, "previous_response_id"),
        instructions=_string(obj, "instructions"),
    )


def _root(body: Json) -> JsonObject:
    if not isinstance(body, dict):
        raise RequestError(
            "the request body must be a JSON object", None, "invalid_json"
        )
    return body


def _model(obj: JsonObject) -> str:
    model = _string(obj, "model")
    if not model:
        raise RequestError("model is required", "model", "missing_required_parameter")
    return model


def _kind(value: Json) -> str:
    return "null" if value is None else type(value).__name__


def _string(
    obj: JsonObject, key: str, path: str | None = None, *, max_length: int | None = None
) -> str | None:
    value = obj.get(key)
    where = path or key
    if value is None:
        return None
    if not isinstance(value, str):
        raise RequestError(
            f"expected a string, got {_kind(value)}", where, "invalid_type"
        )
    if max_length is not None and len(value) > max_length:
        raise RequestError(
            f"must be at most {max_length} characters", where, "string_above_max_length"
        )
    return value


def _required_string(obj: JsonObject, key: str, path: str) -> str:
    value = _string(obj, key, f"{path}.{key}")
    if value is None:
        raise RequestError(
            f"{key} is required", f"{path}.{key}", "missing_required_parameter"
        )
    return value


def _boolean(obj: JsonObject, key: str) -> bool | None:
    value = obj.get(key)
    if value is not None and not isinstance(value, bool):
        raise RequestError(
            f"expected a boolean, got {_kind(value)}", key, "invalid_type"
        )
    return value


def _number(obj: JsonObject, key: str, low: float, high: float) -> None:
    value = obj.get(key)
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RequestError(
            f"expected a number, got {_kind(value)}", key, "invalid_type"
        )
    if not low <= value <= high:
        raise RequestError(f"must be between {low} and {high}, got {value}", key)


def _integer(obj: JsonObject, key: str, low: int, high: int | None) -> int | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise RequestError(
            f"expected an integer, got {_kind(value)}", key, "invalid_type"
        )
    if value < low or (high is not None and value > high):
        bound = f"at least {low}" if high is None else f"between {low} and {high}"
        raise RequestError(f"must be {bound}, got {value}", key)
    return value


def _enum(obj: JsonObject, key: str, allowed: tuple[str, ...]) -> None:
    value = obj.get(key)
    if value is not None and value not in allowed:
        raise RequestError(f"must be one of {', '.join(allowed)}; got {value!r}", key)


def _object(obj: JsonObject, key: str) -> JsonObject | None:
    value = obj.get(key)
    if value is not None and not isinstance(value, dict):
        raise RequestError(
            f"expected an object, got {_kind(value)}", key, "invalid_type"
        )
    return value


def _metadata(obj: JsonObject) -> None:
    meta = _object(obj, "metadata")
    if meta is None:
        return
    if len(meta) > 16:
        raise RequestError("at most 16 key-value pairs are allowed", "metadata")
    for key, value in meta.items():
        if len(key) > 64 or not isinstance(value, str) or len(value) > 512:
            raise RequestError(
                "keys must be strings of at most 64 characters, values strings of at most 512",
                f"metadata.{key}",
            )


def _include(obj: JsonObject) -> None:
    value = obj.get("include")
    if value is None:
        return
    if not isinstance(value, list):
        raise RequestError(
            f"expected an array, got {_kind(value)}", "include", "invalid_type"
        )
    for index, entry in enumerate(value):
        if entry not in _INCLUDE_VALUES:
            raise RequestError(
                f"must be one of {', '.join(_INCLUDE_VALUES)}; got {entry!r}",
                f"include[{index}]",
            )


def _input(obj: JsonObject) -> list[JsonObject]:
    value = obj.get("input")
    if value is None:
        return []
    if isinstance(value, str):
        return [{"type": "message", "role": "user", "content": value}]
    if not isinstance(value, list):
        raise RequestError(
            f"expected a string or an array of items, got {_kind(value)}",
            "input",
            "invalid_type",
        )
    return [_item(entry, f"input[{index}]") for index, entry in enumerate(value)]


def _item(entry: Json, path: str) -> JsonObject:
    if not isinstance(entry, dict):
        raise RequestError(
            f"expected an item object, got {_kind(entry)}", path, "invalid_type"
        )
    kind = entry.get("type")
    if kind is None:
        kind = (
            "message"
            if "role" in entry
            else "item_reference"
            if "id" in entry
            else None
        )
    if kind is None:
        raise RequestError(
            "item has no type", f"{path}.type", "missing_required_parameter"
        )
    if kind not in _ITEM_TYPES:
        raise RequestError(
            f"unsupported item type {kind!r}; expected one of {', '.join(_ITEM_TYPES)}",
            f"{path}.type",
        )
    item = {**entry, "type": kind}
    if kind == "message":
        _message(item, path)
    elif kind == "function_call":
        for key in ("call_id", "name", "arguments"):
            _required_string(item, key, path)
        name = item["name"]
        if isinstance(name, str) and not _NAME.match(name):
            raise RequestError("must match ^[a-zA-Z0-9_-]{1,64}$", f"{path}.name")
    elif kind == "function_call_output":
        _required_string(item, "call_id", path)
        output = item.get("output")
        if isinstance(output, list):
            _parts(output, _OUTPUT_PARTS, f"{path}.output")
        elif not isinstance(output, str):
            raise RequestError(
                f"expected a string or an array of content parts, got {_kind(output)}",
                f"{path}.output",
                "invalid_type",
            )
    elif kind == "compaction":
        _required_string(item, "encrypted_content", path)
    elif kind == "item_reference":
        _required_string(item, "id", path)
    elif not isinstance(item.get("summary"), list):
        raise RequestError(
            "summary must be an array", f"{path}.summary", "invalid_type"
        )
    return item


def _message(item: JsonObject, path: str) -> None:
    role = item.get("role")
    if not isinstance(role, str) or role not in _ROLE_PARTS:
        raise RequestError(
            f"role must be one of {', '.join(_ROLE_PARTS)}; got {role!r}",
            f"{path}.role",
        )
    content = item.get("content")
    if isinstance(content, list):
        _parts(content, _ROLE_PARTS[role], f"{path}.content")
    elif not isinstance(content, str):
        raise RequestError(
            f"expected a string or an array of content parts, got {_kind(content)}",
            f"{path}.content",
            "invalid_type",
        )


def _parts(parts: list[Json], allowed: tuple[str, ...], path: str) -> None:
    for index, part in enumerate(parts):
        where = f"{path}[{index}]"
        if not isinstance(part, dict):
            raise RequestError(
                f"expected a content part object, got {_kind(part)}",
                where,
                "invalid_type",
            )
        kind = part.get("type")
        if kind not in allowed:
            raise RequestError(
                f"content part type must be one of {', '.join(allowed)}; got {kind!r}",
                f"{where}.type",
            )
        if kind in ("input_text", "output_text"):
            _required_string(part, "text", where)
        elif kind == "refusal":
            _required_string(part, "refusal", where)


def _tools(obj: JsonObject) -> list[FunctionToolSpec]:
    value = obj.get("tools")
    if value is None:
        return []
    if not isinstance(value, list):
        raise RequestError(
            f"expected an array, got {_kind(value)}", "tools", "invalid_type"
        )
    tools: list[FunctionToolSpec] = []
    for index, entry in enumerate(value):
        path = f"tools[{index}]"
        if not isinstance(entry, dict):
            raise RequestError(
                f"expected a tool object, got {_kind(entry)}", path, "invalid_type"
            )
        if entry.get("type") != "function":
            raise RequestError(
                f"unsupported tool type {entry.get('type')!r}; the local provider supports 'function'",
                f"{path}.type",
            )
        name = _required_string(entry, "name", path)
        if not _NAME.match(name):
            raise RequestError("must match ^[a-zA-Z0-9_-]{1,64}$", f"{path}.name")
        if any(t.name == name for t in tools):
            raise RequestError(f"duplicate tool name {name!r}", f"{path}.name")
        params = entry.get("parameters")
        if params is not None and not isinstance(params, dict):
            raise RequestError(
                f"expected a JSON schema object, got {_kind(params)}",
                f"{path}.parameters",
                "invalid_type",
            )
        strict = entry.get("strict")
        if strict is not None and not isinstance(strict, bool):
            raise RequestError(
                f"expected a boolean, got {_kind(strict)}",
                f"{path}.strict",
                "invalid_type",
            )
        tools.append(
            FunctionToolSpec(
                name,
                _string(entry, "description", f"{path}.description"),
                params,
                strict is not False,
            )
        )
    return tools


def _tool_choice(obj: JsonObject, tools: list[FunctionToolSpec]) -> Json:
    choice = obj.get("tool_choice")
    if choice is None:
        return "auto"
    names = {t.name for t in tools}
    if isinstance(choice, str):
        if choice not in _TOOL_CHOICE_VALUES:
            raise RequestError(
                f"must be one of {', '.join(_TOOL_CHOICE_VALUES)} or an object; got {choice!r}",
                "tool_choice",
            )
        if choice == "required" and not tools:
            raise RequestError(
                "tool_choice 'required' needs at least one tool", "tool_choice"
            )
        return choice
    if not isinstance(choice, dict):
        raise RequestError(
            f"expected a string or an object, got {_kind(choice)}",
            "tool_choice",
            "invalid_type",
        )
    kind = choice.get("type")
    if kind == "function":
        _tool_name(choice, names, "tool_choice")
    elif kind == "allowed_tools":
        listed = choice.get("tools")
        if not isinstance(listed, list) or not listed:
            raise RequestError(
                "expected a non-empty array of tools", "tool_choice.tools"
            )
        for index, entry in enumerate(listed):
            if not isinstance(entry, dict) or entry.get("type") != "function":
                raise RequestError(
                    "expected {'type': 'function', 'name': ...}",
                    f"tool_choice.tools[{index}]",
                )
            _tool_name(entry, names, f"tool_choice.tools[{index}]")
        mode = choice.get("mode", "auto")
        if mode not in _TOOL_CHOICE_VALUES:
            raise RequestError(
                f"must be one of {', '.join(_TOOL_CHOICE_VALUES)}; got {mode!r}",
                "tool_choice.mode",
            )
    else:
        raise RequestError(
            f"unsupported tool_choice type {kind!r}; expected 'function' or 'allowed_tools'",
            "tool_choice.type",
        )
    return choice


def _tool_name(choice: JsonObject, names: set[str], path: str) -> None:
    name = _required_string(choice, "name", path)
    if name not in names:
        raise RequestError(
            f"no tool named {name!r} was offered in tools", f"{path}.name"
        )


def _text_format(obj: JsonObject) -> JsonObject | None:
    text = _object(obj, "text")
    if text is None:
        return None
    _enum(text, "verbosity", ("low", "medium", "high"))
    fmt = text.get("format")
    if fmt is None:
        return None
    if not isinstance(fmt, dict):
        raise RequestError(
            f"expected an object, got {_kind(fmt)}", "text.format", "invalid_type"
        )
    kind = fmt.get("type")
    if kind == "json_schema":
        name = _required_string(fmt, "name", "text.format")
        if not _NAME.match(name):
            raise RequestError("must match ^[a-zA-Z0-9_-]{1,64}$", "text.format.name")
        if not isinstance(fmt.get("schema"), dict):
            raise RequestError(
                "expected a JSON schema object", "text.format.schema", "invalid_type"
            )
        _string(fmt, "description", "text.format.description")
    elif kind not in ("text", "json_object"):
        raise RequestError(
            f"must be one of text, json_schema, json_object; got {kind!r}",
            "text.format.type",
        )
    return fmt
