"""An ID number written in pieces, parted by what the scanner does not join (classifiers/labelled_ids.py
after a label, detect.py's key claim under an ID key), checked through ``Inspector.inspect``."""

from __future__ import annotations

import json
import re

import pytest

from support.inspected import INSPECTOR, PROFILES, ROLES, out
from support.synth_people import bad_check, make_id

X_ID = make_id(seq="003")  # its check character is X
BIRTH = X_ID[6:14]


@pytest.mark.parametrize(
    "text",
    [
        f"身份证号：{X_ID[:6]}（{BIRTH}）{X_ID[14:]}",
        f"身份证号：{X_ID[:6]}[{BIRTH}]{X_ID[14:]}",
        f"公民身份号码 {X_ID[:6]},{BIRTH},{X_ID[14:]}",
        f"身份证号码为：{X_ID[:6]}、{BIRTH}、{X_ID[14:]}，电话13912345678",
        f"身份证：“{X_ID[:6]}”“{X_ID[6:]}”",
        f'证件号码 "{X_ID[:6]}"+"{X_ID[6:]}"',
        f"身份证号：{X_ID[:6]} {BIRTH} {X_ID[14:17]} {X_ID[17]}",  # the check character apart
        f"身份证号：{' '.join(X_ID)}",  # a character at a time
    ],
)
def test_an_id_number_in_pieces_after_its_label(text: str) -> None:
    """Before: the number went out in clear, or its middle 11 digits were masked as a mobile
    (``110105 194****1002 X``), the birth date's year left standing."""
    for role in ROLES:
        for media_type, body in (
            ("text/plain", text),
            ("application/json", json.dumps({"bz": text}, ensure_ascii=False)),
        ):
            masked = out(body, media_type, role)
            assert BIRTH not in re.sub("[^0-9]", "", masked), (role, masked)
            if role == "outsourced":
                assert X_ID[:6] not in masked, masked
    result = INSPECTOR.inspect(text.encode(), "text/plain", "utf-8", PROFILES.for_roles(["caseworker"]))
    assert X_ID in result.persons  # tokenised as the number typed in one piece
    assert result.entity_counts.get("RESIDENT_ID") == 1, result.entity_counts


@pytest.mark.parametrize(
    "value",
    [
        f"{X_ID[:6]}（{BIRTH}）{X_ID[14:]}",
        f"{X_ID[:6]}({BIRTH}){X_ID[14:]}",
        f"“{X_ID[:6]}”+“{X_ID[6:]}”",
        f"{X_ID[:6]}、{BIRTH}、{X_ID[14:]}",
        f"{X_ID[:6]}【{BIRTH}】{X_ID[14:]}",
    ],
)
def test_an_id_number_in_pieces_under_an_id_key(value: str) -> None:
    """Before: ``{"sfzh": "610902（19900101）003X"}`` went out as it came: the key's claim read
    the value's digits parted by spaces, slashes, commas and the like, not by brackets."""
    for role in ROLES:
        masked = out(json.dumps({"xm": "张伟", "sfzh": value}, ensure_ascii=False), "application/json", role)
        assert BIRTH not in masked, (role, masked)


@pytest.mark.parametrize(
    "text",
    [
        # (a mistyped number in pieces after its label is masked since the eighteenth round:
        # test_numbers_round_eight.py)
        f"身份证号：{bad_check(X_ID)[:6]}（19901301）{bad_check(X_ID)[14:]}",  # no date once joined
        "身份证复印件1份、户口簿2份、低保证3本",
        "证件号码 120000,12000,3000,200",
        f"身份证明：金额{X_ID[:6]}元（{BIRTH}）",  # parted by words, not by punctuation
        f"编号：{X_ID[:6]}（{BIRTH}）{X_ID[14:]}",  # no label for an ID number
    ],
)
def test_digits_after_a_label_that_are_no_id_number_stay(text: str) -> None:
    for role in ROLES:
        assert out(text, "text/plain", role) == text, role


MISTYPED = bad_check(make_id())


@pytest.mark.parametrize(
    "text",
    [
        f"身份证号{MISTYPED}",
        f"身份证号码：{MISTYPED}，电话13912345678",
        f"公民身份号码为 {MISTYPED}。",
        f"证件号码：{bad_check(X_ID)}",
    ],
)
def test_an_id_number_mistyped_after_its_label(text: str) -> None:
    """Before: in clear (the check character failed), where under a key it was masked."""
    for role in ROLES:
        masked = out(text, "text/plain", role)
        assert MISTYPED[6:14] not in masked and BIRTH not in masked, (role, masked)


@pytest.mark.parametrize(
    "text",
    [
        f"身份证号{MISTYPED}1",  # 19 digits: no ID number
        f"编号{MISTYPED}",  # no label for an ID number
        "身份证号码后四位1235",
        f"身份证号99{MISTYPED[2:]}",  # no such province
        f"身份证号{MISTYPED[:6]}19901301{MISTYPED[14:]}",  # no such date
    ],
)
def test_digits_after_a_label_that_are_no_mistyped_id_number_stay(text: str) -> None:
    for role in ROLES:
        assert out(text, "text/plain", role) == text, role
