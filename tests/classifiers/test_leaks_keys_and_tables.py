"""Names and numbers under entity keys, in markup and in tables of label cells, through
``Inspector.inspect`` with the strict and the caseworker profiles; and placeholders, categories
and region names under name keys that must stay as they are (over-masking)."""

from __future__ import annotations

import json

import pytest

from support.inspected import ROLES, body_leaks, json_leaks, leaks, out, unchanged
from support.synth_people import make_id

ID = make_id()
LEGACY_ID = "610902900101123"  # 15 digits: an ID number only where a key says so


@pytest.mark.parametrize(
    ("doc", "secrets"),
    [
        ({"xm1": "张伟", "xm_2": "李芳", "xm3": "王强"}, ["张伟", "李芳", "王强"]),
        ({"name2": "张伟", "姓名1": "李芳", "lxr1": "王强", "lxr_2": "赵敏"}, ["张伟", "李芳", "王强", "赵敏"]),
        ({"sfzh1": LEGACY_ID, "sfzh_2": LEGACY_ID[::-1]}, [LEGACY_ID, LEGACY_ID[::-1]]),
        (
            {"records": [{"xm1": "张伟", "xm2": "李芳"}, {"xm1": "王强", "xm2": "赵敏"}]},
            ["张伟", "李芳", "王强", "赵敏"],
        ),
    ],
)
def test_indexed_entity_keys(doc: object, secrets: list[str]) -> None:
    json_leaks(doc, secrets)


def test_a_digit_after_other_keys_changes_nothing() -> None:
    doc = {"bz1": "项目二", "md5": "6109021990", "page2": "安康市", "name2": "Alice", "v1": "张伟"}
    for role in ROLES:
        masked = json.loads(out(json.dumps(doc, ensure_ascii=False), "application/json", role))
        assert masked == doc, role


@pytest.mark.parametrize(
    ("doc", "secrets"),
    [
        ({"xm": "<b>张伟</b>"}, ["张伟"]),
        ({"xm": '<span class="n">张伟</span>', "lxr": "<p><i>李芳</i></p>"}, ["张伟", "李芳"]),
        ({"sfzh": f"<span>{LEGACY_ID}</span>"}, [LEGACY_ID]),
        ({"records": [{"xm": "<b>张伟</b>"}, {"xm": "<b>李芳</b>"}]}, ["张伟", "李芳"]),
    ],
)
def test_markup_under_an_entity_key(doc: object, secrets: list[str]) -> None:
    json_leaks(doc, secrets)


@pytest.mark.parametrize(
    "body",
    [
        '<root><field label="姓名" value="张伟"/><field label="身份证号" value="{legacy}"/></root>',
        '<root><item fieldName="xm" fieldValue="张伟"/><item fieldName="sfzh" fieldValue="{legacy}"/></root>',
        '<form><field label="姓名">张伟</field><field label="sfzh">{legacy}</field></form>',
        '<r><attr attrName="xm" attrValue="张伟"/><attr zdmc="身份证号" zdz="{legacy}"/></r>',
    ],
)
def test_xml_fields_named_by_a_label_attribute(body: str) -> None:
    body = body.format(legacy=LEGACY_ID)
    for role in ROLES:
        masked = out(body, "application/xml", role)
        assert "张伟" not in masked and LEGACY_ID not in masked, (role, masked)


def test_xml_labels_of_other_fields_stay() -> None:
    body = '<root><field label="状态" value="王家庄"/><field label="备注">高明</field><option label="张伟" value="1"/></root>'
    for role in ROLES:
        assert out(body, "application/xml", role) == body, role


def test_markup_under_an_entity_key_keeps_its_tags() -> None:
    body = json.dumps({"xm": "<b>张伟</b>"}, ensure_ascii=False)
    assert json.loads(out(body, "application/json", "caseworker")) == {"xm": "<b>张**</b>"}


