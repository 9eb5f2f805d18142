"""Numbers round fourteen: numbers that went out in clear (a social security card's number of
another shape after its label, an ID number mistyped after it, a household register's number
after "No.", an account's number that fails the Luhn check after an account's label, a veteran's
papers), checked through ``Inspector.inspect`` for the strict and the caseworker profile, and the
label-only numbers left out of presidio's offline analyzer, each beside look-alikes that must stay
(docs/classifiers-rounds.md, the twenty-fourth round)."""

from __future__ import annotations

import functools

import pytest
from presidio_analyzer import AnalyzerEngine

from classifiers.registry import analyzer_engine
from support.inspected import inspected_json, json_leaks, leaks, unchanged

# Synthetic: 610902 (汉滨区), 1990-01-01, serial 123; check character 5 (valid), 0 (mistyped).
ID = "610902199001011235"
MISTYPED = "610902199001011230"
CUT = "61090219900101123"
LEGACY = "610902900101123"
# 19 digits failing the Luhn check: a passbook's account, a 惠农一卡通's.
ACCOUNT = "6228480012345678901"


def _entities(text: str) -> dict[str, int]:
    return dict(inspected_json({"bz": text}, "outsourced").entity_counts)


# 1. A social security card's number after its own label: round eleven took a letter and eight
# digits only, round twelve any shape after a medical insurance card's label. One rule for both
# now: six digits or more (letters, hyphens) after either label is the card (the 医保 rows were
# masked before: they say the two labels agree).
@pytest.mark.parametrize(
    "label", ["社保卡号：", "社会保障卡号 ", "社保卡卡号为", "社会保障卡卡号:", "医保卡号：", "医保号"]
)
@pytest.mark.parametrize(
    ("number", "secret"),
    [
        ("AB1234567", "1234567"),
        ("HA1234567", "1234567"),
        ("61090A123456", "A1234"),
        ("A1234567", "123456"),
        ("A123456789", "1234567"),
        ("AB12345678", "1234567"),
        ("A12345678B", "1234567"),
        ("123456789", "1234567"),
        ("1234567890", "1234567"),
        ("SX-610902-001234", "610902-0"),
    ],
)
def test_a_cards_number_of_any_shape_after_its_label_is_masked(label: str, number: str, secret: str) -> None:
    leaks(label + number, [secret])
    assert _entities(label + number) == {"SOCIAL_SECURITY_CARD": 1}, label + number


# An ID number there the scanner does not take alone: mistyped, cut before its check character,
# legacy (15 digits). After either card's label, and under either card's key, a RESIDENT_ID, as
# after an ID number's label (the legacy one after 医保卡号 and under the cards' keys was so since
# round thirteen).
@pytest.mark.parametrize("label", ["社保卡号：", "社会保障卡卡号", "医保卡号：", "医保号"])
@pytest.mark.parametrize(("number", "secret"), [(MISTYPED, "19900101"), (CUT, "19900101"), (LEGACY, "900101")])
def test_an_id_number_mistyped_cut_or_legacy_after_a_cards_label_is_masked_as_one(
    label: str, number: str, secret: str
) -> None:
    leaks(label + number, [secret])
    assert _entities(label + number) == {"RESIDENT_ID": 1}, label + number


@pytest.mark.parametrize("key", ["sbkh", "社保卡号", "社会保障卡号", "ybkh", "医保号"])
@pytest.mark.parametrize("number", [MISTYPED, CUT, LEGACY])
def test_an_id_number_mistyped_cut_or_legacy_under_a_cards_key_is_a_resident_id(key: str, number: str) -> None:
    inspection = inspected_json({"xm": "张伟", key: number}, "outsourced")
    assert number not in inspection.body.decode()
    assert dict(inspection.entity_counts).get("RESIDENT_ID") == 1, (key, number, inspection.entity_counts)


@pytest.mark.parametrize(
    "text",
    [
        "社保卡号：123",  # a list's index
        "社保卡号：12345",  # five digits
        "社保卡号：A00000000",  # a placeholder
        "医保卡号：00000000",
        "社保卡号：待补办",
        "社保卡号待补",
        "社保卡已激活",
        "社保卡发放批次号：20231201001",  # a word between: the batch's number
        "医保结算单号：12345678",
        "社会保障号码待补录，编号A12345678",  # the ID number's label, no card's
        "A12345678",
        "订单号AB1234567",
    ],
)
def test_look_alikes_of_a_cards_number_stay(text: str) -> None:
    unchanged(text)


# 2. A household register's number with "No." before it, as the booklet prints it: the pattern
# opened with the number, so "No" was read as the number (two letters, no digit) and the digits
# after it went out. The "No." stays; the number is masked.
@pytest.mark.parametrize(
    "text",
    [
        "户口簿编号：No.0012345",
        "户口簿编号：NO.0012345，户主张伟",
        "户口本号码：No 0012345",
        "户口本号：no.0012345",
        "户籍编号：No:0012345",
        "户号：№0012345",  # masked before: the fold makes № "No", glued to the digits
    ],
)
def test_a_household_registers_number_after_no_is_masked(text: str) -> None:
    leaks(text, ["0012", "2345"])
    assert _entities(text).get("REGISTER_NUMBER") == 1, text


