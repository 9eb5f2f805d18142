"""Personal data in shapes of bodies that went out in clear (twenty-seventh round, formats round
six): full names beside ID numbers in a list of objects under keys that say nothing (the column
pass: ``jsoncells.RowCells.column_names``), the same in YAML and TOML (the data's walk written into
the text: ``datatext.rewrite``), a relation graph in Cytoscape's form and one of persons beside
households whose nodes say their type (``jsongraph``), and the names in a workbook's or a
document's printer settings (``printersettings``). Each leaked for the strict and the caseworker
profile; the look-alikes beside them come out as they went in."""

from __future__ import annotations

import io
import json
import struct
import zipfile
from typing import Any

import docx
import openpyxl
import pytest

from classifiers.inspect import InspectionError
from classifiers.mediatypes import DOCUMENT, WORKBOOK
from support.inspected import INSPECTOR, PROFILES, ROLES, body_leaks, json_leaks, out, unchanged_json

ID = "610902199001011235"  # checksum-valid, region 610902 (汉阴县)
ID2 = "610902198505052343"
ID3 = "610901197203154124"  # 610901: 汉滨区


def _cytoscape(labels: list[str]) -> dict[str, Any]:
    nodes = [{"data": {"id": f"n{i}", "label": label}} for i, label in enumerate(labels)]
    return {
        "elements": {"nodes": nodes, "edges": [{"data": {"id": "e1", "source": "n0", "target": "n1", "label": "母子"}}]}
    }


LEAKS: list[tuple[Any, list[str]]] = [
    # A column of full names beside a column of ID numbers, under keys that say nothing.
    ([{"a": "张伟", "b": ID}, {"a": "李娜", "b": ID2}], ["张伟", "李娜", ID, ID2]),
    (
        {"list": [{"a": "张伟", "b": ID}, {"a": "李娜", "b": ID2}, {"a": "王秀英", "b": ID3}]},
        ["张伟", "李娜", "王秀英"],
    ),
    (
        [{"b": ID, "a": "张伟", "c": "2024-01-01", "d": 800}, {"b": ID2, "a": "李娜", "c": "2024-02-01", "d": 650}],
        ["张伟", "李娜"],
    ),
    ([{"a": "张伟", "b": ID}], ["张伟", ID]),  # a list of one such object
    # Cytoscape: the nodes' members one object deeper, under data; a node known by its id alone.
    (_cytoscape(["张伟", "李娜"]), ["张伟", "李娜"]),
    (
        {
            "elements": {
                "nodes": [{"data": {"id": "张伟"}}, {"data": {"id": "李娜"}}],
                "edges": [{"data": {"source": "张伟", "target": "李娜"}}],
            }
        },
        ["张伟", "李娜"],
    ),
    # Persons beside households: the nodes typed.
    (
        {
            "nodes": [
                {"id": 1, "label": "张伟", "type": "person"},
                {"id": 2, "label": "李娜", "type": "person"},
                {"id": 3, "label": "幸福村3组", "type": "household"},
            ],
            "edges": [{"from": 1, "to": 3}, {"from": 2, "to": 3}],
        },
        ["张伟", "李娜"],
    ),
    (
        {
            "elements": {
                "nodes": [
                    {"data": {"id": "p1", "label": "王秀英", "type": "成员"}},
                    {"data": {"id": "h1", "label": "城关镇", "type": "户"}},
                ],
                "edges": [{"data": {"source": "p1", "target": "h1"}}],
            }
        },
        ["王秀英"],
    ),
]


@pytest.mark.parametrize(("doc", "secrets"), LEAKS)
def test_personal_data_in_these_shapes_is_masked(doc: Any, secrets: list[str]) -> None:
    json_leaks(doc, secrets)


KEPT: list[Any] = [
    [{"a": "汉阴县", "b": "610902"}, {"a": "汉滨区", "b": "610901"}],  # places beside codes
    [{"a": "张伟", "b": "12345"}, {"a": "李娜", "b": "67890"}],  # names beside business numbers
    [{"a": "周报", "b": "2024-01-01"}, {"a": "月报", "b": "2024-02-01"}],
    _cytoscape(["汉阴县", "汉滨区"]),
    _cytoscape(["民政局", "城关镇"]),
    _cytoscape(["周一", "周二"]),
    {
        "nodes": [{"id": 1, "label": "周报", "type": "report"}, {"id": 3, "label": "民政局", "type": "unit"}],
        "edges": [{"from": 1, "to": 3}],
    },
]


@pytest.mark.parametrize("doc", KEPT)
def test_look_alikes_come_out_as_they_went_in(doc: Any) -> None:
    unchanged_json(doc)


