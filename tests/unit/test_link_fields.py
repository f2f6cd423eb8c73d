"""Every link a reader can click is validated the one way: a field named like a link refuses javascript:."""

from __future__ import annotations

import inspect
import re

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from evidence import model

LINK_NAME = re.compile(r"(^|_)(url|link|href|report_to)$")
BAD = ["javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "vbscript:msgbox(1)"]
# The one validated link type, and the report target built on the same rule (mailto: as well as https://).
ALLOWED = {model.Url, model.ReportTarget}


def _models() -> list[type[BaseModel]]:
    return [c for _, c in inspect.getmembers(model, inspect.isclass)
            if issubclass(c, BaseModel) and c.__module__ == model.__name__]


def _link_fields() -> list[tuple[str, str, object]]:
    return [(m.__name__, name, f.annotation) for m in _models() for name, f in m.model_fields.items()
            if LINK_NAME.search(name)]


def test_the_walk_finds_every_kind_of_link():
    found = {(m, n) for m, n, _ in _link_fields()}
    assert {("Study", "url"), ("Guideline", "url"), ("Article", "url"), ("BaseMeta", "licence_url"),
            ("BaseMeta", "report_to")} <= found


@pytest.mark.parametrize("where", _link_fields(), ids=lambda f: f"{f[0]}.{f[1]}")
def test_a_link_field_uses_the_validated_link_type(where):
    owner, name, annotation = where
    assert set(getattr(annotation, "__args__", (annotation,))) - {type(None)} <= ALLOWED, (
        f"{owner}.{name} is {annotation}: use model.Url")
    adapter = TypeAdapter(annotation)
    for bad in BAD:
        with pytest.raises(ValidationError):
            adapter.validate_python(bad)
