"""The generator: each normalization pass, the Responses slice, deviations, determinism and drift."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from codegen import normalize as N
from codegen.__main__ import generate
from codegen.deviations import Deviation, apply_deviations
from codegen.ir import AliasDef, Builder, Enum, ModelDef, Ref, UnionDef, build
from codegen.specs import SCHEMA_DIR
from openresponses_sdk.specslice import responses_slice
from tests.conftest import REPO, SHARED

REF = "#/components/schemas/"


def doc(**schemas: Any) -> dict[str, Any]:
    return {"openapi": "3.1.0", "info": {"version": "t"}, "paths": {}, "components": {"schemas": schemas}}


def obj(tag: str | None = None, **props: Any) -> dict[str, Any]:
    properties = {"type": {"type": "string", "enum": [tag]}} if tag else {}
    properties.update(props)
    return {"type": "object", "properties": properties, "required": list(properties)}


def test_recursive_ref_becomes_ref() -> None:
    d = doc(F={"$recursiveAnchor": True, "type": "object", "properties": {"filters": {"type": "array", "items": {"$recursiveRef": "#"}}}})
    assert N.recursive_ref_to_ref(d) == 1
    assert d["components"]["schemas"]["F"]["properties"]["filters"]["items"] == {"$ref": REF + "F"}


def test_annotated_allof_is_unwrapped() -> None:
    d = doc(A=obj(), B={"type": "object", "properties": {"a": {"allOf": [{"$ref": REF + "A"}, {"description": "why"}]}}})
    assert N.unwrap_annotated_allof(d) == 1
    assert d["components"]["schemas"]["B"]["properties"]["a"] == {"$ref": REF + "A", "description": "why"}


def test_allof_extends_with_override() -> None:
    d = doc(
        Base={"type": "object", "properties": {"id": {"type": "integer"}, "x": {"type": "string"}}, "required": ["id"]},
        Child={"allOf": [{"$ref": REF + "Base"}, {"type": "object", "properties": {"id": {"type": "string"}}, "required": ["x"]}]},
    )
    assert N.flatten_allof(d) == 1
    child = d["components"]["schemas"]["Child"]
    assert child["properties"] == {"id": {"type": "string"}, "x": {"type": "string"}}
    assert child["required"] == ["id", "x"]


def test_single_variant_and_single_enum() -> None:
    d = doc(S={"oneOf": [{"type": "string", "enum": ["only"]}], "description": "outer"})
    assert N.collapse_single_variant(d) == 1
    assert N.single_enum_to_const(d) == 1
    assert d["components"]["schemas"]["S"] == {"description": "outer", "type": "string", "const": "only"}


def test_disallowed_fields_are_dropped() -> None:
    d = doc(W={"type": "object", "properties": {"stream": {"type": "boolean", "x-openresponses-disallowed": True},
                                                  "model": {"type": "string"}}, "required": ["stream", "model"]})
    assert N.drop_disallowed_fields(d) == 1
    assert d["components"]["schemas"]["W"] == {"type": "object", "properties": {"model": {"type": "string"}}, "required": ["model"]}


def test_titles_follow_component_names_and_freeform_objects_open() -> None:
    d = doc(T={"title": "Input text", "type": "object", "properties": {"p": {"title": "Item", "type": "object"}}})
    assert N.titles_from_component_names(d) == 2
    assert N.open_freeform_objects(d) == 1
    assert d["components"]["schemas"]["T"]["title"] == "T"
    assert d["components"]["schemas"]["T"]["properties"]["p"] == {"type": "object", "additionalProperties": True}


def test_inline_sse_union_becomes_a_component() -> None:
    d = doc(E=obj("e"))
    d["paths"] = {"/r": {"post": {"responses": {"200": {"content": {"text/event-stream": {"schema": {"oneOf": [{"$ref": REF + "E"}]}}}}}}}}
    assert N.inline_streaming_event_union(d) == 1
    assert d["components"]["schemas"]["StreamingEvent"] == {"oneOf": [{"$ref": REF + "E"}]}


def test_component_names_are_sanitized_and_refs_follow() -> None:
    d = doc(**{"P-2": obj(), "U": {"anyOf": [{"$ref": REF + "P-2"}, {"type": "string"}]}})
    assert N.sanitize_component_names(d) == 1
    assert "P2" in d["components"]["schemas"]
    assert d["components"]["schemas"]["U"]["anyOf"][0] == {"$ref": REF + "P2"}


def test_discriminator_mapping_and_role_subdispatch() -> None:
    user = obj("message", role={"type": "string", "const": "user"}, content={"type": "string"})
    asst = obj("message", role={"type": "string", "const": "assistant"}, content={"type": "string"})
    call = obj("function_call", name={"type": "string"})
    d = doc(User=user, Asst=asst, Call=call, Item={"oneOf": [{"$ref": REF + n} for n in ("User", "Asst", "Call")]})
    norm, _ = N.normalize(d)
    assert norm["components"]["schemas"]["Item"]["discriminator"] == {
        "propertyName": "type", "mapping": {"function_call": REF + "Call"}}
    module = build(norm, "Item")
    union = module.defs["Item"]
    assert isinstance(union, UnionDef)
    assert union.sub == {"message": ("role", {"user": "User", "assistant": "Asst"})}
    assert union.ambiguous == {} and module.report == []


def test_undiscriminable_union_is_reported() -> None:
    a = obj("message", content={"type": "string"})
    b = obj("message", text={"type": "string"})
    norm, _ = N.normalize(doc(A=a, B=b, U={"oneOf": [{"$ref": REF + "A"}, {"$ref": REF + "B"}]}))
    module = build(norm, "U")
    assert module.report == ["U: tag 'message' cannot be discriminated between A, B; tried in that order"]


def test_deviation_kinds_and_stale_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    d = doc(R={"type": "object", "properties": {"user": {"type": "string"}, "code": {"type": "string", "enum": ["a"]}},
               "required": ["user", "code"]})
    from codegen import deviations
    monkeypatch.setitem(deviations.DEVIATIONS, "test", (
        Deviation("R", "user", "optional", "x"), Deviation("R", "code", "open-enum", "y")))
    assert apply_deviations(d, "test") == 2
    r = d["components"]["schemas"]["R"]
    assert r["required"] == ["code"]
    assert r["properties"]["code"]["anyOf"][1] == {"type": "string"}
    monkeypatch.setitem(deviations.DEVIATIONS, "test", (Deviation("R", "gone", "optional", "z"),))
    with pytest.raises(KeyError, match="R.gone no longer matches the spec"):
        apply_deviations(d, "test")


def test_enum_types_become_literal_aliases() -> None:
    norm, _ = N.normalize(doc(S={"type": "string", "enum": ["a", "b"]}, R=obj(s={"$ref": REF + "S"})))
    b = Builder(norm)
    b.build_components()
    alias, model = b.defs["S"], b.defs["R"]
    assert isinstance(alias, AliasDef) and alias.type == Enum(("a", "b"))
    assert isinstance(model, ModelDef) and model.fields[0].type == Ref("S")


def test_openai_slice_matches_the_pinned_file() -> None:
    upstream = SHARED / "specs" / "openai" / "openapi-2026-08-21.json"
    if not upstream.is_file():
        pytest.skip(f"{upstream} not found (../shared is absent)")
    sliced = responses_slice(json.loads(upstream.read_text()))
    assert sliced == json.loads((SCHEMA_DIR / "openai-responses.json").read_text())
    assert sorted(sliced["paths"]) == ["/responses", "/responses/compact", "/responses/input_tokens",
                                       "/responses/{response_id}", "/responses/{response_id}/cancel",
                                       "/responses/{response_id}/input_items"]
    schemas = sliced["components"]["schemas"]
    assert len(schemas) == 332
    assert len(schemas["ResponseStreamEvent"]["anyOf"]) == 58
    assert len(schemas["Tool"]["oneOf"]) == 16


def test_lock_records_hashes_of_what_is_committed() -> None:
    import hashlib
    lock = json.loads((SCHEMA_DIR / "spec.lock.json").read_text())
    for entry in lock["specs"].values():
        committed = (REPO / entry["committed_file"]).read_bytes()
        assert hashlib.sha256(committed).hexdigest() == entry["committed_sha256"]
    assert set(lock["generator_tools"]) == {"openapi-python-client", "datamodel-code-generator", "jinja2"}


def test_generation_is_deterministic_and_matches_committed(tmp_path: Path) -> None:
    generate(tmp_path / "a")
    generate(tmp_path / "b")
    for f in sorted((tmp_path / "a").rglob("*.*")):
        rel = f.relative_to(tmp_path / "a")
        assert f.read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel
        assert f.read_bytes() == (REPO / "generated" / rel).read_bytes(), f"generated/{rel} drifted"


def test_every_object_schema_has_a_class_of_the_same_name() -> None:
    from openresponses_sdk import openai_types, types
    for file, module in (("openresponses.json", types), ("openai-responses.json", openai_types)):
        spec = json.loads((SCHEMA_DIR / file).read_text())
        for name, schema in spec["components"]["schemas"].items():
            if schema.get("properties") or "allOf" in schema:
                cls = getattr(module, name.replace("-", ""))
                assert hasattr(cls, "from_dict") and hasattr(cls, "to_dict"), name


def opc_errors(spec: dict[str, Any]) -> tuple[int, list[str]]:
    """Models and per-schema errors of openapi-python-client's parser on ``spec``."""
    from openapi_python_client.config import Config, ConfigFile, MetaType
    from openapi_python_client.parser.errors import GeneratorError
    from openapi_python_client.parser.openapi import GeneratorData

    config = Config.from_sources(ConfigFile(), MetaType.NONE, SCHEMA_DIR / "openresponses.json", "utf-8", True, None)
    data = GeneratorData.from_dict(spec, config=config)
    assert not isinstance(data, GeneratorError), data
    return len(list(data.models)), [str(e.header).strip() for e in data.errors]


