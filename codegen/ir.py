"""Intermediate representation: normalized OpenAPI schemas → models, unions and aliases to render."""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, field
from typing import Any

from codegen.normalize import JSON, ref_name, schemas

# --- type expressions -------------------------------------------------------------------------


@dataclass(frozen=True)
class Prim:
    kind: str  # "str" | "int" | "float" | "bool" | "null" | "any"


@dataclass(frozen=True)
class Const:
    value: object


@dataclass(frozen=True)
class Enum:
    values: tuple[object, ...]


@dataclass(frozen=True)
class Ref:
    name: str


@dataclass(frozen=True)
class Array:
    item: TypeExpr


@dataclass(frozen=True)
class Map:
    value: TypeExpr


@dataclass(frozen=True)
class Union:
    members: tuple[TypeExpr, ...]


TypeExpr = Prim | Const | Enum | Ref | Array | Map | Union
ANY = Prim("any")
NULL = Prim("null")

# --- definitions ------------------------------------------------------------------------------


@dataclass
class FieldDef:
    json_name: str
    py_name: str
    type: TypeExpr
    required: bool
    doc: str


@dataclass
class ModelDef:
    name: str
    doc: str
    fields: list[FieldDef]
    closed: bool  # additionalProperties: false (unknown fields are still kept, never dropped)


@dataclass
class UnionDef:
    name: str
    doc: str
    members: list[TypeExpr]
    # tag value -> candidate model names (dispatch on ``type``); filled by ``resolve_dispatch``
    tags: dict[str, list[str]] = field(default_factory=dict)
    untagged: list[str] = field(default_factory=list)  # object variants whose ``type`` is optional/absent
    sub: dict[str, tuple[str, dict[str, str]]] = field(default_factory=dict)  # tag -> (prop, value -> model)
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # tag -> candidates tried in order


@dataclass
class AliasDef:
    name: str
    doc: str
    type: TypeExpr


Def = ModelDef | UnionDef | AliasDef


@dataclass
class Module:
    defs: dict[str, Def]
    stream_union: str
    report: list[str]


# --- helpers ----------------------------------------------------------------------------------

RESERVED = frozenset({"to_dict", "from_dict", "extra", "self", "cls"})


def py_name(json_name: str) -> str:
    name = re.sub(r"\W", "_", json_name)
    if not name or name[0].isdigit():
        name = "_" + name
    if keyword.iskeyword(name) or name in RESERVED:
        name += "_"
    return name


def pascal(text: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in re.split(r"[^0-9A-Za-z]+", text) if p)


def snake(name: str) -> str:
    s = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name)
    s = re.sub(r"(?<=[A-Z])([A-Z][a-z])", r"_\1", s)
    return s.lower()


def doc_of(node: JSON) -> str:
    text = str(node.get("description") or node.get("title") or "").strip()
    return re.split(r"\n\s*\n", text)[0].strip() if text else ""


# --- builder ----------------------------------------------------------------------------------


