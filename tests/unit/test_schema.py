"""The committed JSON Schema: up to date with the models, and true of every shipped YAML file.

YAML reads `last_reviewed: 2026-11-22` as a date object, which JSON Schema cannot see as the
string its `"format": "date"` describes. Each file is therefore passed through a JSON round trip
(`json.dumps(..., default=str)`) before validation, which is what an editor's YAML language
server does too.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

import evidence.__main__ as cli
from evidence.load import DEFAULT_DIR
from evidence.schema import SCHEMA_PATH, EvidenceFile, schema_json

GOLDEN = Path(__file__).resolve().parent / "golden"
SHIPPED = sorted(DEFAULT_DIR.glob("*.yaml"))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def as_json(path: Path):
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def flatten(error: jsonschema.ValidationError) -> list[str]:
    """An error's message plus those of its anyOf branches (optional fields are 'X or null')."""
    return [error.message] + [m for sub in error.context for m in flatten(sub)]


def test_the_committed_schema_is_what_the_models_generate():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_json()


def test_the_committed_schema_declares_draft_2020_12():
    assert json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))["$schema"] == \
        "https://json-schema.org/draft/2020-12/schema"


def test_schema_check_exits_0_when_up_to_date(capsys):
    assert cli.main(["schema", "--check"]) == 0
    assert capsys.readouterr().err == ""


def test_schema_check_fails_when_the_models_drift(monkeypatch, capsys):
    """A model change without `schema --write` must fail CI."""
    drifted = json.loads(schema_json())
    drifted["$defs"]["Study"]["properties"]["new_field"] = {"type": "string"}
    monkeypatch.setattr(cli, "schema_json", lambda: json.dumps(drifted, indent=2, sort_keys=True) + "\n")
    assert cli.main(["schema", "--check"]) == 1
    assert "is out of date: run `python -m evidence schema --write`" in capsys.readouterr().err


def test_schema_check_fails_when_the_file_was_edited_by_hand(monkeypatch, tmp_path, capsys):
    edited = tmp_path / "schema.json"
    edited.write_text(schema_json().replace('"Evidence base file"', '"Edited"'), encoding="utf-8")
    monkeypatch.setattr(cli, "SCHEMA_PATH", edited)
    assert cli.main(["schema", "--check"]) == 1


def test_schema_write_writes_the_file(monkeypatch, tmp_path):
    target = tmp_path / "schema.json"
    monkeypatch.setattr(cli, "SCHEMA_PATH", target)
    assert cli.main(["schema", "--write"]) == 0
    assert target.read_text(encoding="utf-8") == schema_json()


def test_the_schema_covers_every_kind():
    properties = json.loads(schema_json())["properties"]
    assert set(properties) == set(EvidenceFile.model_fields) == {"meta", "studies", "prevalence", "claims", "sources",
                                                                 "glossary", "guidelines", "red_flags",
                                                                 "searches"}
    assert json.loads(schema_json())["additionalProperties"] is False


def test_there_are_shipped_files_to_check():
    assert len(SHIPPED) >= 6


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_yaml_file_validates_against_the_schema(path, validator):
    problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(as_json(path))]
    assert problems == []


@pytest.mark.parametrize("case,fragment", [
    ("unknown-field", "Additional properties are not allowed ('titel' was unexpected)"),
    ("missing-required-field", "'journal' is a required property"),
    ("invalid-enum", "'randomised-trial' is not one of"),
    ("wrong-type", "'forty' is not of type 'integer'"),
    ("percentage-out-of-range", "120 is greater than the maximum of 100"),
    ("unknown-top-level-kind", "('findings' was unexpected)"),
    ("meta-bad-date", "'22 November 2026' is not a 'date'"),
])
def test_the_schema_catches_what_an_editor_can_flag_while_typing(case, fragment, validator):
    [path] = (GOLDEN / case).glob("*.yaml")
    messages = [m for e in validator.iter_errors(as_json(path)) for m in flatten(e)]
    assert any(fragment in m for m in messages), messages


def test_every_shipped_data_file_points_editors_at_the_schema():
    """Issue #9 item 10: the schema is the authoring guide, so each file names it for the YAML language server."""
    assert SHIPPED
    for path in SHIPPED:
        assert path.read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=../schema.json", path


def test_every_field_of_every_model_explains_itself_with_an_example():
    """Issue #9 item 10: an editor shows each field's description and an example while a curator types."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    missing = []
    for name, definition in schema["$defs"].items():
        for field, spec in definition.get("properties", {}).items():
            if "description" not in spec:
                missing.append(f"{name}.{field}: description")
            if "examples" not in spec and spec.get("type") != "array" and "$ref" not in str(spec.get("items", "")):
                missing.append(f"{name}.{field}: examples")
    assert not missing, missing
