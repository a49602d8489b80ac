"""Send one API call over httpx: build the request, follow redirects safely, retry, map failures to errors.

``SyncTransport`` and ``AsyncTransport`` share every decision through :class:`TransportConfig`; they only
differ in how they wait and send.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Mapping
from typing import Any, Final, cast

import anyio
import attrs
import httpx

from openresponses_sdk import errors
from openresponses_sdk._auth import DEFAULT_AUTH, Auth, Secret
from openresponses_sdk._retry import DEFAULT_BACKOFF, Backoff, should_retry
from openresponses_sdk._unset import UNSET, Unset

log = logging.getLogger("openresponses_sdk")

MAX_REDIRECTS: Final = 20
MAX_ERROR_BODY: Final = 64 * 1024
"""Bytes of an error body kept (and read) at most."""
USER_AGENT: Final = "openresponses-sdk/0.1.0"
DEFAULT_TIMEOUT: Final = httpx.Timeout(600.0, connect=10.0)

TimeoutArg = float | httpx.Timeout | None
"""A per-call or per-client timeout: seconds, an ``httpx.Timeout``, or ``None`` for no limit."""

STATUS_ERRORS: Final[Mapping[int, type[errors.APIStatusError]]] = {
    400: errors.BadRequestError,
    401: errors.AuthenticationError,
    403: errors.PermissionDeniedError,
    404: errors.NotFoundError,
    409: errors.ConflictError,
    422: errors.UnprocessableEntityError,
    429: errors.RateLimitError,
}


@attrs.frozen
class CallOptions:
    """Per-call extras: merged over the client's defaults, sent unchanged."""

    extra_headers: Mapping[str, str] | None = None
    extra_query: Mapping[str, Any] | None = None
    extra_body: Mapping[str, Any] | None = None
    timeout: TimeoutArg | Unset = UNSET


@attrs.frozen
class TransportConfig:
    """Everything needed to build requests and decide on retries; holds the key as a :class:`Secret`."""

    base_url: httpx.URL
    api_key: Secret | None
    auth: Auth = DEFAULT_AUTH
    timeout: TimeoutArg = DEFAULT_TIMEOUT
    max_retries: int = 2
    backoff: Backoff = DEFAULT_BACKOFF
    default_headers: Mapping[str, str] = attrs.field(factory=dict[str, str])
    default_query: Mapping[str, Any] = attrs.field(factory=dict[str, Any])
    _urls: dict[str, httpx.URL] = attrs.field(factory=dict[str, httpx.URL], init=False, repr=False, eq=False)

    def url(self, path: str) -> httpx.URL:
        """Absolute URL of an API path (``/responses``) under the base URL (parsed once per path)."""
        url = self._urls.get(path)
        if url is None:
            raw_path = self.base_url.raw_path.partition(b"?")[0].rstrip(b"/") + path.encode()
            url = self._urls[path] = self.base_url.copy_with(raw_path=raw_path)
            if len(self._urls) > 256:  # paths with response ids: keep the cache small
                self._urls.clear()
        return url

    def build(
        self,
        http: httpx.Client | httpx.AsyncClient,
        method: str,
        path: str,
        *,
        body: Mapping[str, Any] | None,
        query: Mapping[str, Any] | None,
        options: CallOptions,
        stream: bool,
    ) -> httpx.Request:
        """The request for one attempt (auth, defaults, then per-call extras, in that order)."""
        headers: dict[str, str] = {
            "User-Agent": USER_AGENT,
            "Accept": "text/event-stream" if stream else "application/json",
        }
        if self.api_key is not None:
            headers.update(self.auth.headers(self.api_key.reveal()))
        headers.update(self.default_headers)
        headers.update(options.extra_headers or {})
        params: dict[str, Any] = {**self.auth.query(), **self.default_query, **(query or {}), **(options.extra_query or {})}
        payload: Any = None
        if body is not None or options.extra_body:
            payload = jsonable({**(body or {}), **(options.extra_body or {})})
        timeout = self.timeout if isinstance(options.timeout, Unset) else options.timeout
        return http.build_request(
            method, self.url(path), params=_drop_none(params) or None, headers=headers, json=payload, timeout=timeout
        )

    def redirect(self, request: httpx.Request, response: httpx.Response) -> httpx.Request | None:
        """The follow-up request for a redirect, without credentials when it leaves the origin."""
        if not response.has_redirect_location:
            return None
        url = request.url.join(response.headers["location"])
        method = request.method
        if response.status_code == 303 and method != "HEAD" or response.status_code in (301, 302) and method == "POST":
            method = "GET"
        headers = httpx.Headers(request.headers)
        headers.pop("host", None)
        if _origin(url) != _origin(request.url):
            for name in self.auth.credential_headers:
                headers.pop(name, None)
        content = request.content if method == request.method else None
        if content is None:
            headers.pop("content-length", None)
            headers.pop("content-type", None)
        return httpx.Request(method, url, headers=headers, content=content, extensions=request.extensions)

    def retry_delay(self, retries_done: int, headers: httpx.Headers | None) -> float | None:
        """Seconds to wait before the next attempt, or ``None`` when retries are used up."""
        if retries_done >= self.max_retries:
            return None
        return self.backoff.delay(retries_done, headers)

    def connection_error(self, exc: httpx.TransportError, request: httpx.Request) -> errors.APIConnectionError:
        """The typed error for a network failure (timeouts get :class:`APITimeoutError`)."""
        where = f"{request.method} {request.url}"
        if isinstance(exc, httpx.TimeoutException):
            return errors.APITimeoutError(f"Request timed out ({type(exc).__name__}): {where}", request=request)
        detail = self._redact(str(exc)) or type(exc).__name__
        return errors.APIConnectionError(f"Connection error: {where}: {detail}", request=request)

    def status_error(self, response: httpx.Response, body: bytes, truncated: bool) -> errors.APIStatusError:
        """The typed error for a 4xx/5xx response, with the ``error`` object's fields parsed when present."""
        status = response.status_code
        cls = STATUS_ERRORS.get(status, errors.InternalServerError if status >= 500 else errors.APIStatusError)
        fields = _error_fields(body)
        head = f"HTTP {status} {response.reason_phrase}".rstrip()
        if fields is not None:
            detail = fields.get("message") or "(no message)"
            extras = ", ".join(f"{k}={fields[k]}" for k in ("type", "code", "param") if fields.get(k))
            message = f"{head}: {detail}" + (f" ({extras})" if extras else "")
        else:
            content_type = response.headers.get("content-type", "no content type")
            excerpt = " ".join(body[:200].decode("utf-8", "replace").split())
            size = f"more than {MAX_ERROR_BODY}" if truncated else str(len(body))
            message = f"{head}: non-JSON error body ({content_type}, {size} bytes): {excerpt!r}"
        request_id = response.headers.get("x-request-id")
        if request_id:
            message += f" [request id {request_id}]"
        fields = fields or {}
        return cls(
            self._redact(message),
            response=response,
            body=body,
            type=fields.get("type"),
            code=fields.get("code"),
            param=fields.get("param"),
        )

    def _redact(self, text: str) -> str:
        return self.api_key.redact(text) if self.api_key is not None else text


