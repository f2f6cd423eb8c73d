"""The cold-start entries (pages/<url_path>.py): why they exist is in tools/cold_start_entries.py.

Guarded bug: on a freshly started server the first visitor of /findings?topic=pain got Streamlit's
"Page not found" dialog and its file-named menu, because the process routes its first request by
pages/ file names. tests/browser/test_cold_start.py checks the behaviour on a real server."""

from __future__ import annotations

import sys
import tomllib

from components.site import PAGES
from tools import cold_start_entries
from tools.cold_start_entries import ROOT, expected, is_entry, stale


def test_every_non_default_page_has_an_up_to_date_entry():
    assert not stale(), f"run `python -m tools.cold_start_entries`: {[str(p) for p in stale()]}"
    assert len(expected()) == len([p for p in PAGES if not p.default]) > 0


def test_entries_only_hand_over_to_app_py():
    for path, text in expected().items():
        assert is_entry(path)
        assert text.count("\n") < 10 and 'runpy.run_path(' in text and '"app.py"' in text
        compile(text, str(path), "exec")


def test_no_entry_is_a_page_file():
    """An entry registered as a page would run app.py inside app.py."""
    files = {(ROOT / p.file).resolve() for p in PAGES}
    assert not files & set(expected())


def test_the_check_mode_fails_on_a_missing_entry_and_the_writer_restores_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cold_start_entries, "ROOT", tmp_path)
    (tmp_path / "pages").mkdir()
    monkeypatch.setattr(sys, "argv", ["cold_start_entries", "--check"])
    assert cold_start_entries.main() == 1
    assert "pages/findings.py: missing" in capsys.readouterr().err
    monkeypatch.setattr(sys, "argv", ["cold_start_entries"])
    assert cold_start_entries.main() == 0
    assert (tmp_path / "pages" / "findings.py").read_text() == expected()[tmp_path / "pages" / "findings.py"]
    monkeypatch.setattr(sys, "argv", ["cold_start_entries", "--check"])
    assert cold_start_entries.main() == 0


def test_legacy_menu_is_hidden_in_every_config():
    """The one legacy pass must not draw Streamlit's file-named menu, in development or production."""
    for config in (ROOT / ".streamlit" / "config.toml", ROOT / "deploy" / "streamlit" / "config.toml"):
        assert tomllib.loads(config.read_text())["client"]["showSidebarNavigation"] is False, config