def test_normalization_makes_the_specs_consumable_by_openapi_python_client() -> None:
    """Cross-check with openapi-python-client's parser: the published specs lose dozens of schemas,
    the normalized ones (almost) none. The one residual: OPC rejects OpenResponses' single-variant
    discriminated ``Tool`` union, which we keep a union so that new tool types stay ``UnknownTool``."""
    for file, raw_errors, residual in (("openai-responses.json", 48, []),
                                       ("openresponses.json", 33, ["Unable to process schema /components/schemas/Tool:"])):
        raw = json.loads((SCHEMA_DIR / file).read_text())
        assert len(opc_errors(raw)[1]) == raw_errors
        models, errors = opc_errors(N.normalize(raw)[0])
        assert errors == residual
        assert models > 80


@pytest.mark.parametrize(("release", "events"), [("2026-07-16", 53), ("2026-08-14", 53), ("2026-08-21", 58)])
def test_generator_copes_with_each_openai_release(release: str, events: int) -> None:
    """Regenerate-on-bump: every consecutive upstream release slices, normalizes, builds and compiles."""
    from codegen.render import render_module

    upstream = SHARED / "specs" / "openai" / f"openapi-{release}.json"
    if not upstream.is_file():
        pytest.skip(f"{upstream} not found (../shared is absent)")
    norm, _ = N.normalize(responses_slice(json.loads(upstream.read_text())))
    apply_deviations(norm, "openai")
    module = build(norm, "ResponseStreamEvent")
    stream = module.defs["ResponseStreamEvent"]
    assert isinstance(stream, UnionDef) and len(stream.tags) == events
    source = render_module(module, title="OpenAI", spec_version=release, mixins={"Response": "ResponseMixin"})
    compile(source, f"openai-{release}", "exec")


