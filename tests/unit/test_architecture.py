"""The shape of the code, guarded: each rule here was broken once and made the app harder to change.

Read from the source with `ast`, so comments and docstrings that mention a name do not count.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EVIDENCE = sorted((ROOT / "evidence").rglob("*.py"))
APP_CODE = sorted([ROOT / "app.py", *(ROOT / "components").glob("*.py"), *(ROOT / "pages").glob("*.py")])


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def _st_attributes(path: Path) -> set[str]:
    """Names used as `st.<name>`."""
    return {node.attr for node in ast.walk(_tree(path))
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "st"}


def test_the_files_checked_here_exist():
    assert len(EVIDENCE) > 10 and len(APP_CODE) > 30


@pytest.mark.parametrize("path", EVIDENCE, ids=_rel)
def test_the_domain_does_not_import_streamlit(path):
    assert not {m for m in _imports(path) if m.split(".")[0] == "streamlit"}, \
        f"{_rel(path)} imports Streamlit: evidence/ is the domain, usable from the CLI and tests"


@pytest.mark.parametrize("path", APP_CODE, ids=_rel)
def test_only_url_state_touches_the_query_string(path):
    if path.name == "url_state.py":
        assert "query_params" in _st_attributes(path)
        return
    assert "query_params" not in _st_attributes(path), \
        f"{_rel(path)} uses st.query_params: read and write the URL through components/url_state.py"


def _functions_calling(path: Path, name: str) -> set[str]:
    return {f.name for f in ast.walk(_tree(path)) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
            for call in ast.walk(f) if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
            and isinstance(call.func.value, ast.Name) and call.func.value.id == "st" and call.func.attr == name}


@pytest.mark.parametrize("path", APP_CODE, ids=_rel)
def test_no_page_ends_early_and_no_private_streamlit_api(path):
    # The one exception: frame.enter() ends a cold server's bare legacy run once app.py has drawn the page.
    allowed = {"enter"} if _rel(path) == "components/frame.py" else set()
    assert _functions_calling(path, "stop") <= allowed and ("stop" not in _st_attributes(path) or allowed), \
        f"{_rel(path)} calls st.stop(): use a plain if/else"
    private = {m for m in _imports(path) if m.startswith("streamlit.") and m not in
               ("streamlit.delta_generator", "streamlit.testing.v1")}
    assert not private, f"{_rel(path)} imports Streamlit internals {private}: use the public API"


def _cached_functions(path: Path) -> list[ast.FunctionDef]:
    def is_cache(decorator: ast.expr) -> bool:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        return isinstance(target, ast.Attribute) and target.attr in ("cache_data", "cache_resource")
    return [node for node in ast.walk(_tree(path))
            if isinstance(node, ast.FunctionDef) and any(is_cache(d) for d in node.decorator_list)]


def test_every_cache_of_something_derived_from_the_base_keys_on_its_version():
    """One version stamp: caches key on `EvidenceBase.version`, never on id() or a fingerprint recomputed
    in a page. The loader itself is the one exception: it keys on the files' fingerprint to know when to
    read them again."""
    cached = {(path.name, f.name): f for path in APP_CODE for f in _cached_functions(path)}
    assert ("base_loader.py", "_load") in cached and len(cached) >= 5
    for (module, name), function in cached.items():
        if (module, name) == ("base_loader.py", "_load"):
            continue
        assert function.args.args[0].arg == "version", f"{module}:{name} is not keyed on the base's version"
    for path in APP_CODE:
        text = path.read_text(encoding="utf-8")
        assert "id(evidence)" not in text and (path.name == "base_loader.py" or "fingerprint(" not in text), \
            f"{_rel(path)} keys something on id() or recomputes the base's fingerprint"


def _calls_base(function: ast.FunctionDef) -> bool:
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "base"
               for n in ast.walk(function))


def test_built_things_are_cached_in_one_way_keyed_on_the_base_itself():
    """Download bytes and card text go through components/build_cache.py (keyed on the base's version by
    construction); nothing else keeps a hand-made LRU, and no cached function takes a version and then reads
    the global base, which could be a newer one than the version says."""
    for path in APP_CODE:
        if path.name == "build_cache.py":
            continue
        tree = _tree(path)
        assert not any(isinstance(n, ast.Name) and n.id == "OrderedDict" for n in ast.walk(tree)), \
            f"{_rel(path)} keeps its own LRU: use components/build_cache.BuildCache"
        for f in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
            takes_version = any(a.arg == "version" for a in f.args.args)
            lru = any("lru_cache" in ast.unparse(d) for d in f.decorator_list)
            assert not ((takes_version or lru) and _calls_base(f)), \
                f"{_rel(path)}:{f.name} is cached by version but reads the global base(): pass the base itself"


def test_links_are_built_in_one_place():
    """Every link goes through evidence/links.py (via url_state.link): nobody else urlencodes."""
    builders = [_rel(p) for p in [*EVIDENCE, *APP_CODE] if p.name != "links.py"
                and {"urllib.parse"} & _imports(p)
                and any(isinstance(n, ast.alias) and n.name in ("urlencode", "quote") for n in ast.walk(_tree(p)))]
    assert builders == []


# --- No import cycles inside evidence/, components/ and pages/ ---------------------------------------------------
# The graph is read from the source: module-level and function-level imports alike (an import inside a function
# that closes a cycle only hides it until that function runs). A page file (pages/take-homes.py) is a node too.

CYCLE_ROOTS = ("evidence", "components", "pages")


def _module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(root: Path = ROOT, folders: tuple[str, ...] = CYCLE_ROOTS) -> dict[str, dict[str, str]]:
    """{module: {module it imports: "file:line" of the import}}, for the modules in `folders` under `root`."""
    paths = {_module_name(p, root): p for folder in folders for p in sorted((root / folder).rglob("*.py"))}
    graph: dict[str, dict[str, str]] = {}
    for name, path in paths.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges = graph.setdefault(name, {})
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
                module = ".".join([*base, *([node.module] if node.module else [])])
                # `from package import module` imports that module; `from module import name`, the module.
                targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in paths else module for a in node.names]
            else:
                continue
            for target in targets:
                # `import a.b.c` runs the deepest of a.b.c, a.b, a that is ours
                while target and target not in paths:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    edges.setdefault(target, f"{path.relative_to(root)}:{node.lineno}")
    return graph


def import_cycles(graph: dict[str, dict[str, str]]) -> list[list[str]]:
    """One shortest cycle through each group of modules that import each other (Tarjan's strongly connected
    components), as [a, b, ..., a], the groups sorted by their first module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph.get(node, {}):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while not group or member != node:
                member = stack.pop()
                group.add(member)
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    cycles = []
    for group in groups:
        start = min(group)
        paths, frontier = {start: [start]}, [start]
        while frontier:  # breadth first inside the group: the shortest way back to start
            node = frontier.pop(0)
            for target in sorted(graph[node]):
                if target == start:
                    cycles.append([*paths[node], start])
                    frontier = []
                    break
                if target in group and target not in paths:
                    paths[target] = [*paths[node], target]
                    frontier.append(target)
    return sorted(cycles)


