"""Personal data in shapes of bodies that went out in clear (twenty-fifth round, formats round
four): a report engine's cells addressed by row and column (FineReport's ``{"r": 1, "c": 0, "v":
"张伟"}``: jsonaddressed), a table under ``head``/``thead``/``labels`` (jsonshapes.HEADER_FIELDS),
Chart.js's labels of names (jsoncells.RowCells.labels) and a CSV header in Excel's text formula
(``="xm",="sfzh"``: fastcsv) and a name padded to a roster's width in a record line (``张 伟，男，
80岁``: name_patterns._PROFILE_NAME_RE) and an XHTML table served as XML (markup._XHTML_ROOT). Each
leaked for the strict and the caseworker profile; the look-alikes beside them come out as they
went in."""

from __future__ import annotations

import json
from typing import Any

import pytest

from support.inspected import ROLES, json_leaks, leaks, out, unchanged, unchanged_json

ID = "610902199001011235"  # checksum-valid, region 610902 (汉阴县)


def _cells(rows: list[list[str]], row: str = "r", column: str = "c", value: str = "v") -> list[dict[str, Any]]:
    """A report engine's cells, one object a cell, addressed by row and column."""
    return [{row: r, column: c, value: text} for r, cells in enumerate(rows) for c, text in enumerate(cells)]


LEAKS: list[tuple[Any, list[str]]] = [
    # A report's cells by row and column: each value under the heading of its column's header cell.
    (_cells([["姓名", "性别"], ["张伟", "男"], ["李娜", "女"]]), ["张伟", "李娜"]),
    ({"cells": _cells([["姓名", "年龄"], ["张伟", "80"]], "row", "col", "text")}, ["张伟"]),
    # a title row above the header (one cell), and a row below missing a cell
    (
        {"cells": _cells([["低保名册"], ["姓名", "性别"], ["张伟", "男"], ["李娜"]], "row", "col", "value")},
        ["张伟", "李娜"],
    ),
    # A table's header under head, thead or labels, beside its rows.
    ({"head": ["姓名", "性别"], "body": [["张伟", "男"], ["李娜", "女"]]}, ["张伟", "李娜"]),
    ({"thead": ["姓名", "性别"], "tbody": [["张伟", "男"]]}, ["张伟"]),
    ({"data": {"head": ["姓名", "性别"], "data": [["张伟", "男"]]}}, ["张伟"]),
    ({"labels": ["姓名", "性别"], "rows": [["张伟", "男"]]}, ["张伟"]),
    # Chart.js: labels of names beside the datasets, a chart of amounts per person.
    ({"labels": ["张伟", "李娜"], "datasets": [{"label": "救助金", "data": [800, 650]}]}, ["张伟", "李娜"]),
]


@pytest.mark.parametrize(("doc", "secrets"), LEAKS)
def test_personal_data_in_these_shapes_is_masked(doc: Any, secrets: list[str]) -> None:
    json_leaks(doc, secrets)


STAY: list[Any] = [
    _cells([["项目", "状态"], ["周报", "已办结"], ["月报", "办理中"]]),
    {"cells": _cells([["项目", "状态"], ["张伟", "男"]], "row", "col", "text")},  # no heading names a person
    _cells([["月份", "金额"], ["一月", "800"], ["二月", "650"]]),
    {"head": ["项目", "状态"], "body": [["周报", "已办结"]]},
    {"labels": ["一月", "二月"], "datasets": [{"label": "救助金", "data": [800, 650]}]},
    {"labels": ["汉滨区", "汉阴县"], "datasets": [{"data": [800, 650]}]},
    {"labels": ["张伟", "合计"], "datasets": [{"data": [800, 650]}]},  # one label no name
    {"labels": ["张伟", "李娜"]},  # no chart: labels alone are no list of persons
]


@pytest.mark.parametrize("doc", STAY)
def test_look_alikes_stay(doc: Any) -> None:
    unchanged_json(doc)


def test_an_addressed_cell_keeps_its_address_and_members() -> None:
    doc = {"cells": [*_cells([["姓名", "性别"], ["张伟", "男"]]), {"r": 1, "c": 2, "v": "低保", "style": 3}]}
    masked = json.loads(out(json.dumps(doc, ensure_ascii=False), "application/json", "caseworker"))
    assert masked["cells"][2] == {"r": 1, "c": 0, "v": "张**"}, masked
    assert masked["cells"][3:] == doc["cells"][3:], masked  # 性别, and a cell under no heading


# A CSV header in Excel's text formula (="xm"): its text names the columns, as the cells' do.
CSV_LEAKS = [
    (f'="xm",="sfzh"\n="张伟",="{ID}"\n', ["张伟", ID]),
    ('="xm",="xb"\n张伟,男\n李娜,女\n', ["张伟", "李娜"]),
    ('"=""xm""","=""xb"""\n张伟,男\n', ["张伟"]),
]


@pytest.mark.parametrize(("text", "secrets"), CSV_LEAKS)
def test_a_header_in_excels_text_formula_names_its_columns(text: str, secrets: list[str]) -> None:
    for role in ROLES:
        masked = out(text, "text/csv", role)
        assert masked.split("\n", 1)[0] == text.split("\n", 1)[0], (role, masked)  # the header as it came
        for secret in secrets:
            assert secret not in masked, (role, secret, masked)


def test_a_business_csv_under_a_formula_header_stays() -> None:
    text = '="bh",="zt"\n="0012",="正常"\n'
    for role in ROLES:
        assert out(text, "text/csv", role) == text, role


# A name padded to a roster's width (a space or two, U+3000 a space once folded) before a gender and an age.
@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("张　伟，男，80岁", "伟"),
        ("张 伟 男 80岁", "伟"),
        ("王  芳，女，1950年3月出生", "芳"),
        ("张 秀 英，女，72岁", "秀 英"),
    ],
)
def test_a_padded_name_in_a_record_line_is_masked(text: str, given: str) -> None:
    leaks(text, [given])


@pytest.mark.parametrize("text", ["第 一 组，男，80岁", "合 计 男 80岁", "第 一 组", "合 计", "男 女 老 少"])
def test_padded_look_alikes_stay(text: str) -> None:
    unchanged(text)


# An XHTML table served as XML: its header row heads its columns, as in HTML (walked as XML, the
# heading after 姓名 was taken for its value and masked, and the names went out).
XHTML = [
    "<table><tr><th>姓名</th><th>性别</th></tr><tr><td>张伟</td><td>男</td></tr></table>",
    '<?xml version="1.0"?><!-- 导出 --><html xmlns="http://www.w3.org/1999/xhtml"><body><table><thead>'
    "<tr><th>姓名</th><th>年龄</th></tr></thead><tbody><tr><td>张伟</td><td>80</td></tr></tbody></table></body></html>",
]


@pytest.mark.parametrize("text", XHTML)
def test_an_xhtml_table_served_as_xml_is_read_as_a_table(text: str) -> None:
    for role in ROLES:
        for media_type in ("text/xml", "application/xml"):
            masked = out(text, media_type, role)
            assert "张伟" not in masked and "<th>姓名</th>" in masked, (role, media_type, masked)
            assert "<th>性别</th>" in masked or "<th>年龄</th>" in masked, (role, media_type, masked)


@pytest.mark.parametrize(
    "text",
    [
        "<table><tr><th>项目</th><th>状态</th></tr><tr><td>周报</td><td>已办结</td></tr></table>",
        "<report><table>低保</table><total>12</total></report>",  # an element named table in XML
    ],
)
def test_xml_look_alikes_stay(text: str) -> None:
    for role in ROLES:
        assert out(text, "text/xml", role) == text, role
