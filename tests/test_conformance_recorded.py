"""Calibration: the checker's verdict on every recorded fixture, each finding explained.

Real servers' deviations from the pinned spec are reported (and explained here); anything else the
checker says about these recordings would be a false alarm and fails the test.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from openresponses_sdk.conformance import Report, check_capture, check_response

from tests.conftest import (
    RECORDED,
    dialect_of,
    iter_events,
    need_shared,
    recorded_files,
)

Key = tuple[str, str]

# OpenAI bodies: "user": null although the spec types `user` as a (non-nullable) string, and usage
# without input_tokens_details.cache_write_tokens, which the 2026-08-21 spec makes required (the
# recordings predate it). Both are relaxations in codegen/deviations.py.
OPENAI_BODY: Counter[Key] = Counter(
    {
        ("schema.type", "user"): 1,
        ("schema.required", "usage.input_tokens_details.cache_write_tokens"): 1,
    }
)


def openai_stream(responses: int = 1, snapshots: int = 3) -> Counter[Key]:
    """The same two deviations in every response snapshot of each stream (created, in_progress, terminal),
    plus "usage": null in the created and in_progress snapshots (the spec's `usage` is not nullable);
    only the terminal snapshot carries usage details."""
    return Counter(
        {
            ("schema.type", "response.user"): responses * snapshots,
            ("schema.type", "response.usage"): responses * (snapshots - 1),
            (
                "schema.required",
                "response.usage.input_tokens_details.cache_write_tokens",
            ): responses,
        }
    )


PHASE_RESPONSE = [
    "error",
    "incomplete_details",
    "instructions",
    "tools",
    "parallel_tool_calls",
    "metadata",
    "tool_choice",
    "temperature",
    "top_p",
]

EXPECTED: dict[str, Counter[Key]] = {
    "openai/openai-apply-patch-tool.1.json": OPENAI_BODY,
    # apply_patch_call_operation_diff.delta/.done are not in the 2026-08-21 spec's ResponseStreamEvent
    # and are not provider-prefixed: one warning per unknown event type.
    "openai/openai-apply-patch-tool.1.chunks.txt": openai_stream()
    + Counter({("ext.non-conformant", ""): 2}),
    "openai/openai-code-interpreter-tool.1.json": OPENAI_BODY,
    "openai/openai-code-interpreter-tool.1.chunks.txt": openai_stream(),
    "openai/openai-compaction.1.json": OPENAI_BODY,
    "openai/openai-compaction.1.chunks.txt": openai_stream(),
    "openai/openai-custom-tool.1.json": OPENAI_BODY,
    # A hand-made recording (id resp_custom_tool_test_001): none of its 8 events has sequence_number.
    "openai/openai-custom-tool.1.chunks.txt": openai_stream()
    + Counter({("schema.required", "sequence_number"): 8}),
    # HTTP error body {"error": {...}}: valid against the spec's Error schema.
    "openai/openai-error.1.json": Counter(),
    # The error event nests {type, code, message, param} under "error" where the spec has them flat
    # (required code/message/param missing); response.failed carries code 'insufficient_quota', which
    # is not in ResponseErrorCode's enum. All three snapshots have "usage": null.
    "openai/openai-error.1.chunks.txt": openai_stream()
    + Counter(
        {
            ("schema.type", "response.usage"): 1,
            ("schema.required", "code"): 1,
            ("schema.required", "message"): 1,
            ("schema.required", "param"): 1,
            ("schema.enum", "response.error.code"): 1,
            (
                "schema.required",
                "response.usage.input_tokens_details.cache_write_tokens",
            ): -1,
        }
    ),
    "openai/openai-file-search-tool.1.json": OPENAI_BODY,
    "openai/openai-file-search-tool.1.chunks.txt": openai_stream(),
    "openai/openai-image-generation-tool.1.json": OPENAI_BODY,
    # output_item.added carries the image_generation_call without its (required, nullable) result.
    "openai/openai-image-generation-tool.1.chunks.txt": openai_stream()
    + Counter({("schema.required", "item.result"): 1}),
    "openai/openai-mcp-tool.1.json": OPENAI_BODY,
    "openai/openai-mcp-tool.1.chunks.txt": openai_stream(),
    # A trimmed body with only 8 fields: nine required Response fields are absent; "user" too (allowed).
    "openai/openai-phase.1.json": Counter(
        {("schema.required", n): 1 for n in PHASE_RESPONSE}
    )
    + Counter(
        {("schema.required", "usage.input_tokens_details.cache_write_tokens"): 1}
    ),
    # The stream was trimmed by whoever recorded it: the same nine fields are missing from all three
    # snapshots, output_text.delta events lack the required logprobs, most deltas were cut (sequence
    # jumps 5->41 and 52->126, so .done texts are not the sum of the two deltas left), and the
    # web_search_call at output_index 1 (sequence 44-48) was cut from the stream and the final output:
    # the next item is added at output_index 2 and sits at output[1] of the terminal response.
    "openai/openai-phase.1.chunks.txt": Counter(
        {("schema.required", f"response.{n}"): 3 for n in PHASE_RESPONSE}
    )
    + Counter(
        {
            ("schema.type", "response.usage"): 2,
            (
                "schema.required",
                "response.usage.input_tokens_details.cache_write_tokens",
            ): 1,
            ("schema.required", "logprobs"): 4,
            ("stream.sequence-gap", "sequence_number"): 3,
            ("stream.delta-sum", "text"): 2,
            ("stream.output-index", "output_index"): 1,
            ("stream.response-output", "response.output[1]"): 1,
        }
    ),
    "openai/openai-reasoning-encrypted-content.1.json": OPENAI_BODY,
    # Four consecutive streams; function_call_arguments.done lacks the required `name` in three.
    "openai/openai-reasoning-encrypted-content.1.chunks.txt": openai_stream(4)
    + Counter({("schema.required", "name"): 3}),
    # shell_call items without the required (nullable) `environment`.
    "openai/openai-shell-tool.1.json": OPENAI_BODY
    + Counter({("schema.required", "output[0].environment"): 1}),
    "openai/openai-shell-tool.1.chunks.txt": openai_stream(2)
    + Counter(
        {
            ("schema.required", "item.environment"): 2,
            ("schema.required", "response.output[0].environment"): 1,
        }
    ),
    "openai/openai-web-search-tool.1.json": OPENAI_BODY,
    # web_search_call items in output_item.added/.done lack the required `action` (6 items).
    "openai/openai-web-search-tool.1.chunks.txt": openai_stream()
    + Counter({("schema.required", "item.action"): 6}),
    "openai/reasoning-model-temperature-error.json": Counter(),
    "openresponses/lmstudio-basic.1.json": Counter(),
    "openresponses/lmstudio-basic.1.chunks.txt": Counter(),
    "openresponses/lmstudio-tool-call.1.json": Counter(),
    # LM Studio streams reasoning with OpenAI's response.reasoning_text.delta/.done names; OpenResponses
    # 2026-04-24 calls them response.reasoning.delta/.done, so they are bare unknown types (warnings).
    "openresponses/lmstudio-tool-call.1.chunks.txt": Counter(
        {("ext.non-conformant", ""): 2}
    ),
}


def verdict(path: Path) -> Report:
    dialect = "openai" if dialect_of(path) == "openai" else "openresponses"
    if path.name.endswith(".chunks.txt"):
        return check_capture(list(iter_events(path)), dialect)
    return check_response(json.loads(path.read_text(encoding="utf-8")), dialect)


FILES = [p for p in recorded_files("*/*") if p.suffix in (".json", ".txt")]


def test_every_fixture_has_an_explanation() -> None:
    need_shared()
    names = {p.relative_to(RECORDED).as_posix() for p in FILES}
    assert names == set(EXPECTED)


@pytest.mark.parametrize(
    "path", FILES, ids=lambda p: p.relative_to(RECORDED).as_posix()
)
def test_recorded_fixture_findings_are_explained(path: Path) -> None:
    report = verdict(path)
    got = Counter((f.rule, f.path) for f in report.findings)
    assert got == EXPECTED[path.relative_to(RECORDED).as_posix()], report.render_table()


def test_openresponses_recordings_pass() -> None:
    need_shared()
    for name in (
        "lmstudio-basic.1.chunks.txt",
        "lmstudio-tool-call.1.chunks.txt",
        "lmstudio-basic.1.json",
    ):
        assert verdict(RECORDED / "openresponses" / name).ok


def test_phase_findings_name_the_events() -> None:
    need_shared()
    report = verdict(RECORDED / "openai" / "openai-phase.1.chunks.txt")
    located = {
        (f.rule, f.event_index) for f in report.findings if f.rule.startswith("stream.")
    }
    assert located == {
        ("stream.delta-sum", 6),
        ("stream.delta-sum", 13),
        ("stream.sequence-gap", 6),
        ("stream.sequence-gap", 9),
        ("stream.sequence-gap", 13),
        ("stream.output-index", 9),
        ("stream.response-output", 16),
    }
    gap = next(f for f in report.findings if f.rule == "stream.sequence-gap")
    assert gap.severity == "warning" and "from 5 to 41" in gap.message


def test_capture_indexes_are_those_of_the_file() -> None:
    """Four streams in one file: findings of the later streams point at lines of the file."""
    need_shared()
    path = RECORDED / "openai" / "openai-reasoning-encrypted-content.1.chunks.txt"
    lines = list(iter_events(path))
    without_name = [
        i
        for i, e in enumerate(lines)
        if e["type"] == "response.function_call_arguments.done" and "name" not in e
    ]
    report = verdict(path)
    assert [f.event_index for f in report.findings if f.path == "name"] == without_name
    assert len(without_name) == 3 and without_name[-1] > 56  # beyond the first stream
