"""The shape of the code, guarded: each rule here was broken once and made the app harder to change.

Read from the source with `ast`, so comments and docstrings that mention a name do not count.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EVIDENCE = sorted((ROOT / "evidence").glob("*.py"))
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


@pytest.mark.parametrize("path", APP_CODE, ids=_rel)
def test_no_page_ends_early_and_no_private_streamlit_api(path):
    assert "stop" not in _st_attributes(path), f"{_rel(path)} calls st.stop(): use a plain if/else"
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


def test_links_are_built_in_one_place():
    """Every link goes through evidence/links.py (via url_state.link): nobody else urlencodes."""
    builders = [_rel(p) for p in [*EVIDENCE, *APP_CODE] if p.name != "links.py"
                and {"urllib.parse"} & _imports(p)
                and any(isinstance(n, ast.alias) and n.name in ("urlencode", "quote") for n in ast.walk(_tree(p)))]
    assert builders == []
