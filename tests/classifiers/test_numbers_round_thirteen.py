"""Numbers round thirteen: numbers that went out in clear (a foreigner's permanent residence ID
mistyped or masked in part after its label and under its key, a legacy ID number after a medical
insurance card's label and under its key, a disability card's number with its grade and 级), a table read the wrong way (姓名,关系 over
one row), checked through ``Inspector.inspect`` for the strict and the caseworker profile, and the
label-only numbers in presidio's offline analyzer, each beside look-alikes that must stay
(docs/classifiers-rounds.md, the twenty-third round)."""

from __future__ import annotations

import functools

import pytest
from presidio_analyzer import AnalyzerEngine

from classifiers.registry import analyzer_engine
from support.inspected import ROLES, inspected_json, json_leaks, leaks, out, unchanged

# A foreigner's permanent residence ID of the 2023 series (9, the issuing province 11, the
# nationality 840, the date of birth, a serial, GB 11643's check character 6), mistyped: its check
# character wrong (8 or 9; 7 passes the Luhn check, a bank card's by chance), cut before it, and as
# an upstream masked it in part. Synthetic.
PERMANENT_BAD = "911840198503150018"
PERMANENT_MASKED = "9118401985****0016"
# A legacy ID number of 15 digits: 610902 (汉滨区), 1990-01-01, serial 123.
LEGACY = "610902900101123"
ID = "610902199001011235"


def _entities(text: str) -> dict[str, int]:
    return dict(inspected_json({"bz": text}, "outsourced").entity_counts)


# 1. A permanent residence ID mistyped, cut or masked in part after its own label (永居证号,
# 永久居留证号): the label was no ID number's label for labelled_ids, so only a label holding 身份证
# (外国人永久居留身份证号码) read it. Now the permit's labels are an ID number's there too.
@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"永居证号：{PERMANENT_BAD}", "19850315"),
        ("永居证号911840198503150019", "19850315"),
        (f"永久居留证号 {PERMANENT_BAD}", "19850315"),
        (f"永久居留身份证号码为{PERMANENT_BAD}", "19850315"),  # masked before: 身份证号码 in the label
        ("永居证号：91184019850315001", "19850315"),  # cut before its check character
        ("永居证号：911840 19850315 0018", "19850315"),  # in groups
        ("永久居留证号：911840,19850315,0018", "19850315"),  # in pieces
        (f"永居证号：{PERMANENT_MASKED}", "1985"),  # masked in part upstream
        ("永久居留证号9118401985XXXX0016", "1985"),
        (f"外籍人员Smith，永居证：{PERMANENT_MASKED}，已登记", "1985"),
    ],
)
def test_a_permanent_residence_id_mistyped_or_masked_after_its_label_is_masked(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    "doc",
    [
        {"永居证号": PERMANENT_MASKED},
        {"yjjlzh": PERMANENT_MASKED},
        {"permanentResidenceNo": "9118401985××××0016"},
        {"永久居留证号": "9118401985XXXX0016"},
    ],
)
def test_a_permanent_residence_id_masked_in_part_under_its_key_is_masked(doc: dict[str, str]) -> None:
    json_leaks(doc, ["1985"])


def test_a_permanent_residence_id_masked_in_part_is_a_resident_id() -> None:
    assert _entities(f"永居证号：{PERMANENT_MASKED}") == {"RESIDENT_ID": 1}
    assert dict(inspected_json({"永居证号": PERMANENT_MASKED}, "outsourced").entity_counts) == {"RESIDENT_ID": 1}


@pytest.mark.parametrize(
    "text",
    [
        f"订单号：{PERMANENT_MASKED}",  # a business number's label
        PERMANENT_MASKED,  # no label: 91 opens a USCC as often
        "永居证号：911840198513150013",  # month 13: no date of birth
        "永居证有效期至20301231",
        "永居证号：9118401985****",  # no 18 characters
        f"永居人员{PERMANENT_BAD}",  # no label of a number
    ],
)
def test_look_alikes_of_a_permanent_residence_id_stay(text: str) -> None:
    unchanged(text)


# 2. A legacy ID number (15 digits, no check) after a medical insurance card's label or under its
# key: the card's finder leaves an ID number to RESIDENT_ID, whose 15-digit pattern counts only
# beside an ID number's label; nothing took it.
@pytest.mark.parametrize(
    "text",
    [
        f"医保卡号：{LEGACY}",
        f"医保号：{LEGACY}",
        f"医保卡号 {LEGACY}",
        f"医疗保险卡号：{LEGACY}",
        f"医保个人编号为{LEGACY}",
        f"该户医保号{LEGACY}，已参保",
    ],
)
def test_a_legacy_id_after_a_medical_insurance_label_is_masked(text: str) -> None:
    leaks(text, [LEGACY[6:12]])
    assert _entities(text) == {"RESIDENT_ID": 1}


