"""Numbers round eleven: numbers of civil-affairs papers that went out in clear, and parts of an
address left after it, checked through ``Inspector.inspect`` for the strict and the caseworker
profile, each beside look-alikes that must stay (docs/classifiers-rounds.md, the twenty-first
round)."""

from __future__ import annotations

import pytest

from support.inspected import ROLES, inspected_json, leaks, out, unchanged

ID = "610902199001011235"  # checksum-valid, 汉滨区
MISTYPED = "610902199001011230"  # the same with a wrong check digit


def _json_leaks(doc: dict[str, object], secret: str) -> None:
    for role in ROLES:
        masked = inspected_json(doc, role).body.decode()
        assert secret not in masked, (role, masked)


def _entities(text: str) -> dict[str, int]:
    return dict(inspected_json({"bz": text}, "outsourced").entity_counts)


# The social security number (社会保障号码) is the holder's ID number: a valid one needs no label;
# a mistyped one and a legacy one went out after 社会保障号码 and 社保号, and under their keys.
@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"社会保障号码：{ID}", ID[6:14]),
        (f"社会保障号码：{MISTYPED}", MISTYPED[6:14]),
        (f"社保号：{MISTYPED}", MISTYPED[6:14]),
        ("社会保障号码：610902900101123", "900101"),
        ("社保号610902900101123", "900101"),
    ],
)
def test_the_social_security_number_is_masked_as_the_id_number(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize("key", ["shbzhm", "社会保障号码", "社保号", "socialSecurityNo"])
def test_a_mistyped_id_under_the_social_security_numbers_key_is_masked(key: str) -> None:
    _json_leaks({"data": [{"xm": "张伟", key: MISTYPED}]}, MISTYPED[6:14])


# 3. A dwelling's part in brackets after the house number: it names the home.
@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("汉滨区育才路12号（3栋2单元）", ["3栋", "2单元"]),
        ("住址：汉滨区育才路12号（3栋2单元501室）", ["3栋", "2单元", "501"]),
        ("家住育才路12号(A座1201)", ["A座", "1201"]),
        ("住址：汉滨区育才路12号（2单元301）", ["2单元", "301"]),
    ],
)
def test_a_dwellings_part_in_brackets_goes_with_the_address(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("住址：汉滨区育才路12号（原3号）", "（原3号）"),  # a note on the number, no dwelling's part
        ("住址：汉滨区育才路12号（共3栋）", "（共3栋）"),
        ("住址：汉滨区育才路12号（自建房）", "（自建房）"),
        ("住址：汉滨区育才路12号、13号", "、13号"),  # a second number with no street names no home
    ],
)
def test_notes_in_brackets_after_the_address_stay(text: str, kept: str) -> None:
    for role in ROLES:
        assert out(text, "text/plain", role).endswith(kept), role


# 4. The Mainland travel permit of Hong Kong and Macau residents (回乡证: H or M and eight digits,
# two more for its renewals) after the permit's word: the passport's pattern had C only.
@pytest.mark.parametrize(
    "text",
    [
        "港澳居民来往内地通行证：H12345678",
        "港澳居民来往内地通行证号码M87654321",
        "回乡证号：H1234567801",
    ],
)
def test_a_hong_kong_or_macau_residents_permit_is_masked(text: str) -> None:
    leaks(text, ["234567", "654321"])


@pytest.mark.parametrize("text", ["H12345678", "型号H12345678", "回乡证号：H00000000"])
def test_an_h_and_eight_digits_without_the_permits_word_stays(text: str) -> None:
    unchanged(text)
