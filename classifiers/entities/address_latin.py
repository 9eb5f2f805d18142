"""An address written in English after an address's label in prose (住址：No. 12 Yucai Road, Hanbin
District, Ankang; 家住 Room 301, Bldg 3, 88 Jianguo Rd …), as a form filled in for a foreigner or a
translated record writes it: the Chinese parse (address.parse_at) reads none of it, and it went out
in clear. Under an address key the key's claim masks it already.

Only after a label, and only down to a street, a village or a dwelling's part (a word of
``_FINE``): English prose without a label, and a district alone, stay."""

from __future__ import annotations

import re

# A word of an address: a number (12, 12-3, 5A, #301, No.5) or a capitalised word, abbreviations
# with their point (No., Rd.). Words are parted by spaces, parts of the address by commas.
_WORD = r"(?:(?:No\.?|#)[ \t]*)?[0-9]+(?:[-/][0-9]+)*[A-Za-z]?|[A-Z][A-Za-z'\-]*\.?"
_PART = rf"(?:{_WORD})(?:[ \t]+(?:{_WORD}))*"
_ADDRESS = re.compile(rf"{_PART}(?:[ \t]*[,，][ \t]*{_PART})*")
# What names a street, a village or a part of a dwelling: an address down to one of these.
_FINE = re.compile(
    r"\b(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Alley|Hutong|Boulevard|Blvd|Village|Community|Estate"
    r"|Garden|Gardens|Compound|Building|Bldg|Block|Blk|Unit|Room|Rm|Apt|Apartment|Flat|Floor|Lu|Jie|Cun)\b"
)


def end_at(text: str, pos: int) -> int:
    """The end of an English address at ``pos`` (right after a label), 0 when there is none."""
    match = _ADDRESS.match(text, pos)
    if match is None or _FINE.search(match.group()) is None:
        return 0
    return match.end()
