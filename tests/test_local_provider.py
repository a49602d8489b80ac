"""End-to-end tests of the embedded local provider over real HTTP (127.0.0.1), checked against the spec."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
from openresponses_sdk.conformance import check_exchange
from openresponses_sdk.local import LocalServer
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "specs"
    / "openresponses"
    / "openapi-2026-04-24.json"
)
WEATHER: dict[str, Any] = {
    "type": "function",
    "name": "get_weather",
    "description": "Weather for a city",
    "parameters": {
        "type": "object",
        "properties": {
            "city": {"type": "string", "minLength": 2},
            "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
            "days": {"type": "integer", "minimum": 1, "maximum": 7},
        },
        "required": ["city", "unit", "days"],
        "additionalProperties": False,
    },
}
TIME: dict[str, Any] = {
    "type": "function",
    "name": "get_time",
    "parameters": {
        "type": "object",
        "properties": {"zone": {"type": "string"}},
        "required": ["zone"],
    },
}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    if not SPEC.exists():
        pytest.skip(
            f"pinned OpenResponses spec not found at {SPEC} (needs ../shared next to the repo)"
        )
    loaded: dict[str, Any] = json.loads(SPEC.read_text())
    return loaded


def conforms(spec: dict[str, Any], component: str, value: Any) -> None:
    """Validate ``value`` against ``#/components/schemas/<component>`` of the pinned spec."""
    resource: Resource[Any] = Resource.from_contents(
        spec, default_specification=DRAFT202012
    )
    registry: Registry[Any] = Registry[Any]().with_resource("urn:spec", resource)
    validator: Any = jsonschema.Draft202012Validator(
        {"$ref": f"urn:spec#/components/schemas/{component}"}, registry=registry
    )
    errors = sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))
    assert not errors, f"{component}: " + "; ".join(
        f"{list(e.absolute_path)}: {e.message[:200]}" for e in errors[:5]
    )


EVENT_COMPONENTS = {
    "response.created": "ResponseCreatedStreamingEvent",
    "response.in_progress": "ResponseInProgressStreamingEvent",
    "response.completed": "ResponseCompletedStreamingEvent",
    "response.incomplete": "ResponseIncompleteStreamingEvent",
    "response.output_item.added": "ResponseOutputItemAddedStreamingEvent",
    "response.output_item.done": "ResponseOutputItemDoneStreamingEvent",
    "response.content_part.added": "ResponseContentPartAddedStreamingEvent",
    "response.content_part.done": "ResponseContentPartDoneStreamingEvent",
    "response.output_text.delta": "ResponseOutputTextDeltaStreamingEvent",
    "response.output_text.done": "ResponseOutputTextDoneStreamingEvent",
    "response.function_call_arguments.delta": "ResponseFunctionCallArgumentsDeltaStreamingEvent",
    "response.function_call_arguments.done": "ResponseFunctionCallArgumentsDoneStreamingEvent",
}


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    with LocalServer() as srv:
        yield srv


@pytest.fixture
def http(server: LocalServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, timeout=10) as client:
        yield client


def create(http: httpx.Client, **body: Any) -> dict[str, Any]:
    reply = http.post("/responses", json={"model": "echo-1", **body})
    assert reply.status_code == 200, reply.text
    assert reply.headers["content-type"] == "application/json"
    result: dict[str, Any] = reply.json()
    return result


def stream(http: httpx.Client, **body: Any) -> list[dict[str, Any]]:
    """POST with stream=true; check the SSE framing and return the event payloads."""
    reply = http.post("/responses", json={"model": "echo-1", "stream": True, **body})
    assert reply.status_code == 200, reply.text
    assert reply.headers["content-type"].startswith("text/event-stream")
    blocks = reply.text.split("\n\n")
    assert blocks[-1] == "" and blocks[-2] == "data: [DONE]", (
        "stream must end with data: [DONE]"
    )
    events: list[dict[str, Any]] = []
    for block in blocks[:-2]:
        name, data = block.split("\n")
        assert name.startswith("event: ") and data.startswith("data: "), block
        event = json.loads(data.removeprefix("data: "))
        assert event["type"] == name.removeprefix("event: ")
        events.append(event)
    return events


