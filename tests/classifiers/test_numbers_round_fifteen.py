"""Numbers round fifteen: numbers that went out in clear (an account after a bank's label and a
bare 账号 or the bank's name, a mobile masked in part in groups after its label, an ID number in
pieces parted by Chinese full stops, a number in two JSON members keyed by a part's pinyin),
checked through ``Inspector.inspect`` for the strict and the caseworker profile, each beside
look-alikes that must stay (docs/classifiers-rounds.md, the twenty-fifth round)."""

from __future__ import annotations

import functools

import pytest
from presidio_analyzer import AnalyzerEngine

from classifiers.registry import analyzer_engine
from support.inspected import inspected_json, leaks, out, unchanged, unchanged_json

# Synthetic: 610902 (汉滨区), 1990-01-01, serial 123, check character 5.
ID = "610902199001011235"
# 19 and 17 digits failing the Luhn check: a passbook's account, a 惠农一卡通's.
ACCOUNT = "6228480012345678901"
SHORT_ACCOUNT = "62215588123456789"


def _entities(text: str) -> dict[str, int]:
    return dict(inspected_json({"bz": text}, "outsourced").entity_counts)


# 1. An account after a bank's label or name (开户行, 开户银行, 开户信息, 户名; 银行, 支行, 农行) and a
# bare 账号, or glued to the bank's name: 账号 alone is a login's label as often (round fourteen
# left it), but after a bank on the same line it names the bank's account, which fails the Luhn
# check as often as not (a passbook's, a rural credit union's).
@pytest.mark.parametrize(
    "text",
    [
        "开户行：中国农业银行城关支行，账号：6228 4801 2345 6789 017",
        f"开户银行：农商行 账号 {SHORT_ACCOUNT}",
        "开户行：汉滨区农村信用合作联社 账号 6228 4800 1234 5678 901",
        f"开户网点：城关信用社，帐号为{ACCOUNT}",
        f"开户信息：农行{ACCOUNT}",
        f"开户信息：中国农业银行{ACCOUNT} 张伟",
        f"开户行：汉滨区农村信用合作联社{ACCOUNT}",
        f"申请人张伟，开户行：城关支行，账号：{ACCOUNT}，补贴300元",
        f"户名：张伟 账号：{ACCOUNT}",
        f"收款银行：中国农业银行 账号：{ACCOUNT}",
        f"银行：农行 账号：{ACCOUNT}",
        f"中国农业银行城关支行 账号：{ACCOUNT}",
        # And an account's own labels round fourteen did not list.
        f"农行卡号{ACCOUNT}",
        f"打卡账号：{ACCOUNT}",
        f"惠农资金发放账号：{ACCOUNT}",
        f"低保金发放账户：{ACCOUNT}",
        f"社保卡金融账号：{ACCOUNT}",
    ],
)
def test_an_account_after_a_banks_label_is_masked(text: str) -> None:
    leaks(text, ["12345678", "1234 5678", "2345 6789", "23456789"])
    assert _entities(text).get("BANK_CARD") == 1, text


@pytest.mark.parametrize(
    "text",
    [
        "账号：admin",
        "系统账号：zhangwei01",
        "账号状态：正常",
        f"账号：{ACCOUNT}",  # no bank's label: a login's as often
        "开户行：中国农业银行城关支行，系统账号：zhangwei01，账号状态：正常",
        "开户行：城关支行 行号：102791000123",  # the bank's own number, after 行号
        "开户行：城关支行，账号：12345",
        "开户行：城关支行，账号：12345678901",  # eleven digits
        "开户行：城关支行，账号：1111111111111111",  # one digit repeated
        f"开户行：城关支行\n流水号：{ACCOUNT}",  # another line
        "开户行：城关支行，开户日期：20231201",
        "开户银行：农行，行号：102791000123",
        "用户名：admin，账号：1234567890123",  # a login's
        "银行流水号：202312010000123456",
        f"交易流水号：{ACCOUNT}",
        "中国建设银行客服电话95533",
    ],
)
def test_look_alikes_of_an_account_after_a_banks_label_stay(text: str) -> None:
    unchanged(text)


def test_an_id_number_after_a_banks_label_stays_a_resident_id() -> None:
    assert _entities(f"开户行：城关支行，账号：{ID}") == {"RESIDENT_ID": 1}


# 2. A mobile masked in part, in groups, after its label: masked_in_part's pattern took eleven
# characters in a row only, so 138-****-8000 went out to the strict profile as it came. Now the
# groups are read as 138****8000 is: redacted for the strict profile, and for the caseworker's
# (whose own mask of a mobile is 138****8000) left as it came, the separators being no digit.
@pytest.mark.parametrize(
    "text",
    [
        "手机号码：138-****-8000",
        "联系电话：138 **** 8000",
        "联系电话：+86 138-****-8000",
        "手机 138-****-8000，已联系",
    ],
)
def test_a_mobile_masked_in_groups_after_its_label_is_masked_as_one(text: str) -> None:
    for body, media_type in [(text, "text/plain")]:
        strict = out(body, media_type, "outsourced")
        assert "138" not in strict and "8000" not in strict, strict
    assert _entities(text).get("MOBILE") == 1, text
    # The caseworker's profile shows what it shows of 138****8000, the groups' separators aside.
    shown = out(text, "text/plain", "caseworker")
    assert shown.replace("-", "").replace(" ", "") == out(
        text.replace("-", "").replace(" ", ""), "text/plain", "caseworker"
    )


def test_a_mobile_masked_in_groups_showing_more_than_the_profile_is_masked_again() -> None:
    leaks("手机：138-0013-****", ["0013"])


