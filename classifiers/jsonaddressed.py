"""A report engine's cells addressed by row and column, for the JSON walk
(``fastjson.ColumnWalker.objects``): FineReport's and 润乾's ``[{"r": 0, "c": 0, "v": "姓名"},
{"r": 1, "c": 0, "v": "张伟"}]``, or ``{"cells": [{"row": 2, "col": 1, "text": "张伟"}]}``. Each
cell was walked alone, its value judged under ``v`` (nothing), and the names went out. The header
is the first row whose texts are all keys the catalog knows (or fields only a person has), one an
entity's, as a table's header row (``jsonshapes.header_row``); the rows below are walked column by
column as the records they stand for (``jsoncolumns.columns``), each cell's value under its
column's heading, and written back into the cells.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from .jsoncolumns import columns
from .jsonshapes import header_row
from .name_headings import PERSONAL_FIELDS

if TYPE_CHECKING:
    from .fastjson import ColumnWalker

# A cell's members: its row, its column, its value (the first of each present names it).
_ROWS: Final = ("r", "row", "rowIndex", "rowNo")
_COLUMNS: Final = ("c", "col", "column", "colIndex", "columnIndex")
_VALUES: Final = ("v", "value", "text")
ROW_SET: Final = frozenset(_ROWS)
# Rows above the header that may be a title's (as a SheetJS sheet's: ``jsonsheet.sheet``).
_HEADER_ROWS: Final = 3


def _member(item: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        if name in item:
            return name
    return None


def cells(
    walker: ColumnWalker, items: list[dict[str, Any]], path: str, record: int, embed: int
) -> tuple[Any, bool] | None:
    """The cells walked as a table's, each value under its column's heading; None when
    ``items`` are no such cells or no row is a header (they are walked as any objects)."""
    first = items[0]
    row_of, column_of, value_of = _member(first, _ROWS), _member(first, _COLUMNS), _member(first, _VALUES)
    if row_of is None or column_of is None or value_of is None:
        return None
    rows: dict[int, dict[int, int]] = {}  # row -> column -> the cell's index in items
    for i, item in enumerate(items):
        row, column = item.get(row_of), item.get(column_of)
        if type(row) is not int or type(column) is not int or value_of not in item:
            return None
        rows.setdefault(row, {})[column] = i
    numbers = sorted(rows)
    for at, number in enumerate(numbers[:_HEADER_ROWS]):
        header = rows[number]
        texts = [items[header[column]][value_of] for column in sorted(header)]
        # (a row below may hold fewer cells: the header is read as a table of its own width)
        names = header_row([texts, texts], walker.plan_of, PERSONAL_FIELDS) if len(numbers) > at + 1 else None
        if names is not None:
            return _walked(
                walker,
                items,
                rows,
                numbers[at + 1 :],
                dict(zip(sorted(header), names, strict=True)),
                value_of,
                path,
                record,
                embed,
            )
    return None


def _walked(
    walker: ColumnWalker,
    items: list[dict[str, Any]],
    rows: dict[int, dict[int, int]],
    below: list[int],
    headings: dict[int, str],
    value_of: str,
    path: str,
    record: int,
    embed: int,
) -> tuple[Any, bool] | None:
    """The rows ``below`` the header, each a record of its cells under their columns' headings
    (a cell under no heading, the header's and a title's walked as any object); None when a
    heading may hold findings (as ``jsontables.table``)."""
    if not all(walker.keys.clean(name) for name in headings.values()):
        return None
    placed: list[list[tuple[str, int]]] = []  # each record's (heading, the cell's index)
    records: list[dict[str, Any]] = []
    for number in below:
        row = rows[number]
        cells_at = [(headings[column], i) for column, i in row.items() if column in headings]
        placed.append(cells_at)
        records.append({heading: items[i][value_of] for heading, i in cells_at})
    changed = columns(walker, records, path, record, embed, False, None)
    out = list(items) if changed else None
    if out is not None:
        for cells_at, item in zip(placed, records, strict=True):
            for heading, i in cells_at:
                if item[heading] is not items[i][value_of]:
                    out[i] = {**items[i], value_of: item[heading]}
    # The header's cells, a title's, and cells under no heading: each walked as an object.
    done = {i for cells_at in placed for _, i in cells_at}
    for i, item in enumerate(items):
        if i not in done:
            new, walked = walker.walk(item, f"{path}[{i}]", None, record, embed)
            if walked:
                out = list(items) if out is None else out
                out[i] = new
    return (out, True) if out is not None else (items, False)
