"""Python type annotations → JSON Schema (draft 2020-12), with ``$defs``/``$ref`` for named classes.

The schema built here is the full, non-strict form: optional fields are simply not required and carry
their ``default``. :mod:`._strict` derives the strict form from it.
"""

from __future__ import annotations

import collections.abc
import datetime as dt
import decimal
import enum
import json
import types
import typing
import uuid
from typing import Any, Literal, get_args, get_origin

from ..errors import ToolDefinitionError
from ._docstrings import own_doc, parse_doc
from ._encode import to_jsonable
from ._introspect import (
    MISSING,
    FieldSpec,
    as_class,
    class_fields,
    is_pydantic_model,
    is_record_class,
    is_typeddict,
)

JsonSchema = dict[str, Any]
"""A JSON Schema object: arbitrary JSON by definition, hence ``Any`` values."""

DECIMAL_PATTERN = r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$"

_SCALARS: dict[type, JsonSchema] = {
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    str: {"type": "string"},
    type(None): {"type": "null"},
    bytes: {"type": "string", "contentEncoding": "base64"},
    bytearray: {"type": "string", "contentEncoding": "base64"},
    dt.datetime: {"type": "string", "format": "date-time"},
    dt.date: {"type": "string", "format": "date"},
    dt.time: {"type": "string", "format": "time"},
    uuid.UUID: {"type": "string", "format": "uuid"},
    decimal.Decimal: {
        "anyOf": [{"type": "number"}, {"type": "string", "pattern": DECIMAL_PATTERN}]
    },
}

SEQUENCES: frozenset[object] = frozenset(
    {
        list,
        collections.abc.Sequence,
        collections.abc.MutableSequence,
        collections.abc.Iterable,
    }
)
SETS: frozenset[object] = frozenset(
    {set, frozenset, collections.abc.Set, collections.abc.MutableSet}
)
MAPPINGS: frozenset[object] = frozenset(
    {dict, collections.abc.Mapping, collections.abc.MutableMapping}
)
_JSON_TYPES: dict[type, str] = {
    bool: "boolean",
    int: "integer",
    float: "number",
    str: "string",
    type(None): "null",
}


def json_type_of(value: object) -> str:
    """The JSON Schema ``type`` of a literal/enum value; an unsupported value is a clear error."""
    for py, name in _JSON_TYPES.items():
        if type(value) is py:
            return name
    raise ToolDefinitionError(
        f"literal value {value!r} is not a JSON string, number, boolean or null"
    )


def strip_annotated(tp: object) -> tuple[object, tuple[object, ...]]:
    """``Annotated[T, *meta]`` → ``(T, meta)`` (nested ones flattened); anything else → ``(tp, ())``."""
    meta: tuple[object, ...] = ()
    while get_origin(tp) is typing.Annotated:
        args = get_args(tp)
        tp, meta = args[0], meta + tuple(args[1:])
    return tp, meta


def unwrap_alias(tp: object) -> object:
    """Follow ``NewType`` and ``type X = ...`` aliases to the type they stand for."""
    while True:
        supertype = getattr(tp, "__supertype__", None)
        value = (
            getattr(tp, "__value__", None)
            if type(tp).__name__ == "TypeAliasType"
            else None
        )
        if supertype is not None:
            tp = supertype
        elif value is not None:
            tp = value
        else:
            return tp


