"""The stylesheets in assets/ and the one owner of colours, evidence/palette.py.

A colour written anywhere else (a CSS file, a component's SVG or chart) drifts from the palette, and its contrast
is checked nowhere: the files name custom properties (`var(--link)`) that palette.css_root() defines, and Python
code imports the palette's constants.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from PIL import ImageColor

from evidence import palette
from components.stylesheets import ASSETS, SITE, colours, css, stylesheet


ROOT = Path(__file__).resolve().parents[2]
SHEETS = sorted(ASSETS.glob("*.css"))
# Every CSS named colour (Pillow's table is the CSS Color Module's 148 names). Keywords that are no colour of
# ours are allowed: transparent (nothing), currentColor, inherit.
NAMED = frozenset(ImageColor.colormap)
HEX = re.compile(r"(?<![&\w])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})\b")
FUNCTION = re.compile(r"\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(", re.I)
# Keyword arguments that take a colour (Plotly's color/bgcolor/gridcolor, SVG-ish fill and stroke, ...).
COLOUR_ARGUMENT = re.compile(r"colou?r|fill|stroke|ink|background", re.I)


def _declarations(text: str) -> list[tuple[str, str]]:
    """(property, value) of every declaration of a stylesheet; comments, quoted strings and var() left out."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    found = []
    for block in re.findall(r"\{([^{}]*)\}", text):  # innermost blocks: the rules' declarations
        for declaration in block.split(";"):
            if ":" in declaration:
                name, value = declaration.split(":", 1)
                found.append((name.strip(), re.sub(r"\"[^\"]*\"|'[^']*'|var\([^)]*\)", "", value).strip()))
    return found


def _css_colours(text: str) -> list[str]:
    bare = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    found = HEX.findall(bare) + FUNCTION.findall(bare)
    for name, value in _declarations(text):
        found += [f"{name}: {word}" for word in re.findall(r"[A-Za-z]+", value) if word.lower() in NAMED]
    return found


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda p: p.name)
def test_a_stylesheet_holds_no_colour_of_its_own(sheet):
    found = _css_colours(sheet.read_text())
    assert not found, (f"assets/{sheet.name} writes colours {found}: add them to evidence/palette.py "
                       f"(CSS_COLOURS) and name them here as var(--name)")


def test_the_colour_check_sees_every_kind_of_colour():
    for text in ("a { color: #0b57a4; }", "a { color: #FFF }", "a { background: rgba(0, 0, 0, 0.1); }",
                 "a { color: hsl(0 0% 0%); }", "@media print { a { border: 1px solid white; } }",
                 "a { color: DarkSlateGrey !important }"):
        assert _css_colours(text), text
    for text in ("a { color: var(--link); border-left: 0.25rem solid transparent; }",
                 '.x { font-family: "Material Symbols Rounded"; white-space: nowrap; }  /* black on white */',
                 "a:hover { color: inherit; } #hatch { fill: currentColor; }"):
        assert not _css_colours(text), text


def _python_colours(source: str, where: str) -> list[str]:
    """Colour literals in a module's `source`: '#hex' or 'rgb(...)' in any string, a colour's name as a whole
    string. A badge's name (palette.BADGE: ':blue-badge[...]') is a name, not a colour, except as a colour
    argument."""
    tree = ast.parse(source, where)
    as_argument = {id(k.value) for node in ast.walk(tree) if isinstance(node, ast.Call) for k in node.keywords
                   if k.arg and COLOUR_ARGUMENT.search(k.arg)}
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        at = f"{where}:{node.lineno}"
        found += [f"{at}: {m}" for m in HEX.findall(node.value) + FUNCTION.findall(node.value)]
        name = node.value.strip().lower()
        if name in NAMED and (name not in palette.BADGE or id(node) in as_argument):
            found.append(f"{at}: {node.value!r}")
    return found


# Python that draws: every component, page and domain module (the PDFs, the QR codes) but the palette itself.
MODULES = sorted({*(ROOT / "components").glob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py",
                  *(ROOT / "evidence").rglob("*.py")} - {ROOT / "evidence" / "palette.py"})


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_colours_are_the_palettes_in_python_too(module):
    found = _python_colours(module.read_text(), str(module.relative_to(ROOT)))
    assert not found, f"colour literals outside evidence/palette.py (import the palette's constant): {found}"


def test_the_python_colour_check_sees_every_kind_of_colour():
    source = ('A = "#d9d9d9"\nB = f\'<rect fill="#fff" width="{1}"/>\'\nC = "rgb(0, 0, 0)"\n'
              'fig.update_layout(plot_bgcolor="white")\nD = {"x": "blue"}\nE = dict(color="blue")\n'
              'F = "url(#hatch)"\nG = "&#123;"\nH = ":blue-badge[x]"\n')
    found = sorted(_python_colours(source, "example.py"))
    assert found == ["example.py:1: #d9d9d9", "example.py:2: #fff", "example.py:3: rgb(", "example.py:4: 'white'",
                     "example.py:6: 'blue'"], found


# The plain pages' body text and page (evidence/site/), which the app's own sheets do not name.
PLAIN_PAGES_ONLY = {"ink", "paper"}


def test_every_colour_a_stylesheet_names_is_defined_once_and_every_defined_one_is_used():
    used = {name for sheet in SHEETS for name in re.findall(r"var\(--([a-z0-9-]+)\)", sheet.read_text())}
    defined = set(palette.CSS_COLOURS)
    assert used <= defined, f"undefined in components/palette.CSS_COLOURS: {sorted(used - defined)}"
    assert defined - PLAIN_PAGES_ONLY <= used, (
        f"defined in components/palette.CSS_COLOURS but named by no stylesheet: {defined - PLAIN_PAGES_ONLY - used}")
    root = palette.css_root()
    assert root.startswith(":root {") and root.count("{") == 1
    for name, light in palette.CSS_COLOURS.items():
        dark = palette.CSS_COLOURS_DARK[name]
        assert f"--{name}: {light if light == dark else f'light-dark({light}, {dark})'};" in root


def test_every_badge_colour_has_its_rule_with_its_own_colours():
    for name in palette.BADGE:
        assert (f".prose .badge-{name} {{ background: var(--badge-{name}-fill); color: var(--badge-{name}-ink); }}"
                in css("prose")), name


def test_every_stylesheet_file_is_sent_by_some_page():
    """A file nobody loads styles nothing: each is one of the site-wide sheets, named by a component, or one of the
    plain pages' (evidence/site/layout.py)."""
    from evidence.site.layout import SHEETS as PLAIN_SHEETS
    named = set(SITE) | set(PLAIN_SHEETS)
    for module in (ROOT / "components").glob("*.py"):
        named |= set(re.findall(r"""stylesheet\(\s*["']([a-z-]+)["']""", module.read_text()))
    files = {sheet.stem for sheet in SHEETS}
    assert files <= named, f"assets/ files no code loads: {sorted(files - named)}"
    assert named <= files, f"stylesheets named in code with no file in assets/: {sorted(named - files)}"


def test_stylesheets_are_style_blocks_read_once():
    assert stylesheet("nav", "table") == f"<style>\n{css('nav')}</style>\n<style>\n{css('table')}</style>\n"
    assert stylesheet("nav") is stylesheet("nav")  # cached: the file is read once a process
    assert colours() == f"<style>\n{palette.css_root()}</style>\n"
