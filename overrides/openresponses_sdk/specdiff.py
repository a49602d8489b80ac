"""Contract changelog between two releases of a Responses API spec (``openresponses-sdk spec-diff``).

Both documents are cut to the Responses slice first (:func:`~openresponses_sdk.specslice.responses_slice`),
so two full upstream OpenAI files compare slice to slice. Every change to a component schema (schema,
property, required, nullability, type, enum value, union member, bound) is an :class:`Change`, flagged
breaking or not by the side of the wire the schema is on: narrowing what a client may *send* breaks
requests, widening what a client may *receive* breaks parsing (a new response-union member or enum
value breaks exhaustive matching). Documentation-only edits are listed apart, and the impact on the
generated API (classes, fields, unions) is derived from the schemas' object properties.
"""

from __future__ import annotations

import json
import keyword
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast

from openresponses_sdk.specslice import responses_slice, schema_closure

JSON = dict[str, Any]
Side = Literal["request", "response", "both", "none"]
_REF = "#/components/schemas/"
_DOC_KEYS = frozenset(
    {
        "description",
        "title",
        "example",
        "examples",
        "x-oaiMeta",
        "x-stainless-const",
        "deprecated",
        "x-oaiExpandable",
        "x-oaiTypeLabel",
        "summary",
    }
)
_LOWER_BOUNDS = (
    "minimum",
    "exclusiveMinimum",
    "minLength",
    "minItems",
    "minProperties",
)
_UPPER_BOUNDS = (
    "maximum",
    "exclusiveMaximum",
    "maxLength",
    "maxItems",
    "maxProperties",
)


@dataclass(frozen=True, slots=True)
class Change:
    """One contract change: ``member`` is a (dotted) property, an enum value or a union member."""

    kind: str
    schema: str
    member: str
    side: Side
    breaking: bool
    detail: str

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "schema": self.schema,
            "member": self.member,
            "side": self.side,
            "breaking": self.breaking,
            "detail": self.detail,
        }


@dataclass(frozen=True, slots=True)
class DocChange:
    """A documentation-only edit (description, title, examples) of a schema or one of its properties."""

    schema: str
    member: str
    keys: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {"schema": self.schema, "member": self.member, "keys": list(self.keys)}


@dataclass(slots=True)
class ApiImpact:
    """What the regenerated ``types`` module gains and loses."""

    classes_added: list[str] = field(default_factory=list[str])
    classes_removed: list[str] = field(default_factory=list[str])
    classes_renamed: list[str] = field(default_factory=list[str])
    fields_added: list[str] = field(default_factory=list[str])
    fields_removed: list[str] = field(default_factory=list[str])
    union_members_added: list[str] = field(default_factory=list[str])
    union_members_removed: list[str] = field(default_factory=list[str])
    unions_added: list[str] = field(default_factory=list[str])
    unions_removed: list[str] = field(default_factory=list[str])

    def to_dict(self) -> dict[str, list[str]]:
        return {
            "classes_added": self.classes_added,
            "classes_removed": self.classes_removed,
            "classes_renamed": self.classes_renamed,
            "fields_added": self.fields_added,
            "fields_removed": self.fields_removed,
            "union_members_added": self.union_members_added,
            "union_members_removed": self.union_members_removed,
            "unions_added": self.unions_added,
            "unions_removed": self.unions_removed,
        }


@dataclass(slots=True)
class Changelog:
    old_version: str
    new_version: str
    changes: list[Change] = field(default_factory=list[Change])
    docs: list[DocChange] = field(default_factory=list[DocChange])
    impact: ApiImpact = field(default_factory=ApiImpact)

    @property
    def breaking(self) -> list[Change]:
        return [c for c in self.changes if c.breaking]

    def find(self, kind: str, schema: str, member: str = "") -> Change | None:
        """The change of ``kind`` to ``schema``/``member``, if any."""
        return next(
            (
                c
                for c in self.changes
                if (c.kind, c.schema, c.member) == (kind, schema, member)
            ),
            None,
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "old_version": self.old_version,
            "new_version": self.new_version,
            "breaking": len(self.breaking),
            "changes": [c.to_dict() for c in self.changes],
            "docs_only": [d.to_dict() for d in self.docs],
            "generated_api": self.impact.to_dict(),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2)

    def render_markdown(self) -> str:
        out = [f"# Spec changelog {self.old_version} -> {self.new_version}", ""]
        out.append(
            f"{len(self.changes)} contract change(s), {len(self.breaking)} breaking; "
            f"{len(self.docs)} documentation-only change(s)."
        )
        for title, group in (
            ("Breaking", self.breaking),
            ("Non-breaking", [c for c in self.changes if not c.breaking]),
        ):
            out += ["", f"## {title} changes", ""]
            out += [
                f"- `{c.schema}{'.' + c.member if c.member else ''}` ({c.side}): {c.detail}"
                for c in group
            ] or ["- none"]
        out += ["", "## Generated API impact", ""]
        for name, values in self.impact.to_dict().items():
            if values:
                out.append(f"- {name.replace('_', ' ')}: {', '.join(values)}")
        if not any(self.impact.to_dict().values()):
            out.append("- none")
        out += ["", "## Documentation-only changes", ""]
        out += [
            f"- `{d.schema}{'.' + d.member if d.member else ''}`: {', '.join(d.keys)}"
            for d in self.docs
        ] or ["- none"]
        return "\n".join(out) + "\n"


