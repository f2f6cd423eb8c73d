"""The rules a reader's report must pass, the per-visit limit, and how a reader's text is shown (escaped)."""

from __future__ import annotations

import pytest

from components.prose import inner_html
from evidence.reports.draft import (CONTACT, LABELS, LIMITS, SHOULD_SAY, SOURCE, TRAP, WHAT_IS_WRONG, Draft,
                                    bad_character, escaped, markdown_text, problems, rate_message, wait_seconds)


def _fields(draft: Draft) -> list[str]:
    return [p.field for p in problems(draft)]


def test_a_plain_report_passes_and_only_what_is_wrong_is_required():
    assert problems(Draft("The figure is 30%, the study says 13 in 100.")) == []
    assert problems(Draft("Wrong", "Right", "https://doi.org/10.1000/x", "reader@example.org")) == []


@pytest.mark.parametrize("text", ["", "   ", "\n\t \n"])
def test_an_empty_report_is_refused_naming_the_box(text):
    found = problems(Draft(text))
    assert [p.field for p in found] == [WHAT_IS_WRONG]
    assert "empty" in found[0].message and LABELS[WHAT_IS_WRONG] in found[0].message


@pytest.mark.parametrize("field", [WHAT_IS_WRONG, SHOULD_SAY, SOURCE])
def test_each_box_has_a_size_cap_and_says_it(field):
    at_limit = Draft(**{WHAT_IS_WRONG: "x", field: "y" * LIMITS[field]})
    assert problems(at_limit) == []
    over = problems(Draft(**{WHAT_IS_WRONG: "x", field: "y" * (LIMITS[field] + 1)}))
    assert [p.field for p in over] == [field]
    assert f"{LIMITS[field]:,}" in over[0].message and f"{LIMITS[field] + 1:,} characters" in over[0].message


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\ud800", "\ufffe", "\ufdd0"])
def test_control_and_binary_characters_are_refused(char):
    found = problems(Draft(f"ab{char}c"))
    assert [p.field for p in found] == [WHAT_IS_WRONG]
    assert "position 3" in found[0].message and "new lines and tabs are fine" in found[0].message


def test_new_lines_tabs_and_any_language_or_emoji_are_text():
    text = "Line one\r\nline two\ttabbed\nΔ 中文 עברית 👩‍⚕️ — “quoted”"
    assert bad_character(text) is None and problems(Draft(text)) == []


def test_a_contact_must_look_like_an_address():
    assert _fields(Draft("x", contact="not an address")) == [CONTACT]
    assert _fields(Draft("x", contact="a@b")) == [CONTACT]
    assert _fields(Draft("x", contact="reader@example.org")) == []


def test_the_bots_box_refuses_the_report_and_says_why():
    found = problems(Draft("A real-looking report", trap="http://spam.example"))
    assert [p.field for p in found] == [TRAP]
    assert LABELS[TRAP] in found[0].message and "spam" in found[0].message


def test_five_reports_in_ten_minutes_then_a_wait():
    now = 10_000.0
    assert wait_seconds([], now) == 0
    assert wait_seconds([now - 500, now - 400, now - 300, now - 200], now) == 0
    five = [now - 500, now - 400, now - 300, now - 200, now - 100]
    assert wait_seconds(five, now) == pytest.approx(100)  # the oldest leaves the window in 100 s
    assert wait_seconds(five, now + 100) == 0
    assert wait_seconds([now - 700] + five[1:], now) == 0, "one outside the window does not count"
    message = rate_message(100)
    assert "5 reports in the last 10 minutes" in message and "about 2 minutes" in message
    assert "your text is still here" in message


def test_a_readers_text_in_a_terminal_cannot_move_the_cursor_or_reverse_lines():
    nasty = "ok\x1b[2J\x1b]0;title\x07 ‮desrever\u2066 \r\nnext\tline"
    shown = escaped(nasty)
    assert "\x1b" not in shown and "\u202e" not in shown and "\u2066" not in shown and "\r" not in shown
    assert "\\x1b[2J" in shown and "\\u202e" in shown and "\\n" in shown and "\t" in shown
    assert escaped("a\nb", keep_lines=True) == "a\nb"


@pytest.mark.parametrize("text", ["[a link](javascript:alert(1))", "<script>alert(1)</script>", "![x](http://t/x.png)",
                                  "**bold** _it_ `code` $x^2$ :material/flag: &amp; <b>", "# Heading\n- list"])
def test_a_readers_or_curators_text_in_markdown_stays_text(text):
    html = inner_html(markdown_text(text))
    assert "<a " not in html and "<img" not in html and "<script" not in html and "<strong" not in html
    assert "<h1" not in html and "<li" not in html and "<code" not in html and 'class="icon"' not in html
