"""No module inside disclosure_xblock imports another that imports it back.

Imports are read with ``ast`` at every level (module level and inside
functions): an import hidden in a function still ties the two modules
together, it only defers the failure.
"""
import ast
import pathlib

import disclosure_xblock

PACKAGE = "disclosure_xblock"
ROOT = pathlib.Path(disclosure_xblock.__file__).parent


def _module_name(path):
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules():
    return {
        _module_name(path): path
        for path in ROOT.rglob("*.py")
        if "migrations" not in path.parts
    }


def _resolve(name, modules):
    """The module ``name`` names, or the package holding it."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def _imports(module, path, modules):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                drop = node.level - 1 if is_package else node.level
                base = base[: len(base) - drop] if drop else base
                prefix = ".".join(base)
                base_name = f"{prefix}.{node.module}" if node.module else prefix
            else:
                base_name = node.module or ""
            # ``from pkg import name`` may import the submodule pkg.name.
            targets = [f"{base_name}.{alias.name}" for alias in node.names]
            targets.append(base_name)
        else:
            continue
        for target in targets:
            if not target.startswith(PACKAGE):
                continue
            resolved = _resolve(target, modules)
            if resolved and resolved != module:
                found.add(resolved)
    return found


def import_graph():
    modules = _modules()
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    # Importing a.b.c runs a/__init__ and a/b/__init__ first, so a module
    # depends on the packages above it too.
    for name in list(graph):
        for target in list(graph[name]):
            parent = target.rpartition(".")[0]
            while parent and parent != PACKAGE:
                if parent != name and not name.startswith(parent + "."):
                    graph[name].add(parent)
                parent = parent.rpartition(".")[0]
    return graph


def find_cycles(graph):
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, result = {}, {}, [], set(), []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for succ in sorted(graph.get(node, ())):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return result


def test_find_cycles_sees_a_loop_held_open_inside_a_function():
    graph = {"a": {"b"}, "b": {"a"}, "c": {"a"}}
    assert find_cycles(graph) == [["a", "b"]]


def test_imports_inside_functions_and_relative_imports_are_read(tmp_path):
    # The real graph must see function-level imports, or the test below would pass on the
    # loops it exists to catch.
    source = tmp_path / "b.py"
    source.write_text("def late():\n    from .a import thing\n    from . import c\n", encoding="utf-8")
    modules = {"disclosure_xblock.x.a": None, "disclosure_xblock.x.b": source,
               "disclosure_xblock.x.c": None}
    assert _imports("disclosure_xblock.x.b", source, modules) == {
        "disclosure_xblock.x.a", "disclosure_xblock.x.c"}


def test_no_import_cycles_inside_the_package():
    cycles = find_cycles(import_graph())
    assert cycles == [], "import cycles: " + "; ".join(" <-> ".join(c) for c in cycles)


# The engine and the rubric model stand on their own: the block, the CLI and grading build on
# them, never the other way round. (feedback/__main__ only starts the CLI at the package edge.)
LOWER_LAYERS = ("disclosure_xblock.feedback", "disclosure_xblock.rubric")
LOWER_LAYER_MAY_USE = LOWER_LAYERS + ("disclosure_xblock.patterns",)


def _inside(name, prefixes):
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def test_the_engine_and_rubric_model_do_not_import_the_block_side():
    offenders = sorted(
        f"{module} -> {target}"
        for module, targets in import_graph().items()
        if _inside(module, LOWER_LAYERS) and module != "disclosure_xblock.feedback.__main__"
        for target in targets
        if target != PACKAGE and not _inside(target, LOWER_LAYER_MAY_USE)
    )
    assert offenders == []