@pytest.mark.parametrize(
    "text",
    [
        "订单号：138-****-8000",
        "编号：138-****-8000",
        "手机型号：X-****-2000",
        "电话：138-****",
    ],
)
def test_look_alikes_of_a_mobile_masked_in_groups_stay(text: str) -> None:
    unchanged(text)


# 3. An ID number in pieces parted by Chinese full stops (。, what an input method types for a
# dot) after its label: the pieces' separators after a label held every other stop but this one.
@pytest.mark.parametrize(
    "text",
    [
        "身份证号：6109。0219。9001。0112。35",
        "身份证号：610902。19900101。1235",
        "公民身份号码为610902。199001011235。",
        "身份证号：6109。0219。9001。0112。30",  # mistyped
    ],
)
def test_an_id_number_in_pieces_parted_by_full_stops_is_masked(text: str) -> None:
    leaks(text, ["19900101", "0219。9001", "9001。0112"])
    assert _entities(text) == {"RESIDENT_ID": 1}, text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("共3人。2023年12月01日。1235号", "2023年12月01日。1235号"),
        (f"身份证号：{ID}。2023年入户", "。2023年入户"),
        ("证件已核实。2023。12。01", "2023。12。01"),
    ],
)
def test_look_alikes_of_an_id_number_parted_by_full_stops_stay(text: str, kept: str) -> None:
    for role in ("outsourced", "caseworker"):
        assert kept in out(text, "text/plain", role), (role, text)


# 4. A number in two members whose keys end in a part's pinyin initials (q and h: 前, 后; qb and
# hb; qd and hd): parts after an index (sfzh1, sfzh2) or an English word (sfz_prefix) were joined,
# these went out, neither part alone a number. Only as a pair: one q or h ends many a key.
@pytest.mark.parametrize(
    ("doc", "secret"),
    [
        ({"xm": "张伟", "sfzhq": "610902", "sfzhh": "199001011235"}, "19900101"),
        ({"xm": "张伟", "sfzhq": "6109021990", "sfzhh": "01011235"}, "6109021990"),
        ({"xm": "张伟", "sfzhqb": "610902199", "sfzhhb": "001011235"}, "610902199"),
        ({"xm": "张伟", "sfzhqd": "610902199", "sfzhhd": "001011235"}, "610902199"),
        ({"xm": "张伟", "sjhq": "138", "sjhh": "00138000"}, "00138000"),
        (
            [
                {"xm": "张伟", "sfzhq": "610902", "sfzhh": "199001011235"},
                {"xm": "李娜", "sfzhq": "610921", "sfzhh": "195803050042"},
            ],
            "19580305",
        ),
    ],
)
def test_a_number_in_two_members_keyed_by_pinyin_parts_is_masked(doc: object, secret: str) -> None:
    for role in ("outsourced", "caseworker"):
        assert secret not in inspected_json(doc, role).body.decode(), (role, doc)


@pytest.mark.parametrize(
    "doc",
    [
        {"bhq": "610902", "bhh": "199001011235"},  # 编号: no number's key
        {"sfzhq": "610902", "bz": "199001011235"},  # no pair
        {"sfzhq": "610902", "sfzhh": "1990"},  # too short together
        {"sjhq": "138", "sjhh": "0013800"},
    ],
)
def test_look_alikes_of_a_number_keyed_by_pinyin_parts_stay(doc: object) -> None:
    unchanged_json(doc)


# Business numbers stay in clear (the brief's list), and the civil-affairs numbers this round
# probed: a temporary relief's approval number is the case's, not the household's.
@pytest.mark.parametrize(
    "text",
    [
        "案件编号：AJ2023-000123",
        "审批编号：SP610902-2023-000123",
        "临时救助审批号：LS410105-2024-000123",
        "临时救助审批号：410105-2024-000123",
        "批次号：20231201-0001",
        "发票号：12345678",
        f"流水号：{ACCOUNT}",
    ],
)
def test_business_numbers_stay(text: str) -> None:
    unchanged(text)


# 5. Presidio's registry reads the account after a bank's label and the masked mobile in groups
# as the fast path does (recognizers/labelled.py: the labels as look-behinds).
@pytest.mark.parametrize(
    ("text", "entity", "number"),
    [
        (f"开户银行：农商行 账号 {SHORT_ACCOUNT}", "BANK_CARD", SHORT_ACCOUNT),
        (f"开户信息：农行{ACCOUNT}", "BANK_CARD", ACCOUNT),
        ("手机号码：138-****-8000", "MOBILE", "138-****-8000"),
        # Found before (the register's labels opened with a look-behind, now with a character).
        ("低保证号：410105-2024-000123", "REGISTER_NUMBER", "410105-2024-000123"),
    ],
)
def test_presidio_finds_the_numbers_found_after_their_label(text: str, entity: str, number: str) -> None:
    results = _engine().analyze(text=text, language="zh")
    hits = [text[r.start : r.end] for r in results if r.entity_type == entity and r.score >= 0.5]
    assert hits == [number], results


@pytest.mark.parametrize(
    "text", ["系统账号：zhangwei01", f"账号：{ACCOUNT}", "订单号：138-****-8000", "账户号：12345678"]
)
def test_presidio_leaves_their_look_alikes(text: str) -> None:
    found = {r.entity_type for r in _engine().analyze(text=text, language="zh") if r.score >= 0.5}
    assert not found & {"BANK_CARD", "MOBILE", "REGISTER_NUMBER"}, found


@functools.cache
def _engine() -> AnalyzerEngine:
    """The offline analyzer, built once and only for these tests (it loads every recognizer)."""
    return analyzer_engine()
