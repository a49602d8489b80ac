"""The provider table: its invariants, the README rendering, and each provider's wire shape
(URL, auth headers, query, body) against a 127.0.0.1 server standing in for it via ``api_base``."""

from __future__ import annotations

import typing

import pytest
from openresponses_sdk import openai_types as oatypes
from openresponses_sdk import types as ortypes
from openresponses_sdk._dialects import OPENAI, OPENRESPONSES
from openresponses_sdk.api import responses
from openresponses_sdk.providers import (
    PROVIDERS,
    OpenAIProviderName,
    OpenResponsesProviderName,
    Provider,
    markdown_table,
)

from tests.servers import (
    MINIMAL_RESPONSE,
    ReplayServer,
    Reply,
    sse_body,
    text_stream_events,
)

SECRET = "sk-provider-test-9f8e7d6c"
DIALECT_OPS = {
    "openai": set(OPENAI.endpoints),
    "openresponses": set(OPENRESPONSES.endpoints),
}
ROUTABLE = sorted(n for n, p in PROVIDERS.items() if p.has_responses)


SERVER_DEFAULT = Reply.json(MINIMAL_RESPONSE)  # the conftest server answers with it when nothing is queued


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for row in PROVIDERS.values():
        for var in (row.api_key_env, row.base_url_env, row.api_version_env):
            if var:
                monkeypatch.delenv(var, raising=False)


def test_required_providers_are_covered() -> None:
    required = {
        "openai",
        "azureopenai",
        "openrouter",
        "groq",
        "huggingface",
        "fireworks",
        "xai",
        "ollama",
    }
    required |= {"lmstudio", "vllm", "custom", "local"}
    assert required <= {n for n, p in PROVIDERS.items() if p.has_responses}


@pytest.mark.parametrize("row", PROVIDERS.values(), ids=list(PROVIDERS))
def test_row_invariants(row: Provider) -> None:
    assert (
        row.name == row.name.strip().lower()
        and ":" not in row.name
        and "/" not in row.name
    )
    assert row.operations <= DIALECT_OPS[row.dialect], (
        "operations must exist in the provider's dialect"
    )
    if row.key_required:
        assert row.api_key_env, (
            "a required key needs an environment variable to come from"
        )
    if row.base_url:
        assert row.base_url.startswith(
            ("https://", "http://localhost:")
        ) and not row.base_url.endswith("/")
    assert (row.auth == "azure") == (row.api_version is not None)
    assert row.docs and (row.note or row.operations), (
        "rows without operations must say why"
    )
    if not row.has_responses:
        assert row.operations == frozenset()


def test_dialect_literals_match_the_table() -> None:
    by_dialect = {
        d: {n for n, p in PROVIDERS.items() if p.dialect == d and p.has_responses}
        for d in ("openai", "openresponses")
    }
    assert set(typing.get_args(OpenAIProviderName)) == by_dialect["openai"]
    assert (
        set(typing.get_args(OpenResponsesProviderName)) == by_dialect["openresponses"]
    )


def test_markdown_table_renders_every_row() -> None:
    table = markdown_table()
    lines = table.strip().splitlines()
    assert (
        lines[0].startswith("| provider | dialect |") and lines[1] == "|" + "---|" * 8
    )
    assert len(lines) == 2 + len(PROVIDERS)
    for row, line in zip(PROVIDERS.values(), lines[2:], strict=True):
        assert f"`{row.name}`" in line
        assert line.count(" | ") == 7, f"cell count broken in {line!r}"
        if row.api_key_env:
            assert row.api_key_env in line
        if not row.has_responses:
            assert "no Responses endpoint" in line
    assert "uncertain" in table


def _expected_path(row: Provider) -> str:
    return "/openai/v1/responses" if row.name == "azureopenai" else "/v1/responses"


