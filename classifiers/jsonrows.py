"""Lists the JSON walker reads as one thing rather than value by value: a row of plain cells
that may be one person's (``name_cells``), an ID number in two or three of its cells
(``split_ids``), a row of cell objects (``cells``), a file's base64 cut into lines (``split_file``).

What such a list is told by its shape alone; whether a row's name is a person's is decided by
the walk (``ColumnWalker``), by what its other cells are found to hold.
"""

from __future__ import annotations

from typing import Any, Final

from .entities import embedded_file, resident_id
from .jsonshapes import PlanOf
from .masked_rows import says_person
from .name_headings import full_name

# The most cells a list without a header may have to be read as one person's row.
_ROW_CELLS_MAX = 12
# Keys a row of plain cells stands under: jqGrid's {"id": 1, "cell": ["张伟", <ID number>]} (the
# catalog knows "cell" as a phone's key, which left its rows unread for who they are).
ROW_KEYS: Final = frozenset(["cell"])
# The members that hold the value of a cell object in a row of them ([{"v": "张伟"}, {"v": <ID>}]:
# a grid's or a sheet's export).
_CELL_VALUES = ("v", "value", "text", "val", "content")
_CELL_SET = frozenset(_CELL_VALUES)


def name_cells(node: list[Any]) -> list[int]:
    """The cells of a row without a header (a list of two to a dozen scalars) shaped like a
    full name (``full_name``: no pseudonym, no 张家港; the walker asks ``name_shaped`` too); []
    for any other list. A name there is told from a place, a category or a status by the row:
    only when its other cells hold a person's ID number or mobile and name no one is it that
    person's name."""
    if not 1 < len(node) <= _ROW_CELLS_MAX:
        return []
    named: list[int] = []
    for i, cell in enumerate(node):
        kind = type(cell)
        if kind is str:
            if 1 < len(cell) < 5 and "\u3400" <= cell[0] <= "\u9fff":
                named.append(i)
        elif kind is not int and kind is not float and cell is not None:
            return []  # an object or a list among the cells: no row of fields
    return [i for i in named if full_name(node[i])]


def cells(node: list[Any]) -> list[Any] | None:
    """The values of a row of cell objects (two to a dozen, each holding its value under one
    of ``_CELL_VALUES``), or None for any other list (of objects, or of anything after a first
    object: a ``true`` among them crashed the test for a member, found by fuzzing)."""
    if not 1 < len(node) <= _ROW_CELLS_MAX or _CELL_SET.isdisjoint(node[0]):
        return None  # (one C-level test: a short list of records holds none of them)
    values: list[Any] = []
    for cell in node:
        if type(cell) is not dict:
            return None
        member = next((name for name in _CELL_VALUES if name in cell), None)
        if member is None:
            return None
        values.append(cell[member])
    return values


def split_ids(node: list[Any]) -> list[tuple[int, int]]:
    """The runs of two or three adjacent cells of a row without a header that are one ID number
    written in parts (``[610902, 199001011235]``, ``["张伟", 610902, 199001011235]``: a number too
    long for a system's integer column, stored in two), as (first, end) indices: each cell
    digits (an integer, or a string of digits, the last maybe ending in X), the cells together
    eighteen characters that validate, checksum and all. No key says what they are, so the
    number's check character decides: a run of integers that only adds up to eighteen digits
    (an amount beside a count) is no such number one time in eleven, and its birth date and
    region must hold as well. Strings of digits only beside a cell saying a person (a name):
    ``{"tags": ["610902", "19900101", "1235"]}`` alone stays, as the numbers round decided."""
    if not 1 < len(node) <= _ROW_CELLS_MAX:
        return []
    texts = [str(cell) if type(cell) is int and cell >= 0 else cell if type(cell) is str else "" for cell in node]
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(texts) - 1:
        end = 0
        for width in (2, 3):
            run = texts[i : i + width]
            joined = "".join(run)
            if len(run) == width and all(run) and len(joined) == 18 and _digits(run) and resident_id.validate(joined):
                end = i + width
                break
        if end:
            found.append((i, end))
            i = end
        else:
            i += 1
    if any(type(node[k]) is str for start, end in found for k in range(start, end)):
        inside = {k for start, end in found for k in range(start, end)}
        if not any(says_person(cell) for k, cell in enumerate(node) if k not in inside):
            return [(start, end) for start, end in found if all(type(node[k]) is int for k in range(start, end))]
    return found


def _digits(parts: list[str]) -> bool:
    """Are ``parts`` digits, the last maybe ending in an ID number's check character X?"""
    last = parts[-1]
    return all(part.isascii() and part.isdigit() for part in parts[:-1]) and (
        last.isascii() and (last.isdigit() or (last[:-1].isdigit() and last[-1] in "Xx"))
    )


def split_file(node: list[Any], key: str | None, plan_of: PlanOf) -> bool:
    """Could this list of strings be one file's base64 in lines? Under an image key, or
    when its first line opens with a file's signature; every line too short to be a file
    (a list of whole photos is masked photo by photo, in place)."""
    if not all(type(item) is str and len(item) < embedded_file.MIN_LENGTH for item in node):
        return False
    info = plan_of(key).info
    return (info is not None and info.entity == embedded_file.ENTITY) or node[0].startswith(embedded_file.SIGNATURES)