def load_slice(path: str | Path) -> JSON:
    """The Responses slice of the OpenAPI document at ``path`` (full upstream files are cut)."""
    doc = cast(JSON, json.loads(Path(path).read_text(encoding="utf-8")))
    return responses_slice(doc)


def diff_files(old: str | Path, new: str | Path) -> Changelog:
    """The changelog between two spec files, each labelled ``info.version (file name)``."""
    log = diff_specs(load_slice(old), load_slice(new))
    log.old_version = f"{log.old_version} ({Path(old).name})"
    log.new_version = f"{log.new_version} ({Path(new).name})"
    return log


def diff_specs(old: JSON, new: JSON) -> Changelog:
    """The changelog from ``old`` to ``new`` (both already Responses slices)."""
    log = Changelog(
        str(old.get("info", {}).get("version", "?")),
        str(new.get("info", {}).get("version", "?")),
    )
    a, b = _schemas(old), _schemas(new)
    sides = _sides(old, new)
    differ = _Differ(a, b, sides, log)
    renamed = differ.renames()
    for name in sorted(set(a) | set(b)):
        if name not in renamed:
            differ.schema(name)
    return log


def _schemas(spec: JSON) -> dict[str, JSON]:
    return cast(dict[str, JSON], spec.get("components", {}).get("schemas", {}))


def _sides(old: JSON, new: JSON) -> dict[str, Side]:
    """Which side of the wire each schema is on: reachable from request bodies/parameters, responses, or both."""
    found: dict[str, set[str]] = {}
    for spec in (old, new):
        for ops in cast(dict[str, JSON], spec.get("paths", {})).values():
            for op in cast(list[object], list(ops.values())):
                if not isinstance(op, dict):
                    continue
                operation = cast(JSON, op)
                request = [
                    operation.get("requestBody"),
                    operation.get("parameters"),
                    operation.get("clientMessage"),
                ]
                response = [operation.get("responses"), operation.get("errorMessage")]
                for side, roots in (("request", request), ("response", response)):
                    for name in schema_closure(spec, roots):
                        found.setdefault(name, set()).add(side)
    out: dict[str, Side] = {}
    for name, where in found.items():
        out[name] = (
            "both"
            if len(where) == 2
            else ("request" if "request" in where else "response")
        )
    return out


def _strip_docs(node: object) -> object:
    if isinstance(node, dict):
        return {
            k: _strip_docs(v) for k, v in cast(JSON, node).items() if k not in _DOC_KEYS
        }
    if isinstance(node, list):
        return [_strip_docs(v) for v in cast(list[object], node)]
    return node


def _doc_keys(a: JSON, b: JSON) -> tuple[str, ...]:
    return tuple(sorted(k for k in _DOC_KEYS if a.get(k) != b.get(k)))


def _ref_name(node: Mapping[str, Any]) -> str | None:
    ref = node.get("$ref")
    return ref[len(_REF) :] if isinstance(ref, str) and ref.startswith(_REF) else None


_RESERVED = frozenset({"to_dict", "from_dict", "extra", "self", "cls"})


def python_name(prop: str) -> str:
    """The attribute name the generator gives a JSON property (same rule as ``codegen.ir.py_name``)."""
    name = re.sub(r"\W", "_", prop)
    if not name or name[0].isdigit():
        name = "_" + name
    return name + "_" if keyword.iskeyword(name) or name in _RESERVED else name


def class_name(component: str) -> str:
    """The class name the generator gives a component (``Conversation-2`` → ``Conversation2``)."""
    return component if component.isidentifier() else re.sub(r"\W", "", component)


