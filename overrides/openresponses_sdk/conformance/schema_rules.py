"""Schema rules: a payload against the pinned spec's JSON Schema (Draft 2020-12, pristine, without the
relaxations the generated models apply for real-world traffic) and against the generated models."""

from __future__ import annotations

import functools
import importlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib.resources import files
from typing import Any, Literal, cast

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError as SchemaError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from openresponses_sdk._base import describe
from openresponses_sdk.conformance.report import Dialect, Finding
from openresponses_sdk.conformance.rules import finding
from openresponses_sdk.errors import ValidationError

Kind = Literal[
    "request", "response", "error", "event", "compact_request", "compact_response"
]

SPEC_FILES: Mapping[Dialect, str] = {
    "openresponses": "openresponses.json",
    "openai": "openai-responses.json",
}
COMPONENTS: Mapping[Dialect, Mapping[Kind, str]] = {
    "openresponses": {
        "request": "CreateResponseBody",
        "response": "ResponseResource",
        "error": "ErrorPayload",
        "compact_request": "CompactResponseMethodPublicBody",
        "compact_response": "CompactResource",
    },
    "openai": {
        "request": "CreateResponse",
        "response": "Response",
        "error": "Error",
        "compact_request": "CompactResponseMethodPublicBody",
        "compact_response": "CompactResource",
    },
}
_MODEL_MODULES: Mapping[Dialect, str] = {
    "openresponses": "openresponses_sdk.types",
    "openai": "openresponses_sdk.openai_types",
}
"""The generated module of each dialect; its classes are named like the components above."""

_URI = "urn:openresponses-sdk:spec"
_EXTENSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*:[A-Za-z0-9_.:-]+$")
_BOUNDS = {
    "minimum": "must be >= {v}",
    "maximum": "must be <= {v}",
    "exclusiveMinimum": "must be > {v}",
    "exclusiveMaximum": "must be < {v}",
    "minLength": "must be at least {v} characters long",
    "maxLength": "must be at most {v} characters long",
    "minItems": "must have at least {v} items",
    "maxItems": "must have at most {v} items",
    "minProperties": "must have at least {v} keys",
    "maxProperties": "must have at most {v} keys",
    "multipleOf": "must be a multiple of {v}",
    "uniqueItems": "items must be unique",
}


def is_extension(tag: str) -> bool:
    """A provider-prefixed type (``slug:name``), which the spec allows as an extension."""
    return _EXTENSION.match(tag) is not None


@functools.cache
def spec_document(dialect: Dialect) -> dict[str, Any]:
    """The pinned, pristine OpenAPI document of ``dialect`` shipped in ``openresponses_sdk/schema``."""
    text = (files("openresponses_sdk") / "schema" / SPEC_FILES[dialect]).read_text(
        encoding="utf-8"
    )
    doc: dict[str, Any] = json.loads(text)
    return doc


@functools.cache
def _validator(dialect: Dialect, component: str) -> Draft202012Validator:
    resource: Resource[Any] = Resource.from_contents(
        spec_document(dialect), default_specification=DRAFT202012
    )
    registry = Registry[Any]().with_resource(_URI, resource)
    if component not in spec_document(dialect)["components"]["schemas"]:
        raise KeyError(f"the {dialect} spec has no component schema {component!r}")
    return Draft202012Validator(
        {"$ref": f"{_URI}#/components/schemas/{component}"}, registry=registry
    )


@functools.cache
def event_components(dialect: Dialect) -> Mapping[str, str]:
    """Streaming event ``type`` → component schema name, from the spec's ``text/event-stream`` union."""
    doc = spec_document(dialect)
    schemas: dict[str, Any] = doc["components"]["schemas"]
    union: dict[str, Any] = doc["paths"]["/responses"]["post"]["responses"]["200"][
        "content"
    ]["text/event-stream"]["schema"]
    if "$ref" in union:
        union = schemas[_ref_name(union["$ref"])]
    out: dict[str, str] = {}
    for member in union.get("oneOf") or union.get("anyOf") or ():
        name = _ref_name(member["$ref"])
        prop: dict[str, Any] = schemas[name]["properties"]["type"]
        for tag in prop.get("enum") or [prop["const"]]:
            out[str(tag)] = name
    return out


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[-1]


def json_path(prefix: str, steps: Iterable[str | int]) -> str:
    """``output[2].content[0].text`` style path: ``prefix`` followed by ``steps``."""
    out = prefix
    for step in steps:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else step)
    return out


