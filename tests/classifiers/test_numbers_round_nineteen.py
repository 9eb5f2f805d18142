"""Numbers round nineteen: an account's number that fails the Luhn check after an English
account's label, a person's own account's or a bank's 账户, and a second number's tail after a
slash (13912345678/79), checked through ``Inspector.inspect`` for the strict and the caseworker
profile, as a plain-text body and as a JSON string, each beside look-alikes that must stay
(docs/classifiers-rounds.md, the thirty-fourth session)."""

from __future__ import annotations

import functools

import pytest
from presidio_analyzer import AnalyzerEngine

from classifiers.registry import analyzer_engine
from support.inspected import inspected_json, kept_in_both, leaks, unchanged

# 19 digits failing the Luhn check: a passbook's account, a 惠农一卡通's.
ACCOUNT = "6228480012345678901"
# Synthetic: 610902 (汉滨区), 1990-01-01, serial 123, check character 5.
ID = "610902199001011235"


# 1. An account's number after an English account's label (labelled_cards.latin_accounts), as
# after 银行账号: 银行账号 was read, Bank account was not.
@pytest.mark.parametrize(
    "text",
    [
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
    ],
)
def test_an_accounts_number_after_an_english_label_is_masked(text: str) -> None:
    leaks(text, ["00123456", "0012 3456"])
    assert dict(inspected_json({"bz": text}, "outsourced").entity_counts).get("BANK_CARD") == 1, text


@pytest.mark.parametrize(
    "text",
    [
        f"Card No: {ACCOUNT}",  # a member's card as often: 卡号 alone stays too
        f"Account No.: {ACCOUNT}",  # a login's account as often
        "Bank account: 1111111111111111",  # one digit repeated
        "Bank account: 12345678901",  # eleven digits
        f"Bank staff checked case {ACCOUNT}",
        f"Bankruptcy case {ACCOUNT}",
        f"bank transfer, accounting ref {ACCOUNT}",
    ],
)
def test_look_alikes_of_an_english_accounts_label_stay(text: str) -> None:
    unchanged(text)


def test_an_id_number_after_an_english_accounts_label_stays_a_resident_id() -> None:
    assert dict(inspected_json({"bz": f"Bank account: {ID}"}, "outsourced").entity_counts) == {"RESIDENT_ID": 1}


# 2. A person's own account (本人账户, 打入其账户) and a bank's name before 账户 (打入其农商行账户):
# 账号 after a bank was read, 账户 was not.
@pytest.mark.parametrize(
    "text",
    [
        "打入其农商行账户6230280012345678",
        "信用社账户：6230280012345678",
        "发放至本人账户6230280012345678",
        "打入其账户6230280012345678，金额500元",
        "个人账号：6230280012345678",
    ],
)
def test_an_accounts_number_after_a_persons_or_a_banks_account_is_masked(text: str) -> None:
    leaks(text, ["02800123", "0280012345"])


@pytest.mark.parametrize(
    "text",
    [
        "用户账户：6230280012345678",  # a login's
        "系统账户6230280012345678",
        "本人账户余额：123456789012元",  # an amount
        "其账户于2024年3月冻结",
    ],
)
def test_look_alikes_of_a_persons_account_stay(text: str) -> None:
    unchanged(text)


@functools.cache
def _engine() -> AnalyzerEngine:
    return analyzer_engine()


@pytest.mark.parametrize(
    ("text", "number"),
    [
        (f"Bank account: {ACCOUNT}", ACCOUNT),
        ("Savings A/C No. 6228 4800 1234 567", "6228 4800 1234 567"),
    ],
)
def test_presidio_finds_an_accounts_number_after_an_english_label(text: str, number: str) -> None:
    results = _engine().analyze(text=text, language="zh")
    hits = [text[r.start : r.end] for r in results if r.entity_type == "BANK_CARD" and r.score >= 0.5]
    assert hits == [number], results


# 3. A second number's tail after a slash, its head the first's (scanner._with_extensions,
# landline.SECOND_TAIL): the first was masked, the tail went out (/8765 the second mobile's last
# four digits, /46 the second landline's last two).
@pytest.mark.parametrize(
    ("text", "tail"),
    [
        ("联系电话13912345678/8765", "/8765"),
        ("手机：13912345678/79，住址汉滨区", "/79"),
        ("电话：0915-3212345/46", "/46"),
        ("电话：3212345/46", "/46"),
        ("Tel 13912345678/79", "/79"),
        ("手机１３９１２３４５６７８／７９", "／７９"),
    ],
)
def test_a_second_numbers_tail_after_a_slash_is_masked(text: str, tail: str) -> None:
    leaks(text, [tail])


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("电话13912345678/2024年回访", "/2024年"),
        ("手机13912345678/2人", "/2人"),
        ("电话13912345678/12/25回访", "/12/25回访"),
        ("电话13912345678/12-25回访", "/12-25回访"),
        ("电话0915-3212345/50元", "/50元"),
        ("编号2024/12", "编号2024/12"),  # no phone before the slash
    ],
)
def test_numbers_after_a_phones_slash_that_are_no_tail_stay(text: str, value: str) -> None:
    kept_in_both(text, value)
