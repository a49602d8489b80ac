"""Live scenarios against the embedded local provider, and against faults injected into its traffic."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, cast

import httpx
from openresponses_sdk.conformance._json import as_list, as_mapping
from openresponses_sdk.conformance.live import LiveRunner, ScenarioResult
from openresponses_sdk.local import MODEL_NAME, Engine, LocalServer, RequestError

Mutation = Callable[[str, dict[str, Any], Any], httpx.Response | None]
"""(path, request body, engine result: a response dict or the list of stream events) -> a replacement or None."""


def test_local_provider_passes_every_scenario() -> None:
    with LocalServer() as server:
        results = LiveRunner(server.base_url, MODEL_NAME).run()
    assert [r.name for r in results] == [
        "basic-text",
        "system-prompt",
        "multi-turn",
        "image-input",
        "tool-call-round-trip",
        "streaming",
        "structured-output",
        "compaction",
    ]
    for r in results:
        assert r.ok and not r.skipped and r.report.findings == [], (
            r.report.render_table()
        )


def as_event(value: object) -> dict[str, Any]:
    return dict(as_mapping(value) or {})


def faulty(mutate: Mutation) -> httpx.MockTransport:
    """The local engine behind an in-process transport; ``mutate`` may edit its output or answer instead."""
    engine = Engine()

    def handle(request: httpx.Request) -> httpx.Response:
        body: dict[str, Any] = json.loads(request.content)
        path = request.url.path.removeprefix("/v1")
        try:
            if path == "/responses/compact":
                result: Any = engine.compact(body)
            else:
                created = engine.create(body)
                result = created.events if created.stream else created.response
        except RequestError as exc:
            return httpx.Response(exc.status, json=exc.body())
        replaced = mutate(path, body, result)
        if replaced is not None:
            return replaced
        events = as_list(result)
        if events is not None:
            frames = (
                "".join(
                    f"event: {as_event(e)['type']}\ndata: {json.dumps(e)}\n\n"
                    for e in events
                )
                + "data: [DONE]\n\n"
            )
            return httpx.Response(
                200,
                headers={"content-type": "text/event-stream"},
                content=frames.encode(),
            )
        return httpx.Response(200, json=result)

    return httpx.MockTransport(handle)


def run(mutate: Mutation) -> dict[str, ScenarioResult]:
    runner = LiveRunner("http://127.0.0.1:9/v1", MODEL_NAME, transport=faulty(mutate))
    return {r.name: r for r in runner.run()}


def rules(result: ScenarioResult) -> set[str]:
    return {f.rule for f in result.report.findings}


def test_unchanged_traffic_passes_through_the_fault_harness() -> None:
    results = run(lambda path, body, result: None)
    assert all(r.ok for r in results.values())


def test_broken_stream_framing_is_reported() -> None:
    def no_done(path: str, body: dict[str, Any], result: Any) -> httpx.Response | None:
        events = as_list(result)
        if events is None:
            return None
        frames = "".join(
            f"data: {json.dumps(e)}\n\n" for e in events
        )  # no event: lines, no [DONE]
        return httpx.Response(
            200, headers={"content-type": "text/event-stream"}, content=frames.encode()
        )

    results = run(no_done)
    assert {"sse.done", "sse.event-name"} <= rules(results["streaming"])
    assert not results["streaming"].ok and results["basic-text"].ok


def test_undeclared_tool_call_is_reported() -> None:
    def rename_call(path: str, body: dict[str, Any], result: Any) -> None:
        response = as_mapping(result) or {}
        for item in cast(list[dict[str, Any]], response.get("output", [])):
            if item.get("type") == "function_call":
                item["name"] = "launch_rockets"

    results = run(rename_call)
    assert "exchange.tool-declared" in rules(results["tool-call-round-trip"])


def test_http_errors_and_missing_compaction() -> None:
    def refuse(path: str, body: dict[str, Any], result: Any) -> httpx.Response | None:
        if path == "/responses/compact":
            return httpx.Response(
                404, json={"error": {"message": "no such route", "type": "not_found"}}
            )
        if body.get("instructions"):
            return httpx.Response(
                500,
                json={
                    "error": {
                        "message": "instructions are broken here",
                        "type": "server_error",
                    }
                },
            )
        return None

    results = run(refuse)
    assert (
        results["compaction"].ok
        and "does not offer /responses/compact (HTTP 404)"
        in results["compaction"].skipped
    )
    [problem] = results["system-prompt"].report.findings
    assert (
        problem.rule == "live.http"
        and problem.message == "HTTP 500: instructions are broken here"
    )


def test_structured_output_must_match_schema() -> None:
    def wrong_json(path: str, body: dict[str, Any], result: Any) -> None:
        if isinstance(result, dict) and "text" in body:
            result["output"][0]["content"][0]["text"] = json.dumps({"town": "Paris"})

    results = run(wrong_json)
    [problem] = results["structured-output"].report.findings
    assert (
        problem.rule == "live.behaviour"
        and "'city' is a required property" in problem.message
    )


def test_api_key_is_sent_but_never_reported() -> None:
    seen: list[str] = []

    def echo_key(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("authorization", ""))
        return httpx.Response(
            401,
            json={
                "error": {
                    "message": f"bad credentials {request.headers['authorization']}"
                }
            },
        )

    runner = LiveRunner(
        "http://127.0.0.1:9/v1",
        MODEL_NAME,
        api_key="sk-secret-123",
        transport=httpx.MockTransport(echo_key),
    )
    results = runner.run()
    assert seen and all(h == "Bearer sk-secret-123" for h in seen)
    text = "".join(
        r.report.to_json() + r.report.render_table() for r in results
    ) + repr(runner)
    assert "sk-secret-123" not in text and "<redacted>" in text


def test_non_json_body_is_reported() -> None:
    def html(path: str, body: dict[str, Any], result: Any) -> httpx.Response | None:
        if body.get("instructions"):
            return httpx.Response(
                200,
                headers={"content-type": "text/html"},
                content=b"<html>maintenance</html>",
            )
        return None

    results = run(html)
    [problem] = results["system-prompt"].report.findings
    assert (
        problem.rule == "schema.json"
        and "'text/html'" in problem.message
        and "maintenance" in problem.message
    )
    assert results["basic-text"].ok
