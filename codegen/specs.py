"""The pinned inputs: which upstream files feed which generated module (one place for these facts)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = ROOT / "schema"
LOCK = SCHEMA_DIR / "spec.lock.json"


@dataclass(frozen=True)
class PinnedSpec:
    key: str  # lock-file key and dialect name
    upstream_url: str
    shared_file: str  # path below ../shared/specs
    committed: str  # file name below schema/
    sliced: bool  # True: only the Responses slice is committed
    package: str  # generated subpackage
    title: str
    stream_union: str
    mixins: tuple[tuple[str, str], ...]
    output_item_union: str  # its members get ``as_input()`` (OutputItemMixin)
    input_item_param: str  # the request-side union ``as_input()`` projects onto


SPECS = (
    PinnedSpec(
        key="openresponses",
        upstream_url="https://raw.githubusercontent.com/openresponses/openresponses/main/public/openapi/openapi.json",
        shared_file="openresponses/openapi-2026-04-24.json",
        committed="openresponses.json",
        sliced=False,
        package="types",
        title="OpenResponses",
        stream_union="StreamingEvent",
        mixins=(("ResponseResource", "ResponseMixin"),),
        output_item_union="ItemField",
        input_item_param="ItemParam",
    ),
    PinnedSpec(
        key="openai",
        upstream_url="https://raw.githubusercontent.com/openai/openai-openapi/main/openapi.json",
        shared_file="openai/openapi-2026-08-21.json",
        committed="openai-responses.json",
        sliced=True,
        package="openai_types",
        title="OpenAI Responses API",
        stream_union="ResponseStreamEvent",
        mixins=(("Response", "ResponseMixin"),),
        output_item_union="OutputItem",
        input_item_param="InputItem",
    ),
)
