"""Operations on the wire (methods, paths, bodies, queries, headers), return types per dialect,
pagination, connection reuse, sync/async parity, and secret hygiene (reprs, logs, errors, redirects)."""

from __future__ import annotations

import inspect
import logging
import pickle
import time
from typing import Any

import httpx
import pytest
from openresponses_sdk import errors
from openresponses_sdk import openai_types as oatypes
from openresponses_sdk import types as ortypes
from openresponses_sdk._auth import AzureAuth, Secret
from openresponses_sdk._dialects import OPENAI, OPENRESPONSES
from openresponses_sdk.client import AsyncClient, Client
from openresponses_sdk.resources import (
    AsyncOpenAIResponses,
    AsyncOpenResponsesResponses,
    OpenAIResponses,
    OpenResponsesResponses,
)
from openresponses_sdk.streaming import AsyncResponseStream, ResponseStream

from tests.servers import (
    MINIMAL_RESPONSE,
    ReplayServer,
    Reply,
    sse_body,
    text_stream_events,
)

KEY = "sk-test-SECRET-0123456789abcdef"
USAGE = {"input_tokens": 1, "output_tokens": 1, "total_tokens": 2,
         "input_tokens_details": {"cached_tokens": 0}, "output_tokens_details": {"reasoning_tokens": 0}}  # fmt: skip
COMPACT: dict[str, Any] = {"id": "c", "object": "response.compaction", "output": [], "created_at": 1, "usage": USAGE}


def _item(n: int) -> dict[str, Any]:
    return {"id": f"msg_{n}", "type": "message", "role": "user", "status": "completed",
            "content": [{"type": "input_text", "text": f"t{n}"}]}  # fmt: skip


def _page(ids: list[int], has_more: bool) -> Reply:
    return Reply.json({"object": "list", "data": [_item(n) for n in ids], "has_more": has_more,
                       "first_id": f"msg_{ids[0]}", "last_id": f"msg_{ids[-1]}"})  # fmt: skip


def _unknown_kwargs() -> Any:
    """A keyword the spec does not know (typed ``Any`` so the call type-checks)."""
    return {"brand_new_field": {"x": 1}}


def test_openresponses_create_and_compact_on_the_wire(server: ReplayServer) -> None:
    server.queue(Reply.json(MINIMAL_RESPONSE), Reply.json(COMPACT))
    with Client(base_url=server.url + "/v1/", api_key=KEY, default_headers={"X-App": "t"}) as client:
        response: ortypes.ResponseResource = client.responses.create(  # pyright: ignore[reportUnknownVariableType]
            model="m",
            input=[{"type": "message", "role": "user", "content": "hi"}],
            **_unknown_kwargs(),
            extra_body={"vendor": True},
            extra_headers={"X-Trace": "1"},
            extra_query={"debug": "yes"},
        )
        compacted = client.responses.compact(model="m", input="long story")
    assert isinstance(response, ortypes.ResponseResource) and response.output_text == ""
    assert isinstance(compacted, ortypes.CompactResource)
    create, compact = server.requests
    assert (create.method, create.path) == ("POST", "/v1/responses?debug=yes")
    assert create.json() == {"model": "m", "input": [{"type": "message", "role": "user", "content": "hi"}],
                             "brand_new_field": {"x": 1}, "vendor": True}  # fmt: skip
    assert create.headers["authorization"] == f"Bearer {KEY}"
    assert (create.headers["x-app"], create.headers["x-trace"]) == ("t", "1")
    assert create.headers["accept"] == "application/json" and create.headers["content-type"] == "application/json"
    assert (compact.method, compact.path, compact.json()) == ("POST", "/v1/responses/compact", {"model": "m", "input": "long story"})
    assert "x-trace" not in compact.headers


