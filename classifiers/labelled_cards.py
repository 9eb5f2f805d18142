"""A bank card number written in pieces after its label, parted by what the scanner does not join:
"银行卡号：6222,0212,3456,7890,128", "卡号：622202（1234567890）128", "开户账号 “622202”“1234567890128”".
The scanner joins digit groups parted by spaces, hyphens, dots and slashes only, so such a card went
out in clear (an ID number in pieces had the same gap: labelled_ids.py).

Only after a card's or an account's label (the label is the evidence the pieces are one number),
and only 16 to 19 digits in all that pass the Luhn check (one run of digits in ten does: the label
carries the rest) and are no digit repeated. And a card the upstream masked in part after its
label (6222****1234567890), masked again as the whole number.

And an account's number after an account's own label (银行账号, 开户账号, 收款账号, 存折号, 一本通账号,
惠农一卡通号) that fails the Luhn check: a passbook's account (存折, 一本通, a rural credit union's
惠农一卡通, where subsidies are paid) is numbered by its bank, with no Luhn digit, in 12 to 19
digits; under the same words as keys (yhzh, 银行账号) it was masked already. Not after 卡号 or 账号
alone (社保卡号, 就诊卡号, 会员卡号; a login's 账号): the label must name a bank's account.
"""

from __future__ import annotations

import re

from .entities import bank_card, resident_id
from .entities.base import VALIDATED_SCORE
from .labelled_ids import APART, UNJOINED, apart
from .masked_in_part import as_stars, masked_in_part
from .matches import Match
from .normalise import Folded

# (Read by the presidio recognizers too, as the labels below: recognizers/labelled.py.)
LABEL = r"(?:银行卡号?|卡号|(?:银行|开户)?[账帐](?:号|户))"
_LABELLED = re.compile(
    LABEL
    + r"[^0-9\n]{0,6}?"  # ：, 为; no digit before the number
    + rf"([0-9](?:{APART}[0-9])*)(?![0-9A-Za-z])"
)
# A card the upstream masked in part after its label (银行卡号：6222****1234567890, 6222 XXXX XXXX
# 7890): its digits in clear may be more than the caller's profile shows (Run._masked asks it).
_MASKED = re.compile(LABEL + r"[^0-9\n*×]{0,6}?([0-9*×][0-9*×#Xx ]{10,26}[0-9*×#Xx])(?![0-9A-Za-z*×#])")


def labelled_cards(plain: Folded, runs: list[tuple[int, int]], masked: bool) -> list[Match]:
    """The bank card numbers in ``plain`` (``runs``: its runs of digits) written in pieces after
    a card's label, each from its first digit to its last, and those masked in part (``masked``:
    the text may hold a mask, ``may_hold_mask``)."""
    text = plain.text
    # What every label holds, by substring tests (in C; a generator over them cost 1,300
    # instructions a text) before the pieces are looked for and the label's pattern matched.
    if not ("卡" in text or "账" in text or "帐" in text):
        return []
    found = _masked_in_part(plain) if masked else []
    if apart(text, runs) != UNJOINED:
        return found
    for m in _LABELLED.finditer(text):
        start, end = m.span(1)
        digits = "".join(c for c in text[start:end] if "0" <= c <= "9")
        if end - start > len(digits) and bank_card.validate(digits) is True:
            found.append(Match(bank_card.ENTITY, *plain.span(start, end), VALIDATED_SCORE, "pieces+label"))
    return found


def _masked_in_part(plain: Folded) -> list[Match]:
    return [
        Match(bank_card.ENTITY, *plain.span(*m.span(1)), VALIDATED_SCORE, "label+masked-in-part")
        for m in _MASKED.finditer(plain.text)
        if masked_card(m.group(1))
    ]


def masked_card(text: str) -> bool:
    """A card's 12 to 19 characters after its label, a mask among its digits."""
    number = as_stars(text).replace(" ", "")
    return masked_in_part(number) and 12 <= len(number) <= 19 and number.replace("*", "").isdigit()