def check_schema(
    value: object,
    dialect: Dialect,
    component: str,
    *,
    path: str = "",
    event_index: int | None = None,
) -> list[Finding]:
    """Findings for ``value`` against component schema ``component`` of the pristine spec."""
    found: dict[
        Finding, None
    ] = {}  # allOf branches may repeat a constraint: report it once
    for err in _validator(dialect, component).iter_errors(value):  # pyright: ignore[reportArgumentType, reportUnknownMemberType]
        found.update(dict.fromkeys(_explain(err, path, event_index, dialect)))
    return list(found)


def check_model(
    value: Mapping[str, Any],
    dialect: Dialect,
    kind: Kind,
    *,
    path: str = "",
    event_index: int | None = None,
) -> list[Finding]:
    """A finding when the generated model for ``kind`` rejects ``value``."""
    try:
        _model(dialect, kind)(value)
    except ValidationError as exc:
        where = (
            json_path(path, [exc.path])
            if exc.path and not exc.path.startswith("[")
            else path + exc.path
        )
        return [
            finding(
                "schema.model",
                f"the generated model rejects it: {exc.reason}",
                path=where,
                event_index=event_index,
            )
        ]
    return []


@functools.cache
def _model(dialect: Dialect, kind: Kind) -> Callable[[Mapping[str, Any]], object]:
    """The generated parser for ``kind`` (imported on first use: the generated modules are large)."""
    module = importlib.import_module(_MODEL_MODULES[dialect])
    if kind == "event":
        return cast("Callable[[Mapping[str, Any]], object]", module.parse_stream_event)
    return cast(
        "Callable[[Mapping[str, Any]], object]",
        getattr(module, COMPONENTS[dialect][kind]).from_dict,
    )


def check_object(
    value: object,
    dialect: Dialect,
    kind: Kind,
    *,
    path: str = "",
    event_index: int | None = None,
) -> list[Finding]:
    """Schema findings for a request, response or error object; the generated model is consulted only when
    the spec accepts the payload (so that one fault is reported once)."""
    if not isinstance(value, Mapping):
        return [
            finding(
                "schema.json",
                f"expected a JSON object, got {describe(value)}",
                path=path,
                event_index=event_index,
            )
        ]
    obj: Mapping[str, Any] = value  # pyright: ignore[reportUnknownVariableType]
    found = check_schema(
        obj, dialect, COMPONENTS[dialect][kind], path=path, event_index=event_index
    )
    if not any(f.severity == "error" for f in found):
        found += check_model(obj, dialect, kind, path=path, event_index=event_index)
    return found


def check_event(
    event: Mapping[str, Any], dialect: Dialect, index: int
) -> list[Finding]:
    """Schema findings for one streaming event; extension events (``slug:name``) are not judged here."""
    tag = event.get("type")
    if not isinstance(tag, str):
        rule = "schema.required" if tag is None else "schema.type"
        return [
            finding(
                rule,
                f"an event needs a string 'type', got {describe(tag)}",
                path="type",
                event_index=index,
            )
        ]
    component = event_components(dialect).get(tag)
    if component is None:
        return [] if is_extension(tag) else [_unknown_type(tag, "", index, "event")]
    found = check_schema(event, dialect, component, event_index=index)
    if not any(f.severity == "error" for f in found):
        found += check_model(event, dialect, "event", event_index=index)
    return found


def _unknown_type(tag: str, path: str, index: int | None, what: str) -> Finding:
    return finding(
        "ext.non-conformant",
        f"{what} type {tag!r} is not defined by the spec; extensions must be provider-prefixed ('slug:{tag}')",
        path=path,
        event_index=index,
    )


def _explain(
    err: SchemaError, prefix: str, index: int | None, dialect: Dialect
) -> Iterator[Finding]:
    """Turn one jsonschema error into findings at the deepest useful place (unions are descended into the
    member the payload's ``type`` selects)."""
    path = json_path(prefix, err.absolute_path)
    if err.validator in ("oneOf", "anyOf"):
        if (
            not err.context
        ):  # oneOf matched several members: the discriminator resolves it, not a fault
            return
        members = _members(err)
        candidates = [errs for errs in members if not _rejects_tag(errs)]
        tag = err.instance.get("type") if isinstance(err.instance, dict) else None  # pyright: ignore[reportUnknownMemberType, reportUnknownVariableType]
        if not candidates and isinstance(tag, str):
            if tag in _known_tags(dialect):
                allowed = (
                    ", ".join(repr(t) for t in _allowed_tags(members)) or "other types"
                )
                yield finding(
                    "schema.union",
                    f"type {tag!r} is not allowed here (expected {allowed})",
                    path=json_path(path, ["type"]),
                    event_index=index,
                )
            elif not is_extension(tag):
                yield _unknown_type(tag, path, index, "item")
            return
        for sub in min(candidates or members, key=len):
            yield from _explain(sub, prefix, index, dialect)
        return
    yield _leaf(err, path, index)


