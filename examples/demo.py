"""`make run`: a typed streaming call and a tool-call round trip against the embedded local provider.

No key and no network: ``provider="local"`` starts a deterministic OpenResponses server on 127.0.0.1.
Exits non-zero if anything is not as expected.
"""

from __future__ import annotations

import json
import sys

from openresponses_sdk import types as ortypes
from openresponses_sdk.api import responses
from openresponses_sdk.tools import run_tool_calls


def get_weather(city: str) -> str:
    """Current weather in a city.

    Args:
        city: The city name, e.g. "Paris".
    """
    return f"Sunny and 21 degrees in {city}"


def check(condition: bool, what: str) -> None:
    if not condition:
        print(f"FAILED: {what}", file=sys.stderr)
        raise SystemExit(1)


def streaming_demo() -> None:
    print("== 1. typed streaming (provider='local') ==")
    stream = responses(
        "echo-1", "Hello from the typed streaming demo!", provider="local", stream=True
    )
    deltas: list[str] = []
    with stream:
        for event in stream:
            match event:
                case ortypes.ResponseOutputTextDeltaStreamingEvent(delta=delta):
                    deltas.append(delta)
                    print(f"  #{event.sequence_number:<3} {event.type:<32} {delta!r}")
                case ortypes.ResponseCompletedStreamingEvent(response=final):
                    print(
                        f"  #{event.sequence_number:<3} {event.type:<32} status={final.status}"
                    )
                case ortypes.UnknownStreamingEvent():
                    print(f"  (unknown event kept as raw data) {event.type}")
                case _:
                    print(f"  #{event.sequence_number:<3} {event.type}")
        final = stream.get_final_response()
    print(f"output_text: {final.output_text!r}")
    check(
        final.output_text == "You said: Hello from the typed streaming demo!",
        "streamed text",
    )
    check("".join(deltas) == final.output_text, "deltas add up to the final text")


def tool_demo() -> None:
    print("\n== 2. tool-call round trip ==")
    question = "Use get_weather for Paris"
    first = responses("local:echo-1", question, tools=[get_weather])
    calls = [item for item in first.output if isinstance(item, ortypes.FunctionCall)]
    check(
        len(calls) == 1 and calls[0].name == "get_weather",
        "the model calls get_weather",
    )
    print(f"model -> function_call {calls[0].name}({calls[0].arguments})")
    results = run_tool_calls(first, [get_weather])
    for result in results:
        check(result.error is None, f"tool ran without error ({result.error})")
        print(f"python -> function_call_output {json.dumps(result.output)}")
    follow_up = [*(item.to_dict() for item in first.output), *(r.item for r in results)]
    final = responses("local:echo-1", follow_up, tools=[get_weather])
    print(f"model -> {final.output_text!r}")
    check(
        "Sunny and 21 degrees in Paris" in final.output_text,
        "the answer uses the tool output",
    )


def main() -> None:
    streaming_demo()
    tool_demo()
    print("\ndemo OK")


if __name__ == "__main__":
    main()