# Masked before (any value with four digits under the keys): kept beside the text's rows.
@pytest.mark.parametrize("key", ["hkbh", "户口簿编号", "户号", "hjbh"])
def test_a_household_registers_number_after_no_under_its_key_is_masked(key: str) -> None:
    json_leaks({key: "No.0012345"}, ["0012"])


@pytest.mark.parametrize("text", ["户号：No.3", "户口簿编号：No.", "账户号：No.0012345", "门户号：No.12345"])
def test_look_alikes_of_a_household_registers_number_stay(text: str) -> None:
    unchanged(text)


# 3. A veteran's and a martyr's family's papers (残疾军人证, 伤残军人证, 军残证, 优抚证, 烈属证): each
# names its holder in the veterans' register, as 优待证 does (REGISTER_NUMBER's since round eleven).
@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("军残证号：陕军残字第0012345号", "0012"),
        ("残疾军人证号：J610902001234", "6109020"),
        ("伤残军人证编号：610902001234", "6109020"),
        ("优抚证号：610902001234", "6109020"),
        ("烈属证号：610902001234", "6109020"),
    ],
)
def test_a_veterans_papers_number_after_its_label_is_masked(text: str, secret: str) -> None:
    leaks(text, [secret])
    assert _entities(text).get("REGISTER_NUMBER") == 1, text


@pytest.mark.parametrize("key", ["残疾军人证号", "军残证号", "优抚证号", "烈属证号"])
def test_a_veterans_papers_number_under_its_key_is_masked(key: str) -> None:
    json_leaks({"xm": "张伟", key: "610902001234"}, ["6109020"])


@pytest.mark.parametrize(
    "text",
    ["军人证件已核实", "优抚对象：3人", "烈属证号待补", "军残证号：12", "参军入伍时间：20120901"],
)
def test_look_alikes_of_a_veterans_papers_stay(text: str) -> None:
    unchanged(text)


# 4. An account's number after an account's own label that fails the Luhn check: a passbook's
# (存折, 一本通, 一折通) and a rural credit union's 惠农一卡通, where subsidies are paid, are numbered
# without a Luhn digit; under the same words as keys they were masked already.
@pytest.mark.parametrize(
    "text",
    [
        f"银行账号：{ACCOUNT}",
        f"开户账号：{ACCOUNT}",
        "开户账号：6228 4800 1234 5678 901",
        f"收款账户：{ACCOUNT}",
        f"存折号：{ACCOUNT}",
        "存折账号：622848001234567",
        f"一本通账号：{ACCOUNT}",
        f"一折通账号：{ACCOUNT}",
        f"惠农一卡通号：{ACCOUNT}",
        f"惠农卡号：{ACCOUNT}",
        f"社保卡银行账号：{ACCOUNT}",
        f"申请人张伟，补贴发放至一卡通账号{ACCOUNT}，金额300元",
        # 一卡通 before a colon, without 号 (twenty-seventh session).
        f"惠民惠农一卡通：{ACCOUNT}",
        f"惠农一卡通: {ACCOUNT}，",
        # An English account's label, a person's own account and a bank's 账户 (thirty-fourth
        # session: labelled_cards.latin_accounts, ACCOUNT_LABEL, BANK_ACCOUNT_BEFORE).
        f"Bank account: {ACCOUNT}",
        f"Bank Account No.: {ACCOUNT}",
        "bank card number 6228 4800 1234 5678 901",
        "Savings A/C No. 622848001234567",
        f"Passbook No.: {ACCOUNT}",
        f"BANK ACCOUNT#{ACCOUNT}",
        f"Payee acct: {ACCOUNT}",
        f"bankcard {ACCOUNT}",
        f"Bank: ICBC Hanbin sub-branch, account {ACCOUNT}",
        f"申请人张伟 Bank account：{ACCOUNT}，金额300元",
        f"Ｂａｎｋ ａｃｃｏｕｎｔ：{ACCOUNT}",
        f"打入其农商行账户{ACCOUNT}",
        f"信用社账户：{ACCOUNT}",
        f"发放至本人账户{ACCOUNT}",
        f"打入其账户{ACCOUNT}，金额500元",
        f"个人账号：{ACCOUNT}",
    ],
)
def test_an_accounts_number_after_its_label_is_masked(text: str) -> None:
    leaks(text, ["00123456", "0012 3456"])
    assert _entities(text).get("BANK_CARD") == 1, text


