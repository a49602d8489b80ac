"""The strict-mode transform: a full JSON Schema → the subset OpenAI's strict mode accepts.

Rules (OpenAI "Structured Outputs" supported schemas): the root is an object; every object lists all its
properties in ``required`` and has ``additionalProperties: false``; optional properties become nullable;
no ``default``; keywords limited to the subset below (string ``pattern``/``format``, numeric bounds and
``multipleOf``, array ``minItems``/``maxItems``, ``enum``/``const``/``anyOf``/``$ref``/``$defs``).
Validation-only keywords outside the subset (``minLength``...) are dropped from the emitted schema and
restated in the description; they are still enforced when tool arguments are validated (:func:`lenient`). A construct that
cannot be expressed (free-form objects, ``Any``, heterogeneous tuples...) raises :class:`NotStrict`.
"""

from __future__ import annotations

import json
import typing

from ._jsonschema import JsonSchema

STRICT_FORMATS = frozenset(
    {
        "date-time",
        "time",
        "date",
        "duration",
        "email",
        "hostname",
        "ipv4",
        "ipv6",
        "uuid",
    }
)
_STRUCTURE = frozenset(
    {
        "type",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "anyOf",
        "$ref",
        "$defs",
    }
)
_VALUES = frozenset(
    {
        "enum",
        "const",
        "pattern",
        "format",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "minItems",
        "maxItems",
    }
)
_ANNOTATIONS = frozenset({"description", "title"})
_DROPPED_SILENTLY = frozenset(
    {
        "default",
        "examples",
        "example",
        "readOnly",
        "writeOnly",
        "deprecated",
        "$comment",
        "$schema",
        "$id",
        "discriminator",
    }
)
_INEXPRESSIBLE = frozenset(
    {
        "prefixItems",
        "not",
        "if",
        "then",
        "else",
        "patternProperties",
        "dependentSchemas",
        "dependentRequired",
        "unevaluatedProperties",
        "unevaluatedItems",
        "propertyNames",
        "contains",
        "minContains",
        "maxContains",
        "additionalItems",
    }
)


class NotStrict(Exception):
    """The schema has a construct strict mode cannot express; ``path`` names the property (``city.tags[]``)."""

    def __init__(self, reason: str, path: str) -> None:
        self.reason = reason
        self.path = path
        super().__init__(f"{path or '<root>'}: {reason}")


def strictify(schema: JsonSchema) -> JsonSchema:
    """Strict form of ``schema`` (raises :class:`NotStrict` naming the first inexpressible property)."""
    return _Strictifier(schema.get("$defs", {})).root(schema)


_SUBSCHEMA = frozenset(
    {
        "items",
        "additionalProperties",
        "not",
        "if",
        "then",
        "else",
        "contains",
        "propertyNames",
        "unevaluatedItems",
        "unevaluatedProperties",
    }
)
_SUBSCHEMA_LISTS = frozenset({"anyOf", "oneOf", "allOf", "prefixItems"})
_SUBSCHEMA_MAPS = frozenset(
    {"properties", "$defs", "patternProperties", "dependentSchemas"}
)


def lenient(schema: JsonSchema) -> JsonSchema:
    """``schema`` with every optional property also accepting ``null``: it validates arguments sent in
    strict mode (null = not given) as well as in non-strict mode (property absent), all constraints kept."""
    out: JsonSchema = {}
    for key, value in schema.items():
        if key in _SUBSCHEMA and isinstance(value, dict):
            out[key] = lenient(typing.cast(JsonSchema, value))
        elif key in _SUBSCHEMA_LISTS and isinstance(value, list):
            out[key] = [
                lenient(typing.cast(JsonSchema, v))
                for v in typing.cast(list[object], value)
            ]
        elif key in _SUBSCHEMA_MAPS and isinstance(value, dict):
            out[key] = {
                k: lenient(v)
                for k, v in typing.cast(dict[str, JsonSchema], value).items()
            }
        else:
            out[key] = value
    required = set(typing.cast(list[str], out.get("required", [])))
    if "properties" in out:
        props = typing.cast(dict[str, JsonSchema], out["properties"])
        out["properties"] = {
            k: v if k in required else nullable(v) for k, v in props.items()
        }
    return out


def accepts_null(schema: JsonSchema) -> bool:
    kind = schema.get("type")
    if kind == "null" or (isinstance(kind, list) and "null" in kind):
        return True
    if None in schema.get("enum", [object()]):
        return True
    return any(accepts_null(m) for m in schema.get("anyOf", []))


def nullable(schema: JsonSchema) -> JsonSchema:
    """``schema`` or null; description/title stay on the outside."""
    if accepts_null(schema):
        return schema
    outer: JsonSchema = {k: schema[k] for k in ("description", "title") if k in schema}
    inner = {k: v for k, v in schema.items() if k not in outer}
    if list(inner) == ["anyOf"]:
        return {"anyOf": [*inner["anyOf"], {"type": "null"}], **outer}
    return {"anyOf": [inner, {"type": "null"}], **outer}


