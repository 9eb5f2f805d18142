"""A record's region written in parts, read as one region.

Systems write the region of a record from the top down in fields of their own: codes in
segments (``sheng 61, shi 09, xian 21``), prefixes or whole codes of each level (``shengdm 61,
shidm 6109, xiandm 610921``; ``省代码 610000, 市代码 610900``), or names (``province 陕西省,
city 安康市, county 汉阴县``). No one part is the record's region: the segments are no code,
and a county's name read alone is read in the route's province, where 西安's 新城区 stands for
呼和浩特's. So the parts of one record (catalog ``region_parts``) are read together: the
record's region is its most specific part, under the parts above it — a code built from the
digits, or a chain of names (内蒙古自治区呼和浩特市新城区) that the release stage reads from the
top down (classifiers/regionnames.py). A name beside codes is read under them (regionnames.code_under):
the codes say the province the name is read in. Parts that do not nest (another province's code
over the county's, two cities, a name that lies under no code beside it or names another county
than the code of its level) are no region: ``DISAGREE``, refused as unreadable.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .normalise import fold
from .regionfields import DISAGREE, unread_region
from .regionnames import code_under, nests
from .structured import division_code

# A part's level: province, city, county.
LEVELS = 3
# Separators inside a code's digits (6109-21, 61 09 21), as structured.region_code reads them.
_SEPARATORS = str.maketrans("", "", " -_./\u3000")
# The lengths a level's own part may have: a prefix (61, 6109) or a code (6, 9 or 12 digits).
_PART_LENGTHS = (2, 4, 6, 9, 12)

# (level, values, the record of each value or of all of them), as walked.
RegionPart = tuple[int, Sequence[Any], Sequence[int] | int]


def _digits(text: str) -> str:
    """The digits a part is written as, "" when it is no number (a name)."""
    compact = fold(text).text.translate(_SEPARATORS)
    return compact if compact.isascii() and compact.isdigit() else ""


def _stem(code: str) -> str:
    """The digits every region under a code starts with: 610900 -> 6109 (policies.enforcer)."""
    if len(code) == 6:
        while code.endswith("00") and len(code) > 2:
            code = code[:-2]
    return code


def _code(levels: list[set[str]]) -> tuple[str, int]:
    """(the code the digit parts spell, the deepest level among them); DISAGREE when they do
    not nest, ("", 0) when there are none."""
    stem = code = ""
    deepest = 0
    for level, parts in enumerate(levels, 1):
        digits = {_digits(part) for part in parts} - {""}
        if not digits:
            continue
        if len(digits) > 1:
            return DISAGREE, level
        part = digits.pop().zfill(2)  # a JSON number drops the 0 of shi 09
        if len(part) == 2 and len(stem) == 2 * (level - 1):
            stem = code = stem + part  # a segment: 61, 09, 21
        elif len(part) in _PART_LENGTHS and len(part) >= 2 * level and part.startswith(stem):
            code, stem = part, _stem(part)  # the level's own code or prefix: 6109, 610900
        else:
            return DISAGREE, level
        deepest = level
    return (code.ljust(6, "0") if len(code) < 6 else code), deepest


def _chain(levels: list[set[str]]) -> tuple[str, int]:
    """(the names of the parts as one chain from the top down, the deepest level among them);
    DISAGREE when a level holds two names."""
    chain = ""
    deepest = 0
    for level, parts in enumerate(levels, 1):
        names = {part for part in parts if not _digits(part)}
        if not names:
            continue
        if len(names) > 1:
            return DISAGREE, level
        name = names.pop()
        # A part written as a chain itself (county: 陕西省安康市汉滨区) holds the parts above it.
        chain = name if name.startswith(chain) else chain + name
        deepest = level
    return chain, deepest


def regions_of(parts: list[RegionPart]) -> dict[int, list[str]]:
    """The region of each record holding parts of two levels or more: its code, or its chain
    of names, or both when both reach its most specific level (each is judged); DISAGREE when
    they do not nest. A record holding one part is left to what its key says alone, but for
    the county's (``_county_alone``)."""
    held: dict[int, list[set[str]]] = {}
    for level, values, records in parts:
        pairs = zip(values, records, strict=True) if not isinstance(records, int) else ((v, records) for v in values)
        for value, record in pairs:
            if type(value) is float and value.is_integer():
                value = int(value)  # pandas writes an integer column holding a null as floats: 61.0
            text = unread_region(value)  # "" for null and placeholders: no part
            if text:
                levels = held.get(record)
                if levels is None:
                    levels = held[record] = [set() for _ in range(LEVELS)]
                levels[level - 1].add(text)
    out: dict[int, list[str]] = {}
    for record, levels in held.items():
        if sum(1 for names in levels if names) < 2:
            alone = _county_alone(levels)
            if alone:
                out[record] = alone
            continue
        code, code_level = _code(levels)
        chain, chain_level = _chain(levels)
        if DISAGREE in (code, chain):
            out[record] = [DISAGREE]
        elif not chain_level:
            out[record] = [code]
        elif not code_level:
            out[record] = [chain]  # read from the top by the release stage
        else:
            out[record] = [_named_under(code, code_level, chain, chain_level)]
    return out


def _county_alone(levels: list[set[str]]) -> list[str]:
    """The region of a record whose only part is its county's: the names as they are (read in
    the route's province by the release stage: one division is as good as a code, none or two
    are unreadable, a township alone is placed by its record) and the GB/T 2260 codes. A segment
    (21: of which city?) or another number (a count under county) says nothing, as before; a
    city or a province alone is judged nowhere (a city key holds a place of work, of birth)."""
    county = levels[LEVELS - 1]
    return [code for code in (division_code(part) or ("" if _digits(part) else part) for part in county) if code]


def _named_under(code: str, code_level: int, chain: str, chain_level: int) -> str:
    """The region of a record written in codes and names both. A name below the codes is read
    under them, and only there (15, 1501, 新城区 is 呼和浩特's, not 西安's; 长安区 under 6109 is
    none of 安康's); a name at or above the codes' level must hold the code or lie in it. What
    does not fit is DISAGREE: the record's own fields contradict each other. A name above a code
    that the table does not know (Shaanxi) leaves the code to judge, as before."""
    named = code_under(chain, code)
    if chain_level > code_level:
        return named if named and named.startswith(_stem(code)) else DISAGREE
    if named and nests(named, code):
        return code
    return code if not named and code_level > chain_level else DISAGREE
