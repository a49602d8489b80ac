"""From ``"provider:model"`` to a resolved route (provider row, model, base URL, key), before anything is sent.

Rules: with ``provider=`` the model is used as is; otherwise the model string is split once at the
first ``:`` or ``/``, whichever comes first (``"ollama:llama3:8b"`` → ``ollama`` + ``llama3:8b``);
the ``/`` form is the legacy one and warns. Provider names ignore case and whitespace.
``api_base`` beats the provider's base-URL environment variable, which beats the table's default.
"""

from __future__ import annotations

import asyncio
import atexit
import hashlib
import os
import threading
import warnings
import weakref
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from openresponses_sdk._auth import Auth, AzureAuth, BearerAuth
from openresponses_sdk.client import AsyncClient, Client
from openresponses_sdk.errors import MissingApiKeyError, UnsupportedProviderError
from openresponses_sdk.providers import PROVIDERS, Provider

EXPECTED_FORMS = "'provider:model' (e.g. 'openai:gpt-5' or 'ollama:llama3:8b'), or the model with provider='...'"


@dataclass(frozen=True)
class Route:
    """Where one call goes. The key is kept out of ``repr``."""

    provider: Provider
    model: str
    base_url: str
    api_key: str | None = field(repr=False)
    api_version: str | None = None
    """``api-version`` query value (Azure auth only)."""

    def auth(self) -> Auth:
        """How the key travels for this provider."""
        return AzureAuth(self.api_version or "") if self.provider.auth == "azure" else BearerAuth()


def normalize_provider(name: str) -> str:
    """``" Azure OpenAI "`` → ``"azureopenai"`` (case and all whitespace ignored)."""
    return "".join(name.split()).lower()


def lookup_provider(name: str) -> Provider:
    """The table row for ``name``; :class:`UnsupportedProviderError` lists the supported names otherwise."""
    found = PROVIDERS.get(normalize_provider(name))
    if found is None:
        raise UnsupportedProviderError(name, sorted(PROVIDERS))
    return found


def split_model(model: str, provider: str | None = None, *, stacklevel: int = 2) -> tuple[Provider, str]:
    """Resolve the provider row and the provider's own model name (see the module docstring).

    ``stacklevel`` is passed to the legacy-form ``DeprecationWarning`` (2 = the caller of this function).
    """
    if not isinstance(model, str):  # pyright: ignore[reportUnnecessaryIsInstance] - untyped callers
        raise TypeError(f"model must be a string, got {type(model).__name__}")
    if provider is not None:
        if not model.strip():
            raise ValueError("model must not be empty")
        return lookup_provider(provider), model
    cut = min((i for i in (model.find(":"), model.find("/")) if i >= 0), default=-1)
    if cut < 0:
        raise ValueError(f"model {model!r} names no provider; expected {EXPECTED_FORMS}")
    name, rest = model[:cut], model[cut + 1 :]
    if not name.strip() or not rest.strip():
        raise ValueError(f"model {model!r} has an empty provider or model part; expected {EXPECTED_FORMS}")
    row = lookup_provider(name)
    if model[cut] == "/":
        warnings.warn(
            f"the 'provider/model' form ({model!r}) is deprecated; write {row.name + ':' + rest!r} instead",
            DeprecationWarning,
            stacklevel=stacklevel,
        )
    return row, rest


def resolve(
    model: str,
    *,
    provider: str | None = None,
    api_key: str | None = None,
    api_base: str | None = None,
    environ: Mapping[str, str] | None = None,
    stacklevel: int = 2,
) -> Route:
    """Validate everything needed to call ``model``; raises before any request is made.

    Raises ``ValueError``/``UnsupportedProviderError`` for bad names, ``NotImplementedError`` for a
    provider without a Responses endpoint, :class:`MissingApiKeyError` when a required key is absent.
    """
    env = os.environ if environ is None else environ
    row, name = split_model(model, provider, stacklevel=stacklevel + 1)
    if not row.has_responses:
        raise NotImplementedError(f"provider {row.name!r} has no Responses API endpoint: {row.note}")
    key = api_key if api_key is not None else (env.get(row.api_key_env) if row.api_key_env else None)
    if row.key_required and not key:
        raise MissingApiKeyError(row.name, row.api_key_env or "api_key")
    base = _base_url(row, api_base, env)
    version = None
    if row.auth == "azure":
        version = (env.get(row.api_version_env) if row.api_version_env else None) or row.api_version
    return Route(row, name, base, key or None, version)


