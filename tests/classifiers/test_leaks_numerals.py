"""ID numbers, mobiles and cards written in Chinese numerals, grouped, in parts or across line
ends, through ``Inspector.inspect``; and business numbers and ordinary numerals that must stay."""

from __future__ import annotations

import json
import re

import pytest

from support.inspected import INSPECTOR, PROFILES, ROLES, json_leaks, leaks, out, unchanged
from support.synth_people import bad_check, make_card, make_id

ID = make_id()
X_ID = make_id(seq="003")  # its check character is X


_CN = str.maketrans("0123456789", "〇一二三四五六七八九")


_UPPER = str.maketrans("0123456789", "零壹贰叁肆伍陆柒捌玖")


@pytest.mark.parametrize(
    "number",
    [
        "13912345678".translate(_CN),
        "13912345678".translate(_CN).replace("一", "幺"),
        "13912345678".translate(_UPPER),
        ID.translate(_CN),
        ID.translate(_UPPER),
    ],
)
def test_numbers_in_chinese_numerals(number: str) -> None:
    leaks(f"联系电话{number}，请回电", [number])
    leaks(number, [number])


CARD = make_card()  # 19 digits, Luhn-valid


CARD16 = make_card(prefix="621700", length=16)


def _spaced(number: str, sizes: tuple[int, ...]) -> str:
    parts, at = [], 0
    for size in sizes:
        parts.append(number[at : at + size])
        at += size
    return " ".join(parts)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # numerals mixed with digits
        ("联系电话139一二三四5678", "一二三四"),
        ("电话：幺三九1234五六七八", "五六七八"),
        (f"身份证{ID[:6]}{ID[6:14].translate(_CN)}{ID[14:]}", ID[6:14].translate(_CN)),
        # numerals in groups
        ("电话一三九 一二三四 五六七八", "一二三四"),
        ("电话：一三九-一二三四-五六七八", "一二三四"),
        (f"身份证号：{_spaced(ID.translate(_CN), (6, 8, 4))}", ID[6:14].translate(_CN)),
        ("电话一三九 一二三四 五六七八 或 一三八 八七六五 四三二一", "八七六五"),
        # bank cards in numerals (Luhn-valid)
        (f"卡号{CARD.translate(_CN)}", CARD[6:15].translate(_CN)),
        (f"银行卡：{_spaced(CARD16.translate(_UPPER), (4, 4, 4, 4))}", CARD16[4:8].translate(_UPPER)),
        (f"卡号{CARD[:6]}{CARD[6:].translate(_CN)}", CARD[6:15].translate(_CN)),
    ],
)
def test_numbers_in_numerals_mixed_and_grouped(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    "text",
    [
        f"身份证号{X_ID[:6]}\n{X_ID[6:]}",
        f"身份证号：{X_ID[:12]}\n{X_ID[12:-1]}x",
        f"公民身份号码：{X_ID[:13]}\r\n{X_ID[13:]}",
        f"{X_ID[:9]}  \n  {X_ID[9:]} 张伟",
    ],
)
def test_an_id_number_broken_by_a_line_end(text: str) -> None:
    for role in ROLES:
        masked = out(text, "text/plain", role)
        joined = re.sub("[\\s]", "", masked)
        assert X_ID[6:14] not in joined, (role, masked)
        if role == "outsourced":
            assert re.search("[0-9]", masked) is None, masked  # nothing of the number is left
    result = INSPECTOR.inspect(text.encode(), "text/plain", "utf-8", PROFILES.for_roles(["caseworker"]))
    assert result.persons == {X_ID}  # one person, tokenised as the number typed in one piece


