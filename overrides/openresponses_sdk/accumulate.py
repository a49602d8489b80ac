"""Rebuild a full response from its stream events (both dialects), working on the raw JSON payloads.

Every event kind that carries output is applied: items and content parts, text / refusal / reasoning
text and summaries (with logprobs), annotations, function-call / MCP / custom-tool arguments, code
interpreter code, apply-patch diffs, shell commands and hosted-tool statuses. ``*.done`` events and
``response.output_item.done`` are authoritative and replace what the deltas built. Event kinds that do
not touch the output (and unknown future kinds) leave it unchanged; the typed event is still yielded.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any, Final, cast

JSONObject = dict[str, Any]

TERMINAL_EVENTS: Final = frozenset({"response.completed", "response.failed", "response.incomplete"})
SNAPSHOT_EVENTS: Final = frozenset({"response.created", "response.in_progress", "response.queued"})
ITEM_STATUSES: Final = frozenset({"in_progress", "searching", "interpreting", "generating", "completed", "failed"})

# Item-level string fields built from ``.delta`` events and replaced by ``.done`` events:
# event type prefix -> (path of the field inside the item, key holding the full value in the done event).
ITEM_TEXT_FIELDS: Final[Mapping[str, tuple[tuple[str, ...], str]]] = {
    "response.function_call_arguments": (("arguments",), "arguments"),
    "response.mcp_call_arguments": (("arguments",), "arguments"),
    "response.custom_tool_call_input": (("input",), "input"),
    "response.code_interpreter_call_code": (("code",), "code"),
    "response.apply_patch_call_operation_diff": (("operation", "diff"), "diff"),
}

# Content-part string fields: event type prefix -> (field of the part, key of the full value in done).
PART_TEXT_FIELDS: Final[Mapping[str, tuple[str, str]]] = {
    "response.output_text": ("text", "text"),
    "response.refusal": ("refusal", "refusal"),
    "response.reasoning_text": ("text", "text"),
    "response.reasoning": ("text", "text"),  # OpenResponses spec name of reasoning_text
}

NEW_PART_TYPES: Final[Mapping[str, JSONObject]] = {
    "response.output_text": {"type": "output_text", "text": "", "annotations": []},
    "response.refusal": {"type": "refusal", "refusal": ""},
    "response.reasoning_text": {"type": "reasoning_text", "text": ""},
    "response.reasoning": {"type": "reasoning_text", "text": ""},
}


class AccumulationError(ValueError):
    """An event refers to output that the stream never announced (bad ``output_index`` / ``item_id``)."""


class ResponseAccumulator:
    """Feed it every event payload in order with :meth:`add`; read :meth:`snapshot` / :meth:`final`."""

    def __init__(self) -> None:
        self._response: JSONObject | None = None
        self._output: list[JSONObject | None] = []  # by output_index; servers may skip indices
        self.terminal: JSONObject | None = None
        """The ``response`` of the terminal event (``response.completed``/``failed``/``incomplete``)."""
        self.terminal_type: str | None = None
        self._pending: dict[int, tuple[JSONObject, str, list[str]]] = {}
        """Deltas not yet joined into their string field: id(target) -> (target, key, pieces)."""
        self._hot: tuple[object, object, object, JSONObject] | None = None
        """(output_index, content_index, item_id, part) of the last text delta: consecutive deltas of
        one part skip the lookups. Reset by every non-delta event (they may restructure the output)."""

    @property
    def output(self) -> list[JSONObject]:
        """The output items rebuilt from the events so far (indices the server skipped are left out)."""
        self._flush()
        return [item for item in self._output if item is not None]

    def add(self, event: Mapping[str, Any]) -> None:
        """Apply one event payload (a decoded SSE ``data:`` object)."""
        kind = event.get("type")
        if kind == "response.output_text.delta":  # the hot path
            return self._part_text("response.output_text", "delta", event)
        if not isinstance(kind, str):
            return
        if not kind.endswith(".delta"):
            self._flush()
        match kind:
            case "response.output_item.added" | "response.output_item.done":
                return self._set_item(event)
            case "response.content_part.added" | "response.content_part.done":
                return self._set_part(event, "content")
            case "response.reasoning_summary_part.added" | "response.reasoning_summary_part.done":
                return self._set_part(event, "summary")
            case "response.reasoning_summary_text.delta" | "response.reasoning_summary_text.done":
                return self._summary_text(event)
            case "response.output_text.annotation.added":
                return self._annotation(event)
            case "response.shell_call_command.added" | "response.shell_call_command.delta" | "response.shell_call_command.done":
                return self._shell_command(event)
            case _ if kind in SNAPSHOT_EVENTS or kind in TERMINAL_EVENTS:
                return self._on_response(kind, event)
            case _:
                pass
        prefix, _, suffix = kind.rpartition(".")
        if prefix in ITEM_TEXT_FIELDS and suffix in ("delta", "done"):
            self._item_text(prefix, suffix, event)
        elif prefix in PART_TEXT_FIELDS and suffix in ("delta", "done"):
            self._part_text(prefix, suffix, event)
        elif suffix in ITEM_STATUSES and "item_id" in event and "delta" not in event:
            item = self._item(event)
            if "status" in item:
                item["status"] = suffix

    def snapshot(self) -> JSONObject:
        """The response as known now: the latest response payload with the rebuilt output."""
        self._flush()
        base = self.terminal if self.terminal is not None else self._response
        if base is None:
            raise AccumulationError("no response.created (or other response) event received yet")
        return {**base, "output": self.output}

    def final(self) -> JSONObject | None:
        """The terminal response; its ``output`` falls back to the rebuilt items when the server sent none."""
        if self.terminal is None:
            return None
        self._flush()
        if self.terminal.get("output"):
            return self.terminal
        return {**self.terminal, "output": self.output}

    # -- string deltas: collected in lists, joined once (appending to a str is quadratic) ---------

    def _append(self, target: JSONObject, key: str, delta: object) -> None:
        entry = self._pending.get(id(target))
        if entry is None or entry[1] != key:
            if entry is not None:
                entry[0][entry[1]] = "".join(entry[2])
            entry = (target, key, [target.get(key) or ""])
            self._pending[id(target)] = entry
        entry[2].append(delta if isinstance(delta, str) else str(delta))

    def _flush(self) -> None:
        self._hot = None
        if self._pending:
            for target, key, pieces in self._pending.values():
                target[key] = "".join(pieces)
            self._pending.clear()

    # -- response-level -------------------------------------------------------------------------

    def _on_response(self, kind: str, event: Mapping[str, Any]) -> None:
        response = event.get("response")
        if not isinstance(response, dict):
            raise AccumulationError(f"{kind} event has no response object")
        response = cast(JSONObject, response)
        if kind in TERMINAL_EVENTS:
            self.terminal, self.terminal_type = response, kind
            return
        if kind == "response.created":
            self._output = []
        self._response = response
        server_output = response.get("output")
        if isinstance(server_output, list) and len(cast(list[Any], server_output)) > len(self._output):  # type: ignore[redundant-cast]
            self._output = copy.deepcopy(cast(list[JSONObject | None], server_output))

    # -- item-level -----------------------------------------------------------------------------

    def _item(self, event: Mapping[str, Any]) -> JSONObject:
        index = event.get("output_index")
        item_id = event.get("item_id")
        if isinstance(index, int) and 0 <= index < len(self._output):
            item = self._output[index]
            if item is not None and (item_id is None or item.get("id") in (None, item_id)):
                return item
        if item_id is not None:
            for item in self._output:
                if item is not None and item.get("id") == item_id:
                    return item
        raise AccumulationError(
            f"{event.get('type')} refers to output item output_index={index!r} item_id={item_id!r}, "
            f"which was never added ({len(self._output)} items so far)"
        )

    def _set_item(self, event: Mapping[str, Any]) -> None:
        item = event.get("item")
        index = event.get("output_index")
        if not isinstance(item, dict):
            raise AccumulationError(f"{event.get('type')} event has no item object")
        item = copy.deepcopy(cast(JSONObject, item))
        if not isinstance(index, int) or index < 0:
            index = len(self._output)
        _put(self._output, index, item)

    def _item_text(self, prefix: str, suffix: str, event: Mapping[str, Any]) -> None:
        path, done_key = ITEM_TEXT_FIELDS[prefix]
        target = self._item(event)
        for key in path[:-1]:
            target = target.setdefault(key, {})
        if suffix == "delta":
            self._append(target, path[-1], event.get("delta", ""))
        elif done_key in event:
            target[path[-1]] = event[done_key]

    def _shell_command(self, event: Mapping[str, Any]) -> None:
        item = self._item(event)
        action = item.setdefault("action", {})
        commands: list[str] = action.setdefault("commands", [])
        index = event.get("command_index", len(commands))
        index = index if isinstance(index, int) else len(commands)
        kind = str(event.get("type"))
        if kind.endswith(".delta"):
            current = commands[index] if index < len(commands) else ""
            _put(commands, index, current + str(event.get("delta", "")))
        else:
            _put(commands, index, str(event.get("command", "")))

    # -- part-level -----------------------------------------------------------------------------

    def _part(self, event: Mapping[str, Any], field: str, template: JSONObject | None) -> JSONObject:
        item = self._item(event)
        index = event.get("content_index" if field == "content" else "summary_index")
        parts: list[JSONObject | None] = item.setdefault(field, [])
        if not isinstance(index, int) or index < 0:
            raise AccumulationError(f"{event.get('type')} has no valid {field} index")
        if index >= len(parts) or parts[index] is None:
            _put(parts, index, copy.deepcopy(template) if template is not None else {})
        return cast(JSONObject, parts[index])

    def _content_part(self, event: Mapping[str, Any]) -> None:
        self._set_part(event, "content")

    def _summary_part(self, event: Mapping[str, Any]) -> None:
        self._set_part(event, "summary")

    def _set_part(self, event: Mapping[str, Any], field: str) -> None:
        part = event.get("part")
        if not isinstance(part, dict):
            raise AccumulationError(f"{event.get('type')} event has no part object")
        item = self._item(event)
        index = event.get("content_index" if field == "content" else "summary_index")
        if not isinstance(index, int) or index < 0:
            raise AccumulationError(f"{event.get('type')} has no valid {field} index")
        _put(item.setdefault(field, []), index, copy.deepcopy(cast(JSONObject, part)))

    def _part_text(self, prefix: str, suffix: str, event: Mapping[str, Any]) -> None:
        field, done_key = PART_TEXT_FIELDS[prefix]
        hot = self._hot
        where = (event.get("output_index"), event.get("content_index"), event.get("item_id"))
        if hot is not None and hot[:3] == where and suffix == "delta":
            part = hot[3]
        else:
            part = self._part(event, "content", NEW_PART_TYPES[prefix])
            self._hot = (*where, part)
        if suffix == "delta":
            self._append(part, field, event.get("delta", ""))
            logprobs = event.get("logprobs")
            if logprobs and isinstance(logprobs, list) and isinstance(part.get("logprobs"), list):
                part["logprobs"].extend(logprobs)  # entries are never mutated: no copy needed
        else:
            if done_key in event:
                part[field] = event[done_key]
            if isinstance(event.get("logprobs"), list) and "logprobs" in part:
                part["logprobs"] = copy.deepcopy(event["logprobs"])

    def _summary_text(self, event: Mapping[str, Any]) -> None:
        part = self._part(event, "summary", {"type": "summary_text", "text": ""})
        if str(event.get("type")).endswith(".delta"):
            self._append(part, "text", event.get("delta", ""))
        elif "text" in event:
            part["text"] = event["text"]

    def _annotation(self, event: Mapping[str, Any]) -> None:
        part = self._part(event, "content", NEW_PART_TYPES["response.output_text"])
        annotations: list[Any] = part.setdefault("annotations", [])
        index = event.get("annotation_index")
        index = index if isinstance(index, int) and index >= 0 else len(annotations)
        _put(annotations, index, copy.deepcopy(event.get("annotation")))


def _put(items: list[Any], index: int, value: Any) -> None:
    """``items[index] = value``, growing the list with ``None`` holes when events arrive out of order."""
    if index < len(items):
        items[index] = value
        return
    items.extend([None] * (index - len(items)))
    items.append(value)
