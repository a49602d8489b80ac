"""Stream lifecycle rules: order, sequence numbers, item and part nesting, and that the deltas add up.

Only event types the dialect's spec defines take part in the lifecycle and accumulation checks;
extension events (``slug:name``) and unknown events are kept for the sequence and after-terminal checks.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from openresponses_sdk.conformance._json import as_list, as_mapping
from openresponses_sdk.conformance.item_rules import check_output
from openresponses_sdk.conformance.report import Dialect, Finding
from openresponses_sdk.conformance.rules import finding
from openresponses_sdk.conformance.schema_rules import event_components

Event = Mapping[str, Any]
PartKind = Literal["content", "summary"]

TERMINAL: Mapping[str, str] = {
    "response.completed": "completed",
    "response.failed": "failed",
    "response.incomplete": "incomplete",
}
"""Terminal event type → the ``response.status`` it carries."""
_SNAPSHOTS = frozenset(
    {"response.created", "response.queued", "response.in_progress", *TERMINAL}
)
_PART_EVENTS: Mapping[str, tuple[PartKind, bool]] = {
    "response.content_part.added": ("content", True),
    "response.content_part.done": ("content", False),
    "response.reasoning_summary_part.added": ("summary", True),
    "response.reasoning_summary_part.done": ("summary", False),
}
_INDEX_KEY: Mapping[PartKind, str] = {
    "content": "content_index",
    "summary": "summary_index",
}
_ITEM_LIST: Mapping[PartKind, str] = {"content": "content", "summary": "summary"}
_OPAQUE = frozenset({"encrypted_content"})
_ADDED: Mapping[PartKind, str] = {
    "content": "response.content_part.added",
    "summary": "response.reasoning_summary_part.added",
}


@dataclass(frozen=True, slots=True)
class Family:
    """A delta/done event pair whose deltas concatenate to the done event's ``field``; the text lives
    in a part (``part`` kind, text in ``part_field``) or directly on the item (``item_field``)."""

    done: str
    field: str
    part: PartKind | None = None
    part_field: str = "text"
    item_field: str | None = None


FAMILIES: Mapping[str, Family] = {
    "response.output_text.delta": Family(
        "response.output_text.done", "text", "content"
    ),
    "response.refusal.delta": Family(
        "response.refusal.done", "refusal", "content", "refusal"
    ),
    "response.reasoning.delta": Family("response.reasoning.done", "text", "content"),
    "response.reasoning_text.delta": Family(
        "response.reasoning_text.done", "text", "content"
    ),
    "response.reasoning_summary_text.delta": Family(
        "response.reasoning_summary_text.done", "text", "summary"
    ),
    "response.function_call_arguments.delta": Family(
        "response.function_call_arguments.done", "arguments", item_field="arguments"
    ),
    "response.custom_tool_call_input.delta": Family(
        "response.custom_tool_call_input.done", "input", item_field="input"
    ),
    "response.mcp_call_arguments.delta": Family(
        "response.mcp_call_arguments.done", "arguments", item_field="arguments"
    ),
    "response.code_interpreter_call_code.delta": Family(
        "response.code_interpreter_call_code.done", "code", item_field="code"
    ),
}
"""Delta event type → its family."""
_DONE_FAMILIES: Mapping[str, tuple[str, Family]] = {
    f.done: (delta, f) for delta, f in FAMILIES.items()
}


@dataclass(slots=True)
class _Text:
    deltas: list[str] = field(default_factory=list[str])
    done: str | None = None

    def streamed(self) -> str | None:
        """What was streamed: the done event's value, else the concatenated deltas, else nothing."""
        if self.done is not None:
            return self.done
        return "".join(self.deltas) if self.deltas else None


@dataclass(slots=True)
class _Item:
    index: int
    id: str | None
    phantom: bool = False
    done: bool = False
    open_parts: dict[tuple[PartKind, int], int] = field(
        default_factory=dict[tuple[PartKind, int], int]
    )
    texts: dict[tuple[str, int | None], _Text] = field(
        default_factory=dict[tuple[str, int | None], _Text]
    )
    final: Mapping[str, Any] | None = None


