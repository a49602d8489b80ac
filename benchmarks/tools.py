"""Callable → function-tool converters, ours vs any-llm's ``callable_to_tool`` (the issue's baseline).

Usage: ``python benchmarks/tools.py`` (``make bench`` installs any-llm-sdk from the ``bench`` extra first;
without it only our column is printed).

Quality: each case is a callable plus argument objects a correct schema must accept and ones it must
reject (checked with ``jsonschema`` Draft 2020-12 and its format checker), and the parameter texts its
docstring gives. A converter scores a case when it converts it, every verdict is right and every
documented parameter carries its docstring text. Speed: median µs per conversion (no caching).
"""

from __future__ import annotations

import asyncio
import enum
import functools
import importlib.util
import statistics
import timeit
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated, Any, Literal, TypedDict

import annotated_types
import jsonschema

from openresponses_sdk.tools import callable_to_tool

# --- the cases


def weather(city: str, unit: Literal["C", "F"] = "C") -> str:
    """Current weather.

    Args:
        city: The city name.
        unit: Temperature unit.
    """
    return city


def maybe(count: int | None) -> str:
    """Count things.

    Args:
        count: How many, or null for all.
    """
    return str(count)


def anything(value: Any) -> str:
    """Store any JSON value.

    Args:
        value: The value.
    """
    return str(value)


def totals(prices: dict[str, float], tags: list[int]) -> float:
    """Sum prices.

    Args:
        prices: Price per item.
        tags: Tag ids.
    """
    return sum(prices.values())


class Color(enum.Enum):
    RED = "red"
    GREEN = "green"


def paint(color: Color) -> str:
    """Paint.

    Args:
        color: The color.
    """
    return color.value


@dataclass
class Point:
    x: int
    y: int


def move(to: Point) -> str:
    """Move.

    Args:
        to: Target point.
    """
    return str(to)


@dataclass
class Tree:
    name: str
    children: list[Tree] = field(default_factory=list["Tree"])


def plant(tree: Tree) -> str:
    """Plant a tree (a recursive type).

    Args:
        tree: The tree.
    """
    return tree.name


def schedule(when: datetime, slot: tuple[int, str]) -> str:
    """Schedule.

    Args:
        when: Start time.
        slot: Room number and label.
    """
    return str(when)


def rate(stars: Annotated[int, annotated_types.Ge(1), annotated_types.Le(5)]) -> str:
    """Rate.

    Args:
        stars: One to five.
    """
    return str(stars)


class Filters(TypedDict):
    query: str
    limit: int


def search(filters: Filters) -> str:
    """Search.

    Args:
        filters: What to look for.
    """
    return filters["query"]


def _send(channel: str, text: str) -> str:
    """Send a message.

    Args:
        channel: Where.
        text: What.
    """
    return text


async def fetch(url: str) -> str:
    """Fetch a page.

    Args:
        url: The address.
    """
    await asyncio.sleep(0)
    return url


@dataclass(frozen=True)
class Case:
    name: str
    func: Callable[..., object]
    accept: list[dict[str, Any]]
    reject: list[dict[str, Any]]
    docs: dict[str, str]


def _docs(func: Callable[..., object], **texts: str) -> dict[str, str]:
    return texts