def test_openai_operations_on_the_wire(server: ReplayServer) -> None:
    server.queue(
        Reply.json(MINIMAL_RESPONSE),
        Reply.json(MINIMAL_RESPONSE),
        Reply.json({**MINIMAL_RESPONSE, "status": "cancelled"}),
        Reply.json({"id": "resp_1", "object": "response.deleted", "deleted": True}),
        Reply.json({"object": "response.input_tokens", "input_tokens": 7}),
        Reply.json(COMPACT),
    )
    with Client(base_url=server.url, api_key=KEY, dialect="openai") as client:
        created = client.responses.create(model="gpt-5", input="hi", store=True)
        got = client.responses.retrieve("resp/1 x", include=["message.output_text.logprobs"], include_obfuscation=False)
        cancelled = client.responses.cancel("resp_1")
        client.responses.delete("resp_1")
        tokens = client.responses.input_tokens(model="gpt-5", input="hello")
        compacted = client.responses.compact(model="gpt-5", input="hi")
    assert isinstance(created, oatypes.Response) and isinstance(got, oatypes.Response)
    assert cancelled.status == "cancelled"
    assert isinstance(tokens, oatypes.TokenCountsResource) and tokens.input_tokens == 7
    assert isinstance(compacted, oatypes.CompactResource)
    wire = [(r.method, r.path) for r in server.requests]
    assert wire == [
        ("POST", "/responses"),
        ("GET", "/responses/resp%2F1%20x?include=message.output_text.logprobs&include_obfuscation=false"),
        ("POST", "/responses/resp_1/cancel"),
        ("DELETE", "/responses/resp_1"),
        ("POST", "/responses/input_tokens"),
        ("POST", "/responses/compact"),
    ]
    assert server.requests[4].json() == {"model": "gpt-5", "input": "hello"}
    assert server.requests[1].body == b""


def test_every_spec_operation_is_in_the_table() -> None:
    assert sorted(OPENAI.endpoints) == sorted(["create", "retrieve", "cancel", "delete", "input_items", "input_tokens", "compact"])
    assert sorted(OPENRESPONSES.endpoints) == ["compact", "create"]
    resources: list[tuple[type, Any]] = [
        (OpenAIResponses, OPENAI), (AsyncOpenAIResponses, OPENAI),
        (OpenResponsesResponses, OPENRESPONSES), (AsyncOpenResponsesResponses, OPENRESPONSES),
    ]  # fmt: skip
    for resource, dialect in resources:
        assert resource.dialect is dialect  # type: ignore[attr-defined]
        assert {n for n in dir(resource) if not n.startswith("_") and n != "dialect"} == set(dialect.endpoints)


def test_retrieve_stream_replays_events(server: ReplayServer) -> None:
    server.queue(Reply.sse([sse_body(text_stream_events(["he", "y"]))]))
    with Client(base_url=server.url, dialect="openai") as client, client.responses.retrieve("resp_1", stream=True, starting_after=3) as stream:
        assert "".join(stream.text_deltas()) == "hey"
    assert server.requests[0].path == "/responses/resp_1?starting_after=3&stream=true"
    assert server.requests[0].headers["accept"] == "text/event-stream"


def test_input_items_paginates_lazily(server: ReplayServer) -> None:
    server.queue(_page([1, 2], True), _page([3, 4], True), _page([5], False))
    with Client(base_url=server.url, dialect="openai") as client:
        items = client.responses.input_items("resp_1", limit=2, order="asc")
        assert server.requests == []  # nothing fetched until iterated
        ids = [item.id for item in items if isinstance(item, oatypes.InputMessageResource)]
    assert ids == [f"msg_{n}" for n in range(1, 6)]
    assert [r.path for r in server.requests] == [
        "/responses/resp_1/input_items?limit=2&order=asc",
        "/responses/resp_1/input_items?limit=2&order=asc&after=msg_2",
        "/responses/resp_1/input_items?limit=2&order=asc&after=msg_4",
    ]


async def test_async_input_items_and_operations(server: ReplayServer) -> None:
    server.queue(_page([1], True), _page([2], False), Reply.json({"object": "response.input_tokens", "input_tokens": 3}))
    async with AsyncClient(base_url=server.url, dialect="openai") as client:
        ids = [item.id async for item in client.responses.input_items("r") if isinstance(item, oatypes.InputMessageResource)]
        tokens = await client.responses.input_tokens(input="x")
    assert ids == ["msg_1", "msg_2"] and tokens.input_tokens == 3


def test_empty_response_id_is_rejected_before_sending(server: ReplayServer) -> None:
    with Client(base_url=server.url, dialect="openai") as client, pytest.raises(ValueError, match="response_id must be a non-empty string"):
        client.responses.retrieve("")
    assert server.requests == []