class Builder:
    def __init__(self, spec: JSON) -> None:
        self.spec = spec
        self.comps: JSON = schemas(spec)
        self.defs: dict[str, Def] = {}
        self.report: list[str] = []

    def unique(self, base: str) -> str:
        """A name for a hoisted inline schema that no definition or component uses."""
        name, i = base, 2
        while name in self.defs or name in self.comps:
            name, i = f"{base}{i}", i + 1
        return name

    def build_components(self) -> None:
        for name in self.comps:
            self.define(name, self.comps[name])

    def define(self, name: str, node: JSON) -> None:
        if name in self.defs:
            return
        if self.is_object(node):
            model = ModelDef(name, doc_of(node), [], node.get("additionalProperties") is False)
            self.defs[name] = model  # registered before fields: recursion-safe
            required = set(node.get("required", []))
            for key, sub in node.get("properties", {}).items():
                t = self.type_of(sub, name + pascal(key))
                model.fields.append(FieldDef(key, py_name(key), t, key in required, doc_of(sub)))
            taken = {f.py_name for f in model.fields}
            if len(taken) != len(model.fields):
                raise ValueError(f"{name}: two properties map to one Python name")
        elif "oneOf" in node or "anyOf" in node:
            members = [self.type_of(m, f"{name}{self.member_suffix(m, i)}") for i, m in enumerate(self.variants(node))]
            if any(self.model_of(m) for m in members):
                self.defs[name] = UnionDef(name, doc_of(node), members)
            else:
                self.defs[name] = AliasDef(name, doc_of(node), Union(tuple(members)))
        else:
            self.defs[name] = AliasDef(name, doc_of(node), self.type_of(node, name, top=True))

    @staticmethod
    def variants(node: JSON) -> list[JSON]:
        return list(node.get("oneOf") or node.get("anyOf") or [])

    @staticmethod
    def member_suffix(member: JSON, index: int) -> str:
        tag = member.get("properties", {}).get("type", {}).get("const")
        return pascal(str(tag)) if isinstance(tag, str) else f"Variant{index + 1}"

    @staticmethod
    def is_object(node: JSON) -> bool:
        return "properties" in node and "oneOf" not in node and "anyOf" not in node

    def model_of(self, t: TypeExpr) -> bool:
        """True when ``t`` names an object model or a union containing one."""
        if isinstance(t, Ref):
            d = self.defs.get(t.name)
            if d is None:
                self.define(t.name, self.comps[t.name])
                d = self.defs[t.name]
            return isinstance(d, ModelDef | UnionDef)
        return False

    def type_of(self, node: JSON, hint: str, top: bool = False) -> TypeExpr:
        name = ref_name(node)
        if name is not None:
            return Ref(name)
        if "const" in node:
            return Const(node["const"])
        if "enum" in node:
            values = tuple(node["enum"])
            if None in values:
                return Union((Enum(tuple(v for v in values if v is not None)), NULL))
            return Enum(values)
        if "oneOf" in node or "anyOf" in node:
            variants = self.variants(node)
            objectish = [v for v in variants if self.is_object(v) or ref_name(v) or "oneOf" in v or "anyOf" in v]
            if node.get("discriminator") and not top:
                uname = self.unique(hint)
                self.define(uname, node)
                return Ref(uname)
            members = tuple(
                self.type_of(m, f"{hint}{self.member_suffix(m, i)}" if len(objectish) > 1 else hint)
                for i, m in enumerate(variants)
            )
            flat: list[TypeExpr] = []
            for m in members:
                for x in m.members if isinstance(m, Union) else (m,):
                    if x not in flat:
                        flat.append(x)
            return flat[0] if len(flat) == 1 else Union(tuple(flat))
        kind = node.get("type")
        if isinstance(kind, list):
            return Union(tuple(self.type_of({**node, "type": k}, hint) for k in kind))
        if self.is_object(node) and not top:
            mname = self.unique(hint)
            self.define(mname, node)
            return Ref(mname)
        if kind == "array":
            return Array(self.type_of(node.get("items", {}), hint + "Item"))
        if kind == "object" or (kind is None and "additionalProperties" in node):
            extra = node.get("additionalProperties", True)
            return Map(ANY if extra in (True, {}) or not isinstance(extra, dict) else self.type_of(extra, hint + "Value"))
        return {
            "string": Prim("str"),
            "integer": Prim("int"),
            "number": Prim("float"),
            "boolean": Prim("bool"),
            "null": NULL,
        }.get(str(kind), ANY)

    # --- union dispatch -----------------------------------------------------------------------

    def flat_models(self, members: list[TypeExpr]) -> list[str]:
        return flat_models(self.defs, members)

    def tag_of(self, model: str, prop: str) -> tuple[list[object], bool]:
        d = self.defs[model]
        assert isinstance(d, ModelDef)
        for f in d.fields:
            if f.json_name == prop:
                nullable = isinstance(f.type, Union) and NULL in f.type.members
                for t in f.type.members if isinstance(f.type, Union) else (f.type,):
                    if isinstance(t, Const):
                        return [t.value], f.required and not nullable
                    if isinstance(t, Enum):
                        return list(t.values), f.required and not nullable
        return [], False

    def required_count(self, model: str) -> int:
        d = self.defs[model]
        assert isinstance(d, ModelDef)
        return sum(f.required for f in d.fields)

    def resolve_dispatch(self, u: UnionDef) -> None:
        for model in self.flat_models(u.members):
            tags, required = self.tag_of(model, "type")
            if "unknown" in tags:
                raise ValueError(f"{u.name}: variant {model} uses the tag 'unknown', reserved for Unknown{u.name}")
            if not tags or not required:
                u.untagged.append(model)
            for tag in tags:
                u.tags.setdefault(str(tag), []).append(model)
        for tag, cands in u.tags.items():
            if len(cands) == 1:
                continue
            roles: dict[str, str] = {}
            clash = False
            for c in cands:
                values, _ = self.tag_of(c, "role")
                for v in values:
                    clash |= str(v) in roles
                    roles[str(v)] = c
                clash |= not values
            if clash:
                cands.sort(key=lambda c: -self.required_count(c))
                u.ambiguous[tag] = cands
                self.report.append(f"{u.name}: tag {tag!r} cannot be discriminated between {', '.join(cands)}; tried in that order")
            else:
                u.sub[tag] = ("role", roles)
        if u.untagged and len(self.flat_models(u.members)) > 1:
            self.report.append(f"{u.name}: variants without a required 'type' tag ({', '.join(u.untagged)}) are tried when the tag is absent")


