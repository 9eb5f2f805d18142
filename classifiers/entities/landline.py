"""Fixed-line numbers: 0 + 2-3 digit area code + 7-8 digit subscriber, optional extension."""

from __future__ import annotations

import re
from typing import Final

from ..digit_runs import digit_runs
from .base import EntitySpec, PatternSpec

ENTITY: Final = "LANDLINE"

# 010 and 02x are the only two-digit area codes; all others have three digits after 0.
_AREA_DIGITS = r"(?:10|2[0-9]|[3-9][0-9]{2})"
AREA = r"0" + _AREA_DIGITS
# From abroad the area code loses its 0 after the country's: +86-915-3212345, +86 (10) 62345678,
# 0086 915 3212345 (the full-width plus is folded before the scan).
_FROM_ABROAD = r"(?:\+|00)86[- ]?(?:\(" + _AREA_DIGITS + r"\) ?|" + _AREA_DIGITS + r"[- ])"
_EXT = r"(?:(?:-|转|#|ext\.?|EXT\.?|分机)[0-9]{1,6})?"
# The area code and its separator: (0915) 3212345 as (0915)3212345, a space after the bracket
# as after a hyphen.
_AREA_THEN = r"(?:\(" + AREA + r"\) ?|" + AREA + r"[- ]|" + _FROM_ABROAD + r")"
PATTERNS: tuple[PatternSpec, ...] = (
    PatternSpec(
        "landline_grouped",
        r"(?<![0-9])" + _AREA_THEN + r"[2-9][0-9]{6,7}" + _EXT + r"(?![0-9])",
        0.6,
    ),
    # Without a separator an 11-12 digit run starting with 0 is often something else.
    PatternSpec("landline_plain", r"(?<![0-9])" + AREA + r"[2-9][0-9]{6,7}(?![0-9])", 0.4),
)
CONTEXT: tuple[str, ...] = ("电话", "座机", "固话", "联系电话", "办公电话", "tel", "phone", "telephone")


def national(text: str) -> str:
    """A landline's digits as dialled at home: +86-915-3212345 and 0086 915 3212345 as
    09153212345 (no area code begins 00, and a bare 86 is no country code here)."""
    digits = "".join(c for c in text if c.isdigit())
    if text.lstrip().startswith("+") and digits.startswith("86"):
        return "0" + digits[2:]
    if digits.startswith("0086"):
        return "0" + digits[4:]
    return digits


def validate(text: str) -> bool | None:
    digits = national(text)
    subscriber = digits[3:] if digits.startswith(("010", "02")) else digits[4:]
    if len(set(subscriber[:7])) == 1:
        return False
    return None


# An extension at the end of a number's text (0915-3212345转8001, -8001, ext. 8001, 分机 8001): after
# ten digits or more, so that the subscriber's own group (0915-3212345) is none.
_EXTENSION = re.compile(r"[ \t]*(?:转|#|ext\.?|EXT\.?|Ext\.?|分机号?|-)[ \t:：]*[0-9]{1,6}\Z")
# The same after a number the scan found: the plain pattern (09153212345, with 电话 before it)
# outscores the grouped one with the extension, and 转8001 stayed beside the masked number.
EXTENSION_AFTER = re.compile(r"[ \t]?(?:转|#|ext\.?|EXT\.?|Ext\.?|分机号?|-)[ \t:：]?[0-9]{1,6}(?![0-9])")


# After a mobile only a word says it is an extension (13800138000转123, 分机 8012: a platform's
# number for a delivery or a hotline, its extension the part that reaches the person); a hyphen
# and digits after a mobile are more often something else.
MOBILE_EXTENSION_AFTER = re.compile(r"[ \t]?(?:转|ext\.?|EXT\.?|Ext\.?|分机号?)[ \t:：]?[0-9]{1,6}(?![0-9])")
# A second number after a landline that gives its local part only (0915-3212345/3212346,
# 、3212346; the scanner reads a slash between digits as a space): as many digits as the first's,
# the area code the first's.
SECOND_LOCAL = re.compile(r"(?:[/、，,][ \t]?|[ \t])([2-9][0-9]{6,7})(?![0-9元万.])")
# A second number's tail after a slash, its head the first's (13912345678/79, 0915-3212345/46: the
# numbers ending 79 and 46 as well): one to four digits, then no unit, date, amount or letter
# (13912345678/12/25回访). Matched in the text as given, after its slash.
SECOND_TAIL = re.compile(r"[0-9０-９]{1,4}(?![0-9０-９A-Za-z./／\-．%元万年月日号岁人次户个份])")


