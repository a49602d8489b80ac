"""Client overhead over loopback, against the test replay server running in its own process.

1. Non-streamed ``create``: our typed client vs plain ``httpx`` posting the same body + ``json.loads``
   (target: at most 1.2x the plain time per call).
2. Streaming a 10,000-event response: our typed events (+ accumulation) vs ``httpx`` + ``json.loads``
   per ``data:`` line (target: at least 0.5x the plain events/s), and vs ``openai`` when importable.

Run: ``PYTHONPATH=overrides:. .venv/bin/python benchmarks/client.py`` (prints a table).
"""

from __future__ import annotations

import json
import multiprocessing
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "overrides")]

from openresponses_sdk.client import Client

from tests.servers import (
    MINIMAL_RESPONSE,
    ReplayServer,
    Reply,
    sse_body,
    text_stream_events,
)

CALLS = 300
STREAM_EVENTS = 10_000
ROUNDS = 7
BODY = {"model": "m", "input": "Say hello."}
"""What every contender posts (the typed client gets the same as keyword arguments)."""


def _serve(reply: Reply, ready: Any, stop: Any) -> None:
    with ReplayServer(default=reply) as server:
        ready.put(server.url)
        stop.wait()


class ServerProcess:
    """A :class:`ReplayServer` answering every request with ``reply``, in a child process."""

    def __init__(self, reply: Reply) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._ready: Any = ctx.Queue()
        self._stop = ctx.Event()
        self._proc = ctx.Process(target=_serve, args=(reply, self._ready, self._stop), daemon=True)

    def __enter__(self) -> str:
        self._proc.start()
        return str(self._ready.get(timeout=30))

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._proc.join(timeout=10)


def _best(*fns: Callable[[], float]) -> list[float]:
    """Best of ``ROUNDS`` runs of each ``fn`` (which returns seconds), after one warm-up each.

    The contenders alternate (in turn order) within every round so that load from other processes hits them alike,
    and the minimum (as ``timeit`` recommends) is the least disturbed measurement.
    """
    for fn in fns:
        fn()
    times: list[list[float]] = [[] for _ in fns]
    order = list(range(len(fns)))
    for _ in range(ROUNDS):
        for i in order:
            times[i].append(fns[i]())
        order.reverse()  # nobody always goes first
    return [min(samples) for samples in times]


def bench_create(url: str) -> tuple[float, float]:
    """Seconds per non-streamed call: (ours, plain httpx)."""
    with Client(base_url=url, max_retries=0) as client, httpx.Client() as http:

        def ours() -> float:
            start = time.perf_counter()
            for _ in range(CALLS):
                client.responses.create(model="m", input="Say hello.")
            return (time.perf_counter() - start) / CALLS

        def plain() -> float:
            start = time.perf_counter()
            for _ in range(CALLS):
                json.loads(http.post(url + "/responses", json=BODY).content)
            return (time.perf_counter() - start) / CALLS

        best_ours, best_plain = _best(ours, plain)
        return best_ours, best_plain


def bench_stream(url: str, events: int) -> dict[str, float]:
    """Events per second for one ``events``-long stream, per contender."""
    results: dict[str, float] = {}
    with Client(base_url=url, max_retries=0) as client, httpx.Client() as http:

        def ours() -> float:
            start = time.perf_counter()
            with client.responses.create(model="m", input="Say hello.", stream=True) as stream:
                count = sum(1 for _ in stream)
                stream.get_final_response()
            assert count == events
            return time.perf_counter() - start

        def plain() -> float:
            start = time.perf_counter()
            count = 0
            with http.stream("POST", url + "/responses", json={**BODY, "stream": True}) as response:
                for line in response.iter_lines():
                    if line.startswith("data: ") and line != "data: [DONE]":
                        json.loads(line[6:])
                        count += 1
            assert count == events
            return time.perf_counter() - start

        best_ours, best_plain = _best(ours, plain)
        results["openresponses-sdk (typed events + accumulation)"] = events / best_ours
        results["httpx + json.loads per line (floor)"] = events / best_plain
    try:
        import openai  # type: ignore[import-not-found, unused-ignore]  # pyright: ignore[reportMissingImports]
    except ImportError:
        return results
    oa: Any = openai.OpenAI(base_url=url, api_key="bench", max_retries=0)  # pyright: ignore[reportUnknownMemberType]

    def theirs() -> float:
        start = time.perf_counter()
        count = sum(1 for _ in oa.responses.create(**BODY, stream=True))
        assert count == events
        return time.perf_counter() - start

    results[f"openai {openai.__version__}"] = events / _best(theirs)[0]  # pyright: ignore[reportUnknownMemberType]
    return results


def main() -> None:
    with ServerProcess(Reply.json(MINIMAL_RESPONSE)) as url:
        ours, plain = bench_create(url)
    deltas = ["tok "] * (STREAM_EVENTS - 7)  # 7 framing events around the deltas
    body = sse_body(text_stream_events(deltas))
    reply = Reply.sse([body[i : i + 65536] for i in range(0, len(body), 65536)])
    with ServerProcess(reply) as url:
        rates = bench_stream(url, STREAM_EVENTS)

    print(f"Non-streamed create, {CALLS} calls, best of {ROUNDS} rounds, loopback:")
    print(f"  {'client':<48} {'ms/call':>9} {'vs httpx':>9}")
    print(f"  {'openresponses-sdk (typed ResponseResource)':<48} {ours * 1e3:>9.3f} {ours / plain:>8.2f}x   (target <= 1.20x)")
    print(f"  {'httpx.post + json.loads':<48} {plain * 1e3:>9.3f} {1:>8.2f}x")
    floor = rates["httpx + json.loads per line (floor)"]
    print(f"\nStreaming {STREAM_EVENTS} events, best of {ROUNDS} rounds, loopback:")
    print(f"  {'client':<48} {'events/s':>9} {'vs floor':>9}")
    for name, rate in rates.items():
        target = "   (target >= 0.50x)" if name.startswith("openresponses") else ""
        print(f"  {name:<48} {rate:>9.0f} {rate / floor:>8.2f}x{target}")
    if not any(name.startswith("openai") for name in rates):
        print("  (openai is not importable here: install the 'bench' extra in a separate venv to compare)")


if __name__ == "__main__":
    main()
