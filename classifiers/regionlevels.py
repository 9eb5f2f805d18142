"""A record's region codes of several levels: the finest is its region, the codes above it that
contain it are its parents.

Systems write a region with its parent beside it (``{"code": "610902", "parent": {"code":
"610900"}}``, ``<xzqh dm="610902" sjdm="610900"/>``, an Amap-style ``adcode`` at each level).
Judged one by one, the city's code refused 汉滨区's own record on 汉滨区's route. A code that
contains another code of the same record says nothing against it (``finest``), while one
region object whose codes do not nest (a parent that does not contain the code) contradicts
itself (``nested``): its record cannot be judged.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import Any

from .regionfields import RegionField, unread_region
from .regionnames import code_of_name, code_under, names_one_division, region_prefix
from .structured import division_code, region_code

# A document's region fields as walked, and its records that are one record's fields (Run).
Document = tuple[list[RegionField], dict[int, int]]


def place(code: str) -> str:
    """The digits every region under ``code`` starts with, whatever the length it is written in:
    610902000000 and 610902 -> 610902, 610900 -> 6109, 610902001000 -> 610902001."""
    while len(code) > 6 and code.endswith("000"):
        code = code[:-3]
    return region_prefix(code) if len(code) == 6 else code


def _above(outer: str, inner: str) -> bool:
    """Does the place ``outer`` contain the place ``inner`` and is it not the same?"""
    return len(outer) < len(inner) and inner.startswith(outer)


def nested(codes: Iterable[Any]) -> bool:
    """Do one region object's codes name one region and its parents (610902 with 610900)? Codes
    of one level side by side (a list of counties) do too, as before; a code of a level above
    another that it does not contain (610902 with 610800) does not."""
    places = {place(code) for code in map(region_code, codes) if code}
    finest = [p for p in places if not any(_above(p, other) for other in places)]
    return len({len(p) for p in finest}) <= 1


# A region written as the chain of its codes from the top (610000,610900,610902; a path,
# /610000/610900/610902/; 610000>610900>610902): codes of 6, 9 or 12 digits parted by anything but
# letters and digits. ASCII classes: 、 and ， part the codes too.
_CODE_CHAIN = re.compile(r"[^0-9A-Za-z]*[0-9]{6,12}(?:[^0-9A-Za-z]+[0-9]{6,12})+[^0-9A-Za-z]*")
_CODES = re.compile("[0-9]+")


def listed_codes(value: Any) -> list[str]:
    """The codes of a value written as two GB/T 2260 codes or more parted by separators
    (610902/610921, 610000,610900,610902), chain or not; [] for anything else. ``region_code``
    reads 610902/610921 as one 12-digit code of a village of 汉滨区."""
    if type(value) is not str or _CODE_CHAIN.fullmatch(value) is None:
        return []
    codes = [division_code(code) for code in _CODES.findall(value)]
    return codes if all(codes) else []


def chain_code(value: Any) -> str:
    """The code a chain of codes ends in, its finest: "" when ``value`` is no chain, or its codes
    do not each hold the next (610902,610921: two counties, whose record is unreadable as before)."""
    if type(value) is not str or _CODE_CHAIN.fullmatch(value) is None:
        return ""
    codes = [region_code(code) for code in _CODES.findall(value)]
    if not all(codes):
        return ""
    places = sorted({place(code) for code in codes}, key=len)
    if len(places) != len(codes) or not all(_above(places[i], places[i + 1]) for i in range(len(places) - 1)):
        return ""
    return max(codes, key=lambda code: len(place(code)))


def _may_hold_parents(codes: Collection[str]) -> bool:
    """Is any code the parent of another among ``codes`` (one answer's)? Most answers name one
    level only: the records are then not read one by one. Codes of one length none of which
    ends in 00 (a county's 610902, a village's 610902002001) hold none of the others."""
    if len({len(code) for code in codes}) == 1 and not any(code.endswith("00") for code in codes):
        return False
    places = {place(code) for code in codes}
    return any(p[:cut] in places for p in places for cut in (2, 4, 6, 9) if cut < len(p))


def finest(codes: set[str], documents: list[Document]) -> frozenset[str]:
    """``codes`` (one answer's region codes) without those that, in every record holding them,
    contain another code of that record: the parents written beside a record's region. A code
    alone in some record (a city's record beside a county's) is kept."""
    if len(codes) < 2 or not _may_hold_parents(codes):
        return frozenset(codes)
    parents: set[str] = set()
    alone: set[str] = set()
    for fields, alias in documents:
        held: dict[int, set[str]] = {}
        for values, code_only, records in fields:
            read = division_code if code_only else region_code
            if isinstance(records, int):
                pairs: Iterable[tuple[Any, int]] = ((value, records) for value in values)
            else:
                pairs = zip(values, records, strict=True)
            for value, record in pairs:
                code = read(value)
                if code:
                    held.setdefault(alias.get(record, record), set()).add(code)
        for record_codes in held.values():
            places = {place(code) for code in record_codes}
            for code in record_codes:
                own = place(code)
                (parents if any(_above(own, other) for other in places) else alone).add(code)
    return frozenset(codes - (parents - alone))


def names_beside(documents: list[Document]) -> tuple[frozenset[str], bool, frozenset[str]]:
    """The region names (values under region keys that are no code, as ``unread_region`` keeps
    them) that, in every record holding them, name a division holding that record's codes (安康市
    beside 610902: a parent, as a parent's code is), and whether a record holds a name that
    neither holds its codes nor lies in them (汉阴县 beside 610902: the record contradicts
    itself). A name is read in the province of each code beside it (``code_under``); one that
    names no division there (a township alone, 全部) is left to the release stage. A record
    without a code is read by its names alone (``_chain_above``); one whose names say nothing of
    each other keeps them wherever they are held so. Third: the codes that, in every record
    holding them, hold a name of a division below them (610900 beside 汉滨区): a parent, as a
    parent's code beside a finer code is (``finest``); the name is judged in its place."""
    parents: set[str] = set()
    kept: set[str] = set()
    disagree = False
    above: set[str] = set()  # codes above a finer code or name of some record holding them
    alone: set[str] = set()  # codes above nothing of some record holding them
    read: dict[tuple[str, str], str] = {}  # (name, province) -> the name's code there
    for fields, alias in documents:
        codes: dict[int, set[str]] = {}
        texts: dict[int, set[str]] = {}
        for values, code_only, records in fields:
            pairs: Iterable[tuple[Any, int]]
            if isinstance(records, int):
                pairs = ((value, records) for value in values)
            else:
                pairs = zip(values, records, strict=True)
            for value, record in pairs:
                record = alias.get(record, record)
                code = division_code(value) if code_only else region_code(value)
                if code:
                    codes.setdefault(record, set()).add(code)
                elif not code_only or names_one_division(value):
                    text = unread_region(value)
                    if text:
                        texts.setdefault(record, set()).add(text)
        below: dict[int, set[str]] = {}  # record -> the places of its names inside its codes
        for record, names in texts.items():
            held = codes.get(record)
            if not held:
                chain = _chain_above(names, read) if len(names) > 1 else None
                if chain is None:
                    kept |= names
                    continue
                chained, disagrees = chain
                parents |= chained
                kept |= names - chained
                disagree = disagree or disagrees
                continue
            places = {place(code) for code in held}
            own = [p for p in places if not any(_above(p, other) for other in places)]
            for name in names:
                named = set()
                for code in held:
                    key = (name, code[:2])
                    if key not in read:
                        read[key] = code_under(name, code)
                    if read[key]:
                        named.add(place(read[key]))
                if not named:
                    kept.add(name)
                elif any(all(p.startswith(n) for p in own) for n in named):
                    parents.add(name)
                elif any(n.startswith(p) for n in named for p in own):
                    kept.add(name)  # a division inside the record's code: judged in its place
                    below.setdefault(record, set()).update(named)
                else:
                    disagree = True
                    kept.add(name)
        for record, held in codes.items():
            places = {place(code) for code in held} | below.get(record, set())
            for code in held:
                own_place = place(code)
                (above if any(_above(own_place, other) for other in places) else alone).add(code)
    return frozenset(parents - kept), disagree, frozenset(above - alone)


def _chain_above(names: set[str], read: dict[tuple[str, str], str]) -> tuple[set[str], bool] | None:
    """The names of a record without a code that hold another of its names (陕西省 and 安康市 beside
    汉滨区: a cascading picker's ["陕西省", "安康市", "汉滨区"]), and whether a name above does not hold
    the names below it (汉中市 beside 汉滨区). Read in the whole list: only names that name one
    division there say anything of each other (新城区 is in four provinces), and None when fewer
    than two do."""
    places: dict[str, str] = {}
    for name in names:
        key = (name, "")
        if key not in read:
            read[key] = code_of_name(name, "")
        if read[key]:
            places[name] = place(read[key])
    if len(places) < 2:
        return None
    above = {name for name, own in places.items() if any(_above(own, other) for other in places.values())}
    return above, not nested(read[(name, "")] for name in places)