@pytest.mark.parametrize(
    ("body", "media_type", "secrets"),
    [
        (
            f"| 字段 | 值 |\n|---|---|\n| 姓名 | 张伟 |\n| 身份证号 | {LEGACY_ID} |\n",
            "text/markdown",
            ["张伟", LEGACY_ID],
        ),
        (f"| 字段 | 值 |\n|---|---|\n| 姓名 | 张伟 |\n| 身份证号 | {LEGACY_ID} |\n", "text/plain", ["张伟", LEGACY_ID]),
        (f"项目,内容\n姓名,张伟\n身份证号,{LEGACY_ID}\n", "text/csv", ["张伟", LEGACY_ID]),
        # (HTML: a <td> label before its value already keyed it; kept here against a regression)
        ("<table><tr><td>姓名</td><td>张伟</td></tr></table>", "text/html", ["张伟"]),
        (
            f"<table><tr><th>项目</th><th>内容</th></tr><tr><td>姓名</td><td>张伟</td></tr>"
            f"<tr><td>身份证号</td><td>{LEGACY_ID}</td></tr></table>",
            "text/html",
            ["张伟", LEGACY_ID],
        ),
    ],
)
def test_labels_down_the_rows(body: str, media_type: str, secrets: list[str]) -> None:
    body_leaks(body, media_type, secrets)


@pytest.mark.parametrize(
    ("body", "media_type"),
    [
        (
            f"| 字段 | 值 | 字段 | 值 |\n|---|---|---|---|\n| 性别 | 男 | xm | 张伟 |\n| 民族 | 汉 | sfzh | {LEGACY_ID} |\n",
            "text/markdown",
        ),
        (
            f"| 字段 | 值 | 字段 | 值 |\n|---|---|---|---|\n| 性别 | 男 | xm | 张伟 |\n| 民族 | 汉 | sfzh | {LEGACY_ID} |\n",
            "text/plain",
        ),
        (f"项目,内容,项目,内容\n性别,男,xm,张伟\n民族,汉,sfzh,{LEGACY_ID}\n", "text/csv"),
        (
            f"| 项目 | 内容 | 项目 | 内容 | 项目 | 内容 |\n|---|---|---|---|---|---|\n| 性别 | 男 | 民族 | 汉 | xm | 张伟 |\n"
            f"| 电话 | 无 | 状态 | 正常 | sfzh | {LEGACY_ID} |\n",
            "text/markdown",
        ),
    ],
)
def test_every_label_value_pair_of_a_row(body: str, media_type: str) -> None:
    for role in ROLES:
        masked = out(body, media_type, role)
        assert "张伟" not in masked and LEGACY_ID not in masked, (role, masked)
        assert "| 性别 | 男 |" in masked or "性别,男," in masked, (role, masked)  # other pairs stay


@pytest.mark.parametrize(
    "text",
    [
        "| xm | 张伟 | jhrxm | 李芳 |",
        "xm | 张伟 | lxr ｜ 李芳",
    ],
)
def test_a_name_under_a_field_name_in_a_cell_of_its_own(text: str) -> None:
    leaks(text, ["张伟"])
    leaks(text, ["李芳"])


def test_cells_after_other_field_names_stay() -> None:
    text = "| bz | 张家界 | status | 王家庄 | page | 高明 |"
    unchanged(text, also_json=False)


def test_labels_down_the_rows_leave_other_rows() -> None:
    body = "| 字段 | 值 |\n|---|---|\n| 姓名 | 张伟 |\n| 状态 | 王家庄 |\n"
    masked = out(body, "text/markdown", "caseworker")
    assert "张伟" not in masked and "| 状态 | 王家庄 |" in masked


@pytest.mark.parametrize(
    "body",
    [
        "<table><tr><td><b>姓名</b></td><td>张伟</td></tr></table>",
        f"<table><tr><th>项目</th><th>内容</th></tr><tr><td><strong>姓名：</strong></td><td>张伟</td></tr>"
        f"<tr><td><span>身份证号</span></td><td>{LEGACY_ID}</td></tr></table>",
    ],
)
def test_a_label_cell_in_an_inline_element(body: str) -> None:
    for role in ROLES:
        masked = out(body, "text/html", role)
        assert "张伟" not in masked and LEGACY_ID not in masked, (role, masked)
        assert "<b>姓名</b>" in masked or "<strong>姓名：</strong>" in masked, (role, masked)  # the label stays


