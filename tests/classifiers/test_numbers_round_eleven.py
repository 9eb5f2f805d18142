"""Numbers round eleven: numbers of civil-affairs papers that went out in clear, and parts of an
address left after it, checked through ``Inspector.inspect`` for the strict and the caseworker
profile, each beside look-alikes that must stay (docs/classifiers-rounds.md, the twenty-first
round)."""

from __future__ import annotations

import json

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


# 1. A social security card's own number (one letter and eight digits) after its label or under
# its key: no entity read it, and it went out to every profile.
@pytest.mark.parametrize(
    "text",
    [
        "社保卡号：A12345678",
        "社会保障卡卡号：A12345678",
        "社保卡卡号A12345678",
        "社会保障卡号D12345678",
        "社保卡：A12345678，已激活",
        "社保卡号:a12345678",
        "该户社保卡（卡号A12345678）已挂失",
    ],
)
def test_a_social_security_cards_number_after_its_label_is_masked(text: str) -> None:
    leaks(text, ["12345678"])
    assert _entities(text).get("SOCIAL_SECURITY_CARD") == 1, text


@pytest.mark.parametrize(
    "key",
    ["sbkh", "shbzkh", "sbkkh", "socialSecurityCardNo", "社保卡号", "社保卡卡号", "社会保障卡卡号", "社会保障卡号"],
)
def test_a_social_security_cards_number_under_its_key_is_masked(key: str) -> None:
    _json_leaks({"data": [{"xm": "张伟", key: "A12345678"}]}, "12345678")


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("护照号：E12345678", "PASSPORT"),  # a passport under its label stays one
        ("社保卡号：A12345678，护照号：E87654321", "PASSPORT"),
    ],
)
def test_a_passport_beside_the_card_stays_a_passport(text: str, entity: str) -> None:
    assert _entities(text).get(entity) == 1, text


@pytest.mark.parametrize(
    "text",
    [
        "A12345678",  # no label: an order's, a model's or a case's number as often
        "案号A12345678",
        "案件编号：A12345678",
        "订单A12345678已发货",
        "社保卡号：A00000000",  # a placeholder
        # 社保卡号：A1234567 and AB12345678 are the card's after its label since the twenty-fourth
        # round (one rule with the medical insurance card's): test_numbers_round_fourteen.
        "社会保障号码待补录，编号A12345678",  # the social security number's label, no card's
    ],
)
def test_letters_and_eight_digits_without_the_cards_label_stay(text: str) -> None:
    unchanged(text)


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


# 2. A household register's number and the numbers of a household's or a person's certificates
# (低保, 特困, 优待, 老年证): a household is looked up by each. Business numbers stay.
@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("户号：610902012", "610902012"),
        ("户口簿编号：610902012345", "610902012345"),
        ("户口本号码 610902012345", "610902012345"),
        ("户籍编号：123456789", "123456789"),
        ("该户户号为610902012，户主张某", "610902012"),
        ("低保证号：陕汉低字第2023001号", "2023001"),
        ("低保证号：20230012", "20230012"),
        ("特困供养证号：610902T2023001", "T2023001"),
        ("特困证编号610902-2023-001", "2023-001"),
        ("优待证号：6109021234567", "6109021234567"),
        ("老年证号：6109020012345", "6109020012345"),
    ],
)
def test_a_registers_number_after_its_label_is_masked(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    "key",
    [
        "户号",
        "户口簿编号",
        "户口本编号",
        "户籍编号",
        "hkbbh",
        "hjbh",
        "低保证号",
        "dbzh",
        "特困证号",
        "优待证号",
        "老年证号",
    ],
)
def test_a_registers_number_under_its_key_is_masked(key: str) -> None:
    _json_leaks({"data": [{"xm": "张伟", key: "610902012345"}]}, "610902012345")


@pytest.mark.parametrize(
    "text",
    [
        "案件编号：2023061000123",  # a case's number
        "审批编号：2023061000123",
        "申请编号：SQ20230601001",
        "客户号：20230601001",  # a customer's, an account's, a user's number: no household's
        "用户号：20230601001",
        "户号：3",  # a list's index
        "低保证号已核实",
        "全村共312户",
    ],
)
def test_business_numbers_and_counts_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize("key", ["案件编号", "审批编号", "ajbh", "spbh"])
def test_business_numbers_under_their_keys_stay(key: str) -> None:
    doc = {"data": [{key: "2023061000123"}]}
    for role in ROLES:
        assert json.loads(inspected_json(doc, role).body) == doc, role


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
        # 住址：汉滨区育才路12号、13号 was kept here: the second number goes with the address since
        # round twelve (test_numbers_round_twelve.py).
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
