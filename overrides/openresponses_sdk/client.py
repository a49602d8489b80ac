"""``Client`` / ``AsyncClient``: one connection pool, one dialect, typed ``client.responses``.

``Client(base_url=..., dialect="openresponses")`` gives ``client.responses.create(...)`` returning
``types.ResponseResource``; ``dialect="openai"`` gives ``openai_types.Response`` and the extra operations
(retrieve, cancel, delete, input_items, input_tokens). The dialect is chosen here, never guessed from
payloads. ``auth`` picks how the key travels: :class:`BearerAuth` (default) or :class:`AzureAuth`.

    with Client(base_url="http://localhost:1234/v1") as client:
        print(client.responses.create(model="m", input="Hi").output_text)
        with client.responses.create(model="m", input="Hi", stream=True) as stream:
            for delta in stream.text_deltas():
                print(delta, end="")
            final = stream.get_final_response()
"""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType
from typing import Any, Generic, Literal, TypeVar, overload

import httpx

from openresponses_sdk._auth import DEFAULT_AUTH, Auth, Secret
from openresponses_sdk._dialects import Dialect, DialectName
from openresponses_sdk._retry import DEFAULT_BACKOFF, Backoff
from openresponses_sdk._transport import (
    DEFAULT_TIMEOUT,
    AsyncTransport,
    SyncTransport,
    TimeoutArg,
    TransportConfig,
)
from openresponses_sdk.resources import (
    AsyncOpenAIResponses,
    AsyncOpenResponsesResponses,
    OpenAIResponses,
    OpenResponsesResponses,
)

SyncResourceT = TypeVar("SyncResourceT", OpenResponsesResponses, OpenAIResponses)
AsyncResourceT = TypeVar("AsyncResourceT", AsyncOpenResponsesResponses, AsyncOpenAIResponses)

_SYNC_RESOURCES: dict[str, type[OpenResponsesResponses | OpenAIResponses]] = {
    cls.dialect.name: cls for cls in (OpenResponsesResponses, OpenAIResponses)
}
_ASYNC_RESOURCES: dict[str, type[AsyncOpenResponsesResponses | AsyncOpenAIResponses]] = {
    cls.dialect.name: cls for cls in (AsyncOpenResponsesResponses, AsyncOpenAIResponses)
}


def _config(
    dialect: Dialect[Any, Any, Any],
    base_url: str | httpx.URL | None,
    api_key: str | None,
    auth: Auth,
    timeout: TimeoutArg,
    max_retries: int,
    backoff: Backoff,
    default_headers: Mapping[str, str] | None,
    default_query: Mapping[str, object] | None,
) -> TransportConfig:
    url = base_url if base_url is not None else dialect.default_base_url
    if url is None:
        raise ValueError(f"base_url is required for the {dialect.name!r} dialect (e.g. 'http://localhost:1234/v1')")
    if max_retries < 0:
        raise ValueError(f"max_retries must be >= 0, got {max_retries}")
    return TransportConfig(
        base_url=httpx.URL(url),
        api_key=Secret(api_key) if api_key is not None else None,
        auth=auth,
        timeout=timeout,
        max_retries=max_retries,
        backoff=backoff,
        default_headers=dict(default_headers or {}),
        default_query=dict(default_query or {}),
    )


