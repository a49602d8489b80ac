"""``openresponses-sdk``: check traffic against the spec, run live conformance scenarios, diff spec releases.

    openresponses-sdk check FILE [--dialect D] [--format F] [--kind K] [--json]
    openresponses-sdk check --live BASE_URL [--api-key KEY] [--model M] [--dialect D] [--json]
    openresponses-sdk spec-diff OLD.json NEW.json [--json] [--fail-on-breaking] [--output FILE]
    openresponses-sdk rules

Exit status: 0 when everything passes, 1 when a check finds an error (or, with ``--fail-on-breaking``,
a spec bump breaks), 2 when the input cannot be read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, TextIO, cast

from openresponses_sdk.conformance import DIALECTS, RULES, Dialect, Report
from openresponses_sdk.conformance._json import as_list, as_mapping
from openresponses_sdk.conformance.check import (
    check_capture,
    check_request,
    check_response,
    check_stream,
    is_error_body,
)

Format = Literal["json", "sse", "lines"]
EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
API_KEY_ENV = "OPENRESPONSES_API_KEY"
MODEL_ENV = "OPENRESPONSES_MODEL"


class InputError(Exception):
    """The file cannot be read or its format cannot be recognised."""


def detect_format(text: str) -> Format:
    """``sse`` (``data:``/``event:`` lines), ``json`` (one JSON document) or ``lines`` (one event per line)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise InputError("the file is empty")
    if any(line.startswith(("data:", "event:")) for line in lines):
        return "sse"
    try:
        json.loads(text)
    except ValueError:
        pass
    else:
        return "json"
    try:
        for line in lines:
            json.loads(line)
    except ValueError as exc:
        raise InputError(
            f"neither SSE, a JSON document, nor one JSON event per line ({exc})"
        ) from None
    return "lines"


def detect_kind(body: object) -> Literal["request", "response"]:
    """A response (or error) body has ``object``/``output``/``status`` or is ``{"error": ...}``; else a request."""
    data = as_mapping(body)
    if (
        data is None
        or is_error_body(data)
        or data.get("object") == "response"
        or "output" in data
        or "status" in data
    ):
        return "response"
    return "request"


