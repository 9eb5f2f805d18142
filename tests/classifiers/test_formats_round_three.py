"""Personal data in shapes of bodies that went out in clear (twenty-fourth round, formats round
three): Excel's text formula around a cell in CSV (``="张伟"``: fastcsv), a header row of cell
objects above rows of them (jsongrid.cell_header), a chart's axis of names (ECharts:
jsoncells.RowCells.axis), a compound key's value that does not cut (``{"姓名/性别": "张伟"}``:
jsoncompound), rows keyed by a table component's column model (Ant Design's ``columns`` and
``dataSource``, layui's ``cols``, AG Grid's ``columnDefs``: jsongrid.column_model), a Markdown table
in a JSON string (Run._table_text). Each leaked for the strict and the caseworker profile; the
look-alikes beside them come out as they went in."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from support.inspected import ROLES, json_leaks, out, unchanged_json

ID = "610902199001011235"  # checksum-valid, region 610902 (汉阴县)
ID2 = "610902194912310022"

LEAKS: list[tuple[Any, list[str]]] = [
    # A header row of cell objects above rows of them: each cell under its column's heading.
    ([[{"v": "姓名"}, {"v": "性别"}], [{"v": "张伟"}, {"v": "男"}], [{"v": "李娜"}, {"v": "女"}]], ["张伟", "李娜"]),
    ({"data": [[{"value": "姓名"}, {"value": "年龄"}], [{"value": "张伟"}, {"value": 80}]]}, ["张伟"]),
    (
        {"rows": [{"cells": [{"value": "姓名"}, {"value": "性别"}]}, {"cells": [{"value": "张伟"}, {"value": "男"}]}]},
        ["张伟"],
    ),
    # A chart's category axis (or legend) of names: a chart of amounts per person.
    ({"xAxis": {"data": ["张伟", "李娜"]}, "series": [{"data": [800, 650]}]}, ["张伟", "李娜"]),
    (
        {"xAxis": [{"type": "category", "data": ["王秀英", "李娜"]}], "yAxis": [{"type": "value"}]},
        ["王秀英", "李娜"],
    ),
    ({"legend": {"data": ["张伟", "李娜"]}, "series": []}, ["张伟", "李娜"]),
    # A compound key whose value does not cut (the gender left empty): a full name, judged as the name.
    ({"姓名/性别": "张伟"}, ["张伟"]),
    ({"data": [{"姓名/性别": "张伟", "age": 80}, {"姓名/性别": "李娜", "age": 70}]}, ["张伟", "李娜"]),
    # Rows keyed by a table component's column model: each value under its column's heading.
    (
        {
            "columns": [{"title": "姓名", "dataIndex": "f1"}, {"title": "性别", "dataIndex": "f2"}],
            "dataSource": [{"key": "1", "f1": "张伟", "f2": "男"}, {"key": "2", "f1": "李娜", "f2": "女"}],
        },
        ["张伟", "李娜"],
    ),
    (
        {
            "code": 0,
            "count": 2,
            "data": [{"f1": "张伟", "f2": "男"}, {"f1": "李娜", "f2": "女"}],
            "cols": [[{"field": "f1", "title": "姓名"}, {"field": "f2", "title": "性别"}]],
        },
        ["张伟", "李娜"],
    ),
    (
        {"columns": [{"label": "姓名", "prop": "c1"}], "tableData": [{"c1": "张伟"}, {"c1": "李娜"}]},
        ["张伟", "李娜"],
    ),
    ({"columnDefs": [{"headerName": "姓名", "field": "c1"}], "rowData": [{"c1": "张伟"}]}, ["张伟"]),
    # A Markdown table in a JSON string: read as a table, its headings key its cells.
    ({"report": "| 姓名 | 性别 |\n|---|---|\n| 张伟 | 男 |\n| 李娜 | 女 |"}, ["张伟", "李娜"]),
]


@pytest.mark.parametrize(("doc", "secrets"), LEAKS)
def test_personal_data_in_these_shapes_is_masked(doc: Any, secrets: list[str]) -> None:
    json_leaks(doc, secrets)


STAY: list[Any] = [
    [[{"v": "项目"}, {"v": "状态"}], [{"v": "周报"}, {"v": "已办结"}]],
    {"rows": [{"cells": [{"value": "项目"}, {"value": "状态"}]}, {"cells": [{"value": "周报"}, {"value": "已办结"}]}]},
    {"xAxis": {"data": ["一月", "二月", "三月"]}, "series": [{"data": [1, 2, 3]}]},
    {"xAxis": {"data": ["汉滨区", "汉阴县", "石泉县"]}, "series": [{"data": [1, 2, 3]}]},
    {"xAxis": {"data": ["低保", "特困", "孤儿"]}},
    {"xAxis": {"data": ["张伟", "合计"]}},  # one label no name: the axis is no list of persons
    {"xAxis": {"data": ["高新", "安康"]}},
    {"姓名/性别": "男"},
    {"姓名/性别": "合计"},
    {"性别/年龄": "男"},
    {
        "columns": [{"title": "项目", "dataIndex": "a"}, {"title": "状态", "dataIndex": "b"}],
        "dataSource": [{"a": "周报", "b": "已办结"}],
    },
    {"report": "| 项目 | 状态 |\n|---|---|\n| 周报 | 已办结 |"},
    {"bz": "a|b\nc|d"},
]


@pytest.mark.parametrize("doc", STAY)
def test_look_alikes_stay(doc: Any) -> None:
    unchanged_json(doc)


# Excel's text formula around a cell: quoted (its quotes doubled) or bare.
CSV_LEAKS = [
    (f'姓名,身份证号\n="张伟","=""{ID}"""\n="李娜","=""{ID2}"""\n', ["张伟", "李娜", ID, ID2]),
    (f'姓名,身份证号\n="张伟",="{ID}"\n="李娜",="{ID2}"\n', ["张伟", "李娜", ID, ID2]),
    ('姓名,性别\n="张伟",男\n="李娜",女\n', ["张伟", "李娜"]),
]


