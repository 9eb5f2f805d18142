"""gateway/legible.py: what callers sent, shown so that it reads and does not act."""

from __future__ import annotations

import json

import pytest
from markupsafe import Markup

from gateway.legible import legible, legible_json, shown

ACTING = "\x1b[2J\r\n\t\x7f\x85\x9b\u00ad\u200b\u200e\u202e\u2066\u2028\u2029\ufeff\U000e0041\ue000\u0378"


def test_ordinary_text_is_shown_as_it_is() -> None:
    for text in ("zhangwei", "张伟(caseworker,辖区610902)", "王　芳 org/zhangwei", "auth0|5f3a"):
        assert legible(text) == text and shown(text) == text


def test_each_acting_character_is_written_by_its_code_point() -> None:
    assert legible("a" + ACTING + "b") == (
        "a<U+001B>[2J<U+000D><U+000A><U+0009><U+007F><U+0085><U+009B><U+00AD><U+200B><U+200E><U+202E>"
        "<U+2066><U+2028><U+2029><U+FEFF><U+E0041><U+E000><U+0378>b"
    )


def test_a_page_keeps_white_space_and_the_code_s_own_markup() -> None:
    """A rule's explanation is written in lines; the stylesheet and the charts are Markup."""
    assert shown("第一行\n第二行\t完") == "第一行\n第二行\t完"
    assert shown("a\u202eb\x1b") == "a<U+202E>b<U+001B>"
    css = Markup("body {\n  color: #000;\n}")
    assert shown(css) is css and shown(3) == 3 and shown(None) is None


@pytest.mark.parametrize(
    "value", [{"path": "/p/" + ACTING + "张伟"}, ["x\x9b", {"k\u202e": 1}], "plain 张伟", "lone \ud800 surrogate"]
)
def test_json_for_a_terminal_is_the_same_value_with_nothing_that_acts(value: object) -> None:
    text = legible_json(value)
    assert json.loads(text) == value
    assert not any(ch in text for ch in ACTING if ch not in "[2J\n")  # the indent's line breaks stay
    assert text.count("\n") == json.dumps(value, ensure_ascii=False, indent=2).count("\n")
    assert "\ud800" not in text  # a lone surrogate cannot even be written out as UTF-8