def check_file(
    path: Path, dialect: Dialect, fmt: Format | None = None, kind: str | None = None
) -> Report:
    """The report for one captured file (format and kind auto-detected unless given)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from None
    fmt = fmt or detect_format(text)
    if fmt == "sse":
        report = check_stream(text, dialect)
    elif fmt == "lines":
        try:
            events = [
                as_mapping(json.loads(line))
                for line in text.splitlines()
                if line.strip()
            ]
        except ValueError as exc:
            raise InputError(f"{path}: a line is not JSON ({exc})") from None
        report = check_capture(events, dialect)
    else:
        try:
            body: object = json.loads(text)
        except ValueError as exc:
            raise InputError(f"{path}: not JSON ({exc})") from None
        events_list = as_list(body)
        if events_list is not None:  # a JSON array of events
            report = check_capture([as_mapping(e) for e in events_list], dialect)
        elif (kind or detect_kind(body)) == "request":
            report = check_request(body, dialect)
        else:
            report = check_response(body, dialect)
    report.subject = f"{path.name} ({report.subject})"
    return report


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="openresponses-sdk",
        description=__doc__.split("\n\n")[0] if __doc__ else None,
    )
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser(
        "check", help="check a captured file, or a live server with --live"
    )
    check.add_argument(
        "file",
        nargs="?",
        type=Path,
        help="JSON body, raw SSE capture or one-event-per-line file",
    )
    check.add_argument(
        "--live",
        metavar="BASE_URL",
        help="run the conformance scenarios against BASE_URL (…/v1)",
    )
    check.add_argument(
        "--api-key", help=f"API key for --live (default: ${API_KEY_ENV}); never printed"
    )
    check.add_argument(
        "--model", help=f"model for --live (default: ${MODEL_ENV}, else gpt-5-mini)"
    )
    check.add_argument(
        "--dialect",
        choices=DIALECTS,
        default="openresponses",
        help="spec to check against",
    )
    check.add_argument(
        "--format",
        choices=("json", "sse", "lines"),
        help="input format (default: auto-detect)",
    )
    check.add_argument(
        "--kind",
        choices=("request", "response"),
        help="what a JSON body is (default: auto-detect)",
    )
    check.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        help="seconds per live request (default 60)",
    )
    check.add_argument(
        "--json", action="store_true", help="print the report(s) as JSON"
    )

    diff = sub.add_parser("spec-diff", help="contract changelog between two spec files")
    diff.add_argument("old", type=Path)
    diff.add_argument("new", type=Path)
    diff.add_argument("--json", action="store_true", help="print the changelog as JSON")
    diff.add_argument(
        "--output", type=Path, help="also write the changelog to this file"
    )
    diff.add_argument(
        "--fail-on-breaking",
        action="store_true",
        help="exit 1 when a change is breaking",
    )

    sub.add_parser("rules", help="list the conformance rules")
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Entry point of the ``openresponses-sdk`` console script; returns the exit status."""
    stream = out or sys.stdout
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args, stream)
        if args.command == "spec-diff":
            return _spec_diff(args, stream)
        return _rules(stream)
    except InputError as exc:
        print(f"openresponses-sdk: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:  # the reader went away (``| head``): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FINDINGS


def _check(args: argparse.Namespace, out: TextIO) -> int:
    dialect = cast(Dialect, args.dialect)
    if (args.live is None) == (args.file is None):
        raise InputError("check needs exactly one of FILE or --live BASE_URL")
    if args.live is not None:
        from openresponses_sdk.conformance.live import (
            LiveRunner,
        )  # httpx client only needed here

        api_key = args.api_key or os.environ.get(API_KEY_ENV)
        model = args.model or os.environ.get(MODEL_ENV) or "gpt-5-mini"
        results = LiveRunner(args.live, model, dialect, api_key, args.timeout).run()
        if args.json:
            payload: list[dict[str, Any]] = [
                {"scenario": r.name, "skipped": r.skipped or None, **r.report.to_dict()}
                for r in results
            ]
            print(json.dumps(payload, indent=2, ensure_ascii=False), file=out)
        else:
            for r in results:
                print(
                    f"SKIP live {r.name}: {r.skipped}"
                    if r.skipped
                    else r.report.render_table(),
                    file=out,
                )
            passed = sum(1 for r in results if r.ok and not r.skipped)
            skipped = sum(1 for r in results if r.skipped)
            print(
                f"{passed} passed, {len(results) - passed - skipped} failed, {skipped} skipped",
                file=out,
            )
        return EXIT_OK if all(r.ok for r in results) else EXIT_FINDINGS
    report = check_file(args.file, dialect, args.format, args.kind)
    print(report.to_json() if args.json else report.render_table(), file=out)
    return EXIT_OK if report.ok else EXIT_FINDINGS


def _spec_diff(args: argparse.Namespace, out: TextIO) -> int:
    from openresponses_sdk.specdiff import diff_files

    try:
        log = diff_files(args.old, args.new)
    except (OSError, ValueError, KeyError) as exc:
        raise InputError(f"cannot diff {args.old} and {args.new}: {exc}") from None
    text = log.to_json() if args.json else log.render_markdown()
    print(text, file=out, end="" if text.endswith("\n") else "\n")
    if args.output is not None:
        args.output.write_text(
            text if text.endswith("\n") else text + "\n", encoding="utf-8"
        )
    return EXIT_FINDINGS if args.fail_on_breaking and log.breaking else EXIT_OK


def _rules(out: TextIO) -> int:
    for rule in RULES.values():
        print(
            f"{rule.id:28} {rule.severity:8} {rule.statement}\n{'':38}source: {rule.source}",
            file=out,
        )
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