def test_connections_are_reused(server: ReplayServer) -> None:
    server.queue(*[Reply.json(MINIMAL_RESPONSE)] * 3, Reply.sse([sse_body(text_stream_events(["x"]))]), Reply.json(MINIMAL_RESPONSE))
    with Client(base_url=server.url) as client:
        for _ in range(3):
            client.responses.create(model="m")
        with client.responses.create(model="m", stream=True) as stream:
            stream.get_final_response()
        client.responses.create(model="m")
    assert len({r.client_port for r in server.requests}) == 1


def test_constructor_validation() -> None:
    with pytest.raises(ValueError, match="base_url is required for the 'openresponses' dialect"):
        Client()  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
    with pytest.raises(ValueError, match="unknown dialect 'grpc'"):
        Client(base_url="http://x", dialect="grpc")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
    with pytest.raises(ValueError, match="max_retries must be >= 0"):
        Client(base_url="http://x", max_retries=-1)
    assert str(Client(dialect="openai").base_url) == "https://api.openai.com/v1"


def test_own_http_client_is_used_and_left_open(server: ReplayServer) -> None:
    server.queue(Reply.json(MINIMAL_RESPONSE))
    http = httpx.Client(headers={"X-Mine": "1"})
    with Client(base_url=server.url, http_client=http) as client:
        client.responses.create(model="m")
    assert server.requests[0].headers["x-mine"] == "1" and not http.is_closed
    http.close()


def _public_methods(cls: type) -> dict[str, inspect.Signature]:
    return {n: inspect.signature(getattr(cls, n)) for n in dir(cls) if not n.startswith("_") and callable(getattr(cls, n))}


@pytest.mark.parametrize(("sync", "async_"), [
    (OpenResponsesResponses, AsyncOpenResponsesResponses), (OpenAIResponses, AsyncOpenAIResponses),
    (Client, AsyncClient), (ResponseStream, AsyncResponseStream),
])  # fmt: skip
def test_sync_and_async_have_the_same_methods_and_signatures(sync: type, async_: type) -> None:
    sync_methods, async_methods = _public_methods(sync), _public_methods(async_)
    assert sync_methods.keys() == async_methods.keys()
    for name, signature in sync_methods.items():
        other = async_methods[name]
        assert list(signature.parameters) == list(other.parameters), name
        for param, theirs in zip(signature.parameters.values(), other.parameters.values(), strict=True):
            assert (param.kind, param.default) == (theirs.kind, theirs.default), f"{name}({param.name})"
            annotation = str(param.annotation).replace("AsyncClient", "Client").replace("Async", "")
            assert annotation == str(theirs.annotation).replace("AsyncClient", "Client").replace("Async", ""), f"{name}({param.name})"
        if name not in ("close",):
            assert inspect.iscoroutinefunction(getattr(async_, name)) or inspect.isasyncgenfunction(getattr(async_, name)), name


# --- secrets ----------------------------------------------------------------------------------------


def test_key_never_in_repr_str_logs_or_errors(server: ReplayServer, caplog: pytest.LogCaptureFixture) -> None:
    echo = {"error": {"message": f"Incorrect API key provided: {KEY}.", "type": "invalid_request_error", "code": "invalid_api_key"}}
    server.queue(Reply.json(echo, 401), Reply.json(echo, 500), Reply.json(echo, 500))
    with caplog.at_level(logging.DEBUG), Client(base_url=server.url, api_key=KEY, max_retries=0) as client:
        texts = [repr(client), str(client), repr(client.responses), repr(client._transport.config)]  # pyright: ignore[reportPrivateUsage]
        with pytest.raises(errors.AuthenticationError) as auth:
            client.responses.create(model="m")
        with pytest.raises(errors.InternalServerError) as server_error:
            Client(base_url=server.url, api_key=KEY, max_retries=1, backoff=_fast()).responses.create(model="m")
    for err in (auth.value, server_error.value):
        texts += [str(err), repr(err), err.message, repr(err.args), str(err.request), repr(err.request), repr(err.request.headers if err.request else None)]
    texts.append(caplog.text)
    assert "invalid_api_key" in str(auth.value) and "***" in str(auth.value)
    assert auth.value.request is not None and auth.value.request.headers["authorization"] == f"Bearer {KEY}"  # usable, just not shown
    for text in texts:
        assert KEY not in text
    assert repr(Secret(KEY)) == str(Secret(KEY)) == "Secret('***')"
    with pytest.raises(TypeError, match="cannot be pickled"):
        pickle.dumps(Secret(KEY))


