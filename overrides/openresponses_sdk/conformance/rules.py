"""The rule registry: every check the conformance model makes, with its id, severity, a one-line
statement and where in the specification it comes from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from openresponses_sdk.conformance.report import Finding, Severity

_OR_STREAMING = "OpenResponses specification, 'Streaming' (openresponses.org/specification#streaming)"
_OR_ITEMS = "OpenResponses specification, 'Items' (item lifecycle and status)"
_SCHEMA = "pinned OpenAPI document, #/components/schemas (JSON Schema 2020-12)"


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: Severity
    statement: str
    source: str


def _rules(*rules: Rule) -> Mapping[str, Rule]:
    return MappingProxyType({r.id: r for r in rules})


RULES: Mapping[str, Rule] = _rules(
    # --- schema ------------------------------------------------------------------------------
    Rule(
        "schema.required",
        "error",
        "Every field the schema lists as required is present (also when it is nullable).",
        f"{_SCHEMA}: 'required'",
    ),
    Rule(
        "schema.type",
        "error",
        "Every value has the JSON type the schema gives it (null only where nullable).",
        f"{_SCHEMA}: 'type', 'anyOf: [..., {{type: null}}]'",
    ),
    Rule(
        "schema.enum",
        "error",
        "Enumerated and constant values are among those the schema allows.",
        f"{_SCHEMA}: 'enum', 'const'",
    ),
    Rule(
        "schema.bounds",
        "error",
        "Numbers, strings, arrays and objects respect their bounds (max_output_tokens >= 16, top_logprobs 0-20, "
        "metadata <= 16 keys, ...).",
        f"{_SCHEMA}: 'minimum', 'maximum', 'minLength', 'maxLength', 'maxItems', 'maxProperties', ...",
    ),
    Rule(
        "schema.pattern",
        "error",
        "Strings match the schema's pattern (function names ^[a-zA-Z0-9_-]+$, ...).",
        f"{_SCHEMA}: 'pattern'",
    ),
    Rule(
        "schema.union",
        "error",
        "A value matches one member of its union (oneOf/anyOf).",
        f"{_SCHEMA}: 'oneOf', 'anyOf'",
    ),
    Rule(
        "schema.other",
        "error",
        "The value satisfies every other JSON Schema keyword of its schema.",
        _SCHEMA,
    ),
    Rule(
        "schema.model",
        "error",
        "The generated typed model accepts the payload (generator and spec agree).",
        "openresponses_sdk.types / openresponses_sdk.openai_types from_dict / parse_* (generated from the spec)",
    ),
    Rule(
        "schema.json",
        "error",
        "Every body and event payload is a JSON object.",
        "OpenAPI content type application/json",
    ),
    # --- extensions ----------------------------------------------------------------------------
    Rule(
        "ext.non-conformant",
        "warning",
        "A type the spec does not define carries a provider prefix ('slug:name'); a bare unknown type is a "
        "non-conformant extension.",
        f"{_OR_STREAMING}; OpenResponses specification, 'Extensions'",
    ),
    # --- SSE framing ---------------------------------------------------------------------------
    Rule(
        "sse.content-type",
        "error",
        "A streamed response has Content-Type text/event-stream.",
        "paths./responses.post.responses.200.content['text/event-stream']",
    ),
    Rule(
        "sse.done",
        "error",
        "An OpenResponses stream ends with 'data: [DONE]' and nothing follows it.",
        _OR_STREAMING,
    ),
    Rule(
        "sse.event-name",
        "error",
        "Each SSE frame's 'event:' field equals the payload's 'type'.",
        _OR_STREAMING,
    ),
    Rule(
        "sse.no-id",
        "warning",
        "Frames carry no 'id:' field (streams are not resumable by Last-Event-ID).",
        _OR_STREAMING,
    ),
    Rule(
        "sse.data",
        "error",
        "Each frame's data is one JSON object (or the final [DONE]).",
        _OR_STREAMING,
    ),
    # --- stream lifecycle ----------------------------------------------------------------------
    Rule(
        "stream.created-first",
        "error",
        "The first event is response.created.",
        _OR_STREAMING,
    ),
    Rule(
        "stream.terminal",
        "error",
        "Exactly one terminal event (response.completed / response.failed / response.incomplete) ends the stream.",
        _OR_STREAMING,
    ),
    Rule(
        "stream.after-terminal",
        "error",
        "No event follows the terminal event.",
        _OR_STREAMING,
    ),
    Rule(
        "stream.sequence-order",
        "error",
        "sequence_number strictly increases from event to event.",
        f"{_OR_STREAMING}; every event schema's 'sequence_number'",
    ),
    Rule(
        "stream.sequence-gap",
        "warning",
        "sequence_number has no gaps (a gap means events were lost).",
        f"{_OR_STREAMING}; every event schema's 'sequence_number'",
    ),
    Rule(
        "stream.output-index",
        "error",
        "output_item.added uses the next free output_index (0, 1, 2, ...).",
        f"{_OR_STREAMING}: 'output_index'",
    ),
    Rule(
        "stream.item-open",
        "error",
        "Every event about an output item refers to an item that was added and is not yet done, at the same "
        "output_index.",
        _OR_STREAMING,
    ),
    Rule(
        "stream.item-id",
        "error",
        "An event's item_id equals the id of the item added at its output_index.",
        _OR_STREAMING,
    ),
    Rule(
        "stream.part-open",
        "error",
        "Content deltas, done events and annotations only occur inside an open content (or summary) part.",
        _OR_STREAMING,
    ),
    Rule(
        "stream.parts-done",
        "error",
        "output_item.done comes only after all the item's parts are done.",
        _OR_STREAMING,
    ),
    Rule(
        "stream.item-done",
        "error",
        "Every added item is done before response.completed.",
        _OR_STREAMING,
    ),
    Rule(
        "stream.delta-sum",
        "error",
        "The concatenated deltas equal the text (or arguments) of the matching .done event.",
        _OR_STREAMING,
    ),
    Rule(
        "stream.part-text",
        "error",
        "A done part's text equals the text streamed for it.",
        _OR_STREAMING,
    ),
    Rule(
        "stream.item-text",
        "error",
        "The done item's text (or arguments) equals what was streamed for it.",
        _OR_STREAMING,
    ),
    Rule(
        "stream.response-output",
        "error",
        "The terminal response's output equals the items streamed by output_item.done.",
        _OR_STREAMING,
    ),
    Rule(
        "stream.terminal-status",
        "error",
        "The terminal event's type matches response.status (completed/failed/incomplete).",
        _OR_STREAMING,
    ),
    Rule(
        "stream.error-failed",
        "error",
        "An error event is followed by response.failed.",
        _OR_STREAMING,
    ),
    Rule(
        "stream.response-id",
        "error",
        "Every response snapshot in one stream has the same response id.",
        _OR_STREAMING,
    ),
    # --- items ---------------------------------------------------------------------------------
    Rule(
        "item.incomplete-last",
        "error",
        "Only the last output item may be incomplete, and then the response is incomplete.",
        _OR_ITEMS,
    ),
    Rule(
        "item.call-id",
        "error",
        "A tool-call output's call_id matches an earlier call of the same kind.",
        _OR_ITEMS,
    ),
    # --- exchange ------------------------------------------------------------------------------
    Rule(
        "exchange.stream-mode",
        "error",
        "stream: true is answered with an event stream, otherwise with a JSON body.",
        "CreateResponseBody.stream",
    ),
    Rule(
        "exchange.tool-declared",
        "error",
        "A function call names a function tool declared in the request.",
        "CreateResponseBody.tools; FunctionCall.name",
    ),
    Rule(
        "exchange.previous-response",
        "error",
        "The response echoes the request's previous_response_id.",
        "ResponseResource.previous_response_id",
    ),
    # --- live ----------------------------------------------------------------------------------
    Rule(
        "live.http",
        "error",
        "The server answers a valid request with HTTP 200.",
        "paths./responses.post.responses",
    ),
    Rule(
        "live.behaviour",
        "error",
        "The server does what the scenario asks (echoes the marker word, calls the tool, returns valid JSON, ...).",
        "openresponses_sdk.conformance.live scenarios",
    ),
)


def finding(
    rule_id: str, message: str, *, path: str = "", event_index: int | None = None
) -> Finding:
    """A finding of the registered rule ``rule_id`` (its severity comes from the registry)."""
    return Finding(rule_id, RULES[rule_id].severity, message, path, event_index)
