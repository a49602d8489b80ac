"""Deterministic example values for a JSON Schema.

The local model uses them for function-call arguments and structured (``json_schema``) output:
the value always validates against the schema, or :class:`SchemaValueError` says where it cannot.
Only required object properties are produced; arrays get their minimum length (at least one item
near the root, none in deep recursion), numbers the smallest valid value at or above 1.
"""

from __future__ import annotations

import math
import re
from typing import cast

from ._json import Json, JsonObject

_MAX_DEPTH = 24
_FORMATS: dict[str, str] = {
    "date-time": "2026-01-01T00:00:00Z",
    "date": "2026-01-01",
    "time": "00:00:00Z",
    "duration": "P1D",
    "email": "user@example.com",
    "idn-email": "user@example.com",
    "hostname": "example.com",
    "idn-hostname": "example.com",
    "ipv4": "127.0.0.1",
    "ipv6": "::1",
    "uri": "https://example.com/",
    "iri": "https://example.com/",
    "uri-reference": "https://example.com/",
    "uuid": "00000000-0000-4000-8000-000000000000",
}
_PATTERN_CANDIDATES = (
    "text",
    "a",
    "A",
    "0",
    "abc",
    "ABC",
    "abc123",
    "a-b_c",
    "x@y.z",
    "2026-01-01",
)


class SchemaValueError(ValueError):
    """The schema is contradictory or uses a constraint the generator cannot satisfy (``path`` says where)."""

    def __init__(self, message: str, path: str) -> None:
        self.path = path
        super().__init__(f"{path}: {message}")


def example_for_schema(schema: Json, *, text: str = "text") -> Json:
    """Return a value valid for ``schema``; ``text`` seeds free-form strings."""
    return _Generator(schema, text or "text").value(schema, "$", 0, 0)