def decode_json(response: httpx.Response) -> dict[str, Any]:
    """The JSON object of a successful response, or :class:`APIResponseValidationError` saying why not."""
    try:
        data = json.loads(response.content)
    except ValueError as exc:
        excerpt = response.content[:200].decode("utf-8", "replace")
        raise errors.APIResponseValidationError(
            f"HTTP {response.status_code} body is not valid JSON ({exc}); starts with {excerpt!r}",
            request=response.request,
        ) from None
    if not isinstance(data, dict):
        raise errors.APIResponseValidationError(
            f"HTTP {response.status_code} body is JSON {type(data).__name__}, expected an object",
            request=response.request,
        )
    return data  # pyright: ignore[reportUnknownVariableType]


def jsonable(value: Any) -> Any:
    """``value`` as plain JSON data: model objects via ``to_dict()``, ``UNSET`` entries dropped."""
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items() if not isinstance(v, Unset)}  # pyright: ignore[reportUnknownVariableType, reportUnknownArgumentType]
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]  # pyright: ignore[reportUnknownVariableType]
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    return value


def _drop_none(params: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in params.items() if v is not None and not isinstance(v, Unset)}


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    default = {"http": 80, "https": 443}.get(url.scheme)
    return url.scheme, url.host, url.port or default


def _error_fields(body: bytes) -> dict[str, str | None] | None:
    """``type``/``code``/``param``/``message`` of a JSON error body (nested ``error{}`` or flat)."""
    try:
        data: object = json.loads(body)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    payload = cast(dict[str, object], data)
    error = payload.get("error", payload)
    if isinstance(error, str):
        return {"message": error}
    if not isinstance(error, dict):
        return {"message": json.dumps(error)}
    fields = cast(dict[str, object], error)
    return {k: None if fields.get(k) is None else str(fields.get(k)) for k in ("type", "code", "param", "message")}


