"""The provider table: every provider ``responses()`` can route to, in one data structure.

Each row says where the provider's Responses endpoint lives, which environment variables configure
it, which dialect it speaks (decides the typed return values), how the key is sent and which
operations exist. ``note`` records what is uncertain or limited, with the documentation it comes
from in ``docs`` (checked 2026-11). :func:`markdown_table` renders the README table from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal

DialectName = Literal["openresponses", "openai"]
AuthStyle = Literal["bearer", "azure", "none"]
Operation = Literal["create", "retrieve", "cancel", "delete", "input_items", "input_tokens", "compact"]

OPENAI_OPERATIONS: Final[frozenset[Operation]] = frozenset(
    {"create", "retrieve", "cancel", "delete", "input_items", "input_tokens", "compact"}
)
OPENRESPONSES_OPERATIONS: Final[frozenset[Operation]] = frozenset({"create", "compact"})


@dataclass(frozen=True)
class Provider:
    """One row of the provider table."""

    name: str
    """Routing name (``"openai"`` in ``"openai:gpt-5"``)."""
    title: str
    dialect: DialectName
    base_url: str | None
    """Default base URL (``None``: must come from ``api_base`` or ``base_url_env``)."""
    api_key_env: str | None
    base_url_env: str | None
    auth: AuthStyle
    key_required: bool
    operations: frozenset[Operation]
    """Responses operations the provider serves; empty when it has no Responses endpoint."""
    docs: str
    note: str = ""
    base_path: str = ""
    """Appended to a base URL that does not already end with it (Azure's ``/openai/v1``)."""
    api_version: str | None = None
    """Default ``api-version`` query value (Azure auth only)."""
    api_version_env: str | None = None

    @property
    def has_responses(self) -> bool:
        """Whether the provider serves a Responses ``create`` endpoint at all."""
        return "create" in self.operations


_ROWS: Final = (
    Provider(
        name="openai",
        title="OpenAI",
        dialect="openai",
        base_url="https://api.openai.com/v1",
        api_key_env="OPENAI_API_KEY",
        base_url_env="OPENAI_BASE_URL",
        auth="bearer",
        key_required=True,
        operations=OPENAI_OPERATIONS,
        docs="https://platform.openai.com/docs/api-reference/responses",
    ),
    Provider(
        name="azureopenai",
        title="Azure OpenAI",
        dialect="openai",
        base_url=None,
        api_key_env="AZURE_OPENAI_API_KEY",
        base_url_env="AZURE_OPENAI_ENDPOINT",
        auth="azure",
        key_required=True,
        operations=frozenset({"create", "retrieve", "cancel", "delete", "input_items"}),
        docs="https://learn.microsoft.com/azure/foundry/openai/how-to/responses",
        note=(
            "Base URL is the resource endpoint (https://RESOURCE.openai.azure.com) plus /openai/v1; "
            "api-version defaults to 'preview' (the v1 preview surface). compact and input_tokens are "
            "not documented for Azure (uncertain)."
        ),
        base_path="/openai/v1",
        api_version="preview",
        api_version_env="OPENAI_API_VERSION",
    ),
    Provider(
        name="openrouter",
        title="OpenRouter",
        dialect="openresponses",
        base_url="https://openrouter.ai/api/v1",
        api_key_env="OPENROUTER_API_KEY",
        base_url_env="OPENROUTER_BASE_URL",
        auth="bearer",
        key_required=True,
        operations=frozenset({"create"}),
        docs="https://openrouter.ai/docs/api/reference/responses/overview",
        note="Beta; documented as the OpenResponses format; stateless (no previous_response_id storage).",
    ),
    Provider(
        name="groq",
        title="Groq",
        dialect="openai",
        base_url="https://api.groq.com/openai/v1",
        api_key_env="GROQ_API_KEY",
        base_url_env="GROQ_BASE_URL",
        auth="bearer",
        key_required=True,
        operations=frozenset({"create"}),
        docs="https://console.groq.com/docs/responses-api",
        note="Beta; stateless: send the whole conversation as input.",
    ),
    Provider(
        name="huggingface",
        title="Hugging Face Inference Providers",
        dialect="openresponses",
        base_url="https://router.huggingface.co/v1",
        api_key_env="HF_TOKEN",
        base_url_env="HUGGINGFACE_BASE_URL",
        auth="bearer",
        key_required=True,
        operations=frozenset({"create"}),
        docs="https://huggingface.co/docs/inference-providers/guides/responses-api",
        note="Beta router over many inference providers; stateless.",
    ),
    Provider(
        name="fireworks",
        title="Fireworks AI",
        dialect="openai",
        base_url="https://api.fireworks.ai/inference/v1",
        api_key_env="FIREWORKS_API_KEY",
        base_url_env="FIREWORKS_BASE_URL",
        auth="bearer",
        key_required=True,
        operations=frozenset({"create", "retrieve", "delete"}),
        docs="https://docs.fireworks.ai/guides/response-api",
    ),
    Provider(
        name="xai",
        title="xAI",
        dialect="openai",
        base_url="https://api.x.ai/v1",
        api_key_env="XAI_API_KEY",
        base_url_env="XAI_BASE_URL",
        auth="bearer",
        key_required=True,
        operations=frozenset({"create", "retrieve", "delete"}),
        docs="https://docs.x.ai/developers/model-capabilities/text/generate-text",
    ),
    Provider(
        name="ollama",
        title="Ollama",
        dialect="openresponses",
        base_url="http://localhost:11434/v1",
        api_key_env="OLLAMA_API_KEY",
        base_url_env="OLLAMA_BASE_URL",
        auth="bearer",
        key_required=False,
        operations=frozenset({"create"}),
        docs="https://docs.ollama.com/api/openai-compatibility",
        note=(
            "Stateless /v1/responses since v0.13.3. Dialect: Ollama is an Open Responses launch partner but "
            "documents the endpoint as OpenAI-compatible (uncertain). Key only for https://ollama.com/v1."
        ),
    ),
    Provider(
        name="lmstudio",
        title="LM Studio",
        dialect="openresponses",
        base_url="http://localhost:1234/v1",
        api_key_env="LM_API_TOKEN",
        base_url_env="LMSTUDIO_BASE_URL",
        auth="bearer",
        key_required=False,
        operations=frozenset({"create"}),
        docs="https://lmstudio.ai/docs/developer/openai-compat",
        note="Stateful via previous_response_id (v0.3.29+); key only when 'Require Authentication' is on.",
    ),
    Provider(
        name="vllm",
        title="vLLM",
        dialect="openai",
        base_url="http://localhost:8000/v1",
        api_key_env="VLLM_API_KEY",
        base_url_env="VLLM_BASE_URL",
        auth="bearer",
        key_required=False,
        operations=frozenset({"create", "retrieve", "cancel"}),
        docs="https://docs.vllm.ai/en/stable/serving/openai_compatible_server.html",
        note="retrieve/cancel need the server's response store enabled (uncertain per version); key only with --api-key.",
    ),
    Provider(
        name="custom",
        title="Any OpenAI-compatible server",
        dialect="openai",
        base_url=None,
        api_key_env=None,
        base_url_env=None,
        auth="bearer",
        key_required=False,
        operations=OPENAI_OPERATIONS,
        docs="https://platform.openai.com/docs/api-reference/responses",
        note="Needs api_base; which operations exist depends on the server.",
    ),
    Provider(
        name="openresponses",
        title="Any OpenResponses server",
        dialect="openresponses",
        base_url=None,
        api_key_env=None,
        base_url_env=None,
        auth="bearer",
        key_required=False,
        operations=OPENRESPONSES_OPERATIONS,
        docs="https://www.openresponses.org/",
        note="Needs api_base.",
    ),
    Provider(
        name="local",
        title="Embedded local provider",
        dialect="openresponses",
        base_url=None,
        api_key_env=None,
        base_url_env=None,
        auth="none",
        key_required=False,
        operations=OPENRESPONSES_OPERATIONS,
        docs="openresponses_sdk.local",
        note="Deterministic echo model on 127.0.0.1, started on demand; no key, no network.",
    ),
    Provider(
        name="anthropic",
        title="Anthropic",
        dialect="openai",
        base_url=None,
        api_key_env="ANTHROPIC_API_KEY",
        base_url_env=None,
        auth="bearer",
        key_required=True,
        operations=frozenset(),
        docs="https://platform.claude.com/docs/en/cli-sdks-libraries/libraries/openai-sdk",
        note="No Responses endpoint (Messages API; OpenAI compatibility covers Chat Completions only).",
    ),
    Provider(
        name="gemini",
        title="Google Gemini",
        dialect="openai",
        base_url=None,
        api_key_env="GEMINI_API_KEY",
        base_url_env=None,
        auth="bearer",
        key_required=True,
        operations=frozenset(),
        docs="https://ai.google.dev/gemini-api/docs/openai",
        note="No Responses endpoint (Interactions and generateContent APIs; OpenAI compatibility is Chat Completions).",
    ),
)

OpenAIProviderName = Literal["openai", "azureopenai", "groq", "fireworks", "xai", "vllm", "custom"]
"""Providers of the ``openai`` dialect (for precise return types; a test keeps it equal to the table)."""
OpenResponsesProviderName = Literal["openrouter", "huggingface", "ollama", "lmstudio", "openresponses", "local"]
"""Providers of the ``openresponses`` dialect (for precise return types; a test keeps it equal to the table)."""

PROVIDERS: Final[Mapping[str, Provider]] = MappingProxyType({p.name: p for p in _ROWS})
"""The provider table, by routing name."""


def markdown_table() -> str:
    """The provider table as Markdown (for the README)."""
    header = "| provider | dialect | default base URL | API key env | base URL env | auth | operations | notes |"
    lines = [header, "|" + "---|" * 8]
    for p in _ROWS:
        if p.has_responses:
            ops = ", ".join(sorted(p.operations))
        else:
            ops = "none (no Responses endpoint)"
        auth = {"bearer": "Bearer", "azure": "`api-key` + `api-version`", "none": "none"}[p.auth]
        key = f"`{p.api_key_env}`" if p.api_key_env else "—"
        if p.api_key_env and not p.key_required:
            key += " (optional)"
        base = f"`{p.base_url}`" if p.base_url else ("started on demand" if p.name == "local" else "—")
        cells = [
            f"[`{p.name}`]({p.docs})" if p.docs.startswith("http") else f"`{p.name}`",
            p.dialect,
            base,
            key,
            f"`{p.base_url_env}`" if p.base_url_env else "—",
            auth,
            ops,
            p.note.replace("|", "\\|"),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
