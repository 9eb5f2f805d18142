"""Numbers round ten: numbers and addresses that still came out in clear, or half in clear,
checked through ``Inspector.inspect`` for the strict and the caseworker profile, each beside
look-alikes that must stay (docs/classifiers-rounds.md, the twentieth round)."""

from __future__ import annotations

import json

import pytest

from support.inspected import ROLES, inspected_json, leaks, out, unchanged


# 1. A building written with 栋, 幢 or 座 after the house number's comma: the parse took a comma
# before a unit or a 号楼 only, and 3栋2单元 went out beside the masked address.
@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("住址：汉滨区育才路12号，3栋2单元", ["3栋", "2单元"]),
        ("住址：汉滨区育才路12号，3幢2单元501", ["3幢", "2单元", "501"]),
        ("家住汉滨区育才路12号, A座1201室", ["A座", "1201"]),
        ("家住育才路12号 3栋2单元402", ["3栋", "2单元", "402"]),
    ],
)
def test_a_building_after_the_numbers_comma_goes_with_the_address(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("住址：汉滨区育才路12号，3栋房屋", "，3栋房屋"),  # a count of buildings, no dwelling's part
        ("住址：汉滨区育才路12号，2座房屋", "，2座房屋"),
        ("住址：汉滨区育才路12号，3栋", "，3栋"),  # nothing after it says it is one
    ],
)
def test_a_count_of_buildings_after_the_comma_stays(text: str, kept: str) -> None:
    for role in ROLES:
        assert out(text, "text/plain", role).endswith(kept), role


# 3. A village and its group, a rural household's address (most 低保 and 特困 cases'): with no
# label or district before it, only a county (汉滨区关庙镇…) was an anchor, so 石庙村3组12号 after
# 住, 居住于 or a name went out whole, and so did 关庙镇石庙村3组 (a township was no anchor);
# 第三村民小组 stayed after the masked village.
@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("住石庙村3组12号", ["石庙", "3组", "12号"]),
        ("户主居住于石庙村3组12号，特困供养", ["石庙", "3组", "12号"]),
        ("王某，石庙村3组村民，低保户", ["石庙", "3组"]),
        ("住在王家湾村三组", ["王家湾", "三组"]),
        ("申请人系关庙镇石庙村三组村民", ["关庙", "石庙", "三组"]),
        ("关庙镇石庙村3组", ["石庙", "3组"]),
        ("家住关庙镇石庙村第三村民小组", ["石庙", "第三"]),
        ("汉滨区关庙镇石庙村第三村民小组", ["石庙", "第三"]),
    ],
)
def test_a_village_and_its_group_are_masked_to_their_end(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "走访本村3组",  # 本村, 全村: this village, no name
        "全村3组共12户",
        "第3组村民代表",  # a group with no village before it
        "调查组走访石庙村",  # a village without its group: as before
        "城关镇派出所",  # a township alone
    ],
)
def test_groups_without_a_named_village_stay(text: str) -> None:
    unchanged(text)


# 2. An English address in a remark whose area is named by its city alone, or not at all: without
# District, County or City in the run it was taken for prose. A house number before the street's
# name, or a dwelling's part and its number beside a street or a community, say it is an address.
@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("lives at No. 12 Yucai Road, Ankang", ["12", "Yucai", "Ankang"]),
        ("Room 301, Unit 3, Building 12, Xingfu Community", ["301", "Building 12", "Xingfu"]),
        ("He moved to 88 Jianguo Rd last year", ["88", "Jianguo"]),
        ("家属住 No. 12 Yucai Road, Ankang，已走访", ["12", "Yucai", "Ankang"]),
    ],
)
def test_an_english_address_without_its_area_is_masked(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    "text",
    [
        "Road test passed",  # a street's word and no number
        "No. 12 on the list",  # a number and no street
        "Building 3 of the plan",  # a building's number and no street or community
        "Section 3, Road Safety Act",  # the number in another part than the street
        "He walked along Yucai Road to the office",
        "Unit 3 of the Community Service Center",  # the unit's number and the community apart
        "Room 301 is the meeting room",
    ],
)
def test_english_prose_with_a_number_or_a_street_stays(text: str) -> None:
    unchanged(text)


# 4. A mobile's extension (a platform's number for a delivery or a hotline: its extension is the
# part that reaches the person) stayed beside the masked number; a landline's second number that
# gives its local part only (0915-3212345/3212346) went out whole.
@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("手机13800138000转123", ["转123", "0013"]),
        ("手机13800138000 转 8012", ["8012", "0013"]),
        ("手机：13800138000分机8012，已联系", ["8012", "0013"]),
        ("电话0915-3212345/3212346", ["3212346", "321234"]),
        ("电话：0915-3212345、3212346", ["3212346"]),
        ("电话0915-3212345，3212346", ["3212346"]),
        ("电话010-62345678/62345679", ["62345679", "2345679"]),  # seven of its eight digits showed
    ],
)
def test_a_phones_extension_and_second_number_are_masked(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("手机13800138000转123", "手机138****8000转***"),
        ("电话0915-3212345/3212346", "电话091****2345/*******"),
        ("电话010-62345678/62345679", "电话010****5678/********"),
    ],
)
def test_the_caseworkers_mask_of_an_extension_and_a_second_number(text: str, masked: str) -> None:
    assert out(text, "text/plain", "caseworker") == masked


