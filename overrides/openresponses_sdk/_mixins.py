"""Hand-written behaviour mixed into generated classes (the generator names the mixin per schema)."""

from __future__ import annotations

import importlib
import sys
from types import UnionType
from typing import Any, Literal, NotRequired, Required, Union, cast, get_args, get_origin, get_type_hints, is_typeddict


class ResponseMixin:
    """Convenience accessors shared by both dialects' response objects."""

    __slots__ = ()
    output: Any

    @property
    def output_text(self) -> str:
        """All ``output_text`` parts of all assistant messages, concatenated ("" when there are none)."""
        parts: list[str] = []
        for item in self.output or ():
            if getattr(item, "type", None) != "message":
                continue
            for part in getattr(item, "content", None) or ():
                if getattr(part, "type", None) == "output_text":
                    parts.append(part.text)
        return "".join(parts)


class OutputItemMixin:
    """``as_input()`` for output items: the item as an input item for the next turn's request."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        raise NotImplementedError

    def as_input(self) -> dict[str, Any]:
        """This item as a valid input-item param of the same dialect: fields that only exist on output
        (``logprobs`` of text parts, …) are dropped, following the request-side TypedDicts."""
        models = sys.modules[type(self).__module__]
        params = importlib.import_module(type(self).__module__ + ".params")
        union = getattr(params, models.INPUT_ITEM_PARAM)
        return cast("dict[str, Any]", _project(self.to_dict(), union))


def _project(value: Any, hint: Any) -> Any:
    """Keep the parts of JSON ``value`` that the request-side type ``hint`` declares."""
    hint = _unwrap(hint)
    if is_typeddict(hint):
        if not isinstance(value, dict):
            return value
        hints = get_type_hints(hint)
        items = cast("dict[str, Any]", value).items()
        # a key the request side types as null-only (OpenResponses reasoning ``content``) cannot be sent back
        return {k: _project(v, hints[k]) for k, v in items if k in hints and not _null_only(hints[k], v)}
    origin = get_origin(hint)
    if origin is list and isinstance(value, list):
        (item,) = get_args(hint)
        return [_project(v, item) for v in value]  # pyright: ignore[reportUnknownVariableType]
    if origin in (Union, UnionType):
        for member in map(_unwrap, get_args(hint)):
            if isinstance(value, dict) and is_typeddict(member) and _matches(cast("dict[str, Any]", value), member):
                return _project(value, member)
            if isinstance(value, list) and get_origin(member) is list:
                return _project(value, member)
    return value  # pyright: ignore[reportUnknownVariableType]


def _null_only(hint: Any, value: Any) -> bool:
    return _unwrap(hint) in (None, type(None)) and value is not None


def _unwrap(hint: Any) -> Any:
    while get_origin(hint) in (NotRequired, Required):
        (hint,) = get_args(hint)
    return hint


def _matches(value: dict[str, Any], typed_dict: Any) -> bool:
    """The ``type`` (required) and ``role`` literals of ``typed_dict`` admit ``value``'s."""
    hints = get_type_hints(typed_dict)
    for tag in ("type", "role"):
        allowed = _literals(_unwrap(hints.get(tag)))
        if tag == "type" and value.get(tag) not in allowed:
            return False
        if tag in value and allowed and value[tag] not in allowed:
            return False
    return True


def _literals(hint: Any) -> set[object]:
    """Values of a ``Literal`` (or of the literals in a union of them)."""
    if get_origin(hint) is Literal:
        return set(get_args(hint))
    if get_origin(hint) in (Union, UnionType):
        return {v for member in get_args(hint) for v in _literals(member)}
    return set()
