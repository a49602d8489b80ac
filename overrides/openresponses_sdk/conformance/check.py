"""Entry points of the conformance checker: a request, a response, a stream or a whole exchange."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from openresponses_sdk._base import describe
from openresponses_sdk.conformance._json import as_list, as_mapping
from openresponses_sdk.conformance.item_rules import check_call_ids, check_output
from openresponses_sdk.conformance.report import Dialect, Finding, Report
from openresponses_sdk.conformance.rules import finding
from openresponses_sdk.conformance.schema_rules import check_event, check_object
from openresponses_sdk.conformance.sse_rules import (
    check_content_type,
    decode_frames,
    parse_frames,
)
from openresponses_sdk.conformance.stream_rules import (
    TERMINAL,
    check_lifecycle,
    split_streams,
)

Event = Mapping[str, Any]
StreamSource = bytes | str | Iterable[object]
"""Raw SSE bytes or text (framing is checked), or decoded event payloads (framing is not checked)."""


def is_error_body(body: object) -> bool:
    """An HTTP error body: ``{"error": {...}}`` and nothing else."""
    mapping = as_mapping(body)
    return mapping is not None and set(mapping) == {"error"}


def check_request(body: object, dialect: Dialect = "openresponses") -> Report:
    """A create-response request body against the spec, plus the tool-call pairing of its input."""
    report = Report("request", dialect, check_object(body, dialect, "request"))
    request = as_mapping(body)
    if request is not None:
        items = as_list(request.get("input"))
        # a continued conversation may answer calls of a previous response, which are not visible here
        continued = (
            request.get("previous_response_id") is not None
            or request.get("conversation") is not None
        )
        if items is not None and not continued:
            report.extend(check_call_ids(items, path="input"))
    return report


def check_response(body: object, dialect: Dialect = "openresponses") -> Report:
    """A non-streaming response body (or an HTTP error body ``{"error": {...}}``) against the spec."""
    if is_error_body(body):
        return Report(
            "error body",
            dialect,
            check_object(
                (as_mapping(body) or {})["error"], dialect, "error", path="error"
            ),
        )
    report = Report("response", dialect, check_object(body, dialect, "response"))
    response = as_mapping(body)
    if response is not None:
        report.extend(check_output(response))
    return report


def check_stream(
    source: StreamSource,
    dialect: Dialect = "openresponses",
    *,
    content_type: str | None = None,
) -> Report:
    """One response stream: SSE framing (when given raw bytes/text), every event's schema and the lifecycle."""
    findings: list[Finding] = (
        [] if content_type is None else check_content_type(content_type)
    )
    events: list[Event | None]
    if isinstance(source, (bytes, str)):
        events, framing = decode_frames(parse_frames(source), dialect)
        findings += framing
    else:
        events, bad = _decoded(source)
        findings += bad
    findings += _event_findings(events, dialect)
    findings += check_lifecycle(events, dialect)
    return Report("stream", dialect, _in_event_order(findings))


def check_capture(
    source: Iterable[object], dialect: Dialect = "openresponses"
) -> Report:
    """A capture of several consecutive streams (one event per line): each stream is checked on its own,
    event indexes stay those of the capture."""
    events, findings = _decoded(source)
    for offset, stream in split_streams(events):
        for f in check_stream(stream, dialect).findings:
            shifted = None if f.event_index is None else f.event_index + offset
            findings.append(Finding(f.rule, f.severity, f.message, f.path, shifted))
    return Report("stream capture", dialect, findings)


