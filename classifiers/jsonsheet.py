"""A SheetJS worksheet written as JSON (``{"A1": {"v": "姓名"}, "A2": {"v": "张伟"}, "!ref": "A1:A2"}``):
each cell below the header row judged under its column's heading, by cell address.
"""

from __future__ import annotations

import re
from typing import Any

from .jsonshapes import LONGEST_KEY, PlanOf, names_an_entity

# A SheetJS worksheet's cell address (A1 … XFD1048576); its other members begin with "!".
_CELL = re.compile(r"([A-Z]{1,3})([1-9][0-9]{0,6})")


def sheet(node: dict[str, Any], plan_of: PlanOf) -> dict[str, str] | None:
    """The heading of each cell below a SheetJS worksheet's header row (``{"A1": {"v": "姓名"},
    "A2": {"v": "张伟"}, "!ref": "A1:A2"}``), by cell address: the header is the first row
    whose cells are all keys the catalog knows, one an entity's (a title row may stand above
    it); None when ``node`` is no worksheet or has no such row."""
    rows: dict[int, dict[str, str]] = {}
    for ref, cell in node.items():
        if ref[:1] == "!":
            continue
        m = _CELL.fullmatch(ref)
        if m is None or type(cell) is not dict:
            return None
        text = cell.get("v")
        row = rows.setdefault(int(m.group(2)), {})
        row[m.group(1)] = text if type(text) is str else ""
    header_at = 0
    heading: dict[str, str] = {}
    for number in sorted(rows):
        names = list(rows[number].values())
        if all(name and len(name) <= LONGEST_KEY and plan_of(name).info is not None for name in names) and (
            names_an_entity(names, plan_of)
        ):
            header_at, heading = number, rows[number]
            break
    if not heading:
        return None
    out: dict[str, str] = {}
    for ref in node:
        m = _CELL.fullmatch(ref)
        if m is not None and int(m.group(2)) > header_at and m.group(1) in heading:
            out[ref] = heading[m.group(1)]
    return out


def may_be_sheet(first: str) -> bool:
    """Could an object whose first key is ``first`` be a SheetJS worksheet (``sheet``)? A
    cell's address (an upper-case letter first, a digit last) or "!ref"."""
    return first[:1] == "!" or ("A" <= first[:1] <= "Z" and "0" <= first[-1:] <= "9")
