"""Executing the model's function calls: validate, convert, call, and answer with ``function_call_output`` items."""

from __future__ import annotations

import asyncio
import concurrent.futures
import inspect
import json
import typing
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ..errors import ToolCallError, ValidationError
from ._coerce import coerce_fields
from ._encode import to_jsonable
from ._introspect import MISSING
from ._validate import SchemaValidator
from .convert import CompiledTool, FunctionToolParam, ToolLike, compile_callable

if (
    TYPE_CHECKING
):  # the generated module is large: not imported just to name a TypedDict
    from ..types.params import FunctionCallOutputItemParam


@attrs.frozen
class FunctionCall:
    """One ``function_call`` output item, as far as executing it is concerned."""

    call_id: str
    name: str
    arguments: str


@attrs.frozen
class ToolCallResult:
    """The outcome of one call: the Python ``value`` or the ``error``, and the ``output`` text the model gets."""

    call: FunctionCall
    output: str
    value: object = None
    error: ToolCallError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def item(self) -> FunctionCallOutputItemParam:
        """The ``function_call_output`` input item to send back (same ``call_id``)."""
        item: FunctionCallOutputItemParam = {
            "type": "function_call_output",
            "call_id": self.call.call_id,
            "output": self.output,
        }
        return item


def function_calls(response: object) -> list[FunctionCall]:
    """The ``function_call`` items of a response (typed model, dict, or a list of output items), in order."""
    data = _plain(response)
    items: object = data
    if isinstance(data, Mapping):
        items = typing.cast(Mapping[str, object], data).get("output", [])
    else:
        items = data
    if not isinstance(items, Sequence) or isinstance(items, (str, bytes)):
        raise ValidationError(
            f"expected a response or a list of output items, got {type(response).__qualname__}"
        )
    calls: list[FunctionCall] = []
    for i, raw in enumerate(typing.cast(Sequence[object], items)):
        item = _plain(raw)
        if (
            not isinstance(item, Mapping)
            or typing.cast(Mapping[str, object], item).get("type") != "function_call"
        ):
            continue
        fields = typing.cast(Mapping[str, object], item)
        for key in ("call_id", "name", "arguments"):
            if not isinstance(fields.get(key), str):
                raise ValidationError(
                    f"a function_call item needs a string {key!r}", f"output[{i}].{key}"
                )
        calls.append(
            FunctionCall(
                str(fields["call_id"]), str(fields["name"]), str(fields["arguments"])
            )
        )
    return calls


def _plain(obj: object) -> object:
    """Generated models → their JSON dict (``to_dict()``); anything else as is."""
    to_dict: object = getattr(obj, "to_dict", None)
    return typing.cast(Callable[[], object], to_dict)() if callable(to_dict) else obj


class ToolRegistry:
    """The Python implementations of the tools offered to a model, by name."""

    def __init__(
        self, tools: Iterable[ToolLike] = (), *, strict: bool | None = None
    ) -> None:
        """Register the callables among ``tools`` (tool dicts have no implementation and are skipped)."""
        self._tools: dict[str, CompiledTool] = {}
        self._validators: dict[str, SchemaValidator] = {}
        self._strict = strict
        for item in tools:
            if not isinstance(item, Mapping):
                self.register(item)

    def register(self, func: Callable[..., object]) -> CompiledTool:
        """Add one callable or :class:`~openresponses_sdk.tools.Tool`; its name must be new."""
        compiled = compile_callable(func, strict=self._strict)
        if compiled.name in self._tools:
            raise ValueError(f"a tool named {compiled.name!r} is already registered")
        self._tools[compiled.name] = compiled
        self._validators[compiled.name] = SchemaValidator(compiled.validation_schema)
        return compiled

    @property
    def definitions(self) -> list[FunctionToolParam]:
        """The tool definitions to offer, in registration order."""
        return [t.definition for t in self._tools.values()]

    def __contains__(self, name: object) -> bool:
        return name in self._tools

    def run(self, response: object) -> list[ToolCallResult]:
        """Execute every function call of ``response`` in order (async tools are awaited on a private loop)."""
        return [
            self._finish(call, self._start(call)) for call in function_calls(response)
        ]

    async def arun(self, response: object) -> list[ToolCallResult]:
        """Execute every function call of ``response``; async tools run concurrently, results stay in order."""
        calls = function_calls(response)
        return list(
            await asyncio.gather(
                *(self._afinish(call, self._start(call)) for call in calls)
            )
        )

    def _start(self, call: FunctionCall) -> ToolCallResult | Callable[[], object]:
        """Validate and convert the arguments: a result (the error) or a thunk that calls the tool."""
        compiled = self._tools.get(call.name)
        if compiled is None:
            known = ", ".join(self._tools) or "none"
            return _failure(
                call,
                "unknown_tool",
                f"there is no tool named {call.name!r} (available: {known})",
            )
        try:
            arguments: object = (
                json.loads(call.arguments) if call.arguments.strip() else {}
            )
        except json.JSONDecodeError as exc:
            return _failure(
                call,
                "invalid_arguments",
                f"the arguments are not valid JSON ({exc})",
                cause=exc,
            )
        error = self._validators[call.name].first_error(arguments)
        if error is not None:
            path, message = error
            return _failure(
                call,
                "invalid_arguments",
                f"invalid arguments: {_at(path)}{message}",
                path=path,
            )
        try:
            values = coerce_fields(arguments, compiled.fields, "")
        except ValidationError as exc:
            return _failure(
                call,
                "invalid_arguments",
                f"invalid arguments: {_at(exc.path)}{exc.reason}",
                path=exc.path,
            )
        args, kwargs = _bind(compiled, values)
        return lambda: compiled.func(*args, **kwargs)

    def _finish(
        self, call: FunctionCall, started: ToolCallResult | Callable[[], object]
    ) -> ToolCallResult:
        if isinstance(started, ToolCallResult):
            return started
        try:
            value = started()
            if inspect.isawaitable(value):
                value = _run_coroutine(_as_coroutine(value))
        except Exception as exc:  # noqa: BLE001 - a tool failure is reported to the model, never raised
            return _failure(
                call,
                "exception",
                f"the tool raised {type(exc).__name__}: {exc}",
                cause=exc,
            )
        return _success(call, value)

    async def _afinish(
        self, call: FunctionCall, started: ToolCallResult | Callable[[], object]
    ) -> ToolCallResult:
        if isinstance(started, ToolCallResult):
            return started
        try:
            value = started()
            if inspect.isawaitable(value):
                value = await typing.cast(Awaitable[object], value)
        except Exception as exc:  # noqa: BLE001 - a tool failure is reported to the model, never raised
            return _failure(
                call,
                "exception",
                f"the tool raised {type(exc).__name__}: {exc}",
                cause=exc,
            )
        return _success(call, value)