# An account's own label (银行账号, 银行卡号, 开户账号, 收款账户, 代发账号, 发放账号, 打卡账号, 金融账号,
# a person's own account: 本人账户, 个人账号, 打入其账户,
# 存折号, 一本通账号, 一折通账号, 惠农一卡通号, 惠农卡号, 农行卡号; 一卡通 before a colon), then a
# colon, 为 or a space, and the digits, in one run or in groups.
ACCOUNT_LABEL = (
    r"(?:银行(?:卡号?|[账帐](?:号|户))|(?:开户|收款|代发|发放|打卡|金融|本人|个人|其)[账帐](?:号|户)|存折[账帐]?号"
    r"|(?:一本通|一折通|一卡通|惠农卡)(?:[账帐]?号|(?=[:：]))|(?:[农工建中交]行|邮储)卡号)"
)
ACCOUNT_NUMBER = r"[0-9]+(?:[ -][0-9]+)*(?![0-9A-Za-z元万])"  # no amount (本人账户余额：…元)
_ACCOUNT = re.compile(ACCOUNT_LABEL + rf"[^0-9\n]{{0,6}}?({ACCOUNT_NUMBER})")
# A bank's label or name (开户行, 开户银行, 开户网点, 开户信息, 户名; 银行, 支行, 信用社, 农商行, 农行),
# then on its line a bare 账号 or 账户 (打入其农商行账户…) or the number glued to the bank's name
# (开户行：农业银行城关支行，账号：6228…; 户名：张伟 账号：6228…; 开户信息：农行6228…): alone 账号 is a
# login's label as often, after a bank it is the bank's account. Not after 用户名, a login's. Each
# alternative opens with its character (no class, no group), so that `re` skips to where one
# stands, in C.
# A bank's short name (农行, 中行 …) only where it stands as a word: no ideograph before it (中国
# aside), or an account's word glued after it (张伟农行账号). Inside a word it is none: 集中行动,
# 其中行政村, 员工行为, 加工行业, 提交行政审批.
_AS_WORD = r"(?:(?<![\u3400-\u4dbf\u4e00-\u9fff]..)|(?<=国..)|(?=[账帐卡]))"
_SHORT_NAMES = "|".join(name + _AS_WORD for name in ("农行", "工行", "建行", "中行", "交行"))
BANK_LABEL = rf"(?:开户(?:银?行|网点|机构|信息)|户名(?<!用户名)|银行|支行|分行|农商行|信用社|联社|{_SHORT_NAMES}|邮储)"
BANK_ACCOUNT_BEFORE = r"[^\n]{0,30}?(?:[账帐][号户][^0-9A-Za-z\n]{0,6}?|(?<=[行社])[\s:：]?)"
_BANK_ACCOUNT = re.compile(BANK_LABEL + BANK_ACCOUNT_BEFORE + f"({ACCOUNT_NUMBER})")
_ACCOUNT_SCORE = 0.9  # below a valid number's: an ID number there stays one
# An account's English label (Bank account No.:, bank card number, Savings A/C, Payee acct #,
# Passbook No.; a bank's name before the account on its line: Bank: ICBC, account …), then the
# number as after 银行账号. Not Card No. or Account No. alone: a member's card, a login's
# account, as 卡号 and 账号 alone are not.
LATIN_ACCOUNT_LABEL = (
    r"(?<![A-Za-z])(?:(?:bank|debit|savings|deposit|payee|payroll|salary|beneficiary)(?:[^0-9\n]{0,30}?(?<![A-Za-z]))?"
    r"(?:card|account|acct\.?|a/c)"
    r"|passbook)(?:[ \t]*(?:no\.?|num\.?|number|#))?[ \t]*[:：#=]?[ \t]*"
)
_LATIN_ACCOUNT = re.compile(f"{LATIN_ACCOUNT_LABEL}({ACCOUNT_NUMBER})", re.IGNORECASE)
_ACCOUNT_DIGITS = range(12, 20)


def labelled_accounts(plain: Folded) -> list[Match]:
    """The accounts' numbers after an account's label in ``plain``, or after a bank's label or
    name and a bare 账号 or glued to the bank's name, that the Luhn check does not find: 12 to 19 digits, not one
    digit repeated, and no valid ID number."""
    text = plain.text
    found: list[Match] = []
    # What every label holds (号, 户, or 一卡通 before a colon), one character first: a memchr each.
    if ("号" in text or "户" in text or "一卡通" in text) and (
        "账" in text or "帐" in text or "折" in text or "卡" in text
    ):
        for m in _ACCOUNT.finditer(text):
            if account(m.group(1)):
                found.append(Match(bank_card.ENTITY, *plain.span(*m.span(1)), _ACCOUNT_SCORE, "label+account"))
    # What every bank's label or name holds, one character first (户名 and 开户 only where 户 stands).
    if "行" in text or "社" in text or "储" in text or ("户" in text and ("开户" in text or "户名" in text)):
        for m in _BANK_ACCOUNT.finditer(text):
            if account(m.group(1)):
                found.append(Match(bank_card.ENTITY, *plain.span(*m.span(1)), _ACCOUNT_SCORE, "bank+account"))
    return found


def account(number: str) -> bool:
    """After an account's label: 12 to 19 digits (spaces, hyphens between), not one digit repeated,
    that the Luhn check does not find (a card: the scanner's) and no valid ID number."""
    digits = number.replace(" ", "").replace("-", "")
    return (
        len(digits) in _ACCOUNT_DIGITS
        and digits.count(digits[0]) != len(digits)
        and bank_card.validate(digits) is not True
        and resident_id.validate(digits) is not True
    )


def latin_accounts(plain: Folded) -> list[Match]:
    """The accounts' numbers after an English account's label in ``plain`` that the Luhn check
    does not find (``account``)."""
    text = plain.text
    # Every label holds a c or a k (card, account, a/c, bank, passbook): two finds in C first.
    if not ("c" in text or "k" in text or "C" in text or "K" in text):
        return []
    return [
        Match(bank_card.ENTITY, *plain.span(*m.span(1)), _ACCOUNT_SCORE, "latin-label+account")
        for m in _LATIN_ACCOUNT.finditer(text)
        if account(m.group(1))
    ]
