"""Fifteen-digit (legacy) ID numbers beside a name, in a record line or after a bracketed
relation, through ``Inspector.inspect``; and fifteen digits of no person that must stay."""

from __future__ import annotations

import pytest

from support.inspected import ROLES, leaks, out, unchanged

LEGACY_ID = "610902900101123"  # 15 digits: an ID number only where a key says so


@pytest.mark.parametrize(
    "text",
    [
        f"张伟 {LEGACY_ID}",
        f"张伟_{LEGACY_ID}.csv",
        f"{LEGACY_ID}-张伟",
        f"老户籍：张伟（{LEGACY_ID}）",
        f"欧阳娜娜 {LEGACY_ID} 汉阴县",
    ],
)
def test_a_legacy_id_number_beside_a_name(text: str) -> None:
    leaks(text, [LEGACY_ID])
    name = "欧阳娜娜" if "欧阳" in text else "张伟"
    leaks(text, [name])


@pytest.mark.parametrize(
    "text",
    [
        f"王家庄 {LEGACY_ID}",  # a place, not a person
        "张伟 610902901301123",  # no date: month 13
        "张伟 990902900101123",  # no province 99
        "高龄 610902900101123",  # a group word
        "张伟 6109029001011235",  # 16 digits (not Luhn-valid: no card either)
        "批次号 610902900101123",
        "项目编号 610902900101123",
        "金额 610902900101123",
        "单号 610902900101123",
        "610902900101123 房号",
    ],
)
def test_fifteen_digits_beside_no_name_stay(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        (f"张伟，男，{LEGACY_ID}", ["张伟", LEGACY_ID]),
        (f"张伟 女 汉族 {LEGACY_ID}", ["张伟", LEGACY_ID]),
        (f"李娜,{LEGACY_ID},13800138000", ["李娜", LEGACY_ID]),
        (f"李娜，{LEGACY_ID}，汉阴县", ["李娜", LEGACY_ID]),
        (f"{LEGACY_ID},李娜", ["李娜", LEGACY_ID]),
        (f"姓名：张伟 {LEGACY_ID}", ["张伟", LEGACY_ID]),  # the name found by its label first
    ],
)
def test_a_legacy_id_number_in_a_record_line_or_after_a_comma(text: str, secrets: list[str]) -> None:
    for secret in secrets:
        leaks(text, [secret])


@pytest.mark.parametrize(
    "text",
    [
        "张伟，男，610902901301123",  # no date: month 13
        "王家庄，男女老少，610902900101123",  # a place
        "金额,610902900101123",
        "单号，610902900101123",
        "张伟，男，45岁\n编号 610902900101123",  # another line
    ],
)
def test_fifteen_digits_in_a_record_line_of_no_person_stay(text: str) -> None:
    for role in ROLES:
        masked = out(text, "text/plain", role)
        assert "610902901301123" in masked or "610902900101123" in masked, (role, text, masked)


@pytest.mark.parametrize(
    "text",
    [
        f"张伟（户主）{LEGACY_ID}",
        f"张伟(户主) {LEGACY_ID}",
        f"李娜（配偶），{LEGACY_ID}，汉阴县",
        f"配偶（李娜）{LEGACY_ID}",
        f"监护人【张伟】 {LEGACY_ID}",
    ],
)
def test_a_legacy_id_number_after_a_bracketed_relation(text: str) -> None:
    leaks(text, [LEGACY_ID])


@pytest.mark.parametrize(
    "text",
    [
        "张伟（户主）610902901301123",  # no date: month 13
        "王家庄（户主）610902900101123",  # a place
        "金额（合计）610902900101123",
        "配偶（汉阴县）610902900101123",
    ],
)
def test_fifteen_digits_after_brackets_of_no_person_stay(text: str) -> None:
    for role in ROLES:
        masked = out(text, "text/plain", role)
        assert "610902901301123" in masked or "610902900101123" in masked, (role, text, masked)