def test_a_mobiles_extension_under_its_key() -> None:
    doc = {"lxdh": "13800138000转123"}
    assert json.loads(inspected_json(doc, "caseworker").body) == {"lxdh": "138****8000转***"}
    assert "123" not in inspected_json(doc, "outsourced").body.decode()


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("电话0915-3212345，3212346元", "，3212346元"),  # an amount after the number
        ("电话0915-3212345，2023年", "，2023年"),
        ("电话0915-3212345/321234", "/321234"),  # fewer digits than the subscriber's
        ("电话13800138000，转账8000元", "，转账8000元"),
        ("手机13800138000-123", "-123"),  # a hyphen after a mobile: no word says it is an extension
    ],
)
def test_what_follows_a_phone_and_is_no_part_of_it_stays(text: str, kept: str) -> None:
    for role in ROLES:
        assert out(text, "text/plain", role).endswith(kept), (role, text)


# 5. 身分证, the older writing of 身份证, still in forms and exports, and the slips 省份证 and 身份号: a
# legacy 15-digit number, a mistyped or a cut one and one in pieces after it went out whole, and
# so did each under the older label as a key.
LEGACY = "610902900101123"  # province 61, born 1990-01-01


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"身分证号{LEGACY}", "900101"),
        ("身分证号：610902199001011230", "19900101"),  # its check character wrong
        ("身分证号 610902,19900101,1235", "19900101"),
        ("身分证：61090219900101123", "19900101"),  # cut to 17
        (f"省份证号{LEGACY}", "900101"),  # a pinyin input's slip (shen/sheng)
        ("省份证号：610902199001011230", "19900101"),
        (f"身份号{LEGACY}", "900101"),
    ],
)
def test_an_id_number_after_the_older_label_is_masked(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize("key", ["身分证号", "身分证号码", "身分证"])
def test_an_id_number_under_the_older_label_as_a_key_is_masked(key: str) -> None:
    for value in (LEGACY, "610902199001011230"):
        for role in ROLES:
            body = inspected_json({key: value}, role).body.decode()
            assert value[6:12] not in body, (key, value, role, body)


@pytest.mark.parametrize("text", [f"业务流水号{LEGACY}", f"省份在列表中，{LEGACY}为流水", f"省份：陕西，编号{LEGACY}"])
def test_a_legacy_number_after_no_ids_label_stays(text: str) -> None:
    unchanged(text)


# 6. Found on the way: a floor (12号3楼, 2单元3楼301室), a unit in numerals (三单元301), a house
# number's sub-number (12-3号, 12号附3号): the parse stopped before each, and it went out after
# the masked address.
@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("住址：汉滨区育才路12号3楼", ["3楼"]),
        ("家住汉滨区育才路12号2单元3楼301室", ["3楼", "301"]),
        ("家住汉滨区育才路12号3楼301", ["3楼", "301"]),
        ("家住幸福小区5号楼3层", ["3层"]),
        ("住址：汉滨区育才路12号三单元301", ["三单元", "301"]),
        ("住址：汉滨区育才路12-3号", ["12-3", "-3号"]),
        ("住址：汉滨区育才路12号附3号", ["附3号"]),
    ],
)
def test_a_floor_a_unit_in_numerals_and_a_sub_number_go_with_the_address(text: str, secrets: list[str]) -> None:
    leaks(text, secrets)


@pytest.mark.parametrize("text", ["会议在3楼召开", "他住在12号楼", "民政局3楼办理"])
def test_a_floor_outside_an_address_stays(text: str) -> None:
    unchanged(text)


def test_a_floor_after_the_addresss_comma_stays() -> None:
    for role in ROLES:
        assert out("住址：汉滨区育才路12号，3楼会议室", "text/plain", role).endswith("，3楼会议室"), role


# After a building with no unit (B座1201, 3栋1201, 5号楼302) a number of three or four digits alone is
# its room: it went out after the masked address.
@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("住址：汉滨区育才路12号B座1201", "1201"),
        ("住址：汉滨区育才路12号3栋1201", "1201"),
        ("家住幸福小区5号楼302", "302"),
    ],
)
def test_a_rooms_number_after_a_building_goes_with_the_address(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    ("text", "kept"),
    [("住址：汉滨区育才路12号3栋2023年建成", "2023年建成"), ("住址：汉滨区育才路12号3栋120户", "120户")],
)
def test_a_year_or_a_count_after_a_building_stays(text: str, kept: str) -> None:
    for role in ROLES:
        assert out(text, "text/plain", role).endswith(kept), role
