"""Callables → Responses function tools; chat-style tool/tool_choice dicts → the flat Responses form."""

from __future__ import annotations

import functools
import re
import types
import typing
import warnings
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Generic, Literal, NotRequired, ParamSpec, TypedDict, TypeVar, overload

import attrs

from ..errors import ToolDefinitionError
from ._introspect import CallableInfo, FieldSpec, external_stacklevel, inspect_callable
from ._jsonschema import JsonSchema, SchemaBuilder
from ._strict import NotStrict, lenient, strictify

P = ParamSpec("P")
R = TypeVar("R")

NAME_PATTERN = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")
TOOL_CHOICE_MODES = frozenset({"auto", "none", "required"})


class FunctionToolParam(TypedDict):
    """The flat Responses function tool: ``{"type": "function", "name", "description", "parameters", "strict"}``."""

    type: Literal["function"]
    name: str
    description: str
    parameters: dict[str, Any]
    strict: bool


class ChatFunctionParam(TypedDict):
    """The ``function`` object of a chat-completions function tool."""

    name: str
    description: NotRequired[str]
    parameters: NotRequired[dict[str, Any]]
    strict: NotRequired[bool | None]


class ChatFunctionToolParam(TypedDict):
    """A chat-completions tool ``{"type": "function", "function": {...}}``; flattened before sending."""

    type: Literal["function"]
    function: ChatFunctionParam


class ChatFunctionName(TypedDict):
    name: str


class ChatToolChoiceParam(TypedDict):
    """A chat-completions ``tool_choice`` ``{"type": "function", "function": {"name": ...}}``."""

    type: Literal["function"]
    function: ChatFunctionName


class StrictFallbackWarning(UserWarning):
    """A tool asked for strict mode has a parameter strict mode cannot express; it is sent non-strict."""


def validate_name(name: object, where: str) -> str:
    """Return ``name`` if it is a valid function name (``^[a-zA-Z0-9_-]{1,64}$``), else raise clearly."""
    if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name):
        raise ToolDefinitionError(
            f"invalid function name {name!r}: use 1-64 characters among a-z, A-Z, 0-9, '_' and '-'"
            " (pass name=... to choose one)",
            where,
        )
    return name


@attrs.frozen
class CompiledTool:
    """A callable ready to be offered and executed: its definition, and the schema its arguments must meet
    (the full schema, optional properties also nullable: valid for strict and non-strict calls alike)."""

    func: Callable[..., object]
    definition: FunctionToolParam
    full_schema: JsonSchema
    fields: list[FieldSpec]

    @property
    def name(self) -> str:
        return self.definition["name"]

    @functools.cached_property
    def validation_schema(self) -> JsonSchema:
        """Built only when calls are executed (a quarter of a conversion's cost)."""
        return lenient(self.full_schema)


def compile_tool(
    func: Callable[..., object],
    *,
    name: str | None = None,
    description: str | None = None,
    strict: bool | None = None,
) -> CompiledTool:
    """Build the tool definition of ``func``; ``strict=None`` means strict unless a parameter forbids it."""
    info = inspect_callable(func)
    tool_name = validate_name(
        name if name is not None else info.name, f"tool {info.name!r}"
    )
    where = f"tool {tool_name!r}"
    params = info.params
    builder = SchemaBuilder()
    try:
        full = builder.object_schema(params, "")
    except ToolDefinitionError as exc:
        raise ToolDefinitionError(
            exc.reason, f"{where}, parameter {exc.where!r}" if exc.where else where
        ) from None
    if builder.defs:
        full["$defs"] = builder.defs
    parameters, is_strict = full, False
    if strict is not False:
        try:
            parameters = strictify(full)
            is_strict = True
        except NotStrict as exc:
            warnings.warn(
                StrictFallbackWarning(
                    f"{where}: parameter {_param_name(exc.path, params)!r} cannot be expressed in strict mode"
                    f" ({exc.reason}); the tool is sent with strict: false"
                ),
                stacklevel=external_stacklevel(),
            )
    definition = FunctionToolParam(
        type="function",
        name=tool_name,
        description=description if description is not None else info.doc.description,
        parameters=parameters,
        strict=is_strict,
    )
    return CompiledTool(func, definition, full, params)


def _param_name(path: str, params: list[FieldSpec]) -> str:
    """The parameter a strict-mode failure path belongs to (the root object's extras are ``**kwargs``)."""
    if path:
        return re.split(r"[.\[{]", path, maxsplit=1)[0]
    return next(
        ("**" + p.key for p in params if p.kind == "var_keyword"), "<parameters>"
    )


