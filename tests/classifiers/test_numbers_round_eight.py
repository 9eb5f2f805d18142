"""Numbers round eight: numbers and addresses that still came out in clear, or half in clear,
checked through ``Inspector.inspect`` for the strict and the caseworker profile, each beside
look-alikes that must stay (docs/classifiers-rounds.md, the eighteenth round)."""

from __future__ import annotations

import json
import re

import pytest

from support.inspected import ROLES, as_bodies, json_leaks, leaks, out, unchanged
from support.synth_people import bad_check, make_id

ID = make_id()  # 610902199001011235
MISTYPED = bad_check(ID)
BIRTH = ID[6:14]


# 1. An address spaced a character at a time whose house number is two digits: the spaced run
# stopped at the number's first digit, and its last digit and 号 went out (家住 ***2 号).
@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("家住 陕 西 省 安 康 市 汉 滨 区 育 才 路 12 号", ["2 号", "育 才"]),
        ("住址：汉 滨 区 育 才 路 128 号 3 栋，已核实", ["128", "8 号", "3 栋"]),
    ],
)
def test_a_spaced_address_is_masked_to_its_end(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


# 2. An ID number cut to 17 digits after its label, and one mistyped in pieces.
@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"身份证号{ID[:17]}", BIRTH),
        (f"身份证号：{ID[:17]}，电话见附件", BIRTH),
        (f"公民身份号码 {ID[:17]}", BIRTH),
        (f"身份证号 {MISTYPED[:6]} {MISTYPED[6:14]} {MISTYPED[14:]}", BIRTH),
        (f"身份证号：{MISTYPED[:6]}-{MISTYPED[6:14]}-{MISTYPED[14:]}", BIRTH),
        (f"身份证号：{MISTYPED[:6]}（{MISTYPED[6:14]}）{MISTYPED[14:]}", BIRTH),
    ],
)
def test_a_truncated_or_mistyped_id_after_its_label_is_masked(text: str, secret: str) -> None:
    leaks(text, [secret])


def test_an_id_cut_to_17_digits_in_groups_after_its_label_is_masked_whole() -> None:
    """身份证号 610902 19900101 123: the scanner took 19900101 123 for a mobile, and the caseworker's
    mask showed the birth year's first three digits and the day's last (610902 199****1123)."""
    text = f"身份证号 {ID[:6]} {ID[6:14]} {ID[14:17]}"
    for role in ROLES:
        for body, media_type in as_bodies(text):
            digits = re.sub("[^0-9]", "", out(body, media_type, role))
            assert ID[6:9] not in digits.removeprefix(ID[:6]), (role, media_type, digits)


@pytest.mark.parametrize(
    "text",
    [
        f"业务流水号{ID[:17]}",  # a serial of 17 digits without an ID's label
        f"编号：{ID[:17]}",
        "身份证号已核实，档案号61090220230101123",  # another number's label between (低保证号's is masked now)
        "身份证号 610902 20231301 1230",  # no date (month 13)
        "身份证号 990902 19900101 1230",  # no province
        "身份证号已核，档案编号 610902 19900101 1230",  # in pieces, another number's label between
        f"身份证号{ID[:16]}",  # 16 digits
        "身份证号：61090219900101123456",  # 20 digits: a longer number
    ],
)
def test_17_digits_and_pieces_that_are_no_id_stay(text: str) -> None:
    unchanged(text)


# 2b. The caseworker's mask of an ID number cut to 17 digits showed its last four, one of them the
# birth date's last digit: masked at the positions of an 18-character number's mask.
def test_a_truncated_ids_mask_hides_the_whole_birth_date() -> None:
    shown = f"{ID[:6]}********{ID[14:17]}"
    assert out(f"身份证号{ID[:17]}", "text/plain", "caseworker") == f"身份证号{shown}"
    assert json.loads(out(json.dumps({"sfzh": ID[:17]}), "application/json", "caseworker")) == {"sfzh": shown}


# 3. A phone written as a float: the caseworker's mask showed the float text's characters
# (138***3810), one digit more than a mobile's mask; now the number's digits, as a mobile's.
@pytest.mark.parametrize("value", ["1.3800138E10", "1.3800138e+10", "1.38001380E10"])
def test_a_float_phones_mask_shows_what_a_mobiles_mask_shows(value: str) -> None:
    body = json.dumps({"lxdh": value})
    assert json.loads(out(body, "application/json", "caseworker")) == {"lxdh": "138****8000"}
    assert json.loads(out(body, "application/json", "outsourced")) == {"lxdh": "[已屏蔽]"}