@pytest.mark.parametrize(
    "text",
    [
        f"编号{X_ID[:6]}\n{bad_check(X_ID)[6:]}",  # no valid ID number once joined
        "金额\n1200\n3400\n5600",
        f"{ID[:6]}\n\n{ID[6:]}",  # a blank line between: two values
        "20240101\n1234567890",
    ],
)
def test_numbers_on_lines_of_their_own_stay(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    "text",
    [
        "一二三四五六七八九〇一二",  # 12 numerals: no mobile
        "一二〇三四五六七八九〇一",  # 12 is no mobile segment
        "一三九一二三四五六七八九〇",  # a mobile's digits inside a longer run
        "二〇二四年一月一日",
        ID[:17].translate(_CN) + ("一" if ID[-1] != "1" else "二"),  # wrong check character
        "壹贰叁肆伍陆柒捌玖拾元整",
        "一二三 四五六 七八九〇",  # 10 digits in groups
        "二〇二四年 一月 一日 12 3",
        "第一 二 三 四组，共12345人",
        "编号2024一二三四五六",  # 12 digits: no mobile
        CARD[:-1].translate(_CN) + ("一" if CARD[-1] != "1" else "二"),  # not Luhn-valid
        "一二三四 五六七八 九〇一二 三四五六",  # 16 digits, no card's first digit
        "金额壹万贰仟叁佰肆拾伍元，合计 一 二 三",
    ],
)
def test_ordinary_numerals_stay(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    "doc",
    [
        {"sfzh": [ID[:6], ID[6:14], ID[14:]]},
        {"sfzh": {"part1": ID[:6], "part2": ID[6:14], "part3": ID[14:]}},
        {"sfzh17": ID[:17], "jym": ID[17]},
    ],
)
def test_id_numbers_in_parts(doc: object) -> None:
    json_leaks(doc, [ID[6:14], ID[:17]])


@pytest.mark.parametrize(
    "doc",
    [
        {"sfzh17": X_ID[:17], "jym": X_ID[17]},
        {"sfzh": X_ID[:17], "校验码": X_ID[17]},
        {"sfzh1": X_ID[:6], "sfzh2": X_ID[6:17], "jyw": X_ID[17].lower()},
        {"records": [{"xm": "张伟", "sfzh17": X_ID[:17], "jym": X_ID[17]}]},
    ],
)
def test_a_check_character_beside_the_number_it_ends(doc: dict[str, object]) -> None:
    body = json.dumps(doc, ensure_ascii=False)
    assert X_ID.endswith("X")
    masked = json.loads(out(body, "application/json", "outsourced"))
    record = masked["records"][0] if "records" in masked else masked
    assert not [v for v in record.values() if v in ("X", "x")], record
    # the caseworker's mask keeps the number's last four characters, the check character with them
    masked = json.loads(out(body, "application/json", "caseworker"))
    record = masked["records"][0] if "records" in masked else masked
    assert [v for v in record.values() if v in ("X", "x")], record
    assert X_ID[6:14] not in json.dumps(record), record


@pytest.mark.parametrize(
    "doc",
    [
        {"jym": "5", "amount": 3},  # a check character of nothing
        {"sfzh": ID, "jym": "7"},  # the number is whole: the member is something else
        {"sfzh17": ID[:17], "jym": "55"},  # no check character
        {"phone1": "139", "phone2": "12345678", "jym": "5"},  # no ID number's part
        {"yzm": "5", "code": "X"},
    ],
)
def test_a_check_character_elsewhere_stays(doc: dict[str, str]) -> None:
    body = json.dumps(doc, ensure_ascii=False)
    for role in ROLES:
        assert json.loads(out(body, "application/json", role))["jym" if "jym" in doc else "code"] == doc.get(
            "jym", doc.get("code")
        ), role


@pytest.mark.parametrize(
    "doc",
    [
        {"sfzh": ["610902", "1234"]},  # too short for an ID number
        {"sfzh": [ID[:10], ID[10:], "7"]},  # 19 digits: too long
        {"tags": [ID[:6], ID[6:14], ID[14:]]},  # no number's key
    ],
)
def test_lists_that_are_no_number_in_parts(doc: dict[str, list[str]]) -> None:
    body = json.dumps(doc, ensure_ascii=False)
    for role in ROLES:
        assert json.loads(out(body, "application/json", role)) == doc, role


@pytest.mark.parametrize(
    "text",
    [
        CARD.translate(_CN),  # a Luhn-valid run of numerals alone
        f"编号{CARD.translate(_CN)}",
        f"共计{_spaced(CARD16.translate(_UPPER), (4, 4, 4, 4))}元",
        f"项目序列{CARD16.translate(_CN)}，已归档",
    ],
)
def test_a_card_in_numerals_without_card_context_stays(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"中国农业银行{CARD.translate(_CN)}", CARD[6:15].translate(_CN)),
        (
            f"开户行：邮储银行，{_spaced(CARD16.translate(_UPPER), (4, 4, 4, 4))}",
            _spaced(CARD16, (4, 4, 4, 4))[7:12].translate(_UPPER),
        ),
        (f"账号：{CARD16.translate(_CN)}", CARD16[6:12].translate(_CN)),
        (f"银行卡 {CARD.translate(_UPPER)}", CARD[6:15].translate(_UPPER)),
    ],
)
def test_a_card_in_numerals_with_card_context(text: str, secret: str) -> None:
    leaks(text, [secret])


