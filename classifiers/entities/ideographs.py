"""Sets of CJK ideographs as tables of a byte by code point, from U+4E00 to U+9FFF: a walk over
a text's code points (``ord(text[j])``, which mypyc compiles to the code point without a string
of one character) looks each up by its index, where ``text[j] in chars`` made a string, looked
the set up and searched it (~300 instructions a character)."""

from __future__ import annotations

from typing import Final

TABLE_FROM: Final = 0x4E00
TABLE_TO: Final = 0xA000


def table(chars: str, what: str) -> bytes:
    """A byte for each code point from ``TABLE_FROM`` to ``TABLE_TO``: 1 for ``chars``'. ``what``
    names the set in the error raised at import when one lies outside the table."""
    return flags([(chars, 1)], what)


def flags(sets: list[tuple[str, int]], what: str) -> bytes:
    """A byte for each code point from ``TABLE_FROM`` to ``TABLE_TO``, each set's bit set for its
    characters: one table answers for several sets. ``what`` as for :func:`table`."""
    found = bytearray(TABLE_TO - TABLE_FROM)
    for chars, bit in sets:
        for char in chars:
            if not TABLE_FROM <= ord(char) < TABLE_TO:
                raise ValueError(f"{char!r} of {what} lies outside the table (U+4E00-U+9FFF)")
            found[ord(char) - TABLE_FROM] |= bit
    return bytes(found)
