"""JSON data → the Python types of an annotation (the reverse of :mod:`._jsonschema`).

Errors are :class:`~openresponses_sdk.errors.ValidationError` with the JSON path of the bad value. A JSON
``null`` for a field that has a default but does not accept ``None`` means "use the default": that is how
strict mode (every property required, optional ones nullable) says "not given".
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import decimal
import enum
import types
import typing
import uuid
from collections.abc import Callable, Mapping
from typing import Any, Literal, get_args, get_origin

import attrs

from ..errors import ValidationError
from ._introspect import (
    FieldSpec,
    as_class,
    class_fields,
    is_pydantic_model,
    is_typeddict,
)
from ._jsonschema import MAPPINGS, SEQUENCES, SETS, strip_annotated, unwrap_alias


def _path(base: str, segment: str) -> str:
    if segment.startswith("["):
        return base + segment
    return f"{base}.{segment}" if base else segment


def accepts_none(tp: object) -> bool:
    """Whether ``None`` is a valid value of annotation ``tp``."""
    tp, _ = strip_annotated(unwrap_alias(tp))
    if tp is Any or tp is object or tp is None or tp is type(None):
        return True
    origin = get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        return any(accepts_none(a) for a in get_args(tp))
    return origin is Literal and None in get_args(tp)


def coerce(value: object, tp: object, path: str = "") -> object:
    """``value`` (decoded JSON) converted to annotation ``tp``; ``path`` locates it for error messages."""
    tp, _ = strip_annotated(unwrap_alias(tp))
    tp = unwrap_alias(tp)
    if tp is Any or tp is object:
        return value
    if tp is None or tp is type(None):
        return _expect(value, value is None, "null", path)
    origin, args = get_origin(tp), get_args(tp)
    if origin is Literal:
        for allowed in args:
            plain = allowed.value if isinstance(allowed, enum.Enum) else allowed
            if value == plain and type(value) is type(plain):
                return allowed
        raise ValidationError(
            f"expected one of {[a.value if isinstance(a, enum.Enum) else a for a in args]!r}, got {value!r}",
            path,
        )
    if origin is typing.Union or origin is types.UnionType:
        return _union(value, args, path)
    cls = as_class(tp)
    if cls is not None:
        simple = _SIMPLE.get(cls)
        if simple is not None:
            return simple(value, path)
        if issubclass(cls, enum.Enum):
            return _enum(value, cls, path)
        if is_pydantic_model(cls):
            return _pydantic(value, cls, path)
        if is_typeddict(cls) or dataclasses.is_dataclass(cls) or attrs.has(cls):
            return _record(value, cls, path)
    container: object = origin if origin is not None else tp
    if container in SEQUENCES:
        items = _array(value, path)
        return [
            coerce(v, args[0] if args else Any, _path(path, f"[{i}]"))
            for i, v in enumerate(items)
        ]
    if container in SETS:
        items = _array(value, path)
        converted = [
            coerce(v, args[0] if args else Any, _path(path, f"[{i}]"))
            for i, v in enumerate(items)
        ]
        try:
            return frozenset(converted) if container is frozenset else set(converted)
        except TypeError as exc:
            raise ValidationError(
                f"items cannot be put in a set ({exc})", path
            ) from None
    if container is tuple:
        return _tuple(value, args, path)
    if container in MAPPINGS:
        data = _object(value, path)
        item_type = args[1] if args else Any
        return {k: coerce(v, item_type, _path(path, k)) for k, v in data.items()}
    if cls is not None:
        for base in (str, int, float):
            if issubclass(cls, base):
                return typing.cast(Callable[[object], object], cls)(
                    _SIMPLE[base](value, path)
                )
    raise ValidationError(f"cannot convert to {tp!r}", path)


def coerce_fields(
    value: object, fields: list[FieldSpec], path: str
) -> dict[str, object]:
    """A JSON object → ``{python name: value}`` for these fields (defaults left out, unknown keys refused)."""
    data = _object(value, path)
    by_key = {f.key: f for f in fields if f.kind != "var_keyword"}
    extra_type = next((f.type for f in fields if f.kind == "var_keyword"), None)
    out: dict[str, object] = {}
    for key, item in data.items():
        spec = by_key.get(key)
        at = _path(path, key)
        if spec is None:
            if extra_type is None:
                raise ValidationError(
                    f"unexpected property (allowed: {', '.join(by_key) or 'none'})", at
                )
            out[key] = coerce(item, extra_type, at)
            continue
        if item is None and not spec.required and not accepts_none(spec.type):
            continue  # strict mode's "not given"
        if spec.kind == "var_positional":
            out[spec.attr] = [
                coerce(v, spec.type, _path(at, f"[{i}]"))
                for i, v in enumerate(_array(item, at))
            ]
        else:
            out[spec.attr] = coerce(item, spec.type, at)
    missing = [f.key for f in fields if f.required and f.key not in data]
    if missing:
        raise ValidationError(f"missing required properties {missing}", path)
    return out


def _record(value: object, cls: type[object], path: str) -> object:
    kwargs = coerce_fields(value, class_fields(cls, cls.__qualname__), path)
    if is_typeddict(cls):
        return kwargs
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as exc:
        raise ValidationError(f"cannot build {cls.__qualname__}: {exc}", path) from None


def _pydantic(value: object, cls: type[object], path: str) -> object:
    model: Any = cls  # pydantic is optional: no static types for it here
    data = dict(_object(value, path))
    for name, field in typing.cast(dict[str, Any], model.model_fields).items():
        key = str(field.alias or name)
        if (
            data.get(key, 0) is None
            and not field.is_required()
            and not accepts_none(field.annotation)
        ):
            del data[key]  # strict mode's "not given"
    try:
        return typing.cast(object, model.model_validate(data))
    except ValueError as exc:  # pydantic.ValidationError is a ValueError
        errors = typing.cast(list[dict[str, Any]], typing.cast(Any, exc).errors())
        loc = path
        for part in typing.cast(
            tuple[str | int, ...], errors[0]["loc"] if errors else ()
        ):
            loc = _path(loc, f"[{part}]" if isinstance(part, int) else part)
        raise ValidationError(
            str(errors[0]["msg"]) if errors else str(exc), loc
        ) from None


def _union(value: object, members: tuple[object, ...], path: str) -> object:
    """The first member (in declared order) that accepts ``value``; exact JSON type matches are tried first."""
    errors: list[str] = []
    ordered = sorted(members, key=lambda m: not _plain_match(value, m))
    for member in ordered:
        try:
            return coerce(value, member, path)
        except ValidationError as exc:
            errors.append(exc.reason)
    raise ValidationError(
        f"{value!r} matches none of the allowed types ({'; '.join(errors)})", path
    )


def _plain_match(value: object, member: object) -> bool:
    bare, _ = strip_annotated(member)
    return as_class(bare) is type(value)


def _expect(value: object, ok: bool, what: str, path: str) -> object:
    if not ok:
        raise ValidationError(
            f"expected {what}, got {_json_kind(value)} {value!r}", path
        )
    return value


def _json_kind(value: object) -> str:
    for py, name in (
        (bool, "boolean"),
        (int, "integer"),
        (float, "number"),
        (str, "string"),
        (list, "array"),
        (dict, "object"),
        (type(None), "null"),
    ):
        if isinstance(value, py):
            return name
    return type(value).__qualname__


def _array(value: object, path: str) -> list[object]:
    _expect(value, isinstance(value, list), "an array", path)
    return typing.cast(list[object], value)


def _object(value: object, path: str) -> Mapping[str, object]:
    _expect(value, isinstance(value, Mapping), "an object", path)
    return typing.cast(Mapping[str, object], value)


def _tuple(value: object, args: tuple[object, ...], path: str) -> tuple[object, ...]:
    items = _array(value, path)
    if not args or (len(args) == 2 and args[1] is Ellipsis):
        item_type = args[0] if args else Any
        return tuple(
            coerce(v, item_type, _path(path, f"[{i}]")) for i, v in enumerate(items)
        )
    types_ = () if args == ((),) else args
    if len(items) != len(types_):
        raise ValidationError(
            f"expected an array of {len(types_)} items, got {len(items)}", path
        )
    return tuple(
        coerce(v, t, _path(path, f"[{i}]"))
        for i, (v, t) in enumerate(zip(items, types_))
    )


def _enum(value: object, cls: type[enum.Enum], path: str) -> enum.Enum:
    for member in cls:
        if member.value == value and type(member.value) is type(value):
            return member
    raise ValidationError(
        f"expected one of {[m.value for m in cls]!r}, got {value!r}", path
    )


def _str(value: object, path: str) -> object:
    return _expect(value, isinstance(value, str), "a string", path)


def _int(value: object, path: str) -> object:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return _expect(
        value,
        isinstance(value, int) and not isinstance(value, bool),
        "an integer",
        path,
    )


def _float(value: object, path: str) -> object:
    _expect(
        value,
        isinstance(value, (int, float)) and not isinstance(value, bool),
        "a number",
        path,
    )
    return float(typing.cast(float, value))


def _bool(value: object, path: str) -> object:
    return _expect(value, isinstance(value, bool), "a boolean", path)


def _bytes(value: object, path: str) -> object:
    text = typing.cast(str, _str(value, path))
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ValidationError(
            f"expected base64-encoded data, got {text!r}", path
        ) from None


def _parser(
    kind: str, parse: Callable[[str], object]
) -> Callable[[object, str], object]:
    def convert(value: object, path: str) -> object:
        text = typing.cast(str, _str(value, path))
        try:
            return parse(text)
        except ValueError:
            raise ValidationError(f"expected {kind}, got {text!r}", path) from None

    return convert


def _decimal(value: object, path: str) -> object:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return decimal.Decimal(repr(value))
    text = typing.cast(
        str,
        _expect(value, isinstance(value, str), "a number or a decimal string", path),
    )
    try:
        return decimal.Decimal(text)
    except decimal.InvalidOperation:
        raise ValidationError(
            f"expected a decimal number, got {text!r}", path
        ) from None


_SIMPLE: dict[type, Callable[[object, str], object]] = {
    bool: _bool,
    int: _int,
    float: _float,
    str: _str,
    bytes: _bytes,
    bytearray: lambda v, p: bytearray(typing.cast(bytes, _bytes(v, p))),
    dt.datetime: _parser("an ISO 8601 date-time", dt.datetime.fromisoformat),
    dt.date: _parser("an ISO 8601 date", dt.date.fromisoformat),
    dt.time: _parser("an ISO 8601 time", dt.time.fromisoformat),
    uuid.UUID: _parser("a UUID", uuid.UUID),
    decimal.Decimal: _decimal,
}
