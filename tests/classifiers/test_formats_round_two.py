"""Personal data in shapes of JSON bodies that went out in clear (twenty-third round, formats round
two): a key naming two fields over a value holding both (classifiers/compound_keys.py), typed
values (DynamoDB's, Firestore's), an ID number in two integers of a row (jsonrows.split_ids), a
mobile masked in part and written in groups beside a person, and the full name beside such a mobile
under keys that say nothing or in a line of text (masked_rows.py), a jqGrid's rows under its column
names (jsonshapes.grid), a two-character name padded to three's width (normalise.unpadded), a CSV table inside a JSON string
or its base64 (Run._table_text), a header row holding 性别 (jsonshapes.header_row), an XML cell
named by its attribute (markup). Each leaked for the strict and the caseworker profile; the
look-alikes beside them come out as they went in."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from support.inspected import ROLES, as_bodies, json_leaks, out, unchanged, unchanged_json

ID = "610902199001011235"  # checksum-valid, region 610902 (汉阴县)
ID2 = "610902194912310022"
MOBILE = "13812345678"

LEAKS: list[tuple[Any, list[str]]] = [
    # A key naming two fields, a value holding both, joined the same way.
    ({"data": {"姓名/性别": "张伟/男", "sfzh": ID}}, ["张伟", ID]),
    ({"姓名/性别": "张伟/男"}, ["张伟"]),
    ({"姓名／性别": "张伟 男"}, ["张伟"]),
    ({"xm_xb": "张伟_男"}, ["张伟"]),
    ({"data": [{"xm_xb": "张伟_男", "age": 80}, {"xm_xb": "李娜_女", "age": 70}]}, ["张伟", "李娜"]),
    ({"姓名、电话": f"张伟、{MOBILE}"}, ["张伟", MOBILE]),
    ({"rows": [{"姓名、电话": f"张伟、{MOBILE}"}, {"姓名、电话": "李娜、13912345678"}]}, ["张伟", "李娜"]),
    ({"姓名（身份证号）": f"张伟（{ID}）"}, ["张伟", ID]),
    ({"联系人及电话": f"张伟 {MOBILE}"}, ["张伟", MOBILE]),
    # Typed values: the key's evidence reaches the value its type wraps.
    ({"xm": {"S": "张伟"}, "sfzh": {"S": ID}, "age": {"N": "80"}}, ["张伟", ID]),
    ({"Item": {"xm": {"S": "张伟"}, "jhr": {"M": {"xm": {"S": "李娜"}}}}}, ["张伟", "李娜"]),
    (
        {"Items": [{"xm": {"S": "张伟"}, "sfzh": {"S": ID}}, {"xm": {"S": "李娜"}, "sfzh": {"S": ID2}}]},
        ["张伟", "李娜"],
    ),
    ({"fields": {"xm": {"stringValue": "张伟"}, "lxdh": {"stringValue": MOBILE}}}, ["张伟", MOBILE]),
    (
        {
            "documents": [
                {"name": "persons/1", "fields": {"xm": {"stringValue": "张伟"}, "age": {"integerValue": "80"}}}
            ]
        },
        ["张伟"],
    ),
    # An ID number in two or three cells of a row with no key (a number too long for an integer column).
    ([["张伟", 610902, 199001011235]], ["张伟", "199001011235"]),
    ({"xm": "张伟", "ids": [610902, 199001011235]}, ["199001011235"]),
    ({"data": [[610902, 199001011235, "李娜"]]}, ["李娜", "199001011235"]),
    (["张伟", "610902", "199001011235"], ["张伟", "199001011235"]),
    ([["张伟", 610902, 19900101, 1235]], ["张伟", "19900101"]),
    # A mobile masked in part, written in groups, beside a person: seven digits in clear to the strict profile.
    ([["张伟", "138-****-8000"]], ["张伟", "138-****-8000"]),
    ([["张**", "138 **** 8000", "男"]], ["138 **** 8000"]),
    ({"a": "张**", "b": "138-****-8000"}, ["138-****-8000"]),
    ([{"a": "张**", "b": "138-****-8000"}, {"a": "李**", "b": "139 **** 1234"}], ["138-****-8000", "139 **** 1234"]),
    # A full name beside a masked mobile under keys that say nothing: the row's name.
    ({"a": "张伟", "b": "138****8000"}, ["张伟", "138****8000"]),
    ({"a": "张伟", "b": "138****8000", "c": "男"}, ["张伟"]),
    ([{"a": "张伟", "b": "138****8000"}, {"a": "李娜", "b": "139****1234"}], ["张伟", "李娜"]),
    # jqGrid: the column names give the rows' keys (the column model's names) or their cells their meaning.
    (
        {
            "colNames": ["姓名", "身份证号"],
            "colModel": [{"name": "f1"}, {"name": "f2"}],
            "rows": [{"f1": "张伟", "f2": ID}],
        },
        ["张伟", ID],
    ),
    (
        {
            "colNames": ["姓名", "性别", "年龄"],
            "colModel": [{"name": "f1", "index": "f1"}, {"name": "f2"}, {"name": "f3"}],
            "rows": [{"f1": "张伟", "f2": "男", "f3": 80}, {"f1": "李娜", "f2": "女", "f3": 70}],
        },
        ["张伟", "李娜"],
    ),
    (
        {
            "colNames": ["姓名", "性别"],
            "page": 1,
            "rows": [{"id": 1, "cell": ["张伟", "男"]}, {"id": 2, "cell": ["李娜", "女"]}],
        },
        ["张伟", "李娜"],
    ),
    # A two-character name padded to three's width (张　伟), told by its shape: in a row, as a key, beside a masked mobile.
    ([["张\u3000伟", MOBILE]], ["张\u3000伟"]),
    ([["张 伟", ID]], ["张 伟"]),
    ([["张\u00a0伟", ID]], ["张\u00a0伟"]),
    ({"张\u3000伟": {"sfzh": ID}}, ["张\u3000伟"]),
    ({"a": "张\u3000伟", "b": "138****8000"}, ["张\u3000伟"]),
    # A CSV export inside a JSON string: read as one text, its headings keyed nothing.
    ({"code": 0, "data": "姓名,性别\n张伟,男\n李娜,女\n"}, ["张伟", "李娜"]),
    ({"data": "xm\txb\n张伟\t男\n"}, ["张伟"]),
    # A header row with a field only a person has (性别, which the catalog does not know): read as [key, value]
    # entries, 性别 was masked as 姓名's value and the names went out.
    ({"values": [["姓名", "性别"], ["张伟", "男"], ["李娜", "女"]], "range": "Sheet1!A1:B3"}, ["张伟", "李娜"]),
    ([["姓名", "性别"], ["张伟", "男"]], ["张伟"]),
    # Form state of several fields: each value held under its field's key (walked as a map before).
    ({"xm": {"value": "张伟", "dirty": False}, "dz": {"value": "汉滨区育才路12号"}}, ["张伟", "育才路12号"]),
]


# Seven digits of a mobile the strict profile must not see; the caseworker's writes it as it came.
STRICT_ONLY = ("138-****-8000", "138 **** 8000", "139 **** 1234", "138****8000")


@pytest.mark.parametrize(("doc", "secrets"), LEAKS)
def test_personal_data_in_these_shapes_is_masked(doc: Any, secrets: list[str]) -> None:
    shown = [s for s in secrets if s not in STRICT_ONLY]
    json_leaks(doc, shown)
    masked = out(json.dumps(doc, ensure_ascii=False), "application/json", "outsourced")
    for secret in secrets:
        assert secret not in masked, (secret, masked)


TEXT_LEAKS = [
    ("张**,138-****-8000,男\n李**,139 **** 1234,女", ["138-****-8000", "139 **** 1234"]),
    ("张** 138-****-8000 男", ["138-****-8000"]),
    # A full name beside a masked mobile in a line: the row's name.
    ("张伟 138****8000", ["张伟", "138****8000"]),
    ("张伟,138****8000,男\n李娜,139 **** 1234,女", ["张伟", "李娜"]),
]


@pytest.mark.parametrize(("text", "secrets"), TEXT_LEAKS)
def test_personal_data_in_these_lines_is_masked(text: str, secrets: list[str]) -> None:
    for role in ROLES:
        for body, media_type in as_bodies(text):
            masked = out(body, media_type, role)
            for secret in secrets:
                if role != "outsourced" and secret in STRICT_ONLY:
                    continue
                assert secret not in masked, (role, media_type, secret, masked)


STAY: list[Any] = [
    {"性别/年龄": "男/80"},
    {"xm_py": "zhang_wei"},
    {"create_time": "2024_01"},
    {"状态/类别": "已办结/低保"},
    {"status": {"S": "张伟"}},
    {"bz": {"stringValue": "已办结"}},
    {"a1": {"S": "周报"}, "b": {"N": "3"}},
    {"张伟": {"value": 1}, "李娜": {"value": 2}},
    [["张伟", 610902, 199001011236]],  # the check character does not hold
    [[123456, 789012345678]],
    [["张伟", 6109021990, 1011235]],  # seventeen digits
    {"amounts": [2024, 1, 15]},
    {"tags": ["610902", "199001011235"]},  # strings of digits with no person beside them
    [["订单A", "138-****-8000", "已付"]],
    {"a": "订单", "b": "138 **** 8000"},
    {"a": "王府井", "b": "138****8000"},
    {
        "colNames": ["项目", "状态"],
        "colModel": [{"name": "f1"}, {"name": "f2"}],
        "rows": [{"f1": "周报", "f2": "已办结"}],
    },
    {"colNames": ["名称", "金额"], "colModel": [{"name": "f1"}, {"name": "f2"}], "rows": [{"f1": "方案", "f2": 3}]},
    [{"a": "订单", "b": "138****8000"}, {"a": "已付", "b": "139****1234"}],
    {"bz": "项目,状态\n周报,已办结\n方案,待审"},
    # (a text of two lines and commas, no table; 张伟来访 was a name round eighteen masks, 群众 none)
    {"bz": "今天下午,群众来访\n说明情况,已处理"},
]


@pytest.mark.parametrize("doc", STAY)
def test_look_alikes_stay(doc: Any) -> None:
    unchanged_json(doc)


def test_a_csv_export_in_base64_is_masked() -> None:
    table = base64.b64encode("姓名,性别\n张伟,男\n李娜,女\n".encode()).decode()
    for role in ROLES:
        masked = json.loads(out(json.dumps({"file": table, "fileName": "a.csv"}), "application/json", role))
        text = base64.b64decode(masked["file"]).decode()
        assert "张伟" not in text and "李娜" not in text, (role, text)
        assert text.startswith("姓名,性别\n"), (role, text)


# Words padded so that are no names (a total, a development zone, a region): they stay beside a number.
PADDED_STAY: list[tuple[Any, str]] = [
    ([["合\u3000计", MOBILE]], "合\u3000计"),
    ([["高\u3000新", ID]], "高\u3000新"),
    ({"安\u3000康": {"sfzh": ID}}, "安\u3000康"),
]


@pytest.mark.parametrize(("doc", "word"), PADDED_STAY)
def test_padded_look_alikes_stay(doc: Any, word: str) -> None:
    for role in ROLES:
        assert word in out(json.dumps(doc, ensure_ascii=False), "application/json", role), role


XML_LEAKS = [
    '<rows><row><cell name="xm">张伟</cell><cell name="lxdh">13812345678</cell></row></rows>',
    '<rows xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><row><cell name="xm" xsi:nil="false">张伟</cell></row></rows>',
]


@pytest.mark.parametrize("body", XML_LEAKS)
def test_a_field_named_by_an_attribute_of_a_cell_is_masked(body: str) -> None:
    for role in ROLES:
        assert "张伟" not in out(body, "application/xml", role), role


CSV_LEAKS = [("张\u3000伟,13812345678,男\n李\u3000娜,13912345678,女\n", ["张\u3000伟", "李\u3000娜"])]


@pytest.mark.parametrize(("text", "secrets"), CSV_LEAKS)
def test_personal_data_in_these_csv_rows_is_masked(text: str, secrets: list[str]) -> None:
    for role in ROLES:
        masked = out(text, "text/csv", role)
        for secret in secrets:
            assert secret not in masked, (role, secret, masked)


TEXT_STAY = ["订单A,138-****-8000,已付", "订单A 138 **** 8000 已付", "王府井 138****8000", "订单A 138****8000"]


@pytest.mark.parametrize("text", TEXT_STAY)
def test_look_alike_lines_stay(text: str) -> None:
    unchanged(text)
