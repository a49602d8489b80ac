"""spec-diff on the three consecutive OpenAI releases, and the direction rules on small specs."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from openresponses_sdk.specdiff import (
    Change,
    Changelog,
    class_name,
    diff_specs,
    load_slice,
    python_name,
)

from tests.conftest import SHARED, need_shared

RELEASES = ("2026-07-16", "2026-08-14", "2026-08-21")
SHELL_EVENTS = [
    "ResponseShellCallCommandAddedStreamingEvent",
    "ResponseShellCallCommandDeltaStreamingEvent",
    "ResponseShellCallCommandDoneStreamingEvent",
    "ResponseShellCallOutputContentDeltaStreamingEvent",
    "ResponseShellCallOutputContentDoneStreamingEvent",
]


@pytest.fixture(scope="module")
def slices() -> dict[str, dict[str, Any]]:
    """Each upstream file parsed and sliced once for the whole module (3 MB each)."""
    need_shared()
    return {
        r: load_slice(SHARED / "specs" / "openai" / f"openapi-{r}.json")
        for r in RELEASES
    }


@pytest.fixture(scope="module")
def first_bump(slices: dict[str, dict[str, Any]]) -> Changelog:
    return diff_specs(slices[RELEASES[0]], slices[RELEASES[1]])


@pytest.fixture(scope="module")
def second_bump(slices: dict[str, dict[str, Any]]) -> Changelog:
    return diff_specs(slices[RELEASES[1]], slices[RELEASES[2]])


def change(log: Changelog, kind: str, schema: str, member: str = "") -> Change:
    found = log.find(kind, schema, member)
    assert found is not None, f"no {kind} {schema}.{member} in\n{log.render_markdown()}"
    return found


def test_second_bump_adds_five_shell_call_stream_events(second_bump: Changelog) -> None:
    added = [c for c in second_bump.changes if c.kind == "union-member-added"]
    assert [(c.schema, c.member) for c in added] == [
        ("ResponseStreamEvent", name) for name in SHELL_EVENTS
    ]
    assert all(
        c.breaking and c.side == "response" for c in added
    )  # exhaustive matching on events breaks
    new_schemas = sorted(
        c.schema for c in second_bump.changes if c.kind == "schema-added"
    )
    assert new_schemas == sorted([*SHELL_EVENTS, "ShellCallOutputDelta"])
    assert not any(c.breaking for c in second_bump.changes if c.kind == "schema-added")
    assert second_bump.impact.classes_added == sorted(
        [*SHELL_EVENTS, "ShellCallOutputDelta"]
    )
    assert second_bump.impact.union_members_added == [
        f"ResponseStreamEvent: {n}" for n in SHELL_EVENTS
    ]
    assert (
        second_bump.impact.classes_removed == []
        and second_bump.impact.fields_removed == []
    )


def test_second_bump_enum_bound_and_docs(second_bump: Changelog) -> None:
    model = change(second_bump, "enum-added", "ImageGenTool", "model=gpt-image-2")
    assert (
        model.side == "both" and model.breaking
    )  # echoed in Response.tools: a new received value
    bound = change(
        second_bump, "bound-changed", "CompactionSummaryItemParam", "encrypted_content"
    )
    assert bound.detail == "maxLength 10485760 -> 20971520 (wider)"
    assert [(d.schema, d.member, d.keys) for d in second_bump.docs] == [
        ("ImageGenTool", "background", ("description",))
    ]
    assert not any(
        c.schema == "ImageGenTool" and c.member == "background"
        for c in second_bump.changes
    )


def test_first_bump_contract_changes(first_bump: Changelog) -> None:
    code = change(
        first_bump, "enum-added", "ResponseErrorCode", "data_residency_mismatch"
    )
    assert code.side == "response" and code.breaking
    error = change(first_bump, "type-changed", "MCPToolCall", "error")
    assert error.detail == "type string -> MCPToolCallError" and error.breaking
    assert first_bump.impact.unions_added == [
        "MCPToolCallError"
    ]  # the new error union of MCPToolCall.error
    assert first_bump.impact.classes_added == [
        "HTTPError",
        "MCPProtocolError",
        "MCPToolExecutionError",
    ]
    web = change(first_bump, "property-added", "WebSearchTool", "external_web_access")
    assert not web.breaking and web.detail == "new optional property"
    assert "WebSearchTool.external_web_access" in first_bump.impact.fields_added
    nullable = change(
        first_bump, "nullable-changed", "CreateResponse", "prompt_cache_key"
    )
    assert (
        nullable.side == "request" and not nullable.breaking
    )  # a request may now send null: wider
    received = change(first_bump, "nullable-changed", "Response", "prompt_cache_key")
    assert (
        received.side == "response" and received.breaking
    )  # a client may now receive null
    tier = change(first_bump, "enum-added", "ServiceTierEnum", "fast")
    assert tier.side == "request" and not tier.breaking
    assert change(
        first_bump, "property-removed", "ModelResponseProperties", "service_tier"
    ).breaking


def test_first_bump_rename_and_docs(first_bump: Changelog) -> None:
    renamed = change(first_bump, "schema-renamed", "ResponseConversation")
    assert not renamed.breaking and "Conversation-2" in renamed.detail
    assert first_bump.impact.classes_renamed == [
        "Conversation2 -> ResponseConversation"  # the generator's class names
    ]
    assert (
        change(first_bump, "type-changed", "Response", "conversation").breaking is False
    )
    assert ("Reasoning", "context", ("description",)) in [
        (d.schema, d.member, d.keys) for d in first_bump.docs
    ]
    assert not [
        c for c in first_bump.changes if c.kind == "changed"
    ]  # everything classified


def test_markdown_and_json_render(second_bump: Changelog) -> None:
    text = second_bump.render_markdown()
    assert (
        "## Breaking changes" in text
        and "`ResponseStreamEvent.ResponseShellCallCommandAddedStreamingEvent`" in text
    )
    assert (
        "## Documentation-only changes\n\n- `ImageGenTool.background`: description"
        in text
    )
    data = second_bump.to_dict()
    assert data["breaking"] == len(second_bump.breaking)
    assert data["generated_api"]["classes_added"] == second_bump.impact.classes_added  # type: ignore[index]


def test_identical_specs_have_no_changes(slices: dict[str, dict[str, Any]]) -> None:
    log = diff_specs(slices[RELEASES[2]], copy.deepcopy(slices[RELEASES[2]]))
    assert log.changes == [] and log.docs == []


# --- direction rules on a minimal spec -----------------------------------------------------------


def mini() -> dict[str, Any]:
    obj = {
        "type": "object",
        "properties": {
            "a": {"type": "string"},
            "kind": {"type": "string", "enum": ["x", "y"]},
        },
        "required": ["a"],
    }
    return {
        "openapi": "3.1.0",
        "info": {"version": "1"},
        "paths": {
            "/responses": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Req"}
                            }
                        }
                    },
                    "responses": {
                        "200": {
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Resp"}
                                }
                            }
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {"Req": copy.deepcopy(obj), "Resp": copy.deepcopy(obj)}
        },
    }


Schema = dict[str, Any]
EDITS: dict[str, Callable[[Schema], object]] = {
    "require kind": lambda s: s["required"].append("kind"),
    "unrequire a": lambda s: s["required"].remove("a"),
    "add enum value": lambda s: s["properties"]["kind"]["enum"].append("z"),
    "remove enum value": lambda s: s["properties"]["kind"]["enum"].remove("y"),
    "remove property": lambda s: s["properties"].pop("kind"),
    "add property": lambda s: s["properties"].update(b={"type": "integer"}),
    "make nullable": lambda s: s["properties"]["a"].update(type=["string", "null"]),
    "add maxLength": lambda s: s["properties"]["a"].update(maxLength=5),
    "change type": lambda s: s["properties"]["a"].update(type="integer"),
}


@pytest.mark.parametrize(
    ("edit", "kind", "member", "request_breaks", "response_breaks"),
    [
        ("require kind", "required-added", "kind", True, False),
        ("unrequire a", "required-removed", "a", False, True),
        ("add enum value", "enum-added", "kind=z", False, True),
        ("remove enum value", "enum-removed", "kind=y", True, False),
        ("remove property", "property-removed", "kind", True, True),
        ("add property", "property-added", "b", False, False),
        ("make nullable", "nullable-changed", "a", False, True),
        ("add maxLength", "bound-changed", "a", True, False),
        ("change type", "type-changed", "a", True, True),
    ],
)
def test_breaking_depends_on_direction(
    edit: str, kind: str, member: str, request_breaks: bool, response_breaks: bool
) -> None:
    """Request side: narrowing breaks. Response side: widening breaks. Removal breaks both."""
    for schema, expected in (("Req", request_breaks), ("Resp", response_breaks)):
        old, new = mini(), mini()
        EDITS[edit](new["components"]["schemas"][schema])
        log = diff_specs(old, new)
        assert [(c.kind, c.schema, c.member, c.breaking) for c in log.changes] == [
            (kind, schema, member, expected)
        ]


def test_documentation_only_change_is_apart() -> None:
    old, new = mini(), mini()
    new["components"]["schemas"]["Resp"]["properties"]["a"]["description"] = "The a."
    log = diff_specs(old, new)
    assert log.changes == [] and [(d.schema, d.member) for d in log.docs] == [
        ("Resp", "a")
    ]


@pytest.mark.parametrize(
    "name", ["type", "from", "extra", "to_dict", "x-custom", "2fa", "call_id", "self"]
)
def test_field_names_follow_the_generator(name: str) -> None:
    ir = pytest.importorskip(
        "codegen.ir"
    )  # the generator is not shipped; the rule is duplicated, so compare
    assert python_name(name) == ir.py_name(name)


def test_class_names_follow_the_generator() -> None:
    assert (
        class_name("Conversation-2") == "Conversation2"
        and class_name("Response") == "Response"
    )
