"""An address written in English after an address's label in prose (住址：No. 12 Yucai Road, Hanbin
District, Ankang; 家住 Room 301, Bldg 3, 88 Jianguo Rd …), as a form filled in for a foreigner or a
translated record writes it: the Chinese parse (address.parse_at) reads none of it, and it went out
in clear. Under an address key the key's claim masks it already.

Only after a label, and only down to a street, a village or a dwelling's part (a word of
``_FINE``): English prose without a label, and a district alone, stay. Without a label (a remark:
"lives at No. 12 Yucai Road, Hanbin District, Ankang") only with the evidence of both a street or
a village and a district, a county or a city in one run of capitalised words (``find_prose``):
"Hanbin District Civil Affairs Bureau" and "Yucai Road" alone stay."""

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


# Without a label: a street's or a village's word (not a dwelling's part: "Social Assistance Unit"
# names an office) and an area's, in one run of capitalised words and numbers.
_STREET = re.compile(r"\b(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Alley|Hutong|Boulevard|Blvd|Village|Lu|Jie|Cun)\b")
_AREA = re.compile(r"\b(?:District|County|City)\b")
# A sentence's end inside a run: a point after a word of three small letters or more (District.),
# not an abbreviation's (No., Rd., St.).
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})\.(?=[ \t])")


def may_be_prose(text: str) -> bool:
    """Could ``text`` hold an English address without a label (``find_prose``)? Substring tests,
    the area's words first: rarer than a street's."""
    return " " in text and ("District" in text or "County" in text or "City" in text)


def find_prose(text: str) -> list[tuple[int, int]]:
    """English addresses in ``text`` with no label before them: runs of capitalised words and
    numbers parted by spaces and commas that name both a street (or a village) and an area."""
    found: list[tuple[int, int]] = []
    for m in _ADDRESS.finditer(text):
        run = m.group()
        stop = _SENTENCE_END.search(run)  # "… Hanbin District. They applied": not "They"
        if stop is not None:
            run = run[: stop.start()]
        if _AREA.search(run) is not None and _STREET.search(run) is not None:
            found.append((m.start(), m.start() + len(run)))
    return found


def looks_like(text: str) -> bool:
    """Is ``text`` (a value under a key that may name an address: dz) an English address down
    to a street, a village or a dwelling's part, whole?"""
    return end_at(text, 0) == len(text)