CASES = [
    Case("str + Literal default", weather, [{"city": "Paris"}, {"city": "Oslo", "unit": "F"}],
         [{"unit": "C"}, {"city": "Oslo", "unit": "K"}], {"city": "The city name.", "unit": "Temperature unit."}),
    Case("Optional[int]", maybe, [{"count": 3}, {"count": None}], [{"count": "3"}, {}],
         {"count": "How many, or null for all."}),
    Case("Any", anything, [{"value": {"a": [1]}}, {"value": 2}, {"value": None}], [{}], {"value": "The value."}),
    Case("dict[str, float] + list[int]", totals, [{"prices": {"a": 1.5}, "tags": [1]}],
         [{"prices": {"a": "x"}, "tags": [1]}, {"prices": {}, "tags": ["a"]}],
         {"prices": "Price per item.", "tags": "Tag ids."}),
    Case("Enum", paint, [{"color": "red"}], [{"color": "purple"}], {"color": "The color."}),
    Case("dataclass", move, [{"to": {"x": 1, "y": 2}}], [{"to": {"x": "a", "y": 2}}, {"to": {"x": 1}}],
         {"to": "Target point."}),
    Case("recursive dataclass", plant, [{"tree": {"name": "a", "children": [{"name": "b", "children": []}]}}],
         [{"tree": {"name": "a", "children": [{"children": []}]}}], {"tree": "The tree."}),
    Case("datetime + tuple", schedule, [{"when": "2026-11-22T10:00:00Z", "slot": [1, "A"]}],
         [{"when": "tomorrow", "slot": [1, "A"]}, {"when": "2026-11-22T10:00:00Z", "slot": [1, 2]}],
         {"when": "Start time.", "slot": "Room number and label."}),
    Case("Annotated bounds", rate, [{"stars": 5}], [{"stars": 0}, {"stars": 6}], {"stars": "One to five."}),
    Case("TypedDict", search, [{"filters": {"query": "q", "limit": 1}}], [{"filters": {"query": "q"}}],
         {"filters": "What to look for."}),
    Case("functools.partial", functools.partial(_send, "general"), [{"text": "hi"}], [{"channel": "x"}],
         {"text": "What."}),
    Case("async def", fetch, [{"url": "https://a"}], [{}], {"url": "The address."}),
]


# --- the converters: each returns the flat (name, description, parameters) view


def ours(func: Callable[..., object]) -> dict[str, Any]:
    return dict(callable_to_tool(func, strict=False))


def any_llm(func: Callable[..., object]) -> dict[str, Any]:
    from any_llm.tools import callable_to_tool as peer

    return dict(peer(func)["function"])


def _property_docs(parameters: dict[str, Any]) -> dict[str, str]:
    props = parameters.get("properties", {})
    return {name: str(prop.get("description", "")) for name, prop in props.items()}


def score(convert: Callable[[Callable[..., object]], dict[str, Any]], case: Case) -> tuple[bool, str]:
    """``(passed, why not)`` of one converter on one case."""
    try:
        tool = convert(case.func)
    except Exception as exc:  # a crash is a failed case, reported with its message
        return False, f"raises {type(exc).__name__}: {str(exc)[:60]}"
    schema = tool["parameters"]
    checker = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    wrong = [f"accepts {a}" for a in case.reject if checker.is_valid(a)]
    wrong += [f"rejects {a}" for a in case.accept if not checker.is_valid(a)]
    docs = _property_docs(schema)
    wrong += [f"{name}: description {docs.get(name)!r}" for name, text in case.docs.items() if docs.get(name) != text]
    return not wrong, "; ".join(wrong)[:90]


def per_call_us(fn: Callable[[], object], repeat: int = 7) -> float:
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()
    return statistics.median(timer.repeat(repeat=repeat, number=number)) / number * 1e6


def main() -> None:
    converters: dict[str, Callable[[Callable[..., object]], dict[str, Any]]] = {"openresponses-sdk": ours}
    if importlib.util.find_spec("any_llm") is not None:
        converters["any-llm-sdk"] = any_llm
    names = list(converters)
    print("| case | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    totals = dict.fromkeys(names, 0)
    for case in CASES:
        cells = []
        for name in names:
            ok, why = score(converters[name], case)
            totals[name] += ok
            cells.append("pass" if ok else f"FAIL ({why})")
        print(f"| {case.name} | " + " | ".join(cells) + " |")
    print("| **cases passed** | " + " | ".join(f"**{totals[n]}/{len(CASES)}**" for n in names) + " |")
    print()
    print("| conversion (median µs) | " + " | ".join(names) + (" | ratio ours/peer |" if len(names) > 1 else " |"))
    print("|---|" + "---|" * (len(names) + (len(names) > 1)))
    for case in (CASES[0], CASES[5]):
        times = [per_call_us(functools.partial(converters[n], case.func)) for n in names]
        ratio = f" | {times[0] / times[1]:.2f}" if len(times) > 1 else ""
        print(f"| {case.name} | " + " | ".join(f"{t:.1f}" for t in times) + ratio + " |")


if __name__ == "__main__":
    main()