class _Strictifier:
    def __init__(self, defs: dict[str, JsonSchema]) -> None:
        self.defs_in = defs
        self.defs_out: dict[str, JsonSchema] = {}
        self.in_progress: set[str] = set()

    def root(self, schema: JsonSchema) -> JsonSchema:
        body = {k: v for k, v in schema.items() if k != "$defs"}
        if body.get("type") != "object":
            raise NotStrict("the root of a strict schema must be an object", "")
        out = self.node(body, "")
        used = reachable_defs(out, self.defs_out)  # some were inlined away
        defs = {name: d for name, d in self.defs_out.items() if name in used}
        return {**out, "$defs": defs} if defs else out

    def node(self, schema: JsonSchema, path: str) -> JsonSchema:
        if "allOf" in schema:
            parts = typing.cast(list[JsonSchema], schema["allOf"])
            if len(parts) != 1:
                raise NotStrict("'allOf' with several schemas is not supported", path)
            schema = {**{k: v for k, v in schema.items() if k != "allOf"}, **parts[0]}
        if "oneOf" in schema:
            schema = {("anyOf" if k == "oneOf" else k): v for k, v in schema.items()}
        for key in schema:
            if key in _INEXPRESSIBLE:
                raise NotStrict(f"'{key}' is not supported", path)
        if "$ref" in schema:
            return self.ref(schema, path)
        if not any(k in schema for k in ("type", "anyOf", "enum", "const")):
            raise NotStrict(
                "any JSON value (no type) is not supported; give it a type", path
            )
        out: JsonSchema = {}
        notes: list[str] = []
        for key, value in schema.items():
            if key in _DROPPED_SILENTLY:
                continue
            if (
                key in _STRUCTURE
                or key in _ANNOTATIONS
                or (key in _VALUES and key != "format")
                or key == "format"
                and value in STRICT_FORMATS
            ):
                out[key] = value
            else:
                notes.append(f"{key}={json.dumps(value)}")
        if "anyOf" in out:
            out["anyOf"] = [
                self.node(m, path) for m in typing.cast(list[JsonSchema], out["anyOf"])
            ]
        kind = out.get("type")
        if kind == "object" or (isinstance(kind, list) and "object" in kind):
            self.object(out, path)
        if kind == "array" or (isinstance(kind, list) and "array" in kind):
            items = out.get("items")
            if not isinstance(items, dict) or not items:
                raise NotStrict("an array without an item type is not supported", path)
            out["items"] = self.node(typing.cast(JsonSchema, items), f"{path}[]")
        if notes:
            text = str(out.get("description", "")).rstrip()
            constraint = f"Constraints: {', '.join(notes)}."
            out["description"] = f"{text} {constraint}" if text else constraint
        return out

    def object(self, out: JsonSchema, path: str) -> None:
        props = typing.cast(dict[str, JsonSchema], out.get("properties", {}))
        extra = out.get("additionalProperties")
        if extra is not None and extra is not False:
            raise NotStrict(
                "a free-form mapping (additionalProperties) is not supported", path
            )
        if not props and extra is None:
            raise NotStrict(
                "an object without declared properties is not supported", path
            )
        required = set(typing.cast(list[str], out.get("required", [])))
        new_props: dict[str, JsonSchema] = {}
        for name, prop in props.items():
            sub = self.node(prop, f"{path}.{name}" if path else name)
            new_props[name] = sub if name in required else nullable(sub)
        out["properties"] = new_props
        out["required"] = list(new_props)
        out["additionalProperties"] = False

    def ref(self, schema: JsonSchema, path: str) -> JsonSchema:
        target = str(schema["$ref"])
        prefix = "#/$defs/"
        name = target[len(prefix) :] if target.startswith(prefix) else None
        if name is None or name not in self.defs_in:
            raise NotStrict(f"reference {target!r} does not point into $defs", path)
        if name not in self.defs_out and name not in self.in_progress:
            self.in_progress.add(name)
            self.defs_out[name] = self.node(self.defs_in[name], path)
            self.in_progress.discard(name)
        siblings = {
            k: v
            for k, v in schema.items()
            if k != "$ref" and k not in _DROPPED_SILENTLY
        }
        if not siblings:
            return {"$ref": target}
        if (
            name in self.defs_out
        ):  # strict mode refuses "$ref" with siblings: inline the definition
            return {**self.defs_out[name], **siblings}
        return {
            "anyOf": [{"$ref": target}],
            **siblings,
        }  # recursive: not yet complete, keep the reference


def reachable_defs(root: JsonSchema, defs: dict[str, JsonSchema]) -> set[str]:
    """Names of the ``defs`` entries reachable from ``root`` through ``$ref``."""
    used: set[str] = set()
    todo = refs_in(root)
    while todo:
        name = todo.pop()
        used.add(name)
        todo |= refs_in(defs.get(name, {})) - used
    return used


def refs_in(schema: object) -> set[str]:
    """Names of the ``$defs`` entries referenced anywhere inside ``schema``."""
    found: set[str] = set()
    if isinstance(schema, dict):
        for key, value in typing.cast(dict[str, object], schema).items():
            if (
                key == "$ref"
                and isinstance(value, str)
                and value.startswith("#/$defs/")
            ):
                found.add(value[len("#/$defs/") :])
            else:
                found |= refs_in(value)
    elif isinstance(schema, list):
        for item in typing.cast(list[object], schema):
            found |= refs_in(item)
    return found