class _Generator:
    def __init__(self, root: Json, text: str) -> None:
        self._root = root
        self._text = text

    def value(self, schema: Json, path: str, depth: int, variant: int) -> Json:
        if depth > _MAX_DEPTH:
            raise SchemaValueError(
                "schema recursion too deep to produce a finite value", path
            )
        if schema is True or schema == {}:
            return self._string({}, path, variant)
        if not isinstance(schema, dict):
            raise SchemaValueError(f"expected a schema object, got {schema!r}", path)
        schema = self._resolve(schema, path)
        if "const" in schema:
            return schema["const"]
        enum = schema.get("enum")
        if isinstance(enum, list) and enum:
            return enum[variant % len(enum)]
        for key in ("anyOf", "oneOf"):
            branches = schema.get(key)
            if isinstance(branches, list) and branches:
                return self._branch(schema, key, branches, path, depth, variant)
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and all_of:
            return self.value(self._merge(schema, all_of, path), path, depth, variant)
        kind = _type_of(schema)
        if kind == "object":
            return self._object(schema, path, depth)
        if kind == "array":
            return self._array(schema, path, depth)
        if kind == "string":
            return self._string(schema, path, variant)
        if kind == "integer":
            return int(self._number(schema, path, variant, integer=True))
        if kind == "number":
            return float(self._number(schema, path, variant, integer=False))
        if kind == "boolean":
            return variant % 2 == 0
        if kind == "null":
            return None
        raise SchemaValueError(f"unsupported type {kind!r}", path)

    def _resolve(self, schema: JsonObject, path: str) -> JsonObject:
        seen: set[str] = set()
        while isinstance(ref := schema.get("$ref"), str):
            if ref in seen:
                raise SchemaValueError(f"$ref cycle through {ref!r}", path)
            seen.add(ref)
            target = self._pointer(ref, path)
            rest = {k: v for k, v in schema.items() if k != "$ref"}
            schema = {**target, **rest} if rest else target
        return schema

    def _pointer(self, ref: str, path: str) -> JsonObject:
        if not ref.startswith("#"):
            raise SchemaValueError(f"only local $ref is supported, got {ref!r}", path)
        node: Json = self._root
        for raw in filter(None, ref[1:].split("/")):
            part = raw.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, dict) or part not in node:
                raise SchemaValueError(f"$ref {ref!r} does not resolve", path)
            node = node[part]
        if not isinstance(node, dict):
            raise SchemaValueError(
                f"$ref {ref!r} does not point to a schema object", path
            )
        return node

    def _branch(
        self,
        schema: JsonObject,
        key: str,
        branches: list[Json],
        path: str,
        depth: int,
        variant: int,
    ) -> Json:
        base = {k: v for k, v in schema.items() if k != key}
        non_null = [
            b for b in branches if not (isinstance(b, dict) and b.get("type") == "null")
        ]
        chosen = non_null[0] if non_null else branches[0]
        merged = {**base, **chosen} if isinstance(chosen, dict) else chosen
        return self.value(merged, f"{path}<{key}>", depth + 1, variant)

    def _merge(self, schema: JsonObject, parts: list[Json], path: str) -> JsonObject:
        merged: JsonObject = {k: v for k, v in schema.items() if k != "allOf"}
        properties: JsonObject = dict(cast(JsonObject, merged.get("properties") or {}))
        required: list[Json] = list(cast(list[Json], merged.get("required") or []))
        for part in parts:
            if not isinstance(part, dict):
                raise SchemaValueError("allOf entries must be schema objects", path)
            part = self._resolve(part, path)
            for key, val in part.items():
                if key == "properties" and isinstance(val, dict):
                    properties.update(val)
                elif key == "required" and isinstance(val, list):
                    required.extend(r for r in val if r not in required)
                else:
                    merged.setdefault(key, val)
        if properties:
            merged["properties"] = properties
        if required:
            merged["required"] = required
        return merged

    def _object(self, schema: JsonObject, path: str, depth: int) -> JsonObject:
        props = schema.get("properties")
        properties = props if isinstance(props, dict) else {}
        req = schema.get("required")
        names = [n for n in req if isinstance(n, str)] if isinstance(req, list) else []
        min_props = _int(schema.get("minProperties"), 0)
        for name in properties:
            if len(names) >= min_props:
                break
            if name not in names:
                names.append(name)
        result: JsonObject = {}
        extra = schema.get("additionalProperties", True)
        for name in names:
            sub = properties.get(name, extra)
            if sub is False:
                raise SchemaValueError(f"required property {name!r} is forbidden", path)
            result[name] = self.value(sub, f"{path}.{name}", depth + 1, 0)
        index = 0
        while len(result) < min_props:
            if extra is False:
                raise SchemaValueError(
                    "minProperties exceeds the allowed properties", path
                )
            key = f"key{index}"
            index += 1
            if key not in result:
                result[key] = self.value(extra, f"{path}.{key}", depth + 1, index)
        return result

    def _array(self, schema: JsonObject, path: str, depth: int) -> list[Json]:
        prefix = schema.get("prefixItems")
        prefix_items = prefix if isinstance(prefix, list) else []
        items = schema.get("items", not prefix_items)
        low = _int(schema.get("minItems"), 0)
        high = _int(schema.get("maxItems"), 10**6)
        count = max(low, len(prefix_items), 1 if depth < 3 else 0)
        if items is False:
            count = min(count, len(prefix_items))
        count = min(count, high)
        if count < low:
            raise SchemaValueError("minItems cannot be met", path)
        result: list[Json] = []
        for index in range(count):
            sub = prefix_items[index] if index < len(prefix_items) else items
            result.append(self.value(sub, f"{path}[{index}]", depth + 1, index))
        return result

    def _string(self, schema: JsonObject, path: str, variant: int) -> str:
        fmt = schema.get("format")
        base = _FORMATS.get(fmt, self._text) if isinstance(fmt, str) else self._text
        if variant and fmt not in _FORMATS:
            base = f"{base} {variant}"
        low = _int(schema.get("minLength"), 0)
        high = _int(schema.get("maxLength"), 10**9)
        if low > high:
            raise SchemaValueError("minLength is greater than maxLength", path)
        pattern = schema.get("pattern")
        candidates = (
            [base, *_PATTERN_CANDIDATES] if isinstance(pattern, str) else [base]
        )
        for candidate in candidates:
            value = _fit_length(candidate, low, high)
            if not isinstance(pattern, str) or re.search(pattern, value):
                return value
        raise SchemaValueError(
            f"cannot produce a string matching pattern {pattern!r}", path
        )

    def _number(
        self, schema: JsonObject, path: str, variant: int, *, integer: bool
    ) -> float:
        low = -math.inf
        high = math.inf
        lo_excl = hi_excl = False
        if isinstance(v := schema.get("minimum"), int | float):
            low = float(v)
        if isinstance(v := schema.get("exclusiveMinimum"), int | float) and v >= low:
            low, lo_excl = float(v), True
        if isinstance(v := schema.get("maximum"), int | float):
            high = float(v)
        if isinstance(v := schema.get("exclusiveMaximum"), int | float) and v <= high:
            high, hi_excl = float(v), True
        step_raw = schema.get("multipleOf")
        step = (
            float(step_raw)
            if isinstance(step_raw, int | float) and step_raw > 0
            else (1.0 if integer else 0.5)
        )
        start = max(low, 1.0 + variant)
        value = math.ceil(start / step) * step
        if lo_excl and value <= low:
            value += step
        if integer and value != int(value):
            value = math.ceil(value)
            while value / step != round(value / step):
                value += 1
        if value > high or (hi_excl and value >= high):
            value = (
                math.ceil(low / step) * step
                if low != -math.inf
                else math.floor(high / step) * step
            )
            if lo_excl and value <= low:
                value += step
            if hi_excl and value >= high:
                value -= step
        if (
            value < low
            or value > high
            or (lo_excl and value <= low)
            or (hi_excl and value >= high)
        ):
            raise SchemaValueError("no number satisfies the bounds", path)
        return value


def _type_of(schema: JsonObject) -> str:
    kind = schema.get("type")
    if isinstance(kind, list):
        named = [k for k in kind if isinstance(k, str)]
        non_null = [k for k in named if k != "null"]
        return non_null[0] if non_null else (named[0] if named else "string")
    if isinstance(kind, str):
        return kind
    if (
        "properties" in schema
        or "additionalProperties" in schema
        or "required" in schema
    ):
        return "object"
    if "items" in schema or "prefixItems" in schema:
        return "array"
    if any(
        k in schema
        for k in (
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
        )
    ):
        return "number"
    return "string"


def _int(value: Json, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _fit_length(value: str, low: int, high: int) -> str:
    if len(value) > high:
        value = value[:high]
    if len(value) < low:
        value = value + "x" * (low - len(value))
    return value
