"""Numbers round nine: numbers and addresses that still came out in clear, or half in clear,
checked through ``Inspector.inspect`` for the strict and the caseworker profile, each beside
look-alikes that must stay (docs/classifiers-rounds.md, the nineteenth round)."""

from __future__ import annotations

import json
import re

import pytest

from support.inspected import ROLES, as_bodies, json_leaks, leaks, out, unchanged
from support.synth_people import make_id

ID = make_id()  # 610902199001011235
ID_X = make_id(seq="118")  # 61090219900101118X
BIRTH = ID[6:14]


# 1. A building, a unit and a room: the number's 号 was taken before 号楼 (12号 a house number),
# and the parse stopped there; with spaces between the parts it stopped at each space.
@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("住址：12号楼 3单元 301", ["楼", "3单元", "301"]),
        ("住址：12号楼3单元301", ["楼", "3单元", "301"]),
        ("家住幸福小区12号楼3单元301室", ["楼", "3单元", "301"]),
        ("家住幸福小区12号楼 3单元 301室，电话见附件", ["楼", "3单元", "301"]),
        ("现住址：育才路12号 3栋 2单元 501室", ["3栋", "2单元", "501"]),
    ],
)
def test_a_buildings_unit_and_room_go_with_the_address(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "房间号：301",  # a room number alone, in no address
        "他住在12号楼",  # no label, no region: as before
        "12号楼3单元301",
        "会议室：3单元 301",  # no address's label
    ],
)
def test_rooms_and_buildings_outside_an_address_stay(text: str) -> None:
    unchanged(text)


# After a comma, a unit or a numbered building is still the dwelling's (the parse stopped at the
# comma: 家住汉滨区育才路12号，3单元301 left 3单元301); a count after it is not (3人, 2座房屋).
@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("家住汉滨区育才路12号，3单元301", ["3单元", "301"]),
        ("家住汉滨区育才路12号, 3单元301室", ["3单元", "301"]),
        ("家住汉滨区育才路12号，5号楼2单元301", ["5号楼", "2单元", "301"]),
    ],
)
def test_a_unit_after_a_comma_goes_with_the_address(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    ("text", "kept"),
    [("住址：汉滨区育才路12号，3人同住", "，3人同住"), ("地址：汉滨区育才路12号，2座房屋", "，2座房屋")],
)
def test_a_count_after_an_addresss_comma_stays(text: str, kept: str) -> None:
    for role in ROLES:
        assert out(text, "text/plain", role).endswith(kept), role


def test_a_year_after_a_unit_is_no_room() -> None:
    assert out("住址：幸福小区3单元 2023年入住", "text/plain", "outsourced") == "住址：[已屏蔽] 2023年入住"


# 2. A landline's extension: the number read with its groups joined (09153212345, lifted by 电话)
# outscored the grouped one that takes the extension, so 转8001 stayed beside the masked number;
# -8001 was taken, and the caseworker's mask showed the extension as the number's last four.
@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("联系电话0915-3212345转8001", "联系电话091****2345转****"),
        ("联系电话0915-3212345转 8001", "联系电话091****2345转 ****"),
        ("联系电话0915-3212345-8001", "联系电话091****2345-****"),
        ("联系电话0915-3212345 ext. 8001", "联系电话091****2345 ext. ****"),
        ("办公电话：0915-3212345 分机 8001。", "办公电话：091****2345 分机 ****。"),
    ],
)
def test_a_landlines_extension_is_masked_with_it(text: str, masked: str) -> None:
    assert out(text, "text/plain", "caseworker") == masked
    assert "8001" not in out(text, "text/plain", "outsourced")


def test_a_landlines_extension_under_a_phone_key_is_masked_with_it() -> None:
    body = json.dumps({"lxdh": "0915-3212345转8001"}, ensure_ascii=False)
    assert json.loads(out(body, "application/json", "caseworker")) == {"lxdh": "091****2345转****"}


def test_what_follows_a_landline_and_is_no_extension_stays() -> None:
    """转账 is a transfer (an amount follows), no extension's 转."""
    assert out("联系电话0915-3212345，转账8001元", "text/plain", "caseworker") == "联系电话091****2345，转账8001元"


# 3. A landline with its area code in brackets: the caseworker's mask kept the text's first three
# characters, a bracket among them ((09******2345); now the number's digits, as 0915-3212345.
@pytest.mark.parametrize("phone", ["(0915)3212345", "（0915）3212345", "(0915) 3212345", "0915-3212345"])
def test_a_bracketed_area_code_masks_as_a_hyphenated_one(phone: str) -> None:
    assert out(f"联系电话{phone}", "text/plain", "caseworker") == "联系电话091****2345"
    body = json.dumps({"lxdh": phone}, ensure_ascii=False)
    assert json.loads(out(body, "application/json", "caseworker")) == {"lxdh": "091****2345"}


