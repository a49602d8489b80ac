"""A typed seam over ``jsonschema``, imported on first use (it takes ~0.15 s to import)."""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterable, Mapping
from typing import Any, Protocol


class _Error(Protocol):
    @property
    def message(self) -> str: ...
    @property
    def absolute_path(self) -> Iterable[str | int]: ...


@functools.cache
def _format_checker() -> Any:
    """Formats checked with the standard library only, so results never depend on optional packages;
    "date-time" and "time" are checked when arguments are converted (``fromisoformat``)."""
    from jsonschema import FormatChecker  # type: ignore[import-untyped,unused-ignore]

    return FormatChecker(formats=("date", "email", "ipv4", "ipv6", "uuid"))


class SchemaValidator:
    """Validates instances against one JSON Schema (draft 2020-12, formats checked)."""

    def __init__(self, schema: Mapping[str, Any]) -> None:
        from jsonschema import Draft202012Validator  # type: ignore[import-untyped,unused-ignore]

        self._validator: Any = Draft202012Validator(
            schema, format_checker=_format_checker()
        )

    def first_error(self, instance: object) -> tuple[str, str] | None:
        """``(path, message)`` of the most relevant violation (path like ``items[2].name``), or None."""
        from jsonschema.exceptions import best_match  # type: ignore[import-untyped,unused-ignore]

        best = typing.cast(
            "_Error | None", best_match(self._validator.iter_errors(instance))
        )
        if best is None:
            return None
        path = ""
        for part in best.absolute_path:
            path += (
                f"[{part}]" if isinstance(part, int) else (f".{part}" if path else part)
            )
        return path, best.message
