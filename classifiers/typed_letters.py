"""Letters typed for digits in a number after its label: "手机：139l234S678", "身份证号：61O9O2199OO1O11235"
(O for 0, l and I for 1, S for 5: typed by hand to slip past a scanner, or read so by a scan's
text recognition). A reader reads the number; the scanner saw letters and digits, no number.

Numbers round sixteen read these letters as digits under a key that names an ID number or a
phone (detect.Detector._whole_value); here the same translation after a label in text. Only
where the translated value is a number whole: an ID number that passes its checksum (with a
real region and date of birth), or a mobile of an allocated segment; and only a value with four
digits or more, so that a word after a label is none.
"""

from __future__ import annotations

import re
from typing import Final

from .entities import mobile, resident_id
from .entities.base import VALIDATED_SCORE
from .labelled_ids import LABEL as ID_LABEL
from .matches import Match
from .normalise import Folded

# The letters read as digits: those a key's claim reads (detect._LETTER_DIGITS: O, o, I, l), and S for
# 5, which a key's claim does not take ("USA1234…" under zjhm is a permit's number).
LETTERS: Final = "OoIlS"
LETTER_DIGITS: Final = str.maketrans(LETTERS, "00115")
# What every label starts with (an ID number's, labelled_ids; a phone's), found by ``in`` first.
_LABEL_STARTS: Final = ("身份", "身分", "省份证", "证件", "社会保障号", "社保号", "手机", "电话", "联系方式")
PHONE_LABEL = r"(?:手机|电话|联系方式)"
_DIGIT_OR_LETTER = f"[0-9{LETTERS}]"
# The label (an ID number's or a phone's), then up to eight characters that are no digit or letter
# (：, 为), and the value: 11 to 18 digits and letters, a space or a hyphen between two of them,
# an ID number's X last. (Read by the presidio recognizers too: recognizers/labelled.py.)
LABEL = f"(?:{ID_LABEL}|{PHONE_LABEL})[^0-9A-Za-z\\n]{{0,8}}?"
VALUE = f"(?<![0-9A-Za-z]){_DIGIT_OR_LETTER}(?:[ -]?{_DIGIT_OR_LETTER}){{10,17}}[Xx]?(?![0-9A-Za-z])"
_TYPED = re.compile(f"{LABEL}({VALUE})")
# For the pre-check (precheck.MAYBE, which RE2 reads too: no look-arounds): a label, then a
# letter among the first digits of a value.
HINT: Final = f"(?:{ID_LABEL}|{PHONE_LABEL})[^0-9A-Za-z\\n]{{0,8}}[0-9 -]{{0,17}}[{LETTERS}]"
_HINT: Final = re.compile(HINT)
_SEPARATORS: Final = str.maketrans("", "", " -")
_DIGITS_AT_LEAST: Final = 4


def may_contain(text: str) -> bool:
    """Could ``text`` hold such a number? One of the letters (the hint ends with one), a label's
    first characters, then the hint. The letters first, as ``typed_numbers`` asks them: a letter's
    find is a scan for one code point, a label's a search for a word of two to five, and the
    columns of the demo document hold neither (~3,000 instructions a column, nine finds)."""
    return (
        any(letter in text for letter in LETTERS)
        and any(start in text for start in _LABEL_STARTS)
        and _HINT.search(text) is not None
    )


def read(value: str) -> str | None:
    """The entity ``value`` (a match of ``VALUE``) is with its letters read as digits: an ID
    number that passes its checksum or an allocated mobile, else None; None too for a value of
    digits alone (the scan reads it) or of fewer than four (a word)."""
    value = value.translate(_SEPARATORS)
    letters = sum(c in LETTERS for c in value)
    if letters == 0 or len(value) - letters < _DIGITS_AT_LEAST:
        return None
    number = value.translate(LETTER_DIGITS)
    if len(number) == 18 and resident_id.validate(number) is True:
        return resident_id.ENTITY
    if len(number) == 11 and number[0] == "1" and mobile.validate(number) is None:
        return mobile.ENTITY
    return None


def typed_numbers(plain: Folded) -> list[Match]:
    """The ID numbers and mobiles after a label in ``plain`` with letters typed for digits."""
    text = plain.text
    # A letter first (a few `in` tests, in C): most texts with a label hold none of them, and the
    # labels' pattern, an alternation with no literal to search for, is tried at every position.
    if not any(letter in text for letter in LETTERS) or not any(start in text for start in _LABEL_STARTS):
        return []
    found: list[Match] = []
    for m in _TYPED.finditer(text):
        entity = read(m.group(1))
        if entity is not None:
            found.append(Match(entity, *plain.span(*m.span(1)), VALIDATED_SCORE, "label+typed"))
    return found