# A landline written from abroad: the country code, then the area code without its 0
# (+86-915-3212345) went out whole; masked as the number dialled at home.
@pytest.mark.parametrize(
    ("phone", "subscriber", "masked"),
    [
        ("+86-915-3212345", "3212345", "091****2345"),
        ("+86 915 3212345", "3212345", "091****2345"),
        ("+86(915)3212345", "3212345", "091****2345"),
        ("+86-10-62345678", "62345678", "010****5678"),
        ("0086-915-3212345", "3212345", "091****2345"),
        ("＋８６－９１５－３２１２３４５", "３２１２３４５", "091****2345"),
        ("+86 (10) 62345678转8001", "62345678", "010****5678转****"),
    ],
)
def test_a_landline_from_abroad_is_masked_as_dialled_at_home(phone: str, subscriber: str, masked: str) -> None:
    assert out(f"联系电话：{phone}", "text/plain", "caseworker") == f"联系电话：{masked}"
    leaks(f"联系电话：{phone}", [subscriber])
    body = json.dumps({"lxdh": phone}, ensure_ascii=False)
    assert json.loads(out(body, "application/json", "caseworker")) == {"lxdh": masked}


@pytest.mark.parametrize("text", ["共86-915-3212345元", "订单号86-915-3212345", "编号+86-915-321"])
def test_a_bare_86_before_an_area_code_is_no_country_code(text: str) -> None:
    unchanged(text)


# 4. A 17-digit ID number in pieces parted by commas or brackets after its label (only in one piece
# or in groups the scanner joins was it read), and a float after an ID's label.
@pytest.mark.parametrize(
    "text",
    [
        f"身份证号：{ID[:6]},{ID[6:14]},{ID[14:17]}",
        f"身份证号：{ID[:6]}（{ID[6:14]}）{ID[14:17]}",
        f"公民身份号码 “{ID[:6]}”“{ID[6:17]}”",
    ],
)
def test_a_truncated_id_in_pieces_after_its_label_is_masked(text: str) -> None:
    for role in ROLES:
        for body, media_type in as_bodies(text):
            digits = re.sub("[^0-9]", "", out(body, media_type, role))
            assert BIRTH not in digits and ID[:6] + ID[6:9] not in digits, (role, media_type, digits)


def test_a_truncated_id_in_pieces_masks_as_one_number() -> None:
    """Its digits, at an 18-character number's positions: the separators are no characters of it."""
    text = f"身份证号：{ID[:6]},{ID[6:14]},{ID[14:17]}"
    assert out(text, "text/plain", "caseworker") == f"身份证号：{ID[:6]}********{ID[14:17]}"


@pytest.mark.parametrize(
    "text",
    ["身份证号：610902,900101,123", "身份证号：610902（900101）123", "身份证号 “610902”“900101123”"],
)
def test_a_legacy_id_in_pieces_after_its_label_is_masked(text: str) -> None:
    """A 15-digit number of before 1999 (no check character: a plausible province and date)."""
    leaks(text, ["900101"])


@pytest.mark.parametrize(
    "text",
    [
        "身份证号：610902,901301,123",  # no date (month 13)
        "身份证号已核实，档案号610902,900101,123",  # another number's label between
        "业务流水号：610902,900101,123",  # no ID's label
    ],
)
def test_pieces_of_15_digits_that_are_no_legacy_id_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    "text",
    [
        f"业务流水号：{ID[:6]},{ID[6:14]},{ID[14:17]}",  # no ID's label
        f"身份证号已核实，档案号{ID[:6]},{ID[6:14]},{ID[14:17]}",  # another number's label between
        "身份证号：610902,20231301,123",  # no date (month 13)
        "身份证号：990902,19900101,123",  # no province
        f"身份证号：{ID[:6]},{ID[6:14]},{ID[14:16]}",  # 16 digits
    ],
)
def test_pieces_of_17_digits_that_are_no_id_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    "text",
    ["身份证号 6.10902199001011E17", "身份证号6.10902199001011E+17，已核实", "证件号码：6.10902199001011e+17"],
)
def test_a_float_id_after_its_label_is_masked_whole(text: str) -> None:
    leaks(text, ["6.1", "E17", "E+17", "e+17", BIRTH[:6]])


@pytest.mark.parametrize(
    "text",
    [
        "金额：6.10902199001011E17",  # no ID's label
        "身份证号已核实，编号6.10902199001011E+17",  # another number's label between
        "身份证号 6.10902199001011E+15",  # 16 digits: no ID number's
    ],
)
def test_floats_that_are_no_labelled_id_stay(text: str) -> None:
    unchanged(text)


