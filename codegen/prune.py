"""Pin the upstream specs: copy (OpenResponses) or slice (OpenAI) them into ``schema/`` and write the lock.

Usage: ``python -m codegen.prune [SPECS_DIR] [--file KEY=PATH ...]`` (default ``../shared/specs``;
``--file openai=new.json`` pins a freshly fetched upstream file for that key). Rerun on a spec bump.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from importlib.metadata import version
from pathlib import Path

from codegen.specs import LOCK, ROOT, SCHEMA_DIR, SPECS
from openresponses_sdk.specslice import responses_slice

TOOLS = ("openapi-python-client", "datamodel-code-generator", "jinja2")


def dumps(doc: object) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def pin(specs_dir: Path, files: dict[str, Path] | None = None) -> dict[str, object]:
    """Write schema/ and the lock from ``specs_dir`` (or, per key, from ``files``)."""
    files = files or {}
    unknown = set(files) - {s.key for s in SPECS}
    if unknown:
        raise SystemExit(f"--file: unknown key(s) {sorted(unknown)}; expected one of {[s.key for s in SPECS]}")
    lock: dict[str, object] = {"generator_tools": {t: version(t) for t in TOOLS}, "specs": {}}
    for spec in SPECS:
        source = files.get(spec.key, specs_dir / spec.shared_file)
        raw = source.read_bytes()
        doc = json.loads(raw)
        text = dumps(responses_slice(doc) if spec.sliced else doc)
        (SCHEMA_DIR / spec.committed).write_text(text, encoding="utf-8")
        lock["specs"][spec.key] = {  # type: ignore[index]
            "upstream_url": spec.upstream_url,
            "info_version": doc["info"]["version"],
            "upstream_file": spec.shared_file if spec.key not in files else source.name,
            "upstream_sha256": hashlib.sha256(raw).hexdigest(),
            "committed_file": f"schema/{spec.committed}",
            "committed_sha256": hashlib.sha256(text.encode()).hexdigest(),
            "sliced": spec.sliced,
        }
    LOCK.write_text(dumps(lock), encoding="utf-8")
    return lock


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m codegen.prune", description=__doc__)
    parser.add_argument("specs_dir", nargs="?", type=Path, default=ROOT.parent / "shared" / "specs")
    parser.add_argument("--file", action="append", default=[], metavar="KEY=PATH")
    args = parser.parse_args(argv)
    files = {}
    for item in args.file:
        key, sep, path = item.partition("=")
        if not sep:
            parser.error(f"--file expects KEY=PATH, got {item!r}")
        files[key] = Path(path)
    pin(args.specs_dir, files)


if __name__ == "__main__":
    main(sys.argv[1:])
    print(f"pinned {len(SPECS)} specs into {SCHEMA_DIR.relative_to(ROOT)}/ (lock: {LOCK.name})")