# Beside an ID number that is masked, a column of places, units, words or weekdays stays.
BESIDE_AN_ID: list[tuple[Any, list[str]]] = [
    ([{"a": "汉阴县", "b": ID}, {"a": "汉滨区", "b": ID2}], ["汉阴县", "汉滨区"]),
    ([{"a": "城关镇", "b": ID}, {"a": "民政局", "b": ID2}], ["城关镇", "民政局"]),
    ([{"a": "周报", "b": ID}, {"a": "月报", "b": ID2}], ["周报", "月报"]),
    ([{"a": "周一", "b": ID}, {"a": "周二", "b": ID2}], ["周一", "周二"]),
    ([{"type": "申请", "b": ID}, {"type": "审核", "b": ID2}], ["申请", "审核"]),
    ([{"msg": "成功", "b": ID}, {"msg": "失败", "b": ID2}], ["成功", "失败"]),
    # beside a key the catalog knows, a column of relations (孙子女 is of a full name's shape)
    ([{"sfzh": ID, "gx": "孙子女"}, {"sfzh": ID2, "gx": "孙子女"}], ["孙子女"]),
    (
        {
            "nodes": [{"id": 1, "label": "民政局", "type": "person"}, {"id": 2, "label": "幸福村", "type": "village"}],
            "edges": [{"from": 1, "to": 2}],
        },
        ["民政局", "幸福村"],
    ),
]


@pytest.mark.parametrize(("doc", "kept"), BESIDE_AN_ID)
def test_words_beside_a_masked_number_stay(doc: Any, kept: list[str]) -> None:
    body = json.dumps(doc, ensure_ascii=False)
    for role in ROLES:
        masked = out(body, "application/json", role)
        assert ID not in masked, (role, masked)
        for word in kept:
            assert word in masked, (role, word, masked)


DATA_TEXTS: list[tuple[str, str, list[str]]] = [
    (f"a: 张伟\nb: '{ID}'\n", "application/yaml", ["张伟", ID]),
    (f"- a: 张伟\n  b: '{ID}'\n- a: 李娜\n  b: \"{ID2}\"  # 备注\n", "application/x-yaml", ["张伟", "李娜"]),
    (f"list:\n  - a: 张伟\n    b: {ID}\n  - a: 王秀英\n    b: {ID3}\n", "text/yaml", ["张伟", "王秀英"]),
    (
        "nodes:\n  - id: 1\n    label: 张伟\n  - id: 2\n    label: 李娜\nedges:\n  - from: 1\n    to: 2\n",
        "text/yaml",
        ["张伟"],
    ),
    (f'a = "张伟"\nb = "{ID}"\n', "application/toml", ["张伟", ID]),
]


@pytest.mark.parametrize(("body", "media_type", "secrets"), DATA_TEXTS)
def test_yaml_and_toml_give_the_object_rule(body: str, media_type: str, secrets: list[str]) -> None:
    body_leaks(body, media_type, secrets)


DATA_TEXTS_KEPT: list[tuple[str, str, str]] = [
    (f"a: 汉阴县\nb: '{ID}'\n", "application/yaml", "a: 汉阴县\n"),
    (f"msg: 成功\nb: '{ID}'\n", "application/yaml", "msg: 成功\n"),
    ("a: 周报\nb: '2024-01-01'\n", "application/yaml", "a: 周报\nb: '2024-01-01'\n"),
    ("a: 张伟\nb: '12345'\n", "application/yaml", "a: 张伟\nb: '12345'\n"),
    ('a = "汉阴县"\nb = "610902"\n', "application/toml", 'a = "汉阴县"\nb = "610902"\n'),
]


@pytest.mark.parametrize(("body", "media_type", "kept"), DATA_TEXTS_KEPT)
def test_yaml_look_alikes_stay(body: str, media_type: str, kept: str) -> None:
    for role in ROLES:
        assert kept in out(body, media_type, role), role


# A printer's settings, as a Windows DEVMODE: the device's name (UTF-16, 32 characters), fixed
# fields, the form's name, then the driver's own data.
def _devmode(device: str, extra: bytes = b"") -> bytes:
    name = device.encode("utf-16-le")[:62].ljust(64, b"\0")
    fields = struct.pack("<HHHH", 0x401, 0, 220, len(extra)).ljust(38, b"\0")
    form = "A4".encode("utf-16-le").ljust(64, b"\0")
    return (name + fields + form).ljust(220, b"\0") + extra


def _workbook() -> tuple[bytes, str, str]:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["项目", "金额"])
    sheet.append(["低保", 650])
    body = io.BytesIO()
    book.save(body)
    return body.getvalue(), WORKBOOK, "xl/printerSettings/printerSettings1.bin"


def _document() -> tuple[bytes, str, str]:
    document = docx.Document()
    document.add_paragraph("低保审批表")
    body = io.BytesIO()
    document.save(body)
    return body.getvalue(), DOCUMENT, "word/printerSettings/printerSettings1.bin"