class StreamChecker:
    """Feeds events one by one (``feed``) and collects findings; ``finish`` runs the end-of-stream rules."""

    def __init__(self, dialect: Dialect) -> None:
        self.dialect: Dialect = dialect
        self.known = event_components(dialect)
        self.findings: list[Finding] = []
        self._items: dict[int, _Item] = {}
        self._next_output = 0
        self._seqs: list[tuple[int, int]] = []
        self._max_seq: int | None = None
        self._terminal: int | None = None
        self._after_terminal_reported = False
        self._error_at: int | None = None
        self._response_id: object = None
        self._reported: set[tuple[object, ...]] = set()
        self._count = 0
        self._last: int | None = None

    def _add(
        self,
        rule: str,
        message: str,
        index: int | None,
        path: str = "",
        once: tuple[object, ...] | None = None,
    ) -> None:
        if once is not None:
            if once in self._reported:
                return
            self._reported.add(once)
        self.findings.append(finding(rule, message, path=path, event_index=index))

    def feed(self, index: int, event: Event) -> None:
        """Check one event (``index`` is its position in the stream, used in findings)."""
        kind = event.get("type")
        self._sequence(index, event.get("sequence_number"))
        if self._count == 0 and kind != "response.created":
            self._add(
                "stream.created-first",
                f"the first event is {kind!r}, expected 'response.created'",
                index,
            )
        self._count += 1
        self._last = index
        if self._terminal is not None:
            if not self._after_terminal_reported:
                self._after_terminal_reported = True
                self._add(
                    "stream.after-terminal",
                    f"{kind!r} comes after the terminal event (event {self._terminal})",
                    index,
                )
            return
        if self._error_at is not None and kind != "response.failed":
            self._add(
                "stream.error-failed",
                f"the error event {self._error_at} is followed by {kind!r}, "
                "expected 'response.failed'",
                index,
                once=("error-failed",),
            )
        if not isinstance(kind, str) or kind not in self.known:
            return  # extensions and unknown events: sequence checks only
        if kind in _SNAPSHOTS:
            self._snapshot(index, kind, event)
        elif kind == "error":
            self._error_at = index
        elif kind == "response.output_item.added":
            self._item_added(index, event)
        elif kind == "response.output_item.done":
            self._item_done(index, event)
        elif kind in _PART_EVENTS:
            self._part_event(index, event, *_PART_EVENTS[kind])
        elif kind in FAMILIES:
            self._delta(index, event, FAMILIES[kind])
        elif kind in _DONE_FAMILIES:
            self._text_done(index, event, *_DONE_FAMILIES[kind])
        elif "output_index" in event:
            item = self._item(index, event)
            if item is not None and "content_index" in event:
                self._open_part(index, event, item, "content")

    # --- sequence ------------------------------------------------------------------------------

    def _sequence(self, index: int, seq: object) -> None:
        if not isinstance(seq, int) or isinstance(seq, bool):
            return  # absence or a wrong type is a schema finding
        if self._max_seq is not None and seq <= self._max_seq:
            self._add(
                "stream.sequence-order",
                f"sequence_number {seq} does not increase (an earlier event had "
                f"{self._max_seq})",
                index,
                "sequence_number",
            )
        self._max_seq = seq if self._max_seq is None else max(seq, self._max_seq)
        self._seqs.append((seq, index))

    # --- response snapshots --------------------------------------------------------------------

    def _snapshot(self, index: int, kind: str, event: Event) -> None:
        snapshot = as_mapping(event.get("response"))
        if snapshot is None:
            return
        rid = snapshot.get("id")
        if self._response_id is None:
            self._response_id = rid
        elif rid != self._response_id:
            self._add(
                "stream.response-id",
                f"response.id is {rid!r}, the stream began with {self._response_id!r}",
                index,
                "response.id",
            )
        if kind == "response.created" and self._count > 1:
            self._add(
                "stream.created-first",
                "response.created appears again in the middle of the stream",
                index,
            )
        if kind not in TERMINAL:
            return
        self._terminal = index
        self._error_at = None
        status = snapshot.get("status")
        if status != TERMINAL[kind]:
            self._add(
                "stream.terminal-status",
                f"{kind} carries response.status {status!r}, expected "
                f"{TERMINAL[kind]!r}",
                index,
                "response.status",
            )
        if kind == "response.completed":
            for item in self._items.values():
                if not item.done and not item.phantom:
                    self._add(
                        "stream.item-done",
                        f"the item at output_index {item.index} was added but never done",
                        index,
                    )
        self._compare_output(index, snapshot)
        self.findings.extend(check_output(snapshot, path="response", event_index=index))

    def _compare_output(self, index: int, response: Mapping[str, Any]) -> None:
        """Terminal ``output[i]`` against the streamed item with the same id (else the same index)."""
        items = as_list(response.get("output"))
        if items is None:
            return
        by_id = {item.id: item for item in self._items.values() if item.id is not None}
        matched: set[int] = set()
        for i, got in enumerate(items):
            got_map = as_mapping(got)
            got_id = _text_or_none(got_map.get("id")) if got_map is not None else None
            streamed = by_id.get(got_id) if got_id is not None else None
            streamed = streamed or self._items.get(i)
            where = f"response.output[{i}]"
            if streamed is None:
                self._add(
                    "stream.response-output",
                    f"output[{i}] is in the terminal response but was never streamed",
                    index,
                    where,
                )
                continue
            matched.add(streamed.index)
            if streamed.index != i:
                self._add(
                    "stream.response-output",
                    f"output[{i}] (id {got_id!r}) was streamed at output_index "
                    f"{streamed.index}",
                    index,
                    where,
                )
            if streamed.final is not None:
                keys = _differing_keys(got_map, streamed.final)
                if keys:
                    self._add(
                        "stream.response-output",
                        f"output[{i}] differs from the item of output_item.done "
                        f"(fields: {', '.join(keys)})",
                        index,
                        where,
                    )
        for oi, streamed in sorted(self._items.items()):
            if oi not in matched and streamed.final is not None:
                self._add(
                    "stream.response-output",
                    f"the item streamed at output_index {oi} is missing from the "
                    f"terminal response",
                    index,
                    "response.output",
                )

    # --- items ---------------------------------------------------------------------------------

    def _item_added(self, index: int, event: Event) -> None:
        oi = event.get("output_index")
        item = event.get("item")
        if not isinstance(oi, int):
            return
        item_map = as_mapping(item)
        item_id = _text_or_none(item_map.get("id")) if item_map is not None else None
        if oi in self._items:
            self._add(
                "stream.output-index",
                f"output_index {oi} was already used by an earlier item",
                index,
                "output_index",
            )
        elif oi != self._next_output:
            self._add(
                "stream.output-index",
                f"output_index {oi} skips ahead: the next item should be at "
                f"{self._next_output}",
                index,
                "output_index",
            )
        self._items[oi] = _Item(oi, item_id)
        self._next_output = max(self._next_output, oi + 1)

    def _item(self, index: int, event: Event) -> _Item | None:
        """The open item an event refers to; findings when there is none or the item_id differs."""
        oi = event.get("output_index")
        if not isinstance(oi, int):
            return None
        item = self._items.get(oi)
        kind = event.get("type")
        if item is None:
            self._add(
                "stream.item-open",
                f"{kind} refers to output_index {oi}, but no item was added there",
                index,
                "output_index",
                once=("item-open", oi),
            )
            item = self._items[oi] = _Item(
                oi, _text_or_none(event.get("item_id")), phantom=True
            )
        elif item.done:
            self._add(
                "stream.item-open",
                f"{kind} refers to the item at output_index {oi}, which is already done",
                index,
                "output_index",
                once=("item-done", oi),
            )
        item_id = _text_or_none(event.get("item_id"))
        if item_id is not None and item.id is not None and item_id != item.id:
            self._add(
                "stream.item-id",
                f"item_id {item_id!r} differs from the id {item.id!r} of the item added at "
                f"output_index {oi}",
                index,
                "item_id",
                once=("item-id", oi, item_id),
            )
        return item

    def _item_done(self, index: int, event: Event) -> None:
        oi = event.get("output_index")
        final = as_mapping(event.get("item"))
        if not isinstance(oi, int) or final is None:
            return
        item = self._item(index, {**event, "item_id": final.get("id")})
        if item is None:
            return
        if item.open_parts:
            parts = ", ".join(
                f"{k} part {i} (added at event {at})"
                for (k, i), at in sorted(item.open_parts.items())
            )
            self._add(
                "stream.parts-done",
                f"output_item.done for output_index {oi} while {parts} is still open",
                index,
            )
        item.done = True
        item.final = final
        for (delta, part_index), text in item.texts.items():
            streamed = text.streamed()
            family = FAMILIES[delta]
            if streamed is None:
                continue
            if family.item_field is not None:
                got = final.get(family.item_field)
                where = f"item.{family.item_field}"
            elif family.part is not None and part_index is not None:
                got = _part_text(final, family.part, part_index, family.part_field)
                where = (
                    f"item.{_ITEM_LIST[family.part]}[{part_index}].{family.part_field}"
                )
            else:
                continue
            if got is not None and got != streamed:
                self._add(
                    "stream.item-text",
                    f"the done item's {where[5:]} {_clip(got)} differs from the streamed "
                    f"{_clip(streamed)}",
                    index,
                    where,
                )

    # --- parts ---------------------------------------------------------------------------------

    def _part_event(
        self, index: int, event: Event, part: PartKind, added: bool
    ) -> None:
        item = self._item(index, event)
        pi = event.get(_INDEX_KEY[part])
        if item is None or not isinstance(pi, int):
            return
        key = (part, pi)
        if added:
            if key in item.open_parts:
                self._add(
                    "stream.part-open",
                    f"{part} part {pi} of output_index {item.index} is added twice",
                    index,
                )
            item.open_parts[key] = index
            return
        if key not in item.open_parts:
            self._add(
                "stream.part-open",
                f"{event.get('type')} for {part} part {pi} of output_index {item.index}, "
                "which is not open",
                index,
                _INDEX_KEY[part],
                once=("part", item.index, key),
            )
            return
        del item.open_parts[key]
        done_part = as_mapping(event.get("part"))
        if done_part is None:
            return
        for (delta, part_index), text in item.texts.items():
            family = FAMILIES[delta]
            streamed = text.streamed()
            if (
                family.part != part
                or part_index != pi
                or streamed is None
                or family.part_field not in done_part
            ):
                continue
            got = done_part[family.part_field]
            if got != streamed:
                self._add(
                    "stream.part-text",
                    f"part.{family.part_field} {_clip(got)} differs from the streamed "
                    f"{_clip(streamed)}",
                    index,
                    f"part.{family.part_field}",
                )

    def _open_part(
        self, index: int, event: Event, item: _Item, part: PartKind
    ) -> int | None:
        pi = event.get(_INDEX_KEY[part])
        if not isinstance(pi, int):
            return None
        if (part, pi) not in item.open_parts:
            self._add(
                "stream.part-open",
                f"{event.get('type')} for {part} part {pi} of output_index {item.index}, "
                f"which is not open (no {_ADDED[part]} before it, or it is already done)",
                index,
                _INDEX_KEY[part],
                once=("part", item.index, (part, pi)),
            )
        return pi

    # --- text accumulation ---------------------------------------------------------------------

    def _text(
        self, index: int, event: Event, delta_type: str, family: Family
    ) -> _Text | None:
        item = self._item(index, event)
        if item is None:
            return None
        part_index = None
        if family.part is not None:
            part_index = self._open_part(index, event, item, family.part)
            if part_index is None:
                return None
        return item.texts.setdefault((delta_type, part_index), _Text())

    def _delta(self, index: int, event: Event, family: Family) -> None:
        delta = event.get("delta")
        text = self._text(index, event, str(event.get("type")), family)
        if text is not None and isinstance(delta, str):
            text.deltas.append(delta)

    def _text_done(
        self, index: int, event: Event, delta_type: str, family: Family
    ) -> None:
        value = event.get(family.field)
        text = self._text(index, event, delta_type, family)
        if text is None or not isinstance(value, str):
            return
        if text.deltas and "".join(text.deltas) != value:
            self._add(
                "stream.delta-sum",
                f"{family.field} {_clip(value)} is not the concatenation of the "
                f"{len(text.deltas)} deltas {_clip(''.join(text.deltas))}",
                index,
                family.field,
            )
        text.done = value

    # --- end -----------------------------------------------------------------------------------

    def finish(self) -> list[Finding]:
        """End-of-stream rules; returns every finding, in event order."""
        if self._count == 0:
            self._add("stream.terminal", "the stream has no events", None)
        elif self._terminal is None:
            self._add(
                "stream.terminal",
                "the stream ends without a terminal event (response.completed, "
                "response.failed or response.incomplete)",
                self._last,
            )
        if self._error_at is not None:
            self._add(
                "stream.error-failed",
                f"the error event {self._error_at} is not followed by response.failed",
                self._error_at,
                once=("error-failed",),
            )
        self._gaps()
        return sorted(
            self.findings, key=lambda f: -1 if f.event_index is None else f.event_index
        )

    def _gaps(self) -> None:
        first_index: dict[int, int] = {}
        for seq, index in self._seqs:
            first_index.setdefault(seq, index)
        ordered = sorted(first_index)
        for a, b in itertools.pairwise(ordered):
            if b - a > 1:
                self._add(
                    "stream.sequence-gap",
                    f"sequence_number jumps from {a} to {b}: {b - a - 1} event(s) "
                    "missing",
                    first_index[b],
                    "sequence_number",
                )


