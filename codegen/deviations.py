"""Observed deviations: where real servers (recorded traffic) break the published spec.

The generated models must parse real traffic, so these fields are relaxed before generation. Each entry
names the recording that proves it. The conformance checker still judges traffic against the pristine
spec, so every relaxation here remains a reported finding there.
"""

from __future__ import annotations

from dataclasses import dataclass

from codegen.normalize import JSON, schemas


@dataclass(frozen=True)
class Deviation:
    schema: str
    field: str
    kind: str  # "optional": may be absent · "nullable": may be null · "open-enum": any string accepted
    evidence: str


DEVIATIONS: dict[str, tuple[Deviation, ...]] = {
    "openai": (
        Deviation("Response", "user", "nullable", "openai/*.json: \"user\": null"),
        *(
            Deviation("Response", name, "optional", "openai/openai-phase.1.json: a body with only 8 fields")
            for name in ("error", "incomplete_details", "instructions", "tools", "parallel_tool_calls", "metadata",
                         "tool_choice", "temperature", "top_p")
        ),
        Deviation("Response", "usage", "nullable", "openai/*.chunks.txt: response.created has \"usage\": null"),
        Deviation("ResponseUsage", "input_tokens_details.cache_write_tokens", "optional", "openai/*.json"),
        Deviation("ResponseError", "code", "open-enum", "openai/openai-error.1.chunks.txt: \"insufficient_quota\""),
        Deviation("ResponseErrorEvent", "code", "optional", "openai/openai-error.1.chunks.txt: nested error{} shape"),
        Deviation("ResponseErrorEvent", "message", "optional", "openai/openai-error.1.chunks.txt: nested error{} shape"),
        Deviation("ResponseErrorEvent", "param", "optional", "openai/openai-error.1.chunks.txt: nested error{} shape"),
        Deviation("ResponseTextDeltaEvent", "logprobs", "optional", "openai/openai-phase.1.chunks.txt"),
        Deviation("ResponseFunctionCallArgumentsDoneEvent", "name", "optional",
                  "openai/openai-reasoning-encrypted-content.1.chunks.txt"),
        Deviation("FunctionShellCall", "environment", "optional", "openai/openai-shell-tool.1.json"),
        Deviation("WebSearchToolCall", "action", "optional", "openai/openai-web-search-tool.1.chunks.txt"),
        Deviation("ImageGenToolCall", "result", "optional", "openai/openai-image-generation-tool.1.chunks.txt"),
        *(
            Deviation(event, "sequence_number", "optional", "openai/openai-custom-tool.1.chunks.txt")
            for event in (
                "ResponseCreatedEvent",
                "ResponseInProgressEvent",
                "ResponseOutputItemAddedEvent",
                "ResponseOutputItemDoneEvent",
                "ResponseCustomToolCallInputDeltaEvent",
                "ResponseCustomToolCallInputDoneEvent",
                "ResponseCompletedEvent",
            )
        ),
    ),
    "openresponses": (),
}


def apply_deviations(spec: JSON, dialect: str) -> int:
    """Relax the fields listed for ``dialect``; a stale entry (schema/field gone) is an error."""
    comps = schemas(spec)
    for dev in DEVIATIONS[dialect]:
        node = comps.get(dev.schema, {})
        *parents, field = dev.field.split(".")
        for step in parents:
            node = node.get("properties", {}).get(step, {})
        prop = node.get("properties", {}).get(field)
        if prop is None:
            raise KeyError(f"deviation {dev.schema}.{dev.field} no longer matches the spec: remove it")
        if dev.kind == "optional":
            node["required"] = [r for r in node.get("required", []) if r != field]
        elif dev.kind == "nullable":
            node["properties"][field] = {"anyOf": [prop, {"type": "null"}]}
        elif dev.kind == "open-enum":
            node["properties"][field] = _open_enum(prop)
        else:
            raise ValueError(f"unknown deviation kind {dev.kind!r}")
    return len(DEVIATIONS[dialect])


def _open_enum(prop: JSON) -> JSON:
    """``enum`` (possibly behind a ``$ref`` or nullable ``anyOf``) → the enum or any string."""
    return {"anyOf": [prop, {"type": "string"}], "description": prop.get("description", "")}
