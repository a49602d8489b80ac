"""The local provider's deterministic model (``echo-1``): pure functions, no I/O.

Behaviour, in order:

1. If the conversation ends with ``function_call_output`` items and no tool call is forced, it
   answers ``"Tool results: get_weather returned Sunny."`` using every output after the last user
   message (the tool name comes from the matching ``function_call``).
2. If tools are offered and ``tool_choice`` asks for a call (a specific function, ``required``, or
   ``auto`` when the last user message names a tool, e.g. ``"use get_weather for Paris"``), it emits
   ``function_call`` items whose arguments are generated from each tool's JSON schema; strings are
   seeded with the text after the tool's name (``"Paris"``). ``parallel_tool_calls=False`` and
   ``max_tool_calls`` limit how many.
3. With a ``json_schema`` text format it answers JSON valid for the schema; with ``json_object``
   it answers ``{"echo": <user text>}``.
4. Otherwise it echoes: ``"You said: <last user text>"`` plus ``" Earlier you said: <text>."`` when
   the conversation has an earlier user message. Instructions (and system/developer messages)
   containing ``uppercase``, ``lowercase`` or ``reverse`` transform the answer accordingly.

Tokens are whitespace-delimited words (their trailing whitespace included); ``max_output_tokens``
cuts the text there and marks the generation incomplete.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ._json import Json, JsonObject
from .request import CreateRequest, FunctionToolSpec, RequestError
from .schema_values import SchemaValueError, example_for_schema

MODEL_NAME = "echo-1"
_TOKEN = re.compile(r"\S+\s*|\s+")
_FILLER = {
    "for",
    "in",
    "with",
    "on",
    "about",
    "of",
    "to",
    "at",
    "the",
    "a",
    "an",
    "tool",
    "function",
    ":",
    "-",
}


@dataclass(frozen=True)
class TextOutput:
    """An assistant message with one ``output_text`` part."""

    text: str


@dataclass(frozen=True)
class CallOutput:
    """A ``function_call`` of ``name`` with JSON ``arguments``."""

    name: str
    arguments: str


Output = TextOutput | CallOutput


@dataclass(frozen=True)
class Generation:
    """What the model produced for one request."""

    outputs: list[Output]
    incomplete: bool
    input_tokens: int
    output_tokens: int


def tokenize(text: str) -> list[str]:
    """Split ``text`` into tokens whose concatenation is ``text``."""
    return _TOKEN.findall(text)


def item_text(item: JsonObject) -> str:
    """The plain text of a message or tool-output item (non-text parts become ``[type]``)."""
    content = (
        item.get("content") if item.get("type") == "message" else item.get("output")
    )
    if isinstance(content, str):
        return content
    if not isinstance(content, list):
        return ""
    pieces: list[str] = []
    for part in content:
        if isinstance(part, dict):
            text = part.get("text", part.get("refusal"))
            pieces.append(text if isinstance(text, str) else f"[{part.get('type')}]")
    return "".join(pieces)


def generate(conversation: Sequence[JsonObject], request: CreateRequest) -> Generation:
    """Run the model over the whole ``conversation`` (history then this request's input)."""
    user_texts = [
        item_text(i)
        for i in conversation
        if i.get("type") == "message" and i.get("role") == "user"
    ]
    last_user = user_texts[-1] if user_texts else ""
    directives = " ".join(
        [request.instructions or ""]
        + [
            item_text(i)
            for i in conversation
            if i.get("type") == "message" and i.get("role") in ("system", "developer")
        ]
    ).lower()
    pending = _pending_tool_outputs(conversation)
    calls = _calls(request, last_user, answering_tools=bool(pending))
    outputs: list[Output]
    if calls:
        outputs = list(calls)
    elif pending:
        outputs = [
            TextOutput(_transform("Tool results: " + " ".join(pending), directives))
        ]
    else:
        outputs = [TextOutput(_answer(request, user_texts, directives))]
    return _budget(
        outputs, request.max_output_tokens, _input_tokens(conversation, request)
    )


def _input_tokens(conversation: Sequence[JsonObject], request: CreateRequest) -> int:
    texts = [item_text(i) for i in conversation] + [request.instructions or ""]
    texts += [
        str(i.get("arguments", ""))
        for i in conversation
        if i.get("type") == "function_call"
    ]
    return sum(len(tokenize(t)) for t in texts)


def _budget(outputs: list[Output], limit: int | None, input_tokens: int) -> Generation:
    used = 0
    kept: list[Output] = []
    for output in outputs:
        if isinstance(output, CallOutput):
            used += len(tokenize(output.arguments))
            kept.append(output)
            continue
        tokens = tokenize(output.text)
        room = len(tokens) if limit is None else max(limit - used, 0)
        if room < len(tokens):
            kept.append(TextOutput("".join(tokens[:room])))
            return Generation(kept, True, input_tokens, used + room)
        used += len(tokens)
        kept.append(output)
    return Generation(kept, False, input_tokens, used)


def _pending_tool_outputs(conversation: Sequence[JsonObject]) -> list[str]:
    """Descriptions of the tool outputs after the last user message (empty if none)."""
    names: dict[Json, Json] = {
        i.get("call_id"): i.get("name")
        for i in conversation
        if i.get("type") == "function_call"
    }
    results: list[str] = []
    for item in reversed(conversation):
        if item.get("type") == "message" and item.get("role") == "user":
            break
        if item.get("type") == "function_call_output":
            name = names.get(item.get("call_id")) or f"call {item.get('call_id')}"
            results.append(f"{name} returned {item_text(item)}.")
    return list(reversed(results))


def _calls(
    request: CreateRequest, user_text: str, *, answering_tools: bool
) -> list[CallOutput]:
    choice = request.tool_choice
    tools = request.tools
    mode: Json = choice
    if isinstance(choice, dict) and choice.get("type") == "allowed_tools":
        listed = choice.get("tools")
        allowed = (
            [e.get("name") for e in listed if isinstance(e, dict)]
            if isinstance(listed, list)
            else []
        )
        tools = [t for t in tools if t.name in allowed]
        mode = choice.get("mode", "auto")
    if not tools or mode == "none":
        return []
    if isinstance(mode, dict):
        chosen = [t for t in tools if t.name == mode.get("name")]
    else:
        named = [t for t in tools if _mentions(user_text, t.name)]
        if answering_tools and mode != "required":
            return []
        chosen = named or (tools[:1] if mode == "required" else [])
    if not request.parallel_tool_calls:
        chosen = chosen[:1]
    if request.max_tool_calls is not None:
        chosen = chosen[: request.max_tool_calls]
    index = {t.name: i for i, t in enumerate(request.tools)}
    return [
        CallOutput(t.name, json.dumps(_arguments(t, user_text, index[t.name])))
        for t in chosen
    ]


def _mentions(text: str, name: str) -> bool:
    lowered = text.lower()
    return (
        name.lower() in lowered
        or name.lower().replace("_", " ").replace("-", " ") in lowered
    )


def _argument_text(user_text: str, name: str) -> str:
    """The user's words after the tool's name, without filler (``"use get_weather for Paris"`` → ``"Paris"``)."""
    index = user_text.lower().find(name.lower())
    rest = user_text[index + len(name) :] if index >= 0 else user_text
    words = rest.split()
    while words and words[0].lower() in _FILLER:
        words.pop(0)
    return " ".join(words).strip(" .?!,;:") or user_text.strip() or "text"


def _arguments(tool: FunctionToolSpec, user_text: str, index: int) -> Json:
    schema: Json = (
        tool.parameters
        if tool.parameters is not None
        else {"type": "object", "properties": {}}
    )
    return _example(
        schema, _argument_text(user_text, tool.name), f"tools[{index}].parameters"
    )


def _example(schema: Json, text: str, param: str) -> Json:
    try:
        return example_for_schema(schema, text=text)
    except SchemaValueError as exc:
        raise RequestError(
            f"the local model cannot produce a value for this schema: {exc}",
            param,
            "unsupported_schema",
        ) from exc


def _answer(request: CreateRequest, user_texts: list[str], directives: str) -> str:
    last = user_texts[-1] if user_texts else ""
    fmt = request.text_format or {}
    if fmt.get("type") == "json_schema":
        return json.dumps(
            _example(fmt.get("schema"), last or "text", "text.format.schema")
        )
    if fmt.get("type") == "json_object":
        return json.dumps({"echo": last})
    text = (
        f"You said: {last}" if last else "Hello! Send me a message and I will echo it."
    )
    if len(user_texts) > 1:
        text += f" Earlier you said: {user_texts[-2]}."
    return _transform(text, directives)


def _transform(text: str, directives: str) -> str:
    if "uppercase" in directives:
        return text.upper()
    if "lowercase" in directives:
        return text.lower()
    if "reverse" in directives:
        return " ".join(reversed(text.split()))
    return text
