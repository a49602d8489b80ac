"""Routing rules: model strings, provider names, keys and base URLs, errors before anything is sent, client reuse."""

from __future__ import annotations

import warnings
from typing import Any

import pytest
from openresponses_sdk import routing
from openresponses_sdk.api import responses
from openresponses_sdk.errors import MissingApiKeyError, UnsupportedProviderError
from openresponses_sdk.providers import PROVIDERS
from openresponses_sdk.routing import CLIENTS, resolve, split_model

from tests.servers import MINIMAL_RESPONSE, ReplayServer, Reply

SECRET = "sk-test-SECRET-1234567890"


SERVER_DEFAULT = Reply.json(MINIMAL_RESPONSE)  # the conftest server answers with it when nothing is queued


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for row in PROVIDERS.values():
        for var in (row.api_key_env, row.base_url_env, row.api_version_env):
            if var:
                monkeypatch.delenv(var, raising=False)


@pytest.mark.parametrize(
    ("model", "provider", "expected_provider", "expected_model"),
    [
        ("openai:gpt-5", None, "openai", "gpt-5"),
        ("ollama:llama3:8b", None, "ollama", "llama3:8b"),
        (
            "huggingface:meta-llama/Llama-3.1-8B-Instruct",
            None,
            "huggingface",
            "meta-llama/Llama-3.1-8B-Instruct",
        ),
        ("openrouter:openai/gpt-4o", None, "openrouter", "openai/gpt-4o"),
        ("  OpenAI  :gpt-5", None, "openai", "gpt-5"),
        ("LMStudio:qwen", None, "lmstudio", "qwen"),
        ("LM Studio:qwen", None, "lmstudio", "qwen"),
        ("m", " Azure\tOpenAI ", "azureopenai", "m"),
        ("llama3:8b", "Ollama", "ollama", "llama3:8b"),
        ("openai:gpt-5", "groq", "groq", "openai:gpt-5"),
        ("anything/with/slashes", " VLLM ", "vllm", "anything/with/slashes"),
    ],
)
def test_split_rules(
    model: str, provider: str | None, expected_provider: str, expected_model: str
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        row, name = split_model(model, provider)
    assert (row.name, name) == (expected_provider, expected_model)


@pytest.mark.parametrize(
    ("model", "expected_provider", "expected_model"),
    [
        ("openai/gpt-4o", "openai", "gpt-4o"),
        ("openrouter/openai/gpt-4o", "openrouter", "openai/gpt-4o"),
        ("ollama/llama3:8b", "ollama", "llama3:8b"),
    ],
)
def test_legacy_slash_form_warns_at_the_caller(
    model: str, expected_provider: str, expected_model: str
) -> None:
    with pytest.warns(DeprecationWarning, match="deprecated") as caught:
        row, name = split_model(model)
    assert (row.name, name) == (expected_provider, expected_model)
    assert caught[0].filename == __file__
    assert f"{expected_provider}:{expected_model}" in str(caught[0].message)


def test_legacy_warning_points_at_the_responses_caller(server: ReplayServer) -> None:
    with pytest.warns(DeprecationWarning) as caught:
        responses("custom/m", "hi", api_base=server.url)
    assert caught[0].filename == __file__
    assert server.requests[0].json()["model"] == "m"


@pytest.mark.parametrize("model", ["gpt-4o", "", "   "])
def test_no_provider_names_expected_forms(model: str) -> None:
    with pytest.raises(ValueError, match="provider:model") as info:
        split_model(model)
    assert not isinstance(info.value, UnsupportedProviderError)


@pytest.mark.parametrize("model", [":gpt-5", "openai:", "  :x", "/x", "openai/ "])
def test_empty_parts_are_rejected(model: str) -> None:
    with pytest.raises(ValueError, match="empty provider or model"):
        split_model(model)


def test_empty_model_with_provider() -> None:
    with pytest.raises(ValueError, match="must not be empty"):
        split_model("  ", "openai")


def test_non_string_model() -> None:
    with pytest.raises(TypeError, match="model must be a string"):
        split_model(42)  # type: ignore[arg-type]


def test_unknown_provider_lists_supported() -> None:
    with pytest.raises(UnsupportedProviderError) as info:
        split_model("nope:model")
    assert info.value.provider == "nope"
    assert info.value.supported == sorted(PROVIDERS)
    for name in ("openai", "local", "lmstudio", "azureopenai"):
        assert name in str(info.value)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    "name", [n for n, p in PROVIDERS.items() if not p.has_responses]
)
def test_provider_without_responses_endpoint(name: str) -> None:
    with pytest.raises(NotImplementedError, match=f"{name}.*no Responses API endpoint"):
        resolve(f"{name}:model", api_key=SECRET)


@pytest.mark.parametrize(
    "name", [n for n, p in PROVIDERS.items() if p.key_required and p.has_responses]
)
def test_missing_key_names_the_env_var(name: str) -> None:
    row = PROVIDERS[name]
    with pytest.raises(MissingApiKeyError) as info:
        resolve(f"{name}:model", api_base="http://127.0.0.1:9")
    assert (
        row.api_key_env
        and info.value.env_var == row.api_key_env
        and row.api_key_env in str(info.value)
    )


