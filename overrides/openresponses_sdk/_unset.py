"""The ``UNSET`` sentinel: a field that was absent from the payload (distinct from JSON ``null``)."""

from __future__ import annotations

import enum
from typing import Final, Literal


class Unset(enum.Enum):
    """Type of :data:`UNSET`; falsy, so ``if obj.field:`` treats absent like empty."""

    UNSET = "UNSET"

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = Unset.UNSET