@pytest.mark.parametrize(
    "text",
    [
        f"账号：{ACCOUNT}",  # 账号 alone: a login's as often
        f"会员卡号：{ACCOUNT}",
        f"就诊卡号：{ACCOUNT}",
        "银行账号：1111111111111111",  # one digit repeated
        "银行账号：12345",
        "银行账号：12345678901",  # eleven digits
        f"流水号：{ACCOUNT}",
        "开户行：中国农业银行汉滨支行",
        "一卡通：已办理",
        "一卡通：2张",
        f"Card No: {ACCOUNT}",  # a member's card as often, as 卡号 alone
        f"Account No.: {ACCOUNT}",  # a login's account as often, as 账号 alone
        "Bank account: 1111111111111111",
        "Bank account: 12345678901",
        f"Bank staff checked case {ACCOUNT}",
        f"Bankruptcy case {ACCOUNT}",
        f"bank transfer, accounting ref {ACCOUNT}",
        f"用户账户：{ACCOUNT}",  # a login's
        f"系统账户{ACCOUNT}",
        "本人账户余额：123456789012元",  # an amount
        "其账户于2024年3月冻结",
    ],
)
def test_look_alikes_of_an_accounts_number_stay(text: str) -> None:
    unchanged(text)


@pytest.mark.parametrize("label", ["银行账号：", "Bank account: "])
def test_an_id_number_after_an_accounts_label_stays_a_resident_id(label: str) -> None:
    assert _entities(f"{label}{ID}") == {"RESIDENT_ID": 1}


# Business numbers stay in clear (the brief's list), before and after this round.
@pytest.mark.parametrize(
    "text",
    [
        "案件编号：AJ2023-000123",
        "审批编号：SP610902-2023-000123",
        "批次号：20231201-0001",
        "发票号：12345678",
        "发票号码：044001900111 12345678",
        "流水号：20231201000123456",
        f"业务编号：{ACCOUNT}",
    ],
)
def test_business_numbers_stay(text: str) -> None:
    unchanged(text)


# 5. Presidio's registry: a bank card in pieces or masked in part after its label, an account's
# number after an account's, a mobile masked in part after a phone's label, a register's number
# after its label and a card's number of any shape had no recognizer (or one whose context the
# offline analyzer cannot read), so analyzer_engine() missed them. Now each label is a look-behind
# (recognizers/labelled.py), the number validated by the fast path's own tests.
@pytest.mark.parametrize(
    ("text", "entity", "number"),
    [
        ("开户账号：6222,0212,3456,7890,128", "BANK_CARD", "6222,0212,3456,7890,128"),
        ("银行卡号：622202（1234567890）128", "BANK_CARD", "622202（1234567890）128"),
        ("银行卡号：6222****1234567890", "BANK_CARD", "6222****1234567890"),
        ("卡号：6222 XXXX XXXX 7890 123", "BANK_CARD", "6222 XXXX XXXX 7890 123"),
        (f"存折号：{ACCOUNT}", "BANK_CARD", ACCOUNT),
        ("一本通账号：6228 4800 1234 5678 901", "BANK_CARD", "6228 4800 1234 5678 901"),
        (f"惠民惠农一卡通：{ACCOUNT}", "BANK_CARD", ACCOUNT),
        ("联系电话：138****8000", "MOBILE", "138****8000"),
        ("手机 1380013****", "MOBILE", "1380013****"),
        ("户口簿编号：No.0012345", "REGISTER_NUMBER", "0012345"),
        ("低保证号：陕汉低字第2023001号", "REGISTER_NUMBER", "陕汉低字第2023001号"),
        ("军残证号：陕军残字第0012345号", "REGISTER_NUMBER", "陕军残字第0012345号"),
        ("社保卡号：AB1234567", "SOCIAL_SECURITY_CARD", "AB1234567"),
        (f"社保卡号：{MISTYPED}", "RESIDENT_ID", MISTYPED),
        (f"社保卡号：{LEGACY}", "RESIDENT_ID", LEGACY),
        (f"Bank account: {ACCOUNT}", "BANK_CARD", ACCOUNT),
        ("Savings A/C No. 6228 4800 1234 567", "BANK_CARD", "6228 4800 1234 567"),
    ],
)
def test_presidio_finds_the_numbers_found_after_their_label(text: str, entity: str, number: str) -> None:
    results = _engine().analyze(text=text, language="zh")
    hits = [text[r.start : r.end] for r in results if r.entity_type == entity and r.score >= 0.5]
    assert hits == [number], results


@pytest.mark.parametrize(
    "text",
    [
        "订单号：138****8000",
        "卡号：1234,5678",
        f"会员卡号：{ACCOUNT}",
        f"账号：{ACCOUNT}",
        "银行账号：1111111111111111",
        "户号：3",
        "账户号：12345678",
        "社保卡号：123",
        "军人证件已核实",
    ],
)
def test_presidio_leaves_their_look_alikes(text: str) -> None:
    found = {r.entity_type for r in _engine().analyze(text=text, language="zh") if r.score >= 0.5}
    assert not found & {"BANK_CARD", "MOBILE", "REGISTER_NUMBER", "SOCIAL_SECURITY_CARD", "RESIDENT_ID"}, found


@functools.cache
def _engine() -> AnalyzerEngine:
    """The offline analyzer, built once and only for these tests (it loads every recognizer)."""
    return analyzer_engine()
