"""An ID number written in pieces after its label: "身份证号：110105（19491231）002X", "公民身份号码
110105,19491231,002X", "身份证：“110105”“19491231002X”", "110105 19491231 002 X". The scanner joins
digit groups parted by spaces, hyphens and dots only (a list of numbers is parted by commas,
brackets and quotes far more often): such a number went out in clear, or its middle eleven digits
were taken for a mobile.

Only after a label for an ID number (the label is the evidence the separators are not) and only a
checksum-valid number: its first 17 digits and the character after them must pass GB 11643 with a
real date of birth and province, about one chance in a thousand for digits that are no ID number.

And an ID number mistyped after its label: "身份证号610902199001011230" (its check character
wrong) went out in clear, where under a key (sfzh) it was masked: 18 characters with a real
province and date of birth (entities/resident_id.mistyped), in one piece or in pieces ("身份证号
610902 19900101 1230": the label is the evidence the pieces are one number). One cut to 17 digits
("身份证号61090219900101123", resident_id.truncated) likewise, in one piece, and one the upstream
masked in part ("身份证号6109021990****1235"). Neither where a word
that ends in 号 or 码 stands between the label and the number ("身份证号已核实，低保证号…": that
word names the number).
"""

from __future__ import annotations

import re

from .digit_runs import GROUPING
from .entities import resident_id
from .entities.base import VALIDATED_SCORE
from .masked_in_part import masked_in_part
from .matches import Match
from .normalise import Folded

# What every label starts with: found by ``str.find`` (in C), where the label's pattern is matched.
_LABEL_STARTS = ("身份", "证件", "身分", "省份证", "社会保障号", "社保号", "永居", "永久居留")
# Those but a permanent residence ID's, whose two are looked for only where 永 stands (a test of
# one character is a memchr, one of two walks a remark: permits.find says what that costs).
_RESIDENT_LABEL_STARTS = _LABEL_STARTS[:-2]

# What may part the pieces of a number after its label: brackets, commas, quotes, plus signs, a
# full stop (。, the dot a Chinese input method types) and the separators the scanner joins
# already; at most three between two pieces.
APART = r"[\s,，、()（）\[\]【】<>《》\"'“”‘’+|/\\_.·。:：;；\-]{0,3}"
# A label for an ID number (公民身份号码 holds 身份号码; 身分证 is the older writing, 省份证 and
# 身份号 slips of the pen; the social security number, 社会保障号码, is the ID number), and for a
# foreigner's permanent residence ID (永久居留证号, 永居证号; 外国人永久居留身份证 holds 身份证), whose
# 2023 series is an ID number's 18 characters (resident_id._issued_ok): mistyped or masked in
# part after its label, it is read as a resident's is. (Read by the presidio recognizers too:
# recognizers/labelled.py.)
LABEL = r"(?:[身省][份分]证(?:号码?)?|身份号码?|证件号码?|社会保障号码?|社保号码?|永久居留(?:身份)?证(?:号码?)?|永居证(?:号码?)?)"
_LABELLED = re.compile(
    LABEL
    + r"[^0-9\n]{0,8}?"  # 为, ：; not (18位): no digit before the number
    + rf"([0-9](?:{APART}[0-9])*(?:{APART}[Xx])?)(?![0-9A-Za-z])"
)
# A check character parted from the digits before it (003 X): after a run of digits.
_CHECK_APART = re.compile(r"[^0-9A-Za-z\u4e00-\u9fff]{1,3}[Xx](?![0-9A-Za-z])")


_MISTYPED_SCORE = 0.9  # below a valid number's: where one overlaps, it wins
# A label right before a number (up to 8 characters between, no digit, and no 号 or 码 of another
# number's label): searched in the 13 characters before a run of 17 or 18, as `_LABELLED` allows.
_LABEL_BEFORE = re.compile(LABEL + r"[^0-9\n号码]{0,8}\Z")
_ALONE = re.compile("(?![0-9A-Za-z])")  # nothing of a longer number or code after the 18 characters


