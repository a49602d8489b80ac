"""``python -m codegen [OUT_DIR]``: regenerate every module under ``generated/`` (or OUT_DIR) from ``schema/``."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from codegen.deviations import apply_deviations
from codegen.ir import build, output_models
from codegen.normalize import normalize
from codegen.render import render_module
from codegen.specs import ROOT, SCHEMA_DIR, SPECS
from codegen.typeddicts import render_params


def generate(out: Path) -> list[str]:
    """Write all generated files below ``out``; return one summary line per spec."""
    lines: list[str] = []
    for spec in SPECS:
        doc = json.loads((SCHEMA_DIR / spec.committed).read_text(encoding="utf-8"))
        norm, counts = normalize(doc)
        params = render_params(norm, spec.title)
        counts["apply_deviations"] = apply_deviations(norm, spec.key)
        module = build(norm, spec.stream_union)
        pkg = out / spec.package
        pkg.mkdir(parents=True, exist_ok=True)
        mixins = dict(spec.mixins) | {m: "OutputItemMixin" for m in output_models(module, spec.output_item_union)}
        source = render_module(module, title=spec.title, spec_version=doc["info"]["version"], mixins=mixins,
                               input_item_param=spec.input_item_param)
        (pkg / "__init__.py").write_text(source, encoding="utf-8")
        (pkg / "params.py").write_text(params, encoding="utf-8")
        (pkg / "UNDISCRIMINATED.txt").write_text("".join(r + "\n" for r in module.report), encoding="utf-8")
        passes = ", ".join(f"{k}={v}" for k, v in counts.items() if v)
        lines.append(f"{spec.package}: {len(module.defs)} definitions; passes: {passes}")
    return lines


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "generated"
    start = time.perf_counter()
    for line in generate(target):
        print(line)
    print(f"generated into {target} in {time.perf_counter() - start:.1f}s")