@pytest.mark.parametrize("name", ROUTABLE)
def test_wire_shape(server: ReplayServer, name: str) -> None:
    row = PROVIDERS[name]
    api_base = server.url if row.base_path else server.url + "/v1"
    result = responses(
        f"{name}:my-model", "hi", api_base=api_base, api_key=SECRET, temperature=0
    )
    [request] = server.requests
    path, _, query = request.path.partition("?")
    assert request.method == "POST" and path == _expected_path(row)
    if row.auth == "azure":
        assert (
            request.headers["api-key"] == SECRET
            and "authorization" not in request.headers
        )
        assert query == "api-version=preview"
    else:
        assert (
            request.headers["authorization"] == f"Bearer {SECRET}"
            and "api-key" not in request.headers
        )
        assert query == ""
    assert request.headers["content-type"].startswith("application/json")
    assert request.json() == {"model": "my-model", "input": "hi", "temperature": 0}
    expected = (
        ortypes.ResponseResource if row.dialect == "openresponses" else oatypes.Response
    )
    assert type(result) is expected, (
        "the dialect comes from the provider, not from the payload"
    )


@pytest.mark.parametrize("name", [n for n in ROUTABLE if not PROVIDERS[n].key_required])
def test_optional_key_is_not_sent_when_absent(server: ReplayServer, name: str) -> None:
    responses(f"{name}:m", "hi", api_base=server.url + "/v1")
    assert (
        "authorization" not in server.requests[0].headers
        and "api-key" not in server.requests[0].headers
    )


@pytest.mark.parametrize("name", ["lmstudio", "ollama", "vllm"])
def test_optional_key_from_environment(
    monkeypatch: pytest.MonkeyPatch, server: ReplayServer, name: str
) -> None:
    env = PROVIDERS[name].api_key_env
    assert env is not None
    monkeypatch.setenv(env, SECRET)
    monkeypatch.setenv(str(PROVIDERS[name].base_url_env), server.url + "/v1")
    responses(f"{name}:m", "hi")
    assert server.requests[0].headers["authorization"] == f"Bearer {SECRET}"


def test_env_base_url_and_key_for_openai(
    monkeypatch: pytest.MonkeyPatch, server: ReplayServer
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    monkeypatch.setenv("OPENAI_BASE_URL", server.url + "/v1")
    assert isinstance(responses("openai:gpt-5", "hi"), oatypes.Response)
    assert server.requests[0].headers["authorization"] == f"Bearer {SECRET}"


def test_azure_from_environment(
    monkeypatch: pytest.MonkeyPatch, server: ReplayServer
) -> None:
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", SECRET)
    monkeypatch.setenv("AZURE_OPENAI_ENDPOINT", server.url + "/")
    monkeypatch.setenv("OPENAI_API_VERSION", "2026-10-01-preview")
    responses("azureopenai:my-deployment", "hi")
    assert (
        server.requests[0].path == "/openai/v1/responses?api-version=2026-10-01-preview"
    )
    assert server.requests[0].json()["model"] == "my-deployment"


@pytest.mark.parametrize(
    ("name", "event_cls"),
    [
        ("openrouter", ortypes.ResponseOutputTextDeltaStreamingEvent),
        ("groq", oatypes.ResponseTextDeltaEvent),
    ],
)
def test_streaming_shape_per_dialect(
    server: ReplayServer, name: str, event_cls: type[object]
) -> None:
    server.queue(Reply.sse([sse_body(text_stream_events(["Hel", "lo"]))]))
    stream = responses(
        f"{name}:m", "hi", api_base=server.url + "/v1", api_key=SECRET, stream=True
    )
    with stream:
        events = list(stream)
    assert server.requests[0].json()["stream"] is True
    assert {type(e).__module__ for e in events} == {event_cls.__module__}, (
        "events typed by the dialect"
    )
    deltas = [
        e.to_dict()["delta"] for e in events if e.type == "response.output_text.delta"
    ]
    assert deltas == ["Hel", "lo"] and all(
        type(e) is event_cls for e in events if e.type.endswith("text.delta")
    )
    assert stream.get_final_response().output_text == "Hello"
