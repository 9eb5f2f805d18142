"""What folding changes (normalise.py): invisible characters, digits of other scripts,
separators inside numbers, full-width forms and punctuation, percent escapes of digits; and
the per-character NFKC the tables are checked with. Tables and patterns only: normalise.py
holds the fold."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

# Format characters that render as nothing: zero-width space/joiners, direction marks,
# word joiner, BOM, soft hyphen, Mongolian vowel separator, invisible operators.
# Also marks that attach to the character before them and show as (almost) nothing between
# digits: combining marks (U+0300-036F and their supplements, U+20D0-20FF with the keycap
# U+20E3), variation selectors (U+FE0F makes "6️⃣" an emoji digit) and tag characters.
_ATTACHED = "".join(
    chr(c)
    for first, last in (
        (0x0300, 0x036F),
        (0x1AB0, 0x1AFF),
        (0x1DC0, 0x1DFF),
        (0x20D0, 0x20FF),
        (0xFE00, 0xFE0F),
        (0xFE20, 0xFE2F),
        (0xE0000, 0xE007F),
        (0xE0100, 0xE01EF),
    )
    for c in range(first, last + 1)
)
FORMAT_CHARACTERS: Final = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f"
    "\u3164\ufeff\uffa0"
)
_INVISIBLE = frozenset(FORMAT_CHARACTERS + _ATTACHED)


def class_of(chars: frozenset[str]) -> str:
    """A regex class of ``chars``, consecutive code points written as ranges. ``re`` puts the
    characters up to U+FFFF in one bitmap and keeps those above it as a list that every searched
    character is compared with: written one by one, the tag characters and the supplement of
    variation selectors (368) cost ~4 µs a character of searched text, as ranges two tests."""
    codes = sorted(ord(char) for char in chars)
    parts: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        first, last = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        parts.append(first if i == j else f"{first}-{last}")
        i = j + 1
    return "[" + "".join(parts) + "]"


_INVISIBLE_RE: Final = re.compile(class_of(_INVISIBLE))
# Decimal digits of other scripts (Arabic-Indic ٠-٩, Devanagari ०-९, …): NFKC keeps them, so
# they are folded to ASCII by their digit value. ``\d`` of ``re`` is every Unicode digit. And
# letters that pass for an ID number's check character X: the multiplication sign, Cyrillic
# and Greek X (NFKC keeps them too).
_X_LOOKALIKES = "\u00d7\u0425\u0445\u03a7\u03c7\u2715"
_OTHER_DIGIT_RE: Final = re.compile(rf"[^\D0-9]|[{_X_LOOKALIKES}]")

# Separators people put inside numbers ("139 1234 5678", "6222-0212-...", "610.902...").
# After NFKC, U+3000 and NBSP are plain spaces and full-width hyphen is "-".
SEPARATORS = frozenset(" -.\u2010\u2011\u2012\u2013\u2014\u2212\ufe63")
# What may stand between two digits of one number, by code point (a space, a dot, a hyphen, the
# dashes U+2010-2014, the minus, the small hyphen, a full-width and a no-break space):
# ``normalise.has_separated_digits`` walks a text's code points for a run of them between digits.
SEPARATOR_CODES: Final = frozenset((0x20, 0x2E, 0x2D, *range(0x2010, 0x2015), 0x2212, 0xFE63, 0x3000, 0xA0))


@lru_cache(maxsize=4096)
def _nfkc(char: str) -> str:
    folded = unicodedata.normalize("NFKC", char)
    if len(folded) == 1 and not folded.isascii() and _OTHER_DIGIT_RE.match(folded) is not None:
        return "X" if folded in _X_LOOKALIKES else str(unicodedata.decimal(folded))
    return folded


# Slashes, underscores and middle dots between digits group a number as spaces do ("139/1234/5678",
# "139_1234_5678", "177·6257·1891": a Chinese input method types · for the key of `). The scanner
# reads them as spaces, one character for one, so that its spans still index the value as given. Not tabs: in free text they separate the columns of a
# table ("1\t150\t2000\t3000" would join into a mobile's 11 digits). ``fold`` keeps them: masks,
# person tokens and pseudonyms of values that merely hold one ("12/3号") stay as they were.
LOOSE_SEPARATORS = "/_\u00b7\u30fb"
# Spaces and invisible characters beside them are taken in the run ("135 · 5170", "139\ufeff·1234"):
# spaces are separators too, and fold drops invisible characters anyway.
_LOOSE_IN_DIGITS_RE = re.compile(
    f"(?<=[0-9])(?: |{class_of(_INVISIBLE)})*[{LOOSE_SEPARATORS}](?:[ {LOOSE_SEPARATORS}]|{class_of(_INVISIBLE)})*(?=[0-9])"
)


# A date that opens a run of digit groups keeps its slashes ("1990/01/15 123" would join into
# a mobile's 11 digits; "1990 / 01 / 15 123" too). Inside an ID number the birth date follows the
# region code ("610902 1947/04/15 8177"), and is read as groups.
_LEADING_DATE_RE = re.compile(
    r"(?<![0-9])(?<![0-9][ .\-_])"
    r"(?:(?:19|20)[0-9]{2} ?/ ?[0-9]{1,2} ?/ ?[0-9]{1,2}|[0-9]{1,2} ?/ ?[0-9]{1,2} ?/ ?(?:19|20)[0-9]{2})(?![0-9])"
)


# Full-width forms one for one (NFKC's mapping of U+FF01-FF5E), so that "１３９／１２３４／５６７８"
# is read as "139/1234/5678" at the same offsets.
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}

# A URL's percent escapes: an escaped digit ("sfzh=%36%31%30…", every digit written so) is
# that digit; another escape beside a digit ("q=%22610902…%22", "tel%2013912345678") is one
# space, a boundary like any separator, so that its hex digits do not run into the number.
_ESCAPE_BY_DIGIT_RE = re.compile("%3[0-9]|%[0-9A-Fa-f]{2}(?=[0-9])|(?<=[0-9])%[0-9A-Fa-f]{2}")


def _separator_run(separators: str) -> re.Pattern[str]:
    """A run of ``separators`` (a class's inside) between two ASCII digits. Its first separator
    is matched before the digit behind it is checked: a leading class lets ``re`` skip to the
    separators in C, where a leading look-behind entered the matcher at every character. The
    run is taken whole (``*+``): a shorter one would end before a separator, not a digit."""
    return re.compile(f"[{separators}](?<=[0-9][{separators}])[{separators}]*+(?=[0-9])")


# A separator run between two ASCII digits, in folded text (see SEPARATORS); and in ASCII text.
_SEP_RUN = _separator_run(" .\\-\u2010-\u2014\u2212\ufe63")
_ASCII_SEP_RUN = _separator_run(" .\\-")

# Runs of characters NFKC might change: everything but ASCII and CJK ideographs.
_FOLDABLE_RE = re.compile("[^\x00-\x7f\u3400-\u4dbf\u4e00-\u9fff]+")

# What Chinese text is written with and folds one for one: full-width punctuation and the
# ideographic space (， -> ,). Each is looked for and replaced by a C-level pass; a regex
# finding each run of them, a cached call and two slices per run cost a remark of 60
# characters some 37,000 instructions.
_PUNCTUATION: Final = tuple(
    (char, _nfkc(char)) for char in "，：；（）！？\u3000" if len(_nfkc(char)) == 1 and char not in _INVISIBLE
)
# After those are replaced: a character that is neither ASCII, a CJK ideograph nor one of
# the punctuation marks that fold to themselves (、。《》「」【】·—“”) takes the long way. The
# marks are checked here, not trusted: a mark that folded or rendered as nothing would be left out.
_SETTLED = "".join(
    char
    for char in "\u3001\u3002\u3008\u3009\u300a\u300b\u300c\u300d\u300e\u300f\u3010\u3011\u00b7\u2014\u2018\u2019\u201c\u201d"
    if _nfkc(char) == char and char not in _INVISIBLE
)
# By code point, for ``normalise._settled``'s walk (ASCII and the ideographs it tests by range).
SETTLED_CODES: Final = frozenset(map(ord, _SETTLED))