def test_a_card_in_numerals_under_a_card_key() -> None:
    json_leaks({"yhkh": CARD.translate(_CN)}, [CARD[6:15].translate(_CN)])
    # no key, no context: stays, as in text
    body = json.dumps({"bz": CARD.translate(_CN)}, ensure_ascii=False)
    assert out(body, "application/json", "outsourced") == body


@pytest.mark.parametrize(
    "text",
    [
        "139 1234\n5678",
        "139-\r\n1234-5678",
        "联系电话：139 1234\n5678，请回电",
        "电话：139\n12345678",
        "手机号13912\n345678",
        "+86 139 1234\n5678",
        "139\n1234 5678 张伟",
    ],
)
def test_a_mobile_broken_by_a_line_end(text: str) -> None:
    leaks(text, ["1234"])
    assert "5678" not in out(text, "text/plain", "outsourced")
    assert "5678" in out(text, "text/plain", "caseworker")  # the mask keeps the last four, as for a mobile


@pytest.mark.parametrize(
    "text",
    [
        "13912\n345678",  # no grouping of a mobile, no word for a phone
        "139\n12345678",
        "金额\n139\n1234\n5678",  # more than one line end
        "1200 3400\n5600",
        "139 1234\n5678 9012",  # 15 digits
        "电话：120 1234\n5678",  # no mobile segment
        "2024 0101\n1234",
    ],
)
def test_numbers_on_lines_that_make_no_mobile_stay(text: str) -> None:
    unchanged(text, also_json=False)


BUSINESS_NUMBER = make_card("400012", 16)  # Luhn-valid: one order or serial number in ten is


SERIAL_19 = make_card("622202", 19, serial=77)


@pytest.mark.parametrize(
    "text",
    [
        f"订单号{BUSINESS_NUMBER}",
        f"订单号：{BUSINESS_NUMBER}，已支付",
        f"流水号：{SERIAL_19}",
        f"业务编号 {BUSINESS_NUMBER}",
        f"交易单号#{BUSINESS_NUMBER}",
        f"orderNo={BUSINESS_NUMBER}",
        f"serial_no: {BUSINESS_NUMBER}",
    ],
)
def test_a_card_shaped_business_number_after_its_label_stays(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (f"银行卡号{BUSINESS_NUMBER}", BUSINESS_NUMBER),
        (f"{BUSINESS_NUMBER}", BUSINESS_NUMBER),
        (f"编号{BUSINESS_NUMBER}", BUSINESS_NUMBER),  # no business number's label: 编号 alone says nothing
        (f"订单号{BUSINESS_NUMBER}，工商银行", BUSINESS_NUMBER),
        (f"交易流水号 {SERIAL_19} 转入银行卡", SERIAL_19),
        (f"银行流水号：{SERIAL_19}", SERIAL_19),
        (f"收款账户编号：{SERIAL_19}", SERIAL_19),
        (f"订单号 见附件，卡号{BUSINESS_NUMBER}", BUSINESS_NUMBER),
        (
            f"流水号：{SERIAL_19[:4]} {SERIAL_19[4:8]} {SERIAL_19[8:12]} {SERIAL_19[12:16]} {SERIAL_19[16:]}，信用卡",
            SERIAL_19[12:16],
        ),
    ],
)
def test_a_card_beside_card_words_or_without_a_label_is_masked(text: str, secret: str) -> None:
    leaks(text, [secret])


@pytest.mark.parametrize(
    "text",
    [
        "订单号8613912345678",
        "流水号：8613912345678，已支付",
        "业务编号 8613912345678",
        "orderNo=8613912345678",
    ],
)
def test_a_mobile_shaped_business_number_glued_to_86_after_its_label_stays(text: str) -> None:
    unchanged(text, also_json=False)


@pytest.mark.parametrize(
    "text",
    [
        "8613912345678",
        "电话8613912345678",
        "来电8613912345678转接",
        "订单号8613912345678，联系电话",
        "订单号+8613912345678",
        "订单号13912345678",  # no country code: a mobile, as before
        "张伟 008613912345678",
    ],
)
def test_a_mobile_glued_to_its_country_code_is_masked(text: str) -> None:
    leaks(text, ["13912345678"])
