"""A date of birth after its label in text (出生日期：1990年1月1日, 生日：19900101, 出生年月：1990.01,
出生于1990-01-01, DOB: 1990/1/1). Under a birth date's key (csrq, 出生日期, birthday) the value was
masked; after the same words in a remark or a form sent as text it went out in clear, beside the
name it identifies. The label is the evidence: a date alone is any day of a record.

A year and a month at least, the year first (as Chinese forms write it): a year alone
(1945年出生) says little, and the masking profiles keep the year anyway.
"""

from __future__ import annotations

import re
from typing import Final

ENTITY: Final = "BIRTH_DATE"

# 出生 alone too (出生：, 出生于), not inside 出生地 or 出生证 (no separator or date follows them).
LABEL: Final = (
    r"(?:出生(?:日期|年月日?|时间)?|生日|(?<![A-Za-z])(?:DOB|D\.O\.B\.?|[Dd]ate [Oo]f [Bb]irth|[Bb]irth ?[Dd]ate"
    r"|[Bb]irthday))"
)
BEFORE_DATE: Final = r"[ \t]*(?:[:：=]|为|是|于)?[ \t]*"
_DAY = r"(?:0?[1-9]|[12][0-9]|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
DATE: Final = (
    rf"(?:18|19|20)[0-9]{{2}}(?:年{_MONTH}月(?:{_DAY}日)?|(?P<sep>[-/.]){_MONTH}(?:(?P=sep){_DAY})?"
    r"|(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])?)(?![0-9])"
)
_LABELLED: Final = re.compile(f"{LABEL}{BEFORE_DATE}({DATE})")
# And the date before 生 or 出生 that ends a clause (儿童孙浩然，2015年6月生; 1990年1月1日出生，): not
# before a word (2015年6月生活困难, 2024年3月出生证明).
_BORN: Final = re.compile(f"({DATE})(?:出生|生)(?![\u3400-\u4dbf\u4e00-\u9fff])")
CONTEXT: Final = ("出生日期", "出生年月", "生日", "出生", "date of birth", "DOB")
# What every labelled birth date holds, for the pre-checks (precheck.MAYBE, which RE2 reads for a
# column, and precheck.may_hold): a label's word, then a year within a few characters.
HINT: Final = (
    r"(?:出生|生日|irth|DOB|D\.O\.B)[^0-9\n]{0,12}(?:18|19|20)[0-9]{2}"
    r"|(?:18|19|20)[0-9]{2}[年./-][0-9]{1,2}(?:[月./-][0-9]{1,2})?[月日]?出?生"
)
_HINT_RE: Final = re.compile(HINT)


def may_contain(text: str) -> bool:
    """Could ``text`` hold a labelled birth date (``HINT``)? A label's word by substring tests
    first, one character before the words that hold it: of seven words tested one by one, every
    value paid seven finds (~30,000 instructions an inspection of the corpus document)."""
    words = "生" in text and ("出生" in text or "生日" in text or "月生" in text or "日生" in text)
    if not words:
        words = "irth" in text or ("D" in text and ("DOB" in text or "D.O.B" in text))
    return words and _HINT_RE.search(text) is not None


def find(text: str) -> list[tuple[int, int]]:
    """The spans of the birth dates after their labels or before 生 in ``text`` (folded: ASCII digits)."""
    if not may_contain(text):
        return []
    return [m.span(1) for m in _LABELLED.finditer(text)] + [m.span(1) for m in _BORN.finditer(text)]
