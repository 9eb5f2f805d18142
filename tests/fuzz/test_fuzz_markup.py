"""Mutations of an HTML page and a SOAP response as civil-affairs systems answer them: tokens
inserted, spans deleted or duplicated, characters changed.

Two promises: the inspector answers every mutation with a result or an ``InspectionError``,
never a crash; and what it lets go under ``outsourced`` shows no resident ID and no mobile,
character references decoded, zero-width spaces dropped."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from classifiers.inspect import InspectionError
from support.inspected import INSPECTOR, PROFILES
from support.synth_people import make_id

ID = make_id(birth="19491231", seq="002")
MOBILE = "13912345678"
# Searched with digits on neither side: a mutation that glues a digit to one makes another number.
_SECRETS = re.compile(f"(?<![0-9])(?:{ID}|{MOBILE})(?![0-9])")
OUTSOURCED = PROFILES.for_roles(["outsourced"])
RUNS = settings(max_examples=200, deadline=None, derandomize=True)

_SOAP = (
    '<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">'
    '<soap:Body><ns2:queryResponse xmlns:ns2="http://mz.example.cn/dibao"><return><xm>张伟</xm>'
    f"<sfzh>{ID}</sfzh><lxdh>{MOBILE}</lxdh><bz>申请人张伟，电话{MOBILE}，身份证号{ID}</bz>"
    f'<item name="sfzh" value="{ID}"/><!-- ok --><![CDATA[身份证号{ID}]]></return>'
    "</ns2:queryResponse></soap:Body></soap:Envelope>"
)
_HTML = (
    "<!DOCTYPE html><html><head><title>低保名册</title>"
    f'<script>var x = {{"sfzh": "{ID}"}};</script></head><body><table>'
    "<tr><th>姓名</th><th>身份证号</th><th>电话</th></tr>"
    f"<tr><td>张伟</td><td>{ID}</td><td>{MOBILE}</td></tr></table>"
    f'<p title="身份证号{ID}">备注：电话{MOBILE}</p><input value="{ID}"><!-- {ID} --></body></html>'
)
_TOKENS = [
    *("<", ">", "/", '"', "'", "=", "&", ";", "<!--", "-->", "<![CDATA[", "]]>", "<![", "<?x ?>", "<!DOCTYPE x>"),
    *("&amp;", "&#x36;", "&#54;", "\u200b", "\r\n", "\x00", "\ufeff", "<br>"),
    *("<sfzh>", "</sfzh>", "<td>", "</td>", "<script>", "</script>", "<style>", "</style>", "<textarea>"),
    ID,
    MOBILE,
    f"身份证号{ID}",
]
_MUTATION = st.tuples(
    st.sampled_from(("insert", "delete", "duplicate", "char")),
    st.integers(0, 1 << 16),
    st.integers(0, 1 << 16),
    st.integers(1, 60),
)


def _mutated(text: str, mutations: list[tuple[str, int, int, int]]) -> str:
    for kind, at, other, length in mutations:
        at %= len(text) + 1
        if kind == "insert":
            text = text[:at] + _TOKENS[other % len(_TOKENS)] + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + length :]
        elif kind == "duplicate":
            start = other % (len(text) + 1)
            text = text[:at] + text[start : start + length] + text[at:]
        else:
            text = text[:at] + chr(32 + other % 95) + text[at:]
    return text


def _check(text: str, media_type: str) -> None:
    try:
        inspection = INSPECTOR.inspect(text.encode(), media_type, "utf-8", OUTSOURCED)
    except InspectionError:
        return
    shown = html.unescape(inspection.body.decode("utf-8", "replace")).replace("\u200b", "")
    found = _SECRETS.search(shown)
    assert found is None, shown[max(0, found.start() - 60) : found.end() + 20] if found else ""


def test_the_unmutated_bodies_pass_masked() -> None:
    """The oracle can fail: each body holds the secrets, and passes with them masked."""
    for text, media_type in ((_SOAP, "text/xml"), (_HTML, "text/html")):
        assert _SECRETS.search(text)
        _check(text, media_type)


@RUNS
@given(st.lists(_MUTATION, min_size=1, max_size=3))
def test_a_mutated_soap_response_is_refused_or_shows_nothing(mutations: list[tuple[str, int, int, int]]) -> None:
    _check(_mutated(_SOAP, mutations), "text/xml")


@RUNS
@given(st.lists(_MUTATION, min_size=1, max_size=3))
def test_a_mutated_page_is_refused_or_shows_nothing(mutations: list[tuple[str, int, int, int]]) -> None:
    _check(_mutated(_HTML, mutations), "text/html")