@functools.cache
def _known_tags(dialect: Dialect) -> frozenset[str]:
    """Every ``type`` tag some schema of the spec defines (so a misplaced one is not called unknown)."""
    tags: set[str] = set()
    stack: list[object] = [spec_document(dialect)["components"]]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            obj = cast("dict[str, Any]", node)
            tag = _as_dict(_as_dict(obj.get("properties")).get("type"))
            values: list[object] = list(tag.get("enum") or []) + (
                [tag["const"]] if "const" in tag else []
            )
            tags.update(str(t) for t in values)
            stack.extend(obj.values())
        elif isinstance(node, list):
            stack.extend(cast("list[object]", node))
    return frozenset(tags)


def _as_dict(value: object) -> dict[str, Any]:
    return cast("dict[str, Any]", value) if isinstance(value, dict) else {}


def _allowed_tags(members: list[list[SchemaError]]) -> list[str]:
    allowed: set[str] = set()
    for errs in members:
        for e in errs:
            if list(e.relative_path) == ["type"] and e.validator in ("enum", "const"):
                values: Any = e.validator_value
                allowed.update(
                    str(v) for v in (values if e.validator == "enum" else [values])
                )
    return sorted(allowed)


def _members(err: SchemaError) -> list[list[SchemaError]]:
    groups: dict[object, list[SchemaError]] = {}
    for sub in err.context or ():
        groups.setdefault(
            sub.relative_schema_path[0] if sub.relative_schema_path else None, []
        ).append(sub)
    return list(groups.values())


def _rejects_tag(errs: list[SchemaError]) -> bool:
    """Whether a union member rejects the value for its kind (JSON type or ``type`` tag), not its details."""
    for e in errs:
        rel = list(e.relative_path)
        if rel == [] and e.validator == "type":
            return True
        if rel == ["type"] and e.validator in ("enum", "const"):
            return True
        if (
            rel == []
            and e.validator in ("oneOf", "anyOf")
            and e.context
            and all(_rejects_tag(m) for m in _members(e))
        ):
            return True
    return False


def _leaf(err: SchemaError, path: str, index: int | None) -> Finding:
    kw = str(err.validator)
    value: Any = err.validator_value
    if kw == "required":
        missing = re.match(r"^'(.*)' is a required property$", err.message)
        name = missing.group(1) if missing else str(value)
        prop: object = (
            err.schema.get("properties", {}).get(name, {})
            if isinstance(err.schema, dict)
            else {}
        )  # pyright: ignore[reportUnknownMemberType]
        hint = (
            " (it is nullable: send null rather than omitting it)"
            if '"null"' in json.dumps(prop)
            else ""
        )
        return finding(
            "schema.required",
            f"required field {name!r} is missing{hint}",
            path=json_path(path, [name]),
            event_index=index,
        )
    if kw == "type":
        expected = " or ".join(value) if isinstance(value, list) else str(value)  # pyright: ignore[reportUnknownArgumentType]
        return finding(
            "schema.type",
            f"expected {expected}, got {describe(err.instance)}",
            path=path,
            event_index=index,
        )
    if kw in ("enum", "const"):
        allowed = value if kw == "enum" else [value]
        shown = ", ".join(repr(a) for a in allowed[:8]) + (
            ", ..." if len(allowed) > 8 else ""
        )
        return finding(
            "schema.enum",
            f"expected one of {shown}, got {describe(err.instance)}",
            path=path,
            event_index=index,
        )
    if kw in _BOUNDS:
        return finding(
            "schema.bounds",
            f"{_BOUNDS[kw].format(v=value)}, got {_measure(kw, err.instance)}",
            path=path,
            event_index=index,
        )
    if kw == "pattern":
        return finding(
            "schema.pattern",
            f"must match {value!r}, got {describe(err.instance)}",
            path=path,
            event_index=index,
        )
    return finding(
        "schema.other", f"{kw}: {err.message[:200]}", path=path, event_index=index
    )


def _measure(keyword: str, instance: object) -> str:
    if keyword in (
        "minLength",
        "maxLength",
        "minItems",
        "maxItems",
        "minProperties",
        "maxProperties",
    ) and isinstance(instance, (str, list, dict)):
        return f"{len(instance)}"  # pyright: ignore[reportUnknownArgumentType]
    return describe(instance)
