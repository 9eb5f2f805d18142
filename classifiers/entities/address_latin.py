"""An address written in English after an address's label in prose (住址：No. 12 Yucai Road, Hanbin
District, Ankang; 家住 Room 301, Bldg 3, 88 Jianguo Rd …), as a form filled in for a foreigner or a
translated record writes it: the Chinese parse (address.parse_at) reads none of it, and it went out
in clear. Under an address key the key's claim masks it already.

Only after a label, and only down to a street, a village or a dwelling's part (a word of
``_FINE``): English prose without a label, and a district alone, stay. Without a label (a remark:
"lives at No. 12 Yucai Road, Hanbin District, Ankang") only with the evidence of both a street or
a village and a district, a county or a city in one run of capitalised words (``find_prose``),
or of a house number before a street's name ("No. 12 Yucai Road, Ankang"), or of a dwelling's
numbered part beside a street or a community ("Room 301, Unit 3, Building 12, Xingfu Community"):
"Hanbin District Civil Affairs Bureau", "Yucai Road" alone and "Building 3 of the plan" stay."""

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
# Or, with no area's word (lives at No. 12 Yucai Road, Ankang; Room 301, Unit 3, Building 12, Xingfu
# Community), a number that says the run is an address: a house number before the street's name
# (No. 12 Yucai Road, 88 Jianguo Rd), or a dwelling's part and its number (Room 301, Building 12)
# beside a street, a village or a community. Not "Road test passed", "No. 12 on the list",
# "Building 3 of the plan": no street after the number, no street beside the building.
_STREET_WORDS = r"Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Alley|Hutong|Boulevard|Blvd|Lu|Jie"
_NUMBERED_STREET = re.compile(
    rf"(?<![0-9A-Za-z])(?:(?:No\.?|#)[ \t]*)?[0-9]+[A-Za-z]?(?:[ \t]+[A-Z][A-Za-z'\-]*){{1,3}}?[ \t]+(?:{_STREET_WORDS})\b"
)
_NUMBERED_DWELLING = re.compile(
    r"\b(?:Room|Rm|Unit|Building|Bldg|Block|Blk|Apt|Apartment|Flat)\.?[ \t]+(?:(?:No\.?|#)[ \t]*)?[0-9]"
)
_PLACE = re.compile(rf"\b(?:{_STREET_WORDS}|Village|Community|Estate|Garden|Gardens|Compound|Cun)\b")
# What the pre-check looks for without an area's word: a street's, a village's or a community's
# word (their first letters, as a class ``re`` skips over quickly).
PLACE_HINT = rf"(?:{_STREET_WORDS}|Village|Community|Estate|Garden|Compound|Cun)\b"
_PLACE_HINT = re.compile(PLACE_HINT)
# A sentence's end inside a run: a point after a word of three small letters or more (District.),
# not an abbreviation's (No., Rd., St.).
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})\.(?=[ \t])")


def may_be_prose(text: str) -> bool:
    """Could ``text`` hold an English address without a label (``find_prose``)? Substring tests,
    the area's words first: rarer than a street's; then one search for a street's, a village's
    or a community's word (an address with no area's word: No. 12 Yucai Road, Ankang)."""
    return " " in text and (
        "District" in text or "County" in text or "City" in text or _PLACE_HINT.search(text) is not None
    )


def find_prose(text: str) -> list[tuple[int, int]]:
    """English addresses in ``text`` with no label before them: runs of capitalised words and
    numbers parted by spaces and commas that name both a street (or a village) and an area."""
    found: list[tuple[int, int]] = []
    for m in _ADDRESS.finditer(text):
        run = m.group()
        stop = _SENTENCE_END.search(run)  # "… Hanbin District. They applied": not "They"
        if stop is not None:
            run = run[: stop.start()]
        if _names_an_address(run):
            found.append((m.start(), m.start() + len(run)))
    return found


def _names_an_address(run: str) -> bool:
    """Does a run of capitalised words and numbers name an address: a street (or a village) and
    an area, a house number before the street's name, or a dwelling's numbered part beside a
    street, a village or a community?"""
    if _STREET.search(run) is not None and (_AREA.search(run) is not None or _NUMBERED_STREET.search(run) is not None):
        return True
    return _NUMBERED_DWELLING.search(run) is not None and _PLACE.search(run) is not None


def looks_like(text: str) -> bool:
    """Is ``text`` (a value under a key that may name an address: dz) an English address down
    to a street, a village or a dwelling's part, whole?"""
    return end_at(text, 0) == len(text)
