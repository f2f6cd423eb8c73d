"""Speed, measured not asserted: `make bench` (pytest-benchmark) prints the timings.

What matters for a user is a filter change: Streamlit reruns the page script, the base and the
facet index come from cache, and only selection and drawing run.
"""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from components.site import BY_PATH
from evidence import load_base
from evidence.findings import FindingsIndex, FindingsQuery

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def test_validate_whole_base(benchmark, base_dir):
    base = benchmark.pedantic(load_base, args=(base_dir,), rounds=3, iterations=1)
    assert base.ok and base.studies


def test_build_findings_index(benchmark, base_dir):
    base = load_base(base_dir)
    index = benchmark(FindingsIndex.build, base)
    assert index.findings


def test_select_findings(benchmark, base_dir):
    index = FindingsIndex.build(load_base(base_dir))
    query = FindingsQuery(topics=frozenset({"pain", "disability"}), designs=frozenset({"rct"}), text="running")
    benchmark(index.select, query)


def test_findings_filter_change_rerun(benchmark, base_dir, monkeypatch):
    """One server-side script run of the Findings page after a filter change (cached base and index)."""
    monkeypatch.setenv("EVIDENCE_DIR", str(base_dir))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page(BY_PATH["findings"].file).run()
    choices = iter([["pain"], ["disability"]] * 1000)

    def change_filter():
        at.multiselect(key="topic").set_value(next(choices)).run()

    benchmark.pedantic(change_filter, rounds=10, iterations=1, warmup_rounds=1)
    assert not at.exception