def build(spec: JSON, stream_union: str) -> Module:
    b = Builder(spec)
    b.build_components()
    for d in list(b.defs.values()):
        if isinstance(d, UnionDef):
            b.resolve_dispatch(d)
    if stream_union not in b.defs:
        raise ValueError(f"stream union {stream_union!r} not in spec")
    return Module(b.defs, stream_union, b.report)


def kind_of(t: TypeExpr, defs: dict[str, Def]) -> set[str]:
    """JSON kinds a value of ``t`` can have: object, array, string, integer, number, boolean, null, any."""
    if isinstance(t, Prim):
        return {"str": {"string"}, "int": {"integer"}, "float": {"number", "integer"}, "bool": {"boolean"},
                "null": {"null"}, "any": {"any"}}[t.kind]
    if isinstance(t, Const | Enum):
        vals: tuple[Any, ...] = (t.value,) if isinstance(t, Const) else t.values
        return {json_kind(v) for v in vals}
    if isinstance(t, Array):
        return {"array"}
    if isinstance(t, Map):
        return {"object"}
    if isinstance(t, Union):
        return set().union(*(kind_of(m, defs) for m in t.members))
    d = defs[t.name]
    if isinstance(d, ModelDef | UnionDef):
        if isinstance(d, UnionDef):
            return set().union(*(kind_of(m, defs) for m in d.members))
        return {"object"}
    return kind_of(d.type, defs)


def json_kind(v: object) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "integer"
    if isinstance(v, float):
        return "number"
    if isinstance(v, str):
        return "string"
    return "object" if isinstance(v, dict) else "array"


def flat_models(defs: dict[str, Def], members: list[TypeExpr]) -> list[str]:
    """Object models among ``members``, nested unions flattened, first occurrence kept."""
    out: list[str] = []
    for m in members:
        if isinstance(m, Ref):
            d = defs[m.name]
            if isinstance(d, ModelDef):
                out.append(d.name)
            elif isinstance(d, UnionDef):
                out += [n for n in flat_models(defs, d.members) if n not in out]
    return out


def output_models(module: Module, union: str) -> list[str]:
    """The object models that are members (directly or through nested unions) of ``union``."""
    d = module.defs[union]
    assert isinstance(d, UnionDef), union
    return flat_models(module.defs, d.members)
