"""When to retry a failed request and how long to wait first (exponential backoff, jitter, Retry-After)."""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Callable
from typing import Final

import attrs
import httpx

RETRYABLE_STATUS = frozenset({408, 409, 429})
"""Statuses retried besides every 5xx."""


@attrs.frozen
class Backoff:
    """Wait before retry ``n`` (0-based): ``min(initial * 2**n, maximum)`` minus up to ``jitter`` of it.

    A ``Retry-After`` / ``retry-after-ms`` header from the server wins when it is positive and at most
    ``max_retry_after`` seconds.
    """

    initial: float = 0.5
    maximum: float = 8.0
    jitter: float = 0.25
    max_retry_after: float = 60.0
    random: Callable[[], float] = attrs.field(default=random.random, repr=False, eq=False)

    def delay(self, retry: int, headers: httpx.Headers | None = None) -> float:
        """Seconds to wait before retry number ``retry``, honouring the server's headers."""
        if headers is not None:
            hinted = retry_after_seconds(headers)
            if hinted is not None and 0 < hinted <= self.max_retry_after:
                return hinted
        base = min(self.initial * 2.0**retry, self.maximum)
        return base * (1.0 - self.jitter * self.random())


DEFAULT_BACKOFF: Final = Backoff()


def retry_after_seconds(headers: httpx.Headers) -> float | None:
    """The server's requested wait: ``retry-after-ms``, else ``Retry-After`` (seconds or HTTP date)."""
    millis = headers.get("retry-after-ms")
    if millis is not None:
        try:
            return float(millis) / 1000.0
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return when.timestamp() - time.time()


def should_retry(response: httpx.Response) -> bool:
    """Whether an error response is worth retrying (``x-should-retry`` from the server wins)."""
    hint = response.headers.get("x-should-retry")
    if hint == "true":
        return True
    if hint == "false":
        return False
    return response.status_code in RETRYABLE_STATUS or response.status_code >= 500