def text_of(response: dict[str, Any]) -> str:
    return "".join(
        p["text"]
        for i in response["output"]
        if i["type"] == "message"
        for p in i["content"]
        if p["type"] == "output_text"
    )


def check_lifecycle(
    spec: dict[str, Any], events: list[dict[str, Any]]
) -> dict[str, Any]:
    """Assert the OpenResponses streaming invariants; return the terminal response."""
    for event in events:
        conforms(spec, EVENT_COMPONENTS[event["type"]], event)
    assert [e["sequence_number"] for e in events] == list(range(len(events)))
    assert [e["type"] for e in events[:2]] == [
        "response.created",
        "response.in_progress",
    ]
    assert (
        events[0]["response"]["status"] == "in_progress"
        and events[0]["response"]["output"] == []
    )
    terminal = events[-1]
    assert terminal["type"] in ("response.completed", "response.incomplete")
    assert not any(
        e["type"] in ("response.completed", "response.incomplete") for e in events[:-1]
    )
    final = terminal["response"]
    assert final["id"] == events[0]["response"]["id"]
    open_items: dict[int, dict[str, Any]] = {}
    texts: dict[tuple[int, int], str] = {}
    args: dict[int, str] = {}
    done_items: list[dict[str, Any]] = []
    for event in events[2:-1]:
        kind = event["type"]
        index = event["output_index"]
        if kind == "response.output_item.added":
            assert index == len(done_items) and index not in open_items, (
                "items are added in order"
            )
            assert event["item"]["status"] == "in_progress"
            open_items[index] = event["item"]
            continue
        item = open_items[index]
        if kind != "response.output_item.done":
            assert event["item_id"] == item["id"]
        if kind == "response.content_part.added":
            texts[(index, event["content_index"])] = event["part"]["text"]
        elif kind == "response.output_text.delta":
            texts[(index, event["content_index"])] += event["delta"]
        elif kind in ("response.output_text.done",):
            assert texts[(index, event["content_index"])] == event["text"], (
                "deltas add up to the done text"
            )
        elif kind == "response.content_part.done":
            assert event["part"]["text"] == texts[(index, event["content_index"])]
        elif kind == "response.function_call_arguments.delta":
            args[index] = args.get(index, "") + event["delta"]
        elif kind == "response.function_call_arguments.done":
            assert (
                args.get(index, "")
                == event["arguments"]
                == json.dumps(json.loads(event["arguments"]))
            )
        elif kind == "response.output_item.done":
            assert event["item"]["id"] == item["id"]
            del open_items[index]
            done_items.append(event["item"])
    assert not open_items, "every added item is done"
    assert final["output"] == done_items
    for item in done_items:
        if item["type"] == "message":
            assert [p["text"] for p in item["content"]] == [
                texts[(done_items.index(item), i)] for i in range(len(item["content"]))
            ]
        else:
            assert item["arguments"] == args[done_items.index(item)]
    conforms(spec, "ResponseResource", final)
    result: dict[str, Any] = final
    return result


def test_conformance_check_catches_violations(
    spec: dict[str, Any], http: httpx.Client
) -> None:
    response = create(http, input="x")
    del response["output"][0]["content"][0]["annotations"]
    with pytest.raises(AssertionError, match="ResponseResource"):
        conforms(spec, "ResponseResource", response)


def test_echo_non_streaming_conforms(spec: dict[str, Any], http: httpx.Client) -> None:
    response = create(http, input="hello world", temperature=0, metadata={"k": "v"})
    conforms(spec, "ResponseResource", response)
    assert response["status"] == "completed" and response["completed_at"] is not None
    assert text_of(response) == "You said: hello world"
    assert response["temperature"] == 0 and response["metadata"] == {"k": "v"}
    assert (
        response["usage"]["output_tokens"] == 4
        and response["usage"]["input_tokens"] == 2
    )