class SyncTransport:
    """Blocking transport over an ``httpx.Client`` (owned unless one was passed in)."""

    def __init__(self, config: TransportConfig, http_client: httpx.Client | None) -> None:
        self.config = config
        self._owns_http = http_client is None
        self.http = http_client if http_client is not None else httpx.Client(follow_redirects=False)

    def close(self) -> None:
        """Close the connection pool if this transport created it."""
        if self._owns_http:
            self.http.close()

    def request(
        self,
        method: str,
        path: str,
        *,
        body: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        options: CallOptions,
        stream: bool = False,
    ) -> httpx.Response:
        """Send with retries; return a 2xx response (body read unless ``stream``) or raise a typed error."""
        retries = 0
        while True:
            request = self.config.build(self.http, method, path, body=body, query=query, options=options, stream=stream)
            headers: httpx.Headers | None = None
            try:
                response = self._send_following_redirects(request)
                if response.is_success:
                    if not stream:
                        response.read()
                    return response
                error: errors.APIError = self._status_error(response)
                headers = response.headers
                retryable = should_retry(response)
            except httpx.TransportError as exc:
                error = self.config.connection_error(exc, request)
                retryable = True
            delay = self.config.retry_delay(retries, headers) if retryable else None
            if delay is None:
                raise error
            _log_retry(request, error, delay, retries, self.config.max_retries)
            time.sleep(delay)
            retries += 1

    def _send_following_redirects(self, request: httpx.Request) -> httpx.Response:
        for _ in range(MAX_REDIRECTS + 1):
            response = self.http.send(request, stream=True, follow_redirects=False)
            follow = self.config.redirect(request, response)
            if follow is None:
                return response
            response.close()
            request = follow
        raise errors.APIConnectionError(f"More than {MAX_REDIRECTS} redirects: {request.method} {request.url}", request=request)

    def _status_error(self, response: httpx.Response) -> errors.APIStatusError:
        body, truncated = b"", False
        try:
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > MAX_ERROR_BODY:
                    body, truncated = body[:MAX_ERROR_BODY], True
                    break
        except httpx.TransportError:
            pass  # keep what arrived: the status is the primary error
        finally:
            response.close()
        return self.config.status_error(response, body, truncated)


class AsyncTransport:
    """Non-blocking transport over an ``httpx.AsyncClient`` (owned unless one was passed in)."""

    def __init__(self, config: TransportConfig, http_client: httpx.AsyncClient | None) -> None:
        self.config = config
        self._owns_http = http_client is None
        self.http = http_client if http_client is not None else httpx.AsyncClient(follow_redirects=False)

    async def close(self) -> None:
        """Close the connection pool if this transport created it."""
        if self._owns_http:
            await self.http.aclose()

    async def request(
        self,
        method: str,
        path: str,
        *,
        body: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        options: CallOptions,
        stream: bool = False,
    ) -> httpx.Response:
        """Send with retries; return a 2xx response (body read unless ``stream``) or raise a typed error."""
        retries = 0
        while True:
            request = self.config.build(self.http, method, path, body=body, query=query, options=options, stream=stream)
            headers: httpx.Headers | None = None
            try:
                response = await self._send_following_redirects(request)
                if response.is_success:
                    if not stream:
                        await response.aread()
                    return response
                error: errors.APIError = await self._status_error(response)
                headers = response.headers
                retryable = should_retry(response)
            except httpx.TransportError as exc:
                error = self.config.connection_error(exc, request)
                retryable = True
            delay = self.config.retry_delay(retries, headers) if retryable else None
            if delay is None:
                raise error
            _log_retry(request, error, delay, retries, self.config.max_retries)
            await anyio.sleep(delay)
            retries += 1

    async def _send_following_redirects(self, request: httpx.Request) -> httpx.Response:
        for _ in range(MAX_REDIRECTS + 1):
            response = await self.http.send(request, stream=True, follow_redirects=False)
            follow = self.config.redirect(request, response)
            if follow is None:
                return response
            await response.aclose()
            request = follow
        raise errors.APIConnectionError(f"More than {MAX_REDIRECTS} redirects: {request.method} {request.url}", request=request)

    async def _status_error(self, response: httpx.Response) -> errors.APIStatusError:
        body, truncated = b"", False
        try:
            async for chunk in response.aiter_bytes():
                body += chunk
                if len(body) > MAX_ERROR_BODY:
                    body, truncated = body[:MAX_ERROR_BODY], True
                    break
        except httpx.TransportError:
            pass  # keep what arrived: the status is the primary error
        finally:
            await response.aclose()
        return self.config.status_error(response, body, truncated)


def _log_retry(request: httpx.Request, error: errors.APIError, delay: float, done: int, limit: int) -> None:
    log.info(
        "Retrying %s %s in %.3f s (retry %d of %d) after: %s",
        request.method,
        request.url,
        delay,
        done + 1,
        limit,
        error.message,
    )
