"""A household's or a person's number in a civil register, after its label: the household
register's (户号, 户口簿编号, 户籍编号) and the certificates a household or a person holds for a
benefit or a status (低保证号, 特困供养证号, 优待证号, 老年证号), and the certificates of the civil
registers: a marriage's or a divorce's (结婚证字号 J610902-2023-000123), an adoption's, a death's
(死亡医学证明书编号) and a cremation's (火化证号).

Each names a household or its member in a register that can be asked by it (the police's, the
civil-affairs office's): with the name masked, the number gives the household back. No shape is
common to them (9 digits, a region's code and a serial, 陕汉低字第2023001号) and none has a check
digit: the label is the evidence, and only a value with four digits or more after it counts.
Business numbers (案件编号, 审批编号, 申请编号) name a case, not a household: no label here.
"""

from __future__ import annotations

import re
from typing import Final

from .base import EntitySpec, PatternSpec

ENTITY: Final = "REGISTER_NUMBER"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# The labels, in full: 户号 not after 账, 客, 用, 商 or 开 (账户号, 客户号, 用户号: an account's or a
# customer's number, no household's). Each alternative opens with its first character, so that
# `re` finds where the pattern may start by a set of characters (in C) and tries it only there: a
# look-behind first, or a group, and it was tried at every character of a remark holding a hint
# (婚姻状况, 赡养, 残疾: ~38,000 instructions a remark, round eleven).
_NUMBER_WORD: Final = r"(?:编号|号码?)"
_SERVICE_PAPERS: Final = "军官 士兵 士官 退伍 退役 文职干部 军队文职人员 军人 警官"
_CIVIL_NUMBER_WORD: Final = r"(?:字号|编号|号码?)"  # 结婚证字号 J610902-2023-000123
LABEL: Final = (
    rf"(?:户号(?<![账帐客用商租开门]户号)|户口[簿本]{_NUMBER_WORD}|户籍{_NUMBER_WORD}"
    # A household's or a person's certificate for a benefit or a status.
    + "".join(f"|{word}证{_NUMBER_WORD}" for word in _words("低保 特困 特困供养 特困人员救助供养 优待 老年 老年人优待"))
    # The civil registers' certificates: 结婚证字号, 婚姻登记证字号, 收养登记证号, 死亡医学证明书编号, 火化证号.
    + "".join(f"|{word}证{_CIVIL_NUMBER_WORD}" for word in _words("结婚 离婚 婚姻登记 收养 收养登记"))
    + rf"|死亡(?:医学)?证明书?{_NUMBER_WORD}|火化证明?{_NUMBER_WORD}"
    # A veteran's or a martyr's family's papers (残疾军人证号 陕军残字第0012345号, 优抚证号, 烈属证号).
    # 号 after 证 may be left out for these as for a serviceman's own (烈属证：陕字第001234号).
    + "".join(f"|{word}证{_NUMBER_WORD}?" for word in _words("残疾军人 伤残军人 军残 优抚 烈属 退役军人优待"))
    # A serviceman's own papers, which a veteran's case (优抚, 退役军人) names him by (军官证号 南字第
    # 123456号, 士兵证：北字第2345678号, 退伍证号 2005123): the 号 after 证 is often left out.
    + "".join(f"|{word}证{_NUMBER_WORD}?" for word in _words(_SERVICE_PAPERS))
    + ")"
)
# The number: letters and digits (hyphens inside), or a certificate's serial as it is written
# (陕汉低字第2023001号, （2023）陕收字第012号, a space about 第: 南字 第123456号); a colon, a space or 为
# between the label and it.
NUMBER: Final = r"(?:[（(][0-9]{4}[)）])?(?:[\u4e00-\u9fff]{1,6} ?第 ?)?[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*号?"
# A "No." may stand before the number (户口簿编号：No.0012345, as the booklet prints it): not masked.
# Label and number apart for the presidio recognizer (recognizers/labelled.py).
BEFORE_NUMBER: Final = r"[\s:：=为是]{0,3}(?:[Nn][Oo][.:]?\s?|№)?"
# Nothing of a longer code after the number, nor a year, a date or a count (退伍证：2005年发放).
AFTER_NUMBER: Final = r"(?![0-9A-Za-z年月日元岁张份个])"
_LABELLED: Final = re.compile(LABEL + BEFORE_NUMBER + f"({NUMBER}){AFTER_NUMBER}")
# What every label holds (substring tests in C before the pattern is tried): each label's own
# words, not 证号, which every 身份证号 holds (the pattern, which no literal opens, was then tried at
# every character of most remarks: 38,000 instructions a remark, +6.2 % on the corpus document).
_HINTS: Final = ("户号", "户口", "户籍", "低保证", "特困证", "供养证", "优待证", "老年证")
# And the civil registers' certificates and a veteran's: each label holds one of these characters
# (结婚证, 婚姻登记证, 收养证, 死亡证明, 火化证; 军残证, 残疾军人证, 优抚证, 烈属证), tested one at a time
# (found by memchr, where six more tests of two characters walked each remark: permits.find says
# what that cost). Not 军: a given name's character (何军刚) as often, and the pattern, which no
# literal opens, is then tried at every character of the remark.
_CERTIFICATE_HINTS: Final = ("婚", "养", "亡", "火", "残", "抚", "烈", "官", "兵", "伍", "役", "干部证", "军人证")
_MIN_DIGITS = 4

# For presidio: the number's shape (scored below the threshold) and the labels as context.
PATTERNS: tuple[PatternSpec, ...] = (PatternSpec("register_number", rf"(?<![0-9A-Za-z]){NUMBER}(?![0-9A-Za-z])", 0.1),)
CONTEXT: tuple[str, ...] = _words(
    "户号 户口簿 户口本 户籍编号 低保证 特困证 供养证 优待证 老年证"
    " 结婚证 离婚证 婚姻登记证 收养登记证 收养证 死亡证明 死亡医学证明 火化证 军残证 残疾军人证 伤残军人证 优抚证 烈属证"
    " 军官证 士兵证 士官证 退伍证 退役证 文职干部证 军人证 警官证"
)


def validate(text: str) -> bool | None:
    """Fewer than four digits is no register's number (户号：3, a list's index)."""
    return None if _digits(text) >= _MIN_DIGITS else False


def find(text: str) -> list[tuple[int, int]]:
    """The numbers after a register's or a certificate's label in ``text``: (start, end)."""
    if not any(hint in text for hint in _HINTS) and not any(hint in text for hint in _CERTIFICATE_HINTS):
        return []
    return [m.span(1) for m in _LABELLED.finditer(text) if _digits(m.group(1)) >= _MIN_DIGITS]


def looks_like(compact: str) -> bool:
    """A value under a register number's key: four digits or more in a number's length."""
    return len(compact) <= 32 and _digits(compact) >= _MIN_DIGITS


def _digits(text: str) -> int:
    return sum(1 for c in text if "0" <= c <= "9")


SPEC: EntitySpec = EntitySpec(ENTITY, PATTERNS, CONTEXT, validate)
