"""The README's usage example runs as written (against the embedded local provider)."""

from __future__ import annotations

import re
import sys
import types

import pytest

from tests.conftest import REPO


def test_tools_and_structured_output_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Tools and structured output", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert code is not None, "the section has a python example"
    module = types.ModuleType("readme_example")  # dataclasses look their module up in sys.modules
    monkeypatch.setitem(sys.modules, module.__name__, module)
    exec(compile(code.group(1), "README.md", "exec"), module.__dict__)
    namespace = module.__dict__
    assert "get_weather returned" in str(namespace["result"].output_text)
    call = namespace["call"]
    assert [item.type for item in call.output] == ["function_call"]