def labelled_ids(plain: Folded, runs: list[tuple[int, int]], scanned: list[Match], masked: bool) -> list[Match]:
    """The ID numbers in ``plain`` (``runs``: its runs of digits) after a label that the scanner
    does not read: written in pieces, mistyped, or masked in part (``scanned``: what the scanner
    found, valid numbers among it, which need no second check; ``masked``: the text may hold a
    mask, ``may_hold_mask``)."""
    text = plain.text
    if not any(start in text for start in _RESIDENT_LABEL_STARTS) and not (
        "永" in text and ("永居" in text or "永久居留" in text)
    ):
        return []
    pieces = apart(text, runs)
    found = _in_pieces(plain) if pieces == UNJOINED else _in_groups(plain, runs, scanned) if pieces == JOINED else []
    if ("E" in text or "e" in text) and "17" in text:
        found += _floats(plain)
    if masked:
        found += _masked_in_part(plain)
    valid: set[int] | None = None
    for start, end in runs:
        number = text[start:end] if end - start == 18 else text[start : end + 1] if end - start == 17 else ""
        if len(number) == 18 and number[17] not in "Xx" and end - start == 17:
            number = number[:17]  # no check character after 17 digits: cut before it, or none
        if len(number) not in (17, 18) or _ALONE.match(text, start + len(number)) is None:
            continue
        if valid is None:
            valid = _valid_starts(scanned)
        span = plain.span(start, start + len(number))
        if (
            span[0] not in valid
            and (resident_id.mistyped(number) or resident_id.truncated(number))
            and _LABEL_BEFORE.search(text, max(0, start - 13), start) is not None
        ):
            evidence = "label+bad-check" if len(number) == 18 else "label+truncated"
            found.append(Match(resident_id.ENTITY, *span, _MISTYPED_SCORE, evidence))
    return found


JOINED, UNJOINED = 1, 2


def apart(text: str, runs: list[tuple[int, int]]) -> int:
    """UNJOINED: two runs of digits parted by one to three characters, not all spaces, hyphens
    and dots (the scanner joins those), or a check character parted from the digits before it;
    the scanner's own passes do not read such a number. JOINED: runs parted by those only, which
    the scanner joins, but takes only as a valid number. 0: no runs that close."""
    check = "X" in text or "x" in text
    joined = 0
    for k in range(len(runs)):
        end = runs[k][1]
        if k + 1 < len(runs) and runs[k + 1][0] - end <= 3:
            if not _grouped(text, end, runs[k + 1][0]):
                return UNJOINED
            joined = JOINED
        if check and _CHECK_APART.match(text, end) is not None:
            return UNJOINED
    return joined


def _in_groups(plain: Folded, runs: list[tuple[int, int]], scanned: list[Match]) -> list[Match]:
    """The mistyped ID numbers in digit groups the scanner joins (610902 19900101 1230) after a
    label: the scanner reads a valid one (``scanned``: found by its pass over the joined groups).
    From each label's first characters to the run of digits after them, not by ``_LABELLED``: in
    5 of the 8 remarks of the corpus document, each with a valid number or a mobile in groups,
    its match and the walk over the pieces cost +2.6 % of an inspection."""
    text = plain.text
    found: list[Match] = []
    valid: set[int] | None = None
    for label in _LABEL_STARTS:
        at = text.find(label)
        while at >= 0:
            here, at = at, text.find(label, at + 2)
            k = 0
            while k < len(runs) and runs[k][0] < here:
                k += 1
            # A label is at most 5 characters, 8 more may stand before the number (_LABEL_BEFORE).
            if k == len(runs) or runs[k][0] - here > 13:
                continue
            start, j = runs[k][0], k
            if valid is None:
                valid = _valid_starts(scanned)
            if plain.span(start, start + 1)[0] in valid:
                continue
            length = runs[k][1] - start
            while length < 18 and j + 1 < len(runs) and _grouped(text, runs[j][1], runs[j + 1][0]):
                j += 1
                length += runs[j][1] - runs[j][0]
            if j == k or length < 17:
                continue
            # 18 digits or more (to the 18th), or 17 that end the groups: cut before the check
            # character (610902 19900101 123), where the scanner took 19900101 123 for a mobile.
            number = "".join(text[a:b] for a, b in runs[k : j + 1])[:18]
            end = runs[j][1] - (length - len(number))
            if length == 17 and text[end : end + 1] in ("X", "x"):  # its check character, wrong
                number, length, end = number + "X", 18, end + 1
            if (
                resident_id.mistyped(number) if length >= 18 else resident_id.truncated(number)
            ) and _LABEL_BEFORE.search(text, max(0, start - 13), start) is not None:
                span = plain.span(start, end)
                found.append(Match(resident_id.ENTITY, *span, _MISTYPED_SCORE, "groups+label+bad-check"))
    return found


# An ID number after an English label (ID: 61090219900101123X, ID No. …, Resident ID card number:
# …), its check character wrong or cut before it (17 digits): masked as after 身份证号. "ID" alone
# names any record's key (order ID, user ID, traceId), so not after another word but one that
# makes it a person's (resident, national, citizen); a valid number after it is the scanner's already.
_LATIN_LABELLED = re.compile(
    r"(?<![A-Za-z0-9_])ID(?:[ \t]*[Cc]ard)?(?:[ \t]*(?:[Nn][Oo]\.?|[Nn]umber|#|№))?[ \t]*[:：#=]?[ \t]*"
    r"((?:[0-9][ -]?){16}[0-9](?:[ -]?[0-9Xx])?)(?![0-9A-Za-z])"  # in groups too (ID card: 610902 19900101 1230)
)
_PERSONS_WORDS = frozenset(("resident", "national", "citizen", "chinese", "prc", "personal"))