def test_echo_streaming_lifecycle(spec: dict[str, Any], http: httpx.Client) -> None:
    events = stream(http, input="stream me please")
    final = check_lifecycle(spec, events)
    assert text_of(final) == "You said: stream me please"
    assert sum(e["type"] == "response.output_text.delta" for e in events) == 5


def test_streaming_and_non_streaming_agree(http: httpx.Client) -> None:
    plain = create(http, input="same", instructions="reverse")
    streamed = stream(http, input="same", instructions="reverse")[-1]["response"]
    varying = ("id", "output", "created_at", "completed_at")
    assert {k: v for k, v in plain.items() if k not in varying} == {
        k: v for k, v in streamed.items() if k not in varying
    }
    assert text_of(plain) == text_of(streamed) == "same said: You"


def test_instructions_and_system_messages_transform(http: httpx.Client) -> None:
    assert (
        text_of(create(http, input="hi", instructions="Answer in UPPERCASE."))
        == "YOU SAID: HI"
    )
    items = [
        {"role": "developer", "content": "use lowercase"},
        {"role": "user", "content": "Hi There"},
    ]
    assert text_of(create(http, input=items)) == "you said: hi there"


def test_required_tool_call_has_schema_valid_arguments(
    spec: dict[str, Any], http: httpx.Client
) -> None:
    events = stream(
        http,
        input="What is the weather like?",
        tools=[WEATHER, TIME],
        tool_choice="required",
    )
    final = check_lifecycle(spec, events)
    [call] = final["output"]
    assert (
        call["type"] == "function_call"
        and call["name"] == "get_weather"
        and call["call_id"].startswith("call_")
    )
    arguments = json.loads(call["arguments"])
    jsonschema.validate(arguments, WEATHER["parameters"])
    assert any(e["type"] == "response.function_call_arguments.delta" for e in events)


@pytest.mark.parametrize(
    ("text", "choice", "body", "expected"),
    [
        ("use get_time for Europe/Paris", "auto", {}, ["get_time"]),
        ("use get_weather and get_time", "auto", {}, ["get_weather", "get_time"]),
        (
            "use get_weather and get_time",
            "auto",
            {"parallel_tool_calls": False},
            ["get_weather"],
        ),
        (
            "use get_weather and get_time",
            "auto",
            {"max_tool_calls": 1},
            ["get_weather"],
        ),
        ("just chatting", "auto", {}, []),
        ("use get_time", "none", {}, []),
        ("anything", {"type": "function", "name": "get_time"}, {}, ["get_time"]),
        (
            "anything",
            {
                "type": "allowed_tools",
                "tools": [{"type": "function", "name": "get_time"}],
                "mode": "required",
            },
            {},
            ["get_time"],
        ),
        (
            "use get_weather",
            {
                "type": "allowed_tools",
                "tools": [{"type": "function", "name": "get_time"}],
                "mode": "auto",
            },
            {},
            [],
        ),
    ],
)
def test_tool_choice_rules(
    spec: dict[str, Any],
    http: httpx.Client,
    text: str,
    choice: Any,
    body: dict[str, Any],
    expected: list[str],
) -> None:
    response = create(
        http, input=text, tools=[WEATHER, TIME], tool_choice=choice, **body
    )
    conforms(spec, "ResponseResource", response)
    calls = [i for i in response["output"] if i["type"] == "function_call"]
    assert [c["name"] for c in calls] == expected
    for call in calls:
        schema = WEATHER if call["name"] == "get_weather" else TIME
        jsonschema.validate(json.loads(call["arguments"]), schema["parameters"])
    if not expected:
        assert text_of(response).startswith("You said:")


def test_argument_strings_come_from_the_request(http: httpx.Client) -> None:
    response = create(http, input="please use get_time for Europe/Paris.", tools=[TIME])
    assert json.loads(response["output"][0]["arguments"]) == {"zone": "Europe/Paris"}