@pytest.mark.parametrize(
    "doc",
    [
        {"xm": "不详"},
        {"姓名": "无"},
        {"name": "未填写"},
        {"xm": "—"},
        {"xm": "暂无"},
        {"hzxm": "未填写", "sfzh": ID},
        {"lxr": "同上", "lxdh": "13912345678"},
    ],
)
def test_a_placeholder_under_a_name_key_stays(doc: dict[str, str]) -> None:
    body = json.dumps(doc, ensure_ascii=False)
    name_key = next(iter(doc))
    for role in ROLES:
        assert json.loads(out(body, "application/json", role))[name_key] == doc[name_key], (role, doc)


def test_placeholders_in_a_column_of_names_stay_and_the_names_beside_them_go() -> None:
    records = [
        {"xm": "张伟", "lxdh": "13912345678"},
        {"xm": "不详", "lxdh": "13912345679"},
        {"xm": "未填写", "lxdh": "13912345670"},
        {"xm": "扎西", "lxdh": "13912345671"},
    ]
    body = json.dumps({"data": {"records": records}}, ensure_ascii=False)
    for role in ROLES:
        masked = [record["xm"] for record in json.loads(out(body, "application/json", role))["data"]["records"]]
        assert masked[1:3] == ["不详", "未填写"], (role, masked)
        assert "张伟" not in masked and "扎西" not in masked, (role, masked)


def test_a_placeholder_under_a_name_key_in_a_log_line_or_a_csv_column_stays() -> None:
    unchanged('"姓名"="未填写"', also_json=False)
    unchanged("xm=不详&sfzh=", also_json=False)
    csv = "xm,lxdh\n不详,13912345678\n张伟,13912345679\n"
    for role in ROLES:
        masked = out(csv, "text/csv", role)
        assert "不详" in masked and "张伟" not in masked, (role, masked)


@pytest.mark.parametrize("value", ["张伟", "无忌", "不凡", "扎西"])
def test_a_name_under_a_name_key_that_looks_like_no_placeholder_goes(value: str) -> None:
    json_leaks({"xm": value}, [value])


@pytest.mark.parametrize(
    "doc",
    [
        {"code": "632801", "name": "格尔木"},
        {"code": "632801", "name": "格尔木市"},
        {"code": "610900", "name": "安康"},
        {"dm": "610921", "name": "汉阴"},
        {"regionCode": "632801", "name": "格尔木", "level": 3},
        {"id": 610900, "name": "安康", "parentId": 610000},
        [{"code": "632801", "name": "格尔木"}, {"code": "610900", "name": "安康"}],
        {"data": [{"code": "610000", "name": "陕西", "children": [{"code": "610900", "name": "安康"}]}]},
    ],
)
def test_a_region_name_under_a_name_key_beside_a_region_code_stays(doc: object) -> None:
    body = json.dumps(doc, ensure_ascii=False)
    for role in ROLES:
        assert json.loads(out(body, "application/json", role)) == doc, (role, doc)


@pytest.mark.parametrize(
    ("doc", "secret"),
    [
        ({"code": "632801", "name": "扎西", "sfzh": ID}, "扎西"),
        ({"code": "632801", "name": "张伟", "mobile": "13912345678"}, "张伟"),
        ([{"code": "610900", "name": "李娜", "phone": "13912345678"}] * 2, "李娜"),
        ({"code": "12345", "name": "张伟"}, "张伟"),  # no region's code
        ({"code": "632801", "xm": "张伟"}, "张伟"),  # a person's own key
        ({"name": "扎西多吉"}, "扎西多吉"),
        # A person filed under a county's code: the name names no region.
        ({"code": "610921", "name": "张伟"}, "张伟"),
        ([{"name": "扎西", "code": "632801"}, {"name": "卓玛", "code": "632801"}], "扎西"),
        ([{"code": "632801", "name": "格尔木"}, {"code": "610921", "name": "王芳"}], "王芳"),
        ({"code": "610921", "name": "安康"}, "安康"),  # a city's name over a county's code: 安 is a surname
    ],
)
def test_a_name_key_beside_a_person_or_no_region_code_stays_a_person(doc: object, secret: str) -> None:
    json_leaks(doc, [secret])


