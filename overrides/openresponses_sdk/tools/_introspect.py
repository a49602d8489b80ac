"""One view of "named fields with types" over function signatures, dataclasses, attrs classes, TypedDicts."""

from __future__ import annotations

import dataclasses
import enum
import functools
import inspect
import sys
import types
import typing
import weakref
from collections.abc import Callable
from typing import Any, Literal, get_args, get_origin

import attrs

from ..errors import ToolDefinitionError
from ._docstrings import DocInfo, own_doc, parse_doc


class Missing(enum.Enum):
    """Type of :data:`MISSING`: a field without a (JSON-representable) default value."""

    MISSING = "MISSING"


MISSING = Missing.MISSING

ParamKind = Literal[
    "positional_only",
    "positional",
    "keyword_only",
    "var_positional",
    "var_keyword",
    "field",
]

_KINDS: dict[object, ParamKind] = {
    inspect.Parameter.POSITIONAL_ONLY: "positional_only",
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "positional",
    inspect.Parameter.KEYWORD_ONLY: "keyword_only",
    inspect.Parameter.VAR_POSITIONAL: "var_positional",
    inspect.Parameter.VAR_KEYWORD: "var_keyword",
}


@attrs.frozen
class FieldSpec:
    """One parameter or field: JSON key, Python name, annotation, whether required, its default."""

    key: str
    attr: str
    type: object
    required: bool
    default: object  # MISSING when there is none (or it comes from a factory)
    description: str
    kind: ParamKind = "field"


def pydantic_base() -> type | None:
    """``pydantic.BaseModel`` if pydantic is already imported (never imports it: it is optional)."""
    module = sys.modules.get("pydantic")
    base: object = getattr(module, "BaseModel", None)
    return base if isinstance(base, type) else None


def is_pydantic_model(tp: object) -> bool:
    base = pydantic_base()
    return base is not None and isinstance(tp, type) and issubclass(tp, base)


def is_typeddict(tp: object) -> bool:
    return typing.is_typeddict(tp)


def as_class(tp: object) -> type[object] | None:
    """``tp`` if it is a class (not a generic alias or special form), else None."""
    return tp if isinstance(tp, type) else None


def is_record_class(tp: object) -> bool:
    """A class whose JSON form is an object of its fields (dataclass, attrs, TypedDict, pydantic model)."""
    cls = as_class(tp)
    return cls is not None and (
        dataclasses.is_dataclass(cls)
        or attrs.has(cls)
        or is_typeddict(cls)
        or is_pydantic_model(cls)
    )


def type_hints(obj: object, where: str) -> dict[str, object]:
    """Resolved annotations (``Annotated`` kept). String annotations naming local classes are looked up in
    the local variables of the first calling frame outside this package (where the tool is declared)."""
    try:
        return typing.get_type_hints(obj, include_extras=True)
    except NameError:
        pass
    try:
        return typing.get_type_hints(obj, localns=_caller_locals(), include_extras=True)
    except NameError as exc:
        raise ToolDefinitionError(
            f"cannot resolve the type annotation {exc.name!r}; define it at module level so it can be found",
            where,
        ) from exc


_PACKAGE = __name__.split(".", 1)[0]


def _in_package(frame: types.FrameType) -> bool:
    return str(frame.f_globals.get("__name__", "")).startswith(_PACKAGE)


def _caller_locals() -> dict[str, object]:
    frame = inspect.currentframe()
    while frame is not None and _in_package(frame):
        frame = frame.f_back
    return dict(frame.f_locals) if frame is not None else {}


def external_stacklevel() -> int:
    """The ``stacklevel`` making a warning issued by the calling function point at user code."""
    level, frame = 1, sys._getframe(1)  # pyright: ignore[reportPrivateUsage]
    while frame.f_back is not None and _in_package(frame):
        level, frame = level + 1, frame.f_back
    return level


_FIELDS: weakref.WeakKeyDictionary[type[object], list[FieldSpec]] = (
    weakref.WeakKeyDictionary()
)


def class_fields(cls: type[object], where: str) -> list[FieldSpec]:
    """The init fields of a dataclass / attrs class / TypedDict, with descriptions from metadata or docstring
    (computed once per class: later lookups, e.g. when converting arguments, need no annotation resolving)."""
    fields = _FIELDS.get(cls)
    if fields is None:
        fields = _FIELDS[cls] = _class_fields(cls, where)
    return fields


