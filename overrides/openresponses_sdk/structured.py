"""Structured output: a class (or a raw ``text.format``) → the request's ``text.format``, and the model's
final text → the typed object (``output_parsed``).

A dataclass, attrs class, TypedDict or pydantic model (when pydantic is installed) becomes a strict
``json_schema`` format named after the class; its answer is validated against the full schema (all
``Annotated`` constraints) and converted to an instance (nested classes, enums, datetimes...). A raw
``text.format`` dict is sent as given; a ``json_schema``/``json_object`` answer is then parsed as JSON
(and checked against the given schema). Invalid output raises :class:`StructuredOutputError` with the
raw text attached.
"""

from __future__ import annotations

import json
import typing
import warnings
from collections.abc import Mapping
from typing import Any, Generic, TypeVar, overload

import attrs

from .errors import StructuredOutputError, ValidationError
from .tools._coerce import coerce
from .tools._docstrings import own_doc, parse_doc
from .tools._introspect import external_stacklevel, is_record_class
from .tools._jsonschema import JsonSchema, SchemaBuilder
from .tools._strict import NotStrict, lenient, reachable_defs, strictify
from .tools._validate import SchemaValidator
from .tools.convert import StrictFallbackWarning, validate_name

T = TypeVar("T")
R = TypeVar("R")


class OutputFormat(Generic[T]):
    """A requested output format: :attr:`text_format` goes into the request, :meth:`parse` reads the answer."""

    def __init__(
        self,
        spec: type[T] | Mapping[str, object],
        *,
        name: str | None = None,
        strict: bool | None = None,
    ) -> None:
        """``spec``: a record class, or a raw ``text.format`` dict (``name``/``strict`` apply to classes only)."""
        self._cls: type[T] | None = None
        self._validator: SchemaValidator | None = None
        if isinstance(spec, Mapping):
            self.text_format = _raw_format(spec)
            schema = self.text_format.get("schema")
            if self.text_format.get("type") == "json_schema" and isinstance(
                schema, Mapping
            ):
                self._validator = SchemaValidator(
                    typing.cast(Mapping[str, Any], schema)
                )
            return
        if not is_record_class(spec):
            raise TypeError(
                "response_format must be a dataclass, attrs class, TypedDict, pydantic model or a text.format "
                f"dict, got {spec!r}"
            )
        self._cls = spec
        full = _class_schema(spec)
        self._validator = SchemaValidator(lenient(full))
        self.text_format = _class_format(spec, full, name=name, strict=strict)

    @property
    def name(self) -> str | None:
        """The format's name (``json_schema`` formats), else None."""
        value = self.text_format.get("name")
        return value if isinstance(value, str) else None

    def parse(self, text: str) -> T:
        """The typed object for the model's final ``text``; invalid JSON or shape → :class:`StructuredOutputError`."""
        kind = self.text_format.get("type")
        if self._cls is None and kind not in ("json_schema", "json_object"):
            return typing.cast(T, text)  # plain text format: the text is the result
        try:
            data: object = json.loads(text)
        except json.JSONDecodeError as exc:
            raise StructuredOutputError(
                f"the output is not valid JSON ({exc})", raw_text=text
            ) from None
        if self._validator is not None:
            error = self._validator.first_error(data)
            if error is not None:
                path, message = error
                raise StructuredOutputError(
                    f"the output does not match the schema: {message}",
                    raw_text=text,
                    path=path,
                )
        if self._cls is None:
            return typing.cast(T, data)
        try:
            return typing.cast(T, coerce(data, self._cls))
        except ValidationError as exc:
            raise StructuredOutputError(
                f"the output does not match the schema: {exc.reason}",
                raw_text=text,
                path=exc.path,
            ) from None

    def parse_response(self, response: object) -> T:
        """Parse the final text of a response (typed model or dict; a finished stream's final response)."""
        data = _plain(response)
        refusal = _refusal(data)
        if refusal is not None:
            raise StructuredOutputError(f"the model refused: {refusal}", raw_text="")
        text = _output_text(response, data)
        try:
            return self.parse(text)
        except StructuredOutputError as exc:
            status = data.get("status")
            if status == "incomplete":
                details = data.get("incomplete_details")
                reason = (
                    typing.cast(Mapping[str, object], details).get("reason")
                    if isinstance(details, Mapping)
                    else None
                )
                raise StructuredOutputError(
                    f"{exc.reason} - the response is incomplete ({reason or 'no reason given'})",
                    raw_text=exc.raw_text,
                    path=exc.path,
                ) from None
            raise


@attrs.frozen
class ParsedResponse(Generic[R, T]):
    """A response plus its parsed structured output (the response's own fields stay on ``response``)."""

    response: R
    output_parsed: T

    @property
    def output_text(self) -> str:
        return _output_text(self.response, _plain(self.response))

    def to_dict(self) -> dict[str, Any]:
        """The response's JSON data (so a parsed response can be used wherever a response can)."""
        return dict(_plain(self.response))