@pytest.mark.parametrize("key", ["ybkh", "医保卡号", "医保号", "医疗保险卡号", "ylbxkh"])
def test_a_legacy_id_under_a_medical_insurance_key_is_masked(key: str) -> None:
    json_leaks({key: LEGACY}, [LEGACY[6:12]])
    assert dict(inspected_json({key: LEGACY}, "outsourced").entity_counts) == {"RESIDENT_ID": 1}


@pytest.mark.parametrize(
    "text",
    [
        f"医保结算单号：{LEGACY}",  # a settlement's number, a word between
        f"医保局审批编号：{LEGACY}",
        "医保报销金额：1234.56元",
        f"订单号：{LEGACY}",
    ],
)
def test_look_alikes_of_a_legacy_id_after_a_medical_word_stay(text: str) -> None:
    unchanged(text)


def test_fifteen_digits_no_id_under_a_medical_insurance_key_stay_the_card() -> None:
    # 12 is a province, 3456 no date: the card's number, as before.
    doc = {"ybkh": "123456789012345"}
    assert dict(inspected_json(doc, "outsourced").entity_counts) == {"SOCIAL_SECURITY_CARD": 1}


# 3. A table read the wrong way: 姓名,关系 over one row 张伟,户主 reads as a table turned under
# 姓名 (姓名,张伟 over 关系,户主) as well, 关系 having a name's shape; one row cannot tell, so 关系
# was masked as a name and 张伟 went out. A field's label among the header's other cells (关系,
# 性别, 与户主关系, 备注: name_patterns.NEXT_LABELS) makes it a roster's header.
_MEDIA = ("text/csv", "text/plain")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("姓名,关系\n张伟,户主", "张伟"),
        ("姓名\t关系\n张伟\t户主", "张伟"),
        ("姓名,与户主关系\n张伟,户主", "张伟"),  # masked before: 与户主关系 has no name's shape
        ("姓名,关系,备注\n张伟,户主,无", "张伟"),
        ("序号,姓名,关系\n1,张伟,户主", "张伟"),  # masked before: 序号 opens the header
        ("姓名\t关系\t备注\n李娜\t配偶\t无\n", "李娜"),
        ("姓名,关系\r\n张伟,户主\r\n", "张伟"),
        ('"姓名","关系"\n"张伟","户主"', "张伟"),  # quoted: the RFC 4180 parser's path
    ],
)
def test_a_roster_of_one_row_under_a_relation_heading_masks_the_name(text: str, secret: str) -> None:
    for role in ROLES:
        for media_type in _MEDIA:
            masked = out(text, media_type, role)
            assert secret not in masked, (role, media_type, masked)
            assert "关系" not in text or "关系" in masked, (role, media_type, masked)  # the heading kept


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        (f"姓名,关系,身份证号\n张伟,户主,{ID}", ["张伟", "19900101"]),
        (f"姓名\t关系\t身份证号\n张伟\t户主\t{ID}", ["张伟", "19900101"]),
        ("姓名,张伟\n性别,男", ["张伟"]),  # a table turned: each person a column
        ("姓名\t张伟\n性别\t男", ["张伟"]),
        ("姓名,张伟,李娜\n性别,男,女", ["张伟", "李娜"]),
        (f"姓名,张伟,性别,男\n身份证号,{ID},电话,13912345678", ["张伟", "19900101"]),  # a form's rows
        ("姓名,关系\n张伟,户主\n李娜,配偶", ["张伟", "李娜"]),
    ],
)
def test_rosters_and_turned_tables_around_it_stay_masked(text: str, secrets: list[str]) -> None:
    for role in ROLES:
        for media_type in _MEDIA:
            masked = out(text, media_type, role)
            for secret in secrets:
                assert secret not in masked, (role, media_type, masked)


@pytest.mark.parametrize("text", ["类别,关系\n低保,户主", "项目,关系\n救助,户主"])
def test_tables_without_a_name_stay(text: str) -> None:
    for role in ROLES:
        assert out(text, "text/csv", role) == text, role