def _class_fields(cls: type[object], where: str) -> list[FieldSpec]:
    doc = parse_doc(own_doc(cls))
    hints = type_hints(cls, where)
    if is_typeddict(cls):
        return [_typeddict_field(cls, key, hint, doc) for key, hint in hints.items()]
    if dataclasses.is_dataclass(cls):
        specs: list[FieldSpec] = []
        for f in dataclasses.fields(cls):
            if not f.init:
                continue
            no_default = f.default is dataclasses.MISSING
            required = no_default and f.default_factory is dataclasses.MISSING
            text = _metadata_description(f.metadata) or doc.params.get(f.name, "")
            default = MISSING if no_default else f.default
            specs.append(
                FieldSpec(
                    f.name, f.name, hints.get(f.name, Any), required, default, text
                )
            )
        return specs
    if attrs.has(cls):
        attrs.resolve_types(cls)
        specs = []
        for a in attrs.fields(cls):
            if not a.init:
                continue
            key = a.alias or a.name
            required = a.default is attrs.NOTHING
            default = (
                MISSING if required or isinstance(a.default, _FACTORY) else a.default
            )
            text = (
                _metadata_description(a.metadata)
                or doc.params.get(key, "")
                or doc.params.get(a.name, "")
            )
            specs.append(
                FieldSpec(key, key, hints.get(a.name, Any), required, default, text)
            )
        return specs
    raise ToolDefinitionError(
        f"{cls.__qualname__} is not a dataclass, attrs class or TypedDict", where
    )


_FACTORY = typing.cast(type[object], attrs.Factory)


def _typeddict_field(
    cls: type[object], key: str, hint: object, doc: DocInfo
) -> FieldSpec:
    origin = get_origin(hint)
    if origin is typing.Required or origin is typing.NotRequired:
        required = origin is typing.Required
        hint = get_args(hint)[0]
    else:
        required_keys: frozenset[str] = getattr(cls, "__required_keys__", frozenset())
        required = key in required_keys
    return FieldSpec(key, key, hint, required, MISSING, doc.params.get(key, ""))


def _metadata_description(metadata: typing.Mapping[Any, Any]) -> str:
    text = metadata.get("description", "")
    return text if isinstance(text, str) else ""


@attrs.frozen
class CallableInfo:
    """A callable seen as a tool: default name, docstring, and its model-visible parameters."""

    name: str
    doc: DocInfo
    params: list[FieldSpec]


def inspect_callable(func: Callable[..., object]) -> CallableInfo:
    """Signature of a function, async function, bound method, ``functools.partial`` or callable object."""
    bound: set[str] = set()
    target: object = func
    while isinstance(target, functools.partial):
        bound.update(typing.cast("functools.partial[object]", target).keywords)
        target = typing.cast("functools.partial[object]", target).func
    if isinstance(
        target, (types.FunctionType, types.MethodType, types.BuiltinFunctionType)
    ):
        name = target.__name__
        hints_of: object = target
        doc_of: object = target
    elif callable(target) and not isinstance(target, type):
        call = type(target).__call__  # pyright: ignore[reportUnknownMemberType,reportUnknownVariableType]
        name = type(target).__name__
        hints_of = call
        doc_of = call if inspect.getdoc(call) else type(target)  # pyright: ignore[reportUnknownArgumentType]
    else:
        raise ToolDefinitionError(
            f"expected a function or callable object, got {func!r}", "tool"
        )
    where = f"tool {name!r}"
    try:
        signature = inspect.signature(func)
    except (TypeError, ValueError) as exc:
        raise ToolDefinitionError(f"cannot read the signature: {exc}", where) from exc
    hints = type_hints(hints_of, where)
    doc = parse_doc(inspect.getdoc(doc_of))
    params: list[FieldSpec] = []
    for p in signature.parameters.values():
        if p.name in bound:
            continue
        has_default = p.default is not inspect.Parameter.empty
        kind = _KINDS[p.kind]
        params.append(
            FieldSpec(
                key=p.name,
                attr=p.name,
                type=hints.get(p.name, Any),
                required=not has_default
                and kind not in ("var_positional", "var_keyword"),
                default=p.default if has_default else MISSING,
                description=doc.params.get(p.name, "")
                or doc.params.get("*" + p.name, "")
                or doc.params.get("**" + p.name, ""),
                kind=kind,
            )
        )
    return CallableInfo(name, doc, params)