def run_tool_calls(response: object, tools: Iterable[ToolLike]) -> list[ToolCallResult]:
    """Execute the function calls of ``response`` with ``tools``; ``[r.item for r in results]`` answers them."""
    return ToolRegistry(tools).run(response)


async def arun_tool_calls(
    response: object, tools: Iterable[ToolLike]
) -> list[ToolCallResult]:
    """Async :func:`run_tool_calls`: async tools are awaited concurrently."""
    return await ToolRegistry(tools).arun(response)


def _bind(
    compiled: CompiledTool, values: dict[str, object]
) -> tuple[list[object], dict[str, object]]:
    """Positional-only parameters (and those before a ``*args``) go positionally, the rest by keyword."""
    known = {f.attr for f in compiled.fields}
    var_positional = next(
        (f for f in compiled.fields if f.kind == "var_positional"), None
    )
    spread = var_positional is not None and bool(values.get(var_positional.attr))
    args: list[object] = []
    kwargs: dict[str, object] = {
        k: v for k, v in values.items() if k not in known
    }  # **kwargs extras
    for f in compiled.fields:
        if f.kind == "positional_only" or (f.kind == "positional" and spread):
            if f.attr in values:
                args.append(values[f.attr])
            elif f.default is not MISSING:
                args.append(f.default)  # a gap before a later positional value
        elif f.kind == "var_positional":
            args.extend(typing.cast(list[object], values.get(f.attr, [])))
        elif f.kind != "var_keyword" and f.attr in values:
            kwargs[f.attr] = values[f.attr]
    return args, kwargs


def _as_coroutine(awaitable: Awaitable[object]) -> Coroutine[Any, Any, object]:
    async def wait() -> object:
        return await awaitable

    return wait()


def _run_coroutine(coroutine: Coroutine[Any, Any, object]) -> object:
    """Run an async tool from sync code, also when this thread already runs an event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def _success(call: FunctionCall, value: object) -> ToolCallResult:
    if isinstance(value, str):
        return ToolCallResult(call, value, value)
    try:
        output = json.dumps(to_jsonable(value), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        return _failure(
            call,
            "unserializable_output",
            f"the tool's result cannot be sent as JSON ({exc})",
            cause=exc,
        )
    return ToolCallResult(call, output, value)


def _failure(
    call: FunctionCall,
    kind: str,
    detail: str,
    *,
    cause: BaseException | None = None,
    path: str = "",
) -> ToolCallResult:
    retry = (
        " Call the tool again with corrected arguments."
        if kind == "invalid_arguments"
        else ""
    )
    message = f"Error calling tool {call.name!r}: {detail.rstrip('.')}.{retry}"
    error = ToolCallError(
        message, kind=kind, tool_name=call.name, call_id=call.call_id, path=path
    )
    error.__cause__ = cause
    return ToolCallResult(call, message, None, error)


def _at(path: str) -> str:
    return f"at {path!r}: " if path else ""
