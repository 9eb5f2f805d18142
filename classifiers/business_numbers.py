"""Card- and mobile-shaped runs that a business number's label stands right before (订单号, 流水号,
orderNo=): order and serial numbers, which the scan drops unless a key or a card's or a phone's
word says otherwise.
"""

from __future__ import annotations

import re

from .entities import bank_card, mobile
from .matches import CONTEXT_WINDOW as _CONTEXT_WINDOW
from .matches import Match

# A business number's label right before a card-shaped run (订单号4000…, 流水号：6222…, 业务编号,
# orderNo=…): order and serial numbers of 16-19 digits pass the Luhn check one time in ten. Not 编号
# alone, which says nothing of what is numbered; and the run stays a card where a card's, a bank's or
# an account's word stands within 16 characters either side (银行流水号, 收款账户编号, …，工商银行).
_BUSINESS_LABEL = re.compile(
    r"(?:单号|流水号|交易号|凭证号|批次号|票据号|发票号|受理号|档案号|序列号|参考号|合同号"
    r"|(?:业务|订单|合同|档案|申请|受理|案件|项目|批次|工单)编号"
    r"|(?i:order|serial|trade|txn|transaction|biz|flow)[ _-]?(?i:no|id|num|number))[\s\"'：:=#]*\Z"
)
_CARD_WORDS = re.compile(r"[卡账帐]|银行|开户|信用社|农信|农商|储蓄|(?i:card|account|acct|bank)")


def less_business_numbers(text: str, found: list[Match], hints: frozenset[str]) -> list[Match]:
    """``found`` less what a business number's label (_BUSINESS_LABEL) stands right before: the
    cards (_business_number) and the mobiles glued to 86 (_glued_business_number), unless the
    value's key says it is one (``hints``)."""
    for entity, is_business in ((bank_card.ENTITY, _business_number), (mobile.ENTITY, _glued_business_number)):
        if entity in hints:
            continue
        for m in found:  # a plain loop: most scans find no such number (a generator cost every scan more)
            if m.entity == entity and is_business(text, m.start, m.end):
                found = [k for k in found if k.entity != entity or not is_business(text, k.start, k.end)]
                break
    return found


def after_business_label(text: str, start: int) -> bool:
    """Does a business number's label stand right before ``start``?"""
    return _BUSINESS_LABEL.search(text, max(0, start - _CONTEXT_WINDOW), start) is not None


def _business_number(text: str, start: int, end: int) -> bool:
    return (
        after_business_label(text, start)
        and _CARD_WORDS.search(text, max(0, start - _CONTEXT_WINDOW), end + _CONTEXT_WINDOW) is None
    )


# A phone's words (电话, 手机, 联系 …) near a number glued to 86: it is a mobile whatever label is before it.
_PHONE_WORDS = re.compile(r"手机|电话|联系|(?i:mobile|phone|tel)")


def _glued_business_number(text: str, start: int, end: int) -> bool:
    """A mobile written with a bare 86 glued to it (``8613912345678``) right after a business
    number's label (订单号8613912345678, orderNo=…): thirteen digits there are that number more
    likely than a mobile with its country code. Not with a phone's word within 16 characters
    either side; ``+86`` and ``0086`` stay mobiles."""
    return (
        end - start == 13
        and text.startswith("86", start)
        and after_business_label(text, start)
        and _PHONE_WORDS.search(text, max(0, start - _CONTEXT_WINDOW), end + _CONTEXT_WINDOW) is None
    )
