"""Item rules: the status of output items and the pairing of tool calls with their outputs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from openresponses_sdk.conformance._json import as_list, as_mapping
from openresponses_sdk.conformance.report import Finding
from openresponses_sdk.conformance.rules import finding

CALL_OUTPUTS: Mapping[str, str] = {
    "function_call_output": "function_call",
    "custom_tool_call_output": "custom_tool_call",
    "computer_call_output": "computer_call",
    "local_shell_call_output": "local_shell_call",
    "shell_call_output": "shell_call",
    "apply_patch_call_output": "apply_patch_call",
}
"""Tool-output item type → the call item type whose ``call_id`` it answers."""


def check_output(
    response: Mapping[str, Any], *, path: str = "", event_index: int | None = None
) -> list[Finding]:
    """``item.incomplete-last`` on a response's ``output``."""
    items = as_list(response.get("output"))
    if items is None:
        return []
    prefix = f"{path}.output" if path else "output"
    found: list[Finding] = []
    last = len(items) - 1
    for i, raw in enumerate(items):
        item = as_mapping(raw)
        if item is None or item.get("status") != "incomplete":
            continue
        if i != last:
            found.append(
                finding(
                    "item.incomplete-last",
                    f"output item {i} of {last + 1} is incomplete but is not the last item",
                    path=f"{prefix}[{i}].status",
                    event_index=event_index,
                )
            )
        elif response.get("status") != "incomplete":
            found.append(
                finding(
                    "item.incomplete-last",
                    f"the last output item is incomplete but response.status is {response.get('status')!r}",
                    path=f"{prefix}[{i}].status",
                    event_index=event_index,
                )
            )
    return found


def check_call_ids(
    items: Sequence[object], *, path: str, known_calls: Mapping[str, str] | None = None
) -> list[Finding]:
    """``item.call-id``: every tool output answers an earlier call of the matching kind (``known_calls`` maps
    call ids from outside ``items``, e.g. a previous response, to their call type)."""
    calls: dict[str, str] = dict(known_calls or {})
    found: list[Finding] = []
    for i, raw in enumerate(items):
        item = as_mapping(raw) or {}
        kind, call_id = item.get("type"), item.get("call_id")
        if not isinstance(kind, str) or not isinstance(call_id, str):
            continue
        if kind in CALL_OUTPUTS.values():
            calls[call_id] = kind
        elif kind in CALL_OUTPUTS:
            expected = CALL_OUTPUTS[kind]
            seen = calls.get(call_id)
            if seen is None:
                found.append(
                    finding(
                        "item.call-id",
                        f"{kind} answers call_id {call_id!r}, but no earlier {expected} "
                        "has that call_id",
                        path=f"{path}[{i}].call_id",
                    )
                )
            elif seen != expected:
                found.append(
                    finding(
                        "item.call-id",
                        f"{kind} answers call_id {call_id!r}, which belongs to a {seen}, "
                        f"not a {expected}",
                        path=f"{path}[{i}].call_id",
                    )
                )
    return found
