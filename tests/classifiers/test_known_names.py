"""A name a body gives, masked wherever else the body writes it (classifiers/known_names.py): a
remark repeating a record's name in words that give the scanner no evidence of a name went out in
clear beside the masked field (``{"xm": "张伟", "bz": "其中张伟本人患有糖尿病"}``) or the remark that
named the person (``申请人张伟``)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from classifiers import known_names
from classifiers.inspect import Inspector
from policies.masking import load_profiles
from support.inspected import INSPECTOR, PROFILES, body_leaks, inspected_json, json_leaks, out, unchanged_json

ID = "11010519491231002X"  # checksum-valid, synthetic


@pytest.mark.parametrize(
    ("doc", "names"),
    [
        ({"xm": "张伟", "bz": "其中张伟本人患有糖尿病"}, ["张伟"]),
        ({"bz": "其中张伟本人患有糖尿病", "xm": "张伟"}, ["张伟"]),  # the remark before the field
        ({"xm": "王秀英", "sfzh": ID, "bz": "王秀英独居，子女在外务工"}, ["王秀英"]),
        ({"xm": "欧阳娜娜", "bz": "欧阳娜娜家庭收入超标"}, ["欧阳娜娜"]),
        ({"xm": "买买提·吐尔逊", "bz": "买买提·吐尔逊户籍已迁出"}, ["买买提·吐尔逊"]),
        (
            {
                "items": [
                    {"xm": "张伟", "sfzh": ID, "bz": "经入户调查，张伟家庭共4人，其中张伟本人残疾"},
                    {"xm": "李娜", "bz": "与张伟系夫妻，李娜无业"},
                ]
            },
            ["张伟", "李娜"],
        ),
        ({"data": {"xm": "刘洋", "notes": ["刘洋已于3月迁出", "核查人：王强"]}}, ["刘洋"]),
        # a column of strings beside lists, and one beside whole numbers as floats
        ({"items": [{"xm": "张伟", "bz": "张伟受助期间"}, {"xm": "李娜", "bz": ["与张伟系夫妻"]}]}, ["张伟"]),
        ({"items": [{"xm": "张伟", "bz": "张伟受助期间"}, {"xm": "李娜", "bz": 3.0}]}, ["张伟"]),
        ({"items": [{"xm": "张伟", "bz": "正常"}, {"xm": "李娜", "ext": {"bz": "张伟任该协会会长"}}]}, ["张伟"]),
        ({"xm": "陈静", "history": [{"op": "修改", "detail": "陈静的银行账号变更"}]}, ["陈静"]),
        ({"applicant": {"name": "黄磊"}, "opinion": "同意黄磊享受临时救助"}, ["黄磊"]),
        ({"xm": "赵敏", "bz": "赵敏赵敏"}, ["赵敏"]),  # every occurrence, not the first only
        # shapes no rule of the scanner's reads as a name's, the field beside them
        ({"xm": "张伟", "bz": "张伟受助期间表现良好"}, ["张伟"]),
        ({"xm": "张伟", "bz": "张伟任该协会会长"}, ["张伟"]),
        ({"xm": "张伟", "bz": "丧属张伟已领取丧葬补助"}, ["张伟"]),
        ({"xm": "李娜", "bz": "对李娜家庭进行入户核查"}, ["李娜"]),
        ({"xm": "王桂英", "bz": "王桂英，90岁，独居"}, ["王桂英"]),
        ({"xm": "张伟", "bz": "张伟（3人）"}, ["张伟"]),
        ({"xm": "张伟", "bz": "张伟全家已搬离"}, ["张伟"]),
        ({"xm": "王强", "bz": "王强利用职务便利"}, ["王强"]),
        ({"xm": "陈静", "bz": "陈静收受李娜现金"}, ["陈静"]),
        ({"xm": "王秀英", "bz": "核对发现王秀英家庭存款超标"}, ["王秀英"]),
        ({"xm": "刘洋", "bz": "经村民会议推举刘洋为监督员"}, ["刘洋"]),
        ({"xm": "张伟", "bz": "户主由张伟变更为李娜"}, ["张伟"]),
        ({"xm": "张伟", "bz": "答复张伟："}, ["张伟"]),
    ],
)
def test_a_known_name_is_masked_where_else_the_body_writes_it(doc: Any, names: list[str]) -> None:
    json_leaks(doc, names)


@pytest.mark.parametrize(
    ("doc", "names"),
    [
        # a name the scanner finds in a text by its words is known as a field's is
        ({"bz": "申请人张伟，其中张伟本人患有糖尿病"}, ["张伟"]),  # a role word before it
        ({"a": "申请人张伟", "b": "其中张伟本人患有糖尿病"}, ["张伟"]),
        ({"a": "户主张伟，妻子李娜", "b": "李娜无业，张伟残疾"}, ["张伟", "李娜"]),  # kin
        ({"a": "经查刘洋名下有房产", "b": "刘洋收入超标"}, ["刘洋"]),  # whose property
        ({"a": "走访张伟、李娜两户", "b": "李娜收入超标"}, ["李娜"]),  # a list of households
        ({"a": "张伟系户主之子", "b": "其中张伟本人患有糖尿病"}, ["张伟"]),
        ({"a": f"王秀英 {ID}", "b": "其中王秀英本人残疾"}, ["王秀英", ID]),  # an ID number beside it
        ({"items": [{"bz": "网格员李娜入户走访"}, {"bz": "正常"}, {"bz": "其中李娜本人"}]}, ["李娜"]),
    ],
)
def test_a_name_found_in_a_text_is_masked_where_else_the_body_writes_it(doc: Any, names: list[str]) -> None:
    json_leaks(doc, names)


def test_the_occurrence_is_masked_as_the_field_was_and_found_with_its_own_evidence() -> None:
    inspection = inspected_json({"xm": "张伟", "bz": "其中张伟本人患有糖尿病"}, "caseworker")
    assert json.loads(inspection.body) == {"xm": "张**", "bz": "其中张**本人患有糖尿病"}
    known = [f for f in inspection.findings if f.evidence == known_names.EVIDENCE]
    assert [(f.path, f.entity, f.start, f.end) for f in known] == [("$.bz", "PERSON_NAME", 2, 4)]
    assert inspection.entity_counts["PERSON_NAME"] == 2


def test_a_list_of_records_tells_each_remarks_path() -> None:
    doc = {"items": [{"xm": "张伟", "bz": "正常"}, {"xm": "李娜", "bz": "张伟之妻"}]}
    inspection = inspected_json(doc, "outsourced")
    assert "张伟" not in inspection.body.decode()
    paths = {f.path for f in inspection.findings if f.entity == "PERSON_NAME"}
    assert "$.items[1].bz" in paths


@pytest.mark.parametrize(
    "doc",
    [
        {"xm": "张伟", "bz": "张家庄村委会已审核"},  # the surname alone
        {"xm": "张伟", "bz": "伟大的工程"},  # the given name alone
        {"xm": "张", "bz": "张家庄村委会已审核"},  # one character is no name to search for
        {"title": "张伟", "bz": "张伟"},  # no name field: a value is no name by itself
        {"xm": "安康", "bz": "安康市民政局已审核"},  # a name that is a place's is the place in a remark
        {"xm": "石泉", "bz": "石泉县民政局已审核"},
    ],
)
def test_what_no_field_names_stays(doc: Any) -> None:
    for role in ("outsourced", "caseworker"):
        masked = json.loads(out(json.dumps(doc, ensure_ascii=False), "application/json", role))
        assert masked["bz"] == doc["bz"], (role, masked)


def test_a_profile_that_keeps_names_keeps_them_everywhere() -> None:
    doc = {"xm": "张伟", "bz": "其中张伟本人患有糖尿病"}
    inspection = Inspector().inspect(
        json.dumps(doc, ensure_ascii=False).encode(), "application/json", "utf-8", PROFILES.for_roles(["reviewer"])
    )
    assert json.loads(inspection.body) == doc


def test_values_under_an_entitys_key_are_not_searched_again() -> None:
    # The address was judged under its key (masked past the district); the known name is not
    # looked for in what its mask keeps.
    doc = {"xm": "张伟", "address": "陕西省安康市汉滨区张伟路8号"}
    masked = json.loads(out(json.dumps(doc, ensure_ascii=False), "application/json", "caseworker"))
    assert masked["address"] == "陕西省安康市汉滨区***"


def test_numbers_and_keys_stay_as_they_are() -> None:
    unchanged_json({"total": 3, "status": "正常", "items": [{"code": "A01", "label": "低保"}]})


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("其中张伟本人", ["张伟"], [(2, 4)]),
        ("欧阳娜娜与欧阳", ["欧阳娜娜", "欧阳"], [(0, 4), (5, 7)]),  # longest first, apart
        ("张伟张伟", ["张伟"], [(0, 2), (2, 4)]),
        ("李娜", ["张伟"], []),
    ],
)
def test_spans(text: str, names: list[str], expected: list[tuple[int, int]]) -> None:
    assert known_names.spans(text, names) == expected


def test_many_names_are_searched_by_one_walk_that_finds_what_the_substring_tests_find() -> None:
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
    few = {"张伟", "欧阳娜娜", "潘强", "王五"}
    many = {s + g for s in surnames for g in "伟娜强"} | {"欧阳娜娜", "张", "买买提·吐尔逊·艾力"}
    assert len(many) > 24  # past _FEW: the walk, not a test per name
    text = "\x00".join(["其中张伟本人", "欧阳娜娜家庭", "与潘强系夫妻", "无", "张三"])
    assert known_names.held(few, text) == ["欧阳娜娜", "张伟", "潘强"] or known_names.held(few, text) == [
        "欧阳娜娜",
        "潘强",
        "张伟",
    ]
    found = known_names.held(many, text)
    assert found[0] == "欧阳娜娜" and set(found) == {"张伟", "欧阳娜娜", "潘强"}  # longest first; 张 is no name


@pytest.mark.parametrize("known", [{"张"}, {"买买提·吐尔逊·艾力"}, set()])
def test_names_of_one_character_or_past_eight_are_not_searched_for(known: set[str]) -> None:
    assert known_names.held(known, "张家庄 买买提·吐尔逊·艾力") == []


@pytest.mark.parametrize(
    ("body", "names"),
    [
        ("姓名,备注\n张伟,其中张伟本人患有糖尿病\n李娜,与张伟系夫妻\n", ["张伟"]),
        ('姓名,备注\n张伟,"其中张伟本人,患有糖尿病"\n', ["张伟"]),  # a quoted field (the parser's path)
        ("备注,姓名\n张伟受助期间表现良好,张伟\n", ["张伟"]),  # the remark's column before the name's
        ("姓名,身份证号,备注\n王秀英,11010519491231002X,王秀英，90岁，独居\n", ["王秀英"]),
        ("姓名;备注\r\n刘洋;经村民会议推举刘洋为监督员\r\n", ["刘洋"]),
        ("姓名,备注\n张伟,其中张伟本人 11010519491231002X\n", ["张伟", "11010519491231002X"]),  # masked already
        ("编号,备注\n1,申请人张伟\n2,其中张伟本人患有糖尿病\n", ["张伟"]),  # no name column: a remark's
    ],
)
def test_a_csv_exports_remark_column(body: str, names: list[str]) -> None:
    body_leaks(body, "text/csv", names)


def test_an_exports_many_names_are_searched_for_in_its_remarks() -> None:
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"
    rows = [f"{s}建国,{'正常' if k else '与' + surnames[-1] + '建国系兄弟'}" for k, s in enumerate(surnames)]
    body = "姓名,备注\n" + "\n".join(rows) + "\n"
    assert len(surnames) > 24  # past _FEW: the walk over the distinct texts
    body_leaks(body, "text/csv", [f"{s}建国" for s in surnames])


def test_a_csv_remark_tells_its_row_and_column() -> None:
    inspection = INSPECTOR.inspect(
        "姓名,备注\n李娜,正常\n张伟,其中张伟本人\n".encode(), "text/csv", "utf-8", PROFILES.for_roles(["caseworker"])
    )
    known = [(f.path, f.start, f.end) for f in inspection.findings if f.evidence == known_names.EVIDENCE]
    assert known == [("row 2 col 备注", 2, 4)]


def test_a_csv_column_of_free_text_that_holds_no_known_name_stays() -> None:
    body = "姓名,备注\n张伟,张家庄村委会已审核\n李娜,伟大的工程\n"
    assert out(body, "text/csv", "caseworker").splitlines()[1:] == ["张**,张家庄村委会已审核", "李**,伟大的工程"]


@pytest.mark.parametrize(
    ("body", "media_type", "names"),
    [
        ("xm=张伟&bz=其中张伟本人患有糖尿病", "application/x-www-form-urlencoded", ["张伟"]),
        ("<r><xm>张伟</xm><bz>其中张伟本人患有糖尿病</bz></r>", "application/xml", ["张伟"]),
        ("<r><xm>张伟</xm><p note='张伟之妻'/></r>", "application/xml", ["张伟"]),  # an attribute's value
        (
            "<table><tr><th>姓名</th><th>备注</th></tr><tr><td>张伟</td><td>其中张伟本人</td></tr></table>",
            "text/html",
            ["张伟"],
        ),
        ("xm=张伟\n备注：其中张伟本人患有糖尿病\n", "text/plain", ["张伟"]),
        ('cb({"xm":"张伟"}) 其中张伟本人患有糖尿病', "text/plain", ["张伟"]),
        # a form's field written in text: a context word and a colon before the name
        ("姓名：张伟\n备注：其中张伟本人患有糖尿病\n", "text/plain", ["张伟"]),
        ("户主: 李娜\n李娜受助期间表现良好\n", "text/plain", ["李娜"]),
        ("申请人张伟\n其中张伟本人患有糖尿病\n", "text/plain", ["张伟"]),  # a role word, no colon
        ("<r><bz>申请人张伟</bz><bz>其中张伟本人</bz></r>", "application/xml", ["张伟"]),
        ("bz=申请人张伟&qt=其中张伟本人患有糖尿病", "application/x-www-form-urlencoded", ["张伟"]),
    ],
)
def test_a_form_markup_and_text(body: str, media_type: str, names: list[str]) -> None:
    body_leaks(body, media_type, names)


def test_markup_stays_well_formed_whatever_the_mask() -> None:
    # The label operator's mask is itself markup: written escaped, the document still parses.
    from xml.etree import ElementTree

    profile = load_profiles().get("statistician")  # {op: label}: <PERSON_NAME>
    doc = "<r><xm>张伟</xm><bz>其中张伟本人</bz></r>"
    masked = Inspector().inspect(doc.encode(), "application/xml", "utf-8", profile).body.decode()
    assert "张伟" not in masked
    ElementTree.fromstring(masked)


def test_a_tags_own_name_is_left() -> None:
    doc = "<r><xm>张伟</xm><张伟>1</张伟></r>"
    masked = out(doc, "application/xml", "caseworker")
    assert "<张伟>1</张伟>" in masked


def test_the_strict_profile_masks_a_known_name_in_a_remark() -> None:
    profile = load_profiles().for_roles(["outsourced"])
    doc = {"xm": "张伟", "bz": "其中张伟本人患有糖尿病"}
    body = Inspector().inspect(json.dumps(doc, ensure_ascii=False).encode(), "application/json", "utf-8", profile).body
    assert "张伟" not in body.decode()
