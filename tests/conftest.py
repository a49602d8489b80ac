"""Shared fixtures: where the recorded traffic and specs live (``../shared`` next to the repo), a replay
server, and the record class of the structured-output tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from tests.servers import ReplayServer

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
RECORDED = SHARED / "fixtures" / "recorded"


def need_shared() -> Path:
    """The ``../shared`` folder, or skip the calling test with the reason."""
    if not RECORDED.is_dir():
        pytest.skip(f"recorded fixtures not found at {RECORDED} (../shared is absent)")
    return SHARED


def recorded_files(pattern: str) -> list[Path]:
    """Recorded fixture files matching ``pattern`` (empty when ../shared is absent)."""
    return sorted(RECORDED.glob(pattern)) if RECORDED.is_dir() else []


def dialect_of(path: Path) -> str:
    return "openai" if path.parent.name == "openai" else "openresponses"


def iter_events(path: Path) -> Iterator[dict[str, Any]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


@pytest.fixture
def shared() -> Path:
    return need_shared()


@pytest.fixture
def server(request: pytest.FixtureRequest) -> Iterator[ReplayServer]:
    """A replay server on 127.0.0.1 answering with the replies queued; when none is, with the test
    module's ``SERVER_DEFAULT`` reply, else 599 ("no scripted reply")."""
    from tests.servers import ReplayServer  # tests.servers reads RECORDED from here

    with ReplayServer(default=getattr(request.module, "SERVER_DEFAULT", None)) as s:
        yield s


@dataclass
class Review:
    """A book review (the local provider answers ``Review("Dune", 1)`` to ``"Dune"``)."""

    title: str
    stars: int