class SchemaBuilder:
    """Builds schemas for many annotations sharing one ``$defs`` table (one entry per named class)."""

    def __init__(self) -> None:
        self.defs: dict[str, JsonSchema] = {}
        self._names: dict[object, str] = {}

    def object_schema(
        self, fields: list[FieldSpec], where: str, *, description: str = ""
    ) -> JsonSchema:
        """An object with one property per field (``additionalProperties: false``), defaults included."""
        schema: JsonSchema = {"type": "object"}
        if description:
            schema["description"] = description
        properties: dict[str, JsonSchema] = {}
        required: list[str] = []
        extra: JsonSchema | None = None
        for f in fields:
            at = f"{where}.{f.key}" if where else f.key
            if f.kind == "var_keyword":
                extra = self.schema(f.type, at)
                continue
            prop = self.schema(f.type, at)
            if f.kind == "var_positional":
                prop = {"type": "array", "items": prop}
            if not _has_annotated_description(
                f.type
            ):  # Annotated text wins over the docstring's
                prop = self._describe(prop, f.description)
            if not f.required and f.default is not MISSING:
                try:
                    prop = {**prop, "default": to_jsonable(f.default)}
                except TypeError:
                    pass  # not JSON-representable: it stays a Python-side default, absent from the schema
            properties[f.key] = prop
            if f.required:
                required.append(f.key)
        schema["properties"] = properties
        schema["required"] = required
        schema["additionalProperties"] = extra if extra is not None else False
        return schema

    def schema(self, tp: object, where: str) -> JsonSchema:
        """The JSON Schema of one annotation; ``where`` (e.g. ``tool 'f': city``) names it in errors."""
        tp, meta = strip_annotated(unwrap_alias(tp))
        schema = self._bare(unwrap_alias(tp), where)
        for item in meta:
            schema = _apply_metadata(schema, item)
        return schema

    def _bare(self, tp: object, where: str) -> JsonSchema:
        if tp is Any or tp is object:
            return {}
        if tp is None:
            return {"type": "null"}
        cls = as_class(tp)
        if cls is not None and cls in _SCALARS:
            return dict(_SCALARS[cls])
        if cls is not None and issubclass(cls, enum.Enum):
            return self._enum(cls, where)
        origin: object = get_origin(tp)
        args = get_args(tp)
        if origin is Literal:
            return _literal(args, where)
        if origin is typing.Union or origin is types.UnionType:
            members = [self.schema(a, where) for a in args]
            return {
                "anyOf": [
                    s
                    for m in members
                    for s in (m["anyOf"] if list(m) == ["anyOf"] else [m])
                ]
            }
        if origin in SEQUENCES or tp in SEQUENCES:
            return (
                {"type": "array", "items": self.schema(args[0], f"{where}[]")}
                if args
                else {"type": "array"}
            )
        if origin in SETS or tp in SETS:
            items = {"items": self.schema(args[0], f"{where}[]")} if args else {}
            return {"type": "array", **items, "uniqueItems": True}
        if origin is tuple or tp is tuple:
            return self._tuple(args, where)
        if origin in MAPPINGS or tp in MAPPINGS:
            return self._mapping(args, where)
        if cls is not None and is_record_class(cls):
            return self._ref(cls, where)
        if origin is not None and is_record_class(origin):
            raise ToolDefinitionError(
                f"generic class {tp!r} with type arguments is not supported", where
            )
        cls = as_class(tp)
        if cls is not None:
            for base, schema in _SCALARS.items():
                if issubclass(cls, base) and base is not bool:
                    return dict(schema)  # str/int/float subclasses
        raise ToolDefinitionError(
            f"type {tp!r} cannot be described in JSON Schema", where
        )

    def _enum(self, tp: type[enum.Enum], where: str) -> JsonSchema:
        values = [m.value for m in tp]
        kinds = list(dict.fromkeys(json_type_of(v) for v in values))
        schema: JsonSchema = {
            "type": kinds[0] if len(kinds) == 1 else kinds,
            "enum": values,
        }
        text = parse_doc(own_doc(tp)).description
        return self._describe(schema, text)

    def _tuple(self, args: tuple[object, ...], where: str) -> JsonSchema:
        if not args:
            return {"type": "array"}
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.schema(args[0], f"{where}[]")}
        if args == ((),):  # tuple[()]
            return {"type": "array", "maxItems": 0}
        items = [self.schema(a, f"{where}[{i}]") for i, a in enumerate(args)]
        n = len(items)
        if all(i == items[0] for i in items):
            return {"type": "array", "items": items[0], "minItems": n, "maxItems": n}
        return {
            "type": "array",
            "prefixItems": items,
            "items": False,
            "minItems": n,
            "maxItems": n,
        }

    def _mapping(self, args: tuple[object, ...], where: str) -> JsonSchema:
        if not args:
            return {"type": "object"}
        key, _ = strip_annotated(unwrap_alias(args[0]))
        if not (
            key is str
            or (
                isinstance(key, type)
                and issubclass(key, str)
                and not issubclass(key, enum.Enum)
            )
        ):
            raise ToolDefinitionError(
                f"mapping keys must be str (JSON object keys), got {key!r}", where
            )
        return {
            "type": "object",
            "additionalProperties": self.schema(args[1], f"{where}{{}}"),
        }

    def _ref(self, cls: type[object], where: str) -> JsonSchema:
        name = self._names.get(cls)
        if name is None:
            name = self._def_name(cls)
            self._names[cls] = name
            self.defs[name] = {}  # reserved first: recursive references resolve to it
            self.defs[name] = self._record(cls, where)
        return {"$ref": f"#/$defs/{name}"}

    def _def_name(self, cls: type[object]) -> str:
        name, n = cls.__name__, 1
        while name in self.defs:
            n += 1
            name = f"{cls.__name__}_{n}"
        return name

    def _record(self, cls: type[object], where: str) -> JsonSchema:
        if is_pydantic_model(cls):
            return self._pydantic(cls)
        description = parse_doc(own_doc(cls)).description
        schema = self.object_schema(
            class_fields(cls, where), where, description=description
        )
        if is_typeddict(cls):
            schema["additionalProperties"] = False
        return schema

    def _pydantic(self, cls: type[object]) -> JsonSchema:
        """Pydantic's own schema for the model, its ``$defs`` merged into ours."""
        model: Any = cls  # pydantic is optional: no static types for it here
        schema = typing.cast(
            JsonSchema, model.model_json_schema(ref_template="#/$defs/{model}")
        )
        own = self._names[cls]
        for name, sub in typing.cast(
            dict[str, JsonSchema], schema.pop("$defs", {})
        ).items():
            if name == cls.__name__ and schema == {"$ref": f"#/$defs/{name}"}:
                schema = (
                    sub  # a recursive model: pydantic puts the model itself in $defs
                )
            elif name in self.defs and self.defs[name] not in ({}, sub):
                raise ToolDefinitionError(
                    f"two different classes are named {name!r}; rename one",
                    cls.__qualname__,
                )
            else:
                self.defs[name] = sub
        return _rename_ref(schema, f"#/$defs/{cls.__name__}", f"#/$defs/{own}")

    @staticmethod
    def _describe(schema: JsonSchema, text: str) -> JsonSchema:
        return {**schema, "description": text} if text else schema