# 4. Presidio's registry: the numbers the fast path finds only after their label had no
# recognizer, so the offline analyzer (registry.analyzer_engine) missed them. Now each label is a
# look-behind of presidio's ``regex`` engine (recognizers/labelled.py), the number validated by the
# fast path's own tests.
@pytest.mark.parametrize(
    ("text", "entity", "number"),
    [
        ("台胞证号：12345678", "PASSPORT", "12345678"),
        ("台湾居民来往大陆通行证号码：12345678(01)", "PASSPORT", "12345678(01)"),
        ("台胞证号码 A123456789", "PASSPORT", "A123456789"),
        ("外国人永久居留证：USA123456789012", "PASSPORT", "USA123456789012"),
        ("医保卡号：H61090212345", "SOCIAL_SECURITY_CARD", "H61090212345"),
        ("医疗保险卡号：1234567890", "SOCIAL_SECURITY_CARD", "1234567890"),
        (f"医保号：{LEGACY}", "RESIDENT_ID", LEGACY),
        (f"永居证号：{PERMANENT_BAD}", "RESIDENT_ID", PERMANENT_BAD),
        ("身份证号：610902199001011230", "RESIDENT_ID", "610902199001011230"),  # mistyped
        ("身份证号61090219900101123", "RESIDENT_ID", "61090219900101123"),  # cut
        ("身份证号：6109021990****1235", "RESIDENT_ID", "6109021990****1235"),
        (f"永居证号：{PERMANENT_MASKED}", "RESIDENT_ID", PERMANENT_MASKED),
        ("身份证号：610902,19900101,1235", "RESIDENT_ID", "610902,19900101,1235"),  # in pieces
        ("身份证号：６１０９０２（19900101）1235", "RESIDENT_ID", "６１０９０２（19900101）1235"),
    ],
)
def test_presidio_finds_the_numbers_found_after_their_label(text: str, entity: str, number: str) -> None:
    results = _engine().analyze(text=text, language="zh")
    hits = [text[r.start : r.end] for r in results if r.entity_type == entity and r.score >= 0.5]
    assert hits == [number], results


@pytest.mark.parametrize(
    "text",
    [
        "订单12345678",
        "台胞证：11111111",  # one digit repeated: a placeholder
        "台胞证有效期至20301231",
        "订单USA123456789012",
        "医保结算单号：12345678",
        "医保卡号：123",
        "订单号：610902199001011230",
        "身份证号码：12345",
        f"流水号：{LEGACY}",
    ],
)
def test_presidio_leaves_their_look_alikes(text: str) -> None:
    found = {r.entity_type for r in _engine().analyze(text=text, language="zh") if r.score >= 0.5}
    assert not found & {"PASSPORT", "SOCIAL_SECURITY_CARD", "RESIDENT_ID"}, found


@functools.cache
def _engine() -> AnalyzerEngine:
    """The offline analyzer, built once and only for these tests (it loads every recognizer)."""
    return analyzer_engine()


# 5. Shapes of this round's own probes. A disability card's number written with its grade alone
# and 级 (残疾证：<ID>3级): 19 digits in a row, no ID number's end, so the ID number went out
# (with the category and grade, 20 digits, it was masked). Business numbers stay in clear.
@pytest.mark.parametrize(
    "text",
    [
        f"残疾证：{ID}3级",
        f"残疾人证号：{ID}4级",
        f"持残疾人证（{ID}2级）",
    ],
)
def test_a_disability_card_with_its_grade_and_ji_is_masked(text: str) -> None:
    leaks(text, ["19900101"])
    assert _entities(text) == {"RESIDENT_ID": 1}


@pytest.mark.parametrize(
    "text",
    [
        "6109021990010112303级",  # its check character wrong
        f"编号{ID[:17]}05级",  # 5: no grade
        "残疾等级：3级",
    ],
)
def test_look_alikes_of_a_disability_grade_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    "text",
    [
        # After the card's label any shape of six digits or more is its number since the
        # twenty-fourth round (社保卡号：AB1234567: test_numbers_round_fourteen); these stay.
        "社保卡号：待补办",
        "社保卡号：123",
        "社保卡已激活",
        "社保卡发放批次号：20231201001",
        "案件编号：AJ2023-000123",
        "审批编号：SP610902-2023-000123",
        "批次号：20231201-0001",
        "发票号：12345678",
        "发票号码：044001900111 12345678",
    ],
)
def test_a_social_security_card_of_another_shape_and_business_numbers_stay(text: str) -> None:
    unchanged(text)
