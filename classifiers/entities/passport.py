"""Passport and travel-permit numbers (护照号码, 港澳通行证号码).

China's ordinary passports are numbered E + 8 digits, and since that series ran out E + a letter
+ 7 digits; older ones G + 8 digits; official, service and diplomatic ones P/S/D + 7 digits or
PE/SE/DE + 7. The travel permit to Hong Kong and Macau is C + 8 digits or C + a letter + 7; the Mainland
travel permit of Hong Kong and Macau residents (回乡证) H or M + 8 digits, and 2 more for its renewals.
No check digit is printed in the number (the machine-readable zone has one, which systems do not
store), and a letter and 7-8 digits is a common shape for business numbers: a match counts only
with a passport's word before it or under a passport key (its score is below the threshold).
The Taiwan residents' permit (台胞证) and a foreigner's permanent residence ID of the 2017 series
are found after their labels (permits.py) and counted as passports: identity documents whose
number has no check, as these.
"""

from __future__ import annotations

from typing import Final

from .base import EntitySpec, PatternSpec

ENTITY: Final = "PASSPORT"

# The letters a series letter may be (no I or O, as on the plates and in credit codes).
_SERIES = "A-HJ-NP-Za-hj-np-z"
PATTERNS: tuple[PatternSpec, ...] = (
    PatternSpec(
        "passport",
        rf"(?<![0-9A-Za-z])(?:[EeGgCc][0-9]{{8}}|[EeCc][{_SERIES}][0-9]{{7}}|[PpSsDd][Ee]?[0-9]{{7}}|[HhMm][0-9]{{8}}(?:[0-9]{{2}})?)"
        r"(?![0-9A-Za-z])",
        0.2,
    ),
)
CONTEXT: tuple[str, ...] = ("护照", "通行证", "旅行证", "回乡证", "台胞证", "永居证", "永久居留", "passport")


def validate(text: str) -> bool | None:
    """A run of one digit repeated (E00000000, G11111111) is a placeholder, not a number."""
    digits = text.lstrip("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjklmnpqrstuvwxyz")
    if len(set(digits)) == 1:
        return False
    return None


def looks_like(compact: str) -> bool:
    """A value under a passport key: letters and digits of a passport's length (a foreign
    passport's number has another shape than China's, a permanent residence ID of the 2017
    series 15 characters; the key says what it is)."""
    return 7 <= len(compact) <= 15 and compact.isalnum() and compact.isascii() and any(c.isdigit() for c in compact)


SPEC: EntitySpec = EntitySpec(ENTITY, PATTERNS, CONTEXT, validate)