def callable_to_tool(
    func: Callable[..., object],
    *,
    name: str | None = None,
    description: str | None = None,
    strict: bool | None = None,
) -> FunctionToolParam:
    """The Responses function tool describing ``func`` (function, async function, bound method,
    ``functools.partial`` or callable object). Descriptions come from its docstring and ``Annotated``
    texts; ``strict=None`` gives strict mode unless a parameter cannot be strict (then a warning)."""
    if isinstance(func, Tool):
        options = typing.cast("Tool[..., object]", func)
        func = options.func
        name = options.name if name is None else name
        description = options.description if description is None else description
        strict = options.strict if strict is None else strict
    return compile_tool(
        func, name=name, description=description, strict=strict
    ).definition


class Tool(Generic[P, R]):
    """A function decorated with :func:`tool`: still callable as before, plus its tool options."""

    def __init__(
        self,
        func: Callable[P, R],
        *,
        name: str | None,
        description: str | None,
        strict: bool | None,
    ) -> None:
        self.func = func
        self.name = validate_name(
            name if name is not None else inspect_callable(func).name, f"tool {func!r}"
        )
        self.description = description
        self.strict = strict
        self._compiled: dict[bool | None, CompiledTool] = {}
        self.compile(strict=False)  # a bad annotation fails at decoration time
        functools.update_wrapper(self, func)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        return self.func(*args, **kwargs)

    def __get__(self, instance: object, owner: type | None = None) -> Tool[..., R]:
        """``@tool`` on a method: ``obj.method`` is the tool bound to ``obj`` (no ``self`` parameter)."""
        if instance is None:
            return self
        bound = typing.cast("Tool[..., R]", object.__new__(Tool))
        bound.func = typing.cast(
            Callable[..., R], types.MethodType(self.func, instance)
        )
        bound.name, bound.description, bound.strict = (
            self.name,
            self.description,
            self.strict,
        )
        bound._compiled = {}
        functools.update_wrapper(bound, bound.func)
        return bound

    def compile(self, *, strict: bool | None = None) -> CompiledTool:
        """The compiled tool; the decorator's own ``strict`` wins over the ``strict`` given here."""
        mode = self.strict if self.strict is not None else strict
        if mode not in self._compiled:
            self._compiled[mode] = compile_tool(
                self.func, name=self.name, description=self.description, strict=mode
            )
        return self._compiled[mode]

    def __repr__(self) -> str:
        return f"Tool(name={self.name!r}, func={self.func!r})"


@overload
def tool(func: Callable[P, R], /) -> Tool[P, R]: ...
@overload
def tool(
    *,
    name: str | None = None,
    description: str | None = None,
    strict: bool | None = None,
) -> Callable[[Callable[P, R]], Tool[P, R]]: ...
def tool(
    func: Callable[P, R] | None = None,
    /,
    *,
    name: str | None = None,
    description: str | None = None,
    strict: bool | None = None,
) -> Tool[P, R] | Callable[[Callable[P, R]], Tool[P, R]]:
    """Mark a function as a tool, optionally choosing its name, description and strictness."""
    if func is not None:
        return Tool(func, name=name, description=description, strict=strict)

    def decorate(f: Callable[P, R]) -> Tool[P, R]:
        return Tool(f, name=name, description=description, strict=strict)

    return decorate


ToolArg = FunctionToolParam | ChatFunctionToolParam | Callable[..., object]
"""What ``tools=[...]`` of ``client.responses.create`` takes besides the dialect's own tool dicts."""
ToolChoiceArg = ChatToolChoiceParam | Callable[..., object]
"""What ``tool_choice=`` of ``client.responses.create`` takes besides the dialect's own choices."""

ToolLike = Callable[..., object] | Mapping[str, object]
"""Anything accepted in ``tools=[...]``: a callable / :class:`Tool`, a Responses tool dict or a chat-style one."""


def compile_callable(item: object, *, strict: bool | None) -> CompiledTool:
    """The compiled form of a callable or :class:`Tool` found in a ``tools`` list."""
    if isinstance(item, Tool):
        return typing.cast("Tool[..., object]", item).compile(strict=strict)
    return compile_tool(typing.cast(Callable[..., object], item), strict=strict)


