"""``python -m codegen.overloads [--check]``: write the ``@overload`` blocks of ``responses()`` / ``aresponses()``.

Their return type depends on three arguments (the provider's dialect, ``stream``, ``response_format``), so
each function needs 19 overloads that repeat its ~35 parameters. They are rendered here from the
implementation's own signature (read from ``api.py``) and the table below, between the
``# region overloads`` / ``# endregion`` markers of ``api.py``; ``--check`` fails when they are stale.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from codegen.specs import ROOT

API = ROOT / "overrides" / "openresponses_sdk" / "api.py"

# (provider annotation, the dialects it may route to)
KINDS = [
    ("OpenResponsesProviderName", ["OR"]),
    ("OpenAIProviderName", ["OA"]),
    ("str | None = None", ["OR", "OA"]),
]
RESPONSE = {"OR": "ortypes.ResponseResource", "OA": "oatypes.Response"}
# (stream, response_format, return type per dialect: {d} = OR/OA, {r} = its response class, {a} = "Async" or "")
VARIANTS = [
    ("Literal[True]", "None = None", "{d}{a}Stream"),
    ("Literal[True]", "type[T]", "{d}{a}ParsedStream[T]"),
    ("Literal[True]", "Mapping[str, object]", "{d}{a}ParsedStream[object]"),
    ("Literal[False] | None = None", "None = None", "{r}"),
    ("Literal[False] | None = None", "type[T]", "ParsedResponse[{r}, T]"),
    ("Literal[False] | None = None", "Mapping[str, object]", "ParsedResponse[{r}, object]"),
]
VARIED = ("provider", "stream", "response_format")


def _implementation(tree: ast.Module, name: str) -> ast.FunctionDef | ast.AsyncFunctionDef:
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name and not node.decorator_list:
            return node
    raise SystemExit(f"{API}: no implementation of {name}()")


def _params(source: str, func: ast.FunctionDef | ast.AsyncFunctionDef) -> list[tuple[str, str]]:
    """``(name, "name: annotation[ = default]")`` of every parameter, in order, ``*`` included."""
    args = func.args

    def text(arg: ast.arg, default: ast.expr | None, prefix: str = "") -> tuple[str, str]:
        annotation = ast.get_source_segment(source, arg.annotation) if arg.annotation else None
        line = prefix + arg.arg + (f": {annotation}" if annotation else "")
        if default is not None:
            line += f" = {ast.get_source_segment(source, default)}"
        return arg.arg, line

    out = [text(a, None) for a in args.args]
    out.append(("*", "*"))
    out += [text(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True)]
    if args.kwarg is not None:
        out.append(text(args.kwarg, None, "**"))
    return out


def _overload(func: ast.FunctionDef | ast.AsyncFunctionDef, params: list[tuple[str, str]],
              varied: dict[str, str], returns: str) -> str:
    keyword = "async def" if isinstance(func, ast.AsyncFunctionDef) else "def"
    lines = [f"{name}: {varied[name]}" if name in varied else line for name, line in params]
    body = "".join(f"    {line},\n" for line in lines)
    return f"@overload\n{keyword} {func.name}(\n{body}) -> {returns}: ...\n"


def render(source: str, name: str) -> str:
    """Every overload of ``name``, most precise first, ending with the implementation's own signature."""
    func = _implementation(ast.parse(source), name)
    params = _params(source, func)
    missing = set(VARIED) - {n for n, _ in params}
    if missing:
        raise SystemExit(f"{API}: {name}() has no parameter(s) {sorted(missing)}")
    prefix = "Async" if isinstance(func, ast.AsyncFunctionDef) else ""
    blocks = []
    for provider, dialects in KINDS:
        for stream, fmt, template in VARIANTS:
            returns = " | ".join(template.format(d=d, r=RESPONSE[d], a=prefix) for d in dialects)
            varied = {"provider": provider, "stream": stream, "response_format": fmt}
            blocks.append(_overload(func, params, varied, returns))
    if func.returns is None:
        raise SystemExit(f"{API}: {name}() has no return annotation")
    returns = " ".join((ast.get_source_segment(source, func.returns) or "").split())
    blocks.append(_overload(func, params, {}, returns))
    return "\n\n".join(blocks)


def update(source: str) -> str:
    """``source`` with each ``# region overloads of NAME()`` block rendered anew."""
    out: list[str] = []
    lines = iter(source.splitlines(keepends=True))
    for line in lines:
        out.append(line)
        if line.startswith("# region overloads of "):
            name = line.removeprefix("# region overloads of ").split("(")[0]
            for skipped in lines:
                if skipped.startswith("# endregion"):
                    break
            else:
                raise SystemExit(f"{API}: '# region overloads of {name}()' has no '# endregion'")
            out.append(render(source, name) + skipped)
    return "".join(out)


def main(argv: list[str]) -> int:
    source = API.read_text(encoding="utf-8")
    new = update(source)
    if "--check" in argv:
        if new != source:
            print(f"{API.relative_to(ROOT)}: overloads are stale: run 'make generate'")
            return 1
        return 0
    if new != source:
        API.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
