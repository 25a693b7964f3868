"""The package's import directions, as generator/__init__.py writes them down."""
import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import generator

LAYERS = ("shared", "word", "draft", "corpus", "lint", "serve", "console", "cli")
PACKAGE = Path(generator.__file__).parent


def modules():
    return sorted(m.name for m in pkgutil.walk_packages([str(PACKAGE)], "generator."))


def layer(module):
    parts = module.split(".")
    name = parts[1] if len(parts) > 1 else "shared"
    return LAYERS.index(name) if name in LAYERS else 0


def imports(module):
    """Every module ``module`` imports, at its top or inside a function."""
    spec = importlib.util.find_spec(module)
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative imports are not used; a stray one names its package
                base = module.rsplit(".", node.level)[0]
                found.add(f"{base}.{node.module}" if node.module else base)
            elif node.module:
                found.add(node.module)
                # ``from generator.word import office`` imports the module generator.word.office
                found.update(f"{node.module}.{a.name}" for a in node.names
                             if importlib.util.find_spec(node.module).submodule_search_locations
                             and f"{node.module}.{a.name}" in MODULES)
    return found


MODULES = modules()


def graph():
    return {m: {i for i in imports(m) if i in MODULES and i != m} for m in MODULES}


def test_every_module_imports():
    for module in MODULES:
        importlib.import_module(module)
    assert {"generator.cli", "generator.word.writer", "generator.draft.engine",
            "generator.corpus.outline", "generator.lint.rules"} <= set(MODULES)


def test_imports_only_go_leftwards():
    wrong = [(m, i) for m, targets in graph().items() for i in targets if layer(i) > layer(m)]
    assert wrong == []


def test_nothing_imports_the_command_line():
    users = {m for m, targets in graph().items() if "generator.cli" in targets}
    assert users == set()
    assert {m for m, targets in graph().items() if "generator.console" in targets} == {"generator.cli"}


def test_no_import_cycles():
    edges, cycles = graph(), []

    def visit(node, path):
        for nxt in sorted(edges[node]):
            if nxt in path:
                cycles.append(path[path.index(nxt):] + [nxt])
            elif nxt not in done:
                visit(nxt, path + [nxt])
        done.add(node)

    done = set()
    for module in MODULES:
        if module not in done:
            visit(module, [module])
    assert cycles == []


@pytest.mark.parametrize("package", ["jieba", "rjieba"])
def test_jieba_only_in_corpus(package):
    users = {m for m in MODULES if any(i.split(".")[0] == package for i in imports(m))}
    assert users and all(m.startswith("generator.corpus.") for m in users)


def test_a_forbidden_edge_is_caught(tmp_path, monkeypatch):
    """The checker itself: an import from word into lint is reported."""
    source = tmp_path / "probe.py"
    source.write_text("from generator.lint.rules import lint_file\n", encoding="utf-8")
    real = importlib.util.find_spec

    class Spec:
        origin = str(source)
        submodule_search_locations = None
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: Spec if name == "generator.word.probe" else real(name))
    targets = {i for i in imports("generator.word.probe") if i in MODULES}
    assert [(i, layer(i) > layer("generator.word.probe")) for i in targets] == [("generator.lint.rules", True)]


def test_web_framework_only_in_serve():
    users = {m for m in MODULES if any(i.split(".")[0] in ("starlette", "uvicorn") for i in imports(m))}
    assert users and all(m.startswith("generator.serve.") for m in users)
    assert {m for m, targets in graph().items() if any(t.startswith("generator.serve") for t in targets)
            and not m.startswith("generator.serve")} == {"generator.cli"}   # inside the serve command


def test_the_command_line_starts_without_the_web_framework():
    import subprocess
    import sys
    code = "import sys, generator.cli; print(sorted(m for m in ('starlette', 'uvicorn', 'generator.serve') if m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "[]\n"
