"""Tables in JSON, for the JSON walk (``fastjson.ColumnWalker``): rows of cells under a header
(``[["姓名", "身份证号"], ["张伟", …]]``, ``{"columns": [...], "data": [[...]]}``, Google Charts'
``{"c": [cells]}``, rows holding their cells under ``cells``), each cell judged under its
column's name and the rows walked column by column as the records they stand for would be;
``[key, value]`` entries, each value under its key; a chart's axes, each walked as one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .jsoncolumns import columns
from .jsongrid import cell_header
from .jsonshapes import cells_of, flat_row

if TYPE_CHECKING:
    from .fastjson import ColumnWalker


def table(
    walker: ColumnWalker,
    rows: list[Any],
    names: list[str],
    start: int,
    path: str,
    key: str | None,
    record: int,
    embed: int,
) -> tuple[Any, bool] | None:
    """Rows of a table (from ``start``: a header row above is walked as any value), each
    cell judged under its column's name, as the records they stand for would be, column by
    column. None when a name may hold findings (a heading with a person's name): a key
    masked in a record would not find its cell again, and the rows are walked as they are."""
    if not all(walker.keys.clean(name) for name in names):
        return None
    if flat_row(rows, len(names)):  # {"keys": [...], "values": [...]}: one row
        walked = table(walker, [rows], names, 0, path, key, record, embed)
        return None if walked is None else (walked[0][0], walked[1])
    is_records = id(rows) == walker.records_id
    head: list[Any] = []
    head_changed = False
    for i in range(start):
        new, changed = walker.walk(rows[i], f"{path}[{i}]", key, record, embed)
        head.append(new)
        head_changed |= changed
    records = [dict(zip(names, cells_of(row), strict=True)) for row in rows[start:]]
    if not columns(walker, records, path, record, embed, is_records, None) and not head_changed:
        return rows, False
    # Google Charts' rows are {"c": [cells], …}: the cells go back in their row.
    body = [
        list(item.values()) if type(row) is list else {**row, "c": list(item.values())}
        for row, item in zip(rows[start:], records, strict=True)
    ]
    return head + body, True


def axes(
    walker: ColumnWalker, node: list[dict[str, Any]], path: str, key: str, record: int, embed: int
) -> tuple[Any, bool]:
    """A chart's axes, each walked as an object under the axes' key (``RowCells.axis``)."""
    items: list[Any] | None = None
    for i, item in enumerate(node):
        new, changed = walker.walk(item, f"{path}[{i}]", key, record, embed)
        if changed:
            items = list(node) if items is None else items
            items[i] = new
    return (items, True) if items is not None else (node, False)


def cell_rows(
    walker: ColumnWalker, items: list[dict[str, Any]], path: str, record: int, embed: int
) -> tuple[Any, bool] | None:
    """Rows holding their cells under ``cells``, the first a header row (``jsongrid.cell_header``),
    walked as a table's; None for any other list of objects."""
    rows = [item.get("cells") for item in items]
    names = cell_header(rows, walker.plan_of) if all(type(row) is list for row in rows) else None
    walked = None if names is None else table(walker, rows, names, 1, path, None, record, embed)
    if walked is None:
        return None
    if not walked[1]:
        return items, False
    return [{**item, "cells": row} for item, row in zip(items, walked[0], strict=True)], True


def entries(walker: ColumnWalker, node: list[list[Any]], path: str, record: int, embed: int) -> tuple[Any, bool]:
    """[key, value] entries (``jsonshapes.entries``), each value under its key, each key
    scanned as an object's key is."""
    out: list[Any] | None = None
    for i, (k, v) in enumerate(node):
        new_key = walker.keys.masked(k, f"{path}[{i}]", record)
        new, changed = walker.walk(v, f"{path}[{i}][1]", k, record, embed)
        if changed or new_key is not None:
            out = list(node) if out is None else out
            out[i] = [k if new_key is None else new_key, new]
    return (out, True) if out is not None else (node, False)