def _described(cycle: list[str], graph: dict[str, dict[str, str]]) -> str:
    return " → ".join(cycle) + " (" + ", ".join(graph[a][b] for a, b in zip(cycle, cycle[1:])) + ")"


def test_no_import_cycle_in_the_app_or_the_domain():
    """evidence/model.py and evidence/grade.py imported each other (the models check the wording rule, the rule
    named the models' vocabularies) until the vocabularies moved to evidence/vocabulary.py."""
    graph = import_graph()
    assert {"evidence.model", "components.frame", "pages.take-homes"} <= set(graph)
    cycles = import_cycles(graph)
    assert not cycles, "import cycles: " + "; ".join(_described(c, graph) for c in cycles) + \
        ". Move what both sides need into a module of its own, or pass it in."


def test_the_cycle_finder_finds_a_cycle_through_a_function_level_import(tmp_path):
    (tmp_path / "evidence").mkdir()
    (tmp_path / "evidence" / "__init__.py").write_text("from .load import load_base\n")
    (tmp_path / "evidence" / "load.py").write_text("from .model import Study\ndef load_base(): ...\n")
    (tmp_path / "evidence" / "model.py").write_text("class Study:\n    def check(self):\n"
                                                      "        from evidence.grade import rule\n")
    (tmp_path / "evidence" / "grade.py").write_text("from . import model\nrule = 1\n")
    graph = import_graph(tmp_path, ("evidence",))
    assert import_cycles(graph) == [["evidence.grade", "evidence.model", "evidence.grade"]]
    assert _described(import_cycles(graph)[0], graph) == \
        "evidence.grade → evidence.model → evidence.grade (evidence/grade.py:1, evidence/model.py:3)"


LINK_CALLS = {"link", "next_page_link", "page_link", "switch_page", "page_url"}


@pytest.mark.parametrize("path", [*EVIDENCE, *APP_CODE], ids=_rel)
def test_links_name_their_page_by_its_handle_not_by_a_string(path):
    """A link names its page as `Page.X` (evidence/links.py) or by a PageSpec, so a link to a page that does not
    exist fails on import, not on a reader's click."""
    for call in (n for n in ast.walk(_tree(path)) if isinstance(n, ast.Call) and n.args):
        name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
        first = call.args[0]
        if name in LINK_CALLS and isinstance(first, ast.Constant) and isinstance(first.value, str):
            pytest.fail(f"{_rel(path)}:{call.lineno} links to the page {first.value!r} by a string: use Page.<NAME>")


def test_every_page_handle_is_a_page_on_the_site_map():
    from components.site import BY_PATH
    from evidence.links import Page
    assert set(Page) == set(BY_PATH), "evidence/links.Page and components/site.PAGES list different pages"