def _with_printer(made: tuple[bytes, str, str], data: bytes) -> tuple[bytes, str, str]:
    body, media_type, name = made
    out_body = io.BytesIO(body)
    with zipfile.ZipFile(out_body, "a") as archive:
        archive.writestr(name, data)
    return out_body.getvalue(), media_type, name


FILES = [pytest.param(_workbook, id="xlsx"), pytest.param(_document, id="docx")]


@pytest.mark.parametrize("make", FILES)
@pytest.mark.parametrize("device", ["张伟的打印机", "\\\\PC-ZHANGWEI\\HP"])
def test_a_printer_named_after_its_user_is_blanked(make: Any, device: str) -> None:
    data = _devmode(device)
    body, media_type, name = _with_printer(make(), data)
    for role in ROLES:
        inspected = INSPECTOR.inspect(body, media_type, None, PROFILES.for_roles([role]))
        with zipfile.ZipFile(io.BytesIO(inspected.body)) as archive:
            new = archive.read(name)
        assert new[:64] == bytes(64) and new[64:] == data[64:], role  # the structure's length kept


@pytest.mark.parametrize("make", FILES)
@pytest.mark.parametrize(
    "extra",
    ["owner 张伟 13912345678".encode("utf-16-le") + b"\0\0", f"USER=zhangwei\0JOB={ID}\0".encode()],
    ids=["utf16", "ascii"],
)
def test_a_driver_s_data_holding_personal_data_is_refused(make: Any, extra: bytes) -> None:
    body, media_type, _ = _with_printer(make(), _devmode("HP LaserJet Pro M404", extra))
    for role in ROLES:
        with pytest.raises(InspectionError):
            INSPECTOR.inspect(body, media_type, None, PROFILES.for_roles([role]))


@pytest.mark.parametrize("make", FILES)
@pytest.mark.parametrize("extra", [b"", bytes(range(256)) * 8, b"RICOH\0PCL6\0"], ids=["none", "binary", "driver"])
def test_a_model_s_printer_settings_pass_as_they_came(make: Any, extra: bytes) -> None:
    body, media_type, _ = _with_printer(make(), _devmode("HP LaserJet Pro M404", extra))
    for role in ROLES:
        assert INSPECTOR.inspect(body, media_type, None, PROFILES.for_roles([role])).body == body, role


# The same in a CSV or TSV export under headings that say nothing (with no header it was masked).
TABLES: list[tuple[str, str, list[str]]] = [
    (f"\ufeffa;b;c\n张伟;{ID};650\n李娜;{ID2};720\n", "text/csv", ["张伟", "李娜", ID]),
    (f"a,b,c\r\n张伟,{ID},650\r\n李娜,{ID2},720\r\n", "text/csv", ["张伟", "李娜"]),
    (f"a\tb\tc\n张伟\t{ID}\t650\n李娜\t{ID2}\t720\n", "text/tab-separated-values", ["张伟", "李娜"]),
    (f"col1,col2,jine\n王秀英,{ID3},650\n", "text/csv", ["王秀英"]),
]


@pytest.mark.parametrize(("body", "media_type", "secrets"), TABLES)
def test_names_beside_numbers_under_headings_that_say_nothing(body: str, media_type: str, secrets: list[str]) -> None:
    for role in ROLES:
        masked = out(body, media_type, role)
        for secret in secrets:
            assert secret not in masked, (role, secret, masked)


TABLES_KEPT: list[tuple[str, str]] = [
    ("a;b\n汉阴县;610902\n汉滨区;610901\n", "text/csv"),
    ("a,b\n周报,2024-01-01\n月报,2024-02-01\n", "text/csv"),
    ("a,b\n张伟,12345\n李娜,67890\n", "text/csv"),  # no person's number beside the names
    ("\ufeff项目;金额;日期\n低保;650;2024-01-01\n特困;720;2024-02-01\n", "text/csv"),
    ("a\tb\n城关镇\t0012\n民政局\t0013\n", "text/tab-separated-values"),
]


@pytest.mark.parametrize(("body", "media_type"), TABLES_KEPT)
def test_table_look_alikes_come_out_as_they_went_in(body: str, media_type: str) -> None:
    for role in ROLES:
        assert out(body, media_type, role) == body, role


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        (f"a,b\n汉阴县,{ID}\n城关镇,{ID2}\n", ["汉阴县", "城关镇"]),
        # beside a heading the catalog knows, a column of relations (孙子女 is of a full name's shape)
        (f"sfzh,yhzgx\n{ID},孙子女\n", ["孙子女"]),
        (f"身份证号码,与户主关系\n{ID},孙子女\n{ID2},孙子女\n", ["孙子女"]),
    ],
)
def test_words_beside_numbers_in_a_table_stay(body: str, kept: list[str]) -> None:
    for role in ROLES:
        masked = out(body, "text/csv", role)
        assert ID not in masked, (role, masked)
        for word in kept:
            assert word in masked, (role, word, masked)
