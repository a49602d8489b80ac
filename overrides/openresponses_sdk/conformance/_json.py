"""Narrowing helpers for decoded JSON (``object`` → mapping or list) without ``Any`` leaking further."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast


def as_mapping(value: object) -> Mapping[str, Any] | None:
    """``value`` when it is a JSON object, else ``None``."""
    return cast("Mapping[str, Any]", value) if isinstance(value, Mapping) else None


def as_list(value: object) -> list[object] | None:
    """``value`` when it is a JSON array, else ``None``."""
    return cast("list[object]", value) if isinstance(value, list) else None