# A local number alone after a phone's label (电话：3212345, 联系电话：3212345转8001, 座机 62345678):
# the area code left out, as a form filled in the county writes it. Seven or eight digits after
# 电话 are a landline's, the person's on a form about a person (a business's number after its
# label is an over-mask at worst); without the label they are any count or serial. Only a
# colon, 为 or 是 and spaces between the label and the number ("电话回访3212345次" is none), and
# no amount after it. In English too (Tel: 3212345, Phone No. 3212345; not Hotel's).
LOCAL_LABEL = (
    r"(?:(?:电话|座机|固话|联系方式)(?:号码?)?"
    r"|(?<![A-Za-z])(?:[Tt]el(?:ephone)?|TEL|[Pp]hone|PHONE)(?:\.| [Nn]o\.?| [Nn]umber)?)"
)
LOCAL_NUMBER = r"(?<![0-9])[2-9][0-9]{6,7}(?![0-9]|\.[0-9]|元|万|%)"
_LABELLED_LOCAL = re.compile(LOCAL_LABEL + r"[ \t]*[:：为是]?[ \t]*(" + LOCAL_NUMBER + ")")
# What every label holds, found by ``in`` first: the Chinese ones whole, and a part of each English
# one (el of Tel and tel, EL of TEL, hone of Phone and phone).
_LOCAL_LABEL_PARTS: Final = ("电话", "座机", "固话", "联系方式", "el", "EL", "hone", "HONE")


def labelled_locals(text: str, runs: list[tuple[int, int]] | None) -> list[tuple[int, int]]:
    """(start, end) of each local number after a phone's label in ``text`` (``runs``: its runs of
    digits, None when the caller has not walked them; one digit repeated, 2222222, is a
    placeholder). Only where a run of seven or eight digits stands: the labels' pattern has no
    literal to search for."""
    if runs is not None and not any(7 <= end - start <= 8 for start, end in runs):
        return []
    if not any(s in text for s in _LOCAL_LABEL_PARTS):
        return []
    if runs is None and not any(7 <= end - start <= 8 for start, end in digit_runs(text)):
        return []
    return [m.span(1) for m in _LABELLED_LOCAL.finditer(text) if len(set(m.group(1))) > 1]


# An area code at a line's end and the number on the next, after a phone's label (电话：029\n88451234,
# 联系电话：(0915)\n3212345: a form's narrow column wraps it). Only after the label: without it a
# line end parts a table's cells, and a code of three or four digits is any count.
_LABELLED_BROKEN = re.compile(
    LOCAL_LABEL
    + r"[ \t]*[:：为是]?[ \t]*(?:\r?\n|\u2029)?[ \t]*((?:[(（]"  # the label on a line of its own too
    + AREA
    + r"[)）]|"
    + AREA
    + r")[ \t-]*(?:\r?\n|\u2029)[ \t]*"
    + LOCAL_NUMBER
    + ")"
)


def labelled_broken(text: str) -> list[tuple[int, int]]:
    """(start, end) of each landline in ``text`` broken after its area code by a line end, after
    a phone's label (asked where a line end stands: broken_numbers.may_be_broken)."""
    if not any(s in text for s in _LOCAL_LABEL_PARTS):
        return []
    return [m.span(1) for m in _LABELLED_BROKEN.finditer(text) if validate(m.group(1)) is None]


def is_date(digits: str) -> bool:
    """Eight digits that read as a date of this century (20240315): after a local number, a
    date of the record, not a second number."""
    return len(digits) == 8 and digits.startswith("20") and "01" <= digits[4:6] <= "12" and "01" <= digits[6:] <= "31"


def split_extension(text: str) -> tuple[str, str]:
    """A landline's text as the number and its extension ("" when it has none)."""
    m = _EXTENSION.search(text)
    if m is None or sum(c.isdigit() for c in text[: m.start()]) < 10:
        return text, ""
    return text[: m.start()], text[m.start() :]


SPEC: EntitySpec = EntitySpec(ENTITY, PATTERNS, CONTEXT, validate)
