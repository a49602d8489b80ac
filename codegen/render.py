"""Render an IR ``Module`` into the source of one generated models module (through jinja2 templates)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from codegen.ir import (
    ANY,
    Array,
    Const,
    Def,
    Enum,
    Map,
    ModelDef,
    Module,
    Prim,
    Ref,
    TypeExpr,
    Union,
    UnionDef,
    AliasDef,
    json_kind,
    kind_of,
    snake,
)

TEMPLATES = Path(__file__).parent / "templates"
PRIM_PY = {"str": "str", "int": "int", "float": "float", "bool": "bool", "null": "None", "any": "Any"}
PRIM_CONV = {"str": "expect_str", "int": "expect_int", "float": "expect_float", "bool": "expect_bool", "any": "expect_any"}
KIND_LABEL = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean",
              "null": "null", "array": "array", "object": "object"}
KIND_CHECK = {
    "string": "{v}.__class__ is str",
    "integer": "{v}.__class__ is int",
    "number": "({v}.__class__ is float or {v}.__class__ is int)",
    "boolean": "{v}.__class__ is bool",
    "null": "{v} is None",
    "array": "{v}.__class__ is list",
    "object": "is_mapping({v})",
}
PRIM_KIND = {"str": "string", "int": "integer", "float": "number", "bool": "boolean"}
NOT_KIND_CHECK = {
    "string": "{v}.__class__ is not str",
    "integer": "{v}.__class__ is not int",
    "number": "{v}.__class__ is not float and {v}.__class__ is not int",
    "boolean": "{v}.__class__ is not bool",
}
KIND_ORDER = ["null", "string", "boolean", "integer", "number", "array", "object"]


def parser_name(union: str) -> str:
    return "parse_" + snake(union)


@dataclass
class Emitter:
    defs: dict[str, Def]
    helpers: list[str] = field(default_factory=list)
    converters: dict[TypeExpr, str] = field(default_factory=dict)

    # --- Python types -------------------------------------------------------------------------
    def pytype(self, t: TypeExpr) -> str:
        if isinstance(t, Prim):
            return PRIM_PY[t.kind]
        if isinstance(t, Const):
            return f"Literal[{t.value!r}]"
        if isinstance(t, Enum):
            return f"Literal[{', '.join(repr(v) for v in t.values)}]"
        if isinstance(t, Ref):
            return t.name
        if isinstance(t, Array):
            return f"list[{self.pytype(t.item)}]"
        if isinstance(t, Map):
            return f"dict[str, {self.pytype(t.value)}]"
        parts: list[str] = []
        for m in t.members:
            p = self.pytype(m)
            if p not in parts:
                parts.append(p)
        if "None" in parts:
            parts.remove("None")
            parts.append("None")
        return " | ".join(parts)

    # --- conversion ---------------------------------------------------------------------------
    def has_model(self, t: TypeExpr) -> bool:
        if isinstance(t, Ref):
            d = self.defs[t.name]
            return isinstance(d, ModelDef | UnionDef) or (isinstance(d, AliasDef) and self.has_model(d.type))
        if isinstance(t, Array):
            return self.has_model(t.item)
        if isinstance(t, Map):
            return self.has_model(t.value)
        if isinstance(t, Union):
            return any(self.has_model(m) for m in t.members)
        return False

    def conv(self, t: TypeExpr) -> str:
        """Name of a callable ``(value) -> converted`` that raises ValidationError with a relative path."""
        if isinstance(t, Prim) and t.kind != "null":
            return PRIM_CONV[t.kind]
        if isinstance(t, Ref):
            d = self.defs[t.name]
            if isinstance(d, ModelDef):
                return f"{d.name}.from_dict"
            if isinstance(d, UnionDef):
                return parser_name(d.name)
            return self.conv(d.type)
        if isinstance(t, Map) and t.value == ANY:
            return "expect_object"
        if t not in self.converters:
            name = f"_cv{len(self.converters)}"
            self.converters[t] = name
            body = self.convert_body(t)
            self.helpers.append(f"def {name}(v: Any) -> {self.pytype(t)}:\n" + "\n".join("    " + b for b in body) + "\n")
        return self.converters[t]

    def convert_body(self, t: TypeExpr) -> list[str]:
        if isinstance(t, Array):
            return [f"return list_of(v, {self.conv(t.item)})"]
        if isinstance(t, Map):
            return [f"return map_of(v, {self.conv(t.value)})"]
        if isinstance(t, Union):
            return self.union_body(list(t.members), None, self.pytype(t))
        # pyright narrows ``Any`` through the checks above, mypy does not: the cast is for mypy
        return self.check(t, "v", '""') + [f"return cast({self.pytype(t)!r}, v)  # pyright: ignore[reportUnnecessaryCast]"]

    def check(self, t: TypeExpr, v: str, key: str) -> list[str]:
        """Statements that validate (and convert in place) variable ``v``; errors are rooted at ``key``."""
        if isinstance(t, Prim):
            if t.kind == "any":
                return []
            if t.kind == "null":
                return [f"if {v} is not None:", f"    raise bad_type({key}, 'null', {v})"]
            kind = PRIM_KIND[t.kind]
            return [f"if {NOT_KIND_CHECK[kind].format(v=v)}:", f"    raise bad_type({key}, {kind!r}, {v})"]
        if isinstance(t, Const):
            return [f"if {v} != {t.value!r}:", f"    raise bad_value({key}, ({t.value!r},), {v})"]
        if isinstance(t, Enum):
            vals = "(" + ", ".join(repr(x) for x in t.values) + ",)"
            return [f"if {v} not in {vals}:", f"    raise bad_value({key}, {vals}, {v})"]
        if isinstance(t, Ref) and isinstance(self.defs[t.name], AliasDef):
            d = self.defs[t.name]
            assert isinstance(d, AliasDef)
            if isinstance(d.type, Prim | Const | Enum):
                return self.check(d.type, v, key)
        call = ["try:", f"    {v} = {self.conv(t)}({v})", "except ValidationError as e:",
                f"    raise e.under({key}) from None"]
        if isinstance(t, Array):  # fast path: an empty list needs no conversion
            return [f"if {v}.__class__ is not list or {v}:", *("    " + c for c in call)]
        return call

    def union_body(self, members: list[TypeExpr], tagged: UnionDef | None, rettype: str) -> list[str]:
        by_kind: dict[str, list[TypeExpr]] = {}
        accepts_any = False
        for m in members:
            kinds = kind_of(m, self.defs)
            if "any" in kinds:
                accepts_any = True
                continue
            for k in kinds:
                if k == "integer" and "number" in kinds and isinstance(m, Prim):
                    continue
                by_kind.setdefault(k, []).append(m)
        lines: list[str] = []
        for kind in KIND_ORDER:
            ms = by_kind.get(kind)
            if not ms:
                continue
            lines.append(f"if {KIND_CHECK[kind].format(v='v')}:")
            if kind == "object" and tagged is not None:
                lines.append(f"    return _dispatch_{tagged.name}(v)")
                continue
            if kind == "null":
                lines.append("    return None")
            elif kind in ("string", "boolean", "integer", "number"):
                lines += ["    " + s for s in self.scalar_union(ms, kind, rettype)]
            elif len(ms) == 1:
                lines.append(f"    return {self.conv(ms[0])}(v)")
            else:
                convs = ", ".join(self.conv(m) for m in ms)
                lines.append(f"    return cast({rettype!r}, first_valid(v, ({convs},)))")
        if accepts_any:
            lines.append("return v")
        else:
            expected = " or ".join(KIND_LABEL[k] for k in KIND_ORDER if k in by_kind)
            lines.append(f"raise bad_type('', {expected!r}, v)")
        return lines

    def scalar_union(self, ms: list[TypeExpr], kind: str, rettype: str) -> list[str]:
        allowed: list[object] = []
        for m in ms:
            base = m
            while isinstance(base, Ref):
                d = self.defs[base.name]
                assert isinstance(d, AliasDef), base
                base = d.type
            if isinstance(base, Prim) or (isinstance(base, Union)):
                return ["return v"]
            vals = (base.value,) if isinstance(base, Const) else base.values if isinstance(base, Enum) else ()
            allowed += [x for x in vals if json_kind(x) == kind or (kind == "number" and json_kind(x) == "integer")]
        tup = "(" + ", ".join(repr(x) for x in allowed) + ",)"
        return [f"if v not in {tup}:", f"    raise bad_value('', {tup}, v)", f"return cast({rettype!r}, v)"]

    # --- serialization ------------------------------------------------------------------------
    def ser(self, t: TypeExpr, expr: str) -> str:
        if isinstance(t, Ref) and isinstance(self.defs[t.name], ModelDef):
            return f"{expr}.to_dict()"
        if isinstance(t, Ref) and isinstance(self.defs[t.name], UnionDef) and self.union_is_objects(t.name):
            return f"{expr}.to_dict()"
        if self.has_model(t) or isinstance(t, Array | Map) or (isinstance(t, Prim) and t.kind == "any"):
            return f"dump({expr})"
        return expr

    def union_is_objects(self, name: str) -> bool:
        d = self.defs[name]
        assert isinstance(d, UnionDef)
        return all(kind_of(m, self.defs) == {"object"} for m in d.members)


def render_module(
    module: Module, *, title: str, spec_version: str, mixins: dict[str, str], input_item_param: str = ""
) -> str:
    em = Emitter(module.defs)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["pydoc"] = pydoc
    models = [d for d in module.defs.values() if isinstance(d, ModelDef)]
    unions = [d for d in module.defs.values() if isinstance(d, UnionDef)]
    model_views = [model_view(em, m, mixins.get(m.name)) for m in models]
    union_views = [union_view(em, u) for u in unions]
    views = {u["name"]: u for u in union_views}
    typedefs = [views[d.name] if isinstance(d, UnionDef) else {"name": d.name, "doc": d.doc, "type": em.pytype(d.type)}
                for d in order_typedefs(module.defs)]
    source = env.get_template("models.py.jinja").render(
        title=title,
        spec_version=spec_version,
        models=model_views,
        unions=union_views,
        typedefs=typedefs,
        helpers=em.helpers,
        mixin_imports=sorted(set(mixins[m.name] for m in models if m.name in mixins)),
        stream_parser=parser_name(module.stream_union),
        stream_union=module.stream_union,
        input_item_param=input_item_param,
        names=sorted([*module.defs, *(f"Unknown{u.name}" for u in unions), *(parser_name(u.name) for u in unions)]),
    )
    return drop_unused_imports(source)


def drop_unused_imports(source: str) -> str:
    """Remove names from the ``_base`` import block that the module body never uses."""
    head, sep, body = source.partition("\n)\n")
    kept = [line for line in head.split("\n") if not line.startswith("    ") or re.search(rf"\b{line.strip(' ,')}\b", body)]
    return "\n".join(kept) + sep + body


def pydoc(text: str) -> str:
    """Make ``text`` safe inside a triple-quoted docstring."""
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').replace("\n", " ").strip().rstrip('"')


def refs_of(t: TypeExpr) -> list[str]:
    if isinstance(t, Ref):
        return [t.name]
    if isinstance(t, Array):
        return refs_of(t.item)
    if isinstance(t, Map):
        return refs_of(t.value)
    if isinstance(t, Union):
        return [r for m in t.members for r in refs_of(m)]
    return []


def order_typedefs(defs: dict[str, Def]) -> list[AliasDef | UnionDef]:
    """Aliases and union aliases in dependency order (they are evaluated at import time)."""
    out: list[AliasDef | UnionDef] = []
    done: set[str] = set()

    def visit(d: Def) -> None:
        if d.name in done or isinstance(d, ModelDef):
            return
        done.add(d.name)
        for m in [d.type] if isinstance(d, AliasDef) else d.members:
            for r in refs_of(m):
                visit(defs[r])
        out.append(d)

    for d in defs.values():
        visit(d)
    return out


def model_view(em: Emitter, m: ModelDef, mixin: str | None) -> dict[str, object]:
    required, optional = [], []
    for f in m.fields:
        t = f.type
        nullable = isinstance(t, Union) and Prim("null") in t.members
        inner: TypeExpr = t
        if nullable:
            rest = tuple(x for x in t.members if x != Prim("null"))  # type: ignore[union-attr]
            inner = rest[0] if len(rest) == 1 else Union(rest)
        var = "v_" + f.py_name
        check = em.check(inner, var, repr(f.json_name))
        if nullable and check:
            check = [f"if {var} is not None:", *("    " + c for c in check)]
        ser = em.ser(inner, "self." + f.py_name)
        if nullable and ser != "self." + f.py_name:
            ser = f"None if self.{f.py_name} is None else {ser}"
        view = {
            "json": f.json_name,
            "py": f.py_name,
            "var": "v_" + f.py_name,
            "doc": f.doc,
            "pytype": em.pytype(t),
            "default": repr(t.value) if isinstance(t, Const) else None,
            "lines": check,
            "ser_expr": ser,
        }
        (required if f.required else optional).append(view)
    return {"name": m.name, "doc": m.doc, "required": required, "optional": optional, "mixin": mixin,
            "known": sorted(f.json_name for f in m.fields)}


def union_view(em: Emitter, u: UnionDef) -> dict[str, object]:
    table: dict[str, str] = {}
    subs: list[dict[str, object]] = []
    for tag, cands in u.tags.items():
        if tag in u.sub:
            prop, roles = u.sub[tag]
            fname = f"_sub_{u.name}_{len(subs)}"
            subs.append({"name": fname, "prop": prop, "table": {r: f"{c}.from_dict" for r, c in roles.items()}})
            table[tag] = fname
        elif tag in u.ambiguous:
            fname = f"_sub_{u.name}_{len(subs)}"
            subs.append({"name": fname, "prop": None, "candidates": [f"{c}.from_dict" for c in u.ambiguous[tag]]})
            table[tag] = fname
        else:
            table[tag] = f"{cands[0]}.from_dict"
    members = [em.pytype(m) for m in u.members]
    direct = em.union_is_objects(u.name)
    return {
        "name": u.name,
        "parser": parser_name(u.name),
        "doc": u.doc,
        "type": " | ".join([*dict.fromkeys(members), f"Unknown{u.name}"]),
        "table": table,
        "subs": subs,
        "untagged": [f"{c}.from_dict" for c in u.untagged],
        "direct": direct,
        "body": [] if direct else em.union_body(u.members, u, u.name),
    }