def test_key_from_environment_and_argument_wins(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("GROQ_API_KEY", "from-env")
    assert resolve("groq:m").api_key == "from-env"
    assert resolve("groq:m", api_key="from-arg").api_key == "from-arg"
    monkeypatch.setenv("GROQ_API_KEY", "")
    with pytest.raises(MissingApiKeyError):
        resolve("groq:m")


def test_explicit_environ_mapping_is_used() -> None:
    route = resolve(
        "xai:grok",
        environ={"XAI_API_KEY": "k", "XAI_BASE_URL": "http://127.0.0.1:1/v1/"},
    )
    assert route.api_key == "k" and route.base_url == "http://127.0.0.1:1/v1"


def test_base_url_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve("openai:m", api_key="k").base_url == "https://api.openai.com/v1"
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:5/v1")
    assert resolve("openai:m", api_key="k").base_url == "http://127.0.0.1:5/v1"
    assert (
        resolve("openai:m", api_key="k", api_base="http://127.0.0.1:6/x/").base_url
        == "http://127.0.0.1:6/x"
    )


def test_azure_endpoint_version_and_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", "k")
    with pytest.raises(ValueError, match="AZURE_OPENAI_ENDPOINT"):
        resolve("azureopenai:dep")
    monkeypatch.setenv("AZURE_OPENAI_ENDPOINT", "https://res.openai.azure.com/")
    route = resolve("azureopenai:dep")
    assert route.base_url == "https://res.openai.azure.com/openai/v1"
    assert route.api_version == "preview"
    monkeypatch.setenv("OPENAI_API_VERSION", "2026-01-01")
    assert (
        resolve(
            "azureopenai:dep", api_base="https://x.openai.azure.com/openai/v1"
        ).api_version
        == "2026-01-01"
    )
    assert (
        resolve(
            "azureopenai:dep", api_base="https://x.openai.azure.com/openai/v1"
        ).base_url.count("/openai/v1")
        == 1
    )


def test_custom_needs_api_base() -> None:
    with pytest.raises(ValueError, match="api_base"):
        resolve("custom:m")
    assert resolve("custom:m", api_base="http://127.0.0.1:7/v1").api_key is None


def test_local_starts_the_embedded_server() -> None:
    route = resolve("local:echo-1")
    assert (
        route.base_url.startswith("http://127.0.0.1:")
        and route.provider.dialect == "openresponses"
    )


def test_key_never_in_route_repr_or_errors() -> None:
    route = resolve("openai:m", api_key=SECRET)
    assert SECRET not in repr(route) and SECRET not in str(route)
    with pytest.raises(UnsupportedProviderError) as info:
        resolve("nope:m", api_key=SECRET)
    assert SECRET not in str(info.value)


def _error_cases(url: str) -> list[tuple[dict[str, Any], type[Exception]]]:
    return [
        ({"model": "gpt-4o", "api_base": url}, ValueError),
        ({"model": "nope:m", "api_base": url}, UnsupportedProviderError),
        (
            {"model": "anthropic:claude", "api_base": url, "api_key": SECRET},
            NotImplementedError,
        ),
        ({"model": "openai:gpt-5", "api_base": url}, MissingApiKeyError),
        (
            {"model": "custom:m", "api_base": url, "input_data": {"role": "user"}},
            TypeError,
        ),
        ({"model": "custom:m", "api_base": url, "input_data": ["ok", 3]}, TypeError),
    ]


def test_nothing_is_sent_on_errors(server: ReplayServer) -> None:
    before = len(CLIENTS)
    for case, error in _error_cases(server.url):
        args: dict[str, Any] = {"input_data": "hi", **case}
        with pytest.raises(error):
            responses(args.pop("model"), args.pop("input_data"), **args)
    assert server.requests == []
    assert len(CLIENTS) == before, (
        "no client is created for a call that fails validation"
    )


async def test_nothing_is_sent_on_errors_async(server: ReplayServer) -> None:
    from openresponses_sdk.api import aresponses

    for case, error in _error_cases(server.url):
        args: dict[str, Any] = {"input_data": "hi", **case}
        with pytest.raises(error):
            await aresponses(args.pop("model"), args.pop("input_data"), **args)
    assert server.requests == []


def test_clients_are_reused_per_provider_base_and_key(server: ReplayServer) -> None:
    pool = routing.ClientPool()
    base = resolve("custom:m", api_base=server.url, api_key=SECRET)
    same = resolve("custom:other-model", api_base=server.url, api_key=SECRET)
    other_key = resolve("custom:m", api_base=server.url, api_key="b")
    other_provider = resolve("openresponses:m", api_base=server.url, api_key="a")
    first = pool.sync_client(base)
    assert pool.sync_client(same) is first
    assert pool.sync_client(other_key) is not first
    assert pool.sync_client(other_provider) is not first
    assert pool.sync_client(base, {"max_retries": 0}) is not first
    assert pool.sync_client(base, {"max_retries": 0}) is pool.sync_client(
        base, {"max_retries": 0}
    )
    assert len(pool) == 4
    assert SECRET not in repr(first) and SECRET not in repr(pool._key(base, None))  # pyright: ignore[reportPrivateUsage]
    pool.close()
    assert len(pool) == 0


async def test_async_clients_are_reused_on_one_loop(server: ReplayServer) -> None:
    pool = routing.ClientPool()
    route = resolve("custom:m", api_base=server.url)
    assert pool.async_client(route) is pool.async_client(route)
    pool.close()


def test_responses_reuses_the_pooled_client(server: ReplayServer) -> None:
    responses("custom:m", "one", api_base=server.url, api_key="k1")
    size = len(CLIENTS)
    responses("custom:m2", "two", api_base=server.url, api_key="k1")
    assert len(CLIENTS) == size
    responses("custom:m", "three", api_base=server.url, api_key="k2")
    assert len(CLIENTS) == size + 1
    ports = {r.client_port for r in server.requests[:2]}
    assert len(ports) == 1, "the second call reused the pooled connection"
