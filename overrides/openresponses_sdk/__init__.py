"""openresponses-sdk: a code-generated, strongly typed client for the OpenResponses and OpenAI Responses APIs.

Submodules load on first use (``openresponses_sdk.types`` alone holds over a hundred classes), so
``import openresponses_sdk`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from openresponses_sdk._unset import UNSET, Unset
from openresponses_sdk.errors import ValidationError

if TYPE_CHECKING:
    from openresponses_sdk import openai_types, types

# public name -> module that defines it (one place for the lazy export table)
_LAZY: dict[str, str] = {
    "types": "openresponses_sdk.types",
    "openai_types": "openresponses_sdk.openai_types",
}

__all__ = ["UNSET", "Unset", "ValidationError", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'openresponses_sdk' has no attribute {name!r}")
    mod = importlib.import_module(module)
    value = mod if module.endswith("." + name) else getattr(mod, name)
    globals()[name] = value
    return value