class _Differ:
    def __init__(
        self,
        old: dict[str, JSON],
        new: dict[str, JSON],
        sides: dict[str, Side],
        log: Changelog,
    ) -> None:
        self.old, self.new, self.sides, self.log = old, new, sides, log

    # --- schema structure ----------------------------------------------------------------------

    def _members(self, schema: Mapping[str, Any]) -> list[JSON]:
        """Union members (oneOf/anyOf), without the ``null`` member of a nullable value."""
        raw = cast(list[JSON], schema.get("oneOf") or schema.get("anyOf") or [])
        return [m for m in raw if m.get("type") != "null"]

    def _flatten(
        self,
        schema: Mapping[str, Any],
        table: dict[str, JSON],
        seen: frozenset[str] = frozenset(),
    ) -> tuple[dict[str, JSON], set[str]]:
        """Properties and required names of an object schema, with ``allOf`` members merged in."""
        props: dict[str, JSON] = {}
        required: set[str] = set()
        for member in cast(list[JSON], schema.get("allOf", [])):
            ref = _ref_name(member)
            target = table.get(ref, {}) if ref else member
            if ref in seen:
                continue
            p, r = self._flatten(target, table, seen | {ref} if ref else seen)
            props.update(p)
            required |= r
        props.update(cast(dict[str, JSON], schema.get("properties", {})))
        required |= set(cast(list[str], schema.get("required", [])))
        return props, required

    def _is_object(self, schema: Mapping[str, Any], table: dict[str, JSON]) -> bool:
        return bool(self._flatten(schema, table)[0]) or schema.get("type") == "object"

    def _is_union(self, schema: Mapping[str, Any]) -> bool:
        return len(self._members(schema)) >= 2 and "properties" not in schema

    def _shape(self, node: Mapping[str, Any]) -> str:
        """A type signature without nullability, enum values, bounds or docs."""
        ref = _ref_name(node)
        if ref:
            return ref
        if "allOf" in node and len(node["allOf"]) == 1 and "properties" not in node:
            return self._shape(node["allOf"][0])
        members = self._members(node)
        if members:
            shapes = sorted({self._shape(m) for m in members})
            return shapes[0] if len(shapes) == 1 else " | ".join(shapes)
        kind = node.get("type", "any")
        if isinstance(kind, list):
            kind = " | ".join(
                sorted(str(k) for k in cast(list[object], kind) if k != "null")
            )
        if kind == "array":
            return f"array<{self._shape(cast(JSON, node.get('items', {})))}>"
        if kind == "object" and "properties" in node:
            return "object{...}"
        return str(kind)

    def _nullable(self, node: Mapping[str, Any]) -> bool:
        if node.get("nullable") is True or node.get("type") == "null":
            return True
        kind = node.get("type")
        if isinstance(kind, list) and "null" in kind:
            return True
        raw = cast(list[JSON], node.get("oneOf") or node.get("anyOf") or [])
        return any(self._nullable(m) for m in raw) or any(
            self._nullable(m) for m in cast(list[JSON], node.get("allOf", []))
        )

    def _enum(self, node: Mapping[str, Any]) -> list[object] | None:
        if "enum" in node:
            return [v for v in cast(list[object], node["enum"]) if v is not None]
        for member in self._members(node) + cast(list[JSON], node.get("allOf", [])):
            values = self._enum(member)
            if values is not None and not _ref_name(member):
                return values
        return None

    def _bounds(self, node: Mapping[str, Any]) -> dict[str, object]:
        out = {
            k: node[k] for k in (*_LOWER_BOUNDS, *_UPPER_BOUNDS, "pattern") if k in node
        }
        for member in self._members(node):
            if not _ref_name(member):
                out.update(self._bounds(member))
        return out

    # --- recording -----------------------------------------------------------------------------

    def _add(
        self, kind: str, schema: str, member: str, breaking_on: set[str], detail: str
    ) -> None:
        side = self.sides.get(schema, "none")
        breaking = side == "both" and bool(breaking_on) or side in breaking_on
        self.log.changes.append(Change(kind, schema, member, side, breaking, detail))

    # --- comparison ----------------------------------------------------------------------------

    def renames(self) -> set[str]:
        """Record schemas removed and added under a new name with the same structure; returns both names."""
        removed = [n for n in self.old if n not in self.new]
        added = [n for n in self.new if n not in self.old]
        done: set[str] = set()
        for old_name in sorted(removed):
            shape = _strip_docs(self.old[old_name])
            new_name = next(
                (
                    n
                    for n in sorted(added)
                    if n not in done and _strip_docs(self.new[n]) == shape
                ),
                None,
            )
            if new_name is None:
                continue
            done |= {old_name, new_name}
            self.log.changes.append(
                Change(
                    "schema-renamed",
                    new_name,
                    "",
                    self.sides.get(new_name, "none"),
                    False,
                    f"renamed from {old_name} (same structure, wire-compatible)",
                )
            )
            if self._is_object(self.new[new_name], self.new):
                self.log.impact.classes_renamed.append(
                    f"{class_name(old_name)} -> {class_name(new_name)}"
                )
        return done

    def schema(self, name: str) -> None:
        old, new = self.old.get(name), self.new.get(name)
        impact = self.log.impact
        if old is None or new is None:
            present = new if old is None else old
            assert present is not None
            table = self.new if old is None else self.old
            is_class = self._is_object(present, table)
            is_union = self._is_union(present)
            if old is None:
                self._add("schema-added", name, "", set(), "new schema")
                if is_class:
                    impact.classes_added.append(class_name(name))
                elif is_union:
                    impact.unions_added.append(class_name(name))
            else:
                self._add(
                    "schema-removed",
                    name,
                    "",
                    {"request", "response"},
                    "schema removed",
                )
                if is_class:
                    impact.classes_removed.append(class_name(name))
                elif is_union:
                    impact.unions_removed.append(class_name(name))
            return
        if old == new:
            return
        if _strip_docs(old) == _strip_docs(new):
            self._docs(name, old, new)
            return
        before = len(self.log.changes)
        if self._is_union(old) or self._is_union(new):
            self._union(name, "", old, new)
            self._enum_change(name, "", old, new)
        elif self._is_object(old, self.old) or self._is_object(new, self.new):
            self._object(name, "", old, new)
        else:
            self._value(name, "", old, new)
        self._docs(name, old, new)
        if len(self.log.changes) == before:
            self._add(
                "changed",
                name,
                "",
                {"request", "response"},
                "schema changed in a way not classified above",
            )

    def _docs(self, name: str, old: JSON, new: JSON) -> None:
        keys = _doc_keys(old, new)
        if keys:
            self.log.docs.append(DocChange(name, "", keys))
        if self._is_object(old, self.old) and self._is_object(new, self.new):
            po, pn = (
                cast(dict[str, JSON], old.get("properties", {})),
                cast(dict[str, JSON], new.get("properties", {})),
            )
            for prop in sorted(set(po) & set(pn)):
                if po[prop] != pn[prop] and _strip_docs(po[prop]) == _strip_docs(
                    pn[prop]
                ):
                    self.log.docs.append(
                        DocChange(name, prop, self._nested_doc_keys(po[prop], pn[prop]))
                    )

    def _nested_doc_keys(self, a: object, b: object) -> tuple[str, ...]:
        keys: set[str] = set()
        stack: list[tuple[object, object]] = [(a, b)]
        while stack:
            x, y = stack.pop()
            if isinstance(x, dict) and isinstance(y, dict):
                dx, dy = cast(JSON, x), cast(JSON, y)
                keys |= {k for k in _DOC_KEYS if dx.get(k) != dy.get(k)}
                stack += [
                    (dx[k], dy[k]) for k in set(dx) & set(dy) if k not in _DOC_KEYS
                ]
            elif isinstance(x, list) and isinstance(y, list):
                stack += list(
                    zip(cast(list[object], x), cast(list[object], y), strict=False)
                )
        return tuple(sorted(keys))

    def _union(self, name: str, member: str, old: JSON, new: JSON) -> None:
        a = {self._shape(m) for m in self._members(old)}
        b = {self._shape(m) for m in self._members(new)}
        where = (
            f"{class_name(name)}.{python_name(member)}" if member else class_name(name)
        )
        for added in sorted(b - a):
            self._add(
                "union-member-added",
                name,
                f"{member}:{added}" if member else added,
                {"response"},
                f"union gains member {added} (exhaustive matching on received values breaks)",
            )
            self.log.impact.union_members_added.append(f"{where}: {class_name(added)}")
        for removed in sorted(a - b):
            self._add(
                "union-member-removed",
                name,
                f"{member}:{removed}" if member else removed,
                {"request"},
                f"union loses member {removed} (requests that send it are rejected)",
            )
            self.log.impact.union_members_removed.append(
                f"{where}: {class_name(removed)}"
            )

    def _object(self, name: str, prefix: str, old: JSON, new: JSON) -> None:
        po, ro = self._flatten(old, self.old)
        pn, rn = self._flatten(new, self.new)
        for prop in sorted(set(po) | set(pn)):
            member = f"{prefix}{prop}"
            field_name = f"{class_name(name)}.{python_name(prop)}"
            if prop not in po:
                required = prop in rn
                self._add(
                    "property-added",
                    name,
                    member,
                    {"request"} if required else set(),
                    "new required property" if required else "new optional property",
                )
                if not prefix:
                    self.log.impact.fields_added.append(field_name)
            elif prop not in pn:
                self._add(
                    "property-removed",
                    name,
                    member,
                    {"request", "response"},
                    "property removed",
                )
                if not prefix:
                    self.log.impact.fields_removed.append(field_name)
            else:
                if prop in rn and prop not in ro:
                    self._add(
                        "required-added",
                        name,
                        member,
                        {"request"},
                        "now required (requests without it are rejected)",
                    )
                elif prop in ro and prop not in rn:
                    self._add(
                        "required-removed",
                        name,
                        member,
                        {"response"},
                        "no longer required (received objects may lack it)",
                    )
                self._value(name, member, po[prop], pn[prop])

    def _value(self, name: str, member: str, old: JSON, new: JSON) -> None:
        if old == new or _strip_docs(old) == _strip_docs(new):
            return
        so, sn = self._shape(old), self._shape(new)
        no, nn = self._nullable(old), self._nullable(new)
        if no != nn:
            self._add(
                "nullable-changed",
                name,
                member,
                {"response"} if nn else {"request"},
                "now nullable" if nn else "no longer nullable",
            )
        if so != sn:
            union_change = " | " in so or " | " in sn
            if union_change and (set(so.split(" | ")) & set(sn.split(" | "))):
                self._union(name, member, old, new)
            else:
                renamed = self._same_target(old, new)
                self._add(
                    "type-changed",
                    name,
                    member,
                    set() if renamed else {"request", "response"},
                    f"type {so} -> {sn}"
                    + (" (same structure, renamed schema)" if renamed else ""),
                )
            return
        self._enum_change(name, member, old, new)
        self._bounds_change(name, member, old, new)
        if so == "object{...}" or (
            so.startswith("array<object") and "items" in old and "items" in new
        ):
            inner_old = cast(JSON, old.get("items", old))
            inner_new = cast(JSON, new.get("items", new))
            self._object(name, f"{member}.", inner_old, inner_new)

    def _enum_change(self, name: str, member: str, old: JSON, new: JSON) -> None:
        eo, en = self._enum(old), self._enum(new)
        if eo is None or en is None or eo == en:
            return
        for value in [v for v in en if v not in eo]:
            self._add(
                "enum-added",
                name,
                f"{member}={value}" if member else str(value),
                {"response"},
                f"enum value {value!r} added",
            )
        for value in [v for v in eo if v not in en]:
            self._add(
                "enum-removed",
                name,
                f"{member}={value}" if member else str(value),
                {"request"},
                f"enum value {value!r} removed",
            )

    def _same_target(self, old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
        """Both sides reference (possibly differently named) schemas with the same structure."""
        ro, rn = self._ref_targets(old), self._ref_targets(new)
        return (
            bool(ro)
            and len(ro) == len(rn)
            and all(
                _strip_docs(self.old.get(a)) == _strip_docs(self.new.get(b))
                for a, b in zip(ro, rn, strict=True)
            )
        )

    def _ref_targets(self, node: Mapping[str, Any]) -> list[str]:
        ref = _ref_name(node)
        if ref:
            return [ref]
        return [
            t
            for m in self._members(node) + cast(list[JSON], node.get("allOf", []))
            for t in self._ref_targets(m)
        ]

    def _bounds_change(self, name: str, member: str, old: JSON, new: JSON) -> None:
        bo, bn = self._bounds(old), self._bounds(new)
        for key in sorted(set(bo) | set(bn)):
            a, b = bo.get(key), bn.get(key)
            if a == b:
                continue
            tighter = _tightens(key, a, b)
            self._add(
                "bound-changed",
                name,
                member,
                {"request"} if tighter else {"response"},
                f"{key} {a!r} -> {b!r} ({'narrower' if tighter else 'wider'})",
            )


def _tightens(key: str, old: object, new: object) -> bool:
    """Whether changing bound ``key`` from ``old`` to ``new`` accepts fewer values (a new pattern counts)."""
    if key == "pattern":
        return new is not None
    if old is None:
        return True
    if new is None:
        return False
    if not isinstance(old, (int, float)) or not isinstance(new, (int, float)):
        return True
    return new > old if key in _LOWER_BOUNDS else new < old


def iter_breaking(log: Changelog) -> Iterator[str]:
    """One line per breaking change (for exit-status use in CI)."""
    for c in log.breaking:
        yield f"{c.schema}{'.' + c.member if c.member else ''}: {c.detail}"
