"""JSON Schema of the YAML files, generated from the models so it can never drift.

Point an editor's YAML language server at `evidence/schema.json` to get completion and
inline errors while curating (see the README).
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from .model import (BaseMeta, TakeHome, GlossaryTerm, Guideline, LiteratureSearch, PrevalenceFigure, RedFlagGroup,
                    Article, Study)

SCHEMA_PATH = Path(__file__).parent / "schema.json"


class EvidenceFile(BaseModel):
    """One YAML file of the base: any of these keys, each a list of records."""

    model_config = ConfigDict(extra="forbid", title="Evidence base file")

    meta: BaseMeta | None = None
    studies: list[Study] = Field(default_factory=list)
    prevalence: list[PrevalenceFigure] = Field(default_factory=list)
    claims: list[TakeHome] = Field(default_factory=list)
    sources: list[Article] = Field(default_factory=list)
    glossary: list[GlossaryTerm] = Field(default_factory=list)
    guidelines: list[Guideline] = Field(default_factory=list)
    red_flags: list[RedFlagGroup] = Field(default_factory=list)
    searches: list[LiteratureSearch] = Field(default_factory=list)


def schema_json() -> str:
    schema = EvidenceFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
