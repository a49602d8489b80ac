"""Live checks: run the conformance scenarios against a server and check every exchange.

Scenarios: basic text, system prompt (instructions), multi-turn (input history and
``previous_response_id``), image input, tool call and tool-output round trip, streaming, structured
output, and compaction where the server offers ``/responses/compact``. Traffic is plain ``httpx`` so
that the raw bytes (SSE framing included) reach the checker.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx
from jsonschema import Draft202012Validator

from openresponses_sdk.conformance._json import as_list, as_mapping
from openresponses_sdk.conformance.check import (
    check_exchange,
    is_error_body,
    terminal_response,
)
from openresponses_sdk.conformance.report import Dialect, Finding, Report
from openresponses_sdk.conformance.rules import finding
from openresponses_sdk.conformance.schema_rules import check_object

JSONObject = dict[str, Any]
# A 1x1 transparent PNG: the smallest valid image input.
PNG_DATA_URL = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
WEATHER_TOOL: JSONObject = {
    "type": "function",
    "name": "get_weather",
    "description": "Current weather for a city.",
    "parameters": {
        "type": "object",
        "properties": {"city": {"type": "string"}},
        "required": ["city"],
        "additionalProperties": False,
    },
    "strict": True,
}
CITY_SCHEMA: JSONObject = {
    "type": "object",
    "properties": {"city": {"type": "string"}},
    "required": ["city"],
    "additionalProperties": False,
}


@dataclass(slots=True)
class Exchange:
    """What came back for one request: a JSON body or raw SSE bytes, with status and content type."""

    status: int
    content_type: str
    body: JSONObject | None = None
    raw: bytes = b""
    stream: bool = False
    """The body is ``text/event-stream`` (kept raw in ``raw``)."""


@dataclass(slots=True)
class ScenarioResult:
    name: str
    report: Report
    skipped: str = ""
    """Why the scenario did not run (the server does not offer the feature); empty when it ran."""

    @property
    def ok(self) -> bool:
        return self.report.ok


@dataclass(slots=True)
class LiveRunner:
    """Runs the scenarios against ``base_url`` (``…/v1``); the API key is sent, never reported."""

    base_url: str
    model: str
    dialect: Dialect = "openresponses"
    api_key: str | None = None
    timeout: float = 60.0
    transport: httpx.BaseTransport | None = None
    _client: httpx.Client | None = field(default=None, repr=False)

    def __repr__(self) -> str:
        return f"LiveRunner({self.base_url!r}, model={self.model!r}, dialect={self.dialect!r})"

    def run(self) -> list[ScenarioResult]:
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        with httpx.Client(
            base_url=self.base_url.rstrip("/"),
            headers=headers,
            timeout=self.timeout,
            transport=self.transport,
        ) as client:
            self._client = client
            try:
                return [
                    self._scenario(name, fn) for name, fn in self.scenarios().items()
                ]
            finally:
                self._client = None

    def scenarios(self) -> dict[str, Callable[[Report], str]]:
        return {
            "basic-text": self.basic_text,
            "system-prompt": self.system_prompt,
            "multi-turn": self.multi_turn,
            "image-input": self.image_input,
            "tool-call-round-trip": self.tool_round_trip,
            "streaming": self.streaming,
            "structured-output": self.structured_output,
            "compaction": self.compaction,
        }

    def _scenario(self, name: str, fn: Callable[[Report], str]) -> ScenarioResult:
        report = Report(f"live {name}", self.dialect)
        try:
            skipped = fn(report)
        except httpx.HTTPError as exc:
            report.extend(
                [finding("live.http", f"request failed: {type(exc).__name__}: {exc}")]
            )
            skipped = ""
        except _Stop:
            skipped = ""
        report.findings = [self._redact(f) for f in report.findings]
        return ScenarioResult(name, report, skipped)

    def _redact(self, f: Finding) -> Finding:
        if not self.api_key or self.api_key not in f.message:
            return f
        return Finding(
            f.rule,
            f.severity,
            f.message.replace(self.api_key, "<redacted>"),
            f.path,
            f.event_index,
        )

    # --- HTTP ----------------------------------------------------------------------------------

    def post(self, path: str, body: JSONObject) -> Exchange:
        assert self._client is not None, (
            "post() is only available while run() is in progress"
        )
        response = self._client.post(path, json=body)
        content_type = response.headers.get("content-type", "")
        if content_type.partition(";")[0].strip() == "text/event-stream":
            return Exchange(
                response.status_code, content_type, raw=response.content, stream=True
            )
        try:
            parsed = as_mapping(response.json())
        except ValueError:
            parsed = None
        return Exchange(
            response.status_code,
            content_type,
            dict(parsed) if parsed is not None else None,
            response.content,
        )

    def exchange(self, report: Report, body: JSONObject) -> Mapping[str, Any]:
        """POST ``/responses``, check the exchange into ``report``; returns the final response or stops."""
        got = self.post("/responses", body)
        if got.status != 200:
            report.extend(
                [finding("live.http", f"HTTP {got.status}: {_error_text(got)}")]
            )
            raise _Stop
        if not got.stream and got.body is None:
            report.extend(
                [
                    finding(
                        "schema.json",
                        f"the body is not a JSON object (Content-Type {got.content_type!r}): "
                        f"{got.raw[:80].decode('utf-8', 'replace')!r}",
                    )
                ]
            )
            raise _Stop
        source: Any = got.raw if got.stream else got.body
        report.extend(
            check_exchange(
                body, source, self.dialect, content_type=got.content_type
            ).findings
        )
        final = terminal_response(got.raw, self.dialect) if got.stream else got.body
        if final is None or is_error_body(final):
            report.extend([finding("live.behaviour", "no response object came back")])
            raise _Stop
        return final

    def request(self, **fields: Any) -> JSONObject:
        return {"model": self.model, **fields}

    # --- scenarios (each returns "" when it ran, or why it was skipped) --------------------------

    def basic_text(self, report: Report) -> str:
        final = self.exchange(
            report, self.request(input="Say hello in one short sentence.")
        )
        _expect(report, bool(_output_text(final)), "the response has no output_text")
        return ""

    def system_prompt(self, report: Report) -> str:
        instructions = "You are terse. Answer in uppercase."
        final = self.exchange(
            report, self.request(instructions=instructions, input="Name one colour.")
        )
        _expect(report, bool(_output_text(final)), "the response has no output_text")
        _expect(
            report,
            final.get("instructions") == instructions,
            f"response.instructions is {final.get('instructions')!r}, not the instructions sent",
        )
        return ""

    def multi_turn(self, report: Report) -> str:
        history = [
            {"type": "message", "role": "user", "content": "My name is Ada."},
            {
                "type": "message",
                "role": "assistant",
                "content": "Hello Ada.",  # a string: valid for both dialects' assistant input
            },
            {"type": "message", "role": "user", "content": "What is my name?"},
        ]
        first = self.exchange(report, self.request(input=history, store=True))
        _expect(
            report,
            bool(_output_text(first)),
            "the response to an input history has no output_text",
        )
        follow = self.request(
            input="And what did I ask you?", previous_response_id=first.get("id")
        )
        second = self.exchange(report, follow)
        _expect(
            report,
            bool(_output_text(second)),
            "the follow-up with previous_response_id has no output_text",
        )
        return ""

    def image_input(self, report: Report) -> str:
        content = [
            {"type": "input_text", "text": "What is in this image?"},
            {"type": "input_image", "image_url": PNG_DATA_URL, "detail": "low"},
        ]
        final = self.exchange(
            report,
            self.request(
                input=[{"type": "message", "role": "user", "content": content}]
            ),
        )
        _expect(
            report,
            bool(_output_text(final)),
            "the response to an image has no output_text",
        )
        return ""

    def tool_round_trip(self, report: Report) -> str:
        user = {
            "type": "message",
            "role": "user",
            "content": "What is the weather in Paris? Use get_weather.",
        }
        final = self.exchange(
            report,
            self.request(input=[user], tools=[WEATHER_TOOL], tool_choice="required"),
        )
        calls = [
            c
            for c in (as_mapping(i) for i in as_list(final.get("output")) or [])
            if c and c.get("type") == "function_call"
        ]
        if not calls:
            report.extend(
                [
                    finding(
                        "live.behaviour",
                        "tool_choice 'required' produced no function_call",
                    )
                ]
            )
            return ""
        call = calls[0]
        try:
            arguments = json.loads(str(call.get("arguments")))
        except ValueError:
            arguments = None
        _expect(
            report,
            isinstance(arguments, dict),
            f"function_call.arguments is not a JSON object: {call.get('arguments')!r}",
        )
        echoed = {
            k: call[k] for k in ("type", "call_id", "name", "arguments") if k in call
        }
        output = {
            "type": "function_call_output",
            "call_id": call.get("call_id"),
            "output": "Sunny, 21 C",
        }
        answer = self.exchange(
            report, self.request(input=[user, echoed, output], tools=[WEATHER_TOOL])
        )
        _expect(
            report,
            bool(_output_text(answer)),
            "the answer after the tool output has no output_text",
        )
        return ""

    def streaming(self, report: Report) -> str:
        final = self.exchange(
            report, self.request(input="Count from one to five.", stream=True)
        )
        _expect(
            report,
            bool(_output_text(final)),
            "the streamed response has no output_text",
        )
        return ""

    def structured_output(self, report: Report) -> str:
        text = {
            "format": {
                "type": "json_schema",
                "name": "city",
                "schema": CITY_SCHEMA,
                "strict": True,
            }
        }
        final = self.exchange(
            report, self.request(input="Name the capital of France.", text=text)
        )
        raw = _output_text(final)
        try:
            value: object = json.loads(raw)
        except ValueError:
            report.extend(
                [finding("live.behaviour", f"output_text is not JSON: {raw[:80]!r}")]
            )
            return ""
        validator = Draft202012Validator(CITY_SCHEMA)
        errors = [e.message for e in validator.iter_errors(value)]  # pyright: ignore[reportUnknownMemberType, reportArgumentType]
        _expect(
            report,
            not errors,
            f"output_text does not match the requested schema: {'; '.join(errors)[:160]}",
        )
        return ""

    def compaction(self, report: Report) -> str:
        body = self.request(
            input=[
                {
                    "type": "message",
                    "role": "user",
                    "content": "Remember: the code is 42.",
                }
            ]
        )
        got = self.post("/responses/compact", body)
        if got.status in (404, 405, 501):
            return f"the server does not offer /responses/compact (HTTP {got.status})"
        report.extend(
            check_object(body, self.dialect, "compact_request", path="request")
        )
        if got.status != 200 or got.body is None:
            report.extend(
                [finding("live.http", f"HTTP {got.status}: {_error_text(got)}")]
            )
            return ""
        report.extend(check_object(got.body, self.dialect, "compact_response"))
        return ""


class _Stop(Exception):
    """Ends a scenario whose exchange already failed (the finding is recorded)."""


def _expect(report: Report, condition: bool, message: str) -> None:
    if not condition:
        report.extend([finding("live.behaviour", message)])


def _output_text(response: Mapping[str, Any]) -> str:
    parts: list[str] = []
    for item in (as_mapping(i) for i in as_list(response.get("output")) or []):
        if item is None or item.get("type") != "message":
            continue
        for part in (as_mapping(p) for p in as_list(item.get("content")) or []):
            if (
                part is not None
                and part.get("type") == "output_text"
                and isinstance(part.get("text"), str)
            ):
                parts.append(part["text"])
    return "".join(parts)


def _error_text(got: Exchange) -> str:
    error = as_mapping((got.body or {}).get("error"))
    if error is not None and isinstance(error.get("message"), str):
        return str(error["message"])[:200]
    return got.raw[:200].decode("utf-8", "replace") or "(empty body)"