def test_tool_round_trip_answers_with_outputs(
    spec: dict[str, Any], http: httpx.Client
) -> None:
    first = create(http, input="use get_time for UTC", tools=[TIME])
    [call] = first["output"]
    follow = [
        {"type": "function_call_output", "call_id": call["call_id"], "output": "12:00"}
    ]
    second = create(http, input=follow, previous_response_id=first["id"], tools=[TIME])
    conforms(spec, "ResponseResource", second)
    assert text_of(second) == "Tool results: get_time returned 12:00."
    # the same turn, stateless: the whole conversation sent as input
    items = [
        {"role": "user", "content": "use get_time for UTC"},
        {k: call[k] for k in ("type", "call_id", "name", "arguments")},
        *follow,
    ]
    events = stream(http, input=items, tools=[TIME])
    assert (
        text_of(check_lifecycle(spec, events))
        == "Tool results: get_time returned 12:00."
    )


def test_max_output_tokens_gives_incomplete(
    spec: dict[str, Any], http: httpx.Client
) -> None:
    words = " ".join(f"w{i}" for i in range(40))
    response = create(http, input=words, max_output_tokens=16)
    conforms(spec, "ResponseResource", response)
    assert response["status"] == "incomplete" and response["incomplete_details"] == {
        "reason": "max_output_tokens"
    }
    assert response["output"][0]["status"] == "incomplete"
    assert (
        text_of(response) == "You said: " + " ".join(f"w{i}" for i in range(14)) + " "
    )
    events = stream(http, input=words, max_output_tokens=16)
    final = check_lifecycle(spec, events)
    assert events[-1]["type"] == "response.incomplete" and text_of(final) == text_of(
        response
    )


def test_previous_response_id_and_store(http: httpx.Client) -> None:
    first = create(http, input="my name is Ada")
    second = create(http, input="what is my name?", previous_response_id=first["id"])
    assert second["previous_response_id"] == first["id"]
    assert (
        text_of(second)
        == "You said: what is my name? Earlier you said: my name is Ada."
    )
    unstored = create(http, input="forget me", store=False)
    reply = http.post(
        "/responses",
        json={"model": "m", "input": "x", "previous_response_id": unstored["id"]},
    )
    assert reply.status_code == 400
    assert reply.json()["error"]["param"] == "previous_response_id"
    assert reply.json()["error"]["code"] == "previous_response_not_found"


def test_item_reference_resolves_stored_items(http: httpx.Client) -> None:
    first = create(http, input="remember this")
    ref = [
        {"type": "item_reference", "id": first["output"][0]["id"]},
        {"role": "user", "content": "and this"},
    ]
    assert text_of(create(http, input=ref)) == "You said: and this"
    reply = http.post(
        "/responses",
        json={"model": "m", "input": [{"type": "item_reference", "id": "msg_nope"}]},
    )
    assert reply.status_code == 400 and reply.json()["error"]["param"] == "input[0].id"


def test_json_schema_output_is_valid(spec: dict[str, Any], http: httpx.Client) -> None:
    schema = {
        "type": "object",
        "properties": {
            "title": {"type": "string"},
            "tags": {"type": "array", "items": {"type": "string"}, "minItems": 2},
            "rating": {"type": "number", "minimum": 0, "maximum": 5},
            "meta": {
                "type": "object",
                "properties": {"ok": {"type": "boolean"}},
                "required": ["ok"],
            },
        },
        "required": ["title", "tags", "rating", "meta"],
        "additionalProperties": False,
    }
    fmt = {"type": "json_schema", "name": "Review", "schema": schema, "strict": True}
    response = create(http, input="a film", text={"format": fmt})
    conforms(spec, "ResponseResource", response)
    jsonschema.validate(json.loads(text_of(response)), schema)
    assert response["text"]["format"]["name"] == "Review"
    events = stream(http, input="a film", text={"format": fmt})
    jsonschema.validate(json.loads(text_of(check_lifecycle(spec, events))), schema)
    assert json.loads(
        text_of(create(http, input="x", text={"format": {"type": "json_object"}}))
    ) == {"echo": "x"}


