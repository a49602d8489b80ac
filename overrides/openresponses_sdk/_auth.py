"""How the API key travels (``Authorization: Bearer`` or Azure's ``api-key`` header), kept out of reprs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Protocol

import attrs


class Secret:
    """A string that never shows itself in ``repr``/``str``; call :meth:`reveal` to use it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The secret value itself (only for building the outgoing request)."""
        return self._value

    def redact(self, text: str) -> str:
        """``text`` with every occurrence of the secret replaced by ``***`` (placeholder values shorter
        than 8 characters, like ``"x"``, are left alone rather than mangling every message)."""
        return text.replace(self._value, "***") if len(self._value) >= 8 else text

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("Secret cannot be pickled")


class Auth(Protocol):
    """An authentication style: which headers and query parameters carry the key."""

    @property
    def credential_headers(self) -> frozenset[str]:
        """Lower-case names of headers that carry credentials (stripped on cross-origin redirects)."""
        ...

    def headers(self, api_key: str) -> Mapping[str, str]:
        """Headers to add to every request."""
        ...

    def query(self) -> Mapping[str, str]:
        """Query parameters to add to every request (never the key itself)."""
        ...


ALWAYS_CREDENTIAL_HEADERS: Final = frozenset({"authorization", "proxy-authorization", "cookie", "api-key"})
"""Headers never forwarded to another origin, whatever the auth style."""


@attrs.frozen
class BearerAuth:
    """``Authorization: Bearer <key>`` (OpenAI, most OpenResponses servers). The default."""

    @property
    def credential_headers(self) -> frozenset[str]:
        return ALWAYS_CREDENTIAL_HEADERS

    def headers(self, api_key: str) -> Mapping[str, str]:
        return {"Authorization": f"Bearer {api_key}"}

    def query(self) -> Mapping[str, str]:
        return {}


DEFAULT_AUTH: Final = BearerAuth()


@attrs.frozen
class AzureAuth:
    """Azure OpenAI: ``api-key: <key>`` header plus an ``api-version`` query parameter."""

    api_version: str
    header: str = "api-key"

    @property
    def credential_headers(self) -> frozenset[str]:
        return ALWAYS_CREDENTIAL_HEADERS | {self.header.lower()}

    def headers(self, api_key: str) -> Mapping[str, str]:
        return {self.header: api_key}

    def query(self) -> Mapping[str, str]:
        return {"api-version": self.api_version}