class Client(Generic[SyncResourceT]):
    """Blocking client. Use as a context manager (or call :meth:`close`) to release connections.

    Args:
        base_url: API root, e.g. ``http://localhost:1234/v1`` (OpenAI default: ``https://api.openai.com/v1``).
        api_key: sent per ``auth``; never shown in reprs, logs or error messages. ``None``: no auth.
        dialect: ``"openresponses"`` (default) or ``"openai"``; decides operations and return types.
        auth: :class:`BearerAuth` (``Authorization: Bearer``) or :class:`AzureAuth` (``api-key`` + ``api-version``).
        timeout: seconds or ``httpx.Timeout`` per request (overridable per call); ``None`` waits forever.
        max_retries: retries of 408/409/429/5xx and connection errors (0 disables).
        backoff: wait policy between retries (exponential with jitter; ``Retry-After`` honoured).
        default_headers / default_query: sent with every request.
        http_client: your own ``httpx.Client`` (not closed by :meth:`close`); redirects are always followed
            by this client, which drops credentials when a redirect leaves the origin.
    """

    responses: SyncResourceT

    @overload
    def __init__(
        self: Client[OpenResponsesResponses],
        *,
        base_url: str | httpx.URL,
        api_key: str | None = None,
        dialect: Literal["openresponses"] = "openresponses",
        auth: Auth = DEFAULT_AUTH,
        timeout: TimeoutArg = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        backoff: Backoff = DEFAULT_BACKOFF,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None: ...
    @overload
    def __init__(
        self: Client[OpenAIResponses],
        *,
        base_url: str | httpx.URL | None = None,
        api_key: str | None = None,
        dialect: Literal["openai"],
        auth: Auth = DEFAULT_AUTH,
        timeout: TimeoutArg = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        backoff: Backoff = DEFAULT_BACKOFF,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None: ...
    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        api_key: str | None = None,
        dialect: DialectName = "openresponses",
        auth: Auth = DEFAULT_AUTH,
        timeout: TimeoutArg = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        backoff: Backoff = DEFAULT_BACKOFF,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.Client | None = None,
    ) -> None:
        resource_cls = _resource_class(_SYNC_RESOURCES, dialect)
        config = _config(
            resource_cls.dialect, base_url, api_key, auth, timeout, max_retries, backoff, default_headers, default_query
        )
        self._transport = SyncTransport(config, http_client)
        self.dialect: DialectName = dialect
        self.responses = resource_cls(self._transport)  # type: ignore[assignment]

    @property
    def base_url(self) -> httpx.URL:
        return self._transport.config.base_url

    def close(self) -> None:
        """Close the connection pool (unless it came from ``http_client``)."""
        self._transport.close()

    def __enter__(self) -> Client[SyncResourceT]:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Client(base_url={str(self.base_url)!r}, dialect={self.dialect!r})"


class AsyncClient(Generic[AsyncResourceT]):
    """Non-blocking client; same arguments as :class:`Client` (``http_client`` is an ``httpx.AsyncClient``)."""

    responses: AsyncResourceT

    @overload
    def __init__(
        self: AsyncClient[AsyncOpenResponsesResponses],
        *,
        base_url: str | httpx.URL,
        api_key: str | None = None,
        dialect: Literal["openresponses"] = "openresponses",
        auth: Auth = DEFAULT_AUTH,
        timeout: TimeoutArg = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        backoff: Backoff = DEFAULT_BACKOFF,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None: ...
    @overload
    def __init__(
        self: AsyncClient[AsyncOpenAIResponses],
        *,
        base_url: str | httpx.URL | None = None,
        api_key: str | None = None,
        dialect: Literal["openai"],
        auth: Auth = DEFAULT_AUTH,
        timeout: TimeoutArg = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        backoff: Backoff = DEFAULT_BACKOFF,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None: ...
    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        api_key: str | None = None,
        dialect: DialectName = "openresponses",
        auth: Auth = DEFAULT_AUTH,
        timeout: TimeoutArg = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        backoff: Backoff = DEFAULT_BACKOFF,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        resource_cls = _resource_class(_ASYNC_RESOURCES, dialect)
        config = _config(
            resource_cls.dialect, base_url, api_key, auth, timeout, max_retries, backoff, default_headers, default_query
        )
        self._transport = AsyncTransport(config, http_client)
        self.dialect: DialectName = dialect
        self.responses = resource_cls(self._transport)  # type: ignore[assignment]

    @property
    def base_url(self) -> httpx.URL:
        return self._transport.config.base_url

    async def close(self) -> None:
        """Close the connection pool (unless it came from ``http_client``)."""
        await self._transport.close()

    async def __aenter__(self) -> AsyncClient[AsyncResourceT]:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    def __repr__(self) -> str:
        return f"AsyncClient(base_url={str(self.base_url)!r}, dialect={self.dialect!r})"


ResourceClassT = TypeVar("ResourceClassT")


def _resource_class(table: Mapping[str, ResourceClassT], dialect: str) -> ResourceClassT:
    try:
        return table[dialect]
    except KeyError:
        raise ValueError(f"unknown dialect {dialect!r}; expected one of {sorted(table)}") from None
