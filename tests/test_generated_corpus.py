"""Every recorded payload parses into typed models, has no Unknown… for spec-defined types, and round-trips."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest

from openresponses_sdk import openai_types, types
from openresponses_sdk._base import UnknownVariant
from tests.conftest import REPO, dialect_of, iter_events, recorded_files

MODULES = {"openai": openai_types, "openresponses": types}
RESPONSES: dict[str, Any] = {"openai": openai_types.Response, "openresponses": types.ResponseResource}
STREAM_UNION = {"openai": ("openai-responses.json", "ResponseStreamEvent"), "openresponses": ("openresponses.json", None)}


def spec_event_types(dialect: str) -> set[str]:
    """Event ``type`` values the pinned spec defines (read from schema/, not from the generator)."""
    file, union = STREAM_UNION[dialect]
    spec = json.loads((REPO / "schema" / file).read_text())
    if union is None:
        media = spec["paths"]["/responses"]["post"]["responses"]["200"]["content"]["text/event-stream"]
        members = media["schema"]["oneOf"]
    else:
        members = spec["components"]["schemas"][union]["anyOf"]
    tags: set[str] = set()
    for m in members:
        schema = spec["components"]["schemas"][m["$ref"].rsplit("/", 1)[1]]
        tags.update(schema["properties"]["type"]["enum"])
    return tags


def unknowns(obj: object, path: str = "$") -> list[tuple[str, str]]:
    """Every Unknown… instance below ``obj`` as (path, type)."""
    if isinstance(obj, UnknownVariant):
        return [(path, obj.tag)]
    if attrs.has(type(obj)):
        return [u for a in attrs.fields(type(obj)) for u in unknowns(getattr(obj, a.name), f"{path}.{a.name}")]
    if isinstance(obj, list):
        return [u for i, x in enumerate(obj) for u in unknowns(x, f"{path}[{i}]")]  # pyright: ignore[reportUnknownVariableType, reportUnknownArgumentType]
    return []


BODIES = [p for p in recorded_files("*/*.json") if "output" in json.loads(p.read_text())]
STREAMS = recorded_files("*/*.chunks.txt")


def test_corpus_present() -> None:
    if not BODIES:
        pytest.skip("recorded fixtures not found (../shared is absent)")
    assert len(BODIES) == 13 and len(STREAMS) == 14


@pytest.mark.parametrize("path", BODIES, ids=[p.name for p in BODIES])
def test_recorded_response_parses_and_round_trips(path: Path) -> None:
    data = json.loads(path.read_text())
    resp = RESPONSES[dialect_of(path)].from_dict(data)
    assert unknowns(resp) == []
    assert resp.to_dict() == data
    assert resp.id == data["id"]


@pytest.mark.parametrize("path", STREAMS, ids=[p.name for p in STREAMS])
def test_recorded_stream_events_parse_and_round_trip(path: Path) -> None:
    dialect = dialect_of(path)
    module = MODULES[dialect]
    defined = spec_event_types(dialect)
    for index, data in enumerate(iter_events(path)):
        event = module.parse_stream_event(data)
        assert event.to_dict() == data, f"event {index} does not round-trip"
        if isinstance(event, UnknownVariant):
            assert event.tag == data["type"]
            assert data["type"] not in defined, f"event {index}: spec-defined {data['type']!r} came back Unknown"
            assert event.raw == data
        else:
            assert event.type == data["type"]
            assert unknowns(event) == [], f"event {index}"


def test_undefined_types_in_corpus_are_exactly_the_expected_ones() -> None:
    """The recordings use event types newer than the pinned specs; they must be kept as Unknown…."""
    seen: set[tuple[str, str]] = set()
    for path in STREAMS:
        dialect = dialect_of(path)
        for data in iter_events(path):
            if data["type"] not in spec_event_types(dialect):
                seen.add((dialect, data["type"]))
    if not STREAMS:
        pytest.skip("recorded fixtures not found (../shared is absent)")
    assert seen == {
        ("openai", "response.apply_patch_call_operation_diff.delta"),
        ("openai", "response.apply_patch_call_operation_diff.done"),
        ("openresponses", "response.reasoning_text.delta"),
        ("openresponses", "response.reasoning_text.done"),
    }
