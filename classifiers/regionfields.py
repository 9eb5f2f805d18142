"""The region fields of one inspection as walked, and what they say record by record.

A region key's values (catalog ``regions``) are noted as walked (``run.Run.region_values``);
whose records hold a value that is no code is worked out only when some value is none.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from .normalise import fold
from .regionnames import code_under, names_one_division, nests
from .structured import division_code, region_code

# A value that says "no": as Run.edits reads a category's value.
ABSENT: Final = frozenset({"", "false", "0", "null", "none", "否", "无"})
# A record's region whose own fields contradict each other (parts that do not nest, a code and
# a name of two counties): kept as a region value that is no code or name, refused as unreadable.
DISAGREE: Final = "(区划各级不相符)"
# What a region field holds when the record's region is not recorded: the same as no field
# (a record without one is released; those that name their region are judged). Read after
# NFKC (full-width "－", "／"). Not "*", "all" or 全部: those may mean every region.
_NO_REGION = ABSENT | frozenset(
    {"-", "--", "---", "—", "——", "/", "n/a", "na", "nil", "暂无", "未知", "不详", "未填写"}
)
# How much of a region value that is no code is kept: the release stage reads a region's name
# in it (classifiers/regionnames.py) and refuses the rest, naming no value, so a long one costs no
# memory; a value this long may have been cut short.
UNREAD_KEPT = 40
# A region key's values as walked: (values, code only?, the record of each value or of them all).
RegionField = tuple[Sequence[Any], bool, Sequence[int] | int]


def is_region_code(value: Any, code_only: bool) -> bool:
    return bool(division_code(value) if code_only else region_code(value))


def unread_region(value: Any) -> str:
    """What a region value that is no code is kept as: "" when it says nothing (null, a
    placeholder, anything but a string or a number)."""
    kind = type(value)
    if kind is not str and kind is not int and kind is not float:
        return ""
    text = str(value).strip()
    return "" if fold(text).text.strip().lower() in _NO_REGION else text[:UNREAD_KEPT]


def unread_of(fields: list[RegionField], alias: dict[int, int]) -> dict[str, frozenset[int]]:
    """Each region value of one document's ``fields`` that is no code, and the records holding
    it that hold no code of their own. A township's name (城关镇) is placed by its own record's
    codes, not by those of the records beside it (gateway/stages/release.py). A field's
    distinct values are read once: an export repeats a handful of them over thousands of records."""
    coded: set[int] = set()
    held: dict[str, set[int]] = {}
    for values, code_only, records in fields:
        distinct = set(values)
        codes = {value for value in distinct if is_region_code(value, code_only)}
        texts: dict[Any, str] = {}
        # Under areaCode, 地区 or xiang, a name of one division is read as a region key's.
        named = distinct - codes if not code_only else {v for v in distinct - codes if names_one_division(v)}
        if named:
            kept = {value: unread_region(value) for value in named}
            texts = {value: text for value, text in kept.items() if text}
        if isinstance(records, int):
            if codes:
                coded.add(records)
            for text in texts.values():
                held.setdefault(text, set()).add(records)
            continue
        if len(codes) == len(distinct):  # a column of codes
            coded.update(records)
            continue
        for value, record in zip(values, records, strict=True):
            if value in codes:
                coded.add(record)
                continue
            text = texts.get(value, "")
            if text:
                holders = held.get(text)
                if holders is None:
                    holders = held[text] = set()
                holders.add(record)
    if alias:
        coded = {alias.get(record, record) for record in coded}
        held = {text: {alias.get(record, record) for record in holders} for text, holders in held.items()}
    uncoded = {text: frozenset(holders - coded) for text, holders in held.items()}
    return {text: holders for text, holders in uncoded.items() if holders}


def held_region(codes: list[Any], texts: list[str]) -> list[Any]:
    """What a region key's object or element says of its record's region: its codes if it holds
    any, else its texts (read as no code: they leave the region unjudged, <xzqh><mc>紫阳县</mc>).
    Beside its codes, a text naming a GB/T 2260 division (read in each code's province) must
    hold one of them or lie in one: a code and a name of two counties ({"code": "610902",
    "name": "汉阴县"}) is a record that contradicts itself, and whose region cannot be judged
    (DISAGREE). A text naming no division (a level, 区县; a township alone, 江北街道) says nothing
    more, as before."""
    if not codes or not texts:
        return codes or texts
    found = {region_code(code) for code in codes}
    for text in texts:
        if region_code(text):
            continue
        named = {code: code_under(text, code) for code in found}
        if any(named.values()) and not any(name and nests(name, code) for code, name in named.items()):
            return [*codes, DISAGREE]
    return codes
