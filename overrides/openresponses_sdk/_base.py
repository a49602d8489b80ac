"""Runtime support for the generated models: validation helpers and the ``Unknown…`` variant base."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar, Literal, TypeVar

import attrs

from openresponses_sdk._unset import UNSET
from openresponses_sdk.errors import ValidationError

T = TypeVar("T")

_KINDS: dict[type, str] = {str: "string", int: "integer", float: "number", bool: "boolean", list: "array", dict: "object"}


def describe(value: object) -> str:
    """A short JSON-flavoured description of ``value`` for error messages."""
    if value is None:
        return "null"
    kind = _KINDS.get(type(value), type(value).__name__)
    if kind in ("string", "integer", "number", "boolean"):
        text = repr(value)
        return f"{kind} {text[:40] + '…' if len(text) > 40 else text}"
    return kind


def bad_type(key: str, expected: str, value: object) -> ValidationError:
    return ValidationError(f"expected {expected}, got {describe(value)}", key)


def bad_value(key: str, allowed: tuple[object, ...], value: object) -> ValidationError:
    options = ", ".join(repr(a) for a in allowed)
    return ValidationError(f"expected one of {options}, got {describe(value)}", key)


def missing(key: object) -> ValidationError:
    return ValidationError("missing required field", str(key))


def as_object(value: object) -> dict[str, Any]:
    """``value`` as a ``dict`` (any ``Mapping`` is accepted), else a ValidationError."""
    if isinstance(value, dict):
        return value  # pyright: ignore[reportUnknownVariableType]
    if isinstance(value, Mapping):
        return dict(value)  # pyright: ignore[reportUnknownArgumentType]
    raise bad_type("", "object", value)


def is_mapping(value: object) -> bool:
    """True for a JSON object (any ``Mapping``); a plain bool so ``Any`` stays ``Any`` for type checkers."""
    return value.__class__ is dict or isinstance(value, Mapping)


def no_extra() -> dict[str, Any]:
    """Default factory of every model's ``extra`` field."""
    return {}


def extra_fields(data: Mapping[str, Any], known: frozenset[str]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in known}


def expect_str(value: Any) -> str:
    if value.__class__ is not str:
        raise bad_type("", "string", value)
    return value


def expect_int(value: Any) -> int:
    if value.__class__ is not int:
        raise bad_type("", "integer", value)
    return value


def expect_float(value: Any) -> float:
    if value.__class__ is not float and value.__class__ is not int:
        raise bad_type("", "number", value)
    return value


def expect_bool(value: Any) -> bool:
    if value.__class__ is not bool:
        raise bad_type("", "boolean", value)
    return value


def expect_any(value: Any) -> Any:
    return value


def expect_object(value: Any) -> dict[str, Any]:
    if value.__class__ is not dict:
        return as_object(value)
    return value


def list_of(value: Any, conv: Callable[[Any], T]) -> list[T]:
    """Convert every element with ``conv``; an error names the element's index."""
    if value.__class__ is not list:
        raise bad_type("", "array", value)
    try:
        return [conv(x) for x in value]
    except ValidationError:
        for i, x in enumerate(value):
            try:
                conv(x)
            except ValidationError as e:
                raise e.under(f"[{i}]") from None
        raise


def map_of(value: Any, conv: Callable[[Any], T]) -> dict[str, T]:
    """Convert every value of a JSON object with ``conv``; an error names the key."""
    data = expect_object(value)
    out: dict[str, T] = {}
    for k, x in data.items():
        try:
            out[k] = conv(x)
        except ValidationError as e:
            raise e.under(f".{k}") from None
    return out


def first_valid(data: Any, convs: tuple[Callable[[Any], object], ...]) -> Any:
    """The first conversion that succeeds; else the error that got furthest into the payload."""
    errors: list[ValidationError] = []
    for conv in convs:
        try:
            return conv(data)
        except ValidationError as e:
            errors.append(e)
    raise max(errors, key=lambda e: len(e.path))


def dump(value: Any) -> Any:
    """JSON-ready copy of a model, list, dict or scalar."""
    to_dict = getattr(value, "to_dict", None)
    if to_dict is not None:
        return to_dict()
    if isinstance(value, list):
        return [dump(x) for x in value]  # pyright: ignore[reportUnknownVariableType]
    if isinstance(value, dict):
        return {k: dump(x) for k, x in value.items()}  # pyright: ignore[reportUnknownVariableType]
    return value


class Model:
    """Base of every generated model: field-wise ``==`` and a ``repr`` that leaves out absent fields."""

    __slots__ = ()
    __attrs_attrs__: ClassVar[tuple[attrs.Attribute[Any], ...]]

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{a.name}={getattr(self, a.name)!r}"
            for a in self.__attrs_attrs__
            if getattr(self, a.name) is not UNSET and not (a.name == "extra" and not getattr(self, a.name))
        )
        return f"{type(self).__name__}({shown})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, a.name) == getattr(other, a.name) for a in self.__attrs_attrs__)

    __hash__ = None  # type: ignore[assignment]  # mutable models are not hashable


@attrs.define(slots=True)
class UnknownVariant:
    """A union member this spec version does not define: the payload is kept whole and round-trips.

    ``type`` is the reserved literal ``"unknown"`` so that ``event.type == "..."`` narrows a union in
    mypy and pyright alike; the tag the server actually sent is ``tag`` (also in ``raw``).
    """

    tag: str
    raw: dict[str, Any] = attrs.field(repr=False)
    type: ClassVar[Literal["unknown"]] = "unknown"

    def to_dict(self) -> dict[str, Any]:
        return dict(self.raw)


def tag_fallback(data: Any, prop: str, unknown: Callable[[str, dict[str, Any]], T]) -> T:
    """Unknown tag → ``unknown(tag, raw)``; a missing or non-string tag is a ValidationError."""
    obj = as_object(data)
    if prop not in obj:
        raise ValidationError("missing discriminator field", prop)
    tag = obj[prop]
    if tag.__class__ is not str:
        raise bad_type(prop, "string", tag)
    return unknown(tag, obj)
