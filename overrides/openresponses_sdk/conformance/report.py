"""Findings and reports of the conformance checker, rendered as a table or as JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]
Dialect = Literal["openresponses", "openai"]
DIALECTS: tuple[Dialect, ...] = ("openresponses", "openai")


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule violated at one place: ``path`` is a JSON path inside the object (``""`` = the whole
    object), ``event_index`` the 0-based index of the event in a stream (``None`` outside streams)."""

    rule: str
    severity: Severity
    message: str
    path: str = ""
    event_index: int | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "event_index": self.event_index,
            "path": self.path,
            "message": self.message,
        }


@dataclass(slots=True)
class Report:
    """The verdict on one request, response, stream or exchange: ``ok`` when no finding is an error."""

    subject: str
    dialect: Dialect
    findings: list[Finding] = field(default_factory=list[Finding])

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    def rules(self) -> list[str]:
        """The rule ids that fired, in order, without repeats."""
        return list(dict.fromkeys(f.rule for f in self.findings))

    def extend(self, findings: Iterable[Finding]) -> None:
        self.findings.extend(findings)

    def to_dict(self) -> dict[str, object]:
        return {
            "subject": self.subject,
            "dialect": self.dialect,
            "ok": self.ok,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "findings": [f.to_dict() for f in self.findings],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def render_table(self) -> str:
        """A plain-text table, one finding per row, ending with a one-line verdict."""
        verdict = "PASS" if self.ok else "FAIL"
        summary = f"{verdict} {self.subject} ({self.dialect}): {len(self.errors)} error(s), {len(self.warnings)} warning(s)"
        if not self.findings:
            return summary
        header = ("severity", "rule", "event", "path", "message")
        rows = [
            (
                f.severity,
                f.rule,
                "" if f.event_index is None else str(f.event_index),
                f.path or "$",
                f.message,
            )
            for f in self.findings
        ]
        widths = [max(len(r[i]) for r in (header, *rows)) for i in range(4)]
        lines = [
            "  ".join(cell.ljust(w) for cell, w in zip(r[:4], widths, strict=True))
            + "  "
            + r[4]
            for r in (header, *rows)
        ]
        lines.insert(
            1, "  ".join("-" * w for w in widths) + "  " + "-" * len(header[4])
        )
        return "\n".join([*lines, summary])