@overload
def output_format(
    spec: type[T], *, name: str | None = None, strict: bool | None = None
) -> OutputFormat[T]: ...
@overload
def output_format(
    spec: Mapping[str, object], *, name: str | None = None, strict: bool | None = None
) -> OutputFormat[object]: ...
def output_format(
    spec: type[T] | Mapping[str, object],
    *,
    name: str | None = None,
    strict: bool | None = None,
) -> OutputFormat[T] | OutputFormat[object]:
    """The :class:`OutputFormat` for a ``response_format=`` value (a class or a raw ``text.format`` dict)."""
    if isinstance(spec, Mapping):
        return OutputFormat[object](spec, name=name, strict=strict)
    return OutputFormat(spec, name=name, strict=strict)


def parse_response(
    response: R, spec: type[T] | OutputFormat[T]
) -> ParsedResponse[R, T]:
    """``response`` with its final text parsed as ``spec`` (a class or an :class:`OutputFormat`)."""
    fmt = spec if isinstance(spec, OutputFormat) else OutputFormat(spec)
    return ParsedResponse(response, fmt.parse_response(response))


def _class_schema(cls: type[object]) -> JsonSchema:
    builder = SchemaBuilder()
    ref = builder.schema(cls, cls.__name__)
    name = str(ref["$ref"]).rsplit("/", 1)[1]
    root = dict(builder.defs[name])
    used = reachable_defs(root, builder.defs)
    if used:
        root["$defs"] = {k: v for k, v in builder.defs.items() if k in used}
    return root


def _class_format(
    cls: type[object], full: JsonSchema, *, name: str | None, strict: bool | None
) -> dict[str, Any]:
    fmt_name = validate_name(
        name if name is not None else cls.__name__,
        f"response_format {cls.__qualname__}",
    )
    schema, is_strict = full, False
    if strict is not False:
        try:
            schema, is_strict = strictify(full), True
        except NotStrict as exc:
            warnings.warn(
                StrictFallbackWarning(
                    f"response_format {fmt_name!r}: field {exc.path or '<root>'!r} cannot be expressed in strict"
                    f" mode ({exc.reason}); the format is sent with strict: false"
                ),
                stacklevel=external_stacklevel(),
            )
    fmt: dict[str, Any] = {
        "type": "json_schema",
        "name": fmt_name,
        "schema": schema,
        "strict": is_strict,
    }
    description = parse_doc(own_doc(cls)).description
    if description:
        fmt["description"] = description
    return fmt


def _raw_format(spec: Mapping[str, object]) -> dict[str, Any]:
    kind = spec.get("type")
    if not isinstance(kind, str):
        raise TypeError(
            f"a text.format dict needs a 'type' ('text', 'json_object' or 'json_schema'), got {dict(spec)!r}"
        )
    if kind == "json_schema":
        if (
            "json_schema" in spec
        ):  # chat-style {"type": "json_schema", "json_schema": {...}}
            nested = spec["json_schema"]
            if not isinstance(nested, Mapping):
                raise TypeError("response_format['json_schema'] must be an object")
            spec = {"type": "json_schema", **typing.cast(Mapping[str, object], nested)}
        validate_name(spec.get("name"), "response_format.name")
        if not isinstance(spec.get("schema"), Mapping):
            raise TypeError("a json_schema text.format needs a 'schema' object")
    return dict(spec)


def _plain(response: object) -> Mapping[str, object]:
    to_dict: object = getattr(response, "to_dict", None)
    data = (
        typing.cast(typing.Callable[[], object], to_dict)()
        if callable(to_dict)
        else response
    )
    if not isinstance(data, Mapping):
        raise TypeError(
            f"expected a response (typed model or dict), got {type(response).__qualname__}"
        )
    return typing.cast(Mapping[str, object], data)


def _parts(data: Mapping[str, object]) -> list[Mapping[str, object]]:
    """The content parts of the response's assistant messages, in order."""
    parts: list[Mapping[str, object]] = []
    output = data.get("output")
    for item in typing.cast(list[object], output) if isinstance(output, list) else []:
        if (
            isinstance(item, Mapping)
            and typing.cast(Mapping[str, object], item).get("type") == "message"
        ):
            content = typing.cast(Mapping[str, object], item).get("content")
            if isinstance(content, list):
                parts.extend(
                    typing.cast(Mapping[str, object], p)
                    for p in typing.cast(list[object], content)
                    if isinstance(p, Mapping)
                )
    return parts


def _output_text(response: object, data: Mapping[str, object]) -> str:
    text: object = getattr(response, "output_text", None)
    if isinstance(text, str):
        return text
    return "".join(
        str(p.get("text", "")) for p in _parts(data) if p.get("type") == "output_text"
    )


def _refusal(data: Mapping[str, object]) -> str | None:
    refusals = [
        str(p.get("refusal", "")) for p in _parts(data) if p.get("type") == "refusal"
    ]
    return " ".join(refusals) if refusals else None