def _base_url(row: Provider, api_base: str | None, env: Mapping[str, str]) -> str:
    base = api_base or (env.get(row.base_url_env) if row.base_url_env else None) or row.base_url
    if base is None and row.name == "local":
        from openresponses_sdk.local import shared_server

        return shared_server().base_url
    if not base:
        where = f" or set {row.base_url_env}" if row.base_url_env else ""
        raise ValueError(f"provider {row.name!r} has no default base URL: pass api_base=...{where}")
    base = base.rstrip("/")
    if row.base_path and not base.endswith(row.base_path):
        base += row.base_path
    return base


def _freeze(value: object) -> Hashable:
    """A hashable stand-in for a ``client_args`` value (identity for objects that are not hashable)."""
    if isinstance(value, Mapping):
        items = cast(Mapping[object, object], value).items()
        return tuple(sorted((str(k), _freeze(v)) for k, v in items))
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in cast("list[object] | tuple[object, ...]", value))
    if isinstance(value, Hashable):
        try:
            hash(value)
        except TypeError:
            pass
        else:
            return value
    return ("id", id(value))


class ClientPool:
    """Clients reused per (provider, base URL, key, ``client_args``); async ones also per event loop.

    The key is stored only as a SHA-256 digest in the pool's keys. Sync clients are closed at exit.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sync: dict[Hashable, Client[Any]] = {}
        self._async: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[Hashable, AsyncClient[Any]]] = (
            weakref.WeakKeyDictionary()
        )
        atexit.register(self.close)

    @staticmethod
    def _key(route: Route, client_args: Mapping[str, Any] | None) -> Hashable:
        digest = hashlib.sha256(route.api_key.encode()).hexdigest() if route.api_key else None
        return (route.provider.name, route.base_url, digest, route.api_version, _freeze(client_args or {}))

    @staticmethod
    def _options(route: Route, client_args: Mapping[str, Any] | None) -> dict[str, Any]:
        options: dict[str, Any] = {
            "base_url": route.base_url,
            "api_key": route.api_key,
            "dialect": route.provider.dialect,
            "auth": route.auth(),
        }
        options.update(client_args or {})
        return options

    def sync_client(self, route: Route, client_args: Mapping[str, Any] | None = None) -> Client[Any]:
        """The shared blocking client for ``route``."""
        key = self._key(route, client_args)
        with self._lock:
            client = self._sync.get(key)
            if client is None:
                client = self._sync[key] = Client(**self._options(route, client_args))
            return client

    def async_client(self, route: Route, client_args: Mapping[str, Any] | None = None) -> AsyncClient[Any]:
        """The shared async client for ``route`` on the running event loop."""
        loop = asyncio.get_running_loop()
        key = self._key(route, client_args)
        with self._lock:
            clients = self._async.setdefault(loop, {})
            client = clients.get(key)
            if client is None:
                client = clients[key] = AsyncClient(**self._options(route, client_args))
            return client

    def __len__(self) -> int:
        with self._lock:
            return len(self._sync) + sum(len(c) for c in self._async.values())

    def close(self) -> None:
        """Close every sync client and forget all clients (async ones close with their loop's garbage)."""
        with self._lock:
            clients = list(self._sync.values())
            self._sync.clear()
            self._async.clear()
        for client in clients:
            client.close()


CLIENTS = ClientPool()
"""The pool ``responses()`` / ``aresponses()`` draw their clients from."""