def after_latin_label(plain: Folded) -> list[Match]:
    """The mistyped ID numbers after an English label in ``plain`` (asked where "ID" stands)."""
    text = plain.text
    found: list[Match] = []
    for m in _LATIN_LABELLED.finditer(text):
        before = text[: m.start()].rstrip(" \t")
        if before[-1:].isascii() and before[-1:].isalpha():
            word = before[-12:].split()[-1] if before[-12:].split() else ""
            if word.lower() not in _PERSONS_WORDS:
                continue  # order ID, user ID: a business's key
        number = m.group(1).replace(" ", "").replace("-", "")
        if resident_id.mistyped(number) if len(number) == 18 else resident_id.truncated(number):
            evidence = "latin-label+bad-check" if len(number) == 18 else "latin-label+truncated"
            found.append(Match(resident_id.ENTITY, *plain.span(*m.span(1)), _MISTYPED_SCORE, evidence))
    return found


def _valid_starts(scanned: list[Match]) -> set[int]:
    """Where the valid ID numbers the scanner found start: none of them needs a second check."""
    return {m.start for m in scanned if m.entity == resident_id.ENTITY}


def _grouped(text: str, end: int, start: int) -> bool:
    """Are two runs of digits, one ending at ``end`` and the next starting at ``start``, parted
    by one to three spaces, hyphens and dots only (what the scanner joins)?"""
    return start - end <= 3 and not text[end:start].strip(GROUPING)


def _in_pieces(plain: Folded) -> list[Match]:
    """The ID numbers written in pieces after a label, each from its first digit to its check
    character (the separators inside are masked with it): valid or mistyped."""
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
            if last < 0:
                # 17 digits in pieces, cut before the check character (610902,19900101,123), or a
                # legacy number of 15 (610902,900101,123: a plausible province and date).
                number = "".join(c for c in text[start:end] if "0" <= c <= "9")
                if (
                    end - start > len(number)
                    and (resident_id.truncated(number) or (len(number) == 15 and resident_id.validate(number) is None))
                    and _LABEL_BEFORE.search(text, max(0, start - 13), start) is not None
                ):
                    evidence = "pieces+label+truncated" if len(number) == 17 else "pieces+label+legacy"
                    found.append(Match(resident_id.ENTITY, *plain.span(start, end), _MISTYPED_SCORE, evidence))
                continue
            # Over more than 18 characters: in pieces (a number in one piece is the scanner's).
            if last - start < 18:
                continue
            span = plain.span(start, last + 1)
            if resident_id.validate(number) is True:
                found.append(Match(resident_id.ENTITY, *span, VALIDATED_SCORE, "pieces+label"))
            elif resident_id.mistyped(number) and _LABEL_BEFORE.search(text, max(0, start - 13), start) is not None:
                found.append(Match(resident_id.ENTITY, *span, _MISTYPED_SCORE, "pieces+label+bad-check"))
    return found


# An ID number a spreadsheet wrote as a float after its label (身份证号 6.10902199001011E17): 18
# digits, of which the float keeps 15 at most. The label says what it is: masked whole.
_FLOAT = re.compile(LABEL + r"[^0-9\n号码]{0,8}?([0-9]\.[0-9]{1,16}[Ee]\+?17)(?![0-9])")


def _floats(plain: Folded) -> list[Match]:
    return [
        Match(resident_id.ENTITY, *plain.span(*m.span(1)), _MISTYPED_SCORE, "label+float")
        for m in _FLOAT.finditer(plain.text)
    ]


# An ID number the upstream masked in part after its label (身份证号6109021990****1235, ××××,
# XXXX, ####: masked_in_part.py): its 18 characters, a mask's among them and digits beside it. The
# label says what it is: masked again as the whole number for a caller whose profile shows less
# (Run._masked asks the profile).
_MASKED = re.compile(LABEL + r"[^0-9\n号码*×#]{0,8}?([0-9][0-9*×#Xx]{16}[0-9*×#Xx])(?![0-9A-Za-z*×#])")


def _masked_in_part(plain: Folded) -> list[Match]:
    return [
        Match(resident_id.ENTITY, *plain.span(*m.span(1)), _MISTYPED_SCORE, "label+masked-in-part")
        for m in _MASKED.finditer(plain.text)
        if masked_in_part(m.group(1))
    ]


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