def test_compact_round_trip(spec: dict[str, Any], http: httpx.Client) -> None:
    first = create(http, input="alpha")
    second = create(http, input="beta", previous_response_id=first["id"])
    reply = http.post(
        "/responses/compact",
        json={"model": "echo-1", "previous_response_id": second["id"]},
    )
    assert reply.status_code == 200, reply.text
    compacted = reply.json()
    conforms(spec, "CompactResource", compacted)
    kinds = [(i["type"], i.get("role")) for i in compacted["output"]]
    assert kinds == [("message", "user"), ("message", "user"), ("compaction", None)]
    follow = [*compacted["output"], {"role": "user", "content": "gamma"}]
    assert (
        text_of(create(http, input=follow)) == "You said: gamma Earlier you said: beta."
    )
    broken = [{"type": "compaction", "encrypted_content": "garbage"}]
    reply = http.post("/responses", json={"model": "m", "input": broken})
    assert (
        reply.status_code == 400
        and reply.json()["error"]["param"] == "input[0].encrypted_content"
    )


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"input": "x"}, "model"),
        ({"model": 3}, "model"),
        ({"model": "m", "input": 5}, "input"),
        (
            {
                "model": "m",
                "input": [{"type": "message", "role": "robot", "content": "x"}],
            },
            "input[0].role",
        ),
        (
            {
                "model": "m",
                "input": [
                    {
                        "type": "message",
                        "role": "user",
                        "content": [{"type": "output_text", "text": "x"}],
                    }
                ],
            },
            "input[0].content[0].type",
        ),
        (
            {
                "model": "m",
                "input": [
                    {"role": "user", "content": "ok"},
                    {"type": "function_call_output", "output": "x"},
                ],
            },
            "input[1].call_id",
        ),
        ({"model": "m", "input": [{"type": "weird"}]}, "input[0].type"),
        (
            {"model": "m", "tools": [{"type": "function", "name": "bad name"}]},
            "tools[0].name",
        ),
        ({"model": "m", "tools": [{"type": "web_search"}]}, "tools[0].type"),
        (
            {
                "model": "m",
                "tools": [{"type": "function", "name": "f", "parameters": "x"}],
            },
            "tools[0].parameters",
        ),
        (
            {
                "model": "m",
                "tools": [WEATHER],
                "tool_choice": {"type": "function", "name": "nope"},
            },
            "tool_choice.name",
        ),
        ({"model": "m", "tool_choice": "sometimes"}, "tool_choice"),
        ({"model": "m", "tool_choice": "required"}, "tool_choice"),
        ({"model": "m", "max_output_tokens": 3}, "max_output_tokens"),
        ({"model": "m", "max_output_tokens": "many"}, "max_output_tokens"),
        ({"model": "m", "temperature": 7}, "temperature"),
        ({"model": "m", "stream": "yes"}, "stream"),
        (
            {"model": "m", "text": {"format": {"type": "json_schema", "name": "n"}}},
            "text.format.schema",
        ),
        ({"model": "m", "text": {"format": {"type": "xml"}}}, "text.format.type"),
        ({"model": "m", "metadata": {"k": 1}}, "metadata.k"),
        ({"model": "m", "include": ["everything"]}, "include[0]"),
        ({"model": "m", "background": True}, "background"),
        (
            {
                "model": "m",
                "input": "x",
                "tools": [
                    {
                        "type": "function",
                        "name": "f",
                        "parameters": {"type": "string", "pattern": "^\\d{99}Q$"},
                    }
                ],
                "tool_choice": "required",
            },
            "tools[0].parameters",
        ),
    ],
)
def test_validation_errors_name_the_parameter(
    spec: dict[str, Any], http: httpx.Client, body: dict[str, Any], param: str
) -> None:
    reply = http.post("/responses", json=body)
    assert reply.status_code == 400, reply.text
    error = reply.json()["error"]
    conforms(spec, "ErrorPayload", error)
    assert (
        error["param"] == param
        and error["type"] == "invalid_request_error"
        and error["message"]
    )


