"""Hand-written behaviour mixed into generated classes (the generator names the mixin per schema)."""

from __future__ import annotations

from typing import Any


class ResponseMixin:
    """Convenience accessors shared by both dialects' response objects."""

    __slots__ = ()
    output: Any

    @property
    def output_text(self) -> str:
        """All ``output_text`` parts of all assistant messages, concatenated ("" when there are none)."""
        parts: list[str] = []
        for item in self.output or ():
            if getattr(item, "type", None) != "message":
                continue
            for part in getattr(item, "content", None) or ():
                if getattr(part, "type", None) == "output_text":
                    parts.append(part.text)
        return "".join(parts)
