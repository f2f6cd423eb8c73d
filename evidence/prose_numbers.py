"""Numbers in prose: every number a sentence states must come from a record the sentence cites.

"Pain fell 15.30 points" reads as a fact; this module makes sure 15.30 is in the structured data of a
study the same item cites, or is declared under `derived:` with arithmetic the validator recomputes.

Checked prose: a take-home's statement, expert_summary and certainty_reason (against the studies it
cites); an article claim's reason (against its studies); a study's summary (against itself). A study's
structured data: year, sample_size, studies_included, pmid, volume, issue, pages, the number of arms
and each arm's counts, each outcome's estimate, interval, p-value and n, the numbers written in its
title, population, age_range, condition, exposure, comparator, arm names and outcome name, measure,
unit and note, and the prevalence figures sourced from it. Never its summary, caveats or design_note.

A number: digits (3,097 = 3097; 18-45 is two numbers), or a spelled-out two...twenty, thirty...ninety,
hundred ("one" is not checked). An explicit sign must match; an unsigned number matches by magnitude.
Exempt: years 1900-2100, digits glued to a letter (T2, L5-S1, ACTRN...), 1st/2nd, "95% CI"-style
interval levels, "article 001", [1] markers, the 1 of "1 in 13", URLs and DOIs. A derived value's arithmetic may use only
+ - * / ( ), cited numbers, earlier derived values and the constants 1, 100 and 1000, and must agree with
the value to half a unit of its last written decimal.

Pure functions over the models; checks.py applies them, load.py reports them at file:line.
"""

from __future__ import annotations

import ast
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from .model import Derived, PrevalenceFigure, Study

# Spelled-out numbers that are checked; "one" is not (mostly "one study", "one snapshot").
_UNITS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_WORDS = {**_UNITS, **_TEENS, **_TENS, "hundred": 100}
# The lookahead on first letters lets the scan skip most positions at once (it runs on every prose field).
_WORD_RE = re.compile(
    rf"\b(?=[efhnst])(?:({'|'.join(_TENS)})-({'|'.join(_UNITS)})|({'|'.join(sorted(_WORDS, key=len, reverse=True))}))\b",
    re.IGNORECASE,
)

# Digits with optional comma thousands and decimals; a sign only where it cannot be a range dash.
_DIGITS_RE = re.compile(r"(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?")
_SIGNS = "-−+"
# Stretches of prose that hold digits but no quantity.
_EXEMPT_SPANS = re.compile(
    r"(?=[hH\d\[aA])(?:"
    r"https?://\S+"                                    # a URL
    r"|\b10\.\d{4,9}/\S+"                              # a DOI
    r"|\b(?:90|95|99)\s?%\s?(?:CI|UI|CrI|confidence|uncertainty|credible)\b"  # the level of an interval
    r"|\barticles?\s+\d+(?:\s*(?:,|and)\s*\d+)*"       # article 001, articles 001 and 004
    r"|\[\d+(?:\s*[,\u2013-]\s*\d+)*\]"               # [1], [1, 2] citation markers
    r"|(?<![\d.,])\b1(?= in \d))",                     # the 1 of "1 in 13" (the 13 is checked)
    re.IGNORECASE,
)
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")
# Operands derived arithmetic may use without a source: ratio to percent ((1 - 0.90) * 100), unit changes.
CONSTANTS = (1.0, 100.0, 1000.0)


@dataclass(frozen=True)
class Number:
    value: float
    signed: bool  # written with an explicit + or - sign
    text: str


def _is_year(digits: str, decimals: str | None, signed: bool) -> bool:
    return not decimals and not signed and len(digits) == 4 and 1900 <= int(digits) <= 2100


def numbers_in(text: str, exempt: bool = True) -> list[Number]:
    """The numbers a reader sees in `text`. With exempt=False (data fields) years and the like count too."""
    if exempt:
        text = _EXEMPT_SPANS.sub(lambda m: " " * len(m.group(0)), text)
    found: list[Number] = []
    for match in _DIGITS_RE.finditer(text):
        start, end = match.span()
        before = text[start - 1] if start else ""
        if before.isalpha() or before == "_" or (before in ".," and start > 1 and text[start - 2].isdigit()):
            continue  # T2, L5, ACTRN126..., e0229457: a name, not a quantity
        if before.isdigit():
            continue
        if _ORDINAL_SUFFIX.match(text, end):
            continue  # 1st, 12th
        digits, decimals = match.group(1), match.group(2)
        signed = False
        sign = 1.0
        if before and before in _SIGNS:
            ahead = text[start - 2] if start > 1 else ""
            if ahead.isalnum():
                if ahead.isalpha() and exempt:
                    continue  # COVID-19: the dash joins a name
            else:
                signed = True  # "(-25.33", " −5.27", "+4.54"; but "6.75-8.27" is a range
                sign = 1.0 if before == "+" else -1.0
        if exempt and _is_year(digits, decimals, signed):
            continue
        value = sign * float(digits.replace(",", "") + (decimals or ""))
        found.append(Number(value, signed, match.group(0) if not signed else before + match.group(0)))
    for match in _WORD_RE.finditer(text):
        if match.group(3):
            found.append(Number(float(_WORDS[match.group(3).lower()]), False, match.group(0)))
        else:
            found.append(Number(float(_TENS[match.group(1).lower()] + _UNITS[match.group(2).lower()]), False,
                                match.group(0)))
    return found


def _key(value: float) -> float:
    return round(value, 9)