def test_malformed_requests(http: httpx.Client) -> None:
    reply = http.post(
        "/responses", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert reply.status_code == 400 and reply.json()["error"]["code"] == "invalid_json"
    reply = http.post("/responses", json=[1, 2])
    assert reply.status_code == 400 and reply.json()["error"]["code"] == "invalid_json"
    assert http.post("/nothing", json={}).status_code == 404
    assert http.get("/responses").status_code == 404


def test_unknown_fields_are_accepted(http: httpx.Client) -> None:
    assert text_of(create(http, input="x", vendor_extension={"a": 1})) == "You said: x"


def test_server_lifecycle() -> None:
    server = LocalServer()
    assert not server.running and repr(server) == "LocalServer(stopped)"
    url = server.base_url
    assert (
        server.running and url.startswith("http://127.0.0.1:") and url.endswith("/v1")
    )
    assert (
        httpx.post(url + "/responses", json={"model": "m", "input": "ping"}).status_code
        == 200
    )
    assert (
        httpx.post(
            url.removesuffix("/v1") + "/responses", json={"model": "m", "input": "ping"}
        ).status_code
        == 200
    )
    server.stop()
    server.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.post(url + "/responses", json={"model": "m"}, timeout=2)


@pytest.mark.parametrize(
    "body",
    [
        {"input": "hello"},
        {"input": "use get_time for UTC", "tools": [TIME]},
        {"input": " ".join(["w"] * 40), "max_output_tokens": 16},
        {
            "input": "x",
            "tools": [WEATHER, TIME],
            "tool_choice": "required",
            "parallel_tool_calls": False,
        },
        {
            "input": "film",
            "text": {
                "format": {
                    "type": "json_schema",
                    "name": "R",
                    "schema": WEATHER["parameters"],
                }
            },
        },
    ],
)
@pytest.mark.parametrize("streaming", [False, True])
def test_conformance_checker_finds_nothing(
    http: httpx.Client, body: dict[str, Any], streaming: bool
) -> None:
    request = {"model": "echo-1", "stream": streaming, **body}
    reply = http.post("/responses", json=request)
    payload = reply.content if streaming else reply.json()
    report = check_exchange(
        request, payload, "openresponses", content_type=reply.headers["content-type"]
    )
    assert report.findings == []


def test_chunked_and_malformed_request_framing(http: httpx.Client) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"model": "echo-1", '
        yield b'"input": "chunked"}'

    reply = http.post(
        "/responses", content=chunks(), headers={"content-type": "application/json"}
    )
    assert reply.status_code == 200 and text_of(reply.json()) == "You said: chunked"
    reply = http.post("/responses", content=b"{}", headers={"content-length": "2"})
    assert reply.status_code == 400 and reply.json()["error"]["param"] == "model"


@pytest.mark.parametrize(
    ("head", "status", "code"),
    [
        (f"Content-Length: {64 * 1024 * 1024}", 413, "request_too_large"),
        ("Content-Length: ten", 400, "invalid_request"),
        ("Transfer-Encoding: chunked\r\n\r\nzz", 400, "invalid_request"),
    ],
)
def test_bad_framing_is_answered_and_closed(
    server: LocalServer, head: str, status: int, code: str
) -> None:
    host, port = server.base_url.removeprefix("http://").split("/")[0].split(":")
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(
            f"POST /v1/responses HTTP/1.1\r\nHost: x\r\n{head}\r\n\r\n".encode()
        )
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    status_line, _, rest = data.partition(b"\r\n")
    assert status_line.split()[1] == str(status).encode()
    assert json.loads(rest.split(b"\r\n\r\n", 1)[1])["error"]["code"] == code
