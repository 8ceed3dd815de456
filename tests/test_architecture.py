"""The import graph of the package has no circle and no import runs to a higher layer."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "penalty_rules"

#: Layers, bottom up (docs/architecture.rst). A module may import its own layer and below.
LAYERS = [
    {"errors", "clock", "normalize", "inputs"},
    {"models"},
    {"i18n"},
    {"citations"},
    {"catalog", "ingest"},
    {"engine"},
    {"audit", "compare", "batch"},
    {"planning"},
    {"report"},
    {"service", "cli", "__main__", "progress"},
]


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("penalty_rules"):
                out.add(target)
                out.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("penalty_rules"))
    return out


MODULES = {_module(p): p for p in PACKAGE.rglob("*.py")}
GRAPH = {name: {t for t in _imports(path) if t in MODULES and t != name}
         for name, path in MODULES.items()}


def _layer(module: str) -> int | None:
    parts = module.split(".")
    if len(parts) < 2:
        return None  # the package itself re-exports the public API from every layer
    return next((i for i, names in enumerate(LAYERS) if parts[1] in names), None)


def test_every_module_has_a_layer() -> None:
    assert [m for m in MODULES if len(m.split(".")) > 1 and _layer(m) is None] == []


def test_no_import_runs_to_a_higher_layer() -> None:
    upward = [f"{source} → {target}" for source, targets in GRAPH.items()
              for target in targets
              if _layer(source) is not None and _layer(target) is not None
              and _layer(target) > _layer(source)]  # type: ignore[operator]
    assert upward == []


def test_the_import_graph_has_no_circle() -> None:
    graph = {m: {t for t in ts if t != "penalty_rules"} for m, ts in GRAPH.items()
             if m != "penalty_rules"}
    seen: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        seen[node] = 1
        stack.append(node)
        for nxt in graph.get(node, ()):
            if seen.get(nxt) == 1:
                cycle = [*stack[stack.index(nxt):], nxt]
                pytest.fail("import circle: " + " → ".join(cycle))
            if nxt not in seen:
                visit(nxt)
        stack.pop()
        seen[node] = 2

    for module in sorted(graph):
        if module not in seen:
            visit(module)