def to_tool_params(
    tools: Iterable[ToolLike], *, strict: bool | None = None
) -> list[dict[str, Any]]:
    """Normalize a ``tools`` list, order kept: callables are converted (``strict`` is the default for the
    ones without their own setting: ``True`` for the OpenAI dialect), chat-style function dicts are
    flattened, other tool dicts (web search...) are passed through. Duplicate function names are an error."""
    out: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(_tool_list(tools)):
        where = f"tools[{i}]"
        mapping = _as_mapping(item)
        if mapping is not None:
            param = flatten_tool(mapping, where)
        elif callable(item):
            param = dict(compile_callable(item, strict=strict).definition)
        else:
            raise ToolDefinitionError(
                f"expected a callable or a tool dict, got {type(item).__qualname__}",
                where,
            )
        name = param.get("name") if param.get("type") == "function" else None
        if isinstance(name, str):
            if name in seen:
                raise ToolDefinitionError(
                    f"duplicate function name {name!r} (also tools[{seen[name]}])",
                    where,
                )
            seen[name] = i
        out.append(param)
    return out


def _tool_list(tools: object) -> list[object]:
    """The items of a ``tools`` argument, which must be a list-like of tools (not one tool)."""
    kind = type(tools).__qualname__
    if isinstance(tools, (str, Mapping)) or not isinstance(tools, Iterable):
        raise ToolDefinitionError(f"expected a list of tools, got {kind}", "tools")
    return list(typing.cast(Iterable[object], tools))


def with_tool_params(body: Mapping[str, Any], *, strict: bool | None) -> dict[str, Any]:
    """A copy of a request ``body`` whose ``tools`` / ``tool_choice`` are in the Responses form
    (:func:`to_tool_params` / :func:`to_tool_choice`); explicit ``None`` values are kept as given."""
    out = dict(body)
    if out.get("tools") is not None:
        out["tools"] = to_tool_params(out["tools"], strict=strict)
    if out.get("tool_choice") is not None:
        out["tool_choice"] = to_tool_choice(out["tool_choice"])
    return out


def _as_mapping(obj: object) -> Mapping[str, object] | None:
    return typing.cast(Mapping[str, object], obj) if isinstance(obj, Mapping) else None


def flatten_tool(tool_dict: Mapping[str, object], where: str) -> dict[str, Any]:
    """A Responses tool dict from a Responses or chat-style (``{"type": "function", "function": {...}}``) one."""
    if "type" not in tool_dict:
        raise ToolDefinitionError("a tool dict needs a 'type' (e.g. 'function')", where)
    if tool_dict.get("type") != "function":
        return dict(tool_dict)
    nested = tool_dict.get("function")
    if nested is None:
        flat = dict(tool_dict)
    elif isinstance(nested, Mapping):
        extra = set(tool_dict) - {"type", "function"}
        if extra:
            raise ToolDefinitionError(
                f"unexpected keys {sorted(extra)} next to 'function'", where
            )
        flat = {"type": "function", **typing.cast(Mapping[str, object], nested)}
        where = f"{where}.function"
    else:
        raise ToolDefinitionError(
            f"'function' must be an object, got {type(nested).__qualname__}", where
        )
    validate_name(flat.get("name"), f"{where}.name")
    parameters = flat.get("parameters")
    if parameters is not None and not isinstance(parameters, Mapping):
        raise ToolDefinitionError(
            f"'parameters' must be a JSON Schema object, got {parameters!r}", where
        )
    return flat


def to_tool_choice(choice: object) -> str | dict[str, Any]:
    """A Responses ``tool_choice``: modes and Responses dicts pass through; a chat-style
    ``{"type": "function", "function": {"name": ...}}``, a :class:`Tool` or a callable name a function."""
    if isinstance(choice, str):
        return choice
    if isinstance(choice, Mapping):
        data = typing.cast(Mapping[str, object], choice)
        nested = data.get("function")
        if data.get("type") == "function" and isinstance(nested, Mapping):
            name = typing.cast(Mapping[str, object], nested).get("name")
            return {
                "type": "function",
                "name": validate_name(name, "tool_choice.function.name"),
            }
        return dict(data)
    if isinstance(choice, Tool):
        return {
            "type": "function",
            "name": typing.cast("Tool[..., object]", choice).name,
        }
    if callable(choice):
        info: CallableInfo = inspect_callable(choice)
        return {"type": "function", "name": validate_name(info.name, "tool_choice")}
    raise ToolDefinitionError(
        f"expected a mode string, a dict or a tool, got {type(choice).__qualname__}",
        "tool_choice",
    )