def check_lifecycle(events: Sequence[Event | None], dialect: Dialect) -> list[Finding]:
    """Lifecycle findings for one stream (``None`` entries are frames that did not decode: skipped)."""
    checker = StreamChecker(dialect)
    for index, event in enumerate(events):
        if event is not None:
            checker.feed(index, event)
    return checker.finish()


def split_streams(
    events: Sequence[Event | None],
) -> list[tuple[int, Sequence[Event | None]]]:
    """Cut a capture of several consecutive streams at each ``response.created`` that follows a terminal
    event; returns ``(offset, events)`` pairs."""
    cuts = [0]
    ended = False
    for i, event in enumerate(events):
        kind = event.get("type") if event is not None else None
        if kind == "response.created" and ended:
            cuts.append(i)
            ended = False
        elif isinstance(kind, str) and kind in TERMINAL:
            ended = True
    cuts.append(len(events))
    return [(a, events[a:b]) for a, b in itertools.pairwise(cuts) if b > a]


def _text_or_none(value: object) -> str | None:
    """An id as a string; other JSON (a schema finding already) does not identify anything."""
    return value if isinstance(value, str) else None


def _part_text(
    item: Mapping[str, Any], part: PartKind, index: int, part_field: str
) -> object:
    parts = as_list(item.get(_ITEM_LIST[part]))
    entry = (
        as_mapping(parts[index])
        if parts is not None and 0 <= index < len(parts)
        else None
    )
    return entry.get(part_field) if entry is not None else None


def _differing_keys(got: Mapping[str, Any] | None, b: Mapping[str, Any]) -> list[str]:
    """Top-level fields that differ, ignoring ``encrypted_content`` (opaque ciphertext, re-encrypted each
    time the item is serialized, so two copies of one item need not be byte-equal)."""
    if got is None:
        return ["<not an object>"]
    return sorted(k for k in {*got, *b} if k not in _OPAQUE and got.get(k) != b.get(k))


def _clip(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…'"