@pytest.mark.parametrize(
    ("body", "secret"),
    [
        ("<table><tr><td>老人</td><td>卓玛</td></tr></table>", "卓玛"),
        ("<table><tr><td>老人</td><td>王秀英</td></tr></table>", "王秀英"),
        ("<table><tr><td>儿童</td><td>次仁</td></tr></table>", "次仁"),
        ("<table><tr><th>老人</th><th>年龄</th></tr><tr><td>卓玛</td><td>80</td></tr></table>", "卓玛"),
    ],
)
def test_a_name_under_a_cell_that_heads_persons_goes(body: str, secret: str) -> None:
    """老人 and 儿童 in a cell of their own head a person's name: they are weak name keys now."""
    for role in ROLES:
        assert secret not in out(body, "text/html", role), (role, body)


@pytest.mark.parametrize(
    ("body", "media_type"),
    [
        ("<table><tr><td>老人</td><td>高龄</td></tr></table>", "text/html"),
        ("<table><tr><td>老人</td><td>低保、特困</td></tr></table>", "text/html"),
        ("<table><tr><th>类别</th><th>人数</th></tr><tr><td>老人</td><td>12</td></tr></table>", "text/html"),
        ('{"老人": "高龄", "儿童": "留守"}', "application/json"),
        ('{"records": [{"老人": "高龄"}, {"老人": "失能"}, {"老人": "空巢"}]}', "application/json"),
        ('{"name": "高龄"}', "application/json"),
        ('{"records": [{"name": "高龄"}, {"name": "农民"}]}', "application/json"),
    ],
)
def test_a_category_under_a_weak_name_key_stays(body: str, media_type: str) -> None:
    """A table of categories writes 老人 as a heading too; a group of persons or a status
    (高龄, 农民) under a weak name key is no name, as a placeholder under any is none."""
    for role in ROLES:
        masked = out(body, media_type, role)
        assert "已屏蔽" not in masked and "*" not in masked, (role, body, masked)


MOBILE = "13912345678"


@pytest.mark.parametrize(
    "doc",
    [
        # A key holding a mobile after a value that changed: the key was masked in a copy of the
        # whole object, which still held the key in clear with its value beside the masked one
        # (found by fuzzing).
        {"rows": [{"xm": "张伟", f"{MOBILE}sfzh": ID}, {"xm": "李娜", "sfzh": ID}]},
        {"rows": [{"xm": "张伟", f"s{MOBILE}fzh": ID}]},
        {"data": {"rows": [{"xm": "张伟"}], f"tota{MOBILE}l": 2}},
        {"a": {"xm": "张伟", f"身份证号{ID}je": 650.5}},
        # An ID in two parts under its key: the parts were masked, the keys kept as they came.
        {"身份证号": {"id": ID[:6], f"{MOBILE}series": ID[6:]}},
    ],
)
def test_a_masked_key_after_a_masked_value_leaves_no_copy(doc: object) -> None:
    json_leaks(doc, [ID, MOBILE])
    for role in ROLES:
        masked = json.loads(out(json.dumps(doc, ensure_ascii=False), "application/json", role))
        assert _members(masked) == _members(doc), masked


def _members(doc: object) -> object:
    """How many members each object holds, in the document's shape."""
    if isinstance(doc, dict):
        return [len(doc), *(_members(v) for v in doc.values())]
    if isinstance(doc, list):
        return [_members(v) for v in doc]
    return None


def test_a_row_of_cells_with_anything_after_its_first_object_is_no_row() -> None:
    """A list whose first item is a cell object, then ``true``: the test for a cell's member
    raised TypeError, a 500 (found by fuzzing)."""
    doc = [[{"value": "正常"}, True], [{"value": "x"}, 1]]
    for role in ROLES:
        assert json.loads(out(json.dumps(doc, ensure_ascii=False), "application/json", role)) == doc
