"""The package surface: every lazy export resolves, and the top-level import stays light."""

from __future__ import annotations

import subprocess
import sys

import openresponses_sdk


def test_every_public_name_resolves() -> None:
    for name in openresponses_sdk.__all__:
        assert getattr(openresponses_sdk, name) is not None, name


def test_unknown_attribute_is_a_clear_attribute_error() -> None:
    try:
        openresponses_sdk.nope  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as e:
        assert "has no attribute 'nope'" in str(e)
    else:
        raise AssertionError("expected AttributeError")


def test_top_level_import_does_not_load_the_models() -> None:
    code = "import sys, openresponses_sdk; print(sorted(m for m in sys.modules if m.startswith('openresponses_sdk')))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    loaded = eval(out)  # a printed list of module names
    assert "openresponses_sdk.openai_types" not in loaded and "openresponses_sdk.types" not in loaded
    assert "openresponses_sdk.client" not in loaded
