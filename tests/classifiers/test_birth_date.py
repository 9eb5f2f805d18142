"""BIRTH_DATE: a clear birth date beside a 6+4-masked ID number would give the ID back."""

from __future__ import annotations

import json

import pytest

from classifiers.inspect import Inspector
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
