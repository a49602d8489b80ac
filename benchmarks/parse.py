"""Parse benchmark: recorded responses and stream events → typed objects, ours vs peers, plus import time.

Usage: ``python benchmarks/parse.py`` (``make bench`` installs the peers of the ``bench`` extra first).
Peers that are not installed are left out. Times are medians of repeated runs (µs per call).
"""

from __future__ import annotations

import importlib.util
import json
import statistics
import subprocess
import sys
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

RECORDED = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "recorded"


def per_call_us(fn: Callable[[], object], repeat: int = 7) -> float:
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()
    return statistics.median(timer.repeat(repeat=repeat, number=number)) / number * 1e6


def has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def response_parsers(dialect: str) -> dict[str, Callable[[Any], object]]:
    from openresponses_sdk import openai_types, types

    parsers: dict[str, Callable[[Any], object]] = {}
    if dialect == "openai":
        parsers["openresponses-sdk"] = openai_types.Response.from_dict
        if has("openai"):
            from openai._models import construct_type
            from openai.types.responses import Response

            parsers["openai model_validate"] = Response.model_validate
            parsers["openai construct_type (default)"] = lambda d: construct_type(type_=Response, value=d)
    else:
        parsers["openresponses-sdk"] = types.ResponseResource.from_dict
        if has("openresponses_types"):
            import openresponses_types

            parsers["openresponses-types"] = openresponses_types.ResponseResource.model_validate
        if has("openresponses"):
            from openresponses.types.generated import ResponseResource

            parsers["openresponses-py"] = ResponseResource.model_validate
    return parsers


def event_parsers(dialect: str) -> dict[str, Callable[[Any], object]]:
    """dict → typed event through each library's union entry point (ours dispatches on ``type``)."""
    from openresponses_sdk import openai_types, types

    parsers: dict[str, Callable[[Any], object]] = {}
    if dialect == "openai":
        parsers["openresponses-sdk"] = openai_types.parse_stream_event
        if has("openai"):
            from openai._models import construct_type
            from openai.types.responses import ResponseStreamEvent
            from pydantic import TypeAdapter

            adapter: TypeAdapter[Any] = TypeAdapter(ResponseStreamEvent)
            parsers["openai TypeAdapter.validate_python"] = adapter.validate_python
            parsers["openai construct_type (default)"] = lambda d: construct_type(type_=ResponseStreamEvent, value=d)
    else:
        parsers["openresponses-sdk"] = types.parse_stream_event
        if has("openresponses_types"):
            import openresponses_types

            parsers["openresponses-types (class, no dispatch)"] = (
                openresponses_types.ResponseOutputTextDeltaStreamingEvent.model_validate)
        if has("openresponses"):
            from openresponses.types.generated import ResponseOutputTextDeltaStreamingEvent

            parsers["openresponses-py (class, no dispatch)"] = ResponseOutputTextDeltaStreamingEvent.model_validate
    return parsers


def timed(parsers: dict[str, Callable[[Any], object]], datas: list[Any], what: str) -> dict[str, float]:
    """Mean µs per payload for each parser; a peer that rejects real traffic is reported, not timed."""
    results: dict[str, float] = {}
    for name, parse in parsers.items():
        try:
            results[name] = sum(per_call_us(lambda d=d: parse(d)) for d in datas) / len(datas)
        except Exception as e:
            first = str(e).splitlines()[0][:100]
            print(f"  {name}: rejects {what}: {type(e).__name__}: {first}")
    return results


def table(title: str, rows: list[tuple[str, float, float]]) -> None:
    print(f"\n{title}")
    print(f"{'library':42} {'µs/call':>10} {'ours/peer':>10}")
    for name, us, ratio in rows:
        print(f"{name:42} {us:10.2f} {ratio:10.2f}")


def bench_responses() -> None:
    for dialect in ("openai", "openresponses"):
        files = [p for p in sorted((RECORDED / dialect).glob("*.json")) if "output" in json.loads(p.read_bytes())]
        raws = [p.read_bytes() for p in files]
        datas = [json.loads(r) for r in raws]
        floor = sum(per_call_us(lambda r=r: json.loads(r)) for r in raws) / len(raws)
        results = timed(response_parsers(dialect), datas, f"recorded {dialect} responses")
        ours = results["openresponses-sdk"]
        rows = [("json.loads of the same bytes (floor)", floor, ours / floor)]
        rows += [(n, us, ours / us) for n, us in results.items()]
        table(f"parse a recorded {dialect} response (dict → typed; mean over {len(datas)} files)", rows)


def bench_events() -> None:
    for dialect, file in (("openresponses", "lmstudio-basic.1.chunks.txt"), ("openai", "openai-phase.1.chunks.txt")):
        lines = (RECORDED / dialect / file).read_text().splitlines()
        line = next(ln for ln in lines if '"response.output_text.delta"' in ln)
        data = json.loads(line)
        floor = per_call_us(lambda: json.loads(line))
        results = timed(event_parsers(dialect), [data], f"the recorded {dialect} delta")
        ours = results["openresponses-sdk"]
        rows = [("json.loads of the same line", floor, ours / floor)] + [(n, us, ours / us) for n, us in results.items()]
        table(f"decode one {dialect} output_text.delta event (dict → typed)", rows)
        from openresponses_sdk import openai_types, types

        module = openai_types if dialect == "openai" else types
        events = [json.loads(ln) for ln in lines]
        whole = per_call_us(lambda: [module.parse_stream_event(e) for e in events], repeat=5) / len(events)
        print(f"  all {len(events)} events of {file}: {whole:.2f} µs/event (ours)")


def import_ms(statement: str, baseline: str = "") -> float:
    code = (f"import time\n{baseline}\nt = time.perf_counter()\n{statement}\n"
            "print((time.perf_counter() - t) * 1000)")
    runs = [float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)
            for _ in range(7)]
    return statistics.median(runs)


def bench_imports() -> None:
    print("\nimport time (ms, median of 7 fresh interpreters)")
    base = import_ms("import httpx, attrs")
    pkg = import_ms("import openresponses_sdk", baseline="import httpx, attrs")
    ours_all = import_ms("import openresponses_sdk.openai_types", baseline="import httpx, attrs")
    print(f"{'import httpx, attrs':50} {base:8.1f}")
    print(f"{'import openresponses_sdk (after httpx, attrs)':50} {pkg:8.1f}   target ≤ 60")
    print(f"{'import openresponses_sdk.openai_types (all types)':50} {ours_all:8.1f}")
    if has("openai"):
        theirs = import_ms("import openai; import openai.types.responses")
        print(f"{'import openai; import openai.types.responses':50} {theirs:8.1f}   ours/openai = {ours_all / theirs:.2f} (target ≤ 0.33)")


if __name__ == "__main__":
    if not RECORDED.is_dir():
        sys.exit(f"recorded fixtures not found at {RECORDED}: the benchmark needs ../shared")
    bench_events()
    bench_responses()
    bench_imports()
