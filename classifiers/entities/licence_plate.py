"""Motor vehicle plates (机动车号牌, GA 36-2018): 陕G12345, 陕G·D12345 (new energy), 陕G1234学.

A plate names its owner to anyone who can query the register, and a household's vehicle is
what a 低保 means test checks: it is personal data. The shape is its own evidence: a province's
one-character abbreviation, the issuing office's letter, and a serial of 5 letters and digits
(at most 2 letters), or of 6 for a new-energy vehicle (D or F first, or last for a large one),
or of 4 and a use character (挂 trailer, 学 learner, 警 police, 港/澳 cross-border, 领 consular,
试 test, 超 oversize). Letters never include I or O.
"""

from __future__ import annotations

import re
from typing import Final

from .base import EntitySpec, PatternSpec

ENTITY: Final = "LICENCE_PLATE"
PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_LETTER = "A-HJ-NP-Za-hj-np-z"
_USES = "挂学警港澳领试超"
PATTERNS: tuple[PatternSpec, ...] = (
    PatternSpec(
        "licence_plate",
        rf"(?<![{PROVINCES}])[{PROVINCES}] ?[{_LETTER}][·•.\- ]?"
        rf"(?:[{_LETTER}0-9]{{5,6}}|[{_LETTER}0-9]{{4}}[{_USES}])(?![0-9A-Za-z])",
        0.6,
    ),
)
CONTEXT: tuple[str, ...] = ("车牌", "号牌", "车辆", "机动车", "plate")
_PLATE = re.compile(PATTERNS[0].regex)
# Where a plate can be: its office letter after a province's character, or a space after it
# (陕 G 12345, spaced as a plate is printed). Searched from the letter, which ``re`` skips to in C
# (a leading look-behind or a class of 31 ideographs is tried at every character of a Chinese text).
_OFFICE = re.compile(rf"[{_LETTER}](?:(?<=[{PROVINCES}][{_LETTER}])|(?<=[{PROVINCES}] [{_LETTER}]))")
# The same for RE2 (no look-arounds), in the columns' pre-check (precheck.MAYBE).
HINT = f"[{PROVINCES}] ?[{_LETTER}]"


def may_contain(text: str) -> bool:
    return _OFFICE.search(text) is not None


def validate(text: str) -> bool | None:
    serial = text[1:].lstrip(" ")[1:].lstrip("·•.- ").upper()
    if serial[-1] in _USES:
        serial = serial[:-1]
        return None if len(serial) == 4 and _letters(serial) <= 2 else False
    if len(serial) == 6:  # new energy: D/F then a letter or digit and 4 digits, or 5 digits then D/F
        small = serial[0] in "DF" and serial[2:].isdigit()
        large = serial[:5].isdigit() and serial[5] in "DF"
        return None if small or large else False
    return None if _letters(serial) <= 2 else False


def _letters(serial: str) -> int:
    return sum(not c.isdigit() for c in serial)


def looks_like(compact: str) -> bool:
    """A value under a plate key: a province's character and 6-7 letters and digits, however
    the serial is written (the key says what it is; a temporary plate's shape differs)."""
    return 7 <= len(compact) <= 9 and compact[0] in PROVINCES and compact[1:].isalnum()


def find(text: str) -> list[tuple[int, int]]:
    """Spans of the plates in ``text`` (folded: full-width letters and digits made ASCII)."""
    if _OFFICE.search(text) is None:
        return []
    return [m.span() for m in _PLATE.finditer(text) if validate(m.group()) is not False]


SPEC: EntitySpec = EntitySpec(ENTITY, PATTERNS, CONTEXT, validate)
