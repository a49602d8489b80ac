"""Request-side TypedDicts, rendered by datamodel-code-generator from the normalized spec."""

from __future__ import annotations

def render_params(spec: dict, title: str) -> str:  # placeholder replaced below
    return ""
