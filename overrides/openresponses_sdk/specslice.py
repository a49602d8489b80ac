"""Cut the Responses API slice out of a full OpenAPI document.

The slice keeps the ``/responses*`` paths (without the ``?beta=true`` duplicates) and the transitive
closure of the component schemas they reference. Used by ``codegen/prune.py`` on a spec bump and by
``openresponses-sdk spec-diff`` so that two full upstream files can be compared slice to slice.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

JSON = dict[str, Any]
_SCHEMA_REF = "#/components/schemas/"


def _refs(node: object) -> Iterator[str]:
    """Yield every component-schema name referenced anywhere below ``node``."""
    stack: list[object] = [node]
    while stack:
        cur = stack.pop()
        if isinstance(cur, dict):
            items: list[tuple[object, object]] = list(cur.items())  # pyright: ignore[reportUnknownArgumentType]
            for key, value in items:
                if key in ("$ref", "$recursiveRef") and isinstance(value, str) and value.startswith(_SCHEMA_REF):
                    yield value[len(_SCHEMA_REF) :]
                else:
                    stack.append(value)
        elif isinstance(cur, list):
            elements: list[object] = cur  # pyright: ignore[reportUnknownVariableType]
            stack.extend(elements)


def responses_paths(spec: JSON) -> JSON:
    """The ``/responses*`` paths of ``spec``, without query-string duplicates, in upstream order."""
    return {p: op for p, op in spec.get("paths", {}).items() if p.startswith("/responses") and "?" not in p}


def schema_closure(spec: JSON, roots: object) -> list[str]:
    """Names of all component schemas reachable from ``roots``, sorted."""
    schemas: JSON = spec.get("components", {}).get("schemas", {})
    seen: set[str] = set()
    todo = list(_refs(roots))
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        if name not in schemas:
            raise KeyError(f"dangling $ref to #/components/schemas/{name}")
        seen.add(name)
        todo.extend(_refs(schemas[name]))
    return sorted(seen)


def responses_slice(spec: JSON) -> JSON:
    """Return a self-contained OpenAPI document with only the Responses API paths and their schemas."""
    paths = responses_paths(spec)
    if not paths:
        raise ValueError("spec has no /responses paths: is this a Responses API document?")
    schemas: JSON = spec["components"]["schemas"]
    out: JSON = {k: spec[k] for k in ("openapi", "info") if k in spec}
    out["paths"] = paths
    out["components"] = {"schemas": {n: schemas[n] for n in schema_closure(spec, paths)}}
    return out