def _fast() -> Any:
    from openresponses_sdk._retry import Backoff

    return Backoff(initial=0.001, maximum=0.001)


def test_authorization_not_forwarded_cross_origin(server: ReplayServer) -> None:
    with ReplayServer() as other:
        other.queue(Reply.json(MINIMAL_RESPONSE))
        server.queue(Reply(307, [("Location", other.url + "/elsewhere")]), Reply(308, [("Location", "/v2/responses")]), Reply.json(MINIMAL_RESPONSE))
        with Client(base_url=server.url, api_key=KEY) as client:
            client.responses.create(model="m")  # -> 307 to another origin
            client.responses.create(model="m")  # -> 308 on the same origin
        moved = other.requests[0]
    assert (moved.method, moved.path, moved.json()) == ("POST", "/elsewhere", {"model": "m"})
    assert "authorization" not in moved.headers
    same_origin = server.requests[2]
    assert same_origin.path == "/v2/responses" and same_origin.headers["authorization"] == f"Bearer {KEY}"


def test_azure_auth_header_and_query_and_redirect(server: ReplayServer) -> None:
    with ReplayServer() as other:
        other.queue(Reply.json(MINIMAL_RESPONSE))
        server.queue(Reply.json(MINIMAL_RESPONSE), Reply(302, [("Location", other.url + "/x")]))
        with Client(base_url=server.url, api_key=KEY, auth=AzureAuth(api_version="2025-04-01-preview"), dialect="openai") as client:
            client.responses.retrieve("resp_1")
            client.responses.cancel("resp_1")
        moved = other.requests[0]
    first = server.requests[0]
    assert first.headers["api-key"] == KEY and "authorization" not in first.headers
    assert first.path == "/responses/resp_1?api-version=2025-04-01-preview"
    assert moved.method == "GET" and "api-key" not in moved.headers  # 302 after POST becomes GET, key dropped
    assert KEY not in repr(AzureAuth(api_version="v"))


def test_too_many_redirects(server: ReplayServer) -> None:
    loop = Reply(307, [("Location", "/responses")])
    with ReplayServer(default=loop) as looping, Client(base_url=looping.url, max_retries=0) as client, pytest.raises(errors.APIConnectionError, match="More than 20 redirects"):
        client.responses.create(model="m")


def test_input_items_stops_on_an_empty_page_even_if_has_more(server: ReplayServer) -> None:
    empty = Reply.json({"object": "list", "data": [], "has_more": True, "first_id": "", "last_id": ""})
    server.queue(_page([1], True), empty)
    with Client(base_url=server.url, dialect="openai") as client:
        assert len(list(client.responses.input_items("r"))) == 1
    assert len(server.requests) == 2


def test_leaving_a_stream_early_closes_it_without_waiting(server: ReplayServer) -> None:
    events = text_stream_events(list("abcdef"))
    server.queue(Reply.sse([sse_body(events[:6], done=False)], fault="stall"), Reply.json(MINIMAL_RESPONSE))
    with Client(base_url=server.url, timeout=30) as client:
        started = time.monotonic()
        with client.responses.create(model="m", stream=True) as stream:
            first = [next(stream), next(stream)]
        assert time.monotonic() - started < 5 and [e.type for e in first] == ["response.created", "response.output_item.added"]
        with pytest.raises(StopIteration):
            next(stream)
        assert client.responses.create(model="m").id == "resp_1"  # the client is still usable


async def test_leaving_an_async_stream_early_closes_it(server: ReplayServer) -> None:
    events = text_stream_events(list("abcdef"))
    server.queue(Reply.sse([sse_body(events[:6], done=False)], fault="stall"))
    async with AsyncClient(base_url=server.url, timeout=30) as client:
        stream = await client.responses.create(model="m", stream=True)
        async with stream:
            async for delta in stream.text_deltas():
                assert delta == "a"
                break
        assert stream.http_response.is_closed


def test_redaction_spares_placeholder_keys() -> None:
    assert Secret("sk-abcdefgh").redact("bad key sk-abcdefgh!") == "bad key ***!"
    assert Secret("x").redact("max tokens exceeded") == "max tokens exceeded"