# 4. An address in English after an address's label in prose.
@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("住址：No. 12 Yucai Road, Hanbin District, Ankang", ["Yucai", "12", "Hanbin"]),
        ("家住 Room 301, Bldg 3, 88 Jianguo Rd, Chaoyang District, Beijing。", ["301", "Jianguo", "Chaoyang"]),
        ("户籍地址: 5 Dongba Village, Wuli Town, Hanbin District", ["Dongba", "Wuli"]),
        ("户籍地：No.5 Dongba Village", ["Dongba"]),
    ],
)
def test_an_english_address_after_its_label_is_masked(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


def test_a_column_of_english_addresses_after_labels_is_masked() -> None:
    """A long column is pre-checked by RE2 (columns.py), which reads precheck.MAYBE."""
    json_leaks([{"bz": f"住址：No. {i} Yucai Road, Hanbin District"} for i in range(1, 40)], ["Yucai"])


def test_an_english_address_under_an_address_key_is_masked() -> None:
    body = json.dumps({"address": "No. 12 Yucai Road, Hanbin District, Ankang, Shaanxi"})
    for role in ROLES:
        assert "Yucai" not in out(body, "application/json", role), role


@pytest.mark.parametrize(
    "text",
    [
        "The office on Yucai Road opens at 9.",  # English prose, no label
        # (No. 12 Yucai Road, with no label and no area, stood here: a house number before a street's
        # name is an address since round ten, test_numbers_round_ten.py)
        "Yucai Road",  # no label, no area, no number
        "地址：see attachment",  # no street
        "住址：Hanbin District, Ankang",  # a district is no dwelling
        "地址：ABC",
    ],
)
def test_english_text_that_is_no_labelled_address_stays(text: str) -> None:
    unchanged(text)


# 5. A bank card after its label in pieces parted by what the scanner does not join.
CARD = "6222021234567890128"  # passes the Luhn check


@pytest.mark.parametrize(
    "text",
    [
        f"银行卡号：{CARD[:4]},{CARD[4:8]},{CARD[8:12]},{CARD[12:16]},{CARD[16:]}",
        f"卡号：{CARD[:6]}（{CARD[6:16]}）{CARD[16:]}",
        f"开户账号 “{CARD[:6]}”“{CARD[6:]}”",
        f"银行账号：{CARD[:4]}；{CARD[4:8]}；{CARD[8:12]}；{CARD[12:16]}；{CARD[16:]}，户名张伟",
    ],
)
def test_a_bank_card_in_pieces_after_its_label_is_masked(text: str) -> None:
    """Read without the separators: the card's middle digits stand in different pieces."""
    for role in ROLES:
        for body, media_type in as_bodies(text):
            assert CARD[6:15] not in re.sub("[^0-9]", "", out(body, media_type, role)), (role, media_type)


@pytest.mark.parametrize(
    "text",
    [
        f"金额：{CARD[:4]},{CARD[4:8]},{CARD[8:12]},{CARD[12:16]},{CARD[16:]}",  # no card's label
        "卡号：6222,0212,3456,7890,120",  # fails the Luhn check
        "账户余额 1,234,567.89 元",  # too few digits
        "卡号：1111,1111,1111,1111",  # one digit repeated
    ],
)
def test_pieces_that_are_no_labelled_card_stay(text: str) -> None:
    unchanged(text)


def test_a_bank_cards_mask_shows_its_digits_not_its_separators() -> None:
    """The caseworker's mask of a card in pieces kept the text's first six and last four
    characters (``6222,0*************,128``, ``622202***********)128``): now the card's digits."""
    for text in (
        f"银行卡号：{CARD[:4]},{CARD[4:8]},{CARD[8:12]},{CARD[12:16]},{CARD[16:]}",
        f"卡号：{CARD[:6]}（{CARD[6:16]}）{CARD[16:]}",
    ):
        label = text.split("：")[0]
        assert out(text, "text/plain", "caseworker") == f"{label}：{CARD[:6]}*********{CARD[-4:]}", text


# 5b. An ID number or a card a spreadsheet wrote as a float, under its key: its first 15 digits
# (the province and the date of birth among them) went out.
@pytest.mark.parametrize(
    ("key", "value", "secret"),
    [
        ("sfzh", "6.10902199001011E+17", "199001"),
        ("sfzh", "6.10902199001011e17", "199001"),
        ("身份证号", "6.10902199001011E+17", "199001"),
        ("yhkh", "6.22202123456789E+18", "23456789"),
    ],
)
def test_a_number_a_spreadsheet_wrote_as_a_float_under_its_key_is_masked(key: str, value: str, secret: str) -> None:
    for role in ROLES:
        for body, media_type in (
            (json.dumps({"xm": "张伟", key: value}, ensure_ascii=False), "application/json"),
            (f"xm,{key}\n张伟,{value}\n", "text/csv"),
        ):
            masked = out(body, media_type, role)
            assert secret not in masked, (role, media_type, masked)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("sfzh", "6.10902E+17"),  # six digits: no date of birth left
        ("sfzh", "9.90902199001011E+17"),  # no province
        ("je", "6.10902199001011E+17"),  # no ID's key
        ("yhkh", "1.5E3"),
    ],
)
def test_floats_under_number_keys_that_are_no_number_stay(key: str, value: str) -> None:
    body = json.dumps({key: value})
    for role in ROLES:
        assert out(body, "application/json", role) == body, role