class Pool:
    """The numbers an item may state: signed values, and magnitudes for unsigned mentions."""

    def __init__(self, values: Iterable[float] = ()) -> None:
        self.signed: set[float] = set()
        self.magnitudes: set[float] = set()
        self.add(values)

    def add(self, values: Iterable[float]) -> None:
        for v in values:
            self.signed.add(_key(v))
            self.magnitudes.add(_key(abs(v)))

    def has(self, number: Number) -> bool:
        return _key(number.value) in self.signed if number.signed else _key(abs(number.value)) in self.magnitudes


@lru_cache(maxsize=8192)
def _data_values(text: str) -> tuple[float, ...]:
    # Data texts repeat across records (units, measures), and each claim re-reads its studies.
    return tuple(n.value for n in numbers_in(text, exempt=False))


def _text_numbers(*texts: str | None) -> list[float]:
    return [v for t in texts if t for v in _data_values(t)]


def study_numbers(study: Study, figures: Sequence[PrevalenceFigure] = ()) -> list[float]:
    """The structured data of a study: what prose citing it may quote (never its summary or caveats)."""
    values: list[float] = [float(study.year)]
    values += [float(v) for v in (study.sample_size, study.studies_included) if v is not None]
    values += _text_numbers(study.pmid, study.volume, study.issue, study.pages, study.title, study.population,
                            study.age_range, study.condition, study.exposure, study.comparator)
    if study.arms:
        values.append(float(len(study.arms)))
    for arm in study.arms:
        values += [float(v) for v in (arm.randomised, arm.analysed) if v is not None]
        values += _text_numbers(arm.name)
    for o in study.outcomes:
        values += [v for v in (o.estimate, o.ci_low, o.ci_high, o.p_value) if v is not None]
        values += [float(o.n)] if o.n is not None else []
        values += _text_numbers(o.name, o.measure, o.unit, o.note)
    for f in figures:
        values += [v for v in (f.value, f.low, f.high, f.uncertainty_low, f.uncertainty_high) if v is not None]
    return values


class _Arithmetic(ast.NodeVisitor):
    """Evaluates + - * / over number literals, and lists the literals; anything else is refused."""

    def __init__(self) -> None:
        self.operands: list[float] = []

    def run(self, text: str) -> float:
        return self.visit(ast.parse(text, mode="eval").body)

    def visit_Constant(self, node: ast.Constant) -> float:
        if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
            raise ValueError("only numbers")
        self.operands.append(float(node.value))
        return float(node.value)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> float:
        if isinstance(node.op, ast.USub):
            return -self.visit(node.operand)
        if isinstance(node.op, ast.UAdd):
            return self.visit(node.operand)
        raise ValueError("unsupported")

    def visit_BinOp(self, node: ast.BinOp) -> float:
        left, right = self.visit(node.left), self.visit(node.right)
        ops = {ast.Add: lambda: left + right, ast.Sub: lambda: left - right, ast.Mult: lambda: left * right,
               ast.Div: lambda: left / right}
        if type(node.op) not in ops:
            raise ValueError("unsupported")
        return ops[type(node.op)]()

    def generic_visit(self, node: ast.AST) -> float:
        raise ValueError("unsupported")


def _tolerance(value: float) -> float:
    """Half a unit in the last decimal written: 13 accepts 12.5-13.5, 2.1 accepts 2.05-2.15."""
    text = repr(float(value))
    decimals = 0 if value == int(value) else len(text.split(".")[1].rstrip("0"))
    return 0.5 * 10 ** -decimals + 1e-9


def _g(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e6 else f"{value:.0f}"


def check_derived(derived: Sequence[Derived], pool: Pool, cited: str) -> list[tuple[tuple[str | int, ...], str]]:
    """Recompute each declared derivation; its operands must be cited data. Adds good values to `pool`."""
    faults: list[tuple[tuple[str | int, ...], str]] = []
    for i, d in enumerate(derived):
        where = ("derived", i, "arithmetic")
        calc = _Arithmetic()
        try:
            result = calc.run(d.arithmetic)
        except (SyntaxError, ValueError, ZeroDivisionError):
            faults.append((where, f"'{d.arithmetic}' is not arithmetic the validator can check "
                                  "(use numbers, + - * / and parentheses)"))
            continue
        missing = [v for v in calc.operands
                   if _key(abs(v)) not in pool.magnitudes and not any(math.isclose(v, c) for c in CONSTANTS)]
        if missing:
            many = len(missing) > 1
            faults.append((where, f"{'operands' if many else 'operand'} {', '.join(_g(v) for v in missing)} "
                                  f"{'are' if many else 'is'} not in the data of {cited}"))
            continue
        if not math.isclose(result, d.value, abs_tol=_tolerance(d.value)) and \
                not math.isclose(abs(result), abs(d.value), abs_tol=_tolerance(d.value)):
            faults.append((where, f"{d.arithmetic} = {result:.4g}, not {_g(d.value)}"))
            continue
        pool.add([d.value])
    return faults


def check_prose(fields: dict[str, str], derived: Sequence[Derived], pool: Pool, cited: str
                ) -> list[tuple[tuple[str | int, ...], str]]:
    """Faults as (path inside the record, message): derived first, then each prose field."""
    faults = check_derived(derived, pool, cited)
    for name, text in fields.items():
        missing: list[str] = []
        for number in numbers_in(text):
            if not pool.has(number) and number.text not in missing:
                missing.append(number.text)
        if missing:
            one = len(missing) == 1
            faults.append(((name,), f"{'the number' if one else 'the numbers'} {', '.join(missing)} "
                                    f"{'is' if one else 'are'} not in the data of {cited}: cite the record that reports "
                                    f"{'it' if one else 'them'}, or declare {'it' if one else 'them'} under derived: "
                                    "with the arithmetic"))
    return faults
