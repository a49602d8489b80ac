"""A reference conformance model for OpenResponses and OpenAI Responses traffic.

``check_request``, ``check_response``, ``check_stream`` and ``check_exchange`` return a :class:`Report`
whose findings name the rule (see :data:`RULES`), the JSON path and, in streams, the event index.
"""

from openresponses_sdk.conformance.check import (
    check_capture,
    check_exchange,
    check_request,
    check_response,
    check_stream,
)
from openresponses_sdk.conformance.report import (
    DIALECTS,
    Dialect,
    Finding,
    Report,
    Severity,
)
from openresponses_sdk.conformance.rules import RULES, Rule

__all__ = [
    "DIALECTS",
    "RULES",
    "Dialect",
    "Finding",
    "Report",
    "Rule",
    "Severity",
    "check_capture",
    "check_exchange",
    "check_request",
    "check_response",
    "check_stream",
]
