"""Names in an export without a header: a column of full names beside a person's number.

With no header, a column says nothing of what it holds: a column of names (张伟,<ID>,139…) went
out in clear beside its masked ID numbers and mobiles. A column whose every value is a full name
(``name_headings.full_name``: no place, group, status or pseudonym) is visited as names in the
rows whose other fields hold a valid ID number or a mobile; a column of places, categories or
statuses (汉滨区, 低保, 正常) is none, nor is a name in a row without a person's number.
"""

from __future__ import annotations

from collections.abc import Callable

from .csvcolumn import ValueVisitor
from .entities import mobile, resident_id
from .jsonshapes import PlanOf
from .masked_in_part import may_hold_mask
from .masked_rows import LABEL as _MOBILE_LABEL
from .masked_rows import masked_mobile
from .masked_rows import mobiles as row_mobiles
from .name_headings import full_name, name_shaped

# How the names are visited: as a name key's values.
_NAME_LABEL = "姓名"
_NONE: frozenset[int] = frozenset()

Cells = Callable[[int], tuple[list[int], list[str]]]  # a column: its rows and values


def names_beside_numbers(
    width: int, cells: Cells, done: set[int], visit: ValueVisitor, plan_of: PlanOf, mobiles: frozenset[int] = _NONE
) -> list[tuple[int, list[int], list[str | None]]]:
    """(column, rows, new values) of each column not ``done`` (changed already) that holds
    names beside a person's number; ``mobiles``: rows holding a mobile masked in part beside a
    person (``masked_mobiles``), one too."""
    found: list[tuple[int, list[int], list[str | None]]] = []
    numbered: set[int] | None = None
    for col in range(width):
        if col in done:
            continue
        present, values = cells(col)
        names = [value.strip() for value in values]
        if not any(names) or not all(not name or (full_name(name) and name_shaped(name, plan_of)) for name in names):
            continue
        if numbered is None:  # the rows with a person's number, read once for every such column
            numbered = set(mobiles)
            for other in range(width):
                rows, fields = cells(other)
                numbered.update(row for row, field in zip(rows, fields, strict=True) if _persons_number(field))
        plan = plan_of(_NAME_LABEL)
        new = [
            visit(value, plan, row, f"row {row + 1} col {col + 1}", True) if name and row in numbered else None
            for row, value, name in zip(present, values, names, strict=True)
        ]
        if any(value is not None for value in new):
            found.append((col, present, new))
    return found


def masked_mobiles(
    width: int, cells: Cells, done: set[int], visit: ValueVisitor, plan_of: PlanOf
) -> tuple[list[tuple[int, list[int], list[str | None]]], frozenset[int]]:
    """(column, rows, new values) of each column not ``done`` that holds mobiles masked in part
    beside a person's name or ID number in their row (``masked_rows``: 张**,138****8000,男), each
    visited as a mobile's key's value; and the rows holding one (a person's, for the names beside
    it, whether or not the caller's profile masks it again)."""
    columns = [(col, *cells(col)) for col in range(width) if col not in done]
    candidates = [(col, present, values) for col, present, values in columns if may_hold_mask("\0".join(values))]
    fields: dict[int, list[str]] = {}  # the rows that may hold one: their fields
    for _, present, values in candidates:
        for row, value in zip(present, values, strict=True):
            if masked_mobile(value.strip()):
                fields[row] = []
    if not fields:
        return [], frozenset()
    for col in range(width):
        for row, value in zip(*cells(col), strict=True):
            if row in fields:
                fields[row].append(value.strip())
    plan = plan_of(_MOBILE_LABEL)
    found: list[tuple[int, list[int], list[str | None]]] = []
    rows: set[int] = set()
    for col, present, values in candidates:
        new: list[str | None] = []
        for row, value in zip(present, values, strict=True):
            if row in fields and masked_mobile(value.strip()) and row_mobiles(fields[row]):
                rows.add(row)
                new.append(visit(value, plan, row, f"row {row + 1} col {col + 1}", True))
            else:
                new.append(None)
        if any(value is not None for value in new):
            found.append((col, present, new))
    return found, frozenset(rows)


def _persons_number(field: str) -> bool:
    """Is a field a person's ID number (valid, 18 characters) or a mobile (11 digits of an
    allocated segment)?"""
    field = field.strip()
    if len(field) == 18:
        return resident_id.validate(field) is True
    return len(field) == 11 and field.isdigit() and mobile.validate(field) is None
