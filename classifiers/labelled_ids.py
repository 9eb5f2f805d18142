"""An ID number written in pieces after its label: "身份证号：110105（19491231）002X", "公民身份号码
110105,19491231,002X", "身份证：“110105”“19491231002X”", "110105 19491231 002 X". The scanner joins
digit groups parted by spaces, hyphens and dots only (a list of numbers is parted by commas,
brackets and quotes far more often): such a number went out in clear, or its middle eleven digits
were taken for a mobile.

Only after a label for an ID number (the label is the evidence the separators are not) and only a
checksum-valid number: its first 17 digits and the character after them must pass GB 11643 with a
real date of birth and province, about one chance in a thousand for digits that are no ID number.

And an ID number mistyped after its label: "身份证号610902199001011230" (its check character
wrong) went out in clear, where under a key (sfzh) it was masked. Only in one piece of exactly 18
characters with a real province and date of birth (entities/resident_id.mistyped): in pieces, a
wrong check character leaves two doubts.
"""

from __future__ import annotations

import re

from .digit_runs import GROUPING
from .entities import resident_id
from .entities.base import VALIDATED_SCORE
from .matches import Match
from .normalise import Folded

# What every label starts with: found by ``str.find`` (in C), where the label's pattern is matched.
_LABEL_STARTS = ("身份", "证件")

# What may part the pieces of a number after its label: brackets, commas, quotes, plus signs and
# the separators the scanner joins already; at most three between two pieces.
_APART = r"[\s,，、()（）\[\]【】<>《》\"'“”‘’+|/\\_.·:：;；\-]{0,3}"
# A label for an ID number (公民身份号码 holds 身份号码).
_LABEL = r"(?:身份证(?:号码?)?|身份号码|证件号码?)"
_LABELLED = re.compile(
    _LABEL
    + r"[^0-9\n]{0,8}?"  # 为, ：; not (18位): no digit before the number
    + rf"([0-9](?:{_APART}[0-9])*(?:{_APART}[Xx])?)(?![0-9A-Za-z])"
)
# A check character parted from the digits before it (003 X): after a run of digits.
_CHECK_APART = re.compile(r"[^0-9A-Za-z\u4e00-\u9fff]{1,3}[Xx](?![0-9A-Za-z])")


_MISTYPED_SCORE = 0.9  # below a valid number's: where one overlaps, it wins
# A label right before a number (up to 8 characters between, no digit): searched in the 13
# characters before a run of 18, as `_LABELLED` allows.
_LABEL_BEFORE = re.compile(_LABEL + r"[^0-9\n]{0,8}\Z")
_ALONE = re.compile("(?![0-9A-Za-z])")  # nothing of a longer number or code after the 18 characters


def labelled_ids(plain: Folded, runs: list[tuple[int, int]], scanned: list[Match]) -> list[Match]:
    """The ID numbers in ``plain`` (``runs``: its runs of digits) after a label that the scanner
    does not read: written in pieces, or mistyped (``scanned``: what the scanner found, valid
    numbers among it, which need no second check)."""
    text = plain.text
    if not any(start in text for start in _LABEL_STARTS):
        return []
    found = _in_pieces(plain) if _unjoined(text, runs) else []
    valid: set[int] | None = None
    for start, end in runs:
        number = text[start:end] if end - start == 18 else text[start : end + 1] if end - start == 17 else ""
        if len(number) != 18 or _ALONE.match(text, start + 18) is None:
            continue
        if valid is None:
            valid = {m.start for m in scanned if m.entity == resident_id.ENTITY}
        span = plain.span(start, start + 18)
        if (
            span[0] not in valid
            and resident_id.mistyped(number)
            and _LABEL_BEFORE.search(text, max(0, start - 13), start) is not None
        ):
            found.append(Match(resident_id.ENTITY, *span, _MISTYPED_SCORE, "label+bad-check"))
    return found


def _unjoined(text: str, runs: list[tuple[int, int]]) -> bool:
    """Two runs of digits parted by one to three characters, not all spaces, hyphens and dots
    (the scanner joins those), or a check character parted from the digits before it. Without
    either the scanner's own passes read the number, in one piece or in digit groups."""
    check = "X" in text or "x" in text
    for k in range(len(runs)):
        end = runs[k][1]
        if k + 1 < len(runs) and runs[k + 1][0] - end <= 3 and text[end : runs[k + 1][0]].strip(GROUPING):
            return True
        if check and _CHECK_APART.match(text, end) is not None:
            return True
    return False


def _in_pieces(plain: Folded) -> list[Match]:
    """The ID numbers written in pieces after a label, each from its first digit to its check
    character (the separators inside are masked with it)."""
    text = plain.text
    found: list[Match] = []
    for label in _LABEL_STARTS:
        at = text.find(label)
        while at >= 0:
            m = _LABELLED.match(text, at)
            at = text.find(label, at + 2)
            if m is None:
                continue
            start, end = m.span(1)
            number, last = _first_18(text, start, end)
            # Over more than 18 characters: in pieces (a number in one piece is the scanner's).
            if last - start >= 18 and resident_id.validate(number) is True:
                found.append(Match(resident_id.ENTITY, *plain.span(start, last + 1), VALIDATED_SCORE, "pieces+label"))
    return found


def _first_18(text: str, start: int, end: int) -> tuple[str, int]:
    """The first 17 digits and the character after them among text[start:end]'s digits and X,
    and where that 18th character is; -1 when there are fewer."""
    chars: list[str] = []
    for i in range(start, end):
        if text[i] in "0123456789Xx":
            chars.append(text[i])
            if len(chars) == 18:
                return "".join(chars), i
    return "", -1