def test_nullable_component_is_unwrapped_and_refs_become_nullable() -> None:
    d = doc(E={"anyOf": [obj(code={"type": "string"}), {"type": "null"}], "description": "err"},
            R=obj(error={"$ref": REF + "E"}))
    assert N.unwrap_nullable_components(d) == 1
    comps = d["components"]["schemas"]
    assert comps["E"]["properties"] == {"code": {"type": "string"}} and comps["E"]["description"] == "err"
    assert comps["R"]["properties"]["error"] == {"anyOf": [{"$ref": REF + "E"}, {"type": "null"}]}


def test_sdk_only_properties_are_dropped() -> None:
    d = doc(R={"type": "object", "required": ["output_text", "id"], "properties": {
        "id": {"type": "string"},
        "output_text": {"anyOf": [{"type": "string", "x-oaiSupportedSDKs": ["python"]}, {"type": "null"}]}}})
    assert N.drop_sdk_only_properties(d) == 1
    assert d["components"]["schemas"]["R"] == {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}


def test_ref_and_union_siblings_keep_only_annotations() -> None:
    d = doc(A=obj(), U={"type": "object", "description": "u", "oneOf": [
        {"type": "object", "title": "Item", "description": "d", "$ref": REF + "A"}, {"$ref": REF + "A"}]})
    assert N.ref_siblings_are_annotations(d) == 2
    assert d["components"]["schemas"]["U"] == {"description": "u", "oneOf": [
        {"title": "Item", "description": "d", "$ref": REF + "A"}, {"$ref": REF + "A"}]}


# --- the overloads of api.py (codegen/overloads.py)


def test_api_overloads_are_in_sync_and_rendering_is_stable() -> None:
    from codegen import overloads

    source = overloads.API.read_text(encoding="utf-8")
    assert overloads.update(source) == source
    assert overloads.update(overloads.update(source)) == source


def test_api_overloads_follow_the_implementation_signature() -> None:
    from codegen import overloads

    source = overloads.API.read_text(encoding="utf-8")
    # a parameter added to the implementations only (after each region) reaches every overload
    head, *rest = source.split("# endregion\n")
    added = "    top_p: float | None = None,\n    seed: int | None = None,\n"

    def add(part: str) -> str:  # the implementation ends where the next region starts
        impl, marker, tail = part.partition("# region overloads of ")
        return impl.replace("    top_p: float | None = None,\n", added) + marker + tail

    changed = "# endregion\n".join([head, *map(add, rest)])
    assert changed.count("seed: int") == 2
    assert overloads.update(changed).count("    seed: int | None = None,\n") == 2 * (3 * 6 + 1) + 2
    # an edited overload is rendered back
    broken = source.replace(") -> ORParsedStream[T]: ...", ") -> ORStream: ...", 1)
    assert broken != source and overloads.update(broken) == source


def test_api_overloads_region_must_be_closed() -> None:
    from codegen import overloads

    source = overloads.API.read_text(encoding="utf-8")
    start = source.index("# region overloads of aresponses()")
    end = source.index("# endregion", start)
    with pytest.raises(SystemExit, match="has no '# endregion'"):
        overloads.update(source[:end] + source[end + len("# endregion"):].replace("# endregion", "# end", 1))
