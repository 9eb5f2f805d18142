"""Mutations of bodies as civil-affairs systems answer them (an HTML page, a SOAP response, a
JSON list, server-sent events, a multipart upload, a form, a text): tokens inserted, spans
deleted or duplicated, characters changed.

Two promises: the inspector answers every mutation with a result or an ``InspectionError``,
never a crash; and what it lets go under ``outsourced`` shows no resident ID and no mobile,
read as a client reads the body (character references, JSON's ``\\u`` escapes and a form's
escapes decoded, zero-width spaces dropped)."""

from __future__ import annotations

import html
import json
import re
import urllib.parse

from hypothesis import given, settings
from hypothesis import strategies as st

from classifiers.inspect import InspectionError
from support.inspected import INSPECTOR, PROFILES
from support.synth_people import make_id

ID = make_id(birth="19491231", seq="002")
MOBILE = "13912345678"
# Searched with digits on neither side: a mutation that glues a digit to one makes another number.
# A '%' beside one is no escape to a reader, who sees the number (the scanner reads such a text
# a second time with the '%' as a separator).
_SECRETS = re.compile(f"(?<![0-9])(?:{ID}|{MOBILE})(?![0-9])")
OUTSOURCED = PROFILES.for_roles(["outsourced"])
RUNS = settings(max_examples=600, deadline=None, derandomize=True)

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
_RECORD = {"xm": "张伟", "sfzh": ID, "lxdh": MOBILE, "bz": f"申请人张伟，电话{MOBILE}，身份证号{ID}", "je": 650.5}
_JSON = json.dumps({"code": 0, "data": {"rows": [_RECORD, dict(_RECORD, xm="李娜")], "total": 2}}, ensure_ascii=False)
_EVENTS = "".join(f"event: row\ndata: {json.dumps(_RECORD, ensure_ascii=False)}\n\n" for _ in range(2))
_CSV = f'姓名,身份证号,电话,备注\n张伟,{ID},{MOBILE},"申请人张伟，电话{MOBILE}"\n李娜,{ID},{MOBILE},无\n'
_MULTIPART = (
    '--XyZ\r\nContent-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n'
    f"{_JSON}\r\n--XyZ\r\n"
    'Content-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n'
    f"{_CSV}\r\n--XyZ--\r\n"
)
_FORM = urllib.parse.urlencode({"xm": "张伟", "sfzh": ID, "lxdh": MOBILE, "bz": f"身份证号{ID}"})
_TEXT = f"申请人：张伟\n身份证号：{ID}\n联系电话：{MOBILE}\n备注：无\n"
BODIES = {
    "text/xml": _SOAP,
    "text/html": _HTML,
    "application/json": _JSON,
    "text/event-stream": _EVENTS,
    "text/csv": _CSV,
    "multipart/form-data; boundary=XyZ": _MULTIPART,
    "application/x-www-form-urlencoded": _FORM,
    "text/plain": _TEXT,
}
_TOKENS = [
    *("<", ">", "/", '"', "'", "=", "&", ";", "<!--", "-->", "<![CDATA[", "]]>", "<![", "<?x ?>", "<!DOCTYPE x>"),
    *("&amp;", "&#x36;", "&#54;", "\u200b", "\r\n", "\x00", "\ufeff", "<br>"),
    *("<sfzh>", "</sfzh>", "<td>", "</td>", "<script>", "</script>", "<style>", "</style>", "<textarea>"),
    *("{", "}", "[", "]", ",", ":", "\\", "\\u0036", "null", "1e999", "data: ", "\n\n", "--XyZ", "%", "%36", "+"),
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


def _shown(body: bytes, media_type: str) -> str:
    text = body.decode("utf-8", "replace")
    if "form" in media_type and "multipart" not in media_type:
        text = urllib.parse.unquote_plus(text)
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    return html.unescape(text).replace("\u200b", "")


def _check(text: str, media_type: str) -> None:
    try:
        inspection = INSPECTOR.inspect(text.encode(), media_type, "utf-8", OUTSOURCED)
    except InspectionError:
        return
    shown = _shown(inspection.body, media_type)
    found = _SECRETS.search(shown)
    assert found is None, shown[max(0, found.start() - 60) : found.end() + 20] if found else ""


def test_the_unmutated_bodies_pass_masked() -> None:
    """The oracle can fail: each body holds the secrets, and passes with them masked."""
    for media_type, text in BODIES.items():
        assert _SECRETS.search(_shown(text.encode(), media_type)), media_type
        _check(text, media_type)


@RUNS
@given(st.sampled_from(sorted(BODIES)), st.lists(_MUTATION, min_size=1, max_size=3))
def test_a_mutated_body_is_refused_or_shows_nothing(
    media_type: str, mutations: list[tuple[str, int, int, int]]
) -> None:
    _check(_mutated(BODIES[media_type], mutations), media_type)
