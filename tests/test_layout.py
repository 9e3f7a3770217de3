"""The tree stays readable: no import circle in the package or the benchmarks, no module over
400 lines, and the tests mirror the package."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from helpers import ROOT

PACKAGE = ROOT / "src" / "seminar_nlp"
MAX_LINES = 400


def module_name(root: Path, path: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def imports(root: Path) -> dict[str, set[str]]:
    """Module -> the modules of the same tree it imports (at the top, in a function, or for
    type checking alike: a circle of any of them makes the code hard to follow)."""
    found: dict[str, set[str]] = {}
    for path in sorted(root.rglob("*.py")):
        name, package = module_name(root.parent, path)
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = name.split(".") if package else name.split(".")[:-1]
                if node.level:
                    base = base[:len(base) - node.level + 1]
                    module = ".".join([*base, node.module] if node.module else base)
                else:
                    module = node.module or ""
                targets.update(f"{module}.{alias.name}" for alias in node.names)
                targets.add(module)
        found[name] = targets
    modules = set(found)
    graph: dict[str, set[str]] = {}
    for name, targets in found.items():
        edges = set()
        for target in targets:
            # Importing a.b.c runs the __init__ of a and of a.b first: those are edges too,
            # except the packages the importing module is itself inside of.
            parts = target.split(".")
            for end in range(1, len(parts) + 1):
                edges.add(".".join(parts[:end]))
        graph[name] = {target for target in edges if target in modules and target != name
                       and not name.startswith(target + ".")}
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


@pytest.mark.parametrize("tree", [PACKAGE, ROOT / "benchmarks"], ids=["src", "benchmarks"])
def test_no_import_circle(tree: Path) -> None:
    assert circles(imports(tree)) == []


def test_a_circle_is_found(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from .b import x\n")
    (package / "b.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                  "    from .a import y\n")
    (package / "c.py").write_text("from . import a\n")
    assert circles(imports(package)) == [["pkg.a", "pkg.b"]]


def test_a_circle_through_a_package_init_is_found(tmp_path: Path) -> None:
    # pkg/low.py imports pkg.sub.x, which runs pkg/sub/__init__.py, which imports pkg.low
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("from ..low import y\n")
    (package / "sub" / "x.py").write_text("")
    (package / "low.py").write_text("from .sub.x import z\n")
    assert circles(imports(package)) == [["pkg.low", "pkg.sub"]]


def test_no_module_over_400_lines() -> None:
    long = {str(path.relative_to(ROOT)): lines for path in PACKAGE.rglob("*.py")
            if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_tests_mirror_the_package() -> None:
    """Every test folder under tests/ is a package folder of the same path."""
    folders = {path.relative_to(ROOT / "tests") for path in (ROOT / "tests").rglob("*")
               if path.is_dir() and path.name not in {"data", "__pycache__"}
               and "data" not in path.relative_to(ROOT / "tests").parts}
    strays = [str(folder) for folder in folders
              if not (PACKAGE / folder).is_dir()]
    assert strays == []