def _has_annotated_description(tp: object) -> bool:
    _, meta = strip_annotated(unwrap_alias(tp))
    return any(
        isinstance(m, str) or isinstance(getattr(m, "description", None), str)
        for m in meta
    )


def _rename_ref(schema: JsonSchema, old: str, new: str) -> JsonSchema:
    """``schema`` with every ``$ref`` equal to ``old`` pointing to ``new`` instead."""
    if old == new:
        return schema
    return typing.cast(
        JsonSchema,
        json.loads(json.dumps(schema).replace(json.dumps(old), json.dumps(new))),
    )


def _literal(values: tuple[object, ...], where: str) -> JsonSchema:
    flat: list[object] = []
    for v in values:
        flat.append(v.value if isinstance(v, enum.Enum) else v)
    try:
        kinds = list(dict.fromkeys(json_type_of(v) for v in flat))
    except ToolDefinitionError as exc:
        raise ToolDefinitionError(exc.reason, where) from None
    return {"type": kinds[0] if len(kinds) == 1 else kinds, "enum": flat}


_BOUNDS = {
    "ge": "minimum",
    "gt": "exclusiveMinimum",
    "le": "maximum",
    "lt": "exclusiveMaximum",
}
_LENGTHS = {
    "string": ("minLength", "maxLength"),
    "array": ("minItems", "maxItems"),
    "object": ("minProperties", "maxProperties"),
}


def _apply_metadata(schema: JsonSchema, item: object) -> JsonSchema:
    """Apply one ``Annotated`` item: a string is the description; constraint objects
    (``annotated_types`` / pydantic ``Field``) become JSON Schema keywords where JSON Schema has one."""
    if isinstance(item, str):
        return {**schema, "description": item}
    if list(schema) == ["anyOf"] or (list(schema) == ["anyOf", "description"]):
        members = [
            m if m.get("type") == "null" else _apply_metadata(m, item)
            for m in schema["anyOf"]
        ]
        return {**schema, "anyOf": members}
    out = dict(schema)
    description = getattr(item, "description", None)
    if isinstance(description, str) and description:
        out["description"] = description
    for attr, keyword in _BOUNDS.items():
        value = getattr(item, attr, None)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            out[keyword] = value
    multiple_of = getattr(item, "multiple_of", None)
    if isinstance(multiple_of, (int, float)) and not isinstance(multiple_of, bool):
        out["multipleOf"] = multiple_of
    low_key, high_key = _LENGTHS.get(
        str(schema.get("type")), ("minLength", "maxLength")
    )
    for attr, keyword in (("min_length", low_key), ("max_length", high_key)):
        value = getattr(item, attr, None)
        if isinstance(value, int) and not isinstance(value, bool):
            out[keyword] = value
    pattern = getattr(item, "pattern", None)
    if isinstance(pattern, str):
        out["pattern"] = pattern
    nested: object = getattr(item, "metadata", None)
    if isinstance(nested, list):
        for sub in typing.cast(list[object], nested):
            out = _apply_metadata(out, sub)
    return out