def check_exchange(
    request: Mapping[str, Any],
    response_or_stream: StreamSource | Mapping[str, Any],
    dialect: Dialect = "openresponses",
    *,
    content_type: str | None = None,
) -> Report:
    """A request and what came back (a JSON body, raw SSE, or a list of event payloads): each on its own,
    then whether they fit together."""
    report = check_request(request, dialect)
    report.subject = "exchange"
    body = as_mapping(response_or_stream)
    final: Mapping[str, Any] | None
    if body is None:
        assert not isinstance(response_or_stream, Mapping)
        source: StreamSource = (
            response_or_stream
            if isinstance(response_or_stream, (bytes, str))
            else list(response_or_stream)
        )
        report.extend(check_stream(source, dialect, content_type=content_type).findings)
        final = terminal_response(source, dialect)
    else:
        report.extend(check_response(body, dialect).findings)
        final = None if is_error_body(body) else body
    if body is None or not is_error_body(body):
        wants_stream, is_stream = request.get("stream") is True, body is None
        if wants_stream != is_stream:
            asked = "stream: true" if wants_stream else "no streaming"
            got = "an event stream" if is_stream else "a JSON body"
            report.extend(
                [
                    finding(
                        "exchange.stream-mode",
                        f"the request asked for {asked} but the server sent {got}",
                    )
                ]
            )
    if final is not None:
        report.extend(_fits(request, final))
    return report


def _decoded(source: Iterable[object]) -> tuple[list[Event | None], list[Finding]]:
    """Decoded payloads as events; an entry that is not a JSON object is a finding and becomes ``None``."""
    events: list[Event | None] = []
    findings: list[Finding] = []
    for index, value in enumerate(source):
        event = as_mapping(value)
        if event is None and value is not None:
            findings.append(
                finding(
                    "schema.json",
                    f"the event is {describe(value)}, expected a JSON object",
                    event_index=index,
                )
            )
        events.append(event)
    return events, findings


def _event_findings(events: Sequence[Event | None], dialect: Dialect) -> list[Finding]:
    findings: list[Finding] = []
    unknown: dict[str, int] = {}
    for index, event in enumerate(events):
        if event is None:
            continue
        for f in check_event(event, dialect, index):
            if f.rule == "ext.non-conformant" and not f.path:
                kind = str(event.get("type"))
                unknown[kind] = unknown.get(kind, 0) + 1
                if unknown[kind] > 1:
                    continue  # one warning per unknown event type
            findings.append(f)
    return findings


def terminal_response(
    source: StreamSource, dialect: Dialect
) -> Mapping[str, Any] | None:
    """The ``response`` of the last terminal event of a stream (raw SSE or decoded events), if any."""
    events = (
        decode_frames(parse_frames(source), dialect)[0]
        if isinstance(source, (bytes, str))
        else _decoded(source)[0]
    )
    final: Mapping[str, Any] | None = None
    for event in events:
        kind = event.get("type") if event is not None else None
        if event is not None and isinstance(kind, str) and kind in TERMINAL:
            final = as_mapping(event.get("response")) or final
    return final


def _fits(request: Mapping[str, Any], response: Mapping[str, Any]) -> list[Finding]:
    findings: list[Finding] = []
    prev = request.get("previous_response_id")
    if prev is not None and response.get("previous_response_id") != prev:
        findings.append(
            finding(
                "exchange.previous-response",
                f"the response's previous_response_id is "
                f"{response.get('previous_response_id')!r}, the request sent {prev!r}",
                path="previous_response_id",
            )
        )
    tools = [as_mapping(t) or {} for t in as_list(request.get("tools")) or []]
    declared = {t.get("name") for t in tools if t.get("type") == "function"}
    for i, raw in enumerate(as_list(response.get("output")) or []):
        item = as_mapping(raw) or {}
        if item.get("type") == "function_call" and item.get("name") not in declared:
            findings.append(
                finding(
                    "exchange.tool-declared",
                    f"the response calls {item.get('name')!r}, which the "
                    "request did not declare as a function tool",
                    path=f"output[{i}].name",
                )
            )
    return findings


def _in_event_order(findings: list[Finding]) -> list[Finding]:
    return sorted(
        findings, key=lambda f: -1 if f.event_index is None else f.event_index
    )