# 5. An English address without a label: only with a street's (or a village's) word and an
# area's in one run of capitalised words. Under dz (地址's initials), a value that reads as an address.
@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("lives at No. 12 Yucai Road, Hanbin District, Ankang", ["Yucai", "12", "Hanbin", "Ankang"]),
        ("The family lives at 88 Jianguo Rd, Chaoyang District, Beijing.", ["Jianguo", "88", "Chaoyang"]),
        ("家庭情况：lives at No. 12 Yucai Road, Hanbin District", ["Yucai", "Hanbin"]),
        ("Moved to 5 Dongba Village, Hanbin District in 2020", ["Dongba"]),
    ],
)
def test_an_english_address_without_a_label_is_masked(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


def test_an_english_address_in_prose_ends_with_its_sentence() -> None:
    text = "The family lives at No. 12 Yucai Road, Hanbin District. They applied in May."
    assert out(text, "text/plain", "outsourced") == "The family lives at [已屏蔽]. They applied in May."


def test_a_column_of_english_addresses_without_labels_is_masked() -> None:
    """A long column is pre-checked by RE2 (columns.py), which reads precheck.MAYBE."""
    json_leaks([{"bz": f"lives at No. {i} Yucai Road, Hanbin District"} for i in range(1, 40)], ["Yucai"])


@pytest.mark.parametrize(
    "text",
    [
        "Hanbin District Civil Affairs Bureau approved the application.",  # an area, no street
        "He walked along Yucai Road to the office.",  # a street, no area
        "Reviewed by the City Social Assistance Unit, Ankang",  # no street
        "The office on Yucai Road opens at 9.",
    ],
)
def test_english_prose_that_names_no_dwelling_stays(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize(
    ("value", "secret"),
    [
        ("No. 12 Yucai Road, Hanbin District", "Yucai"),
        ("Room 301, Bldg 3, 88 Jianguo Rd", "Jianguo"),
        ("育才路12号", "育才路"),
        ("陕西省安康市汉滨区育才路12号", "育才路"),
    ],
)
def test_an_address_under_dz_is_masked(value: str, secret: str) -> None:
    json_leaks({"dz": value}, [secret])
    json_leaks([{"xm": "张伟", "dz": value} for _ in range(3)], [secret])


@pytest.mark.parametrize("value", ["1", "Y", "已到账", "Hanbin District", "2023-01-01"])
def test_values_under_dz_that_are_no_address_stay(value: str) -> None:
    body = json.dumps({"dz": value}, ensure_ascii=False)
    for role in ROLES:
        assert out(body, "application/json", role) == body, role


def test_english_under_jtzz_and_hjdz_is_masked_as_before() -> None:
    json_leaks({"jtzz": "No. 12 Yucai Road, Hanbin District", "hjdz": "5 Dongba Village"}, ["Yucai", "Dongba"])


# 6. A disability card's number (残疾人证号: the ID number, its category 1-7 and its grade 1-4):
# 20 digits, no number's pattern, and the ID number inside went out in clear.
@pytest.mark.parametrize(
    "text",
    [f"残疾人证号{ID}11", f"残疾证号：{ID}42", f"持证{ID_X}23，一级", f"残疾人证 {ID}74"],
)
def test_a_disability_cards_number_is_masked(text: str) -> None:
    leaks(text, [BIRTH, ID[:6] + ID[6:9]])


@pytest.mark.parametrize("key", ["cjrzh", "cjzh", "残疾人证号", "sfzh"])
def test_a_disability_cards_number_under_a_key_is_masked(key: str) -> None:
    json_leaks({key: f"{ID}11"}, [BIRTH])


def test_a_disability_cards_mask_hides_the_category_and_grade() -> None:
    """The caseworker sees what an ID number's mask shows; the category and the grade (health
    data) are hidden."""
    assert out(f"残疾人证号{ID}11", "text/plain", "caseworker") == f"残疾人证号{ID[:6]}********{ID[14:]}**"


@pytest.mark.parametrize(
    "text",
    [
        f"编号{ID[:17]}599",  # an invalid ID number's 18 characters and two digits
        f"流水号{ID}59",  # a category (5) and no grade (9)
        f"流水号{ID}80",  # no category 8
        "档案号6109020012345",  # no ID number inside (a 低保证号 is masked now: REGISTER_NUMBER)
        "档案号：610902202301000123",
        f"{ID}123",  # 21 digits
    ],
)
def test_20_digits_that_are_no_disability_card_stay(text: str) -> None:
    unchanged(text)


# Probed and found masked already: an ID with a ' before it (a spreadsheet's text cell), a mobile
# after +86- or a full-width plus.
@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"身份证号'{ID}", BIRTH),
        ("电话+86-13800138000", "0013800"),
        ("电话＋86 13800138000", "0013800"),
    ],
)
def test_shapes_found_masked_already(text: str, secret: str) -> None:
    leaks(text, [secret])


def test_an_id_in_a_spreadsheets_text_cell_under_its_key_is_masked() -> None:
    for body, media_type in ((json.dumps({"sfzh": f"'{ID}"}), "application/json"), (f"sfzh\n'{ID}\n", "text/csv")):
        for role in ROLES:
            assert BIRTH not in out(body, media_type, role), (role, media_type)
