"""BIRTH_DATE: a clear birth date beside a 6+4-masked ID number would give the ID back."""

from __future__ import annotations

import json

import pytest

from classifiers.inspect import Inspector
from classifiers.registry import analyzer_engine
from policies.masking import load_profiles

INSPECTOR = Inspector()
PROFILES = load_profiles()


def masked(key: str, value: object, role: str = "caseworker") -> object:
    body = json.dumps({"items": [{key: value, "name": "张伟"}]}, ensure_ascii=False).encode()
    result = INSPECTOR.inspect(body, "application/json", "utf-8", PROFILES.for_roles([role]))
    return json.loads(result.body)["items"][0][key]


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("birthDate", "1976-10-01"),
        ("birthday", "1976/10/1"),
        ("dateOfBirth", "1976.10.01"),
        ("csrq", "19761001"),
        ("出生日期", "1976年10月1日"),
        ("出生年月", "1976-10"),
        ("csrq", "１９７６－１０－０１"),  # full-width
        ("csrq", "1976-10-1"),  # one-digit day: joined, 1976101 is no date shape
        ("birthDate", "1976-1-5"),
    ],
)
def test_birth_dates_are_cut_to_the_year(key: str, value: str) -> None:
    assert masked(key, value) == "1976年"
    assert masked(key, value, role="strict") == "[已屏蔽]"


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("birthDate", "unknown"),  # not a date: the key alone does not make it one
        ("birthDate", "1976-13-01"),
        ("createTime", "2026-11-01"),  # other dates are business data
        ("date", "1976-10-01"),
    ],
)
def test_other_values_stay(key: str, value: str) -> None:
    assert masked(key, value) == value


def _text(text: str, role: str) -> str:
    return INSPECTOR.inspect(text.encode(), "text/plain", "utf-8", PROFILES.for_roles([role])).body.decode()


# A date of birth after its label in text, or before 生 at a clause's end (entities/birth_date.py,
# thirty-fourth session): under the keys it was cut to the year, after the same words in a remark
# it went out whole. As text and as a JSON string.
@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("出生日期：1976年10月1日", "1976年10月1日"),
        ("姓名：张伟，出生日期：1976-10-01，汉族", "1976-10-01"),
        ("生日：19761001", "19761001"),
        ("出生年月：1976.10", "1976.10"),
        ("特困人员刘桂兰，女，出生于1976年10月，住敬老院", "1976年10月"),
        ("DOB: 1976/10/1", "1976/10/1"),
        ("学生张伟 DOB: 1976/10/1", "1976/10/1"),
        ("Date of birth: 1976-10-01", "1976-10-01"),
        ("出生日期：１９７６年１０月１日", "１９７６年１０月１日"),
        ("儿童孙浩然，1976年10月生，父亲服刑", "1976年10月"),
        ("经查，张伟（男，1976年10月1日出生），汉族", "1976年10月1日"),
    ],
)
def test_a_birth_date_in_text_is_cut_to_the_year(text: str, date: str) -> None:
    assert date not in _text(text, "strict")
    caseworker = _text(text, "caseworker")
    assert date not in caseworker and "1976年" in caseworker, caseworker
    as_json = json.dumps({"bz": text}, ensure_ascii=False).encode()
    result = INSPECTOR.inspect(as_json, "application/json", "utf-8", PROFILES.for_roles(["strict"]))
    assert date not in json.loads(result.body)["bz"]


@pytest.mark.parametrize(
    "text",
    [
        "1945年出生",  # a year alone
        "2015年6月生活困难",
        "2024年3月出生证明已开具",
        "出生地：汉滨区",
        "出生证号：Q610123456",
        "出生日期：1976年13月",
        "生日蛋糕2份，2024年3月1日送达",
    ],
)
def test_dates_that_are_no_birth_date_stay(text: str) -> None:
    assert _text(text, "strict") == text


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("出生日期：1976年10月1日", "1976年10月1日"),
        ("DOB: 1976-10-01", "1976-10-01"),
        ("孙浩然，1976年10月生，", "1976年10月"),
    ],
)
def test_presidio_finds_a_birth_date_after_its_label(text: str, date: str) -> None:
    results = analyzer_engine().analyze(text=text, language="zh")
    assert [text[r.start : r.end] for r in results if r.entity_type == "BIRTH_DATE"] == [date]
