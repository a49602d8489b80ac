"""Pin the upstream specs: copy (OpenResponses) or slice (OpenAI) them into ``schema/`` and write the lock.

Usage: ``python -m codegen.prune [SPECS_DIR]`` (default ``../shared/specs``). Rerun on a spec bump.
"""

from __future__ import annotations

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


def pin(specs_dir: Path) -> dict[str, object]:
    lock: dict[str, object] = {"generator_tools": {t: version(t) for t in TOOLS}, "specs": {}}
    for spec in SPECS:
        raw = (specs_dir / spec.shared_file).read_bytes()
        doc = json.loads(raw)
        text = dumps(responses_slice(doc) if spec.sliced else doc)
        (SCHEMA_DIR / spec.committed).write_text(text, encoding="utf-8")
        lock["specs"][spec.key] = {  # type: ignore[index]
            "upstream_url": spec.upstream_url,
            "info_version": doc["info"]["version"],
            "upstream_file": spec.shared_file,
            "upstream_sha256": hashlib.sha256(raw).hexdigest(),
            "committed_file": f"schema/{spec.committed}",
            "committed_sha256": hashlib.sha256(text.encode()).hexdigest(),
            "sliced": spec.sliced,
        }
    LOCK.write_text(dumps(lock), encoding="utf-8")
    return lock


if __name__ == "__main__":
    pin(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "specs")
    print(f"pinned {len(SPECS)} specs into {SCHEMA_DIR.relative_to(ROOT)}/ (lock: {LOCK.name})")
