"""JSON value types shared by the local provider's modules."""

from __future__ import annotations

from typing import TypeAlias

Json: TypeAlias = "None | bool | int | float | str | list[Json] | dict[str, Json]"
"""Any JSON value, as produced by :func:`json.loads`."""

JsonObject: TypeAlias = "dict[str, Json]"
"""A JSON object."""
