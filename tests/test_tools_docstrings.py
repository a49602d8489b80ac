"""Tool and parameter descriptions from Google, NumPy and Sphinx docstrings; never placeholder text."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Annotated

import pytest
from openresponses_sdk.tools import callable_to_tool


def google(city: str, days: int = 1) -> str:
    """Get the weather forecast.

    Looks the city up in the forecast service
    and summarises it.

    Args:
        city: Name of the city,
            e.g. "Paris".
        days: How many days ahead.

    Returns:
        The forecast text.
    """
    return city * days


def numpy_style(city: str, days: int = 1) -> str:
    """Get the weather forecast.

    Looks the city up in the forecast service
    and summarises it.

    Parameters
    ----------
    city : str
        Name of the city,
        e.g. "Paris".
    days : int
        How many days ahead.

    Returns
    -------
    str
        The forecast text.
    """
    return city * days


def sphinx(city: str, days: int = 1) -> str:
    """Get the weather forecast.

    Looks the city up in the forecast service
    and summarises it.

    :param city: Name of the city,
        e.g. "Paris".
    :param days: How many days ahead.
    :returns: The forecast text.
    """
    return city * days


@pytest.mark.parametrize(
    "func", [google, numpy_style, sphinx], ids=["google", "numpy", "sphinx"]
)
def test_docstring_styles(func: Callable[..., str]) -> None:
    tool = callable_to_tool(func, strict=False)
    assert tool["description"] == (
        "Get the weather forecast.\n\nLooks the city up in the forecast service\nand summarises it."
    )
    props = tool["parameters"]["properties"]
    assert props["city"]["description"] == 'Name of the city, e.g. "Paris".'
    assert props["days"]["description"] == "How many days ahead."


def test_missing_docstring_gives_empty_texts_not_placeholders() -> None:
    def bare(x: int, y: str | None = None) -> None:
        pass

    tool = callable_to_tool(bare, strict=False)
    assert tool["description"] == ""
    for prop in tool["parameters"]["properties"].values():
        assert "description" not in prop


def test_annotated_text_overrides_docstring_text() -> None:
    def f(city: Annotated[str, "The city to look up."], days: int) -> None:
        """Forecast.

        Args:
            city: Overridden text.
            days: Days ahead.
        """

    props = callable_to_tool(f)["parameters"]["properties"]
    assert props["city"]["description"] == "The city to look up."
    assert props["days"]["description"] == "Days ahead."


def test_explicit_description_overrides_docstring() -> None:
    assert callable_to_tool(google, description="Weather.")["description"] == "Weather."


def test_dataclass_field_descriptions_from_attributes_section_and_metadata() -> None:
    @dataclasses.dataclass
    class Trip:
        """A planned trip.

        Attributes:
            origin: Where it starts.
            stops: Cities on the way.
        """

        origin: str
        stops: list[str] = dataclasses.field(
            default_factory=list[str], metadata={"description": "Ordered stops."}
        )

    def plan(trip: Trip) -> None:
        """Plan a trip."""

    defs = callable_to_tool(plan)["parameters"]["$defs"]
    assert defs["Trip"]["description"] == "A planned trip."
    assert defs["Trip"]["properties"]["origin"]["description"] == "Where it starts."
    assert defs["Trip"]["properties"]["stops"]["description"] == "Ordered stops."


def test_dataclass_without_docstring_has_no_generated_signature_as_description() -> (
    None
):
    @dataclasses.dataclass
    class Pair:
        a: int
        b: int

    def f(p: Pair) -> None: ...

    assert "description" not in callable_to_tool(f)["parameters"]["$defs"]["Pair"]
