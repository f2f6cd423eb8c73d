"""Every page renders, with a friendly empty state, when the base has nothing (or nothing valid) to show.

Regression: pages/references.py took min()/max() of the study years and raised on an empty base.
The app is pointed at each broken base through EVIDENCE_DIR, as a curator's draft would be.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from components.site import PAGES
from evidence import DEFAULT_DIR, load_base
from evidence.kinds import BY_YAML_KEY
from tests.app.apptest_helpers import open_view


def _empty(target: Path) -> None:
    """No records at all: only the base's own metadata."""
    shutil.copy(DEFAULT_DIR / "meta.yaml", target)


def _no_files(target: Path) -> None:
    """Not even metadata: the folder holds no YAML file."""


def _every_study_held_back(target: Path) -> None:
    """Every study fails validation (a year in the future), so everything citing one is held back too."""
    for path in DEFAULT_DIR.glob("*.yaml"):
        shutil.copy(path, target)
    studies = yaml.safe_load((DEFAULT_DIR / "studies.yaml").read_text(encoding="utf-8"))
    for study in studies["studies"]:
        study["year"] = 2999
    (target / "studies.yaml").write_text(yaml.safe_dump(studies, allow_unicode=True), encoding="utf-8")


def _without(kind: str):
    def build(target: Path) -> None:
        for path in DEFAULT_DIR.glob("*.yaml"):
            if path.stem != kind:
                shutil.copy(path, target)
    build.__doc__ = f"Every kind but {kind}."
    return build


BASES = {"empty": _empty, "no-files": _no_files, "every-study-held-back": _every_study_held_back,
         **{f"no-{kind}": _without(kind) for kind in BY_YAML_KEY}}


@pytest.fixture(params=list(BASES), scope="module")
def broken_base(request, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp(request.param)
    BASES[request.param](target)
    return target


def test_the_broken_bases_are_what_their_names_say(broken_base):
    evidence = load_base(broken_base)
    name = broken_base.name.rstrip("0123456789")
    if name in ("empty", "no-files", "every-study-held-back"):
        assert not evidence.studies and not evidence.take_homes and not evidence.prevalence
    if name == "every-study-held-back":
        assert evidence.problems and len([h for h in evidence.held_back if h.kind == "studies"]) >= 28
    if name.startswith("no-"):
        kind = name.removeprefix("no-")
        assert kind == "files" or not getattr(evidence, BY_YAML_KEY[kind].field)


# What each page says when the kinds it shows are empty (home, get-help and methods show no records).
EMPTY_STATE = {
    "home": (("claims",), "There are no take-homes in the base yet."),
    "take-homes": (("claims",), "There are no take-homes in the base yet."),
    "findings": (("claims", "studies"), "There are no findings in the base yet."),
    "prevalence": (("prevalence",), "There are no prevalence figures in the base yet."),
    "evidence-map": (("studies",), "There are no studies in the base yet."),
    "claim-check": (("sources",), "There are no checked articles in the base yet."),
    "study": (("studies",), "There are no studies in the base yet."),
    "references": (("studies",), "There are no studies in the base yet."),
    "glossary": (("glossary",), "There are no glossary terms in the base yet."),
}


@pytest.mark.parametrize("spec", PAGES, ids=[p.url_path for p in PAGES])
def test_every_page_renders_with_a_friendly_empty_state(spec, broken_base, monkeypatch):
    monkeypatch.setenv("EVIDENCE_DIR", str(broken_base))
    at = open_view(spec.url_path)
    assert not at.exception, [e.value for e in at.exception]
    assert [t.value for t in at.title], "the page drew no title"
    evidence = load_base(broken_base)
    if evidence.problems:
        assert any("Some records are held back" in e.value for e in at.error), "the data-problem banner is missing"
    kinds, message = EMPTY_STATE.get(spec.url_path, ((), ""))
    if kinds and not any(getattr(evidence, BY_YAML_KEY[kind].field) for kind in kinds):
        assert message in [i.value for i in at.info], f"{spec.url_path} does not say it has nothing to show"
