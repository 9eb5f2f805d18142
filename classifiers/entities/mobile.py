"""Mainland mobile numbers: 1[3-9] + 9 digits, optionally prefixed with +86 / 0086 / 86."""

from __future__ import annotations

from typing import Final

from .base import EntitySpec, PatternSpec

ENTITY: Final = "MOBILE"

# A bare "86" glued to the number ("8613912345678", as exports and call logs write it): no
# separator after it, where a count ("共86 …") is more likely. The scanner's pass over joined
# digit groups still finds "86 139 1234 5678" whole.
# Its first three digits may stand in brackets as a landline's area code does: "(139)1234-5678",
# "（139）-1234-5678", "0086（139）12345678" (read folded: the groups after the bracket joined,
# full-width brackets made ASCII). One pattern, not two: the scanner tries each later pattern at
# every hit, and that second call cost the demo document 0.7 %.
# An ID number's 18 characters may follow with no digit after them (13912345678110105194912310011:
# two fields of a form pasted together); the scanner keeps the mobile only where they validate as
# one (Scanner._patterns_in), as it takes a mobile glued after an ID (resident_id.GLUED_END).
GLUED_END = r"(?!(?![1-9][0-9]{16}[0-9Xx](?![0-9]))[0-9])"
# The brackets may be square or lenticular too ("[139]-1234-5678", "【138】1234 5678", "〔139〕…"),
# and spaces, hyphens and dashes of more than one kind may follow ("（186）– 6865 . 4939": the groups
# after them are joined before this pattern reads them); the scanner's leading class
# (Scanner._combined_no_at) holds each opening bracket.
OPENING: Final = "([【〔"
_OPEN = r"[(\[【〔]"
_CLOSE = r"[)\]】〕]"
_AFTER_BRACKET = r"[ \-\u2010-\u2015\u2212]{0,3}"
PATTERNS: tuple[PatternSpec, ...] = (
    PatternSpec(
        "mobile",
        r"(?<![0-9])(?:(?:\+|00)86[ -]?|86)?1[3-9][0-9]{9}"
        + GLUED_END
        + rf"|{_OPEN}(?<![0-9]{_OPEN})1[3-9][0-9]{_CLOSE}{_AFTER_BRACKET}[0-9]{{8}}(?![0-9])"
        + rf"|(?:\+|00)86[ -]?{_OPEN}1[3-9][0-9]{_CLOSE}{_AFTER_BRACKET}[0-9]{{8}}(?![0-9])",
        0.6,
    ),
)
CONTEXT: tuple[str, ...] = ("手机", "手机号", "手机号码", "电话", "联系电话", "联系方式", "mobile", "phone", "tel")

# Number segments allocated by MIIT; 140-144 and 154 are unused or data-only, so a
# number starting there is more likely some other identifier.
_PREFIXES: Final = frozenset(
    [f"13{d}" for d in range(10)]
    + [f"14{d}" for d in range(5, 10)]
    + [f"15{d}" for d in (0, 1, 2, 3, 5, 6, 7, 8, 9)]
    + ["162", "165", "166", "167"]
    + [f"17{d}" for d in range(9)]
    + [f"18{d}" for d in range(10)]
    + [f"19{d}" for d in range(10)]
)


# Deletes every ASCII character but the digits: str.translate instead of a per-character loop.
_ASCII_NON_DIGITS = dict.fromkeys(c for c in range(128) if not chr(c).isdigit())


def digits(text: str) -> str:
    """The 11 national digits, without country prefix or separators."""
    if text.isascii():
        # A number found plain is digits already; the table's translate raised and caught a
        # KeyError for each distinct digit (~5,000 instructions a number).
        return (text if text.isdigit() else text.translate(_ASCII_NON_DIGITS))[-11:]
    only = "".join(c for c in text if c.isdigit())
    return only[-11:]


def validate(text: str) -> bool | None:
    """None (plausible, no checksum exists) when the segment is allocated, else False."""
    number = digits(text)
    if len(number) != 11 or number[:3] not in _PREFIXES:
        return False
    # 13900000000-style placeholders: eight digits alike (a repeat and a comparison, where a
    # set of them cost some 1,700 instructions a number)
    if number[3:] == number[3] * 8:
        return False
    return None


SPEC: EntitySpec = EntitySpec(ENTITY, PATTERNS, CONTEXT, validate)
