"""Python values → JSON-compatible data (tool results, schema defaults, structured output round trips)."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import decimal
import enum
import typing
import uuid
from collections.abc import Mapping
from typing import Any

import attrs

from ._introspect import is_pydantic_model


def to_jsonable(value: object) -> object:
    """Convert ``value`` to JSON-compatible data; raise ``TypeError`` naming the type that has no JSON form."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value.value if isinstance(value, enum.Enum) else value
    if isinstance(value, enum.Enum):
        return to_jsonable(value.value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (uuid.UUID, decimal.Decimal)):
        return str(value)
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, Mapping):
        return {
            _key(k): to_jsonable(v)
            for k, v in typing.cast(Mapping[object, object], value).items()
        }
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_jsonable(v) for v in typing.cast("list[object]", value)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_jsonable(getattr(value, f.name))
            for f in dataclasses.fields(value)
        }
    if is_pydantic_model(type(value)):
        return typing.cast(object, value.model_dump(mode="json"))  # type: ignore[attr-defined]
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_jsonable(to_dict())  # the generated API models
    if attrs.has(type(value)):
        fields = attrs.fields(typing.cast(Any, type(value)))
        return {
            (a.alias or a.name): to_jsonable(getattr(value, a.name)) for a in fields
        }
    raise TypeError(f"a value of type {type(value).__qualname__} has no JSON form")


def _key(key: object) -> str:
    if isinstance(key, enum.Enum):
        key = key.value
    if isinstance(key, str):
        return key
    raise TypeError(
        f"a mapping key of type {type(key).__qualname__} is not a JSON object key (str)"
    )
