"""The embedded local provider: a deterministic OpenResponses server on 127.0.0.1, no key or network.

``shared_server().base_url`` starts it on demand (stopped at exit); ``LocalServer`` gives a private
instance (a context manager). The model lives in :mod:`.model`, request handling in :mod:`.engine`,
HTTP/SSE in :mod:`.server`.
"""

from .engine import Engine
from .model import MODEL_NAME
from .request import RequestError
from .server import LocalServer, shared_server

__all__ = ["MODEL_NAME", "Engine", "LocalServer", "RequestError", "shared_server"]
