"""Turn pydantic's error records into sentences a curator can act on."""

from __future__ import annotations

from difflib import get_close_matches
from typing import Any

from pydantic import BaseModel


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing (null)"
    return f"{value!r}"


def _allowed_fields(model: type[BaseModel] | None) -> str:
    return ", ".join(model.model_fields) if model else ""


def plain_message(error: dict[str, Any], model: type[BaseModel] | None = None) -> str:
    """One pydantic error dict -> one plain sentence (no URLs, no 'type=' noise)."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        name = str(error["loc"][-1]) if error.get("loc") else ""
        close = get_close_matches(name, list(model.model_fields), n=1) if model else []
        if close:
            return f"unknown field '{name}': did you mean '{close[0]}'?"
        return f"unknown field '{name}' (allowed here: {_allowed_fields(model)})"
    if kind == "enum":
        return f"{_shown(value)} is not one of: {ctx.get('expected', '').replace(chr(39), '')}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"expected a whole number, got {_shown(value)}"
    if kind in ("float_parsing", "float_type"):
        return f"expected a number, got {_shown(value)}"
    if kind == "string_type":
        return f"expected text, got {_shown(value)}"
    if kind == "list_type":
        return f"expected a list, got {_shown(value)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a mapping of fields, got {_shown(value)}"
    if kind == "bool_parsing" or kind == "bool_type":
        return f"expected true or false, got {_shown(value)}"
    if kind.startswith("date"):
        return f"expected a date written YYYY-MM-DD, got {_shown(value)}"
    if kind == "greater_than_equal":
        return f"{_shown(value)} is below the minimum of {ctx['ge']:g}"
    if kind == "less_than_equal":
        return f"{_shown(value)} is above the maximum of {ctx['le']:g}"
    if kind == "too_short":
        count = ctx.get("min_length", 1)
        return f"needs at least {count} item{'s' if count != 1 else ''}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_pattern_mismatch":
        return f"{_shown(value)} does not match the expected pattern {ctx.get('pattern')}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return error["msg"]


def field_model(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel]:
    """The nested model a location points into, so 'allowed fields' lists the right ones."""
    current = model
    for part in loc[:-1]:
        if isinstance(part, int) or part not in current.model_fields:
            continue
        annotation = current.model_fields[part].annotation
        for candidate in getattr(annotation, "__args__", (annotation,)):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                current = candidate
    return current