@pytest.mark.parametrize(("text", "secrets"), CSV_LEAKS)
def test_a_cell_in_excels_text_formula_is_masked_and_stays_one(text: str, secrets: list[str]) -> None:
    for role in ROLES:
        masked = out(text, "text/csv", role)
        for secret in secrets:
            assert secret not in masked, (role, secret, masked)
        # Still a CSV of the same shape, each cell the formula of its (masked) text, as Excel reads it.
        rows = list(csv.reader(io.StringIO(masked)))
        assert rows[0] == next(csv.reader(io.StringIO(text))), (role, masked)
        assert len(rows) == 3 and all(len(row) == 2 for row in rows), (role, masked)
        assert all(row[0].startswith('="') and row[0].endswith('"') for row in rows[1:]), (role, masked)


def test_a_business_value_in_excels_text_formula_stays() -> None:
    text = '项目,编号\n周报,="0012"\n方案,="0013"\n'
    for role in ROLES:
        assert out(text, "text/csv", role) == text, role


def test_the_caseworker_keeps_the_formula_around_a_partial_mask() -> None:
    masked = out(f'姓名,身份证号\n="张伟",="{ID}"\n', "text/csv", "caseworker")
    assert masked == '姓名,身份证号\n="张**",="610902********1235"\n', masked


def test_a_column_model_renames_only_keys_the_catalog_does_not_know() -> None:
    doc = {"columns": [{"title": "姓名", "dataIndex": "f1"}], "dataSource": [{"f1": "张伟", "bz": "已办结"}]}
    masked = json.loads(out(json.dumps(doc, ensure_ascii=False), "application/json", "outsourced"))
    assert masked["dataSource"][0]["f1"] != "张伟" and masked["dataSource"][0]["bz"] == "已办结", masked
    assert list(masked["dataSource"][0]) == ["f1", "bz"], masked
