"""Spec normalization passes: rewrite the published specs into a form both generators handle.

Each pass is a small function ``pass(spec) -> int`` that edits the document in place and returns how
many places it changed (the count is printed by ``make generate`` and checked in tests).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from typing import Any

JSON = dict[str, Any]
REF = "#/components/schemas/"
ANNOTATIONS = frozenset({"description", "title", "default", "example", "examples", "deprecated", "nullable"})


def schemas(spec: JSON) -> JSON:
    return spec.setdefault("components", {}).setdefault("schemas", {})  # type: ignore[no-any-return]


def ref_name(node: JSON) -> str | None:
    ref = node.get("$ref")
    return ref[len(REF) :] if isinstance(ref, str) and ref.startswith(REF) else None


def walk(node: object) -> Iterator[JSON]:
    """Every dict below ``node`` (pre-order; safe to mutate the yielded dict's own keys)."""
    stack = [node]
    while stack:
        cur = stack.pop()
        if isinstance(cur, dict):
            yield cur  # type: ignore[misc]
            stack.extend(reversed(list(cur.values())))  # type: ignore[arg-type]
        elif isinstance(cur, list):
            stack.extend(reversed(cur))  # type: ignore[arg-type]


def inline_streaming_event_union(spec: JSON) -> int:
    """Move an inline ``text/event-stream`` ``oneOf`` into a named ``StreamingEvent`` component."""
    changed = 0
    for ops in spec.get("paths", {}).values():
        for op in ops.values():
            for resp in op.get("responses", {}).values():
                media = resp.get("content", {}).get("text/event-stream")
                if media and "$ref" not in media.get("schema", {"$ref": ""}):
                    schemas(spec)["StreamingEvent"] = media["schema"]
                    media["schema"] = {"$ref": REF + "StreamingEvent"}
                    changed += 1
    return changed


def recursive_ref_to_ref(spec: JSON) -> int:
    """``$recursiveRef: "#"`` inside component X → ``$ref`` to X (CompoundFilter)."""
    changed = 0
    for name, schema in schemas(spec).items():
        for node in walk(schema):
            node.pop("$recursiveAnchor", None)
            if node.get("$recursiveRef") == "#":
                del node["$recursiveRef"]
                node["$ref"] = REF + name
                changed += 1
    return changed


def _drop_properties(spec: JSON, doomed: Callable[[JSON], bool]) -> int:
    """Remove every property whose schema ``doomed`` selects (and its ``required`` entry)."""
    changed = 0
    for node in walk(spec):
        props = node.get("properties")
        if isinstance(props, dict):
            for key in [k for k, v in props.items() if isinstance(v, dict) and doomed(v)]:
                del props[key]
                if key in node.get("required", []):
                    node["required"].remove(key)
                changed += 1
    return changed


def drop_disallowed_fields(spec: JSON) -> int:
    """Remove properties marked ``x-openresponses-disallowed`` (the spec forbids sending them there)."""
    return _drop_properties(spec, lambda prop: bool(prop.get("x-openresponses-disallowed")))


def unwrap_annotated_allof(spec: JSON) -> int:
    """``allOf: [{$ref}, {description}]`` → ``{$ref, description}`` (a ref with annotations only)."""
    changed = 0
    for node in walk(spec):
        parts = node.get("allOf")
        if isinstance(parts, list) and len(parts) >= 1:
            refs = [p for p in parts if "$ref" in p]
            notes = [p for p in parts if "$ref" not in p]
            if len(refs) == 1 and all(set(p) <= ANNOTATIONS for p in notes):
                del node["allOf"]
                for p in notes:
                    for k, v in p.items():
                        node.setdefault(k, v)
                node["$ref"] = refs[0]["$ref"]
                changed += 1
    return changed


def flatten_allof(spec: JSON) -> int:
    """``allOf`` of object schemas ("extends with override") → one object; later parts win."""
    comps = schemas(spec)
    changed = 0

    def resolved(part: JSON) -> JSON:
        name = ref_name(part)
        if name is None:
            return part
        target = comps[name]
        if "allOf" in target:
            merge(target)
        return target

    def merge(node: JSON) -> None:
        parts = node.pop("allOf")
        props: JSON = {}
        required: list[str] = []
        for part in parts:
            body = resolved(part)
            props.update(copy.deepcopy(body.get("properties", {})))
            required += [r for r in body.get("required", []) if r not in required]
            for k, v in body.items():
                if k not in ("properties", "required", "title", "description", "x-oaiMeta"):
                    node.setdefault(k, copy.deepcopy(v))
        node["type"] = "object"
        node["properties"] = props
        node["required"] = [r for r in required if r in props]

    for node in list(walk(spec)):
        if "allOf" in node:
            merge(node)
            changed += 1
    return changed


def collapse_single_variant(spec: JSON) -> int:
    """``oneOf``/``anyOf`` with one member → that member (outer annotations kept)."""
    changed = 0
    for node in walk(spec):
        for key in ("oneOf", "anyOf"):
            members = node.get(key)
            if isinstance(members, list) and len(members) == 1 and "discriminator" not in node:
                del node[key]
                for k, v in members[0].items():
                    if k not in node or k not in ANNOTATIONS:
                        node[k] = v
                changed += 1
    return changed


def single_enum_to_const(spec: JSON) -> int:
    """``enum: [x]`` → ``const: x`` (so the field becomes a ``Literal`` discriminator)."""
    changed = 0
    for node in walk(spec):
        values = node.get("enum")
        if isinstance(values, list) and len(values) == 1:
            del node["enum"]
            node["const"] = values[0]
            node.pop("x-stainless-const", None)
            changed += 1
    return changed


def titles_from_component_names(spec: JSON) -> int:
    """Generators name classes after ``title``s, and the specs reuse titles ("Input text" for both
    ``InputTextContent`` and ``InputTextContentParam``): a component's title becomes its own name and
    titles below component roots are removed."""
    changed = 0
    for name, schema in schemas(spec).items():
        for node in walk(schema):
            if node is not schema and isinstance(node.get("title"), str):
                del node["title"]
                changed += 1
        if schema.get("title", name) != name:
            schema["title"] = name
            changed += 1
    return changed


def open_freeform_objects(spec: JSON) -> int:
    """Objects without properties (``FunctionTool.parameters``, ``EmptyModelParam``) become open JSON maps."""
    changed = 0
    for node in walk(spec):
        if node.get("type") == "object" and not node.get("properties") and "additionalProperties" not in node:
            node.pop("properties", None)
            node.pop("required", None)
            node["additionalProperties"] = True
            changed += 1
    return changed


def sanitize_component_names(spec: JSON) -> int:
    """Component names that are not Python identifiers (``ConversationParam-2``) → ``ConversationParam2``."""
    comps = schemas(spec)
    renames = {n: re.sub(r"\W", "", n) for n in comps if not n.isidentifier()}
    for old, new in renames.items():
        if new in comps:
            raise ValueError(f"renaming component {old!r} to {new!r} would collide")
    if renames:
        spec["components"]["schemas"] = {renames.get(n, n): s for n, s in comps.items()}
        for node in walk(spec):
            name = ref_name(node)
            if name in renames:
                node["$ref"] = REF + renames[name]
    return len(renames)


def unwrap_nullable_components(spec: JSON) -> int:
    """Component ``X = anyOf[{object}, null]`` → X is the object; every ``$ref`` to X becomes nullable."""
    comps = schemas(spec)
    wrapped = []
    for name, node in comps.items():
        members = node.get("anyOf") or node.get("oneOf")
        if isinstance(members, list) and len(members) == 2 and {"type": "null"} in members:
            inner = next(m for m in members if m != {"type": "null"})
            if "properties" in inner:
                comps[name] = {**inner, "description": node.get("description", inner.get("description", ""))}
                wrapped.append(name)
    for node in list(walk(spec)):
        name = ref_name(node)
        if name in wrapped:
            del node["$ref"]
            node["anyOf"] = [{"$ref": REF + name}, {"type": "null"}]
    return len(wrapped)


def drop_sdk_only_properties(spec: JSON) -> int:
    """Remove properties marked ``x-oaiSupportedSDKs``: computed by SDKs, never sent on the wire."""
    return _drop_properties(spec, lambda prop: any("x-oaiSupportedSDKs" in n for n in walk(prop)))


def add_type_discriminators(spec: JSON) -> int:
    """Unions of tagged objects get ``discriminator: {propertyName: type, mapping}`` (unique tags only).

    Tags shared by several variants (``message`` with different ``role``s) stay out of ``mapping``;
    the IR dispatches them on ``role`` or reports them as not discriminable.
    """
    comps = schemas(spec)
    changed = 0
    for node in walk(spec):
        members = node.get("oneOf") or node.get("anyOf")
        if not isinstance(members, list) or not members:
            continue
        tags: dict[str, list[str]] = {}
        for m in members:
            name = ref_name(m)
            target = comps.get(name, {}) if name else {}
            tag = target.get("properties", {}).get("type", {}).get("const")
            if isinstance(tag, str) and name:
                tags.setdefault(tag, []).append(name)
        if len(tags) < 2 and "discriminator" not in node:
            continue
        mapping = {t: REF + ns[0] for t, ns in tags.items() if len(ns) == 1}
        disc = node.setdefault("discriminator", {"propertyName": "type"})
        if disc.get("propertyName") == "type" and "mapping" not in disc and mapping:
            disc["mapping"] = mapping
            changed += 1
    return changed


def ref_siblings_are_annotations(spec: JSON) -> int:
    """``{"type": "object", "title": "Item", "$ref": ...}``: beside a ``$ref`` only annotations stay, and
    a ``oneOf`` of objects loses its ``type: object`` (else a generator reads a free-form object)."""
    changed = 0
    for node in walk(spec):
        if "$ref" in node:
            extra = [k for k in node if k != "$ref" and k not in ANNOTATIONS and not k.startswith("x-")]
        elif ("oneOf" in node or "anyOf" in node) and node.get("type") == "object" and "properties" not in node:
            extra = ["type"]  # a union of objects, not a free-form object (OpenAI ``Item``)
        else:
            continue
        for k in extra:
            del node[k]
        changed += bool(extra)
    return changed


PASSES: list[Callable[[JSON], int]] = [
    sanitize_component_names,
    unwrap_nullable_components,
    inline_streaming_event_union,
    recursive_ref_to_ref,
    ref_siblings_are_annotations,
    drop_disallowed_fields,
    drop_sdk_only_properties,
    unwrap_annotated_allof,
    flatten_allof,
    collapse_single_variant,
    single_enum_to_const,
    titles_from_component_names,
    open_freeform_objects,
    add_type_discriminators,
]


def normalize(spec: JSON) -> tuple[JSON, dict[str, int]]:
    """Run every pass on a copy of ``spec``; return it and the per-pass change counts."""
    out = copy.deepcopy(spec)
    counts = {p.__name__: p(out) for p in PASSES}
    return out, counts
