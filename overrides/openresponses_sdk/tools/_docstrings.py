"""Descriptions from docstrings (Google, NumPy, Sphinx/reST and Epydoc, via ``docstring-parser``)."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Mapping
from types import MappingProxyType

import attrs
import docstring_parser


@attrs.frozen
class DocInfo:
    """What a docstring says: the summary + body, and the text for each parameter/attribute by name."""

    description: str
    params: Mapping[str, str]


EMPTY = DocInfo("", MappingProxyType({}))


@functools.lru_cache(maxsize=1024)  # half the cost of a conversion; tools are converted on every call
def parse_doc(doc: str | None) -> DocInfo:
    """Parse one docstring; an empty or missing one gives empty texts (never placeholders)."""
    if not doc or not doc.strip():
        return EMPTY
    text = inspect.cleandoc(doc)
    try:
        parsed = docstring_parser.parse(text)
    except docstring_parser.ParseError:
        return DocInfo(text, EMPTY.params)  # not in a known style: the whole text describes the tool
    parts = [
        p.strip()
        for p in (parsed.short_description, parsed.long_description)
        if p and p.strip()
    ]
    params = {
        p.arg_name: _one_line_breaks(p.description)
        for p in parsed.params
        if p.description
    }
    return DocInfo("\n\n".join(parts), MappingProxyType(params))


def own_doc(obj: object) -> str | None:
    """The docstring written on ``obj`` itself: not inherited, not a dataclass's generated signature."""
    if isinstance(obj, type):
        doc = obj.__dict__.get("__doc__")
        if not isinstance(doc, str):
            return None
        if "__dataclass_fields__" in obj.__dict__ and doc.startswith(
            obj.__name__ + "("
        ):
            return None  # dataclasses put "Name(field: type, ...)" here when the class has no docstring
        return doc
    return inspect.getdoc(obj)


def _one_line_breaks(text: str) -> str:
    """Join the wrapped lines of a parameter text into paragraphs."""
    paragraphs = [
        " ".join(line.strip() for line in chunk.splitlines())
        for chunk in text.strip().split("\n\n")
    ]
    return "\n\n".join(p for p in paragraphs if p)
