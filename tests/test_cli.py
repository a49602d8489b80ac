"""The ``openresponses-sdk`` command line: check FILE (auto-detected formats), check --live, spec-diff, rules."""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from openresponses_sdk.cli import detect_format, main
from openresponses_sdk.conformance import RULES
from openresponses_sdk.local import MODEL_NAME, LocalServer

from tests.conftest import RECORDED, REPO, SHARED, iter_events


def cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out=out)
    return status, out.getvalue()


def sse_file(tmp_path: Path, *, done: bool = True) -> Path:
    events = list(
        iter_events(RECORDED / "openresponses" / "lmstudio-basic.1.chunks.txt")
    )
    text = "".join(f"event: {e['type']}\ndata: {json.dumps(e)}\n\n" for e in events) + (
        "data: [DONE]\n\n" if done else ""
    )
    path = tmp_path / "capture.sse"
    path.write_text(text)
    return path


def test_detect_format() -> None:
    assert detect_format('event: x\ndata: {"type": "x"}\n\n') == "sse"
    assert detect_format('{"a": 1}') == "json"
    assert detect_format('{"type": "a"}\n{"type": "b"}\n') == "lines"


def test_check_json_body_passes(shared: Path) -> None:
    status, out = cli(
        "check", str(RECORDED / "openresponses" / "lmstudio-basic.1.json")
    )
    assert status == 0 and out.startswith(
        "PASS lmstudio-basic.1.json (response) (openresponses)"
    )
    status, out = cli(
        "check", str(RECORDED / "openai" / "openai-error.1.json"), "--dialect", "openai"
    )
    assert status == 0 and "(error body)" in out


def test_check_json_body_with_findings_as_json(shared: Path) -> None:
    status, out = cli(
        "check",
        str(RECORDED / "openai" / "openai-phase.1.json"),
        "--dialect",
        "openai",
        "--json",
    )
    data = json.loads(out)
    assert status == 1 and data["ok"] is False and data["errors"] == 10
    assert {
        "rule": "schema.required",
        "severity": "error",
        "event_index": None,
        "path": "top_p",
        "message": "required field 'top_p' is missing",
    } in data["findings"]


def test_check_sse_and_lines_and_array(shared: Path, tmp_path: Path) -> None:
    status, out = cli("check", str(sse_file(tmp_path)))
    assert status == 0 and "capture.sse (stream)" in out
    status, out = cli("check", str(sse_file(tmp_path, done=False)))
    assert status == 1 and "sse.done" in out
    status, out = cli(
        "check",
        str(RECORDED / "openai" / "openai-phase.1.chunks.txt"),
        "--dialect",
        "openai",
    )
    assert status == 1 and "(stream capture)" in out and "stream.output-index" in out
    events = list(
        iter_events(RECORDED / "openresponses" / "lmstudio-tool-call.1.chunks.txt")
    )
    array = tmp_path / "events.json"
    array.write_text(json.dumps(events))
    status, out = cli("check", str(array))
    assert status == 0 and "ext.non-conformant" in out  # warnings do not fail the check


def test_check_request_body(tmp_path: Path) -> None:
    body = tmp_path / "request.json"
    body.write_text(json.dumps({"model": "m", "input": "hi"}))
    assert cli("check", str(body))[0] == 0
    body.write_text(json.dumps({"model": "m", "input": "hi", "max_output_tokens": 15}))
    status, out = cli("check", str(body), "--kind", "request")
    assert status == 1 and "schema.bounds" in out and "max_output_tokens" in out


def test_unreadable_input_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    garbage = tmp_path / "garbage.txt"
    garbage.write_text("hello\nworld\n")
    assert cli("check", str(garbage))[0] == 2
    assert (
        "neither SSE, a JSON document, nor one JSON event per line"
        in capsys.readouterr().err
    )
    assert cli("check", str(tmp_path / "missing.json"))[0] == 2
    assert cli("check", str(garbage), "--live", "http://127.0.0.1:9")[0] == 2


def test_spec_diff(shared: Path, tmp_path: Path) -> None:
    old, new = (
        str(SHARED / "specs" / "openai" / f"openapi-{d}.json")
        for d in ("2026-08-14", "2026-08-21")
    )
    status, out = cli("spec-diff", old, new, "--output", str(tmp_path / "CHANGELOG.md"))
    assert status == 0 and "ResponseShellCallCommandAddedStreamingEvent" in out
    assert (tmp_path / "CHANGELOG.md").read_text() == out
    status, out = cli("spec-diff", old, new, "--json", "--fail-on-breaking")
    assert status == 1 and json.loads(out)["breaking"] == 8


def test_rules_lists_every_rule() -> None:
    status, out = cli("rules")
    assert status == 0 and all(rule_id in out for rule_id in RULES)


def test_live_against_local_provider() -> None:
    with LocalServer() as server:
        status, out = cli("check", "--live", server.base_url, "--model", MODEL_NAME)
    assert status == 0 and out.rstrip().endswith("8 passed, 0 failed, 0 skipped")


@pytest.fixture
def rejecting_server() -> Iterator[str]:
    """A server on 127.0.0.1 that answers 401 and quotes the Authorization header it got."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = json.dumps(
                {
                    "error": {
                        "message": f"invalid key: {self.headers.get('Authorization')}"
                    }
                }
            ).encode()
            self.send_response(401)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_live_failure_exit_status_and_no_key_leak(rejecting_server: str) -> None:
    status, out = cli(
        "check",
        "--live",
        rejecting_server,
        "--api-key",
        "sk-live-SECRET",
        "--json",
        "--timeout",
        "5",
    )
    data = json.loads(out)
    assert status == 1 and "sk-live-SECRET" not in out
    basic = next(r for r in data if r["scenario"] == "basic-text")
    assert basic["findings"][0]["message"] == "HTTP 401: invalid key: Bearer <redacted>"


def test_spec_diff_compares_slice_to_slice(shared: Path) -> None:
    """The committed slice and the full upstream file it was cut from are the same contract."""
    status, out = cli(
        "spec-diff",
        str(REPO / "schema" / "openai-responses.json"),
        str(SHARED / "specs" / "openai" / "openapi-2026-08-21.json"),
    )
    assert (
        status == 0
        and "0 contract change(s), 0 breaking; 0 documentation-only change(s)." in out
    )
